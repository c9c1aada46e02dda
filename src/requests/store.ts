// Queries of the requests feature (no Slack, no business decisions).
import type { Db, Tx } from "../platform/db.js";
export { approvalsChannelFor, langOf } from "../directory/store.js";
import type { RequestKind } from "./kinds/index.js";
import type { Approvers, RequestStatus } from "./workflow.js";

type Q = Db | Tx;

export interface RequestSnapshot {
  id: string;
  code: string;
  kind: RequestKind;
  status: RequestStatus;
  rev: number;
  version: number;
  title: string;
  requesterId: string;
  requesterName: string;
  departmentId: string;
  departmentName: string;
  stage1By: string | null;
  channelId: string | null;
  messageTs: string | null;
  checklistTs: string | null;
  createdAt: Date;
  updatedAt: Date;
  effectiveAt: Date | null;
  data: Record<string, unknown>;
  events: { at: Date; actorId: string; action: string; reason: string | null; version: number }[];
  measures: { key: string; doneBy: string | null; doneAt: Date | null }[];
}

export async function findRequestId(q: Q, idOrCode: string): Promise<string | null> {
  const code = idOrCode.trim().toUpperCase();
  const r = await q.request.findFirst({
    where: /^PRV-\d{4}-\d+$/.test(code) ? { code } : { id: idOrCode },
    select: { id: true },
  });
  return r?.id ?? null;
}

export async function loadRequest(q: Q, id: string): Promise<RequestSnapshot | null> {
  const r = await q.request.findUnique({
    where: { id },
    include: {
      versions: { orderBy: { version: "desc" }, take: 1 },
      events: { orderBy: { id: "asc" } },
      measures: { orderBy: { position: "asc" } },
    },
  });
  if (!r) return null;
  // one after the other: q may be a transaction's single connection
  const requester = await q.person.findUnique({ where: { slackId: r.requesterId }, select: { name: true } });
  const dept = await q.department.findUnique({ where: { id: r.departmentId }, select: { name: true } });
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as RequestKind,
    status: r.status as RequestStatus,
    rev: r.rev,
    version: r.version,
    title: r.title,
    requesterId: r.requesterId,
    requesterName: requester?.name ?? r.requesterId,
    departmentId: r.departmentId,
    departmentName: dept?.name ?? r.departmentId,
    stage1By: r.stage1By,
    channelId: r.channelId,
    messageTs: r.messageTs,
    checklistTs: r.checklistTs,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    effectiveAt: r.effectiveAt,
    data: (r.versions[0]?.data ?? {}) as Record<string, unknown>,
    events: r.events.map((e) => ({ at: e.at, actorId: e.actorId, action: e.action, reason: e.reason, version: e.version })),
    measures: r.measures.map((m) => ({ key: m.key, doneBy: m.doneBy, doneAt: m.doneAt })),
  };
}

export async function loadVersions(q: Q, id: string) {
  return q.requestVersion.findMany({ where: { requestId: id }, orderBy: { version: "asc" } });
}

/** Who may decide requests of a department: its managers, the chiefs and the deputies. */
export async function approversFor(q: Q, departmentId: string): Promise<Approvers> {
  const rows = await q.person.findMany({
    where: {
      OR: [
        { departmentId, roles: { has: "manager" } },
        { roles: { has: `manager:${departmentId}` } },
        { roles: { hasSome: ["chief", "deputyChief"] } },
      ],
    },
    select: { slackId: true, roles: true, departmentId: true },
  });
  const managers: string[] = [];
  const chiefs: string[] = [];
  const deputies: string[] = [];
  for (const p of rows) {
    if ((p.departmentId === departmentId && p.roles.includes("manager")) || p.roles.includes(`manager:${departmentId}`)) managers.push(p.slackId);
    if (p.roles.includes("chief")) chiefs.push(p.slackId);
    if (p.roles.includes("deputyChief")) deputies.push(p.slackId);
  }
  return { managers, chiefs, deputies };
}

/** My requests (newest first) and the requests waiting for my decision or my measures. */
export async function requestsOf(q: Q, slackId: string, take = 20) {
  return q.request.findMany({
    where: { requesterId: slackId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, code: true, kind: true, status: true, title: true, updatedAt: true, channelId: true, messageTs: true, rev: true },
  });
}

export type RequestListItem = Awaited<ReturnType<typeof requestsOf>>[number];

export async function openRequestsForApprover(q: Q, roles: string[], departmentId: string | null, take = 50) {
  const isChiefLevel = roles.includes("chief") || roles.includes("deputyChief");
  const managed = roles.filter((r) => r.startsWith("manager:")).map((r) => r.slice("manager:".length));
  if (roles.includes("manager") && departmentId) managed.push(departmentId);
  const or: object[] = [];
  if (managed.length > 0) or.push({ status: "pending_manager", departmentId: { in: managed } });
  if (isChiefLevel) or.push({ status: { in: ["pending_chief", "approved", "pending_manager"] } });
  if (or.length === 0) return [];
  return q.request.findMany({
    where: { OR: or },
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, code: true, kind: true, status: true, title: true, updatedAt: true, channelId: true, messageTs: true, rev: true, requesterId: true, departmentId: true, stage1By: true },
  });
}
