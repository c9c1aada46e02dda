// The bot of the inbox's fault tests in a process of its own (inbox-bot.ts), driven over
// IPC: kill -9 or SIGTERM it mid-burst, ask its database, wait for its outbox.
import { type ChildProcess, fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { migratedPgliteFolder, postgresDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";
import { freePort, manifestScopes, SIGNING_SECRET } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

export interface BurstRig {
  fake: FakeSlack;
  /** the bot process's environment */
  env: Record<string, string>;
  slack: SlackRequestSender;
  close(): Promise<void>;
}

/** A fake Slack, the org file and a database of its own (PostgreSQL when TEST_DATABASE_URL names one) for a bot process. */
export async function burstRig(extraEnv: Record<string, string> = {}): Promise<BurstRig> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-inbox-burst-"));
  const cleanup: (() => Promise<unknown>)[] = [];
  const users = Object.values(ORG.people).map((id) => ({ id, locale: "ja-JP" }));
  const fake = new FakeSlack({ scopes: manifestScopes(), users, postMessagePerChannel: false });
  await fake.start();
  cleanup.push(() => fake.stop());
  const orgFile = path.join(dir, "org.yml");
  fs.writeFileSync(orgFile, ORG_YAML);
  const env: Record<string, string> = { SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(await freePort()), ORG_FILE: orgFile, ...extraEnv };
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const db = await postgresDatabase(serverUrl);
    cleanup.push(() => db.drop());
    env.DATABASE_URL = db.url;
  } else {
    env.PGLITE_DIR = path.join(dir, "pglite");
    await migratedPgliteFolder(env.PGLITE_DIR);
  }
  const slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${env.PORT}/slack/events`, signingSecret: SIGNING_SECRET, fake });
  return {
    fake,
    env,
    slack,
    async close() {
      for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `n` purpose requests filed through their modals; resolves with their parent messages (with stage-1 buttons) once all are posted. */
export async function fileRequests(rig: BurstRig, bot: BotProcess, n: number): Promise<{ channel: string; ts: string }[]> {
  const { fake, slack } = rig;
  const { employee } = ORG.people;
  for (let i = 0; i < n; i++) {
    const before = new Set(fake.openViews(employee).map((v) => v.id));
    expect((await slack.command(employee, "/privacy", "request purpose")).status).toBe(200);
    const view = await fake.waitFor(() => fake.openViews(employee).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.form));
    expect((await slack.fillAndSubmit(employee, view.id, VALID_INPUTS.purpose)).status).toBe(200);
  }
  const withButtons = () => fake.messages(ORG.channels.approvals).filter((m) => JSON.stringify(m.blocks).includes(RequestActions.approve));
  const parents = await fake.waitFor(() => withButtons().length === n && withButtons());
  await bot.flush();
  return parents;
}

/** Each request was decided at stage 1 exactly once, in its history and in the audit chain. */
export async function expectDecidedOnce(bot: BotProcess, n: number): Promise<void> {
  const history = await bot.ask<{ requestId: string; n: number }>(
    `SELECT "requestId", count(*)::int AS n FROM "RequestEvent" WHERE "action" = 'approved_stage1' GROUP BY 1`,
  );
  expect(history).toHaveLength(n);
  expect(history.every((h) => h.n === 1)).toBe(true);
  const [audit] = await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEntry" WHERE "action" = 'request.approved_stage1'`);
  expect(audit!.n).toBe(n);
  const [pending] = await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "Request" WHERE "status" = 'pending_chief'`);
  expect(pending!.n).toBe(n);
}

/** No Slack post twice, and each request's stage-1 reply in its thread at most once. */
export function expectNoPostTwice(rig: BurstRig, parents: { channel: string; ts: string }[]): void {
  const { fake } = rig;
  for (const p of parents) {
    const replies = fake.thread(ORG.channels.approvals, p.ts).filter((r) => r.text.includes("第1段階を承認"));
    expect(replies.length).toBeLessThanOrEqual(1);
  }
  const posts = fake.callsTo("chat.postMessage").filter((c) => c.status === 200 && (c.response as { ok?: boolean }).ok);
  const seen = posts.map((c) => `${String(c.args.channel)}|${String(c.args.thread_ts ?? "")}|${String(c.args.text)}`);
  expect(seen.length).toBe(new Set(seen).size);
}

/** The bot in a child process; `ask` queries its database (PGlite holds one process at a time). */
export class BotProcess {
  private next = 0;
  /** what its SIGTERM stop reported: how long it took, work drained and work handed over */
  stopped: { ms: number; drained?: number; handedOver?: number } | undefined;
  private readonly waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();
  private constructor(readonly child: ChildProcess) {
    child.on("message", (m: { id?: number; rows?: unknown[]; error?: string; stopped?: BotProcess["stopped"] }) => {
      if (m.stopped) this.stopped = m.stopped;
      const w = m.id === undefined ? undefined : this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id!);
      if (m.error) w.reject(new Error(m.error));
      else w.resolve(m.rows ?? []);
    });
  }

  static async start(env: Record<string, string>): Promise<BotProcess> {
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

  /** resolves with the exit code once the process has ended */
  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve(this.child.exitCode);
    return new Promise((r) => this.child.once("exit", (code) => r(code)));
  }
}
