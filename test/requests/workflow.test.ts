import { describe, expect, it } from "vitest";
import {
  blockedReason,
  canDecide,
  canResubmit,
  canTickMeasure,
  canWithdraw,
  eligibleDeciders,
  requestCode,
  statusAfter,
  type Approvers,
  type RequestStatus,
} from "../../src/requests/workflow.js";

const dir: Approvers = { managers: ["M1", "M2"], chiefs: ["C1"], deputies: ["D1"] };
const req = (status: RequestStatus, requesterId = "E1", stage1By: string | null = null, rev = 3) => ({ status, requesterId, stage1By, rev });

describe("state machine", () => {
  it("moves stage 1 -> stage 2 -> approved on approvals", () => {
    expect(statusAfter("pending_manager", "approve")).toBe("pending_chief");
    expect(statusAfter("pending_chief", "approve")).toBe("approved");
  });
  it("rejects and sends back from either stage", () => {
    for (const s of ["pending_manager", "pending_chief"] as const) expect(statusAfter(s, "request_changes")).toBe("changes_requested");
    expect(statusAfter("pending_chief", "reject")).toBe("rejected");
    // stage 1 fell to the chief level: the chief's rejection is final
    expect(statusAfter("pending_manager", "reject", true)).toBe("rejected");
  });
  it("a manager's rejection at stage 1 waits for the chief (規程 第4条3項)", () => {
    expect(statusAfter("pending_manager", "reject")).toBe("rejection_pending_chief");
    // the chief confirms, sends back, or gives the final approval instead
    expect(statusAfter("rejection_pending_chief", "reject")).toBe("rejected");
    expect(statusAfter("rejection_pending_chief", "request_changes")).toBe("changes_requested");
    expect(statusAfter("rejection_pending_chief", "approve")).toBe("approved");
    // only the chief level decides it, never the manager who proposed it
    const r = req("rejection_pending_chief", "E1", "M1");
    expect(eligibleDeciders(r, dir)!.people).toEqual(["C1", "D1"]);
    expect(canDecide(r, "C1", 3, dir).ok).toBe(true);
    expect(canDecide(r, "M1", 3, dir)).toEqual({ ok: false, refusal: "stage1_decider" });
    expect(canDecide(r, "M2", 3, dir)).toEqual({ ok: false, refusal: "not_approver" });
    // the requester may still withdraw
    expect(canWithdraw(r, "E1").ok).toBe(true);
  });
  it("allows no decision outside the two stages", () => {
    for (const s of ["changes_requested", "approved", "effective", "rejected", "withdrawn"] as const) {
      expect(() => statusAfter(s, "approve")).toThrow();
      // a withdrawn request says so, not that it cannot be decided
      expect(canDecide(req(s), "M1", 3, dir)).toEqual({ ok: false, refusal: s === "withdrawn" ? "withdrawn" : "not_open" });
    }
  });
  it("formats codes", () => {
    expect(requestCode(2026, 1)).toBe("PRV-2026-0001");
    expect(requestCode(2026, 12345)).toBe("PRV-2026-12345");
  });
});

describe("who may decide", () => {
  it("stage 1 is for the department's managers", () => {
    expect(canDecide(req("pending_manager"), "M1", 3, dir).ok).toBe(true);
    expect(canDecide(req("pending_manager"), "C1", 3, dir)).toEqual({ ok: false, refusal: "not_approver" });
    expect(canDecide(req("pending_manager"), "X9", 3, dir)).toEqual({ ok: false, refusal: "not_approver" });
  });
  it("stage 2 is for the chief or the deputy, not managers", () => {
    expect(canDecide(req("pending_chief", "E1", "M1"), "C1", 3, dir).ok).toBe(true);
    expect(canDecide(req("pending_chief", "E1", "M1"), "D1", 3, dir).ok).toBe(true);
    expect(canDecide(req("pending_chief", "E1", "M1"), "M2", 3, dir)).toEqual({ ok: false, refusal: "not_approver" });
  });
  it("refuses a press rendered for an earlier revision", () => {
    expect(canDecide(req("pending_manager"), "M1", 2, dir)).toEqual({ ok: false, refusal: "stale" });
  });
});

describe("separation of duties", () => {
  it("nobody decides their own request", () => {
    expect(canDecide(req("pending_manager", "M1"), "M1", 3, dir)).toEqual({ ok: false, refusal: "own_request" });
    expect(canDecide(req("pending_manager", "M1"), "M2", 3, dir).ok).toBe(true);
  });
  it("stage 1 falls to the chief when the requester is the department's only manager", () => {
    const onlyManager: Approvers = { managers: ["M1"], chiefs: ["C1"], deputies: [] };
    const e = eligibleDeciders(req("pending_manager", "M1"), onlyManager)!;
    expect(e).toEqual({ stage: 1, people: ["C1"], fellToChief: true });
    expect(canDecide(req("pending_manager", "M1"), "C1", 3, onlyManager).ok).toBe(true);
  });
  it("a chief's own request needs the deputy", () => {
    expect(canDecide(req("pending_chief", "C1", "M1"), "C1", 3, dir)).toEqual({ ok: false, refusal: "own_request" });
    expect(canDecide(req("pending_chief", "C1", "M1"), "D1", 3, dir).ok).toBe(true);
  });
  it("without a deputy a chief's own request is blocked, and the bot can say why", () => {
    const noDeputy: Approvers = { managers: [], chiefs: ["C1"], deputies: [] };
    expect(blockedReason(req("pending_manager", "C1"), noDeputy)).toBe("no_deputy");
    expect(eligibleDeciders(req("pending_manager", "C1"), noDeputy)!.people).toEqual([]);
    expect(blockedReason(req("pending_manager", "E1"), dir)).toBeNull();
  });
  it("the stage-1 approver does not also give the final approval when someone else can", () => {
    const e = eligibleDeciders(req("pending_chief", "M9", "C1"), { managers: [], chiefs: ["C1"], deputies: ["D1"] })!;
    expect(e.people).toEqual(["D1"]);
  });
});

describe("withdraw, resubmit, measures", () => {
  it("only the requester withdraws, and only before the final approval", () => {
    expect(canWithdraw(req("pending_manager"), "E1").ok).toBe(true);
    expect(canWithdraw(req("changes_requested"), "E1").ok).toBe(true);
    expect(canWithdraw(req("pending_manager"), "M1")).toEqual({ ok: false, refusal: "not_requester" });
    expect(canWithdraw(req("approved"), "E1")).toEqual({ ok: false, refusal: "cannot_withdraw" });
  });
  it("only the requester resubmits, only after changes were requested", () => {
    expect(canResubmit(req("changes_requested"), "E1").ok).toBe(true);
    expect(canResubmit(req("changes_requested"), "M1")).toEqual({ ok: false, refusal: "not_requester" });
    expect(canResubmit(req("pending_manager"), "E1")).toEqual({ ok: false, refusal: "not_open" });
  });
  it("measures are ticked by the chief or deputy after the final approval", () => {
    expect(canTickMeasure(req("approved"), "C1", dir).ok).toBe(true);
    expect(canTickMeasure(req("approved"), "D1", dir).ok).toBe(true);
    expect(canTickMeasure(req("approved"), "M1", dir)).toEqual({ ok: false, refusal: "not_chief" });
    expect(canTickMeasure(req("pending_chief"), "C1", dir)).toEqual({ ok: false, refusal: "not_measures" });
  });
});
