// One bot replica as a process of its own, for the replicas test: opens the PostgreSQL
// schema, runs one job for one slot through the Scheduler (the same claim code the bot
// runs), prints what it did. `--die-after-batches N` kills the process (exit 3) when
// the job starts writing its (N+1)th batch, as a crash in the middle of a run would.
//   tsx test/jobs/replica.ts <url> <schema> run <job> <slotISO> <nowISO> [--die-after-batches N] [--batch 50]
//   tsx test/jobs/replica.ts <url> <schema> due <job> - <nowISO>      (what a node-cron firing does)
import { openDatabase } from "../../src/platform/db.js";
import { ManualClock } from "../../src/platform/clock.js";
import { Outbox } from "../../src/platform/outbox.js";
import { silentLogger } from "../../src/platform/log.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import { Scheduler, type Job } from "../../src/platform/schedule/scheduler.js";
import { defaultSettings } from "../../src/settings.js";
import { createRequestJobs } from "../../src/requests/jobs.js";

const [url, schema, mode, jobName, slotIso, nowIso, ...rest] = process.argv.slice(2);
const opt = (name: string) => {
  const i = rest.indexOf(name);
  return i >= 0 ? Number(rest[i + 1]) : undefined;
};
const dieAfter = opt("--die-after-batches");
const batchSize = opt("--batch");

const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
const clock = new ManualClock(nowIso);
const services = {
  database,
  clock,
  log: silentLogger,
  timeZone: "Asia/Tokyo",
  outbox: new Outbox({ database, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } }),
};
const jobs: Job[] = createRequestJobs({ batchSize }).map((j) => ({
  ...j,
  run: (ctx) => {
    let batches = 0;
    return j.run({
      ...ctx,
      notices: async (tx, keys) => {
        if (dieAfter !== undefined && batches++ >= dieAfter) process.exit(3);
        return ctx.notices(tx, keys);
      },
      queueOnce: async (items) => {
        if (dieAfter !== undefined && batches++ >= dieAfter) process.exit(3);
        return ctx.queueOnce(items);
      },
    });
  },
}));
const settings = defaultSettings();
const scheduler = new Scheduler({
  services,
  calendar: new BusinessCalendar({ timeZone: "Asia/Tokyo" }),
  settings,
  jobs,
  leaseMs: 60_000,
  replicaId: `replica-${process.pid}`,
});
let r: unknown;
if (mode === "due") {
  await scheduler.runDue(jobName!);
  r = { due: true };
} else r = await scheduler.runAt(jobName!, new Date(slotIso!));
process.stdout.write(`${JSON.stringify(r)}\n`);
// the run kicked the outbox (which sends nothing here): stop it before closing the pool
await services.outbox.stop();
await database.close();
process.exit(0);
