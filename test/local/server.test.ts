// The local Slack's server without a browser: what the page asks for and sends, the
// signed requests the bot receives as a result, and its state surviving a restart.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WebClient, type WebAPICallError } from "@slack/web-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startLocal, type LocalRun } from "../../src/local/run.js";
import type { PersonaState, PostAnswer, Workspace } from "../../src/local/protocol.js";
import { silentLogger } from "../../src/platform/log.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { freePort } from "../support/harness.js";
import { testDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";

const YAMADA = "U0YAMADA"; // 営業部 担当者 in the demo organisation
const TANAKA = "U0TANAKA"; // 営業部, no role
const SUZUKI = "U0SUZUKI"; // 営業部 個人情報管理者
const APPROVALS = "C0APPROVALS";

let dir: string;
let db: Awaited<ReturnType<typeof testDatabase>>;
let port: number;
let run: LocalRun;

async function start(): Promise<LocalRun> {
  for (let attempt = 1; ; attempt++) {
    const config = loadConfig({ PORT: String(port), PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" });
    expect(config.mode).toBe("local");
    try {
      return await startLocal(config, { log: silentLogger, database: db, outboxPollMs: 50 });
    } catch (e) {
      // the free port was taken by another test file meanwhile: another one
      if ((e as { code?: string }).code !== "EADDRINUSE" || attempt >= 5) throw e;
      port = await freePort();
    }
  }
}

const base = () => `http://127.0.0.1:${port}`;
async function get<T>(p: string): Promise<T> {
  const r = await fetch(base() + p);
  expect(r.status).toBe(200);
  return (await r.json()) as T;
}
async function post(p: string, body: unknown): Promise<PostAnswer> {
  const r = await fetch(base() + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await r.json()) as PostAnswer;
}
const state = (as: string, channel?: string, thread?: string) =>
  get<PersonaState>(`/local/api/state?as=${as}${channel ? `&channel=${channel}` : ""}${thread ? `&thread=${thread}` : ""}`);

async function until<T>(read: () => Promise<T>, ok: (t: T) => boolean, ms = 15_000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await read();
      if (!ok(v)) throw new Error(`timed out; last ${JSON.stringify(v).slice(0, 500)}`);
      return v;
    },
    { timeout: ms, interval: 30 },
  );
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-local-"));
  db = await testDatabase();
  port = await freePort();
  run = await start();
});
afterAll(async () => {
  await run?.stop();
  await db?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the local Slack", () => {
  it("serves the page and describes the demo workspace from the directory", async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/local/app.js");
    const ws = await get<Workspace>("/local/api/workspace");
    expect(ws.personas.find((p) => p.id === YAMADA)).toMatchObject({ name: "山田 太郎", department: "営業部", roles: ["個人情報取扱担当者"] });
    expect(ws.personas.find((p) => p.id === "U0SATO")?.roles).toEqual(["個人情報管理責任者"]);
    expect(ws.personas.length).toBeGreaterThanOrEqual(10);
    expect(ws.channels.map((c) => c.name)).toEqual(expect.arrayContaining(["general", "privacy-approvals", "privacy-approvals-dev", "privacy-incidents"]));
    expect(ws.commands).toEqual([expect.objectContaining({ command: "/privacy", usageHint: expect.stringContaining("request") })]);
  });

  it("answers /healthz and /readyz on PORT, like the other modes (the bot's own answers)", async () => {
    const health = await fetch(`${base()}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const ready = await fetch(`${base()}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
  });

  it("answers /metrics on PORT too, in Prometheus's text format", async () => {
    const res = await fetch(`${base()}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain("# TYPE mamori_slack_ack_seconds histogram");
    expect(text).toMatch(/^mamori_outbox_pending_messages \d+$/m);
  });

  it("refuses a command Slack does not know, where the person typed it", async () => {
    const a = await post("/local/api/command", { as: YAMADA, channel: "C0GENERAL", text: "/nosuch thing" });
    expect(a).toMatchObject({ ok: false, error: expect.stringContaining("/nosuch") });
    const bad = await fetch(`${base()}/local/api/command`, { method: "POST", body: "{}" });
    expect(bad.status).toBe(400);
  });

  it("files a request: the modal, a field error, the posted request, a refused press and an approval", async () => {
    expect(await post("/local/api/command", { as: YAMADA, channel: "C0GENERAL", text: "/privacy request provide" })).toEqual({ ok: true });
    const withModal = await until(
      () => state(YAMADA),
      (s) => s.modals.some((v) => v.view.callback_id === RequestViews.form),
    );
    const view = withModal.modals.at(-1)!;
    // nobody else sees Yamada's modal
    expect((await state(TANAKA)).modals).toEqual([]);

    const invalid = await post("/local/api/submit", { as: YAMADA, viewId: view.id, inputs: { ...VALID_INPUTS.provide, recipientName: "" } });
    expect(invalid.ok).toBe(true);
    expect(Object.keys(invalid.errors ?? {})).toContain("recipientName");

    const done = await post("/local/api/submit", { as: YAMADA, viewId: view.id, inputs: VALID_INPUTS.provide });
    expect(done).toEqual({ ok: true });
    const posted = await until(
      () => state(YAMADA, APPROVALS),
      (s) => s.messages.some((m) => /PRV-\d{4}-\d{4}/.test(m.text)),
    );
    expect(posted.modals).toEqual([]);
    const parent = posted.messages.find((m) => /PRV-\d{4}-\d{4}/.test(m.text))!;
    const code = /PRV-\d{4}-\d{4}/.exec(parent.text)![0];
    // the requester's DM links to the thread in the local Slack
    const dm = await until(
      () => state(YAMADA),
      (s) => s.messages.some((m) => m.text.includes(code)),
    );
    const link = /http:\/\/localhost:\d+\/archives\/[A-Z0-9]+\/p\d+/.exec(JSON.stringify(dm.messages))?.[0];
    expect(link).toBeDefined();
    const followed = await fetch(link!.replace("localhost", "127.0.0.1"), { redirect: "manual" });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("location")).toBe(`/?channel=${APPROVALS}&thread=${parent.ts}`);

    // Tanaka is not a manager: the press is refused and only Tanaka is told
    expect(await post("/local/api/action", { as: TANAKA, actionId: RequestActions.approve, message: { channel: APPROVALS, ts: parent.ts } })).toEqual({
      ok: true,
    });
    const refused = await until(
      () => state(TANAKA, APPROVALS),
      (s) => s.ephemerals.length > 0,
    );
    expect(refused.ephemerals[0]!.text).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect((await state(SUZUKI, APPROVALS)).ephemerals).toEqual([]);

    await post("/local/api/action", { as: SUZUKI, actionId: RequestActions.approve, message: { channel: APPROVALS, ts: parent.ts } });
    await until(
      () => state(SUZUKI, APPROVALS),
      (s) => JSON.stringify(s.messages.find((m) => m.ts === parent.ts)?.blocks).includes("第2段階"),
    );
    // the bot's thread reply goes out after the parent is edited: wait for it before replying
    const thread = await until(
      () => state(SUZUKI, APPROVALS, parent.ts),
      (s) => (s.thread?.replies ?? []).some((r) => r.text.includes("第1段階を承認")),
    );
    expect(thread.thread!.replies.at(-1)!.user).not.toBe(SUZUKI);

    // a person's reply in the thread
    expect(await post("/local/api/message", { as: SUZUKI, channel: APPROVALS, text: "確認しました", threadTs: parent.ts })).toEqual({ ok: true });
    const replies = (await state(YAMADA, APPROVALS, parent.ts)).thread!.replies;
    expect(replies.at(-1)).toMatchObject({ user: SUZUKI, text: "確認しました" });
  });

  it("opens the App Home tab with the persona's requests", async () => {
    expect(await post("/local/api/home", { as: YAMADA })).toEqual({ ok: true });
    const s = await until(
      () => state(YAMADA),
      (x) => x.home !== null,
    );
    expect(JSON.stringify(s.home!.view.blocks)).toMatch(/PRV-\d{4}-\d{4}/);
  });

  it("keeps messages and threads across a restart", async () => {
    // everything the bot had to say has been said before the restart is compared
    await until(
      () => run.bot.services.database.prisma.outboxMessage.count({ where: { status: "pending" } }),
      (n) => n === 0,
    );
    const before = await state(YAMADA, APPROVALS);
    expect(before.messages.length).toBeGreaterThan(0);
    await run.stop();
    run = await start();
    const after = await state(YAMADA, APPROVALS);
    expect(after.messages.map((m) => [m.ts, m.text, m.reply_count])).toEqual(before.messages.map((m) => [m.ts, m.text, m.reply_count]));
    // and the bot still acts on the restored messages
    const parent = after.messages.find((m) => /PRV-/.test(m.text))!;
    await post("/local/api/action", { as: TANAKA, actionId: RequestActions.approve, message: { channel: APPROVALS, ts: parent.ts } });
    await until(
      () => state(TANAKA, APPROVALS),
      (s) => s.ephemerals.length > 1,
    );
  });
});

describe("the local Slack enforces Slack's rules, so what works here does not fail in Slack for them", () => {
  const client = () => new WebClient("xoxb-local", { slackApiUrl: run.fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const error = async (p: Promise<unknown>) =>
    (
      (await p.then(
        () => undefined,
        (e: WebAPICallError) => e,
      )) as WebAPICallError & { data?: { error?: string } }
    )?.data?.error;

  it("grants only the manifest's scopes and knows only Slack's methods", async () => {
    expect(await error(client().reactions.add({ channel: "C0GENERAL", timestamp: "1.0", name: "eyes" }))).toBe("missing_scope");
    expect(await error(client().apiCall("chat.nosuch", {}))).toBe("unknown_method");
  });

  it("refuses Block Kit over its limits and paces chat.postMessage per channel", async () => {
    const tooMany = Array.from({ length: 51 }, () => ({ type: "divider" }));
    expect(await error(client().chat.postMessage({ channel: "C0GENERAL", text: "x", blocks: tooMany }))).toBe("invalid_blocks");
    const c = client();
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        c.chat.postMessage({ channel: "C0RATE", text: "x" }).then(
          () => "ok",
          (e: Error & { retryAfter?: number }) => e.retryAfter,
        ),
      ),
    );
    expect(results.filter((r) => r === "ok").length).toBeLessThan(8);
    expect(results.find((r) => typeof r === "number")).toBeGreaterThanOrEqual(1);
  });

  it("lets a trigger_id open one modal within 3 seconds only", async () => {
    const view = { type: "modal" as const, title: { type: "plain_text" as const, text: "t" }, blocks: [{ type: "divider" }] };
    const fresh = run.fake.issueTriggerId(YAMADA);
    await client().views.open({ trigger_id: fresh, view });
    expect(await error(client().views.open({ trigger_id: fresh, view }))).toBe("expired_trigger_id");
    const old = run.fake.issueTriggerId(YAMADA);
    await new Promise((r) => setTimeout(r, 3_050));
    expect(await error(client().views.open({ trigger_id: old, view }))).toBe("expired_trigger_id");
  });
});
