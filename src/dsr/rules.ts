// Requests from data subjects (開示等の請求, 規程 第18-19条, seeds 002/004 §5, APPI Art.32-39)
// and complaints (苦情・相談, 第22条) as plain rules: kinds, states, who may act, the
// deadlines, the reminder stages, who approves a refusal. No Slack, no database, no clock.
import { isChiefOrDeputy, mayHandleDsr, type HasRoles } from "../directory/roles.js";
import { codePattern } from "../platform/codes.js";
import type { Day } from "../platform/day.js";
import { BusinessCalendar } from "../platform/schedule/calendar.js";

export { dateDay, dayDate, type Day } from "../platform/day.js";

/** 開示 · 訂正・追加・削除 · 利用停止・消去 · 第三者提供の停止 · 利用目的の通知 · 第三者提供記録の開示 */
export const DSR_KINDS = ["disclosure", "correction", "stop_use", "stop_provision", "purpose_notice", "provision_records"] as const;
export type DsrKind = (typeof DSR_KINDS)[number];

/** How a request or a complaint arrived. */
export const VIAS = ["phone", "mail", "counter", "web_form", "email", "other"] as const;
export type Via = (typeof VIAS)[number];

/** The person themselves or an agent (代理人). */
export const REQUESTERS = ["self", "agent"] as const;
export type Requester = (typeof REQUESTERS)[number];

/** An agent's mandate: a voluntary agent (委任状) or a legal representative (法定代理人). */
export const MANDATES = ["voluntary", "legal"] as const;
export type Mandate = (typeof MANDATES)[number];

/**
 * The identity documents of seed 002/004 §5(2) [1]-[4]: 運転免許証, 健康保険証, パスポート, その他.
 * 「その他」 is picked from a list (OTHER_ID_DOCUMENTS), never typed: 在留カード, 個人番号カード
 * (its number is never recorded: 番号法 第20条), 住民基本台帳カード, 年金手帳, or その他 with an
 * optional short label that may not hold a number. The document stored is the one picked.
 */
export const PRIMARY_ID_DOCUMENTS = ["license", "insurance", "passport", "other"] as const;
export const OTHER_ID_DOCUMENTS = ["residence_card", "my_number_card", "juki_card", "pension_book", "other"] as const;
export const ID_DOCUMENTS = ["license", "insurance", "passport", "residence_card", "my_number_card", "juki_card", "pension_book", "other"] as const;
export type IdDocument = (typeof ID_DOCUMENTS)[number];
export type OtherIdDocument = (typeof OTHER_ID_DOCUMENTS)[number];

/** What proves the mandate (§5(2) [5]): 委任状等, or the document proving a legal representative. */
export const MANDATE_DOCUMENTS = ["power_of_attorney", "legal_proof"] as const;
export type MandateDocument = (typeof MANDATE_DOCUMENTS)[number];

/** The answer: done, partly done (a partial refusal), not done (a refusal). */
export const OUTCOMES = ["done", "partly", "not_done"] as const;
export type Outcome = (typeof OUTCOMES)[number];
export const REFUSALS: readonly Outcome[] = ["partly", "not_done"];

/** The refusal grounds of seed 002 §5(1) [1]-[7] (seed 004 §5(1) ①-⑦); their text is in messages.ts. */
export const REFUSAL_GROUNDS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/**
 *   open              logged, identity not yet checked
 *   verified          identity checked: may be answered
 *   awaiting_approval a refusal (partly / not done) waits for the chief or deputy
 *   answered          answered (done, partly, not done): closed
 *   withdrawn         the person withdrew it: closed
 */
export const DSR_STATUSES = ["open", "verified", "awaiting_approval", "answered", "withdrawn"] as const;
export type DsrStatus = (typeof DSR_STATUSES)[number];
export const OPEN_DSR_STATUSES: readonly DsrStatus[] = ["open", "verified", "awaiting_approval"];

export const COMPLAINT_KINDS = ["complaint", "inquiry"] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
/** open, then resolved (what was done) or referred (to whom) */
export const COMPLAINT_STATUSES = ["open", "resolved", "referred"] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

// ---- who may act ----------------------------------------------------------------------

export interface DsrPerson {
  slackId: string;
  roles: string[];
}

/**
 * May log, see and work on subject requests and complaints (the desk of 第22条):
 * 個人情報取扱担当者, 個人情報管理者 (of any department), 個人情報管理責任者, its deputy, compliance.
 */
export function mayHandle(p: HasRoles): boolean {
  return mayHandleDsr(p);
}

/** May approve or send back a refusal: the chief or the deputy chief. */
export function mayApproveRefusals(p: HasRoles): boolean {
  return isChiefOrDeputy(p);
}

/**
 * Who may approve a refusal proposed by `proposer`: the chiefs and deputies other than the
 * proposer. Nobody approves their own proposal (domain.md; like src/requests, where a
 * chief's own request without a deputy is refused): when the proposer is the only chief or
 * deputy, or there is none, the list is empty and `none` says why.
 */
export function refusalApprovers(proposer: string, chiefs: string[], deputies: string[]): { people: string[]; none: "only_proposer" | "nobody" | null } {
  const all = [...new Set([...chiefs, ...deputies])];
  const others = all.filter((p) => p !== proposer);
  if (others.length > 0) return { people: others, none: null };
  return { people: [], none: all.length > 0 ? "only_proposer" : "nobody" };
}

export type AnswerRefusal = "not_verified" | "awaiting_approval" | "closed";

/** Whether the identity check may be recorded now: first while open, again (a correction) while verified. */
export function identityGate(status: DsrStatus): "closed" | "awaiting_approval" | null {
  if (status === "answered" || status === "withdrawn") return "closed";
  if (status === "awaiting_approval") return "awaiting_approval";
  return null;
}

/** Whether an outcome may be recorded now: the identity check comes first (the gate). */
export function answerGate(status: DsrStatus): AnswerRefusal | null {
  if (status === "open") return "not_verified";
  if (status === "awaiting_approval") return "awaiting_approval";
  if (status === "answered" || status === "withdrawn") return "closed";
  return null;
}

/** The status after an outcome is recorded: a refusal waits for approval, "done" answers it. */
export function statusAfterOutcome(outcome: Outcome): DsrStatus {
  return REFUSALS.includes(outcome) ? "awaiting_approval" : "answered";
}

// ---- deadlines ---------------------------------------------------------------------------

export interface DsrDeadlineSettings {
  /** answer within this many business days after the day it arrived (default 10) */
  targetBusinessDays: number;
  /** and at the latest this many calendar days after it (default 14; APPI Art.39) */
  ceilingDays: number;
}

export const DEFAULT_DSR_SETTINGS: DsrDeadlineSettings & { remindBefore: number } = { targetBusinessDays: 10, ceilingDays: 14, remindBefore: 2 };

export interface DsrDeadlines {
  /** the day to answer by (a business day) */
  targetOn: Day;
  /** the hard ceiling: APPI Art.39 lets the person sue once two weeks have passed */
  ceilingOn: Day;
  /** the target would have fallen after the ceiling (holidays): it was brought forward */
  targetClamped: boolean;
}

/** The last business day on or before `day`, not before `floor` (else `day` itself). */
export function lastBusinessDayOnOrBefore(cal: BusinessCalendar, day: Day, floor: Day): Day {
  for (let d = day; d >= floor; d = BusinessCalendar.addDays(d, -1)) if (cal.isBusinessDay(d)) return d;
  return day;
}

/**
 * The deadlines of a request that arrived on `receivedOn`: the target counts business days
 * after the day of arrival (weekends, Japanese holidays and the company's closed days
 * skipped; arriving on a day off, counting starts at the next business day); the ceiling
 * counts calendar days. A target that would fall after the ceiling (年末年始, ゴールデンウィーク)
 * is brought forward to the last business day on or before the ceiling.
 */
export function dsrDeadlines(cal: BusinessCalendar, receivedOn: Day, s: DsrDeadlineSettings): DsrDeadlines {
  const ceilingOn = BusinessCalendar.addDays(receivedOn, s.ceilingDays);
  let targetOn = cal.addBusinessDays(BusinessCalendar.addDays(receivedOn, 1), s.targetBusinessDays - 1);
  let targetClamped = false;
  if (targetOn > ceilingOn) {
    targetOn = lastBusinessDayOnOrBefore(cal, ceilingOn, receivedOn);
    targetClamped = true;
  }
  return { targetOn, ceilingOn, targetClamped };
}

/** The day the escalation starts: the ceiling, or the last business day before it when it is a day off. */
export function escalationDay(cal: BusinessCalendar, d: { receivedOn: Day; ceilingOn: Day }): Day {
  return lastBusinessDayOnOrBefore(cal, d.ceilingOn, d.receivedOn);
}

/** Business days from `from` to `to` (the days after `from` up to `to`; negative when `to` is earlier). */
export function businessDaysBetween(cal: BusinessCalendar, from: Day, to: Day): number {
  if (to < from) return -businessDaysBetween(cal, to, from);
  let n = 0;
  for (let d = BusinessCalendar.addDays(from, 1); d <= to; d = BusinessCalendar.addDays(d, 1)) if (cal.isBusinessDay(d)) n++;
  return n;
}

/**
 *   soon      the target is `remindBefore` business days away or fewer (to the owner, once)
 *   due       today is the target (to the owner, once)
 *   overdue   the target has passed (to the owner, every business day)
 *   ceiling   the ceiling is today or has passed, or it falls on days off before the next
 *             business day (to the owner, the chiefs and compliance, every business day)
 */
export type ReminderStage = "soon" | "due" | "overdue" | "ceiling";

export function reminderStage(
  cal: BusinessCalendar,
  today: Day,
  c: { receivedOn: Day; targetOn: Day; ceilingOn: Day },
  remindBefore: number,
): ReminderStage | null {
  if (today >= escalationDay(cal, c)) return "ceiling";
  if (today > c.targetOn) return "overdue";
  if (today === c.targetOn) return "due";
  if (remindBefore > 0 && businessDaysBetween(cal, today, c.targetOn) <= remindBefore) return "soon";
  return null;
}

/**
 * The once-only key of a reminder: "soon" and "due" once per case and person; "overdue"
 * and "ceiling" once per day, case and person.
 */
export function reminderNoticeKey(caseId: string, stage: ReminderStage, person: string, today: Day, targetOn: Day): string {
  return stage === "soon" || stage === "due" ? `dsr:${caseId}:${stage}:${targetOn}:${person}` : `dsr:${caseId}:${stage}:${today}:${person}`;
}

/** The once-only key of a case's escalation on `today` (audit entry and thread post): the job's and logRequest's. */
export function escalationNoticeKey(caseId: string, today: Day): string {
  return `dsr:${caseId}:escalated:${today}`;
}

/** Who is escalated to at the ceiling: the chiefs (the deputies when there is none) and compliance. */
export function escalationPeople(o: { chiefs: string[]; deputies: string[]; compliance: string[] }): string[] {
  return [...new Set([...(o.chiefs.length ? o.chiefs : o.deputies), ...o.compliance])];
}

// ---- codes ----------------------------------------------------------------------------------

export const DSR_CODE = codePattern("DSR");
export const COMPLAINT_CODE = codePattern("CMP");
export const INCIDENT_CODE = codePattern("INC");

/** What a complaint may be linked to: an incident or a subject request, by its code. */
export function linkKind(code: string): "incident" | "dsr" | null {
  const c = code.toUpperCase();
  if (INCIDENT_CODE.test(c)) return "incident";
  if (DSR_CODE.test(c)) return "dsr";
  return null;
}
