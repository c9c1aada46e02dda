// Block Kit of the task checklist (a message in the incident's thread, edited in place),
// the 「該当なし」 modal, the 「終了する」 button and modal. Pure.
import type { Button, KnownBlock, View } from "@slack/types";
import { formatDateTime, type Lang } from "../../platform/i18n.js";
import type { IncidentTask as TaskRow } from "../../generated/prisma/client.js";
import { IncidentActions, IncidentViews, INPUT, TaskBlocks, type TaskMeta } from "../ids.js";
import { incidentMessages } from "../messages.js";
import { TASK_KEYS, type NotApplicableCode, type TaskKey } from "../rules.js";
import { incidentTaskMessages } from "./messages.js";
import { incidentAssignMessages } from "../assign/messages.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { clip, plain, modalView } from "../../platform/slack/text.js";
import { taskLabelFor } from "../trackMessages.js";
import type { TrackProfile } from "../tracks.js";
import { naGroundInput } from "../intake/exceptions.js";

/** Slack allows 50 blocks in a message. */
export const MAX_BLOCKS = 50;

/** A task's name; with the company profile, the personal-data reports name their recipient (trackMessages.ts). */
export const taskLabel = (key: string, lang: Lang, profile?: TrackProfile | null) => taskLabelFor(key, lang, profile);

/** The words of a not-applicable reason: the assessment's code, or the person's words. */
export function naReasonText(t: Pick<TaskRow, "naReason" | "doneBy">, lang: Lang): string {
  if (!t.naReason) return "";
  if (t.doneBy === null) return incidentMessages(lang).notApplicable[t.naReason as NotApplicableCode] ?? t.naReason;
  return t.naReason;
}

const order = (key: string) => TASK_KEYS.indexOf(key as TaskKey);

/** 「完了」「該当なし」 of one task (value: incident id:task key), on the checklist and in its owner's DMs. */
export function taskButtons(incidentId: string, key: string, lang: Lang): Button[] {
  const m = incidentTaskMessages(lang).checklist;
  const value = `${incidentId}:${key}`;
  return [
    { type: "button", text: plain(m.done), action_id: IncidentActions.taskDone, value, style: "primary" },
    { type: "button", text: plain(m.na), action_id: IncidentActions.taskNa, value },
  ];
}

/**
 * The buttons of a task in its owner's DM (assignment, deadline reminders): the owner may
 * not be in the restricted incidents channel, so they act from here; the presses go
 * through the same handlers and checks as on the checklist, which is edited in place.
 * The block id names the incident too: a reminder lists tasks of several incidents.
 */
export function ownerTaskActions(incidentId: string, key: string, lang: Lang, link?: unknown): KnownBlock {
  const open = link
    ? [{ type: "button" as const, text: plain(incidentSlackMessages(lang).dm.open), action_id: IncidentActions.openLink, url: link as string }]
    : [];
  return { type: "actions", block_id: ownerTaskBlockId(incidentId, key), elements: [...taskButtons(incidentId, key, lang), ...open] };
}

/** The block of a task's buttons in its owner's DMs (a reminder's edit finds it by this id). */
export const ownerTaskBlockId = (incidentId: string, key: string) => `task-${key}-${incidentId}`;

/** A DM to a task's owner: the text and the task's buttons (and a link to the thread, for those in the channel). */
export function taskOwnerDm(text: string, lang: Lang, task: { incidentId: string; key: string }, link: unknown | null): { text: string; blocks: KnownBlock[] } {
  return {
    text,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } }, ownerTaskActions(task.incidentId, task.key, lang, link ?? undefined)],
  };
}

/** The checklist: one section per task (owner, due, status), with 「完了」「該当なし」 while open. */
export function checklistMessage(
  i: { id: string; code: string; status: string },
  tasks: TaskRow[],
  lang: Lang,
  timeZone: string,
  profile?: TrackProfile | null,
): { text: string; blocks: KnownBlock[] } {
  const m = incidentTaskMessages(lang).checklist;
  const sorted = [...tasks].sort((a, b) => order(a.key) - order(b.key));
  const finished = sorted.filter((t) => t.status !== "open").length;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${m.header(i.code)}*` } },
    { type: "context", elements: [{ type: "mrkdwn", text: m.progress(finished, sorted.length) }] },
  ];
  const closed = i.status === "closed";
  for (const t of sorted) {
    const due = t.dueAt ? formatDateTime(t.dueAt, lang, timeZone) : m.noDue;
    const lines = [`*${clip(taskLabel(t.key, lang, profile), 200)}*`, `${m.status[t.status] ?? t.status}　${m.owner}：<@${t.ownerId}>　${m.due}：${due}`];
    if (t.status === "done" && t.doneBy && t.doneAt) lines.push(m.doneBy(`<@${t.doneBy}>`, formatDateTime(t.doneAt, lang, timeZone)));
    if (t.status === "na") lines.push(clip(naReasonText(t, lang), 1000) + (t.doneBy ? `（<@${t.doneBy}>）` : ""));
    blocks.push({ type: "section", block_id: `task-info-${t.key}`, text: { type: "mrkdwn", text: clip(lines.join("\n"), 3000) } });
    if (t.status === "open" && !closed && blocks.length < MAX_BLOCKS - 1) {
      blocks.push({
        type: "actions",
        block_id: `task-${t.key}`,
        elements: [
          ...taskButtons(i.id, t.key, lang),
          { type: "button", text: plain(incidentAssignMessages(lang).task.button), action_id: IncidentActions.taskEdit, value: `${i.id}:${t.key}` },
        ],
      });
    }
  }
  if (closed && blocks.length < MAX_BLOCKS) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.closed }] });
  return { text: m.header(i.code), blocks: blocks.slice(0, MAX_BLOCKS) };
}

/** The asker's own tasks of an incident, for `/privacy incident status` (a task's owner may not see the checklist). */
export function myTasksText(tasks: TaskRow[], lang: Lang, timeZone: string): string {
  const m = incidentTaskMessages(lang);
  const sorted = [...tasks].sort((a, b) => order(a.key) - order(b.key));
  const lines = sorted.map(
    (t) =>
      `• ${taskLabel(t.key, lang)}　${m.checklist.status[t.status] ?? t.status}　${m.checklist.due}：${t.dueAt ? formatDateTime(t.dueAt, lang, timeZone) : m.checklist.noDue}`,
  );
  return [`*${m.mine.header}*`, ...lines, ...(sorted.some((t) => t.status === "open") ? [m.mine.how] : [])].join("\n");
}

/** 「該当なし」: the reason, required. */
/** The longest 「該当なし」 reason (its input's max_length, checked again on submission). */
export const NA_REASON_MAX = 1000;

export function naModal(i: { id: string; code: string }, key: string, lang: Lang): View {
  const m = incidentTaskMessages(lang).naModal;
  const meta: TaskMeta = { id: i.id, key };
  return modalView({
    callbackId: IncidentViews.taskNa,
    meta,
    title: m.title,
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: m.intro(i.code, taskLabel(key, lang)) } },
      // notice and publication (the company's policies): the grounds that exist (intake/exceptions.ts)
      ...(naGroundInput(key, lang) ? [naGroundInput(key, lang)!] : []),
      {
        type: "input",
        block_id: TaskBlocks.naReason,
        label: plain(m.reason, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: NA_REASON_MAX },
      },
    ],
  });
}

/** 「終了する」 on the parent message (the incident id is its value). */
export function closeButton(i: { id: string }, lang: Lang): Button {
  return { type: "button", text: plain(incidentTaskMessages(lang).button.close), action_id: IncidentActions.close, value: i.id };
}

/** Closing: the recurrence-prevention entry (再発防止策), required. */
export function closeModal(i: { id: string; code: string; recurrencePrevention: string | null }, lang: Lang): View {
  const m = incidentTaskMessages(lang).closeModal;
  return modalView({
    callbackId: IncidentViews.close,
    meta: { id: i.id },
    title: m.title,
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: m.intro(i.code) } },
      {
        type: "input",
        block_id: TaskBlocks.recurrence,
        label: plain(m.recurrence, 2000),
        element: {
          type: "plain_text_input",
          action_id: INPUT,
          multiline: true,
          max_length: 3000,
          ...(i.recurrencePrevention ? { initial_value: i.recurrencePrevention } : {}),
        },
      },
    ],
  });
}
