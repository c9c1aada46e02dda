// Slack handlers of the incident lead (「対応リーダーを指名」 → users_select modal) and of a
// task's owner and due date (「担当・期限を変更」 on the checklist → small modal). Ack first,
// once per delivery; refusals ephemeral (or a field error in the modal) and logged.
import { z } from "zod";
import type { Actor } from "../../directory/actor.js";
import { noteUnknownUser } from "../../directory/unknownUser.js";
import { DEFAULT_LANG, formatDateTime, type Lang } from "../../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { readModal } from "../../platform/slack/modal.js";
import { mayAssignLead, mayRespond } from "../access.js";
import { leadModal, taskEditModal } from "./blocks.js";
import { assignLead, assignTask, type AssignRefusal } from "./flows.js";
import { incidentAssignMessages } from "./messages.js";
import { logRefusal } from "../refusals.js";
import { isDay, momentAt } from "../../platform/day.js";
import { AssignBlocks, IncidentActions, IncidentViews, INPUT } from "../ids.js";
import { taskDeadline, type TaskKey } from "../rules.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { deadlinesOf, loadIncident, type IncidentRow } from "../store.js";
import { incidentTaskMessages } from "../tasks/messages.js";
import { errorText } from "../../platform/log.js";

const MINUTE_MS = 60_000;

/** A time as the time picker sends it (HH:MM, 00:00-23:59). */
export const isTime = (t: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t);

function assignRefusalText(r: AssignRefusal, lang: Lang, extra: { deadline?: Date; timeZone: string }): string {
  const m = incidentAssignMessages(lang);
  switch (r) {
    case "not_found":
      return incidentSlackMessages(lang).refusal.notFound;
    case "closed":
      return incidentSlackMessages(lang).refusal.closed;
    case "not_open":
      return incidentTaskMessages(lang).refusal.notOpen;
    case "unknown_person":
      return m.unknownPerson;
    case "after_deadline":
      return m.task.afterDeadline(extra.deadline ? formatDateTime(extra.deadline, lang, extra.timeZone) : "");
    default:
      return m.lead.notAllowed;
  }
}

/** The legal deadline a task may not pass, if it follows one. */
export function deadlineOfTaskRow(i: IncidentRow, key: string): Date | null {
  const k = taskDeadline(key as TaskKey);
  return k ? deadlinesOf(i)[k] : null;
}

/** An assignment button carries "incident id" or "incident id:task key". */
const assignValue = z.string().transform((v) => {
  const [id = "", key = ""] = v.split(":");
  return { id, key };
});
type AssignValue = z.output<typeof assignValue>;

/** The incident the button is about; the presser is told when it is gone (null). */
async function incidentOf(c: PressContext<AssignValue>) {
  const incident = await loadIncident(c.s.database.prisma, c.value.id);
  if (!incident) {
    await c.tell(incidentSlackMessages(c.actor.lang).refusal.notFound);
    return null;
  }
  return incident;
}

// ---- the incident lead

export async function openLead(c: PressContext<AssignValue>): Promise<void> {
  const { s, actor, tell } = c;
  const incident = await incidentOf(c);
  if (!incident) return;
  const refusal = !mayAssignLead(actor) ? "not_allowed" : incident.status === "closed" ? "closed" : null;
  if (refusal) {
    await logRefusal(s, actor.slackId, `incident:${incident.code}`, "assign_lead", refusal);
    return void (await tell(assignRefusalText(refusal, actor.lang, { timeZone: s.timeZone })));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: leadModal(incident, actor.lang) });
}

const leadForm = { action: INPUT, fields: { lead: { block: AssignBlocks.lead, read: "user" } }, schema: z.object({ lead: z.string().optional() }) } as const;

export async function submitLead(c: SubmitContext<{ id: string }>): Promise<void> {
  const { s, actor, lang } = c;
  const form = readModal(c.view.state.values, leadForm);
  const lead = form.ok ? form.data.lead : undefined;
  if (!lead) return c.fail(incidentAssignMessages(lang).task.required);
  try {
    const r = await assignLead(s, { incidentId: c.meta.id, actorId: actor.slackId, leadId: lead });
    if (!r.ok) return c.fail(assignRefusalText(r.refusal, lang, { timeZone: s.timeZone }));
  } catch (e) {
    s.log.error("an incident lead could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

// ---- a task's owner and due date

export async function openTaskEdit(c: PressContext<AssignValue>): Promise<void> {
  const { s, actor, tell } = c;
  const incident = await incidentOf(c);
  if (!incident) return;
  const { key } = c.value;
  const task = await s.database.prisma.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key } } });
  if (!task) return void (await tell(incidentTaskMessages(actor.lang).refusal.notFound));
  const refusal = !mayRespond(actor, incident) ? "not_allowed" : incident.status === "closed" ? "closed" : task.status !== "open" ? "not_open" : null;
  if (refusal) {
    await logRefusal(s, actor.slackId, `incident:${incident.code}`, `task_assign:${key}`, refusal);
    return void (await tell(
      refusal === "not_allowed" ? incidentTaskMessages(actor.lang).refusal.notAllowed : assignRefusalText(refusal, actor.lang, { timeZone: s.timeZone }),
    ));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: taskEditModal(incident, task, deadlineOfTaskRow(incident, key), actor.lang, s.timeZone) });
}

const taskEditForm = {
  action: INPUT,
  fields: {
    owner: { block: AssignBlocks.owner, read: "user" },
    day: { block: AssignBlocks.dueOn, read: "date" },
    time: { block: AssignBlocks.dueTime, read: "time" },
  },
  schema: z.object({ owner: z.string().optional(), day: z.string().optional(), time: z.string().optional() }),
} as const;

export async function submitTaskEdit(c: SubmitContext<{ id?: string | undefined; key?: string | undefined }, Actor | null>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const db = s.database.prisma;
  const m = incidentAssignMessages(lang).task;
  const incident = meta.id ? await loadIncident(db, meta.id) : null;
  const task = incident && meta.key ? await db.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key: meta.key } } }) : null;
  if (!incident || !task) return c.fail(incidentTaskMessages(lang).refusal.notFound);
  if (!actor) return c.fail((await noteUnknownUser(s, c.body.user.id, DEFAULT_LANG)).text);
  const form = readModal(c.view.state.values, taskEditForm);
  const { owner } = form.ok ? form.data : {};
  const day = (form.ok ? form.data.day : undefined) ?? null;
  const time = (form.ok ? form.data.time : undefined) ?? null;
  if (!owner) return c.fail(m.required);
  if (time && !day) return c.fail(m.timeWithoutDay, AssignBlocks.dueOn);
  if (day && !isDay(day)) return c.fail(m.badDate, AssignBlocks.dueOn);
  if (time && !isTime(time)) return c.fail(m.badTime, AssignBlocks.dueTime);
  // a due time is the end of its minute (23:59 is the end of the day, as the deadlines are)
  const dueAt = day ? new Date(momentAt(day, time ?? "23:59", s.timeZone).getTime() + MINUTE_MS - 1) : null;
  const unchanged = (dueAt?.getTime() ?? null) === (task.dueAt?.getTime() ?? null);
  if (dueAt && !unchanged && dueAt.getTime() < s.clock.now().getTime()) return c.fail(m.past, AssignBlocks.dueOn);
  try {
    const r = await assignTask(s, { incidentId: incident.id, key: task.key, actorId: actor.slackId, ownerId: owner, dueAt });
    if (!r.ok) {
      const block = r.refusal === "after_deadline" ? AssignBlocks.dueOn : AssignBlocks.owner;
      const text =
        r.refusal === "not_allowed"
          ? incidentTaskMessages(lang).refusal.notAllowed
          : assignRefusalText(r.refusal, lang, { deadline: r.deadline, timeZone: s.timeZone });
      return c.fail(text, block);
    }
  } catch (e) {
    s.log.error("a task assignment could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

const notFound = ({ lang }: { lang: Lang }) => incidentSlackMessages(lang).refusal.notFound;

export const incidentAssignHandlers: readonly HandlerDef[] = [
  press(IncidentActions.assignLead, { value: assignValue, invalid: notFound }, openLead),
  submit(IncidentViews.lead, { meta: json(z.object({ id: z.string().min(1) })), block: AssignBlocks.lead, invalid: (lang) => notFound({ lang }) }, submitLead),
  press(IncidentActions.taskEdit, { value: assignValue, invalid: notFound }, openTaskEdit),
  submit(
    IncidentViews.taskEdit,
    {
      meta: json(z.object({ id: z.string().optional(), key: z.string().optional() })),
      block: AssignBlocks.owner,
      invalid: (lang) => incidentTaskMessages(lang).refusal.notFound,
      anyone: true,
    },
    submitTaskEdit,
  ),
];
