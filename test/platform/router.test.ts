// One listener per kind, routing by id (src/platform/slack/router.ts): the handlers a
// feature registers with a string id are found and called as Bolt would call them.
import { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { routeById } from "../../src/platform/slack/router.js";

function appWithRouter() {
  const app = new App({ token: "xoxb-test", signingSecret: "s", tokenVerificationEnabled: false, botId: "B1", botUserId: "UB1" });
  routeById(app);
  return app;
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
const submit = (callback_id: string) => ({ type: "view_submission", team: { id: "T1" }, user: { id: "U1" }, view: { id: "V1", callback_id, state: { values: {} } } });

describe("routeById", () => {
  it("calls the handler of the pressed action and of the submitted view, with Bolt's arguments, and no other", async () => {
    const app = appWithRouter();
    const calls: string[] = [];
    app.action("approve", async ({ ack, action, body }) => {
      await ack();
      calls.push(`approve ${(action as { action_id: string }).action_id} by ${body.user.id}`);
    });
    app.action("reject", async ({ ack }) => {
      await ack();
      calls.push("reject");
    });
    app.view("form", async ({ ack, view }) => {
      await ack();
      calls.push(`form ${view.id}`);
    });
    expect(await deliver(app, press("approve"))).toEqual({ acked: true });
    expect(await deliver(app, submit("form"))).toEqual({ acked: true });
    // an id nobody registered is left unacknowledged, as Bolt leaves it
    expect(await deliver(app, press("unknown"))).toEqual({ acked: false });
    expect(calls).toEqual(["approve approve by U1", "form V1"]);
    // what each request is run through: one listener for the actions, one for the views
    expect((app as unknown as { listeners: unknown[] }).listeners).toHaveLength(2);
  });

  it("two handlers of one id both run; a regular expression still goes to Bolt", async () => {
    const app = appWithRouter();
    const calls: string[] = [];
    app.action("tick", async ({ ack }) => {
      await ack();
      calls.push("first");
    });
    app.action("tick", async () => void calls.push("second"));
    app.action(/^incident_/, async ({ ack }) => {
      await ack();
      calls.push("pattern");
    });
    await deliver(app, press("tick"));
    await deliver(app, press("incident_close"));
    expect(calls.sort()).toEqual(["first", "pattern", "second"]);
  });
});
