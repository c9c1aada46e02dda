// A burst of presses: every approval pressed at the same moment is recorded (none lost
// after the ack), each exactly once, and nobody is told to press again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { fileRequest, waitForDb } from "../support/flow.js";

const { employee, manager } = ORG.people;
const N = 30;
let h: Harness;

beforeAll(async () => {
  // pacing per channel is not what this tests: file quickly
  h = await startHarness({ fake: { postMessagePerChannel: false } });
});
afterAll(async () => h?.close());

describe("a burst of approvals", () => {
  it(`${N} presses at once: ${N} stage-1 decisions, one audit entry each`, async () => {
    const filed = [];
    for (let i = 0; i < N; i++) filed.push(await fileRequest(h, employee, "purpose"));
    const sent = await Promise.all(
      filed.map((f) => h.slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: f.parent.channel, ts: f.parent.ts } })),
    );
    expect(sent.every((r) => r.status === 200)).toBe(true);
    const db = h.bot.services.database.prisma;
    await waitForDb(
      () => db.request.count({ where: { status: "pending_chief" } }),
      (n) => n === N,
      60_000,
    );
    expect(await db.auditEntry.count({ where: { action: "request.approved_stage1" } })).toBe(N);
    expect(h.fake.ephemerals(manager).filter((e) => e.text.includes("もう一度押してください"))).toEqual([]);
  }, 120_000);
});
