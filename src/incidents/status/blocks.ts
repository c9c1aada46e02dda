// Block Kit of the status moves: the buttons on the parent message (by status) and the
// small modal asking when the 速報 or 確報 was submitted.
import type { Button, View } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { IncidentActions, IncidentViews, INPUT, SubmittedBlocks, type SubmittedMeta } from "../ids.js";
import { canMove, INCIDENT_EVENTS, type IncidentStatus } from "../rules.js";
import { incidentStatusMessages, type MoveEvent } from "./messages.js";
import { plain, modalView } from "../../platform/slack/text.js";

const MOVE_EVENTS: readonly MoveEvent[] = ["contain", "reportPreliminary", "reportFinal"];

/** The moves the status allows now (rules.ts canMove), as buttons whose value is the incident id. */
export function statusButtons(i: { id: string; status: string }, lang: Lang): Button[] {
  const m = incidentStatusMessages(lang).button;
  return MOVE_EVENTS.filter((e) => canMove(i.status as IncidentStatus, INCIDENT_EVENTS[e])).map((e) => ({
    type: "button" as const,
    text: plain(m[e]),
    action_id: IncidentActions[e],
    value: i.id,
  }));
}

/** 「速報を提出」/「確報を提出」: when it was submitted (defaults to now) and an optional reference. */
export function submittedModal(i: { id: string; code: string }, kind: SubmittedMeta["kind"], lang: Lang, day: string, time: string, to?: string): View {
  const m = incidentStatusMessages(lang).modal;
  const meta: SubmittedMeta = { id: i.id, kind };
  return modalView({
    callbackId: IncidentViews.submitted,
    meta,
    title: m.title[kind],
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: m.intro(i.code, kind, to) } },
      { type: "input", block_id: SubmittedBlocks.day, label: plain(m.day, 2000), element: { type: "datepicker", action_id: INPUT, initial_date: day } },
      { type: "input", block_id: SubmittedBlocks.time, label: plain(m.time, 2000), element: { type: "timepicker", action_id: INPUT, initial_time: time } },
      {
        type: "input",
        block_id: SubmittedBlocks.reference,
        optional: true,
        label: plain(m.reference, 2000),
        element: { type: "plain_text_input", action_id: INPUT, max_length: 200 },
      },
    ],
  });
}
