// npm run jobs -- list                          the jobs, their schedules, last and next runs
// npm run jobs -- run <job> [--at <ISO time>]   runs one job for a moment (default: now)
//                                               [--force] runs it again if that slot ran already
//                                               (what it sent then is not sent twice); --at may not be in the future
// Uses the bot's environment (DATABASE_URL or PGLITE_DIR, TZ, SETTINGS_FILE). The run is
// claimed like a scheduled one; what it writes goes out through the outbox, which the
// running bot sends (with PGlite, stop the bot first: one process at a time).
import { loadConfig } from "./config.js";
import { allJobs } from "./jobs.js";
import { loadSettings } from "./settings.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { migrate, openDatabase } from "./platform/db.js";
import { createLogger } from "./platform/log.js";
import { Outbox } from "./platform/outbox.js";
import { BusinessCalendar } from "./platform/schedule/calendar.js";
import { Scheduler } from "./platform/schedule/scheduler.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const USAGE = "usage: npm run jobs -- list | run <job> [--at 2026-12-01T09:00:00+09:00] [--force]\n";

export async function jobsCli(argv: string[], env: Record<string, string | undefined>, out: (s: string) => void): Promise<number> {
  const [cmd, name] = argv;
  if (cmd !== "list" && cmd !== "run") {
    out(USAGE);
    return 2;
  }
  const config = loadConfig({ ...env, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN || undefined });
  const settings = loadSettings(config.settingsFile);
  const at = arg("at");
  if (cmd === "run" && at !== undefined && Number.isNaN(Date.parse(at))) {
    out(`--at "${at}" is not a moment; use ISO 8601, e.g. 2026-12-01T09:00:00+09:00\n`);
    return 2;
  }
  const db = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir });
  try {
    await migrate(db);
    // now is now (leases, quiet hours); --at only names the slot to run
    const clock: Clock = systemClock;
    const slotAt = at ? new Date(at) : clock.now();
    if (cmd === "run" && slotAt.getTime() > clock.now().getTime() + 60_000) {
      out(`--at ${at} is in the future; a job runs for a moment that has come (for a back-fill, give a past moment)\n`);
      return 2;
    }
    const log = createLogger(config.logLevel === "info" ? "warn" : config.logLevel, [config.databaseUrl ?? ""], undefined, config.logFormat);
    const outbox = new Outbox({ database: db, clock, log, slack: { apiCall: async () => ({ ok: true }) } });
    const services = { database: db, clock, outbox, log, timeZone: config.timeZone, config };
    outbox.kick = () => undefined; // never sends from here: the bot does
    const calendar = new BusinessCalendar({ timeZone: config.timeZone, closedDays: settings.closedDays, quietHours: settings.quietHours });
    const scheduler = new Scheduler({ services, calendar, settings, jobs: allJobs(), replicaId: "cli" });
    try {
      if (cmd === "list") {
        const fmt = (d: Date | null | undefined) =>
          d ? new Intl.DateTimeFormat("sv-SE", { timeZone: config.timeZone, dateStyle: "short", timeStyle: "short" }).format(d) : "-";
        for (const j of await scheduler.list()) {
          const last = j.lastRun
            ? `${fmt(j.lastRun.slot)} ${j.lastRun.status}${j.lastRun.result ? ` ${JSON.stringify(j.lastRun.result)}` : ""}${j.lastRun.error ? ` error: ${j.lastRun.error}` : ""}`
            : "never";
          out(`${j.name}\n  schedule: ${j.schedule} (${config.timeZone})\n  ${j.description.en}\n  last run: ${last}\n  next run: ${fmt(j.nextRun)}\n`);
        }
        return 0;
      }
      if (!name) {
        out(USAGE);
        return 2;
      }
      if (!scheduler.jobs.some((j) => j.name === name)) {
        out(`no job named ${name}; jobs: ${scheduler.jobs.map((j) => j.name).join(", ")}\n`);
        return 2;
      }
      const r = await scheduler.runAt(name, slotAt, { force: process.argv.includes("--force") });
      const slotIso = new Date(Math.floor(slotAt.getTime() / 60_000) * 60_000).toISOString();
      if (!r.ran) {
        out(`${name} for ${slotIso} ran already (or is running); add --force to run it again (what it already sent is not sent twice)\n`);
        return 1;
      }
      out(`${name} ran for ${slotIso}: ${JSON.stringify(r.result)}\nits messages are in the outbox; the bot sends them (reminders wait for working hours)\n`);
      return 0;
    } finally {
      await scheduler.stop();
    }
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  jobsCli(process.argv.slice(2), process.env, (s) => process.stdout.write(s)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
