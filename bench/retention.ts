// npm run bench (third part): the retention run (規程 第31条, issue 14) over 10,000 effective
// purposes and 10,000 register entries with an end day, on PGlite and on PostgreSQL, with
// the 100,000 provision records of the scale target beside them (bench/provisionSeed.ts):
// the first run writes every item (sync) and reminds the owners of what is past its end day;
// the second, a week later, finds nothing new to write and reminds them again. The records'
// own retention (施行規則 第21条) is another job, records.retention (src/records/jobs.ts):
// timed the same way, first run and a week later. Target: under 2 s each. Seeds with
// generate_series; prints a table; never fails on slow figures.
import fs from "node:fs";
import path from "node:path";
import { ManualClock } from "../src/platform/clock.js";
import type { Database } from "../src/platform/db.js";
import { silentLogger } from "../src/platform/log.js";
import { Outbox } from "../src/platform/outbox.js";
import { BusinessCalendar } from "../src/platform/schedule/calendar.js";
import { Scheduler } from "../src/platform/schedule/scheduler.js";
import { defaultSettings } from "../src/settings.js";
import { recordJobs } from "../src/records/jobs.js";
import { retentionJobs } from "../src/retention/jobs.js";
import { ms, table, timed } from "./lib.js";
import { eachDatabase } from "./databases.js";
import { provisionScale, seedProvisions } from "./provisionSeed.js";

const QUICK = process.argv.includes("--quick");
const PURPOSES = QUICK ? 1_000 : 10_000;
const ENTRIES = QUICK ? 1_000 : 10_000;
const PROVISIONS = provisionScale(QUICK);
const OWNERS = QUICK ? 200 : 2_000;
const RUN1 = new Date("2027-04-05T00:40:00Z"); // Monday 09:40 in Tokyo
const RUN2 = new Date("2027-04-12T00:40:00Z"); // a week later

async function seed(db: Database): Promise<void> {
  const depts = Math.max(1, Math.round(OWNERS / 40));
  await db.exec(`
    INSERT INTO "Department"(id, name) SELECT 'd' || i, '部署' || i FROM generate_series(1, ${depts}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) SELECT 'U' || i, '社員 ' || i, 'd' || (1 + i % ${depts}), ARRAY['handler'] FROM generate_series(1, ${OWNERS}) i;
    INSERT INTO "Request"(id, code, kind, "departmentId", "requesterId", status, version, rev, title, "channelId", "messageTs", "createdAt", "updatedAt", "effectiveAt")
      SELECT 'r' || i, 'PRV-2026-' || lpad(i::text, 6, '0'), 'purpose', 'd' || (1 + i % ${depts}), 'U' || (1 + i % ${OWNERS}), 'effective', 1, 5,
             '目的 ' || i, 'C0APPROVALS', '1760000000.' || lpad(i::text, 6, '0'),
             TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'
      FROM generate_series(1, ${PURPOSES}) i;
    INSERT INTO "RequestVersion"("requestId", version, data, "createdAt", "createdBy")
      SELECT 'r' || i, 1,
             jsonb_build_object('purpose', '目的 ' || i, 'retention', (ARRAY['1y','3y','5y','until_achieved'])[1 + i % 4], 'startDate', '2026-01-05',
                                'retentionEnd', CASE WHEN i % 4 = 0 THEN '2027-03-31' WHEN i % 4 = 1 THEN NULL ELSE '2031-03-31' END),
             TIMESTAMP '2026-01-05 00:00:00', 'U' || (1 + i % ${OWNERS})
      FROM generate_series(1, ${PURPOSES}) i;
    -- register entries with an end day: one in five past it by April 2027
    INSERT INTO "RegisterEntry"(id, code, name, "departmentId", "ownerId", retention, "retentionUntil", "searchText", "createdAt", "updatedAt")
      SELECT 'e' || i, 'REG-2026-' || lpad(i::text, 5, '0'), '台帳の項目 ' || i, 'd' || (1 + i % ${depts}), 'U' || (1 + i % ${OWNERS}), '5年',
             CASE WHEN i % 5 = 0 THEN DATE '2027-03-31' ELSE DATE '2031-03-31' END, '', TIMESTAMP '2026-01-05 00:00:00', TIMESTAMP '2026-01-05 00:00:00'
      FROM generate_series(1, ${ENTRIES}) i;
    ANALYZE;
  `);
  await seedProvisions(db, { ...PROVISIONS, owners: OWNERS, departments: depts });
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  await eachDatabase("retention", rows, async (t, db) => {
    const seedMs = await timed(() => seed(db));
    const clock = new ManualClock(RUN1);
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } });
    outbox.kick = () => undefined;
    const services = { database: db, clock, outbox, log: silentLogger, timeZone: "Asia/Tokyo" };
    const scheduler = new Scheduler({
      services,
      calendar: new BusinessCalendar({ timeZone: "Asia/Tokyo" }),
      settings: defaultSettings(),
      jobs: [...retentionJobs, ...recordJobs],
      replicaId: "bench",
    });
    for (const [i, at] of [RUN1, RUN2].entries()) {
      clock.set(at);
      let result: Record<string, unknown> | undefined;
      const runMs = await timed(async () => {
        result = (await scheduler.runAt("retention.reminders", at)).result;
      });
      rows.push([
        `R${i + 1}`,
        `retention run ${i === 0 ? "(first: writes every item)" : "(a week later)"}, ${PURPOSES.toLocaleString()} purposes + ${ENTRIES.toLocaleString()} entries`,
        t.name,
        ms(runMs),
        `${result?.added} added, ${result?.due} due, ${result?.dms} DMs (${result?.items} items) ${JSON.stringify(result?.ms)}`,
        i === 0 ? `seed ${ms(seedMs)} ms; target < 2000 ms` : "target < 2000 ms",
      ]);
      results[`retention.${t.name}.run${i + 1}`] = { runMs, result };
    }
    // the records' retention (施行規則 第21条): its own job, the same Mondays
    for (const [i, at] of [RUN1, RUN2].entries()) {
      const slot = new Date(at.getTime() + 10 * 60_000); // 09:50, its schedule
      clock.set(slot);
      let result: Record<string, unknown> | undefined;
      const runMs = await timed(async () => {
        result = (await scheduler.runAt("records.retention", slot)).result;
      });
      rows.push([
        `R${i + 3}`,
        `records.retention run ${i === 0 ? "(first)" : "(a week later)"}, ${PROVISIONS.provisions.toLocaleString()} provision records`,
        t.name,
        ms(runMs),
        `${result?.provisions} records past retention, ${result?.dms} DMs (${result?.items} items)`,
        `${PROVISIONS.approvals.toLocaleString()} approvals; target < 2000 ms`,
      ]);
      results[`records.${t.name}.run${i + 1}`] = { runMs, result };
    }
    await scheduler.stop();
  });
  process.stdout.write(`\nRetention (bench/retention.ts${QUICK ? ", --quick" : ""}):\n`);
  process.stdout.write(`${table(["#", "measurement", "database", "ms", "what", "notes"], rows)}\n`);
  fs.writeFileSync(path.join(import.meta.dirname, "results-retention.json"), JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
