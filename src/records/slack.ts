// Slack handlers of the provision and receipt records: the 「提供を記録」 button, the log,
// receipt and disclosure modals. Parse, call the flows, render.
import { z } from "zod";
import { mayHandleDsr } from "../directory/roles.js";
import { dayIn } from "../platform/day.js";
import type { Lang } from "../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { readFields, validateRaw, type ModalValues } from "../platform/slack/modal.js";
import type { Services } from "../platform/services.js";
import { DsrActions } from "../dsr/ids.js";
import { discloseModal, doneView, logModal } from "./blocks.js";
import { DISCLOSE_MAX_RECORDS, disposeReceipt, fileReceipt, listForDisclosure, logContext, logProvision, showDay, type LogRefusal } from "./flows.js";
import {
  DiscloseBlocks,
  DisposeBlocks,
  INPUT,
  LogBlocks,
  ReceiptBlocks,
  RecordActions,
  RecordViews,
  type DiscloseMeta,
  type DisposeMeta,
  type LogMeta,
} from "./ids.js";
import { recordMessages } from "./messages.js";
import type { Problem, RecordForm } from "./rules.js";

const today = (s: Services) => dayIn(s.clock.now(), s.timeZone);
const logMeta = json(z.object({ requestId: z.string().min(1) }));
const discloseMeta = json(z.object({ dsrId: z.string().min(1) }));

export function logRefusalText(refusal: LogRefusal, code: string, lang: Lang): string {
  const m = recordMessages(lang);
  if (refusal === "not_effective") return m.notEffective(code);
  if (refusal === "not_provision") return m.notProvision(code);
  if (refusal === "not_allowed") return m.notAllowed;
  return m.notFound(code);
}

/** The limits every form keeps (control characters, length), before the rules see the values. */
function guard(raw: Record<string, unknown>, lang: Lang): Record<string, string> | null {
  const r = validateRaw(z.unknown(), raw, (field) => field, { lang });
  return r.ok ? null : r.errors;
}

/** Problems of a rules check as Slack's field errors (the field names are the block ids). */
function problemErrors(problems: Partial<Record<string, Problem>>, lang: Lang): Record<string, string> {
  const m = recordMessages(lang);
  return Object.fromEntries(Object.entries(problems).flatMap(([k, p]) => (p ? [[k, m.problems[p]]] : [])));
}

/** Opens the log modal for an approved request (the button, or `/privacy provision log`). */
export async function logModalFor(s: Services, actor: { slackId: string; roles: string[]; departmentId: string | null; lang: Lang }, requestId: string) {
  const c = await logContext(s, requestId, actor);
  if (!c.ok) return { ok: false as const, text: logRefusalText(c.refusal, c.code ?? requestId, actor.lang) };
  const exemption = c.duty.needed ? null : c.duty.exemption;
  const fixed = c.record && c.record.provisions > 0 ? (c.record.form as RecordForm) : null;
  const view = logModal({
    requestId: c.request.id,
    code: c.request.code,
    recipient: c.recipient,
    items: c.items,
    exemption,
    basis: c.duty.needed ? c.duty.basis : null,
    fixedForm: fixed,
    today: today(s),
    lang: actor.lang,
  });
  return { ok: true as const, view };
}

export async function openLog(c: PressContext<LogMeta>): Promise<void> {
  const r = await logModalFor(c.s, c.actor, c.value.requestId);
  if (!r.ok) return void (await c.tell(r.text));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: r.view });
}

export async function recordLog(c: SubmitContext<LogMeta>): Promise<void> {
  const { s, actor } = c;
  const raw = readFields(
    c.view.state.values as ModalValues,
    { providedOn: "date", subjectsRef: "text", form: "option", contractRef: "text", exclusion: "option" },
    INPUT,
  );
  const bad = guard(raw, actor.lang);
  if (bad) return c.ack({ response_action: "errors", errors: bad });
  const r = await logProvision(s, { requestId: c.meta.requestId, actorId: actor.slackId, raw, submissionKey: `view:${c.view.id}` });
  if (!r.ok) {
    if ("problems" in r) return c.ack({ response_action: "errors", errors: problemErrors(r.problems, actor.lang) });
    if (r.refusal === "duplicate") return c.ack();
    return c.fail(logRefusalText(r.refusal, "", actor.lang), LogBlocks.providedOn);
  }
  const m = recordMessages(actor.lang);
  await c.ack({
    response_action: "update",
    view: doneView(m.logged(r.code, showDay(r.providedOn, actor.lang), r.label, r.until ? showDay(r.until, actor.lang) : null), actor.lang),
  });
}

export async function recordReceipt(c: SubmitContext<undefined>): Promise<void> {
  const { s, actor } = c;
  const B = ReceiptBlocks;
  const raw = readFields(
    c.view.state.values as ModalValues,
    {
      providerName: "text",
      providerKind: "option",
      providerAddress: "text",
      providerRepresentative: "text",
      acquisition: "text",
      basis: "option",
      ppcPublished: "options",
      items: "text",
      subjectsRef: "text",
      receivedOn: "date",
      form: "option",
      contractRef: "text",
      exclusion: "option",
    },
    INPUT,
  );
  const bad = guard(raw, actor.lang);
  if (bad) return c.ack({ response_action: "errors", errors: bad });
  if (!actor.departmentId) return c.fail(recordMessages(actor.lang).receiptNotYours, B.providerName);
  const r = await fileReceipt(s, { actorId: actor.slackId, departmentId: actor.departmentId, raw, submissionKey: `view:${c.view.id}` });
  if (!r.ok) {
    if ("problems" in r) return c.ack({ response_action: "errors", errors: problemErrors(r.problems, actor.lang) });
    return c.ack();
  }
  const m = recordMessages(actor.lang);
  await c.ack({ response_action: "update", view: doneView(m.receiptSaved(r.code, r.label, r.until ? showDay(r.until, actor.lang) : null), actor.lang) });
}

export async function recordDisclose(c: SubmitContext<DiscloseMeta>): Promise<void> {
  const { s, actor } = c;
  const m = recordMessages(actor.lang);
  const raw = readFields(c.view.state.values as ModalValues, { counterpart: "text", from: "date", to: "date" }, INPUT);
  const bad = guard(raw, actor.lang);
  if (bad) return c.ack({ response_action: "errors", errors: bad });
  if (raw.from && raw.to && raw.to < raw.from) return c.ack({ response_action: "errors", errors: { [DiscloseBlocks.to]: m.badPeriod } });
  const r = await listForDisclosure(s, {
    dsrId: c.meta.dsrId,
    actorId: actor.slackId,
    counterpart: raw.counterpart?.trim() || null,
    from: raw.from ?? null,
    to: raw.to ?? null,
    allowed: mayHandleDsr(actor),
  });
  if (!r.ok)
    return c.fail(
      r.refusal === "too_many"
        ? m.discloseTooMany(r.count, DISCLOSE_MAX_RECORDS)
        : r.refusal === "not_allowed"
          ? m.notDsrDesk
          : r.refusal === "not_records_kind"
            ? m.notRecordsKind("")
            : m.notFound(""),
      DiscloseBlocks.counterpart,
    );
  await c.ack({ response_action: "update", view: doneView(m.disclosePosted(r.code), actor.lang) });
}

export async function recordDispose(c: SubmitContext<DisposeMeta>): Promise<void> {
  const { s, actor } = c;
  const m = recordMessages(actor.lang);
  const raw = readFields(c.view.state.values as ModalValues, { method: "option", performedBy: "user", disposedOn: "date", note: "text" }, INPUT);
  const bad = guard(raw, actor.lang);
  if (bad) return c.ack({ response_action: "errors", errors: bad });
  const r = await disposeReceipt(s, { receiptId: c.meta.receiptId, actorId: actor.slackId, raw });
  if (!r.ok) {
    if ("problems" in r) return c.ack({ response_action: "errors", errors: problemErrors(r.problems, actor.lang) });
    const text =
      r.refusal === "not_allowed"
        ? m.disposeNotAllowed
        : r.refusal === "exempt"
          ? m.disposeNone
          : r.refusal === "already"
            ? m.disposedAlready(showDay(r.detail!, actor.lang))
            : r.refusal === "not_yet"
              ? m.disposeNotYet(showDay(r.detail!, actor.lang))
              : m.notFound("");
    return c.fail(text, DisposeBlocks.method);
  }
  await c.ack({
    response_action: "update",
    view: doneView(m.disposed(r.code, showDay(r.disposedOn, actor.lang), m.methods[r.method as keyof typeof m.methods]), actor.lang),
  });
}

/** 「提供記録の一覧」 on a data-subject request's post or DM (the dsr feature's button): the listing modal. */
export async function openDisclose(c: PressContext<string>): Promise<void> {
  const m = recordMessages(c.actor.lang);
  if (!mayHandleDsr(c.actor)) return void (await c.tell(m.notDsrDesk));
  const d = await c.s.database.prisma.subjectRequest.findUnique({ where: { id: c.value } });
  if (!d) return void (await c.tell(m.notFound("")));
  if (d.kind !== "provision_records") return void (await c.tell(m.notRecordsKind(d.code)));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: discloseModal(d.id, d.code, c.actor.lang) });
}

export const recordHandlers: readonly HandlerDef[] = [
  press(DsrActions.provisionRecords, { value: z.string().min(1), invalid: ({ lang }) => recordMessages(lang).notFound("") }, openDisclose),
  press(RecordActions.log, { value: logMeta, invalid: ({ lang }) => recordMessages(lang).notFound("") }, openLog),
  submit(RecordViews.log, { meta: logMeta, block: LogBlocks.providedOn, invalid: (lang) => recordMessages(lang).notFound("") }, recordLog),
  submit(RecordViews.receipt, { block: ReceiptBlocks.providerName }, recordReceipt),
  submit(
    RecordViews.dispose,
    { meta: json(z.object({ receiptId: z.string().min(1) })), block: DisposeBlocks.method, invalid: (lang) => recordMessages(lang).notFound("") },
    recordDispose,
  ),
  submit(RecordViews.disclose, { meta: discloseMeta, block: DiscloseBlocks.counterpart, invalid: (lang) => recordMessages(lang).notFound("") }, recordDisclose),
];
