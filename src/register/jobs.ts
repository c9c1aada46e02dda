// The register's annual review (規程 第23条, 第25条2項(1)①; a yearly review is the company's
// own practice, as the audit calendar's duties are): every Monday, one DM per owner listing
// the entries they own that were not reviewed in a year (or never), each with "Open" and
// "Mark reviewed". Each entry is reminded to its owner once per week it stays due (a notice
// per entry, owner and week, written in the transaction that queues the DM); a snoozed
// entry is left out until its snooze ends.
import { langsOf } from "../directory/store.js";
import { addDays } from "../platform/day.js";
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { reminderCall } from "../platform/slack/calls.js";
import { activeSnoozes } from "../reminders/snooze.js";
import { reminderDm } from "../reminders/blocks.js";
import { forgetOldReminders, TRACK_DAYS, trackReminder } from "../reminders/tracked.js";
import { reminderItemText } from "./blocks.js";
import { RegisterActions, registerItem } from "./ids.js";
import { registerMessages } from "./messages.js";
import { reviewDueEntries, type RegisterEntry } from "./store.js";

const TX = { maxWait: 10_000, timeout: 60_000 };

/** The Monday of the week of `day` (the notice key: one reminder per entry and week). */
function weekOf(day: string): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((wd + 6) % 7));
}

function reviewDm(entries: RegisterEntry[], lang: Lang) {
  const m = registerMessages(lang);
  const dm = reminderDm(
    m.reminder.intro(entries.length),
    [{ title: m.reminder.title(entries.length), items: entries.map((e) => ({ item: registerItem(e.id), text: reminderItemText(e, lang) })) }],
    lang,
  );
  // each entry's buttons, after the list (the list's items carry the snooze menu)
  const buttons = entries.slice(0, 12).map((e) => ({
    type: "actions",
    block_id: `reg-review-${e.id}`,
    elements: [
      { type: "button", text: { type: "plain_text", text: `${m.open} ${e.code}`.slice(0, 75) }, action_id: RegisterActions.open, value: e.id },
      { type: "button", text: { type: "plain_text", text: m.reviewed }, action_id: RegisterActions.reviewed, value: e.id, style: "primary" },
    ],
  }));
  const blocks = [...dm.blocks];
  const room = Math.max(0, 50 - blocks.length);
  blocks.push(...buttons.slice(0, room));
  return { text: dm.text, blocks };
}

export async function registerReviewReminders(ctx: JobContext): Promise<Record<string, unknown>> {
  const s = ctx.services;
  const now = s.clock.now();
  const today = ctx.calendar.day(ctx.slot);
  const db = s.database.prisma;
  const due = await reviewDueEntries(db, today);
  const snoozed = await activeSnoozes(db, now);
  const perOwner = new Map<string, RegisterEntry[]>();
  for (const e of due) {
    if (snoozed.has(`${e.ownerId}|${registerItem(e.id)}`)) continue;
    perOwner.set(e.ownerId, [...(perOwner.get(e.ownerId) ?? []), e]);
  }
  const notBefore = ctx.calendar.nextWorkingMoment(now);
  const langs = await langsOf(db, [...perOwner.keys()]);
  const week = weekOf(today);
  let dms = 0;
  let items = 0;
  for (const owner of [...perOwner.keys()].sort()) {
    const entries = perOwner.get(owner)!;
    await db.$transaction(async (tx) => {
      const keys = entries.map((e) => `register.review:${e.id}:${week}:${owner}`);
      const fresh = await ctx.notices(tx, keys);
      const send = entries.filter((_, i) => fresh.has(keys[i]!));
      if (send.length === 0) return;
      // tracked: an entry reviewed (from this DM, its post or Home) loses its menu and 「確認済み」 here (reminders/tracked.ts)
      const call = reminderCall(owner, reviewDm(send, langs.get(owner) ?? DEFAULT_LANG), notBefore);
      await s.outbox.enqueue(tx, await trackReminder(tx, now, `register.review:${ctx.slot.toISOString()}`, owner, call));
      dms++;
      items += send.length;
    }, TX);
  }
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, "register.review", ctx.slot, TRACK_DAYS.weekly);
  return { dms, items, due: due.length, ...(untracked ? { untracked } : {}) };
}

export const registerJobs: Job[] = [
  {
    name: "register.review",
    schedule: "30 9 * * 1",
    description: registerMessages(DEFAULT_LANG).job,
    run: (ctx) => registerReviewReminders(ctx),
  },
];
