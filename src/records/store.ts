// Queries and the hand-over of an effective request to its provision record (APPI Art.29).
// The only writer outside flows.ts is createProvisionRecordFromRequest, called by the
// requests feature in the transaction that makes a provision effective.
import { Prisma } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import { addDays, dateDay, dayIn, momentAt, type Day } from "../platform/day.js";
import { keepUntil, type ProvisionFacts, type RecordBasis, type RecordForm } from "./rules.js";

type Q = Db | Tx;

/** The moment a record may go: the start of the day after its keep-until day, in the company's time zone. */
export const retainMoment = (until: Day, timeZone: string): Date => momentAt(addDays(until, 1), "00:00", timeZone);
/** The keep-until day of a stored moment (the day before it). */
export const untilDay = (retainUntil: Date, timeZone: string): Day => dayIn(new Date(retainUntil.getTime() - 1), timeZone);

/** What the request's stored data says about the duty of Art.29 (its kind, basis, exception, destination). */
export function factsOf(kind: string, data: Record<string, unknown>): ProvisionFacts {
  const exception = typeof data.exception === "string" ? data.exception : null;
  const exceptionItem = exception ? ["law", "life", "public_health", "state"].indexOf(exception) + 1 || null : null;
  const destination = typeof data.destination === "string" ? data.destination : "domestic";
  return {
    kind,
    legalBasis: typeof data.legalBasis === "string" ? data.legalBasis : null,
    exceptionItem,
    publicBody: data.recipientPublicBody === true,
    // Art.28(1): a third party abroad, neither in a designated country nor with a 基準適合体制
    underArt28: kind === "provide" && (destination === "other" || destination === "abroad_unknown"),
  };
}

/** What the requests feature hands over when a third-party provision becomes effective. */
export interface ProvisionHandOver {
  recipient: string;
  dataSubjects: string;
  items: string;
  basis: string;
  consentOrProvisionDate: string;
  retentionYears: 1 | 3;
  recordBasis: RecordBasis;
}

/**
 * APPI Art.29: the record of an approved provision, made when it becomes effective. Its form
 * is the contract (施行規則 第19条3項) when the requester chose the one-year retention of a
 * consent-based provision, one record per provision otherwise, until the first logged
 * provision says whether it is continuous (a combined record, 第19条2項ただし書). Returns
 * the record's id and keep-until day.
 */
export async function createProvisionRecordFromRequest(
  tx: Tx,
  at: { now: Date; timeZone: string },
  r: { id: string },
  p: ProvisionHandOver,
): Promise<{ id: string; until: Day; retainUntil: Date }> {
  const form: RecordForm = p.retentionYears === 1 && p.recordBasis === "consent" ? "contract" : "per_provision";
  const today = dayIn(at.now, at.timeZone);
  const until = keepUntil(form, today, null);
  const retainUntil = retainMoment(until, at.timeZone);
  const rec = await tx.provisionRecord.create({
    data: {
      requestId: r.id,
      recipient: p.recipient,
      dataSubjects: p.dataSubjects,
      items: p.items,
      basis: p.basis,
      consentOrProvisionDate: new Date(`${p.consentOrProvisionDate}T00:00:00Z`),
      createdAt: at.now,
      retainUntil,
      form,
      recordBasis: p.recordBasis,
    },
  });
  return { id: rec.id, until, retainUntil };
}

export async function findRequestByCode(q: Q, code: string) {
  return q.request.findUnique({ where: { code: code.trim().toUpperCase() } });
}

/** The latest version's data of a request. */
export async function requestData(q: Q, requestId: string): Promise<Record<string, unknown>> {
  const v = await q.requestVersion.findFirst({ where: { requestId }, orderBy: { version: "desc" }, select: { data: true } });
  return (v?.data ?? {}) as Record<string, unknown>;
}

export async function recordOfRequest(q: Q, requestId: string) {
  return q.provisionRecord.findUnique({ where: { requestId } });
}

export async function entriesOf(q: Q, requestId: string, take = 20) {
  return q.provisionEntry.findMany({ where: { requestId }, orderBy: [{ providedOn: "desc" }, { loggedAt: "desc" }], take });
}

export async function lockRequestRow(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${id} FOR UPDATE`;
}

export async function lockRecordRow(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ProvisionRecord" WHERE id = ${id} FOR UPDATE`;
}

/** The next receipt code, RCV-YYYY-NNNN, counted in the transaction (the CodeCounter table, key "RCV-YYYY"). */
export async function nextReceiptCode(tx: Tx, year: number): Promise<string> {
  const key = `RCV-${year}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "CodeCounter" (key, value) VALUES (${key}, 1)
    ON CONFLICT (key) DO UPDATE SET value = "CodeCounter".value + 1
    RETURNING value`;
  return `RCV-${year}-${String(Number(rows[0]!.value)).padStart(4, "0")}`;
}

export async function findReceipt(q: Q, code: string) {
  return q.receiptRecord.findUnique({ where: { code: code.trim().toUpperCase() } });
}

/** A provision record past its retention, with its request's code and requester (the owner told). */
export interface PastRetentionRow {
  id: string;
  retainUntil: Date;
  recipient: string;
  code: string;
  requesterId: string;
}

/**
 * The provision records kept until `at` or earlier and not disposed of, oldest first, with
 * their requests, in one statement of the columns the reminder shows (whole rows and a second
 * query by a list of ids took 0.5-0.8 s at 3,000 records on PGlite; this, 40 ms).
 */
export async function provisionsPastRetention(q: Q, at: Date): Promise<PastRetentionRow[]> {
  return q.$queryRaw<PastRetentionRow[]>`
    SELECT p.id, p."retainUntil", p.recipient, r.code, r."requesterId"
      FROM "ProvisionRecord" p JOIN "Request" r ON r.id = p."requestId"
     WHERE p."disposedOn" IS NULL AND p."retainUntil" <= ${at}
     ORDER BY p."retainUntil", p.id`;
}

/** A provision record as a disclosure listing reads it. */
export interface DisclosureProvisionRow {
  id: string;
  code: string;
  recipient: string;
  items: string;
  form: string;
  firstProvidedOn: Date | null;
  lastProvidedOn: Date | null;
  disclosureExclusion: string | null;
}

/**
 * The Art.29 records and Art.30 records (exempt receipts are no records) not disposed of, with
 * their request codes, for a disclosure request; those with a provision in the period when one
 * is given (the caller still matches the counterpart, whose folding is the rules' nameMatches).
 * One statement for the provision records with only the columns the listing shows: at 10,000
 * approvals reading whole rows and their codes by a list of ids took most of a second.
 */
export async function recordsForDisclosure(q: Q, period: { from: Day | null; to: Day | null } = { from: null, to: null }) {
  const from = period.from ? Prisma.sql`AND COALESCE(p."lastProvidedOn", p."firstProvidedOn") >= ${period.from}::date` : Prisma.empty;
  const to = period.to ? Prisma.sql`AND COALESCE(p."firstProvidedOn", p."lastProvidedOn") <= ${period.to}::date` : Prisma.empty;
  const [provisions, receipts] = await Promise.all([
    q.$queryRaw<DisclosureProvisionRow[]>`
      SELECT p.id, COALESCE(r.code, p."requestId") AS code, p.recipient, p.items, p.form, p."firstProvidedOn", p."lastProvidedOn", p."disclosureExclusion"
        FROM "ProvisionRecord" p LEFT JOIN "Request" r ON r.id = p."requestId"
       WHERE p."disposedOn" IS NULL ${from} ${to}
       ORDER BY p."createdAt", p.id`,
    q.receiptRecord.findMany({ where: { disposedOn: null, exemption: null }, orderBy: { createdAt: "asc" } }),
  ]);
  return { provisions, receipts };
}

export const dayOf = (d: Date | null): Day | null => (d ? dateDay(d) : null);
