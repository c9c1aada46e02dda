// The processors' rules without a database or Slack: the dates (inspection cycle,
// document retention, month ends and leap years), the reminder stages across weekends
// and public holidays, who may record what, and what people enter in the modals.
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import {
  addMonths,
  addYears,
  checkDisposal,
  checkHttps,
  checkInspection,
  disposableFrom,
  disposalWeek,
  documentsRetainUntil,
  inspectionCycle,
  inspectionsRunning,
  inspectionStage,
  mayListDisposal,
  mayListProcessors,
  mayRecordDisposal,
  mayRecordInspection,
  nextInspectionDue,
  parseRef,
  responsibleFor,
  seesAllProcessors,
  weekOf,
} from "../../src/processors/rules.js";
import { managedDepartments } from "../../src/directory/roles.js";

const cal = new BusinessCalendar({ timeZone: "Asia/Tokyo" });

describe("dates", () => {
  it("the next inspection is one cycle after the effective day; a month end stands in for a missing day", () => {
    expect(nextInspectionDue("2026-12-01", 12)).toBe("2027-12-01");
    expect(nextInspectionDue("2026-08-31", 6)).toBe("2027-02-28");
    expect(nextInspectionDue("2027-08-31", 6)).toBe("2028-02-29");
    expect(nextInspectionDue("2026-01-31", 1)).toBe("2026-02-28");
    expect(nextInspectionDue("2026-11-15", 24)).toBe("2028-11-15");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });

  it("documents are kept 7 years after the contract ends (第15条7項), disposable the day after", () => {
    expect(documentsRetainUntil("2027-03-31", 7)).toBe("2034-03-31");
    expect(documentsRetainUntil("2028-02-29", 7)).toBe("2035-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(disposableFrom("2034-03-31")).toBe("2034-04-01");
    expect(disposableFrom("2034-12-31")).toBe("2035-01-01");
  });

  it("the cycle is the approved form's (6, 12 or 24 months), else the company's default", () => {
    expect(inspectionCycle(6, 12)).toBe(6);
    expect(inspectionCycle("24", 12)).toBe(24);
    expect(inspectionCycle(undefined, 12)).toBe(12);
    expect(inspectionCycle(7, 18)).toBe(18);
  });

  it("inspections run while the contract does, and not for a due date after its end", () => {
    const base = { contractEnd: "2027-12-31", nextInspectionDue: "2027-12-01", disposed: false };
    expect(inspectionsRunning(base, "2027-11-01")).toBe(true);
    expect(inspectionsRunning({ ...base, contractEnd: null }, "2030-01-01")).toBe(true);
    expect(inspectionsRunning(base, "2028-01-01")).toBe(false);
    expect(inspectionsRunning({ ...base, nextInspectionDue: "2028-01-05" }, "2027-11-01")).toBe(false);
    expect(inspectionsRunning({ ...base, disposed: true }, "2027-11-01")).toBe(false);
  });
});

describe("reminder stages", () => {
  // due Wednesday 2026-12-23: 30 days before is Monday 2026-11-23, 勤労感謝の日 (a holiday)
  const due = "2026-12-23";

  it("the 30-day reminder moves back over a public holiday and a weekend, to Friday 2026-11-20", () => {
    expect(cal.isBusinessDay("2026-11-23")).toBe(false);
    expect(inspectionStage(cal, due, "2026-11-19")).toBeNull();
    expect(inspectionStage(cal, due, "2026-11-20")).toEqual({ stage: "30d", key: "30d", days: 33 });
    expect(inspectionStage(cal, due, "2026-11-24")).toMatchObject({ stage: "30d", key: "30d" });
  });

  it("the 7-day reminder: 7 days before (Wednesday 2026-12-16), not before", () => {
    expect(inspectionStage(cal, due, "2026-12-15")).toMatchObject({ key: "30d" });
    expect(inspectionStage(cal, due, "2026-12-16")).toEqual({ stage: "7d", key: "7d", days: 7 });
    expect(inspectionStage(cal, due, due)).toEqual({ stage: "7d", key: "7d", days: 0 });
  });

  it("a 7-day mark on a Sunday goes out on the Friday before", () => {
    // due Sunday 2027-01-17: 7 days before is Sunday 2027-01-10 -> Friday 2027-01-08
    expect(inspectionStage(cal, "2027-01-17", "2027-01-07")).toMatchObject({ key: "30d" });
    expect(inspectionStage(cal, "2027-01-17", "2027-01-08")).toMatchObject({ key: "7d", days: 9 });
  });

  it("overdue from the day after the due date, one key per week", () => {
    expect(inspectionStage(cal, due, "2026-12-24")).toEqual({ stage: "overdue", key: "overdue-0", days: 1 });
    expect(inspectionStage(cal, due, "2026-12-30")).toMatchObject({ key: "overdue-0", days: 7 });
    expect(inspectionStage(cal, due, "2026-12-31")).toMatchObject({ key: "overdue-1", days: 8 });
    expect(inspectionStage(cal, due, "2027-01-07")).toMatchObject({ key: "overdue-2" });
  });

  it("a due date first seen 10 days ahead gets only the 7-day reminder at 7 days", () => {
    expect(inspectionStage(cal, "2026-12-10", "2026-11-30")).toMatchObject({ key: "30d" });
    expect(inspectionStage(cal, "2026-12-10", "2026-12-03")).toMatchObject({ key: "7d" });
  });

  it("disposal reminders: from the first disposable day, once per calendar week", () => {
    expect(disposalWeek("2034-04-01", "2034-03-31")).toBeNull();
    expect(disposalWeek("2034-04-01", "2034-04-01")).toBe("2034-03-27"); // Saturday
    expect(disposalWeek("2034-04-01", "2034-04-03")).toBe("2034-04-03"); // Monday
    expect(disposalWeek("2034-04-01", "2034-04-07")).toBe("2034-04-03");
    expect(disposalWeek("2034-04-01", "2034-04-10")).toBe("2034-04-10");
    expect(weekOf("2026-11-23")).toBe("2026-11-23");
    expect(weekOf("2026-11-29")).toBe("2026-11-23");
  });
});

describe("who", () => {
  const person = (roles: string[], departmentId: string | null = "sales") => ({ slackId: "U1", roles, departmentId });
  it("responsible for the inspections: the stage-1 manager, else the requester who manages, else the first manager, else the requester", () => {
    expect(responsibleFor({ requesterId: "U0EMP", stage1By: "U0MGR2" }, ["U0MGR", "U0MGR2"])).toBe("U0MGR2");
    expect(responsibleFor({ requesterId: "U0EMP", stage1By: "U0CHIEF" }, ["U0MGRB", "U0MGRA"])).toBe("U0MGRA");
    expect(responsibleFor({ requesterId: "U0MGR", stage1By: "U0CHIEF" }, ["U0MGR"])).toBe("U0MGR");
    expect(responsibleFor({ requesterId: "U0EMP", stage1By: "U0CHIEF" }, [])).toBe("U0EMP");
  });

  it("records: inspections by the department's managers, the chief, the deputy; disposals by the chief or deputy", () => {
    expect(mayRecordInspection(person(["manager"]), "sales")).toBe(true);
    expect(mayRecordInspection(person(["manager"]), "dev")).toBe(false);
    expect(mayRecordInspection(person(["manager:dev"], "legal"), "dev")).toBe(true);
    expect(mayRecordInspection(person(["chief"], "legal"), "dev")).toBe(true);
    expect(mayRecordInspection(person(["deputyChief"], "legal"), "dev")).toBe(true);
    expect(mayRecordInspection(person(["handler"]), "sales")).toBe(false);
    expect(mayRecordInspection(person(["compliance"]), "sales")).toBe(false);
    expect(mayRecordDisposal(person(["chief"]))).toBe(true);
    expect(mayRecordDisposal(person(["deputyChief"]))).toBe(true);
    expect(mayRecordDisposal(person(["manager"]))).toBe(false);
    expect(mayRecordDisposal(person(["compliance", "auditor", "admin", "handler"]))).toBe(false);
  });

  it("lists: managers see their departments; chief, deputy, compliance and audit lead see all; others nothing", () => {
    expect(mayListProcessors(person(["manager"]))).toBe(true);
    expect(seesAllProcessors(person(["manager"]))).toBe(false);
    expect(managedDepartments(person(["manager", "manager:dev"]))).toEqual(["sales", "dev"]);
    for (const r of ["chief", "deputyChief", "compliance", "auditor"]) {
      expect(mayListProcessors(person([r]))).toBe(true);
      expect(seesAllProcessors(person([r]))).toBe(true);
      expect(mayListDisposal(person([r]))).toBe(true);
    }
    expect(mayListProcessors(person(["handler", "admin"]))).toBe(false);
    expect(mayListDisposal(person(["manager"]))).toBe(false);
  });
});

describe("what people enter", () => {
  const today = "2026-12-01";
  it("an inspection: a date not in the future, a result, a note with findings, an https link", () => {
    expect(checkInspection({ inspectedOn: "2026-11-30", result: "ok", note: "", documentUrl: "https://docs.example.com/r/1" }, today)).toEqual({
      ok: true,
      value: { inspectedOn: "2026-11-30", result: "ok", note: null, documentUrl: "https://docs.example.com/r/1" },
    });
    const bad = checkInspection({ inspectedOn: "2026-12-02", result: "findings", note: " ", documentUrl: "http://docs.example.com" }, today);
    expect(bad).toEqual({ ok: false, problems: { inspectedOn: "date_future", note: "note_required", documentUrl: "link_not_https" } });
    expect(checkInspection({ inspectedOn: null, result: null, note: null, documentUrl: "" }, today)).toEqual({
      ok: false,
      problems: { inspectedOn: "date_missing", result: "result_missing", documentUrl: "link_missing" },
    });
    expect(checkInspection({ inspectedOn: "2026-02-30", result: "ok", note: "x".repeat(1001), documentUrl: "https://a b" }, today)).toMatchObject({
      ok: false,
      problems: { inspectedOn: "date_invalid", note: "note_too_long", documentUrl: "link_invalid" },
    });
  });

  it("links: https only", () => {
    expect(checkHttps("docs.example.com/x")).toEqual({ problem: "link_not_https" });
    expect(checkHttps("javascript:alert(1)")).toEqual({ problem: "link_not_https" });
    expect(checkHttps(" https://x.example/a ")).toEqual({ value: "https://x.example/a" });
  });

  it("a disposal: a method (other needs a note), who did it, a date not in the future", () => {
    expect(checkDisposal({ method: "shred", performedBy: "U0EMPLOYEE", disposedOn: "2026-12-01", note: null }, today)).toEqual({
      ok: true,
      value: { method: "shred", performedBy: "U0EMPLOYEE", disposedOn: "2026-12-01", note: null },
    });
    expect(checkDisposal({ method: "other", performedBy: "", disposedOn: "2026-12-05", note: "" }, today)).toEqual({
      ok: false,
      problems: { performedBy: "performer_missing", disposedOn: "date_future", note: "note_required" },
    });
    expect(checkDisposal({ method: "burn", performedBy: "U1", disposedOn: "2026-11-01", note: "" }, today)).toEqual({
      ok: false,
      problems: { method: "method_missing" },
    });
  });

  it("references: a request code (any case) or an id", () => {
    expect(parseRef("prv-2026-0001")).toEqual({ code: "PRV-2026-0001" });
    expect(parseRef("0f8e2c1a-1111-4222-8333-944445555666")).toEqual({ id: "0f8e2c1a-1111-4222-8333-944445555666" });
    expect(parseRef("株式会社")).toBeNull();
    expect(parseRef("")).toBeNull();
  });
});
