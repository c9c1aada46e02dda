// The company calendar: business days skip weekends, Japanese public holidays and the
// company's own closed days; quiet hours hold reminders until the next working morning.
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";

const cal = new BusinessCalendar({ timeZone: "Asia/Tokyo", closedDays: ["2026-12-29", "2026-12-30", "2026-12-31"] });
const jst = (s: string) => new Date(`${s}+09:00`);

describe("business days", () => {
  it("skips Saturdays, Sundays, public holidays (from @holiday-jp) and the company's closed days", () => {
    expect(cal.isBusinessDay("2026-11-20")).toBe(true); // Friday
    expect(cal.isBusinessDay("2026-11-21")).toBe(false); // Saturday
    expect(cal.isBusinessDay("2026-11-22")).toBe(false); // Sunday
    expect(cal.isBusinessDay("2026-11-23")).toBe(false); // 勤労感謝の日 (Monday)
    expect(cal.holidayName("2026-11-23")).toBe("勤労感謝の日");
    expect(cal.isBusinessDay("2026-11-24")).toBe(true);
    expect(cal.isBusinessDay("2026-12-29")).toBe(false); // closed by the company
    expect(cal.isBusinessDay("2026-09-22")).toBe(false); // 国民の休日 between two holidays
  });

  it("counts business days passed since a moment, in Tokyo's days", () => {
    // filed Friday 2026-11-20 18:00 JST: Saturday, Sunday and the Monday holiday do not count
    const filed = jst("2026-11-20T18:00:00");
    expect(cal.businessDaysSince(filed, jst("2026-11-23T09:00:00"))).toBe(0);
    expect(cal.businessDaysSince(filed, jst("2026-11-24T09:00:00"))).toBe(1);
    expect(cal.businessDaysSince(filed, jst("2026-11-25T09:00:00"))).toBe(2);
    expect(cal.businessDaysSince(filed, jst("2026-11-27T09:00:00"))).toBe(4);
    expect(cal.businessDaysSince(filed, jst("2026-11-30T09:00:00"))).toBe(5);
    // 23:30 UTC on the 19th is already the 20th in Tokyo
    expect(cal.day(new Date("2026-11-19T23:30:00Z"))).toBe("2026-11-20");
    // across the year end: 12/28 (Mon) then closed 29-31, 1/1 holiday, 1/2-1/3 weekend
    expect(cal.businessDaysSince(jst("2026-12-28T10:00:00"), jst("2027-01-04T09:00:00"))).toBe(1);
  });

  it("adds business days", () => {
    expect(cal.addBusinessDays("2026-11-20", 1)).toBe("2026-11-24");
    expect(cal.addBusinessDays("2026-11-21", 0)).toBe("2026-11-24");
    expect(cal.addBusinessDays("2026-12-25", 2)).toBe("2027-01-04"); // 12/28, then closed days, 元日 and a weekend
  });
});

describe("quiet hours (default 20:00-08:00 and days off)", () => {
  it("knows when it is quiet", () => {
    expect(cal.isQuiet(jst("2026-11-24T09:00:00"))).toBe(false);
    expect(cal.isQuiet(jst("2026-11-24T19:59:00"))).toBe(false);
    expect(cal.isQuiet(jst("2026-11-24T20:00:00"))).toBe(true);
    expect(cal.isQuiet(jst("2026-11-25T07:59:00"))).toBe(true);
    expect(cal.isQuiet(jst("2026-11-21T12:00:00"))).toBe(true); // Saturday noon
  });

  it("holds until the next working morning", () => {
    expect(cal.nextWorkingMoment(jst("2026-11-24T10:00:00"))).toEqual(jst("2026-11-24T10:00:00"));
    expect(cal.nextWorkingMoment(jst("2026-11-24T22:00:00"))).toEqual(jst("2026-11-25T08:00:00"));
    expect(cal.nextWorkingMoment(jst("2026-11-25T06:00:00"))).toEqual(jst("2026-11-25T08:00:00"));
    // Friday night waits past the weekend and the Monday holiday
    expect(cal.nextWorkingMoment(jst("2026-11-20T21:00:00"))).toEqual(jst("2026-11-24T08:00:00"));
    const custom = new BusinessCalendar({ timeZone: "Asia/Tokyo", quietHours: { start: "18:30", end: "09:15" } });
    expect(custom.nextWorkingMoment(jst("2026-11-24T18:30:00"))).toEqual(jst("2026-11-25T09:15:00"));
  });
});

describe("business-day cutoffs (for counting overdue items in the database)", () => {
  it("agrees with businessDaysSince around a weekend and a holiday", () => {
    const now = jst("2026-11-27T09:00:00"); // Friday after 勤労感謝の日
    for (const n of [0, 1, 2, 3, 5, 10]) {
      const cut = cal.businessDaysCutoff(now, n);
      expect(cal.businessDaysSince(new Date(cut.getTime() - 1), now)).toBeGreaterThanOrEqual(n);
      expect(cal.businessDaysSince(cut, now)).toBeLessThan(n === 0 ? 1 : n);
    }
    expect(cal.businessDaysCutoff(now, 2)).toEqual(jst("2026-11-26T00:00:00")); // started by Wednesday: Thursday, Friday
    expect(cal.businessDaysCutoff(now, 3)).toEqual(jst("2026-11-25T00:00:00"));
    expect(cal.businessDaysCutoff(now, 4)).toEqual(jst("2026-11-24T00:00:00")); // the holiday and the weekend do not count
  });
});
