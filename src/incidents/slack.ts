// Slack handlers of the incidents feature: the global shortcut, the report and assessment
// modals, the 「評価する」 button. Parse, call the flows, render.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG, formatDateTime, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { firstDeliveryBy, resolveActor, startPress } from "../platform/slack/actor.js";
import { mayRespond } from "./access.js";
import { assessModal, reportModal } from "./blocks.js";
import { acknowledgeIncident, assessIncident, logRefusal, registerIncidentOutbox, reportIncident } from "./flows.js";
import { parseAssessment, parseReport, type ViewValues } from "./forms.js";
import { AssessBlocks, IncidentActions, IncidentShortcuts, IncidentViews, ReportBlocks, type AssessMeta } from "./ids.js";
import { incidentEscalationMessages } from "./escalationMessages.js";
import { incidentSlackMessages } from "./slackMessages.js";
import { loadIncident } from "./store.js";
import { registerIncidentStatusHandlers } from "./statusSlack.js";
import { registerIncidentTaskHandlers } from "./taskSlack.js";
import { registerIncidentAssignHandlers } from "./assignSlack.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** A modal that only says something (the report's receipt, or why nothing can be done). */
function noticeView(text: string, lang: Lang) {
  const m = incidentSlackMessages(lang).modal;
  return {
    type: "modal" as const,
    title: { type: "plain_text" as const, text: m.reportTitle.slice(0, 24) },
    close: { type: "plain_text" as const, text: lang === "ja" ? "閉じる" : "Close" },
    blocks: [{ type: "section" as const, text: { type: "mrkdwn" as const, text } }],
  };
}

export function registerIncidentHandlers(app: App, s: Services): void {
  registerIncidentOutbox(s);
  registerIncidentStatusHandlers(app, s);
  registerIncidentTaskHandlers(app, s);
  registerIncidentAssignHandlers(app, s);

  // The global shortcut 「個人情報の事故を報告」: the same modal as /privacy incident.
  app.shortcut(IncidentShortcuts.report, async ({ ack, shortcut, client }) => {
    await ack();
    const delivery = await firstDeliveryBy(s, client, `shortcut:${shortcut.trigger_id}`, shortcut.user.id);
    if (!delivery.first) return;
    const { actor } = delivery;
    if (!actor) {
      const { text } = await noteUnknownUser(s, shortcut.user.id, DEFAULT_LANG);
      return void (await client.views.open({ trigger_id: shortcut.trigger_id, view: noticeView(text, DEFAULT_LANG) }));
    }
    await client.views.open({ trigger_id: shortcut.trigger_id, view: reportModal(actor.lang, s.clock.now(), s.timeZone) });
  });

  app.view(IncidentViews.report, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    if (!actor) {
      const { text } = await noteUnknownUser(s, body.user.id, DEFAULT_LANG);
      return ack({ response_action: "errors", errors: { [ReportBlocks.summary]: text } });
    }
    const m = incidentSlackMessages(actor.lang);
    const parsed = parseReport(view.state.values as unknown as ViewValues, actor.lang, s.clock.now(), s.timeZone);
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await reportIncident(s, { reporterId: actor.slackId, report: parsed.value, submissionKey: `view:${view.id}` });
      await ack({ response_action: "update", view: noticeView(m.done(r.code), actor.lang) });
    } catch (e) {
      s.log.error("an incident report could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      await ack({ response_action: "errors", errors: { [ReportBlocks.summary]: m.failed } });
    }
  });

  app.action<BlockAction<ButtonAction>>(IncidentActions.assess, async ({ ack, body, client, respond }) => {
    await ack();
    const press = await startPress(s, { body, client, respond });
    if (!press) return;
    const { actor, tell } = press;
    const m = incidentSlackMessages(actor.lang).refusal;
    const incident = await loadIncident(s.database.prisma, body.actions[0]!.value ?? "");
    if (!incident) return void (await tell(m.notFound));
    if (!mayRespond(actor, incident)) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, "assess", "not_assessor");
      return void (await tell(m.notAssessor));
    }
    if (incident.status === "closed") return void (await tell(m.closed));
    await client.views.open({ trigger_id: body.trigger_id, view: assessModal(incident, actor.lang) });
  });

  app.view(IncidentViews.assess, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = incidentSlackMessages(lang);
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<AssessMeta>;
    const incident = meta.id ? await loadIncident(s.database.prisma, meta.id) : null;
    if (!incident) return ack({ response_action: "errors", errors: { [AssessBlocks.encrypted]: m.refusal.notFound } });
    if (!actor) return ack({ response_action: "errors", errors: { [AssessBlocks.encrypted]: m.refusal.notAssessor } });
    const parsed = parseAssessment(view.state.values as unknown as ViewValues, lang, incident.assessment !== null);
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await assessIncident(s, { incidentId: incident.id, actorId: actor.slackId, answers: parsed.value });
      if (!r.ok) return ack({ response_action: "errors", errors: { [AssessBlocks.encrypted]: r.refusal === "closed" ? m.refusal.closed : r.refusal === "not_found" ? m.refusal.notFound : m.refusal.notAssessor } });
    } catch (e) {
      s.log.error("an assessment could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return ack({ response_action: "errors", errors: { [AssessBlocks.encrypted]: m.failed } });
    }
    await ack();
  });

  // 「受領しました（対応開始）」 on the parent message or in a DM: recorded once, the presser is told.
  app.action<BlockAction<ButtonAction>>(IncidentActions.acknowledge, async ({ ack, body, client, respond }) => {
    await ack();
    const press = await startPress(s, { body, client, respond });
    if (!press) return;
    const { actor, tell } = press;
    const m = incidentSlackMessages(actor.lang).refusal;
    const a = incidentEscalationMessages(actor.lang).ack;
    try {
      const r = await acknowledgeIncident(s, { incidentId: body.actions[0]!.value ?? "", actorId: actor.slackId });
      if (!r.ok) return void (await tell(r.refusal === "not_found" ? m.notFound : r.refusal === "closed" ? m.closed : a.notAllowed));
      await tell(r.already ? a.already(r.code, `<@${r.by}>`, formatDateTime(r.at, actor.lang, s.timeZone)) : a.done(r.code));
    } catch (e) {
      s.log.error("an acknowledgement could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      await tell(incidentSlackMessages(actor.lang).failed);
    }
  });

  // Link buttons still send an interaction; it needs an ack and nothing else.
  app.action(IncidentActions.openLink, async ({ ack }) => {
    await ack();
  });
}
