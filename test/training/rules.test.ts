// The rules of annual training without Slack or a database: validity, due days,
// which reminder a business morning calls for, and what typed input must look like.
import { describe, expect, it } from "vitest";
import {
  addMonths,
  checkPeople,
  courseState,
  dueOn,
  expiresOn,
  inAudience,
  parseCompletionCsv,
  parseDay,
  parseEvidence,
  reminderDue,
  reminderKey,
  splitCsvLine,
} from "../../src/training/rules.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";

const COURSES = ["basic", "manager", "handler"];

describe("validity and due days", () => {
  it("adds months like PostgreSQL (month ends clamp)", () => {
    expect(addMonths("2025-11-30", 12)).toBe("2026-11-30");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("a completion is valid for the course's months; a course never done is due 30 days after it became required", () => {
    expect(expiresOn("2025-11-30", { validityMonths: 12 })).toBe("2026-11-30");
    expect(expiresOn("2025-11-30", { validityMonths: 6 })).toBe("2026-05-30");
    expect(dueOn({ lastCompletedOn: "2025-11-30", requiredSince: "2020-01-01", validityMonths: 12 })).toBe("2026-11-30");
    expect(dueOn({ lastCompletedOn: null, requiredSince: "2026-10-30", validityMonths: 12 })).toBe("2026-11-29");
  });

  it("states: valid, expiring within 30 days, overdue the day after the due day, never done", () => {
    expect(courseState({ lastCompletedOn: "2025-11-30", due: "2026-11-30", today: "2026-10-30" })).toBe("valid");
    expect(courseState({ lastCompletedOn: "2025-11-30", due: "2026-11-30", today: "2026-10-31" })).toBe("expiring");
    expect(courseState({ lastCompletedOn: "2025-11-30", due: "2026-11-30", today: "2026-11-30" })).toBe("expiring");
    expect(courseState({ lastCompletedOn: "2025-11-30", due: "2026-11-30", today: "2026-12-01" })).toBe("overdue");
    expect(courseState({ lastCompletedOn: null, due: "2026-11-29", today: "2026-11-01" })).toBe("never");
    expect(courseState({ lastCompletedOn: null, due: "2026-11-29", today: "2026-11-30" })).toBe("overdue");
  });

  it("audiences: everyone; managers (plain or of another department); handlers", () => {
    expect(inAudience("all", [])).toBe(true);
    expect(inAudience("manager", ["manager"])).toBe(true);
    expect(inAudience("manager", ["manager:sales"])).toBe(true);
    expect(inAudience("manager", ["handler"])).toBe(false);
    expect(inAudience("handler", ["handler", "admin"])).toBe(true);
  });
});

describe("reminder thresholds", () => {
  const due = "2026-11-30"; // 30 days before: Saturday 10/31; 7 days before: 勤労感謝の日 (Monday 11/23)
  const cal = new BusinessCalendar({ timeZone: "Asia/Tokyo" });

  it("nothing with more than 30 days left; 30d from 30 days; 7d from 7 days; overdue from the next day", () => {
    expect(reminderDue(due, "2026-10-30")).toBeNull();
    expect(reminderDue(due, "2026-10-31")).toMatchObject({ threshold: "30d", daysLeft: 30 });
    expect(reminderDue(due, "2026-11-22")).toMatchObject({ threshold: "30d", daysLeft: 8 });
    expect(reminderDue(due, "2026-11-23")).toMatchObject({ threshold: "7d", daysLeft: 7 });
    expect(reminderDue(due, "2026-11-30")).toMatchObject({ threshold: "7d", daysLeft: 0 });
    expect(reminderDue(due, "2026-12-01")).toMatchObject({ threshold: "overdue", daysLeft: -1 });
  });

  it("the same key on every day of a threshold, so a crossing on a weekend or holiday goes out on the next business day, once", () => {
    // the 30-day threshold is crossed on Saturday; the first business morning is Monday 11/2
    expect(cal.isBusinessDay("2026-10-31")).toBe(false);
    expect(reminderDue(due, "2026-11-02")!.key).toBe(reminderDue(due, "2026-10-31")!.key);
    // the 7-day threshold on the public holiday: Tuesday 11/24 carries the same key
    expect(cal.isBusinessDay("2026-11-23")).toBe(false);
    expect(cal.holidayName("2026-11-23")).toBe("勤労感謝の日");
    expect(reminderDue(due, "2026-11-24")!.key).toBe(reminderDue(due, "2026-11-23")!.key);
    expect(reminderDue(due, "2026-11-24")!.key).not.toBe(reminderDue(due, "2026-11-20")!.key);
  });

  it("overdue: a new key each 7 days after the due day (weekly)", () => {
    const keys = ["2026-12-01", "2026-12-07", "2026-12-08", "2026-12-14", "2026-12-15"].map((d) => reminderDue(due, d)!.key);
    expect(keys).toEqual([`${due}:overdue:0`, `${due}:overdue:0`, `${due}:overdue:1`, `${due}:overdue:1`, `${due}:overdue:2`]);
  });

  it("a new completion moves the due day, so its thresholds start over", () => {
    const before = reminderKey("U1", "basic", reminderDue("2026-11-30", "2026-11-24")!);
    const after = reminderKey("U1", "basic", reminderDue(addMonths("2026-11-24", 12), "2027-11-10")!);
    expect(before).toBe("training:U1:basic:2026-11-30:7d");
    expect(after).toBe("training:U1:basic:2027-11-24:30d");
  });
});

describe("typed input", () => {
  it("dates: YYYY-MM-DD or YYYY/M/D, real days only", () => {
    expect(parseDay("2026-01-10")).toBe("2026-01-10");
    expect(parseDay("2026/1/5")).toBe("2026-01-05");
    expect(parseDay("2026-02-30")).toBeNull();
    expect(parseDay("2026-13-01")).toBeNull();
    expect(parseDay("10/01/2026")).toBeNull();
    expect(parseDay("yesterday")).toBeNull();
  });

  it("evidence: https URLs only (Slack's <…> escape unwrapped)", () => {
    expect(parseEvidence("https://learn.example.com/cert/1")).toBe("https://learn.example.com/cert/1");
    expect(parseEvidence("<https://learn.example.com/c|証明書>")).toBe("https://learn.example.com/c");
    expect(parseEvidence("http://learn.example.com/cert/1")).toBeNull();
    expect(parseEvidence("javascript:alert(1)")).toBeNull();
    expect(parseEvidence("learn.example.com")).toBeNull();
  });

  it("CSV cells with quotes", () => {
    expect(splitCsvLine('U1,basic,2026-01-10,"https://x.example/a,b"')).toEqual(["U1", "basic", "2026-01-10", "https://x.example/a,b"]);
    expect(splitCsvLine('"say ""hi""",b')).toEqual(['say "hi"', "b"]);
    expect(splitCsvLine('"open,b')).toBeNull();
  });
});

describe("the e-learning CSV", () => {
  const today = "2026-11-20";

  it("reads a header in any order and letter case, skips blank lines, ignores other columns, strips a BOM", () => {
    const csv = "\uFEFFCourse,SlackId,Name,CompletedOn\r\nbasic,U0AAA,山田,2026/04/01\r\n\r\nMANAGER,<@U0BBB>,鈴木,2026-05-02\r\n";
    const r = parseCompletionCsv(csv, COURSES, today);
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, slackId: "U0AAA", courseId: "basic", completedOn: "2026-04-01", evidence: null, passed: null, score: null, processor: null, staffRef: null },
      { line: 4, slackId: "U0BBB", courseId: "manager", completedOn: "2026-05-02", evidence: null, passed: null, score: null, processor: null, staffRef: null },
    ]);
  });

  it("reads the evaluation (第28条) and processors' staff by code and reference", () => {
    const csv = [
      "slackId,processor,staffRef,course,completedOn,passed,score",
      "U0AAA,,,basic,2026-04-01,合格,90",
      ",PRV-2026-0003,ACME-1,basic,2026-04-02,no,",
    ].join("\n");
    const r = parseCompletionCsv(csv, COURSES, today);
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.slackId, x.processor, x.staffRef, x.passed, x.score])).toEqual([
      ["U0AAA", null, null, true, 90],
      ["", "PRV-2026-0003", "ACME-1", false, null],
    ]);
    // a header with neither slackId nor processor and staffRef names the missing column
    expect(parseCompletionCsv("course,completedOn\nbasic,2026-04-01", COURSES, today).problems).toEqual([{ line: 1, kind: "header", missing: ["slackId"] }]);
  });

  it("reports every bad line with its number", () => {
    const csv = [
      "slackId,course,completedOn,evidence",
      "U0AAA,basic,2026-04-01,https://learn.example.com/1",
      "someone,basic,2026-04-01,",
      "U0BBB,basics,2026-04-01,",
      "U0CCC,basic,2026-02-30,",
      "U0DDD,basic,2026-12-01,",
      "U0EEE,basic,2026-04-01,http://insecure.example.com",
      "U0FFF,basic",
    ].join("\n");
    const r = parseCompletionCsv(csv, COURSES, today);
    expect(r.problems.map((p) => [p.line, p.kind])).toEqual([
      [3, "slackId"],
      [4, "course"],
      [5, "date"],
      [6, "future"],
      [7, "evidence"],
      [8, "columns"],
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2]);
    expect(checkPeople(r.rows, new Set(["U0ZZZ"]))).toEqual([{ line: 2, kind: "unknownPerson", value: "U0AAA" }]);
  });

  it("a missing header column or nothing to import is a problem on line 1", () => {
    expect(parseCompletionCsv("U0AAA,basic,2026-04-01", COURSES, today).problems).toEqual([
      { line: 1, kind: "header", missing: ["slackId", "course", "completedOn"] },
    ]);
    expect(parseCompletionCsv("slackId,course,completed_on\nU0AAA,basic,2026-04-01", COURSES, today).problems).toEqual([
      { line: 1, kind: "header", missing: ["completedOn"] },
    ]);
    expect(parseCompletionCsv("slackId,course,completedOn\n\n", COURSES, today).problems).toEqual([{ line: 1, kind: "empty" }]);
    expect(parseCompletionCsv("", COURSES, today).problems[0]).toMatchObject({ line: 1, kind: "header" });
  });
});
