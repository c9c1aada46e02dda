// Transactional outbox for Slack Web API calls. A flow writes its state change, its
// audit entry and the calls it causes in one transaction; this worker sends them
// afterwards, in order per `orderKey`, retrying with back-off, honouring Retry-After,
// and surviving restarts (the rows are in the database). Several replicas may run
// workers: each row is claimed with a lease before it is sent.
import type { Clock } from "./clock.js";
import type { Database, Tx } from "./db.js";
import type { Logger } from "./log.js";

export interface OutgoingCall {
  /** calls with the same key go out one after another, in the order they were written */
  orderKey: string;
  method: string;
  payload: Record<string, unknown>;
  /** what to record when the call succeeded, handled by a registered OnSentHandler */
  onSent?: { type: string } & Record<string, unknown>;
  /** not sent before this moment (reminders held through quiet hours) */
  notBefore?: Date;
  /**
   * For a call rendered when it is sent ($ref), which says the same however many are
   * waiting: of the pending calls with this key only the newest is sent.
   */
  collapseKey?: string;
}

/** A claimed row of the outbox. */
interface Row {
  id: number;
  method: string;
  payload: unknown;
  onSent: ({ type?: string } & Record<string, unknown>) | null;
  attempts: number;
  collapseKey: string | null;
}

/** Something like WebClient.apiCall. */
export interface SlackCaller {
  apiCall(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Fills placeholders such as {"$ref": "requestMessage", "id": "...", "field": "ts"} at send time. */
export type RefResolver = (tx: Tx, ref: Record<string, unknown>) => Promise<unknown>;
export type OnSentHandler = (tx: Tx, onSent: Record<string, unknown>, response: Record<string, unknown>, payload: Record<string, unknown>) => Promise<void>;

/** Errors that will not go away by trying again. */
const PERMANENT = new Set([
  "channel_not_found",
  "not_in_channel",
  "is_archived",
  "invalid_blocks",
  "invalid_blocks_format",
  "missing_scope",
  "message_not_found",
  "cant_update_message",
  "msg_too_long",
  "no_text",
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "user_not_found",
  "user_not_visible",
  "cannot_dm_bot",
  "unknown_method",
  "invalid_arguments",
  "not_allowed_token_type",
  "restricted_action",
  "too_many_attachments",
  "invalid_arg_name",
  "user_disabled",
]);

export class UnresolvedRef extends Error {}
/** about an hour of back-off before a call whose reference never resolves is given up */
const MAX_UNRESOLVED_ATTEMPTS = 12;

export interface OutboxOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  slack: SlackCaller;
  /** polling interval for retries and rows written by other replicas */
  pollMs?: number;
  leaseMs?: number;
  concurrency?: number;
  /**
   * Each pass waits for a slot of the Slack app's gate (ackFirst.ts), in turn with the
   * handlers' work after their acks: a burst of sends does not crowd out the acks.
   */
  gate?: { enter(turn?: { waitMs?: number; limited?: boolean }): Promise<() => void> };
  /**
   * While this says the bot is busy (presses waiting for their turn), calls with a
   * collapse key (Home tabs) wait: they collapse meanwhile, and each person's tab is
   * rendered once when the burst is over instead of once for every decision in it.
   */
  busy?: () => boolean;
}

export class Outbox {
  private resolvers = new Map<string, RefResolver>();
  private handlers = new Map<string, OnSentHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly opts: OutboxOptions) {}

  registerRef(name: string, resolver: RefResolver): void {
    this.resolvers.set(name, resolver);
  }
  onSent(type: string, handler: OnSentHandler): void {
    this.handlers.set(type, handler);
  }

  /** Writes calls inside the caller's transaction. Call `kick()` after it commits. */
  async enqueue(tx: Tx, calls: OutgoingCall | OutgoingCall[]): Promise<void> {
    const list = Array.isArray(calls) ? calls : [calls];
    if (list.length === 0) return;
    const now = this.opts.clock.now();
    await tx.outboxMessage.createMany({
      data: list.map((c) => ({
        orderKey: c.orderKey,
        collapseKey: c.collapseKey ?? null,
        method: c.method,
        payload: c.payload as object,
        onSent: (c.onSent ?? undefined) as object | undefined,
        nextAttemptAt: c.notBefore && c.notBefore > now ? c.notBefore : now,
        createdAt: now,
      })),
    });
  }

  start(): void {
    this.stopped = false;
    const poll = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(poll, this.opts.pollMs ?? 1000);
      this.timer.unref?.();
    };
    poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Sends what is ready now (non-blocking). */
  kick(): void {
    // not started, or stopped: rows wait in the table for a running sender (this replica's or another's)
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runUntilIdle()
      .catch((e) => this.opts.log.error("outbox run failed", { error: String(e) }))
      .finally(() => {
        this.running = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends everything that is ready, and waits. For tests and shutdown. */
  async flush(): Promise<void> {
    await this.running;
    await this.runUntilIdle();
  }

  /** Number of calls not yet sent (pending, including those waiting for a retry). */
  async pendingCount(): Promise<number> {
    return this.opts.database.prisma.outboxMessage.count({ where: { status: "pending" } });
  }

  private async runUntilIdle(): Promise<void> {
    for (;;) {
      // each pass takes its turn at the gate, in the limited slot with the decisions
      // (before claiming, so no lease runs out while waiting)
      const release = await this.opts.gate?.enter({ waitMs: Infinity, limited: true });
      let sent: number;
      try {
        sent = await this.runOnce();
      } finally {
        release?.();
      }
      if (sent === 0) return;
    }
  }

  /**
   * One pass: claims the first ready call of each order key and sends them concurrently.
   * Calls with a collapse key (Home tabs, rendered at send time) go in a pass of their
   * own once no other call is ready, so a message edit never waits behind the renders
   * its change caused, and each pass is short (it holds a slot of the gate).
   */
  async runOnce(): Promise<number> {
    const { prisma } = this.opts.database;
    const now = this.opts.clock.now();
    // A newer pending call with the same collapse key will say the same, rendered later.
    await prisma.$executeRaw`
      UPDATE "OutboxMessage" o SET status = 'superseded', "lockedUntil" = NULL
      WHERE o.status = 'pending' AND o."collapseKey" IS NOT NULL
        AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
        AND EXISTS (SELECT 1 FROM "OutboxMessage" n WHERE n."collapseKey" = o."collapseKey" AND n.status = 'pending' AND n.id > o.id)`;
    let claimed = await this.claim(now, false);
    if (claimed.length === 0 && !(this.opts.busy?.() ?? false)) claimed = await this.claim(now, true);
    await Promise.all(claimed.map((r) => this.send(r)));
    return claimed.length;
  }

  /** Selects and claims in one statement (a row another replica claimed meanwhile is skipped). */
  private async claim(now: Date, collapsible: boolean): Promise<Row[]> {
    const lease = new Date(now.getTime() + (this.opts.leaseMs ?? 30_000));
    return this.opts.database.prisma.$queryRaw<Row[]>`
      WITH ready AS (
        SELECT o.id FROM "OutboxMessage" o
        WHERE o.status = 'pending' AND o."nextAttemptAt" <= ${now}
          AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
          AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" p WHERE p."orderKey" = o."orderKey" AND p.status = 'pending' AND p.id < o.id
                          -- a call held for later (quiet hours) and never tried does not hold up the calls after it
                          AND NOT (p.attempts = 0 AND p."nextAttemptAt" > ${now}))
          AND (o."collapseKey" IS NOT NULL) = ${collapsible}
        ORDER BY o.id LIMIT ${this.opts.concurrency ?? 16}
        FOR UPDATE SKIP LOCKED)
      UPDATE "OutboxMessage" o SET "lockedUntil" = ${lease}
      FROM ready WHERE o.id = ready.id AND o.status = 'pending' AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
      RETURNING o.id, o.method, o.payload, o."onSent", o.attempts, o."collapseKey"`;
  }

  private async send(row: Row): Promise<void> {
    const { prisma } = this.opts.database;
    const id = row.id;
    let payload: Record<string, unknown>;
    try {
      payload = (await this.resolve(row.payload)) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof UnresolvedRef) {
        // What it refers to is not posted yet (another order key), or its post failed for good.
        if (row.attempts >= MAX_UNRESOLVED_ATTEMPTS) await this.fail(id, row.attempts, `unresolved reference: ${e.message}`, true);
        else
          await this.retryAt(
            id,
            row.attempts,
            new Date(this.opts.clock.now().getTime() + Math.min(2 ** row.attempts * 500, 60_000)),
            `waiting for ${e.message}`,
          );
        return;
      }
      throw e;
    }
    try {
      const response = await this.opts.slack.apiCall(row.method, payload);
      const onSent = row.onSent;
      const h = onSent?.type ? this.handlers.get(String(onSent.type)) : undefined;
      const sentAt = this.opts.clock.now();
      if (!h) {
        await prisma.$executeRaw`
          UPDATE "OutboxMessage" SET status = 'sent', "sentAt" = ${sentAt}, attempts = ${row.attempts + 1}, "lockedUntil" = NULL, "lastError" = NULL
          WHERE id = ${id}`;
        return;
      }
      await prisma.$transaction(async (tx) => {
        await tx.outboxMessage.update({ where: { id }, data: { status: "sent", sentAt, attempts: row.attempts + 1, lockedUntil: null, lastError: null } });
        await h(tx, onSent!, response, payload);
      });
    } catch (e) {
      const err = e as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; message?: string };
      if (err.code === "slack_webapi_rate_limited_error" && typeof err.retryAfter === "number") {
        await this.retryAt(id, row.attempts, new Date(this.opts.clock.now().getTime() + err.retryAfter * 1000), "ratelimited");
        return;
      }
      const slackError = err.data?.error;
      if (slackError && PERMANENT.has(slackError)) {
        await this.fail(id, row.attempts, slackError, true, row.method);
        return;
      }
      const delay = Math.min(2 ** row.attempts * 1000, 10 * 60_000);
      await this.retryAt(id, row.attempts, new Date(this.opts.clock.now().getTime() + delay), slackError ?? err.message ?? String(e));
    }
  }

  private async retryAt(id: number, attempts: number, at: Date, error: string): Promise<void> {
    this.opts.log.warn("slack call will be retried", { id, error, at: at.toISOString() });
    await this.opts.database.prisma.outboxMessage.update({
      where: { id },
      data: { attempts: attempts + 1, nextAttemptAt: at, lockedUntil: null, lastError: error },
    });
  }

  private async fail(id: number, attempts: number, error: string, permanent: boolean, method?: string): Promise<void> {
    this.opts.log.error("slack call failed for good", { id, method, error, permanent });
    await this.opts.database.prisma.outboxMessage.update({
      where: { id },
      data: { status: "failed", attempts: attempts + 1, lockedUntil: null, lastError: error },
    });
  }

  private async resolve(value: unknown): Promise<unknown> {
    if (Array.isArray(value)) return Promise.all(value.map((v) => this.resolve(v)));
    if (value && typeof value === "object") {
      const obj = value as Record<string, unknown>;
      if (typeof obj.$ref === "string") {
        const r = this.resolvers.get(obj.$ref);
        if (!r) throw new UnresolvedRef(`no resolver for ${obj.$ref}`);
        const v = await r(this.opts.database.prisma as unknown as Tx, obj);
        if (v === undefined) throw new UnresolvedRef(`${obj.$ref} ${JSON.stringify(obj)}`);
        return v;
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(obj)) out[k] = await this.resolve(v);
      return out;
    }
    return value;
  }
}
