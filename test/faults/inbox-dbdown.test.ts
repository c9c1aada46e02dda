// The database unavailable when a press or a command arrives: the person is told at once,
// where they acted, that it was not taken; nothing half-done remains (no delivery row,
// no decision); after the database is back the same press decides once.
// PostgreSQL: the bot reaches the server through a TCP proxy that the test cuts (every
// connection reset, new ones refused) and restores. PGlite has no connection to cut (the
// embedded database is a thread of the same process): there the recording statement is
// made to fail at the driver with the error a cut connection gives.
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Database } from "../../src/platform/db.js";
import { silentLogger } from "../../src/platform/log.js";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { notRecordedText } from "../../src/platform/slack/inbox.js";
import { IncidentShortcuts } from "../../src/incidents/ids.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { onPostgres, postgresDatabase, testDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";
import { freePort, manifestScopes, SIGNING_SECRET } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

const { employee, manager } = ORG.people;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-inbox-dbdown-"));
const cleanup: (() => Promise<unknown>)[] = [];
let fake: FakeSlack;
let bot: Bot;
let slack: SlackRequestSender;
let database: Database;
/** cuts the bot's way to its database, and restores it */
let cut: (down: boolean) => void;

/** A TCP proxy to 127.0.0.1:5432 that can reset every connection and refuse new ones. */
async function proxy(): Promise<{ port: number; cut: (down: boolean) => void; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(5432, "127.0.0.1");
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as net.AddressInfo).port,
    cut(d) {
      down = d;
      if (d) for (const s of sockets) s.resetAndDestroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

beforeAll(async () => {
  fake = new FakeSlack({ scopes: manifestScopes(), users: Object.values(ORG.people).map((id) => ({ id, locale: "ja-JP" })), postMessagePerChannel: false });
  await fake.start();
  cleanup.push(() => fake.stop());
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const created = await postgresDatabase(serverUrl);
    cleanup.push(() => created.drop());
    const p = await proxy();
    cleanup.push(() => p.close());
    const url = new URL(created.url);
    url.port = String(p.port);
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    // after the cut, closing the pool can wait for ever on a connection that died while in use
    // (seen with @prisma/adapter-pg): the test does not wait more than a few seconds for it
    cleanup.push(() => Promise.race([database.close(), new Promise((r) => setTimeout(r, 3000))]));
    cut = p.cut;
  } else {
    const db = await testDatabase();
    cleanup.push(() => db.dispose());
    const query = db.query.bind(db);
    let down = false;
    db.query = ((sql: string, params?: unknown[], name?: string) =>
      down ? Promise.reject(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })) : query(sql, params, name)) as typeof db.query;
    database = db;
    cut = (d) => {
      down = d;
    };
  }
  const orgFile = path.join(dir, "org.yml");
  fs.writeFileSync(orgFile, ORG_YAML);
  const port = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    ORG_FILE: orgFile,
    TZ: "Asia/Tokyo",
  });
  bot = await createBot({ config, database, log: silentLogger, outboxPollMs: 100, jobs: false, inboxPassMs: 200 });
  await bot.start();
  cleanup.push(() => bot.stop());
  slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, fake });
});
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe(onPostgres ? "PostgreSQL's connections cut" : "PGlite: the recording statement fails (no connection to cut in the embedded database)", () => {
  it("a press and /privacy status and request are told at once; nothing half-done; after recovery the press decides once", async () => {
    // a request to press on, filed while the database is there
    expect((await slack.command(employee, "/privacy", "request purpose")).status).toBe(200);
    const view = await fake.waitFor(() => fake.openViews(employee).find((v) => v.view.callback_id === RequestViews.form));
    await slack.fillAndSubmit(employee, view.id, VALID_INPUTS.purpose);
    const parent = await fake.waitFor(() => fake.messages(ORG.channels.approvals).find((m) => JSON.stringify(m.blocks).includes(RequestActions.approve)));
    const { code } = await database.prisma.request.findFirstOrThrow();
    const deliveries = await database.prisma.slackDelivery.count();

    cut(true);
    /** the HTTP answer, and how long it took (Slack gives up after 3 s) */
    const timed = async (send: () => Promise<{ status: number }>) => {
      const t0 = Date.now();
      const { status } = await send();
      return { status, fast: Date.now() - t0 < 3000 };
    };
    const answers = [
      await timed(() => slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: parent.channel, ts: parent.ts } })),
      await timed(() => slack.command(employee, "/privacy", `status ${code}`)),
      await timed(() => slack.command(employee, "/privacy", "request")),
      // the global shortcut 「個人情報の事故を報告」 (it has no response_url: the answer is a modal)
      await timed(() => {
        const sender = slack as unknown as {
          interaction(type: string, userId: string, fields: Record<string, unknown>): Record<string, unknown>;
          postPayload(payload: Record<string, unknown>, opts: object): Promise<{ status: number }>;
          triggerId(userId: string): string;
        };
        return sender.postPayload(
          sender.interaction("shortcut", employee, { callback_id: IncidentShortcuts.report, trigger_id: sender.triggerId(employee), action_ts: "1" }),
          {},
        );
      }),
    ];
    expect(answers).toEqual(answers.map(() => ({ status: 200, fast: true })));
    // told where they acted, at once: the presser on the message, the commander in the channel
    await fake.waitFor(() => fake.ephemerals(manager).find((e) => e.text === notRecordedText), 3000);
    await fake.waitFor(() => fake.ephemerals(employee).filter((e) => e.text === notRecordedText).length === 2 || undefined, 3000);
    const told = await fake.waitFor(() => fake.openViews(employee).find((v) => v.id !== view.id), 3000);
    expect(JSON.stringify(told.view.blocks)).toContain(JSON.stringify(notRecordedText).slice(1, 40));
    expect(fake.openViews(employee).filter((v) => v.id !== view.id && v.id !== told.id)).toEqual([]);

    cut(false);
    // nothing half-done: no delivery recorded, nothing decided, the request as it was
    const db = database.prisma;
    await expect.poll(async () => db.slackDelivery.count().catch(() => -1), { timeout: 10_000, interval: 100 }).toBe(deliveries);
    expect(await db.requestEvent.count({ where: { action: "approved_stage1" } })).toBe(0);
    expect((await db.request.findFirstOrThrow()).status).toBe("pending_manager");

    // pressed again once the database is back: decided once
    expect((await slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: parent.channel, ts: parent.ts } })).status).toBe(200);
    await expect.poll(() => db.requestEvent.count({ where: { action: "approved_stage1" } }), { timeout: 10_000, interval: 50 }).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "request.approved_stage1" } })).toBe(1);
    expect((await db.request.findFirstOrThrow()).status).toBe("pending_chief");
  }, 60_000);
});
