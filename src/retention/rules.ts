// The rules of retention and disposal (規程 第31条; seeds 001 and 004: "保存期間経過後…遅滞なく消去"),
// for anything kept until a day: an effective purpose's data, the data a processor holds
// once its contract ended (規程 第15条2項(2)④, seed 000 第4条8項), later a register entry.
// Pure: no clock, no database, no Slack. Days are YYYY-MM-DD strings.
import { isChiefOrDeputy, isManagerOf, type RoleHolder } from "../directory/roles.js";
import { addDays, addMonths, daysBetween, isDay, type Day } from "../platform/day.js";
import { httpsLink } from "../platform/links.js";

export { addDays, dateDay, dayDate, dayIn, daysBetween, isDay, type Day } from "../platform/day.js";

/** What is kept: the subject of a retention item and of its disposal record. */
export const SUBJECT_KINDS = ["purpose", "processor_return", "entry"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** How the end day was found. */
export type Basis = "explicit" | "from_start" | "contract_end" | "unknown";

// ---- the retention rule ------------------------------------------------------------

export type RetentionState =
  /** the end day cannot be computed: someone must look (要確認) */
  | { state: "unknown" }
  /** kept: `daysLeft` days until the end day (0 on the end day itself) */
  | { state: "running"; end: Day; daysLeft: number }
  /** past the end day and not disposed of: due since `since` (the day after the end), `daysOver` days late */
  | { state: "due"; end: Day; since: Day; daysOver: number; week: Day }
  /** disposed of (the earliest record counts) */
  | { state: "disposed"; on: Day };

/**
 * The retention rule: (end day, disposals, today) → state. Data is kept through its end
 * day and is due for disposal from the day after (規程 第31条; the policies' 遅滞なく has no
 * fixed number of days, so "due" is counted from the first day). A disposal recorded
 * before the end closes the item too (data disposed of early is gone).
 */
export function retentionState(end: Day | null, disposals: readonly { disposedOn: Day }[], today: Day): RetentionState {
  if (disposals.length > 0) return { state: "disposed", on: [...disposals.map((d) => d.disposedOn)].sort()[0]! };
  if (end === null || !isDay(end)) return { state: "unknown" };
  if (today <= end) return { state: "running", end, daysLeft: daysBetween(today, end) };
  const since = addDays(end, 1);
  return { state: "due", end, since, daysOver: daysBetween(end, today), week: weekOf(today) };
}

/** The Monday of the week of `day`: the weekly reminder's key (one per calendar week). */
export function weekOf(day: Day): Day {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((dow + 6) % 7));
}

/** The once-only key of a weekly disposal reminder: per item, end day, week and person. */
export const reminderKey = (kind: SubjectKind, ref: string, end: Day, week: Day, person: string) => `retention.dispose:${kind}:${ref}:${end}:${week}:${person}`;
/** The snooze key of a retention item. */
export const retentionItemKey = (kind: SubjectKind, ref: string) => `retention:${kind}:${ref}`;

// ---- a purpose's end day (the purpose form, src/requests/kinds/purpose) -------------

/** The form's retention choices that name a number of years. */
const YEARS: Record<string, number> = { "1y": 1, "3y": 3, "5y": 5, "7y": 7 };

/**
 * The last day a purpose's data is kept, from its form: the end day the requester gave
 * (`retentionEnd`, added in issue 14), else for "N years" the collection's start day + N
 * years − 1 day (from_start: the form never said from when, so the UI says 要確認 next to
 * it), else unknown (until the purpose is achieved, other, or no start day: 要確認).
 */
export function purposeRetentionEnd(data: { retention?: unknown; retentionEnd?: unknown; startDate?: unknown }): { end: Day | null; basis: Basis } {
  if (isDay(data.retentionEnd)) return { end: data.retentionEnd, basis: "explicit" };
  const years = typeof data.retention === "string" ? YEARS[data.retention] : undefined;
  if (years && isDay(data.startDate)) return { end: addDays(addMonths(data.startDate, years * 12), -1), basis: "from_start" };
  return { end: null, basis: "unknown" };
}

// ---- who ------------------------------------------------------------------------------

/**
 * Who is reminded and may record the disposal: the owner while in the directory, else
 * (the owner left) the managers of the item's department.
 */
export function remindedFor(owner: string, ownerPresent: boolean, managers: readonly string[]): string[] {
  if (ownerPresent) return [owner];
  return [...managers].sort();
}

/** May record a disposal: the owner, a manager of the department, the chief or the deputy. */
export function mayRecordDisposal(a: RoleHolder & { slackId: string }, item: { ownerId: string; departmentId: string }): boolean {
  return a.slackId === item.ownerId || isManagerOf(a, item.departmentId) || isChiefOrDeputy(a);
}

// ---- the disposal form ------------------------------------------------------------------

/**
 * The methods (規程 第31条: paper shredded/dissolved, data erased with special software,
 * media physically destroyed; seed 000 第4条8項: returned to the company or destroyed by the
 * processor; the PPC guideline counts making data no longer identify anyone as 消去).
 */
export const DISPOSAL_METHODS = ["erase", "dissolve", "shred", "destroy", "return", "anonymize", "other"] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

export const MAX_URL = 2000;
export const MAX_NOTE = 1000;

export type Problem =
  | "method_missing"
  | "performer_missing"
  | "date_missing"
  | "date_invalid"
  | "date_future"
  | "link_missing"
  | "link_not_https"
  | "link_invalid"
  | "note_required"
  | "note_too_long";

export interface DisposalInput {
  method?: string | null;
  disposedOn?: string | null;
  performedBy?: string | null;
  evidenceUrl?: string | null;
  note?: string | null;
}
export interface DisposalValue {
  method: DisposalMethod;
  disposedOn: Day;
  performedBy: string;
  evidenceUrl: string;
  note: string | null;
}

type Checked<T> = { value: T } | { problem: Problem };

/** A link to the evidence: https with a host, no spaces. */
export function checkEvidence(v: string | null | undefined): Checked<string> {
  return httpsLink(v, MAX_URL);
}

/** What was entered in the disposal form; problems by field. */
export function checkDisposal(
  input: DisposalInput,
  today: Day,
): { ok: true; value: DisposalValue } | { ok: false; problems: Partial<Record<keyof DisposalInput, Problem>> } {
  const problems: Partial<Record<keyof DisposalInput, Problem>> = {};
  const method = (DISPOSAL_METHODS as readonly string[]).includes(input.method ?? "") ? (input.method as DisposalMethod) : null;
  if (!method) problems.method = "method_missing";
  const day = (input.disposedOn ?? "").trim();
  if (!day) problems.disposedOn = "date_missing";
  else if (!isDay(day)) problems.disposedOn = "date_invalid";
  else if (day > today) problems.disposedOn = "date_future";
  const performedBy = (input.performedBy ?? "").trim();
  if (!performedBy) problems.performedBy = "performer_missing";
  const url = checkEvidence(input.evidenceUrl);
  if ("problem" in url) problems.evidenceUrl = url.problem;
  const note = (input.note ?? "").trim();
  if (note.length > MAX_NOTE) problems.note = "note_too_long";
  else if (method === "other" && !note) problems.note = "note_required";
  if (!method || "problem" in url || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { method, disposedOn: day, performedBy, evidenceUrl: url.value, note: note || null } };
}

/** Why recording a disposal was refused. */
export type Refusal = "not_found" | "not_allowed" | "already" | "not_in_directory";
