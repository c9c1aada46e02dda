// What the bot counts for an operator, in Prometheus's text format on GET /metrics (the
// port of /healthz, in every mode). One registry per bot (tests run several bots in one
// process); the process's own figures (memory, event loop, GC) only when asked for.
//
// The series, and what they are for:
// - mamori_slack_ack_seconds{kind}: from a request's arrival (HTTP mode: before its body
//   is read; Socket Mode: when Bolt is handed it) until its ack was sent (command, press,
//   submit, event). Slack gives 3 s. mamori_slack_unacknowledged_total: requests nobody
//   acknowledged within 3 s (HTTP mode).
// - mamori_metrics_collect_errors_total: scrapes whose database figures could not be read.
// - mamori_slack_api_calls_total{method}, mamori_slack_api_errors_total{method,error}:
//   every HTTP request to the Web API (retries included), and those that failed: Slack's
//   error code, ratelimited, http_<status>, timeout or request_error. Posts to a
//   response_url and file uploads are counted as methods "response_url" and "file_upload".
// - mamori_outbox_pending_messages, mamori_outbox_due_messages,
//   mamori_outbox_oldest_due_age_seconds: what waits to be sent, read from the database
//   at each scrape (all replicas' rows: the same figure on every replica).
// - mamori_outbox_failed_total{method}: calls given up for good by this process.
// - mamori_job_runs_total{job,result}, mamori_job_duration_seconds{job}: scheduled runs
//   of this process; mamori_job_last_success_timestamp_seconds{job}: the last run that
//   finished well, by any replica (read from the database at each scrape).
// - mamori_lease_takeovers_total{lease}: work a stopped process held, taken over by this
//   one (job_run, outbox_message, slack_delivery).
// - mamori_db_pool_connections{state}, mamori_db_pool_waiting, mamori_db_pool_max: the
//   database driver's pool (pg's; PGlite's has one connection).
// - mamori_work_active, mamori_work_waiting, mamori_work_overflowed_total: the ack-first
//   gate (ackFirst.ts): handlers working after their ack, waiting for a slot, and
//   started after waiting their longest.
// No label ever holds a person, a channel or what anyone typed.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

/** What Slack sent: a slash command or shortcut, a press, a modal submitted or closed, an event. */
export type AckKind = "command" | "press" | "submit" | "event" | "other";

/** What the outbox holds, for the gauges (Outbox.stats). */
export interface OutboxStats {
  pending: number;
  due: number;
  /** seconds the oldest message that should have gone out has waited (0: none) */
  oldestDueAgeSeconds: number;
}

export interface PoolStats {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

export interface GateFigures {
  active: number;
  waiting: number;
  overflowed: number;
}

export type Lease = "job_run" | "outbox_message" | "slack_delivery";

/** A scrape never waits longer than this for the database; the last figures are shown instead. */
const COLLECT_TIMEOUT_MS = 2000;

const SLACK_ERROR = /^[a-z0-9_]{1,60}$/;
const SLACK_METHOD = /^[a-zA-Z]+(\.[a-zA-Z]+)+$/;

export class Metrics {
  readonly registry = new Registry();
  private readonly acks: Histogram<"kind">;
  private readonly unacknowledged: Counter;
  private readonly slackCalls: Counter<"method">;
  private readonly slackErrors: Counter<"method" | "error">;
  private readonly outboxFailed: Counter<"method">;
  private readonly jobRuns: Counter<"job" | "result">;
  private readonly jobSeconds: Histogram<"job">;
  private readonly takeovers: Counter<"lease">;
  private readonly collectErrors: Counter;
  private outbox?: () => Promise<OutboxStats>;
  private jobs?: () => Promise<Record<string, Date | null>>;
  private pool?: () => PoolStats | undefined;
  private gate?: () => GateFigures | undefined;

  constructor(o: { process?: boolean } = {}) {
    const registers = [this.registry];
    this.acks = new Histogram({
      name: "mamori_slack_ack_seconds",
      help: "Time from receiving a Slack request to sending its ack (Slack allows 3 s)",
      labelNames: ["kind"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5],
      registers,
    });
    for (const kind of ["command", "press", "submit", "event"] as const) this.acks.zero({ kind });
    this.unacknowledged = new Counter({
      name: "mamori_slack_unacknowledged_total",
      help: "Slack requests nobody acknowledged within 3 s (HTTP mode; Slack shows the person an error)",
      registers,
    });
    this.slackCalls = new Counter({
      name: "mamori_slack_api_calls_total",
      help: "HTTP requests to the Slack Web API, by method",
      labelNames: ["method"],
      registers,
    });
    this.slackErrors = new Counter({
      name: "mamori_slack_api_errors_total",
      help: "Slack Web API requests that failed, by method and error (Slack's code, ratelimited, http_<status>, timeout, request_error)",
      labelNames: ["method", "error"],
      registers,
    });
    this.outboxFailed = new Counter({
      name: "mamori_outbox_failed_total",
      help: "Outbox calls given up for good by this process",
      labelNames: ["method"],
      registers,
    });
    this.jobRuns = new Counter({
      name: "mamori_job_runs_total",
      help: "Scheduled job runs by this process, by job and result (done, failed)",
      labelNames: ["job", "result"],
      registers,
    });
    this.jobSeconds = new Histogram({
      name: "mamori_job_duration_seconds",
      help: "Duration of scheduled job runs, by job",
      labelNames: ["job"],
      buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 600],
      registers,
    });
    this.takeovers = new Counter({
      name: "mamori_lease_takeovers_total",
      help: "Work held by a stopped process taken over by this one after its lease ended (job_run, outbox_message, slack_delivery)",
      labelNames: ["lease"],
      registers,
    });
    for (const lease of ["job_run", "outbox_message", "slack_delivery"] as const) this.takeovers.inc({ lease }, 0);
    this.collectErrors = new Counter({
      name: "mamori_metrics_collect_errors_total",
      help: "Scrapes whose database figures could not be read (the last ones are shown)",
      registers,
    });

    const self = this;
    const lastSuccess = this.fromDatabase<Record<string, Date | null>>(() => self.jobs?.() ?? Promise.resolve({}), {});
    new Gauge({
      name: "mamori_job_last_success_timestamp_seconds",
      help: "When each job's last successful run finished, by any replica (Unix time; read from the database)",
      labelNames: ["job"],
      registers,
      async collect() {
        for (const [job, at] of Object.entries(await lastSuccess())) if (at) this.set({ job }, at.getTime() / 1000);
      },
    });
    const outboxRead = this.fromDatabase<OutboxStats>(() => self.outbox?.() ?? Promise.resolve({ pending: 0, due: 0, oldestDueAgeSeconds: 0 }), {
      pending: 0,
      due: 0,
      oldestDueAgeSeconds: 0,
    });
    new Gauge({
      name: "mamori_outbox_pending_messages",
      help: "Slack calls in the outbox not yet sent (including those held for later or waiting for a retry)",
      registers,
      async collect() {
        this.set((await outboxRead()).pending);
      },
    });
    new Gauge({
      name: "mamori_outbox_due_messages",
      help: "Slack calls in the outbox due now",
      registers,
      async collect() {
        this.set((await outboxRead()).due);
      },
    });
    new Gauge({
      name: "mamori_outbox_oldest_due_age_seconds",
      help: "How long the oldest outbox call that should have gone out has waited (since written, or since the end of its hold)",
      registers,
      async collect() {
        this.set((await outboxRead()).oldestDueAgeSeconds);
      },
    });
    new Gauge({
      name: "mamori_db_pool_connections",
      help: "Database connections of the driver's pool, by state (busy, idle)",
      labelNames: ["state"],
      registers,
      collect() {
        const p = self.pool?.();
        if (!p) return;
        this.set({ state: "busy" }, p.total - p.idle);
        this.set({ state: "idle" }, p.idle);
      },
    });
    new Gauge({
      name: "mamori_db_pool_waiting",
      help: "Queries waiting for a database connection",
      registers,
      collect() {
        const p = self.pool?.();
        if (p) this.set(p.waiting);
      },
    });
    new Gauge({
      name: "mamori_db_pool_max",
      help: "Most connections the pool opens",
      registers,
      collect() {
        const p = self.pool?.();
        if (p) this.set(p.max);
      },
    });
    new Gauge({
      name: "mamori_work_active",
      help: "Handlers working after their ack (ackFirst gate)",
      registers,
      collect() {
        this.set(self.gate?.()?.active ?? 0);
      },
    });
    new Gauge({
      name: "mamori_work_waiting",
      help: "Handlers waiting for a slot after their ack (ackFirst gate)",
      registers,
      collect() {
        this.set(self.gate?.()?.waiting ?? 0);
      },
    });
    let overflowed = 0;
    new Counter({
      name: "mamori_work_overflowed_total",
      help: "Handlers that started after waiting their longest for a slot (the gate overflowed)",
      registers,
      collect() {
        const now = self.gate?.()?.overflowed ?? overflowed;
        if (now > overflowed) this.inc(now - overflowed);
        overflowed = now;
      },
    });
    if (o.process) collectDefaultMetrics({ register: this.registry, prefix: "mamori_" });
  }

  /** The outbox's figures, read at each scrape. */
  watchOutbox(read: () => Promise<OutboxStats>): void {
    this.outbox = read;
  }

  /** When each job last succeeded (JobRun rows), read at each scrape. */
  watchJobs(read: () => Promise<Record<string, Date | null>>): void {
    this.jobs = read;
  }

  /**
   * A reading from the database for a scrape: the gauges that share it are collected
   * together (registry.metrics() starts every collect at once), so one query serves
   * them all; a reading that fails or takes over 2 s leaves the last figures.
   */
  private fromDatabase<T>(read: () => Promise<T>, initial: T): () => Promise<T> {
    let last = initial;
    let reading: Promise<T> | undefined;
    const now = async () => {
      try {
        last = await withTimeout(read(), COLLECT_TIMEOUT_MS);
      } catch {
        this.collectErrors.inc();
      }
      return last;
    };
    return () => {
      reading ??= now().finally(() => {
        reading = undefined;
      });
      return reading;
    };
  }

  /** The database pool's figures, where the driver exposes them. */
  watchPool(read: () => PoolStats | undefined): void {
    this.pool = read;
  }

  watchGate(read: () => GateFigures | undefined): void {
    this.gate = read;
  }

  ackSent(kind: AckKind, seconds: number): void {
    this.acks.observe({ kind }, seconds);
  }

  /** A request nobody acknowledged in time (Bolt's HTTP receiver gave up on it). */
  ackMissed(): void {
    this.unacknowledged.inc();
  }

  jobRun(job: string, result: "done" | "failed", seconds: number): void {
    this.jobRuns.inc({ job, result });
    this.jobSeconds.observe({ job }, seconds);
  }

  leaseTakenOver(lease: Lease, count = 1): void {
    if (count > 0) this.takeovers.inc({ lease }, count);
  }

  outboxGaveUp(method: string): void {
    this.outboxFailed.inc({ method: methodLabel(method) });
  }

  /**
   * A fetch for the Web API client (its `fetch` option) that counts every request by
   * method, and its failure: Slack's error code when it answered ok: false, else what
   * went wrong on the way.
   */
  slackFetch(apiUrl = "https://slack.com/api/"): typeof fetch {
    const base = apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/`;
    return async (input, init) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      const method = url.startsWith(base) ? methodLabel(url.slice(base.length).split("?")[0]!) : otherUrlLabel(url);
      this.slackCalls.inc({ method });
      let res: Response;
      try {
        res = await fetch(input, init);
      } catch (e) {
        const name = (e as Error | undefined)?.name;
        this.slackErrors.inc({ method, error: name === "TimeoutError" || name === "AbortError" ? "timeout" : "request_error" });
        throw e;
      }
      if (res.status === 429) this.slackErrors.inc({ method, error: "ratelimited" });
      else if (res.status !== 200) this.slackErrors.inc({ method, error: `http_${res.status}` });
      else if (res.headers.get("content-type")?.includes("json")) {
        // read once, and parsed here only when it may be a refusal: the client parses what it
        // is handed (a clone would keep a second copy of every message and view Slack echoes)
        const text = await res.text();
        if (text.includes('"ok":false')) {
          try {
            const data = JSON.parse(text) as { ok?: boolean; error?: unknown };
            if (data.ok === false)
              this.slackErrors.inc({ method, error: typeof data.error === "string" && SLACK_ERROR.test(data.error) ? data.error : "other" });
          } catch {
            // not JSON after all: the client reports it
          }
        }
        return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
      }
      return res;
    };
  }

  /** The text GET /metrics answers. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Bolt posts to response URLs with the same fetch; file contents go to an upload URL. */
function otherUrlLabel(url: string): string {
  if (/\/(commands|actions|response)\//.test(url)) return "response_url";
  if (/\/upload\//.test(url)) return "file_upload";
  return "other";
}

function methodLabel(method: string): string {
  return SLACK_METHOD.test(method) ? method : "other";
}

async function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not answered within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** What Slack sent, from the body Bolt received. */
export function ackKind(body: Record<string, unknown>): AckKind {
  if (typeof body.command === "string" || body.type === "shortcut" || body.type === "message_action") return "command";
  if (body.type === "block_actions") return "press";
  if (body.type === "view_submission" || body.type === "view_closed") return "submit";
  if (body.type === "event_callback" || body.event !== undefined) return "event";
  return "other";
}
