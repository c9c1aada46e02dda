import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  dateDay,
  dayAndMinuteIn,
  dayDate,
  dayIn,
  daysBetween,
  isDay,
  momentAt,
  parseDay,
  timeIn,
  yearIn,
} from "../../src/platform/day.js";

describe("days", () => {
  it("knows the real calendar days, leap years included", () => {
    expect(isDay("2024-02-29")).toBe(true);
    expect(isDay("2000-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("1900-02-29")).toBe(false);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-04-31")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("2026-2-28")).toBe(false);
    expect(isDay("20260228")).toBe(false);
    expect(isDay("2026-02-28T00:00")).toBe(false);
    expect(isDay(20260228)).toBe(false);
  });

  it("reads a typed day with dashes or slashes, refusing 2/30", () => {
    expect(parseDay(" 2026/4/1 ")).toBe("2026-04-01");
    expect(parseDay("2026-04-01")).toBe("2026-04-01");
    expect(parseDay("2024/2/29")).toBe("2024-02-29");
    expect(parseDay("2026/2/30")).toBeNull();
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("April 1")).toBeNull();
  });

  it("adds months, the day clamped to a shorter month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2025-11-30", 12)).toBe("2026-11-30");
    expect(addMonths("2026-08-31", 6)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });

  it("adds and counts days across month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
  });

  it("gives the day and minute of a moment as Temporal does, across offset changes", () => {
    const zones = ["Asia/Tokyo", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"];
    // every 113 minutes through 2026's changes of offset (March, April, October, November)
    for (const zone of zones) {
      for (let t = Date.parse("2026-03-01T00:00:00Z"); t < Date.parse("2026-11-15T00:00:00Z"); t += 113 * 60_000) {
        const z = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone);
        const want = { day: z.toPlainDate().toString(), minute: z.hour * 60 + z.minute };
        expect(dayAndMinuteIn(new Date(t), zone), `${zone} ${new Date(t).toISOString()}`).toEqual(want);
      }
    }
  });

  it("counts days as Temporal does, for every day of four years and steps either way", () => {
    let day = "2023-12-25";
    for (let i = 0; i < 4 * 366; i++) {
      for (const n of [-400, -31, -1, 0, 1, 29, 365, 1000]) {
        const want = Temporal.PlainDate.from(day).add({ days: n }).toString();
        expect(addDays(day, n)).toBe(want);
        expect(daysBetween(day, want)).toBe(n);
      }
      day = addDays(day, 1);
    }
  });

  it("gives the day, time and year of a moment in a time zone (Tokyo turns at 15:00 UTC)", () => {
    expect(dayIn(new Date("2026-12-31T14:59:59Z"), "Asia/Tokyo")).toBe("2026-12-31");
    expect(dayIn(new Date("2026-12-31T15:00:00Z"), "Asia/Tokyo")).toBe("2027-01-01");
    expect(dayIn(new Date("2026-12-31T15:00:00Z"), "UTC")).toBe("2026-12-31");
    expect(yearIn(new Date("2026-12-31T14:59:59Z"), "Asia/Tokyo")).toBe(2026);
    expect(yearIn(new Date("2026-12-31T15:00:00Z"), "Asia/Tokyo")).toBe(2027);
    expect(timeIn(new Date("2026-12-31T15:05:00Z"), "Asia/Tokyo")).toBe("00:05");
    expect(timeIn(new Date("2026-06-01T14:59:00Z"), "Asia/Tokyo")).toBe("23:59");
  });

  it("finds the moment of a local day and time", () => {
    expect(momentAt("2027-01-01", "00:00", "Asia/Tokyo").toISOString()).toBe("2026-12-31T15:00:00.000Z");
    expect(momentAt("2026-04-01", "09:30", "Asia/Tokyo").toISOString()).toBe("2026-04-01T00:30:00.000Z");
    expect(() => momentAt("2026-02-30", "09:30", "Asia/Tokyo")).toThrow();
  });

  it("maps a day to a DATE column's value and back", () => {
    expect(dayDate("2026-04-01").toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(dateDay(new Date("2026-04-01T00:00:00Z"))).toBe("2026-04-01");
  });
});
