// The operator's decision-log commands, run as the README says (npm run audit:verify,
// npm run audit:export -- …) in a child process, against a PGlite folder or, with
// TEST_DATABASE_URL, a PostgreSQL database of their own.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit } from "../../src/platform/audit/chain.js";
import { migrate, openDatabase, type Database } from "../../src/platform/db.js";
import type { AuditEntry } from "../../src/generated/prisma/client.js";
import { onPostgres, pgliteTemplate, postgresDatabase } from "../support/db.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-audit-cli-"));
const pgliteDir = path.join(tmp, "pglite");
let databaseUrl: string | undefined; // a database of our own on the test server (the CLI uses its public schema)
let dropDatabase: (() => Promise<void>) | undefined;
/** The chain as written, before anyone tampers with it. */
let chain: AuditEntry[];

/**
 * Opens the CLI's database in this process; close it before running the CLI (PGlite: one
 * process at a time). The PGlite folder starts as a copy of the migrated template.
 */
function open(): Promise<Database> {
  return openDatabase(databaseUrl ? { databaseUrl, poolSize: 2 } : { pgliteDir, pgliteTemplate: pgliteTemplate() });
}

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await open();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** `npm run --silent <script> -- args` with the bot's database settings and nothing else from the test's environment. */
function npmRun(script: string, args: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", TZ: "UTC" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else env.PGLITE_DIR = pgliteDir;
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script, ...(args.length ? ["--", ...args] : [])], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 80_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

// Entries around the edges of 2026-04-01..2026-04-02 in Japan time (UTC+9).
const ENTRIES = [
  { at: "2026-03-31T14:59:59.000Z", action: "request.submitted", note: "JST 03-31 23:59:59, before the range" },
  { at: "2026-03-31T15:00:00.000Z", action: "request.approved_stage1", note: "JST 04-01 00:00:00, first of the range" },
  { at: "2026-04-01T03:00:00.000Z", action: "request.approved_stage2", note: '理由, "quoted"\nsecond line' },
  { at: "2026-04-02T14:59:59.000Z", action: "request.effective", note: "JST 04-02 23:59:59, last of the range" },
  { at: "2026-04-02T15:00:00.000Z", action: "request.withdrawn", note: "JST 04-03 00:00:00, after the range" },
  { at: "2026-05-01T00:00:00.000Z", action: "directory.role_added", note: "later" },
];

beforeAll(async () => {
  if (onPostgres) {
    const created = await postgresDatabase(process.env.TEST_DATABASE_URL!);
    databaseUrl = created.url;
    dropDatabase = created.drop;
  }
  chain = await withDb(async (db) => {
    await migrate(db);
    for (const e of ENTRIES)
      await db.prisma.$transaction((tx) =>
        appendAudit(tx, { at: new Date(e.at), actorId: "U0CHIEF", action: e.action, subject: "request:PRV-2026-0001", data: { note: e.note } }),
      );
    return db.prisma.auditEntry.findMany({ orderBy: { seq: "asc" } });
  });
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await dropDatabase?.();
});

// Every test starts npm, tsx and a database in a child process: allow for a busy machine.
describe("npm run audit:export", { timeout: 90_000 }, () => {
  it("writes the entries of a date range (both days included, Japan time) as CSV to --out", async () => {
    const out = path.join(tmp, "audit.csv");
    const r = await npmRun("audit:export", ["--from", "2026-04-01", "--to", "2026-04-02", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`wrote 3 entries to ${out}`);
    const csv = fs.readFileSync(out, "utf8");
    const inRange = chain.filter((e) => ["request.approved_stage1", "request.approved_stage2", "request.effective"].includes(e.action));
    expect(csv.split("\n")[0]).toBe("seq,at,actor,action,subject,data,prev_hash,hash");
    // one row per entry: seq, time and both hashes, so the file can be checked against the chain
    for (const e of inRange) expect(csv).toContain(`${e.seq},${e.at.toISOString()},U0CHIEF,${e.action},request:PRV-2026-0001,`);
    for (const e of inRange) expect(csv).toContain(`,${e.prevHash},${e.hash}\n`);
    // and nothing else: the rows are exactly the range's entries, in order
    expect(csv.match(/^\d+(?=,2026-)/gm)).toEqual(inRange.map((e) => String(e.seq)));
    for (const e of chain.filter((x) => !inRange.includes(x))) expect(csv).not.toContain(`,${e.hash}\n`);
    // a value with a comma, quotes and a newline stays one quoted cell
    expect(csv).toContain('"{""note"":""理由, \\""quoted\\""\\nsecond line""}"');
  });

  it("without --out prints the CSV; without dates exports everything", async () => {
    const r = await npmRun("audit:export");
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe("seq,at,actor,action,subject,data,prev_hash,hash");
    expect(rows.slice(1).map((l) => l.split(",")[0])).toEqual(ENTRIES.map((_, i) => String(i + 1)));
  });

  it("refuses a date that is not YYYY-MM-DD", async () => {
    const out = path.join(tmp, "bad.csv");
    const r = await npmRun("audit:export", ["--from", "2026/04/01", "--to", "2026-04-02", "--out", out]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/YYYY-MM-DD/);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("npm run audit:verify", { timeout: 90_000 }, () => {
  it("exits 0 on an intact chain and prints the entry count and the head hash to keep", async () => {
    const r = await npmRun("audit:verify");
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`audit log OK: ${ENTRIES.length} entries, head ${chain.at(-1)!.hash}`);
  });

  it("with --expect-head of a longer head (its tail deleted) exits 1 saying which anchor and what differs", async () => {
    // (the OK path and the Japanese texts: test/faults/audit-chain.test.ts, in-process)
    const head = chain.at(-1)!;
    const r = await npmRun("audit:verify", ["--expect-head", `${head.seq + 2}:${"a".repeat(64)}`]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe(
      `audit log does not match the anchor --expect-head ${head.seq + 2}:aaaaaaaaaaaa…: it anchored ${head.seq + 2} entries, the log now has ${head.seq} (entries ${head.seq + 1} to ${head.seq + 2} were deleted)`,
    );
  });

  it("exits non-zero at the first broken link when rows were changed behind the trigger", async () => {
    await withDb(async (db) => {
      // the append-only trigger refuses the change ...
      await expect(db.exec(`UPDATE "AuditEntry" SET "actorId" = 'U0FORGED' WHERE seq = 3`)).rejects.toThrow(/append-only/);
      // ... so someone with owner rights switches it off first, and edits two rows
      await db.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
      await db.exec(`UPDATE "AuditEntry" SET "actorId" = 'U0FORGED' WHERE seq = 3`);
      await db.exec(`UPDATE "AuditEntry" SET data = '{"note": "rewritten"}' WHERE seq = 5`);
      await db.exec(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
    });
    const r = await npmRun("audit:verify");
    expect(r.code).toBe(1);
    expect(r.stdout.trim()).toBe("audit log BROKEN at entry 3: entry 3 was changed (its content no longer matches its hash) (2 entries verified before it)");
    expect(r.stdout).not.toMatch(/audit log OK/);
  });

  it("reports a deleted entry as the first broken link", async () => {
    await withDb(async (db) => {
      await db.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
      await db.exec(`UPDATE "AuditEntry" SET "actorId" = 'U0CHIEF' WHERE seq = 3`); // put entry 3 back
      await db.exec(`DELETE FROM "AuditEntry" WHERE seq = 2`);
      await db.exec(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
    });
    const r = await npmRun("audit:verify");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^audit log BROKEN at entry 2: entry 2 is missing \(next is 3\)/);
  });
});
