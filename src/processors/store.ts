// Queries of the processors feature, and the one write the requests feature calls: a
// processor record when an entrustment becomes effective (in that transaction).
import type { Processor } from "../generated/prisma/client.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import type { Db, Tx } from "../platform/db.js";
import type { Services } from "../platform/services.js";
import { managersOf } from "../directory/store.js";
import { defaultSettings } from "../settings.js";
import { dateDay, dayDate, dayIn, disposableFrom, documentsRetainUntil, inspectionCycle, isDay, nextInspectionDue, responsibleFor, type Day } from "./rules.js";

type Q = Db | Tx;
export type { Processor };

/** What the processor record needs of the request that became effective. */
export interface EffectiveRequest {
  id: string;
  code: string;
  kind: string;
  departmentId: string;
  requesterId: string;
  stage1By: string | null;
  /** the form's data (entrust: processorName, contractStart, contractEnd, inspectionCycle, ...) */
  data: Record<string, unknown>;
}

/**
 * 第15条: an entrustment that became effective gets its processor record, with the next
 * inspection one cycle after today (第15条6項) and, the contract's end being known, the
 * day its documents are kept until (第15条7項). Other kinds: nothing. Runs inside the
 * transaction that makes the request effective; logged in the audit chain.
 */
export async function createProcessorFromRequest(tx: Tx, s: Services, r: EffectiveRequest): Promise<Processor | null> {
  if (r.kind !== "entrust") return null;
  const existing = await tx.processor.findUnique({ where: { requestId: r.id } });
  if (existing) return existing;
  const settings = (s.settings ?? defaultSettings()).processors;
  const now = s.clock.now();
  const today = dayIn(now, s.timeZone);
  const months = inspectionCycle(r.data.inspectionCycle, settings.inspectionMonths);
  const start = isDay(r.data.contractStart) ? r.data.contractStart : null;
  const end = isDay(r.data.contractEnd) ? r.data.contractEnd : null;
  const due = nextInspectionDue(today, months);
  const retainUntil = end ? documentsRetainUntil(end, settings.retentionYears) : null;
  const managers = (await managersOf(tx, r.departmentId)).map((p) => p.slackId);
  const responsibleId = responsibleFor(r, managers);
  const name = String(r.data.processorName ?? "").trim() || r.code;
  const p = await tx.processor.create({
    data: {
      requestId: r.id,
      requestCode: r.code,
      name,
      departmentId: r.departmentId,
      responsibleId,
      contractStart: start ? dayDate(start) : null,
      contractEnd: end ? dayDate(end) : null,
      inspectionMonths: months,
      nextInspectionDue: dayDate(due),
      retentionYears: settings.retentionYears,
      retainUntil: retainUntil ? dayDate(retainUntil) : null,
      createdAt: now,
      updatedAt: now,
    },
  });
  await appendAudit(tx, {
    at: now,
    actorId: "system",
    action: "processor.created",
    subject: `processor:${r.code}`,
    data: {
      // typed in the entrustment request: the name is on the processor row, here its seal
      name: sealOf(s)(name),
      departmentId: r.departmentId,
      responsibleId,
      contractStart: start,
      contractEnd: end,
      inspectionMonths: months,
      nextInspectionDue: due,
      retentionYears: settings.retentionYears,
      retainUntil,
    },
  });
  return p;
}

// ---- lookups ------------------------------------------------------------------------

export async function findProcessor(q: Q, ref: { code: string } | { id: string }): Promise<Processor | null> {
  return "code" in ref ? q.processor.findUnique({ where: { requestCode: ref.code } }) : q.processor.findUnique({ where: { id: ref.id } });
}

/** Locks a processor's row for the rest of the transaction. */
export async function lockProcessor(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Processor" WHERE id = ${id} FOR UPDATE`;
}

export async function lockProvisionRecord(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ProvisionRecord" WHERE id = ${id} FOR UPDATE`;
}

export interface RequestLink {
  code: string;
  channelId: string | null;
  messageTs: string | null;
}

/** Code and thread of requests, by id (one query). */
export async function requestLinks(q: Q, ids: string[]): Promise<Map<string, RequestLink>> {
  if (ids.length === 0) return new Map();
  const rows = await q.request.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, code: true, channelId: true, messageTs: true } });
  return new Map(rows.map((r) => [r.id, { code: r.code, channelId: r.channelId, messageTs: r.messageTs }]));
}

export async function departmentNames(q: Q): Promise<Map<string, string>> {
  return new Map((await q.department.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
}

/** Processors, active first, by next inspection; `departments` null for every department. */
export async function listProcessors(q: Q, departments: string[] | null, take: number): Promise<{ rows: Processor[]; total: number }> {
  const where = departments ? { departmentId: { in: departments } } : {};
  const [rows, total] = await Promise.all([
    q.processor.findMany({ where, orderBy: [{ disposedOn: { sort: "desc", nulls: "first" } }, { nextInspectionDue: "asc" }, { requestCode: "asc" }], take }),
    q.processor.count({ where }),
  ]);
  return { rows, total };
}

// ---- disposal -----------------------------------------------------------------------

/** One thing awaiting (or past) disposal: a processor's documents or a provision record. */
export interface DisposalItem {
  kind: "processor" | "provision";
  id: string;
  requestId: string;
  code: string;
  /** processor name or provision recipient */
  label: string;
  /** the last day it is kept (null: a processor whose contract end is not known) */
  retainUntil: Day | null;
  /** the first day it may be disposed of */
  from: Day | null;
  disposedOn: Day | null;
  channelId: string | null;
  messageTs: string | null;
}

/**
 * Processors whose inspections are running on `today` (see inspectionsRunning): not
 * disposed of, and the contract not ended nor ending before the next due date.
 */
export function inspectionsRunningWhere(db: Db, today: Day) {
  return {
    disposedOn: null,
    OR: [{ contractEnd: null }, { contractEnd: { gte: dayDate(today) }, nextInspectionDue: { lte: db.processor.fields.contractEnd } }],
  };
}

/** Processors whose documents are past their retention on `today` and not disposed of. */
export const documentsDueWhere = (today: Day) => ({ disposedOn: null, retainUntil: { lt: dayDate(today) } });
/** Provision records past their retention at `now` and not disposed of. */
export const provisionsDueWhere = (now: Date) => ({ disposedOn: null, retainUntil: { lte: now } });

export function processorDisposalItem(p: Processor): DisposalItem {
  const until = p.retainUntil ? dateDay(p.retainUntil) : null;
  return {
    kind: "processor",
    id: p.id,
    requestId: p.requestId,
    code: p.requestCode,
    label: p.name,
    retainUntil: until,
    from: until ? disposableFrom(until) : null,
    disposedOn: p.disposedOn ? dateDay(p.disposedOn) : null,
    channelId: null,
    messageTs: null,
  };
}

type ProvisionRow = { id: string; requestId: string; recipient: string; retainUntil: Date; disposedOn: Date | null };

function provisionDisposalItem(r: ProvisionRow, link: RequestLink | undefined, timeZone: string): DisposalItem {
  // kept until the moment retainUntil: disposable from its day on
  const until = dayIn(new Date(r.retainUntil.getTime() - 1), timeZone);
  return {
    kind: "provision",
    id: r.id,
    requestId: r.requestId,
    code: link?.code ?? r.requestId,
    label: r.recipient,
    retainUntil: until,
    from: dayIn(r.retainUntil, timeZone),
    disposedOn: r.disposedOn ? dateDay(r.disposedOn) : null,
    channelId: link?.channelId ?? null,
    messageTs: link?.messageTs ?? null,
  };
}

async function withLinks(q: Q, items: DisposalItem[]): Promise<DisposalItem[]> {
  const links = await requestLinks(
    q,
    items.map((i) => i.requestId),
  );
  return items.map((i) => ({ ...i, channelId: links.get(i.requestId)?.channelId ?? i.channelId, messageTs: links.get(i.requestId)?.messageTs ?? i.messageTs }));
}

/** What awaits disposal, oldest first, at most `take` of each kind, with the totals. */
export async function awaitingDisposal(
  q: Q,
  at: { today: Day; now: Date; timeZone: string },
  take: number,
): Promise<{ documents: DisposalItem[]; documentsTotal: number; provisions: DisposalItem[]; provisionsTotal: number }> {
  const [docs, documentsTotal, provs, provisionsTotal] = await Promise.all([
    q.processor.findMany({ where: documentsDueWhere(at.today), orderBy: [{ retainUntil: "asc" }, { requestCode: "asc" }], take }),
    q.processor.count({ where: documentsDueWhere(at.today) }),
    q.provisionRecord.findMany({
      where: provisionsDueWhere(at.now),
      orderBy: [{ retainUntil: "asc" }, { id: "asc" }],
      take,
      select: { id: true, requestId: true, recipient: true, retainUntil: true, disposedOn: true },
    }),
    q.provisionRecord.count({ where: provisionsDueWhere(at.now) }),
  ]);
  const links = await requestLinks(q, [...docs.map((d) => d.requestId), ...provs.map((p) => p.requestId)]);
  const documents = docs
    .map(processorDisposalItem)
    .map((i) => ({ ...i, channelId: links.get(i.requestId)?.channelId ?? null, messageTs: links.get(i.requestId)?.messageTs ?? null }));
  const provisions = provs.map((r) => provisionDisposalItem(r, links.get(r.requestId), at.timeZone));
  return { documents, documentsTotal, provisions, provisionsTotal };
}

/** A processor's documents or a provision record, by request code or id (of the processor or the record). */
export async function findDisposalItem(q: Q, ref: { code: string } | { id: string }, timeZone: string): Promise<DisposalItem | null> {
  const p = await findProcessor(q, ref);
  if (p) return (await withLinks(q, [processorDisposalItem(p)]))[0]!;
  const select = { id: true, requestId: true, recipient: true, retainUntil: true, disposedOn: true } as const;
  let record: ProvisionRow | null = null;
  if ("code" in ref) {
    const req = await q.request.findUnique({ where: { code: ref.code }, select: { id: true } });
    if (req) record = await q.provisionRecord.findUnique({ where: { requestId: req.id }, select });
  } else {
    record = await q.provisionRecord.findUnique({ where: { id: ref.id }, select });
  }
  if (!record) return null;
  return provisionDisposalItem(record, (await requestLinks(q, [record.requestId])).get(record.requestId), timeZone);
}
