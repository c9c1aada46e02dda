// Queries of the requests feature (no Slack, no business decisions).
import { CHIEF_OR_DEPUTY, isChief, isChiefOrDeputy, isDeputyChief, isManagerOf, managedDepartments } from "../directory/roles.js";
import { managerOfWhere } from "../directory/store.js";
import type { Db, Tx } from "../platform/db.js";
import { Prisma } from "../generated/prisma/client.js";
export { approvalsChannelFor, langOf } from "../directory/store.js";
import type { RequestKind } from "./kinds/index.js";
import type { Approvers, RequestStatus } from "./workflow.js";
import type { StoredDocument } from "../routes/documents/store.js";
import type { RoundAnswer, RoundRule } from "../routes/consultation/rules.js";

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
  events: { at: Date; actorId: string; action: string; reason: string | null; version: number; onBehalfOf?: string | null; detail?: string | null }[];
  /** note: what satisfied a measure the bot ticked itself (the register entry's code); evidence: a link or note given when ticking */
  measures: { key: string; doneBy: string | null; doneAt: Date | null; note?: string | null; evidenceUrl: string | null; evidenceNote: string | null }[];
  /** the documents of the current version (src/routes/documents) */
  documents?: StoredDocument[];
  /** the consultation (合議) of the current version, when there is one (src/routes/consultation) */
  consultation?: { rules: RoundRule[]; answers: RoundAnswer[] } | null;
}

export async function findRequestId(q: Q, idOrCode: string): Promise<string | null> {
  const code = idOrCode.trim().toUpperCase();
  const r = await q.request.findFirst({
    where: /^PRV-\d{4}-\d+$/.test(code) ? { code } : { id: idOrCode },
    select: { id: true },
  });
  return r?.id ?? null;
}

/**
 * The request with its newest version, history and measures, in one statement (a decision
 * loads it twice inside its transaction; Prisma's include would take six queries).
 * `lock` takes the row lock the state changes serialise on (SELECT … FOR UPDATE).
 */
export async function loadRequest(q: Q, id: string, opts: { lock?: boolean } = {}): Promise<RequestSnapshot | null> {
  const rows = opts.lock
    ? await q.$queryRaw<SnapshotRow[]>`${SNAPSHOT} WHERE r.id = ${id} FOR UPDATE OF r`
    : await q.$queryRaw<SnapshotRow[]>`${SNAPSHOT} WHERE r.id = ${id}`;
  const r = rows[0];
  if (!r) return null;
  return {
    ...r,
    kind: r.kind as RequestKind,
    status: r.status as RequestStatus,
    requesterName: r.requesterName ?? r.requesterId,
    departmentName: r.departmentName ?? r.departmentId,
    data: (json(r.data) ?? {}) as Record<string, unknown>,
    events: (json(r.events) as EventJson[]).map((e) => ({
      at: utc(e.at)!,
      actorId: e.actorId,
      action: e.action,
      reason: e.reason,
      version: e.version,
      onBehalfOf: e.onBehalfOf ?? null,
      detail: e.detail ?? null,
    })),
    measures: (json(r.measures) as MeasureJson[]).map((m) => ({
      key: m.key,
      doneBy: m.doneBy,
      doneAt: utc(m.doneAt),
      note: m.note ?? null,
      evidenceUrl: m.evidenceUrl ?? null,
      evidenceNote: m.evidenceNote ?? null,
    })),
    documents: (json(r.documents) as DocumentJson[]).map((d) => ({
      version: r.version,
      position: d.position,
      source: d.source as StoredDocument["source"],
      ...(d.fileId ? { fileId: d.fileId } : {}),
      name: d.name,
      ...(d.size !== null ? { size: d.size } : {}),
      ...(d.url ? { url: d.url } : {}),
      sha256: d.sha256,
      hashOf: d.hashOf as StoredDocument["hashOf"],
    })),
    consultation: r.consultRules ? { rules: json(r.consultRules) as RoundRule[], answers: json(r.consultAnswers) as RoundAnswer[] } : null,
  };
}

const SNAPSHOT = Prisma.sql`
  SELECT r.id, r.code, r.kind, r.status, r.rev, r.version, r.title, r."requesterId", p.name AS "requesterName",
         r."departmentId", d.name AS "departmentName", r."stage1By", r."channelId", r."messageTs", r."checklistTs",
         r."createdAt", r."updatedAt", r."effectiveAt",
         (SELECT v.data FROM "RequestVersion" v WHERE v."requestId" = r.id ORDER BY v.version DESC LIMIT 1) AS data,
         COALESCE((SELECT json_agg(json_build_object('at', e.at, 'actorId', e."actorId", 'action', e.action, 'reason', e.reason, 'version', e.version, 'onBehalfOf', e."onBehalfOf", 'detail', e.detail) ORDER BY e.id)
                     FROM "RequestEvent" e WHERE e."requestId" = r.id), '[]'::json) AS events,
         COALESCE((SELECT json_agg(json_build_object('key', m.key, 'doneBy', m."doneBy", 'doneAt', m."doneAt", 'note', m.note, 'evidenceUrl', m."evidenceUrl", 'evidenceNote', m."evidenceNote") ORDER BY m.position)
                     FROM "RequestMeasure" m WHERE m."requestId" = r.id), '[]'::json) AS measures,
         COALESCE((SELECT json_agg(json_build_object('position', d.position, 'source', d.source, 'fileId', d."fileId", 'name', d.name, 'size', d.size,
                                                     'url', d.url, 'sha256', d.sha256, 'hashOf', d."hashOf") ORDER BY d.position)
                     FROM "RequestDocument" d WHERE d."requestId" = r.id AND d.version = r.version), '[]'::json) AS documents,
         (SELECT json_agg(json_build_object('ruleId', c."ruleId", 'mode', c.mode, 'reviewers', c.reviewers) ORDER BY c."createdAt", c."ruleId")
            FROM "RequestConsultRule" c WHERE c."requestId" = r.id AND c.version = r.version) AS "consultRules",
         COALESCE((SELECT json_agg(json_build_object('reviewerId', a."reviewerId", 'answer', a.answer))
                     FROM "RequestConsultAnswer" a WHERE a."requestId" = r.id AND a.version = r.version), '[]'::json) AS "consultAnswers"
    FROM "Request" r
    LEFT JOIN "Person" p ON p."slackId" = r."requesterId"
    LEFT JOIN "Department" d ON d.id = r."departmentId"`;

/** A row of SNAPSHOT: the snapshot's own columns, the names outer-joined, the rest as json. */
type SnapshotRow = Omit<
  RequestSnapshot,
  "kind" | "status" | "requesterName" | "departmentName" | "data" | "events" | "measures" | "documents" | "consultation"
> & {
  kind: string;
  status: string;
  requesterName: string | null;
  departmentName: string | null;
  data: unknown;
  events: unknown;
  measures: unknown;
  documents: unknown;
  consultRules: unknown;
  consultAnswers: unknown;
};
interface DocumentJson {
  position: number;
  source: string;
  fileId: string | null;
  name: string;
  size: number | null;
  url: string | null;
  sha256: string;
  hashOf: string;
}
interface EventJson {
  at: string;
  actorId: string;
  action: string;
  reason: string | null;
  version: number;
  onBehalfOf?: string | null;
  detail?: string | null;
}
interface MeasureJson {
  key: string;
  doneBy: string | null;
  doneAt: string | null;
  note?: string | null;
  evidenceUrl?: string | null;
  evidenceNote?: string | null;
}

/** A json column as an object (drivers hand json back parsed or as text). */
function json(v: unknown): unknown {
  return typeof v === "string" ? JSON.parse(v) : v;
}

/** A timestamp inside json: the columns hold UTC without a zone ("2026-11-28T12:00:00.123"). */
function utc(s: string | null): Date | null {
  if (s === null) return null;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
}

export async function loadVersions(q: Q, id: string) {
  return q.requestVersion.findMany({ where: { requestId: id }, orderBy: { version: "asc" } });
}

/** The approvers of a department's requests; no deputy when the company turned the deputy chief off (governance.deputyChief). */
export async function approversFor(q: Q, departmentId: string, deputyChief = true): Promise<Approvers> {
  const rows = await q.person.findMany({
    where: { OR: [...managerOfWhere(departmentId), { roles: { hasSome: [...CHIEF_OR_DEPUTY] } }] },
    select: { slackId: true, roles: true, departmentId: true },
  });
  const managers: string[] = [];
  const chiefs: string[] = [];
  const deputies: string[] = [];
  for (const p of rows) {
    if (isManagerOf(p, departmentId)) managers.push(p.slackId);
    if (isChief(p)) chiefs.push(p.slackId);
    if (deputyChief && isDeputyChief(p)) deputies.push(p.slackId);
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

export async function openRequestsForApprover(q: Q, roles: readonly string[], departmentId: string | null, take = 50) {
  const isChiefLevel = isChiefOrDeputy({ roles });
  const managed = managedDepartments({ roles, departmentId });
  const or: object[] = [];
  if (managed.length > 0) or.push({ status: "pending_manager", departmentId: { in: managed } });
  if (isChiefLevel) or.push({ status: { in: ["pending_chief", "rejection_pending_chief", "approved", "pending_manager"] } });
  if (or.length === 0) return [];
  return q.request.findMany({
    where: { OR: or },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      code: true,
      kind: true,
      status: true,
      title: true,
      updatedAt: true,
      channelId: true,
      messageTs: true,
      rev: true,
      requesterId: true,
      departmentId: true,
      stage1By: true,
      stageSince: true,
      approvedAt: true,
      createdAt: true,
    },
  });
}
