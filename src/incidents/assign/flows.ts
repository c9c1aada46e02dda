// The incident lead (assigned by the chief or the deputy chief) and a task's owner and due
// date (changed by a responder from the checklist). Like report/flows.ts: one transaction holds
// the change, its audit entry (the timeline) and the Slack messages it causes: the thread
// reply, the edited post or checklist, a DM to the person now in charge, the Home tabs.
import { appendAudit } from "../../platform/audit/chain.js";
import { transact, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG, formatDateTime, type Lang } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { directMessage, mention, ref } from "../../platform/slack/calls.js";
import type { Services } from "../../platform/services.js";
import { langOf } from "../../directory/store.js";
import { mayAssignLead, mayRespond } from "../access.js";
import { incidentAssignMessages } from "./messages.js";
import { dmWithLink } from "../blocks.js";
import { homeRefreshes, parentUpdate, taskDmKey, threadPost } from "../calls.js";
import { trackedDm } from "../../platform/slack/trackedDm.js";
import { logRefusal } from "../refusals.js";
import { deadlinesOf, lockIncident } from "../store.js";
import { taskDeadline, type TaskKey } from "../rules.js";
import { checklistCall, loadTasks, openTaskFor } from "../tasks/flows.js";
import { taskLabel, taskOwnerDm } from "../tasks/blocks.js";

const subject = (code: string) => `incident:${code}`;
const link = (id: string) => ref("incidentPermalink", id);

export type AssignRefusal = "not_found" | "not_allowed" | "closed" | "not_open" | "unknown_person" | "after_deadline";
export type LeadResult = { ok: true; code: string; changed: boolean } | { ok: false; refusal: AssignRefusal };

/** 「対応リーダーを指名」: the chief or the deputy chief makes someone in the directory the incident's lead. */
export async function assignLead(s: Services, input: { incidentId: string; actorId: string; leadId: string }): Promise<LeadResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<LeadResult> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayAssignLead, "not_allowed");
    if (!lock.ok) return lock;
    const before = lock.before;
    if (before.status === "closed") return { ok: false, refusal: "closed" };
    if (!(await tx.person.findUnique({ where: { slackId: input.leadId } }))) return { ok: false, refusal: "unknown_person" };
    if (before.leadId === input.leadId) return { ok: true, code: before.code, changed: false };
    const now = s.clock.now();
    const after = await tx.incident.update({ where: { id: before.id }, data: { leadId: input.leadId, rev: { increment: 1 }, updatedAt: now } });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "incident.lead_assigned",
      subject: subject(before.code),
      data: { from: before.leadId, to: input.leadId },
    });
    const calls: OutgoingCall[] = [];
    if (after.channelId) {
      const m = incidentAssignMessages(CHANNEL_LANG).lead;
      calls.push(
        await parentUpdate(after, s, tx),
        threadPost(after, m.thread(mention(input.actorId), mention(input.leadId), before.leadId ? mention(before.leadId) : null)),
      );
    }
    if (input.leadId !== input.actorId) {
      const lang = await langOf(tx, input.leadId);
      const text = incidentAssignMessages(lang).lead.dm(before.code, mention(input.actorId));
      calls.push(directMessage(input.leadId, after.channelId ? dmWithLink(text, lang, link(after.id)) : { text }));
    }
    calls.push(...(await homeRefreshes(tx, after, before.leadId)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, code: before.code, changed: true };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, "assign_lead", result.refusal);
  s.outbox.kick();
  return result;
}

export type TaskAssignResult = { ok: true; code: string; key: string; changed: boolean } | { ok: false; refusal: AssignRefusal; deadline?: Date };

/**
 * 「担当・期限を変更」: a responder gives an open task another owner (anyone in the
 * directory) and/or due date. A task that follows a legal deadline cannot be due later
 * than it (`dueAt` null: back to the deadline); the new owner is told by DM.
 */
export async function assignTask(
  s: Services,
  input: { incidentId: string; key: string; actorId: string; ownerId: string; dueAt: Date | null },
): Promise<TaskAssignResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<TaskAssignResult> => {
    const found = await openTaskFor(tx, input, (actor, incident) => mayRespond(actor, incident));
    if (!found.ok) return found;
    const { before, task } = found;
    if (!(await tx.person.findUnique({ where: { slackId: input.ownerId } }))) return { ok: false, refusal: "unknown_person" };
    const dk = taskDeadline(task.key as TaskKey);
    const deadline = dk ? deadlinesOf(before)[dk] : null;
    if (deadline && input.dueAt && input.dueAt.getTime() > deadline.getTime()) return { ok: false, refusal: "after_deadline", deadline };
    const dueAt = input.dueAt ?? deadline;
    const ownerChanged = task.ownerId !== input.ownerId;
    const dueChanged = (task.dueAt?.getTime() ?? null) !== (dueAt?.getTime() ?? null);
    if (!ownerChanged && !dueChanged) return { ok: true, code: before.code, key: task.key, changed: false };
    const now = s.clock.now();
    const byHand = input.dueAt !== null && (deadline === null || input.dueAt.getTime() !== deadline.getTime());
    await tx.incidentTask.update({ where: { id: task.id }, data: { ownerId: input.ownerId, dueAt, dueSetBy: byHand ? input.actorId : null, updatedAt: now } });
    const after = await tx.incident.update({ where: { id: before.id }, data: { rev: { increment: 1 }, updatedAt: now } });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "incident.task_assigned",
      subject: subject(before.code),
      data: {
        task: task.key,
        ...(ownerChanged ? { owner: { from: task.ownerId, to: input.ownerId } } : {}),
        ...(dueChanged ? { due: { from: task.dueAt?.toISOString() ?? null, to: dueAt?.toISOString() ?? null } } : {}),
      },
    });
    const calls: OutgoingCall[] = [];
    const when = (d: Date | null, lang: Lang) => (d ? formatDateTime(d, lang, s.timeZone) : incidentAssignMessages(lang).task.noDue);
    if (after.channelId) {
      const m = incidentAssignMessages(CHANNEL_LANG).task;
      const changes = [
        ...(ownerChanged ? [m.ownerChange(mention(task.ownerId), mention(input.ownerId))] : []),
        ...(dueChanged ? [m.dueChange(when(task.dueAt, CHANNEL_LANG), when(dueAt, CHANNEL_LANG))] : []),
      ];
      calls.push(
        checklistCall(after, await loadTasks(tx, before.id), s, false),
        threadPost(after, m.thread(mention(input.actorId), taskLabel(task.key, CHANNEL_LANG), changes)),
      );
    }
    if (ownerChanged && input.ownerId !== input.actorId) {
      const lang = await langOf(tx, input.ownerId);
      const text = incidentAssignMessages(lang).task.dm(before.code, taskLabel(task.key, lang), mention(input.actorId), when(dueAt, lang));
      // the owner may not be in the incidents channel: the task's buttons come with the DM
      const dm = taskOwnerDm(text, lang, { incidentId: after.id, key: task.key }, after.channelId ? link(after.id) : null);
      calls.push(await trackedDm(tx, s.clock.now(), taskDmKey(after.id, task.key), input.ownerId, dm));
    }
    calls.push(...(await homeRefreshes(tx, after)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, code: before.code, key: task.key, changed: true };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, `task_assign:${input.key}`, result.refusal);
  s.outbox.kick();
  return result;
}
