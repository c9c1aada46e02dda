// A small structured logger that never prints secrets.
export type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
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

export function createLogger(level: Level = "info", secrets: string[] = [], sink: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Logger {
  const masked = secretForms(secrets);
  const emit = (lvl: Level, msg: string, data?: Record<string, unknown>) => {
    if (order[lvl] < order[level]) return;
    const line = JSON.stringify({ t: new Date().toISOString(), level: lvl, msg, ...(data ?? {}) });
    sink(mask(line, masked));
  };
  return {
    debug: (m, d) => emit("debug", m, d),
    info: (m, d) => emit("info", m, d),
    warn: (m, d) => emit("warn", m, d),
    error: (m, d) => emit("error", m, d),
  };
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
