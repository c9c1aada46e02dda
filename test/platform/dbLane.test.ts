// The "ack" lane of the database (db.ts): the record an ack waits for is served before
// the transactions already waiting for a connection. On the embedded database (one
// connection) the record would otherwise wait for every decision queued ahead of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe("the ack lane", () => {
  it("is served ahead of the queries already waiting (on PostgreSQL two acks at once)", async () => {
    const order: string[] = [];
    let holding!: () => void;
    const started = new Promise<void>((r) => (holding = r));
    const held = db.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT 1");
      holding();
      // every connection is busy or waited for while this transaction runs
      await new Promise((r) => setTimeout(r, 150));
    });
    // the transaction holds its connection (on a loaded machine it may take more than a moment to start)
    await started;
    // on PostgreSQL, fill the pool so that the next queries have to wait too
    const max = db.poolStats?.().max ?? 1;
    const fillers = Array.from({ length: max - 1 }, () => db.query("SELECT pg_sleep(0.15)"));
    await new Promise((r) => setTimeout(r, 20));
    const normal = Array.from({ length: 5 }, (_, i) => db.query("SELECT $1::int AS i", [i]).then(() => order.push(`normal${i}`)));
    const acks = [0, 1].map((i) => db.query("SELECT $1::int AS i", [i], undefined, "ack").then(() => order.push(`ack${i}`)));
    await Promise.all([held, ...fillers, ...normal, ...acks]);
    expect(order.slice(0, 2).sort()).toEqual(["ack0", "ack1"]);
    expect(order).toHaveLength(7);
  });

  it("gives the connection back when the statement fails, and the next one is served", async () => {
    await expect(db.query("SELECT * FROM no_such_table", [], undefined, "ack")).rejects.toThrow(/no_such_table/);
    expect(await db.query<{ n: number }>("SELECT 2 AS n", [], undefined, "ack")).toEqual([{ n: 2 }]);
    expect(await db.query<{ n: number }>("SELECT 3 AS n")).toEqual([{ n: 3 }]);
  });
});
