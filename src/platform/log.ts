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

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** What a caught error says, for a log line (its message, or the thing itself when it is no Error). */
export function errorText(e: unknown): string {
  return String((e as Error | undefined)?.message ?? e);
}
