// Small helpers of the benchmark: latency statistics, a closed-loop load runner, the
// process that runs the app under test (talked to over IPC), and table formatting.
import { AsyncLocalStorage } from "node:async_hooks";
import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import path from "node:path";

export interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentile of ascending samples (ms). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), mean: sum / (s.length || 1), max: s.at(-1) ?? Number.NaN };
}

/**
 * Runs `total` operations with `concurrency` of them in flight at any time (closed loop:
 * each worker starts the next operation when its previous one ends) and returns the
 * latency of each, as measured by `op` (ms). `op(i)` gets a global index 0..total-1.
 */
export async function closedLoop(total: number, concurrency: number, op: (i: number) => Promise<number>): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < total; i = next++) out.push(await op(i));
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return out;
}

/** Times one promise-returning call (ms). */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---- the load generator's HTTP client, in a thread of its own ---------------------------

/** Where a timed request's own figure goes (set by ThreadedFetch, read by the caller). */
export const requestTiming = new AsyncLocalStorage<{ ms: number }>();

/**
 * A fetch for SlackRequestSender that sends from bench/sendThread.mjs and times there.
 * This process is also the fake Slack: while it answers the bot's Web API calls (a
 * views.open per command, the messages of each decision) an answer from the app under
 * test would wait for its event loop, and a figure taken here would count that wait.
 * Run inside `requestTiming.run(store, …)`, the request's own time lands in `store.ms`.
 */
export class ThreadedFetch {
  private readonly worker = new Worker(new URL("./sendThread.mjs", import.meta.url));
  private readonly pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; store?: { ms: number } }>();
  private ids = 0;

  constructor() {
    this.worker.unref();
    this.worker.on("message", (m: { id: number; status?: number; headers?: Record<string, string>; text?: string; ms?: number; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.error !== undefined) return p.reject(new Error(m.error));
      if (p.store) p.store.ms = m.ms!;
      p.resolve(new Response(m.status === 204 || m.status === 304 ? null : m.text!, { status: m.status!, headers: m.headers }));
    });
  }

  readonly fetch = (url: string, init: { method: string; headers: Record<string, string>; body: string }): Promise<Response> =>
    new Promise((resolve, reject) => {
      const id = ++this.ids;
      this.pending.set(id, { resolve, reject, store: requestTiming.getStore() });
      this.worker.postMessage({ id, url, init });
    });

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

// ---- the app under test, in a process of its own ---------------------------------------

/**
 * How `npm start` runs the bot (package.json): the environment variables set before `node`
 * (malloc's arenas) and node's own flags (V8's heap), without the TypeScript loader, which
 * the benchmark's processes have already. The bot and the bare Bolt app run with them, so
 * the memory rows show what a user's process holds. `v8Defaults`: without node's flags (V8's
 * own heap sizes), to tell what the memory flags cost the acks from what the bot's work does.
 */
export function startSettings(v8Defaults = false): { env: Record<string, string>; execArgv: string[] } {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../package.json"), "utf8")) as { scripts: Record<string, string> };
  const words = pkg.scripts.start!.trim().split(/\s+/);
  const env: Record<string, string> = {};
  let i = 0;
  for (; i < words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[i]!); i++) {
    const [name, ...value] = words[i]!.split("=");
    env[name!] = value.join("=");
  }
  if (words[i] !== "node") throw new Error(`package.json's start script does not run node: ${pkg.scripts.start}`);
  const execArgv: string[] = [];
  for (i++; i < words.length && words[i]!.startsWith("--"); i++) {
    if (words[i] === "--import") i++;
    else if (!v8Defaults) execArgv.push(words[i]!);
  }
  return { env, execArgv };
}

/**
 * The bot (or the bare Bolt app) runs in a child process, so the load generator and the
 * fake Slack (this process) do not share its event loop and its memory figure is its own.
 * Control messages go over IPC; timed traffic goes over HTTP only.
 */
export class AppProcess {
  private seq = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private exited = false;

  private constructor(private readonly child: ChildProcess) {
    child.on("message", (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
    });
    child.on("exit", (code) => {
      this.exited = true;
      for (const p of this.pending.values()) p.reject(new Error(`app process exited (${code})`));
      this.pending.clear();
    });
  }

  /** Starts bench/app.ts with `env`; resolves once it reports that it listens. */
  static async start(env: Record<string, string>, execArgv: string[] = []): Promise<AppProcess> {
    const child = fork(path.resolve(import.meta.dirname, "app.ts"), [], {
      // tsx's loader flags, so the child runs TypeScript too
      execArgv: [...process.execArgv, ...execArgv],
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    const p = new AppProcess(child);
    await p.call("ready");
    return p;
  }

  call<T = unknown>(cmd: string, args: unknown = {}): Promise<T> {
    if (this.exited) return Promise.reject(new Error("app process has exited"));
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args });
    });
  }

  /** Ends the process at once (its work is lost), and waits for it to exit. */
  async kill(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((r) => this.child.once("exit", () => r()));
    this.child.kill("SIGKILL");
    await gone;
  }

  /**
   * Asks the process to stop cleanly (closing its database) and waits for it to exit;
   * after `timeoutMs` it is killed. Resolves false when it had to be killed.
   */
  async stop(timeoutMs = 20_000): Promise<boolean> {
    if (this.exited) return true;
    const gone = new Promise<boolean>((r) => this.child.once("exit", () => r(true)));
    this.call("stop").catch(() => undefined);
    const clean = await Promise.race([gone, sleep(timeoutMs).then(() => false)]);
    if (!clean) await this.kill();
    return clean;
  }
}

// ---- output ---------------------------------------------------------------------------

export const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));

/** A plain-text table; numbers right-aligned. */
export function table(head: string[], rows: (string | number)[][]): string {
  // Columns left empty everywhere are dropped.
  const keep = head.map((h, i) => h !== "" || rows.some((r) => String(r[i] ?? "") !== ""));
  const pick = (r: (string | number)[]) => r.map(String).filter((_, i) => keep[i]);
  head = pick(head);
  const cells = [head, ...rows.map(pick)];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ""))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (/^[\d.,x<>≤ —-]+( ms| MB)?$/.test(c) && i > 0 ? pad(c, widths[i]!, true) : pad(c, widths[i]!, false)))
      .join("  ")
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

/** Display width: East Asian wide characters count twice. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
