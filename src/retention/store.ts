// Queries of the retention feature: writing the sources into RetentionItem (the sync of
// the retention run), what is due, a person's items, the disposal record.
import type { Disposal, RetentionItem } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import { managerOfWhere } from "../directory/store.js";
import { RETENTION_SOURCES, type RetentionSource, type SourceReader } from "./sources.js";
import { dayDate, type Day, type SubjectKind } from "./rules.js";

type Q = Db | Tx;
export type { Disposal, RetentionItem };

const CHUNK = 1000;

/**
 * Makes RetentionItem match what the sources return: new items inserted, changed ones
 * (end day, owner, label, department, basis) updated, in one statement per chunk (the rows
 * travel as one JSON array). Items whose source went away stay (their data may still be
 * held). Returns how many were added and changed.
 */
export async function syncItems(
  db: Db,
  now: Date,
  sources: readonly SourceReader[] = RETENTION_SOURCES,
): Promise<{ added: number; changed: number; total: number }> {
  const found: RetentionSource[] = (await Promise.all(sources.map((read) => read(db)))).flat();
  let added = 0;
  let changed = 0;
  for (let i = 0; i < found.length; i += CHUNK) {
    const rows = found
      .slice(i, i + CHUNK)
      .map((s) => ({ k: s.subjectKind, r: s.subjectRef, src: s.sourceId, l: s.label, d: s.departmentId, o: s.ownerId, e: s.end, b: s.basis }));
    const out = await db.$queryRaw<{ inserted: boolean }[]>`
      INSERT INTO "RetentionItem" ("id", "subjectKind", "subjectRef", "sourceId", "label", "departmentId", "ownerId", "endDay", "basis", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, x.k, x.r, x.src, x.l, x.d, x.o, x.e::date, x.b, ${now}, ${now}
        FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(k text, r text, src text, l text, d text, o text, e text, b text)
      ON CONFLICT ("subjectKind", "subjectRef") DO UPDATE
        SET "label" = EXCLUDED."label", "departmentId" = EXCLUDED."departmentId", "ownerId" = EXCLUDED."ownerId",
            "endDay" = EXCLUDED."endDay", "basis" = EXCLUDED."basis", "updatedAt" = EXCLUDED."updatedAt"
        WHERE ("RetentionItem"."label", "RetentionItem"."departmentId", "RetentionItem"."ownerId", "RetentionItem"."endDay", "RetentionItem"."basis")
              IS DISTINCT FROM (EXCLUDED."label", EXCLUDED."departmentId", EXCLUDED."ownerId", EXCLUDED."endDay", EXCLUDED."basis")
      RETURNING (xmax = 0) AS "inserted"`;
    for (const r of out) r.inserted ? added++ : changed++;
  }
  const entries = await syncEntryItems(db, now);
  return { added: added + entries.added, changed: changed + entries.changed, total: found.length + entries.total };
}

/**
 * Register entries (規程 第23条, 第31条; src/register) with a retention end day: kept by the
 * entry's owner until that day. An entry can be edited, so those whose item is missing or
 * differs (end day, owner, name) are written; an entry without an end day is flagged on its
 * owner's Home by the register itself (「保存期間が未設定」), not here. Every field of the item
 * is a column of the entry, so one INSERT … SELECT writes them: at 10,000 entries, reading
 * them into the process and sending them back as JSON took 0.3-0.9 s more on PGlite.
 */
export async function syncEntryItems(db: Db, now: Date): Promise<{ added: number; changed: number; total: number }> {
  const r = await db.$queryRaw<{ added: number; changed: number; total: number }[]>`
    WITH src AS (
      SELECT e."id", e."code", e."name", e."departmentId", e."ownerId", e."retentionUntil"
        FROM "RegisterEntry" e
        LEFT JOIN "RetentionItem" i ON i."subjectKind" = 'entry' AND i."subjectRef" = e."code"
       WHERE e."retentionUntil" IS NOT NULL
         AND (i."id" IS NULL OR i."endDay" IS DISTINCT FROM e."retentionUntil" OR i."ownerId" <> e."ownerId" OR i."label" <> e."name")
    ), up AS (
      INSERT INTO "RetentionItem" ("id", "subjectKind", "subjectRef", "sourceId", "label", "departmentId", "ownerId", "endDay", "basis", "createdAt", "updatedAt")
      SELECT gen_random_uuid()::text, 'entry', s."code", s."id", s."name", s."departmentId", s."ownerId", s."retentionUntil", 'explicit', ${now}, ${now}
        FROM src s
      ON CONFLICT ("subjectKind", "subjectRef") DO UPDATE
        SET "label" = EXCLUDED."label", "departmentId" = EXCLUDED."departmentId", "ownerId" = EXCLUDED."ownerId",
            "endDay" = EXCLUDED."endDay", "basis" = EXCLUDED."basis", "updatedAt" = EXCLUDED."updatedAt"
        WHERE ("RetentionItem"."label", "RetentionItem"."departmentId", "RetentionItem"."ownerId", "RetentionItem"."endDay", "RetentionItem"."basis")
              IS DISTINCT FROM (EXCLUDED."label", EXCLUDED."departmentId", EXCLUDED."ownerId", EXCLUDED."endDay", EXCLUDED."basis")
      RETURNING (xmax = 0) AS "inserted"
    )
    SELECT (SELECT count(*) FROM up WHERE "inserted")::int AS added,
           (SELECT count(*) FROM up WHERE NOT "inserted")::int AS changed,
           (SELECT count(*) FROM src)::int AS total`;
  return { added: Number(r[0]?.added ?? 0), changed: Number(r[0]?.changed ?? 0), total: Number(r[0]?.total ?? 0) };
}

/** Items past their end day (as of `today`) and not disposed of. */
export const dueWhere = (today: Day) => ({ disposalId: null, endDay: { lt: dayDate(today) } });
/** Items whose end day cannot be computed (要確認), not disposed of. */
export const unknownWhere = () => ({ disposalId: null, endDay: null });

/** A due item with its request's thread (for the link), read in one statement. */
export type DueItem = Pick<RetentionItem, "subjectKind" | "subjectRef" | "sourceId" | "label" | "departmentId" | "ownerId" | "endDay" | "basis"> & {
  channelId: string | null;
  messageTs: string | null;
};

/** Every item past its end day and not disposed of, oldest first, with its request's thread. */
export async function dueWithThreads(q: Q, today: Day): Promise<DueItem[]> {
  return q.$queryRaw<DueItem[]>`
    SELECT i."subjectKind", i."subjectRef", i."sourceId", i."label", i."departmentId", i."ownerId", i."endDay", i."basis", r."channelId", r."messageTs"
      FROM "RetentionItem" i LEFT JOIN "Request" r ON r."id" = i."sourceId"
     WHERE i."disposalId" IS NULL AND i."endDay" < ${dayDate(today)}::date
     ORDER BY i."endDay", i."subjectRef"`;
}

export async function findItem(q: Q, kind: SubjectKind, ref: string): Promise<RetentionItem | null> {
  return q.retentionItem.findUnique({ where: { subjectKind_subjectRef: { subjectKind: kind, subjectRef: ref } } });
}

export async function disposalOf(q: Q, kind: SubjectKind, ref: string): Promise<Disposal | null> {
  return q.disposal.findUnique({ where: { subjectKind_subjectRef: { subjectKind: kind, subjectRef: ref } } });
}

/** Who of `ids` is in the directory. */
export async function present(q: Q, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await q.person.findMany({ where: { slackId: { in: [...new Set(ids)] } }, select: { slackId: true } })).map((p) => p.slackId));
}

/** The managers of each department (slack ids). */
export async function managersByDepartment(q: Q, departments: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const d of new Set(departments)) {
    const people = await q.person.findMany({ where: { OR: managerOfWhere(d) }, select: { slackId: true } });
    out.set(
      d,
      people.map((p) => p.slackId),
    );
  }
  return out;
}

/**
 * What awaits this person's disposal: due items they own, and due items of the
 * departments they manage whose owner left the directory.
 */
export async function dueFor(q: Q, person: string, managed: string[], today: Day, take = 20): Promise<{ rows: RetentionItem[]; total: number }> {
  const mine = { ...dueWhere(today), ownerId: person };
  const [own, ownTotal, orphansAll] = await Promise.all([
    q.retentionItem.findMany({ where: mine, orderBy: [{ endDay: "asc" }, { subjectRef: "asc" }], take }),
    q.retentionItem.count({ where: mine }),
    managed.length
      ? q.retentionItem.findMany({
          where: { ...dueWhere(today), departmentId: { in: managed }, ownerId: { not: person } },
          orderBy: [{ endDay: "asc" }],
          take: 200,
        })
      : Promise.resolve([] as RetentionItem[]),
  ]);
  const here = await present(
    q,
    orphansAll.map((r) => r.ownerId),
  );
  const orphans = orphansAll.filter((r) => !here.has(r.ownerId));
  return { rows: [...own, ...orphans].slice(0, take), total: ownTotal + orphans.length };
}
