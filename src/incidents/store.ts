// Queries of the incidents feature (no messages, no audit): the incident, the people who respond.
import type { Db, Tx } from "../platform/db.js";
import type { Incident } from "../generated/prisma/client.js";
import { peopleWithRole } from "../directory/store.js";
import type { Assessment, IncidentDeadlines } from "./rules.js";

type Q = Db | Tx;
export type IncidentRow = Incident;

export async function loadIncident(q: Q, id: string): Promise<IncidentRow | null> {
  return q.incident.findUnique({ where: { id } });
}

export async function findIncidentByCode(q: Q, code: string): Promise<IncidentRow | null> {
  return q.incident.findUnique({ where: { code: code.toUpperCase() } });
}

/** The people who own one of the incident's tasks (open or not). */
export async function taskOwnersOf(q: Q, incidentId: string): Promise<string[]> {
  return (await q.incidentTask.findMany({ where: { incidentId }, select: { ownerId: true }, distinct: ["ownerId"] })).map((t) => t.ownerId);
}

/** Who is told of a new incident and may assess it: the chiefs, the deputy chiefs, compliance. */
export async function respondersOf(q: Q): Promise<{ chiefs: string[]; deputies: string[]; compliance: string[] }> {
  const ids = async (role: "chief" | "deputyChief" | "compliance") => (await peopleWithRole(q, role)).map((p) => p.slackId);
  return { chiefs: await ids("chief"), deputies: await ids("deputyChief"), compliance: await ids("compliance") };
}

/** The stored assessment, or null before triage. */
export function assessmentOf(i: Pick<IncidentRow, "assessment">): Assessment | null {
  return (i.assessment as Assessment | null) ?? null;
}

export function deadlinesOf(i: IncidentRow): IncidentDeadlines {
  return {
    preliminaryReportDueAt: i.preliminaryReportDueAt,
    finalReportDueAt: i.finalReportDueAt,
    peopleNoticeDueAt: i.peopleNoticeDueAt,
    clientToldDueAt: i.clientToldDueAt,
    ministryReportDueAt: i.ministryReportDueAt,
  };
}
