// The database: PGlite embedded (default) or a PostgreSQL server (DATABASE_URL).
// Migrations under prisma/migrations are applied at start-up, in this process, and
// recorded in Prisma's own `_prisma_migrations` table so `prisma migrate status` agrees.
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaClient } from "../generated/prisma/client.js";
import { AckJournal } from "./ackJournal.js";
import { type CompilerClass, installPlanCache } from "./planCache.js";

export type Db = PrismaClient;
/** The transaction client handed to `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface Database {
  prisma: PrismaClient;
  /** Runs a multi-statement SQL script on the underlying driver. */
  exec(sql: string): Promise<void>;
  /**
   * Runs one query on the underlying driver (migrations, health checks, the statement
   * every command and press starts with). `name` prepares it once per connection, so
   * the server plans it once rather than at every call.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], name?: string, lane?: Lane): Promise<T[]>;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
  /** the driver's connection pool, for the metrics (metrics.ts) */
  poolStats?(): { total: number; idle: number; waiting: number; max: number };
  /** embedded, in a folder: where acknowledged deliveries are appended before their ack (ackJournal.ts) */
  journal?: AckJournal;
  /**
   * Embedded only: the memory of the database's thread (bytes; `wasm`: PGlite's WebAssembly
   * memory); `gc`: after a full collection of that thread's heap.
   */
  engineMemory?(o?: { gc?: boolean }): Promise<EngineMemory>;
}

export interface EngineMemory {
  wasm: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

/**
 * "ack": the statement an ack waits for (the record of a delivery) never waits behind
 * transactions: on a PostgreSQL server it has a connection of its own; on the embedded
 * database (one session) it goes to the head of the queue for the connection, ahead of
 * transactions already waiting. "normal": in turn.
 */
export type Lane = "normal" | "ack";

/**
 * A PostgreSQL server's "ack" lane: how many statements recording deliveries may be out at
 * once (actor.ts's batcher). With one, a delivery arriving while a statement is out waits
 * for it to come back before its own is sent; with two it goes at once. The embedded
 * database has one session (and records before the ack in its journal): one there.
 */
export const ACK_LANE_CONNECTIONS = 2;

export interface DbOptions {
  databaseUrl?: string;
  pgliteDir?: string;
  /** PostgreSQL pool size */
  poolSize?: number;
  /** PostgreSQL schema (default public); tests give each file its own */
  schema?: string;
  /** how long an idle connection stays open (pg's idleTimeoutMillis, default 10 s) */
  idleMs?: number;
  /**
   * Embedded only: start from a copy of a data directory (a tarball written by PGlite's
   * dumpDataDir) instead of an empty one; ignored when the folder already holds a
   * database. The tests clone a migrated database this way instead of running initdb
   * and every migration for each test file.
   */
  pgliteTemplate?: string;
  /**
   * Embedded only: the ack journal's file (ackJournal.ts). A folder has its own; a database
   * in memory has none unless given one (the tests, so that their acks take the same path).
   */
  ackJournal?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_DIR = path.resolve(here, "../../prisma/migrations");

/** The query compiler's module, the one the generated client loads (compilerWasm.getRuntime in src/generated/prisma/internal/class.ts). */
const COMPILER_RUNTIME = "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";

/** Prisma's plans compiled once per shape of query (planCache.ts); MAMORI_PLAN_CACHE=off or verify. */
async function cachePlans(): Promise<void> {
  const mode = process.env.MAMORI_PLAN_CACHE;
  const runtime = (await import(COMPILER_RUNTIME)) as { QueryCompiler?: Partial<CompilerClass> };
  // another Prisma's runtime without this class: its queries are compiled as they always were
  if (typeof runtime.QueryCompiler?.prototype?.compile !== "function") return;
  installPlanCache(runtime.QueryCompiler as CompilerClass, mode === "off" || mode === "verify" ? mode : "on");
}

export async function openDatabase(opts: DbOptions): Promise<Database> {
  await cachePlans();
  if (opts.databaseUrl) {
    const pg = await import("pg");
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const schema = opts.schema;
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    if (schema) {
      const admin = new pg.default.Client({ connectionString: opts.databaseUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await admin.end();
    }
    const pool = new pg.default.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      ...(opts.idleMs !== undefined ? { idleTimeoutMillis: opts.idleMs } : {}),
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    // an idle connection the server (or the network) drops is an error of that connection only:
    // without a listener the pool's "error" event would end the process
    pool.on("error", () => undefined);
    // the "ack" lane's own connections: the record an ack waits for never waits for a
    // decision to give a connection back (the inbox sends at most ACK_LANE_CONNECTIONS statements at a time)
    const ackPool = new pg.default.Pool({
      connectionString: opts.databaseUrl,
      max: ACK_LANE_CONNECTIONS,
      ...(opts.idleMs !== undefined ? { idleTimeoutMillis: opts.idleMs } : {}),
      ...(schema ? { options: `-c search_path="${schema}"` } : {}),
    });
    ackPool.on("error", () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, schema ? { schema } : undefined) });
    return {
      prisma,
      kind: "postgres",
      ...driverCalls(pool, ackPool),
      async close() {
        await prisma.$disconnect();
        await Promise.all([pool.end().catch(() => undefined), ackPool.end().catch(() => undefined)]);
      },
    };
  }
  return openEmbedded(opts.pgliteDir, opts.idleMs, opts.pgliteTemplate, opts.ackJournal);
}

/**
 * Embedded PGlite, in a worker thread of its own (pgliteThread.mjs) serving the
 * PostgreSQL protocol on a Unix socket; the bot connects to it as to a server, through
 * one connection (PGlite has one session: transactions take turns, as they would in
 * the same thread).
 */
let wasmModules: Promise<{ pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;
/** PGlite's two WebAssembly modules, compiled once per process and handed to each database's thread. */
function pgliteWasm() {
  wasmModules ??= (async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite"));
    const compile = async (f: string) => WebAssembly.compile(await fs.promises.readFile(path.join(dist, f)));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile("pglite.wasm"), compile("initdb.wasm")]);
    return { pgliteWasmModule, initdbWasmModule };
  })();
  return wasmModules;
}

async function openEmbedded(pgliteDir: string | undefined, idleMs?: number, template?: string, journalFile?: string): Promise<Database> {
  const { Worker } = await import("node:worker_threads");
  const pg = await import("pg");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const dir = pgliteDir;
  if (dir && !dir.startsWith("memory://")) {
    fs.mkdirSync(path.resolve(dir), { recursive: true });
    // a new folder is created by a process of its own (pgliteInit.mjs), unless a template fills it
    if (!template && !fs.existsSync(path.join(path.resolve(dir), "PG_VERSION"))) await initInChild(path.resolve(dir));
  }
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-pglite-"));
  const port = 5432;
  const worker = new Worker(new URL("./pgliteThread.mjs", import.meta.url), {
    workerData: {
      ...(await pgliteWasm()),
      dataDir: dir ? (dir.startsWith("memory://") ? dir : path.resolve(dir)) : undefined,
      socketPath: path.join(socketDir, `.s.PGSQL.${port}`),
      template,
    },
  });
  const stopped = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean; error?: string }) => {
      worker.off("error", reject);
      if (m.ready) resolve();
      else reject(new Error(`the embedded database did not start: ${m.error}`));
    };
    worker.once("message", onMessage);
    worker.once("error", reject);
  });
  // a process that forgets to close the database still exits
  worker.unref();
  const pool = new pg.default.Pool({
    host: socketDir,
    port,
    user: "postgres",
    database: "postgres",
    max: 1,
    allowExitOnIdle: true,
    ...(idleMs !== undefined ? { idleTimeoutMillis: idleMs } : {}),
  });
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  const journal = journalFile ? new AckJournal(journalFile) : dir && !dir.startsWith("memory://") ? AckJournal.of(path.resolve(dir)) : undefined;
  journal?.open();
  return {
    prisma,
    kind: "pglite",
    ...driverCalls(pool),
    ...(journal ? { journal } : {}),
    engineMemory: (o) =>
      new Promise<EngineMemory>((resolve, reject) => {
        if (closed) return reject(new Error("the embedded database is closed"));
        const onMessage = (m: { memory?: EngineMemory }) => {
          if (!m.memory) return;
          worker.off("message", onMessage);
          resolve(m.memory);
        };
        worker.on("message", onMessage);
        worker.postMessage({ memory: true, gc: o?.gc === true });
      }),
    async close() {
      if (closed) return;
      closed = true;
      journal?.close();
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
      worker.postMessage("stop");
      const stopReply = (r: () => void) => {
        const onMessage = (m: { stopped?: boolean }) => {
          if (!m.stopped) return;
          worker.off("message", onMessage);
          r();
        };
        worker.on("message", onMessage);
      };
      await Promise.race([new Promise<void>(stopReply), new Promise((r) => setTimeout(r, 5000))]);
      await worker.terminate();
      await stopped;
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

/** Runs initdb for a new embedded database folder in a child process (pgliteInit.mjs). */
async function initInChild(dir: string): Promise<void> {
  const { execFile } = await import("node:child_process");
  const script = fileURLToPath(new URL("./pgliteInit.mjs", import.meta.url));
  await new Promise<void>((resolve, reject) =>
    execFile(process.execPath, [script, dir], { timeout: 120_000 }, (e, _out, err) =>
      e ? reject(new Error(`creating the embedded database in ${dir} failed: ${err.trim() || e.message}`)) : resolve(),
    ),
  );
}

/**
 * A connection from the pool ahead of the callers already waiting for one. pg-pool keeps
 * its waiters in a FIFO array (`_pendingQueue`, pg-pool 3.x): when this call had to wait,
 * its waiter is moved from the back to the front, behind earlier "ack" waiters only. On
 * the embedded database (one connection) the record of a delivery would otherwise wait
 * for every decision queued before it, not only the one in progress.
 */
const ackWaiters = new WeakMap<object, Set<unknown>>();
function connectFirst(pool: import("pg").Pool): Promise<import("pg").PoolClient> {
  const queue = (pool as unknown as { _pendingQueue?: unknown[] })._pendingQueue;
  const before = queue?.length ?? 0;
  const connected = pool.connect();
  if (queue && queue.length === before + 1) {
    const item = queue.pop();
    let mine = ackWaiters.get(pool);
    if (!mine) {
      mine = new Set();
      ackWaiters.set(pool, mine);
    }
    // behind the ack waiters still queued, ahead of everything else
    let at = 0;
    while (at < queue.length && mine.has(queue[at])) at++;
    queue.splice(at, 0, item);
    mine.add(item);
    const done = () => mine.delete(item);
    connected.then(done, done);
  }
  return connected;
}

/** `exec` and `query` on a pg pool: the same for a PostgreSQL server and the embedded database's socket. */
function driverCalls(pool: import("pg").Pool, ackPool?: import("pg").Pool): Pick<Database, "exec" | "query" | "poolStats"> {
  return {
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 }),
    async exec(sql) {
      const client = await pool.connect();
      try {
        await client.query(sql);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async query<T>(sql: string, params?: unknown[], name?: string, lane: Lane = "normal"): Promise<T[]> {
      const q = name ? { name, text: sql, values: params as unknown[] } : { text: sql, values: params as unknown[] };
      if (lane === "normal") return (await pool.query(q)).rows as T[];
      if (ackPool) return (await ackPool.query(q)).rows as T[];
      const client = await connectFirst(pool);
      try {
        const rows = (await client.query(q)).rows as T[];
        client.release();
        return rows;
      } catch (e) {
        // a broken connection is not given back to the pool
        client.release(e instanceof Error && !("code" in e) ? e : undefined);
        throw e;
      }
    },
  };
}

export interface MigrationResult {
  applied: string[];
  total: number;
}

/** Applies pending migrations, one transaction each, under an advisory lock so replicas do not race. */
export async function migrate(db: Database, dir = MIGRATIONS_DIR): Promise<MigrationResult> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
  await db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`);
  const done = async () =>
    new Set(
      (
        await db.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
      ).map((r) => r.migration_name),
    );
  const already = await done();
  const applied: string[] = [];
  for (const name of names) {
    if (already.has(name)) continue;
    const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = crypto.createHash("sha256").update(sql).digest("hex");
    const q = (v: string) => v.replace(/'/g, "''");
    try {
      // One transaction per migration; the table lock serialises replicas starting together.
      await db.exec(`BEGIN;
LOCK TABLE "_prisma_migrations" IN EXCLUSIVE MODE;
${sql}
;
INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
  VALUES ('${crypto.randomUUID()}', '${checksum}', now(), '${q(name)}', 1);
COMMIT;`);
      applied.push(name);
    } catch (e) {
      // Another replica may have applied it while we waited for the lock.
      if ((await done()).has(name)) continue;
      throw new Error(`migration ${name} failed: ${(e as Error).message}`);
    }
  }
  return { applied, total: names.length };
}

/** True when the database answers and every migration on disk is applied. */
export async function migrationsApplied(db: Database, dir = MIGRATIONS_DIR): Promise<boolean> {
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const rows = await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(rows.map((r) => r.migration_name));
  return names.every((n) => done.has(n));
}

/**
 * Transactions of the flows: a generous wait for a connection and for the audit chain's
 * lock (Prisma's default 2 s start wait loses work under a burst of presses), and a
 * retry when the database says to try again (start timeout, serialization failure,
 * deadlock): the transaction was rolled back, so running it again is safe.
 */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

function transient(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  const message = String((e as Error)?.message ?? e);
  return code === "P2028" || code === "P2034" || /\b(40001|40P01)\b|could not serialize|deadlock detected|Unable to start a transaction/i.test(message);
}

export async function transact<T>(prisma: PrismaClient, fn: (tx: Tx) => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await prisma.$transaction(fn, TX_OPTIONS);
    } catch (e) {
      if (i >= attempts || !transient(e)) throw e;
      await new Promise((r) => setTimeout(r, 50 * i + Math.floor(Math.random() * 50)));
    }
  }
}

/**
 * For `.catch` after a transaction that stores a row under its submission key: the same modal
 * delivered twice at the same moment makes the second insert hit the unique key (P2002), and
 * `existing` answers with what the first one stored. Any other error is thrown on.
 */
export function whenDuplicate<T>(existing: () => Promise<T>): (e: unknown) => Promise<T> {
  return async (e) => {
    if ((e as { code?: string } | null)?.code !== "P2002") throw e;
    return existing();
  };
}
