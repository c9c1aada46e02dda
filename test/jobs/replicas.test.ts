// Several replicas on one PostgreSQL: two bot processes run the same job for the same
// moment and every reminder is written once; a process killed in the middle of a run
// is taken over by the next one, which finishes it without writing anything twice.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, testDatabase } from "../support/db.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const JOB = "requests.morning";
const jst = (s: string) => new Date(`${s}+09:00`).toISOString();
/** departments, each with one manager and one request waiting since Monday */
const N = 120;

type Db = Awaited<ReturnType<typeof testDatabase>>;
let db: Db;
let schema: string;

async function replica(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(TSX, [path.join(ROOT, "test/jobs/replica.ts"), db.url!, schema, ...args], { cwd: ROOT, timeout: 90_000 });
    return { code: 0, out: r.stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; signal?: string };
    if (err.code !== 3) console.error("replica failed", err.code, err.signal, err.stderr?.slice(-2000));
    return { code: err.code ?? -1, out: err.stdout ?? "" };
  }
}

/** DMs queued per person for the job's runs (the outbox is what Slack will receive) */
async function dmsPerPerson(): Promise<Map<string, number>> {
  const rows = await db.prisma.outboxMessage.findMany({ where: { orderKey: { startsWith: "reminder:" } }, select: { payload: true } });
  const m = new Map<string, number>();
  for (const r of rows) {
    const ch = String((r.payload as { channel: string }).channel);
    m.set(ch, (m.get(ch) ?? 0) + 1);
  }
  return m;
}

describe.skipIf(!onPostgres)("replicas on one PostgreSQL", () => {
  beforeAll(async () => {
    db = await testDatabase();
    schema = (await db.query<{ s: string }>("SELECT current_schema() AS s"))[0]!.s;
    const since = new Date(jst("2026-11-30T10:00:00"));
    await db.prisma.department.createMany({ data: Array.from({ length: N }, (_, i) => ({ id: `d${i}`, name: `部署${i}` })) });
    await db.prisma.person.createMany({
      data: [
        ...Array.from({ length: N }, (_, i) => ({ slackId: `UM${i}`, name: `管理者${i}`, departmentId: `d${i}`, roles: ["manager"] })),
        ...Array.from({ length: N }, (_, i) => ({ slackId: `UE${i}`, name: `担当者${i}`, departmentId: `d${i}`, roles: [] })),
        { slackId: "UCHIEF", name: "責任者", departmentId: "d0", roles: ["chief"] },
      ],
    });
    await db.prisma.request.createMany({
      data: Array.from({ length: N }, (_, i) => ({
        code: `PRV-2026-${String(i + 1).padStart(4, "0")}`,
        kind: "purpose",
        departmentId: `d${i}`,
        requesterId: `UE${i}`,
        status: "pending_manager",
        title: `届出${i}`,
        createdAt: since,
        updatedAt: since,
        stageSince: since,
        channelId: "C0APPROVALS",
        messageTs: `1764464400.${String(i).padStart(6, "0")}`,
      })),
    });
  }, 60_000);
  afterAll(async () => db?.dispose());

  it("two processes firing the same job at the same moment: one runs it, each person gets one DM", async () => {
    const slot = jst("2026-12-02T09:00:00");
    const [a, b] = await Promise.all([replica(["run", JOB, slot, slot]), replica(["run", JOB, slot, slot])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const ran = [a, b].map((r) => JSON.parse(r.out.trim().split("\n").at(-1)!).ran);
    expect(ran.sort()).toEqual([false, true]);
    const dms = await dmsPerPerson();
    expect(dms.size).toBe(N);
    expect([...dms.values()].every((n) => n === 1)).toBe(true);
    expect(await db.prisma.jobRun.findMany({ where: { job: JOB }, select: { status: true } })).toEqual([{ status: "done" }]);
  }, 120_000);

  it("a process killed in the middle: the next run takes it over after its lease and finishes it, nothing twice", async () => {
    const slot = jst("2026-12-03T09:00:00");
    // writes 2 batches of 25 people, then dies
    const killed = await replica(["run", JOB, slot, slot, "--batch", "25", "--die-after-batches", "2"]);
    expect(killed.code).toBe(3);
    const half = await db.prisma.notice.count({ where: { key: { startsWith: "requests.morning:2026-12-03:" } } });
    expect(half).toBe(50);
    const left = await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: JOB, slot: new Date(slot) } } });
    expect(left.status).toBe("running");

    // another replica fires before the lease ends: it leaves the run alone
    const early = await replica(["due", JOB, "-", jst("2026-12-03T09:00:30")]);
    expect(early.code).toBe(0);
    expect(await db.prisma.notice.count({ where: { key: { startsWith: "requests.morning:2026-12-03:" } } })).toBe(50);

    // after the lease (60 s here), the next sweep (every minute) finishes it
    const next = await replica(["due", JOB, "-", jst("2026-12-03T09:05:00")]);
    expect(next.code).toBe(0);
    const done = await db.prisma.jobRun.findUniqueOrThrow({ where: { job_slot: { job: JOB, slot: new Date(slot) } } });
    expect(done.status).toBe("done");
    const dms = await dmsPerPerson();
    // one DM per person for 12/02 and one for 12/03
    expect(dms.size).toBe(N);
    expect([...dms.values()].every((n) => n === 2)).toBe(true);
  }, 180_000);
});
