// What someone with the database owner's rights can do to the decision log behind the
// append-only triggers, done deliberately by the audit fault tests: the row trigger is
// switched off with ALTER TABLE … DISABLE TRIGGER (an owner's or superuser's path, on
// PGlite and PostgreSQL alike), the tail deleted or rewritten, the trigger switched on again.
import { entryHash, GENESIS_HASH } from "../../src/platform/audit/chain.js";
import type { Database } from "../../src/platform/db.js";
import type { AuditEntry } from "../../src/generated/prisma/client.js";

async function behindTheTrigger<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  await db.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
  try {
    return await fn();
  } finally {
    await db.exec(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
  }
}

export const entries = (db: Database) => db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });

/** Deletes the newest `n` entries; returns them (to put back with `restore`). */
export async function deleteNewest(db: Database, n: number): Promise<AuditEntry[]> {
  const all = await entries(db);
  const gone = all.slice(-n);
  await behindTheTrigger(db, () => db.exec(`DELETE FROM "AuditEntry" WHERE seq > ${all.length - n}`));
  return gone;
}

/** Puts deleted entries back as they were (INSERT passes the triggers). */
export async function restore(db: Database, rows: AuditEntry[]): Promise<void> {
  for (const r of rows) await db.prisma.auditEntry.create({ data: { ...r, data: r.data as object } });
}

/**
 * Rewrites the newest `n` entries (their data) and recomputes every hash from there on,
 * so that the chain alone still verifies. Returns the rows as they were.
 */
export async function rewriteTail(db: Database, n: number, change: Record<string, unknown>): Promise<AuditEntry[]> {
  const all = await entries(db);
  const from = all.length - n;
  let prev = all[from - 1]?.hash ?? GENESIS_HASH;
  await behindTheTrigger(db, async () => {
    for (const r of all.slice(from)) {
      const data = { ...(r.data as object), ...change };
      const hash = entryHash(prev, { ...r, data });
      await db.prisma.$executeRawUnsafe(
        `UPDATE "AuditEntry" SET data = $1::jsonb, "prevHash" = $2, hash = $3 WHERE seq = $4`,
        JSON.stringify(data),
        prev,
        hash,
        r.seq,
      );
      prev = hash;
    }
  });
  return all.slice(from);
}

/** Puts rewritten entries back as they were. */
export async function unrewrite(db: Database, rows: AuditEntry[]): Promise<void> {
  await behindTheTrigger(db, async () => {
    for (const r of rows)
      await db.prisma.$executeRawUnsafe(
        `UPDATE "AuditEntry" SET data = $1::jsonb, "prevHash" = $2, hash = $3 WHERE seq = $4`,
        JSON.stringify(r.data),
        r.prevHash,
        r.hash,
        r.seq,
      );
  });
}
