// npm start: read the configuration, open the database, start Slack and the outbox.
import { ConfigError, loadConfig } from "./config.js";
import { createBot } from "./bot.js";

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const bot = await createBot({ config });
  await bot.start();
  bot.services.log.info("Mamori is running", { mode: config.mode, port: config.mode === "http" ? config.port : undefined, database: config.databaseUrl ? "postgresql" : `pglite:${config.pgliteDir}` });
  const shutdown = async () => {
    bot.services.log.info("shutting down");
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((e) => {
  process.stderr.write(`Mamori could not start: ${(e as Error).message}\n`);
  process.exit(1);
});
