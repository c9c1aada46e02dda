// npm start: read the configuration, open the database, start Slack and the outbox.
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createBot } from "./bot.js";
import { createLogger, errorText, type Logger } from "./platform/log.js";
import { readEnvFile, type EnvFileResult } from "./platform/envFile.js";

/** How long a process whose state is unknown tries to stop cleanly before it exits anyway. */
const EXIT_GRACE_MS = 5000;

const stackOf = (e: unknown) => String((e as Error | undefined)?.stack ?? e);

/**
 * The last resort for what escaped every handler (Bolt's error handler logs what a
 * listener throws; this is for anything else).
 * - A rejected promise nobody waited for: that piece of work failed, and what it wrote
 *   was one transaction that rolled back with it. Logged; the process keeps serving.
 * - An exception nothing caught: it unwound through code that did not expect it, so what
 *   the process holds in memory (the ack-first gate's slots, the outbox's claims) is
 *   unknown. Logged; the process stops taking requests, closes what it can within 5 s and
 *   exits with status 1, for its supervisor to start it again.
 */
function guardProcess(log: Logger, stop: () => Promise<void>): void {
  process.on("unhandledRejection", (reason) => {
    log.error("a promise failed and nothing waited for it; the process keeps serving", { error: stackOf(reason) });
  });
  let exiting = false;
  process.on("uncaughtException", (e) => {
    log.error("an exception nothing caught; the process's state is unknown, so it exits (status 1) for its supervisor to restart it", {
      error: stackOf(e),
    });
    if (exiting) return;
    exiting = true;
    setTimeout(() => process.exit(1), EXIT_GRACE_MS);
    stop().then(
      () => process.exit(1),
      () => process.exit(1),
    );
  });
}

/**
 * Stops the bot when the process that started it goes away. `npm start` runs the bot as
 * npm's child, and npm does not pass SIGTERM on to it: without this, stopping npm left an
 * orphan serving the port (issue 15). A process started directly (node, a supervisor) keeps
 * the same parent for its whole life, so this never fires for it.
 */
function stopWithParent(log: Logger, stop: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    log.info("the process that started the bot (npm start) has stopped; shutting down", { parent });
    stop();
  }, PARENT_CHECK_MS);
  timer.unref();
}

const PARENT_CHECK_MS = 500;

function envFileLine(r: EnvFileResult): string | null {
  if (!r.file) return null;
  const kept = r.kept.length ? `; already in the environment, so not taken from the file: ${r.kept.join(", ")}` : "";
  return `read ${r.file}: ${r.taken.length} setting(s)${kept}`;
}

async function main(): Promise<void> {
  let config: Config;
  let envFile: EnvFileResult;
  try {
    envFile = readEnvFile();
  } catch (e) {
    process.stderr.write(`Mamori could not read its .env file: ${(e as Error).message}\n`);
    process.exit(2);
  }
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  if (config.mode === "local") {
    // No Slack app configured: run against the local Slack in the browser.
    const { startLocal } = await import("./local/run.js");
    const log = createLogger(config.logLevel, [config.databaseUrl ?? ""], undefined, config.logFormat);
    const local = await startLocal(config, { log, processMetrics: true });
    process.stdout.write(
      `\nMamori is running with the local Slack (no Slack app configured):\n\n    ${local.url}\n\n` +
        `Open it in a browser and act as anyone in the directory${config.orgFile ? "" : " (the demo organisation)"}.\n` +
        `Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to connect to real Slack instead.\n\n`,
    );
    const envLine = envFileLine(envFile);
    if (envLine) log.info(envLine);
    guardProcess(log, () => local.stop());
    let stopping = false;
    const stopLocal = async () => {
      if (stopping) return;
      stopping = true;
      await local.stop();
      process.exit(0);
    };
    process.on("SIGINT", stopLocal);
    process.on("SIGTERM", stopLocal);
    stopWithParent(log, () => void stopLocal());
    return;
  }
  const bot = await createBot({ config, processMetrics: true });
  const envLine = envFileLine(envFile);
  if (envLine) bot.services.log.info(envLine);
  guardProcess(bot.services.log, () => bot.stop());
  await bot.start();
  bot.services.log.info("Mamori is running", {
    mode: config.mode,
    port: config.mode === "http" ? config.port : undefined,
    database: config.databaseUrl ? "postgresql" : `pglite:${config.pgliteDir}`,
  });
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    bot.services.log.info("shutting down");
    await bot.stop().catch((e) => bot.services.log.error("shutdown was not clean", { error: errorText(e) }));
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  stopWithParent(bot.services.log, () => void shutdown());
}

main().catch((e) => {
  process.stderr.write(`Mamori could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
