// The scheduler's own rules: the latest missed slot runs once after downtime (not every
// missed one); a job that never ran does not surprise anyone with an old slot; a failed
// run is tried again at the next firing; unknown jobs in the settings are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { Outbox } from "../../src/platform/outbox.js";
import { silentLogger } from "../../src/platform/log.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import { Scheduler, type Job } from "../../src/platform/schedule/scheduler.js";
import { defaultSettings, parseSettings } from "../../src/settings.js";
import { testDatabase } from "../support/db.js";

const jst = (s: string) => new Date(`${s}+09:00`);
let db: Awaited<ReturnType<typeof testDatabase>>;
const clock = new ManualClock(jst("2026-11-30T09:00:00"));
const runs: string[] = [];
let failNext = false;

const job: Job = {
  name: "test.daily",
  schedule: "0 9 * * *",
  description: { ja: "テスト", en: "test" },
  async run(ctx) {
    if (failNext) {
      failNext = false;
      throw new Error("boom");
    }
    runs.push(ctx.slot.toISOString());
    return { ok: true };
  },
};

function scheduler(settings = defaultSettings()): Scheduler {
  const services = {
    database: db,
    clock,
    log: silentLogger,
    timeZone: "Asia/Tokyo",
    outbox: new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } }),
  };
  return new Scheduler({ services, calendar: new BusinessCalendar({ timeZone: "Asia/Tokyo" }), settings, jobs: [job], replicaId: "t" });
}

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => db?.dispose());

describe("the scheduler", () => {
  it("runs the slot that is due now, once", async () => {
    const s = scheduler();
    await s.runDue(job.name);
    await s.runDue(job.name);
    expect(runs).toEqual([jst("2026-11-30T09:00:00").toISOString()]);
    await s.stop();
  });

  it("after being down for two days, runs only the latest missed slot, once", async () => {
    clock.set(jst("2026-12-02T11:30:00")); // missed 12/01 09:00 and 12/02 09:00
    const s = scheduler();
    await s.tick();
    await s.tick();
    expect(runs.slice(1)).toEqual([jst("2026-12-02T09:00:00").toISOString()]);
    await s.stop();
  });

  it("a job that never ran catches up only on a slot of the last hour", async () => {
    const fresh = { ...job, name: "test.fresh" };
    const services = {
      database: db,
      clock,
      log: silentLogger,
      timeZone: "Asia/Tokyo",
      outbox: new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } }),
    };
    const s = new Scheduler({
      services,
      calendar: new BusinessCalendar({ timeZone: "Asia/Tokyo" }),
      settings: defaultSettings(),
      jobs: [fresh],
      replicaId: "t",
    });
    await s.tick(); // 11:30: today's 09:00 is too old for a first run
    expect(await db.prisma.jobRun.count({ where: { job: "test.fresh" } })).toBe(0);
    clock.set(jst("2026-12-03T09:20:00"));
    await s.tick();
    expect(await db.prisma.jobRun.findMany({ where: { job: "test.fresh" }, select: { slot: true } })).toEqual([{ slot: jst("2026-12-03T09:00:00") }]);
    await s.stop();
  });

  it("a failed run is recorded and tried again at the next firing", async () => {
    clock.set(jst("2026-12-04T09:00:00"));
    const s = scheduler();
    failNext = true;
    await expect(s.runDue(job.name)).rejects.toThrow("boom");
    const failed = await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: job.name, slot: jst("2026-12-04T09:00:00") } } });
    expect(failed).toMatchObject({ status: "running", error: "boom" });
    clock.set(jst("2026-12-04T09:01:00"));
    await s.runDue(job.name);
    expect(runs.at(-1)).toBe(jst("2026-12-04T09:00:00").toISOString());
    expect((await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: job.name, slot: jst("2026-12-04T09:00:00") } } })).status).toBe("done");
    await s.stop();
  });

  it("takes schedules from the settings, and refuses a job the bot does not have", () => {
    expect(scheduler(parseSettings('jobs: { test.daily: "30 8 * * 1-5" }')).scheduleOf(job)).toBe("30 8 * * 1-5");
    expect(() => scheduler(parseSettings('jobs: { no.such: "0 9 * * *" }'))).toThrow(/jobs\.no\.such: no such job/);
  });

  it("knows the next slot in the company's time zone", () => {
    const s = scheduler();
    expect(s.nextSlot(job.name, jst("2026-12-04T09:00:00"))).toEqual(jst("2026-12-05T09:00:00"));
    expect(s.latestSlot(job.name, jst("2026-12-04T08:59:00"))).toEqual(jst("2026-12-03T09:00:00"));
  });
});

describe("the sweep", () => {
  it("takes over a run left by a dead replica within minutes of its lease ending, not at the next firing", async () => {
    const slot = jst("2026-12-07T09:00:00");
    await db.prisma.jobRun.create({
      data: { job: job.name, slot, status: "running", claimedBy: "dead", leaseUntil: jst("2026-12-07T09:10:00"), startedAt: slot },
    });
    const s = scheduler();
    clock.set(jst("2026-12-07T09:05:00"));
    await s.tick(); // still leased
    expect((await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: job.name, slot } } })).status).toBe("running");
    clock.set(jst("2026-12-07T09:11:00"));
    await s.tick(); // what the once-a-minute sweep does
    expect((await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: job.name, slot } } })).status).toBe("done");
    expect(runs.at(-1)).toBe(slot.toISOString());
    await s.stop();
  });

  it("one failing job does not keep the others from running", async () => {
    const bad: Job = {
      ...job,
      name: "test.bad",
      run: async () => {
        throw new Error("bad");
      },
    };
    const good: Job = {
      ...job,
      name: "test.good",
      run: async (ctx) => {
        runs.push(`good:${ctx.slot.toISOString()}`);
        return {};
      },
    };
    const services = {
      database: db,
      clock,
      log: silentLogger,
      timeZone: "Asia/Tokyo",
      outbox: new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } }),
    };
    const s = new Scheduler({
      services,
      calendar: new BusinessCalendar({ timeZone: "Asia/Tokyo" }),
      settings: defaultSettings(),
      jobs: [bad, good],
      replicaId: "t",
    });
    clock.set(jst("2026-12-08T09:00:00"));
    await s.tick();
    expect(runs.at(-1)).toBe(`good:${jst("2026-12-08T09:00:00").toISOString()}`);
    await s.stop();
  });

  it("refuses a cron expression with seconds (6 fields)", () => {
    expect(() => parseSettings('jobs: { test.daily: "0 0 9 * * 1-5" }')).toThrow(/5 fields/);
  });
});
