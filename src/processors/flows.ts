// Business operations of the processors feature. Each runs in one transaction holding
// the change, its audit entry and the note in the request's thread (through the outbox);
// who may do it is checked again here against the directory, whatever the caller checked.
import { isHandler } from "../directory/roles.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import { transact, type Tx } from "../platform/db.js";
import { CHANNEL_LANG, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { refusalLog } from "../platform/refusals.js";
import { mention, ref, threadPost } from "../platform/slack/calls.js";
import type { Services } from "../platform/services.js";
import { reminderItemDone } from "../reminders/tracked.js";
import { processorMessages, showDay } from "./messages.js";
import {
  dateDay,
  dayDate,
  dayIn,
  documentsRetainUntil,
  inspectionStage,
  inspectionsRunning,
  mayRecordContractEnd,
  mayRecordDisposal,
  mayRecordInspection,
  nextInspectionDue,
  type Day,
  type DisposalMethod,
  type DisposalValue,
  type Refusal,
  type InspectionValue,
  processorItem,
  provisionItem,
} from "./rules.js";
import { findDisposalItem, lockProcessor, lockProvisionRecord, type DisposalItem } from "./store.js";
import type { DisposalTarget } from "./ids.js";

/** A refusal, with the day or name its message shows (the last inspection, the contract's start, ...). */
export type FlowResult<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal; detail?: string };

async function actorOf(tx: Tx, slackId: string) {
  return tx.person.findUnique({ where: { slackId }, select: { slackId: true, roles: true, departmentId: true } });
}

/** A note in the thread of the request the record came from (when it has one). */
async function threadNote(tx: Tx, requestId: string, text: string): Promise<OutgoingCall[]> {
  const req = await tx.request.findUnique({ where: { id: requestId }, select: { channelId: true } });
  if (!req?.channelId) return [];
  return [threadPost(`request:${requestId}`, req.channelId, ref("requestTs", requestId), { text })];
}

/**
 * The item's menu goes from every reminder still listing it (reminders/tracked.ts), stamped
 * with what was recorded, when and by whom, in the reader's language.
 */
function itemSettled(tx: Tx, s: Services, item: string, actorId: string, what: keyof ReturnType<typeof processorMessages>["reminderDone"]) {
  return reminderItemDone(tx, s, item, { actorId, what: (l) => processorMessages(l).reminderDone[what] });
}

/** A refused attempt changes nothing but is logged. */
export const logRefusal = refusalLog("processor.record_refused");

// ---- inspections (第15条6項) ----------------------------------------------------------

export async function recordInspection(
  s: Services,
  input: { processorId: string; actorId: string; value: InspectionValue; submissionKey?: string },
): Promise<FlowResult<{ code: string; name: string; nextDue: Day; duplicate: boolean }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; name: string; nextDue: Day; duplicate: boolean }>> => {
    await lockProcessor(tx, input.processorId);
    const p = await tx.processor.findUnique({ where: { id: input.processorId } });
    if (!p) return { ok: false, refusal: "not_found" };
    if (input.submissionKey) {
      const dup = await tx.processorInspection.findUnique({ where: { submissionKey: input.submissionKey } });
      if (dup) return { ok: true, code: p.requestCode, name: p.name, nextDue: dateDay(dup.nextDue), duplicate: true };
    }
    const actor = await actorOf(tx, input.actorId);
    if (!actor || !mayRecordInspection(actor, p.departmentId)) return { ok: false, refusal: "not_allowed" };
    if (p.disposedOn) return { ok: false, refusal: "disposed", detail: dateDay(p.disposedOn) };
    const v = input.value;
    if (p.lastInspectedOn && v.inspectedOn < dateDay(p.lastInspectedOn)) return { ok: false, refusal: "before_last", detail: dateDay(p.lastInspectedOn) };
    const next = nextInspectionDue(v.inspectedOn, p.inspectionMonths);
    const now = s.clock.now();
    await tx.processorInspection.create({
      data: {
        processorId: p.id,
        inspectedOn: dayDate(v.inspectedOn),
        result: v.result,
        note: v.note,
        documentUrl: v.documentUrl,
        nextDue: dayDate(next),
        recordedBy: input.actorId,
        recordedAt: now,
        submissionKey: input.submissionKey ?? null,
      },
    });
    await tx.processor.update({ where: { id: p.id }, data: { lastInspectedOn: dayDate(v.inspectedOn), nextInspectionDue: dayDate(next), updatedAt: now } });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "processor.inspected",
      subject: `processor:${p.requestCode}`,
      data: {
        inspectedOn: v.inspectedOn,
        result: v.result,
        // the note and the link are on the inspection row (erasable): here their seals
        note: sealOf(s)(v.note),
        documentUrl: sealOf(s)(v.documentUrl),
        previousDue: dateDay(p.nextInspectionDue),
        nextDue: next,
      },
    });
    const m = processorMessages(CHANNEL_LANG);
    // the inspection is no longer reminded once its next due day is beyond the reminders' reach
    const today = dayIn(now, s.timeZone);
    const settled = s.calendar ? inspectionStage(s.calendar, next, today) === null : next > today;
    if (settled) await s.outbox.enqueue(tx, await itemSettled(tx, s, processorItem(p.id), input.actorId, "inspected"));
    await s.outbox.enqueue(
      tx,
      await threadNote(
        tx,
        p.requestId,
        m.inspectionThread(
          showDay(v.inspectedOn, CHANNEL_LANG),
          m.results[v.result],
          mention(input.actorId),
          v.documentUrl,
          showDay(next, CHANNEL_LANG),
          v.note ?? "",
        ),
      ),
    );
    return { ok: true, code: p.requestCode, name: p.name, nextDue: next, duplicate: false };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, `processor:${input.processorId}`, "inspected", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- the contract's end and the documents' retention (第15条7項) -------------------------

export async function recordContractEnd(
  s: Services,
  input: { processorId: string; actorId: string; end: Day },
): Promise<FlowResult<{ code: string; name: string; retainUntil: Day; years: number }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; name: string; retainUntil: Day; years: number }>> => {
    await lockProcessor(tx, input.processorId);
    const p = await tx.processor.findUnique({ where: { id: input.processorId } });
    if (!p) return { ok: false, refusal: "not_found" };
    const actor = await actorOf(tx, input.actorId);
    if (!actor || !mayRecordContractEnd(actor, p.departmentId)) return { ok: false, refusal: "not_allowed" };
    if (p.disposedOn) return { ok: false, refusal: "disposed", detail: dateDay(p.disposedOn) };
    if (p.contractStart && input.end <= dateDay(p.contractStart)) return { ok: false, refusal: "end_before_start", detail: dateDay(p.contractStart) };
    const until = documentsRetainUntil(input.end, p.retentionYears);
    const now = s.clock.now();
    await tx.processor.update({
      where: { id: p.id },
      data: { contractEnd: dayDate(input.end), retainUntil: dayDate(until), contractEndRecordedBy: input.actorId, contractEndRecordedAt: now, updatedAt: now },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "processor.contract_ended",
      subject: `processor:${p.requestCode}`,
      data: {
        contractEnd: input.end,
        retainUntil: until,
        retentionYears: p.retentionYears,
        previousContractEnd: p.contractEnd ? dateDay(p.contractEnd) : null,
        previousRetainUntil: p.retainUntil ? dateDay(p.retainUntil) : null,
      },
    });
    const m = processorMessages(CHANNEL_LANG);
    // inspections stop once the contract has ended: the inspection is no longer reminded
    const running = inspectionsRunning({ contractEnd: input.end, nextInspectionDue: dateDay(p.nextInspectionDue), disposed: false }, dayIn(now, s.timeZone));
    if (!running) await s.outbox.enqueue(tx, await itemSettled(tx, s, processorItem(p.id), input.actorId, "ended"));
    await s.outbox.enqueue(
      tx,
      await threadNote(tx, p.requestId, m.endedThread(showDay(input.end, CHANNEL_LANG), showDay(until, CHANNEL_LANG), mention(input.actorId))),
    );
    return { ok: true, code: p.requestCode, name: p.name, retainUntil: until, years: p.retentionYears };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, `processor:${input.processorId}`, "contract_ended", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- disposal (第31条) ------------------------------------------------------------------

export function disposalWhat(item: Pick<DisposalItem, "kind" | "label">, lang: Lang): string {
  const m = processorMessages(lang);
  return item.kind === "processor" ? m.whatProcessor(item.label) : m.whatProvision(item.label);
}

/**
 * Records that a processor's documents or a provision record past its retention were
 * disposed of: how, by which 個人情報取扱担当者 (第31条4項), on which day. Only the
 * chief or the deputy records it; not before the retention ends; once.
 */
export async function recordDisposal(
  s: Services,
  input: { target: DisposalTarget; actorId: string; value: DisposalValue },
): Promise<FlowResult<{ item: DisposalItem; method: DisposalMethod }>> {
  const subject = `${input.target.kind}:${input.target.id}`;
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ item: DisposalItem; method: DisposalMethod }>> => {
    if (input.target.kind === "processor") await lockProcessor(tx, input.target.id);
    else await lockProvisionRecord(tx, input.target.id);
    const item = await findDisposalItem(tx, { id: input.target.id }, s.timeZone);
    if (!item || item.kind !== input.target.kind) return { ok: false, refusal: "not_found" };
    const actor = await actorOf(tx, input.actorId);
    if (!actor || !mayRecordDisposal(actor)) return { ok: false, refusal: "not_allowed" };
    if (item.disposedOn) return { ok: false, refusal: "already", detail: item.disposedOn };
    if (!item.from || !item.retainUntil) return { ok: false, refusal: "retention_unknown" };
    const v = input.value;
    if (v.disposedOn < item.from || dayIn(s.clock.now(), s.timeZone) < item.from) return { ok: false, refusal: "retention_running", detail: item.retainUntil };
    const performer = await tx.person.findUnique({ where: { slackId: v.performedBy }, select: { roles: true, name: true } });
    if (!performer) return { ok: false, refusal: "not_in_directory" };
    if (!isHandler(performer)) return { ok: false, refusal: "not_handler", detail: performer.name };
    const now = s.clock.now();
    const data = {
      disposedOn: dayDate(v.disposedOn),
      disposalMethod: v.method,
      disposedBy: v.performedBy,
      disposalNote: v.note,
      disposalRecordedBy: input.actorId,
      disposalRecordedAt: now,
    };
    if (item.kind === "processor") await tx.processor.update({ where: { id: item.id }, data: { ...data, updatedAt: now } });
    else await tx.provisionRecord.update({ where: { id: item.id }, data });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: item.kind === "processor" ? "processor.documents_disposed" : "provision_record.disposed",
      subject: item.kind === "processor" ? `processor:${item.code}` : `request:${item.code}`,
      data: {
        recordId: item.id,
        retainUntil: item.retainUntil,
        disposedOn: v.disposedOn,
        method: v.method,
        performedBy: v.performedBy,
        note: sealOf(s)(v.note),
      },
    });
    const m = processorMessages(CHANNEL_LANG);
    const listed = item.kind === "processor" ? processorItem(item.id) : provisionItem(item.id);
    await s.outbox.enqueue(tx, await itemSettled(tx, s, listed, input.actorId, "disposed"));
    await s.outbox.enqueue(
      tx,
      await threadNote(
        tx,
        item.requestId,
        m.disposalThread(
          disposalWhat(item, CHANNEL_LANG),
          showDay(v.disposedOn, CHANNEL_LANG),
          m.methods[v.method],
          mention(v.performedBy),
          mention(input.actorId),
          v.note ?? "",
        ),
      ),
    );
    return { ok: true, item: { ...item, disposedOn: v.disposedOn }, method: v.method };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, subject, "disposal", result.refusal);
  s.outbox.kick();
  return result;
}
