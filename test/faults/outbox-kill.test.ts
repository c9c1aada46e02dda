// kill -9 in the middle of sending: an outbox worker in a process of its own has every
// post in flight against a Slack that has carried them out but holds its answers, and
// is killed. After the restart every message is in Slack exactly once, and the stored
// ts of each is that message's (the restarted worker found them by their metadata
// instead of posting them again). Messages queued behind them go out once.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../src/platform/clock.js";
import { type Database, openDatabase } from "../../src/platform/db.js";
import { silentLogger } from "../../src/platform/log.js";
import type { OutgoingCall } from "../../src/platform/outbox.js";
import { FakeSlack, type FakeMessage } from "../../src/platform/slack/fake/index.js";
import { migratedPgliteFolder, onPostgres, testDatabase, type TestDatabase } from "../support/db.js";
import { outboxWorker, recordedPost, tsKey } from "./outbox-support.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const CHANNEL = "C0APPROVALS";
const REPLIES = 12;
const LEASE_MS = 1000;

let fake: FakeSlack;
let pg: TestDatabase | undefined;
let dir: string | undefined;
let child: ChildProcess | undefined;

beforeAll(async () => {
  fake = new FakeSlack({ postMessagePerChannel: false });
  await fake.start();
  if (onPostgres) pg = await testDatabase();
  else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-outbox-kill-"));
    await migratedPgliteFolder(path.join(dir, "pglite"));
  }
});
afterAll(async () => {
  child?.kill("SIGKILL");
  await fake?.stop();
  await pg?.dispose();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The database the child and the test share: PostgreSQL by URL, PGlite by folder (one process at a time). */
const where = () => pg?.url ?? path.join(dir!, "pglite");
async function open(): Promise<{ db: Database; close(): Promise<void> }> {
  if (pg) return { db: pg, close: async () => undefined };
  const db = await openDatabase({ pgliteDir: where() });
  return { db, close: () => db.close() };
}

const textOf = (m: FakeMessage) => m.text;

describe("kill -9 while posts are in flight", () => {
  it("after the restart each message is in Slack once, and its stored ts is that message", async () => {
    const parentTs = (await new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl }).chat.postMessage({ channel: CHANNEL, text: "parent" })).ts!;
    const calls: OutgoingCall[] = [];
    for (let i = 0; i < REPLIES; i++) calls.push(recordedPost(`r${i}`, `reply ${i}`, { channel: CHANNEL, thread_ts: parentTs, text: `reply ${i}` }));
    // a message in the channel and a DM (found with conversations.history, the DM's channel from conversations.open)
    calls.push(recordedPost("top", "top", { channel: CHANNEL, text: "top" }));
    calls.push(recordedPost("dm", "dm", { channel: "U0MANAGER", text: "dm" }));
    // queued behind two of them, never tried before the kill
    calls.push(recordedPost("r0", "after 0", { channel: CHANNEL, thread_ts: parentTs, text: "after 0" }));
    calls.push(recordedPost("r1", "after 1", { channel: CHANNEL, thread_ts: parentTs, text: "after 1" }));
    const seed = await open();
    const seeder = outboxWorker({ database: seed.db, clock: systemClock, log: silentLogger, apiUrl: fake.apiUrl });
    await seed.db.prisma.$transaction((tx) => seeder.enqueue(tx, calls));
    await seed.close();

    // Slack carries out every post and answers none of them
    fake.delay("chat.postMessage", Number.POSITIVE_INFINITY);
    // node itself with tsx's loader (the tsx command would run it in a grandchild that survives the kill)
    child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "test/faults/outbox-worker.ts"), fake.apiUrl, where(), String(LEASE_MS)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => {
      stderr += String(d);
    });
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    const inFlight = REPLIES + 2;
    await vi.waitFor(
      () => {
        expect(stderr).not.toMatch(/Error/);
        expect(fake.heldAnswers()).toBe(inFlight);
      },
      { timeout: 30_000, interval: 50 },
    );
    expect(fake.thread(CHANNEL, parentTs).map(textOf)).toHaveLength(REPLIES);
    child.kill("SIGKILL");
    await exited;
    child = undefined;
    const postsBefore = fake.callsTo("chat.postMessage").length;
    fake.delay("chat.postMessage", undefined);

    const restarted = await open();
    try {
      const rows = await restarted.db.prisma.outboxMessage.findMany({ where: { status: "pending" } });
      // the fault happened mid-send: the posts are recorded as started, without a result
      expect(rows.filter((r) => r.inDoubtSince !== null)).toHaveLength(inFlight);
      const outbox = outboxWorker({ database: restarted.db, clock: systemClock, log: silentLogger, apiUrl: fake.apiUrl, workerId: "restarted" });
      // the dead worker's leases run out within LEASE_MS
      await vi.waitFor(
        async () => {
          await outbox.flush();
          expect(await restarted.db.prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0);
        },
        { timeout: 15_000, interval: 100 },
      );
      const thread = fake.thread(CHANNEL, parentTs);
      const expected = [...Array.from({ length: REPLIES }, (_, i) => `reply ${i}`), "after 0", "after 1"];
      expect(thread.map(textOf).sort()).toEqual(expected.sort());
      expect(fake.messages(CHANNEL).map(textOf)).toEqual(["parent", "top"]);
      expect(fake.dms("U0MANAGER").map(textOf)).toEqual(["dm"]);
      // only the two never tried were posted after the restart; the others were looked up
      expect(fake.callsTo("chat.postMessage").length - postsBefore).toBe(2);
      expect(fake.callsTo("conversations.replies").length).toBeGreaterThanOrEqual(REPLIES);
      const settings = new Map((await restarted.db.prisma.setting.findMany()).map((s) => [s.key, s.value]));
      for (const m of [...thread, ...fake.messages(CHANNEL).filter((m) => m.text === "top"), ...fake.dms("U0MANAGER")])
        expect(settings.get(tsKey(m.text)), m.text).toBe(m.ts);
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
