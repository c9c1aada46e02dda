// Two replicas and a Slack slower than the outbox's lease: a request's parent message
// (with its buttons) is posted once, its thread hangs under it, and the stored ts is
// that message's. The worker sending it renews its lease while Slack takes its time,
// so the other replica never claims the row; and when Slack did post but the answer was
// lost, the other replica finds the message instead of posting a second one.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/platform/clock.js";
import { silentLogger } from "../../src/platform/log.js";
import type { Outbox } from "../../src/platform/outbox.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";
import { testDatabase, type TestDatabase } from "../support/db.js";
import { outboxWorker, recordedPost, tsKey } from "./outbox-support.js";

const CHANNEL = "C0APPROVALS";
const LEASE_MS = 800;
/** Slack's answer comes after three leases */
const SLOW_MS = 3 * LEASE_MS;

let db: TestDatabase;
let fake: FakeSlack;
let replicas: Outbox[] = [];

beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.dispose();
});
beforeEach(async () => {
  fake = new FakeSlack({ postMessagePerChannel: false });
  await fake.start();
  await db.prisma.outboxMessage.deleteMany({});
  await db.prisma.setting.deleteMany({});
});
afterEach(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  replicas = [];
  await fake.stop();
});

const buttons = {
  type: "actions",
  elements: [
    { type: "button", action_id: "request-approve", text: { type: "plain_text", text: "承認" }, value: "r1" },
    { type: "button", action_id: "request-reject", text: { type: "plain_text", text: "却下" }, value: "r1" },
  ],
};

/** A request's parent message with its buttons, then a post in its thread. */
async function fileRequest(write: Outbox) {
  await db.prisma.$transaction((tx) =>
    write.enqueue(tx, [
      recordedPost("request:r1", "parent", {
        channel: CHANNEL,
        text: "PRV-1 届出",
        blocks: [{ type: "section", text: { type: "mrkdwn", text: "PRV-1" } }, buttons],
      }),
      { orderKey: "request:r1", method: "chat.postMessage", payload: { channel: CHANNEL, thread_ts: { $ref: "postedTs", name: "parent" }, text: "submitted" } },
    ]),
  );
}

function startReplicas(n: number): Outbox[] {
  replicas = Array.from({ length: n }, (_, i) =>
    outboxWorker({ database: db, clock: systemClock, log: silentLogger, apiUrl: fake.apiUrl, leaseMs: LEASE_MS, pollMs: 20, workerId: `replica-${i}` }),
  );
  return replicas;
}

async function expectOneParentWithItsThread() {
  await vi.waitFor(async () => expect(await db.prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0), {
    timeout: 10_000,
    interval: 50,
  });
  const parents = fake.messages(CHANNEL);
  expect(parents.map((m) => m.text)).toEqual(["PRV-1 届出"]);
  // the buttons are live in one message only
  expect(parents.filter((m) => JSON.stringify(m.blocks).includes("request-approve"))).toHaveLength(1);
  const stored = (await db.prisma.setting.findUniqueOrThrow({ where: { key: tsKey("parent") } })).value;
  expect(stored).toBe(parents[0]!.ts);
  expect(fake.thread(CHANNEL, stored).map((m) => m.text)).toEqual(["submitted"]);
}

describe("a Slack slower than the lease, two replicas", () => {
  it("Slack takes three leases to post: the parent is posted once (the lease is renewed meanwhile)", async () => {
    // nothing is in the channel until Slack answers: a second replica looking for it would not find it
    fake.delayNext("chat.postMessage", SLOW_MS, 1, "when answered");
    const [a, b] = startReplicas(2);
    await fileRequest(a!);
    a!.start();
    await vi.waitFor(() => expect(fake.heldAnswers()).toBe(1), { timeout: 5000, interval: 10 });
    b!.start();
    await expectOneParentWithItsThread();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
    // the other replica never had to look: the row stayed claimed throughout
    expect(fake.callsTo("conversations.history")).toHaveLength(0);
  });

  it("Slack posts at once and never answers: the call times out, and the parent is found, not posted again", async () => {
    fake.delayNext("chat.postMessage", Number.POSITIVE_INFINITY, 1);
    replicas = [
      outboxWorker({
        database: db,
        clock: systemClock,
        log: silentLogger,
        apiUrl: fake.apiUrl,
        leaseMs: LEASE_MS,
        pollMs: 20,
        clientTimeoutMs: 300,
        callTimeoutMs: 400,
      }),
      outboxWorker({
        database: db,
        clock: systemClock,
        log: silentLogger,
        apiUrl: fake.apiUrl,
        leaseMs: LEASE_MS,
        pollMs: 20,
        clientTimeoutMs: 300,
        callTimeoutMs: 400,
      }),
    ];
    await fileRequest(replicas[0]!);
    // the retry after a timeout waits a second of back-off; either replica may take it
    for (const r of replicas) r.start();
    await expectOneParentWithItsThread();
    expect(fake.callsTo("chat.postMessage")).toHaveLength(2);
    expect(fake.callsTo("conversations.history").length).toBeGreaterThanOrEqual(1);
  });
});
