// npm run bench (second part): the scheduled work at company scale, on PGlite and on
// PostgreSQL, in one run so the two compare:
//   1. one requests.morning run for 10,000 approvers each with a request waiting
//      (10,000 grouped DMs written to the outbox with their once-only notices);
//   3. one training.reminders run for 10,000 people with two courses each coming due;
//   2. the compliance digest (a week) with 100,000 requests, 200,000 history events and
//      5,000 people stored (aggregate queries), median of 5 builds.
// Seeds with generate_series (bulk SQL), not through Slack. Prints a table; never fails
// on slow figures. BENCH_DATABASE_URL overrides the PostgreSQL server.
import fs from "node:fs";
import path from "node:path";
import { ManualClock } from "../src/platform/clock.js";
import type { Database } from "../src/platform/db.js";
import { silentLogger } from "../src/platform/log.js";
import { Outbox } from "../src/platform/outbox.js";
import { BusinessCalendar } from "../src/platform/schedule/calendar.js";
import { Scheduler } from "../src/platform/schedule/scheduler.js";
import { defaultSettings } from "../src/settings.js";
import { requestJobs } from "../src/requests/jobs.js";
import { buildDigest } from "../src/digest/build.js";
import { TRAINING_JOB, trainingJobs } from "../src/training/jobs.js";
import { ms, stats, table, timed } from "./lib.js";
import { answeringTargets, freshDatabase } from "./databases.js";

const QUICK = process.argv.includes("--quick");
const PEOPLE_REMIND = QUICK ? 1_000 : 10_000;
const REQUESTS_DIGEST = QUICK ? 10_000 : 100_000;
const PEOPLE_DIGEST = QUICK ? 500 : 5_000;
const NOW = new Date("2026-12-07T00:00:00Z"); // Monday 09:00 in Tokyo

async function seedReminders(db: Database, n: number): Promise<void> {
  await db.exec(`
    INSERT INTO "Department"(id, name) SELECT 'd' || i, '部署' || i FROM generate_series(1, ${n}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) SELECT 'UM' || i, '管理者 ' || i, 'd' || i, ARRAY['manager'] FROM generate_series(1, ${n}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) SELECT 'UE' || i, '担当者 ' || i, 'd' || i, ARRAY['handler'] FROM generate_series(1, ${n}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) VALUES ('UCHIEF', '責任者', 'd1', ARRAY['chief']);
    INSERT INTO "Request"(id, code, kind, "departmentId", "requesterId", status, version, rev, title, "channelId", "messageTs", "createdAt", "updatedAt", "stageSince")
      SELECT gen_random_uuid()::text, 'PRV-2026-' || lpad(i::text, 6, '0'), (ARRAY['purpose','method','entrust','provide','joint'])[1 + i % 5], 'd' || i, 'UE' || i,
             'pending_manager', 1, 1, '届出 ' || i, 'C0APPROVALS', '1764000000.' || lpad(i::text, 6, '0'),
             TIMESTAMP '2026-12-01 01:00:00', TIMESTAMP '2026-12-01 01:00:00', TIMESTAMP '2026-12-01 01:00:00'
      FROM generate_series(1, ${n}) i;
  `);
}

/** 10,000 data handlers, each required to take two courses (basic, handler), first required 0-59 days ago and never completed. */
async function seedTraining(db: Database, n: number): Promise<void> {
  await db.exec(`
    INSERT INTO "Department"(id, name) SELECT 'd' || i, '部署' || i FROM generate_series(1, ${Math.max(1, Math.round(n / 50))}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles)
      SELECT 'UT' || i, '担当者 ' || i, 'd' || (1 + i % ${Math.max(1, Math.round(n / 50))}), ARRAY['handler'] FROM generate_series(1, ${n}) i;
    INSERT INTO "TrainingAssignment"("personId", "courseId", since)
      SELECT 'UT' || i, c, DATE '2026-12-07' - (i % 60) FROM generate_series(1, ${n}) i, unnest(ARRAY['basic', 'handler']) c;
    ANALYZE;
  `);
}

async function seedDigest(db: Database, requests: number, people: number): Promise<void> {
  const depts = Math.max(1, Math.round(people / 50));
  await db.exec(`
    INSERT INTO "Department"(id, name) SELECT 'd' || i, '部署' || i FROM generate_series(1, ${depts}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles)
      SELECT 'U' || i, '社員 ' || i, 'd' || (1 + i % ${depts}), CASE WHEN i % 50 = 0 THEN ARRAY['manager'] ELSE ARRAY['handler'] END FROM generate_series(1, ${people}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) VALUES ('UCHIEF', '責任者', 'd1', ARRAY['chief']), ('UCOMP', 'コンプラ', 'd1', ARRAY['compliance']);
    INSERT INTO "Request"(id, code, kind, "departmentId", "requesterId", status, version, rev, title, "channelId", "messageTs", "createdAt", "updatedAt", "stageSince", "approvedAt")
      SELECT gen_random_uuid()::text, 'PRV-' || (2025 + i % 2) || '-' || lpad(i::text, 6, '0'), (ARRAY['purpose','method','entrust','provide','joint'])[1 + i % 5],
             'd' || (1 + i % ${depts}), 'U' || (1 + i % ${people}),
             (ARRAY['effective','effective','effective','effective','effective','effective','effective','rejected','withdrawn','pending_manager','pending_chief','approved','changes_requested','effective'])[1 + i % 14],
             1, 3, '届出 ' || i, 'C0APPROVALS', '1760000000.' || lpad(i::text, 6, '0'),
             TIMESTAMP '2026-12-07 00:00:00' - (i % 365) * INTERVAL '1 day' - (i % 1440) * INTERVAL '1 minute',
             TIMESTAMP '2026-12-07 00:00:00' - (i % 300) * INTERVAL '1 day',
             TIMESTAMP '2026-12-07 00:00:00' - (i % 300) * INTERVAL '1 day',
             TIMESTAMP '2026-12-07 00:00:00' - (i % 300) * INTERVAL '1 day'
      FROM generate_series(1, ${requests}) i;
    INSERT INTO "RequestEvent"("requestId", at, "actorId", action, version)
      SELECT id, "createdAt", "requesterId", 'submitted', 1 FROM "Request";
    INSERT INTO "RequestEvent"("requestId", at, "actorId", action, version)
      SELECT id, "updatedAt", 'UCHIEF', CASE status WHEN 'effective' THEN 'effective' WHEN 'rejected' THEN 'rejected' WHEN 'withdrawn' THEN 'withdrawn'
                                              WHEN 'approved' THEN 'approved_stage2' WHEN 'pending_chief' THEN 'approved_stage1' ELSE 'changes_requested' END, 1
      FROM "Request" WHERE status <> 'pending_manager';
    ANALYZE;
  `);
}

function servicesFor(db: Database) {
  const clock = new ManualClock(NOW);
  const outbox = new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } });
  outbox.kick = () => undefined; // measure the run, not the sending
  return { database: db, clock, outbox, log: silentLogger, timeZone: "Asia/Tokyo" };
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  const settings = defaultSettings();
  const calendar = new BusinessCalendar({ timeZone: "Asia/Tokyo" });
  for (const t of await answeringTargets("jobs", rows)) {
    // 1. the morning reminder run
    await freshDatabase(t, async (db) => {
      const seedMs = await timed(() => seedReminders(db, PEOPLE_REMIND));
      const services = servicesFor(db);
      const scheduler = new Scheduler({ services, calendar, settings, jobs: requestJobs, replicaId: "bench" });
      let result: Record<string, unknown> | undefined;
      const runMs = await timed(async () => {
        result = (await scheduler.runAt("requests.morning", NOW)).result;
      });
      const rss = process.memoryUsage().rss;
      await scheduler.stop();
      const queued = await db.prisma.outboxMessage.count();
      rows.push([
        "J1",
        `requests.morning run, ${PEOPLE_REMIND.toLocaleString()} approvers`,
        t.name,
        ms(runMs),
        `${result?.dms} DMs, ${queued} outbox rows, ${(runMs / PEOPLE_REMIND).toFixed(2)} ms/person`,
        `seed ${ms(seedMs)} ms; RSS ${(rss / 1e6).toFixed(0)} MB`,
      ]);
      results[`reminders.${t.name}`] = { runMs, result, queued };
    });
    // 3. the training reminders: one DM per person with the courses that crossed a threshold
    await freshDatabase(t, async (db) => {
      const seedMs = await timed(() => seedTraining(db, PEOPLE_REMIND));
      const services = servicesFor(db);
      const scheduler = new Scheduler({ services, calendar, settings, jobs: trainingJobs, replicaId: "bench" });
      let result: Record<string, unknown> | undefined;
      const runMs = await timed(async () => {
        result = (await scheduler.runAt(TRAINING_JOB, new Date(NOW.getTime() + 3_600_000))).result;
      });
      await scheduler.stop();
      const queued = await db.prisma.outboxMessage.count();
      rows.push([
        "J3",
        `training.reminders run, ${PEOPLE_REMIND.toLocaleString()} people with two courses due`,
        t.name,
        ms(runMs),
        `${result?.dms} DMs (${result?.items} courses), ${queued} outbox rows, ${(runMs / PEOPLE_REMIND).toFixed(2)} ms/person`,
        `seed ${ms(seedMs)} ms`,
      ]);
      results[`training.${t.name}`] = { runMs, result, queued };
    });
    // 2. the digest
    await freshDatabase(t, async (db) => {
      const seedMs = await timed(() => seedDigest(db, REQUESTS_DIGEST, PEOPLE_DIGEST));
      const services = servicesFor(db);
      const samples: number[] = [];
      let sections = 0;
      for (let i = 0; i < 6; i++) {
        const took = await timed(async () => {
          const d = await buildDigest({ services, calendar, settings, from: new Date(NOW.getTime() - 7 * 86_400_000), to: NOW, now: NOW, lang: "ja" });
          sections = d.sections.length;
        });
        if (i > 0) samples.push(took); // the first warms the caches
      }
      const s = stats(samples);
      rows.push([
        "J2",
        `compliance digest (a week), ${REQUESTS_DIGEST.toLocaleString()} requests, ${PEOPLE_DIGEST.toLocaleString()} people`,
        t.name,
        ms(s.p50),
        `max ${ms(s.max)} ms of 5; ${sections} sections`,
        `seed ${ms(seedMs)} ms`,
      ]);
      results[`digest.${t.name}`] = s;
    });
  }
  process.stdout.write(`\nScheduled work (bench/jobs.ts${QUICK ? ", --quick" : ""}):\n`);
  process.stdout.write(`${table(["#", "measurement", "database", "ms", "what", "notes"], rows)}\n`);
  const r = (a: string, b: string) => {
    const x = results[a] as { runMs?: number; p50?: number } | undefined;
    const y = results[b] as { runMs?: number; p50?: number } | undefined;
    const vx = x?.runMs ?? x?.p50;
    const vy = y?.runMs ?? y?.p50;
    return vx && vy ? (vx / vy).toFixed(2) : "—";
  };
  process.stdout.write(
    `PGlite ÷ PostgreSQL: reminder run ${r("reminders.PGlite", "reminders.PostgreSQL")}x, training run ${r("training.PGlite", "training.PostgreSQL")}x, digest ${r("digest.PGlite", "digest.PostgreSQL")}x\n`,
  );
  fs.writeFileSync(path.join(import.meta.dirname, "results-jobs.json"), JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
