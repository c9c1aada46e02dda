// Prisma's plans compiled once per shape (src/platform/planCache.ts): a query answered from
// the cache writes and reads what the compiled one would, a shape whose values do not come
// back whole in the plan is never cached, and "verify" catches a cached plan that differs.
import { afterAll, describe, expect, it } from "vitest";
import { type CompilerClass, countingPlans, installPlanCache } from "../../src/platform/planCache.js";
import { testDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase | undefined;
afterAll(async () => {
  await db?.dispose();
});

describe("Prisma's plans from the cache, on the database", () => {
  it("the second query of a shape is not compiled, and it writes and reads its own values", async () => {
    db = await testDatabase();
    const { prisma } = db;
    const at = (d: string) => new Date(`${d}T09:00:00.000Z`);
    const { counts: d } = await countingPlans(async () => {
      for (const [key, day, n] of [
        ["plan-a", "2026-01-02", 1],
        ["plan-b", "2026-03-04", 7],
        ["plan-c", "2026-05-06", 40],
      ] as const) {
        await prisma.notice.create({ data: { key, at: at(day) } });
        await prisma.codeCounter.create({ data: { key, value: n } });
        await prisma.codeCounter.update({ where: { key }, data: { value: { increment: n } } });
      }
    });
    // three shapes, each compiled once and then taken from the cache twice
    expect(d.misses).toBe(3);
    expect(d.hits).toBe(6);
    expect(d.uncacheable).toBe(0);
    // what the database holds is each query's own values
    const notices = await prisma.notice.findMany({ where: { key: { in: ["plan-a", "plan-b", "plan-c"] } }, orderBy: { key: "asc" } });
    expect(notices.map((x) => [x.key, x.at.toISOString()])).toEqual([
      ["plan-a", "2026-01-02T09:00:00.000Z"],
      ["plan-b", "2026-03-04T09:00:00.000Z"],
      ["plan-c", "2026-05-06T09:00:00.000Z"],
    ]);
    const counters = await prisma.codeCounter.findMany({ where: { key: { startsWith: "plan-" } }, orderBy: { key: "asc" } });
    expect(counters.map((c) => [c.key, c.value])).toEqual([
      ["plan-a", 2],
      ["plan-b", 14],
      ["plan-c", 80],
    ]);
    // a filter whose value the plan carries inside a longer string (LIKE 'plan-%') is never cached: each compiled
    const { counts: d2 } = await countingPlans(async () => {
      expect(await prisma.codeCounter.count({ where: { key: { startsWith: "plan-b" } } })).toBe(1);
      expect(await prisma.codeCounter.count({ where: { key: { startsWith: "plan-" } } })).toBe(3);
      expect(await prisma.codeCounter.count({ where: { key: { startsWith: "nothing" } } })).toBe(0);
    });
    expect(d2.hits).toBe(0);
    expect(d2.misses).toBe(1);
    expect(d2.uncacheable).toBe(2);
  });

  it("a Json field given as an object, an upsert whose where and create agree, and raw SQL: cached, each with its own values", async () => {
    db ??= await testDatabase();
    const { prisma } = db;
    const slot = (n: number) => new Date(Date.UTC(2026, 0, n, 9));
    const { counts: d } = await countingPlans(async () => {
      for (const [n, job, result] of [
        [1, "plan-job-a", { sent: 3, to: ["U1", "U2"], note: "first" }],
        [2, "plan-job-b", { sent: 40, to: ["U7", "U8"], note: "二つ目" }],
      ] as const) {
        const when = slot(n);
        await prisma.jobRun.create({ data: { job, slot: when, claimedBy: `r${n}`, leaseUntil: when, startedAt: when, result } });
        await prisma.setting.upsert({ where: { key: job }, create: { key: job, value: `v${n}` }, update: { value: `v${n}` } });
        await prisma.$executeRaw`UPDATE "JobRun" SET "finishedAt" = ${slot(n + 10)}, error = ${`e${n}`} WHERE job = ${job}`;
      }
    });
    // counted for this work only: a timer another test file left in this worker makes queries too
    expect(d.misses).toBe(3);
    expect(d.hits).toBe(3);
    expect(d.uncacheable).toBe(0);
    const runs = await prisma.jobRun.findMany({ where: { job: { in: ["plan-job-a", "plan-job-b"] } }, orderBy: { job: "asc" } });
    expect(runs.map((r) => [r.job, r.result, r.finishedAt?.toISOString(), r.error])).toEqual([
      ["plan-job-a", { sent: 3, to: ["U1", "U2"], note: "first" }, "2026-01-11T09:00:00.000Z", "e1"],
      ["plan-job-b", { sent: 40, to: ["U7", "U8"], note: "二つ目" }, "2026-01-12T09:00:00.000Z", "e2"],
    ]);
    const settings = await prisma.setting.findMany({ where: { key: { in: ["plan-job-a", "plan-job-b"] } }, orderBy: { key: "asc" } });
    expect(settings.map((x) => [x.key, x.value])).toEqual([
      ["plan-job-a", "v1"],
      ["plan-job-b", "v2"],
    ]);
  });
});

/** A stand-in compiler: plans that carry the query's values as the real one does, or inside text. */
function fakeCompiler(plan: (q: { arguments: Record<string, unknown> }) => unknown) {
  let compiled = 0;
  class Compiler {
    compile(query: string): unknown {
      compiled++;
      return plan((JSON.parse(query) as { query: { arguments: Record<string, unknown> } }).query);
    }
  }
  return { Compiler: Compiler as CompilerClass & (new () => Compiler), compiled: () => compiled };
}

const query = (args: Record<string, unknown>) =>
  JSON.stringify({ modelName: "M", action: "findMany", query: { arguments: args, selection: { $scalars: true } } });

describe("what the cache trusts", () => {
  it("fills each hole with the query's own value, as the plan carries it (an integer as text)", () => {
    const f = fakeCompiler((q) => ({ sql: "SELECT … WHERE a = $1 AND b = $2", args: [q.arguments.a, String(q.arguments.b)] }));
    installPlanCache(f.Compiler, "on");
    const c = new f.Compiler();
    expect(c.compile(query({ a: "x", b: 1 }))).toEqual({ sql: "SELECT … WHERE a = $1 AND b = $2", args: ["x", "1"] });
    const compiledOnce = f.compiled(); // the query, and its stand-ins
    expect(c.compile(query({ a: "y", b: 22 }))).toEqual({ sql: "SELECT … WHERE a = $1 AND b = $2", args: ["y", "22"] });
    expect(f.compiled()).toBe(compiledOnce);
  });

  it("never caches a shape whose value the plan carries inside other text", () => {
    const f = fakeCompiler((q) => ({ sql: `SELECT … WHERE a LIKE '${String(q.arguments.a)}%'`, args: [] }));
    installPlanCache(f.Compiler, "on");
    const c = new f.Compiler();
    c.compile(query({ a: "x" }));
    expect(c.compile(query({ a: "y" }))).toEqual({ sql: "SELECT … WHERE a LIKE 'y%'", args: [] });
    expect(c.compile(query({ a: "z" }))).toEqual({ sql: "SELECT … WHERE a LIKE 'z%'", args: [] });
  });

  it("never caches a shape whose plan depends on a value beyond where it goes", () => {
    // an empty string gives another plan: proven on "" it is not cached, so "x" is compiled
    const f = fakeCompiler((q) =>
      q.arguments.a === "" ? { sql: "SELECT … WHERE a IS NULL", args: [] } : { sql: "SELECT … WHERE a = $1", args: [q.arguments.a] },
    );
    installPlanCache(f.Compiler, "on");
    const c = new f.Compiler();
    expect(c.compile(query({ a: "" }))).toEqual({ sql: "SELECT … WHERE a IS NULL", args: [] });
    expect(c.compile(query({ a: "x" }))).toEqual({ sql: "SELECT … WHERE a = $1", args: ["x"] });
  });

  it("which values are equal is part of the shape: a plan for equal values is never used for different ones", () => {
    // like Prisma's upsert: one statement when where and create agree, another when not
    const f = fakeCompiler((q) =>
      q.arguments.a === q.arguments.b
        ? { sql: "INSERT … ON CONFLICT", args: [q.arguments.a] }
        : { sql: "SELECT …; INSERT …", args: [q.arguments.a, q.arguments.b] },
    );
    installPlanCache(f.Compiler, "on");
    const c = new f.Compiler();
    expect(c.compile(query({ a: "x", b: "x" }))).toEqual({ sql: "INSERT … ON CONFLICT", args: ["x"] });
    expect(c.compile(query({ a: "y", b: "z" }))).toEqual({ sql: "SELECT …; INSERT …", args: ["y", "z"] });
    const compiled = f.compiled();
    expect(c.compile(query({ a: "w", b: "w" }))).toEqual({ sql: "INSERT … ON CONFLICT", args: ["w"] });
    expect(c.compile(query({ a: "u", b: "v" }))).toEqual({ sql: "SELECT …; INSERT …", args: ["u", "v"] });
    expect(f.compiled()).toBe(compiled);
  });

  it("keeps take, orderBy and the like whole in the shape: another value is another shape", () => {
    const f = fakeCompiler((q) => ({
      sql: `SELECT … ORDER BY a ${JSON.stringify(q.arguments.orderBy)} LIMIT ${String(q.arguments.take)}`,
      args: [q.arguments.a],
    }));
    installPlanCache(f.Compiler, "on");
    const c = new f.Compiler();
    c.compile(query({ a: "x", orderBy: { a: "asc" }, take: 5 }));
    expect(c.compile(query({ a: "y", orderBy: { a: "desc" }, take: -5 }))).toEqual({ sql: 'SELECT … ORDER BY a {"a":"desc"} LIMIT -5', args: ["y"] });
  });

  it('"verify" throws when a cached plan is not the one the compiler gives', () => {
    // a compiler whose plan depends on a value in a way its first query could not show
    const f = fakeCompiler((q) => ({ sql: "SELECT … WHERE a = $1", args: [q.arguments.a], note: q.arguments.a === "special" ? 1 : 0 }));
    installPlanCache(f.Compiler, "verify");
    const c = new f.Compiler();
    c.compile(query({ a: "x" }));
    expect(() => c.compile(query({ a: "special" }))).toThrow(/differs from the compiler's for M\.findMany/);
  });
});
