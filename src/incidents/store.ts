// Queries of the incidents feature (no messages, no audit): the incident, the people who respond.
import type { Db, Tx } from "../platform/db.js";
import type { Incident, Person } from "../generated/prisma/client.js";
import type { Assessment, IncidentDeadlines } from "./rules.js";

type Q = Db | Tx;
export type IncidentRow = Incident;

export async function loadIncident(q: Q, id: string): Promise<IncidentRow | null> {
  return q.incident.findUnique({ where: { id } });
}

/**
 * The start of every change to an incident: its row locked for the rest of the transaction,
 * read, and the actor checked by `may`; refused as not_found or `denied`.
 */
export async function lockIncident<R extends string>(
  tx: Tx,
  incidentId: string,
  actorId: string,
  may: (actor: Person, incident: IncidentRow) => boolean,
  denied: R,
): Promise<{ ok: true; before: IncidentRow } | { ok: false; refusal: "not_found" | R }> {
  await tx.$queryRaw`SELECT id FROM "Incident" WHERE id = ${incidentId} FOR UPDATE`;
  const before = await loadIncident(tx, incidentId);
  if (!before) return { ok: false, refusal: "not_found" };
  const actor = await tx.person.findUnique({ where: { slackId: actorId } });
  if (!actor || !may(actor, before)) return { ok: false, refusal: denied };
  return { ok: true, before };
}

export async function findIncidentByCode(q: Q, code: string): Promise<IncidentRow | null> {
  return q.incident.findUnique({ where: { code: code.toUpperCase() } });
}

/** The people who own one of the incident's tasks (open or not). */
export async function taskOwnersOf(q: Q, incidentId: string): Promise<string[]> {
  return (await q.incidentTask.findMany({ where: { incidentId }, select: { ownerId: true }, distinct: ["ownerId"] })).map((t) => t.ownerId);
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
    secrecyFirstReportDueAt: i.secrecyFirstReportDueAt,
    secrecyDetailedReportDueAt: i.secrecyDetailedReportDueAt,
    partnerInvestigationDueAt: i.partnerInvestigationDueAt,
    partnerRecurrenceDueAt: i.partnerRecurrenceDueAt,
  };
}
