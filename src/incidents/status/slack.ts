// Slack handlers of the status moves on the parent message: 「封じ込め完了」 moves at once;
// 「速報を提出」 and 「確報を提出」 open a small modal asking when it was submitted.
// Ack first, once per delivery, refusals ephemeral and logged.
import { z } from "zod";
import type { Actor } from "../../directory/actor.js";
import { noteUnknownUser } from "../../directory/unknownUser.js";
import { DEFAULT_LANG, type Lang } from "../../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { readModal } from "../../platform/slack/modal.js";
import { mayRespond } from "../access.js";
import { logRefusal } from "../refusals.js";
import { dayIn, momentAt, timeIn } from "../../platform/day.js";
import { IncidentActions, IncidentViews, INPUT, SubmittedBlocks, type SubmittedMeta } from "../ids.js";
import { canMove, INCIDENT_EVENTS, type IncidentStatus } from "../rules.js";
import { submittedModal } from "./blocks.js";
import { companyProfile } from "../config.js";
import { recipientName } from "../trackMessages.js";
import { personalDataRecipient } from "../tracks.js";
import { moveIncident, type MoveResult } from "./flows.js";
import { statusName } from "../messages.js";
import { incidentStatusMessages, type MoveEvent } from "./messages.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { loadIncident } from "../store.js";
import { errorText } from "../../platform/log.js";

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

/** A status move on the parent message: 「封じ込め完了」 at once; a report's submission asks when first. */
async function move(c: PressContext<string>, event: MoveEvent): Promise<void> {
  const { s, actor, tell } = c;
  const incident = await loadIncident(s.database.prisma, c.value);
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
    return void (await c.client.views.open({
      trigger_id: c.body.trigger_id,
      // the recipient: the bureau for a carrier, the PPC otherwise (tracks.ts)
      view: submittedModal(
        incident,
        kind,
        actor.lang,
        dayIn(now, s.timeZone),
        timeIn(now, s.timeZone),
        recipientName(personalDataRecipient(companyProfile(s)), actor.lang),
      ),
    }));
  }
  try {
    const r = await moveIncident(s, { incidentId: incident.id, actorId: actor.slackId, event });
    await tell(r.ok ? incidentStatusMessages(actor.lang).done.contain(r.code) : refusalText(r, event, actor.lang));
  } catch (e) {
    s.log.error("a status move could not be recorded", { user: actor.slackId, error: errorText(e) });
    await tell(incidentSlackMessages(actor.lang).failed);
  }
}
export const contain = (c: PressContext<string>) => move(c, "contain");
export const reportPreliminary = (c: PressContext<string>) => move(c, "reportPreliminary");
export const reportFinal = (c: PressContext<string>) => move(c, "reportFinal");

/** The submitted modal's fields. */
const submittedForm = {
  action: INPUT,
  fields: {
    day: { block: SubmittedBlocks.day, read: "date" },
    time: { block: SubmittedBlocks.time, read: "time" },
    reference: { block: SubmittedBlocks.reference, read: "text" },
  },
  schema: z.object({ day: z.string().optional(), time: z.string().optional(), reference: z.string().optional() }),
} as const;

/** When the preliminary or final report was submitted: the move, with that time. */
export async function submitReportTime(c: SubmitContext<SubmittedMeta, Actor | null>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const m = incidentStatusMessages(lang).modal;
  const incident = await loadIncident(s.database.prisma, meta.id);
  if (!incident) return c.fail(incidentSlackMessages(lang).refusal.notFound);
  if (!actor) return c.fail((await noteUnknownUser(s, c.body.user.id, DEFAULT_LANG)).text);
  const form = readModal(c.view.state.values, { ...submittedForm, lang });
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const { day, time, reference: typed } = form.data;
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return c.fail(m.required);
  if (!time || !/^\d{2}:\d{2}$/.test(time)) return c.fail(m.required, SubmittedBlocks.time);
  const submittedAt = momentAt(day, time, s.timeZone);
  if (submittedAt.getTime() > s.clock.now().getTime()) return c.fail(m.future);
  const reference = typed?.trim() || null;
  if (reference && reference.length > 200) return c.fail(m.tooLong(200), SubmittedBlocks.reference);
  const event: MoveEvent = meta.kind === "preliminary" ? "reportPreliminary" : "reportFinal";
  try {
    const r = await moveIncident(s, { incidentId: incident.id, actorId: actor.slackId, event, submittedAt, reference });
    if (!r.ok) return c.fail(refusalText(r, event, lang));
  } catch (e) {
    s.log.error("a report submission could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

const incidentId = z.string().min(1);
const notFound = ({ lang }: { lang: Lang }) => incidentSlackMessages(lang).refusal.notFound;

export const incidentStatusHandlers: readonly HandlerDef[] = [
  press(IncidentActions.contain, { value: incidentId, invalid: notFound }, contain),
  press(IncidentActions.reportPreliminary, { value: incidentId, invalid: notFound }, reportPreliminary),
  press(IncidentActions.reportFinal, { value: incidentId, invalid: notFound }, reportFinal),
  submit(
    IncidentViews.submitted,
    {
      meta: json(z.object({ id: z.string(), kind: z.enum(["preliminary", "final"]) })),
      block: SubmittedBlocks.day,
      invalid: (lang) => notFound({ lang }),
      anyone: true,
    },
    submitReportTime,
  ),
];
