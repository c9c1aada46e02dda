// The rules of personal-data incidents (個人データの漏えい等, APPI Art.26, 施行規則 第7条・
// 第8条, seed 000 第9条, seed 004 §11) as plain functions: is it reportable and why, the
// deadlines from the moment of discovery, what changes when the assessment changes, the
// task checklist, the status flow, the escalation ladder and the deadline reminders.
// Pure: time comes in as arguments (never Date.now()), no database, no Slack.
//
// How days are counted (deadlines()):
// - Calendar days, weekends and public holidays included: the law and the PPC guidance
//   speak of days (速報 "promptly", about 3-5 days; 確報 30 days, 60 for an
//   unauthorized-intent cause), not business days.
// - The day of discovery (the Japanese calendar day of `discoveredAt`) is day 1, so the
//   30-day final report of an incident found at 10:00 on 1 April is due by the end of
//   30 April. This is the earlier of the two readings: the Civil Code's 初日不算入
//   (民法 第140条) would start counting on the next day and give 1 May. A compliance tool
//   should never be why a report is a day late; `countFrom: "next-day"` gives the Civil
//   Code reading if the company's counsel prefers it.
// - A deadline ends at the end of its last day (23:59:59.999) in the company's time zone,
//   Asia/Tokyo by default: a period counted in days ends when the last day ends
//   (民法 第141条), the regulator is Japanese and its days are Japanese days, and the
//   PPC's online form takes reports at any hour. So an incident found at 08:00 JST
//   (23:00 UTC the day before) counts from the Japanese day, not the UTC one.
// - A deadline that falls on a weekend or holiday is NOT moved later: earlier is safe.
//
// The processor case (asProcessor): when the company only handles the data for a client
// (委託先), telling the entrusting client promptly discharges both its report to the PPC
// and its notice to the people affected (APPI Art.26(1) proviso, and Art.26(2) which only
// binds those who report); the contract with the client may ask for more. (Seed 000 is the
// other direction: it binds the company's own partners, see "Partners" below.) So the
// result says the incident is reportable *by the client*, and the "client told" task and
// deadline replace the regulator reports and the notice.
//
// Suspected counts (第7条 "発生し、又は発生したおそれがある"): the 1,000-people category counts
// when more than 1,000 people are affected or may be (mayExceedThousand). A number nobody
// knows yet is never "not reportable": with no other category it is undetermined (要判断),
// and the 速報/確報 deadlines and tasks stay open until a reassessment settles it.
//
// The company's own policies (seed 002 §7(1), seed 004 §11(1)) promise notice to the people
// affected and publication for every leak, reportable or not: those two tasks apply to
// every incident the company holds for itself; a person sets them aside only with a reason
// (for publication, the exceptions of seed 002 §7(2) / seed 004 §11(2)).
//
// Partners (atPartner): seed 000 第9条 binds the company's business partners (its agents and
// processors) to report a leak to the company at once, investigate and report the results
// (1項) and report their recurrence measures (2項). The company's clock starts when it
// learns (discoveredAt); the partner's two reports become tasks whose due dates are company
// settings (the seed says 直ちに / 速やかに, no number of days).
//
// Telecom (telecom: true): a telecommunications operator whose privacy policy follows
// seed 004 §11 also reports the facts to the ministry (総務省) "immediately" (直ちに), for
// every leak, reportable to the PPC or not; by default by the end of the day of discovery.
// This is the company's own promise (its policy), not the APPI's.
//
// Further report tracks of a carrier (issue 13; who receives each, and the wording: tracks.ts):
// - a leak of 通信の秘密 is reported under 電気通信事業法 第28条 / 同法施行規則 第57条 whatever
//   施行規則 第7条 says: 第一報 速やかに (the company's setting, 2 days by default) and 詳報
//   within 30 days of learning of it. "Unknown" counts as involved until a reassessment says no.
// - My Number (特定個人情報, 番号利用法 第29条の4) and, for a designated carrier, 特定利用者情報:
//   their own report tasks, without a deadline of the bot's own (recipient and period 要確認).
// - a 認定個人情報保護団体 the company belongs to: an extra report task where the company reports.
import { BusinessCalendar, type Day } from "../platform/schedule/calendar.js";

// ---- assessment and reportability (施行規則 第7条) ------------------------------------

/** The triage answers (the chief's or the incident lead's assessment). */
export interface Assessment {
  /** 要配慮個人情報 is among the data (第7条1号) */
  sensitive: boolean;
  /** misuse of the data may cause financial loss, e.g. card numbers, banking passwords (第7条2号) */
  financialLoss: boolean;
  /** possibly caused with unauthorized intent (不正の目的), e.g. intrusion, insider theft (第7条3号) */
  malicious: boolean;
  /** people whose data is or may be affected; null while unknown */
  affectedCount: number | null;
  /** strongly encrypted (高度な暗号化) and the key did not leak: excluded from 第7条 */
  stronglyEncrypted: boolean;
  /** the company holds the data as a processor (委託先) for a client */
  asProcessor: boolean;
  /** the company is a telecom operator reporting to the ministry as well (seed 004 §11 [3]) */
  telecom?: boolean;
  /** 通信の秘密 involved (電気通信事業法 第4条, 第28条); unknown counts as involved */
  secrecy?: TriState;
  /** 特定個人情報 (My Number) involved (番号利用法 第29条の4); unknown counts as involved */
  myNumber?: TriState;
  /** 特定利用者情報 involved (only asked of a designated carrier); unknown counts as involved */
  specifiedUserInfo?: TriState;
  /** the company is a designated carrier (settings company.designatedCarrier) */
  designatedCarrier?: boolean;
  /** the company belongs to a 認定個人情報保護団体 (settings company.accreditedBody) */
  accreditedBody?: boolean;
  /** more than 1,000 people may be affected (第7条4号 read with "発生したおそれ"), whatever the number known so far */
  mayExceedThousand?: boolean;
  /** it happened at a business partner (agent or processor) who reported it to the company (seed 000 第9条) */
  atPartner?: boolean;
}

/** A yes/no question that may still be open: "unknown" never silently means no. */
export type TriState = "yes" | "no" | "unknown";
export const TRI_STATES = ["yes", "no", "unknown"] as const;
/** Whether a yes/no/unknown answer makes a track apply (yes, or not yet known). */
export const involves = (v: TriState | undefined): boolean => v === "yes" || v === "unknown";

/** The four kinds of 第7条 event, in the order of the article (1号-4号). */
export const REPORTABLE_CATEGORIES = ["sensitive", "financial-loss", "malicious", "over-1000"] as const;
export type ReportableCategory = (typeof REPORTABLE_CATEGORIES)[number];

/** Why an incident is or is not reportable: the categories that apply, "encrypted" when the exclusion removed them, "processor" when the client reports. */
export type ReasonCode = ReportableCategory | "encrypted" | "processor";

/** More than this many people makes it reportable (第7条4号: "1,000人を超える"; exactly 1,000 is not). */
export const REPORTABLE_PEOPLE_THRESHOLD = 1000;

export interface Reportability {
  /** a 第7条 event: at least one category applies and the data was not strongly encrypted */
  reportable: boolean;
  reasons: ReasonCode[];
  /** who reports to the PPC: the company, the entrusting client (we tell the client), or nobody */
  reportedBy: "company" | "client" | null;
  /** the number of people is unknown, so 第7条4号 cannot be decided yet */
  countUnknown: boolean;
  /**
   * 要判断: no category applies yet but the number of people is unknown, so it may still be a
   * 第7条4号 event. Never read as "not reportable": the regulator's deadlines stay set.
   */
  undetermined: boolean;
}

/** The 第7条 categories that apply to an assessment, before the encryption exclusion. */
export function categoriesOf(a: Assessment): ReportableCategory[] {
  const out: ReportableCategory[] = [];
  if (a.sensitive) out.push("sensitive");
  if (a.financialLoss) out.push("financial-loss");
  if (a.malicious) out.push("malicious");
  if ((a.affectedCount !== null && a.affectedCount > REPORTABLE_PEOPLE_THRESHOLD) || a.mayExceedThousand === true) out.push("over-1000");
  return out;
}

/**
 * Whether an incident is reportable to the PPC (施行規則 第7条) and why. Strongly
 * encrypted data is excluded from every category (第7条 defines the 個人データ it counts
 * as excluding it); then the reasons still name the categories, followed by "encrypted".
 * A processor's reportable incident is reported by the client: reportedBy "client" and
 * "processor" among the reasons (see the head of this file).
 */
export function reportability(a: Assessment): Reportability {
  const categories = categoriesOf(a);
  const countUnknown = a.affectedCount === null && a.mayExceedThousand !== true;
  if (a.stronglyEncrypted && categories.length)
    return { reportable: false, reasons: [...categories, "encrypted"], reportedBy: null, countUnknown, undetermined: false };
  if (categories.length === 0) return { reportable: false, reasons: [], reportedBy: null, countUnknown, undetermined: countUnknown && !a.stronglyEncrypted };
  if (a.asProcessor) return { reportable: true, reasons: [...categories, "processor"], reportedBy: "client", countUnknown, undetermined: false };
  return { reportable: true, reasons: categories, reportedBy: "company", countUnknown, undetermined: false };
}

// ---- deadlines ----------------------------------------------------------------------

export interface DeadlineOptions {
  /** 速報 (施行規則 第8条1項 "promptly"; guidance about 3-5 days) */
  preliminaryDays?: number;
  /** notice to the people affected (APPI Art.26(2) "promptly") */
  noticeDays?: number;
  /** 確報 (第8条2項) */
  finalDays?: number;
  /** 確報 when the cause may be malicious (第8条2項, 第7条3号) */
  finalDaysMalicious?: number;
  /**
   * Telling the entrusting client (seed 000 第9条1項 "速やかに"). Default 2: by the end of
   * the day after discovery, so the client still has its own 3-5 days for its 速報.
   */
  clientDays?: number;
  /** the report to the ministry (seed 004 §11 [3] "直ちに"). Default 1: the day of discovery. */
  ministryDays?: number;
  /** 通信の秘密: 第一報 (電気通信事業法 第28条 "速やかに"; the company's setting). Default 2. */
  secrecyFirstReportDays?: number;
  /** 通信の秘密: 詳報 (同法施行規則 第57条: 30 days of learning of it) */
  secrecyDetailedReportDays?: number;
  /** the partner's investigation report (seed 000 第9条1項 "直ちに"): a company setting, default 7 */
  partnerInvestigationDays?: number;
  /** the partner's recurrence-measures report (seed 000 第9条2項 "速やかに"): a company setting, default 30 */
  partnerRecurrenceDays?: number;
  timeZone?: string;
  /** which day is day 1: the day of discovery (default) or the day after (民法 第140条) */
  countFrom?: "discovery-day" | "next-day";
}

type Settings = Required<DeadlineOptions>;

export const DEFAULT_DEADLINE_OPTIONS: Settings = {
  preliminaryDays: 3,
  noticeDays: 3,
  finalDays: 30,
  finalDaysMalicious: 60,
  clientDays: 2,
  ministryDays: 1,
  secrecyFirstReportDays: 2,
  secrecyDetailedReportDays: 30,
  partnerInvestigationDays: 7,
  partnerRecurrenceDays: 30,
  timeZone: "Asia/Tokyo",
  countFrom: "discovery-day",
};

function settings(opts: DeadlineOptions = {}): Settings {
  const s = { ...DEFAULT_DEADLINE_OPTIONS, ...opts };
  for (const k of [
    "preliminaryDays",
    "noticeDays",
    "finalDays",
    "finalDaysMalicious",
    "clientDays",
    "ministryDays",
    "secrecyFirstReportDays",
    "secrecyDetailedReportDays",
    "partnerInvestigationDays",
    "partnerRecurrenceDays",
  ] as const) {
    if (!Number.isInteger(s[k]) || s[k] < 1) throw new RangeError(`${k} must be a whole number of days, at least 1 (got ${s[k]})`);
  }
  return s;
}

/** The deadlines of an incident; null where one does not apply. */
export interface IncidentDeadlines {
  /** 速報 to the PPC */
  preliminaryReportDueAt: Date | null;
  /** 確報 to the PPC */
  finalReportDueAt: Date | null;
  /** notice to the people affected (or the substitute: publication and an inquiry desk) */
  peopleNoticeDueAt: Date | null;
  /** telling the entrusting client (we are its processor) */
  clientToldDueAt: Date | null;
  /** report to the ministry (telecom) */
  ministryReportDueAt: Date | null;
  /** 通信の秘密: 第一報 (電気通信事業法 第28条) */
  secrecyFirstReportDueAt: Date | null;
  /** 通信の秘密: 詳報 (同法施行規則 第57条) */
  secrecyDetailedReportDueAt: Date | null;
  /** the partner's investigation report to the company (seed 000 第9条1項; company setting) */
  partnerInvestigationDueAt: Date | null;
  /** the partner's recurrence-measures report to the company (seed 000 第9条2項; company setting) */
  partnerRecurrenceDueAt: Date | null;
}
export type DeadlineKey = keyof IncidentDeadlines;
export const DEADLINE_KEYS: readonly DeadlineKey[] = [
  "clientToldDueAt",
  "ministryReportDueAt",
  "secrecyFirstReportDueAt",
  "preliminaryReportDueAt",
  "peopleNoticeDueAt",
  "finalReportDueAt",
  "secrecyDetailedReportDueAt",
  "partnerInvestigationDueAt",
  "partnerRecurrenceDueAt",
];

const DAY_MS = 86_400_000;

/** The last moment of a day in a time zone (23:59:59.999 local). */
export function endOfDay(day: Day, timeZone: string): Date {
  const cal = new BusinessCalendar({ timeZone });
  return new Date(cal.at(BusinessCalendar.addDays(day, 1), "00:00").getTime() - 1);
}

/** The end of day `days` counted from the discovery (see the head of this file). */
export function dueAfterDays(discoveredAt: Date, days: number, opts: DeadlineOptions = {}): Date {
  const s = settings(opts);
  const first = new BusinessCalendar({ timeZone: s.timeZone }).day(discoveredAt);
  const last = BusinessCalendar.addDays(first, s.countFrom === "next-day" ? days : days - 1);
  return endOfDay(last, s.timeZone);
}

/** The length of the final report's period for an assessment (30, or 60 for a malicious cause). */
export function finalReportDays(a: Assessment, opts: DeadlineOptions = {}): number {
  const s = settings(opts);
  return a.malicious ? s.finalDaysMalicious : s.finalDays;
}

/**
 * The deadlines from the moment of discovery. The regulator reports apply when the company
 * itself reports (reportedBy "company") and, provisionally, while it is undetermined (要判断);
 * the notice to the people affected whenever the company holds the data for itself (the
 * law for a reportable incident, the company's policies for every leak); the client
 * deadline when it is a processor (whether or not the incident is reportable); the ministry
 * deadline when it is a telecom operator; the partner's reports when it happened at a partner.
 */
export function deadlines(discoveredAt: Date, a: Assessment, opts: DeadlineOptions = {}): IncidentDeadlines {
  const s = settings(opts);
  const due = (days: number) => dueAfterDays(discoveredAt, days, s);
  const r = reportability(a);
  const companyReports = r.reportedBy === "company" || (r.undetermined && !a.asProcessor);
  return {
    preliminaryReportDueAt: companyReports ? due(s.preliminaryDays) : null,
    finalReportDueAt: companyReports ? due(finalReportDays(a, s)) : null,
    peopleNoticeDueAt: a.asProcessor ? null : due(s.noticeDays),
    clientToldDueAt: a.asProcessor ? due(s.clientDays) : null,
    ministryReportDueAt: a.telecom ? due(s.ministryDays) : null,
    secrecyFirstReportDueAt: secrecyTrack(a) ? due(s.secrecyFirstReportDays) : null,
    secrecyDetailedReportDueAt: secrecyTrack(a) ? due(s.secrecyDetailedReportDays) : null,
    partnerInvestigationDueAt: a.atPartner ? due(s.partnerInvestigationDays) : null,
    partnerRecurrenceDueAt: a.atPartner ? due(s.partnerRecurrenceDays) : null,
  };
}

/**
 * Whether the 通信の秘密 report (電気通信事業法 第28条) applies: a carrier, and secrecy of
 * communications involved or not yet ruled out. Whatever 施行規則 第7条 says: not the
 * encryption exclusion, not the processor proviso (the carrier's own duty).
 */
export function secrecyTrack(a: Assessment): boolean {
  return a.telecom === true && involves(a.secrecy);
}

// ---- reassessment -------------------------------------------------------------------

export type AssessmentField = keyof Assessment;
const ASSESSMENT_FIELDS: readonly AssessmentField[] = [
  "sensitive",
  "financialLoss",
  "malicious",
  "affectedCount",
  "stronglyEncrypted",
  "asProcessor",
  "telecom",
  "secrecy",
  "myNumber",
  "specifiedUserInfo",
  "mayExceedThousand",
  "atPartner",
];

export interface AssessmentChange {
  field: AssessmentField;
  from: boolean | number | string | null;
  to: boolean | number | string | null;
}

/** The assessment answers each deadline depends on. */
const DEPENDS_ON: Record<DeadlineKey, readonly AssessmentField[]> = {
  preliminaryReportDueAt: ["sensitive", "financialLoss", "malicious", "affectedCount", "mayExceedThousand", "stronglyEncrypted", "asProcessor"],
  finalReportDueAt: ["sensitive", "financialLoss", "malicious", "affectedCount", "mayExceedThousand", "stronglyEncrypted", "asProcessor"],
  peopleNoticeDueAt: ["asProcessor"],
  clientToldDueAt: ["asProcessor"],
  ministryReportDueAt: ["telecom"],
  secrecyFirstReportDueAt: ["telecom", "secrecy"],
  secrecyDetailedReportDueAt: ["telecom", "secrecy"],
  partnerInvestigationDueAt: ["atPartner"],
  partnerRecurrenceDueAt: ["atPartner"],
};

export interface DeadlineChange {
  deadline: DeadlineKey;
  /** "added": it now applies; "removed": it no longer does; "moved": its date changed */
  kind: "added" | "removed" | "moved";
  from: Date | null;
  to: Date | null;
  /** the changed answers that moved it */
  because: AssessmentField[];
  /** the length of the period before and after, when it changed (the final report: 30 → 60 days) */
  days?: { from: number; to: number };
}

export interface Reassessment {
  before: { reportability: Reportability; deadlines: IncidentDeadlines };
  after: { reportability: Reportability; deadlines: IncidentDeadlines };
  /** the answers that changed */
  assessmentChanges: AssessmentChange[];
  /** the deadlines that changed, in the order they fall due */
  changes: DeadlineChange[];
}

const OPTIONAL_FIELDS: readonly AssessmentField[] = ["telecom", "mayExceedThousand", "atPartner", "designatedCarrier", "accreditedBody"];
const TRI_FIELDS: readonly AssessmentField[] = ["secrecy", "myNumber", "specifiedUserInfo"];
const assessed = (a: Assessment, f: AssessmentField): boolean | number | string | null =>
  OPTIONAL_FIELDS.includes(f) ? a[f] === true : TRI_FIELDS.includes(f) ? ((a[f] as string | undefined) ?? null) : (a[f] as boolean | number | null);

/**
 * What a new assessment changes: the answers, whether it is reportable (and by whom), and
 * each deadline that appears, disappears or moves, with the answers that caused it (in
 * words, with the timeline's lines: wording.ts reassess).
 */
export function compareAssessments(previous: Assessment, next: Assessment, discoveredAt: Date, deadlineOpts: DeadlineOptions = {}): Reassessment {
  const s = settings(deadlineOpts);
  const before = { reportability: reportability(previous), deadlines: deadlines(discoveredAt, previous, s) };
  const after = { reportability: reportability(next), deadlines: deadlines(discoveredAt, next, s) };
  const assessmentChanges: AssessmentChange[] = ASSESSMENT_FIELDS.filter((f) => assessed(previous, f) !== assessed(next, f)).map((f) => ({
    field: f,
    from: assessed(previous, f),
    to: assessed(next, f),
  }));
  const changed = new Set(assessmentChanges.map((c) => c.field));
  const changes: DeadlineChange[] = [];
  for (const key of DEADLINE_KEYS) {
    const from = before.deadlines[key];
    const to = after.deadlines[key];
    if ((from?.getTime() ?? null) === (to?.getTime() ?? null)) continue;
    const change: DeadlineChange = {
      deadline: key,
      kind: from === null ? "added" : to === null ? "removed" : "moved",
      from,
      to,
      because: DEPENDS_ON[key].filter((f) => changed.has(f)),
    };
    if (key === "finalReportDueAt" && from !== null && to !== null) {
      change.days = { from: finalReportDays(previous, s), to: finalReportDays(next, s) };
    }
    changes.push(change);
  }
  return { before, after, assessmentChanges, changes };
}

// ---- tasks --------------------------------------------------------------------------

/** The checklist of an incident, in the order they are usually done. */
export const TASK_KEYS = [
  "containment", // 封じ込め
  "cause-found", // 原因の特定 (seed 000 第9条1項)
  "damage-assessed", // 被害状況の把握 (seed 000 第9条1項)
  "client-told", // 委託元への報告 (APPI Art.26(1) proviso)
  "ministry-report", // 総務省への報告 (seed 004 §11 [3])
  "preliminary-report", // 速報 (施行規則 第8条1項)
  "people-notified", // 本人への通知又は代替措置 (APPI Art.26(2))
  "publication", // 公表
  "final-report", // 確報 (第8条2項)
  "recurrence-prevention", // 再発防止策 (seed 000 第9条2項)
  "complaints-handled", // 第三者からの苦情等への対応 (seed 000 第9条3項)
  // the further report tracks (tracks.ts)
  "secrecy-first-report", // 通信の秘密 第一報 (電気通信事業法 第28条)
  "secrecy-detailed-report", // 通信の秘密 詳報 (同法施行規則 第57条)
  "my-number-report", // 特定個人情報の漏えい等の報告 (番号利用法 第29条の4)
  "specified-user-info-report", // 特定利用者情報 (designated carrier)
  "accredited-body-report", // 認定個人情報保護団体 (an extra recipient, where its rules ask)
  "partner-investigation", // the partner's investigation results (seed 000 第9条1項)
  "partner-recurrence", // the partner's recurrence measures (seed 000 第9条2項)
] as const;
export type TaskKey = (typeof TASK_KEYS)[number];

/** Why the assessment makes a task not applicable. */
export type NotApplicableCode =
  | "not-processor"
  | "not-telecom"
  | "not-reportable"
  | "encrypted"
  | "reported-by-client"
  | "no-secrecy"
  | "no-my-number"
  | "not-designated"
  | "no-specified-user-info"
  | "no-accredited-body"
  | "not-partner";

export interface TaskDefinition {
  key: TaskKey;
  /** the deadline the task follows; null when it has none of its own (the lead sets a date) */
  deadline: DeadlineKey | null;
  applies: boolean;
  /** why not, when it does not apply */
  notApplicableBecause: NotApplicableCode | null;
}

const TASK_DEADLINE: Record<TaskKey, DeadlineKey | null> = {
  containment: null,
  // the cause, the damage and the measures are items 4, 5 and 8 of the final report
  "cause-found": "finalReportDueAt",
  "damage-assessed": "finalReportDueAt",
  "client-told": "clientToldDueAt",
  "ministry-report": "ministryReportDueAt",
  "preliminary-report": "preliminaryReportDueAt",
  "people-notified": "peopleNoticeDueAt",
  publication: null,
  "final-report": "finalReportDueAt",
  "recurrence-prevention": "finalReportDueAt",
  "complaints-handled": null,
  "secrecy-first-report": "secrecyFirstReportDueAt",
  "secrecy-detailed-report": "secrecyDetailedReportDueAt",
  // no deadline of the bot's own: the recipient and the period are to be checked (要確認)
  "my-number-report": null,
  "specified-user-info-report": null,
  "accredited-body-report": null,
  "partner-investigation": "partnerInvestigationDueAt",
  "partner-recurrence": "partnerRecurrenceDueAt",
};

/** The deadline a task follows (its due date cannot be later), or null when it has none. */
export function taskDeadline(key: TaskKey): DeadlineKey | null {
  return TASK_DEADLINE[key] ?? null;
}

/**
 * A task's due date after a (re)assessment: the deadline it follows; a date a person set
 * by hand stays while it is earlier than that deadline (earlier is safe); a task without a
 * deadline keeps the date a person gave it.
 */
export function taskDueAfterAssessment(current: { dueAt: Date | null; setByHand: boolean }, deadline: Date | null, follows: boolean): Date | null {
  if (!follows) return current.dueAt;
  if (deadline === null) return null;
  if (current.setByHand && current.dueAt !== null && current.dueAt.getTime() < deadline.getTime()) return current.dueAt;
  return deadline;
}

/** Why the regulator's tasks do not apply, or null when the company reports. */
function notReportedByUs(r: Reportability): NotApplicableCode | null {
  if (r.reportedBy === "company" || r.undetermined) return null;
  if (r.reportedBy === "client") return "reported-by-client";
  return r.reasons.includes("encrypted") ? "encrypted" : "not-reportable";
}

function applicability(key: TaskKey, a: Assessment, r: Reportability): NotApplicableCode | null {
  switch (key) {
    case "client-told":
      return a.asProcessor ? null : "not-processor";
    case "ministry-report":
      return a.telecom ? null : "not-telecom";
    case "preliminary-report":
    case "final-report":
      return notReportedByUs(r);
    case "secrecy-first-report":
    case "secrecy-detailed-report":
      return !a.telecom ? "not-telecom" : involves(a.secrecy) ? null : "no-secrecy";
    case "my-number-report":
      return involves(a.myNumber) ? null : "no-my-number";
    case "specified-user-info-report":
      return !a.designatedCarrier ? "not-designated" : involves(a.specifiedUserInfo) ? null : "no-specified-user-info";
    case "accredited-body-report":
      return !a.accreditedBody ? "no-accredited-body" : notReportedByUs(r);
    case "people-notified":
    case "publication":
      // the company's policies: notice and publication for every leak (seed 002 §7(1)[1][2],
      // seed 004 §11(1)[1][2]); the law too where reportable (Art.26(2)). A processor leaves
      // them to the client, whose data it is (Art.26(1) proviso: the client reports and notifies)
      return a.asProcessor ? "reported-by-client" : null;
    case "partner-investigation":
    case "partner-recurrence":
      return a.atPartner ? null : "not-partner";
    default:
      // containment, cause, damage, recurrence prevention, third-party complaints: always
      // (with no complaints, "none received" is recorded as done, or a person marks it n/a)
      return null;
  }
}

/** The checklist for an assessment: every task, whether it applies and why not (with its labels: wording.ts taskDefinitions). */
export function checklistFor(a: Assessment): TaskDefinition[] {
  const r = reportability(a);
  return TASK_KEYS.map((key) => {
    const because = applicability(key, a, r);
    return { key, deadline: TASK_DEADLINE[key], applies: because === null, notApplicableBecause: because };
  });
}

export type TaskStatus = "open" | "done" | "not-applicable";

/** A task's state on an incident. */
export interface IncidentTask {
  key: TaskKey;
  status: TaskStatus;
  /** why not applicable: set from the assessment (code), or by a person (their words) */
  notApplicable: { code: NotApplicableCode } | { reason: string; by: string } | null;
}

/** The tasks of a newly assessed incident: open, or not applicable with the assessment's reason. */
export function initialTasks(a: Assessment): IncidentTask[] {
  return checklistFor(a).map((d) => ({
    key: d.key,
    status: d.applies ? "open" : "not-applicable",
    notApplicable: d.notApplicableBecause ? { code: d.notApplicableBecause } : null,
  }));
}

/**
 * The tasks after a reassessment: a task the assessment had set aside opens when it now
 * applies, an open task the assessment no longer needs is set aside; what people did
 * (done, or marked not applicable with their reason) stays.
 */
export function tasksAfterReassessment(tasks: IncidentTask[], a: Assessment): IncidentTask[] {
  const defs = new Map(checklistFor(a).map((d) => [d.key, d]));
  return tasks.map((t) => {
    const d = defs.get(t.key);
    if (!d) return t;
    const setAsideByAssessment = t.status === "not-applicable" && t.notApplicable !== null && "code" in t.notApplicable;
    if (t.status === "open" && !d.applies) return { ...t, status: "not-applicable", notApplicable: { code: d.notApplicableBecause! } };
    if (setAsideByAssessment && d.applies) return { ...t, status: "open", notApplicable: null };
    if (setAsideByAssessment && !d.applies) return { ...t, notApplicable: { code: d.notApplicableBecause! } };
    return t;
  });
}

/** A person marks a task not applicable; the reason is required. */
export function markNotApplicable(task: IncidentTask, reason: string, by: string): IncidentTask {
  const r = reason.trim();
  if (!r) throw new Error("a reason is required to mark a task not applicable");
  return { ...task, status: "not-applicable", notApplicable: { reason: r, by } };
}

export function markDone(task: IncidentTask): IncidentTask {
  return { ...task, status: "done", notApplicable: null };
}

export interface Closability {
  ok: boolean;
  /** tasks neither done nor not applicable */
  openTasks: TaskKey[];
  /** no recurrence-prevention entry (再発防止策) yet */
  recurrencePreventionMissing: boolean;
}

/** Closing requires every task done or not applicable, and a recurrence-prevention entry. */
export function canClose(tasks: IncidentTask[], hasRecurrencePrevention: boolean): Closability {
  const openTasks = tasks.filter((t) => t.status === "open").map((t) => t.key);
  return { ok: openTasks.length === 0 && hasRecurrencePrevention, openTasks, recurrencePreventionMissing: !hasRecurrencePrevention };
}

// ---- status -------------------------------------------------------------------------

export const INCIDENT_STATUSES = ["open", "triaged", "contained", "reported_preliminary", "reported_final", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** What moves an incident: the assessment, containment, the two reports, closing. */
export const INCIDENT_EVENTS = {
  triage: "triaged",
  contain: "contained",
  reportPreliminary: "reported_preliminary",
  reportFinal: "reported_final",
  close: "closed",
} as const satisfies Record<string, IncidentStatus>;
export type IncidentEvent = keyof typeof INCIDENT_EVENTS;

/**
 * The moves. Forward only, one step at a time, with three shortcuts the reality of an
 * incident needs: the 速報 may go out before containment is finished (its deadline does
 * not wait; the containment task stays open), a 速報 that already holds every item may
 * serve as the 確報 too, and an incident nobody reports to the PPC (not reportable, or the
 * client reports) closes once contained. Whether closing is allowed beyond the status is
 * canClose's question (tasks and recurrence prevention).
 */
const MOVES: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ["triaged"],
  triaged: ["contained", "reported_preliminary", "reported_final"],
  contained: ["reported_preliminary", "reported_final", "closed"],
  reported_preliminary: ["reported_final"],
  reported_final: ["closed"],
  closed: [],
};

export function canMove(from: IncidentStatus, to: IncidentStatus): boolean {
  return MOVES[from].includes(to);
}

const rank = (s: IncidentStatus) => INCIDENT_STATUSES.indexOf(s);

/**
 * The status after an event: the event's status when the move is allowed; unchanged when
 * the incident is already past it (containment finished after the 速報 went out); null
 * when the event cannot happen now (closing an open incident, reporting before triage).
 */
export function statusAfter(from: IncidentStatus, event: IncidentEvent): IncidentStatus | null {
  const to = INCIDENT_EVENTS[event];
  if (canMove(from, to)) return to;
  if (from !== "closed" && rank(from) >= rank(to) && to !== "closed") return from;
  return null;
}

// ---- escalation ---------------------------------------------------------------------

export type EscalationTarget = "deputyChief" | "compliance" | "complianceChannel";

export interface Escalation {
  step: "30m" | "2h";
  /** once-only key of the step; callers scope it by incident (incidentNoticeKey) */
  key: string;
  dueAt: Date;
  notify: EscalationTarget[];
}

const MINUTE_MS = 60_000;
const ESCALATION_STEPS: readonly { step: Escalation["step"]; afterMs: number; notify: EscalationTarget[] }[] = [
  { step: "30m", afterMs: 30 * MINUTE_MS, notify: ["deputyChief", "compliance"] },
  { step: "2h", afterMs: 120 * MINUTE_MS, notify: ["deputyChief", "compliance", "complianceChannel"] },
];

/**
 * The escalation due for an unacknowledged incident at `now`: 30 minutes after it was
 * reported, the deputy chief and compliance; after 2 hours, them again and the compliance
 * channel. Only the latest step reached is returned: its recipients include the earlier
 * one's, so a job that was down at 30 minutes does not send two escalations at 2 hours.
 * Nothing once acknowledged (at or before `now`). Incidents ignore quiet hours, so there
 * is no calendar here.
 */
export function escalationsDue(incident: { reportedAt: Date; acknowledgedAt: Date | null }, now: Date): Escalation[] {
  if (incident.acknowledgedAt !== null && incident.acknowledgedAt.getTime() <= now.getTime()) return [];
  const elapsed = now.getTime() - incident.reportedAt.getTime();
  const reached = ESCALATION_STEPS.filter((s) => elapsed >= s.afterMs);
  const latest = reached[reached.length - 1];
  if (!latest) return [];
  return [{ step: latest.step, key: `escalation:${latest.step}`, dueAt: new Date(incident.reportedAt.getTime() + latest.afterMs), notify: [...latest.notify] }];
}

// ---- deadline reminders -------------------------------------------------------------

export type ReminderRecipient = "owner" | "chief" | "compliance";

export interface DeadlineReminder {
  stage: "48h" | "24h" | "passed" | "overdue";
  /** whole days past the deadline (overdue reminders: 1, 2, ...) */
  overdueDays?: number;
  /** once-only key: `${taskKey}:${due ISO}:48h|24h|passed|overdue:<n>`; a moved deadline gets new keys */
  key: string;
  to: ReminderRecipient[];
}

const HOUR_MS = 3_600_000;

/**
 * The reminder due for a deadline at `now`: 48 and 24 hours before, at the moment it
 * passes, then every 24 hours; the owner always, the chief and compliance once it has
 * passed. Only the latest stage reached is returned (a deadline first seen 20 hours
 * ahead gets the 24-hour reminder, not a late "48 hours left"), so each stage's key is
 * sent at most once by a sender that records keys; the same `now` gives the same key.
 */
export function deadlineReminders(due: Date, now: Date, taskKey: string): DeadlineReminder[] {
  const base = `${taskKey}:${due.toISOString()}`;
  const left = due.getTime() - now.getTime();
  if (left > 48 * HOUR_MS) return [];
  if (left > 24 * HOUR_MS) return [{ stage: "48h", key: `${base}:48h`, to: ["owner"] }];
  if (left > 0) return [{ stage: "24h", key: `${base}:24h`, to: ["owner"] }];
  const overdueDays = Math.floor(-left / DAY_MS);
  if (overdueDays === 0) return [{ stage: "passed", key: `${base}:passed`, to: ["owner", "chief", "compliance"] }];
  return [{ stage: "overdue", overdueDays, key: `${base}:overdue:${overdueDays}`, to: ["owner", "chief", "compliance"] }];
}

/** A notice key scoped to one incident (escalations, reminders), e.g. "incident:INC-2026-0001:escalation:30m". */
export const incidentNoticeKey = (incidentCode: string, key: string) => `incident:${incidentCode}:${key}`;

// ---- how long is left -----------------------------------------------------------------

/** How long until a deadline (or how long past it), in whole days and hours; `near` within a day. */
export interface TimeLeft {
  overdue: boolean;
  days: number;
  hours: number;
  /** at most one day left (the card makes it stand out) */
  near: boolean;
}

export function timeLeft(due: Date, now: Date): TimeLeft {
  const ms = due.getTime() - now.getTime();
  const abs = Math.abs(ms);
  return { overdue: ms <= 0, days: Math.floor(abs / DAY_MS), hours: Math.floor((abs % DAY_MS) / HOUR_MS), near: ms > 0 && ms <= DAY_MS };
}
