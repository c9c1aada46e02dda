// The approval workflow of 規程 第4, 5, 15, 16, 17条 as plain rules: states, who may
// decide what, separation of duties. No Slack, no database.
//
// 担当者 files -> 個人情報管理者 reviews (stage 1) -> 個人情報管理責任者 approves (stage 2)
// -> the chief completes the necessary measures -> effective: the activity may start.

import { formatCode } from "../platform/codes.js";

export type RequestStatus =
  | "pending_manager" // stage 1: waiting for a 個人情報管理者 of the requester's department
  | "pending_chief" // stage 2: waiting for the 個人情報管理責任者 (or deputy)
  // a manager rejected at stage 1: the chief confirms or overrides (規程 第4条3項: the manager
  // consults the chief at once and needs the chief's approval; a manager cannot end a filing alone)
  | "rejection_pending_chief"
  | "changes_requested" // sent back to the requester
  | "approved" // finally approved; necessary measures being completed
  | "effective" // measures complete: the activity may start
  | "rejected"
  | "withdrawn";

export const OPEN_STATUSES: readonly RequestStatus[] = ["pending_manager", "pending_chief", "rejection_pending_chief", "changes_requested", "approved"];
/** Waiting for someone's decision (reminders, Home, the digest). */
export const AWAITING_DECISION = ["pending_manager", "pending_chief", "rejection_pending_chief"] as const satisfies readonly RequestStatus[];
export const FINAL_STATUSES: readonly RequestStatus[] = ["effective", "rejected", "withdrawn"];

export type Decision = "approve" | "request_changes" | "reject";

/** Who holds which role, as far as one request is concerned. */
export interface Approvers {
  /** 個人情報管理者 of the requester's department */
  managers: string[];
  /** 個人情報管理責任者 */
  chiefs: string[];
  /** 個人情報管理責任者代理 */
  deputies: string[];
}

export interface RequestState {
  status: RequestStatus;
  requesterId: string;
  /** who decided stage 1: approved it, or proposed its rejection (rejection_pending_chief) */
  stage1By: string | null;
}

export type Stage = 1 | 2;

export function stageOf(status: RequestStatus): Stage | null {
  if (status === "pending_manager") return 1;
  // the chief's confirmation of a stage-1 rejection is decided at the chief's level, like stage 2
  if (status === "pending_chief" || status === "rejection_pending_chief") return 2;
  return null;
}

const uniq = (xs: string[]) => [...new Set(xs)];

/**
 * The people who may decide the request now.
 * Stage 1: the department's managers other than the requester; when none is left
 * (the requester is the only manager, or the department has none) the stage falls to
 * the chief and deputy. Stage 2: the chief and deputy other than the requester (a
 * chief's own request needs the deputy) and other than the stage-1 approver, unless
 * nobody else is left.
 */
export function eligibleDeciders(req: RequestState, a: Approvers): { stage: Stage; people: string[]; fellToChief: boolean } | null {
  const stage = stageOf(req.status);
  if (stage === null) return null;
  const chiefLevel = uniq([...a.chiefs, ...a.deputies]).filter((p) => p !== req.requesterId);
  if (stage === 1) {
    const managers = uniq(a.managers).filter((p) => p !== req.requesterId);
    if (managers.length > 0) return { stage, people: managers, fellToChief: false };
    return { stage, people: chiefLevel, fellToChief: true };
  }
  const others = chiefLevel.filter((p) => p !== req.stage1By);
  return { stage, people: others.length > 0 ? others : chiefLevel, fellToChief: false };
}

export type Refusal =
  | "not_open" // the request is no longer at a decision stage
  | "withdrawn" // the requester withdrew it: nothing is left to do on it
  | "stale" // the button belongs to an earlier state of the request
  | "own_request" // nobody decides on their own request
  | "not_approver" // not a manager of the department / not the chief at stage 2
  | "no_deputy" // a chief's own request, and no deputy chief exists
  | "stage1_decider" // decided stage 1: the final approval is someone else's
  | "not_requester" // only the requester may withdraw or resubmit
  | "cannot_withdraw" // after the final approval
  | "not_chief" // measures are the chief's
  | "not_measures" // the request is not waiting for measures
  | "measures_locked" // the request is effective: its measures stay as they were
  | "reason_required"
  | "consultation_pending"; // 合議 not yet satisfied (src/routes/consultation): the final approval waits

export type Check = { ok: true } | { ok: false; refusal: Refusal };
const refuse = (refusal: Refusal): Check => ({ ok: false, refusal });
const OK: Check = { ok: true };

/** May `actor` take `decision` on the request, as it stands at `rev` (the revision the button was rendered for)? */
export function canDecide(req: RequestState & { rev: number }, actor: string, pressedRev: number, a: Approvers): Check {
  if (req.status === "withdrawn") return refuse("withdrawn");
  if (stageOf(req.status) === null) return refuse("not_open");
  if (pressedRev !== req.rev) return refuse("stale");
  if (actor === req.requesterId) return refuse("own_request");
  const e = eligibleDeciders(req, a)!;
  if (e.people.includes(actor)) return OK;
  // say why precisely: nobody can decide (no deputy), or the presser already decided stage 1
  if (e.people.length === 0) return refuse(blockedReason(req, a) ?? "not_approver");
  if (e.stage === 2 && actor === req.stage1By) return refuse("stage1_decider");
  return refuse("not_approver");
}

/** Why nobody can decide, when nobody can (e.g. a chief's own request without a deputy). */
export function blockedReason(req: RequestState, a: Approvers): Refusal | null {
  const e = eligibleDeciders(req, a);
  if (!e || e.people.length > 0) return null;
  return a.chiefs.includes(req.requesterId) || a.deputies.includes(req.requesterId) ? "no_deputy" : "not_approver";
}

/** Why stage 1 fell to the chief and deputy: the requester is the department's only manager, or it has none. */
export function fellToChiefReason(req: RequestState, a: Approvers): "only_manager" | "no_manager" | null {
  if (!eligibleDeciders(req, a)?.fellToChief) return null;
  return a.managers.includes(req.requesterId) ? "only_manager" : "no_manager";
}

/**
 * The status after a decision at the current stage. A manager's rejection at stage 1 does
 * not end the request: it waits for the chief (規程 第4条3項). When stage 1 fell to the chief
 * level (`decidedByChiefLevel`), the rejection is already the chief's and is final.
 * The chief then confirms (reject -> rejected), sends it back (-> changes_requested) or
 * overrides: the approval 第4条3項-4項 requires is the chief's own, so an override is the
 * final approval (-> approved, the necessary measures follow), not a second stage 1.
 */
export function statusAfter(status: RequestStatus, decision: Decision, decidedByChiefLevel = false): RequestStatus {
  const stage = stageOf(status);
  if (stage === null) throw new Error(`no decision possible in ${status}`);
  if (decision === "reject") return stage === 1 && !decidedByChiefLevel ? "rejection_pending_chief" : "rejected";
  if (decision === "request_changes") return "changes_requested";
  return stage === 1 ? "pending_chief" : "approved";
}

export function reasonRequired(decision: Decision): boolean {
  return decision !== "approve";
}

export function canWithdraw(req: RequestState & { rev: number }, actor: string, pressedRev?: number): Check {
  if (actor !== req.requesterId) return refuse("not_requester");
  if (req.status === "withdrawn") return refuse("withdrawn");
  if (!["pending_manager", "pending_chief", "rejection_pending_chief", "changes_requested"].includes(req.status)) return refuse("cannot_withdraw");
  if (pressedRev !== undefined && pressedRev !== req.rev) return refuse("stale");
  return OK;
}

export function canResubmit(req: RequestState, actor: string): Check {
  if (actor !== req.requesterId) return refuse("not_requester");
  if (req.status === "withdrawn") return refuse("withdrawn");
  if (req.status !== "changes_requested") return refuse("not_open");
  return OK;
}

/** The chief (or deputy) completes the necessary measures (規程 第4条4項 etc.). */
export function canTickMeasure(req: RequestState, actor: string, a: Approvers): Check {
  if (req.status === "effective") return refuse("measures_locked");
  if (req.status === "withdrawn") return refuse("withdrawn");
  if (req.status !== "approved") return refuse("not_measures");
  if (!a.chiefs.includes(actor) && !a.deputies.includes(actor)) return refuse("not_chief");
  return OK;
}

/** Readable code, e.g. PRV-2026-0001. */
export const requestCode = (year: number, n: number): string => formatCode("PRV", year, n);

/**
 * Measures the bot completes itself, never pressed: "registered in the ledger" is satisfied
 * by the register entry the request updates when it becomes effective (src/register/).
 * A request becomes effective when every other measure is done.
 */
export const AUTO_MEASURES: ReadonlySet<string> = new Set(["ledger_registered"]);
