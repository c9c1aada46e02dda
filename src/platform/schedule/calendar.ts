// The company's calendar: business days (not Saturday, Sunday, a Japanese public
// holiday or one of the company's own closed days), days counted in the company's time
// zone, and quiet hours when reminders wait for the morning. Pure: no clock, no I/O.
import holidayJp from "@holiday-jp/holiday_jp";
import { addDays, dayAndMinuteIn, daysBetween, type Day } from "../day.js";

export type { Day };

export interface CalendarOptions {
  timeZone: string;
  /** the company's own closed days (e.g. 年末年始), YYYY-MM-DD */
  closedDays?: Iterable<Day>;
  /** reminders are held from `start` until `end` the next morning, e.g. 20:00-08:00 */
  quietHours?: { start: string; end: string };
}

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

export class BusinessCalendar {
  readonly timeZone: string;
  private readonly closed: Set<Day>;
  private readonly quiet: { start: number; end: number };
  /** businessDaysSince by its pair of days (the answer depends on nothing else) */
  private readonly counted = new Map<string, number>();

  constructor(o: CalendarOptions) {
    this.timeZone = o.timeZone;
    this.closed = new Set(o.closedDays ?? []);
    this.quiet = { start: minutes(o.quietHours?.start ?? "20:00"), end: minutes(o.quietHours?.end ?? "08:00") };
  }

  /** The day and minute of the day of a moment, in the company's time zone. */
  local(at: Date): { day: Day; minute: number } {
    return dayAndMinuteIn(at, this.timeZone);
  }

  day(at: Date): Day {
    return this.local(at).day;
  }

  /** The moment a day's local time `hhmm` happens (time zones without DST, and Japan's). */
  at(day: Day, hhmm = "00:00"): Date {
    const guess = new Date(`${day}T${hhmm}:00Z`);
    const l = this.local(guess);
    const offsetMin = (Date.parse(`${l.day}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 60_000 + l.minute - minutes(hhmm);
    return new Date(guess.getTime() - offsetMin * 60_000);
  }

  holidayName(day: Day, lang: "ja" | "en" = "ja"): string | undefined {
    const h = (holidayJp.holidays as Record<string, { name: string; name_en: string }>)[day];
    return h ? (lang === "en" ? h.name_en : h.name) : undefined;
  }

  isBusinessDay(day: Day): boolean {
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (dow === 0 || dow === 6) return false;
    if (this.closed.has(day)) return false;
    return this.holidayName(day) === undefined;
  }

  static addDays(day: Day, n: number): Day {
    return addDays(day, n);
  }

  /** The business day `n` business days after `day` (n >= 0; 0 gives the next business day from `day` inclusive). */
  addBusinessDays(day: Day, n: number): Day {
    let d = day;
    while (!this.isBusinessDay(d)) d = BusinessCalendar.addDays(d, 1);
    for (let i = 0; i < n; i++) {
      d = BusinessCalendar.addDays(d, 1);
      while (!this.isBusinessDay(d)) d = BusinessCalendar.addDays(d, 1);
    }
    return d;
  }

  /**
   * Business days that have passed since `since`: the business days after the day of
   * `since`, up to and including the day of `now`. Filed on Friday, it is 1 on Monday;
   * filed the day before a public holiday, the holiday does not count.
   */
  businessDaysSince(since: Date, now: Date): number {
    const from = this.day(since);
    const to = this.day(now);
    // a morning run asks this for every open request: the same pairs of days again and again
    const key = `${from}|${to}`;
    const known = this.counted.get(key);
    if (known !== undefined) return known;
    let n = 0;
    for (let d = BusinessCalendar.addDays(from, 1); d <= to; d = BusinessCalendar.addDays(d, 1)) if (this.isBusinessDay(d)) n++;
    if (this.counted.size >= 10_000) this.counted.clear();
    this.counted.set(key, n);
    return n;
  }

  /**
   * The moment before which something must have started to have `n` business days
   * passed by `now` (businessDaysSince(since, now) >= n exactly when since < this).
   * For counting overdue items in the database with one comparison.
   */
  businessDaysCutoff(now: Date, n: number): Date {
    let d = this.day(now);
    for (let counted = 0; counted < n; d = BusinessCalendar.addDays(d, -1)) if (this.isBusinessDay(d)) counted++;
    // d: the last day whose starts have n business days by now
    return this.at(BusinessCalendar.addDays(d, 1), "00:00");
  }

  /** Whole calendar days from one day to another (negative when `to` is earlier). */
  static daysBetween(from: Day, to: Day): number {
    return daysBetween(from, to);
  }

  /** Quiet: outside working hours or on a day that is not a business day. */
  isQuiet(at: Date): boolean {
    const { day, minute } = this.local(at);
    if (!this.isBusinessDay(day)) return true;
    const { start, end } = this.quiet;
    return start > end ? minute >= start || minute < end : minute >= start && minute < end;
  }

  /** `at` itself when it is not quiet, otherwise the end of quiet hours on the next business day. */
  nextWorkingMoment(at: Date): Date {
    if (!this.isQuiet(at)) return at;
    const { day, minute } = this.local(at);
    const endHHMM = `${String(Math.floor(this.quiet.end / 60)).padStart(2, "0")}:${String(this.quiet.end % 60).padStart(2, "0")}`;
    // the same morning when it is a business day and the morning is still to come
    const first = this.isBusinessDay(day) && minute < this.quiet.end ? day : this.addBusinessDays(BusinessCalendar.addDays(day, 1), 0);
    return this.at(first, endHHMM);
  }
}
