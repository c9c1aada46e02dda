// Block Kit builders of the report and the assessment: the one-minute report modal and the
// 第7条 assessment modal. Pure functions.
import type { KnownBlock, View } from "@slack/types";
import { dayIn, timeIn } from "../../platform/day.js";
import type { Lang } from "../../platform/i18n.js";
import { option, plain, modalView } from "../../platform/slack/text.js";
import { AssessBlocks, IncidentViews, INPUT, ReportBlocks, type AssessMeta } from "../ids.js";
import { REPORTABLE_CATEGORIES } from "../rules.js";
import { AFFECTED_ESTIMATES, incidentSlackMessages, ONGOING } from "../slackMessages.js";
import { assessmentOf, type IncidentRow } from "../store.js";
import { intakeInputs } from "../intake/blocks.js";
import { trackMessages } from "../trackMessages.js";
import type { CompanyProfile } from "../../settings.js";

// ---- the further report tracks' questions (issue 13, tracks.ts) ---------------------------

/** 通信の秘密: yes / no / don't know (a carrier only); "don't know" is pre-selected and counts as involved. */
function secrecyQuestion(block: string, lang: Lang, initial: string | null | undefined): KnownBlock {
  const f = trackMessages(lang).form;
  const opts = (["yes", "no", "unknown"] as const).map((v) => option(f.secrecyOption[v]!, v));
  return {
    type: "input",
    block_id: block,
    label: plain(f.secrecy, 2000),
    hint: plain(f.secrecyHint, 2000),
    element: { type: "radio_buttons", action_id: INPUT, options: opts, initial_option: opts.find((o) => o.value === initial) ?? opts[2]! },
  };
}

// ---- the report modal ---------------------------------------------------------------

/** The one-minute report: what, when, which data and how many, still going on, a client's data, contact. */
export function reportModal(lang: Lang, now: Date, timeZone: string, profile?: Pick<CompanyProfile, "telecomCarrier"> | null): View {
  const m = incidentSlackMessages(lang).modal;
  const radio = (values: readonly string[], labels: Record<string, string>) => ({
    type: "radio_buttons" as const,
    action_id: INPUT,
    options: values.map((v) => option(labels[v]!, v)),
  });
  return modalView({
    callbackId: IncidentViews.report,
    title: m.reportTitle,
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: m.intro }] },
      {
        type: "input",
        block_id: ReportBlocks.summary,
        label: plain(m.summary, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: 3000, placeholder: plain(m.summaryHint, 150) },
      },
      {
        type: "input",
        block_id: ReportBlocks.discoveredOn,
        label: plain(m.discoveredOn, 2000),
        element: { type: "datepicker", action_id: INPUT, initial_date: dayIn(now, timeZone) },
      },
      {
        type: "input",
        block_id: ReportBlocks.discoveredTime,
        label: plain(m.discoveredTime, 2000),
        element: { type: "timepicker", action_id: INPUT, initial_time: timeIn(now, timeZone) },
      },
      {
        type: "input",
        block_id: ReportBlocks.data,
        label: plain(m.data, 2000),
        element: { type: "plain_text_input", action_id: INPUT, max_length: 1000, placeholder: plain(m.dataHint, 150) },
      },
      {
        type: "input",
        block_id: ReportBlocks.affected,
        label: plain(m.affected, 2000),
        element: { type: "static_select", action_id: INPUT, options: AFFECTED_ESTIMATES.map((v) => option(m.affectedOption[v], v)) },
      },
      { type: "input", block_id: ReportBlocks.ongoing, label: plain(m.ongoing, 2000), element: radio(ONGOING, m.ongoingOption) },
      {
        type: "input",
        block_id: ReportBlocks.processor,
        label: plain(m.processor, 2000),
        hint: plain(m.processorHint, 2000),
        element: radio(["yes", "no"], m.processorOption),
      },
      ...(profile?.telecomCarrier ? [secrecyQuestion(ReportBlocks.secrecy, lang, "unknown")] : []),
      ...intakeInputs(lang),
      {
        type: "input",
        block_id: ReportBlocks.contact,
        optional: true,
        label: plain(m.contact, 2000),
        element: { type: "plain_text_input", action_id: INPUT, max_length: 200, placeholder: plain(m.contactHint, 150) },
      },
    ],
  });
}

// ---- the assessment modal -----------------------------------------------------------

/** The 第7条 assessment, pre-filled with the last one (or the report's answers). */
export function assessModal(i: IncidentRow, lang: Lang, profile?: Pick<CompanyProfile, "telecomCarrier" | "designatedCarrier"> | null): View {
  const m = incidentSlackMessages(lang).modal;
  const a = assessmentOf(i);
  const yesNo = (labels: { yes: string; no: string }, yes: boolean) => {
    const opts = [option(labels.yes, "yes"), option(labels.no, "no")];
    return { type: "radio_buttons" as const, action_id: INPUT, options: opts, initial_option: opts[yes ? 0 : 1] };
  };
  const catOptions = REPORTABLE_CATEGORIES.map((c) => option(m.category[c], c));
  const ticked = a
    ? catOptions.filter(
        (o) =>
          ({
            sensitive: a.sensitive,
            "financial-loss": a.financialLoss,
            malicious: a.malicious,
            "over-1000": a.mayExceedThousand === true || (a.affectedCount !== null && a.affectedCount > 1000),
          })[o.value as (typeof REPORTABLE_CATEGORIES)[number]],
      )
    : [];
  const text = (block: string, label: string, initial: string | null | undefined, multiline = false, optional = true) => ({
    type: "input" as const,
    block_id: block,
    optional,
    label: plain(label, 2000),
    element: { type: "plain_text_input" as const, action_id: INPUT, multiline, ...(initial ? { initial_value: initial } : {}) },
  });
  const meta: AssessMeta = { id: i.id };
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: m.assessIntro(i.code) } },
    {
      type: "input",
      block_id: AssessBlocks.categories,
      optional: true,
      label: plain(m.categories, 2000),
      element: { type: "checkboxes", action_id: INPUT, options: catOptions, ...(ticked.length ? { initial_options: ticked } : {}) },
    },
    { type: "input", block_id: AssessBlocks.encrypted, label: plain(m.encrypted, 2000), element: yesNo(m.encryptedOption, a?.stronglyEncrypted ?? false) },
    text(AssessBlocks.affectedCount, m.affectedCount, a?.affectedCount != null ? String(a.affectedCount) : null),
    { type: "input", block_id: AssessBlocks.processor, label: plain(m.processor, 2000), element: yesNo(m.processorOption, a?.asProcessor ?? i.asProcessor) },
    ...(profile?.telecomCarrier ? [secrecyQuestion(AssessBlocks.secrecy, lang, a?.secrecy ?? i.secrecyInvolved)] : []),
    tracksQuestion(lang, a, profile?.telecomCarrier === true && profile.designatedCarrier),
    text(AssessBlocks.dataItems, m.dataItems, i.dataItems ?? i.dataDescription),
    text(AssessBlocks.cause, m.cause, i.cause, true),
  ];
  // shown only when reassessing, and then required (the form refuses an empty one too)
  if (a) blocks.push({ ...text(AssessBlocks.reason, m.reason, null, true, false), hint: plain(m.reasonHint, 2000) });
  return modalView({
    callbackId: IncidentViews.assess,
    meta,
    title: m.assessTitle,
    submit: m.assessSubmit,
    close: m.close,
    blocks,
  });
}

/** My Number, and 特定利用者情報 for a designated carrier: ticked when involved (like the 第7条 categories). */
function tracksQuestion(lang: Lang, a: ReturnType<typeof assessmentOf>, designated: boolean): KnownBlock {
  const f = trackMessages(lang).form;
  const opts = [option(f.tracksOption.myNumber, "my-number"), ...(designated ? [option(f.tracksOption.specifiedUserInfo, "specified-user-info")] : [])];
  const ticked = opts.filter((o) => (o.value === "my-number" ? a?.myNumber === "yes" : a?.specifiedUserInfo === "yes"));
  return {
    type: "input",
    block_id: AssessBlocks.tracks,
    optional: true,
    label: plain(f.tracks, 2000),
    element: { type: "checkboxes", action_id: INPUT, options: opts, ...(ticked.length ? { initial_options: ticked } : {}) },
  };
}
