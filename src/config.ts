// The environment, validated once at start-up. A bad value stops the bot with one
// message naming every problem.
import crypto from "node:crypto";
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const ConfigSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^xox[bp]-/, "must start with xoxb- (a bot token)")
        .optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString,
    SLACK_APP_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^xapp-/, "must start with xapp- (an app-level token)")
        .optional(),
    ),
    SLACK_API_URL: optionalString.pipe(z.url({ message: "must be a URL such as https://slack.com/api/" }).optional()),
    PORT: optionalString.pipe(
      z
        .string()
        .regex(/^\d+$/, "must be a port number (1-65535)")
        .transform(Number)
        .pipe(z.number().min(1, "must be 1-65535").max(65535, "must be 1-65535"))
        .optional(),
    ),
    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL")
        .optional(),
    ),
    PGLITE_DIR: optionalString,
    ORG_FILE: optionalString,
    SETTINGS_FILE: optionalString,
    TZ: optionalString,
    LOG_LEVEL: optionalString.pipe(z.enum(["debug", "info", "warn", "error"]).optional()),
    LOG_FORMAT: optionalString.pipe(z.enum(["json", "pretty", "auto"], { message: "must be json, pretty or auto" }).optional()),
    // read by openDatabase (src/platform/db.ts, planCache.ts); checked here so that a typo stops the bot at start
    MAMORI_PLAN_CACHE: optionalString.pipe(z.enum(["on", "off", "verify"], { message: "must be on, off or verify" }).optional()),
    // the audit chain's keyed hashes of free text (src/platform/pii/seal.ts): a short key would be guessed
    AUDIT_HMAC_KEY: optionalString.pipe(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -hex 32)").optional()),
  })
  .superRefine((c, ctx) => {
    // No Slack setting at all: local mode (the local Slack). Any of them: real Slack, all required.
    if (!c.SLACK_BOT_TOKEN && !c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN) return;
    if (!c.SLACK_BOT_TOKEN) ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "is required" });
    if (!c.SLACK_SIGNING_SECRET && !c.SLACK_APP_TOKEN)
      ctx.addIssue({ code: "custom", path: ["SLACK_SIGNING_SECRET"], message: "is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)" });
  });

export interface Config {
  slackBotToken: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  slackApiUrl?: string;
  port: number;
  databaseUrl?: string;
  pgliteDir: string;
  orgFile?: string;
  /** company settings (calendar, quiet hours, job schedules, thresholds); see src/settings.ts */
  settingsFile?: string;
  timeZone: string;
  logLevel: "debug" | "info" | "warn" | "error";
  /** json: one JSON object a line; pretty: readable lines; auto (default): pretty when stderr is a terminal, else json */
  logFormat: "json" | "pretty" | "auto";
  /** http, socket: real Slack; local: no Slack settings, the local Slack at http://localhost:PORT */
  mode: "http" | "socket" | "local";
  /**
   * The key of the keyed hashes (HMAC-SHA256) the audit chain keeps instead of free text.
   * Unset: a random key for this run (a local trial), and a warning: hashes of one run
   * then match nothing written by another.
   */
  auditHmacKey?: string;
  /** what the bot says at start about settings left to their trial defaults */
  warnings?: string[];
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join("\n")}\nSee .env.example and the README.`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = ConfigSchema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`));
  }
  const c = r.data;
  const warnings: string[] = [];
  if (!c.AUDIT_HMAC_KEY)
    warnings.push(
      "AUDIT_HMAC_KEY is not set: the audit log's hashes of free text use a random key for this run only; set one (openssl rand -hex 32) before real use",
    );
  return {
    slackBotToken: c.SLACK_BOT_TOKEN ?? "",
    slackSigningSecret: c.SLACK_SIGNING_SECRET,
    slackAppToken: c.SLACK_APP_TOKEN,
    slackApiUrl: c.SLACK_API_URL,
    port: c.PORT ?? 3000,
    databaseUrl: c.DATABASE_URL,
    pgliteDir: c.PGLITE_DIR ?? "./.data/pglite",
    orgFile: c.ORG_FILE,
    settingsFile: c.SETTINGS_FILE,
    timeZone: c.TZ ?? "Asia/Tokyo",
    logLevel: c.LOG_LEVEL ?? "info",
    logFormat: c.LOG_FORMAT ?? "auto",
    mode: c.SLACK_APP_TOKEN ? "socket" : c.SLACK_BOT_TOKEN ? "http" : "local",
    auditHmacKey: c.AUDIT_HMAC_KEY ?? crypto.randomBytes(32).toString("hex"),
    warnings,
  };
}
