// The Slack calls a flow writes to the outbox (outbox.ts), built the same way by every
// feature: the record's parent message posted and edited in place, posts in its thread,
// DMs, reminders and Home tab refreshes. Features give their own text and blocks, the
// order key that keeps a record's calls in order, and the references ($ref) the outbox
// fills in when it sends (the parent's ts once it is posted, a permalink, a Home view).
import type { OutgoingCall } from "../outbox.js";

/** What a message says: its text (notifications, screen readers) and its blocks. */
export type MessageBody = { text: string; blocks?: unknown[] } & Record<string, unknown>;

/** A placeholder the outbox fills in when the call is sent (registerRef). */
export const ref = (name: string, id: string) => ({ $ref: name, id });

/** A mention of one person, and of several separated by spaces. */
export const mention = (id: string) => `<@${id}>`;
export const mentions = (ids: readonly string[]) => ids.map(mention).join(" ");

type Extra = { onSent?: OutgoingCall["onSent"]; notBefore?: Date };
const extra = (o: Extra | undefined): Partial<OutgoingCall> => ({
  ...(o?.onSent ? { onSent: o.onSent } : {}),
  ...(o?.notBefore ? { notBefore: o.notBefore } : {}),
});

/** A new message in a channel, links not unfurled (a record's parent message: `onSent` records its ts). */
export function channelPost(orderKey: string, channel: string | null, body: MessageBody, o?: Extra): OutgoingCall {
  return { orderKey, method: "chat.postMessage", payload: { channel, ...body, unfurl_links: false }, ...extra(o) };
}

/** A message in the thread of `threadTs` (a ts, or a reference to the parent's ts). */
export function threadPost(orderKey: string, channel: string | null, threadTs: unknown, body: MessageBody, o?: Extra): OutgoingCall {
  return { orderKey, method: "chat.postMessage", payload: { channel, thread_ts: threadTs, ...body }, ...extra(o) };
}

/** A posted message edited in place (`ts` a ts, or a reference to it). */
export function messageUpdate(orderKey: string, channel: string | null, ts: unknown, body: MessageBody): OutgoingCall {
  return { orderKey, method: "chat.update", payload: { channel, ts, ...body } };
}

/** A DM; DMs to one person go out in order, not behind a channel's rate limit. */
export function directMessage(to: string, body: MessageBody): OutgoingCall {
  return { orderKey: `dm:${to}`, method: "chat.postMessage", payload: { channel: to, ...body } };
}

/** A reminder DM, held until `notBefore` (quiet hours); a person's reminders go out in order. */
export function reminderCall(to: string, body: MessageBody, notBefore?: Date): OutgoingCall {
  return { orderKey: `reminder:${to}`, method: "chat.postMessage", payload: { channel: to, ...body }, ...extra({ notBefore }) };
}

/** Refreshes someone's Home tab (several waiting for one person are sent once: each renders the same). */
export function homeRefresh(user: string): OutgoingCall {
  return { orderKey: `home:${user}`, collapseKey: `home:${user}`, method: "views.publish", payload: { user_id: user, view: { $ref: "homeView", user } } };
}
