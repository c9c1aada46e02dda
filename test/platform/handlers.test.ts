// One listener per kind, dispatching by id (src/platform/slack/handlers.ts): the handlers
// declared for an action_id or a callback_id are found and called with Bolt's arguments.
import { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { Services } from "../../src/platform/services.js";
import { link, SlackHandlers, type HandlerDef } from "../../src/platform/slack/handlers.js";
import type { Inbox } from "../../src/platform/slack/inbox.js";

function appWith(...defs: HandlerDef[]) {
  const app = new App({ token: "xoxb-test", signingSecret: "s", tokenVerificationEnabled: false, botId: "B1", botUserId: "UB1" });
  const handlers = new SlackHandlers().add(defs);
  handlers.listen(app, {} as Services, { onReplay: () => undefined } as unknown as Inbox);
  return { app, handlers };
}

async function deliver(app: App, body: Record<string, unknown>): Promise<{ acked: boolean }> {
  const state = { acked: false };
  await app.processEvent({ body, ack: async () => void (state.acked = true) } as never);
  return state;
}

const press = (action_id: string) => ({
  type: "block_actions",
  team: { id: "T1" },
  user: { id: "U1" },
  actions: [{ type: "button", action_id, block_id: "b", action_ts: "1.1" }],
  container: { type: "message" },
  trigger_id: "t",
});
const submit = (callback_id: string) => ({
  type: "view_submission",
  team: { id: "T1" },
  user: { id: "U1" },
  view: { id: "V1", callback_id, state: { values: {} } },
});

describe("SlackHandlers", () => {
  it("calls the handler of the pressed action and of the submitted view, with Bolt's arguments, and no other", async () => {
    const calls: string[] = [];
    const { app } = appWith(
      {
        kind: "press",
        id: "approve",
        patient: true,
        run: async (_s, { ack, body }) => {
          await ack();
          calls.push(`approve ${body.actions[0]!.action_id} by ${body.user.id}`);
        },
      },
      {
        kind: "press",
        id: "reject",
        patient: false,
        run: async (_ctx, { ack }) => {
          await ack();
          calls.push("reject");
        },
      },
      {
        kind: "submit",
        id: "form",
        run: async (_s, { ack, view }) => {
          await ack();
          calls.push(`form ${view.id}`);
        },
      },
      link("open-link"),
    );
    expect(await deliver(app, press("approve"))).toEqual({ acked: true });
    expect(await deliver(app, submit("form"))).toEqual({ acked: true });
    expect(await deliver(app, press("open-link"))).toEqual({ acked: true });
    // an id nobody registered is left unacknowledged, as Bolt leaves it
    expect(await deliver(app, press("unknown"))).toEqual({ acked: false });
    expect(await deliver(app, submit("unknown"))).toEqual({ acked: false });
    expect(calls).toEqual(["approve approve by U1", "form V1"]);
    // what each request is run through: one listener for the actions, one for the views
    expect((app as unknown as { listeners: unknown[] }).listeners).toHaveLength(2);
  });

  it("knows the patient presses; two handlers for one id are refused", () => {
    const { handlers } = appWith({ kind: "press", id: "tick", patient: true, run: async () => undefined }, link("open"));
    expect(handlers.isPatient("tick")).toBe(true);
    expect(handlers.isPatient("open")).toBe(false);
    expect(handlers.isPatient("unknown")).toBe(false);
    expect(() => handlers.add([link("tick")])).toThrow(/two handlers/);
  });
});
