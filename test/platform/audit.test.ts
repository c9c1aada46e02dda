import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, exportCsv, verifyChain } from "../../src/platform/audit/chain.js";
import { TX_OPTIONS } from "../../src/platform/db.js";
import { testDatabase, onPostgres } from "../support/db.js";

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.dispose();
});

const at = new Date("2026-11-01T00:00:00Z");

async function append(n: number, prefix: string) {
  for (let i = 0; i < n; i++)
    await db.prisma.$transaction((tx) =>
      appendAudit(tx, {
        at: new Date(at.getTime() + i * 1000),
        actorId: "U1",
        action: `${prefix}.${i}`,
        subject: "request:PRV-2026-0001",
        data: { i, reason: '理由, "quoted"' },
      }),
    );
}

describe("audit chain", () => {
  it("verifies an untouched chain, concurrent appends included", async () => {
    await append(5, "seq");
    // the flows' wait for a connection (TX_OPTIONS): on PGlite's one connection, 20 at once outlast Prisma's 2 s default on a busy machine
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.prisma.$transaction((tx) => appendAudit(tx, { at, actorId: `U${i}`, action: "parallel", subject: "s", data: { i } }), TX_OPTIONS),
      ),
    );
    const r = await verifyChain(db.prisma, 7);
    expect(r).toMatchObject({ ok: true, entries: 25 });
  });

  it("the database refuses updates and deletes", async () => {
    await expect(db.prisma.auditEntry.updateMany({ data: { actorId: "forged" } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEntry.deleteMany({})).rejects.toThrow(/append-only/);
  });

  it("exports CSV for a date range with quoting", async () => {
    const csv = await exportCsv(db.prisma, new Date("2026-11-01T00:00:00Z"), new Date("2026-11-01T00:00:03Z"));
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toBe("seq,at,actor,action,subject,data,prev_hash,hash");
    expect(lines.length).toBe(1 + 3 + 20); // entries at +0s, +1s, +2s and the 20 parallel ones at +0s
    expect(csv).toContain('"{""i"":0,""reason"":""理由, \\""quoted\\""""}"');
  });

  it("finds a changed row and a deleted row, even when the trigger is bypassed", async () => {
    // Someone with owner rights disables the guard and edits history.
    await db.exec(`ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`);
    await db.exec(`UPDATE "AuditEntry" SET data = '{"i": 99}' WHERE seq = 3`);
    let r = await verifyChain(db.prisma);
    expect(r).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/changed/) });
    await db.exec(`UPDATE "AuditEntry" SET data = '{"i": 2, "reason": "理由, \\"quoted\\""}' WHERE seq = 3`);
    r = await verifyChain(db.prisma);
    expect(r.ok).toBe(true);
    await db.exec(`DELETE FROM "AuditEntry" WHERE seq = 4`);
    r = await verifyChain(db.prisma);
    expect(r).toMatchObject({ ok: false, brokenAt: 4 });
    await db.exec(`ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only"`);
  });

  it("ran on the database this project names: PGlite embedded, or the PostgreSQL server of TEST_DATABASE_URL", async () => {
    expect(db.kind).toBe(onPostgres ? "postgres" : "pglite");
    // the server that answers says which it is (PGlite's version names it), and holds the chain written above
    const [row] = await db.query<{ version: string; entries: number }>(`SELECT version() AS version, (SELECT count(*)::int FROM "AuditEntry") AS entries`);
    const { version, entries } = row!;
    expect(version.includes("PGlite")).toBe(!onPostgres);
    expect(entries).toBe(await db.prisma.auditEntry.count());
    expect(entries).toBeGreaterThan(0);
  });
});
