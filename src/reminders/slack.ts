// Slack handlers of the reminders feature: snoozing an item from a reminder DM edits
// that DM in place (the item loses its menu and says until when).
import type { Actor } from "../directory/actor.js";
import { DEFAULT_LANG, formatDate } from "../platform/i18n.js";
import { press, type HandlerDef, type PressContext } from "../platform/slack/handlers.js";
import { snoozedDm } from "./blocks.js";
import { ReminderActions, snoozeValue } from "./ids.js";
import { reminderMessages } from "./messages.js";
import { snooze } from "./snooze.js";
import { messageUpdate } from "../platform/slack/calls.js";
import { trackedReminderAt } from "../platform/slack/trackedDm.js";

/** 「1日後に再通知」/「3日後に再通知」 on an item: snoozed, and the DM edited in place. */
export async function snoozeItem(c: PressContext<{ days: number; item: string }, Actor | null>): Promise<void> {
  const { s, body, value: v } = c;
  const lang = c.actor?.lang ?? DEFAULT_LANG;
  const until = await snooze(s, s.calendar!, body.user.id, v.item, v.days);
  s.log.info("reminder snoozed", { user: body.user.id, item: v.item, days: v.days });
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  const blocks = body.message?.blocks as unknown[] | undefined;
  if (!channel || !ts || !blocks) return;
  const untilText = formatDate(new Date(until.getTime() - 1), lang, s.timeZone);
  await s.database.prisma.$transaction(async (tx) => {
    // a tracked reminder (edited as its things are done, platform/slack/trackedDm.ts) is
    // edited from its stored body, which keeps the snooze for the edits after it
    const tracked = await trackedReminderAt(tx, body.user.id, channel, ts);
    if (tracked) {
      const sent = tracked.body;
      await s.outbox.enqueue(tx, await tracked.save({ text: sent.text, blocks: snoozedDm(sent.blocks ?? [], v.item, untilText, lang) }));
      return;
    }
    await s.outbox.enqueue(
      tx,
      messageUpdate(`reminder:${body.user.id}`, channel, ts, { text: body.message?.text ?? "", blocks: snoozedDm(blocks, v.item, untilText, lang) }),
    );
  });
  s.outbox.kick();
}

/** The reminder DM's menu; someone missing from the directory may snooze too. */
export const reminderHandlers: readonly HandlerDef[] = [
  press(ReminderActions.itemMenu, { value: snoozeValue, anyone: true, invalid: ({ lang }) => reminderMessages(lang).snoozeUnknown }, snoozeItem),
];
