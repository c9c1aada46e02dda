// Shared set-up for the directory tests: a fresh database, services with a manual clock
// and a real outbox (whose Slack answers ok), and a fake CommandContext.
import type { CommandContext } from "../../commands/types.js";
import type { Actor } from "../../src/directory/actor.js";
import { importOrg } from "../../src/directory/changes.js";
import { fileHash, parseOrgFile } from "../../src/directory/orgFile.js";
import { getPerson, langOfPerson } from "../../src/directory/store.js";
import { ManualClock } from "../../src/platform/clock.js";
import { silentLogger } from "../../src/platform/log.js";
import { Outbox } from "../../src/platform/outbox.js";
import type { Services } from "../../src/platform/services.js";
import { testDatabase } from "../support/db.js";
import { ORG_YAML } from "../support/org.js";

export interface Env {
  services: Services;
  database: Awaited<ReturnType<typeof testDatabase>>;
  clock: ManualClock;
  outbox: Outbox;
  slackCalls: { method: string; args: Record<string, unknown> }[];
  close(): Promise<void>;
}

export async function makeEnv(opts: { orgYaml?: string | null } = {}): Promise<Env> {
  const database = await testDatabase();
  const clock = new ManualClock("2026-04-01T00:00:00Z");
  const slackCalls: Env["slackCalls"] = [];
  const outbox = new Outbox({
    database,
    clock,
    log: silentLogger,
    slack: {
      apiCall: async (method, args) => {
        slackCalls.push({ method, args });
        return { ok: true };
      },
    },
  });
  const services: Services = { database, clock, outbox, log: silentLogger, timeZone: "Asia/Tokyo" };
  const env: Env = {
    services,
    database,
    clock,
    outbox,
    slackCalls,
    async close() {
      await outbox.stop();
      await database.dispose();
    },
  };
  await resetDirectory(env, opts.orgYaml === undefined ? ORG_YAML : opts.orgYaml);
  return env;
}

/**
 * Empties the directory (people, departments, settings, unknown users, outbox) and imports
 * `orgYaml` (none when null), so the tests of a file can share one database. The audit log
 * cannot be emptied (append-only): use auditMark and auditEntries(…, since).
 */
export async function resetDirectory(env: Env, orgYaml: string | null = ORG_YAML): Promise<void> {
  await env.outbox.stop();
  const db = env.database.prisma;
  await db.outboxMessage.deleteMany({});
  await db.unknownUser.deleteMany({});
  await db.setting.deleteMany({});
  await db.request.deleteMany({});
  await db.person.deleteMany({});
  await db.department.deleteMany({});
  env.slackCalls.length = 0;
  if (orgYaml !== null) {
    const r = parseOrgFile(orgYaml);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    await importOrg(env.services, r.org, { source: "test.yml", fileHash: fileHash(orgYaml) });
  }
}
export async function actorOf(env: Env, slackId: string): Promise<Actor> {
  const p = await getPerson(env.database.prisma, slackId);
  if (!p) return { slackId, name: slackId, departmentId: null, roles: [], lang: "ja" };
  return { slackId: p.slackId, name: p.name, departmentId: p.departmentId, roles: p.roles, lang: langOfPerson(p) };
}

export interface FakeCtx {
  ctx: CommandContext;
  responses: { text: string }[];
  uploads: { filename: string; title: string; content: string; comment?: string }[];
}

/** A CommandContext for `/privacy <text>` typed by `actor`, recording what it answers. */
export function fakeContext(env: Env, actor: Actor, text: string, opts: { uploadFails?: boolean } = {}): FakeCtx {
  const responses: FakeCtx["responses"] = [];
  const uploads: FakeCtx["uploads"] = [];
  const words = text.trim().split(/\s+/).filter(Boolean);
  const ctx: CommandContext = {
    actor,
    args: words.slice(1),
    text,
    channelId: "C0HERE",
    triggerId: "trigger-1",
    services: env.services,
    async respond(message) {
      responses.push({ text: message.text });
    },
    async openModal() {
      throw new Error("no modal expected");
    },
    async uploadFile(file) {
      if (opts.uploadFails) throw new Error("upload failed");
      uploads.push(file);
    },
  };
  return { ctx, responses, uploads };
}

/** The seq of the last audit entry (0 when none). */
export async function auditMark(env: Env): Promise<number> {
  return (await env.database.prisma.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }))?.seq ?? 0;
}

/** Audit entries after `since` (a mark), optionally of one action, in order. */
export async function auditEntries(env: Env, action?: string, since = 0) {
  return env.database.prisma.auditEntry.findMany({ where: { seq: { gt: since }, ...(action ? { action } : {}) }, orderBy: { seq: "asc" } });
}
