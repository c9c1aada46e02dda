// The annual audit and plan calendar (年間の監査・計画), as plain rules: the five duties
// of each fiscal year, who owns them, when they are due by default, what a day's status
// and reminder are. Pure: no clock, no database, no Slack.
//
//   duty            rule                        owner                 default due (fiscal year starting in April)
//   protection-plan 第25条 個人情報保護計画       chief                 end of month 1  (30 April)
//   audit-plan      第29条 監査計画・取締役会承認  auditor               end of month 2  (31 May)
//   audit           第30条1項, 第21条2項 監査の実施 auditor              end of month 10 (31 January)
//   audit-report    第30条2項, 第21条2項 取締役会へ報告 auditor          end of month 11 (28/29 February)
//   register-review 第23条 個人データ管理台帳の見直し chief              end of month 11 (28/29 February)
//   rule-review     第26条 本規定・計画の見直し    chief                 end of month 12 (31 March)
//
// The order follows the rules: the audit follows the protection plan (第21条2項
// "個人情報保護計画に従い"), the review of the rule takes the audit report into account
// (第26条 "監査報告書…に照らして"), and everything is done once within the year (年1回).
//
// The register's review is the company's practice, not a rule's words: 第23条1項 has the
// chief identify all personal information held and "establish and maintain" the procedure
// (the register is it), and names no cycle; a yearly check of every entry is how the
// company keeps it maintained, and what the PPC's general guideline (通則ガイドライン 10-3,
// 組織的安全管理措置) calls the "means to confirm how personal data is handled"
// (個人データの取扱状況を確認する手段の整備). It is due a month before the review of the
// rule (第26条) so that the reviewed register feeds it and the next year's protection plan,
// which must list the systems and media holding personal information (第25条2項(1)①).
//
// A due date on a day off (weekend, public holiday, company closed day) is due on the
// business day before it (the "effective" due date): the board meets on business days,
// and the year's duties stay inside the year (moving 31 March forward to April would
// leave the fiscal year). Reminders go out 30 and 7 days before the effective due date:
// when that day is not a business day, on the business day before it, so nobody gets
// less notice than 30 or 7 days. Once overdue, weekly (the first business day of each
// week after the effective due date).
import { holdsNamed, type RoleName } from "../directory/roles.js";
import { isDay, type Day } from "../platform/day.js";
import { BusinessCalendar } from "../platform/schedule/calendar.js";

export { isDay };

export const DUTY_KINDS = ["protection-plan", "audit-plan", "audit", "audit-report", "register-review", "rule-review"] as const;
export type DutyKind = (typeof DUTY_KINDS)[number];
export type OwnerRole = Extract<RoleName, "chief" | "auditor">;

export interface DutyDefinition {
  kind: DutyKind;
  /** articles of the rule (規程), e.g. "第29条" */
  articles: string;
  articlesEn: string;
  owner: OwnerRole;
  /** due by default at the end of this month of the fiscal year (1 = its first month) */
  dueMonth: number;
  /** the yearly cycle is the company's practice, not the article's words (said wherever the duty is shown) */
  practice?: true;
}

export const DUTIES: Record<DutyKind, DutyDefinition> = {
  "protection-plan": { kind: "protection-plan", articles: "第25条", articlesEn: "Art. 25", owner: "chief", dueMonth: 1 },
  "audit-plan": { kind: "audit-plan", articles: "第29条", articlesEn: "Art. 29", owner: "auditor", dueMonth: 2 },
  audit: { kind: "audit", articles: "第30条1項・第21条2項", articlesEn: "Art. 30(1), 21(2)", owner: "auditor", dueMonth: 10 },
  "audit-report": { kind: "audit-report", articles: "第30条2項・第21条2項", articlesEn: "Art. 30(2), 21(2)", owner: "auditor", dueMonth: 11 },
  "register-review": { kind: "register-review", articles: "第23条1項", articlesEn: "Art. 23(1)", owner: "chief", dueMonth: 11, practice: true },
  "rule-review": { kind: "rule-review", articles: "第26条", articlesEn: "Art. 26", owner: "chief", dueMonth: 12 },
};

/** Short names people may type, besides the kind itself. */
const ALIASES: Record<string, DutyKind> = {
  plan: "protection-plan",
  auditplan: "audit-plan",
  report: "audit-report",
  review: "rule-review",
  register: "register-review",
  registerreview: "register-review",
};

export function parseDutyKind(input: string | undefined): DutyKind | null {
  const s = (input ?? "").trim().toLowerCase();
  if ((DUTY_KINDS as readonly string[]).includes(s)) return s as DutyKind;
  return ALIASES[s.replace(/[-_]/g, "")] ?? null;
}

// ---- days -------------------------------------------------------------------------

const pad = (n: number) => String(n).padStart(2, "0");

/** The last day of a month (month 1-12). */
export function endOfMonth(year: number, month: number): Day {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

// ---- fiscal years -----------------------------------------------------------------

/** The fiscal year (年度) of a day: the calendar year in which that fiscal year starts. */
export function fiscalYearOf(day: Day, startMonth: number): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m >= startMonth ? y : y - 1;
}

/** First and last day of a fiscal year. */
export function fiscalYearRange(fy: number, startMonth: number): { start: Day; end: Day } {
  const start = `${fy}-${pad(startMonth)}-01`;
  const end = startMonth === 1 ? `${fy}-12-31` : endOfMonth(fy + 1, startMonth - 1);
  return { start, end };
}

/** The end of the n-th month (1-12) of a fiscal year. */
export function endOfFiscalMonth(fy: number, startMonth: number, n: number): Day {
  const idx = startMonth - 1 + (n - 1); // months after January of `fy`
  return endOfMonth(fy + Math.floor(idx / 12), (idx % 12) + 1);
}

export function defaultDueOn(kind: DutyKind, fy: number, startMonth: number): Day {
  return endOfFiscalMonth(fy, startMonth, DUTIES[kind].dueMonth);
}

/** The six duties of a fiscal year with their default due dates, in calendar order. */
export function defaultPlan(fy: number, startMonth: number): { kind: DutyKind; dueOn: Day; ownerRole: OwnerRole }[] {
  return DUTY_KINDS.map((kind) => ({ kind, dueOn: defaultDueOn(kind, fy, startMonth), ownerRole: DUTIES[kind].owner }));
}

// ---- due dates, status and reminders ----------------------------------------------

/** The business day on or before `day`. */
export function businessDayOnOrBefore(cal: BusinessCalendar, day: Day): Day {
  let d = day;
  while (!cal.isBusinessDay(d)) d = BusinessCalendar.addDays(d, -1);
  return d;
}

/** When a due date is really due: the date itself, or the business day before it when it is a day off. */
export function effectiveDue(cal: BusinessCalendar, dueOn: Day): Day {
  return businessDayOnOrBefore(cal, dueOn);
}

/** Reminder thresholds, in calendar days before the effective due date. */
export const REMIND_BEFORE = [30, 7] as const;
/** Within this many days of the effective due date a duty is "due soon". */
export const DUE_SOON_DAYS = 30;

export type DutyStatus =
  | { status: "done"; closedOn: Day }
  | { status: "overdue"; days: number }
  | { status: "due_soon"; days: number }
  | { status: "open"; days: number };

/** A duty's status on `today` (days: until the effective due date, or past it when overdue). */
export function dutyStatus(cal: BusinessCalendar, d: { dueOn: Day; closedOn: Day | null }, today: Day): DutyStatus {
  if (d.closedOn) return { status: "done", closedOn: d.closedOn };
  const left = BusinessCalendar.daysBetween(today, effectiveDue(cal, d.dueOn));
  if (left < 0) return { status: "overdue", days: -left };
  return left <= DUE_SOON_DAYS ? { status: "due_soon", days: left } : { status: "open", days: left };
}

export type ReminderStage = { stage: "30d" | "7d"; key: string; days: number } | { stage: "overdue"; key: string; days: number };

/**
 * The reminder an open duty is at on `today` (a business day), or null. `key` names it
 * for the once-only notice: "30d", "7d", "overdue-<week>" (week 0 from the day after
 * the effective due date, then one per 7 days). Only the latest stage counts: a duty
 * whose due date is set 10 days ahead gets the 7-day reminder, not both.
 */
export function reminderStage(cal: BusinessCalendar, dueOn: Day, today: Day): ReminderStage | null {
  const due = effectiveDue(cal, dueOn);
  const left = BusinessCalendar.daysBetween(today, due);
  if (left < 0) {
    const week = Math.floor((-left - 1) / 7);
    return { stage: "overdue", key: `overdue-${week}`, days: -left };
  }
  for (const n of [...REMIND_BEFORE].sort((a, b) => a - b)) {
    const sendOn = businessDayOnOrBefore(cal, BusinessCalendar.addDays(due, -n));
    if (today >= sendOn) return { stage: n === 7 ? "7d" : "30d", key: `${n}d`, days: left };
  }
  return null;
}

// ---- closing a duty: the modal's inputs ---------------------------------------------

export interface DoneInput {
  closedOn: string;
  documentUrl: string;
  note: string;
}
export type DoneProblem =
  | "date_missing"
  | "date_invalid"
  | "date_future"
  | "link_missing"
  | "link_not_https"
  | "link_invalid"
  | "link_too_long"
  | "note_too_long";

export const MAX_URL = 2000;
export const MAX_NOTE = 1000;

/** Checks what a person entered to close a duty; problems by field. */
export function checkDone(
  input: DoneInput,
  today: Day,
): { ok: true; closedOn: Day; documentUrl: string; note: string | null } | { ok: false; problems: Partial<Record<keyof DoneInput, DoneProblem>> } {
  const problems: Partial<Record<keyof DoneInput, DoneProblem>> = {};
  const date = input.closedOn.trim();
  if (!date) problems.closedOn = "date_missing";
  else if (!isDay(date)) problems.closedOn = "date_invalid";
  else if (date > today) problems.closedOn = "date_future";
  const url = input.documentUrl.trim();
  if (!url) problems.documentUrl = "link_missing";
  else if (url.length > MAX_URL) problems.documentUrl = "link_too_long";
  else if (!URL.canParse(url)) problems.documentUrl = /^https?:/i.test(url) ? "link_invalid" : "link_not_https";
  else {
    const u = new URL(url);
    if (u.protocol !== "https:") problems.documentUrl = "link_not_https";
    else if (!u.hostname || /\s/.test(url)) problems.documentUrl = "link_invalid";
  }
  const note = input.note.trim();
  if (note.length > MAX_NOTE) problems.note = "note_too_long";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, closedOn: date, documentUrl: url, note: note || null };
}

/** Why a change to a duty is refused. */
export type DutyRefusal = "not_found" | "not_owner" | "already_done" | "not_due_owner" | "register_unreviewed";

/**
 * Whether the register's review may be recorded as done while `unreviewed` entries were
 * not reviewed within the year: it may not. Refused rather than "record anyway?": the
 * duty's record says the register was checked this year, and an auditor (第30条) reading
 * "done" with entries left unchecked would find the record untrue; a confirmation is
 * clicked through and proves nothing. Refusing never blocks the chief for good: the chief
 * may mark any entry reviewed (register/rules.ts mayEdit), so the refusal only says what is
 * left to do. Other duties are not concerned.
 */
export function registerReviewBlocks(kind: DutyKind, unreviewed: number): boolean {
  return kind === "register-review" && unreviewed > 0;
}

/**
 * Who may close a duty: the people holding its owner role. The audit lead's duties
 * (audit plan, audit, report to the board) stay with the audit lead: the chief is the
 * one audited (第21条), so the chief cannot close them.
 */
export function mayClose(roles: readonly string[], ownerRole: string): boolean {
  return holdsNamed({ roles }, ownerRole);
}

/**
 * Who may change a due date: the holders of the duty's owner role. The audit lead's
 * duties (audit plan, audit, report to the board) are scheduled by the audit lead alone:
 * the audit is independent of the chief (第21条), so the chief, who is audited, cannot
 * move them. The chief moves the chief's own duties (第25条, 第26条).
 */
export function mayChangeDue(roles: readonly string[], kind: DutyKind): boolean {
  return holdsNamed({ roles }, DUTIES[kind].owner);
}
