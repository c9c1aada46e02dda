// The statement every command and press starts with is prepared once per connection
// (Database.query's `name`). The pool closes idle connections; on PGlite every connection
// shares the one session, so a new connection must be able to prepare the same name again.
import { afterAll, describe, expect, it } from "vitest";
import { testDatabase, type TestDatabase } from "../support/db.js";

let db: TestDatabase | undefined;
afterAll(async () => {
  await db?.dispose();
});

describe("named statements", () => {
  it("answer like unnamed ones, again and again, and after the idle connection was closed", async () => {
    db = await testDatabase({ idleMs: 30 });
    const q = () => db!.query<{ n: number }>("SELECT $1::int + 1 AS n", [41], "mamori_test_add");
    expect(await q()).toEqual([{ n: 42 }]);
    expect(await q()).toEqual([{ n: 42 }]);
    await new Promise((r) => setTimeout(r, 200)); // the pool closes the idle connection
    expect(await q()).toEqual([{ n: 42 }]);
    expect(await db.query<{ n: number }>("SELECT 2 AS n")).toEqual([{ n: 2 }]);
  });
});
