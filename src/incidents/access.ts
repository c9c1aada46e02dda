// Who may see and act on an incident. Pure: people come in as arguments.
//   assessors:  the chief, the deputy chief, compliance (第7条 assessment, "評価する")
//   responders: the assessors and the incident's lead (the person the chief or the deputy
//               assigned): they assess, acknowledge, move the status, run the tasks, write
//               the report's items and draft the report, on that incident
//   who sees:   the responders, the reporter and the auditor
//   task owners: anyone a responder made the owner of one of its tasks sees its status
//               (/privacy incident status, not the report draft) and marks their own
//               tasks done or not applicable (tasks/flows.ts updateTask), nothing else
//   who assigns the lead: the chief and the deputy chief
import { isChiefOrDeputy, mayTriageIncidents, seesAllDepartments } from "../directory/roles.js";
import { codePattern } from "../platform/codes.js";

export interface IncidentPerson {
  slackId: string;
  roles: readonly string[];
}

/** May complete or change the assessment of any incident (by role). */
export function mayAssess(p: IncidentPerson): boolean {
  return mayTriageIncidents(p);
}

/** May act on this incident: an assessor, or its lead. */
export function mayRespond(p: IncidentPerson, incident: { leadId: string | null }): boolean {
  return mayAssess(p) || (incident.leadId !== null && incident.leadId === p.slackId);
}

/** May assign (or change) the incident lead: the chief or the deputy chief. */
export function mayAssignLead(p: IncidentPerson): boolean {
  return isChiefOrDeputy(p);
}

/** May see the incident's details (its status, deadlines, the assessment). */
export function maySee(p: IncidentPerson, incident: { reporterId: string; leadId?: string | null }): boolean {
  return p.slackId === incident.reporterId || seesAllDepartments(p) || (incident.leadId != null && incident.leadId === p.slackId);
}

/**
 * May see the incident's status (`/privacy incident status`): who sees it, and the owner
 * of one of its tasks (who may not be in the restricted incidents channel, and acts on
 * their tasks from the DM). Not the report draft: that stays with maySee.
 */
export function maySeeStatus(p: IncidentPerson, incident: { reporterId: string; leadId?: string | null }, taskOwnerIds: readonly string[]): boolean {
  return maySee(p, incident) || taskOwnerIds.includes(p.slackId);
}

export const INCIDENT_CODE = codePattern("INC");
