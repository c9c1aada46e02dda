// DMs that carry buttons for one thing (a subject request's owner DM with 「本人確認を記録」,
// an incident's 「受領しました」): the DM is posted with an onSent that records where it
// went (TrackedDm), and once the thing is done, by its button or any other way, the flow
// that did it edits every such DM in place (chat.update) to a state without the button.
// The edit goes out under the DM's own order key (dm:<person>, or reminder:<person> for a
// reminder), so it always follows the post; its channel and ts are references filled in
// when it is sent.
//
// A reminder that lists several things (a morning digest) is tracked once per DM with the
// things it lists (`items`): as each thing is done, `updateTrackedItems` takes that item's
// menu out of every such DM, stamps it, and keeps the edited body, so that the next edit
// starts from what the person sees. The digest's row is written by the same statement that
// queues the DM (`trackedReminder` for the outbox's enqueueOnce), so no edit can find the
// row before its post is queued, and no post goes out untracked.
import type { OnceItem, OutgoingCall } from "../outbox.js";
import type { Tx } from "../db.js";
import type { Services } from "../services.js";
import { directMessage, type MessageBody } from "./calls.js";

const SENT = "trackedDm";

/** A DM to `to` about thing `key`, remembered so that `updateTrackedDms` can edit it later. */
export async function trackedDm(
  tx: Tx,
  at: Date,
  key: string,
  to: string,
  body: MessageBody,
  reminder?: { orderKey: string; items: string[] },
): Promise<OutgoingCall> {
  const stored = JSON.parse(JSON.stringify({ text: body.text, blocks: body.blocks ?? [] }));
  // a reminder (reminders/tracked.ts) goes under its own order key and lists its items
  const extra = reminder ? { orderKey: reminder.orderKey, items: reminder.items } : {};
  await tx.trackedDm.upsert({
    where: { key_personId: { key, personId: to } },
    create: { key, personId: to, body: stored, createdAt: at, ...extra },
    update: { body: stored, ...extra, ...(reminder ? { channelId: null, messageTs: null } : {}) },
  });
  return { ...directMessage(to, body), onSent: { type: SENT, key, to } };
}

/** The DM as sent, its buttons `actionIds` taken out (an actions block left empty goes), `stamp` (mrkdwn) added below. */
export function withoutButtons(sent: MessageBody, actionIds: readonly string[], stamp: string): MessageBody {
  const blocks: unknown[] = [];
  for (const b of (sent.blocks ?? []) as { type: string; elements?: { action_id?: string }[] }[]) {
    if (b.type !== "actions") {
      blocks.push(b);
      continue;
    }
    const elements = (b.elements ?? []).filter((e) => !actionIds.includes(e.action_id ?? ""));
    if (elements.length) blocks.push({ ...b, elements });
  }
  // the stamp goes above the links that are left, right under what the DM says
  const at = blocks.findIndex((b) => (b as { type: string }).type === "actions");
  const context = { type: "context", elements: [{ type: "mrkdwn", text: stamp }] };
  if (at < 0) blocks.push(context);
  else blocks.splice(at, 0, context);
  return { text: `${sent.text}\n${stamp}`, blocks };
}

/**
 * Edits every DM about `key` in place: `build` gives the new body for each person (in
 * their language) from the DM as it was sent; none when nobody was sent one.
 */
export async function updateTrackedDms(
  tx: Tx,
  key: string,
  build: (personId: string, sent: MessageBody) => Promise<MessageBody> | MessageBody,
): Promise<OutgoingCall[]> {
  const rows = await tx.trackedDm.findMany({ where: { key }, orderBy: { personId: "asc" } });
  const out: OutgoingCall[] = [];
  for (const r of rows) out.push(editOf(r, await build(r.personId, r.body as MessageBody)));
  return out;
}

/** The chat.update of a tracked DM, under the DM's own order key. */
function editOf(r: { key: string; personId: string; orderKey: string | null }, body: MessageBody): OutgoingCall {
  const at = { key: r.key, to: r.personId };
  // the DM channel is only known once it is posted: a reference, like the ts
  return {
    orderKey: r.orderKey ?? `dm:${r.personId}`,
    method: "chat.update",
    payload: { channel: { $ref: "trackedDmChannel", ...at }, ts: { $ref: "trackedDmTs", ...at }, ...body },
  };
}

/**
 * A reminder DM to `to` listing `items` (e.g. "request:<id>"), tracked under `key` (one
 * per DM, e.g. "requests.morning:<day>"): the call carries the onSent that records where it
 * went; `track` goes with it to the outbox's enqueueOnce, which writes the row (the body as
 * the call's payload) in the statement that queues it.
 */
export function trackedReminder(key: string, to: string, call: OutgoingCall, items: string[]): Pick<OnceItem, "call" | "track"> {
  return { call: { ...call, onSent: { type: SENT, key, to } }, track: { key, personId: to, items } };
}

/**
 * `item` is done: every tracked reminder (only `personId`'s when given) still listing it is edited in place, the item's
 * menu taken out by `edit` (from the body as last edited), a stamp in the person's language.
 * The rows are locked, so two things done at once both land on the DM.
 */
export async function updateTrackedItems(
  tx: Tx,
  item: string,
  edit: (personId: string, sent: MessageBody) => Promise<MessageBody> | MessageBody,
  personId?: string,
): Promise<OutgoingCall[]> {
  const found = (
    await tx.$queryRaw<{ key: string; personId: string }[]>`
    SELECT "key", "personId" FROM "TrackedDm" WHERE "items" @> ARRAY[${item}]::text[] ORDER BY "key", "personId" FOR UPDATE`
  ).filter((f) => personId === undefined || f.personId === personId);
  const out: OutgoingCall[] = [];
  for (const f of found) {
    const r = await tx.trackedDm.findUniqueOrThrow({ where: { key_personId: { key: f.key, personId: f.personId } } });
    const body = await edit(r.personId, r.body as MessageBody);
    const stored = JSON.parse(JSON.stringify({ text: body.text, blocks: body.blocks ?? [] }));
    await tx.trackedDm.update({
      where: { key_personId: { key: r.key, personId: r.personId } },
      data: { body: stored, items: r.items.filter((i) => i !== item) },
    });
    out.push(editOf(r, body));
  }
  return out;
}

/**
 * The tracked reminder posted at `channel`/`ts` to `personId`, locked, for a press in it
 * that edits it (a snooze): `save` keeps its edited body, so later edits start from it.
 */
export async function trackedReminderAt(
  tx: Tx,
  personId: string,
  channel: string,
  ts: string,
): Promise<{ body: MessageBody; save: (body: MessageBody) => Promise<OutgoingCall> } | null> {
  const found = await tx.$queryRaw<{ key: string }[]>`
    SELECT "key" FROM "TrackedDm" WHERE "channelId" = ${channel} AND "messageTs" = ${ts} AND "personId" = ${personId} FOR UPDATE`;
  const key = found[0]?.key;
  if (key === undefined) return null;
  const r = await tx.trackedDm.findUniqueOrThrow({ where: { key_personId: { key, personId } } });
  return {
    body: r.body as MessageBody,
    save: async (body) => {
      await tx.trackedDm.update({
        where: { key_personId: { key, personId } },
        data: { body: JSON.parse(JSON.stringify({ text: body.text, blocks: body.blocks ?? [] })) },
      });
      return editOf(r, body);
    },
  };
}

/** Reminders tracked under keys from `from` (inclusive) up to `before` (exclusive) are no longer edited (their rows go). */
export async function forgetTrackedReminders(tx: Tx, from: string, before: string): Promise<number> {
  return (await tx.trackedDm.deleteMany({ where: { key: { gte: from, lt: before } } })).count;
}

/** Lets the outbox record where a tracked DM went and fill in its channel and ts for the edit. */
export function registerTrackedDms(s: Pick<Services, "outbox">): void {
  const find = (tx: Tx, r: Record<string, unknown>) => tx.trackedDm.findUnique({ where: { key_personId: { key: String(r.key), personId: String(r.to) } } });
  s.outbox.registerRef("trackedDmChannel", async (tx, r) => (await find(tx, r))?.channelId ?? undefined);
  s.outbox.registerRef("trackedDmTs", async (tx, r) => (await find(tx, r))?.messageTs ?? undefined);
  s.outbox.onSent(SENT, async (tx, onSent, response) => {
    await tx.trackedDm.updateMany({
      where: { key: String(onSent.key), personId: String(onSent.to) },
      data: { channelId: String(response.channel), messageTs: String(response.ts) },
    });
  });
}
