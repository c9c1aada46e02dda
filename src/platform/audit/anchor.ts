// The chain's head anchored outside the database. The hash chain shows a changed or
// missing entry in the middle, but not a tail that was deleted or rewritten with
// recomputed hashes: every link before it still holds. So the daily audit.anchor job
// (jobs.ts) posts the head (its count and hash) to the compliance channel, tagged with
// Slack message metadata, and `npm run audit:verify` checks the chain against an anchor:
// one the operator gives (--expect-head count:hash) or the latest the bot posted, read
// back from Slack (--anchors slack). A chain shorter than the anchored count, or whose
// entry at the anchored position has another hash, fails.
//
// The anchor post is not itself an entry of the chain: an entry recording it would come
// after the head it anchors, so the log would grow every day with no decision in it and
// the anchored head would never be the head; and its worth is being outside the
// database, where whoever can rewrite the tail cannot reach it. The run is on record as
// the job's run, its once-only notice and its AuditAnchor row.
import { z } from "zod";
import type { Db, Tx } from "../db.js";
import type { Lang } from "../i18n.js";
import { GENESIS_HASH, type VerifyResult } from "./chain.js";
import { auditMessages } from "./messages.js";

/** The Slack message metadata event type of an anchor post. */
export const ANCHOR_EVENT = "mamori_audit_anchor";

/** A head of the chain: its number of entries (the seq of the last one) and the last hash. */
export interface Head {
  count: number;
  hash: string;
}

/** An anchor to check against, and where it came from. */
export type Anchor = Head & ({ from: "operator" } | { from: "slack"; channel: string; ts: string; at: Date });

/** How a chain fails its anchor: it ends before the anchored count, or its entry there has another hash. */
export type AnchorMismatch = { kind: "short"; entries: number } | { kind: "differs"; found: string };

const HASH = /^[0-9a-f]{64}$/;

/** `--expect-head 1234:<64 hex digits>`; null when it is not that. */
export function parseExpectHead(v: string): Head | null {
  const m = /^(\d{1,12}):([0-9a-fA-F]{64})$/.exec(v.trim());
  return m ? { count: Number(m[1]), hash: m[2]!.toLowerCase() } : null;
}

/**
 * Whether the chain (already verified: `verified` is verifyChain's result) still holds
 * `anchor`: at least the anchored number of entries, and the anchored hash on the last
 * of them. A deleted tail makes it short; a rewritten one changes that hash, since every
 * hash covers all the entries before it.
 */
export async function anchorMismatch(db: Db | Tx, verified: { entries: number }, anchor: Head): Promise<AnchorMismatch | null> {
  if (verified.entries < anchor.count) return { kind: "short", entries: verified.entries };
  if (anchor.count === 0) return anchor.hash === GENESIS_HASH ? null : { kind: "differs", found: GENESIS_HASH };
  const row = await db.auditEntry.findUnique({ where: { seq: anchor.count }, select: { hash: true } });
  if (!row) return { kind: "short", entries: verified.entries };
  return row.hash === anchor.hash ? null : { kind: "differs", found: row.hash };
}

/** The anchor post's metadata (Slack message metadata, read back with include_all_metadata). */
export function anchorMetadata(head: Head, at: Date, day: string): { event_type: string; event_payload: Record<string, string | number> } {
  return { event_type: ANCHOR_EVENT, event_payload: { count: head.count, head: head.hash, at: at.toISOString(), day } };
}

const anchorPayload = z.object({ count: z.number().int().nonnegative(), head: z.string().regex(HASH), at: z.iso.datetime(), day: z.string() });

/** The anchor a message carries, when it is an anchor post (other metadata, or none: null). */
export function anchorOfMessage(channel: string, m: { ts?: unknown; metadata?: unknown }): (Anchor & { from: "slack" }) | null {
  const meta = z.object({ event_type: z.literal(ANCHOR_EVENT), event_payload: anchorPayload }).safeParse(m.metadata);
  if (!meta.success || typeof m.ts !== "string") return null;
  const p = meta.data.event_payload;
  return { from: "slack", count: p.count, hash: p.head, channel, ts: m.ts, at: new Date(p.at) };
}

// ---- reading the anchors back from Slack ---------------------------------------------------

export class SlackReadError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
  ) {
    super(`${method}: ${error}`);
  }
}

export interface SlackAnchorReader {
  token: string;
  /** the Web API's base, e.g. https://slack.com/api/ (SLACK_API_URL; tests: the fake's) */
  apiUrl?: string;
  channel: string;
  /** per call */
  timeoutMs?: number;
  /** how far back to look for the latest anchor (messages of the channel, newest first) */
  maxMessages?: number;
}

async function webApi(o: SlackAnchorReader, method: string, args: Record<string, string>): Promise<Record<string, unknown>> {
  const base = o.apiUrl ?? "https://slack.com/api/";
  let res: Response;
  try {
    res = await fetch(`${base.endsWith("/") ? base : `${base}/`}${method}`, {
      method: "POST",
      headers: { authorization: `Bearer ${o.token}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(args).toString(),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
  } catch (e) {
    throw new SlackReadError(method, (e as Error).name === "TimeoutError" ? "timeout" : (e as Error).message);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (body.ok !== true) throw new SlackReadError(method, typeof body.error === "string" ? body.error : `HTTP ${res.status}`);
  return body;
}

/**
 * The latest anchor the bot itself posted in the channel (conversations.history with
 * include_all_metadata, newest first): messages from anyone else, or without the anchor
 * metadata, are passed over. `scanned`: how many messages were read.
 */
export async function latestSlackAnchor(o: SlackAnchorReader): Promise<{ anchor: (Anchor & { from: "slack" }) | null; scanned: number }> {
  const me = await webApi(o, "auth.test", {});
  const botId = typeof me.bot_id === "string" ? me.bot_id : undefined;
  const userId = typeof me.user_id === "string" ? me.user_id : undefined;
  const max = o.maxMessages ?? 10_000;
  let scanned = 0;
  let cursor: string | undefined;
  do {
    const page = await webApi(o, "conversations.history", {
      channel: o.channel,
      limit: "200",
      include_all_metadata: "true",
      ...(cursor ? { cursor } : {}),
    });
    const messages = Array.isArray(page.messages) ? (page.messages as Record<string, unknown>[]) : [];
    for (const m of messages) {
      scanned++;
      const mine = botId ? m.bot_id === botId : userId !== undefined && m.user === userId;
      const anchor = mine ? anchorOfMessage(o.channel, m) : null;
      if (anchor) return { anchor, scanned };
    }
    const next = (page.response_metadata as { next_cursor?: unknown } | undefined)?.next_cursor;
    cursor = page.has_more === true && typeof next === "string" && next ? next : undefined;
  } while (cursor && scanned < max);
  return { anchor: null, scanned };
}

// ---- what is said about a result ------------------------------------------------------------

/** Which anchor, for the people reading the result. */
export function anchorLabel(lang: Lang, a: Anchor, format: (d: Date) => string): string {
  const m = auditMessages(lang).cli;
  return a.from === "operator" ? m.operator(a.count, a.hash) : m.slack(a.channel, a.ts, format(a.at));
}

/** The first broken link of a chain that failed verifyChain. */
export function brokenText(lang: Lang, r: Extract<VerifyResult, { ok: false }>): string {
  const m = auditMessages(lang).cli;
  const reason = r.kind === "missing" ? m.missing(r.brokenAt, r.next) : r.kind === "link" ? m.link(r.brokenAt) : m.changed(r.brokenAt);
  return m.broken(r.brokenAt, reason, r.entries);
}

/** What differs between the chain and the anchor `label`. */
export function mismatchText(lang: Lang, label: string, anchor: Head, x: AnchorMismatch): string {
  const m = auditMessages(lang).cli;
  return x.kind === "short" ? m.short(label, anchor.count, x.entries) : m.differs(label, anchor.count, anchor.hash, x.found);
}
