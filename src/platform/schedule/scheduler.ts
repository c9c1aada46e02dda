// Scheduled jobs. Each feature declares its jobs (name, default cron expression, run);
// node-cron fires them in the company's time zone. Every run is claimed in the database
// for its slot (the minute it was due), so with several replicas on one PostgreSQL each
// slot runs once; a run whose replica died is taken over when its lease ends and
// finishes what is left (its notices are written once, see `notice`). A bot that was
// down runs the latest slot it missed, once. Time comes from the injected clock: tests
// call `tick()` / `runAt()` after moving it, and never wait for node-cron.
import os from "node:os";
import { randomBytes } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { Services } from "../services.js";
import type { Tx } from "../db.js";
import type { OnceItem } from "../outbox.js";
import type { Settings } from "../../settings.js";
import type { BusinessCalendar } from "./calendar.js";
import { claimNotices } from "./notices.js";
import { errorText } from "../log.js";
import type { Metrics } from "../metrics.js";

export interface JobContext {
  /** the moment the run was due (its slot) */
  slot: Date;
  services: Services;
  calendar: BusinessCalendar;
  settings: Settings;
  /**
   * Writes a notice key inside the transaction that queues its message; false when it
   * was already written (by an earlier try of this run, or by another replica).
   */
  notice(tx: Tx, key: string): Promise<boolean>;
  /** the keys of `keys` not yet written, written now (same contract as `notice`, in bulk) */
  notices(tx: Tx, keys: string[]): Promise<Set<string>>;
  /**
   * Queues each call whose notice key is not written yet and writes the key, in one
   * statement outside any transaction (same once-only contract); the keys it wrote.
   * For runs that queue a DM per person and write nothing else with it.
   */
  queueOnce(items: OnceItem[]): Promise<Set<string>>;
}

export interface Job {
  name: string;
  /** default cron expression (5 fields), overridable in the settings file's `jobs:` */
  schedule: string;
  description: { ja: string; en: string };
  run(ctx: JobContext): Promise<Record<string, unknown>>;
}

export interface JobInfo {
  name: string;
  schedule: string;
  description: { ja: string; en: string };
  lastRun: { slot: Date; status: string; finishedAt: Date | null; result: unknown; error: string | null } | null;
  nextRun: Date | null;
}

export interface SchedulerOptions {
  services: Services;
  calendar: BusinessCalendar;
  settings: Settings;
  jobs: Job[];
  /** how long a claimed run is held before another replica may take it over */
  leaseMs?: number;
  replicaId?: string;
  /** counts runs, their durations and failures, and runs taken over (metrics.ts) */
  metrics?: Metrics;
}

/** how far back a missed slot is looked for */
const LOOKBACK_MIN = 8 * 24 * 60;
/** a job that never ran catches up only on a slot this recent (no surprise digests on install) */
const FIRST_RUN_GRACE_MIN = 60;

export class Scheduler {
  readonly replicaId: string;
  private readonly tasks = new Map<string, ScheduledTask>();
  private readonly matchers = new Map<string, ScheduledTask>();
  private running = new Set<Promise<unknown>>();
  /** per job: the minute up to which due slots were already looked for (a sweep looks only at new minutes) */
  private checkedUntil = new Map<string, number>();

  constructor(private readonly o: SchedulerOptions) {
    this.replicaId = o.replicaId ?? `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
    const names = new Set<string>();
    for (const j of o.jobs) {
      if (names.has(j.name)) throw new Error(`two jobs are named ${j.name}`);
      names.add(j.name);
      const expr = this.scheduleOf(j);
      if (!isFiveFieldCron(expr)) throw new Error(`job ${j.name}: "${expr}" is not a cron expression (minute hour day month weekday)`);
      // a task never started: used only to match minutes against the expression in the time zone
      this.matchers.set(
        j.name,
        cron.createTask(expr, () => undefined, { timezone: o.calendar.timeZone, name: `match:${j.name}` }),
      );
    }
    for (const name of Object.keys(o.settings.jobs)) if (!names.has(name)) throw new Error(`settings: jobs.${name}: no such job (${[...names].join(", ")})`);
  }

  get jobs(): Job[] {
    return this.o.jobs;
  }

  scheduleOf(j: Job): string {
    return this.o.settings.jobs[j.name] ?? j.schedule;
  }

  private job(name: string): Job {
    const j = this.o.jobs.find((x) => x.name === name);
    if (!j) throw new Error(`no job named ${name} (${this.o.jobs.map((x) => x.name).join(", ")})`);
    return j;
  }

  /** The latest minute at or before `now` the job's expression matches (null: none in 8 days). */
  latestSlot(name: string, now: Date, notBefore?: Date): Date | null {
    const m = this.matchers.get(name)!;
    const floor = Math.floor(now.getTime() / 60_000) * 60_000;
    const limit = Math.max(floor - LOOKBACK_MIN * 60_000, notBefore ? notBefore.getTime() : -Infinity);
    for (let t = floor; t >= limit; t -= 60_000) if (m.match(new Date(t))) return new Date(t);
    return null;
  }

  /** The next minute after `from` the job's expression matches (null: none in 8 days). */
  nextSlot(name: string, from: Date): Date | null {
    const m = this.matchers.get(name)!;
    const start = Math.floor(from.getTime() / 60_000) * 60_000 + 60_000;
    for (let t = start; t <= start + LOOKBACK_MIN * 60_000; t += 60_000) if (m.match(new Date(t))) return new Date(t);
    return null;
  }

  /** Starts node-cron's timers and catches up on what was missed. */
  async start(): Promise<void> {
    this.stopping = false;
    for (const j of this.o.jobs) {
      const task = cron.schedule(this.scheduleOf(j), () => this.track(this.runDue(j.name)), {
        timezone: this.o.calendar.timeZone,
        name: j.name,
        // a busy event loop (PGlite, a big run) must not make node-cron drop a firing
        missedExecutionTolerance: 10 * 60_000,
      });
      this.tasks.set(j.name, task);
    }
    // every minute: runs left by a dead replica are taken over once their lease ends,
    // failed runs are tried again, and a firing node-cron missed is caught up
    this.tasks.set(
      "(sweep)",
      cron.schedule("* * * * *", () => this.track(this.tick()), { timezone: this.o.calendar.timeZone, name: "mamori-sweep", missedExecutionTolerance: 60_000 }),
    );
    this.track(this.tick());
  }

  private stopping = false;

  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.tasks.values()) await t.destroy();
    this.tasks.clear();
    await Promise.allSettled([...this.running]);
    for (const m of this.matchers.values()) await m.destroy();
  }

  private track(p: Promise<unknown>): void {
    const q = p
      .catch((e) => this.o.services.log.error("scheduled job failed", { error: String((e as Error).stack ?? e) }))
      .finally(() => this.running.delete(q));
    this.running.add(q);
  }

  /** Every job: finish runs left by a dead replica, and run the latest due slot if nobody has. */
  async tick(): Promise<void> {
    for (const j of this.o.jobs) {
      if (this.stopping) return;
      try {
        await this.runDue(j.name);
      } catch (e) {
        // one job's failure must not keep the others from running
        this.o.services.log.error("scheduled job failed", { job: j.name, error: errorText(e) });
      }
    }
  }

  /** One job: finish its stale runs, then run its latest due slot if it is not claimed yet. */
  async runDue(name: string): Promise<void> {
    const { prisma } = this.o.services.database;
    const now = this.o.services.clock.now();
    const stale = await prisma.jobRun.findMany({ where: { job: name, status: "running", leaseUntil: { lt: now } }, orderBy: { slot: "asc" } });
    for (const r of stale) {
      try {
        await this.runSlot(name, r.slot);
      } catch (e) {
        this.o.services.log.error("job run failed again", { job: name, slot: r.slot.toISOString(), error: errorText(e) });
      }
    }
    const last = await prisma.jobRun.findFirst({ where: { job: name, slot: { lte: now } }, orderBy: { slot: "desc" } });
    // the minutes to look at: after the last run (or the first-run grace), and after what an earlier sweep checked
    const floor = Math.max(last ? last.slot.getTime() + 60_000 : now.getTime() - FIRST_RUN_GRACE_MIN * 60_000, this.checkedUntil.get(name) ?? -Infinity);
    const slot = this.latestSlot(name, now, new Date(floor));
    this.checkedUntil.set(name, Math.max(this.checkedUntil.get(name) ?? -Infinity, Math.floor(now.getTime() / 60_000) * 60_000 - 60_000 * 2));
    if (!slot || (last && last.slot >= slot)) return;
    const taken = await prisma.jobRun.findUnique({ where: { job_slot: { job: name, slot } } });
    if (taken) return;
    await this.runSlot(name, slot);
  }

  /**
   * Runs `name` for the moment `at` (the CLI's `jobs run`, back-fills, tests). Claimed
   * like a scheduled run: a slot already done is not run again unless `force`.
   */
  async runAt(name: string, at: Date, o: { force?: boolean } = {}): Promise<{ ran: boolean; result?: Record<string, unknown> }> {
    this.job(name);
    const slot = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
    if (o.force) await this.o.services.database.prisma.jobRun.deleteMany({ where: { job: name, slot, status: { not: "running" } } });
    return this.runSlot(name, slot);
  }

  /** Claims (or takes over) the run of `name` for `slot` and runs it. */
  private async runSlot(name: string, slot: Date): Promise<{ ran: boolean; result?: Record<string, unknown> }> {
    const s = this.o.services;
    const { prisma } = s.database;
    const now = s.clock.now();
    const leaseMs = this.o.leaseMs ?? 10 * 60_000;
    const lease = () => new Date(s.clock.now().getTime() + leaseMs);
    const inserted = await prisma.$executeRaw`
      INSERT INTO "JobRun" ("job", "slot", "status", "claimedBy", "leaseUntil", "startedAt")
      VALUES (${name}, ${slot}, 'running', ${this.replicaId}, ${lease()}, ${now})
      ON CONFLICT ("job", "slot") DO NOTHING`;
    if (inserted === 0) {
      // someone has it: take it over only when it was left running past its lease
      const taken = await prisma.jobRun.updateMany({
        where: { job: name, slot, status: "running", leaseUntil: { lt: now } },
        data: { claimedBy: this.replicaId, leaseUntil: lease() },
      });
      if (taken.count === 0) return { ran: false };
      s.log.warn("taking over a job run left unfinished", { job: name, slot: slot.toISOString() });
      this.o.metrics?.leaseTakenOver("job_run");
    }
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const heartbeat = setInterval(
      () => {
        prisma.jobRun
          .updateMany({ where: { job: name, slot, claimedBy: this.replicaId, status: "running" }, data: { leaseUntil: lease() } })
          .catch(() => undefined);
      },
      Math.max(1000, leaseMs / 3),
    );
    heartbeat.unref?.();
    try {
      const result = await this.job(name).run(this.context(slot));
      await prisma.jobRun.update({ where: { job_slot: { job: name, slot } }, data: { status: "done", finishedAt: s.clock.now(), result: result as object } });
      s.outbox.kick();
      this.o.metrics?.jobRun(name, "done", seconds());
      s.log.info("job run", { job: name, slot: slot.toISOString(), ...result });
      return { ran: true, result };
    } catch (e) {
      // left "running" with a short lease: the next tick (here or on another replica) tries again
      await prisma.jobRun.update({ where: { job_slot: { job: name, slot } }, data: { error: errorText(e), leaseUntil: s.clock.now() } }).catch(() => undefined);
      this.o.metrics?.jobRun(name, "failed", seconds());
      s.outbox.kick();
      throw e;
    } finally {
      clearInterval(heartbeat);
    }
  }

  private context(slot: Date): JobContext {
    const at = () => this.o.services.clock.now();
    return {
      slot,
      services: this.o.services,
      calendar: this.o.calendar,
      settings: this.o.settings,
      async notice(tx, key) {
        return (await claimNotices(tx, [key], at())).has(key);
      },
      notices: (tx, keys) => claimNotices(tx, keys, at()),
      queueOnce: (items) => this.o.services.outbox.enqueueOnce(items, at()),
    };
  }

  /** When each job's last successful run (by any replica) finished, null when none has (the metrics read it at each scrape). */
  async lastSuccesses(): Promise<Record<string, Date | null>> {
    const rows = await this.o.services.database.prisma.jobRun.groupBy({ by: ["job"], where: { status: "done" }, _max: { finishedAt: true } });
    const out: Record<string, Date | null> = Object.fromEntries(this.o.jobs.map((j) => [j.name, null]));
    for (const r of rows) if (r.job in out) out[r.job] = r._max.finishedAt;
    return out;
  }

  async list(): Promise<JobInfo[]> {
    const { prisma } = this.o.services.database;
    const out: JobInfo[] = [];
    for (const j of this.o.jobs) {
      const last = await prisma.jobRun.findFirst({ where: { job: j.name }, orderBy: { slot: "desc" } });
      out.push({
        name: j.name,
        schedule: this.scheduleOf(j),
        description: j.description,
        lastRun: last ? { slot: last.slot, status: last.status, finishedAt: last.finishedAt, result: last.result, error: last.error } : null,
        nextRun: this.nextSlot(j.name, this.o.services.clock.now()),
      });
    }
    return out;
  }
}

/** node-cron also takes 6 fields (seconds first); the scheduler works in minutes. */
export function isFiveFieldCron(expr: string): boolean {
  return expr.trim().split(/\s+/).length === 5 && cron.validate(expr);
}
