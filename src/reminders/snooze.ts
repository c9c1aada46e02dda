// Snoozes: a person puts off the reminders about one item for 1 or 3 days.
import type { Services } from "../platform/services.js";
import type { Db, Tx } from "../platform/db.js";
import { BusinessCalendar } from "../platform/schedule/calendar.js";

/**
 * Until when a snooze of `days` business days pressed at `now` holds: the reminders of
 * the next `days` business days leave the item out; it is back the business day after.
 */
export function snoozeUntil(calendar: BusinessCalendar, now: Date, days: number): Date {
  const back = calendar.addBusinessDays(BusinessCalendar.addDays(calendar.day(now), 1), days);
  return calendar.at(back, "00:00");
}

export async function snooze(s: Services, calendar: BusinessCalendar, personId: string, item: string, days: number): Promise<Date> {
  const now = s.clock.now();
  const until = snoozeUntil(calendar, now, days);
  await s.database.prisma.snooze.upsert({
    where: { personId_item: { personId, item } },
    create: { personId, item, until, createdAt: now },
    update: { until, createdAt: now },
  });
  return until;
}

/** "personId|item" of every snooze still running at `at`. */
export async function activeSnoozes(q: Db | Tx, at: Date, personIds?: string[]): Promise<Set<string>> {
  const rows = await q.snooze.findMany({
    where: { until: { gt: at }, ...(personIds ? { personId: { in: personIds } } : {}) },
    select: { personId: true, item: true },
  });
  return new Set(rows.map((r) => `${r.personId}|${r.item}`));
}
