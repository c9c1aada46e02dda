// The annual audit and plan calendar's rules without Slack or a database: fiscal years
// (April and January starts, days around the year boundary), the default due dates,
// effective due dates on days off, statuses, the reminder stages, the closing inputs.
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import {
  checkDone,
  defaultDueOn,
  defaultPlan,
  DUTIES,
  DUTY_KINDS,
  dutyStatus,
  effectiveDue,
  endOfFiscalMonth,
  fiscalYearOf,
  fiscalYearRange,
  isDay,
  mayChangeDue,
  registerReviewBlocks,
  mayClose,
  parseDutyKind,
  reminderStage,
} from "../../src/duties/rules.js";

const cal = new BusinessCalendar({ timeZone: "Asia/Tokyo" });
const closed = new BusinessCalendar({ timeZone: "Asia/Tokyo", closedDays: ["2026-12-29", "2026-12-30", "2026-12-31"] });

describe("fiscal years", () => {
  it("start in April by default: 31 March belongs to the year before, 1 April to the new one", () => {
    expect(fiscalYearOf("2026-03-31", 4)).toBe(2025);
    expect(fiscalYearOf("2026-04-01", 4)).toBe(2026);
    expect(fiscalYearOf("2026-12-31", 4)).toBe(2026);
    expect(fiscalYearOf("2027-01-01", 4)).toBe(2026);
    expect(fiscalYearOf("2027-03-31", 4)).toBe(2026);
    expect(fiscalYearRange(2026, 4)).toEqual({ start: "2026-04-01", end: "2027-03-31" });
  });

  it("with a January start the fiscal year is the calendar year", () => {
    expect(fiscalYearOf("2026-12-31", 1)).toBe(2026);
    expect(fiscalYearOf("2027-01-01", 1)).toBe(2027);
    expect(fiscalYearRange(2027, 1)).toEqual({ start: "2027-01-01", end: "2027-12-31" });
  });

  it("with an October start, and a leap year's end of February", () => {
    expect(fiscalYearOf("2026-09-30", 10)).toBe(2025);
    expect(fiscalYearOf("2026-10-01", 10)).toBe(2026);
    expect(fiscalYearRange(2026, 10)).toEqual({ start: "2026-10-01", end: "2027-09-30" });
    expect(fiscalYearRange(2027, 3)).toEqual({ start: "2027-03-01", end: "2028-02-29" });
  });

  it("counts months of the fiscal year across the calendar year", () => {
    expect(endOfFiscalMonth(2026, 4, 1)).toBe("2026-04-30");
    expect(endOfFiscalMonth(2026, 4, 9)).toBe("2026-12-31");
    expect(endOfFiscalMonth(2026, 4, 10)).toBe("2027-01-31");
    expect(endOfFiscalMonth(2027, 4, 11)).toBe("2028-02-29");
    expect(endOfFiscalMonth(2026, 1, 12)).toBe("2026-12-31");
  });
});

describe("the six duties and their default due dates", () => {
  it("each has its articles, its owner role and a due date in rule order, inside the year", () => {
    expect(DUTY_KINDS).toEqual(["protection-plan", "audit-plan", "audit", "audit-report", "register-review", "rule-review"]);
    expect(DUTIES["protection-plan"]).toMatchObject({ articles: "第25条", owner: "chief" });
    expect(DUTIES["audit-plan"]).toMatchObject({ articles: "第29条", owner: "auditor" });
    expect(DUTIES.audit).toMatchObject({ articles: "第30条1項・第21条2項", owner: "auditor" });
    expect(DUTIES["audit-report"]).toMatchObject({ articles: "第30条2項・第21条2項", owner: "auditor" });
    expect(DUTIES["rule-review"]).toMatchObject({ articles: "第26条", owner: "chief" });
    // the register's review: 第23条1項 (the procedure maintained), yearly as the company's practice
    expect(DUTIES["register-review"]).toMatchObject({ articles: "第23条1項", owner: "chief", practice: true });
    expect(DUTIES["rule-review"].practice).toBeUndefined();
    for (const [fy, start] of [
      [2026, 4],
      [2027, 1],
      [2026, 10],
    ] as const) {
      const plan = defaultPlan(fy, start);
      const { start: first, end: last } = fiscalYearRange(fy, start);
      const dues = plan.map((p) => p.dueOn);
      expect([...dues].sort()).toEqual(dues);
      for (const d of dues) expect(d >= first && d <= last).toBe(true);
      expect(dues.at(-1)).toBe(last);
    }
  });

  it("April start: 30 April, 31 May, 31 January, end of February (twice), 31 March", () => {
    expect(defaultPlan(2026, 4)).toEqual([
      { kind: "protection-plan", dueOn: "2026-04-30", ownerRole: "chief" },
      { kind: "audit-plan", dueOn: "2026-05-31", ownerRole: "auditor" },
      { kind: "audit", dueOn: "2027-01-31", ownerRole: "auditor" },
      { kind: "audit-report", dueOn: "2027-02-28", ownerRole: "auditor" },
      { kind: "register-review", dueOn: "2027-02-28", ownerRole: "chief" },
      { kind: "rule-review", dueOn: "2027-03-31", ownerRole: "chief" },
    ]);
    expect(defaultDueOn("audit-report", 2027, 4)).toBe("2028-02-29");
  });

  it("January start: 31 January, end of February, 31 October, 30 November (twice), 31 December", () => {
    expect(defaultPlan(2027, 1).map((p) => p.dueOn)).toEqual(["2027-01-31", "2027-02-28", "2027-10-31", "2027-11-30", "2027-11-30", "2027-12-31"]);
  });

  it("kinds are typed in full or short", () => {
    expect(parseDutyKind("audit-plan")).toBe("audit-plan");
    expect(parseDutyKind("AuditPlan")).toBe("audit-plan");
    expect(parseDutyKind("plan")).toBe("protection-plan");
    expect(parseDutyKind("report")).toBe("audit-report");
    expect(parseDutyKind("review")).toBe("rule-review");
    expect(parseDutyKind("register")).toBe("register-review");
    expect(parseDutyKind("register-review")).toBe("register-review");
    expect(parseDutyKind("budget")).toBeNull();
    expect(parseDutyKind(undefined)).toBeNull();
  });
});

describe("effective due dates, statuses and reminders", () => {
  it("a due date on a weekend or a public holiday is due the business day before", () => {
    expect(effectiveDue(cal, "2026-05-31")).toBe("2026-05-29"); // Sunday -> Friday
    expect(effectiveDue(cal, "2026-11-23")).toBe("2026-11-20"); // 勤労感謝の日 (Monday) -> Friday
    expect(effectiveDue(cal, "2027-01-01")).toBe("2026-12-31"); // 元日
    expect(effectiveDue(closed, "2027-01-01")).toBe("2026-12-28"); // and the company's closed days
    expect(effectiveDue(cal, "2026-04-30")).toBe("2026-04-30");
  });

  it("status: open, due soon within 30 days, overdue after the effective due date, done", () => {
    const d = { dueOn: "2026-05-31", closedOn: null };
    expect(dutyStatus(cal, d, "2026-04-01")).toEqual({ status: "open", days: 58 });
    expect(dutyStatus(cal, d, "2026-04-29")).toEqual({ status: "due_soon", days: 30 });
    expect(dutyStatus(cal, d, "2026-05-29")).toEqual({ status: "due_soon", days: 0 });
    expect(dutyStatus(cal, d, "2026-05-30")).toEqual({ status: "overdue", days: 1 });
    expect(dutyStatus(cal, { ...d, closedOn: "2026-05-20" }, "2026-06-30")).toEqual({ status: "done", closedOn: "2026-05-20" });
  });

  it("30 and 7 days before: on the business day before when that day is a weekend or a holiday", () => {
    // due Wednesday 2026-12-23: 30 days before is 勤労感謝の日 (Mon 11-23), after a weekend
    expect(reminderStage(cal, "2026-12-23", "2026-11-19")).toBeNull();
    expect(reminderStage(cal, "2026-12-23", "2026-11-20")).toEqual({ stage: "30d", key: "30d", days: 33 });
    expect(reminderStage(cal, "2026-12-23", "2026-11-24")).toMatchObject({ key: "30d" });
    expect(reminderStage(cal, "2026-12-23", "2026-12-15")).toMatchObject({ key: "30d" });
    expect(reminderStage(cal, "2026-12-23", "2026-12-16")).toEqual({ stage: "7d", key: "7d", days: 7 });
    // due Friday 2027-01-08: 7 days before is 元日; the reminder goes on 12-31 (12-28 with closed days)
    expect(reminderStage(cal, "2027-01-08", "2026-12-30")).toMatchObject({ key: "30d" });
    expect(reminderStage(cal, "2027-01-08", "2026-12-31")).toEqual({ stage: "7d", key: "7d", days: 8 });
    expect(reminderStage(closed, "2027-01-08", "2026-12-28")).toMatchObject({ key: "7d", days: 11 });
    // the due date on a Sunday counts from the Friday before (05-29); 30 days before it is 昭和の日
    expect(reminderStage(cal, "2026-05-31", "2026-04-28")).toEqual({ stage: "30d", key: "30d", days: 31 });
    expect(reminderStage(cal, "2026-05-31", "2026-04-27")).toBeNull();
  });

  it("overdue: weekly from the day after the effective due date", () => {
    // due Friday 2027-01-08; Monday 01-11 is 成人の日
    expect(reminderStage(cal, "2027-01-08", "2027-01-08")).toMatchObject({ key: "7d", days: 0 });
    expect(reminderStage(cal, "2027-01-08", "2027-01-12")).toEqual({ stage: "overdue", key: "overdue-0", days: 4 });
    expect(reminderStage(cal, "2027-01-08", "2027-01-15")).toMatchObject({ key: "overdue-0" });
    expect(reminderStage(cal, "2027-01-08", "2027-01-18")).toMatchObject({ key: "overdue-1", days: 10 });
    expect(reminderStage(cal, "2027-01-08", "2027-01-25")).toMatchObject({ key: "overdue-2" });
  });
});

describe("closing a duty", () => {
  const ok = { closedOn: "2026-11-02", documentUrl: "https://docs.example.co.jp/board/2026-05-28.pdf", note: "" };
  it("needs a date not in the future and an https link", () => {
    expect(checkDone(ok, "2026-11-02")).toEqual({ ok: true, closedOn: "2026-11-02", documentUrl: ok.documentUrl, note: null });
    expect(checkDone({ ...ok, note: "  取締役会 5/28  " }, "2026-11-02")).toMatchObject({ ok: true, note: "取締役会 5/28" });
    const bad = (x: Partial<typeof ok>) => {
      const r = checkDone({ ...ok, ...x }, "2026-11-02");
      return r.ok ? {} : r.problems;
    };
    expect(bad({ closedOn: "" })).toEqual({ closedOn: "date_missing" });
    expect(bad({ closedOn: "2026-02-30" })).toEqual({ closedOn: "date_invalid" });
    expect(bad({ closedOn: "2026-11-03" })).toEqual({ closedOn: "date_future" });
    expect(bad({ documentUrl: "" })).toEqual({ documentUrl: "link_missing" });
    expect(bad({ documentUrl: "http://docs.example.co.jp/a.pdf" })).toEqual({ documentUrl: "link_not_https" });
    expect(bad({ documentUrl: "監査報告書.pdf" })).toEqual({ documentUrl: "link_not_https" });
    expect(bad({ documentUrl: "https://" })).toEqual({ documentUrl: "link_invalid" });
    expect(bad({ documentUrl: `https://x.example/${"a".repeat(2000)}` })).toEqual({ documentUrl: "link_too_long" });
    expect(bad({ note: "あ".repeat(1001) })).toEqual({ note: "note_too_long" });
  });

  it("the owner role closes and changes due dates; the audit lead's duties never the chief (第21条)", () => {
    expect(mayClose(["auditor"], "auditor")).toBe(true);
    expect(mayClose(["chief"], "auditor")).toBe(false); // the audited does not close the audit
    expect(mayClose(["chief"], "chief")).toBe(true);
    expect(mayClose(["deputyChief", "compliance"], "chief")).toBe(false);
    expect(mayClose(["auditor"], "chief")).toBe(false);
    expect(mayChangeDue(["chief"], "rule-review")).toBe(true);
    expect(mayChangeDue(["chief"], "protection-plan")).toBe(true);
    expect(mayChangeDue(["auditor", "admin"], "rule-review")).toBe(false);
    for (const kind of ["audit-plan", "audit", "audit-report"] as const) {
      expect(mayChangeDue(["auditor"], kind)).toBe(true);
      expect(mayChangeDue(["chief"], kind)).toBe(false); // the audited does not schedule the audit
      expect(mayChangeDue(["deputyChief", "admin"], kind)).toBe(false);
    }
    expect(isDay("2026-02-28") && !isDay("2026-2-28") && !isDay("2026-13-01")).toBe(true);
  });
});

describe("the register's review is closed only with every entry reviewed within the year", () => {
  it("blocks the register's review while entries are left, and no other duty", () => {
    expect(registerReviewBlocks("register-review", 3)).toBe(true);
    expect(registerReviewBlocks("register-review", 0)).toBe(false);
    expect(registerReviewBlocks("rule-review", 3)).toBe(false);
    expect(registerReviewBlocks("protection-plan", 1)).toBe(false);
  });
});
