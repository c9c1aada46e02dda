// The decision log: append-only (database triggers refuse UPDATE, DELETE and TRUNCATE) and
// hash-chained: each entry carries the hash of the previous one, so a changed or
// deleted row breaks every link after it. The chain alone cannot show a deleted or
// rewritten tail (the links before it still hold): anchor.ts checks it against the head
// the bot posted outside the database.
import crypto from "node:crypto";
import type { Db, Tx } from "../db.js";

export const GENESIS_HASH = "0".repeat(64);
const CHAIN_LOCK = 727_001;

export interface AuditInput {
  at: Date;
  actorId: string;
  /** e.g. "request.submitted", "request.approved", "request.press_refused", "directory.role_added" */
  action: string;
  /** what it is about, e.g. "request:PRV-2026-0001", "person:U123" */
  subject: string;
  data?: Record<string, unknown>;
}

/** JSON with sorted keys, so the hash does not depend on how the database orders jsonb keys. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(",")}}`;
}

export function entryHash(prevHash: string, e: { seq: number; at: Date; actorId: string; action: string; subject: string; data: unknown }): string {
  const body = canonicalJson({ seq: e.seq, at: e.at.toISOString(), actorId: e.actorId, action: e.action, subject: e.subject, data: e.data ?? {} });
  return crypto.createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

/** Appends one entry inside the caller's transaction (the same one as the change it records). */
export async function appendAudit(tx: Tx, input: AuditInput): Promise<{ seq: number; hash: string }> {
  // Serialise appenders: concurrent transactions on PostgreSQL would otherwise chain to the same parent.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const at = new Date(Math.floor(input.at.getTime()));
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  const hash = entryHash(prevHash, { seq, at, actorId: input.actorId, action: input.action, subject: input.subject, data });
  await tx.auditEntry.create({
    data: { seq, at, actorId: input.actorId, action: input.action, subject: input.subject, data: data as object, prevHash, hash },
  });
  return { seq, hash };
}

/** How a link is broken: an entry missing (the next present one is `next`), pointing at another hash, or changed. */
export type BrokenLink = { kind: "missing"; next: number } | { kind: "link" } | { kind: "changed" };
export type VerifyResult = { ok: true; entries: number; head: string } | ({ ok: false; entries: number; brokenAt: number; reason: string } & BrokenLink);

/** Walks the whole chain in order and reports the first broken link. */
export async function verifyChain(db: Db, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db.auditEntry.findMany({ where: { seq: { gte: expectedSeq } }, orderBy: { seq: "asc" }, take: batch });
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.seq !== expectedSeq)
        return { ok: false, entries: count, brokenAt: expectedSeq, kind: "missing", next: r.seq, reason: `entry ${expectedSeq} is missing (next is ${r.seq})` };
      if (r.prevHash !== prev)
        return { ok: false, entries: count, brokenAt: r.seq, kind: "link", reason: `entry ${r.seq} does not point at the hash of entry ${r.seq - 1}` };
      const h = entryHash(prev, r);
      if (h !== r.hash)
        return { ok: false, entries: count, brokenAt: r.seq, kind: "changed", reason: `entry ${r.seq} was changed (its content no longer matches its hash)` };
      prev = r.hash;
      expectedSeq++;
      count++;
    }
  }
  return { ok: true, entries: count, head: prev };
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV of the entries in [from, to), with a header row. */
export async function exportCsv(db: Db, from: Date, to: Date): Promise<string> {
  const rows = await db.auditEntry.findMany({ where: { at: { gte: from, lt: to } }, orderBy: { seq: "asc" } });
  const lines = ["seq,at,actor,action,subject,data,prev_hash,hash"];
  for (const r of rows)
    lines.push([String(r.seq), r.at.toISOString(), r.actorId, r.action, r.subject, canonicalJson(r.data), r.prevHash, r.hash].map(csvCell).join(","));
  return `${lines.join("\n")}\n`;
}
