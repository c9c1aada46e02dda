// Who presses or types (resolveActor) and the delivery record (firstDeliveryBy): the two
// queries every command and press starts with, written as plain SQL through the driver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebClient } from "@slack/web-api";
import { firstDeliveryBy, recordDelivery, resolveActor } from "../../src/platform/slack/actor.js";
import { silentLogger } from "../../src/platform/log.js";
import type { Services } from "../../src/platform/services.js";
import { testDatabase } from "../support/db.js";

// the bot runs in Japan time: a timestamp read as local time would be 9 hours off
process.env.TZ = "Asia/Tokyo";

let db: Awaited<ReturnType<typeof testDatabase>>;
let now = new Date("2026-11-28T01:02:03.456Z");
let s: Services;
const localeCalls: string[] = [];
const client = {
  users: {
    info: async ({ user }: { user: string }) => {
      localeCalls.push(user);
      return { ok: true, user: { id: user, locale: "en-US" } };
    },
  },
} as unknown as WebClient;

beforeAll(async () => {
  db = await testDatabase();
  s = { database: db, clock: { now: () => now }, log: silentLogger } as unknown as Services;
  await db.prisma.department.create({ data: { id: "sales", name: "営業部" } });
  await db.prisma.person.createMany({
    data: [
      { slackId: "U1", name: "山田 太郎", departmentId: "sales", roles: ["manager", "handler"] },
      { slackId: "U2", name: "佐藤 花子", departmentId: null, roles: [], lang: "ja" },
    ],
  });
});
afterAll(async () => db?.dispose());

describe("the delivery record", () => {
  it("records a delivery once, at the clock's moment (UTC, as Prisma reads it)", async () => {
    // U2 chose a language: finding them asks Slack nothing (the locale checks are the next test's)
    const first = async (key: string) => (await firstDeliveryBy(s, client, key, "U2")).first;
    expect(await first("action:U1:1.2:approve")).toBe(true);
    expect(await first("action:U1:1.2:approve")).toBe(false);
    expect(await first("action:U1:1.3:approve")).toBe(true);
    const row = await db.prisma.slackDelivery.findUnique({ where: { key: "action:U1:1.2:approve" } });
    expect(row?.receivedAt.toISOString()).toBe("2026-11-28T01:02:03.456Z");
  });
});

describe("recordDelivery (the inbox's record before the ack, many at once in one statement)", () => {
  it("deliveries arriving together: each first once (a retry beside its original is not), each with its person", async () => {
    const lease = new Date("2026-11-28T01:03:00Z");
    const d = (key: string, userId: string) => recordDelivery(s, { key, userId, kind: "press", payload: { key }, owner: "test-owner", leaseUntil: lease });
    // the first goes out at once (on PostgreSQL the second too: two statements may be out);
    // the rest arrive while it is out and share the next statement. Of a retry and its
    // original, exactly one is first: whichever statement commits its key first.
    const [, ...got] = await Promise.all([d("g:0", "U2"), d("g:1", "U1"), d("g:2", "U2"), d("g:1", "U1"), d("g:3", "U-nobody"), d("g:4", "U1")]);
    const firsts = got.map((r) => r.first);
    expect([firsts[0], firsts[2]].filter(Boolean)).toHaveLength(1);
    expect([firsts[1], firsts[3], firsts[4]]).toEqual([true, true, true]);
    const people = got.map((r) => (r.first ? (r.person?.name ?? null) : "-"));
    const g1 = firsts[0] ? 0 : 2;
    expect(people[g1]).toBe("山田 太郎");
    expect(people[2 - g1]).toBe("-");
    expect([people[1], people[3], people[4]]).toEqual(["佐藤 花子", null, "山田 太郎"]);
    const rows = await db.prisma.slackDelivery.findMany({ where: { key: { in: ["g:1", "g:2", "g:3", "g:4"] } }, orderBy: { key: "asc" } });
    expect(rows.map((r) => [r.key, r.kind, r.owner, r.leaseUntil?.toISOString(), r.receivedAt.toISOString()])).toEqual(
      ["g:1", "g:2", "g:3", "g:4"].map((k) => [k, "press", "test-owner", lease.toISOString(), now.toISOString()]),
    );
    expect(rows.map((r) => r.payload)).toEqual(["g:1", "g:2", "g:3", "g:4"].map((key) => ({ key })));
    // and later, one more of each: all seen already
    const again = await Promise.all([d("g:1", "U1"), d("g:4", "U1")]);
    expect(again.map((r) => r.first)).toEqual([false, false]);
  });

  it("with an ack journal the statement waits for the burst to end (the hold), then writes the burst in one; on a server it goes at once", async () => {
    const lease = new Date("2026-11-28T01:03:00Z");
    let release: (() => void) | undefined;
    let holds = 0;
    const hold = () => new Promise<void>((r) => ((release = r), holds++));
    const d = (key: string, userId: string) =>
      recordDelivery(s, { key, userId, kind: "press", payload: { key }, owner: "test-owner", leaseUntil: lease }, hold);
    const all = Promise.all([d("h:1", "U1"), d("h:2", "U2"), d("h:3", "U1")]);
    await new Promise((r) => setTimeout(r, 100));
    const written = () => db.prisma.slackDelivery.count({ where: { key: { startsWith: "h:" } } });
    if (db.journal) {
      // the journal's lines are the record; the rows wait for the end of the burst
      expect(await written()).toBe(0);
      expect(holds).toBe(1);
      release!();
    } else {
      expect(await written()).toBe(3);
      expect(holds).toBe(0);
    }
    expect((await all).map((r) => (r.first ? r.person?.name : "-"))).toEqual(["山田 太郎", "佐藤 花子", "山田 太郎"]);
    expect(await written()).toBe(3);
  });
});

describe("resolveActor", () => {
  it("finds the person with roles and department, asks Slack for the locale once a week", async () => {
    expect(await resolveActor(s, client, "U1")).toEqual({ slackId: "U1", name: "山田 太郎", departmentId: "sales", roles: ["manager", "handler"], lang: "en" });
    expect(localeCalls).toEqual(["U1"]);
    const p = await db.prisma.person.findUnique({ where: { slackId: "U1" } });
    expect(p?.localeCheckedAt?.toISOString()).toBe(now.toISOString());
    // six days later: the stored locale, no call
    now = new Date(now.getTime() + 6 * 24 * 3600 * 1000);
    expect((await resolveActor(s, client, "U1"))?.lang).toBe("en");
    expect(localeCalls).toEqual(["U1"]);
    // eight days after the check: asked again
    now = new Date(now.getTime() + 2 * 24 * 3600 * 1000);
    await resolveActor(s, client, "U1");
    expect(localeCalls).toEqual(["U1", "U1"]);
  });

  it("a chosen language wins and Slack is not asked; an unknown user is null", async () => {
    expect(await resolveActor(s, client, "U2")).toEqual({ slackId: "U2", name: "佐藤 花子", departmentId: null, roles: [], lang: "ja" });
    expect(localeCalls.filter((u) => u === "U2")).toEqual([]);
    expect(await resolveActor(s, client, "U9")).toBeNull();
  });
});

describe("firstDeliveryBy (the delivery and the person in one statement)", () => {
  it("records the delivery once and finds the person; a retry finds nothing and records nothing more", async () => {
    now = new Date("2026-12-01T00:00:00.000Z");
    expect(await firstDeliveryBy(s, client, "command:T1", "U2")).toEqual({
      first: true,
      actor: { slackId: "U2", name: "佐藤 花子", departmentId: null, roles: [], lang: "ja" },
    });
    expect(await firstDeliveryBy(s, client, "command:T1", "U2")).toEqual({ first: false });
    const row = await db.prisma.slackDelivery.findUnique({ where: { key: "command:T1" } });
    expect(row?.receivedAt.toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("a person missing from the directory is a first delivery without an actor", async () => {
    expect(await firstDeliveryBy(s, client, "command:T2", "U9")).toEqual({ first: true, actor: null });
    expect(await firstDeliveryBy(s, client, "command:T2", "U9")).toEqual({ first: false });
  });
});
