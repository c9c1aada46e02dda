// One reminder run for many people, delivered through the outbox to a Slack that
// rate-limits (429 with Retry-After) and with the bot restarting half-way: every person
// gets their one DM, nobody gets two.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { startHarness, type Harness } from "../support/harness.js";

const jst = (s: string) => new Date(`${s}+09:00`);
const N = 400;
let h: Harness;
const clock = new ManualClock(jst("2026-12-01T09:00:00"));

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, pacing: true });
  const db = h.bot.services.database.prisma;
  const since = jst("2026-11-24T10:00:00");
  await db.department.createMany({ data: Array.from({ length: N }, (_, i) => ({ id: `x${i}`, name: `部署${i}` })) });
  await db.person.createMany({
    data: Array.from({ length: N }, (_, i) => ({ slackId: `UX${i}`, name: `管理者${i}`, departmentId: `x${i}`, roles: ["manager"] })),
  });
  for (let i = 0; i < N; i++) h.fake.setUser({ id: `UX${i}`, name: `m${i}` });
  await db.request.createMany({
    data: Array.from({ length: N }, (_, i) => ({
      code: `PRV-2026-${String(9000 + i)}`,
      kind: "purpose",
      departmentId: `x${i}`,
      requesterId: "U0EMPLOYEE",
      status: "pending_manager",
      title: `届出${i}`,
      createdAt: since,
      updatedAt: since,
      stageSince: since,
      channelId: "C0APPROVALS",
      messageTs: `1764000000.${String(i).padStart(6, "0")}`,
    })),
  });
});
afterAll(async () => h?.close());

describe("a reminder run at scale", () => {
  it(`${N} approvers: each gets exactly one DM, through 429s and a restart of the sender`, async () => {
    const outbox = h.bot.services.outbox;
    // the sender is stopped while the run writes, then sends a part, stops (a restart) and goes on
    await outbox.stop();
    const r = await h.bot.scheduler.runAt("requests.morning", jst("2026-12-01T09:00:00"));
    expect(r.result).toMatchObject({ dms: N });
    // Slack answers 429 (Retry-After 2 s) to 30 of the posts
    h.fake.failNext("chat.postMessage", { retryAfter: 2 }, 30);
    const db = h.bot.services.database.prisma;
    const pending = () => db.outboxMessage.count({ where: { status: "pending", orderKey: { startsWith: "reminder:UX" } } });
    await outbox.runOnce();
    await outbox.runOnce();
    expect(await pending()).toBeGreaterThan(0);
    expect(await pending()).toBeLessThan(N);
    for (let i = 0; i < 60 && (await pending()) > 0; i++) {
      await outbox.flush();
      clock.advance(1100);
    }
    expect(await pending()).toBe(0);
    const counts = Array.from({ length: N }, (_, i) => h.fake.dms(`UX${i}`).length);
    expect(counts.filter((c) => c !== 1)).toEqual([]);
    expect(await db.outboxMessage.count({ where: { status: "failed" } })).toBe(0);
    // the same slot again (another replica firing late) writes nothing
    expect((await h.bot.scheduler.runAt("requests.morning", jst("2026-12-01T09:00:00"))).ran).toBe(false);
    expect(await pending()).toBe(0);
  }, 120_000);
});
