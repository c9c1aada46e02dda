// Puts the bot together: database, outbox, Slack app, features. Used by main.ts and by tests.
import type { App } from "@slack/bolt";
import type { Config } from "./config.js";
import { systemClock, type Clock } from "./platform/clock.js";
import { migrate, migrationsApplied, openDatabase, type Database } from "./platform/db.js";
import { createLogger, type Logger } from "./platform/log.js";
import { Metrics } from "./platform/metrics.js";
import { Outbox } from "./platform/outbox.js";
import { permalinkAt, type Services } from "./platform/services.js";
import { createSlackApp, workGateOf } from "./platform/slack/app.js";
import { forTheWire } from "./platform/slack/clientOptions.js";
import { SlackHandlers } from "./platform/slack/handlers.js";
import { Inbox } from "./platform/slack/inbox.js";
import { registerPrivacyCommand } from "./privacyCommand.js";
import { loadOrgFile } from "./directory/orgFile.js";
import { importOrg } from "./directory/changes.js";
import { registerRequestOutbox } from "./requests/flows.js";
import { registerHome, registerHomeOutbox } from "./home/index.js";
import { registerTrackedDms } from "./platform/slack/trackedDm.js";
import { requestHandlers } from "./requests/slack.js";
import { delegationHandlers } from "./routes/delegation/slack.js";
import { circulationHandlers } from "./routes/circulation/slack.js";
import { consultationHandlers } from "./routes/consultation/slack.js";
import { registerConsultationOutbox } from "./routes/consultation/flows.js";
import { allJobs } from "./jobs.js";
import { reminderHandlers } from "./reminders/slack.js";
import { trainingHandlers } from "./training/slack.js";
import { dutyHandlers, registerDuties } from "./duties/slack.js";
import { processorHandlers } from "./processors/slack.js";
import { retentionHandlers } from "./retention/slack.js";
import { statementHandlers } from "./statement/slack.js";
import { registerHandlers } from "./register/slack.js";
import { recordHandlers } from "./records/slack.js";
import { incidentHandlers, registerIncidentHandlers } from "./incidents/slack.js";
import { dsrHandlers, registerDsrHandlers } from "./dsr/slack.js";
import { BusinessCalendar } from "./platform/schedule/calendar.js";
import { Scheduler } from "./platform/schedule/scheduler.js";
import { loadSettings, type Settings } from "./settings.js";

export interface BotOptions {
  config: Config;
  clock?: Clock;
  log?: Logger;
  /** an already opened database (tests share one) */
  database?: Database;
  outboxPollMs?: number;
  /** run scheduled jobs (node-cron timers and catch-up at start); default true */
  jobs?: boolean;
  /** company settings (default: SETTINGS_FILE of the config, else the rules' defaults) */
  settings?: Settings;
  /** first pause before retrying Slack's init after a network failure (default 2 s) */
  initRetryMs?: number;
  /** how long a process holds an acknowledged command or press before another may take it over (inbox.ts; default 30 s) */
  inboxLeaseMs?: number;
  /** how often the inbox looks for work whose process stopped (default 5 s) */
  inboxPassMs?: number;
  /** at shutdown, how long acknowledged work may take before it is handed to the next process (default 10 s) */
  inboxDrainMs?: number;
  /** also count the process's own figures on /metrics (memory, event loop, GC); main.ts sets it */
  processMetrics?: boolean;
}

export interface Bot {
  app: App;
  services: Services;
  /** the scheduled jobs (tests run them with runAt/tick after moving the clock) */
  scheduler: Scheduler;
  calendar: BusinessCalendar;
  /** acknowledged commands and presses, recorded until their work is done (inbox.ts) */
  inbox: Inbox;
  /** what GET /metrics answers (metrics.ts) */
  metrics: Metrics;
  /** starts listening (HTTP on config.port, or Socket Mode) and the outbox */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function createBot(o: BotOptions): Promise<Bot> {
  const { config } = o;
  const log =
    o.log ??
    createLogger(
      config.logLevel,
      [config.slackBotToken, config.slackSigningSecret ?? "", config.slackAppToken ?? "", config.databaseUrl ?? "", config.auditHmacKey ?? ""],
      undefined,
      config.logFormat,
    );
  for (const w of config.warnings ?? []) log.warn(w);
  const clock = o.clock ?? systemClock;
  const database = o.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: config.pgliteDir }));
  const { applied } = await migrate(database);
  if (applied.length > 0) log.info("migrations applied", { applied });

  const metrics = new Metrics({ process: o.processMetrics });
  metrics.watchPool(() => database.poolStats?.());
  // every button and modal of the features, dispatched by id (handlers.ts)
  const handlers = new SlackHandlers().add(
    requestHandlers,
    reminderHandlers,
    trainingHandlers,
    dutyHandlers,
    processorHandlers,
    incidentHandlers,
    dsrHandlers,
    retentionHandlers,
    statementHandlers,
    registerHandlers,
    recordHandlers,
    delegationHandlers,
    circulationHandlers,
    consultationHandlers,
  );
  const app = createSlackApp({
    botToken: config.slackBotToken,
    signingSecret: config.slackSigningSecret,
    appToken: config.slackAppToken,
    apiUrl: config.slackApiUrl,
    log,
    ready: async () => migrationsApplied(database),
    patient: (actionId) => handlers.isPatient(actionId),
    metrics,
    port: config.port,
  });
  const outbox = new Outbox({
    database,
    clock,
    log,
    // blocks and views as JSON text: the same request, without the client's full copy of them (clientOptions.ts)
    slack: { apiCall: (method, args) => app.client.apiCall(method, forTheWire(args)) as unknown as Promise<Record<string, unknown>> },
    pollMs: o.outboxPollMs,
    gate: workGateOf(app),
    busy: () => (workGateOf(app)?.stats().waiting ?? 0) > 0,
    metrics,
  });
  metrics.watchOutbox(() => outbox.stats());
  const settings = o.settings ?? loadSettings(config.settingsFile);
  const calendar = new BusinessCalendar({ timeZone: config.timeZone, closedDays: settings.closedDays, quietHours: settings.quietHours });
  let teamUrl: string | undefined;
  const services: Services = {
    calendar,
    settings,
    database,
    clock,
    outbox,
    log,
    timeZone: config.timeZone,
    config,
    permalink: (channel, ts) => permalinkAt(teamUrl, channel, ts),
  };

  if (config.orgFile) {
    const { org, hash } = loadOrgFile(config.orgFile, "en", { deputyChief: settings.governance.deputyChief });
    const r = await importOrg(services, org, { source: config.orgFile, fileHash: hash });
    if (r.imported) log.info("organisation imported", { file: config.orgFile, changes: r.changes });
  }

  registerRequestOutbox(services);
  registerConsultationOutbox(services);
  registerHomeOutbox(services);
  registerTrackedDms(services);
  // every command and press is recorded with its work before its ack; a recovery pass finishes what a stopped process acknowledged
  const inbox = new Inbox({ database, clock, log, gate: () => workGateOf(app), leaseMs: o.inboxLeaseMs, passMs: o.inboxPassMs, metrics });
  registerPrivacyCommand(app, services, inbox);
  handlers.listen(app, services, inbox);
  registerHome(app, services);
  registerDuties(services);
  registerIncidentHandlers(app, services);
  registerDsrHandlers(services);
  const scheduler = new Scheduler({ services, calendar, settings, jobs: allJobs(), metrics });
  metrics.watchJobs(() => scheduler.lastSuccesses());
  app.error(async (e) => {
    log.error("unhandled error in a listener", { error: String((e as Error).stack ?? e) });
  });

  return {
    app,
    services,
    scheduler,
    calendar,
    inbox,
    metrics,
    async start() {
      await initSlack(app, log, o.initRetryMs ?? 2000);
      try {
        const auth = await app.client.auth.test();
        teamUrl = auth.url as string | undefined;
      } catch (e) {
        log.warn("auth.test failed; links fall back to slack.com", { error: String((e as Error).message) });
      }
      if (config.mode === "socket") await app.start();
      else await app.start(config.port);
      outbox.start();
      inbox.start();
      if (o.jobs !== false) await scheduler.start();
    },
    async stop() {
      // no new requests first, then no new runs, then the sender finishes what it holds
      await app.stop().catch(() => undefined);
      await inbox.stop(o.inboxDrainMs);
      await scheduler.stop();
      await outbox.stop();
      if (!o.database) await database.close();
    },
  };
}

/** Slack errors that no retry mends: the token itself is refused. */
const FATAL_AUTH = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
  "no_permission",
  "missing_scope",
  "team_access_not_granted",
]);

/**
 * Bolt's init (auth.test for the token). A refused token stops the bot with a message
 * naming it; a network failure or a Slack outage is retried (5 attempts, doubling
 * pause), because Bolt cannot start an app whose init failed.
 */
export async function initSlack(app: { init(): Promise<void> }, log: Logger, firstPauseMs: number, attempts = 5): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await app.init();
      return;
    } catch (e) {
      const code = (e as { data?: { error?: string } }).data?.error;
      if (code && FATAL_AUTH.has(code)) {
        throw new Error(
          `Slack refused SLACK_BOT_TOKEN (${code}). Check the token (Slack app settings, OAuth & Permissions) and that the app is installed in the workspace.`,
        );
      }
      if (i >= attempts) throw new Error(`could not reach Slack to check SLACK_BOT_TOKEN after ${attempts} attempts: ${(e as Error).message}`);
      const pause = firstPauseMs * 2 ** (i - 1);
      log.warn("Slack initialisation failed; retrying", { attempt: i, pauseMs: pause, error: String((e as Error).message) });
      await new Promise((r) => setTimeout(r, pause));
    }
  }
}
