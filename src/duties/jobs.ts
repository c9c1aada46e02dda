// The annual audit and plan calendar's scheduled job: each business morning, make sure
// the fiscal year's duties exist (and next year's, two months ahead, so the chief can
// set its dates before it starts), then one DM per owner with every duty that reached a
// reminder: 30 and 7 days before the effective due date, and weekly once overdue (see
// rules.ts). Each reminder goes to each person once (a notice per duty, due date, stage
// and person, written in the transaction that queues the DM); a snoozed duty is left out
// and reminded at the first run after the snooze.
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import { reminderCall } from "../platform/slack/calls.js";
import { messageLink } from "../platform/services.js";
import { BusinessCalendar } from "../platform/schedule/calendar.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { langsOf } from "../directory/store.js";
import { reminderDm, type ReminderSection } from "../reminders/blocks.js";
import { forgetOldReminders, TRACK_DAYS, trackReminder } from "../reminders/tracked.js";
import { activeSnoozes } from "../reminders/snooze.js";
import { dueText, dutyNotes, dutyTitle, type RegisterReviewState } from "./blocks.js";
import { ensureYear } from "./flows.js";
import { dutyItem } from "./ids.js";
import { dutyMessages } from "./messages.js";
import { fiscalYearOf, fiscalYearRange, reminderStage, type ReminderStage } from "./rules.js";
import { getYears, openDuties, ownersByRole, registerReviewState, type DutyRow, type YearRow } from "./store.js";

const TX = { maxWait: 10_000, timeout: 60_000 };
/** next fiscal year's duties are created this many days before it starts */
export const PREPARE_NEXT_YEAR_DAYS = 60;

interface Item {
  duty: DutyRow;
  stage: ReminderStage;
  /** nobody holds the owner role: the chief is told instead */
  ownerMissing: boolean;
  key: string;
}

export async function dutiesReminders(ctx: JobContext): Promise<Record<string, unknown>> {
  const { calendar, settings, services: s } = ctx;
  const today = calendar.day(ctx.slot);
  const now = s.clock.now();
  if (!calendar.isBusinessDay(today)) return { skipped: "not a business day" };
  const db = s.database.prisma;

  const fy = fiscalYearOf(today, settings.fiscalYearStartMonth);
  const opened: number[] = [];
  if (await ensureYear(s, fy)) opened.push(fy);
  if (
    BusinessCalendar.daysBetween(today, fiscalYearRange(fy + 1, settings.fiscalYearStartMonth).start) <= PREPARE_NEXT_YEAR_DAYS &&
    (await ensureYear(s, fy + 1))
  )
    opened.push(fy + 1);

  const open = await openDuties(db);
  const owners = await ownersByRole(db);
  const chiefs = owners.get("chief") ?? [];
  const perPerson = new Map<string, Item[]>();
  for (const d of open) {
    const stage = reminderStage(calendar, d.dueOn, today);
    if (!stage) continue;
    const holders = owners.get(d.ownerRole) ?? [];
    const ownerMissing = holders.length === 0;
    for (const p of ownerMissing ? chiefs : holders) {
      const l = perPerson.get(p) ?? [];
      // the due date is in the key: a moved due date starts its reminders afresh
      l.push({ duty: d, stage, ownerMissing, key: `duties.reminder:${d.id}:${d.dueOn}:${stage.key}:${p}` });
      perPerson.set(p, l);
    }
  }

  // quiet hours: what is computed at night or on a day off waits for the morning
  const notBefore = calendar.nextWorkingMoment(now);
  const snoozed = await activeSnoozes(db, now);
  const years = await getYears(db, [...new Set(open.map((d) => d.fiscalYear))]);
  const langs = await langsOf(db, [...perPerson.keys()]);
  // the register's review says how many entries are left to review (read once, only when it is reminded)
  const register = open.some((d) => d.kind === "register-review") ? await registerReviewState(db, today) : undefined;

  let dms = 0;
  let items = 0;
  let snoozedItems = 0;
  for (const p of [...perPerson.keys()].sort()) {
    const all = perPerson.get(p)!;
    // a snoozed duty's notice is not written: it is reminded after the snooze
    const due = all.filter((i) => !snoozed.has(`${p}|${dutyItem(i.duty.id)}`));
    snoozedItems += all.length - due.length;
    if (due.length === 0) continue;
    await db.$transaction(async (tx) => {
      const fresh = await ctx.notices(
        tx,
        due.map((i) => i.key),
      );
      const send = due.filter((i) => fresh.has(i.key));
      if (send.length === 0) return;
      const lang = langs.get(p) ?? DEFAULT_LANG;
      // tracked: a duty recorded as done loses its menu in this DM (reminders/tracked.ts)
      await s.outbox.enqueue(
        tx,
        await trackReminder(tx, now, `duties.reminder:${ctx.slot.toISOString()}`, p, reminderCall(p, personDm(ctx, send, years, register, lang), notBefore)),
      );
      dms++;
      items += send.length;
    }, TX);
  }
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, "duties.reminder", ctx.slot, TRACK_DAYS.dueDates);
  return {
    dms,
    items,
    open: open.length,
    snoozedItems,
    ...(untracked ? { untracked } : {}),
    ...(opened.length ? { opened } : {}),
    heldUntil: notBefore > now ? notBefore.toISOString() : undefined,
  };
}

function personDm(ctx: JobContext, items: Item[], years: Map<number, YearRow>, register: RegisterReviewState | undefined, lang: Lang) {
  const m = dutyMessages(lang);
  const text = (i: Item) => {
    const y = years.get(i.duty.fiscalYear);
    const title = dutyTitle(i.duty, lang);
    const linked = y?.channelId && y.messageTs ? `<${messageLink(ctx.services, y.channelId, y.messageTs)}|${title}>` : title;
    const when = i.stage.stage === "overdue" ? m.daysOver(i.stage.days) : m.daysLeft(i.stage.days);
    const missing = i.ownerMissing ? m.ownerMissing(m.owner[i.duty.ownerRole] ?? i.duty.ownerRole) : "";
    const item = m.reminderItem(linked, dueText(ctx.calendar, i.duty.dueOn, lang), when, m.howTo(i.duty.kind), missing);
    return [item, ...dutyNotes(i.duty, register, lang)].join("\n");
  };
  const overdue = items.filter((i) => i.stage.stage === "overdue").sort((a, b) => b.stage.days - a.stage.days);
  const soon = items.filter((i) => i.stage.stage !== "overdue").sort((a, b) => a.stage.days - b.stage.days);
  const sections: ReminderSection[] = [
    { title: m.overdueTitle(overdue.length), items: overdue.map((i) => ({ item: dutyItem(i.duty.id), text: text(i) })) },
    { title: m.soonTitle(soon.length), items: soon.map((i) => ({ item: dutyItem(i.duty.id), text: text(i) })) },
  ];
  return reminderDm(m.reminderIntro(items.length), sections, lang);
}

export function createDutyJobs(): Job[] {
  return [
    {
      name: "duties.reminders",
      schedule: "15 9 * * 1-5",
      description: {
        ja: "年間の監査・計画（第21条2項・第23・25・26・29・30条）の期限30日前・7日前と期限超過（毎週）を担当者ごとに1通のDMで通知",
        en: "one DM per owner with annual audit and plan duties (with the register's review) due in 30 or 7 days, and weekly once overdue",
      },
      run: (ctx) => dutiesReminders(ctx),
    },
  ];
}

export const dutyJobs: Job[] = createDutyJobs();
