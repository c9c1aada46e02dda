// The app under test, run by bench/run.ts in a process of its own (see AppProcess in
// lib.ts). BENCH_MODE=bare: a plain Bolt app that only acks (the floor). BENCH_MODE=seed:
// fills the database and posts the press targets' messages, then stops. BENCH_MODE=bot:
// the real bot as main.ts builds it (createBot, default outbox poll), on PGlite
// (BENCH_PGLITE_DIR) or on PostgreSQL (BENCH_DATABASE_URL, in schema BENCH_SCHEMA).
// Answers control messages over IPC: ready, seed, drain, pending, query, probe, warnings, errors, memory, stop.
import { planCacheStats } from "../src/platform/planCache.js";
import fs from "node:fs";
import { constants, PerformanceObserver, performance } from "node:perf_hooks";
import { App } from "@slack/bolt";
import { createBot, type Bot } from "../src/bot.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database } from "../src/platform/db.js";
import { createLogger, type Logger } from "../src/platform/log.js";
import { seedRequests, type SeedOptions } from "./seed.js";
import { statCpu } from "./procStat.js";
import { resident } from "./smaps.js";

const env = process.env;
const mode = env.BENCH_MODE ?? "bot";
const port = Number(env.BENCH_PORT);
const apiUrl = env.BENCH_SLACK_API_URL!;
const signingSecret = env.BENCH_SIGNING_SECRET!;
const token = "xoxb-bench-token";

type Handler = (args: never) => Promise<unknown>;

/**
 * Warnings (expected under load, e.g. retries) and errors are counted by kind and reported
 * by run.ts; the first error of each kind also goes to stderr, whole.
 */
const warnings: Record<string, number> = {};
const errors: Record<string, number> = {};
const stderr = createLogger("error");
/** A message and the first line of its error, without the values that differ each time. */
const kindOf = (msg: string, data?: Record<string, unknown>) => {
  const first =
    data?.error === undefined
      ? ""
      : String(data.error)
          .split("\n")[0]!
          .replace(/ \{.*$/, "")
          .slice(0, 160);
  return first ? `${msg}: ${first}` : msg;
};
const log: Logger = {
  debug() {},
  info() {},
  warn: (msg, data) => {
    const key = kindOf(msg, data);
    warnings[key] = (warnings[key] ?? 0) + 1;
  },
  error: (msg, data) => {
    const key = kindOf(msg, data);
    errors[key] = (errors[key] ?? 0) + 1;
    if (errors[key] === 1) stderr.error(msg, data);
  },
};

async function startBare(): Promise<Record<string, Handler>> {
  // The floor: what Bolt itself costs to verify, parse, route and ack.
  const app = new App({ signingSecret, token, clientOptions: { slackApiUrl: apiUrl } });
  app.command("/privacy", async ({ ack }) => ack());
  app.action(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());
  await app.start(port);
  return {
    stop: async () => {
      await app.stop();
    },
  };
}

/** The bot as main.ts builds it; `listen`: start HTTP and the outbox too. */
async function openBot(listen: boolean): Promise<{ bot: Bot; database?: Database }> {
  const config = loadConfig({
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: apiUrl,
    PORT: String(port || 3000),
    ORG_FILE: env.BENCH_ORG_FILE,
    PGLITE_DIR: env.BENCH_PGLITE_DIR,
    TZ: "Asia/Tokyo",
    LOG_LEVEL: "warn",
  });
  // PostgreSQL: a schema of its own (like test/support/db.ts); PGlite: createBot opens the folder as main.ts does.
  const url = env.BENCH_DATABASE_URL;
  const database = url ? await openDatabase({ databaseUrl: url, schema: env.BENCH_SCHEMA }) : undefined;
  // No outboxPollMs: the production default, as in main.ts. Scheduled jobs off (`jobs: false`,
  // where createBot has that option): they are not what is measured, and their catch-up at
  // start-up would send reminders about the seeded history in the middle of the series.
  const options = { config, database, log, jobs: false };
  const bot = await createBot(options);
  if (listen) await bot.start();
  return { bot, database };
}

async function closeBot(bot: Bot, database?: Database): Promise<void> {
  await bot.stop();
  await database?.close();
}

/** Seeds the database in a process of its own, so the bot's memory holds none of it. */
async function startSeeder(): Promise<Record<string, Handler>> {
  const { bot, database } = await openBot(false);
  return {
    seed: (o: SeedOptions) => seedRequests(bot.services, bot.app.client, o),
    stop: () => closeBot(bot, database),
  };
}

/**
 * --profile: where the bot allocates (V8's sampling heap profiler, counting what the
 * collector has freed too: the allocation rate the collector pays for), written at stop as
 * a .heapprofile (Chrome DevTools' Memory tab reads it) into BENCH_ALLOC_PROFILE_DIR.
 */
async function allocationSampling(): Promise<(() => Promise<void>) | undefined> {
  const dir = env.BENCH_ALLOC_PROFILE_DIR;
  if (!dir) return undefined;
  const { Session } = await import("node:inspector/promises");
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.startSampling", {
    samplingInterval: 65536,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  return async () => {
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as { profile: unknown };
    const fs = await import("node:fs");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(`${dir}/alloc-${process.pid}.heapprofile`, JSON.stringify(profile));
    session.disconnect();
  };
}

async function startBot(): Promise<Record<string, Handler>> {
  countCollections();
  const { bot, database } = await openBot(true);
  const s = bot.services;
  const allocations = await allocationSampling();
  return {
    drain: async (o: { timeoutMs: number }) => {
      // Waits until every outbox call is sent (or the timeout passes); reports how long it took.
      const t0 = Date.now();
      for (;;) {
        s.outbox.kick();
        const pending = await s.outbox.pendingCount();
        if (pending === 0 || Date.now() - t0 > o.timeoutMs) return { ms: Date.now() - t0, pending };
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** outbox calls not yet sent */
    pending: () => s.outbox.pendingCount(),
    /** one read-only query, for the benchmark to check what the series stored */
    query: (o: { sql: string; params?: unknown[] }) => s.database.query(o.sql, o.params),
    warnings: async () => warnings,
    errors: async () => errors,
    /** At rest: what one query costs through the driver and through Prisma (median ms). */
    probe: async () => {
      const { prisma } = s.database;
      const median = async (n: number, fn: () => Promise<unknown>) => {
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          await fn();
          out.push(performance.now() - t0);
        }
        return out.sort((a, b) => a - b)[Math.floor(n / 2)]!;
      };
      const id = (await prisma.request.findFirst({ select: { id: true } }))!.id;
      const byId = { where: { id } };
      return {
        driverQueryMs: await median(200, () => s.database.query(`SELECT * FROM "Request" WHERE id = $1`, [id])),
        prismaFindUniqueMs: await median(200, () => prisma.request.findUnique(byId)),
        prismaTransaction10Ms: await median(30, () =>
          prisma.$transaction(async (tx) => {
            for (let i = 0; i < 10; i++) await tx.request.findUnique(byId);
          }),
        ),
      };
    },
    /** the embedded database's thread: PGlite's WebAssembly memory (none on PostgreSQL) */
    engine: async (o?: { gc?: boolean }) => (await s.database.engineMemory?.(o)) ?? null,
    stop: async () => {
      await allocations?.();
      await closeBot(bot, database);
    },
  };
}

/** The main thread's CPU time so far, in seconds (Linux: /proc; undefined elsewhere). */
const mainThreadCpu = (): number | undefined => statCpu(`/proc/self/task/${process.pid}/stat`)?.seconds;

/** Every thread's CPU time so far, in seconds, by the thread's name and id, the main thread as "main" (Linux: /proc; undefined elsewhere). */
function threadsCpu(): Record<string, number> | undefined {
  let tids: string[];
  try {
    tids = fs.readdirSync("/proc/self/task");
  } catch {
    return undefined;
  }
  const by: Record<string, number> = {};
  for (const tid of tids) {
    const t = statCpu(`/proc/self/task/${tid}/stat`);
    if (t) by[tid === String(process.pid) ? "main" : `${t.name}/${tid}`] = t.seconds;
  }
  return by;
}

/** The bot's main thread's garbage collection so far, in ms, by kind (counted from startBot on). */
const gcMs = { minor: 0, major: 0, other: 0 };

/** Counts the main thread's collections (V8's gc performance entries): the bot only, so the floor does no such work. */
function countCollections(): void {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const kind = (e as { detail?: { kind?: number } }).detail?.kind;
      const k = kind === constants.NODE_PERFORMANCE_GC_MINOR ? "minor" : kind === constants.NODE_PERFORMANCE_GC_MAJOR ? "major" : "other";
      gcMs[k] += e.duration;
    }
  }).observe({ entryTypes: ["gc"] });
}

// Listen at once (messages sent before start-up ends would be lost); answer once started.
const started = (mode === "bare" ? startBare() : mode === "seed" ? startSeeder() : startBot()).then(
  (h): Record<string, Handler> => ({
    ...h,
    ready: async () => ({ pid: process.pid }),
    /** the CPU time so far, without the rest of `memory` (whose reading of smaps would count in a round) */
    cpu: async () => ({ cpu: process.cpuUsage(), mainCpu: mainThreadCpu() }),
    memory: async () => {
      const threads = threadsCpu();
      return {
        ...process.memoryUsage(),
        cpu: process.cpuUsage(),
        mainCpu: threads?.main,
        threadsCpu: threads,
        gcMs: { ...gcMs },
        plans: planCacheStats(),
        resident: resident(),
        engine: await h.engine?.(undefined as never),
      };
    },
    /** after a full collection (the process runs with --expose-gc): what is live, not what is garbage yet */
    memoryAfterGc: async () => {
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((r) => setTimeout(r, 200));
      const engine = await h.engine?.({ gc: true } as never);
      await new Promise((r) => setTimeout(r, 200));
      return { ...process.memoryUsage(), resident: resident(), engine };
    },
  }),
);
started.catch((e) => {
  process.stderr.write(`bench app (${mode}) could not start: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});

process.on("message", async (m: { id: number; cmd: string; args: never }) => {
  try {
    const h = (await started)[m.cmd];
    if (!h) throw new Error(`unknown command ${m.cmd}`);
    const result = await h(m.args);
    process.send!({ id: m.id, ok: true, result });
    if (m.cmd === "stop") process.disconnect();
  } catch (e) {
    process.send!({ id: m.id, ok: false, error: String((e as Error).stack ?? e) });
  }
});
process.on("disconnect", () => process.exit(0));
