// Slack handlers of the retention feature: the "record disposal" button (reminder DM, App
// Home) opens the disposal modal; its submission records the disposal. Parse, call the flow, render.
import { z } from "zod";
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { checkedBy, readModal, type ModalValues } from "../platform/slack/modal.js";
import { disposalModal, doneView } from "./blocks.js";
import { logRefusal, recordDisposal, auditSubject } from "./flows.js";
import { DisposalBlocks, INPUT, RetentionActions, RetentionViews, type SubjectRef } from "./ids.js";
import { retentionMessages, showDay } from "./messages.js";
import { checkDisposal, dayIn, mayRecordDisposal, SUBJECT_KINDS, type Problem } from "./rules.js";
import { disposalOf, findItem } from "./store.js";

const today = (s: Services) => dayIn(s.clock.now(), s.timeZone);
const raw = z.string().optional();

/** What the disposal button and modal carry (encodeSubject). */
const subject = json(z.object({ k: z.enum(SUBJECT_KINDS), r: z.string().min(1).max(100) }).transform((v): SubjectRef => ({ kind: v.k, ref: v.r })));

/** The disposal modal's fields, checked by the rules' checkDisposal. */
function disposalForm(lang: Lang, day: string) {
  const m = retentionMessages(lang);
  return {
    action: INPUT,
    lang,
    fields: { method: "option", disposedOn: "date", performedBy: "user", evidenceUrl: "text", note: "text" },
    schema: checkedBy(
      z.object({ method: raw, disposedOn: raw, performedBy: raw, evidenceUrl: raw, note: raw }),
      (v) => checkDisposal(v, day),
      (p: Problem) => m.problems[p],
    ),
  } as const;
}

/** "Record disposal": the owner, a manager of the department, the chief or the deputy gets the modal. */
export async function openDisposal(c: PressContext<SubjectRef>): Promise<void> {
  const { s, actor, tell, value } = c;
  const m = retentionMessages(actor.lang);
  const item = await findItem(s.database.prisma, value.kind, value.ref);
  if (!item) return void (await tell(m.notFound));
  if (!mayRecordDisposal(actor, item)) {
    await logRefusal(s, actor.slackId, auditSubject(value.kind, value.ref), "disposal", "not_allowed");
    return void (await tell(m.notAllowed));
  }
  if (item.disposalId) {
    const d = await disposalOf(s.database.prisma, value.kind, value.ref);
    return void (await tell(m.already(d ? showDay(d.disposedOn.toISOString().slice(0, 10), actor.lang) : "")));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: disposalModal(item, actor.lang, today(s)) });
}

export async function submitDisposal(c: SubmitContext<SubjectRef>): Promise<void> {
  const { s, actor, meta } = c;
  const m = retentionMessages(actor.lang);
  const checked = readModal(c.view.state.values as ModalValues, disposalForm(actor.lang, today(s)));
  if (!checked.ok) return c.ack({ response_action: "errors", errors: checked.errors });
  const r = await recordDisposal(s, { kind: meta.kind, ref: meta.ref, actorId: actor.slackId, value: checked.data, submissionKey: `view:${c.view.id}` });
  if (!r.ok) {
    if (r.refusal === "not_in_directory") return c.fail(m.notInDirectory, DisposalBlocks.performedBy);
    if (r.refusal === "already") return c.fail(m.already(r.detail ? showDay(r.detail, actor.lang) : ""));
    return c.fail(r.refusal === "not_allowed" ? m.notAllowed : m.notFound);
  }
  const v = checked.data;
  await c.ack({ response_action: "update", view: doneView(m.done(meta.ref, showDay(v.disposedOn, actor.lang), m.methods[v.method]), actor.lang) });
}

export const retentionHandlers: readonly HandlerDef[] = [
  press(RetentionActions.dispose, { value: subject, invalid: ({ lang }) => retentionMessages(lang).notFound }, openDisposal),
  submit(RetentionViews.disposal, { meta: subject, block: DisposalBlocks.method, invalid: (lang) => retentionMessages(lang).notFound }, submitDisposal),
];
