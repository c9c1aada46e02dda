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
 * 健康保険証 have not been issued since 2024-12-02: "insurance" is shown as the 資格確認書 (an old
 * card only until its own expiry), the マイナ保険証 is the 個人番号カード; 被保険者等記号・番号 never recorded.
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

/**
 * The answer: done, partly done (a partial refusal), not done (a refusal), or no 保有個人データ
 * to act on (it does not exist, or it is excluded by 施行令 第5条: a finding of its own, not a
 * refusal ground of the kind). Every outcome but "done" waits for the chief's approval.
 */
export const OUTCOMES = ["done", "partly", "not_done", "not_retained"] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes that do not do what was asked: approved by the chief or deputy before the notice. */
export const REFUSALS: readonly Outcome[] = ["partly", "not_done", "not_retained"];

/**
 * The grounds on which a request may be refused, per kind, in the law's words (their text is in
 * messages.ts):
 *   disclosure, provision records   APPI Art.33(2) items 1-3 (Art.33(5) for the records)
 *   correction                      Art.34: not untrue (34(1)); another law's special procedure,
 *                                   beyond what the purpose needs (34(2))
 *   stopping use or provision       規程 第19条's two exceptions only (a company rule, stricter than
 *                                   Art.35, whose proviso of large cost with an alternative measure
 *                                   it does not allow)
 *   purpose notification            Art.32(2) item 1 (the purpose is clear) and item 2 (Art.21(4)
 *                                   items 1-3)
 * The seeds' [1]-[7] (002/004 §5(1)) are not offered: they mix these with Art.21(4) and with
 * 施行令 第5条 (what is not 保有個人データ). Old cases may still hold them ("1"-"7").
 */
export const DISCLOSURE_GROUNDS = ["a33_2_1", "a33_2_2", "a33_2_3"] as const;
export const CORRECTION_GROUNDS = ["a34_not_untrue", "a34_other_law", "a34_beyond_purpose"] as const;
export const STOP_GROUNDS = ["r19_authority", "r19_legal_duty"] as const;
export const PURPOSE_GROUNDS = ["a32_2_1", "a21_4_1", "a21_4_2", "a21_4_3"] as const;
/** No 保有個人データ: none exists (Art.33(3)), or 施行令 第5条 items 1-4 exclude it (APPI Art.16(4)). */
export const NOT_RETAINED_GROUNDS = ["none_held", "c5_1", "c5_2", "c5_3", "c5_4"] as const;
export const REFUSAL_GROUNDS = [...DISCLOSURE_GROUNDS, ...CORRECTION_GROUNDS, ...STOP_GROUNDS, ...PURPOSE_GROUNDS] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export type NotRetainedGround = (typeof NOT_RETAINED_GROUNDS)[number];
/** The seeds' list, kept to show cases recorded before issue 13. */
export const LEGACY_GROUNDS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export type LegacyGround = (typeof LEGACY_GROUNDS)[number];

const GROUNDS_BY_KIND: Record<DsrKind, readonly RefusalGround[]> = {
  disclosure: DISCLOSURE_GROUNDS,
  provision_records: DISCLOSURE_GROUNDS,
  correction: CORRECTION_GROUNDS,
  stop_use: STOP_GROUNDS,
  stop_provision: STOP_GROUNDS,
  purpose_notice: PURPOSE_GROUNDS,
};

/** The refusal grounds that apply to a kind of request. */
export function groundsFor(kind: DsrKind): readonly RefusalGround[] {
  return GROUNDS_BY_KIND[kind];
}

/** A ground of the company's own rules (規程), not of the law: labelled as such. */
export function isCompanyRule(g: string): boolean {
  return g.startsWith("r19_");
}

/** The outcomes a kind allows: no 保有個人データ finding for the provision records (not 保有個人データ to begin with). */
export function outcomesFor(kind: DsrKind): readonly Outcome[] {
  return kind === "provision_records" ? OUTCOMES.filter((o) => o !== "not_retained") : OUTCOMES;
}

/**
 * Stopping use or provision: the Art.35 condition the request rests on, if any.
 *   none    no Art.35 condition: 規程 第19条 alone (a company rule) obliges the company
 *   a35_1   used against Art.18 or 19, or obtained against Art.20 (利用停止等, Art.35(1))
 *   a35_3   provided against Art.27(1) or 28 (第三者提供の停止, Art.35(3))
 *   a35_5   no longer needed, an Art.26(1) leak, or other harm to the person's rights (Art.35(5))
 */
export const STATUTORY_BASES = ["none", "a35_1", "a35_3", "a35_5"] as const;
export type StatutoryBasis = (typeof STATUTORY_BASES)[number];

export function basesFor(kind: DsrKind): readonly StatutoryBasis[] {
  if (kind === "stop_use") return ["none", "a35_1", "a35_5"];
  if (kind === "stop_provision") return ["none", "a35_3", "a35_5"];
  return [];
}

/** How the person asks to receive a disclosure (Art.33(1), 施行規則 第30条): electronic record, written, or a method the company sets. */
export const DISCLOSURE_METHODS = ["electronic", "written", "other"] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/** The kinds answered by a disclosure (Art.33(1), and Art.33(5) for the provision records). */
export function takesDisclosureMethod(kind: DsrKind): boolean {
  return kind === "disclosure" || kind === "provision_records";
}

/** Art.38(1): a fee only for a purpose notification (Art.32(2)) and a disclosure (Art.33(1), (5)). */
export function mayChargeFee(kind: DsrKind): boolean {
  return kind === "purpose_notice" || takesDisclosureMethod(kind);
}

/** Art.33(2): the method asked for, or written delivery where that one is difficult (a large cost, …). */
export function methodAllowed(requested: DisclosureMethod | null, used: DisclosureMethod): boolean {
  return requested === null || used === requested || used === "written";
}

/**
 * The provision under which the outcome is notified to the person:
 *   a32_2 / a32_3   purpose notification: the purpose itself (Art.32(2)), or not notifying it (Art.32(3))
 *   a33_2 / a33_3   disclosure: the disclosure itself (Art.33(2)), or not disclosing all or part,
 *                   no such data, or not by the method asked (Art.33(3))
 *   a33_5           the provision records (Art.33(5) applying 33(2)-(3))
 *   a34_3           correction, done (with what) or not (Art.34(3))
 *   a35_7           stopping use or provision on an Art.35 condition (Art.35(7))
 *   company         stopping use or provision on 規程 第19条 alone: the company's own promise to tell
 *                   every outcome (seeds 002/004 §5(3)); no article of the APPI asks it
 */
export type NoticeBasis = "a32_2" | "a32_3" | "a33_2" | "a33_3" | "a33_5" | "a34_3" | "a35_7" | "company";

export function noticeBasis(c: { kind: DsrKind; outcome: Outcome; statutoryBasis: StatutoryBasis | null; methodChanged: boolean }): NoticeBasis {
  const refused = c.outcome !== "done";
  switch (c.kind) {
    case "purpose_notice":
      return refused ? "a32_3" : "a32_2";
    case "disclosure":
      return refused || c.methodChanged ? "a33_3" : "a33_2";
    case "provision_records":
      return "a33_5";
    case "correction":
      return "a34_3";
    case "stop_use":
    case "stop_provision":
      return c.statutoryBasis && c.statutoryBasis !== "none" ? "a35_7" : "company";
  }
}

type CaseAnswer = { kind: string; outcome: string | null; statutoryBasis: string | null; methodUsed: string | null; disclosureMethod: string | null };

/** A disclosure made by another method than the one asked for (Art.33(2): a written copy). */
export function methodChanged(c: Pick<CaseAnswer, "methodUsed" | "disclosureMethod">): boolean {
  return typeof c.methodUsed === "string" && typeof c.disclosureMethod === "string" && c.methodUsed !== c.disclosureMethod;
}

/** The provision under which a case's outcome is notified, from its row. */
export function caseNoticeBasis(c: CaseAnswer): NoticeBasis {
  return noticeBasis({
    kind: c.kind as DsrKind,
    outcome: (c.outcome ?? "done") as Outcome,
    statutoryBasis: (c.statutoryBasis as StatutoryBasis | null) ?? null,
    methodChanged: methodChanged(c),
  });
}

/**
 * Whether reasons are to be explained with the notice (Art.36, an effort duty): the person is told
 * that all or part of what was asked will not be done, or that something else is done instead (a
 * written copy instead of the method asked for). On 規程 第19条 alone the seeds' §5(3) promise the
 * same effort.
 */
export function reasonsDue(c: CaseAnswer): boolean {
  return (c.outcome ?? "done") !== "done" || methodChanged(c);
}

/**
 *   open              logged, identity not yet checked
 *   verified          identity checked: may be answered
 *   awaiting_approval a refusal (partly, not done, no 保有個人データ) waits for the chief or deputy
 *   decided           the outcome is settled (done, or the refusal approved): the notice to the
 *                     person is next (Art.32(3), 33(3), 34(3), 35(7)); it cannot close without it
 *   answered          the person was told the outcome: closed
 *   withdrawn         the person withdrew it: closed
 */
export const DSR_STATUSES = ["open", "verified", "awaiting_approval", "decided", "answered", "withdrawn"] as const;
export type DsrStatus = (typeof DSR_STATUSES)[number];
export const OPEN_DSR_STATUSES: readonly DsrStatus[] = ["open", "verified", "awaiting_approval", "decided"];

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

export type AnswerRefusal = "not_verified" | "awaiting_approval" | "awaiting_notice" | "closed";

/** Whether the identity check may be recorded now: first while open, again (a correction) while verified. */
export function identityGate(status: DsrStatus): "closed" | "awaiting_approval" | "awaiting_notice" | null {
  if (status === "answered" || status === "withdrawn") return "closed";
  if (status === "awaiting_approval") return "awaiting_approval";
  if (status === "decided") return "awaiting_notice";
  return null;
}

/** Whether an outcome may be recorded now: the identity check comes first (the gate). */
export function answerGate(status: DsrStatus): AnswerRefusal | null {
  if (status === "open") return "not_verified";
  if (status === "awaiting_approval") return "awaiting_approval";
  if (status === "decided") return "awaiting_notice";
  if (status === "answered" || status === "withdrawn") return "closed";
  return null;
}

/** The status after an outcome is recorded: a refusal waits for approval, "done" waits for the notice. */
export function statusAfterOutcome(outcome: Outcome): DsrStatus {
  return REFUSALS.includes(outcome) ? "awaiting_approval" : "decided";
}

/** Whether the notice to the person may be recorded now: only once the outcome is settled. */
export function noticeGate(status: DsrStatus): "not_decided" | "closed" | null {
  if (status === "decided") return null;
  if (status === "answered" || status === "withdrawn") return "closed";
  return "not_decided";
}

// ---- deadlines ---------------------------------------------------------------------------

export interface DsrDeadlineSettings {
  /** answer within this many business days after the day it arrived (default 10) */
  targetBusinessDays: number;
  /** the company ceiling, this many calendar days after it (default 14: APPI Art.39 lets the person sue two weeks after the request arrives); a company setting, the law says 遅滞なく */
  ceilingDays: number;
}

export const DEFAULT_DSR_SETTINGS: DsrDeadlineSettings & { remindBefore: number } = { targetBusinessDays: 10, ceilingDays: 14, remindBefore: 2 };

export interface DsrDeadlines {
  /** the day to answer by (a business day) */
  targetOn: Day;
  /** the company ceiling (a company setting, not a legal deadline: APPI Art.39 lets the person sue once two weeks have passed) */
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
