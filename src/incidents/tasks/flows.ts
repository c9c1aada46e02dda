// The task checklist of an incident and closing it. Tasks are created at triage from
// rules.ts checklistFor (not applicable ones with the assessment's reason), updated on
// reassessment (tasksAfterReassessment), marked done or not applicable by a person, and
// closing requires every task done or not applicable (canClose) and the 再発防止策.
// Like report/flows.ts: one transaction holds the change, its audit entry and its Slack messages.
import { appendAudit } from "../../platform/audit/chain.js";
import { sealOf } from "../../platform/pii/index.js";
import { transact, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG, type Lang } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { mention, messageUpdate, ref, threadPost as inThread } from "../../platform/slack/calls.js";
import type { Services } from "../../platform/services.js";
import type { IncidentTask as TaskRow } from "../../generated/prisma/client.js";
import { mayRespond } from "../access.js";
import { homeRefreshes, taskDmUpdates, parentUpdate, threadPost } from "../calls.js";
import { deadlineOfTask } from "../overview.js";
import { logRefusal } from "../refusals.js";
import { companyProfile } from "../config.js";
import {
  canClose,
  checklistFor,
  statusAfter,
  taskDueAfterAssessment,
  tasksAfterReassessment,
  type Assessment,
  type IncidentDeadlines,
  type IncidentStatus,
  type IncidentTask,
  type TaskKey,
} from "../rules.js";
import { statusName } from "../messages.js";
import { checklistMessage, naReasonText, taskLabel } from "./blocks.js";
import { incidentTaskMessages } from "./messages.js";
import { officersOf } from "../../directory/store.js";
import { loadIncident, lockIncident, type IncidentRow } from "../store.js";

const subject = (code: string) => `incident:${code}`;

export async function loadTasks(q: Tx | Services["database"]["prisma"], incidentId: string): Promise<TaskRow[]> {
  return q.incidentTask.findMany({ where: { incidentId } });
}

/** A stored task as rules.ts sees it. */
export function ruleTask(t: TaskRow): IncidentTask {
  const status = t.status === "na" ? "not-applicable" : (t.status as "open" | "done");
  const notApplicable = t.status !== "na" ? null : t.doneBy === null ? { code: t.naReason as never } : { reason: t.naReason ?? "", by: t.doneBy };
  return { key: t.key as TaskKey, status, notApplicable };
}

/** The checklist in the thread: posted once (its ts recorded when sent), edited in place after. */
export function checklistCall(i: IncidentRow, tasks: TaskRow[], s: Services, post: boolean): OutgoingCall {
  const msg = checklistMessage(i, tasks, CHANNEL_LANG, s.timeZone, companyProfile(s));
  const orderKey = `incident:${i.id}`;
  const body = { text: msg.text, blocks: msg.blocks };
  if (post) return inThread(orderKey, i.channelId, ref("incidentTs", i.id), body, { onSent: { type: "incidentChecklist", incidentId: i.id } });
  return messageUpdate(orderKey, i.channelId, ref("incidentChecklistTs", i.id), body);
}

/**
 * At an assessment (in its transaction): the first one creates the tasks, owned by the
 * chief, due by the deadline each follows; a reassessment applies tasksAfterReassessment
 * and moves the due dates. Returns the Slack calls (checklist post or edit) and the
 * timeline lines of what changed.
 */
export async function tasksAtAssessment(
  tx: Tx,
  s: Services,
  i: IncidentRow,
  a: Assessment,
  due: IncidentDeadlines,
  actorId: string,
): Promise<{ calls: OutgoingCall[]; lines: string[] }> {
  const now = s.clock.now();
  const defs = checklistFor(a);
  const existing = await loadTasks(tx, i.id);
  const lines: string[] = [];
  if (existing.length === 0) {
    const owner = (await officersOf(tx)).chiefs[0] ?? actorId;
    await tx.incidentTask.createMany({
      data: defs.map((d) => ({
        incidentId: i.id,
        key: d.key,
        ownerId: owner,
        dueAt: d.deadline ? due[d.deadline] : null,
        status: d.applies ? "open" : "na",
        naReason: d.applies ? null : d.notApplicableBecause,
        createdAt: now,
        updatedAt: now,
      })),
    });
    await appendAudit(tx, {
      at: now,
      actorId,
      action: "incident.tasks_created",
      subject: subject(i.code),
      data: { tasks: defs.map((d) => ({ key: d.key, status: d.applies ? "open" : "na", naReason: d.notApplicableBecause })) },
    });
  } else {
    const next = new Map(tasksAfterReassessment(existing.map(ruleTask), a).map((t) => [t.key, t]));
    const changes: { key: string; from: string; to: string }[] = [];
    for (const row of existing) {
      const t = next.get(row.key as TaskKey);
      const d = defs.find((x) => x.key === row.key);
      if (!t || !d) continue;
      const status = t.status === "not-applicable" ? "na" : t.status;
      const naReason = t.notApplicable && "code" in t.notApplicable ? t.notApplicable.code : row.naReason;
      const dueAt = taskDueAfterAssessment({ dueAt: row.dueAt, setByHand: row.dueSetBy !== null }, d.deadline ? due[d.deadline] : null, d.deadline !== null);
      const moved = (dueAt?.getTime() ?? null) !== (row.dueAt?.getTime() ?? null);
      if (status === row.status && naReason === row.naReason && !moved) continue;
      await tx.incidentTask.update({
        where: { id: row.id },
        data: { status, naReason: status === "open" ? null : naReason, dueAt, ...(status === "open" ? { doneBy: null, doneAt: null } : {}), updatedAt: now },
      });
      if (status !== row.status) {
        changes.push({ key: row.key, from: row.status, to: status });
        const m = incidentTaskMessages(CHANNEL_LANG).checklist.status;
        lines.push(`${taskLabel(row.key, CHANNEL_LANG, companyProfile(s))}：${m[row.status]} → ${m[status]}`);
      }
    }
    if (changes.length) await appendAudit(tx, { at: now, actorId, action: "incident.tasks_reassessed", subject: subject(i.code), data: { changes } });
  }
  if (!i.channelId) return { calls: [], lines };
  const tasks = await loadTasks(tx, i.id);
  const calls = [checklistCall(i, tasks, s, i.checklistTs === null && existing.length === 0)];
  if (lines.length) calls.push(threadPost(i, incidentTaskMessages(CHANNEL_LANG).thread.reassessed(lines)));
  return { calls, lines };
}

export type TaskRefusal = "not_found" | "not_allowed" | "closed" | "not_open" | "reason_required";
export type TaskResult = { ok: true; code: string; key: string } | { ok: false; refusal: TaskRefusal };

/**
 * The start of every change to one open task: the incident locked, loaded, the task and
 * the actor found, and the refusals every such change shares (not found, not allowed,
 * closed, not open). `mayAct` says whether this actor may make this change.
 */
export async function openTaskFor(
  tx: Tx,
  input: { incidentId: string; key: string; actorId: string },
  mayAct: (actor: { slackId: string; roles: string[] }, incident: IncidentRow, task: TaskRow) => boolean,
): Promise<{ ok: true; before: IncidentRow; task: TaskRow } | { ok: false; refusal: "not_found" | "not_allowed" | "closed" | "not_open" }> {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${input.incidentId} FOR UPDATE`;
  const before = await loadIncident(tx, input.incidentId);
  if (!before) return { ok: false, refusal: "not_found" };
  const task = await tx.incidentTask.findUnique({ where: { incidentId_key: { incidentId: before.id, key: input.key } } });
  if (!task) return { ok: false, refusal: "not_found" };
  const actor = await tx.person.findUnique({ where: { slackId: input.actorId } });
  if (!actor || !mayAct(actor, before, task)) return { ok: false, refusal: "not_allowed" };
  if (before.status === "closed") return { ok: false, refusal: "closed" };
  if (task.status !== "open") return { ok: false, refusal: "not_open" };
  return { ok: true, before, task };
}

/** The chief, the deputy chief, compliance or the task's owner marks a task done or not applicable (reason required). */
export async function updateTask(
  s: Services,
  input: { incidentId: string; key: string; actorId: string; to: "done" | "na"; reason?: string | null },
): Promise<TaskResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<TaskResult> => {
    const found = await openTaskFor(tx, input, (actor, incident, t) => mayRespond(actor, incident) || t.ownerId === actor.slackId);
    if (!found.ok) return found;
    const { before, task } = found;
    const reason = input.reason?.trim() ?? "";
    if (input.to === "na" && !reason) return { ok: false, refusal: "reason_required" };
    const now = s.clock.now();
    await tx.incidentTask.update({
      where: { id: task.id },
      data: { status: input.to, naReason: input.to === "na" ? reason : null, doneBy: input.actorId, doneAt: now, updatedAt: now },
    });
    const after = await tx.incident.update({ where: { id: before.id }, data: { rev: { increment: 1 }, updatedAt: now } });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: input.to === "done" ? "incident.task_done" : "incident.task_na",
      subject: subject(before.code),
      data: { task: task.key, from: task.status, to: input.to, ...(input.to === "na" ? { reason: sealOf(s)(reason) } : {}) },
    });
    if (after.channelId) {
      const t = incidentTaskMessages(CHANNEL_LANG).thread;
      const who = mention(input.actorId);
      const label = taskLabel(task.key, CHANNEL_LANG, companyProfile(s));
      const tasks = await loadTasks(tx, before.id);
      await s.outbox.enqueue(tx, [
        checklistCall(after, tasks, s, false),
        threadPost(after, input.to === "done" ? t.done(who, label) : t.na(who, label, reason)),
        // a deadline's task met: the card stops counting it down
        ...(deadlineOfTask(task.key) ? [await parentUpdate(after, s, tx)] : []),
      ]);
    }
    // the owner's DM with this task's buttons (assign/flows.ts) says it is settled, by whom and when
    const stamp = (lang: "ja" | "en", at: string) => incidentTaskMessages(lang).dmStamp(input.to, at, mention(input.actorId));
    await s.outbox.enqueue(tx, [...(await taskDmUpdates(tx, s, before.id, task.key, stamp, now)), ...(await homeRefreshes(tx, after))]);
    return { ok: true, code: before.code, key: task.key };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, `task_${input.to}:${input.key}`, result.refusal);
  s.outbox.kick();
  return result;
}

export type CloseResult =
  | { ok: true; code: string }
  | { ok: false; refusal: "not_found" | "not_assessor" | "closed" | "recurrence_missing" | "out_of_order"; from?: IncidentStatus }
  | { ok: false; refusal: "open_tasks"; openTasks: TaskKey[] };

/** 「終了する」: every task done or not applicable (canClose), the 再発防止策, a status that may close. */
export async function closeIncident(s: Services, input: { incidentId: string; actorId: string; recurrencePrevention: string }): Promise<CloseResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<CloseResult> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayRespond, "not_assessor");
    if (!lock.ok) return lock;
    const before = lock.before;
    const from = before.status as IncidentStatus;
    if (from === "closed") return { ok: false, refusal: "closed" };
    const text = input.recurrencePrevention.trim();
    const tasks = await loadTasks(tx, before.id);
    const c = canClose(tasks.map(ruleTask), text.length > 0);
    if (c.openTasks.length) return { ok: false, refusal: "open_tasks", openTasks: c.openTasks };
    if (!c.ok || tasks.length === 0) return { ok: false, refusal: tasks.length === 0 ? "out_of_order" : "recurrence_missing", from };
    if (statusAfter(from, "close") !== "closed") return { ok: false, refusal: "out_of_order", from };
    const now = s.clock.now();
    const after = await tx.incident.update({
      where: { id: before.id },
      data: { status: "closed", recurrencePrevention: text, closedAt: now, closedBy: input.actorId, rev: { increment: 1 }, updatedAt: now },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "incident.closed",
      subject: subject(before.code),
      data: {
        from,
        to: "closed",
        // typed texts are on the incident and its tasks (erasable): here their seals; a rule's own reason is a code
        recurrencePrevention: sealOf(s)(text),
        tasks: tasks.map((t) => ({
          key: t.key,
          status: t.status,
          ...(t.status === "na" ? { reason: t.doneBy === null ? t.naReason : sealOf(s)(naReasonText(t, CHANNEL_LANG)) } : {}),
        })),
      },
    });
    if (after.channelId) {
      const calls = [await parentUpdate(after, s, tx), threadPost(after, incidentTaskMessages(CHANNEL_LANG).thread.closed(mention(input.actorId), text))];
      if (after.checklistTs) calls.push(checklistCall(after, tasks, s, false));
      await s.outbox.enqueue(tx, calls);
    }
    await s.outbox.enqueue(tx, await homeRefreshes(tx, after));
    return { ok: true, code: before.code };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, "close", result.refusal);
  s.outbox.kick();
  return result;
}

/** What to tell a closer who is refused. */
export function closeRefusalText(r: Extract<CloseResult, { ok: false }>, lang: Lang): string {
  const m = incidentTaskMessages(lang);
  switch (r.refusal) {
    case "open_tasks":
      return m.closeModal.openTasks(r.openTasks.map((k) => taskLabel(k, lang)));
    case "recurrence_missing":
      return m.closeModal.required;
    case "out_of_order":
      return m.closeModal.outOfOrder(statusName(r.from ?? "open", lang));
    case "closed":
      return m.checklist.closed;
    case "not_found":
      return m.refusal.notFound;
    default:
      return m.refusal.closeNotAllowed;
  }
}

/** Lets the outbox fill in the checklist's ts, and record it once posted. */
export function registerTaskOutbox(s: Services): void {
  s.outbox.registerRef(
    "incidentChecklistTs",
    async (tx, r) => (await tx.incident.findUnique({ where: { id: String(r.id) }, select: { checklistTs: true } }))?.checklistTs ?? undefined,
  );
  s.outbox.onSent("incidentChecklist", async (tx, onSent, response) => {
    await tx.incident.update({ where: { id: String(onSent.incidentId) }, data: { checklistTs: String(response.ts) } });
  });
}
