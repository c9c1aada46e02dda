// Slack handlers of the incident lead (「対応リーダーを指名」 → users_select modal), of a
// task's owner and due date (「担当・期限を変更」 on the checklist → small modal) and of the
// report items (「報告書の項目を記入」 → the items 5-9 modal). Ack first, once per delivery;
// refusals ephemeral (or a field error in the modal) and logged.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG, formatDateTime, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { mayAssignLead, mayRespond } from "./access.js";
import { leadModal, taskEditModal } from "./assignBlocks.js";
import { assignLead, assignTask, type AssignRefusal } from "./assignFlows.js";
import { incidentAssignMessages } from "./assignMessages.js";
import { parseDetails, type DetailsMeta } from "./details.js";
import { detailsModal } from "./detailsBlocks.js";
import { updateDetails } from "./detailsFlows.js";
import { incidentDetailsMessages } from "./detailsMessages.js";
import { logRefusal } from "./flows.js";
import { isDay, momentAt } from "../platform/day.js";
import type { ViewValues } from "./forms.js";
import { AssignBlocks, DetailsBlocks, IncidentActions, IncidentViews, INPUT, type TaskMeta } from "./ids.js";
import { taskDeadline, type TaskKey } from "./rules.js";
import { incidentSlackMessages } from "./slackMessages.js";
import { deadlinesOf, loadIncident, type IncidentRow } from "./store.js";
import { incidentTaskMessages } from "./taskMessages.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
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

export function registerIncidentAssignHandlers(app: App, s: Services): void {
  const db = s.database.prisma;
  /** The common start of a press: ack, once, the presser in the directory, the incident. */
  const pressed = async (body: BlockAction<ButtonAction>, respond: (m: object) => Promise<unknown>, client: AllMiddlewareArgs["client"]) => {
    const press = await startPress(s, { body, client, respond });
    if (!press) return null;
    const { actor, tell } = press;
    const [id = "", key = ""] = (body.actions[0]!.value ?? "").split(":");
    const incident = await loadIncident(db, id);
    if (!incident) return void (await tell(incidentSlackMessages(actor.lang).refusal.notFound)), null;
    return { actor, incident, key, tell };
  };

  // ---- the incident lead
  app.action<BlockAction<ButtonAction>>(IncidentActions.assignLead, async ({ ack, body, client, respond }) => {
    await ack();
    const p = await pressed(body, respond, client);
    if (!p) return;
    const { actor, incident, tell } = p;
    const refusal = !mayAssignLead(actor) ? "not_allowed" : incident.status === "closed" ? "closed" : null;
    if (refusal) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, "assign_lead", refusal);
      return void (await tell(assignRefusalText(refusal, actor.lang, { timeZone: s.timeZone })));
    }
    await client.views.open({ trigger_id: body.trigger_id, view: leadModal(incident, actor.lang) });
  });

  app.view(IncidentViews.lead, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const fail = (text: string) => ack({ response_action: "errors", errors: { [AssignBlocks.lead]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as { id?: string };
    if (!meta.id) return fail(incidentSlackMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const lead = (view.state.values as unknown as ViewValues)[AssignBlocks.lead]?.[INPUT]?.selected_user;
    if (!lead) return fail(incidentAssignMessages(lang).task.required);
    try {
      const r = await assignLead(s, { incidentId: meta.id, actorId: actor.slackId, leadId: lead });
      if (!r.ok) return fail(assignRefusalText(r.refusal, lang, { timeZone: s.timeZone }));
    } catch (e) {
      s.log.error("an incident lead could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });

  // ---- a task's owner and due date
  app.action<BlockAction<ButtonAction>>(IncidentActions.taskEdit, async ({ ack, body, client, respond }) => {
    await ack();
    const p = await pressed(body, respond, client);
    if (!p) return;
    const { actor, incident, key, tell } = p;
    const task = await db.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key } } });
    if (!task) return void (await tell(incidentTaskMessages(actor.lang).refusal.notFound));
    const refusal = !mayRespond(actor, incident) ? "not_allowed" : incident.status === "closed" ? "closed" : task.status !== "open" ? "not_open" : null;
    if (refusal) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, `task_assign:${key}`, refusal);
      return void (await tell(refusal === "not_allowed" ? incidentTaskMessages(actor.lang).refusal.notAllowed : assignRefusalText(refusal, actor.lang, { timeZone: s.timeZone })));
    }
    await client.views.open({ trigger_id: body.trigger_id, view: taskEditModal(incident, task, deadlineOfTaskRow(incident, key), actor.lang, s.timeZone) });
  });

  app.view(IncidentViews.taskEdit, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = incidentAssignMessages(lang).task;
    const fail = (text: string, block: string = AssignBlocks.owner) => ack({ response_action: "errors", errors: { [block]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<TaskMeta>;
    const incident = meta.id ? await loadIncident(db, meta.id) : null;
    const task = incident && meta.key ? await db.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key: meta.key } } }) : null;
    if (!incident || !task) return fail(incidentTaskMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const values = view.state.values as unknown as ViewValues;
    const owner = values[AssignBlocks.owner]?.[INPUT]?.selected_user;
    const day = values[AssignBlocks.dueOn]?.[INPUT]?.selected_date ?? null;
    const time = values[AssignBlocks.dueTime]?.[INPUT]?.selected_time ?? null;
    if (!owner) return fail(m.required);
    if (time && !day) return fail(m.timeWithoutDay, AssignBlocks.dueOn);
    if (day && !isDay(day)) return fail(m.badDate, AssignBlocks.dueOn);
    if (time && !isTime(time)) return fail(m.badTime, AssignBlocks.dueTime);
    // a due time is the end of its minute (23:59 is the end of the day, as the deadlines are)
    const dueAt = day ? new Date(momentAt(day, time ?? "23:59", s.timeZone).getTime() + MINUTE_MS - 1) : null;
    const unchanged = (dueAt?.getTime() ?? null) === (task.dueAt?.getTime() ?? null);
    if (dueAt && !unchanged && dueAt.getTime() < s.clock.now().getTime()) return fail(m.past, AssignBlocks.dueOn);
    try {
      const r = await assignTask(s, { incidentId: incident.id, key: task.key, actorId: actor.slackId, ownerId: owner, dueAt });
      if (!r.ok) {
        const block = r.refusal === "after_deadline" ? AssignBlocks.dueOn : AssignBlocks.owner;
        const text = r.refusal === "not_allowed" ? incidentTaskMessages(lang).refusal.notAllowed : assignRefusalText(r.refusal, lang, { deadline: r.deadline, timeZone: s.timeZone });
        return fail(text, block);
      }
    } catch (e) {
      s.log.error("a task assignment could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });

  // ---- the report items (5-9)
  app.action<BlockAction<ButtonAction>>(IncidentActions.details, async ({ ack, body, client, respond }) => {
    await ack();
    const p = await pressed(body, respond, client);
    if (!p) return;
    const { actor, incident, tell } = p;
    const m = incidentDetailsMessages(actor.lang).refusal;
    const refusal = !mayRespond(actor, incident) ? "not_allowed" : incident.status === "closed" ? "closed" : null;
    if (refusal) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, "details", refusal);
      return void (await tell(refusal === "closed" ? m.closed : m.notAllowed));
    }
    await client.views.open({ trigger_id: body.trigger_id, view: detailsModal(incident, actor.lang) });
  });

  app.view(IncidentViews.details, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const fail = (text: string) => ack({ response_action: "errors", errors: { [DetailsBlocks.secondaryHarm]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<DetailsMeta>;
    if (!meta.id) return fail(incidentSlackMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const parsed = parseDetails(view.state.values as unknown as ViewValues, lang);
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    // a modal without its revision (opened before it carried one) is treated as stale
    const opened = typeof meta.rev === "number" && typeof meta.items === "string" ? { rev: meta.rev, items: meta.items } : { rev: -1, items: "" };
    try {
      const r = await updateDetails(s, { incidentId: meta.id, actorId: actor.slackId, details: parsed.value, opened });
      if (!r.ok) {
        const m = incidentDetailsMessages(lang).refusal;
        return fail(r.refusal === "not_found" ? incidentSlackMessages(lang).refusal.notFound : r.refusal === "closed" ? m.closed : r.refusal === "stale" ? m.stale : m.notAllowed);
      }
    } catch (e) {
      s.log.error("report items could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });
}
