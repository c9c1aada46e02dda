// The bot's logger: pino, one JSON object a line on stderr (or human-readable lines in
// a terminal, LOG_FORMAT=pretty), that never prints secrets or what people typed.
//
// Two nets, one behind the other:
// - by path: fields named like a secret (token, authorization, password, the signing
//   secret, the database URL, ...) or like a body or free text (body, payload, text,
//   blocks, view, values, ...) are replaced by "[redacted]" wherever they sit in the
//   logged object, up to four levels down (pino's `redact`);
// - by value: the configuration's own secrets, Slack tokens of any kind and database
//   URLs' passwords are masked wherever they appear in the finished line (a message, an
//   error's text, a stack trace).
import { createRequire } from "node:module";
import pino from "pino";

export type Level = "debug" | "info" | "warn" | "error";
/** json: one JSON object a line (for a log shipper); pretty: for a person at a terminal; auto: pretty when stderr is a terminal */
export type LogFormat = "json" | "pretty" | "auto";

export interface Logger {
  /** the lowest level written (absent: unknown, every call may write) */
  readonly level?: Level;
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Field names whose value is never logged: secrets, and bodies or free text that may hold personal data. */
export const REDACTED_FIELDS = [
  // secrets
  "token",
  "botToken",
  "appToken",
  "accessToken",
  "authorization",
  "cookie",
  "password",
  "secret",
  "signingSecret",
  "slackBotToken",
  "slackAppToken",
  "slackSigningSecret",
  "databaseUrl",
  "connectionString",
  "auditHmacKey",
  "hmacKey",
  // bodies and what people typed
  "body",
  "rawBody",
  "payload",
  "text",
  "blocks",
  "view",
  "values",
  "state",
  "private_metadata",
  "response_url",
  "email",
  "real_name",
  "realName",
] as const;

/** pino's redaction paths: each field at the top and up to three levels down. */
function redactPaths(): string[] {
  const out: string[] = [];
  for (const f of REDACTED_FIELDS) for (const prefix of ["", "*.", "*.*.", "*.*.*."]) out.push(`${prefix}${f}`);
  return out;
}

const SECRET_PATTERNS = [/xox[abposr]-[A-Za-z0-9-]+/g, /xapp-[A-Za-z0-9-]+/g, /postgres(?:ql)?:\/\/[^@\s]*@/g];

/**
 * What to mask for each secret: itself, as it reads inside a JSON string, and for a URL
 * with a password (DATABASE_URL) that password alone; longest first.
 */
function secretForms(secrets: string[]): string[] {
  const forms = new Set<string>();
  const add = (v: string) => {
    forms.add(v);
    forms.add(JSON.stringify(v).slice(1, -1));
  };
  for (const s of secrets) {
    if (!s) continue;
    add(s);
    if (!URL.canParse(s)) continue;
    const password = new URL(s).password;
    if (!password) continue;
    add(password);
    try {
      add(decodeURIComponent(password));
    } catch {
      // not percent-encoded
    }
  }
  return [...forms].filter((f) => f.length >= 6).sort((a, b) => b.length - a.length);
}

function mask(text: string, forms: string[]): string {
  let out = text;
  for (const s of forms) out = out.split(s).join("[redacted]");
  for (const p of SECRET_PATTERNS) out = out.replace(p, (m) => (m.startsWith("postgres") ? "postgresql://[redacted]@" : `${m.slice(0, 5)}[redacted]`));
  return out;
}

/** Masks tokens and database credentials wherever they appear. */
export function redact(text: string, secrets: string[] = []): string {
  return mask(text, secretForms(secrets));
}

const stderrSink = (line: string) => void process.stderr.write(`${line}\n`);

/**
 * A logger at `level` that masks `secrets` (and anything shaped like a token) and the
 * fields of REDACTED_FIELDS. Each line goes to `sink` (default: stderr), as JSON or,
 * with format pretty (or auto at a terminal), as a readable line.
 */
export function createLogger(level: Level = "info", secrets: string[] = [], sink: (line: string) => void = stderrSink, format: LogFormat = "json"): Logger {
  const masked = secretForms(secrets);
  const pretty = wantsPretty(format, sink === stderrSink) ? prettifier() : undefined;
  const stream = {
    write(chunk: string) {
      const line = mask(chunk.endsWith("\n") ? chunk.slice(0, -1) : chunk, masked);
      sink(pretty ? pretty(line) : line);
    },
  };
  const p = pino(
    {
      level,
      redact: { paths: redactPaths(), censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
  const at =
    (lvl: Level) =>
    (msg: string, data?: Record<string, unknown>): void => {
      if (data) p[lvl](data, msg);
      else p[lvl](msg);
    };
  return { level, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

function wantsPretty(format: LogFormat, toStderr: boolean): boolean {
  if (format === "pretty") return true;
  return format === "auto" && toStderr && process.stderr.isTTY === true;
}

/** pino-pretty's formatter when it is installed, else a small one of our own: JSON line in, readable line out. */
function prettifier(): (line: string) => string {
  try {
    const { prettyFactory } = createRequire(import.meta.url)("pino-pretty") as { prettyFactory: (o: Record<string, unknown>) => (line: string) => string };
    const pretty = prettyFactory({ colorize: process.stderr.isTTY === true, translateTime: "SYS:yyyy-mm-dd HH:MM:ss.l", ignore: "pid,hostname" });
    return (line) => pretty(line).trimEnd();
  } catch {
    return plainLine;
  }
}

/** `2026-12-03T07:00:00.000Z INFO  message key=value ...` */
export function plainLine(line: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, pid: _pid, hostname: _host, ...rest } = o;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return [
    String(time ?? ""),
    String(level ?? "")
      .toUpperCase()
      .padEnd(5),
    String(msg ?? ""),
    ...fields,
  ]
    .join(" ")
    .trim();
}

const BODY_LABEL = /\b(?:body|result|payload|headers|event)\b\s*[:=]/i;

/**
 * A library's debug line without the body it carries: Bolt and the Web API client log what
 * was received and sent ("ack() response sent (body: …)", "http request body: {…}", "http
 * request result: {…}", a developer-mode event as JSON), and those bodies hold what people
 * typed. The line is kept up to the label or the first brace, with how much was left out.
 */
export function withoutBodies(text: string): string {
  const brace = text.search(/[{[]/);
  const label = BODY_LABEL.exec(text);
  const cuts = [brace, label ? label.index + label[0].length : -1].filter((i) => i >= 0);
  if (cuts.length === 0) return text;
  const cut = Math.min(...cuts);
  const left = text.length - cut;
  if (left === 0) return text;
  const kept = text.slice(0, cut).trimEnd();
  return `${kept}${kept ? " " : ""}[${left} characters left out]`;
}

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** What a caught error says, for a log line (its message, or the thing itself when it is no Error). */
export function errorText(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e);
}
