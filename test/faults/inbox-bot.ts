// The bot in a process of its own, for the inbox's fault tests (kill -9 mid-burst): the
// real bot as main.ts builds it, on PGlite (PGLITE_DIR) or PostgreSQL (DATABASE_URL),
// with a short inbox lease so a restarted process takes over quickly. Answers over IPC:
// { id, query, params } with the rows; { id, flush } once the outbox has sent what is ready.
// Started with `node --import tsx` (fork), so its pid is the bot's own and SIGKILL hits it.
import { createBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createLogger, silentLogger } from "../../src/platform/log.js";

const env = process.env;
const config = loadConfig({
  SLACK_BOT_TOKEN: "xoxb-test-token",
  SLACK_SIGNING_SECRET: env.SIGNING_SECRET!,
  SLACK_API_URL: env.SLACK_API_URL!,
  PORT: env.PORT!,
  ORG_FILE: env.ORG_FILE!,
  TZ: "Asia/Tokyo",
  ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : { PGLITE_DIR: env.PGLITE_DIR! }),
});
const log = env.DEBUG_MAMORI ? createLogger("debug") : silentLogger;
const bot = await createBot({
  config,
  log,
  jobs: false,
  outboxPollMs: 100,
  inboxLeaseMs: Number(env.INBOX_LEASE_MS ?? 1500),
  inboxPassMs: 200,
  ...(env.INBOX_DRAIN_MS ? { inboxDrainMs: Number(env.INBOX_DRAIN_MS) } : {}),
});
await bot.start();

process.on("message", (m: { id: number; query?: string; params?: unknown[]; flush?: boolean }) => {
  const work = m.flush ? bot.services.outbox.flush().then(() => []) : bot.services.database.query(m.query!, m.params);
  work.then(
    (rows) => process.send!({ id: m.id, rows }),
    (e: Error) => process.send!({ id: m.id, error: e.message }),
  );
});
process.on("SIGTERM", () => {
  // as main.ts: stop (drain, hand over), then exit; tells the test what the stop did
  const t = Date.now();
  void bot
    .stop()
    .then(() => new Promise<void>((sent) => process.send!({ stopped: { ms: Date.now() - t, ...bot.inbox.lastStop } }, () => sent())))
    .finally(() => process.exit(0));
});
process.send!({ ready: true });
