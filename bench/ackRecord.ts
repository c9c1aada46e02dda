// npm run bench (sixth part): what the record before an ack costs on a PostgreSQL server
// (issue 12), apart from Slack, HTTP and the load generator, so that the figure holds on a
// noisy machine better than the acks' ratios do (bench/run.ts):
//   R1 `SELECT 1` one at a time through the ack lane: a round trip to the server and nothing else
//   R2 a delivery recorded one at a time, through the bot's own batcher (`recordDelivery`,
//      src/platform/slack/actor.ts): one statement each, as a person pressing alone gets it
//   R3 the same with 20 deliveries in flight, as bench/run.ts's bursts send them: the batcher
//      puts the deliveries waiting for the lane in one statement
// For each: the time a record takes, the statements sent per delivery, and the CPU per
// delivery of the server (all its processes, from /proc) and of this process (the driver,
// the batcher). On the embedded database the record before the ack is a journal line
// (src/platform/ackJournal.ts), not a statement, so only PostgreSQL is measured. Prints a
// table; never fails on slow figures.
import type { Database } from "../src/platform/db.js";
import { systemClock } from "../src/platform/clock.js";
import type { Services } from "../src/platform/services.js";
import { recordDelivery } from "../src/platform/slack/actor.js";
import { SlackRequestSender } from "../src/platform/slack/fake/index.js";
import { answeringTargets, freshDatabase } from "./databases.js";
import { closedLoop, ms, stats, table } from "./lib.js";
import { serverCpuMs } from "./procStat.js";

const QUICK = process.argv.includes("--quick");
const N = QUICK ? 300 : 1_500;
const IN_FLIGHT = 20;
const PEOPLE = 300;
/** The database, counting the statements sent under `name`. */
function counting(db: Database, name: string): { db: Database; count: () => number } {
  let n = 0;
  const query: Database["query"] = <T>(sql: string, params?: unknown[], statement?: string, lane?: Parameters<Database["query"]>[3]) => {
    if (statement === name) n++;
    return db.query<T>(sql, params, statement, lane);
  };
  return { db: Object.assign(Object.create(db) as Database, { query }), count: () => n };
}

interface Measured {
  ms: number[];
  statements: number;
  serverMs: number;
  selfMs: number;
}

/** `statements`: how many statements went out so far (default: one per operation). */
async function measure(n: number, inFlight: number, op: (i: number) => Promise<unknown>, statements?: () => number): Promise<Measured> {
  const s0 = statements?.() ?? 0;
  const server0 = serverCpuMs();
  const self0 = process.cpuUsage();
  const samples = await closedLoop(n, inFlight, async (i) => {
    const t0 = performance.now();
    await op(i);
    return performance.now() - t0;
  });
  const self = process.cpuUsage(self0);
  return { ms: samples, statements: statements ? statements() - s0 : n, serverMs: serverCpuMs() - server0, selfMs: (self.user + self.system) / 1000 };
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const t of await answeringTargets("ackrecord", rows)) {
    if (t.name !== "PostgreSQL") continue;
    await freshDatabase(t, async (plain) => {
      await plain.exec(`
        INSERT INTO "Department"(id, name) VALUES ('d1', '営業部');
        INSERT INTO "Person"("slackId", name, "departmentId", roles) SELECT 'U' || i, '社員' || i, 'd1', ARRAY['staff'] FROM generate_series(1, ${PEOPLE}) i;
      `);
      const { db, count } = counting(plain, "mamori_inbox_actors");
      const services = { database: db, clock: systemClock } as unknown as Services;
      // what the inbox stores with a command's record: its form fields as the fake Slack sends them
      const slack = new SlackRequestSender({ appUrl: "http://127.0.0.1:0/slack/events", signingSecret: "bench" });
      let seq = 0;
      const record = async () => {
        const i = seq++;
        const userId = `U${1 + (i % PEOPLE)}`;
        const body = slack.commandForm(userId, "/privacy", "request");
        const r = await recordDelivery(services, {
          key: `command:bench:${i}`,
          userId,
          kind: "command",
          payload: { userId, responseUrl: body.response_url, replay: false, what: "/privacy", body },
          owner: "bench",
          leaseUntil: new Date(Date.now() + 60_000),
        });
        if (!r.first || !r.person) throw new Error(`delivery ${i} was not recorded as new with its person`);
      };
      const select = () => db.query("SELECT 1", [], "bench_select_1", "ack");
      // warm the driver, the server's plans and V8's compiled code
      await measure(Math.min(200, N), 1, select);
      await measure(Math.min(200, N), IN_FLIGHT, record, count);
      const series: [string, string, Measured][] = [
        ["R1", "SELECT 1, one at a time (a round trip)", await measure(N, 1, select)],
        ["R2", "a delivery recorded, one at a time", await measure(N, 1, record, count)],
        ["R3", `a delivery recorded, ${IN_FLIGHT} in flight`, await measure(N, IN_FLIGHT, record, count)],
      ];
      for (const [id, what, m] of series) {
        const s = stats(m.ms);
        const per = (v: number) => (v / m.ms.length).toFixed(3);
        rows.push([
          id,
          what,
          t.name,
          ms(s.p50),
          ms(s.p99),
          `${m.ms.length} done; ${(m.statements / m.ms.length).toFixed(2)} statements each; CPU per ${id === "R1" ? "statement" : "delivery"}: the server ${per(m.serverMs)} ms, this process ${per(m.selfMs)} ms`,
        ]);
      }
    });
  }
  process.stdout.write(`\nThe record before an ack on PostgreSQL (bench/ackRecord.ts${QUICK ? ", --quick" : ""}):\n`);
  process.stdout.write(`${table(["#", "measurement", "database", "p50 ms", "p99 ms", "notes"], rows)}\n`);
  process.stdout.write(
    "R1's CPU is what a round trip costs on its own; R2 and R3 add the record's statement (an insert with its payload, and the person read in the same statement). In R3 the CPU per delivery falls with the deliveries each statement holds.\n",
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
    process.exit(1);
  },
);
