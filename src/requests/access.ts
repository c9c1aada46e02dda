// Who may see a request, and what waits for whom.
import type { Actor } from "../directory/actor.js";
import { seesAllDepartments } from "../directory/roles.js";
import type { Db } from "../platform/db.js";
import { approversFor, openRequestsForApprover, type RequestSnapshot } from "./store.js";
import { eligibleDeciders, type RequestStatus } from "./workflow.js";
import { awaitingAnswerOf } from "../routes/consultation/store.js";

export async function canSeeRequest(db: Db, actor: Actor, r: RequestSnapshot): Promise<boolean> {
  if (actor.slackId === r.requesterId) return true;
  if (seesAllDepartments(actor)) return true;
  // 合議: a consultant on the version being decided (src/routes/consultation)
  if (r.consultation?.rules.some((x) => x.reviewers.includes(actor.slackId))) return true;
  const a = await approversFor(db, r.departmentId);
  return a.managers.includes(actor.slackId);
}

export interface WaitingItem {
  id: string;
  code: string;
  kind: string;
  status: RequestStatus;
  title: string;
  channelId: string | null;
  messageTs: string | null;
  requesterId: string;
  /** when the current stage began (its company target counts from here) */
  stageSince: Date | null;
  approvedAt: Date | null;
  createdAt: Date;
}

/** Requests waiting for this person's decision (or, for the chief, measures). */
export async function waitingFor(db: Db, actor: Actor): Promise<WaitingItem[]> {
  const candidates = await openRequestsForApprover(db, actor.roles, actor.departmentId);
  const out: WaitingItem[] = [];
  const approversByDept = new Map<string, Awaited<ReturnType<typeof approversFor>>>();
  for (const c of candidates) {
    const status = c.status as RequestStatus;
    if (status === "approved") {
      out.push({ ...c, status });
      continue;
    }
    let a = approversByDept.get(c.departmentId);
    if (!a) {
      a = await approversFor(db, c.departmentId);
      approversByDept.set(c.departmentId, a);
    }
    const e = eligibleDeciders({ status, requesterId: c.requesterId, stage1By: c.stage1By }, a);
    if (e?.people.includes(actor.slackId)) out.push({ ...c, status });
  }
  // 合議: the consultations waiting for this person's answer (src/routes/consultation)
  for (const c of await awaitingAnswerOf(db, actor.slackId)) if (!out.some((x) => x.id === c.id)) out.push({ ...c, status: c.status as RequestStatus });
  return out;
}
