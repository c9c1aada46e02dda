// The rules of annual training (規程 第28条), in plain TypeScript: who must take which
// course, when a course falls due, which reminder is due on a business morning, and
// what a typed date, evidence link or CSV line must look like. Pure: no clock, no I/O.
//
//  - A completion is valid for the course's validityMonths (12 by default): completed
//    on 2025-11-30, it expires on 2026-11-30 and is valid through that day (month ends
//    clamp like PostgreSQL: 2026-01-31 + 1 month = 2026-02-28).
//  - A course never completed is due NEVER_DONE_GRACE_DAYS (30) days after the day the
//    person was first found required to take it (the day the training job first saw
//    them in the course's audience; people already in the directory when the feature
//    starts get the same 30 days from its first run).
//  - Reminders: once when 30 days or fewer are left, once when 7 days or fewer are left,
//    then once per week while overdue (the first business morning of each 7-day window
//    after the due day). Each is written once per due day (a new completion moves the
//    due day and starts over), however often the job runs.
import { isHandler, isManager } from "../directory/roles.js";
import { addDays, addMonths, daysBetween, parseDay, type Day } from "../platform/day.js";
import type { Audience, Course } from "../settings.js";

export { addDays, addMonths, dayIn, daysBetween, parseDay, type Day } from "../platform/day.js";

export const NEVER_DONE_GRACE_DAYS = 30;
export const REMIND_DAYS_BEFORE = [30, 7] as const;
export const OVERDUE_EVERY_DAYS = 7;

/** The last day a completion of `course` on `completedOn` is valid. */
export function expiresOn(completedOn: Day, course: Pick<Course, "validityMonths">): Day {
  return addMonths(completedOn, course.validityMonths);
}

/** The day a course is due: its expiry when done before, else 30 days after it became required. */
export function dueOn(o: { lastCompletedOn: Day | null; requiredSince: Day; validityMonths: number }): Day {
  return o.lastCompletedOn ? addMonths(o.lastCompletedOn, o.validityMonths) : addDays(o.requiredSince, NEVER_DONE_GRACE_DAYS);
}

export type CourseState = "valid" | "expiring" | "overdue" | "never";

/** How a required course stands on `today`: valid, expiring (30 days or fewer left), overdue, or never done (not yet overdue). */
export function courseState(o: { lastCompletedOn: Day | null; due: Day; today: Day }): CourseState {
  const left = daysBetween(o.today, o.due);
  if (left < 0) return "overdue";
  if (!o.lastCompletedOn) return "never";
  return left <= REMIND_DAYS_BEFORE[0] ? "expiring" : "valid";
}

export type Threshold = "30d" | "7d" | "overdue";

export interface DueReminder {
  threshold: Threshold;
  /** days left until the due day (negative: overdue by that many days) */
  daysLeft: number;
  /** the once-only part of the notice key: the due day and the threshold (overdue: its week) */
  key: string;
}

/**
 * The reminder a course due on `due` calls for on `today`, or null. The key is the same
 * on every day of one threshold (and of one overdue week), so writing it once sends it
 * once: a threshold crossed on a Saturday or a public holiday goes out the next
 * business morning.
 */
export function reminderDue(due: Day, today: Day): DueReminder | null {
  const daysLeft = daysBetween(today, due);
  if (daysLeft < 0) {
    const week = Math.floor((-daysLeft - 1) / OVERDUE_EVERY_DAYS);
    return { threshold: "overdue", daysLeft, key: `${due}:overdue:${week}` };
  }
  if (daysLeft <= REMIND_DAYS_BEFORE[1]) return { threshold: "7d", daysLeft, key: `${due}:7d` };
  if (daysLeft <= REMIND_DAYS_BEFORE[0]) return { threshold: "30d", daysLeft, key: `${due}:30d` };
  return null;
}

/** The notice key of one person's reminder about one course. */
export const reminderKey = (personId: string, courseId: string, r: DueReminder) => `training:${personId}:${courseId}:${r.key}`;

/** Does a person with these roles belong to a course's audience? */
export function inAudience(audience: Audience, roles: readonly string[]): boolean {
  if (audience === "all") return true;
  if (audience === "manager") return isManager({ roles });
  return isHandler({ roles });
}

// ---- what people type ---------------------------------------------------------------

/** Looks like a date (so "2026-02-30" is an impossible date, not a URL or a course). */
export const looksLikeDay = (text: string) => /^\d{4}[-/]\d{1,2}[-/]\d{1,2}$/.test(text.trim());

/** An https URL (Slack's <https://…|label> escape unwrapped); null otherwise. */
export function parseEvidence(text: string): string | null {
  const raw = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text.trim())?.[1] ?? text.trim();
  try {
    const u = new URL(raw);
    return u.protocol === "https:" && u.hostname.length > 0 && raw.length <= 2000 ? raw : null;
  } catch {
    return null;
  }
}

/** A Slack user id from U123, <@U123> or <@U123|name>; null otherwise. */
export function parseSlackId(text: string): string | null {
  const t = text.trim();
  const m = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(t) ?? /^([UW][A-Z0-9]{2,})$/.exec(t);
  return m ? m[1]! : null;
}

// ---- the e-learning system's CSV ------------------------------------------------------

/**
 * Columns of the CSV (header names, any letter case, any order; other columns are ignored).
 * Each line names either a person of the directory (slackId) or a processor's staff member
 * (processor: the processor's code, staffRef: the reference the processor gives them; 第28条
 * "預託先等の関係者"). passed and score are the evaluation of 第28条 ("評価しなければならない").
 */
export const CSV_COLUMNS = { required: ["course", "completedOn"], optional: ["slackId", "evidence", "passed", "score", "processor", "staffRef"] } as const;
export const CSV_HEADER = "slackId,course,completedOn,evidence";
export const CSV_HEADER_FULL = "slackId,processor,staffRef,course,completedOn,passed,score,evidence";

export interface CsvCompletion {
  line: number;
  /** the person of the directory; "" for a processor's staff member */
  slackId: string;
  courseId: string;
  completedOn: Day;
  evidence: string | null;
  /** the evaluation (第28条): null when the line gives none */
  passed: boolean | null;
  score: number | null;
  /** a processor's staff member: the processor's code and the processor's own reference for them */
  processor: string | null;
  staffRef: string | null;
}

/** The key a completion is stored under: the Slack id, or "<processor code>:<reference>" for a processor's staff. */
export const completionPersonId = (r: Pick<CsvCompletion, "slackId" | "processor" | "staffRef">): string =>
  r.processor && r.staffRef ? `${r.processor}:${r.staffRef}` : r.slackId;

/** A processor's code: the code of the entrustment request that created it (e.g. PRV-2026-0003). */
export const PROCESSOR_CODE = /^PRV-\d{4}-\d{4,}$/;
/** A staff reference: a code the processor gives (letters, digits, . _ -; at most 40), so never a name with spaces or kana. */
export const STAFF_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** "passed" as written: yes/no, true/false, 1/0, pass/fail, 合格/不合格; undefined when none of them. */
export function parsePassed(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (["yes", "true", "1", "pass", "passed", "合格"].includes(t)) return true;
  if (["no", "false", "0", "fail", "failed", "不合格"].includes(t)) return false;
  return undefined;
}

export type CsvProblem =
  | { line: number; kind: "empty" }
  | { line: number; kind: "header"; missing: string[] }
  | { line: number; kind: "quote" }
  | { line: number; kind: "columns"; expected: number; got: number }
  | { line: number; kind: "slackId"; value: string }
  | { line: number; kind: "unknownPerson"; value: string }
  | { line: number; kind: "course"; value: string }
  | { line: number; kind: "date"; value: string }
  | { line: number; kind: "future"; value: string }
  | { line: number; kind: "evidence"; value: string }
  | { line: number; kind: "passed"; value: string }
  | { line: number; kind: "score"; value: string }
  | { line: number; kind: "staff"; value: string }
  | { line: number; kind: "unknownProcessor"; value: string };

/** One CSV record's cells (RFC 4180 quotes: "a,b" and "" inside quotes); null when a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"' && cur.trim() === "") {
      quoted = true;
      cur = "";
    } else if (ch === ",") {
      cells.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (quoted) return null;
  cells.push(cur.trim());
  return cells;
}

/**
 * Reads the CSV an admin pasted: a header naming slackId, course and completedOn (and
 * optionally evidence), then one completion per line. Lines are numbered as pasted
 * (the header is line 1 when it is the first line); blank lines are skipped. Every
 * problem is reported, so the admin can mend them all at once. People are checked
 * against the directory afterwards (`checkPeople`).
 */
export function parseCompletionCsv(text: string, courseIds: string[], today: Day): { rows: CsvCompletion[]; problems: CsvProblem[] } {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const rows: CsvCompletion[] = [];
  const problems: CsvProblem[] = [];
  let header: Map<string, number> | null = null;
  let width = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const raw = lines[i]!;
    if (raw.trim() === "") continue;
    const cells = splitCsvLine(raw);
    if (!cells) {
      problems.push({ line: lineNo, kind: "quote" });
      if (!header) return { rows: [], problems };
      continue;
    }
    if (!header) {
      const names = cells.map((c) => c.toLowerCase());
      const missing: string[] = CSV_COLUMNS.required.filter((c) => !names.includes(c.toLowerCase()));
      const staff = names.includes("processor") && names.includes("staffref");
      if (!names.includes("slackid") && !staff) missing.unshift("slackId");
      if (missing.length > 0) return { rows: [], problems: [{ line: lineNo, kind: "header", missing }] };
      header = new Map(names.map((n, idx) => [n, idx]));
      width = cells.length;
      continue;
    }
    if (cells.length !== width) {
      problems.push({ line: lineNo, kind: "columns", expected: width, got: cells.length });
      continue;
    }
    const cell = (name: string) => cells[header!.get(name.toLowerCase()) ?? -1] ?? "";
    const before = problems.length;
    // a processor's staff member (processor and staffRef, no slackId), or a person of the directory
    const processorText = cell("processor");
    const staffText = cell("staffRef");
    const isStaff = cell("slackId") === "" && (processorText !== "" || staffText !== "");
    const slackId = isStaff ? "" : parseSlackId(cell("slackId"));
    if (isStaff) {
      if (!PROCESSOR_CODE.test(processorText)) problems.push({ line: lineNo, kind: "unknownProcessor", value: processorText });
      if (!STAFF_REF.test(staffText)) problems.push({ line: lineNo, kind: "staff", value: staffText });
    } else if (!slackId) problems.push({ line: lineNo, kind: "slackId", value: cell("slackId") });
    const courseId = cell("course").toLowerCase();
    if (!courseIds.includes(courseId)) problems.push({ line: lineNo, kind: "course", value: cell("course") });
    const completedOn = parseDay(cell("completedOn"));
    if (!completedOn) problems.push({ line: lineNo, kind: "date", value: cell("completedOn") });
    else if (completedOn > today) problems.push({ line: lineNo, kind: "future", value: cell("completedOn") });
    const evidenceText = header.has("evidence") ? cell("evidence") : "";
    const evidence = evidenceText ? parseEvidence(evidenceText) : null;
    if (evidenceText && !evidence) problems.push({ line: lineNo, kind: "evidence", value: evidenceText });
    const passedText = cell("passed");
    const passed = passedText === "" ? null : parsePassed(passedText);
    if (passed === undefined) problems.push({ line: lineNo, kind: "passed", value: passedText });
    const scoreText = cell("score");
    const score = scoreText === "" ? null : /^\d{1,3}$/.test(scoreText) && Number(scoreText) <= 100 ? Number(scoreText) : undefined;
    if (score === undefined) problems.push({ line: lineNo, kind: "score", value: scoreText });
    if (problems.length === before)
      rows.push({
        line: lineNo,
        slackId: slackId!,
        courseId,
        completedOn: completedOn!,
        evidence,
        passed: passed ?? null,
        score: score ?? null,
        processor: isStaff ? processorText : null,
        staffRef: isStaff ? staffText : null,
      });
  }
  if (!header) return { rows: [], problems: [{ line: 1, kind: "header", missing: [...CSV_COLUMNS.required] }] };
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, kind: "empty" });
  return { rows, problems };
}

/** Problems for lines naming people who are not in the directory, or processors the company has no record of. */
export function checkPeople(rows: CsvCompletion[], known: Set<string>, processors: Set<string> = new Set()): CsvProblem[] {
  return rows.flatMap((r): CsvProblem[] => {
    if (r.processor) return processors.has(r.processor) ? [] : [{ line: r.line, kind: "unknownProcessor", value: r.processor }];
    return known.has(r.slackId) ? [] : [{ line: r.line, kind: "unknownPerson", value: r.slackId }];
  });
}
