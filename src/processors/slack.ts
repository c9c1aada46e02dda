// Slack handlers of the processors feature: the inspection and disposal modals, and the
// "record disposal" buttons of /privacy processors disposal. Parse, call the flows, render.
import { z } from "zod";
import type { Lang } from "../platform/i18n.js";
import { json, link, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { checkedBy, readModal, type ModalValues } from "../platform/slack/modal.js";
import { disposalModal, doneView, inspectionModal } from "./blocks.js";
import { disposalWhat, logRefusal, recordDisposal, recordInspection } from "./flows.js";
import { DisposalBlocks, InspectionBlocks, INPUT, ProcessorActions, ProcessorViews, type DisposalTarget, type InspectionMeta } from "./ids.js";
import { disposalRefusal, processorMessages, processorRefusalText, showDay } from "./messages.js";
import { checkDisposal, checkInspection, dayIn, mayRecordDisposal, mayRecordInspection, type Problem } from "./rules.js";
import { findDisposalItem } from "./store.js";
import type { Services } from "../platform/services.js";

const today = (s: Services) => dayIn(s.clock.now(), s.timeZone);
const raw = z.string().optional();

/** What a disposal's button and modal carry (encodeTarget): a processor's documents or a provision record. */
const disposalTarget = json(z.object({ k: z.enum(["processor", "provision"]), id: z.string() }).transform((v): DisposalTarget => ({ kind: v.k, id: v.id })));

/** The inspection modal's fields, checked by the rules' checkInspection. */
function inspectionForm(lang: Lang, day: string) {
  const m = processorMessages(lang);
  return {
    action: INPUT,
    lang,
    fields: { inspectedOn: "date", result: "option", note: "text", documentUrl: "text" },
    schema: checkedBy(
      z.object({ inspectedOn: raw, result: raw, note: raw, documentUrl: raw }),
      ({ inspectedOn, result, note, documentUrl }) => checkInspection({ inspectedOn, result, note, documentUrl }, day),
      (p: Problem) => m.problems[p],
    ),
  } as const;
}

/** The disposal modal's fields, checked by the rules' checkDisposal ("other" needs a note: said so). */
function disposalForm(lang: Lang, day: string) {
  const m = processorMessages(lang);
  return {
    action: INPUT,
    lang,
    fields: { method: "option", performedBy: "user", disposedOn: "date", note: "text" },
    schema: checkedBy(
      z.object({ method: raw, performedBy: raw, disposedOn: raw, note: raw }),
      ({ method, performedBy, disposedOn, note }) => checkDisposal({ method, performedBy, disposedOn, note }, day),
      (p: Problem) => (p === "note_required" ? m.otherNoteRequired : m.problems[p]),
    ),
  } as const;
}

export async function recordInspectionModal(c: SubmitContext<Partial<InspectionMeta>>): Promise<void> {
  const { s, actor, meta } = c;
  const m = processorMessages(actor.lang);
  const checked = readModal(c.view.state.values as ModalValues, inspectionForm(actor.lang, today(s)));
  if (!checked.ok) return c.ack({ response_action: "errors", errors: checked.errors });
  const r = await recordInspection(s, { processorId: meta.processorId ?? "", actorId: actor.slackId, value: checked.data, submissionKey: `view:${c.view.id}` });
  if (!r.ok) {
    const p = meta.processorId
      ? await s.database.prisma.processor.findUnique({ where: { id: meta.processorId }, select: { departmentId: true, requestCode: true } })
      : null;
    const dept = p ? ((await s.database.prisma.department.findUnique({ where: { id: p.departmentId }, select: { name: true } }))?.name ?? p.departmentId) : "";
    return c.fail(processorRefusalText(r.refusal, r.detail, actor.lang, { verb: "inspected", department: dept, ref: p?.requestCode }));
  }
  const v = checked.data;
  await c.ack({
    response_action: "update",
    view: doneView(m.inspectionDone(r.name, r.code, showDay(v.inspectedOn, actor.lang), m.results[v.result], showDay(r.nextDue, actor.lang)), actor.lang),
  });
}

export async function recordDisposalModal(c: SubmitContext<DisposalTarget>): Promise<void> {
  const { s, actor, meta: target } = c;
  const m = processorMessages(actor.lang);
  if (!mayRecordDisposal(actor)) {
    await logRefusal(s, actor.slackId, `${target.kind}:${target.id}`, "disposal", "not_allowed");
    return c.fail(m.disposalNotAllowed);
  }
  const checked = readModal(c.view.state.values as ModalValues, disposalForm(actor.lang, today(s)));
  if (!checked.ok) return c.ack({ response_action: "errors", errors: checked.errors });
  const r = await recordDisposal(s, { target, actorId: actor.slackId, value: checked.data });
  if (!r.ok) {
    const e = disposalRefusal(r.refusal, r.detail, actor.lang);
    return c.fail(e.text, e.field);
  }
  const val = checked.data;
  await c.ack({
    response_action: "update",
    view: doneView(
      m.disposalDone(disposalWhat(r.item, actor.lang), showDay(val.disposedOn, actor.lang), m.methods[r.method], `<@${val.performedBy}>`),
      actor.lang,
    ),
  });
}

/** "Record disposal" next to an item of /privacy processors disposal: the chief (or deputy) gets the modal. */
export async function openDisposal(c: PressContext<DisposalTarget>): Promise<void> {
  const { s, actor, tell, value: target } = c;
  const m = processorMessages(actor.lang);
  if (!mayRecordDisposal(actor)) {
    await logRefusal(s, actor.slackId, `${target.kind}:${target.id}`, "disposal", "not_allowed");
    return void (await tell(m.disposalNotAllowed));
  }
  const item = await findDisposalItem(s.database.prisma, { id: target.id }, s.timeZone);
  if (!item) return void (await tell(m.notFoundForDisposal("")));
  if (item.disposedOn) return void (await tell(m.disposedBefore(showDay(item.disposedOn, actor.lang))));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: disposalModal(item, actor.lang, today(s)) });
}

/** 「調査を記録」 on the Home tab: the inspection modal, as `/privacy processors inspected` opens it. */
export async function openInspection(c: PressContext<string>): Promise<void> {
  const { s, actor, tell, value: id } = c;
  const m = processorMessages(actor.lang);
  const p = await s.database.prisma.processor.findUnique({ where: { id } });
  if (!p) return void (await tell(m.notFound("")));
  if (!mayRecordInspection(actor, p.departmentId)) {
    await logRefusal(s, actor.slackId, `processor:${p.requestCode}`, "inspected", "not_allowed");
    const dept = (await s.database.prisma.department.findUnique({ where: { id: p.departmentId }, select: { name: true } }))?.name ?? p.departmentId;
    return void (await tell(m.inspectionNotAllowed(dept)));
  }
  if (p.disposedOn) return void (await tell(m.disposedAlready(showDay(p.disposedOn.toISOString().slice(0, 10), actor.lang))));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: inspectionModal(p, actor.lang, today(s)) });
}

export const processorHandlers: readonly HandlerDef[] = [
  submit(
    ProcessorViews.inspection,
    {
      meta: json(z.object({ processorId: z.string().optional() })),
      block: InspectionBlocks.inspectedOn,
      invalid: (lang) => processorMessages(lang).notFound(""),
    },
    recordInspectionModal,
  ),
  submit(
    ProcessorViews.disposal,
    { meta: disposalTarget, block: DisposalBlocks.method, invalid: (lang) => processorMessages(lang).notFoundForDisposal("") },
    recordDisposalModal,
  ),
  press(ProcessorActions.dispose, { value: disposalTarget, invalid: ({ lang }) => processorMessages(lang).notFoundForDisposal("") }, openDisposal),
  link(ProcessorActions.openLink),
  press(ProcessorActions.inspect, { value: z.string().min(1), invalid: ({ lang }) => processorMessages(lang).notFound("") }, openInspection),
];
