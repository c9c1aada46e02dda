// The intake's inputs in the report modal (all optional): the regulator form's facts and a
// business partner's report. Pure.
import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { option, plain } from "../../platform/slack/text.js";
import { INPUT } from "../ids.js";
import { DISCOVERY_METHODS, EVENT_KINDS, IntakeBlocks, MEDIA, WHERE } from "./facts.js";
import { intakeMessages } from "./messages.js";

export function intakeInputs(lang: Lang): KnownBlock[] {
  const m = intakeMessages(lang).modal;
  const select = (block: string, label: string, values: readonly string[], labels: Record<string, string>, hint?: string): KnownBlock => ({
    type: "input",
    block_id: block,
    optional: true,
    label: plain(label, 2000),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: { type: "static_select", action_id: INPUT, options: values.map((v) => option(labels[v]!, v)) },
  });
  return [
    { type: "context", elements: [{ type: "mrkdwn", text: m.factsIntro }] },
    { type: "input", block_id: IntakeBlocks.occurredOn, optional: true, label: plain(m.occurredOn, 2000), element: { type: "datepicker", action_id: INPUT } },
    select(IntakeBlocks.discoveryMethod, m.discoveryMethod, DISCOVERY_METHODS, m.discoveryOption),
    {
      type: "input",
      block_id: IntakeBlocks.eventKinds,
      optional: true,
      label: plain(m.eventKinds, 2000),
      element: { type: "checkboxes", action_id: INPUT, options: EVENT_KINDS.map((k) => option(m.eventOption[k], k)) },
    },
    select(IntakeBlocks.medium, m.medium, MEDIA, m.mediumOption),
    select(IntakeBlocks.where, m.where, WHERE, m.whereOption, m.whereHint),
    {
      type: "input",
      block_id: IntakeBlocks.partnerName,
      optional: true,
      label: plain(m.partnerName, 2000),
      element: { type: "plain_text_input", action_id: INPUT, max_length: 200, placeholder: plain(m.partnerHint, 150) },
    },
  ];
}
