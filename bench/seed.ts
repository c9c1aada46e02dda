// Fills the database with the history a company has after years of use, quickly (bulk
// inserts, not through Slack): requests in every status with their versions, history
// events, measures, a valid hash-chained audit log, the Slack deliveries seen, and the
// outbox rows already sent. The newest `targets` requests wait for stage 1 (sales), and
// their parent messages are posted to the fake so that presses carry real messages.
import crypto from "node:crypto";
import type { WebClient } from "@slack/web-api";
import { entryHash, GENESIS_HASH, verifyChain } from "../src/platform/audit/chain.js";
import type { Database } from "../src/platform/db.js";
import type { Services } from "../src/platform/services.js";
import { stateFromInputs, type ViewDefinition } from "../src/platform/slack/fake/index.js";
import { requestFormModal, requestMessage } from "../src/requests/blocks.js";
import { KINDS, REQUEST_KINDS, type FormValues, type RequestData, type RequestKind } from "../src/requests/kinds/index.js";
import { approvalsChannelFor, approversFor, type RequestSnapshot } from "../src/requests/store.js";
import { requestCode, type RequestStatus } from "../src/requests/workflow.js";
import { VALID_INPUTS } from "../test/support/forms.js";
import { ORG } from "../test/support/org.js";

export interface SeedOptions {
  /** requests in all */
  total: number;
  /** of which the newest wait for stage 1 in sales, for presses */
  targets: number;
}

/** A press target: a request waiting for stage 1, and its parent message in the fake. */
export interface Target {
  id: string;
  code: string;
  channel: string;
  ts: string;
  requesterId: string;
}

export interface SeedResult {
  ms: number;
  /** ms per step, to see what seeding costs */
  steps: Record<string, number>;
  rows: Record<string, number>;
  /** seed columns the migrated tables do not have (left out) */
  skippedColumns: string[];
  /** the audit chain, seeded history included, as `npm run audit:verify` checks it */
  auditChain: string;
  targets: Target[];
}

const P = ORG.people;
const DAY = 86_400_000;
const CHUNK = 5000;

/** Column types of the rows bulk-inserted (as jsonb_to_recordset needs them). */
const COLUMNS = {
  Request: {
    id: "text",
    code: "text",
    kind: "text",
    departmentId: "text",
    requesterId: "text",
    status: "text",
    version: "int",
    rev: "int",
    title: "text",
    stage1By: "text",
    channelId: "text",
    messageTs: "text",
    submissionKey: "text",
    createdAt: "timestamp(3)",
    updatedAt: "timestamp(3)",
    approvedAt: "timestamp(3)",
    effectiveAt: "timestamp(3)",
    // since migration 20261128000000_scheduler: when the current status began (backfilled there from updatedAt)
    stageSince: "timestamp(3)",
  },
  RequestVersion: { requestId: "text", version: "int", data: "jsonb", createdAt: "timestamp(3)", createdBy: "text" },
  RequestMeasure: { requestId: "text", key: "text", position: "int", doneBy: "text", doneAt: "timestamp(3)" },
  RequestEvent: { requestId: "text", at: "timestamp(3)", actorId: "text", action: "text", reason: "text", version: "int" },
  AuditEntry: { seq: "int", at: "timestamp(3)", actorId: "text", action: "text", subject: "text", data: "jsonb", prevHash: "text", hash: "text" },
} as const;

type Row<T extends keyof typeof COLUMNS> = { [K in keyof (typeof COLUMNS)[T]]: unknown };

/** The columns each table has in the migrated database (the schema may be ahead of or behind this file). */
async function tableColumns(database: Database): Promise<Map<string, Set<string>>> {
  const rows = await database.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const out = new Map<string, Set<string>>();
  for (const r of rows) out.set(r.table_name, (out.get(r.table_name) ?? new Set()).add(r.column_name));
  return out;
}

/**
 * INSERT … SELECT FROM jsonb_to_recordset($1): one statement and one parameter per
 * chunk, the same on PGlite and PostgreSQL. Dates go as ISO strings into timestamp(3)
 * columns, which keep the UTC wall time as Prisma does. Columns the migrated table does
 * not have (yet) are left out and reported in `skipped`.
 */
async function bulkInsert<T extends keyof typeof COLUMNS>(
  database: Database,
  existing: Map<string, Set<string>>,
  skipped: string[],
  table: T,
  rows: Row<T>[],
): Promise<void> {
  const has = existing.get(table);
  if (!has) throw new Error(`seed: table "${table}" does not exist; are the migrations applied?`);
  const columns = Object.entries(COLUMNS[table]).filter(([c]) => {
    if (has.has(c)) return true;
    if (!skipped.includes(`${table}.${c}`)) skipped.push(`${table}.${c}`);
    return false;
  });
  const names = columns.map(([c]) => `"${c}"`).join(", ");
  const types = columns.map(([c, t]) => `"${c}" ${t}`).join(", ");
  for (let i = 0; i < rows.length; i += CHUNK) {
    await database.query(`INSERT INTO "${table}" (${names}) SELECT ${names} FROM jsonb_to_recordset($1::jsonb) AS x(${types})`, [
      JSON.stringify(rows.slice(i, i + CHUNK)),
    ]);
  }
}

/** How the history is spread (the press targets come on top, as pending_manager). */
const STATUS_MIX: [RequestStatus, number][] = [
  ["effective", 0.72],
  ["rejected", 0.05],
  ["withdrawn", 0.05],
  ["approved", 0.06],
  ["pending_chief", 0.04],
  ["pending_manager", 0.04],
  ["changes_requested", 0.04],
];
/** Who files them: mostly sales staff; a manager's own request, the dev department's only manager, legal. */
const REQUESTERS: [string, string, number][] = [
  [P.employee, "sales", 0.3],
  [P.employee2, "sales", 0.25],
  [P.english, "sales", 0.15],
  [P.manager, "sales", 0.1],
  [P.soloManager, "dev", 0.1],
  [P.compliance, "legal", 0.05],
  [P.admin, "legal", 0.05],
];
/** The actions that led to each status, after "submitted". */
const PATH: Record<RequestStatus, string[]> = {
  pending_manager: [],
  pending_chief: ["approved_stage1"],
  rejection_pending_chief: ["rejection_proposed"],
  changes_requested: ["changes_requested"],
  approved: ["approved_stage1", "approved_stage2"],
  effective: ["approved_stage1", "approved_stage2", "effective"],
  rejected: ["approved_stage1", "rejected"],
  withdrawn: ["withdrawn"],
};

/** Deterministic pseudo-random numbers, so every run seeds the same history. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

function pick<T extends unknown[]>(r: number, table: T[]): T {
  let acc = 0;
  for (const row of table) if (r < (acc += row.at(-1) as number)) return row;
  return table.at(-1)!;
}

/** Valid data of each kind: the test forms' inputs, parsed as a submission would be. */
function kindData(today: string): Record<RequestKind, RequestData> {
  const out = {} as Record<RequestKind, RequestData>;
  for (const kind of REQUEST_KINDS) {
    const view = requestFormModal(kind, "ja") as unknown as ViewDefinition;
    const values = stateFromInputs(view, VALID_INPUTS[kind]) as unknown as FormValues;
    const parsed = KINDS[kind].parse(values, "ja", today);
    if (!parsed.ok) throw new Error(`seed: the ${kind} inputs do not parse: ${JSON.stringify(parsed.errors)}`);
    out[kind] = parsed.data;
  }
  return out;
}

export async function seedRequests(s: Services, client: WebClient, o: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const db = s.database.prisma;
  const now = s.clock.now().getTime();
  const rand = rng(20261122);
  const yearOf = (t: number) => Number(new Intl.DateTimeFormat("en-CA", { timeZone: s.timeZone, year: "numeric" }).format(t));
  const data = kindData(new Intl.DateTimeFormat("en-CA", { timeZone: s.timeZone }).format(now));
  const channels: Record<string, string> = {};
  for (const d of ["sales", "dev", "legal"]) channels[d] = (await approvalsChannelFor(db, d)) ?? "C0APPROVALS";
  const names = {
    people: new Map((await db.person.findMany()).map((p) => [p.slackId, p.name])),
    departments: new Map((await db.department.findMany()).map((d) => [d.id, d.name])),
  };

  const requests: Row<"Request">[] = [];
  const versions: Row<"RequestVersion">[] = [];
  const measures: Row<"RequestMeasure">[] = [];
  const events: (Row<"RequestEvent"> & { at: Date; actorId: string; code: string; data: object })[] = [];
  const counters = new Map<number, number>();
  const snapshots: RequestSnapshot[] = [];
  const history = o.total - o.targets;

  for (let i = 0; i < o.total; i++) {
    const isTarget = i >= history;
    // History over the last two years; the targets within the last hour.
    const createdAt = isTarget ? now - 3_600_000 + (i - history) * 1000 : now - 730 * DAY + Math.floor((i / history) * 725 * DAY);
    const status: RequestStatus = isTarget ? "pending_manager" : pick(rand(), STATUS_MIX)[0];
    const [requesterId, departmentId] = isTarget ? [[P.employee, P.employee2, P.english][i % 3]!, "sales"] : pick(rand(), REQUESTERS);
    const kind = REQUEST_KINDS[Math.floor(rand() * REQUEST_KINDS.length)]!;
    const year = yearOf(createdAt);
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const id = crypto.randomUUID();
    const code = requestCode(year, n);

    // Who decided: sales managers (not on their own request), else the chief; stage 2 the chief (the deputy after a chief's stage 1).
    const stage1 = departmentId === "sales" ? (requesterId === P.manager ? P.manager2 : rand() < 0.5 ? P.manager : P.manager2) : P.chief;
    const stage2 = stage1 === P.chief ? P.deputy : P.chief;
    const actorOf: Record<string, string> = {
      approved_stage1: stage1,
      approved_stage2: stage2,
      effective: P.chief,
      rejected: stage2,
      changes_requested: stage1,
      withdrawn: requesterId,
    };
    const path = PATH[status];
    const times = ["submitted", ...path].map((_, k) => new Date(Math.min(now - 1000, createdAt + k * 6 * 3_600_000)));
    const updatedAt = times.at(-1)!;
    const request = {
      id,
      code,
      kind,
      departmentId,
      requesterId,
      status,
      version: 1,
      rev: path.length,
      title: KINDS[kind].title(data[kind]).slice(0, 200),
      stage1By: path.includes("approved_stage1") ? stage1 : null,
      channelId: channels[departmentId]!,
      messageTs: isTarget ? null : `${Math.floor(createdAt / 1000)}.${String(i).padStart(6, "0")}`,
      submissionKey: `view:VSEED${String(i).padStart(8, "0")}`,
      createdAt: new Date(createdAt),
      updatedAt,
      stageSince: updatedAt,
      approvedAt: path.includes("approved_stage2") ? times[path.indexOf("approved_stage2") + 1] : null,
      effectiveAt: status === "effective" ? updatedAt : null,
    };
    requests.push(request);
    versions.push({ requestId: id, version: 1, data: data[kind], createdAt: new Date(createdAt), createdBy: requesterId });
    if (status === "approved" || status === "effective") {
      const defs = KINDS[kind].measures(data[kind]);
      defs.forEach((d, position) => {
        const done = status === "effective" || position < defs.length / 2;
        measures.push({ requestId: id, key: d.key, position, doneBy: done ? P.chief : null, doneAt: done ? updatedAt : null });
      });
    }
    ["submitted", ...path].forEach((action, k) => {
      const reason = action === "rejected" || action === "changes_requested" ? "根拠の説明が不足しています" : null;
      const extra = action === "submitted" ? { kind, version: 1, data: data[kind] } : {};
      events.push({
        requestId: id,
        at: times[k]!,
        actorId: action === "submitted" ? requesterId : actorOf[action]!,
        action,
        reason,
        version: 1,
        code,
        data: { ...extra, ...(reason ? { reason } : {}) },
      });
    });
    if (isTarget) {
      // What loadRequest would read back, for the parent message.
      snapshots.push({
        ...request,
        kind,
        status,
        checklistTs: null,
        createdAt: request.createdAt,
        effectiveAt: null,
        data: data[kind],
        requesterName: names.people.get(requesterId) ?? requesterId,
        departmentName: names.departments.get(departmentId) ?? departmentId,
        events: [{ at: request.createdAt, actorId: requesterId, action: "submitted", reason: null, version: 1 }],
        measures: [],
      });
    }
  }

  const steps: Record<string, number> = {};
  let mark = t0;
  const step = (name: string) => {
    steps[name] = Date.now() - mark;
    mark = Date.now();
  };
  step("generate");
  const existing = await tableColumns(s.database);
  const skipped: string[] = [];
  await bulkInsert(s.database, existing, skipped, "Request", requests);
  await bulkInsert(s.database, existing, skipped, "RequestVersion", versions);
  await bulkInsert(s.database, existing, skipped, "RequestMeasure", measures);
  step("requests");
  // Events and the audit log in time order; the chain is computed as appendAudit would.
  events.sort((a, b) => a.at.getTime() - b.at.getTime());
  await bulkInsert(
    s.database,
    existing,
    skipped,
    "RequestEvent",
    events.map(({ code: _c, data: _d, ...e }) => e),
  );
  step("events");
  // The chain continues after what is there already (the org import is logged too).
  const last = await db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  let prevHash = last?.hash ?? GENESIS_HASH;
  const audit = events.map((e, k) => {
    const entry = { seq: (last?.seq ?? 0) + k + 1, at: e.at, actorId: e.actorId, action: `request.${e.action}`, subject: `request:${e.code}`, data: e.data };
    const hash = entryHash(prevHash, entry);
    const row = { ...entry, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await bulkInsert(s.database, existing, skipped, "AuditEntry", audit);
  step("audit");
  await s.database.query(`SELECT setval(pg_get_serial_sequence('"AuditEntry"', 'seq'), (SELECT max(seq) FROM "AuditEntry"))`);
  for (const [year, n] of counters) {
    await db.codeCounter.upsert({ where: { key: `PRV-${year}` }, create: { key: `PRV-${year}`, value: n }, update: { value: n } });
  }
  // What Slack calls each event caused, long sent: the parent post or edit and a thread
  // reply, the requester's DM, and Home tab refreshes for the requester, the actor and the chief.
  await s.database.query(
    `INSERT INTO "OutboxMessage" ("orderKey", method, payload, status, attempts, "nextAttemptAt", "createdAt", "sentAt")
     SELECT x.key, x.method, jsonb_build_object('channel', r."channelId", 'text', r.title), 'sent', 1, e.at, e.at, e.at
     FROM "RequestEvent" e JOIN "Request" r ON r.id = e."requestId"
     CROSS JOIN LATERAL (VALUES
       ('request:' || r.id, CASE WHEN e.action = 'submitted' THEN 'chat.postMessage' ELSE 'chat.update' END),
       ('request:' || r.id, 'chat.postMessage'),
       ('dm:' || r."requesterId", 'chat.postMessage'),
       ('home:' || r."requesterId", 'views.publish'),
       ('home:' || e."actorId", 'views.publish'),
       ('home:' || $1, 'views.publish')) AS x(key, method)
     WHERE r."messageTs" IS NOT NULL
     ORDER BY e.id`,
    [P.chief],
  );
  step("outbox");
  await s.database.query(`INSERT INTO "SlackDelivery" (key, "receivedAt") SELECT 'seed:' || e.id, e.at FROM "RequestEvent" e`);
  step("deliveries");
  // Settle the tables as autovacuum would have long ago, so it does not run during the measurements.
  await s.database.exec(`VACUUM ANALYZE`);
  step("vacuum");

  const count = async (table: string) => Number((await s.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`))[0]!.n);
  const rows: Record<string, number> = {};
  for (const t of ["Request", "RequestVersion", "RequestEvent", "RequestMeasure", "AuditEntry", "OutboxMessage", "SlackDelivery"]) rows[t] = await count(t);
  const chain = await verifyChain(db);
  const auditChain = chain.ok ? `ok (${chain.entries} entries)` : `BROKEN at ${chain.brokenAt}: ${chain.reason}`;
  step("verify");
  const targets = await postTargets(s, client, snapshots);
  step("targets");
  return { ms: Date.now() - t0, steps, rows, skippedColumns: skipped, auditChain, targets };
}

/** Posts the parent message of each request (as the outbox would) and records its ts. */
async function postTargets(s: Services, client: WebClient, snapshots: RequestSnapshot[]): Promise<Target[]> {
  const out: Target[] = [];
  const approvers = await approversFor(s.database.prisma, "sales");
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < snapshots.length; i = next++) {
      const r = snapshots[i]!;
      const msg = requestMessage(r, approvers, "ja", s.timeZone);
      const res = await client.chat.postMessage({ channel: r.channelId!, text: msg.text, blocks: msg.blocks, unfurl_links: false });
      out[i] = { id: r.id, code: r.code, channel: res.channel!, ts: res.ts!, requesterId: r.requesterId };
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  await s.database.query(
    `UPDATE "Request" r SET "channelId" = x.channel, "messageTs" = x.ts FROM jsonb_to_recordset($1::jsonb) AS x(id text, channel text, ts text) WHERE r.id = x.id`,
    [JSON.stringify(out)],
  );
  return out;
}
