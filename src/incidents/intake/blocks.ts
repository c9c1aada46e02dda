// The intake's inputs in the report modal (all optional): the regulator form's facts and a
// business partner's report. Pure.
import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { option, plain } from "../../platform/slack/text.js";
import { INPUT } from "../ids.js";
import { DISCOVERY_METHODS, EVENT_KINDS, IntakeBlocks, MEDIA, WHERE, type IncidentFacts } from "./facts.js";
import { intakeMessages } from "./messages.js";

/** The facts' inputs: in the report modal with the partner question, in the report-items modal (later) without it, pre-filled. */
export function intakeInputs(lang: Lang, opts: { initial?: IncidentFacts; later?: boolean } = {}): KnownBlock[] {
  const m = intakeMessages(lang).modal;
  const f = opts.initial;
  const select = (
    block: string,
    label: string,
    values: readonly string[],
    labels: Record<string, string>,
    initial: string | null,
    hint?: string,
  ): KnownBlock => ({
    type: "input",
    block_id: block,
    optional: true,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: {
      type: "static_select",
      action_id: INPUT,
      options: values.map((v) => option(labels[v]!, v)),
      ...(initial ? { initial_option: option(labels[initial]!, initial) } : {}),
    },
  });
  const kinds = f?.eventKinds.length ? { initial_options: f.eventKinds.map((k) => option(m.eventOption[k], k)) } : {};
  const facts: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: m.factsIntro }] },
    {
      type: "input",
      block_id: IntakeBlocks.occurredOn,
      optional: true,
      label: plain(m.occurredOn, 2000),
      element: { type: "datepicker", action_id: INPUT, ...(f?.occurredOn ? { initial_date: f.occurredOn } : {}) },
    },
    select(IntakeBlocks.discoveryMethod, m.discoveryMethod, DISCOVERY_METHODS, m.discoveryOption, f?.discoveryMethod ?? null),
    {
      type: "input",
      block_id: IntakeBlocks.eventKinds,
      optional: true,
      label: plain(m.eventKinds, 2000),
      element: { type: "checkboxes", action_id: INPUT, options: EVENT_KINDS.map((k) => option(m.eventOption[k], k)), ...kinds },
    },
    select(IntakeBlocks.medium, m.medium, MEDIA, m.mediumOption, f?.medium ?? null),
  ];
  if (opts.later) return facts;
  return [
    ...facts,
    select(IntakeBlocks.where, m.where, WHERE, m.whereOption, null, m.whereHint),
    {
      type: "input",
      block_id: IntakeBlocks.partnerName,
      optional: true,
      label: plain(m.partnerName, 2000),
      element: { type: "plain_text_input", action_id: INPUT, max_length: 200, placeholder: plain(m.partnerHint, 150) },
    },
  ];
}
