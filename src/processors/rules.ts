// The rules of processors (預託先, 規程 第15条) and of keeping and disposing of records
// (第15条7項, 第31条; APPI Art.29 provision records): the dates, the reminder stages and
// who may record what. Pure: no clock, no database, no Slack.
//
// Calendar days are YYYY-MM-DD strings here and DATE columns in the database.
import { isChiefOrDeputy, isManager, isManagerOf, seesAllDepartments, type RoleHolder } from "../directory/roles.js";
import { addDays, addMonths, addYears, daysBetween, isDay, type Day } from "../platform/day.js";
import type { BusinessCalendar } from "../platform/schedule/calendar.js";
import { httpsLink } from "../platform/links.js";

export { addDays, addMonths, addYears, dateDay, dayDate, dayIn, daysBetween, isDay, type Day } from "../platform/day.js";

// ---- processors: inspections (第15条6項) and documents (第15条7項) -----------------

/** The inspection cycles the entrustment form offers (months). */
export const INSPECTION_CYCLES = [6, 12, 24] as const;

/** The next inspection is due one cycle after `from` (the day the entrustment became effective, or the last inspection). */
export function nextInspectionDue(from: Day, months: number): Day {
  return addMonths(from, months);
}

/** The last day the contract documents are kept: `years` after the contract ends (第15条7項: 7 years). */
export function documentsRetainUntil(contractEnd: Day, years: number): Day {
  return addYears(contractEnd, years);
}

/** The first day kept documents may be disposed of: the day after the last day they are kept. */
export function disposableFrom(retainUntil: Day): Day {
  return addDays(retainUntil, 1);
}

/** The cycle of an entrustment: the one the approved form names, else the company's default. */
export function inspectionCycle(formValue: unknown, defaultMonths: number): number {
  const n = Number(formValue);
  return (INSPECTION_CYCLES as readonly number[]).includes(n) ? n : defaultMonths;
}

/**
 * Who runs the inspections (第15条6項: the department's 個人情報管理者): the manager who
 * approved the request at stage 1, else the requester when they manage the department,
 * else the department's first manager, else (no manager at all) the requester.
 */
export function responsibleFor(r: { requesterId: string; stage1By: string | null }, managers: string[]): string {
  if (r.stage1By && managers.includes(r.stage1By)) return r.stage1By;
  if (managers.includes(r.requesterId)) return r.requesterId;
  return [...managers].sort()[0] ?? r.requesterId;
}

/** Inspections are due only while the contract runs: not after it ended, nor when it ends before the due date. */
export function inspectionsRunning(p: { contractEnd: Day | null; nextInspectionDue: Day; disposed: boolean }, today: Day): boolean {
  if (p.disposed) return false;
  if (p.contractEnd === null) return true;
  return p.contractEnd >= today && p.nextInspectionDue <= p.contractEnd;
}

// ---- reminders ----------------------------------------------------------------------

/** Days before an inspection's due date that a reminder goes out (once each). */
export const REMIND_BEFORE = [30, 7] as const;

export interface InspectionStage {
  stage: "30d" | "7d" | "overdue";
  /** the once-only part of the notice key: "30d", "7d", "overdue-<week>" */
  key: string;
  /** days left (30d, 7d) or days past the due date (overdue) */
  days: number;
}

/** The last business day on or before `day` (a reminder due on a day off goes out before it). */
export function businessDayOnOrBefore(cal: BusinessCalendar, day: Day): Day {
  let d = day;
  for (let i = 0; i < 30 && !cal.isBusinessDay(d); i++) d = addDays(d, -1);
  return d;
}

/**
 * The reminder an inspection due on `due` is at on `today`, or null (more than 30 days
 * away). The 30- and 7-day reminders go out on the last business day on or before the
 * 30th and 7th day before (never after a weekend or holiday that hides the day); only
 * the latest counts, so a due date first seen 10 days ahead gets the 7-day reminder.
 * Overdue from the day after the due date, once a week: week 0 is days 1-7, week 1 days
 * 8-14, and so on.
 */
export function inspectionStage(cal: BusinessCalendar, due: Day, today: Day): InspectionStage | null {
  const left = daysBetween(today, due);
  if (left < 0) return { stage: "overdue", key: `overdue-${Math.floor((-left - 1) / 7)}`, days: -left };
  for (const n of [...REMIND_BEFORE].sort((a, b) => a - b)) {
    if (today >= businessDayOnOrBefore(cal, addDays(due, -n))) return { stage: n === 7 ? "7d" : "30d", key: `${n}d`, days: left };
  }
  return null;
}

/** The Monday of the week of `day`. */
export function weekOf(day: Day): Day {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/**
 * The weekly reminder of an item awaiting disposal since `from`, or null before: the
 * calendar week (its Monday), so the first run of each week lists everything still
 * waiting in one DM, and an item that starts waiting mid-week is told that day.
 */
export function disposalWeek(from: Day, today: Day): string | null {
  return today < from ? null : weekOf(today);
}

/** Snooze and notice key of a processor (its inspections and its documents). */
export const processorItem = (id: string) => `processor:${id}`;
/** Snooze and notice key of a provision record awaiting disposal. */
export const provisionItem = (id: string) => `provision:${id}`;

export const inspectionNoticeKey = (processorId: string, due: Day, stage: InspectionStage, person: string) =>
  `processors.inspection:${processorId}:${due}:${stage.key}:${person}`;
export const disposalNoticeKey = (item: string, from: Day, week: string, person: string) => `processors.disposal:${item}:${from}:${week}:${person}`;

// ---- who may ------------------------------------------------------------------------

// (the roles' questions are directory/roles.ts's; a manager's departments: managedDepartments there)

/** The list of processors: managers (their departments), the chief and deputy, compliance, the audit lead. */
export function mayListProcessors(a: RoleHolder): boolean {
  return isManager(a) || seesAllDepartments(a);
}

/** Sees every department's processors (a manager sees the departments they manage). */
export function seesAllProcessors(a: RoleHolder): boolean {
  return seesAllDepartments(a);
}

/** Inspections (第15条6項) and the contract's end: a manager of the processor's department, the chief or the deputy. */
export function mayRecordInspection(a: RoleHolder, departmentId: string): boolean {
  return isChiefOrDeputy(a) || isManagerOf(a, departmentId);
}
export const mayRecordContractEnd = mayRecordInspection;

/** Disposals: the chief, who keeps the documents (第15条7項), or the deputy. */
export function mayRecordDisposal(a: RoleHolder): boolean {
  return isChiefOrDeputy(a);
}

/** What is due for disposal: the chief and deputy, compliance, the audit lead. */
export function mayListDisposal(a: RoleHolder): boolean {
  return seesAllDepartments(a);
}

// ---- what people enter --------------------------------------------------------------

export const INSPECTION_RESULTS = ["ok", "findings"] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** 第31条: paper shredded or dissolved by a trusted contractor; media erased with software or destroyed. */
export const DISPOSAL_METHODS = ["shred", "dissolve", "erase", "destroy", "other"] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/** Why a record of an inspection, a contract end or a disposal was refused. */
export type Refusal =
  | "not_found"
  | "not_allowed"
  | "disposed"
  | "contract_over"
  | "already"
  | "before_last"
  | "end_before_start"
  | "retention_unknown"
  | "retention_running"
  | "not_handler"
  | "not_in_directory";

export const MAX_URL = 2000;
export const MAX_NOTE = 1000;

export type Problem =
  | "date_missing"
  | "date_invalid"
  | "date_future"
  | "result_missing"
  | "note_required"
  | "note_too_long"
  | "link_missing"
  | "link_not_https"
  | "link_invalid"
  | "method_missing"
  | "performer_missing";

export interface InspectionInput {
  inspectedOn: string | null | undefined;
  result: string | null | undefined;
  note: string | null | undefined;
  documentUrl: string | null | undefined;
}
export interface InspectionValue {
  inspectedOn: Day;
  result: InspectionResult;
  note: string | null;
  documentUrl: string;
}

type Checked<T> = { value: T } | { problem: Problem };

/** A day not after today. */
export function checkPastDay(v: string | null | undefined, today: Day): Checked<Day> {
  const d = (v ?? "").trim();
  if (!d) return { problem: "date_missing" };
  if (!isDay(d)) return { problem: "date_invalid" };
  if (d > today) return { problem: "date_future" };
  return { value: d };
}

/** A link to a document: https only. */
export function checkHttps(v: string | null | undefined): Checked<string> {
  return httpsLink(v, MAX_URL);
}

/** What was entered for an inspection; problems by field. */
export function checkInspection(
  input: InspectionInput,
  today: Day,
): { ok: true; value: InspectionValue } | { ok: false; problems: Partial<Record<keyof InspectionInput, Problem>> } {
  const problems: Partial<Record<keyof InspectionInput, Problem>> = {};
  const date = checkPastDay(input.inspectedOn, today);
  if ("problem" in date) problems.inspectedOn = date.problem;
  const result = (INSPECTION_RESULTS as readonly string[]).includes(input.result ?? "") ? (input.result as InspectionResult) : null;
  if (!result) problems.result = "result_missing";
  const note = (input.note ?? "").trim();
  if (note.length > MAX_NOTE) problems.note = "note_too_long";
  else if (result === "findings" && !note) problems.note = "note_required";
  const url = checkHttps(input.documentUrl);
  if ("problem" in url) problems.documentUrl = url.problem;
  if ("problem" in date || "problem" in url || !result || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { inspectedOn: date.value, result, note: note || null, documentUrl: url.value } };
}

export interface DisposalInput {
  method: string | null | undefined;
  performedBy: string | null | undefined;
  disposedOn: string | null | undefined;
  note: string | null | undefined;
}
export interface DisposalValue {
  method: DisposalMethod;
  performedBy: string;
  disposedOn: Day;
  note: string | null;
}

/** What was entered for a disposal; problems by field (the performer's role and the retention are checked against the database). */
export function checkDisposal(
  input: DisposalInput,
  today: Day,
): { ok: true; value: DisposalValue } | { ok: false; problems: Partial<Record<keyof DisposalInput, Problem>> } {
  const problems: Partial<Record<keyof DisposalInput, Problem>> = {};
  const method = (DISPOSAL_METHODS as readonly string[]).includes(input.method ?? "") ? (input.method as DisposalMethod) : null;
  if (!method) problems.method = "method_missing";
  const performedBy = (input.performedBy ?? "").trim();
  if (!performedBy) problems.performedBy = "performer_missing";
  const date = checkPastDay(input.disposedOn, today);
  if ("problem" in date) problems.disposedOn = date.problem;
  const note = (input.note ?? "").trim();
  if (note.length > MAX_NOTE) problems.note = "note_too_long";
  else if (method === "other" && !note) problems.note = "note_required";
  if ("problem" in date || !method || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { method, performedBy, disposedOn: date.value, note: note || null } };
}

/** A processor or provision record by request code (PRV-2026-0001) or id. */
export function parseRef(text: string | undefined): { code: string } | { id: string } | null {
  const t = (text ?? "").trim();
  if (!t) return null;
  if (/^PRV-\d{4}-\d+$/i.test(t)) return { code: t.toUpperCase() };
  if (/^[0-9a-f-]{8,64}$/i.test(t)) return { id: t.toLowerCase() };
  return null;
}
