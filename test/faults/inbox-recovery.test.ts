// The inbox's recovery pass (src/platform/slack/inbox.ts) on rows a stopped process left
// open: a patient press is replayed and decided once even with two replicas recovering
// at once; work that had committed is closed, not redone; a command or a press that
// opens a modal is not redone and its person is told through the stored response_url;
// a live run and a replay of the same press (a lease taken over) decide once.
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { transact } from "../../src/platform/db.js";
import { recordDelivery } from "../../src/platform/slack/actor.js";
import { press } from "../../src/platform/slack/handlers.js";
import { type InboxPayload, inboxMessages } from "../../src/platform/slack/inbox.js";
import { type InboxRig, inboxRig, pressBody } from "./inbox-support.js";

let rig: InboxRig;
/** the first run of "count" waits for this before deciding (the live run overtaken by a replay) */
let hold: Promise<void> | undefined;
let runs = 0;

beforeAll(async () => {
  rig = await inboxRig([
    press("count", { value: z.string(), patient: true, anyone: true }, async (c) => {
      runs++;
      if (hold && runs === 1) await hold;
      await transact(c.s.database.prisma, (tx) => tx.setting.create({ data: { key: `count:${c.value}:${crypto.randomUUID()}`, value: "1" } }));
      await c.tell(`counted ${c.value}`);
    }),
    press("open-modal", { value: z.string(), anyone: true }, async () => undefined),
  ]);
});
afterAll(async () => rig?.close());

const counted = (value: string) => rig.db.prisma.setting.count({ where: { key: { startsWith: `count:${value}:` } } });
const row = (key: string) => rig.db.prisma.slackDelivery.findUniqueOrThrow({ where: { key } });
const past = () => new Date(Date.now() - 1000);

/** A row as a process that acknowledged it and then died leaves it: open, its lease over. */
async function leftOpen(key: string, kind: "press" | "command", payload: InboxPayload): Promise<void> {
  const r = await recordDelivery(rig.s, { key, userId: "U1", kind, payload, owner: "a-dead-process", leaseUntil: past() });
  expect(r.first).toBe(true);
}

describe("the recovery pass", () => {
  it("replays a patient press once, though two replicas recover at the same moment; the presser hears its answer", async () => {
    const body = pressBody(rig.fake, "count", "1.0001", "p1");
    await leftOpen("press:p1", "press", { userId: "U1", responseUrl: body.response_url as string, replay: true, what: "count", body });
    const [a, b] = [rig.replica(), rig.replica()];
    const n = await Promise.all([a.recover(), b.recover()]);
    expect(n[0]! + n[1]!).toBe(1);
    expect(await counted("p1")).toBe(1);
    expect(await row("press:p1")).toMatchObject({ outcome: "done", attempts: 1, payload: null, leaseUntil: null });
    await rig.fake.waitFor(() => rig.fake.ephemerals("U1").find((e) => e.text === "counted p1"));
    expect(rig.fake.ephemerals("U1").filter((e) => e.text === "counted p1")).toHaveLength(1);
  });

  it("closes a press whose work had committed before its process stopped, without running it again or telling anyone", async () => {
    const body = pressBody(rig.fake, "count", "1.0002", "p2");
    await leftOpen("press:p2", "press", { userId: "U1", responseUrl: body.response_url as string, replay: true, what: "count", body });
    await rig.db.prisma.slackDelivery.update({ where: { key: "press:p2" }, data: { decidedAt: new Date() } });
    const before = rig.fake.ephemerals("U1").length;
    await rig.replica().recover();
    expect(await counted("p2")).toBe(0);
    expect(await row("press:p2")).toMatchObject({ outcome: "decided", payload: null, leaseUntil: null });
    expect(rig.fake.ephemerals("U1")).toHaveLength(before);
  });

  it("does not redo a command or a press that opens a modal: the person is told at the stored response_url", async () => {
    const command = {
      command: "/privacy",
      text: "request",
      user_id: "U1",
      trigger_id: "9.9.9",
      response_url: rig.fake.createResponseUrl({ channel: "C1", user: "U1" }),
    };
    await leftOpen("command:9.9.9", "command", { userId: "U1", responseUrl: command.response_url, replay: false, what: "/privacy request", body: command });
    const body = pressBody(rig.fake, "open-modal", "1.0003");
    await leftOpen("press:modal", "press", { userId: "U1", responseUrl: body.response_url as string, replay: false, what: "open-modal", body });
    await rig.replica().recover();
    const told = rig.fake.ephemerals("U1").filter((e) => e.text === inboxMessages("ja").notDone);
    expect(told).toHaveLength(2);
    expect(await row("command:9.9.9")).toMatchObject({ outcome: "told", payload: null, leaseUntil: null });
    expect(await row("press:modal")).toMatchObject({ outcome: "told", payload: null, leaseUntil: null });
  });

  it("a live run overtaken by a replay (its lease taken over) decides once; the loser is closed quietly", async () => {
    let release!: () => void;
    hold = new Promise((r) => {
      release = r;
    });
    runs = 0;
    const body = pressBody(rig.fake, "count", "1.0004", "p4");
    const live = rig.deliver(body);
    await rig.fake.waitFor(() => runs === 1);
    // the live process stalls past its lease; another replica takes the row over and decides
    const key = (await rig.db.prisma.slackDelivery.findFirstOrThrow({ where: { key: { contains: ":1.0004:" } } })).key;
    await rig.db.prisma.slackDelivery.update({ where: { key }, data: { leaseUntil: past() } });
    expect(await rig.replica().recover()).toBe(1);
    expect(await counted("p4")).toBe(1);
    release();
    expect(await live).toMatchObject({ acked: true });
    expect(await counted("p4")).toBe(1);
    expect(rig.errors).toEqual([]);
    expect(rig.fake.ephemerals("U1").filter((e) => e.text === inboxMessages("ja").failed)).toEqual([]);
    hold = undefined;
  });
});
