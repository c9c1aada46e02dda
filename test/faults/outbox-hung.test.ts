// A Slack method that hangs. Decisions still happen at once (the outbox takes the app's
// gate for its database work only, never across a call to Slack); the other order keys'
// messages still go out; the hung call times out and is sent again later, and the calls
// queued behind it in its own order key follow.
import { WebClient } from "@slack/web-api";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/platform/clock.js";
import { silentLogger } from "../../src/platform/log.js";
import type { Outbox } from "../../src/platform/outbox.js";
import { WorkGate } from "../../src/platform/slack/ackFirst.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";
import { RequestActions } from "../../src/requests/ids.js";
import { fileRequest, press, waitForDb } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { testDatabase, type TestDatabase } from "../support/db.js";
import { outboxWorker } from "./outbox-support.js";

const CHANNEL = "C0APPROVALS";

describe("the outbox with a hung chat.update", () => {
  let db: TestDatabase;
  let fake: FakeSlack;
  let outbox: Outbox | undefined;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(async () => {
    await db?.dispose();
  });
  beforeEach(async () => {
    fake = new FakeSlack({ postMessagePerChannel: false });
    await fake.start();
  });
  afterEach(async () => {
    await outbox?.stop();
    await fake.stop();
  });

  it("decisions take the gate at once, other keys' messages go out, the hung call is retried after its timeout", async () => {
    const ts = (await new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl }).chat.postMessage({ channel: CHANNEL, text: "v1" })).ts!;
    // the edit is not carried out and never answered
    fake.delayNext("chat.update", Number.POSITIVE_INFINITY, 1, "when answered");
    // the app's gate, as ackFirst builds it: decisions and the outbox's database work share one limited slot
    const gate = new WorkGate({ slots: 4, maxWaitMs: 1000, limitedSlots: 1 });
    outbox = outboxWorker({
      database: db,
      clock: systemClock,
      log: silentLogger,
      apiUrl: fake.apiUrl,
      gate,
      pollMs: 50,
      clientTimeoutMs: 1500,
      callTimeoutMs: 2000,
    });
    await db.prisma.$transaction((tx) =>
      outbox!.enqueue(tx, [
        { orderKey: "request:1", method: "chat.update", payload: { channel: CHANNEL, ts, text: "v2" } },
        { orderKey: "request:1", method: "chat.postMessage", payload: { channel: CHANNEL, thread_ts: ts, text: "after the edit" } },
        { orderKey: "request:2", method: "chat.postMessage", payload: { channel: CHANNEL, text: "another request" } },
        { orderKey: "dm:U0CHIEF", method: "chat.postMessage", payload: { channel: "U0CHIEF", text: "please decide" } },
      ]),
    );
    outbox.start();
    await vi.waitFor(() => expect(fake.heldAnswers()).toBe(1), { timeout: 5000, interval: 10 });

    // ten decisions while the call hangs: each gets the limited slot and commits at once
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const release = await gate.enter({ limited: true, waitMs: Number.POSITIVE_INFINITY });
      try {
        await db.prisma.setting.create({ data: { key: `decision:${i}`, value: "approved" } });
      } finally {
        release();
      }
      waits.push(performance.now() - t0);
    }
    // all before the hung call's timeout: the edit has not been made
    expect(fake.message(CHANNEL, ts)?.text).toBe("v1");
    expect(await db.prisma.setting.count({ where: { key: { startsWith: "decision:" } } })).toBe(10);
    expect(Math.max(...waits)).toBeLessThan(500);

    // the other keys' messages went out; the edit's own key waits behind it
    await vi.waitFor(
      () => {
        expect(fake.messages(CHANNEL).map((m) => m.text)).toEqual(["v1", "another request"]);
        expect(fake.dms("U0CHIEF").map((m) => m.text)).toEqual(["please decide"]);
      },
      { timeout: 5000, interval: 20 },
    );
    expect(fake.thread(CHANNEL, ts)).toEqual([]);

    // the hung call timed out and is sent again after its back-off; the post behind it follows
    await vi.waitFor(
      () => {
        expect(fake.message(CHANNEL, ts)?.text).toBe("v2");
        expect(fake.thread(CHANNEL, ts).map((m) => m.text)).toEqual(["after the edit"]);
      },
      { timeout: 8000, interval: 50 },
    );
    const edit = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "chat.update" } });
    expect(edit).toMatchObject({ status: "sent", attempts: 2, inDoubtSince: null });
    expect(fake.callsTo("chat.update")).toHaveLength(1); // the hung one was never carried out
    expect(fake.callsTo("chat.postMessage")).toHaveLength(4);
  });
});

describe("the bot with a hung chat.update", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("approvals on other requests are decided at once and their messages edited; the hung request's thread waits", async () => {
    const P = ORG.people;
    const a = await fileRequest(h, P.employee, "purpose");
    const b = await fileRequest(h, P.employee, "purpose");
    const db = h.bot.services.database.prisma;
    await waitForDb(
      () => h.bot.services.outbox.pendingCount(),
      (n) => n === 0,
    );
    // the next edit is carried out, and never answered
    h.fake.delayNext("chat.update", Number.POSITIVE_INFINITY, 1);
    await press(h, P.manager, a.parent, RequestActions.approve);
    await h.fake.waitFor(() => h.fake.heldAnswers() === 1);
    const t0 = performance.now();
    await press(h, P.manager, b.parent, RequestActions.approve);
    await waitForDb(
      () => db.request.findUniqueOrThrow({ where: { id: b.id } }),
      (r) => r.status === "pending_chief",
      3000,
    );
    const decidedMs = performance.now() - t0;
    // b's messages go out: its parent is edited, its thread says it was approved
    await h.fake.waitFor(() => h.fake.thread(b.parent.channel, b.parent.ts).length > 1, 5000);
    expect(h.fake.heldAnswers()).toBe(1);
    const aThread = h.fake.thread(a.parent.channel, a.parent.ts).length;
    expect((await db.request.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("pending_chief");
    // Slack answers at last: a's thread goes on
    h.fake.releaseHeld();
    await h.fake.waitFor(() => h.fake.thread(a.parent.channel, a.parent.ts).length > aThread, 5000);
    expect(decidedMs).toBeLessThan(3000);
    console.info(`decision with a hung chat.update: ${Math.round(decidedMs)} ms`);
  });
});
