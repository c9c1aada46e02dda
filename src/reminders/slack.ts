// Slack handlers of the reminders feature: snoozing an item from a reminder DM edits
// that DM in place (the item loses its menu and says until when).
import type { App, BlockAction, OverflowAction } from "@slack/bolt";
import { formatDate } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { actionDeliveryKey, firstDeliveryBy } from "../platform/slack/actor.js";
import { messageUpdate } from "../platform/slack/calls.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import { snoozedDm } from "./blocks.js";
import { decodeSnooze, ReminderActions } from "./ids.js";
import { reminderMessages } from "./messages.js";
import { snooze } from "./snooze.js";
import type { BusinessCalendar } from "../platform/schedule/calendar.js";

export function registerReminderHandlers(app: App, s: Services, calendar: BusinessCalendar): void {
  app.action<BlockAction<OverflowAction>>(ReminderActions.itemMenu, async ({ ack, body, client, respond }) => {
    await ack();
    const action = body.actions[0]!;
    const delivery = await firstDeliveryBy(s, client, actionDeliveryKey(body), body.user.id);
    if (!delivery.first) return;
    const { actor } = delivery;
    const lang = actor?.lang ?? DEFAULT_LANG;
    const v = decodeSnooze(action.selected_option?.value);
    if (!v) {
      await respond({ response_type: "ephemeral", replace_original: false, text: reminderMessages(lang).snoozeUnknown });
      return;
    }
    const until = await snooze(s, calendar, body.user.id, v.item, v.days);
    s.log.info("reminder snoozed", { user: body.user.id, item: v.item, days: v.days });
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    const blocks = body.message?.blocks as unknown[] | undefined;
    if (!channel || !ts || !blocks) return;
    await s.database.prisma.$transaction(async (tx) => {
      await s.outbox.enqueue(tx, messageUpdate(`reminder:${body.user.id}`, channel, ts, { text: body.message?.text ?? "", blocks: snoozedDm(blocks, v.item, formatDate(new Date(until.getTime() - 1), lang, s.timeZone), lang) }));
    });
    s.outbox.kick();
  });
}
