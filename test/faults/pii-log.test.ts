// At LOG_LEVEL=debug the log holds no request or response bodies: Bolt's and the Web API
// client's debug lines (the ack's body, every chat.postMessage's body and result) carried
// what people typed. The real bot over signed HTTP, its debug log captured.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createLogger, withoutBodies } from "../../src/platform/log.js";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { freePort } from "../../src/platform/net.js";
import { RequestViews } from "../../src/requests/ids.js";
import { ORG, ORG_YAML } from "../support/org.js";
import { manifestScopes, SIGNING_SECRET } from "../support/harness.js";
import { testDatabase, type TestDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";
import { expectNone, personal } from "./piiSupport.js";

const P = ORG.people;
const lines: string[] = [];
let bot: Bot;
let fake: FakeSlack;
let slack: SlackRequestSender;
let database: TestDatabase;
let dir: string;

beforeAll(async () => {
  fake = new FakeSlack({ scopes: manifestScopes(), users: Object.values(ORG.people).map((id) => ({ id, locale: "ja-JP" })), postMessagePerChannel: false });
  await fake.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-pii-log-"));
  fs.writeFileSync(path.join(dir, "org.yml"), ORG_YAML);
  const port = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    ORG_FILE: path.join(dir, "org.yml"),
    LOG_LEVEL: "debug",
  });
  database = await testDatabase();
  bot = await createBot({ config, database, log: createLogger(config.logLevel, [], (l) => lines.push(l)), outboxPollMs: 100, jobs: false });
  await bot.start();
  slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, fake });
});
afterAll(async () => {
  await bot?.stop();
  await database?.dispose();
  await fake?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe("LOG_LEVEL=debug", () => {
  it("a request filed with a customer's details: its text is in Slack, never in the log", async () => {
    await slack.command(P.employee, "/privacy", "request purpose");
    const view = await fake.waitFor(() => fake.openViews(P.employee).find((v) => v.view.callback_id === RequestViews.form));
    const purpose = personal("目的", 1);
    await slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, purpose });
    const code = (await bot.services.database.prisma.request.findFirstOrThrow({ where: { requesterId: P.employee } })).code;
    // the approvals channel shows it (Slack got the text), so the Web API client logged its call
    await fake.waitFor(() => fake.messages(ORG.channels.approvals).find((m) => JSON.stringify(m.blocks).includes("松本 花子 さん")));
    await bot.services.outbox.flush();
    expect(code).toMatch(/^PRV-/);
    const debug = lines.filter((l) => JSON.parse(l).level === "debug");
    expect(debug.some((l) => l.includes("http request body") && l.includes("characters left out"))).toBe(true);
    expect(debug.some((l) => l.includes("ack()"))).toBe(true);
    expectNone("the debug log", lines.join("\n"), [purpose, "目的："]);
  });

  it("a library's line keeps its label and loses its body", () => {
    const body = '{"channel":"C1","text":"松本花子様"}';
    expect(withoutBodies(`http request body: ${body}`)).toBe(`http request body: [${body.length + 1} characters left out]`);
    expect(withoutBodies("ack() response sent (body: 松本花子様)")).toBe("ack() response sent (body: [7 characters left out]");
    expect(withoutBodies(body)).toBe(`[${body.length} characters left out]`);
    expect(withoutBodies("apiCall('chat.postMessage') start")).toBe("apiCall('chat.postMessage') start");
  });
});
