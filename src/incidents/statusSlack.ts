// Slack handlers of the status moves on the parent message: 「封じ込め完了」 moves at once;
// 「速報を提出」 and 「確報を提出」 open a small modal asking when it was submitted.
// Ack first, once per delivery, refusals ephemeral and logged.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { dayIn, momentAt, timeIn } from "../platform/day.js";
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { mayRespond } from "./access.js";
import { logRefusal } from "./flows.js";
import type { ViewValues } from "./forms.js";
import { IncidentActions, IncidentViews, INPUT, SubmittedBlocks, type SubmittedMeta } from "./ids.js";
import { canMove, INCIDENT_EVENTS, type IncidentStatus } from "./rules.js";
import { submittedModal } from "./statusBlocks.js";
import { moveIncident, statusName, type MoveResult } from "./statusFlows.js";
import { incidentStatusMessages, type MoveEvent } from "./statusMessages.js";
import { incidentSlackMessages } from "./slackMessages.js";
import { loadIncident } from "./store.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;


/** What to tell the presser when a move is refused. */
export function refusalText(r: Extract<MoveResult, { ok: false }>, event: MoveEvent, lang: Lang): string {
  const m = incidentStatusMessages(lang).refusal;
  const base = incidentSlackMessages(lang).refusal;
  switch (r.refusal) {
    case "not_found":
      return base.notFound;
    case "closed":
      return base.closed;
    case "out_of_order":
      return m.outOfOrder(statusName(r.from ?? "open", lang), statusName(r.to ?? INCIDENT_EVENTS[event], lang));
    default:
      return m.notAllowed;
  }
}

export function registerIncidentStatusHandlers(app: App, s: Services): void {
  const press = (event: MoveEvent) =>
    app.action<BlockAction<ButtonAction>>(IncidentActions[event], async ({ ack, body, client, respond }) => {
      await ack();
      const press = await startPress(s, { body, client, respond });
      if (!press) return;
      const { actor, tell } = press;
      const incident = await loadIncident(s.database.prisma, body.actions[0]!.value ?? "");
      if (!incident) return void (await tell(incidentSlackMessages(actor.lang).refusal.notFound));
      if (!mayRespond(actor, incident)) {
        await logRefusal(s, actor.slackId, `incident:${incident.code}`, event, "not_assessor");
        return void (await tell(incidentStatusMessages(actor.lang).refusal.notAllowed));
      }
      const from = incident.status as IncidentStatus;
      if (event !== "contain") {
        // a report needs its submission time first; refuse a stale button before asking
        if (!canMove(from, INCIDENT_EVENTS[event])) {
          const refusal = from === "closed" ? "closed" : "out_of_order";
          await logRefusal(s, actor.slackId, `incident:${incident.code}`, event, refusal);
          return void (await tell(refusalText({ ok: false, refusal, from, to: INCIDENT_EVENTS[event] }, event, actor.lang)));
        }
        const now = s.clock.now();
        const kind = event === "reportPreliminary" ? "preliminary" : "final";
        return void (await client.views.open({ trigger_id: body.trigger_id, view: submittedModal(incident, kind, actor.lang, dayIn(now, s.timeZone), timeIn(now, s.timeZone)) }));
      }
      try {
        const r = await moveIncident(s, { incidentId: incident.id, actorId: actor.slackId, event });
        await tell(r.ok ? incidentStatusMessages(actor.lang).done.contain(r.code) : refusalText(r, event, actor.lang));
      } catch (e) {
        s.log.error("a status move could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
        await tell(incidentSlackMessages(actor.lang).failed);
      }
    });
  press("contain");
  press("reportPreliminary");
  press("reportFinal");

  app.view(IncidentViews.submitted, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = incidentStatusMessages(lang).modal;
    const fail = (text: string, block: string = SubmittedBlocks.day) => ack({ response_action: "errors", errors: { [block]: text } });
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<SubmittedMeta>;
    const incident = meta.id ? await loadIncident(s.database.prisma, meta.id) : null;
    if (!incident || (meta.kind !== "preliminary" && meta.kind !== "final")) return fail(incidentSlackMessages(lang).refusal.notFound);
    if (!actor) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
    const values = view.state.values as unknown as ViewValues;
    const day = values[SubmittedBlocks.day]?.[INPUT]?.selected_date;
    const time = values[SubmittedBlocks.time]?.[INPUT]?.selected_time;
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return fail(m.required);
    if (!time || !/^\d{2}:\d{2}$/.test(time)) return fail(m.required, SubmittedBlocks.time);
    const submittedAt = momentAt(day, time, s.timeZone);
    if (submittedAt.getTime() > s.clock.now().getTime()) return fail(m.future);
    const reference = values[SubmittedBlocks.reference]?.[INPUT]?.value?.trim() || null;
    if (reference && reference.length > 200) return fail(m.tooLong(200), SubmittedBlocks.reference);
    const event: MoveEvent = meta.kind === "preliminary" ? "reportPreliminary" : "reportFinal";
    try {
      const r = await moveIncident(s, { incidentId: incident.id, actorId: actor.slackId, event, submittedAt, reference });
      if (!r.ok) return fail(refusalText(r, event, lang));
    } catch (e) {
      s.log.error("a report submission could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return fail(incidentSlackMessages(lang).failed);
    }
    await ack();
  });
}
