// Block Kit of the lead modal (users_select), the 「対応リーダーを指名」 button, and the
// modal changing a task's owner and due date. Pure.
import type { Button, KnownBlock, View } from "@slack/types";
import { dayIn, timeIn } from "../../platform/day.js";
import { formatDateTime, type Lang } from "../../platform/i18n.js";
import { incidentAssignMessages } from "./messages.js";
import { AssignBlocks, IncidentActions, IncidentViews, INPUT, type TaskMeta } from "../ids.js";
import { taskLabel } from "../tasks/blocks.js";
import { plain, modalView } from "../../platform/slack/text.js";

/** 「対応リーダーを指名」 (the incident id is its value). */
export function leadButton(i: { id: string }, lang: Lang): Button {
  return { type: "button", text: plain(incidentAssignMessages(lang).lead.button), action_id: IncidentActions.assignLead, value: i.id };
}

export function leadModal(i: { id: string; code: string; leadId: string | null }, lang: Lang): View {
  const m = incidentAssignMessages(lang).lead;
  return modalView({
    callbackId: IncidentViews.lead,
    meta: { id: i.id },
    title: m.modalTitle,
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: m.intro(i.code) } },
      {
        type: "input",
        block_id: AssignBlocks.lead,
        label: plain(m.label, 2000),
        element: { type: "users_select", action_id: INPUT, ...(i.leadId ? { initial_user: i.leadId } : {}) },
      },
    ],
  });
}

/** A task's owner (anyone in the directory) and due date (date and time; empty: the legal deadline). */
export function taskEditModal(
  i: { id: string; code: string },
  t: { key: string; ownerId: string; dueAt: Date | null },
  deadline: Date | null,
  lang: Lang,
  timeZone: string,
): View {
  const m = incidentAssignMessages(lang).task;
  const meta: TaskMeta = { id: i.id, key: t.key };
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: m.intro(i.code, taskLabel(t.key, lang), deadline ? formatDateTime(deadline, lang, timeZone) : null) } },
    { type: "input", block_id: AssignBlocks.owner, label: plain(m.owner, 2000), element: { type: "users_select", action_id: INPUT, initial_user: t.ownerId } },
    {
      type: "input",
      block_id: AssignBlocks.dueOn,
      optional: true,
      label: plain(m.dueOn, 2000),
      element: { type: "datepicker", action_id: INPUT, ...(t.dueAt ? { initial_date: dayIn(t.dueAt, timeZone) } : {}) },
    },
    {
      type: "input",
      block_id: AssignBlocks.dueTime,
      optional: true,
      label: plain(m.dueTime, 2000),
      element: { type: "timepicker", action_id: INPUT, ...(t.dueAt ? { initial_time: timeIn(t.dueAt, timeZone) } : {}) },
    },
  ];
  return modalView({
    callbackId: IncidentViews.taskEdit,
    meta,
    title: m.modalTitle,
    submit: m.submit,
    close: m.close,
    blocks,
  });
}
