import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FakeSlack, SlackRequestSender, type StateValues, stateFromInputs } from "../../../../src/platform/slack/fake/index.js";

const signingSecret = "test-signing-secret";
const plain = (text: string) => ({ type: "plain_text" as const, text });
const option = (value: string) => ({ text: plain(value.toUpperCase()), value });

const requestModal = {
  type: "modal" as const,
  callback_id: "privacy_request",
  notify_on_close: true,
  title: plain("Privacy request"),
  submit: plain("Send"),
  blocks: [
    { type: "input", block_id: "title", label: plain("Title"), element: { type: "plain_text_input", action_id: "title" } },
    {
      type: "input",
      block_id: "kind",
      label: plain("Kind"),
      element: { type: "static_select", action_id: "kind", options: [option("access"), option("erasure")] },
    },
    { type: "input", block_id: "due", label: plain("Due"), element: { type: "datepicker", action_id: "due", initial_date: "2026-05-01" } },
  ],
};
const wizardModal = { type: "modal" as const, callback_id: "wizard", title: plain("Step 1"), submit: plain("Next"), blocks: [{ type: "divider" }] };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let fake: FakeSlack;
let app: App;
let sender: SlackRequestSender;
let submitted: StateValues[] = [];
let closed: string[] = [];

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  const port = await freePort();
  app = new App({
    signingSecret,
    token: "xoxb-test",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    port,
  });
  app.command("/privacy", async ({ ack, body, client }) => {
    await ack();
    await client.views.open({ trigger_id: body.trigger_id, view: body.text === "wizard" ? wizardModal : requestModal });
  });
  app.view("privacy_request", async ({ ack, view }) => {
    const values = view.state.values as StateValues;
    const title = values.title!.title!;
    if (title.type !== "plain_text_input" || !title.value) {
      await ack({ response_action: "errors", errors: { title: "Please give a title" } });
      return;
    }
    submitted.push(values);
    await ack();
  });
  app.view("wizard", async ({ ack }) => {
    await ack({ response_action: "update", view: { ...wizardModal, callback_id: "wizard_2", title: plain("Step 2") } });
  });
  app.view({ callback_id: "privacy_request", type: "view_closed" }, async ({ ack, view }) => {
    await ack();
    closed.push(view.id);
  });
  app.action("approve", async ({ ack, respond }) => {
    await ack();
    await respond({ replace_original: true, text: "Approved" });
  });
  app.event("app_home_opened", async ({ event, client }) => {
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: [{ type: "section", text: plain("Welcome") }] } });
  });
  await app.start();
  sender = new SlackRequestSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret, fake });
});

afterAll(async () => {
  await app?.stop();
  await fake?.stop();
});

beforeEach(() => {
  fake.reset();
  submitted = [];
  closed = [];
});

async function openRequestModal(userId: string): Promise<string> {
  expect((await sender.command(userId, "/privacy", "")).status).toBe(200);
  const [view] = await fake.waitFor(() => fake.openViews(userId).length > 0 && fake.openViews(userId));
  return view!.id;
}

describe("SlackRequestSender against a real Bolt app", () => {
  it("sends a signed slash command whose trigger_id opens a modal in the fake", async () => {
    const res = await sender.command("U1", "/privacy", "");
    expect(res.status).toBe(200);
    const [view] = await fake.waitFor(() => fake.openViews("U1").length > 0 && fake.openViews("U1"));
    expect(view!.view.callback_id).toBe("privacy_request");
    expect(fake.callsTo("views.open")[0]!.args.trigger_id).toBe(res.triggerId);
  });

  it("gets 401 for unsigned, wrongly signed and stale requests", async () => {
    expect((await sender.command("U1", "/privacy", "", { signature: "none" })).status).toBe(401);
    expect((await sender.command("U1", "/privacy", "", { signature: "wrong" })).status).toBe(401);
    expect((await sender.command("U1", "/privacy", "", { stale: true })).status).toBe(401);
    expect(fake.callsTo("views.open")).toEqual([]);
  });

  it("applies response_action errors, then closes the modal on a good submission", async () => {
    const viewId = await openRequestModal("U1");
    const bad = await sender.fillAndSubmit("U1", viewId, { kind: "access" });
    expect(bad.body).toEqual({ response_action: "errors", errors: { title: "Please give a title" } });
    expect(bad.problems).toEqual([]);
    expect(fake.viewErrors(viewId)).toEqual({ title: "Please give a title" });
    expect(fake.openViews("U1")).toHaveLength(1);

    const good = await sender.fillAndSubmit("U1", viewId, { title: "Delete my data", kind: "erasure" });
    expect(good.status).toBe(200);
    expect(fake.openViews("U1")).toEqual([]);
    expect(submitted).toEqual([
      {
        title: { title: { type: "plain_text_input", value: "Delete my data" } },
        kind: { kind: { type: "static_select", selected_option: option("erasure") } },
        due: { due: { type: "datepicker", selected_date: "2026-05-01" } },
      },
    ]);
  });

  it("applies response_action update to the stored view", async () => {
    await sender.command("U1", "/privacy", "wizard");
    const [view] = await fake.waitFor(() => fake.openViews("U1").length > 0 && fake.openViews("U1"));
    await sender.submitView("U1", view!.id, {});
    expect(fake.openViews("U1")).toEqual([expect.objectContaining({ id: view!.id, view: expect.objectContaining({ callback_id: "wizard_2" }) })]);
  });

  it("sends view_closed only for views that asked to be notified", async () => {
    const viewId = await openRequestModal("U1");
    const res = await sender.viewClosed("U1", viewId);
    expect(res?.status).toBe(200);
    expect(closed).toEqual([viewId]);
    expect(fake.openViews("U1")).toEqual([]);

    await sender.command("U1", "/privacy", "wizard");
    const [wizard] = await fake.waitFor(() => fake.openViews("U1").length > 0 && fake.openViews("U1"));
    expect(await sender.viewClosed("U1", wizard!.id)).toBeNull();
  });

  it("sends a block action from a stored message; respond() replaces it through the response_url", async () => {
    const posted = await app.client.chat.postMessage({
      channel: "C1",
      text: "Request R-1 waits for approval",
      blocks: [{ type: "actions", block_id: "decide", elements: [{ type: "button", action_id: "approve", value: "R-1", text: plain("Approve") }] }],
    });
    const res = await sender.blockAction("U2", { actionId: "approve", message: { channel: "C1", ts: posted.ts! } });
    expect(res.status).toBe(200);
    await fake.waitFor(() => fake.message("C1", posted.ts!)?.text === "Approved");
    expect(fake.callsTo("response_url")).toHaveLength(1);
  });

  it("refuses an action on a button the stored message does not have", async () => {
    const posted = await app.client.chat.postMessage({ channel: "C1", text: "plain" });
    await expect(sender.blockAction("U2", { actionId: "approve", message: { channel: "C1", ts: posted.ts! } })).rejects.toThrow(
      /no element with action_id approve/,
    );
  });

  it("sends app_home_opened as an event_callback; the app publishes Home", async () => {
    const res = await sender.event("app_home_opened", "U3");
    expect(res.status).toBe(200);
    const home = await fake.waitFor(() => fake.homeView("U3"));
    expect(home.view.blocks[0]).toMatchObject({ type: "section" });
  });

  it("answers the url_verification challenge", async () => {
    const res = await sender.urlVerification("challenge-123");
    expect(res).toMatchObject({ status: 200, body: { challenge: "challenge-123" } });
  });
});

describe("sign", () => {
  it("matches Slack's documented example", () => {
    const s = new SlackRequestSender({ appUrl: "http://unused", signingSecret: "8f742231b10e8888abcd99yyyzzz85a5" });
    const body =
      "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar" +
      "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com" +
      "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    expect(s.sign(body, 1531420618)).toBe("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503");
  });
});

describe("stateFromInputs", () => {
  const view = {
    blocks: [
      ...requestModal.blocks,
      {
        type: "input",
        block_id: "scope",
        label: plain("Scope"),
        element: { type: "checkboxes", action_id: "scope", options: [option("hr"), option("sales")] },
      },
      { type: "input", block_id: "owner", label: plain("Owner"), element: { type: "users_select", action_id: "owner" } },
    ],
  };

  it("builds Slack's state values, keeping initial values of inputs not given", () => {
    expect(stateFromInputs(view, { title: "T", kind: "access", scope: ["sales"], owner: "U9" })).toEqual({
      title: { title: { type: "plain_text_input", value: "T" } },
      kind: { kind: { type: "static_select", selected_option: option("access") } },
      due: { due: { type: "datepicker", selected_date: "2026-05-01" } },
      scope: { scope: { type: "checkboxes", selected_options: [option("sales")] } },
      owner: { owner: { type: "users_select", selected_user: "U9" } },
    });
  });

  it("throws on an unknown option or block", () => {
    expect(() => stateFromInputs(view, { kind: "nope" })).toThrow(/no option "nope"/);
    expect(() => stateFromInputs(view, { missing: "x" })).toThrow(/no input block "missing"/);
  });
});
