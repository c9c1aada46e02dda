import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { silentLogger } from "../../src/platform/log.js";
import { Outbox, type SlackCaller } from "../../src/platform/outbox.js";
import { WorkGate } from "../../src/platform/slack/ackFirst.js";
import { testDatabase } from "../support/db.js";

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.dispose();
});
beforeEach(async () => {
  await db.prisma.outboxMessage.deleteMany({});
  await db.prisma.setting.deleteMany({});
});

/** A Slack that answers from a script: each call takes the next answer for its method. */
function scriptedSlack(script: Record<string, (() => Record<string, unknown>)[]> = {}) {
  const calls: { method: string; args: Record<string, unknown> }[] = [];
  let ts = 1000;
  const slack: SlackCaller = {
    async apiCall(method, args) {
      calls.push({ method, args });
      const next = script[method]?.shift();
      if (next) return next();
      if (method.startsWith("conversations.")) return { ok: true, messages: [] };
      return { ok: true, channel: args.channel, ts: `${ts++}.000100` };
    },
  };
  return { slack, calls };
}

const slackError = (error: string) => () => {
  throw Object.assign(new Error(`An API error occurred: ${error}`), { code: "slack_webapi_platform_error", data: { ok: false, error } });
};
const rateLimited = (retryAfter: number) => () => {
  throw Object.assign(new Error("rate limited"), { code: "slack_webapi_rate_limited_error", retryAfter });
};

describe("outbox", () => {
  it("queues once per notice key in one statement: in the order given, held until notBefore, each key once", async () => {
    await db.prisma.notice.deleteMany({});
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    const dm = (to: string, text: string, notBefore?: Date) => ({
      orderKey: `reminder:${to}`,
      method: "chat.postMessage",
      payload: { channel: to, text },
      notBefore,
    });
    const later = new Date("2026-11-01T00:30:00Z");
    const first = await outbox.enqueueOnce(
      [
        { key: "k:U1", call: dm("U1", "一通目 U1") },
        { key: "k:U2", call: dm("U2", "一通目 U2", later) },
      ],
      clock.now(),
    );
    expect([...first].sort()).toEqual(["k:U1", "k:U2"]);
    // a second try of the same run (a resumed run, another replica) queues only what is new
    const second = await outbox.enqueueOnce(
      [
        { key: "k:U1", call: dm("U1", "二通目 U1") },
        { key: "k:U3", call: dm("U3", "一通目 U3") },
      ],
      clock.now(),
    );
    expect([...second]).toEqual(["k:U3"]);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => (r.payload as { text: string }).text)).toEqual(["一通目 U1", "一通目 U2", "一通目 U3"]);
    expect(rows.map((r) => r.onSent)).toEqual([null, null, null]);
    expect(rows[1]!.nextAttemptAt.toISOString()).toBe(later.toISOString());
    expect(await db.prisma.notice.count({ where: { key: { startsWith: "k:" } } })).toBe(3);
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["一通目 U1", "一通目 U3"]);
    clock.set(later);
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["一通目 U1", "一通目 U3", "一通目 U2"]);
  });

  it("enqueueOnce claims an item's further keys with it, and only when the item itself is queued", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    const dm = (to: string, text: string) => ({ orderKey: `reminder:${to}`, method: "chat.postMessage", payload: { channel: to, text } });
    const first = await outbox.enqueueOnce([{ key: "run:U7", call: dm("U7", "研修 U7"), also: ["th:U7:basic:30d", "th:U7:handler:7d"] }], clock.now());
    expect([...first]).toEqual(["run:U7"]);
    // the same run again: nothing queued, and the further keys of the refused item are not written
    const again = await outbox.enqueueOnce([{ key: "run:U7", call: dm("U7", "研修 U7 again"), also: ["th:U7:other:30d"] }], clock.now());
    expect([...again]).toEqual([]);
    const keys = (await db.prisma.notice.findMany({ where: { key: { contains: "U7" } }, orderBy: { key: "asc" } })).map((n) => n.key);
    expect(keys).toEqual(["run:U7", "th:U7:basic:30d", "th:U7:handler:7d"]);
    expect(await db.prisma.outboxMessage.count({ where: { orderKey: { contains: "U7" } } })).toBe(1);
  });

  it("sends in order per key, fills references from what was sent before", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    outbox.registerRef("parentTs", async (tx) => (await tx.setting.findUnique({ where: { key: "parent" } }))?.value);
    outbox.onSent("parent", async (tx, _o, res) => {
      await tx.setting.create({ data: { key: "parent", value: String(res.ts) } });
    });
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [
        { orderKey: "r1", method: "chat.postMessage", payload: { channel: "C1", text: "parent" }, onSent: { type: "parent" } },
        { orderKey: "r1", method: "chat.postMessage", payload: { channel: "C1", text: "reply", thread_ts: { $ref: "parentTs" } } },
        { orderKey: "r1", method: "chat.update", payload: { channel: "C1", ts: { $ref: "parentTs" }, text: "edited" } },
      ]),
    );
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["parent", "reply", "edited"]);
    expect(calls[1]!.args.thread_ts).toBe("1000.000100");
    expect(calls[2]!.args.ts).toBe("1000.000100");
    expect(await outbox.pendingCount()).toBe(0);
  });

  it("waits Retry-After seconds on 429, backs off on errors, and gives up on permanent ones", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack({
      "chat.postMessage": [rateLimited(30), slackError("internal_error")],
      "chat.update": [slackError("channel_not_found")],
    });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [
        { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: "hello" } },
        { orderKey: "b", method: "chat.update", payload: { channel: "C404", ts: "1.1", text: "x" } },
      ]),
    );
    await outbox.flush();
    expect(calls.length).toBe(2);
    const failed = await db.prisma.outboxMessage.findFirstOrThrow({ where: { orderKey: "b" } });
    expect(failed).toMatchObject({ status: "failed", lastError: "channel_not_found" });
    clock.advance(29_000);
    await outbox.flush();
    expect(calls.length).toBe(2); // still inside Retry-After
    clock.advance(1_000);
    await outbox.flush();
    expect(calls.length).toBe(3); // retried, answered internal_error: back-off 2 s
    clock.advance(2_000);
    await outbox.flush();
    expect(calls.length).toBe(4);
    expect(await db.prisma.outboxMessage.findFirstOrThrow({ where: { orderKey: "a" } })).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("survives a restart: a new worker sends what the old one left, once", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const first = scriptedSlack({ "chat.postMessage": [slackError("service_unavailable")] });
    const a = new Outbox({ database: db, clock, log: silentLogger, slack: first.slack });
    await db.prisma.$transaction((tx) => a.enqueue(tx, { orderKey: "x", method: "chat.postMessage", payload: { channel: "C1", text: "keep me" } }));
    await a.flush();
    // "restart": another worker, later
    clock.advance(60_000);
    const second = scriptedSlack();
    const b = new Outbox({ database: db, clock, log: silentLogger, slack: second.slack });
    const c = new Outbox({ database: db, clock, log: silentLogger, slack: second.slack });
    await Promise.all([b.flush(), c.flush()]);
    expect(second.calls.map((x) => x.args.text)).toEqual(["keep me"]);
  });
});

describe("calls rendered when sent (Home tabs)", () => {
  it("are sent once per collapse key, the newest, after the message edits of the same pass", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    let renders = 0;
    outbox.registerRef("home", async () => ({ type: "home", blocks: [], render: ++renders }));
    const home = (user: string) => ({
      orderKey: `home:${user}`,
      collapseKey: `home:${user}`,
      method: "views.publish",
      payload: { user_id: user, view: { $ref: "home" } },
    });
    await db.prisma.$transaction((tx) => outbox.enqueue(tx, [home("U1"), home("U2")]));
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [{ orderKey: "request:1", method: "chat.update", payload: { channel: "C1", ts: "1.0", text: "approved" } }, home("U1"), home("U1")]),
    );
    await outbox.flush();
    expect(calls.map((c) => `${c.method} ${String(c.args.user_id ?? c.args.text)}`)).toEqual(["chat.update approved", "views.publish U2", "views.publish U1"]);
    expect(renders).toBe(2);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" }, select: { orderKey: true, status: true } });
    expect(rows.map((r) => `${r.orderKey} ${r.status}`)).toEqual([
      "home:U1 superseded",
      "home:U2 sent",
      "request:1 sent",
      "home:U1 superseded",
      "home:U1 sent",
    ]);
    expect(await outbox.pendingCount()).toBe(0);
  });
});

describe("while the bot is busy", () => {
  it("Home tabs wait (and collapse) while message edits go out; once it is not busy, each person's tab goes once", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    let busy = true;
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack, busy: () => busy });
    outbox.registerRef("home", async () => ({ type: "home", blocks: [] }));
    const home = (user: string) => ({
      orderKey: `home:${user}`,
      collapseKey: `home:${user}`,
      method: "views.publish",
      payload: { user_id: user, view: { $ref: "home" } },
    });
    for (let i = 1; i <= 3; i++)
      await db.prisma.$transaction((tx) =>
        outbox.enqueue(tx, [{ orderKey: `request:${i}`, method: "chat.update", payload: { channel: "C1", ts: `${i}.0`, text: `decided ${i}` } }, home("U1")]),
      );
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["chat.update", "chat.update", "chat.update"]);
    expect(await outbox.pendingCount()).toBe(1); // the newest of the three Home refreshes
    busy = false;
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["chat.update", "chat.update", "chat.update", "views.publish"]);
    expect(await outbox.pendingCount()).toBe(0);
  });
});

describe("calls held for later (quiet hours)", () => {
  it("wait until their moment without holding up the calls after them on the same key", async () => {
    const clock = new ManualClock("2026-12-04T12:00:00Z"); // 21:00 in Tokyo
    const { slack, calls } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [
        { orderKey: "request:1", method: "chat.postMessage", payload: { channel: "C1", text: "held escalation" }, notBefore: new Date("2026-12-06T23:00:00Z") },
        { orderKey: "request:1", method: "chat.update", payload: { channel: "C1", ts: "1.0", text: "approved now" } },
      ]),
    );
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["approved now"]);
    clock.set("2026-12-06T23:00:00Z"); // Monday 08:00 in Tokyo
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["approved now", "held escalation"]);
  });
});

describe("at most one copy of each message", () => {
  const tagOf = (id: number) => ({ event_type: "mamori_outbox", event_payload: { row: id } });
  /** Puts a row back as a crash mid-send leaves it: started at `since`, no result, lease run out. */
  const leftInDoubt = (id: number, since: Date) =>
    db.prisma.outboxMessage.update({ where: { id }, data: { inDoubtSince: since, lockedBy: "dead-worker", lockedUntil: since } });
  const recordTs = (outbox: Outbox) =>
    outbox.onSent("recordTs", async (tx, _o, res) => {
      await tx.setting.create({ data: { key: "ts", value: `${String(res.channel)} ${String(res.ts)}` } });
    });

  it("tags every post with its row in Slack's message metadata; edits and Home tabs go as they are", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [
        { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: "post" } },
        { orderKey: "b", method: "chat.update", payload: { channel: "C1", ts: "1.0", text: "edit" } },
        { orderKey: "c", method: "views.publish", payload: { user_id: "U1", view: { type: "home", blocks: [] } } },
      ]),
    );
    await outbox.flush();
    const post = await db.prisma.outboxMessage.findFirstOrThrow({ where: { orderKey: "a" } });
    expect(calls.find((c) => c.method === "chat.postMessage")!.args.metadata).toEqual(tagOf(post.id));
    expect(calls.filter((c) => c.method !== "chat.postMessage").map((c) => c.args.metadata)).toEqual([undefined, undefined]);
  });

  it("a post in doubt that reached Slack is found in its thread and recorded, not posted again", async () => {
    const clock = new ManualClock("2026-11-01T00:10:00Z");
    const since = new Date("2026-11-01T00:00:00Z");
    let id = 0;
    const { slack, calls } = scriptedSlack({
      "conversations.replies": [
        () => ({
          ok: true,
          messages: [
            { ts: "1000.000100", text: "parent" },
            { ts: "1000.000200", text: "someone else's", metadata: tagOf(id + 1000) },
            { ts: "1000.000300", text: "reply", metadata: tagOf(id) },
          ],
        }),
      ],
    });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    recordTs(outbox);
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, {
        orderKey: "a",
        method: "chat.postMessage",
        payload: { channel: "C1", thread_ts: "1000.000100", text: "reply" },
        onSent: { type: "recordTs" },
      }),
    );
    id = (await db.prisma.outboxMessage.findFirstOrThrow()).id;
    await leftInDoubt(id, since);
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["conversations.replies"]);
    // from two minutes before the first send (clocks differ), with the metadata
    expect(calls[0]!.args).toMatchObject({
      channel: "C1",
      ts: "1000.000100",
      include_all_metadata: true,
      oldest: `${since.getTime() / 1000 - 120}.000000`,
    });
    expect((await db.prisma.setting.findUniqueOrThrow({ where: { key: "ts" } })).value).toBe("C1 1000.000300");
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", inDoubtSince: null, lockedBy: null });
  });

  it("a DM in doubt that never reached Slack is looked for in the bot's conversation with the person, then posted once", async () => {
    const clock = new ManualClock("2026-11-01T00:10:00Z");
    const { slack, calls } = scriptedSlack({
      "conversations.open": [() => ({ ok: true, channel: { id: "DU1" } })],
      "conversations.history": [
        () => ({ ok: true, messages: [{ ts: "900.000100", text: "older", metadata: tagOf(-1) }], response_metadata: { next_cursor: "" } }),
      ],
    });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    recordTs(outbox);
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, { orderKey: "dm:U1", method: "chat.postMessage", payload: { channel: "U1", text: "hello" }, onSent: { type: "recordTs" } }),
    );
    const { id } = await db.prisma.outboxMessage.findFirstOrThrow();
    await leftInDoubt(id, new Date("2026-11-01T00:00:00Z"));
    await outbox.flush();
    expect(calls.map((c) => `${c.method} ${String(c.args.channel ?? c.args.users)}`)).toEqual([
      "conversations.open U1",
      "conversations.history DU1",
      "chat.postMessage U1",
    ]);
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "sent", inDoubtSince: null });
  });

  it("a post that times out stays in doubt; its retry looks first and posts only if it is not there", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack({
      "chat.postMessage": [() => new Promise(() => undefined) as never],
      "conversations.history": [() => ({ ok: true, messages: [] })],
    });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack, callTimeoutMs: 50 });
    await db.prisma.$transaction((tx) => outbox.enqueue(tx, { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: "hello" } }));
    await outbox.flush();
    const row = await db.prisma.outboxMessage.findFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, inDoubtSince: new Date("2026-11-01T00:00:00Z"), lockedBy: null });
    expect(row.lastError).toMatch(/not answered within 50 ms/);
    clock.advance(1000);
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["chat.postMessage", "conversations.history", "chat.postMessage"]);
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "sent", inDoubtSince: null });
  });

  it("an edit that times out is sent again without looking (an edit is the same however often it is made)", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack({ "chat.update": [() => new Promise(() => undefined) as never] });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack, callTimeoutMs: 50 });
    await db.prisma.$transaction((tx) => outbox.enqueue(tx, { orderKey: "a", method: "chat.update", payload: { channel: "C1", ts: "1.0", text: "v2" } }));
    await outbox.flush();
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "pending", inDoubtSince: null });
    clock.advance(1000);
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["chat.update", "chat.update"]);
  });

  it("when Slack refuses the search (a scope not granted yet), the post goes out rather than being lost", async () => {
    const clock = new ManualClock("2026-11-01T00:10:00Z");
    const { slack, calls } = scriptedSlack({ "conversations.history": [slackError("missing_scope")] });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack });
    await db.prisma.$transaction((tx) => outbox.enqueue(tx, { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: "hello" } }));
    const { id } = await db.prisma.outboxMessage.findFirstOrThrow();
    await leftInDoubt(id, new Date("2026-11-01T00:00:00Z"));
    await outbox.flush();
    expect(calls.map((c) => c.method)).toEqual(["conversations.history", "chat.postMessage"]);
  });

  it("a worker whose row was taken over while its call was in flight records nothing", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    let answer: (v: Record<string, unknown>) => void = () => undefined;
    const slack: SlackCaller = { apiCall: () => new Promise((resolve) => (answer = resolve)) };
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack, workerId: "slow" });
    recordTs(outbox);
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: "hello" }, onSent: { type: "recordTs" } }),
    );
    const done = outbox.flush();
    await vi.waitFor(async () => expect((await db.prisma.outboxMessage.findFirstOrThrow()).inDoubtSince).not.toBeNull());
    await db.prisma.outboxMessage.updateMany({ data: { lockedBy: "other" } });
    answer({ ok: true, channel: "C1", ts: "1.000100" });
    await done;
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "pending", lockedBy: "other" });
    expect(await db.prisma.setting.count()).toBe(0);
  });

  it("with the app's gate (one limited slot), a call waiting for a reference is put back without waiting for a turn its own pass holds", async () => {
    const clock = new ManualClock("2026-11-01T00:00:00Z");
    const { slack, calls } = scriptedSlack();
    const gate = new WorkGate({ slots: 4, maxWaitMs: 1000, limitedSlots: 1 });
    const outbox = new Outbox({ database: db, clock, log: silentLogger, slack, gate });
    outbox.registerRef("notYet", async () => undefined);
    await db.prisma.$transaction((tx) =>
      outbox.enqueue(tx, [
        { orderKey: "a", method: "chat.postMessage", payload: { channel: "C1", text: { $ref: "notYet" } } },
        { orderKey: "b", method: "chat.postMessage", payload: { channel: "C1", text: "other" } },
      ]),
    );
    await outbox.flush();
    expect(calls.map((c) => c.args.text)).toEqual(["other"]);
    expect(await db.prisma.outboxMessage.findFirstOrThrow({ where: { orderKey: "a" } })).toMatchObject({ status: "pending", attempts: 1 });
    expect(gate.stats()).toMatchObject({ active: 0, waiting: 0 });
  });
});
