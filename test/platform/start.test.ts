// Starting against Slack: a refused token stops the bot with a message naming it; a
// Slack that does not answer at first is retried, and the bot then serves requests.
import { afterEach, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/platform/log.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";
import { freePort, manifestScopes } from "../support/harness.js";
import { testDatabase } from "../support/db.js";

const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function botAgainst(fake: FakeSlack, token: string): Promise<Bot> {
  await fake.start();
  cleanup.push(() => fake.stop());
  const database = await testDatabase();
  cleanup.push(() => database.dispose());
  const port = await freePort();
  const config = loadConfig({ SLACK_BOT_TOKEN: token, SLACK_SIGNING_SECRET: "s".repeat(32), SLACK_API_URL: fake.apiUrl, PORT: String(port) });
  const bot = await createBot({ config, database, log: silentLogger, initRetryMs: 10 });
  cleanup.push(() => bot.stop());
  return bot;
}

describe("starting against Slack", () => {
  it("stops with a message naming SLACK_BOT_TOKEN when Slack refuses the token", async () => {
    const fake = new FakeSlack({ scopes: manifestScopes(), tokens: ["xoxb-the-right-one"] });
    const bot = await botAgainst(fake, "xoxb-a-wrong-one");
    await expect(bot.start()).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
  });

  it("retries while Slack does not answer, then starts and answers /readyz", async () => {
    const fake = new FakeSlack({ scopes: manifestScopes() });
    fake.failNext("auth.test", { status: 503 }, 2);
    const bot = await botAgainst(fake, "xoxb-test-token");
    await bot.start();
    const res = await fetch(`http://127.0.0.1:${bot.services.config!.port}/readyz`);
    expect(res.status).toBe(200);
    // the two refused attempts and the one that worked
    expect(fake.callsTo("auth.test").length).toBeGreaterThanOrEqual(3);
  });

  it("gives up with a clear message after five failed attempts", async () => {
    const fake = new FakeSlack({ scopes: manifestScopes() });
    fake.failNext("auth.test", { status: 503 }, 10);
    const bot = await botAgainst(fake, "xoxb-test-token");
    await expect(bot.start()).rejects.toThrow(/could not reach Slack to check SLACK_BOT_TOKEN after 5 attempts/);
  });
});
