// Puts the bot together: database, outbox, Slack app, features. Used by main.ts and by tests.
import type { App } from "@slack/bolt";
import type { Config } from "./config.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { migrate, migrationsApplied, openDatabase, type Database } from "./platform/db.js";
import { createLogger, type Logger } from "./platform/log.js";
import { Outbox } from "./platform/outbox.js";
import type { Services } from "./platform/services.js";
import { createSlackApp } from "./platform/slack/app.js";
import { registerPrivacyCommand } from "./platform/slack/privacyCommand.js";
import { loadOrgFile } from "./directory/orgFile.js";
import { importOrg } from "./directory/changes.js";
import { registerRequestOutbox } from "./requests/flows.js";
import { registerHome, registerHomeOutbox } from "./requests/home.js";
import { registerRequestHandlers } from "./requests/slack.js";

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** an already opened database (tests share one) */
  database?: Database;
  outboxPollMs?: number;
}

export interface Bot {
  app: App;
  services: Services;
  /** starts listening (HTTP on config.port, or Socket Mode) and the outbox */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createBot(o: BotOptions): Promise<Bot> {
  const { config } = o;
  const log = o.log ?? createLogger(config.logLevel, [config.slackBotToken, config.slackSigningSecret ?? "", config.slackAppToken ?? "", config.databaseUrl ?? ""]);
  const clock = o.clock ?? systemClock;
  const database = o.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir }));
  const { applied } = await migrate(database);
  if (applied.length > 0) log.info("migrations applied", { applied });

  const app = createSlackApp({
    botToken: config.slackBotToken,
    signingSecret: config.slackSigningSecret,
    appToken: config.slackAppToken,
    apiUrl: config.slackApiUrl,
    log,
    ready: async () => migrationsApplied(database),
  });
  const outbox = new Outbox({
    database,
    clock,
    log,
    slack: { apiCall: (method, args) => app.client.apiCall(method, args) as unknown as Promise<Record<string, unknown>> },
    pollMs: o.outboxPollMs,
  });
  const services: Services = { database, clock, outbox, log, timeZone: config.timeZone, config };

  if (config.orgFile) {
    const { org, hash } = loadOrgFile(config.orgFile);
    const r = await importOrg(services, org, { source: config.orgFile, fileHash: hash });
    if (r.imported) log.info("organisation imported", { file: config.orgFile, changes: r.changes });
  }

  let teamUrl: string | undefined;
  registerRequestOutbox(services, () => teamUrl);
  registerHomeOutbox(services);
  registerPrivacyCommand(app, services);
  registerRequestHandlers(app, services);
  registerHome(app, services);
  app.error(async (e) => {
    log.error("unhandled error in a listener", { error: String((e as Error).stack ?? e) });
  });

  return {
    app,
    services,
    async start() {
      await app.init().catch((e) => log.warn("Slack initialisation failed; continuing", { error: String(e) }));
      try {
        const auth = await app.client.auth.test();
        teamUrl = auth.url as string | undefined;
      } catch (e) {
        log.warn("auth.test failed; links fall back to slack.com", { error: String((e as Error).message) });
      }
      if (config.mode === "socket") await app.start();
      else await app.start(config.port);
      outbox.start();
    },
    async stop() {
      await outbox.stop();
      await app.stop().catch(() => undefined);
      if (!o.database) await database.close();
    },
  };
}
