// Slack handlers of the report: the global shortcut, the report and assessment modals, the
// 「評価する」 and 「受領しました」 buttons. Parse, call the flows, render.
import type { App } from "@slack/bolt";
import { z } from "zod";
import { noteUnknownUser } from "../../directory/unknownUser.js";
import { DEFAULT_LANG, formatDateTime, type Lang } from "../../platform/i18n.js";
import type { Services } from "../../platform/services.js";
import { HOME_STARTER_VALUE } from "../../platform/home.js";
import { firstDeliveryBy } from "../../platform/slack/actor.js";
import { notRecordedText } from "../../platform/slack/inbox.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { mayRespond } from "../access.js";
import { assessModal, reportModal } from "./blocks.js";
import { acknowledgeIncident, assessIncident, reportIncident } from "./flows.js";
import { logRefusal } from "../refusals.js";
import { parseAssessment, parseReport, type ViewValues } from "./forms.js";
import { AssessBlocks, IncidentActions, IncidentShortcuts, IncidentViews, ReportBlocks } from "../ids.js";
import { incidentEscalationMessages } from "../escalationMessages.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { loadIncident } from "../store.js";
import { companyProfile } from "../config.js";
import type { Actor } from "../../directory/actor.js";
import { errorText } from "../../platform/log.js";

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

/** The incident a button is about: its id, as the button carries it. */
const incidentId = z.string().min(1);
const notFound = ({ lang }: { lang: Lang }) => incidentSlackMessages(lang).refusal.notFound;

export function registerReportShortcut(app: App, s: Services): void {
  // The global shortcut 「個人情報の事故を報告」: the same modal as /privacy incident.
  app.shortcut(IncidentShortcuts.report, async ({ ack, shortcut, client }) => {
    await ack();
    let delivery: Awaited<ReturnType<typeof firstDeliveryBy>>;
    try {
      delivery = await firstDeliveryBy(s, client, `shortcut:${shortcut.trigger_id}`, shortcut.user.id);
    } catch (e) {
      // the database did not answer: the person is told where they acted, in both languages
      s.log.error("a shortcut could not be recorded; the person is told", { user: shortcut.user.id, error: errorText(e) });
      await client.views.open({ trigger_id: shortcut.trigger_id, view: noticeView(notRecordedText, DEFAULT_LANG) }).catch(() => undefined);
      return;
    }
    if (!delivery.first) return;
    const { actor } = delivery;
    if (!actor) {
      const { text } = await noteUnknownUser(s, shortcut.user.id, DEFAULT_LANG);
      return void (await client.views.open({ trigger_id: shortcut.trigger_id, view: noticeView(text, DEFAULT_LANG) }));
    }
    await client.views.open({ trigger_id: shortcut.trigger_id, view: reportModal(actor.lang, s.clock.now(), s.timeZone, companyProfile(s)) });
  });
}

/** 「事故を報告」 on the Home tab: the same modal as the global shortcut. */
export async function reportFromHome(c: PressContext<string>): Promise<void> {
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: reportModal(c.actor.lang, c.s.clock.now(), c.s.timeZone, companyProfile(c.s)) });
}

export async function submitReport(c: SubmitContext<undefined>): Promise<void> {
  const { s, actor } = c;
  const m = incidentSlackMessages(actor.lang);
  const parsed = parseReport(c.view.state.values as unknown as ViewValues, actor.lang, s.clock.now(), s.timeZone);
  if (!parsed.ok) return c.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await reportIncident(s, { reporterId: actor.slackId, report: parsed.value, submissionKey: `view:${c.view.id}` });
    await c.ack({ response_action: "update", view: noticeView(m.done(r.code), actor.lang) });
  } catch (e) {
    s.log.error("an incident report could not be recorded", { user: actor.slackId, error: errorText(e) });
    await c.fail(m.failed);
  }
}

/** 「評価する」: the assessment modal, for those who respond to the incident. */
export async function openAssessment(c: PressContext<string>): Promise<void> {
  const { s, actor, tell } = c;
  const m = incidentSlackMessages(actor.lang).refusal;
  const incident = await loadIncident(s.database.prisma, c.value);
  if (!incident) return void (await tell(m.notFound));
  if (!mayRespond(actor, incident)) {
    await logRefusal(s, actor.slackId, `incident:${incident.code}`, "assess", "not_assessor");
    return void (await tell(m.notAssessor));
  }
  if (incident.status === "closed") return void (await tell(m.closed));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: assessModal(incident, actor.lang, companyProfile(s)) });
}

export async function submitAssessment(c: SubmitContext<{ id?: string | undefined }, Actor | null>): Promise<void> {
  const { s, actor, lang } = c;
  const m = incidentSlackMessages(lang);
  const incident = c.meta.id ? await loadIncident(s.database.prisma, c.meta.id) : null;
  if (!incident) return c.fail(m.refusal.notFound);
  if (!actor) return c.fail(m.refusal.notAssessor);
  const parsed = parseAssessment(c.view.state.values as unknown as ViewValues, lang, incident.assessment !== null);
  if (!parsed.ok) return c.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await assessIncident(s, { incidentId: incident.id, actorId: actor.slackId, answers: parsed.value });
    if (!r.ok) return c.fail(r.refusal === "closed" ? m.refusal.closed : r.refusal === "not_found" ? m.refusal.notFound : m.refusal.notAssessor);
  } catch (e) {
    s.log.error("an assessment could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(m.failed);
  }
  await c.ack();
}

/** 「受領しました（対応開始）」 on the parent message or in a DM: recorded once, the presser is told. */
export async function acknowledge(c: PressContext<string>): Promise<void> {
  const { s, actor, tell } = c;
  const m = incidentSlackMessages(actor.lang).refusal;
  const a = incidentEscalationMessages(actor.lang).ack;
  try {
    const r = await acknowledgeIncident(s, { incidentId: c.value, actorId: actor.slackId });
    if (!r.ok) return void (await tell(r.refusal === "not_found" ? m.notFound : r.refusal === "closed" ? m.closed : a.notAllowed));
    await tell(r.already ? a.already(r.code, `<@${r.by}>`, formatDateTime(r.at, actor.lang, s.timeZone)) : a.done(r.code));
  } catch (e) {
    s.log.error("an acknowledgement could not be recorded", { user: actor.slackId, error: errorText(e) });
    await tell(incidentSlackMessages(actor.lang).failed);
  }
}

/** The buttons and modals of the report and the assessment. */
export const incidentReportHandlers: readonly HandlerDef[] = [
  submit(IncidentViews.report, { block: ReportBlocks.summary }, submitReport),
  press(IncidentActions.assess, { value: incidentId, invalid: notFound }, openAssessment),
  submit(
    IncidentViews.assess,
    { meta: json(z.object({ id: z.string().optional() })), block: AssessBlocks.encrypted, invalid: (lang) => notFound({ lang }), anyone: true },
    submitAssessment,
  ),
  press(IncidentActions.acknowledge, { value: incidentId, invalid: notFound }, acknowledge),
  press(IncidentActions.reportFromHome, { value: z.literal(HOME_STARTER_VALUE) }, reportFromHome),
];
