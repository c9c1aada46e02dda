// What reaches POST /slack/events signed with the signing secret but is not what Slack
// sends: null, malformed and unknown bodies, a body too large, timestamps from the future,
// a listener that throws. Each is answered at once (a 4xx, or 200 for a well-formed type
// the bot does not handle), logged, changes nothing, and the same bot answers the next
// valid command. Before the guard (platform/slack/entry.ts) a signed `null` killed the
// process: here it would be an unhandled rejection, which fails the run.
import { HTTPModuleFunctions } from "@slack/bolt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/platform/log.js";
import { privacy } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

// the harness's bot logs to silentLogger: its lines are read from here
const warn = vi.spyOn(silentLogger, "warn");
const info = vi.spyOn(silentLogger, "info");
const error = vi.spyOn(silentLogger, "error");
const logged = (spy: typeof warn) => spy.mock.calls.map(([msg, data]) => ({ msg, ...(data ?? {}) }) as Record<string, unknown>);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
  vi.restoreAllMocks();
});

/** Posts `body` signed as Slack signs it (`ahead`: seconds the timestamp is in the future); how long the answer took. */
async function post(body: string, contentType: string, ahead = 0) {
  const ts = Math.floor(Date.now() / 1000) + ahead;
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${h.port}/slack/events`, {
    method: "POST",
    headers: { "Content-Type": contentType, "X-Slack-Request-Timestamp": String(ts), "X-Slack-Signature": h.slack.sign(body, ts) },
    body,
  });
  await res.arrayBuffer();
  return { status: res.status, ms: Date.now() - started };
}

const payload = (p: unknown) => `payload=${encodeURIComponent(typeof p === "string" ? p : JSON.stringify(p))}`;
const user = { id: P.employee, username: "yamada", team_id: "T0FAKE" };

/** What a refused request must not change: rows the bot writes and calls it makes. */
async function held() {
  const db = h.bot.services.database.prisma;
  return {
    deliveries: await db.slackDelivery.count(),
    audit: await db.auditEntry.count(),
    outbox: await db.outboxMessage.count(),
    requests: await db.request.count(),
    slackCalls: h.fake.calls.length,
  };
}

/** The bot still answers: `/privacy help` gets its ephemeral. */
async function stillAnswers() {
  expect((await privacy(h, P.employee, "help")).shown).toContain("/privacy");
}

describe("signed bodies that are not what Slack sends", () => {
  const cases: [string, 400 | 200, string, string][] = [
    ["JSON null", 400, "null", JSON_TYPE],
    ["a JSON array", 400, "[]", JSON_TYPE],
    ["a JSON number", 400, "42", JSON_TYPE],
    ["a JSON string", 400, '"event_callback"', JSON_TYPE],
    ["JSON that does not parse", 400, '{"type":', JSON_TYPE],
    ["a JSON object without a type", 400, '{"event":{}}', JSON_TYPE],
    ["an event_callback whose event is null", 400, JSON.stringify({ type: "event_callback", event: null }), JSON_TYPE],
    ["payload=null", 400, "payload=null", FORM],
    ["payload= that does not parse", 400, "payload=%7Bnope", FORM],
    ["payload=[]", 400, payload([]), FORM],
    ["payload=7", 400, "payload=7", FORM],
    ["two payloads", 400, `${payload({ type: "block_actions" })}&${payload({ type: "block_actions" })}`, FORM],
    ["an empty form", 400, "", FORM],
    ["a slash command without a user", 400, "command=%2Fprivacy&text=help&trigger_id=1.2.3&response_url=http%3A%2F%2Fx", FORM],
    ["block_actions without actions", 400, payload({ type: "block_actions", user }), FORM],
    ["block_actions with an action without an id", 400, payload({ type: "block_actions", user, actions: [{}] }), FORM],
    [
      "block_actions with NUL in a button's value",
      400,
      payload({ type: "block_actions", user, actions: [{ action_id: "request-approve", value: "x\u0000" }] }),
      FORM,
    ],
    ["view_submission without state", 400, payload({ type: "view_submission", user, view: { id: "V1", callback_id: "request-form" } }), FORM],
    [
      "view_submission with NUL in its metadata",
      400,
      payload({ type: "view_submission", user, view: { id: "V1", callback_id: "x", private_metadata: "\u0000", state: { values: {} } } }),
      FORM,
    ],
    ["a shortcut without a callback_id", 400, payload({ type: "shortcut", user, trigger_id: "1.2.3" }), FORM],
    ["a body that is not JSON nor a form", 400, "hello", "text/plain"],
    ["an interaction type the bot does not handle", 200, payload({ type: "workflow_step_edit", user }), FORM],
    ["an Events API type the bot does not handle", 200, JSON.stringify({ type: "app_rate_limited", minute_rate_limited: 1 }), JSON_TYPE],
  ];

  it.each(cases)("%s: answered %i at once, logged, nothing changes, and the bot answers the next command", async (_name, status, body, contentType) => {
    const before = await held();
    warn.mockClear();
    info.mockClear();
    const r = await post(body, contentType);
    expect(r.status).toBe(status);
    // at once: not Bolt's 404 after 3 s for a request nobody acknowledged
    expect(r.ms).toBeLessThan(1000);
    const line = status === 400 ? logged(warn).find((l) => l.status === 400) : logged(info).find((l) => String(l.msg).includes("does not handle"));
    expect(line?.why).toEqual(expect.any(String));
    expect(await held()).toEqual(before);
    await stillAnswers();
  });

  it("a body that may go on is parsed once, here: Bolt's receiver does not parse it again, and the command is answered", async () => {
    const boltParse = vi.spyOn(HTTPModuleFunctions, "parseHTTPRequestBody");
    try {
      await stillAnswers();
      expect(boltParse).not.toHaveBeenCalled();
    } finally {
      boltParse.mockRestore();
    }
  });

  it("a body over the limit (5 MB) is answered 413, and the bot answers the next command", async () => {
    const body = JSON.stringify({ type: "event_callback", event: { type: "app_home_opened", pad: "x".repeat(5 * 1024 * 1024) } });
    const before = await held();
    warn.mockClear();
    expect((await post(body, JSON_TYPE)).status).toBe(413);
    expect(logged(warn).find((l) => l.status === 413)).toBeDefined();
    expect(await held()).toEqual(before);
    await stillAnswers();
  });
});

describe("timestamps", () => {
  it.each([
    ["5 minutes and 10 seconds", 5 * 60 + 10],
    ["2 hours", 2 * 3600],
    ["3 years", 3 * 365 * 86400],
  ])("a request signed %s in the future is refused (401) like a stale one, logged, and does nothing", async (_name, ahead) => {
    const before = await held();
    const ephemerals = h.fake.ephemerals(P.employee).length;
    warn.mockClear();
    const r = await h.slack.command(P.employee, "/privacy", "help", { timestamp: Math.floor(Date.now() / 1000) + ahead });
    expect(r.status).toBe(401);
    // the second may turn between signing and checking: the bot's figure is `ahead` or one less
    const line = logged(warn).find((l) => l.status === 401);
    expect([`the timestamp is ${ahead} s in the future`, `the timestamp is ${ahead - 1} s in the future`]).toContain(line?.why);
    await stillAnswers();
    // only the help that followed: the refused command answered nothing and recorded nothing
    expect(h.fake.ephemerals(P.employee).length).toBe(ephemerals + 1);
    expect((await held()).deliveries).toBe(before.deliveries + 1);
  });

  it("a clock up to 5 minutes ahead of the bot's is still Slack (4 minutes: answered)", async () => {
    const before = h.fake.ephemerals(P.employee).length;
    const r = await h.slack.command(P.employee, "/privacy", "help", { timestamp: Math.floor(Date.now() / 1000) + 4 * 60 });
    expect(r.status).toBe(200);
    await h.fake.waitFor(() => h.fake.ephemerals(P.employee)[before]);
  });
});

describe("a listener that throws", () => {
  beforeAll(() => {
    // listeners of the running bot that fail, as a bug in a handler would
    h.bot.app.command("/entry-throws", async () => {
      throw new Error("injected: thrown before the ack");
    });
    h.bot.app.command("/entry-throws-later", async ({ ack }) => {
      await ack();
      await new Promise((r) => setTimeout(r, 10));
      throw new Error("injected: thrown after the ack");
    });
  });

  it.each([
    ["before its ack", "/entry-throws", "injected: thrown before the ack"],
    ["after its ack", "/entry-throws-later", "injected: thrown after the ack"],
  ])("%s: Bolt's error handler logs it, and the same bot answers the next command", async (_name, command, text) => {
    error.mockClear();
    const r = await h.slack.command(P.employee, command, "");
    // the one that never acknowledged gets Bolt's answer to a request nobody acknowledged (404 after 3 s)
    expect(r.status).toBe(command === "/entry-throws" ? 404 : 200);
    await vi.waitFor(() =>
      expect(logged(error)).toContainEqual(expect.objectContaining({ msg: "unhandled error in a listener", error: expect.stringContaining(text) })),
    );
    await stillAnswers();
  });
});
