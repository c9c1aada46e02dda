// What an operator reads in the logs never contains the bot token, the app token, the
// signing secret or the database password, wherever they turn up in a log call.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createLogger, plainLine, type Level } from "../../src/platform/log.js";
import { testDatabase } from "../support/db.js";

const BOT_TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const APP_TOKEN = "xapp-1-A0123456789-1234567890123-0a1b2c3d4e5f";
const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
const DB_PASSWORD = "S3cr3t-Pa55w0rd";
const DATABASE_URL = `postgresql://mamori:${DB_PASSWORD}@db.internal:5432/mamori`;
const SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DATABASE_URL];
/** The parts that must never appear (the URL's user and host may). */
const MUST_NOT_APPEAR = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET, DB_PASSWORD, BOT_TOKEN.slice(5), APP_TOKEN.slice(5)];

function capture(level: Level = "debug", secrets = SECRETS) {
  const lines: string[] = [];
  return { lines, log: createLogger(level, secrets, (l) => lines.push(l)) };
}

function expectClean(lines: string[]) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) for (const s of MUST_NOT_APPEAR) expect(line).not.toContain(s);
}

describe("the logger masks secrets", () => {
  it("in the message and at every level", () => {
    const { lines, log } = capture();
    log.debug(`calling Slack with ${BOT_TOKEN}`);
    log.info(`socket mode with ${APP_TOKEN}`);
    log.warn(`signing secret is ${SIGNING_SECRET}`);
    log.error(`cannot connect to ${DATABASE_URL}`);
    expect(lines).toHaveLength(4);
    expectClean(lines);
    // the rest of the line is still there, and says something was masked
    expect(lines[0]).toContain("calling Slack with [redacted]");
    expect(lines[2]).toContain("signing secret is [redacted]");
    expect(lines[3]).toContain("cannot connect to");
    expect(lines.every((l) => l.includes("[redacted]"))).toBe(true);
  });

  it("inside nested objects and arrays", () => {
    const { lines, log } = capture();
    log.info("config", {
      slack: { token: BOT_TOKEN, signing: { secret: SIGNING_SECRET }, extra: [APP_TOKEN, { deeper: [BOT_TOKEN] }] },
      database: { url: DATABASE_URL, connection: { user: "mamori", password: DB_PASSWORD, host: "db.internal" } },
      headers: { authorization: `Bearer ${BOT_TOKEN}` },
    });
    expectClean(lines);
    const parsed = JSON.parse(lines[0]!) as Record<string, any>;
    expect(parsed.msg).toBe("config");
    expect(parsed.database.connection.host).toBe("db.internal");
    expect(parsed.database.connection.password).toContain("[redacted]");
  });

  it("inside error messages and stack traces", () => {
    const { lines, log } = capture();
    const e = new Error(`An API error occurred: invalid_auth (token ${BOT_TOKEN})`);
    const pg = new Error(`connect ECONNREFUSED ${DATABASE_URL}: password authentication failed (password "${DB_PASSWORD}")`);
    log.error("unhandled error in a listener", { error: String(e.stack) });
    log.error("database failed", { error: String(pg), cause: { message: pg.message } });
    log.warn(`request signature mismatch for secret ${SIGNING_SECRET}`, { error: String(new Error(SIGNING_SECRET)) });
    expectClean(lines);
    expect(lines[0]).toContain("invalid_auth");
    expect(lines[1]).toContain("ECONNREFUSED");
  });

  it("a database password with special characters, percent-encoded in the URL or not", () => {
    const url = "postgresql://mamori:p%22ss%40w0rd%21@db.internal/mamori";
    const { lines, log } = capture("info", [url]);
    log.info("connection", { url, password: 'p"ss@w0rd!', encoded: "p%22ss%40w0rd%21" });
    expect(lines[0]).not.toContain("ss@w0rd");
    expect(lines[0]).not.toContain("ss%40w0rd");
    expect(lines[0]).toContain('"msg":"connection"');
  });

  it("tokens it was not told about still look like tokens and are masked", () => {
    const { lines, log } = capture("info", []);
    const other = "xoxp-5555555555-6666666666-zyxwvutsrq";
    log.info(`user token ${other}`, { app: "xapp-9-AZZZ-99-ffff", db: "postgres://admin:topsecret1@10.0.0.1/x" });
    expect(lines[0]).not.toContain(other.slice(5));
    expect(lines[0]).not.toContain("AZZZ-99-ffff");
    expect(lines[0]).not.toContain("topsecret1");
  });

  it("prints nothing below its level", () => {
    const { lines, log } = capture("warn");
    log.debug(BOT_TOKEN);
    log.info(BOT_TOKEN);
    log.warn("shown");
    expect(lines.map((l) => JSON.parse(l).msg)).toEqual(["shown"]);
  });
});

describe("the logger's lines", () => {
  it("are one JSON object each: time, level by name, message, and the fields given", () => {
    const { lines, log } = capture("info", []);
    log.info("job run", { job: "approvalReminders", queued: 3 });
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: "info", msg: "job run", job: "approvalReminders", queued: 3 });
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  it("leave out bodies and free text by field name, at any depth up to four levels, and say so", () => {
    const { lines, log } = capture("info", []);
    const typed = "顧客 松本花子 090-1234-5678";
    const data = {
      text: typed,
      body: { user: "U1", view: { state: { values: { purpose: typed } } } },
      request: { payload: { text: typed }, headers: { authorization: "Bearer abc", cookie: "s=1" } },
      a: { b: { c: { private_metadata: typed, email: "hanako@example.jp", kept: "U0APPROVER" } } },
    };
    log.warn("no response_url to answer on", data);
    expect(lines[0]).not.toContain("松本");
    expect(lines[0]).not.toContain("hanako@");
    expect(lines[0]).not.toContain("Bearer");
    const line = JSON.parse(lines[0]!) as Record<string, any>;
    expect(line.text).toBe("[redacted]");
    expect(line.body).toBe("[redacted]");
    expect(line.request.payload).toBe("[redacted]");
    expect(line.request.headers.authorization).toBe("[redacted]");
    expect(line.a.b.c).toEqual({ private_metadata: "[redacted]", email: "[redacted]", kept: "U0APPROVER" });
    // the caller's object is left as it was
    expect(data.text).toBe(typed);
    expect(data.a.b.c.email).toBe("hanako@example.jp");
  });

  it("LOG_FORMAT=pretty: a line a person reads, still masked", () => {
    const lines: string[] = [];
    const pretty = createLogger("info", SECRETS, (l) => lines.push(l), "pretty");
    pretty.info("Mamori is running", { mode: "http", token: BOT_TOKEN });
    pretty.error(`cannot connect to ${DATABASE_URL}`);
    expect(lines).toHaveLength(2);
    expectClean(lines);
    expect(lines[0]).toContain("Mamori is running");
    expect(lines[0]).toMatch(/INFO/);
    expect(lines[0]).not.toMatch(/^\{/); // not JSON
    expect(lines[1]).toMatch(/ERROR/);
  });

  it("the small formatter used when pino-pretty is not installed", () => {
    expect(plainLine('{"level":"warn","time":"2026-12-03T07:00:00.000Z","pid":1,"hostname":"h","msg":"slack call will be retried","id":7}')).toBe(
      "2026-12-03T07:00:00.000Z WARN  slack call will be retried id=7",
    );
  });
});

describe("the bot's own logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("is given every secret of the configuration", async () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_APP_TOKEN: APP_TOKEN,
      DATABASE_URL,
      LOG_LEVEL: "debug",
    });
    const database = await testDatabase(); // the bot uses this one and never connects to DATABASE_URL
    const written: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const bot = await createBot({ config, database });
      bot.services.log.error("everything", { config, nested: { list: [{ password: DB_PASSWORD }] }, error: String(new Error(`bad ${SIGNING_SECRET}`)) });
      await bot.stop();
    } finally {
      vi.restoreAllMocks();
      await database.dispose();
    }
    const lines = written.filter((l) => l.includes('"msg":"everything"'));
    expect(lines).toHaveLength(1);
    expectClean(lines);
    expect(lines[0]).toContain('"slackBotToken":"[redacted]"'); // the configuration is there, masked
  });
});
