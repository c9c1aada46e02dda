// A record's parent message (a request, an incident, a subject request, a complaint): the
// post its thread hangs from. Calls written before it is posted refer to its ts and
// permalink ({$ref, id}); the outbox fills them in once the post has gone out, and
// records where it went when the post succeeds.
import type { Tx } from "../db.js";
import { messageLink, type Services } from "../services.js";

/** Where a record's parent message is kept. */
export interface ParentMessageStore {
  /** the channel and ts of record `id`'s parent message (null before it is posted) */
  find(tx: Tx, id: string): Promise<{ channelId: string | null; messageTs: string | null } | null>;
  /** records where the parent message of record `id` was posted */
  posted(tx: Tx, id: string, at: { channelId: string; messageTs: string }): Promise<unknown>;
}

export interface ParentMessageNames {
  /** the reference to the parent's ts, e.g. "requestTs" */
  ts: string;
  /** the reference to its permalink, e.g. "requestPermalink" */
  permalink?: string;
  /** the onSent type of the call posting it, e.g. "requestMessage", and its key naming the record */
  posted: string;
  idKey: string;
}

/** Registers a record's parent message with the outbox: its ts and permalink references, and where it was posted. */
export function registerParentMessage(s: Pick<Services, "outbox" | "permalink">, names: ParentMessageNames, store: ParentMessageStore): void {
  s.outbox.registerRef(names.ts, async (tx, r) => (await store.find(tx, String(r.id)))?.messageTs ?? undefined);
  if (names.permalink) {
    s.outbox.registerRef(names.permalink, async (tx, r) => {
      const m = await store.find(tx, String(r.id));
      return m?.channelId && m.messageTs ? messageLink(s, m.channelId, m.messageTs) : undefined;
    });
  }
  s.outbox.onSent(names.posted, async (tx, onSent, response) => {
    await store.posted(tx, String(onSent[names.idKey]), { channelId: String(response.channel), messageTs: String(response.ts) });
  });
}
