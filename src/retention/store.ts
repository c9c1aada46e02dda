// Queries of the retention feature: writing the sources into RetentionItem (the sync of
// the retention run), what is due, a person's items, the disposal record.
import type { Disposal, RetentionItem } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import { managerOfWhere } from "../directory/store.js";
import { RETENTION_SOURCES, type RetentionSource, type SourceReader } from "./sources.js";
import { dateDay, dayDate, type Day, type SubjectKind } from "./rules.js";

type Q = Db | Tx;
export type { Disposal, RetentionItem };

const CHUNK = 1000;

/**
 * Makes RetentionItem match the sources: new items inserted, changed ones (end day,
 * owner, label) updated, in bulk. Items whose source went away stay (their data may still
 * be held). Returns how many were added and changed.
 */
export async function syncItems(
  db: Db,
  now: Date,
  sources: readonly SourceReader[] = RETENTION_SOURCES,
): Promise<{ added: number; changed: number; total: number }> {
  const found: RetentionSource[] = (await Promise.all(sources.map((read) => read(db)))).flat();
  const existing = await db.retentionItem.findMany({
    select: { id: true, subjectKind: true, subjectRef: true, endDay: true, ownerId: true, label: true, basis: true, departmentId: true },
  });
  const byKey = new Map(existing.map((e) => [`${e.subjectKind}|${e.subjectRef}`, e]));
  const fresh: RetentionSource[] = [];
  const changed: { id: string; s: RetentionSource }[] = [];
  for (const s of found) {
    const e = byKey.get(`${s.subjectKind}|${s.subjectRef}`);
    if (!e) fresh.push(s);
    else if (
      (e.endDay ? dateDay(e.endDay) : null) !== s.end ||
      e.ownerId !== s.ownerId ||
      e.label !== s.label ||
      e.basis !== s.basis ||
      e.departmentId !== s.departmentId
    )
      changed.push({ id: e.id, s });
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await db.retentionItem.createMany({
      data: fresh.slice(i, i + CHUNK).map((s) => ({
        subjectKind: s.subjectKind,
        subjectRef: s.subjectRef,
        sourceId: s.sourceId,
        label: s.label,
        departmentId: s.departmentId,
        ownerId: s.ownerId,
        endDay: s.end ? dayDate(s.end) : null,
        basis: s.basis,
        createdAt: now,
        updatedAt: now,
      })),
      skipDuplicates: true,
    });
  }
  for (const { id, s } of changed)
    await db.retentionItem.update({
      where: { id },
      data: { label: s.label, departmentId: s.departmentId, ownerId: s.ownerId, endDay: s.end ? dayDate(s.end) : null, basis: s.basis, updatedAt: now },
    });
  return { added: fresh.length, changed: changed.length, total: found.length };
}

/** Items past their end day (as of `today`) and not disposed of. */
export const dueWhere = (today: Day) => ({ disposalId: null, endDay: { lt: dayDate(today) } });
/** Items whose end day cannot be computed (要確認), not disposed of. */
export const unknownWhere = () => ({ disposalId: null, endDay: null });

export async function dueItems(q: Q, today: Day, take?: number): Promise<RetentionItem[]> {
  return q.retentionItem.findMany({ where: dueWhere(today), orderBy: [{ endDay: "asc" }, { subjectRef: "asc" }], ...(take ? { take } : {}) });
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
