// The retention rule and the disposal form, without database or Slack.
import { describe, expect, it } from "vitest";
import { checkDisposal, mayRecordDisposal, purposeRetentionEnd, remindedFor, retentionState, weekOf } from "../../src/retention/rules.js";

describe("retentionState (end day, disposals, today)", () => {
  it("unknown when the end day cannot be computed", () => {
    expect(retentionState(null, [], "2027-04-01")).toEqual({ state: "unknown" });
    expect(retentionState("2027-02-30", [], "2027-04-01")).toEqual({ state: "unknown" });
  });
  it("running through the end day itself", () => {
    expect(retentionState("2027-03-31", [], "2027-03-01")).toEqual({ state: "running", end: "2027-03-31", daysLeft: 30 });
    expect(retentionState("2027-03-31", [], "2027-03-31")).toEqual({ state: "running", end: "2027-03-31", daysLeft: 0 });
  });
  it("due from the day after, with the days late and the week (its Monday)", () => {
    expect(retentionState("2027-03-31", [], "2027-04-01")).toEqual({ state: "due", end: "2027-03-31", since: "2027-04-01", daysOver: 1, week: "2027-03-29" });
    expect(retentionState("2027-03-31", [], "2027-04-05")).toMatchObject({ state: "due", daysOver: 5, week: "2027-04-05" });
  });
  it("disposed once any disposal is recorded (the earliest counts), even before the end or without one", () => {
    expect(retentionState("2027-03-31", [{ disposedOn: "2027-04-09" }, { disposedOn: "2027-04-02" }], "2027-05-01")).toEqual({
      state: "disposed",
      on: "2027-04-02",
    });
    expect(retentionState(null, [{ disposedOn: "2027-01-02" }], "2027-05-01")).toEqual({ state: "disposed", on: "2027-01-02" });
  });
  it("weekOf: Monday of the week (Sunday belongs to the week before)", () => {
    expect(weekOf("2027-04-04")).toBe("2027-03-29");
    expect(weekOf("2027-04-05")).toBe("2027-04-05");
    expect(weekOf("2027-04-11")).toBe("2027-04-05");
  });
});

describe("purposeRetentionEnd (the purpose form)", () => {
  it("the end day given wins", () => {
    expect(purposeRetentionEnd({ retention: "3y", retentionEnd: "2030-03-31", startDate: "2027-01-04" })).toEqual({ end: "2030-03-31", basis: "explicit" });
  });
  it("N years from the start, to be checked", () => {
    expect(purposeRetentionEnd({ retention: "3y", startDate: "2027-01-06" })).toEqual({ end: "2030-01-05", basis: "from_start" });
    expect(purposeRetentionEnd({ retention: "1y", startDate: "2028-02-29" })).toEqual({ end: "2029-02-27", basis: "from_start" });
  });
  it("unknown: until achieved, other, no start day (older requests)", () => {
    for (const d of [{ retention: "until_achieved", startDate: "2027-01-06" }, { retention: "other", startDate: "2027-01-06" }, { retention: "3y" }, {}])
      expect(purposeRetentionEnd(d)).toEqual({ end: null, basis: "unknown" });
  });
});

describe("who", () => {
  it("the owner, or the managers when the owner left", () => {
    expect(remindedFor("U1", true, ["M2", "M1"])).toEqual(["U1"]);
    expect(remindedFor("U1", false, ["M2", "M1"])).toEqual(["M1", "M2"]);
  });
  it("may record: the owner, the department's manager, the chief or deputy; not others", () => {
    const item = { ownerId: "U1", departmentId: "sales" };
    expect(mayRecordDisposal({ slackId: "U1", roles: [], departmentId: "sales" }, item)).toBe(true);
    expect(mayRecordDisposal({ slackId: "M1", roles: ["manager"], departmentId: "sales" }, item)).toBe(true);
    expect(mayRecordDisposal({ slackId: "M2", roles: ["manager"], departmentId: "dev" }, item)).toBe(false);
    expect(mayRecordDisposal({ slackId: "C1", roles: ["chief"], departmentId: "legal" }, item)).toBe(true);
    expect(mayRecordDisposal({ slackId: "X1", roles: ["compliance"], departmentId: "legal" }, item)).toBe(false);
  });
});

describe("checkDisposal", () => {
  const ok = { method: "erase", disposedOn: "2027-04-05", performedBy: "U1", evidenceUrl: "https://docs.example.com/cert", note: "" };
  it("accepts a complete record", () => {
    expect(checkDisposal(ok, "2027-04-05")).toEqual({
      ok: true,
      value: { method: "erase", disposedOn: "2027-04-05", performedBy: "U1", evidenceUrl: "https://docs.example.com/cert", note: null },
    });
  });
  it("each problem on its field", () => {
    expect(checkDisposal({ ...ok, method: "" }, "2027-04-05")).toEqual({ ok: false, problems: { method: "method_missing" } });
    expect(checkDisposal({ ...ok, method: "burn" }, "2027-04-05")).toEqual({ ok: false, problems: { method: "method_missing" } });
    expect(checkDisposal({ ...ok, evidenceUrl: "http://docs.example.com/c" }, "2027-04-05")).toEqual({
      ok: false,
      problems: { evidenceUrl: "link_not_https" },
    });
    expect(checkDisposal({ ...ok, evidenceUrl: "file share" }, "2027-04-05")).toEqual({ ok: false, problems: { evidenceUrl: "link_invalid" } });
    expect(checkDisposal({ ...ok, evidenceUrl: "" }, "2027-04-05")).toEqual({ ok: false, problems: { evidenceUrl: "link_missing" } });
    expect(checkDisposal({ ...ok, disposedOn: "2027-04-06" }, "2027-04-05")).toEqual({ ok: false, problems: { disposedOn: "date_future" } });
    expect(checkDisposal({ ...ok, performedBy: "" }, "2027-04-05")).toEqual({ ok: false, problems: { performedBy: "performer_missing" } });
    expect(checkDisposal({ ...ok, method: "other" }, "2027-04-05")).toEqual({ ok: false, problems: { note: "note_required" } });
  });
});
