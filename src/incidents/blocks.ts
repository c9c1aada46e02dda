// Block Kit builders of the incidents feature: pure functions from an incident to blocks.
import type { Button, KnownBlock, View } from "@slack/types";
import { dayIn, timeIn } from "../platform/day.js";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { AssessBlocks, IncidentActions, IncidentViews, INPUT, ReportBlocks, type AssessMeta } from "./ids.js";
import { describeReportability, formatDue, incidentMessages } from "./messages.js";
import { DEADLINE_KEYS, REPORTABLE_CATEGORIES, reportability, type IncidentDeadlines, type IncidentStatus } from "./rules.js";
import { incidentEscalationMessages } from "./escalationMessages.js";
import { AFFECTED_ESTIMATES, incidentSlackMessages, ONGOING, type AffectedEstimate, type Ongoing } from "./slackMessages.js";
import { assessmentOf, deadlinesOf, type IncidentRow } from "./store.js";
import { statusButtons } from "./status/blocks.js";
import { closeButton } from "./tasks/blocks.js";
import { detailsButton } from "./details/blocks.js";
import { leadButton } from "./assign/blocks.js";
import { incidentAssignMessages } from "./assign/messages.js";
import { mention } from "../platform/slack/calls.js";
import { type SlackMessage, clip, option, plain } from "../platform/slack/text.js";

export type { SlackMessage };

// ---- the report modal ---------------------------------------------------------------

/** The one-minute report: what, when, which data and how many, still going on, a client's data, contact. */
export function reportModal(lang: Lang, now: Date, timeZone: string): View {
  const m = incidentSlackMessages(lang).modal;
  const radio = (values: readonly string[], labels: Record<string, string>) => ({ type: "radio_buttons" as const, action_id: INPUT, options: values.map((v) => option(labels[v]!, v)) });
  return {
    type: "modal",
    callback_id: IncidentViews.report,
    title: plain(m.reportTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: "context", elements: [{ type: "mrkdwn", text: m.intro }] },
      {
        type: "input",
        block_id: ReportBlocks.summary,
        label: plain(m.summary, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: 3000, placeholder: plain(m.summaryHint, 150) },
      },
      { type: "input", block_id: ReportBlocks.discoveredOn, label: plain(m.discoveredOn, 2000), element: { type: "datepicker", action_id: INPUT, initial_date: dayIn(now, timeZone) } },
      { type: "input", block_id: ReportBlocks.discoveredTime, label: plain(m.discoveredTime, 2000), element: { type: "timepicker", action_id: INPUT, initial_time: timeIn(now, timeZone) } },
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
      { type: "input", block_id: ReportBlocks.processor, label: plain(m.processor, 2000), hint: plain(m.processorHint, 2000), element: radio(["yes", "no"], m.processorOption) },
      {
        type: "input",
        block_id: ReportBlocks.contact,
        optional: true,
        label: plain(m.contact, 2000),
        element: { type: "plain_text_input", action_id: INPUT, max_length: 200, placeholder: plain(m.contactHint, 150) },
      },
    ],
  };
}

// ---- the assessment modal -----------------------------------------------------------

/** The 第7条 assessment, pre-filled with the last one (or the report's answers). */
export function assessModal(i: IncidentRow, lang: Lang): View {
  const m = incidentSlackMessages(lang).modal;
  const a = assessmentOf(i);
  const yesNo = (labels: { yes: string; no: string }, yes: boolean) => {
    const opts = [option(labels.yes, "yes"), option(labels.no, "no")];
    return { type: "radio_buttons" as const, action_id: INPUT, options: opts, initial_option: opts[yes ? 0 : 1] };
  };
  const catOptions = REPORTABLE_CATEGORIES.map((c) => option(m.category[c], c));
  const ticked = a
    ? catOptions.filter((o) => ({ sensitive: a.sensitive, "financial-loss": a.financialLoss, malicious: a.malicious, "over-1000": a.affectedCount !== null && a.affectedCount > 1000 })[o.value as (typeof REPORTABLE_CATEGORIES)[number]])
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
    text(AssessBlocks.dataItems, m.dataItems, i.dataItems ?? i.dataDescription),
    text(AssessBlocks.cause, m.cause, i.cause, true),
  ];
  if (a) blocks.push({ ...text(AssessBlocks.reason, m.reason, null, true), hint: plain(m.reasonHint, 2000) });
  return {
    type: "modal",
    callback_id: IncidentViews.assess,
    private_metadata: JSON.stringify(meta),
    title: plain(m.assessTitle, 24),
    submit: plain(m.assessSubmit, 24),
    close: plain(m.close, 24),
    blocks,
  };
}

// ---- the parent message -------------------------------------------------------------

/** Each deadline that applies, one line each, in the company's time zone; null when none. */
export function deadlineLines(d: IncidentDeadlines, lang: Lang, timeZone: string): string[] {
  const m = incidentMessages(lang);
  return DEADLINE_KEYS.filter((k) => d[k]).map((k) => `• ${m.deadline[k]}：${formatDue(d[k], lang, timeZone)}`);
}

/** The reportability decision and the deadlines of an assessed incident, as mrkdwn lines. */
export function assessmentText(i: IncidentRow, lang: Lang, timeZone: string): string | null {
  const a = assessmentOf(i);
  if (!a) return null;
  const m = incidentSlackMessages(lang).parent;
  const r = reportability(a);
  const lines = deadlineLines(deadlinesOf(i), lang, timeZone);
  const out = [`*${m.reportable}*：${describeReportability(r, lang)}`];
  if (r.countUnknown && !r.reportable) out.push(incidentMessages(lang).countUnknown);
  out.push(`*${m.deadlines}*`, ...(lines.length ? lines : [m.noDeadlines]));
  return out.join("\n");
}

export function assessButton(i: { id: string; assessment: unknown }, lang: Lang): Button {
  const m = incidentSlackMessages(lang).parent;
  return { type: "button", text: plain(i.assessment ? m.reassess : m.assess), action_id: IncidentActions.assess, value: i.id, ...(i.assessment ? {} : { style: "primary" as const }) };
}

/** 「受領しました（対応開始）」: the incident id is its value. */
export function acknowledgeButton(incidentId: string, lang: Lang): Button {
  return { type: "button", text: plain(incidentEscalationMessages(lang).ack.button), action_id: IncidentActions.acknowledge, value: incidentId, style: "danger" };
}

/** The incident's post in the incidents channel: the report, the status, the assessment or what is still unknown. */
export function incidentMessage(i: IncidentRow, lang: Lang, timeZone: string): SlackMessage {
  const m = incidentSlackMessages(lang).parent;
  const mm = incidentSlackMessages(lang).modal;
  const status = incidentMessages(lang).status[i.status as IncidentStatus] ?? i.status;
  const fields = [
    `*${m.status}*\n${status}`,
    `*${m.reporter}*\n${mention(i.reporterId)}`,
    `*${m.discoveredAt}*\n${formatDateTime(i.discoveredAt, lang, timeZone)}`,
    `*${m.reportedAt}*\n${formatDateTime(i.reportedAt, lang, timeZone)}`,
    `*${m.data}*\n${clip(i.dataDescription, 500)}`,
    `*${m.affected}*\n${mm.affectedOption[i.affectedEstimate as AffectedEstimate] ?? i.affectedEstimate}`,
    `*${m.ongoing}*\n${mm.ongoingOption[i.ongoing as Ongoing] ?? i.ongoing}`,
    `*${m.processor}*\n${i.asProcessor ? m.yes : m.no}`,
    ...(i.contact ? [`*${m.contact}*\n${clip(i.contact, 200)}`] : []),
    `*${incidentAssignMessages(lang).lead.field}*\n${i.leadId ? mention(i.leadId) : incidentAssignMessages(lang).lead.none}`,
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.header(i.code), 150) },
    { type: "section", text: { type: "mrkdwn", text: clip(i.summary, 3000) } },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn" as const, text: clip(text, 2000) })) },
  ];
  if (i.asProcessor) blocks.push({ type: "section", text: { type: "mrkdwn", text: m.processorFirst } });
  const assessed = assessmentText(i, lang, timeZone);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(assessed ?? m.notAssessed, 3000) } });
  if (i.assessedBy && i.assessedAt) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.assessedBy(mention(i.assessedBy), formatDateTime(i.assessedAt, lang, timeZone)) }] });
  const ack = incidentEscalationMessages(lang).ack;
  const acked = i.acknowledgedBy && i.acknowledgedAt ? ack.parent(mention(i.acknowledgedBy), formatDateTime(i.acknowledgedAt, lang, timeZone)) : i.status === "closed" ? null : ack.notYet;
  if (acked) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: acked }] });
  if (i.status !== "closed") {
    const elements: Button[] = i.acknowledgedAt ? [assessButton(i, lang)] : [acknowledgeButton(i.id, lang), assessButton(i, lang)];
    elements.push(...statusButtons(i, lang));
    if (i.status !== "open") elements.push(closeButton(i, lang));
    elements.push(detailsButton(i, lang), leadButton(i, lang));
    blocks.push({ type: "actions", block_id: `assess-${i.rev}`, elements });
  }
  return { text: `${m.header(i.code)}: ${clip(i.summary, 200)}`, blocks };
}

/** A DM with a link button to the incident's thread (the URL is filled in by the outbox when sent). */
export function dmWithLink(text: string, lang: Lang, link: unknown, acknowledge?: { incidentId: string }): { text: string; blocks: unknown[] } {
  const open = { type: "button", text: plain(incidentSlackMessages(lang).dm.open), action_id: IncidentActions.openLink, url: link };
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
      { type: "actions", elements: acknowledge ? [acknowledgeButton(acknowledge.incidentId, lang), open] : [open] },
    ],
  };
}
