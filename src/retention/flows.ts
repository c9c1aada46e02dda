// The operations of the retention feature, one transaction each: recording a disposal
// (state, audit entry, outbox rows together).
import { reminderItemDone } from "../reminders/tracked.js";
import { appendAudit } from "../platform/audit/chain.js";
import { transact, type Tx } from "../platform/db.js";
import { CHANNEL_LANG } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { sealOf } from "../platform/pii/index.js";
import { refusalLog } from "../platform/refusals.js";
import type { Services } from "../platform/services.js";
import { homeRefresh, mention, ref, threadPost } from "../platform/slack/calls.js";
import { rolesInForce } from "../directory/roles.js";
import { defaultSettings } from "../settings.js";
import { retentionMessages, showDay } from "./messages.js";
import { dayDate, dateDay, mayRecordDisposal, retentionItemKey, type DisposalValue, type Refusal, type SubjectKind } from "./rules.js";
import { managersByDepartment, present, type RetentionItem } from "./store.js";

export type FlowResult<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal; detail?: string };

/** A refused attempt changes nothing but is logged. */
export const logRefusal = refusalLog("retention.record_refused");

/** Audit subject of an item: "purpose:PRV-2026-0001", "processor_return:PRV-2026-0002". */
export const auditSubject = (kind: string, ref: string) => `${kind}:${ref}`;

async function threadNote(tx: Tx, item: RetentionItem, text: string): Promise<OutgoingCall[]> {
  if (item.subjectKind !== "purpose" && item.subjectKind !== "processor_return") return [];
  const req = await tx.request.findUnique({ where: { id: item.sourceId }, select: { channelId: true } });
  if (!req?.channelId) return [];
  return [threadPost(`request:${item.sourceId}`, req.channelId, ref("requestTs", item.sourceId), { text })];
}

/**
 * Records that an item was disposed of (規程 第31条) or, for a processor, that the data was
 * returned or erased (第15条2項(2)④): the method, the day, who did it, the evidence. The
 * owner, a manager of the department, the chief or the deputy may; once per item (a
 * second submission of the same modal is the same record).
 */
export async function recordDisposal(
  s: Services,
  input: { kind: SubjectKind; ref: string; actorId: string; value: DisposalValue; submissionKey?: string },
): Promise<FlowResult<{ item: RetentionItem }>> {
  const subject = auditSubject(input.kind, input.ref);
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ item: RetentionItem }>> => {
    await tx.$queryRaw`SELECT id FROM "RetentionItem" WHERE "subjectKind" = ${input.kind} AND "subjectRef" = ${input.ref} FOR UPDATE`;
    const item = await tx.retentionItem.findUnique({ where: { subjectKind_subjectRef: { subjectKind: input.kind, subjectRef: input.ref } } });
    if (!item) return { ok: false, refusal: "not_found" };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { slackId: true, roles: true, departmentId: true } });
    if (!actor || !mayRecordDisposal({ ...actor, roles: rolesInForce(actor.roles, (s.settings ?? defaultSettings()).governance.deputyChief) }, item))
      return { ok: false, refusal: "not_allowed" };
    if (item.disposalId) {
      const d = await tx.disposal.findUnique({ where: { id: item.disposalId } });
      return { ok: false, refusal: "already", detail: d ? dateDay(d.disposedOn) : "" };
    }
    const v = input.value;
    if (!(await present(tx, [v.performedBy])).has(v.performedBy)) return { ok: false, refusal: "not_in_directory" };
    const now = s.clock.now();
    const d = await tx.disposal.create({
      data: {
        subjectKind: input.kind,
        subjectRef: input.ref,
        method: v.method,
        disposedOn: dayDate(v.disposedOn),
        performedBy: v.performedBy,
        evidenceUrl: v.evidenceUrl,
        note: v.note,
        recordedBy: input.actorId,
        recordedAt: now,
        submissionKey: input.submissionKey ?? null,
      },
    });
    const updated = await tx.retentionItem.update({ where: { id: item.id }, data: { disposalId: d.id, updatedAt: now } });
    const seal = sealOf(s);
    const m = retentionMessages(CHANNEL_LANG);
    const home = new Set([input.actorId, item.ownerId]);
    if (!(await present(tx, [item.ownerId])).has(item.ownerId))
      for (const p of (await managersByDepartment(tx, [item.departmentId])).get(item.departmentId) ?? []) home.add(p);
    await s.outbox.enqueue(tx, [
      ...(await threadNote(tx, item, m.threadNote(showDay(v.disposedOn, CHANNEL_LANG), m.methods[v.method], mention(v.performedBy), mention(input.actorId)))),
      ...[...home].map(homeRefresh),
      // the item in the weekly reminders loses its menu and its 「廃棄を記録」, with a stamp
      ...(await reminderItemDone(tx, s, retentionItemKey(input.kind, input.ref), {
        actorId: input.actorId,
        what: (l) => retentionMessages(l).reminderDone,
        alsoDrop: (_e, block) => block === `dispose:${input.kind}:${input.ref}`.slice(0, 255),
      })),
    ]);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: input.kind === "processor_return" ? "retention.processor_data_returned" : "retention.disposed",
      subject,
      data: {
        disposalId: d.id,
        endDay: item.endDay ? dateDay(item.endDay) : null,
        method: v.method,
        disposedOn: v.disposedOn,
        performedBy: v.performedBy,
        evidence: seal(v.evidenceUrl),
        note: seal(v.note),
      },
    });
    return { ok: true, item: updated };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, subject, "disposal", result.refusal);
  s.outbox.kick();
  return result;
}
