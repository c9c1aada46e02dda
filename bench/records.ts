// npm run bench (fifth part): provision records at issue 14's scale (bench/provisionSeed.ts:
// 100,000 provisions logged against 10,000 approvals), on PGlite and on PostgreSQL:
//   P1 `/privacy provision records PRV-…` for the approval with many provisions (5,000): the
//      record, its retention and its latest provisions, as the command answers
//   P2 the same for an ordinary approval (about ten provisions)
//   P3 a data subject's request for disclosure of provision records (APPI Art.33(5)): the
//      records of one recipient within a period, listed in the request's DM (listForDisclosure)
//   P4 the same without a recipient (every record of the period): what the desk runs when the
//      person names none
// Each is the command or flow itself (no HTTP: bench/run.ts measures the Slack path). Target
// as for the register search: p99 under 300 ms. Prints a table; never fails on slow figures.
import fs from "node:fs";
import path from "node:path";
import { provisionCommand } from "../commands/provision.js";
import type { CommandContext } from "../commands/types.js";
import { ManualClock } from "../src/platform/clock.js";
import type { Database } from "../src/platform/db.js";
import { silentLogger } from "../src/platform/log.js";
import { Outbox } from "../src/platform/outbox.js";
import type { Services } from "../src/platform/services.js";
import { DISCLOSE_MAX_RECORDS, listForDisclosure } from "../src/records/flows.js";
import { defaultSettings } from "../src/settings.js";
import { eachDatabase } from "./databases.js";
import { ms, stats, table, timed } from "./lib.js";
import { provisionCode, provisionScale, seedProvisions } from "./provisionSeed.js";

const QUICK = process.argv.includes("--quick");
const SCALE = provisionScale(QUICK);
const OWNERS = QUICK ? 200 : 2_000;
const DEPARTMENTS = 50;
const RUNS = QUICK ? 50 : 200;
const DSR_RUNS = QUICK ? 10 : 30;
const NOW = new Date("2027-04-05T01:00:00Z"); // Monday 10:00 in Tokyo

async function seed(db: Database): Promise<void> {
  await db.exec(`
    INSERT INTO "Department"(id, name) SELECT 'd' || i, '部署' || i FROM generate_series(1, ${DEPARTMENTS}) i;
    INSERT INTO "Person"("slackId", name, "departmentId", roles) VALUES ('UCHIEF', '個人情報管理責任者', 'd1', ARRAY['chief']);
    INSERT INTO "SubjectRequest"(id, code, kind, via, "receivedOn", requester, "customerRef", "ownerId", "loggedBy", status, "targetOn", "ceilingOn", "createdAt", "updatedAt")
      VALUES ('dsr1', 'DSR-2027-0001', 'provision_records', 'web_form', DATE '2027-04-01', 'self', 'CUST-000123', 'UCHIEF', 'UCHIEF', 'verified',
              DATE '2027-04-15', DATE '2027-05-01', TIMESTAMP '2027-04-01 01:00:00', TIMESTAMP '2027-04-01 01:00:00');
  `);
  await seedProvisions(db, { ...SCALE, owners: OWNERS, departments: DEPARTMENTS });
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  const results: Record<string, unknown> = {};
  await eachDatabase("records", rows, async (t, db) => {
    const seedMs = await timed(() => seed(db));
    const clock = new ManualClock(NOW);
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack: { apiCall: async () => ({ ok: true }) } });
    outbox.kick = () => undefined;
    const services = { database: db, clock, outbox, log: silentLogger, timeZone: "Asia/Tokyo", settings: defaultSettings() } as unknown as Services;
    const actor = { slackId: "UCHIEF", name: "chief", departmentId: "d1", roles: ["chief"], lang: "ja" as const };
    let answer = "";
    const ctx = (args: string[]): CommandContext => ({
      actor,
      args,
      text: `provision ${args.join(" ")}`,
      channelId: "C0BENCH",
      triggerId: "bench",
      services,
      respond: async (m) => {
        answer = m.text;
      },
      openModal: async () => undefined,
      uploadFile: async () => undefined,
    });

    const series = async (id: string, what: string, n: number, op: () => Promise<unknown>, note: (s: ReturnType<typeof stats>) => string) => {
      const samples: number[] = [];
      for (let i = 0; i < n + 5; i++) {
        const took = await timed(op);
        if (i >= 5) samples.push(took); // the first five warm the caches
      }
      const s = stats(samples);
      rows.push([id, what, t.name, ms(s.p50), ms(s.p99), note(s)]);
      results[`${id}.${t.name}`] = s;
    };

    const big = provisionCode(1);
    await series(
      "P1",
      `/privacy provision records ${big} (${SCALE.big.toLocaleString()} provisions)`,
      RUNS,
      () => provisionCommand.run(ctx(["records", big])),
      (s) => {
        const shown = answer.split("\n").length;
        return `${RUNS} answers, ${shown} lines; max ${ms(s.max)} ms; seed ${ms(seedMs)} ms (${SCALE.provisions.toLocaleString()} provisions, ${SCALE.approvals.toLocaleString()} approvals)`;
      },
    );
    const ordinary = provisionCode(12);
    await series(
      "P2",
      `/privacy provision records ${ordinary} (an ordinary approval)`,
      RUNS,
      () => provisionCommand.run(ctx(["records", ordinary])),
      (s) => {
        return `${RUNS} answers, ${answer.split("\n").length} lines; max ${ms(s.max)} ms`;
      },
    );
    let listed = 0;
    let excluded = 0;
    // more records than one listing holds: refused with a field error (the desk narrows it)
    let refused = 0;
    const disclose = (counterpart: string | null) => async () => {
      const r = await listForDisclosure(services, {
        dsrId: "dsr1",
        actorId: "UCHIEF",
        counterpart,
        from: "2024-04-01" as never,
        to: "2026-03-31" as never,
        allowed: true,
      });
      if (r.ok) [listed, excluded, refused] = [r.lines, r.excluded, 0];
      else if (r.refusal === "too_many") [listed, excluded, refused] = [0, 0, r.count];
    };
    await series(
      "P3",
      "Art.33(5) listing: one recipient, 2 fiscal years",
      DSR_RUNS,
      disclose("提供先 17"),
      (s) => `${DSR_RUNS} listings, ${listed} records listed, ${excluded} excluded (施行令 第11条); max ${ms(s.max)} ms`,
    );
    await series("P4", "Art.33(5) listing: every recipient, 2 fiscal years", DSR_RUNS, disclose(null), (s) =>
      refused > 0
        ? `${DSR_RUNS} answers: ${refused} records match, more than one listing holds (${DISCLOSE_MAX_RECORDS}): a field error asks to narrow it; max ${ms(s.max)} ms`
        : `${DSR_RUNS} listings, ${listed} records listed, ${excluded} excluded; max ${ms(s.max)} ms`,
    );
  });
  process.stdout.write(`\nProvision records (bench/records.ts${QUICK ? ", --quick" : ""}):\n`);
  process.stdout.write(`${table(["#", "measurement", "database", "p50 ms", "p99 ms", "notes"], rows)}\n`);
  const p99 = Math.max(...Object.values(results).map((r) => (r as { p99: number }).p99));
  process.stdout.write(`Target: p99 under 300 ms; the slowest p99 here is ${ms(p99)} ms.\n`);
  fs.writeFileSync(path.join(import.meta.dirname, "results-records.json"), JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
