// Slack handlers of the task checklist (「完了」, 「該当なし」 and its reason modal) and of
// closing (「クローズ」 and the recurrence-prevention modal). Ack first, once per delivery;
// refusals ephemeral (or a field error in a modal) and logged.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { mayRespond } from "./access.js";
import { logRefusal } from "./flows.js";
import type { ViewValues } from "./forms.js";
import { IncidentActions, IncidentViews, INPUT, TaskBlocks, type TaskMeta } from "./ids.js";
import { incidentSlackMessages } from "./slackMessages.js";
import { loadIncident } from "./store.js";
import { closeModal, naModal, taskLabel } from "./taskBlocks.js";
import { closeIncident, closeRefusalText, registerTaskOutbox, updateTask, type TaskResult } from "./taskFlows.js";
import { incidentTaskMessages } from "./taskMessages.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

function taskRefusalText(r: Extract<TaskResult, { ok: false }>, lang: Lang): string {
  const m = incidentTaskMessages(lang);
  switch (r.refusal) {
    case "not_found":
      return m.refusal.notFound;
    case "closed":
      return m.checklist.closed;
    case "not_open":
      return m.refusal.notOpen;
    case "reason_required":
      return m.naModal.required;
    default:
      return m.refusal.notAllowed;
  }
}

const parseValue = (v: string | undefined) => {
  const [id = "", key = ""] = (v ?? "").split(":");
  return { id, key };
};

export function registerIncidentTaskHandlers(app: App, s: Services): void {
  registerTaskOutbox(s);

  const press = (action: "taskDone" | "taskNa") =>
    app.action<BlockAction<ButtonAction>>(IncidentActions[action], async ({ ack, body, client, respond }) => {
      await ack();
      const press = await startPress(s, { body, client, respond });
      if (!press) return;
      const { actor, tell } = press;
      const m = incidentTaskMessages(actor.lang);
      const { id, key } = parseValue(body.actions[0]!.value);
      const incident = await loadIncident(s.database.prisma, id);
      const task = incident ? await s.database.prisma.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key } } }) : null;
      if (!incident || !task) return void (await tell(m.refusal.notFound));
      try {
        if (action === "taskDone") {
          const r = await updateTask(s, { incidentId: incident.id, key, actorId: actor.slackId, to: "done" });
          return void (await tell(r.ok ? m.ack.done(r.code, taskLabel(key, actor.lang)) : taskRefusalText(r, actor.lang)));
        }
        // 「該当なし」: refuse before asking the reason
        const refusal = !(mayRespond(actor, incident) || task.ownerId === actor.slackId) ? "not_allowed" : incident.status === "closed" ? "closed" : task.status !== "open" ? "not_open" : null;
        if (refusal) {
          await logRefusal(s, actor.slackId, `incident:${incident.code}`, `task_na:${key}`, refusal);
          return void (await tell(taskRefusalText({ ok: false, refusal }, actor.lang)));
        }
        await client.views.open({ trigger_id: body.trigger_id, view: naModal(incident, key, actor.lang) });
      } catch (e) {
        s.log.error("a task update could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
        await tell(incidentSlackMessages(actor.lang).failed);
      }
    });
  press("taskDone");
  press("taskNa");

  app.view(IncidentViews.taskNa, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const fail = (text: string) => ack({ response_action: "errors", errors: { [TaskBlocks.naReason]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<TaskMeta>;
    if (!meta.id || !meta.key) return fail(incidentTaskMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const reason = (view.state.values as unknown as ViewValues)[TaskBlocks.naReason]?.[INPUT]?.value?.trim() ?? "";
    if (!reason) return fail(incidentTaskMessages(lang).naModal.required);
    try {
      const r = await updateTask(s, { incidentId: meta.id, key: meta.key, actorId: actor.slackId, to: "na", reason });
      if (!r.ok) return fail(taskRefusalText(r, lang));
    } catch (e) {
      s.log.error("a task update could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(IncidentActions.close, async ({ ack, body, client, respond }) => {
    await ack();
    const press = await startPress(s, { body, client, respond });
    if (!press) return;
    const { actor, tell } = press;
    const m = incidentTaskMessages(actor.lang);
    const incident = await loadIncident(s.database.prisma, body.actions[0]!.value ?? "");
    if (!incident) return void (await tell(m.refusal.notFound));
    if (!mayRespond(actor, incident)) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, "close", "not_assessor");
      return void (await tell(m.refusal.closeNotAllowed));
    }
    if (incident.status === "closed") return void (await tell(m.checklist.closed));
    await client.views.open({ trigger_id: body.trigger_id, view: closeModal(incident, actor.lang) });
  });

  app.view(IncidentViews.close, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const fail = (text: string) => ack({ response_action: "errors", errors: { [TaskBlocks.recurrence]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as { id?: string };
    if (!meta.id) return fail(incidentTaskMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const text = (view.state.values as unknown as ViewValues)[TaskBlocks.recurrence]?.[INPUT]?.value?.trim() ?? "";
    if (!text) return fail(incidentTaskMessages(lang).closeModal.required);
    try {
      const r = await closeIncident(s, { incidentId: meta.id, actorId: actor.slackId, recurrencePrevention: text });
      if (!r.ok) return fail(closeRefusalText(r, lang));
    } catch (e) {
      s.log.error("an incident could not be closed", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });
}
