// The embedded database (PGlite in a thread of its own, reached over the PostgreSQL
// protocol): it behaves as a server does for the bot.
// It runs on PGlite only: on the postgres project it would open the same PGlite folders again.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openDatabase, transact } from "../../src/platform/db.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-embedded-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("embedded PGlite in its own thread", () => {
  it("keeps the connection usable after an error, rolls back failed transactions, and keeps the data across a restart", async () => {
    const db = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
    expect(db.kind).toBe("pglite");
    await migrate(db);
    await db.prisma.setting.create({ data: { key: "k", value: "1" } });
    // a database error (duplicate key) is an error of that statement only
    await expect(db.prisma.setting.create({ data: { key: "k", value: "2" } })).rejects.toThrow(/Unique constraint/);
    expect(await db.prisma.setting.findUnique({ where: { key: "k" } })).toMatchObject({ value: "1" });
    // a transaction that fails leaves nothing behind
    await expect(
      transact(db.prisma, async (tx) => {
        await tx.setting.create({ data: { key: "half", value: "written" } });
        throw new Error("the flow failed");
      }),
    ).rejects.toThrow(/the flow failed/);
    expect(await db.prisma.setting.findUnique({ where: { key: "half" } })).toBeNull();
    // concurrent transactions take turns on the one session
    await Promise.all(Array.from({ length: 10 }, (_, i) => transact(db.prisma, (tx) => tx.setting.create({ data: { key: `c${i}`, value: String(i) } }))));
    expect(await db.prisma.setting.count()).toBe(11);
    await db.close();

    const again = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
    expect((await migrate(again)).applied).toEqual([]);
    expect(await again.prisma.setting.count()).toBe(11);
    expect(await again.query<{ value: string }>(`SELECT value FROM "Setting" WHERE key = $1`, ["k"])).toEqual([{ value: "1" }]);
    await again.close();
  });

  it("sends every answer on without keeping it: the thread's heap stays level over 100,000 rows", async () => {
    const db = await openDatabase({ pgliteDir: "memory://" });
    await db.query("SELECT 1");
    const before = await db.engineMemory!({ gc: true });
    for (let i = 0; i < 500; i++) {
      const rows = await db.query<{ g: number; h: string }>("SELECT g, md5(g::text) AS h FROM generate_series(1, 200) g");
      expect(rows).toHaveLength(200);
    }
    const after = await db.engineMemory!({ gc: true });
    // PGlite's execProtocolRaw kept every row it answered (about 20 MB here)
    expect((after.heapUsed - before.heapUsed) / 2 ** 20).toBeLessThan(5);
    // the WebAssembly memory PGlite runs in: its initial 128 MB, not grown by these queries
    expect(after.wasm).toBe(128 * 2 ** 20);
    await db.close();
  });
});
