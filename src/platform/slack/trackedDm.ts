// DMs that carry buttons for one thing (a subject request's owner DM with 「本人確認を記録」,
// an incident's 「受領しました」): the DM is posted with an onSent that records where it
// went (TrackedDm), and once the thing is done, by its button or any other way, the flow
// that did it edits every such DM in place (chat.update) to a state without the button.
// The edit goes out under the DM's own order key (dm:<person>), so it always follows the
// post; its channel and ts are references filled in when it is sent.
import type { OutgoingCall } from "../outbox.js";
import type { Tx } from "../db.js";
import type { Services } from "../services.js";
import { directMessage, type MessageBody } from "./calls.js";

const SENT = "trackedDm";

/** A DM to `to` about thing `key`, remembered so that `updateTrackedDms` can edit it later. */
export async function trackedDm(tx: Tx, at: Date, key: string, to: string, body: MessageBody): Promise<OutgoingCall> {
  const stored = JSON.parse(JSON.stringify({ text: body.text, blocks: body.blocks ?? [] }));
  await tx.trackedDm.upsert({
    where: { key_personId: { key, personId: to } },
    create: { key, personId: to, body: stored, createdAt: at },
    update: { body: stored },
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
  for (const r of rows) {
    const at = { key, to: r.personId };
    const body = await build(r.personId, r.body as MessageBody);
    // the DM channel is only known once it is posted: a reference, like the ts
    out.push({
      orderKey: `dm:${r.personId}`,
      method: "chat.update",
      payload: { channel: { $ref: "trackedDmChannel", ...at }, ts: { $ref: "trackedDmTs", ...at }, ...body },
    });
  }
  return out;
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
