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
import { forgetTrackedReminders, trackedDm, trackedReminder, updateTrackedItems } from "../platform/slack/trackedDm.js";
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
 * How many days a reminder DM is edited in place as its things are done, by the cycle of
 * its reminders. Duties and training are reminded 30 and 7 days before their due day and
 * then weekly while overdue: a DM lists a thing that may stay open for the month to its due
 * day and weeks after, so 90 days. Disposals and register reviews come back every week
 * and incident deadlines every 24 hours: a DM of more than 30 days ago has long been
 * followed by newer ones listing what is left. A press in an older DM is still answered as
 * any press is; the DM is just no longer edited. (The requests' morning reminder, every
 * business day, keeps two weeks: requests/jobs.ts.)
 */
export const TRACK_DAYS = { dueDates: 90, weekly: 30 } as const;

/**
 * The tracking rows of a job's reminders (keys `<prefix>:<slot, ISO>`) from more than
 * `days` before `at` go, so the table does not grow without end; how many went.
 */
export function forgetOldReminders(db: Tx, prefix: string, at: Date, days: number): Promise<number> {
  const before = new Date(at.getTime() - days * 86_400_000).toISOString();
  return forgetTrackedReminders(db, `${prefix}:`, `${prefix}:${before}`);
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
