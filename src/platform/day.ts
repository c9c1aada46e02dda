// Calendar days and the moments of a time zone, once for every feature (Temporal, through
// its polyfill). A day is the "YYYY-MM-DD" string the database's DATE columns, the date
// pickers and the messages already use; the functions here check, read and count them.
// Pure: no clock, no I/O.
import { Temporal } from "temporal-polyfill";

/** A calendar day, YYYY-MM-DD (in the company's time zone where it stands for "today"). */
export type Day = string;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

const plain = (day: Day) => Temporal.PlainDate.from(day);
const zoned = (at: Date, timeZone: string) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(timeZone);
const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const show = (d: Temporal.PlainDate): Day => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** A real calendar day written YYYY-MM-DD (2024-02-29 is one, 2026-02-30 is not). */
export function isDay(s: unknown): s is Day {
  if (typeof s !== "string" || !DAY_RE.test(s)) return false;
  try {
    Temporal.PlainDate.from(s, { overflow: "reject" });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar day typed as YYYY-MM-DD or YYYY/M/D (spaces around allowed); null otherwise. */
export function parseDay(text: string): Day | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const day = `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  return isDay(day) ? day : null;
}

/** The day of a moment in a time zone (today, given the clock's now). */
export function dayIn(at: Date, timeZone: string): Day {
  return show(zoned(at, timeZone).toPlainDate());
}

/** The time of day of a moment in a time zone, HH:MM (00:00-23:59). */
export function timeIn(at: Date, timeZone: string): string {
  const z = zoned(at, timeZone);
  return `${pad(z.hour)}:${pad(z.minute)}`;
}

/** The day of a moment in a time zone and the minute of that day (0-1439). */
export function dayAndMinuteIn(at: Date, timeZone: string): { day: Day; minute: number } {
  const ms = at.getTime();
  const offset = offsetMs(ms, timeZone);
  if (offset === undefined) {
    const z = zoned(at, timeZone);
    return { day: show(z.toPlainDate()), minute: z.hour * 60 + z.minute };
  }
  const local = new Date(ms + offset);
  return { day: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * A time zone's offset from UTC over the UTC day holding `ms`, when it is the same at both
 * ends of that day, remembered: a morning run asks the day of every open request, and a
 * Temporal object each is slow. Undefined where the day holds a change (the caller asks
 * Temporal); no zone of the time zone database changes twice and back within one day.
 */
function offsetMs(ms: number, timeZone: string): number | undefined {
  const start = Math.floor(ms / DAY_MS) * DAY_MS;
  const key = `${timeZone}|${start}`;
  if (offsets.has(key)) return offsets.get(key);
  const at = (t: number) => Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(timeZone).offsetNanoseconds / 1e6;
  const first = at(start);
  const offset = first === at(start + DAY_MS - 1) ? first : undefined;
  if (offsets.size >= 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}
const offsets = new Map<string, number | undefined>();

/** The year of a moment in a time zone (the year in a code such as PRV-2026-0001). */
export function yearIn(at: Date, timeZone: string): number {
  return zoned(at, timeZone).year;
}

/** The moment a day's local time HH:MM happens in a time zone. */
export function momentAt(day: Day, time: string, timeZone: string): Date {
  const z = Temporal.PlainDateTime.from(`${day}T${time}`, { overflow: "reject" }).toZonedDateTime(timeZone);
  return new Date(z.epochMilliseconds);
}

/** A day as a DATE column holds it (00:00 UTC of the day), and back. */
export const dayDate = (d: Day): Date => new Date(`${d}T00:00:00Z`);
export const dateDay = (d: Date): Day => d.toISOString().slice(0, 10);

/** The day `n` days after `day` (before it when `n` is negative). */
export function addDays(day: Day, n: number): Day {
  // ISO days are UTC days: plain arithmetic on the epoch is exact and, unlike a Temporal
  // object per step, cheap enough for loops over every request of a morning run
  const t = Date.parse(`${day}T00:00:00Z`) + n * DAY_MS;
  const out = Number.isNaN(t) ? "" : new Date(t).toISOString().slice(0, 10);
  return DAY_RE.test(out) ? out : show(plain(day).add({ days: n }));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Day, to: Day): number {
  const d = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;
  return Number.isInteger(d) ? d : plain(from).until(plain(to), { largestUnit: "days" }).days;
}

/**
 * The day `months` months after `day`, the day clamped to the end of a shorter month
 * (as PostgreSQL's date + interval: 2026-01-31 + 1 month = 2026-02-28).
 */
export function addMonths(day: Day, months: number): Day {
  return show(plain(day).add({ months }, { overflow: "constrain" }));
}

/** The day `years` years after `day` (29 February becomes 28 February in a common year). */
export const addYears = (day: Day, years: number): Day => addMonths(day, years * 12);
