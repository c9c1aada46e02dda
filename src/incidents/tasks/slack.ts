// Slack handlers of the task checklist (「完了」, 「該当なし」 and its reason modal) and of
// closing (「終了する」 and the recurrence-prevention modal). Ack first, once per delivery;
// refusals ephemeral (or a field error in a modal) and logged.
import { z } from "zod";
import { CHANNEL_LANG, type Lang } from "../../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { maxText, readModal, TEXT_MAX } from "../../platform/slack/modal.js";
import { mayRespond } from "../access.js";
import { logRefusal } from "../refusals.js";
import { IncidentActions, IncidentViews, INPUT, TaskBlocks, type TaskMeta } from "../ids.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { loadIncident } from "../store.js";
import { closeModal, NA_REASON_MAX, naModal, taskLabel } from "./blocks.js";
import { closeIncident, closeRefusalText, updateTask, type TaskResult } from "./flows.js";
import { incidentTaskMessages } from "./messages.js";
import { errorText } from "../../platform/log.js";
import { exceptionMessages, groundSchema, NA_GROUND_BLOCK, NA_GROUNDS, reasonWithGround } from "../intake/exceptions.js";
import type { TaskKey } from "../rules.js";

/** The ground chosen in the 「該当なし」 modal of a task that has grounds (notice, publication), or its field error. */
function groundOf(c: SubmitContext<TaskMeta>): { ground: string | null } | { error: string } {
  if (!NA_GROUNDS[c.meta.key as TaskKey]) return { ground: null };
  const r = readModal(c.view.state.values, {
    action: INPUT,
    lang: c.lang,
    fields: { ground: { block: NA_GROUND_BLOCK, read: "option" } },
    schema: z.object({ ground: groundSchema(c.meta.key, exceptionMessages(c.lang).required) }),
  });
  return r.ok ? { ground: r.data.ground } : { error: exceptionMessages(c.lang).required };
}

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

/** A task's button carries "incident id:task key". */
const taskValue = z.string().transform((v) => {
  const [id = "", key = ""] = v.split(":");
  return { id, key };
});

/** One text field of a modal (the 「該当なし」 reason, the recurrence prevention) of at most `max` characters (its input's max_length). */
const oneText = (block: string, max: number, lang: Lang) =>
  ({ action: INPUT, fields: { text: { block, read: "text" } }, schema: z.object({ text: maxText(max, lang).optional() }), lang }) as const;
/** The field's text, trimmed; or its error, keyed by its block. */
const textOf = (c: SubmitContext<unknown>, block: string, max: number): { text: string } | { errors: Record<string, string> } => {
  const r = readModal(c.view.state.values, oneText(block, max, c.lang));
  return r.ok ? { text: r.data.text?.trim() ?? "" } : { errors: r.errors };
};

/** 「完了」 and 「該当なし」 on the checklist: done at once; not applicable asks the reason first. */
async function task(c: PressContext<{ id: string; key: string }>, action: "taskDone" | "taskNa"): Promise<void> {
  const { s, actor, tell } = c;
  const m = incidentTaskMessages(actor.lang);
  const { id, key } = c.value;
  const incident = await loadIncident(s.database.prisma, id);
  const task = incident ? await s.database.prisma.incidentTask.findUnique({ where: { incidentId_key: { incidentId: incident.id, key } } }) : null;
  if (!incident || !task) return void (await tell(m.refusal.notFound));
  try {
    if (action === "taskDone") {
      const r = await updateTask(s, { incidentId: incident.id, key, actorId: actor.slackId, to: "done" });
      return void (await tell(r.ok ? m.ack.done(r.code, taskLabel(key, actor.lang)) : taskRefusalText(r, actor.lang)));
    }
    // 「該当なし」: refuse before asking the reason
    const refusal = !(mayRespond(actor, incident) || task.ownerId === actor.slackId)
      ? "not_allowed"
      : incident.status === "closed"
        ? "closed"
        : task.status !== "open"
          ? "not_open"
          : null;
    if (refusal) {
      await logRefusal(s, actor.slackId, `incident:${incident.code}`, `task_na:${key}`, refusal);
      return void (await tell(taskRefusalText({ ok: false, refusal }, actor.lang)));
    }
    await c.client.views.open({ trigger_id: c.body.trigger_id, view: naModal(incident, key, actor.lang) });
  } catch (e) {
    s.log.error("a task update could not be recorded", { user: actor.slackId, error: errorText(e) });
    await tell(incidentSlackMessages(actor.lang).failed);
  }
}
export const taskDone = (c: PressContext<{ id: string; key: string }>) => task(c, "taskDone");
export const taskNotApplicable = (c: PressContext<{ id: string; key: string }>) => task(c, "taskNa");

export async function submitNotApplicable(c: SubmitContext<TaskMeta>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const read = textOf(c, TaskBlocks.naReason, NA_REASON_MAX);
  if ("errors" in read) return c.ack({ response_action: "errors", errors: read.errors });
  const ground = groundOf(c);
  if ("error" in ground) return c.fail(ground.error, NA_GROUND_BLOCK);
  if (!read.text) return c.fail(incidentTaskMessages(lang).naModal.required);
  // the ground in the policy's or the law's words (channel language, like the checklist), then the person's words
  const reason = ground.ground ? reasonWithGround(ground.ground as never, read.text, CHANNEL_LANG) : read.text;
  try {
    const r = await updateTask(s, { incidentId: meta.id, key: meta.key, actorId: actor.slackId, to: "na", reason });
    if (!r.ok) return c.fail(taskRefusalText(r, lang));
  } catch (e) {
    s.log.error("a task update could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

/** 「終了する」: the recurrence-prevention modal, for those who respond to the incident. */
export async function openClose(c: PressContext<string>): Promise<void> {
  const { s, actor, tell } = c;
  const m = incidentTaskMessages(actor.lang);
  const incident = await loadIncident(s.database.prisma, c.value);
  if (!incident) return void (await tell(m.refusal.notFound));
  if (!mayRespond(actor, incident)) {
    await logRefusal(s, actor.slackId, `incident:${incident.code}`, "close", "not_assessor");
    return void (await tell(m.refusal.closeNotAllowed));
  }
  if (incident.status === "closed") return void (await tell(m.checklist.closed));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: closeModal(incident, actor.lang) });
}

export async function submitClose(c: SubmitContext<{ id: string }>): Promise<void> {
  const { s, actor, lang } = c;
  const read = textOf(c, TaskBlocks.recurrence, TEXT_MAX);
  if ("errors" in read) return c.ack({ response_action: "errors", errors: read.errors });
  const text = read.text;
  if (!text) return c.fail(incidentTaskMessages(lang).closeModal.required);
  try {
    const r = await closeIncident(s, { incidentId: c.meta.id, actorId: actor.slackId, recurrencePrevention: text });
    if (!r.ok) return c.fail(closeRefusalText(r, lang));
  } catch (e) {
    s.log.error("an incident could not be closed", { user: actor.slackId, error: errorText(e) });
    return c.fail(incidentSlackMessages(lang).failed);
  }
  await c.ack();
}

const notFound = ({ lang }: { lang: Lang }) => incidentTaskMessages(lang).refusal.notFound;

export const incidentTaskHandlers: readonly HandlerDef[] = [
  press(IncidentActions.taskDone, { value: taskValue, invalid: notFound }, taskDone),
  press(IncidentActions.taskNa, { value: taskValue, invalid: notFound }, taskNotApplicable),
  submit(
    IncidentViews.taskNa,
    { meta: json(z.object({ id: z.string().min(1), key: z.string().min(1) })), block: TaskBlocks.naReason, invalid: (lang) => notFound({ lang }) },
    submitNotApplicable,
  ),
  press(IncidentActions.close, { value: z.string().min(1), invalid: notFound }, openClose),
  submit(
    IncidentViews.close,
    { meta: json(z.object({ id: z.string().min(1) })), block: TaskBlocks.recurrence, invalid: (lang) => notFound({ lang }) },
    submitClose,
  ),
];
