// At most one copy of each message. Every post the outbox sends carries its row's id in
// Slack's message metadata; when a post may have gone out without its result being
// recorded (the process died mid-send, the call timed out, a lease ran out), the outbox
// looks for the tagged message in the channel or thread before posting again, and
// records the copy it finds instead of making a second one.
import type { SlackCaller } from "./outbox.js";

/** The metadata event type of the outbox's posts. */
export const OUTBOX_EVENT_TYPE = "mamori_outbox";

/** The method that makes a new message each time it succeeds (an edit or a Home tab is the same however often it is sent). */
export const POST_METHOD = "chat.postMessage";

/** Slack's clock and ours may differ: the search starts this much before the first send. */
const CLOCK_MARGIN_MS = 2 * 60_000;
/** messages read per page, and pages read at most, before the search gives up (a busy channel) */
const PAGE_SIZE = 200;
const MAX_PAGES = 5;

/** The bot's own event types start so (the audit anchor's is mamori_audit_anchor). */
const OWN_EVENT_PREFIX = "mamori_";

/**
 * The payload with the row's tag. A post with metadata of the bot's own (the audit
 * anchor) keeps its event type and gets the tag in its payload as `row`, so it can be
 * found too; a payload whose metadata is not the bot's is left as it is.
 */
export function tagged(payload: Record<string, unknown>, rowId: number): Record<string, unknown> {
  const own = payload.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
  if (own === undefined) return { ...payload, metadata: { event_type: OUTBOX_EVENT_TYPE, event_payload: { row: rowId } } };
  const isOwn = typeof own.event_type === "string" && own.event_type.startsWith(OWN_EVENT_PREFIX);
  if (!isOwn || typeof own.event_payload !== "object" || own.event_payload === null) return payload;
  return { ...payload, metadata: { ...own, event_payload: { ...own.event_payload, row: rowId } } };
}

type Message = { ts?: unknown; metadata?: { event_type?: unknown; event_payload?: { row?: unknown } } };

/** The row id a message was tagged with, if it is one of the bot's. */
export function rowOf(m: Message): number | undefined {
  const type = m.metadata?.event_type;
  if (typeof type !== "string" || !type.startsWith(OWN_EVENT_PREFIX)) return undefined;
  const row = Number(m.metadata?.event_payload?.row);
  return Number.isInteger(row) ? row : undefined;
}

export type Lookup =
  /** the post went out: what Slack would have answered (channel, ts, message) */
  | { found: true; response: Record<string, unknown> }
  /** not there: posting again makes the only copy */
  | { found: false; searched: number };

/**
 * Looks for the message of row `rowId`, posted with `payload`, in its channel (or
 * thread) from `since` on. A DM addressed to a person (a U… id) is looked for in the
 * bot's conversation with them. Errors (Slack down, a timeout) are thrown: the row
 * stays in doubt and is looked for again later.
 */
export async function findEarlierCopy(slack: SlackCaller, payload: Record<string, unknown>, rowId: number, since: Date): Promise<Lookup> {
  let channel = String(payload.channel ?? "");
  if (/^[UW][A-Z0-9]+$/.test(channel)) {
    const opened = await slack.apiCall("conversations.open", { users: channel });
    channel = String((opened.channel as { id?: unknown } | undefined)?.id ?? channel);
  }
  const oldest = (Math.max(0, since.getTime() - CLOCK_MARGIN_MS) / 1000).toFixed(6);
  const threadTs = typeof payload.thread_ts === "string" && payload.thread_ts ? payload.thread_ts : undefined;
  let cursor: string | undefined;
  let searched = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const args = { channel, oldest, include_all_metadata: true, limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const r = threadTs ? await slack.apiCall("conversations.replies", { ...args, ts: threadTs }) : await slack.apiCall("conversations.history", args);
    const messages = (Array.isArray(r.messages) ? r.messages : []) as Message[];
    searched += messages.length;
    const m = messages.find((x) => rowOf(x) === rowId);
    if (m) return { found: true, response: { ok: true, channel, ts: String(m.ts), message: m } };
    cursor = (r.response_metadata as { next_cursor?: string } | undefined)?.next_cursor || undefined;
    if (!cursor) break;
  }
  return { found: false, searched };
}
