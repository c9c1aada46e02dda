// The whole bot over real HTTP: a fake Slack Web API, the Bolt app listening on a
// free port, and a sender that signs requests like Slack does.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";
import { createBot, type Bot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger, createLogger } from "../../src/platform/log.js";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { ORG, ORG_YAML } from "./org.js";
import type { Clock } from "../../src/platform/clock.js";
import type { Settings } from "../../src/settings.js";
import { testDatabase } from "./db.js";
import { freePort } from "../../src/platform/net.js";
export { freePort };

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export function manifestScopes(): string[] {
  const manifest = YAML.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../manifest.yml"), "utf8"));
  return manifest.oauth_config.scopes.bot as string[];
}

export interface Harness {
  bot: Bot;
  fake: FakeSlack;
  slack: SlackRequestSender;
  port: number;
  close(): Promise<void>;
}

export async function startHarness(
  opts: {
    orgYaml?: string;
    fake?: ConstructorParameters<typeof FakeSlack>[0];
    clock?: Clock;
    settings?: Settings;
    /**
     * Slack's pacing of chat.postMessage per channel (the fake's token bucket: a burst,
     * then one a second, 429 with Retry-After beyond). Off unless the test is about
     * pacing: elsewhere it only makes the test wait. FakeSlack itself paces by default.
     */
    pacing?: boolean;
  } = {},
): Promise<Harness> {
  // Everyone's Slack is in Japanese but Alex's (users.info include_locale).
  const users = Object.values(ORG.people).map((id) => ({ id, locale: id === ORG.people.english ? "en-US" : "ja-JP" }));
  const pacing = opts.pacing ? {} : { postMessagePerChannel: false as const };
  const fake = new FakeSlack({ scopes: manifestScopes(), users, ...pacing, ...(opts.fake ?? {}) });
  await fake.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-"));
  const orgFile = path.join(dir, "org.yml");
  fs.writeFileSync(orgFile, opts.orgYaml ?? ORG_YAML);
  const port = await freePort();
  const config = loadConfig({
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    ORG_FILE: orgFile,
    TZ: "Asia/Tokyo",
  });
  const database = await testDatabase();
  const log = process.env.DEBUG_MAMORI ? createLogger("debug") : silentLogger;
  const bot = await createBot({ config, database, log, outboxPollMs: 100, jobs: false, clock: opts.clock, settings: opts.settings });
  await bot.start();
  const slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${port}/slack/events`, signingSecret: SIGNING_SECRET, fake });
  return {
    bot,
    fake,
    slack,
    port,
    async close() {
      await bot.stop();
      await database.dispose();
      await fake.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
