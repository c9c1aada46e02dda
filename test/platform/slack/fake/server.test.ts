import { ErrorCode, WebClient, type WebAPIPlatformError, type WebAPIRateLimitedError } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../../../src/platform/clock.js";
import { FakeSlack, type FakeSlackChange, type FakeSlackOptions } from "../../../../src/platform/slack/fake/index.js";

const modal = { type: "modal", title: { type: "plain_text", text: "Request" }, blocks: [{ type: "divider" }] };

let fake: FakeSlack;
let clock: ManualClock;

async function startFake(opts: FakeSlackOptions = {}): Promise<FakeSlack> {
  await fake?.stop();
  clock = new ManualClock("2026-04-01T00:00:00Z");
  fake = new FakeSlack({ clock, ...opts });
  await fake.start();
  return fake;
}

/**
 * One Web API call over HTTP; JSON body by default, form-encoded like the Web API client on
 * request. The answer is loosely typed (`any`) because assertions read ad hoc fields of it.
 */
async function api(method: string, args: Record<string, unknown> = {}, o: { token?: string | null; form?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (o.token !== null) headers.Authorization = `Bearer ${o.token ?? "xoxb-test"}`;
  let body: string;
  if (o.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    const fields = Object.entries(args).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]);
    body = new URLSearchParams(fields).toString();
  } else {
    headers["Content-Type"] = "application/json; charset=utf-8";
    body = JSON.stringify(args);
  }
  const res = await fetch(`${fake.apiUrl}${method}`, { method: "POST", headers, body });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: (await res.json()) as Record<string, any> };
}

beforeEach(async () => {
  await startFake();
});
afterEach(async () => {
  await fake.stop();
});

describe("auth, scopes and methods", () => {
  it("answers auth.test with the bot's identity", async () => {
    const { body } = await api("auth.test");
    expect(body).toMatchObject({ ok: true, user_id: fake.botUserId, bot_id: fake.botId, team_id: fake.teamId });
  });

  it("refuses a missing or malformed token", async () => {
    expect((await api("auth.test", {}, { token: null })).body).toEqual({ ok: false, error: "not_authed" });
    expect((await api("auth.test", {}, { token: "nope" })).body).toEqual({ ok: false, error: "invalid_auth" });
  });

  it("answers unknown_method", async () => {
    expect((await api("chat.postMessagee", { channel: "C1", text: "x" })).body).toEqual({ ok: false, error: "unknown_method" });
  });

  it("checks each method's scope when scopes are given", async () => {
    await startFake({ scopes: ["chat:write"] });
    expect((await api("chat.postMessage", { channel: "C1", text: "hi" })).body.ok).toBe(true);
    expect((await api("users.info", { user: "U1" })).body).toEqual({ ok: false, error: "missing_scope", needed: "users:read", provided: "chat:write" });
    expect((await api("conversations.open", { users: "U1" })).body).toMatchObject({ error: "missing_scope", needed: "im:write" });
    expect((await api("auth.test")).body.ok).toBe(true);
  });

  it("returns the locale from users.info only when asked", async () => {
    await startFake({ users: [{ id: "U1", name: "hanako", locale: "ja-JP" }] });
    expect((await api("users.info", { user: "U1" })).body.user.locale).toBeUndefined();
    const { body } = await api("users.info", { user: "U1", include_locale: "true" }, { form: true });
    expect(body.user).toMatchObject({ id: "U1", name: "hanako", locale: "ja-JP" });
    expect((await api("users.info", { user: "U9" })).body.error).toBe("user_not_found");
    expect((await api("chat.postMessage", { channel: "U9", text: "x" })).body.error).toBe("channel_not_found");
    expect((await api("chat.postMessage", { channel: "U1", text: "x" })).body.channel).toBe(fake.dmChannelOf("U1"));
  });

  it("records calls without the token", async () => {
    await api("chat.postMessage", { channel: "C1", text: "hi", token: "xoxb-in-body" }, { token: null });
    expect(fake.callsTo("chat.postMessage")).toEqual([
      expect.objectContaining({ args: { channel: "C1", text: "hi" }, status: 200, response: expect.objectContaining({ ok: true }) }),
    ]);
  });
});

describe("messages", () => {
  it("parses form-encoded blocks and rejects messages without text or blocks", async () => {
    const blocks = [{ type: "section", block_id: "s", text: { type: "mrkdwn", text: "*hi*" } }];
    const { body } = await api("chat.postMessage", { channel: "C1", text: "hi", blocks }, { form: true });
    expect(fake.message("C1", body.ts)?.blocks).toEqual(blocks);
    expect((await api("chat.postMessage", { channel: "C1" })).body).toEqual({ ok: false, error: "no_text" });
    expect((await api("chat.postMessage", { channel: "C1", blocks: "[not json" }, { form: true })).body.error).toBe("invalid_blocks_format");
  });

  it("answers invalid_blocks with the problems", async () => {
    const { body } = await api("chat.postMessage", {
      channel: "C1",
      text: "x",
      blocks: [{ type: "header", text: { type: "plain_text", text: "h".repeat(151) } }],
    });
    expect(body).toEqual({ ok: false, error: "invalid_blocks", errors: ["blocks[0].text.text: at most 150 characters (got 151)"] });
    expect(fake.messages("C1")).toEqual([]);
  });

  it("gives strictly increasing Slack-style ts from the clock", async () => {
    const a = (await api("chat.postMessage", { channel: "C1", text: "a" })).body.ts;
    const b = (await api("chat.postMessage", { channel: "C1", text: "b" })).body.ts;
    expect(a).toBe(`${Date.parse("2026-04-01T00:00:00Z") / 1000}.000000`);
    expect(b).toBe(`${Date.parse("2026-04-01T00:00:00Z") / 1000}.000100`);
  });

  it("posts to a user id into the bot's DM, the same channel conversations.open returns", async () => {
    const posted = (await api("chat.postMessage", { channel: "U123", text: "hello" })).body;
    const opened = (await api("conversations.open", { users: "U123" })).body;
    expect(posted.channel).toBe(fake.dmChannelOf("U123"));
    expect(opened.channel.id).toBe(posted.channel);
    expect(fake.dms("U123").map((m) => m.text)).toEqual(["hello"]);
  });

  it("keeps thread replies out of the channel and counts them on the parent", async () => {
    const parent = (await api("chat.postMessage", { channel: "C1", text: "parent" })).body.ts;
    const r1 = (await api("chat.postMessage", { channel: "C1", text: "r1", thread_ts: parent })).body.ts;
    await api("chat.postMessage", { channel: "C1", text: "r2", thread_ts: r1 }); // a reply's ts means its thread
    expect(fake.messages("C1").map((m) => m.text)).toEqual(["parent"]);
    expect(fake.thread("C1", parent).map((m) => m.text)).toEqual(["r1", "r2"]);
    expect(fake.message("C1", parent)).toMatchObject({ reply_count: 2, thread_ts: parent });
  });

  it("updates a message in place and answers message_not_found for an unknown ts", async () => {
    const ts = (await api("chat.postMessage", { channel: "C1", text: "pending" })).body.ts;
    const { body } = await api("chat.update", { channel: "C1", ts, text: "approved" });
    expect(body).toMatchObject({ ok: true, ts, text: "approved" });
    expect(fake.messages("C1")).toEqual([expect.objectContaining({ ts, text: "approved", edited: expect.any(Object) })]);
    expect((await api("chat.update", { channel: "C1", ts: "1.000001", text: "x" })).body.error).toBe("message_not_found");
  });

  it("stores ephemerals per user", async () => {
    const { body } = await api("chat.postEphemeral", { channel: "C1", user: "U1", text: "only you" });
    expect(body.message_ts).toEqual(expect.any(String));
    expect(fake.ephemerals("U1")).toEqual([expect.objectContaining({ channel: "C1", user: "U1", text: "only you" })]);
    expect(fake.ephemerals("U2")).toEqual([]);
  });

  it("knows only the listed channels when a list is given", async () => {
    expect((await api("chat.postMessage", { channel: "#general", text: "x" })).body.error).toBe("channel_not_found");
    await startFake({ channels: ["C1"] });
    expect((await api("chat.postMessage", { channel: "C1", text: "x" })).body.ok).toBe(true);
    expect((await api("chat.postMessage", { channel: "C2", text: "x" })).body.error).toBe("channel_not_found");
    expect((await api("chat.postMessage", { channel: "U5", text: "x" })).body.ok).toBe(true);
  });

  it("emits a change for each new message", async () => {
    const changes: FakeSlackChange[] = [];
    fake.on("change", (c) => changes.push(c));
    const ts = (await api("chat.postMessage", { channel: "C1", text: "x" })).body.ts;
    expect(changes).toEqual([{ kind: "message", channel: "C1", ts }]);
  });
});

describe("rate limits and faults", () => {
  it("answers 429 with Retry-After after a burst on one channel while another works", async () => {
    for (let i = 0; i < 5; i++) expect((await api("chat.postMessage", { channel: "C1", text: `${i}` })).status).toBe(200);
    const limited = await api("chat.postMessage", { channel: "C1", text: "6th" });
    expect(limited).toEqual({ status: 429, retryAfter: "1", body: { ok: false, error: "ratelimited" } });
    expect((await api("chat.postMessage", { channel: "C2", text: "other" })).status).toBe(200);
    clock.advance(1000);
    expect((await api("chat.postMessage", { channel: "C1", text: "later" })).status).toBe(200);
    expect((await api("chat.postMessage", { channel: "C1", text: "too soon" })).status).toBe(429);
    expect(fake.messages("C1")).toHaveLength(6);
  });

  it("fails the next calls as told, then recovers", async () => {
    fake.failNext("chat.postMessage", { error: "channel_not_found" }, 2);
    fake.failNext("chat.update", { status: 500 });
    fake.failNext("views.publish", { retryAfter: 7 });
    expect((await api("chat.postMessage", { channel: "C1", text: "x" })).body.error).toBe("channel_not_found");
    expect((await api("chat.postMessage", { channel: "C1", text: "x" })).body.error).toBe("channel_not_found");
    expect((await api("chat.postMessage", { channel: "C1", text: "x" })).body.ok).toBe(true);
    expect((await api("chat.update", { channel: "C1", ts: "1", text: "x" })).status).toBe(500);
    expect(await api("views.publish", {})).toMatchObject({ status: 429, retryAfter: "7" });
  });

  it("answers 503 to everything while down", async () => {
    fake.down(true);
    expect((await api("auth.test")).status).toBe(503);
    fake.down(false);
    expect((await api("auth.test")).status).toBe(200);
  });

  it("reset clears state", async () => {
    await api("chat.postMessage", { channel: "C1", text: "x" });
    fake.reset();
    expect(fake.messages("C1")).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});

describe("views", () => {
  it("trigger_id works once, within 3 seconds of the clock", async () => {
    const t1 = fake.issueTriggerId("U1");
    clock.advance(2999);
    expect((await api("views.open", { trigger_id: t1, view: modal })).body.ok).toBe(true);
    expect((await api("views.open", { trigger_id: t1, view: modal })).body).toEqual({ ok: false, error: "expired_trigger_id" });
    const t2 = fake.issueTriggerId("U1");
    clock.advance(3000);
    expect((await api("views.open", { trigger_id: t2, view: modal })).body.error).toBe("expired_trigger_id");
    expect((await api("views.open", { trigger_id: "123.456.abc", view: modal })).body.error).toBe("invalid_trigger_id");
    expect(fake.openViews("U1")).toHaveLength(1);
  });

  it("opens, pushes (3 at most), updates with hash checks", async () => {
    const opened = (await api("views.open", { trigger_id: fake.issueTriggerId("U1"), view: modal }, { form: true })).body.view;
    expect(opened).toMatchObject({ type: "modal", root_view_id: opened.id, previous_view_id: null, state: { values: {} } });
    const pushed = (await api("views.push", { trigger_id: fake.issueTriggerId("U1"), view: modal })).body.view;
    expect(pushed).toMatchObject({ root_view_id: opened.id, previous_view_id: opened.id });
    await api("views.push", { trigger_id: fake.issueTriggerId("U1"), view: modal });
    expect((await api("views.push", { trigger_id: fake.issueTriggerId("U1"), view: modal })).body.error).toBe("push_limit_reached");
    expect(fake.openViews("U1").map((v) => v.id)[0]).toBe(opened.id);

    const updated = { ...modal, title: { type: "plain_text", text: "Updated" } };
    const res = (await api("views.update", { view_id: opened.id, hash: opened.hash, view: updated })).body;
    expect(res.view.title.text).toBe("Updated");
    expect((await api("views.update", { view_id: opened.id, hash: opened.hash, view: modal })).body.error).toBe("hash_conflict");
    expect((await api("views.update", { view_id: "V404", view: modal })).body.error).toBe("not_found");
  });

  it("refuses invalid views with Slack's invalid_arguments", async () => {
    const bad = { ...modal, title: { type: "plain_text", text: "x".repeat(25) } };
    const { body } = await api("views.open", { trigger_id: fake.issueTriggerId("U1"), view: bad });
    expect(body).toMatchObject({ ok: false, error: "invalid_arguments", errors: ["view.title.text: at most 24 characters (got 25)"] });
  });

  it("publishes one Home tab per user, keeping its id", async () => {
    const home = { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "v1" } }] };
    const first = (await api("views.publish", { user_id: "U1", view: home })).body.view;
    const second = (await api("views.publish", { user_id: "U1", view: { ...home, blocks: [{ type: "divider" }] } })).body.view;
    expect(second.id).toBe(first.id);
    expect(fake.homeView("U1")?.view.blocks).toEqual([expect.objectContaining({ type: "divider" })]);
    expect((await api("views.publish", { user_id: "U1", view: modal })).body.error).toBe("invalid_arguments");
  });
});

describe("response_url", () => {
  const post = (url: string, body: unknown) => fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("stores an ephemeral by default and posts in_channel when asked", async () => {
    const url = fake.createResponseUrl({ channel: "C1", user: "U1" });
    expect((await post(url, { text: "only you" })).status).toBe(200);
    expect((await post(url, { text: "everyone", response_type: "in_channel" })).status).toBe(200);
    expect(fake.ephemerals("U1").map((e) => e.text)).toEqual(["only you"]);
    expect(fake.messages("C1").map((m) => m.text)).toEqual(["everyone"]);
    expect(fake.callsTo("response_url")).toHaveLength(2);
  });

  it("replaces or deletes the original message", async () => {
    const ts = (await api("chat.postMessage", { channel: "C1", text: "pending" })).body.ts;
    const url = fake.createResponseUrl({ channel: "C1", user: "U1", messageTs: ts });
    await post(url, { replace_original: true, text: "done" });
    expect(fake.message("C1", ts)?.text).toBe("done");
    await post(url, { delete_original: true });
    expect(fake.message("C1", ts)).toBeUndefined();
  });

  it("expires after 30 minutes", async () => {
    const url = fake.createResponseUrl({ channel: "C1", user: "U1" });
    clock.advance(31 * 60_000);
    expect((await post(url, { text: "late" })).status).toBe(404);
  });
});

describe("with @slack/web-api's WebClient", () => {
  const client = () => new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });

  it("gets typed answers", async () => {
    const res = await client().chat.postMessage({ channel: "C1", text: "hi", blocks: [{ type: "divider" }] });
    expect(res.ok).toBe(true);
    expect(fake.message("C1", res.ts!)?.blocks).toEqual([expect.objectContaining({ type: "divider" })]);
  });

  it("throws platform errors", async () => {
    await startFake({ channels: ["C1"] });
    const err = (await client()
      .chat.postMessage({ channel: "C404", text: "x" })
      .catch((e: unknown) => e)) as WebAPIPlatformError;
    expect(err.code).toBe(ErrorCode.PlatformError);
    expect(err.data.error).toBe("channel_not_found");
  });

  it("throws rate-limited errors with retryAfter", async () => {
    fake.failNext("chat.postMessage", { retryAfter: 3 });
    const err = (await client()
      .chat.postMessage({ channel: "C1", text: "x" })
      .catch((e: unknown) => e)) as WebAPIRateLimitedError;
    expect(err.code).toBe(ErrorCode.RateLimitedError);
    expect(err.retryAfter).toBe(3);
  });

  it("uploads files with filesUploadV2 and posts them to the channel", async () => {
    await client().filesUploadV2({ channel_id: "C1", filename: "report.csv", file: Buffer.from("a,b\n1,2\n"), initial_comment: "report" });
    const [file] = fake.files();
    expect(file!.bytes?.toString()).toBe("a,b\n1,2\n");
    expect(fake.messages("C1")).toEqual([expect.objectContaining({ text: "report", files: [expect.objectContaining({ id: file!.id, name: "report.csv" })] })]);
  });
});

describe("message metadata, history and replies", () => {
  const client = () => new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const tag = (row: number) => ({ event_type: "mamori_outbox", event_payload: { row } });

  it("keeps the metadata a post carries and returns it only with include_all_metadata", async () => {
    // the Web API client sends metadata form-encoded, as a JSON string
    const posted = await client().chat.postMessage({ channel: "C1", text: "tagged", metadata: tag(7) });
    await client().chat.postMessage({ channel: "C1", text: "plain" });
    expect(posted.message?.metadata).toEqual(tag(7));
    const plain = await client().conversations.history({ channel: "C1" });
    expect(plain.messages?.map((m) => [m.text, m.metadata])).toEqual([
      ["plain", undefined],
      ["tagged", undefined],
    ]);
    const withMeta = await client().conversations.history({ channel: "C1", include_all_metadata: true });
    expect(withMeta.messages?.map((m) => [m.text, m.metadata?.event_payload])).toEqual([
      ["plain", undefined],
      ["tagged", { row: 7 }],
    ]);
  });

  it("refuses malformed metadata like Slack", async () => {
    expect((await api("chat.postMessage", { channel: "C1", text: "x", metadata: { event_type: "has space", event_payload: {} } })).body.error).toBe(
      "invalid_metadata_schema",
    );
    expect((await api("chat.postMessage", { channel: "C1", text: "x", metadata: "not json" }, { form: true })).body.error).toBe("invalid_metadata_format");
    expect(fake.messages("C1")).toEqual([]);
  });

  it("pages history newest first between oldest and latest, with a cursor", async () => {
    const ts: string[] = [];
    for (let i = 0; i < 5; i++) {
      ts.push((await api("chat.postMessage", { channel: "C1", text: `m${i}` })).body.ts);
      clock.advance(1000);
    }
    const first = (await api("conversations.history", { channel: "C1", oldest: ts[0], limit: 2 })).body;
    expect(first.messages.map((m: { text: string }) => m.text)).toEqual(["m4", "m3"]);
    expect(first.has_more).toBe(true);
    const second = (await api("conversations.history", { channel: "C1", oldest: ts[0], limit: 2, cursor: first.response_metadata.next_cursor })).body;
    expect(second.messages.map((m: { text: string }) => m.text)).toEqual(["m2", "m1"]);
    expect(second.response_metadata.next_cursor).toBe("");
    const inclusive = (await api("conversations.history", { channel: "C1", oldest: ts[1], latest: ts[3], inclusive: true })).body;
    expect(inclusive.messages.map((m: { text: string }) => m.text)).toEqual(["m3", "m2", "m1"]);
  });

  it("answers conversations.replies with the parent first, then the replies, metadata on request", async () => {
    const parent = (await api("chat.postMessage", { channel: "C1", text: "parent" })).body.ts;
    const r1 = (await api("chat.postMessage", { channel: "C1", text: "r1", thread_ts: parent, metadata: tag(1) })).body.ts;
    await api("chat.postMessage", { channel: "C1", text: "r2", thread_ts: parent, metadata: tag(2) });
    const all = (await api("conversations.replies", { channel: "C1", ts: r1, include_all_metadata: true })).body;
    expect(all.messages.map((m: { text: string; metadata?: { event_payload: unknown } }) => [m.text, m.metadata?.event_payload])).toEqual([
      ["parent", undefined],
      ["r1", { row: 1 }],
      ["r2", { row: 2 }],
    ]);
    const later = (await api("conversations.replies", { channel: "C1", ts: parent, oldest: r1 })).body;
    expect(later.messages.map((m: { text: string; metadata?: unknown }) => [m.text, m.metadata])).toEqual([
      ["parent", undefined],
      ["r2", undefined],
    ]);
    expect((await api("conversations.replies", { channel: "C1", ts: "1.000000" })).body.error).toBe("thread_not_found");
  });

  it("reading history needs the scope of the kind of conversation", async () => {
    await startFake({ scopes: ["chat:write", "channels:history"] });
    await api("chat.postMessage", { channel: "G1", text: "private" });
    await api("chat.postMessage", { channel: "U1", text: "dm" });
    expect((await api("conversations.history", { channel: "C1" })).body.ok).toBe(true);
    expect((await api("conversations.history", { channel: "G1" })).body).toMatchObject({ ok: false, error: "missing_scope", needed: "groups:history" });
    expect((await api("conversations.replies", { channel: fake.dmChannelOf("U1"), ts: "1.0" })).body).toMatchObject({
      ok: false,
      error: "missing_scope",
      needed: "im:history",
    });
  });
});

describe("answering late or never", () => {
  it("does the work at once and holds the answer for the time given", async () => {
    fake.delayNext("chat.postMessage", 300);
    const started = Date.now();
    const answer = api("chat.postMessage", { channel: "C1", text: "slow" });
    await fake.waitFor(() => fake.messages("C1").length === 1);
    expect(fake.heldAnswers()).toBe(1);
    expect((await answer).body.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    // the next call is on time again
    const quick = Date.now();
    await api("chat.postMessage", { channel: "C1", text: "quick" });
    expect(Date.now() - quick).toBeLessThan(250);
  });

  it("can also be slow to do the work: nothing happens until the answer", async () => {
    fake.delayNext("chat.postMessage", 300, 1, "when answered");
    const answer = api("chat.postMessage", { channel: "C1", text: "late" });
    await fake.waitFor(() => fake.heldAnswers() === 1);
    expect(fake.messages("C1")).toEqual([]);
    expect(fake.calls).toEqual([]);
    const { body } = await answer;
    expect(fake.messages("C1").map((m) => m.ts)).toEqual([body.ts]);
  });

  it("never answers a hung method until released; a caller that gives up has still posted", async () => {
    fake.delay("chat.update", Number.POSITIVE_INFINITY);
    const client = new WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, timeout: 200 });
    const ts = (await client.chat.postMessage({ channel: "C1", text: "v1" })).ts!;
    const err = (await client.chat.update({ channel: "C1", ts, text: "v2" }).catch((e: unknown) => e)) as { code?: string };
    expect(err.code).toBe(ErrorCode.RequestError);
    expect(fake.message("C1", ts)?.text).toBe("v2");
    await fake.waitFor(() => fake.heldAnswers() === 0, 2000); // the caller hung up
    const pending = api("chat.update", { channel: "C1", ts, text: "v3" });
    await fake.waitFor(() => fake.heldAnswers() === 1);
    fake.releaseHeld();
    expect((await pending).body.ok).toBe(true);
    fake.delay("chat.update", undefined);
    expect((await api("chat.update", { channel: "C1", ts, text: "v4" })).body.ok).toBe(true);
  });
});
