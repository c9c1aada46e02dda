// Slack handlers of the consultation route (合議): parse, call the flows, render.
import { z } from "zod";
import { detectPii } from "../../platform/pii/index.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { maxText, readModal } from "../../platform/slack/modal.js";
import { errorText } from "../../platform/log.js";
import type { Lang } from "../../platform/i18n.js";
import { deputyOn } from "../../requests/flows.js";
import { approversFor, loadRequest } from "../../requests/store.js";
import { addModal, objectModal, REASON_MAX } from "./blocks.js";
import { addConsultant, answerConsultation, logConsultRefusal } from "./flows.js";
import { AddBlocks, ConsultActions, ConsultViews, type ConsultValue, ObjectBlock } from "./ids.js";
import { consultMessages } from "./messages.js";
import { canAddConsultant, canAnswer } from "./rules.js";
import { loadRound } from "./store.js";

/** A consultation button's value, and the modals' private_metadata: the request and its version. */
const consultValue = json(z.object({ id: z.string().min(1), v: z.number().int() })) satisfies z.ZodType<ConsultValue, unknown>;
const notFound = ({ lang }: { lang: Lang }) => consultMessages(lang).notFound;

async function afterAck<T>(c: PressContext<unknown>, flow: () => Promise<T>): Promise<T | undefined> {
  try {
    return await flow();
  } catch (e) {
    c.s.log.error("a consultation press could not be recorded", { user: c.actor.slackId, error: errorText(e) });
    await c.tell(consultMessages(c.actor.lang).pressFailed);
    return undefined;
  }
}

export async function approveConsultation(c: PressContext<ConsultValue>): Promise<void> {
  const { actor, value } = c;
  const m = consultMessages(actor.lang);
  const r = await afterAck(c, () => answerConsultation(c.s, { requestId: value.id, actorId: actor.slackId, version: value.v, answer: "approve" }));
  if (r) await c.tell(r.ok ? m.answered(r.code, m.answer.approve) : r.refusal === "not_found" ? m.notFound : m.refusal[r.refusal]);
}

/** 異議: the reason modal, once the presser may answer. */
export async function openObjection(c: PressContext<ConsultValue>): Promise<void> {
  const { s, actor, value } = c;
  const m = consultMessages(actor.lang);
  const req = await loadRequest(s.database.prisma, value.id);
  if (!req) return void (await c.tell(m.notFound));
  const round = await loadRound(s.database.prisma, req.id, req.version);
  const check = canAnswer(req, actor.slackId, value.v, round?.answers ?? []);
  if (!check.ok) {
    await logConsultRefusal(s, actor.slackId, `request:${req.code}`, "consult_object", check.refusal);
    return void (await c.tell(m.refusal[check.refusal]));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: objectModal(value, req.code, req.title, actor.lang) });
}

/** 承認者の追加: the modal, once the presser is the chief (or deputy) and the request is at the final approval. */
export async function openAdd(c: PressContext<ConsultValue>): Promise<void> {
  const { s, actor, value } = c;
  const m = consultMessages(actor.lang);
  const req = await loadRequest(s.database.prisma, value.id);
  if (!req) return void (await c.tell(m.notFound));
  const a = await approversFor(s.database.prisma, req.departmentId, deputyOn(s));
  // the person is chosen in the modal: check everything but them now ("" is nobody's id)
  const check = canAddConsultant(req, actor.slackId, "", value.v, [...a.chiefs, ...a.deputies], []);
  if (!check.ok) {
    await logConsultRefusal(s, actor.slackId, `request:${req.code}`, "consult_add", check.refusal);
    return void (await c.tell(m.refusal[check.refusal]));
  }
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: addModal(value, req.code, req.title, actor.lang) });
}

const reasonSchema = (lang: Lang) =>
  maxText(REASON_MAX, lang)
    .optional()
    .refine((v) => !v || detectPii(v).length === 0, { message: consultMessages(lang).modal.noPii });

export async function submitObjection(c: SubmitContext<ConsultValue>): Promise<void> {
  const { s, actor, meta, lang } = c;
  const m = consultMessages(lang);
  const form = readModal(c.view.state.values, {
    fields: { reason: { block: ObjectBlock.block, action: ObjectBlock.action, read: "text" } },
    schema: z.object({ reason: reasonSchema(lang) }),
    lang,
  });
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const reason = form.data.reason?.trim() ?? "";
  if (!reason) return c.fail(m.refusal.reason_required, ObjectBlock.block);
  let r: Awaited<ReturnType<typeof answerConsultation>>;
  try {
    r = await answerConsultation(s, { requestId: meta.id, actorId: actor.slackId, version: meta.v, answer: "object", reason });
  } catch (e) {
    s.log.error("an objection could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(m.pressFailed, ObjectBlock.block);
  }
  if (!r.ok) return c.fail(r.refusal === "not_found" ? m.notFound : m.refusal[r.refusal], ObjectBlock.block);
  await c.ack();
}

export async function submitAdd(c: SubmitContext<ConsultValue>): Promise<void> {
  const { s, actor, meta, lang } = c;
  const m = consultMessages(lang);
  const form = readModal(c.view.state.values, {
    fields: {
      person: { block: AddBlocks.person.block, action: AddBlocks.person.action, read: "user" },
      reason: { block: AddBlocks.reason.block, action: AddBlocks.reason.action, read: "text" },
    },
    schema: z.object({ person: z.string().regex(/^[UW][A-Z0-9]+$/, m.refusal.unknown_person), reason: reasonSchema(lang) }),
    lang,
  });
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const reason = form.data.reason?.trim() ?? "";
  if (!reason) return c.fail(m.refusal.reason_required, AddBlocks.reason.block);
  let r: Awaited<ReturnType<typeof addConsultant>>;
  try {
    r = await addConsultant(s, { requestId: meta.id, actorId: actor.slackId, version: meta.v, person: form.data.person, reason });
  } catch (e) {
    s.log.error("an added consultant could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(m.pressFailed, AddBlocks.person.block);
  }
  if (!r.ok) return c.fail(r.refusal === "not_found" ? m.notFound : m.refusal[r.refusal], AddBlocks.person.block);
  await c.ack();
}

/** Every button and modal of the consultation route. */
export const consultationHandlers: readonly HandlerDef[] = [
  press(ConsultActions.approve, { value: consultValue, patient: true, invalid: notFound }, approveConsultation),
  press(ConsultActions.object, { value: consultValue, invalid: notFound }, openObjection),
  press(ConsultActions.add, { value: consultValue, invalid: notFound }, openAdd),
  submit(ConsultViews.object, { meta: consultValue, block: ObjectBlock.block, invalid: (lang) => consultMessages(lang).notFound }, submitObjection),
  submit(ConsultViews.add, { meta: consultValue, block: AddBlocks.person.block, invalid: (lang) => consultMessages(lang).notFound }, submitAdd),
];
