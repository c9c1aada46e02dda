// The decision log attacked from inside the database: TRUNCATE (refused now, like UPDATE
// and DELETE), and, behind a trigger an owner switched off, a deleted or rewritten tail,
// which the chain alone cannot show and `audit:verify --expect-head` against an anchor does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendAudit, verifyChain } from "../../src/platform/audit/chain.js";
import { verifyCommand } from "../../src/platform/audit/cli.js";
import { testDatabase, type TestDatabase } from "../support/db.js";
import { deleteNewest, entries, restore, rewriteTail, unrewrite } from "./audit-tamper.js";

let db: TestDatabase;
const N = 8;

beforeAll(async () => {
  db = await testDatabase();
  for (let i = 0; i < N; i++)
    await db.prisma.$transaction((tx) =>
      appendAudit(tx, {
        at: new Date(Date.UTC(2026, 11, 1, 0, i)),
        actorId: "U0CHIEF",
        action: "request.approved",
        subject: `request:PRV-2026-000${i}`,
        data: { i },
      }),
    );
});
afterAll(async () => db?.dispose());

/** `npm run audit:verify -- args` on this database: its exit code and what it printed. */
async function verify(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await verifyCommand(db, ["verify", ...args], { TZ: "Asia/Tokyo" }, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out: out.trim(), err: err.trim() };
}

let head: { count: number; hash: string };

describe("TRUNCATE on the decision log", () => {
  it("is refused like UPDATE and DELETE, in every spelling, and the chain stays whole", async () => {
    const before = await entries(db);
    expect(before).toHaveLength(N);
    for (const sql of [`TRUNCATE "AuditEntry"`, `TRUNCATE TABLE "AuditEntry" RESTART IDENTITY CASCADE`, `TRUNCATE ONLY "AuditEntry"`])
      await expect(db.exec(sql), sql).rejects.toThrow(/AuditEntry is append-only \(TRUNCATE refused\)/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEntry"`)).rejects.toThrow(/append-only/);
    // a transaction that truncates and then appends is refused as a whole
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`TRUNCATE "AuditEntry"`);
        await appendAudit(tx, { at: new Date(), actorId: "U0X", action: "forged", subject: "s" });
      }),
    ).rejects.toThrow(/append-only/);
    expect(await entries(db)).toEqual(before);
    const r = await verifyChain(db.prisma);
    expect(r).toEqual({ ok: true, entries: N, head: before.at(-1)!.hash });
    head = { count: N, hash: before.at(-1)!.hash };
  });

  it("the bot's note of its anchors refuses UPDATE, DELETE and TRUNCATE too", async () => {
    await db.prisma.auditAnchor.create({ data: { day: "2026-12-01", seq: head.count, hash: head.hash, at: new Date(), channel: "C0COMPLIANCE" } });
    await expect(db.prisma.auditAnchor.updateMany({ data: { seq: 1 } })).rejects.toThrow(/AuditAnchor is append-only/);
    await expect(db.prisma.auditAnchor.deleteMany({})).rejects.toThrow(/AuditAnchor is append-only/);
    await expect(db.exec(`TRUNCATE "AuditAnchor"`)).rejects.toThrow(/AuditAnchor is append-only \(TRUNCATE refused\)/);
    expect(await db.prisma.auditAnchor.count()).toBe(1);
  });
});

describe("audit:verify --expect-head", () => {
  it("an untouched chain is OK up to the anchor, in English and in Japanese", async () => {
    const en = await verify("--expect-head", `${head.count}:${head.hash}`);
    expect(en).toEqual({
      code: 0,
      err: "",
      out: `audit log OK: ${N} entries, head ${head.hash} (checked up to the anchor --expect-head ${N}:${head.hash.slice(0, 12)}…)`,
    });
    const ja = await verify("--expect-head", `${head.count}:${head.hash.toUpperCase()}`, "--lang", "ja");
    expect(ja).toMatchObject({
      code: 0,
      out: `監査ログ OK：${N} 件、最新のハッシュ ${head.hash}（固定点 --expect-head ${N}:${head.hash.slice(0, 12)}… まで照合済み）`,
    });
    // an anchor further back holds as well: the chain grew after it
    const earlier = (await entries(db))[2]!;
    expect(await verify("--expect-head", `3:${earlier.hash}`)).toMatchObject({ code: 0 });
    // without an anchor: as before
    expect(await verify()).toEqual({ code: 0, err: "", out: `audit log OK: ${N} entries, head ${head.hash}` });
  });

  it("deleting the newest entries passes the chain alone, and fails against the anchor: which anchor, what differs", async () => {
    const gone = await deleteNewest(db, 2);
    // the fault is real: the chain alone still verifies (what issue 12 found)
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true, entries: N - 2 });
    expect(await verify()).toMatchObject({ code: 0 });
    const r = await verify("--expect-head", `${head.count}:${head.hash}`);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `audit log does not match the anchor --expect-head ${N}:${head.hash.slice(0, 12)}…: it anchored ${N} entries, the log now has ${N - 2} (entries ${N - 1} to ${N} were deleted)`,
    );
    expect(r.out).not.toMatch(/OK/);
    const ja = await verify("--expect-head", `${head.count}:${head.hash}`, "--lang", "ja");
    expect(ja.out).toContain(`固定点では ${N} 件でしたが、いまは ${N - 2} 件です（第${N - 1}件から第${N}件までが削除されています）`);
    // put back as they were: OK again (the check is exact, not a guess)
    await restore(db, gone);
    expect(await verify("--expect-head", `${head.count}:${head.hash}`)).toMatchObject({ code: 0 });
  });

  it("rewriting the tail with recomputed hashes passes the chain alone, and fails against the anchor", async () => {
    const was = await rewriteTail(db, 3, { i: "rewritten" });
    const now = await entries(db);
    expect(now.at(-1)!.data).toMatchObject({ i: "rewritten" });
    expect(await verifyChain(db.prisma)).toMatchObject({ ok: true, entries: N });
    const r = await verify("--expect-head", `${head.count}:${head.hash}`);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `audit log does not match the anchor --expect-head ${N}:${head.hash.slice(0, 12)}…: entry ${N} has hash ${now.at(-1)!.hash}, the anchor recorded ${head.hash} (entries up to ${N} were rewritten)`,
    );
    // an anchor from before the rewritten part still holds; one inside it does not
    expect(await verify("--expect-head", `${N - 3}:${now[N - 4]!.hash}`)).toMatchObject({ code: 0 });
    expect(await verify("--expect-head", `${N - 2}:${was[0]!.hash}`)).toMatchObject({ code: 1, out: expect.stringContaining(`entry ${N - 2} has hash`) });
    await unrewrite(db, was);
    expect(await verify("--expect-head", `${head.count}:${head.hash}`)).toMatchObject({ code: 0 });
  });

  it("refuses an anchor that is not count:hash, without checking anything", async () => {
    for (const bad of ["8", `x:${head.hash}`, `8:${head.hash.slice(1)}`, `-1:${head.hash}`]) {
      const r = await verify("--expect-head", bad);
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain("is not count:hash");
      expect(r.out).toBe("");
    }
  });
});
