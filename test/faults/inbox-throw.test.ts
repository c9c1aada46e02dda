// An exception thrown by a handler after its ack is caught by the registry, logged, and
// the person told where they acted; the press's row is closed (nothing left to replay).
// A modal whose handler throws before its ack shows the error in the modal.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { press, submit } from "../../src/platform/slack/handlers.js";
import { inboxMessages } from "../../src/platform/slack/inbox.js";
import { type InboxRig, inboxRig, pressBody } from "./inbox-support.js";

let rig: InboxRig;
beforeAll(async () => {
  rig = await inboxRig([
    press("boom", { value: z.string(), patient: true, anyone: true }, async () => {
      throw new Error("the handler broke");
    }),
    submit("boom-view", { block: "b", anyone: true }, async () => {
      throw new Error("the submission's handler broke");
    }),
  ]);
});
afterAll(async () => rig?.close());

describe("a handler that throws", () => {
  it("after the ack: the presser is told, the error logged, the press's row closed as failed", async () => {
    const res = await rig.deliver(pressBody(rig.fake, "boom", "2.0001"));
    expect(res.acked).toBe(true);
    const told = await rig.fake.waitFor(() => rig.fake.ephemerals("U1").find((e) => e.text === inboxMessages("ja").failed));
    expect(told).toBeDefined();
    expect(rig.errors).toContain("the work after an ack failed; the person is told");
    // closed with the rows ending within the next few milliseconds (inbox.ts, CLOSE_GATHER_MS)
    await vi.waitFor(async () =>
      expect(await rig.db.prisma.slackDelivery.findFirstOrThrow({ where: { key: { contains: ":2.0001:boom:" } } })).toMatchObject({
        kind: "press",
        outcome: "failed",
        payload: null,
        leaseUntil: null,
      }),
    );
    // nothing left for a recovery pass
    expect(await rig.replica().recover()).toBe(0);
  });

  it("in a modal's submission before its ack: the modal shows the error", async () => {
    const res = await rig.deliver({
      type: "view_submission",
      team: { id: "T1" },
      user: { id: "U1" },
      api_app_id: "A1",
      token: "t",
      view: { id: "V1", callback_id: "boom-view", private_metadata: "", state: { values: {} }, blocks: [] },
    });
    expect(res).toMatchObject({ acked: true, response: { response_action: "errors", errors: { b: inboxMessages("ja").failed } } });
    expect(rig.errors).toContain("a modal submission's handler failed; the person is told");
  });
});
