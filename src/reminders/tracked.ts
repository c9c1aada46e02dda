// Reminder DMs edited in place as their items are done (issue 16): what every feature's
// reminder job and "done" flow share. A job queues its DM through `trackReminder` (inside
// its transaction) or `trackedReminder` with the outbox's enqueueOnce (a run of thousands);
// the flow that does a thing calls `reminderItemDone`, which edits every reminder still
// listing the item (platform/slack/trackedDm.ts), under the DM's own order key.
import { langOf } from "../directory/store.js";
import type { Tx } from "../platform/db.js";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import type { OnceItem, OutgoingCall } from "../platform/outbox.js";
import type { Services } from "../platform/services.js";
import { mention } from "../platform/slack/calls.js";
import { trackedDm, trackedReminder, updateTrackedItems } from "../platform/slack/trackedDm.js";
import { type DropButton, itemDoneDm, listedItems } from "./blocks.js";
import { reminderMessages } from "./messages.js";

/**
 * The reminder `call` (reminderCall) to `to`, tracked under `key` (one per DM: the job and
 * the run, e.g. "duties.reminder:<day>") with the items it shows; written in `tx`.
 */
export async function trackReminder(tx: Tx, at: Date, key: string, to: string, call: OutgoingCall): Promise<OutgoingCall> {
  const body = call.payload as { text: string; blocks?: unknown[] };
  const tracked = await trackedDm(tx, at, key, to, body, { orderKey: call.orderKey, items: listedItems(body.blocks ?? []) });
  return { ...call, onSent: tracked.onSent };
}

/** The same for a run that queues its DMs with the outbox's enqueueOnce: the tracking row goes with the post. */
export function trackReminderOnce(key: string, to: string, call: OutgoingCall): Pick<OnceItem, "call" | "track"> {
  return trackedReminder(key, to, call, listedItems((call.payload as { blocks?: unknown[] }).blocks ?? []));
}

/**
 * `item` is done by `actorId`: each reminder still listing it (only `personId`'s, for an
 * item that is the person's own, such as a course) loses the item's menu (and the buttons
 * `alsoDrop` names) and says what was done (`what`, in the reader's language), when and by whom.
 */
export function reminderItemDone(
  tx: Tx,
  s: Services,
  item: string,
  o: { actorId: string; what: (lang: Lang) => string; personId?: string; alsoDrop?: DropButton },
): Promise<OutgoingCall[]> {
  const at = s.clock.now();
  return updateTrackedItems(
    tx,
    item,
    async (p, sent) => {
      const lang = await langOf(tx, p);
      const stamp = reminderMessages(lang).done(o.what(lang), formatDateTime(at, lang, s.timeZone), mention(o.actorId));
      return { text: sent.text, blocks: itemDoneDm(sent.blocks ?? [], item, stamp, o.alsoDrop) };
    },
    o.personId,
  );
}
