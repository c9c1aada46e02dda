// kill -9 in the middle of a burst of approvals: the bot runs in a child process, the
// fake Slack in this one. Every press was acknowledged (HTTP 200) before the kill; the
// restarted bot finds the presses whose work the dead process had not finished (their
// lease ended) and decides them. Afterwards each request was decided exactly once
// (history and audit chain), nobody was told to press again, and no Slack message was
// posted twice. Slack's Web API answers 503 from the burst until the restart, so the
// dead process cannot have left a message half-sent: re-sending those is the outbox's
// matter, not this test's.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { inboxMessages } from "../../src/platform/slack/inbox.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { migratedPgliteFolder, postgresDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";
import { freePort, manifestScopes, SIGNING_SECRET } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

const N = 20;
const { employee, manager } = ORG.people;
const APPROVALS = ORG.channels.approvals;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-inbox-kill-"));
const cleanup: (() => Promise<unknown>)[] = [];
let fake: FakeSlack;
let env: Record<string, string>;

/** The bot in a child process; `ask` queries its database (PGlite holds one process at a time). */
class BotProcess {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  private constructor(readonly child: ChildProcess) {
    child.on("message", (m: { id?: number; rows?: unknown[]; error?: string }) => {
      const w = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.rows ?? []);
    });
  }

  static async start(): Promise<BotProcess> {
    const child = fork(path.join(import.meta.dirname, "inbox-bot.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, ...env },
      stdio: "inherit",
    });
    const bot = new BotProcess(child);
    await new Promise<void>((resolve, reject) => {
      child.once("exit", (code) => reject(new Error(`the bot exited with ${code} before it was ready`)));
      child.on("message", (m: { ready?: boolean }) => m.ready && resolve());
    });
    child.removeAllListeners("exit");
    return bot;
  }

  ask<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      this.child.send({ id, query, params });
    });
  }

  flush(): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, flush: true });
    });
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.kill(signal);
    await exited;
  }
}

beforeAll(async () => {
  const users = Object.values(ORG.people).map((id) => ({ id, locale: "ja-JP" }));
  fake = new FakeSlack({ scopes: manifestScopes(), users, postMessagePerChannel: false });
  await fake.start();
  cleanup.push(() => fake.stop());
  const orgFile = path.join(dir, "org.yml");
  fs.writeFileSync(orgFile, ORG_YAML);
  env = { SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()), ORG_FILE: orgFile };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const db = await postgresDatabase(serverUrl);
    cleanup.push(() => db.drop());
    env.DATABASE_URL = db.url;
  } else {
    env.PGLITE_DIR = path.join(dir, "pglite");
    await migratedPgliteFolder(env.PGLITE_DIR);
  }
});
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("kill -9 during a burst of approvals", () => {
  it(`${N} acknowledged presses: each decided exactly once after the restart, nobody told to press again, no message twice`, async () => {
    let bot = await BotProcess.start();
    cleanup.push(() => bot.kill("SIGKILL"));
    const slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${env.PORT}/slack/events`, signingSecret: SIGNING_SECRET, fake });

    // N requests filed through their modals, each posted with its stage-1 buttons
    for (let i = 0; i < N; i++) {
      const before = new Set(fake.openViews(employee).map((v) => v.id));
      expect((await slack.command(employee, "/privacy", "request purpose")).status).toBe(200);
      const view = await fake.waitFor(() => fake.openViews(employee).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.form));
      expect((await slack.fillAndSubmit(employee, view.id, VALID_INPUTS.purpose)).status).toBe(200);
    }
    const withButtons = () => fake.messages(APPROVALS).filter((m) => JSON.stringify(m.blocks).includes(RequestActions.approve));
    const parents = await fake.waitFor(() => withButtons().length === N && withButtons());
    await bot.flush();

    // Slack goes down; the burst; every press acknowledged; kill -9
    fake.down(true);
    const sent = await Promise.all(
      parents.map((p) => slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: p.channel, ts: p.ts } })),
    );
    expect(sent.map((r) => r.status)).toEqual(parents.map(() => 200));
    // once a few are decided (so the kill falls between decisions, not before the first)
    const decided = async () => (await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "RequestEvent" WHERE "action" = 'approved_stage1'`))[0]!.n;
    await vi.waitFor(async () => expect(await decided()).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 10 });
    await bot.kill("SIGKILL");
    fake.down(false);

    // the same bot started again on the same database: its recovery pass takes up the presses whose lease ended
    bot = await BotProcess.start();
    const open = () => bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "SlackDelivery" WHERE "kind" = 'press' AND "leaseUntil" IS NOT NULL`);
    await vi.waitFor(async () => expect((await open())[0]!.n).toBe(0), { timeout: 20_000, interval: 100 });

    // each request decided exactly once, in its history and in the audit chain
    const history = await bot.ask<{ requestId: string; n: number }>(
      `SELECT "requestId", count(*)::int AS n FROM "RequestEvent" WHERE "action" = 'approved_stage1' GROUP BY 1`,
    );
    expect(history).toHaveLength(N);
    expect(history.every((h) => h.n === 1)).toBe(true);
    const [audit] = await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE "action" = 'request.approved_stage1'`);
    expect(audit!.n).toBe(N);
    const [pending] = await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "Request" WHERE "status" = 'pending_chief'`);
    expect(pending!.n).toBe(N);
    // the kill did hit the burst: the restarted process replayed presses the dead one had acknowledged
    const rows = await bot.ask<{ outcome: string; attempts: number; payload: unknown }>(
      `SELECT "outcome", "attempts", "payload" FROM "SlackDelivery" WHERE "kind" = 'press'`,
    );
    expect(rows).toHaveLength(N);
    const replayed = rows.filter((r) => r.attempts > 0 && r.outcome === "done").length;
    expect(replayed).toBeGreaterThan(0);
    expect(rows.every((r) => ["done", "decided"].includes(r.outcome) && r.payload === null)).toBe(true);

    // nobody was told to press again, or that it failed
    const m = inboxMessages("ja");
    expect(fake.ephemerals(manager).filter((e) => [m.notDone, m.failed, m.notRecorded].some((t) => e.text.includes(t)))).toEqual([]);
    // no message twice: each request's stage-1 reply in its thread at most once, and no post repeated
    await bot.flush();
    for (const p of parents) {
      const replies = fake.thread(APPROVALS, p.ts).filter((r) => r.text.includes("第1段階を承認"));
      expect(replies.length).toBeLessThanOrEqual(1);
    }
    const posts = fake.callsTo("chat.postMessage").filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok);
    const seen = posts.map((c) => `${String(c.args.channel)}|${String(c.args.thread_ts ?? "")}|${String(c.args.text)}`);
    expect(seen.length).toBe(new Set(seen).size);
    const closedByReplay = rows.filter((r) => r.attempts > 0 && r.outcome === "decided").length;
    process.stdout.write(`inbox-kill: ${replayed} of ${N} presses replayed by the restarted process, ${closedByReplay} found decided and closed\n`);
  }, 90_000);
});
