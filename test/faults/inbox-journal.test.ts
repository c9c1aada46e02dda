// The ack journal of the embedded database (src/platform/ackJournal.ts): with PGlite in a
// folder, an acknowledged press is appended to a file before its ack, so the ack does not
// wait for the database's one session; deliveries a process acknowledged but never wrote
// to the database before it died are taken up by the next process to open the folder.
// It runs on PGlite only: a PostgreSQL server has no journal (the record goes to the
// server before the ack).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { JOURNAL_FILE, readEntries } from "../../src/platform/ackJournal.js";
import { openDatabase, transact } from "../../src/platform/db.js";
import { press } from "../../src/platform/slack/handlers.js";
import { inboxMessages } from "../../src/platform/slack/inbox.js";
import { migratedPgliteFolder, onPostgres, type TestDatabase } from "../support/db.js";
import { type InboxRig, inboxRig, pressBody } from "./inbox-support.js";

const defs = [
  press("count", { value: z.string(), patient: true, anyone: true }, async (c) => {
    await transact(c.s.database.prisma, (tx) => tx.setting.create({ data: { key: `count:${c.value}:${crypto.randomUUID()}`, value: "1" } }));
    await c.tell(`counted ${c.value}`);
  }),
];

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

async function folder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-journal-"));
  cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  await migratedPgliteFolder(dir);
  return dir;
}

async function open(dir: string): Promise<TestDatabase> {
  const db = await openDatabase({ pgliteDir: dir });
  return Object.assign(db, { dispose: () => db.close() });
}

async function rigOn(dir: string): Promise<InboxRig> {
  const rig = await inboxRig(defs, { db: await open(dir) });
  cleanup.push(() => rig.close());
  return rig;
}

const counted = (rig: InboxRig, value: string) => rig.db.prisma.setting.count({ where: { key: { startsWith: `count:${value}:` } } });

describe.skipIf(onPostgres)("the ack journal of the embedded database", () => {
  it("acknowledges a press while a transaction holds the database's one session; the work follows once it is free", async () => {
    const rig = await rigOn(await folder());
    expect(rig.db.journal?.isOpen).toBe(true);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const transaction = rig.db.prisma.$transaction(async (tx) => {
      await tx.$queryRawUnsafe("SELECT 1");
      holding();
      await released;
    });
    await held;
    let acked!: () => void;
    const ack = new Promise<void>((r) => (acked = r));
    const body = pressBody(rig.fake, "count", "1.0001", "j1");
    const processed = rig.app.processEvent({ body, ack: async () => acked() } as never);
    const first = await Promise.race([ack.then(() => "acked"), new Promise((r) => setTimeout(() => r("waited"), 1000))]);
    release();
    await transaction;
    await processed;
    // the ack went back while the session was held: it waited for the journal's line only
    expect(first).toBe("acked");
    expect(await counted(rig, "j1")).toBe(1);
    // closed with the rows ending within the next few milliseconds (inbox.ts, CLOSE_GATHER_MS)
    await vi.waitFor(async () =>
      expect(await rig.db.prisma.slackDelivery.findFirstOrThrow({ where: { key: { contains: "1.0001" } } })).toMatchObject({
        outcome: "done",
        payload: null,
        leaseUntil: null,
      }),
    );
    await rig.fake.waitFor(() => rig.fake.ephemerals("U1").find((e) => e.text === "counted j1"));
  });

  it("takes up what a process that died acknowledged and journaled but never wrote: a press replayed once, an abandoned one left, a cut line skipped", async () => {
    const dir = await folder();
    // the process that died: three lines appended before their acks, none written to the database
    const dead = await open(dir);
    const at = new Date().toISOString();
    const bodyOf = (ts: string, value: string) => pressBody({ createResponseUrl: () => "http://127.0.0.1:1/unused" } as never, "count", ts, value);
    dead.journal!.append({
      key: "press:j2",
      kind: "press",
      userId: "U1",
      at,
      payload: { userId: "U1", replay: true, what: "count", body: bodyOf("2.0001", "j2") },
    });
    dead.journal!.append({
      key: "press:j3",
      kind: "press",
      userId: "U1",
      at,
      payload: { userId: "U1", replay: true, what: "count", body: bodyOf("2.0002", "j3") },
    });
    // its person was told that nothing was done (the database refused the statement)
    dead.journal!.abandon("press:j3");
    await dead.close();
    fs.appendFileSync(path.join(dir, JOURNAL_FILE), '{"e":{"key":"press:j4","kind":"pre');
    expect(readEntries(path.join(dir, JOURNAL_FILE)).map((e) => e.key)).toEqual(["press:j2"]);

    const rig = await rigOn(dir);
    expect(rig.db.journal!.leftOver().map((e) => e.key)).toEqual(["press:j2"]);
    expect(await rig.inbox.recover()).toBe(1);
    expect(await counted(rig, "j2")).toBe(1);
    expect(await counted(rig, "j3")).toBe(0);
    expect(await rig.db.prisma.slackDelivery.findUniqueOrThrow({ where: { key: "press:j2" } })).toMatchObject({ outcome: "done", attempts: 1 });
    expect(await rig.db.prisma.slackDelivery.count({ where: { key: { in: ["press:j3", "press:j4"] } } })).toBe(0);
    expect(rig.db.journal!.leftOver()).toHaveLength(0);
    // a second pass finds nothing more
    expect(await rig.inbox.recover()).toBe(0);
    expect(await counted(rig, "j2")).toBe(1);
  });

  it("a line whose delivery reached the database before the process died is not done again", async () => {
    const dir = await folder();
    const first = await rigOn(dir);
    const body = pressBody(first.fake, "count", "3.0001", "j5");
    await first.app.processEvent({ body, ack: async () => undefined } as never);
    expect(await counted(first, "j5")).toBe(1);
    const key = (await first.db.prisma.slackDelivery.findFirstOrThrow({ where: { key: { contains: "3.0001" } } })).key;
    // as if the process died before the file was emptied: the line is still there
    await first.close();
    cleanup.pop();
    fs.writeFileSync(
      path.join(dir, JOURNAL_FILE),
      `${JSON.stringify({ e: { key, kind: "press", userId: "U1", at: new Date().toISOString(), payload: { userId: "U1", replay: true, what: "count", body } } })}\n`,
    );
    const next = await rigOn(dir);
    expect(await next.inbox.recover()).toBe(0);
    expect(await counted(next, "j5")).toBe(1);
    expect(next.fake.ephemerals("U1").filter((e) => e.text === inboxMessages("ja").notDone)).toHaveLength(0);
  });
});
