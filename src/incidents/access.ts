// Who may see and act on an incident. Pure: people come in as arguments.
//   responders: the reporter, the chief, the deputy chief, compliance, the auditor
//   assessors:  the chief, the deputy chief, compliance (第7条 assessment, "評価する")
export interface IncidentPerson {
  slackId: string;
  roles: string[];
}

const ASSESSOR_ROLES = ["chief", "deputyChief", "compliance"] as const;
const RESPONDER_ROLES = [...ASSESSOR_ROLES, "auditor"] as const;

const hasAny = (p: IncidentPerson, roles: readonly string[]) => p.roles.some((r) => roles.includes(r));

/** May complete or change the assessment of an incident. */
export function mayAssess(p: IncidentPerson): boolean {
  return hasAny(p, ASSESSOR_ROLES);
}

/** May see the incident's details (its status, deadlines, the assessment). */
export function maySee(p: IncidentPerson, incident: { reporterId: string }): boolean {
  return p.slackId === incident.reporterId || hasAny(p, RESPONDER_ROLES);
}

/** INC-2026-0001 */
export function incidentCode(year: number, n: number): string {
  return `INC-${year}-${String(n).padStart(4, "0")}`;
}

export const INCIDENT_CODE = /^INC-\d{4}-\d{4,}$/;
