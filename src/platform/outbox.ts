// Transactional outbox for Slack Web API calls. A flow writes its state change, its
// audit entry and the calls it causes in one transaction; this worker sends them
// afterwards, in order per `orderKey`, retrying with back-off, honouring Retry-After,
// and surviving restarts (the rows are in the database). Several replicas may run
// workers: each row is claimed with a lease before it is sent, and the lease is renewed
// while its call is in flight, so a slow Slack does not hand the row to another replica.
//
// Waits are bounded: every call has a timeout, and the worker holds the Slack app's
// shared gate (ackFirst.ts) only for its database work, never across a call to Slack. A
// hung call delays the calls behind it in its order key, nothing else.
//
// At most one copy of each message: a post carries its row id in Slack's message
// metadata, and a post that may have gone out without its result being recorded (a
// crash mid-send, a timeout) is looked for in its channel before it is sent again
// (outboxCopies.ts).
import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.js";
import type { Database, Tx } from "./db.js";
import { errorText, type Logger } from "./log.js";
import type { Metrics, OutboxStats } from "./metrics.js";
import { findEarlierCopy, POST_METHOD, tagged } from "./outboxCopies.js";

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
  /** set when an earlier send of this post may have reached Slack (as it was before this claim) */
  inDoubtSince: Date | null;
  /** the worker whose lease on it had ended when this one claimed it (null: nobody held it) */
  heldBy?: string | null;
}

/** A claimed row whose references are filled in, ready to be sent. */
interface Ready extends Row {
  resolved: Record<string, unknown>;
  /** when this worker claimed it (the post is in doubt from then on) */
  claimedAt: Date;
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
  /** how long a claimed row stays this worker's without being renewed (renewed every third of it while its call is in flight) */
  leaseMs?: number;
  /** calls in flight at once (each of a different order key) */
  concurrency?: number;
  /** a Slack call not answered within this is given up and retried later (default 12 s, above the Web API client's own timeout) */
  callTimeoutMs?: number;
  /** names this worker in the rows it holds (default: random) */
  workerId?: string;
  /**
   * The worker's database work (claiming rows, filling in references, recording
   * results) takes its turn at the Slack app's gate (ackFirst.ts), in the limited slot
   * with the decisions, so a burst of sends does not crowd out the acks. The calls to
   * Slack themselves run outside it: a slow Slack never holds up a decision.
   */
  gate?: { enter(turn?: { waitMs?: number; limited?: boolean }): Promise<() => void> };
  /**
   * While this says the bot is busy (presses waiting for their turn), calls with a
   * collapse key (Home tabs) wait: they collapse meanwhile, and each person's tab is
   * rendered once when the burst is over instead of once for every decision in it.
   */
  busy?: () => boolean;
  /** counts calls given up and leases taken over (metrics.ts) */
  metrics?: Metrics;
}

/** A call not answered in time; it may still have been carried out. */
export class SlackCallTimeout extends Error {
  readonly code = "outbox_call_timeout";
}

const DEFAULT_LEASE_MS = 30_000;
/** Home tabs (rendered when sent, in the gate's limited slot) claimed in one pass at most. */
const COLLAPSIBLE_PER_PASS = 1;
const DEFAULT_CALL_TIMEOUT_MS = 12_000;

/** A call as a row of the JSON array the queueing statements unpack. */
/**
 * One call of enqueueOnce: its once-only notice key, further keys claimed with it, and for
 * a reminder edited in place later, where to track it (slack/trackedDm.ts `trackedReminder`).
 */
export interface OnceItem {
  key: string;
  call: OutgoingCall;
  also?: string[];
  track?: { key: string; personId: string; items: string[] };
}

function rowOf(c: OutgoingCall, now: Date) {
  return {
    orderKey: c.orderKey,
    collapseKey: c.collapseKey ?? null,
    method: c.method,
    payload: c.payload,
    onSent: c.onSent ?? null,
    nextAttemptAt: (c.notBefore && c.notBefore > now ? c.notBefore : now).toISOString(),
  };
}

export class Outbox {
  private resolvers = new Map<string, RefResolver>();
  private handlers = new Map<string, OnSentHandler>();
  private timer: NodeJS.Timeout | undefined;
  private pumping: Promise<number> | undefined;
  private again = false;
  private stopped = true;
  /** sends in flight (each holds the lease of its row) */
  private readonly inFlight = new Set<Promise<void>>();
  private readonly workerId: string;

  constructor(private readonly opts: OutboxOptions) {
    this.workerId = opts.workerId ?? `outbox-${process.pid}-${randomBytes(4).toString("hex")}`;
  }

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
    // One statement and one parameter for the whole list: the rows travel as one JSON
    // array and the database unpacks it. A morning run queues 10,000 DMs of about 1 kB
    // each; as a multi-row insert with nine parameters a row, the client's own handling
    // of the parameters took ten times the database's work.
    const rows = list.map((c) => rowOf(c, now));
    await tx.$executeRaw`
      INSERT INTO "OutboxMessage" ("orderKey", "collapseKey", method, payload, "onSent", "nextAttemptAt", "createdAt")
      SELECT e->>'orderKey', e->>'collapseKey', e->>'method', e->'payload', NULLIF(e->'onSent', 'null'::jsonb),
             (e->>'nextAttemptAt')::timestamp, ${now}
      FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS r(e, n)
      ORDER BY n`;
  }

  /**
   * Queues each call whose once-only notice key (table "Notice") is not claimed yet, and
   * claims it, in one statement on the driver: atomic without a transaction, and with
   * nothing for Prisma to handle. For the scheduled runs that queue thousands of DMs at
   * once; returns the keys this call claimed (the calls it queued).
   */
  async enqueueOnce(items: OnceItem[], noticeAt: Date): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const now = this.opts.clock.now();
    const rows = items.map(({ key, call, also, track }) => ({ key, also: also ?? [], ...rowOf(call, now), ...(track ? { track } : {}) }));
    // `also`: further notice keys claimed with the item's own (each threshold a DM reports),
    // in the same statement, so that a crash never leaves the DM queued and its thresholds open
    const claimed = await this.opts.database.query<{ key: string }>(
      `WITH input AS (SELECT e, n FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(e, n)),
            claimed AS (INSERT INTO "Notice" ("key", "at") SELECT e->>'key', $2::timestamp FROM input
                        ON CONFLICT ("key") DO NOTHING RETURNING "key"),
            queued AS (INSERT INTO "OutboxMessage" ("orderKey", "collapseKey", method, payload, "onSent", "nextAttemptAt", "createdAt")
                       SELECT e->>'orderKey', e->>'collapseKey', e->>'method', e->'payload', NULLIF(e->'onSent', 'null'::jsonb),
                              (e->>'nextAttemptAt')::timestamp, $3::timestamp
                       FROM input JOIN claimed ON claimed."key" = input.e->>'key' ORDER BY n RETURNING id),
            also AS (INSERT INTO "Notice" ("key", "at")
                     SELECT DISTINCT k, $2::timestamp FROM input JOIN claimed ON claimed."key" = input.e->>'key',
                            jsonb_array_elements_text(input.e->'also') AS k
                     ON CONFLICT ("key") DO NOTHING),
            -- a reminder edited in place as its things are done (slack/trackedDm.ts): its row
            -- is written with the post, the body taken from the payload (not sent twice)
            tracked AS (INSERT INTO "TrackedDm" ("key", "personId", body, "createdAt", "orderKey", items)
                        SELECT e->'track'->>'key', e->'track'->>'personId',
                               jsonb_build_object('text', e->'payload'->'text', 'blocks', COALESCE(e->'payload'->'blocks', '[]'::jsonb)),
                               $3::timestamp, e->>'orderKey', ARRAY(SELECT jsonb_array_elements_text(e->'track'->'items'))
                        FROM input JOIN claimed ON claimed."key" = input.e->>'key'
                        WHERE input.e ? 'track'
                        ON CONFLICT ("key", "personId") DO UPDATE
                          SET body = excluded.body, items = excluded.items, "orderKey" = excluded."orderKey",
                              "channelId" = NULL, "messageTs" = NULL)
       SELECT "key" FROM claimed`,
      [JSON.stringify(rows), noticeAt.toISOString(), now.toISOString()],
    );
    return new Set(claimed.map((r) => r.key));
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

  /** Stops claiming; waits for the sends in flight (each ends within the call timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.pumping;
    await Promise.all([...this.inFlight]);
  }

  /** Sends what is ready now (non-blocking). */
  kick(): void {
    // not started, or stopped: rows wait in the table for a running sender (this replica's or another's)
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.pump()
      .catch((e) => {
        this.opts.log.error("outbox run failed", { error: errorText(e) });
        return 0;
      })
      .finally(() => {
        this.pumping = undefined;
        if (this.again && !this.stopped) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends everything that is ready, and waits for the answers. For tests and shutdown. */
  async flush(): Promise<void> {
    for (;;) {
      await this.pumping;
      const claimed = await this.pump();
      if (claimed === 0 && this.inFlight.size === 0) return;
      await Promise.all([...this.inFlight]);
    }
  }

  /** One pass: claims what is ready (up to the concurrency), sends it and waits for the answers; returns how many. */
  async runOnce(): Promise<number> {
    const ready = await this.inTurn(() => this.claimReady(this.opts.concurrency ?? 16));
    await Promise.all(ready.map((row) => this.send(row)));
    return ready.length;
  }

  /** Number of calls not yet sent (pending, including those waiting for a retry). */
  async pendingCount(): Promise<number> {
    return this.opts.database.prisma.outboxMessage.count({ where: { status: "pending" } });
  }

  /**
   * What the outbox holds, for the metrics: calls pending, those due now, and how long
   * the oldest call that should have gone out has waited (since it was written; for a
   * call held for later and not tried yet, since the end of its hold).
   */
  async stats(): Promise<OutboxStats> {
    const now = this.opts.clock.now();
    const [r] = await this.opts.database.prisma.$queryRaw<{ pending: number; due: number; oldest: Date | null }[]>`
      SELECT count(*)::int AS pending,
        (count(*) FILTER (WHERE "nextAttemptAt" <= ${now}))::int AS due,
        min(CASE WHEN attempts = 0 THEN "nextAttemptAt" ELSE "createdAt" END) FILTER (WHERE attempts > 0 OR "nextAttemptAt" <= ${now}) AS oldest
      FROM "OutboxMessage" WHERE status = 'pending'`;
    const oldest = r?.oldest ? new Date(r.oldest) : null;
    return {
      pending: r?.pending ?? 0,
      due: r?.due ?? 0,
      oldestDueAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
    };
  }

  /** Starts sends until every ready row is in flight or the worker is full; returns how many it started. */
  private async pump(): Promise<number> {
    let started = 0;
    for (;;) {
      const room = (this.opts.concurrency ?? 16) - this.inFlight.size;
      if (room <= 0) return started;
      const ready = await this.inTurn(() => this.claimReady(room));
      if (ready.length === 0) return started;
      started += ready.length;
      for (const row of ready) this.track(this.send(row));
    }
  }

  private track(send: Promise<void>): void {
    const p: Promise<void> = send
      .catch((e) => this.opts.log.error("outbox send failed", { error: errorText(e) }))
      .finally(() => {
        this.inFlight.delete(p);
        // the next call of its order key may go now
        this.kick();
      });
    this.inFlight.add(p);
  }

  /** Database work, in its turn at the gate (the limited slot, however long it takes). */
  private async inTurn<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.opts.gate?.enter({ waitMs: Infinity, limited: true });
    try {
      return await work();
    } finally {
      release?.();
    }
  }

  /**
   * Claims the first ready call of each order key not in flight, and fills in its
   * references. Calls with a collapse key (Home tabs, rendered at send time) are claimed
   * only when no other call is ready, so a message edit never waits behind the renders
   * its change caused; and COLLAPSIBLE_PER_PASS at a time (each is rendered in the gate's
   * limited slot), so a decision waiting at the gate waits for one render, not for all that
   * were ready (the next pass looks at the gate again).
   */
  private async claimReady(limit: number): Promise<Ready[]> {
    const { prisma } = this.opts.database;
    const now = this.opts.clock.now();
    // A newer pending call with the same collapse key will say the same, rendered later.
    await prisma.$executeRaw`
      UPDATE "OutboxMessage" o SET status = 'superseded', "lockedUntil" = NULL, "lockedBy" = NULL
      WHERE o.status = 'pending' AND o."collapseKey" IS NOT NULL
        AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
        AND EXISTS (SELECT 1 FROM "OutboxMessage" n WHERE n."collapseKey" = o."collapseKey" AND n.status = 'pending' AND n.id > o.id)`;
    let claimed = await this.claim(now, false, limit);
    if (claimed.length === 0 && !(this.opts.busy?.() ?? false)) claimed = await this.claim(now, true, Math.min(limit, COLLAPSIBLE_PER_PASS));
    const ready: Ready[] = [];
    for (const row of claimed) {
      const resolved = await this.resolveRow(row);
      if (resolved) ready.push({ ...row, resolved, claimedAt: now });
    }
    return ready;
  }

  /**
   * Selects and claims in one statement (a row another replica claimed meanwhile is
   * skipped). A post is in doubt from its claim on, until its result is recorded: a crash
   * after this leaves it so, and the next worker looks for it before posting (from its
   * first claim on, when an earlier one left it in doubt already).
   */
  private async claim(now: Date, collapsible: boolean, limit: number): Promise<Row[]> {
    const lease = new Date(now.getTime() + (this.opts.leaseMs ?? DEFAULT_LEASE_MS));
    const rows = await this.opts.database.prisma.$queryRaw<Row[]>`
      WITH ready AS (
        SELECT o.id, o."inDoubtSince" AS before, o."lockedBy" AS "heldBy" FROM "OutboxMessage" o
        WHERE o.status = 'pending' AND o."nextAttemptAt" <= ${now}
          AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
          AND NOT EXISTS (SELECT 1 FROM "OutboxMessage" p WHERE p."orderKey" = o."orderKey" AND p.status = 'pending' AND p.id < o.id
                          -- a call held for later (quiet hours) and never tried does not hold up the calls after it
                          AND NOT (p.attempts = 0 AND p."nextAttemptAt" > ${now}))
          AND (o."collapseKey" IS NOT NULL) = ${collapsible}
        ORDER BY o.id LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE "OutboxMessage" o SET "lockedUntil" = ${lease}, "lockedBy" = ${this.workerId},
        "inDoubtSince" = CASE WHEN o.method = ${POST_METHOD} THEN COALESCE(o."inDoubtSince", ${now}) ELSE o."inDoubtSince" END
      FROM ready WHERE o.id = ready.id AND o.status = 'pending' AND (o."lockedUntil" IS NULL OR o."lockedUntil" < ${now})
      RETURNING o.id, o.method, o.payload, o."onSent", o.attempts, o."collapseKey", ready.before AS "inDoubtSince", ready."heldBy"`;
    // a row still held by another worker whose lease ended: that worker stopped (or hung) mid-send
    this.opts.metrics?.leaseTakenOver("outbox_message", rows.filter((r) => r.heldBy && r.heldBy !== this.workerId).length);
    return rows;
  }

  /** The row's payload with its references filled in, or undefined when one is not there yet (the row is put back). */
  private async resolveRow(row: Row): Promise<Record<string, unknown> | undefined> {
    try {
      return (await this.resolve(row.payload)) as Record<string, unknown>;
    } catch (e) {
      if (!(e instanceof UnresolvedRef)) throw e;
      // What it refers to is not posted yet (another order key), or its post failed for good.
      if (row.attempts >= MAX_UNRESOLVED_ATTEMPTS) await this.fail(row, `unresolved reference: ${e.message}`, true);
      else
        await this.retryAt(
          row,
          new Date(this.opts.clock.now().getTime() + Math.min(2 ** row.attempts * 500, 60_000)),
          `waiting for ${e.message}`,
          row.inDoubtSince,
        );
      return undefined;
    }
  }

  private async send(row: Ready): Promise<void> {
    const post = row.method === POST_METHOD;
    const payload = post ? tagged(row.resolved, row.id) : row.resolved;
    const renewal = this.renewWhileInFlight(row.id);
    try {
      if (post && row.inDoubtSince) {
        // An earlier send may have posted it: look before posting again.
        let found: Awaited<ReturnType<typeof findEarlierCopy>>;
        try {
          found = await findEarlierCopy(this.timed(), payload, row.id, row.inDoubtSince);
        } catch (e) {
          // Slack answered but cannot be searched (a scope not granted yet, say): posting
          // risks a second copy, waiting would lose the message
          if ((e as { code?: string }).code !== "slack_webapi_platform_error") {
            await this.failed(row, e, row.inDoubtSince);
            return;
          }
          this.opts.log.warn("could not look for an earlier copy of a slack post; posting it", { id: row.id, error: errorText(e) });
          found = { found: false, searched: 0 };
        }
        if (found.found) {
          this.opts.log.info("slack post found from an earlier attempt; not posted again", { id: row.id, ts: found.response.ts });
          await this.sent(row, found.response, payload);
          return;
        }
      }
      // in doubt since its claim (or since an earlier send not ruled out by the search above)
      const doubt = post ? (row.inDoubtSince ?? row.claimedAt) : null;
      let response: Record<string, unknown>;
      try {
        response = await this.timed().apiCall(row.method, payload);
      } catch (e) {
        await this.failed(row, e, doubt);
        return;
      }
      await this.sent(row, response, payload);
    } finally {
      renewal.stop();
    }
  }

  /** Keeps the row's lease while its calls are in flight (the worker that holds it, only). */
  private renewWhileInFlight(id: number): { stop(): void } {
    const leaseMs = this.opts.leaseMs ?? DEFAULT_LEASE_MS;
    const timer = setInterval(
      () => {
        const until = new Date(this.opts.clock.now().getTime() + leaseMs);
        this.opts.database.prisma.outboxMessage
          .updateMany({ where: { id, lockedBy: this.workerId, status: "pending" }, data: { lockedUntil: until } })
          .catch((e) => this.opts.log.warn("outbox lease not renewed", { id, error: errorText(e) }));
      },
      Math.max(10, Math.floor(leaseMs / 3)),
    );
    timer.unref?.();
    return { stop: () => clearInterval(timer) };
  }

  /** The Slack caller with every call bounded by the call timeout. */
  private timed(): SlackCaller {
    const ms = this.opts.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    return {
      apiCall: (method, args) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new SlackCallTimeout(`${method} not answered within ${ms} ms`)), ms);
        });
        return Promise.race([this.opts.slack.apiCall(method, args), timeout]).finally(() => clearTimeout(timer));
      },
    };
  }

  /** Records a sent call (and what its onSent says), if the row is still this worker's. */
  private async sent(row: Ready, response: Record<string, unknown>, payload: Record<string, unknown>): Promise<void> {
    const onSent = row.onSent;
    const h = onSent?.type ? this.handlers.get(String(onSent.type)) : undefined;
    const mine = { id: row.id, lockedBy: this.workerId, status: "pending" };
    const done = await this.inTurn(() => {
      const data = {
        status: "sent",
        sentAt: this.opts.clock.now(),
        attempts: row.attempts + 1,
        lockedUntil: null,
        lockedBy: null,
        lastError: null,
        inDoubtSince: null,
      };
      if (!h) return this.opts.database.prisma.outboxMessage.updateMany({ where: mine, data }).then((r) => r.count > 0);
      return this.opts.database.prisma.$transaction(async (tx) => {
        const r = await tx.outboxMessage.updateMany({ where: mine, data });
        if (r.count === 0) return false;
        await h(tx, onSent!, response, payload);
        return true;
      });
    });
    // another worker took the row over (this one's lease ran out): it looks for this copy before posting
    if (!done) this.opts.log.warn("outbox row taken over while its call was in flight", { id: row.id, method: row.method });
  }

  /** A call that did not succeed: retried later, or given up when Slack says it never will (in its turn at the gate). */
  private failed(row: Ready, e: unknown, inDoubtSince: Date | null): Promise<void> {
    return this.inTurn(() => this.recordFailure(row, e, inDoubtSince));
  }

  private async recordFailure(row: Ready, e: unknown, inDoubtSince: Date | null): Promise<void> {
    const err = e as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
    // Slack answered, and did nothing: the post is not in doubt because of this attempt
    const answered = err.code === "slack_webapi_platform_error" || err.code === "slack_webapi_rate_limited_error";
    const doubt = answered ? null : inDoubtSince;
    if (err.code === "slack_webapi_rate_limited_error" && typeof err.retryAfter === "number") {
      await this.retryAt(row, new Date(this.opts.clock.now().getTime() + err.retryAfter * 1000), "ratelimited", doubt);
      return;
    }
    const slackError = err.data?.error;
    if (slackError && PERMANENT.has(slackError)) {
      await this.fail(row, slackError, true);
      return;
    }
    const delay = Math.min(2 ** row.attempts * 1000, 10 * 60_000);
    await this.retryAt(row, new Date(this.opts.clock.now().getTime() + delay), slackError ?? err.message ?? String(e), doubt);
  }

  // retryAt and fail run in the caller's turn at the gate (claimReady's, or failed's): they never take one themselves
  private async retryAt(row: Row, at: Date, error: string, inDoubtSince: Date | null): Promise<void> {
    this.opts.log.warn("slack call will be retried", { id: row.id, error, at: at.toISOString(), inDoubt: inDoubtSince !== null });
    await this.opts.database.prisma.outboxMessage.updateMany({
      where: { id: row.id, lockedBy: this.workerId, status: "pending" },
      data: { attempts: row.attempts + 1, nextAttemptAt: at, lockedUntil: null, lockedBy: null, lastError: error, inDoubtSince },
    });
  }

  private async fail(row: Row, error: string, permanent: boolean): Promise<void> {
    this.opts.log.error("slack call failed for good", { id: row.id, method: row.method, error, permanent });
    this.opts.metrics?.outboxGaveUp(row.method);
    await this.opts.database.prisma.outboxMessage.updateMany({
      where: { id: row.id, lockedBy: this.workerId, status: "pending" },
      data: { status: "failed", attempts: row.attempts + 1, lockedUntil: null, lockedBy: null, lastError: error },
    });
  }

  /**
   * The payload with each `{ $ref }` replaced by what its resolver gives. A payload without
   * one (most: a message's blocks) is returned as it is, unwalked a second time and uncopied
   * (it was read from its row for this send only).
   */
  private async resolve(value: unknown): Promise<unknown> {
    const refs: Record<string, unknown>[] = [];
    refsIn(value, refs);
    if (refs.length === 0) return value;
    const resolved = new Map<unknown, unknown>(
      await Promise.all(
        refs.map(async (ref): Promise<[unknown, unknown]> => {
          const r = this.resolvers.get(ref.$ref as string);
          if (!r) throw new UnresolvedRef(`no resolver for ${ref.$ref}`);
          const v = await r(this.opts.database.prisma as unknown as Tx, ref);
          if (v === undefined) throw new UnresolvedRef(`${ref.$ref} ${JSON.stringify(ref)}`);
          return [ref, v];
        }),
      ),
    );
    return withRefs(value, resolved);
  }
}

/** The `{ $ref: string }` objects in a payload (not looking inside them). */
function refsIn(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    for (const v of value) refsIn(v, out);
  } else if (value && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    if (typeof obj.$ref === "string") out.push(obj);
    else for (const k in obj) refsIn(obj[k], out);
  }
}

/** A copy of `value` with each reference object replaced by what it resolved to. */
function withRefs(value: unknown, resolved: Map<unknown, unknown>): unknown {
  if (resolved.has(value)) return resolved.get(value);
  if (Array.isArray(value)) return value.map((v) => withRefs(v, resolved));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = withRefs(v, resolved);
    return out;
  }
  return value;
}
