// One bot replica as a process of its own, for the incidents replicas test: opens the
// PostgreSQL schema, runs `incidents.escalations` for one slot through the Scheduler (the
// same claim and once-only notice code the bot runs), prints what it did.
//   tsx test/incidents/replica.ts <url> <schema> <slotISO> [--force]
import { openDatabase } from "../../src/platform/db.js";
import { ManualClock } from "../../src/platform/clock.js";
import { Outbox } from "../../src/platform/outbox.js";
import { silentLogger } from "../../src/platform/log.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import { Scheduler } from "../../src/platform/schedule/scheduler.js";
import { defaultSettings } from "../../src/settings.js";
import { incidentJobs } from "../../src/incidents/jobs.js";

const [url, schema, slotIso, ...rest] = process.argv.slice(2);
const database = await openDatabase({ databaseUrl: url, schema, poolSize: 4 });
const clock = new ManualClock(slotIso);
const settings = defaultSettings();
const calendar = new BusinessCalendar({ timeZone: "Asia/Tokyo" });
const services = {
  database,
  clock,
  log: silentLogger,
  timeZone: "Asia/Tokyo",
  settings,
  calendar,
  outbox: new Outbox({ database, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } }),
};
const scheduler = new Scheduler({ services, calendar, settings, jobs: incidentJobs, leaseMs: 60_000, replicaId: `replica-${process.pid}` });
const r = await scheduler.runAt("incidents.escalations", new Date(slotIso!), { force: rest.includes("--force") });
process.stdout.write(`${JSON.stringify(r)}\n`);
await services.outbox.stop();
await database.close();
process.exit(0);
