// The registry and the inbox on a test database, with a Bolt app whose response_urls
// and Web API calls go to a fake Slack: for the inbox's recovery and exception tests,
// which declare their own presses.
import { App } from "@slack/bolt";
import type { Logger } from "../../src/platform/log.js";
import type { Services } from "../../src/platform/services.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";
import { type HandlerDef, SlackHandlers } from "../../src/platform/slack/handlers.js";
import { Inbox } from "../../src/platform/slack/inbox.js";
import { type TestDatabase, testDatabase } from "../support/db.js";

export interface InboxRig {
  db: TestDatabase;
  fake: FakeSlack;
  app: App;
  s: Services;
  inbox: Inbox;
  /** what was logged at error level */
  errors: string[];
  /** a new replica: another Inbox (its own owner) on the same database and registry */
  replica(): Inbox;
  /** delivers a body as Bolt's receiver would; resolves with whether it was acknowledged and what with */
  deliver(body: Record<string, unknown>): Promise<{ acked: boolean; response?: unknown }>;
  close(): Promise<void>;
}

export async function inboxRig(defs: HandlerDef[], o: { leaseMs?: number; db?: TestDatabase } = {}): Promise<InboxRig> {
  const fake = new FakeSlack({ users: [{ id: "U1", locale: "ja-JP" }] });
  await fake.start();
  const db = o.db ?? (await testDatabase());
  const errors: string[] = [];
  const log: Logger = { debug() {}, info() {}, warn() {}, error: (m) => void errors.push(m) };
  const s = { database: db, clock: { now: () => new Date() }, log, timeZone: "Asia/Tokyo" } as unknown as Services;
  const app = new App({
    token: "xoxb-test",
    signingSecret: "s",
    tokenVerificationEnabled: false,
    botId: "B1",
    botUserId: "UB1",
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });
  const handlers = new SlackHandlers().add(defs);
  const inbox = new Inbox({ database: db, clock: s.clock, log, leaseMs: o.leaseMs ?? 60_000 });
  handlers.listen(app, s, inbox);
  const replica = () => {
    const r = new Inbox({ database: db, clock: s.clock, log, leaseMs: o.leaseMs ?? 60_000 });
    handlers.replayOn(r, app.client, s);
    return r;
  };
  return {
    db,
    fake,
    app,
    s,
    inbox,
    errors,
    replica,
    async deliver(body) {
      const state: { acked: boolean; response?: unknown } = { acked: false };
      await app.processEvent({
        body,
        ack: async (response?: unknown) => {
          state.acked = true;
          state.response = response;
        },
      } as never);
      return state;
    },
    async close() {
      await inbox.stop();
      await db.dispose();
      await fake.stop();
    },
  };
}

/** A block_actions payload as Slack sends it for a button in a message, with its response_url on the fake. */
export function pressBody(fake: FakeSlack, actionId: string, actionTs: string, value = "v"): Record<string, unknown> {
  return {
    type: "block_actions",
    team: { id: "T1" },
    user: { id: "U1", name: "u1" },
    api_app_id: "A1",
    token: "t",
    trigger_id: "1.2.3",
    container: { type: "message", message_ts: "100.1", channel_id: "C1" },
    channel: { id: "C1", name: "general" },
    message: { ts: "100.1", text: "a message", blocks: [{ type: "section", text: { type: "mrkdwn", text: "big" } }] },
    response_url: fake.createResponseUrl({ channel: "C1", user: "U1", messageTs: "100.1" }),
    actions: [{ type: "button", action_id: actionId, block_id: "b", action_ts: actionTs, value }],
  };
}
