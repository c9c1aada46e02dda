// npm start: read the configuration, open the database, start Slack and the outbox.
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createBot } from "./bot.js";
import { createLogger, errorText } from "./platform/log.js";

async function main(): Promise<void> {
  let config: Config;
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
    const log = createLogger(config.logLevel, [config.databaseUrl ?? ""]);
    const local = await startLocal(config, { log });
    process.stdout.write(
      `\nMamori is running with the local Slack (no Slack app configured):\n\n    ${local.url}\n\n` +
        `Open it in a browser and act as anyone in the directory${config.orgFile ? "" : " (the demo organisation)"}.\n` +
        `Set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) to connect to real Slack instead.\n\n`,
    );
    const stopLocal = async () => {
      await local.stop();
      process.exit(0);
    };
    process.on("SIGINT", stopLocal);
    process.on("SIGTERM", stopLocal);
    return;
  }
  const bot = await createBot({ config });
  await bot.start();
  bot.services.log.info("Mamori is running", {
    mode: config.mode,
    port: config.mode === "http" ? config.port : undefined,
    database: config.databaseUrl ? "postgresql" : `pglite:${config.pgliteDir}`,
  });
  const shutdown = async () => {
    bot.services.log.info("shutting down");
    await bot.stop().catch((e) => bot.services.log.error("shutdown was not clean", { error: errorText(e) }));
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e) => {
  process.stderr.write(`Mamori could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
