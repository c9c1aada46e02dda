// The environment an operator sets: every problem named in one message, sensible
// defaults, Socket Mode when an app-level token is given, and `npm start` stopping
// cleanly (no stack trace) on a bad configuration.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VALID = { SLACK_BOT_TOKEN: "xoxb-1-2-abc", SLACK_SIGNING_SECRET: "0123456789abcdef" };

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it("names every problem in one message", () => {
    const e = configError({ SLACK_SIGNING_SECRET: "s3cret-value", PORT: "abc", DATABASE_URL: "mysql://root:pw@db/mamori" });
    expect(e.problems).toHaveLength(3);
    expect(e.message).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(e.message).toMatch(/PORT must be a port number/);
    expect(e.message).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    // one line per problem, and where to look
    expect(e.message.split("\n").filter((l) => l.startsWith("  - "))).toHaveLength(3);
    expect(e.message).toMatch(/\.env\.example/);
  });

  it("names each malformed value, one problem per variable", () => {
    const e = configError({
      SLACK_BOT_TOKEN: "xapp-not-a-bot-token",
      SLACK_APP_TOKEN: "xoxb-not-an-app-token",
      SLACK_API_URL: "not a url",
      PORT: "70000",
      LOG_LEVEL: "verbose",
    });
    const vars = e.problems.map((p) => p.split(" ")[0]);
    expect(vars.sort()).toEqual(["LOG_LEVEL", "PORT", "SLACK_API_URL", "SLACK_APP_TOKEN", "SLACK_BOT_TOKEN"]);
    expect(e.message).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
    expect(e.message).toMatch(/SLACK_APP_TOKEN must start with xapp-/);
    expect(e.message).toMatch(/PORT must be 1-65535/);
  });

  it.each([["0"], ["65536"], ["-1"], ["3000abc"], ["30.5"]])("refuses PORT=%s", (port) => {
    expect(configError({ ...VALID, PORT: port }).problems).toEqual([expect.stringMatching(/^PORT must be/)]);
  });

  it("requires the signing secret in HTTP mode", () => {
    expect(configError({ SLACK_BOT_TOKEN: VALID.SLACK_BOT_TOKEN }).problems).toEqual([expect.stringMatching(/^SLACK_SIGNING_SECRET is required in HTTP mode/)]);
  });

  it("defaults: port 3000, Asia/Tokyo, PGlite in ./.data/pglite, Slack's API, log level info, HTTP mode", () => {
    const c = loadConfig({ ...VALID });
    expect(c).toMatchObject({ port: 3000, timeZone: "Asia/Tokyo", pgliteDir: "./.data/pglite", logLevel: "info", mode: "http" });
    // no SLACK_API_URL: the Web API client uses its own default, https://slack.com/api/
    expect(c.slackApiUrl).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.orgFile).toBeUndefined();
  });

  it("LOG_FORMAT: json, pretty or auto (the default: pretty at a terminal, JSON otherwise)", () => {
    expect(loadConfig({ ...VALID }).logFormat).toBe("auto");
    expect(loadConfig({ ...VALID, LOG_FORMAT: "json" }).logFormat).toBe("json");
    expect(loadConfig({ ...VALID, LOG_FORMAT: "pretty" }).logFormat).toBe("pretty");
    expect(configError({ ...VALID, LOG_FORMAT: "yaml" }).problems).toEqual(["LOG_FORMAT must be json, pretty or auto"]);
  });

  it("MAMORI_PLAN_CACHE: on, off or verify; anything else stops the bot at start", () => {
    for (const v of ["on", "off", "verify", ""]) expect(() => loadConfig({ ...VALID, MAMORI_PLAN_CACHE: v })).not.toThrow();
    expect(configError({ ...VALID, MAMORI_PLAN_CACHE: "yes" }).problems).toEqual(["MAMORI_PLAN_CACHE must be on, off or verify"]);
  });

  it("empty and blank values count as unset", () => {
    const c = loadConfig({ ...VALID, PORT: "", TZ: "  ", DATABASE_URL: "", SLACK_APP_TOKEN: "", PGLITE_DIR: " " });
    expect(c).toMatchObject({ port: 3000, timeZone: "Asia/Tokyo", pgliteDir: "./.data/pglite", mode: "http" });
    expect(c.databaseUrl).toBeUndefined();
  });

  it("reads every variable it is given", () => {
    const c = loadConfig({
      ...VALID,
      SLACK_API_URL: "https://slack-gov.com/api/",
      PORT: "8080",
      DATABASE_URL: "postgresql://mamori:pw@db:5432/mamori",
      PGLITE_DIR: "/var/lib/mamori",
      ORG_FILE: "./org.yml",
      TZ: "UTC",
      LOG_LEVEL: "debug",
    });
    expect(c).toMatchObject({
      slackBotToken: "xoxb-1-2-abc",
      slackSigningSecret: "0123456789abcdef",
      slackApiUrl: "https://slack-gov.com/api/",
      port: 8080,
      databaseUrl: "postgresql://mamori:pw@db:5432/mamori",
      pgliteDir: "/var/lib/mamori",
      orgFile: "./org.yml",
      timeZone: "UTC",
      logLevel: "debug",
    });
    expect(loadConfig({ ...VALID, DATABASE_URL: "postgres://u@h/d" }).databaseUrl).toBe("postgres://u@h/d");
  });

  it("AUDIT_HMAC_KEY: used as given; unset, a random key for this run and a warning; a short one refused", () => {
    const key = "k".repeat(40);
    expect(loadConfig({ ...VALID, AUDIT_HMAC_KEY: key })).toMatchObject({ auditHmacKey: key, warnings: [] });
    const a = loadConfig(VALID);
    const b = loadConfig(VALID);
    expect(a.auditHmacKey).toMatch(/^[0-9a-f]{64}$/);
    expect(a.auditHmacKey).not.toBe(b.auditHmacKey);
    expect(a.warnings).toEqual([expect.stringMatching(/^AUDIT_HMAC_KEY is not set/)]);
    expect(configError({ ...VALID, AUDIT_HMAC_KEY: "short" }).problems).toEqual([expect.stringMatching(/^AUDIT_HMAC_KEY must be at least 32 characters/)]);
  });

  it("no Slack setting at all: the local Slack (mode local), still validating the rest", () => {
    expect(loadConfig({}).mode).toBe("local");
    expect(configError({ PORT: "abc" }).problems).toEqual([expect.stringMatching(/^PORT must be a port number/)]);
    // one Slack setting given: the others it needs are required
    expect(configError({ SLACK_SIGNING_SECRET: "0123456789abcdef" }).problems).toEqual(["SLACK_BOT_TOKEN is required"]);
  });

  it("SLACK_APP_TOKEN switches to Socket Mode, where no signing secret is needed", () => {
    const c = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-A0-123-abc" });
    expect(c.mode).toBe("socket");
    expect(c.slackAppToken).toBe("xapp-1-A0-123-abc");
    expect(loadConfig({ ...VALID, SLACK_APP_TOKEN: "xapp-1" }).mode).toBe("socket");
  });
});

/** Runs `tsx src/main.ts` (what `npm start` runs) with exactly this environment. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "src/main.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 50_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

describe("npm start with a bad configuration", { timeout: 60_000 }, () => {
  it("exits non-zero with one message naming each problem, and no stack trace", async () => {
    const r = await runMain({ PORT: "abc", SLACK_SIGNING_SECRET: "0123456789abcdef", DATABASE_URL: "mysql://root:hunter22@db/mamori" });
    const out = r.stdout + r.stderr;
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull(); // it exited by itself, quickly
    expect(out.match(/Configuration is not valid/g)).toHaveLength(1);
    expect(out).toMatch(/SLACK_BOT_TOKEN is required/);
    expect(out).toMatch(/PORT must be a port number/);
    expect(out).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(out).not.toMatch(/^\s+at /m); // no stack frames
    expect(out).not.toMatch(/\b(Error|ZodError):/);
    expect(out).not.toContain("hunter22"); // the bad value is not echoed with its password
  });
});
