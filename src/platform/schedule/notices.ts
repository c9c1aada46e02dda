// Once-only notices (table "Notice"): a reminder of one run to one person, an escalation
// of one stage. Claimed in the transaction that queues the message, so a resumed or
// repeated run, or a flow and a job on the same day, never send it twice.
import type { Tx } from "../db.js";

/** Claims the keys not claimed before; returns those this call claimed. */
export async function claimNotices(tx: Tx, keys: string[], at: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ key: string }[]>`
    INSERT INTO "Notice" ("key", "at") SELECT k, ${at} FROM unnest(${keys}::text[]) AS k
    ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
  return new Set(rows.map((r) => r.key));
}
