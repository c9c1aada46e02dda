// Free texts that have no record of their own to live on (a reassessment's reason, a
// report's reference, an item's earlier value) are kept in AuditText, and the audit entry
// holds their seal and the row's id. The row can be erased on a data subject's request;
// the chain keeps the length and keyed hash, so no link breaks and nothing typed remains.
import type { Tx } from "../db.js";
import type { Seal, SealedText } from "./seal.js";

export type KeptText = SealedText & { ref: string };

/** Keeps `text` in AuditText and returns what the audit entry holds of it (null for no text). */
export async function keepText(tx: Tx, seal: Seal, at: Date, subject: string, field: string, text: string | null | undefined): Promise<KeptText | null> {
  const sealed = seal(text);
  if (!sealed || text === null || text === undefined) return null;
  const row = await tx.auditText.create({ data: { subject, field, text, hmac: sealed.hmac, createdAt: at }, select: { id: true } });
  return { ...sealed, ref: row.id };
}

/** Erases the texts kept for `subject` (a data subject's request): the rows stay, their texts go. */
export async function eraseKeptTexts(tx: Tx, subject: string, at: Date): Promise<number> {
  const r = await tx.auditText.updateMany({ where: { subject, text: { not: null } }, data: { text: null, erasedAt: at } });
  return r.count;
}
