// Queries of the register of personal data, and the one write every change goes through
// (writeVersion: the entry, its version and its audit entry, in the caller's transaction).
import type { RegisterEntry } from "../generated/prisma/client.js";
import { appendAudit } from "../platform/audit/chain.js";
import { nextCode, yearIn } from "../platform/codes.js";
import { dateDay, dayDate } from "../platform/day.js";
import type { Db, Tx } from "../platform/db.js";
import { Prisma } from "../generated/prisma/client.js";
import {
  changedFields,
  ENTRY_FIELDS,
  reviewedSinceDay,
  searchTextOf,
  type Day,
  type EntryField,
  type EntryFields,
  type PartyLink,
  type PeopleBand,
  type RelatedInfoConfirmation,
  type TransmissionNotice,
} from "./rules.js";

type Q = Db | Tx;
export type { RegisterEntry };

export interface EntryVersionRow {
  version: number;
  changed: string[];
  source: string;
  sourceRef: string | null;
  actorId: string;
  createdAt: Date;
}

const links = (v: unknown): PartyLink[] => (Array.isArray(v) ? (v as PartyLink[]) : []);

/** The entry's fields as the rules read them. */
export function fieldsOf(e: RegisterEntry): EntryFields {
  return {
    name: e.name,
    departmentId: e.departmentId,
    ownerId: e.ownerId,
    purposes: e.purposes,
    purposeRequests: e.purposeRequests,
    dataItems: e.dataItems,
    sensitive: e.sensitive,
    peopleBand: e.peopleBand as PeopleBand | null,
    source: e.source,
    collectionMethod: e.collectionMethod,
    storage: e.storage,
    retention: e.retention,
    retentionUntil: e.retentionUntil ? dateDay(e.retentionUntil) : null,
    disposalMethod: e.disposalMethod,
    processors: links(e.processors),
    recipients: links(e.recipients),
    countries: e.countries,
    access: e.access,
    securityMeasures: e.securityMeasures,
    externalTransmissions: e.externalTransmissions,
    transmissionNotice: e.transmissionNotice as TransmissionNotice | null,
    relatedInfoProvision: e.relatedInfoProvision,
    relatedInfoConfirmation: e.relatedInfoConfirmation as RelatedInfoConfirmation | null,
  };
}

function columns(f: EntryFields) {
  return {
    ...f,
    retentionUntil: f.retentionUntil ? dayDate(f.retentionUntil) : null,
    processors: f.processors as unknown as Prisma.InputJsonValue,
    recipients: f.recipients as unknown as Prisma.InputJsonValue,
  };
}

export async function departmentName(q: Q, id: string): Promise<string> {
  return (await q.department.findUnique({ where: { id }, select: { name: true } }))?.name ?? id;
}

export async function lockEntry(tx: Tx, id: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "RegisterEntry" WHERE id = ${id} FOR UPDATE`;
}

export async function findEntry(q: Q, ref: { id: string } | { code: string }): Promise<RegisterEntry | null> {
  return "id" in ref ? q.registerEntry.findUnique({ where: { id: ref.id } }) : q.registerEntry.findUnique({ where: { code: ref.code } });
}

export async function entryVersions(q: Q, entryId: string, take = 20): Promise<EntryVersionRow[]> {
  return q.registerEntryVersion.findMany({
    where: { entryId },
    orderBy: { version: "desc" },
    take,
    select: { version: true, changed: true, source: true, sourceRef: true, actorId: true, createdAt: true },
  });
}

export interface WriteInput {
  /** null: a new entry */
  before: RegisterEntry | null;
  fields: EntryFields;
  source: "manual" | "request" | "review";
  sourceRef?: string | null;
  actorId: string;
  now: Date;
  timeZone: string;
  /** the review day (source review) */
  reviewedOn?: Day;
}

/**
 * Writes a new version of an entry (or its first): the row, the version with the whole
 * entry and the names of the fields it changed, and the audit entry. The audit entry holds
 * codes and field names, never what was typed (the texts stay on the entry, which can be
 * corrected). Returns null when nothing changed (no version is written).
 */
export async function writeVersion(tx: Tx, w: WriteInput): Promise<{ entry: RegisterEntry; changed: EntryField[] } | null> {
  const before = w.before ? fieldsOf(w.before) : null;
  const changed = changedFields(before, w.fields);
  if (w.before && changed.length === 0 && w.source !== "review") return null;
  const dept = await departmentName(tx, w.fields.departmentId);
  const review = w.source === "review" && w.reviewedOn ? { lastReviewedOn: dayDate(w.reviewedOn), lastReviewedBy: w.actorId } : {};
  let entry: RegisterEntry;
  if (!w.before) {
    const code = await nextCode(tx, "REG", yearIn(w.now, w.timeZone));
    entry = await tx.registerEntry.create({
      data: { ...columns(w.fields), code, version: 1, searchText: searchTextOf(w.fields, code, dept), createdAt: w.now, updatedAt: w.now, ...review },
    });
  } else {
    entry = await tx.registerEntry.update({
      where: { id: w.before.id },
      data: {
        ...columns(w.fields),
        version: w.before.version + 1,
        searchText: searchTextOf(w.fields, w.before.code, dept),
        updatedAt: w.now,
        ...review,
      },
    });
  }
  const shownChanged: string[] = w.source === "review" ? [...changed, "lastReviewedOn"] : changed;
  await tx.registerEntryVersion.create({
    data: {
      entryId: entry.id,
      version: entry.version,
      data: { ...columns(w.fields), lastReviewedOn: entry.lastReviewedOn ? dateDay(entry.lastReviewedOn) : null } as unknown as Prisma.InputJsonValue,
      changed: shownChanged,
      source: w.source,
      sourceRef: w.sourceRef ?? null,
      actorId: w.actorId,
      createdAt: w.now,
    },
  });
  await appendAudit(tx, {
    at: w.now,
    actorId: w.actorId,
    action: !w.before ? "register.created" : w.source === "review" ? "register.reviewed" : "register.amended",
    subject: `register:${entry.code}`,
    // codes, ids, days and field names only: what was typed stays on the entry
    data: {
      version: entry.version,
      changed: shownChanged,
      source: w.source,
      ...(w.sourceRef ? { request: w.sourceRef } : {}),
      departmentId: entry.departmentId,
      ownerId: entry.ownerId,
      ...(w.reviewedOn ? { reviewedOn: w.reviewedOn } : {}),
    },
  });
  return { entry, changed: shownChanged as EntryField[] };
}

// ---- search and lists ---------------------------------------------------------------------

/** LIKE with its wildcards taken literally. */
const likeEscape = (w: string) => w.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface EntryListRow {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  ownerId: string;
  lastReviewedOn: Date | null;
  retention: string;
}

/**
 * Entries whose search column holds every word (already normalized: rules.searchWords),
 * newest code first; all of them without words. One statement for the page, one for the count.
 */
export async function searchEntries(q: Q, words: string[], take: number): Promise<{ rows: EntryListRow[]; total: number }> {
  const conds = words.map((w) => Prisma.sql`e."searchText" LIKE ${`%${likeEscape(w)}%`}`);
  const where = conds.length ? Prisma.sql`WHERE ${Prisma.join(conds, " AND ")}` : Prisma.empty;
  const [rows, count] = await Promise.all([
    q.$queryRaw<EntryListRow[]>`
      SELECT e.id, e.code, e.name, e."departmentId", COALESCE(d.name, e."departmentId") AS "departmentName", e."ownerId", e."lastReviewedOn", e.retention
        FROM "RegisterEntry" e LEFT JOIN "Department" d ON d.id = e."departmentId"
        ${where}
       ORDER BY e."createdAt" DESC, e.code DESC
       LIMIT ${take}`,
    q.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "RegisterEntry" e ${where}`,
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** The entries a person owns, not reviewed since `since` (or never), or without retention: for the Home tab. */
export async function ownedNeedingAttention(q: Q, ownerId: string, today: Day, take: number): Promise<{ rows: RegisterEntry[]; total: number }> {
  const since = dayDate(reviewedSinceDay(today));
  const where: Prisma.RegisterEntryWhereInput = {
    ownerId,
    OR: [{ lastReviewedOn: null }, { lastReviewedOn: { lte: since } }, { retention: "" }],
  };
  const [rows, total] = await Promise.all([
    q.registerEntry.findMany({ where, orderBy: [{ lastReviewedOn: { sort: "asc", nulls: "first" } }, { code: "asc" }], take }),
    q.registerEntry.count({ where }),
  ]);
  return { rows, total };
}

/** The owned entries whose annual review is due on `today` (never reviewed, or a year or more ago). */
export async function reviewDueEntries(q: Q, today: Day): Promise<RegisterEntry[]> {
  return q.registerEntry.findMany({
    where: reviewDueWhere(today),
    orderBy: [{ ownerId: "asc" }, { code: "asc" }],
  });
}

const reviewDueWhere = (today: Day): Prisma.RegisterEntryWhereInput => {
  const since = dayDate(reviewedSinceDay(today));
  return { OR: [{ lastReviewedOn: null }, { lastReviewedOn: { lte: since } }] };
};

/**
 * How many entries are not reviewed within the year before `today` (or never), of how many.
 * The register's side of the audit calendar's duty 「個人データ管理台帳の見直し」
 * (src/duties: its reminder, Home item, digest line and the check before it is closed).
 */
export async function countReviewDue(q: Q, today: Day): Promise<{ due: number; total: number }> {
  const [due, total] = await Promise.all([q.registerEntry.count({ where: reviewDueWhere(today) }), q.registerEntry.count()]);
  return { due, total };
}

/** The entries whose review is due, longest unreviewed first (never reviewed first), as a list page. */
export async function reviewDueList(q: Q, today: Day, take: number): Promise<{ rows: EntryListRow[]; total: number }> {
  const since = reviewedSinceDay(today);
  const [rows, count] = await Promise.all([
    q.$queryRaw<EntryListRow[]>`
      SELECT e.id, e.code, e.name, e."departmentId", COALESCE(d.name, e."departmentId") AS "departmentName", e."ownerId", e."lastReviewedOn", e.retention
        FROM "RegisterEntry" e LEFT JOIN "Department" d ON d.id = e."departmentId"
       WHERE e."lastReviewedOn" IS NULL OR e."lastReviewedOn" <= ${since}::date
       ORDER BY e."lastReviewedOn" ASC NULLS FIRST, e.code ASC
       LIMIT ${take}`,
    q.registerEntry.count({ where: reviewDueWhere(today) }),
  ]);
  return { rows, total: count };
}

/** Counts for the digest: all entries, those whose review is due, those without retention. */
export async function registerCounts(q: Q, today: Day): Promise<{ total: number; reviewDue: number; noRetention: number }> {
  const [total, reviewDue, noRetention] = await Promise.all([
    q.registerEntry.count(),
    q.registerEntry.count({ where: reviewDueWhere(today) }),
    q.registerEntry.count({ where: { retention: "" } }),
  ]);
  return { total, reviewDue, noRetention };
}

/** Every entry, by code, for the CSV export. */
export async function allEntries(q: Q): Promise<RegisterEntry[]> {
  return q.registerEntry.findMany({ orderBy: { code: "asc" } });
}

export async function departmentNames(q: Q): Promise<Map<string, string>> {
  return new Map((await q.department.findMany({ select: { id: true, name: true } })).map((d) => [d.id, d.name]));
}

export async function departmentOptions(q: Q): Promise<{ id: string; name: string }[]> {
  return q.department.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" }, take: 100 });
}

export { ENTRY_FIELDS };
