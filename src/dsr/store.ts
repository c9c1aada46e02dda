// Queries of the subject-requests and complaints feature (no messages, no audit).
import type { Complaint, SubjectRequest } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import { OPEN_DSR_STATUSES } from "./rules.js";

type Q = Db | Tx;
export type CaseRow = SubjectRequest;
export type ComplaintRow = Complaint;

export async function loadCase(q: Q, id: string): Promise<CaseRow | null> {
  return id ? q.subjectRequest.findUnique({ where: { id } }) : null;
}

export async function findCaseByCode(q: Q, code: string): Promise<CaseRow | null> {
  return q.subjectRequest.findUnique({ where: { code: code.toUpperCase() } });
}

export async function openCases(q: Q): Promise<CaseRow[]> {
  return q.subjectRequest.findMany({ where: { status: { in: [...OPEN_DSR_STATUSES] } }, orderBy: [{ ceilingOn: "asc" }, { code: "asc" }] });
}

export async function loadComplaint(q: Q, id: string): Promise<ComplaintRow | null> {
  return id ? q.complaint.findUnique({ where: { id } }) : null;
}

export async function findComplaintByCode(q: Q, code: string): Promise<ComplaintRow | null> {
  return q.complaint.findUnique({ where: { code: code.toUpperCase() } });
}

export async function openComplaints(q: Q): Promise<ComplaintRow[]> {
  return q.complaint.findMany({ where: { status: "open" }, orderBy: [{ receivedOn: "asc" }, { code: "asc" }] });
}

/** Whether a code an item may be linked to exists (INC-… or DSR-…). */
export async function linkExists(q: Q, code: string): Promise<boolean> {
  const c = code.toUpperCase();
  if (c.startsWith("INC-")) return (await q.incident.count({ where: { code: c } })) > 0;
  if (c.startsWith("DSR-")) return (await q.subjectRequest.count({ where: { code: c } })) > 0;
  return false;
}
