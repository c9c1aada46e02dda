// Slack handlers of the report items (「報告書の項目を記入」 → the items 5-9 modal). Ack first,
// once per delivery; refusals ephemeral (or a field error in the modal) and logged.
import { z } from "zod";
import type { Lang } from "../../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { mayRespond } from "../access.js";
import { DetailsBlocks, IncidentActions, IncidentViews } from "../ids.js";
import { logRefusal } from "../refusals.js";
import type { ViewValues } from "../report/forms.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { loadIncident } from "../store.js";
import { detailsModal } from "./blocks.js";
import { parseDetails } from "./fields.js";
import { updateDetails } from "./flows.js";
import { incidentDetailsMessages } from "./messages.js";
import { errorText } from "../../platform/log.js";
import { factsOfRow, parseLaterFacts } from "../intake/facts.js";
import { dayIn } from "../../platform/day.js";

/** The button carries the incident id (read as an assignment button's value: what follows a colon is ignored). */
const incidentId = z.string().transform((v) => v.split(":")[0] ?? "");

export async function openDetails(c: PressContext<string>): Promise<void> {
  const { s, actor, tell } = c;
  const incident = await loadIncident(s.database.prisma, c.value);
  if (!incident) return void (await tell(incidentSlackMessages(actor.lang).refusal.notFound));
  const m = incidentDetailsMessages(actor.lang).refusal;
  const refusal = !mayRespond(actor, incident) ? "not_allowed" : incident.status === "closed" ? "closed" : null;
  if (refusal) {
    await logRefusal(s, actor.slackId, `incident:${incident.code}`, "details", refusal);
    return void (await tell(refusal === "closed" ? m.closed : m.notAllowed));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: detailsModal(incident, actor.lang, factsOfRow(incident)) });
}

/** The report-items modal's metadata (DetailsMeta); one without its revision (opened before it carried one) is treated as stale. */
const detailsMeta = json(z.object({ id: z.string().min(1), rev: z.number().optional().catch(undefined), items: z.string().optional().catch(undefined) }));

export async function submitDetails(c: SubmitContext<z.output<typeof detailsMeta>>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const parsed = parseDetails(c.view.state.values as unknown as ViewValues, lang);
  if (!parsed.ok) return c.ack({ response_action: "errors", errors: parsed.errors });
  // the facts (when the modal carries them): an occurrence after the day the company learned of it is a field error
  const incident = await loadIncident(s.database.prisma, meta.id);
  const facts = incident ? parseLaterFacts(c.view.state.values as unknown as ViewValues, lang, dayIn(incident.discoveredAt, s.timeZone)) : null;
  if (facts && !facts.ok) return c.ack({ response_action: "errors", errors: facts.errors });
  const hasFacts = JSON.stringify(c.view.blocks ?? []).includes('"block_id":"occurredOn"');
  const opened = typeof meta.rev === "number" && typeof meta.items === "string" ? { rev: meta.rev, items: meta.items } : { rev: -1, items: "" };
  try {
    const r = await updateDetails(s, {
      incidentId: meta.id,
      actorId: actor.slackId,
      details: parsed.value,
      opened,
      ...(facts?.ok && hasFacts ? { facts: facts.value } : {}),
    });
    if (!r.ok) {
      const m = incidentDetailsMessages(lang).refusal;
      return c.fail(
        r.refusal === "not_found"
          ? incidentSlackMessages(lang).refusal.notFound
          : r.refusal === "closed"
            ? m.closed
            : r.refusal === "stale"
              ? m.stale
              : m.notAllowed,
      );
    }
  } catch (e) {
    s.log.error("report items could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

const notFound = ({ lang }: { lang: Lang }) => incidentSlackMessages(lang).refusal.notFound;

export const incidentDetailsHandlers: readonly HandlerDef[] = [
  press(IncidentActions.details, { value: incidentId, invalid: notFound }, openDetails),
  submit(IncidentViews.details, { meta: detailsMeta, block: DetailsBlocks.secondaryHarm, invalid: (lang) => notFound({ lang }) }, submitDetails),
];
