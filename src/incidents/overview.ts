// Open incidents at a glance, for the compliance digest and the App Home tab: each with
// its status and its next deadline (the earliest due date of a task still open: only the
// task's own status settles it), overdue first. Queries only.
import type { Db, Tx } from "../platform/db.js";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { messageLink, type Services } from "../platform/services.js";
import { incidentMessages } from "./messages.js";
import { incidentOverviewMessages } from "./overviewMessages.js";
import { companyProfile } from "./config.js";
import { deadlineLabelFor, taskLabelFor } from "./trackMessages.js";
import type { TrackProfile } from "./tracks.js";
import { DEADLINE_KEYS, INCIDENT_STATUSES, type DeadlineKey, type IncidentStatus, type TaskKey } from "./rules.js";

type Q = Db | Tx;

/** The task each legal deadline belongs to (reminders are named after it). */
export const DEADLINE_TASK: Record<DeadlineKey, TaskKey> = {
  preliminaryReportDueAt: "preliminary-report",
  finalReportDueAt: "final-report",
  peopleNoticeDueAt: "people-notified",
  clientToldDueAt: "client-told",
  ministryReportDueAt: "ministry-report",
  secrecyFirstReportDueAt: "secrecy-first-report",
  secrecyDetailedReportDueAt: "secrecy-detailed-report",
  partnerInvestigationDueAt: "partner-investigation",
  partnerRecurrenceDueAt: "partner-recurrence",
};
const TASK_OF_DEADLINE = new Map<string, DeadlineKey>(DEADLINE_KEYS.map((k) => [DEADLINE_TASK[k], k]));

/**
 * The status from which a deadline counts as met, for an incident WITHOUT task rows only
 * (assessed before the checklist existed): the two regulator reports by their status; the
 * notice to the people affected (APPI Art.26(2), a duty of its own) and the client and the
 * ministry only by closing. With task rows, only a task's own status (done or not
 * applicable) stops its reminders and takes it off the next deadline: recording the 速報 or
 * the 確報 completes their tasks (status/flows.ts), and nothing else does.
 */
const MET_AT: Record<DeadlineKey, IncidentStatus> = {
  preliminaryReportDueAt: "reported_preliminary",
  finalReportDueAt: "reported_final",
  peopleNoticeDueAt: "closed",
  clientToldDueAt: "closed",
  ministryReportDueAt: "closed",
  secrecyFirstReportDueAt: "closed",
  secrecyDetailedReportDueAt: "closed",
  partnerInvestigationDueAt: "closed",
  partnerRecurrenceDueAt: "closed",
};
const rank = (s: string) => INCIDENT_STATUSES.indexOf(s as IncidentStatus);
/** Whether the status meets a deadline of an incident without task rows (the fallback). */
export const deadlineMet = (status: string, key: DeadlineKey) => rank(status) >= rank(MET_AT[key]);

/** The legal deadline a task's reminders stand for, if any. */
export const deadlineOfTask = (taskKey: string): DeadlineKey | undefined => TASK_OF_DEADLINE.get(taskKey);

/** What a reminder or a list calls a task's due date: the deadline's name (速報) or the task's. */
export function dueLabel(taskKey: string, lang: Lang, profile?: TrackProfile | null): string {
  const k = deadlineOfTask(taskKey);
  return k ? deadlineLabelFor(k, lang, profile) : taskLabelFor(taskKey, lang, profile);
}

export interface OpenIncident {
  id: string;
  code: string;
  status: string;
  channelId: string | null;
  messageTs: string | null;
  leadId: string | null;
  reportedAt: Date;
  /** the next due date of an open task, or null (not assessed yet, or nothing dated) */
  next: { taskKey: string; dueAt: Date; ownerId: string } | null;
  overdue: boolean;
}

/** One open incident as the digest and App Home list it: its code (a link to its post), its status, its next due date. */
export function openIncidentLine(s: Services, i: OpenIncident, lang: Lang): string {
  const m = incidentOverviewMessages(lang);
  const code = i.channelId && i.messageTs ? `<${messageLink(s, i.channelId, i.messageTs)}|${i.code}>` : i.code;
  const next = i.next
    ? m.next(dueLabel(i.next.taskKey, lang, companyProfile(s)), formatDateTime(i.next.dueAt, lang, s.timeZone), i.overdue)
    : i.status === "open"
      ? m.noNext
      : m.noDue;
  return m.item(code, incidentMessages(lang).status[i.status as IncidentStatus] ?? i.status, next);
}

/**
 * The open (not closed) incidents, overdue first (the longest overdue first), then by the
 * next due date, then those without one (not assessed yet first, oldest first).
 * `leadOf` keeps only the incidents led by that person.
 */
export async function openIncidents(q: Q, now: Date, opts: { leadOf?: string; take?: number } = {}): Promise<OpenIncident[]> {
  const incidents = await q.incident.findMany({
    where: { status: { not: "closed" }, ...(opts.leadOf ? { leadId: opts.leadOf } : {}) },
    select: { id: true, code: true, status: true, channelId: true, messageTs: true, leadId: true, reportedAt: true },
    orderBy: { reportedAt: "asc" },
  });
  if (incidents.length === 0) return [];
  const tasks = await q.incidentTask.findMany({
    where: { incidentId: { in: incidents.map((i) => i.id) }, status: "open", dueAt: { not: null } },
    select: { incidentId: true, key: true, dueAt: true, ownerId: true },
    orderBy: { dueAt: "asc" },
  });
  const out = incidents.map((i): OpenIncident => {
    const t = tasks.find((x) => x.incidentId === i.id);
    const next = t ? { taskKey: t.key, dueAt: t.dueAt!, ownerId: t.ownerId } : null;
    return { ...i, next, overdue: next !== null && next.dueAt.getTime() < now.getTime() };
  });
  out.sort((a, b) => {
    if (a.next && b.next) return a.next.dueAt.getTime() - b.next.dueAt.getTime();
    if (a.next) return -1;
    if (b.next) return 1;
    const open = (x: OpenIncident) => (x.status === "open" ? 0 : 1);
    return open(a) - open(b) || a.reportedAt.getTime() - b.reportedAt.getTime();
  });
  return opts.take ? out.slice(0, opts.take) : out;
}
