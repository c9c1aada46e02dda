// The pure rules of the approval routes (issue 17): who stands in for whom, whom a delegate
// decides for, who is reminded during an absence, which circulation rules match.
import { describe, expect, it } from "vitest";
import { actingFor, checkAbsence, remindInstead, withStandIns } from "../../src/routes/delegation/rules.js";
import { matchingRecipients, newRecipients } from "../../src/routes/circulation/rules.js";
import type { Approvers } from "../../src/requests/workflow.js";

const base: Approvers = { managers: ["M1", "M2"], chiefs: ["C"], deputies: ["D"] };
const pending = (requesterId = "E") => ({ status: "pending_manager" as const, requesterId, stage1By: null });

describe("delegation rules", () => {
  it("a manager's delegate joins stage 1, the chief's the final approval; the absent stay approvers", () => {
    const a = withStandIns(base, [
      { absentId: "M1", delegateId: "X" },
      { absentId: "C", delegateId: "Y" },
    ]);
    expect(a.managers).toEqual(["M1", "M2", "X"]);
    expect(a.chiefs).toEqual(["C", "Y"]);
    expect(a.deputies).toEqual(["D"]);
    expect(actingFor(pending(), a, "X")).toBe("M1");
    expect(actingFor(pending(), a, "M2")).toBeNull(); // a manager in their own right
    expect(actingFor({ status: "pending_chief", requesterId: "E", stage1By: "M2" }, a, "Y")).toBe("C");
    expect(actingFor(pending(), a, "Y")).toBeNull(); // the chief's delegate does not decide stage 1
  });

  it("a delegate never decides a request the absent person filed (approving one's own by proxy)", () => {
    const a = withStandIns(base, [{ absentId: "M1", delegateId: "X" }], "M1");
    expect(a.managers).toEqual(["M1", "M2"]);
    expect(actingFor(pending("M1"), a, "X")).toBeNull();
  });

  it("an absence of someone who approves nothing adds nobody", () => {
    expect(withStandIns(base, [{ absentId: "E", delegateId: "X" }]).standIns).toEqual([]);
  });

  it("reminds the delegate instead, unless the delegate filed the request", () => {
    const away = [{ absentId: "M1", delegateId: "X" }];
    expect(remindInstead(["M1", "M2"], away, "E")).toEqual(["X", "M2"]);
    expect(remindInstead(["M1", "M2"], away, "X")).toEqual(["M1", "M2"]);
  });

  it("checks an absence: the audit lead is never a delegate (第21条), nor oneself; dates in order, not past; off by settings", () => {
    const absent = { slackId: "M1", roles: ["manager"] };
    const ok = { enabled: true, absent, delegate: { slackId: "X", roles: [] }, from: "2026-12-01", to: "2026-12-03", today: "2026-12-01" };
    expect(checkAbsence(ok)).toBeNull();
    expect(checkAbsence({ ...ok, delegate: { slackId: "A", roles: ["auditor"] } })).toBe("audit_lead");
    expect(checkAbsence({ ...ok, delegate: { slackId: "M1", roles: ["manager"] } })).toBe("self");
    expect(checkAbsence({ ...ok, delegate: null })).toBe("unknown_delegate");
    expect(checkAbsence({ ...ok, from: "2026-12-04" })).toBe("dates");
    expect(checkAbsence({ ...ok, from: "2026-11-01", to: "2026-11-30" })).toBe("past");
    expect(checkAbsence({ ...ok, absent: { slackId: "E", roles: ["handler"] } })).toBe("not_allowed");
    expect(checkAbsence({ ...ok, absent: { slackId: "C", roles: ["chief"] } })).toBeNull();
    expect(checkAbsence({ ...ok, enabled: false })).toBe("off");
  });
});

describe("circulation rules", () => {
  const rules = [
    { kinds: ["provide"], departments: null, to: ["auditor"] },
    { kinds: null, departments: ["sales"], to: ["manager", "U0HEAD"] },
  ];
  it("matches by kind and by department, each list left out matching all", () => {
    expect(matchingRecipients(rules, "provide", "dev")).toEqual(["auditor"]);
    expect(matchingRecipients(rules, "provide", "sales")).toEqual(["auditor", "manager", "U0HEAD"]);
    expect(matchingRecipients(rules, "purpose", "dev")).toEqual([]);
  });
  it("never lists the requester, nor anyone twice", () => {
    expect(newRecipients(["A", "E", "A", "B"], ["B"], "E")).toEqual(["A"]);
  });
});
