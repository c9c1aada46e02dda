// npm run bench: the whole bot over real signed HTTP against the local fake Slack Web API.
// Measures, in one run, and prints as one table (also written to bench/results.json, git-ignored):
//   1. ack latency, 20 in flight, of a bare Bolt app that only acks (the floor), of the bot's
//      `/privacy request` (opens a modal with views.open) and of its approve presses (each a
//      real stage-1 decision on its own request), with ratios to the floor and to Slack's 3 s;
//   2. modal submission latency (a valid request, stored before the ack), against the floor too;
//   3. press-to-chat.update latency with 10,000 requests stored, on PGlite and PostgreSQL;
//   4. the bot's resident memory at rest and after the load.
// It is a measurement, never a test: it does not fail on slow figures.
//
// The app under test runs in a child process (bench/app.ts); this process plays Slack:
// the fake Web API (FakeSlack) and the signed-request sender (SlackRequestSender), whose
// requests leave from a thread of their own and are timed there (ThreadedFetch in lib.ts:
// the fake's work answering the bot would otherwise sit inside the bot's figures only).
// Options: --quick (small series, to check that it works), --acks (full ack and
// press-to-updated series, few submissions: for working on the acks; `npx tsx bench/run.ts
// --acks` also skips the jobs), --updates=N (row 3's presses, 200 by default), --v8-defaults (the
// floor and the bot without npm start's V8 flags, to tell what the memory caps cost the acks), --profile (CPU profiles of the bot processes, and where the bot allocates, into bench/profiles/; the floor's into bench/profiles/floor/). BENCH_DATABASE_URL overrides the PostgreSQL
// server (default postgresql://postgres@127.0.0.1:5432/test); the run works in a schema
// of its own there and drops it at the end. PostgreSQL not answering skips its part.
import crypto from "node:crypto";
import fs from "node:fs";
import { freePort } from "../src/platform/net.js";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import YAML from "yaml";
import { FakeSlack, SlackRequestSender, stateFromInputs, type FakeSlackChange } from "../src/platform/slack/fake/index.js";
import { RequestActions, RequestViews } from "../src/requests/ids.js";
import { requestMessages } from "../src/requests/messages.js";
import { VALID_INPUTS } from "../test/support/forms.js";
import { ORG, ORG_YAML } from "../test/support/org.js";
import { AppProcess, closedLoop, ms, requestTiming, sleep, startSettings, stats, table, ThreadedFetch, type Stats } from "./lib.js";
import type { SeedResult, Target } from "./seed.js";
import { serverCpuMs } from "./procStat.js";
import type { Resident } from "./smaps.js";
import type { EngineMemory } from "../src/platform/db.js";
import type { PlanCacheStats } from "../src/platform/planCache.js";

// ---- settings -------------------------------------------------------------------------

const QUICK = process.argv.includes("--quick");
const PROFILE = process.argv.includes("--profile");
/** --v8-defaults: the floor and the bot without npm start's V8 flags (the memory caps' smaller heap), both alike */
const V8_DEFAULTS = process.argv.includes("--v8-defaults");
const size = (n: number) => (QUICK ? Math.max(5, Math.round(n / 20)) : n);

const CONCURRENCY = 20;
/** rounds of floor and bot, alternating, in the command and press series */
const ROUNDS = QUICK ? 2 : 5;
const WARMUP = size(100);
/** requests per measured ack series (commands) */
const ACK_N = size(500);
/** approval presses measured for ack latency, each a real stage-1 decision on its own request */
const PRESS_N = size(400);
const ACKS_ONLY = process.argv.includes("--acks");
const SUBMIT_SEQ_N = ACKS_ONLY ? 5 : size(100);
const SUBMIT_CONC_N = ACKS_ONLY ? 15 : size(300);
/** requests stored before anything is measured (--quick: fewer, to finish within a minute) */
const SEED_TOTAL = QUICK ? 1_000 : 10_000;
const UPDATE_WARMUP = size(20);
/** row 3's presses; `--updates=N` for more (a long series finds what a short one misses: a press never updated) */
const UPDATES_ARG = process.argv.find((a) => a.startsWith("--updates="));
const UPDATE_N = UPDATES_ARG ? Math.max(1, Number(UPDATES_ARG.slice("--updates=".length)) || 200) : size(200);
/** Slack shows an error when an interaction is not acknowledged within 3 s. */
const SLACK_ACK_LIMIT_MS = 3000;
const POSTGRES_URL = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";
const SIGNING_SECRET = "bench-signing-secret-0123456789";
const P = ORG.people;
/** The parent message's status once stage 1 is approved. */
const PENDING_CHIEF = requestMessages("ja").status.pending_chief;

const t0 = performance.now();
let threaded: ThreadedFetch | undefined;
/** The load generator's HTTP client (one thread for every app under test). */
const sendThread = () => (threaded ??= new ThreadedFetch());
/** The fake, for the phases to forget its call records (only memory for this benchmark). */
let slack: FakeSlack | undefined;
/** Says what the run is doing, and starts a phase. */
const progress = (s: string) => {
  if (slack) slack.calls.length = 0;
  process.stderr.write(`· ${((performance.now() - t0) / 1000).toFixed(0).padStart(3)} s  ${s}\n`);
};

// ---- Slack's side ---------------------------------------------------------------------

function manifestScopes(): string[] {
  const manifest = YAML.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../manifest.yml"), "utf8"));
  return manifest.oauth_config.scopes.bot as string[];
}

/** Watches the fake for the chat.update after which a parent message shows a given status. */
class UpdateWatcher {
  private waiting = new Map<string, { text: string; resolve: (t: number) => void }>();
  constructor(private readonly fake: FakeSlack) {
    fake.on("change", (c: FakeSlackChange) => {
      if (c.kind !== "message_changed") return;
      const w = this.waiting.get(c.ts);
      if (!w || !this.fake.message(c.channel, c.ts)?.text.includes(w.text)) return;
      this.waiting.delete(c.ts);
      w.resolve(performance.now());
    });
  }
  /** Resolves with the time (performance.now) the message showed `text`, or NaN after `timeoutMs`. */
  expect(ts: string, text: string, timeoutMs = 30_000): Promise<number> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(ts);
        resolve(Number.NaN);
      }, timeoutMs);
      this.waiting.set(ts, { text, resolve: (t) => (clearTimeout(timer), resolve(t)) });
    });
  }
}

let pressCount = 0;
/** A signed approve press on a request's parent message, with a unique action_ts as Slack sends. */
function approve(sender: SlackRequestSender, user: string, t: Target) {
  const actionTs = `${Math.floor(Date.now() / 1000)}.${String(++pressCount % 1e6).padStart(6, "0")}`;
  return sender.blockAction(user, { actionId: RequestActions.approve, actionTs, message: { channel: t.channel, ts: t.ts } });
}
/** Stage 1 of the targets (sales) is decided by either manager of sales. */
const managerFor = (i: number) => (i % 2 === 0 ? P.manager : P.manager2);
/** People who type /privacy request. */
const REQUESTERS = [P.employee, P.employee2, P.english, P.manager, P.soloManager];

type AckStats = Stats & { errors: number; over3s: number; cpu?: RoundCpu };

/**
 * CPU time per request spent while a series' rounds were being sent (ms): by the app's
 * process (all threads, and its main thread), by this process (the load generator, its
 * sending thread and the fake Slack answering the app's calls), and by the PostgreSQL
 * server's processes. In a closed loop of 20 in flight on 2 cores, the ack times follow it.
 */
type RoundCpu = { app: number; appMain: number; generator: number; server: number; n: number };
type CpuReading = { cpu: NodeJS.CpuUsage; mainCpu?: number };
/** How the floor's and the bot's CPU are read (their `cpu` handler, bench/app.ts). */
type CpuReaders = { floor: () => Promise<CpuReading>; bot: () => Promise<CpuReading> };

/**
 * --profile: when each of the bot's rounds was sent (µs of the monotonic clock, as the CPU
 * profiles' timestamps count), written to bench/profiles/rounds.json: the profiles' samples
 * taken inside them are the acks' work.
 */
const botRounds: { start: number; end: number }[] = [];
/** the same for the floor's rounds (bench/profiles/floorRounds.json) */
const floorRounds: { start: number; end: number }[] = [];
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Runs a round, adding the CPU spent meanwhile to `acc` (the app's read through `reading`). */
async function counted<T>(acc: RoundCpu, reading: () => Promise<CpuReading>, n: number, round: () => Promise<T>, bot = false): Promise<T> {
  const a0 = await reading();
  const g0 = process.cpuUsage();
  const s0 = serverCpuMs();
  const start = monotonicUs();
  const r = await round();
  if (PROFILE) (bot ? botRounds : floorRounds).push({ start, end: monotonicUs() });
  const s1 = serverCpuMs();
  const g1 = process.cpuUsage(g0);
  const a1 = await reading();
  acc.app += (a1.cpu.user - a0.cpu.user + a1.cpu.system - a0.cpu.system) / 1000;
  acc.appMain += ((a1.mainCpu ?? 0) - (a0.mainCpu ?? 0)) * 1000;
  acc.generator += (g1.user + g1.system) / 1000;
  acc.server += s1 - s0;
  acc.n += n;
  return r;
}

function perRequest(c: RoundCpu): RoundCpu {
  const d = Math.max(1, c.n);
  return { app: c.app / d, appMain: c.appMain / d, generator: c.generator / d, server: c.server / d, n: c.n };
}

/**
 * HTTP response times of `n` requests after `warmup`, `concurrency` in flight (closed loop);
 * counts answers that are not a plain 200 and those slower than Slack's 3 s.
 */
async function ackSeries(n: number, warmup: number, concurrency: number, send: (i: number) => Promise<{ status: number }>): Promise<AckStats> {
  await timedLoop(warmup, concurrency, 0, send);
  return ackStats(await timedLoop(n, concurrency, warmup, send));
}

type Timed = { samples: number[]; errors: number };

/** `n` requests `concurrency` in flight, indices from `from`: their times and the answers that were not a plain 200. */
async function timedLoop(n: number, concurrency: number, from: number, send: (i: number) => Promise<{ status: number }>): Promise<Timed> {
  let errors = 0;
  const samples = await closedLoop(n, concurrency, async (i) => {
    // timed in the sending thread (ThreadedFetch); here only if it did not answer
    const timing = { ms: Number.NaN };
    const t0 = performance.now();
    const r = await requestTiming.run(timing, () => send(from + i));
    if (r.status !== 200) errors++;
    return Number.isNaN(timing.ms) ? performance.now() - t0 : timing.ms;
  });
  return { samples, errors };
}

const ackStats = (t: Timed): AckStats => ({ ...stats(t.samples), errors: t.errors, over3s: t.samples.filter((x) => x > SLACK_ACK_LIMIT_MS).length });

/**
 * The floor and the bot in alternating rounds, `n` requests each in all: drift of a noisy
 * machine over the minutes of a series falls on both alike. `settle` runs after each of the
 * bot's rounds (and its warm-up) and waits until the bot is idle again, so the next round
 * of the floor does not share the machine with the bot's work.
 */
async function interleaved(
  n: number,
  floorSend: (i: number) => Promise<{ status: number }>,
  botSend: (i: number) => Promise<{ status: number }>,
  settle: () => Promise<void>,
  cpuOf: CpuReaders,
): Promise<{ floor: AckStats; bot: AckStats }> {
  await timedLoop(WARMUP, CONCURRENCY, 0, floorSend);
  await timedLoop(WARMUP, CONCURRENCY, 0, botSend);
  await settle();
  const floor: Timed = { samples: [], errors: 0 };
  const bot: Timed = { samples: [], errors: 0 };
  const floorCpu: RoundCpu = { app: 0, appMain: 0, generator: 0, server: 0, n: 0 };
  const botCpu: RoundCpu = { app: 0, appMain: 0, generator: 0, server: 0, n: 0 };
  for (let r = 0, done = 0; r < ROUNDS; r++) {
    const size = Math.round((n * (r + 1)) / ROUNDS) - done;
    const f = await counted(floorCpu, cpuOf.floor, size, () => timedLoop(size, CONCURRENCY, WARMUP + done, floorSend));
    const b = await counted(botCpu, cpuOf.bot, size, () => timedLoop(size, CONCURRENCY, WARMUP + done, botSend), true);
    await settle();
    floor.samples.push(...f.samples), (floor.errors += f.errors);
    bot.samples.push(...b.samples), (bot.errors += b.errors);
    done += size;
  }
  return { floor: { ...ackStats(floor), cpu: perRequest(floorCpu) }, bot: { ...ackStats(bot), cpu: perRequest(botCpu) } };
}

type UpdateStats = Stats & { notUpdated: number; ack: Stats; afterAck: Stats };

/**
 * Press to updated, one press at a time: from sending the press to the fake receiving the
 * chat.update that shows the parent message's new status; split into the press's ack and
 * what follows it (the decision's transaction, the outbox pass, the chat.update call).
 */
async function pressToUpdated(sender: SlackRequestSender, watcher: UpdateWatcher, targets: Target[]): Promise<UpdateStats> {
  let notUpdated = 0;
  const acks: number[] = [];
  const afterAck: number[] = [];
  const series = performance.now();
  const slowest: { at: number; ack: number; after: number }[] = [];
  const samples = await closedLoop(targets.length, 1, async (i) => {
    // A bot that stopped updating would cost 30 s a press: give up after 5.
    if (notUpdated >= 5) return (notUpdated++, Number.NaN);
    const t = targets[i]!;
    const seen = watcher.expect(t.ts, PENDING_CHIEF);
    const t0 = performance.now();
    const r = await approve(sender, managerFor(i), t);
    const tAck = performance.now();
    if (r.status !== 200) throw new Error(`press answered ${r.status}`);
    const t1 = await seen;
    if (Number.isNaN(t1)) {
      // which message and when, to look for in the bot's log
      progress(`  never updated: the press on ${t.channel} ${t.ts}, ${((t0 - series) / 1000).toFixed(2)} s into the series (acknowledged ${r.status})`);
      return (notUpdated++, Number.NaN);
    }
    acks.push(tAck - t0);
    afterAck.push(t1 - tAck);
    slowest.push({ at: t0 - series, ack: tAck - t0, after: t1 - tAck });
    return t1 - t0;
  });
  // where the slowest presses fell in the series: a pause at a fixed interval is a periodic task's
  const worst = slowest.sort((a, b) => b.ack + b.after - (a.ack + a.after)).slice(0, 4);
  if (targets.length >= 50)
    progress(
      `  the slowest presses: ${worst.map((w) => `${(w.ack + w.after).toFixed(0)} ms (ack ${w.ack.toFixed(1)}) at ${(w.at / 1000).toFixed(2)} s`).join(", ")}`,
    );
  return { ...stats(samples.filter((x) => !Number.isNaN(x))), notUpdated, ack: stats(acks), afterAck: stats(afterAck) };
}

/** Opens the purpose form as a person would (`/privacy request purpose`); returns the view id. */
async function openForm(fake: FakeSlack, sender: SlackRequestSender, user: string): Promise<string> {
  const before = new Set(fake.openViews(user).map((v) => v.id));
  const r = await sender.command(user, "/privacy", "request purpose");
  if (r.status !== 200) throw new Error(`/privacy request purpose answered ${r.status}`);
  const view = await fake.waitFor(() => fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.form));
  return view.id;
}

async function postgresAnswers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  c.on("error", () => undefined);
  try {
    await c.connect();
    await c.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await c.end();
  }
}

// ---- the bot under test ---------------------------------------------------------------

type DbChoice = { pgliteDir: string } | { url: string; schema: string };

class BotUnderTest {
  app?: AppProcess;
  sender?: SlackRequestSender;
  seed?: SeedResult;
  /** how long the outbox took to send what each series left (ms) */
  readonly drains: Record<string, number> = {};
  private readonly env: Record<string, string>;

  constructor(
    readonly name: string,
    private readonly fake: FakeSlack,
    orgFile: string,
    db: DbChoice,
    private readonly port: number,
  ) {
    this.env = {
      BENCH_PORT: String(port),
      BENCH_SLACK_API_URL: fake.apiUrl,
      BENCH_SIGNING_SECRET: SIGNING_SECRET,
      BENCH_ORG_FILE: orgFile,
      ...("url" in db ? { BENCH_DATABASE_URL: db.url, BENCH_SCHEMA: db.schema } : { BENCH_DATABASE_URL: "", BENCH_PGLITE_DIR: db.pgliteDir }),
    };
  }

  /** Fills the database in a process of its own (PGlite allows one process at a time on a folder). */
  async fill(targets: number): Promise<SeedResult> {
    const seeder = await AppProcess.start({ ...this.env, BENCH_MODE: "seed" });
    try {
      this.seed = await seeder.call<SeedResult>("seed", { total: SEED_TOTAL, targets });
      return this.seed;
    } finally {
      if (!(await seeder.stop())) progress(`! ${this.name}: the seeding process did not stop within 20 s and was killed`);
    }
  }

  /** Starts the bot on the filled database; returns how long start-up took (ms). */
  async start(): Promise<number> {
    const t0 = performance.now();
    const profile = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(import.meta.dirname, "profiles")}`] : [];
    const as = startSettings(V8_DEFAULTS);
    const allocations: Record<string, string> = PROFILE ? { BENCH_ALLOC_PROFILE_DIR: path.resolve(import.meta.dirname, "profiles") } : {};
    this.app = await AppProcess.start({ ...as.env, ...this.env, ...allocations, BENCH_MODE: "bot" }, [...as.execArgv, ...profile, "--expose-gc"]);
    this.sender = new SlackRequestSender({
      appUrl: `http://127.0.0.1:${this.port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      fake: this.fake,
      fetch: sendThread().fetch,
    });
    return performance.now() - t0;
  }

  get targets(): Target[] {
    return this.seed!.targets;
  }

  /** Waits until the outbox has sent everything, so one series does not leave work to the next. */
  async drain(label: string): Promise<number> {
    const r = await this.app!.call<{ ms: number; pending: number }>("drain", { timeoutMs: 120_000 });
    if (r.pending > 0) progress(`! ${this.name} ${label}: ${r.pending} outbox calls still pending after ${r.ms} ms`);
    else if (r.ms >= 1000) progress(`  ${this.name} ${label}: the outbox took ${(r.ms / 1000).toFixed(1)} s to send the rest`);
    this.drains[label] = r.ms;
    return r.ms;
  }

  query<T>(sql: string, params?: unknown[]): Promise<T[]> {
    return this.app!.call<T[]>("query", { sql, params });
  }

  /** How many of these requests have each status. */
  async statuses(ids: string[]): Promise<Record<string, number>> {
    const rows = await this.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM "Request" WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY status`,
      [JSON.stringify(ids)],
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }

  memory(): Promise<Mem> {
    return this.app!.call<Mem>("memory");
  }

  async stop(): Promise<void> {
    if (this.app && !(await this.app.stop())) progress(`! ${this.name}: the bot did not stop within 20 s and was killed`);
  }
}

// ---- the series ----------------------------------------------------------------------

/**
 * 1a/1b. `/privacy request` 20 in flight, the floor and the bot in alternating rounds: acks,
 * then the bot opens the kind picker (views.open); each round waits for its pickers and the outbox.
 */
async function commandSeries(
  fake: FakeSlack,
  bot: BotUnderTest,
  bare: SlackRequestSender,
  cpuOf: CpuReaders,
): Promise<{ floor: AckStats; bot: AckStats & { pickersOpened: number; pickersExpected: number } }> {
  let opened = 0;
  let sent = 0;
  // the bare app opens no modal: every one opened is the bot's
  const countOpened = (c: FakeSlackChange) => void (c.kind === "view_opened" && opened++);
  fake.on("change", countOpened);
  const command = (sender: SlackRequestSender) => (i: number) => sender.command(REQUESTERS[i % REQUESTERS.length]!, "/privacy", "request");
  const botCommand = command(bot.sender!);
  const r = await interleaved(
    ACK_N,
    command(bare),
    (i) => (sent++, botCommand(i)),
    async () => {
      await fake.waitFor(() => opened >= sent, 30_000).catch(() => undefined);
      await bot.drain("after /privacy request");
    },
    cpuOf,
  );
  fake.off("change", countOpened);
  return { floor: r.floor, bot: { ...r.bot, pickersOpened: opened, pickersExpected: sent } };
}

let submissionCount = 0;
/**
 * A view_submission of a valid purpose form under a fresh view id (a new request each, as
 * the submission key is the view id); a refusal (response_action "errors") counts as an error.
 */
function submitter(sender: SlackRequestSender, payload: Record<string, unknown>, prefix: string) {
  return async () => {
    const r = await sender.viewSubmission(P.employee, { ...payload, id: `${prefix}${String(++submissionCount).padStart(7, "0")}` });
    const refused = (r.body as { response_action?: string } | undefined)?.response_action === "errors";
    return { status: refused ? 422 : r.status };
  };
}

type SubmitStats = { sequential: AckStats; concurrent: AckStats };

type DbRun = {
  startMs: number;
  floor: Floor;
  command: AckStats & { pickersOpened: number; pickersExpected: number };
  submit: SubmitStats & { sent: number; stored: number };
  update: UpdateStats;
  /** decided: requests now waiting for stage 2; decideMs: the rounds' time from their first press to their last decision committed */
  press: AckStats & { backlog: number; decided: number; pressed: number; decideMs: number; decisionsPerSecond: number };
  memory: { idle: Mem; afterUpdate: Mem; afterLoad: Mem; afterGc: Mem };
  warnings: Record<string, number>;
  /** errors the bot logged, by kind (message and the error's first line) */
  errors: Record<string, number>;
  /** at rest, median ms: one query through the driver, through Prisma, and a 10-query Prisma transaction */
  probe: { driverQueryMs: number; prismaFindUniqueMs: number; prismaTransaction10Ms: number };
  drains: Record<string, number>;
};

type Floor = { command: AckStats; press: AckStats; submit: SubmitStats; memory: Mem };

/**
 * 1a. The floor: a bare Bolt app in its own process that only acks, sent the same signed
 * payloads as the bot at the same concurrency, in rounds alternating with the bot's.
 */
async function startBare(fake: FakeSlack): Promise<{ sender: SlackRequestSender; app: AppProcess }> {
  const port = await freePort();
  const as = startSettings(V8_DEFAULTS);
  // --profile: the floor's CPU profile too (bench/profiles/floorRounds.json says when its rounds ran)
  const profile = PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(import.meta.dirname, "profiles", "floor")}`] : [];
  const app = await AppProcess.start(
    { ...as.env, BENCH_MODE: "bare", BENCH_PORT: String(port), BENCH_SLACK_API_URL: fake.apiUrl, BENCH_SIGNING_SECRET: SIGNING_SECRET },
    [...as.execArgv, ...profile],
  );
  const sender = new SlackRequestSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, fake, fetch: sendThread().fetch });
  return { sender, app };
}

/** A form to submit: the purpose form as the bot opens it, filled with valid inputs (the same payload for every app). */
let formPayload: Record<string, unknown> | undefined;

/**
 * Every series on one bot (started here), in the same order on both databases, next to a
 * bare Bolt app (the floor, started here too): 1a/1b in alternating rounds, 2 (the floor
 * just before), 3, 1a/1c in alternating rounds.
 */
async function runBot(fake: FakeSlack, watcher: UpdateWatcher, bot: BotUnderTest): Promise<DbRun> {
  progress(`${bot.name}: starting the bot`);
  const startMs = await bot.start();
  await sleep(1000);
  const idle = await bot.memory();
  const probe = await bot.app!.call<DbRun["probe"]>("probe");
  if (!formPayload) {
    const form = await openForm(fake, bot.sender!, P.employee);
    formPayload = fake.viewPayload(form, stateFromInputs(fake.view(form)!.view, VALID_INPUTS.purpose));
    await bot.drain("after opening the form");
  }
  const payload = formPayload;
  const pressTargets = bot.targets.slice(UPDATE_WARMUP + UPDATE_N);
  const bare = await startBare(fake);
  try {
    progress(`${bot.name}: 1a/1b. /privacy request, ${CONCURRENCY} in flight, the bare app and the bot in ${ROUNDS} rounds each`);
    const cpuOf = { floor: () => bare.app.call<CpuReading>("cpu"), bot: () => bot.app!.call<CpuReading>("cpu") };
    const commands = await commandSeries(fake, bot, bare.sender, cpuOf);

    // 2. Modal submissions of a valid form: a real form's payload, submitted under fresh view ids.
    progress(`${bot.name}: 2. modal submissions, one at a time and ${CONCURRENCY} in flight`);
    const bareSubmit = submitter(bare.sender, payload, "VBENCHB");
    const submitFloor = {
      sequential: await ackSeries(SUBMIT_SEQ_N, WARMUP, 1, bareSubmit),
      concurrent: await ackSeries(SUBMIT_CONC_N, 2 * CONCURRENCY, CONCURRENCY, bareSubmit),
    };
    const prefix = `VBENCH${bot.name === "PGlite" ? "L" : "P"}`;
    const submitOne = submitter(bot.sender!, payload, prefix);
    const before = submissionCount;
    const sequential = await ackSeries(SUBMIT_SEQ_N, WARMUP, 1, submitOne);
    await bot.drain("after sequential submissions");
    const concurrent = await ackSeries(SUBMIT_CONC_N, 2 * CONCURRENCY, CONCURRENCY, submitOne);
    const sent = submissionCount - before;
    const stored = Number(
      (await bot.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Request" WHERE "submissionKey" LIKE $1`, [`view:${prefix}%`]))[0]!.n,
    );
    await bot.drain("after concurrent submissions");

    // 3. Press to parent message updated, one press at a time.
    progress(`${bot.name}: 3. press to chat.update, one at a time`);
    const updateTargets = bot.targets.slice(0, UPDATE_WARMUP + UPDATE_N);
    await pressToUpdated(bot.sender!, watcher, updateTargets.slice(0, UPDATE_WARMUP));
    const update = await pressToUpdated(bot.sender!, watcher, updateTargets.slice(UPDATE_WARMUP));
    await bot.drain("after press-to-update");
    const afterUpdate = await bot.memory();

    // 1a/1c. Approve presses, each a decision on its own request. After each of the bot's
    // rounds: wait until every decision is committed (or until none has been for 10 s: a
    // decision that failed never will be), then until the outbox has sent what they wrote.
    progress(`${bot.name}: 1a/1c. approve presses, ${CONCURRENCY} in flight, the bare app and the bot in ${ROUNDS} rounds each`);
    let pressed = 0;
    let roundStart = Number.NaN;
    let busyMs = 0;
    let backlog = 0;
    let counts: Record<string, number> = {};
    const presses = await interleaved(
      PRESS_N,
      (i) => approve(bare.sender, managerFor(i), pressTargets[i]!),
      (i) => {
        if (Number.isNaN(roundStart)) roundStart = performance.now();
        pressed = Math.max(pressed, i + 1);
        return approve(bot.sender!, managerFor(i), pressTargets[i]!);
      },
      async () => {
        backlog = Math.max(backlog, await bot.app!.call<number>("pending"));
        const ids = pressTargets.slice(0, pressed).map((t) => t.id);
        counts = await bot.statuses(ids);
        let decidedAt = performance.now();
        for (let still = 0; (counts.pending_manager ?? 0) > 0 && still < 10_000; ) {
          await sleep(100);
          const next = await bot.statuses(ids);
          if (next.pending_manager === counts.pending_manager) still += 100;
          else (still = 0), (decidedAt = performance.now());
          counts = next;
        }
        busyMs += decidedAt - roundStart;
        roundStart = Number.NaN;
        await bot.drain("after approve presses");
      },
      cpuOf,
    );
    const afterLoad = await bot.memory();
    const afterGc = await bot.app!.call<Mem>("memoryAfterGc");
    const warnings = await bot.app!.call<Record<string, number>>("warnings");
    const errors = await bot.app!.call<Record<string, number>>("errors");
    const decided = counts.pending_chief ?? 0;
    const press = { ...presses.bot, backlog, decided, pressed, decideMs: busyMs, decisionsPerSecond: decided / (busyMs / 1000) };
    const floor: Floor = { command: commands.floor, press: presses.floor, submit: submitFloor, memory: await bare.app.call<Mem>("memory") };
    return {
      startMs,
      floor,
      command: commands.bot,
      submit: { sequential, concurrent, sent, stored },
      update,
      press,
      memory: { idle, afterUpdate, afterLoad, afterGc },
      warnings,
      errors,
      probe,
      drains: bot.drains,
    };
  } finally {
    await bare.app.stop();
  }
}

// ---- the run --------------------------------------------------------------------------

/** What has to be undone however the run ends: processes, the PostgreSQL schema, the temporary folder. */
const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const undo of cleanups.reverse()) await undo().catch((e) => progress(`! cleanup: ${(e as Error).message ?? e}`));
  })();
  return cleaning;
}
// Ctrl-C: clean up, then exit. `on`, not `once`: tsx (and npm) may relay the same signal
// again, and a signal with no listener left would end the process before the cleanup.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (!cleaning) progress(`${signal}: cleaning up`);
    interrupted = true;
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  const machine = {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "?",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    at: new Date().toISOString(),
  };

  // Slack's side, without the per-channel chat.postMessage limit (Slack's ~1 message/s per
  // channel, burst 5, would otherwise pace every request's parent post and dominate).
  const users = Object.values(P).map((id) => ({ id, locale: id === P.english ? "en-US" : "ja-JP" }));
  const fake = new FakeSlack({ scopes: manifestScopes(), users, postMessagePerChannel: false });
  await fake.start();
  cleanups.push(() => fake.stop());
  slack = fake;
  const watcher = new UpdateWatcher(fake);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-bench-"));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const orgFile = path.join(dir, "org.yml");
  fs.writeFileSync(orgFile, ORG_YAML);
  const schema = `bench_${crypto.randomBytes(5).toString("hex")}`;
  const onPostgres = await postgresAnswers(POSTGRES_URL);
  const shownUrl = POSTGRES_URL.replace(/\/\/[^@/]*@/, "//");
  if (onPostgres) cleanups.push(() => dropSchema(POSTGRES_URL, schema));
  const lite = new BotUnderTest("PGlite", fake, orgFile, { pgliteDir: path.join(dir, "pglite") }, await freePort());
  const pgBot = onPostgres ? new BotUnderTest("PostgreSQL", fake, orgFile, { url: POSTGRES_URL, schema }, await freePort()) : undefined;
  // A bot that is not stopped cleanly is killed (a PGlite folder is thrown away anyway).
  cleanups.push(async () => void (await lite.app?.kill()));
  cleanups.push(async () => void (await pgBot?.app?.kill()));

  // Both databases get the same history at once, before anything is measured. The newest
  // requests wait for stage 1: the first for press-to-update, the rest for the 20-in-flight presses.
  progress(`seeding ${SEED_TOTAL.toLocaleString("en")} requests into PGlite${onPostgres ? ` and PostgreSQL (schema ${schema})` : ""}`);
  if (!onPostgres) progress(`PostgreSQL does not answer at ${shownUrl}: its part is skipped`);
  const targets = UPDATE_WARMUP + UPDATE_N + WARMUP + PRESS_N;
  await Promise.all([lite.fill(targets), pgBot?.fill(targets)]);

  const liteRun = await runBot(fake, watcher, lite);
  // A clean stop would wait until the outbox has sent the presses' backlog (Outbox.stop awaits
  // the running pass, which loops until idle); the folder is thrown away, so end it at once
  // (unless profiling: the CPU profile is written at a clean exit).
  if (PROFILE) await lite.stop();
  else await lite.app!.kill();

  let pgRun: DbRun | undefined;
  if (pgBot) {
    pgRun = await runBot(fake, watcher, pgBot);
    await pgBot.stop();
  }

  if (PROFILE) fs.writeFileSync(path.resolve(import.meta.dirname, "profiles", "rounds.json"), JSON.stringify(botRounds));
  if (PROFILE) fs.writeFileSync(path.resolve(import.meta.dirname, "profiles", "floorRounds.json"), JSON.stringify(floorRounds));
  progress("done");
  const results: Results = {
    machine,
    seconds: (performance.now() - t0) / 1000,
    settings: {
      concurrency: CONCURRENCY,
      warmup: WARMUP,
      ackN: ACK_N,
      pressN: PRESS_N,
      submitSeqN: SUBMIT_SEQ_N,
      submitConcN: SUBMIT_CONC_N,
      seedTotal: SEED_TOTAL,
      updateWarmup: UPDATE_WARMUP,
      updateN: UPDATE_N,
      outboxPollMs: 1000,
      postMessagePerChannel: false,
      quick: QUICK,
    },
    postgresServer: onPostgres ? { url: shownUrl, schema } : { url: shownUrl, skipped: "does not answer" },
    seed: {
      pglite: stripTargets(lite.seed!),
      postgres: pgBot ? stripTargets(pgBot.seed!) : null,
    },
    pglite: liteRun,
    postgres: pgRun ?? null,
  };
  console.log(report(results));
  fs.writeFileSync(path.resolve(import.meta.dirname, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
}

const stripTargets = ({ targets: _t, ...s }: SeedResult) => s;

// ---- the report -----------------------------------------------------------------------

/**
 * The process's CPU time (every thread) between two readings, in seconds (user + system), and
 * the main thread's pauses for garbage collection meanwhile (V8's gc performance entries).
 */
function cpuOver(a: Mem, b: Mem): string {
  if (!a.cpu || !b.cpu) return "?";
  const all = (b.cpu.user - a.cpu.user + b.cpu.system - a.cpu.system) / 1e6;
  const main = a.mainCpu !== undefined && b.mainCpu !== undefined ? b.mainCpu - a.mainCpu : undefined;
  const cpu = `${all.toFixed(1)} s${main === undefined ? "" : ` (main thread ${main.toFixed(1)} s, other threads ${(all - main).toFixed(1)} s${byThread(a, b)})`}`;
  const [from, to] = [a.gcMs, b.gcMs];
  const plans = a.plans && b.plans ? `; Prisma's plans: ${planLine(a.plans, b.plans)}` : "";
  if (!from || !to) return cpu + plans;
  const gc = (k: keyof typeof from) => ((to[k] - from[k]) / 1000).toFixed(1);
  return `${cpu}, of which the main thread's garbage collection ${gc("minor")} s young, ${gc("major")} s full, ${gc("other")} s other${plans}`;
}

/**
 * The other threads' CPU time between two readings, by the thread's name (PGlite's thread
 * names itself "mamori-pglite"; V8's helpers and libuv's pool keep the process's "node"),
 * largest first.
 */
function byThread(a: Mem, b: Mem): string {
  if (!a.threadsCpu || !b.threadsCpu) return "";
  const by = new Map<string, { s: number; n: number }>();
  for (const [key, t] of Object.entries(b.threadsCpu)) {
    if (key === "main") continue;
    const name = key.slice(0, key.lastIndexOf("/"));
    const s = t - (a.threadsCpu[key] ?? 0);
    if (s < 0.05) continue;
    const g = by.get(name) ?? { s: 0, n: 0 };
    by.set(name, { s: g.s + s, n: g.n + 1 });
  }
  const rows = [...by].sort((x, y) => y[1].s - x[1].s);
  return rows.length
    ? `: ${rows.map(([name, g]) => `${name === "node" ? "V8's helpers and others" : name} ${g.s.toFixed(1)} s (${g.n} thread${g.n > 1 ? "s" : ""})`).join(", ")}`
    : "";
}

/** The CPU per request while the rounds were sent, the bot's and the floor's (RoundCpu). */
function roundCpu(bot: RoundCpu | undefined, floor: RoundCpu | undefined): string {
  if (!bot || !floor) return "";
  const ms = (x: number) => x.toFixed(2);
  const server = bot.server + floor.server > 0 ? `; the PostgreSQL server ${ms(bot.server)} / ${ms(floor.server)}` : "";
  return (
    `; CPU per request in the rounds, bot / bare Bolt: the app ${ms(bot.app)} / ${ms(floor.app)} ms (its main thread ${ms(bot.appMain)} / ${ms(floor.appMain)}), ` +
    `the load generator and fake Slack ${ms(bot.generator)} / ${ms(floor.generator)}${server}`
  );
}

/** Over the load: queries whose plan came from the cache, compiled and cached, compiled (a shape not cacheable). */
function planLine(a: PlanCacheStats, b: PlanCacheStats): string {
  const hits = b.hits - a.hits;
  const misses = b.misses - a.misses;
  const un = b.uncacheable - a.uncacheable;
  const all = hits + misses + un;
  return `${hits.toLocaleString("en")} of ${all.toLocaleString("en")} from the cache (${all ? ((hits / all) * 100).toFixed(1) : "0"}%), ${misses} shapes compiled, ${un.toLocaleString("en")} compiled (not cacheable)`;
}

/** process.memoryUsage(), the CPU time and collections so far, where the resident memory is (Linux), and PGlite's thread (embedded only) */
type Mem = NodeJS.MemoryUsage & {
  cpu?: NodeJS.CpuUsage;
  mainCpu?: number;
  /** every thread's CPU time so far, by name */
  threadsCpu?: Record<string, number>;
  gcMs?: { minor: number; major: number; other: number };
  plans?: PlanCacheStats;
  resident?: Resident;
  engine?: EngineMemory | null;
};
interface Results {
  machine: Record<string, string | number>;
  seconds: number;
  settings: Record<string, number | boolean>;
  postgresServer: { url: string; schema?: string; skipped?: string };
  seed: { pglite: Omit<SeedResult, "targets">; postgres: Omit<SeedResult, "targets"> | null };
  pglite: DbRun;
  postgres: DbRun | null;
}

function report(r: Results): string {
  const m = r.machine;
  const n = (v: number) => v.toLocaleString("en");
  const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}x` : "—");
  const mb = (v?: number) => (v === undefined ? "—" : `${(v / 2 ** 20).toFixed(0)} MB`);
  const pct = (v: number) => `${((v / SLACK_ACK_LIMIT_MS) * 100).toFixed(v < 300 ? 1 : 0)}%`;
  const runs = [
    ["PGlite", r.pglite],
    ["PostgreSQL", r.postgres],
  ] as const;
  const out: string[] = [];

  out.push(`Mamori benchmark, ${m.at}${QUICK ? " (--quick: small series, to check that it works; not figures to quote)" : ""}`);
  out.push(
    `node ${m.node}, ${m.platform}, ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGb} GB RAM; run took ${r.seconds.toFixed(0)} s. Noisy shared machine: compare ratios within this run.`,
  );
  out.push(`Bot in its own process as main.ts runs it; this process is the load generator and the fake Slack (postMessagePerChannel: false).`);
  if (V8_DEFAULTS)
    out.push(
      "--v8-defaults: the bot and the bare Bolt app ran without npm start's V8 flags (V8's default heap sizes): the memory rows are not what npm start holds.",
    );
  out.push("Each bot row's ratios are to the bare Bolt row just above it: same payloads, measured just before, with that bot started and idle.");
  out.push(
    `Each database seeded with ${n(SEED_TOTAL)} requests (${Object.entries(r.seed.pglite.rows)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(", ")}).`,
  );
  out.push("");

  const head = ["#", "measurement", "app", "n", "p50", "p99", "p50 ÷ floor", "p99 ÷ floor", "p99 ÷ 3 s", "notes"];
  const rows: (string | number)[][] = [];
  const ack = (id: string, what: string, app: string, s: AckStats, floor: AckStats | null, note = "") => {
    const notes = [note, s.errors ? `${s.errors} not acked 200` : "", s.over3s ? `${s.over3s} over 3 s` : ""].filter(Boolean).join("; ");
    rows.push([
      id,
      what,
      app,
      s.n,
      `${ms(s.p50)} ms`,
      `${ms(s.p99)} ms`,
      floor ? x(s.p50 / floor.p50) : "(floor)",
      floor ? x(s.p99 / floor.p99) : "",
      pct(s.p99),
      notes,
    ]);
  };
  /** A bot row after the floor row measured just before it on that database. */
  const pair = (
    id: string,
    floorId: string,
    floorWhat: string,
    what: string,
    pick: (b: DbRun) => AckStats,
    floorPick: (f: Floor) => AckStats,
    note: (b: DbRun) => string = () => "",
  ) => {
    for (const [db, b] of runs) {
      if (!b) continue;
      ack(floorId, floorWhat, "bare Bolt", floorPick(b.floor), null);
      ack(id, what, `bot, ${db}`, pick(b), floorPick(b.floor), note(b));
    }
  };
  const c = `${CONCURRENCY} in flight`;
  pair(
    "1b",
    "1a",
    `slash command ack, ${c}`,
    `/privacy request ack (views.open), ${c}`,
    (b) => b.command,
    (f) => f.command,
    (b) => `${n(b.command.pickersOpened)}/${n(b.command.pickersExpected)} modals opened${roundCpu(b.command.cpu, b.floor.command.cpu)}`,
  );
  pair(
    "1c",
    "1a",
    `block action ack, ${c}`,
    `approve press ack (stage-1 decision), ${c}`,
    (b) => b.press,
    (f) => f.press,
    (b) =>
      `${n(b.press.decided)}/${n(b.press.pressed)} decided${b.press.decided < b.press.pressed ? " (rest failed after ack, see errors)" : ""}, ` +
      `${b.press.decisionsPerSecond.toFixed(0)}/s (first press to last decision of each round: ${(b.press.decideMs / 1000).toFixed(1)} s in all); outbox backlog up to ${n(b.press.backlog)}` +
      roundCpu(b.press.cpu, b.floor.press.cpu),
  );
  pair(
    "2",
    "2",
    "view_submission ack, one at a time",
    "modal submission (stored, then ack), one at a time",
    (b) => b.submit.sequential,
    (f) => f.submit.sequential,
  );
  pair(
    "2",
    "2",
    `view_submission ack, ${c}`,
    `modal submission (stored, then ack), ${c}`,
    (b) => b.submit.concurrent,
    (f) => f.submit.concurrent,
    (b) => `${n(b.submit.stored)}/${n(b.submit.sent)} stored`,
  );
  for (const [db, b] of runs) {
    const u = b?.update;
    if (!u) {
      rows.push([
        "3",
        "press → chat.update of the parent, one at a time",
        `bot, ${db}`,
        "skipped",
        "",
        "",
        "",
        "",
        "",
        `nothing answers at ${r.postgresServer.url}`,
      ]);
      continue;
    }
    rows.push([
      "3",
      `press → chat.update of the parent, one at a time`,
      `bot, ${db}`,
      u.n,
      `${ms(u.p50)} ms`,
      `${ms(u.p99)} ms`,
      "",
      "",
      "",
      `of which ack p50 ${ms(u.ack.p50)} ms, ack → update p50 ${ms(u.afterAck.p50)} ms${u.notUpdated ? `; ${u.notUpdated} never updated` : ""}`,
    ]);
  }
  /** where the resident memory is: WebAssembly (PGlite), malloc's arenas, other anonymous (V8 heap, stacks), files */
  const where = (v: Mem | undefined) => {
    const r = v?.resident;
    if (!r) return "";
    const wasm = v?.engine ? ` (PGlite's memory ${mb(v.engine.wasm)}; its thread's heap ${mb(v.engine.heapUsed)} used of ${mb(v.engine.heapTotal)})` : "";
    return `: wasm ${mb(r.wasm)}${wasm}, malloc arenas ${mb(r.arenas)}, other anonymous ${mb(r.otherAnon)}, files ${mb(r.files)}`;
  };
  const mem = (what: string, app: string, v: Mem | undefined, note = "") =>
    rows.push(["4", what, app, "", "", "", "", "", "", `RSS ${mb(v?.rss)} (heap used ${mb(v?.heapUsed)})${note}${where(v)}`]);
  for (const [db, b] of runs) {
    if (!b) continue;
    mem("resident memory at rest (started, idle 1 s)", `bot, ${db}`, b.memory.idle, `; start-up ${(b.startMs / 1000).toFixed(1)} s`);
    mem(
      "resident memory after the load (1b, 2, 3, 1c)",
      `bot, ${db}`,
      b.memory.afterLoad,
      `; after 1b, 2, 3: RSS ${mb(b.memory.afterUpdate.rss)}; CPU over the load ${cpuOver(b.memory.idle, b.memory.afterLoad)}`,
    );
    mem(
      "after the load and a full collection",
      `bot, ${db}`,
      b.memory.afterGc,
      `; external ${mb(b.memory.afterGc.external)}, array buffers ${mb(b.memory.afterGc.arrayBuffers)}`,
    );
  }
  if (r.pglite) mem("resident memory after its series", "bare Bolt", r.pglite.floor.memory);
  out.push(table(head, rows));
  out.push("");

  // How far below Slack's 3 s the bot's acks stay.
  const botAcks = runs.flatMap(([db, b]) =>
    b
      ? (
          [
            ["/privacy request", b.command],
            ["approve presses", b.press],
            ["submissions", b.submit.concurrent],
          ] as const
        ).map(([w, s]) => ({ db, w, s }))
      : [],
  );
  const worst = botAcks.reduce((a, b) => (b.s.p99 > a.s.p99 ? b : a));
  const worstMax = botAcks.reduce((a, b) => (b.s.max > a.s.max ? b : a));
  out.push(
    `Slack's 3 s ack limit: the slowest bot p99 is ${ms(worst.s.p99)} ms (${worst.w}, ${worst.db}), ${pct(worst.s.p99)} of 3 s, ` +
      `${(SLACK_ACK_LIMIT_MS / worst.s.p99).toFixed(1)}x below; the slowest single ack ${ms(worstMax.s.max)} ms (${worstMax.w}, ${worstMax.db}); ` +
      `${botAcks.reduce((a, b) => a + b.s.over3s, 0)} acks over 3 s.`,
  );
  for (const [db, b] of runs) {
    if (!b) continue;
    for (const [what, counts] of [
      ["Errors", b.errors],
      ["Warnings", b.warnings],
    ] as const) {
      const list = Object.entries(counts);
      if (list.length > 0) out.push(`${what} the bot on ${db} logged: ${list.map(([k, v]) => `${n(v)}× "${k}"`).join("; ")}`);
    }
  }
  const probes = runs.flatMap(([db, b]) =>
    b ? [`${db} ${ms(b.probe.driverQueryMs)} / ${ms(b.probe.prismaFindUniqueMs)} / ${ms(b.probe.prismaTransaction10Ms)} ms`] : [],
  );
  out.push(`At rest, median of one query by id through the driver / through Prisma / a 10-query Prisma transaction: ${probes.join("; ")}.`);
  for (const [db, s] of [
    ["PGlite", r.seed.pglite],
    ["PostgreSQL", r.seed.postgres],
  ] as const) {
    if (!s) continue;
    const skipped = s.skippedColumns.length ? `; columns not in the migrated tables, left out: ${s.skippedColumns.join(", ")}` : "";
    out.push(`Seeding ${db}: ${(s.ms / 1000).toFixed(1)} s${r.seed.postgres ? " (both at once)" : ""}, audit chain ${s.auditChain}${skipped}.`);
  }
  if (!r.postgres) out.push(`PostgreSQL part skipped: nothing answers at ${r.postgresServer.url} (set BENCH_DATABASE_URL to use another server).`);
  return out.join("\n");
}

main()
  .then(
    () => 0,
    (e) => {
      if (interrupted) return 130;
      console.error(`bench failed: ${(e as Error).stack ?? e}`);
      return 1;
    },
  )
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  });
