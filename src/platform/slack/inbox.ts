// Durable from the ack: nothing is acknowledged that is not recorded.
//
// Before a command or a press is acknowledged, its delivery row is written together with
// what it asks for (the payload, its response_url) in one statement (`recordDelivery`,
// actor.ts). The row is "open" while its lease runs (`leaseUntil`), held by the process
// that acknowledged it (`owner`), which renews the lease while the work waits for its
// turn or runs (ackFirst.ts paces the work in memory; this table is where the work
// exists). When the work ends the row is closed and its payload cleared.
//
// When the process dies (kill -9, a crash, a lost machine) its rows stay open. Once
// their lease ends, a recovery pass (at start-up and every few seconds, on every
// replica) claims them in one statement (`FOR UPDATE SKIP LOCKED`, so two replicas never
// take the same row) and:
// - a press declared patient (an approval, a tick: its work opens no modal) is replayed
//   in full from the stored payload;
// - anything else (a command, a press that opens a modal: the trigger_id has expired
//   3 s after Slack issued it) is not redone; the person is told through the stored
//   response_url (valid 30 minutes) that it did not go through and to try again;
// - a row whose work had already committed (`decidedAt`) is closed without either.
//
// Decided at most once: the work runs with a Services whose Prisma client sets
// `decidedAt` on the row inside the first transaction the work commits, and refuses to
// when it is set already. The decision and the mark commit together, so a replay after a
// crash between the decision and the row's closing finds the mark and does nothing.
//
// If the row cannot be written (the database is down or does not answer within
// RECORD_TIMEOUT_MS) the caller acknowledges and tells the person at once, where they
// acted, that nothing was done; nothing is left to replay. An exception thrown by the
// work after the ack is caught here, logged, and the person told.
import crypto from "node:crypto";
import os from "node:os";
import type { Clock } from "../clock.js";
import type { Database } from "../db.js";
import { catalogue, type Lang } from "../i18n.js";
import { errorText, type Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import type { Services } from "../services.js";
import type { WorkGate } from "./ackFirst.js";
import { type Person, recordDelivery } from "./actor.js";

/** How long a process holds a row without renewing it; after that another one takes it over. */
export const INBOX_LEASE_MS = 30_000;
/** how long a stopping process waits for its acknowledged work before handing it over (default) */
export const INBOX_DRAIN_MS = 10_000;
/** How often every replica looks for rows whose holder died. */
export const INBOX_PASS_MS = 5_000;
/** Recording waits at most this long: the ack must still go back within Slack's 3 s. */
export const RECORD_TIMEOUT_MS = 1_500;
/**
 * Journaled, the record's statement waits at most this long for a burst to end (ackFirst.ts)
 * before it is sent: well inside RECORD_TIMEOUT_MS.
 */
const JOURNAL_HOLD_MS = 300;
/** A row claimed this many times (its work killed the process each time?) is given up: the person is told. */
const MAX_ATTEMPTS = 3;
/**
 * A closing statement waits this long for the rows whose work ends meanwhile: in a burst
 * one statement closes many rows, instead of one each on the connection the acks and
 * decisions share. Nothing waits for it but the row (its lease runs 30 s).
 */
const CLOSE_GATHER_MS = 25;
/** Slack's response_url works for 30 minutes. */
const RESPONSE_URL_LIFE_MS = 30 * 60_000;

export type InboxKind = "press" | "command";

/** What a recorded row carries, as the recording caller wrote it. */
export interface InboxPayload {
  userId: string;
  /** where the person is told (a press in a modal has none) */
  responseUrl?: string;
  /** replayed in full after a crash (a patient press), else the person is told */
  replay: boolean;
  /** for the log: the action id or the command */
  what: string;
  /** the payload the work needs (a press's body, trimmed; a command) */
  body: unknown;
}

/** An open row claimed by the recovery pass. */
export interface Claimed {
  key: string;
  kind: InboxKind;
  payload: InboxPayload;
  attempts: number;
  receivedAt: Date;
}

/** An ephemeral answer to the person (a failure to send it is logged, not thrown). */
export type Tell = (text: string) => Promise<unknown>;

/** The work of a row: given the Services to use (decided once) and where to note the person's language once known. */
export type WorkFn = (s: Services, lang: { lang: Lang | undefined }) => Promise<unknown>;

/** Runs the work of a claimed row as `Inbox.work` runs a live one. */
export type Work = (s: Services, fn: WorkFn) => Promise<void>;

/**
 * Replays a patient press from its row: `tell` answers at its response_url, `work` runs
 * it with the decided-once guard. False: it cannot be replayed (the person is told).
 */
export type Replayer = (c: Claimed, tell: Tell, work: Work) => Promise<boolean>;

export const inboxMessages = catalogue(
  {
    notRecorded: "いまは記録できないため、この操作は受け付けられませんでした。何も変更されていません。しばらくしてからもう一度お試しください。",
    notDone: "この操作の処理中にボットが停止したため、完了しませんでした。お手数ですがもう一度お試しください。",
    failed: "処理中にエラーが発生したため、この操作は完了しませんでした。内容は記録されています。もう一度お試しください。",
  },
  {
    notRecorded: "This could not be recorded just now, so it was not taken; nothing was changed. Please try again in a moment.",
    notDone: "The bot stopped while handling this, so it was not done. Please try again.",
    failed: "Something went wrong, so this was not done. The error was logged. Please try again.",
  },
);

/** Said when the person's language is not known (the database that knows it did not answer): both. */
export const notRecordedText = `${inboxMessages("ja").notRecorded}\n${inboxMessages("en").notRecorded}`;

/** The work was already decided by a run that committed (another process took the row over meanwhile). */
export class AlreadyDecided extends Error {
  constructor(key: string) {
    super(`the work of ${key} was already decided`);
  }
}

export interface InboxOptions {
  database: Database;
  clock: Clock;
  log: Logger;
  leaseMs?: number;
  passMs?: number;
  /** the ack-first gate: replays take their turn in its limited slot as the presses they replay did */
  gate?: () => WorkGate | undefined;
  /** posts to a response_url (default: fetch with a 5 s timeout) */
  post?: (url: string, body: object) => Promise<void>;
  /** counts the rows taken over from a stopped process (metrics.ts) */
  metrics?: Metrics;
}

export interface Recorded {
  first: boolean;
  person: Person | null;
}

export class Inbox {
  /** this process, as rows name their holder */
  readonly owner = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  private readonly leaseMs: number;
  private readonly passMs: number;
  /** rows this process holds: their lease is renewed, the recovery pass leaves them alone */
  private readonly held = new Set<string>();
  /** rows whose work ended but whose closing failed (the database was down): closed at the next tick */
  private readonly unclosed = new Map<string, string>();
  private readonly replayers = new Map<InboxKind, Replayer>();
  private timer: NodeJS.Timeout | undefined;
  private beating: Promise<void> | undefined;
  private passing: Promise<void> | undefined;
  private lastPass = 0;
  /** rows handed to the next process at shutdown: their work, should its turn still come here, is not started */
  private readonly handedOver = new Set<string>();
  /** what the last stop did: work finished within the drain, and work handed over */
  lastStop: { drained: number; handedOver: number } | undefined;
  /** stopping: no recovery pass takes up other processes' work */
  private stopping = false;

  constructor(private readonly o: InboxOptions) {
    this.leaseMs = o.leaseMs ?? INBOX_LEASE_MS;
    this.passMs = o.passMs ?? INBOX_PASS_MS;
  }

  /** How a kind's rows are replayed (patient presses); rows of a kind without one are told. */
  onReplay(kind: InboxKind, replayer: Replayer): void {
    this.replayers.set(kind, replayer);
  }

  /**
   * Records the delivery with its work and finds the person, in one statement (call it
   * before the ack), and gives what to await after the ack: whether the delivery is the
   * first of its key, and the person. Throws when it could not be recorded: the caller
   * acks and tells the person `notRecordedText`. A row written after the timeout is
   * closed as abandoned.
   *
   * With an ack journal (the embedded database, ackJournal.ts) the record before the ack
   * is the journal's line, and the statement runs meanwhile: what is awaited after the ack
   * throws when the statement failed (the person is then told `notRecordedText`, and the
   * line abandoned).
   */
  async record(s: Services, kind: InboxKind, key: string, payload: InboxPayload): Promise<() => Promise<Recorded>> {
    const at = this.o.clock.now();
    const leaseUntil = new Date(at.getTime() + this.leaseMs);
    const journal = this.o.database.journal?.isOpen ? this.o.database.journal : undefined;
    if (journal) journal.append({ key, kind, userId: payload.userId, payload, at: at.toISOString() });
    // journaled, the statement waits for the end of a burst (at most JOURNAL_HOLD_MS): the work it starts waits for it anyway
    const gate = journal ? this.o.gate?.() : undefined;
    const hold = gate && (() => gate.whenQuiet(JOURNAL_HOLD_MS));
    const start = () => recordDelivery(s, { key, kind, userId: payload.userId, payload, owner: this.owner, leaseUntil }, hold);
    // journaled: the statement is built and sent after this turn of the event loop, once the ack has gone
    const write = journal ? new Promise<Awaited<ReturnType<typeof start>>>((resolve, reject) => setImmediate(() => start().then(resolve, reject))) : start();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`recording took more than ${RECORD_TIMEOUT_MS} ms`)), RECORD_TIMEOUT_MS);
    });
    const recorded = (async (): Promise<Recorded> => {
      try {
        const r = await Promise.race([write, timeout]);
        if (r.first) this.held.add(key);
        return r.first ? { first: true, person: r.person } : { first: false, person: null };
      } catch (e) {
        // the person is told it was not taken: should the row be written after all, it is closed, not worked
        journal?.abandon(key);
        write.then((r) => (r.first ? this.close(key, "abandoned") : undefined)).catch(() => undefined);
        throw e;
      } finally {
        clearTimeout(timer);
        journal?.ended();
      }
    })();
    if (journal) {
      // awaited after the ack; a failure meanwhile is not an unhandled rejection
      recorded.catch(() => undefined);
      return () => recorded;
    }
    const r = await recorded;
    return async () => r;
  }

  /**
   * Records a delivery (`record`), acknowledges it, and gives whether it is the first of its
   * key with the person; null when it could not be recorded (the person is then told
   * `notRecordedText`, before or after the ack) or is a repeat (a Slack retry, a duplicate).
   */
  async receive(s: Services, kind: InboxKind, key: string, payload: InboxPayload, ack: () => Promise<void>, tell: Tell): Promise<Recorded | null> {
    const notRecorded = async (e: unknown) => {
      this.o.log.error("a delivery could not be recorded; the person is told", { what: payload.what, user: payload.userId, error: errorText(e) });
      await tell(notRecordedText);
      return null;
    };
    let settled: () => Promise<Recorded>;
    try {
      settled = await this.record(s, kind, key, payload);
    } catch (e) {
      await ack();
      return notRecorded(e);
    }
    await ack();
    let recorded: Recorded;
    try {
      // journaled before the ack: the database may still refuse it (the line is then abandoned)
      recorded = await settled();
    } catch (e) {
      return notRecorded(e);
    }
    return recorded.first ? recorded : null;
  }

  /**
   * Runs the work of a recorded row after its ack: with Services that mark the row
   * decided in the first transaction the work commits; an exception is logged and the
   * person told; the row is closed either way. `closing: "later"` (a live delivery, whose
   * handler holds a slot of the ack-first gate until it returns): returns once the work is
   * done, and the row is closed with the others ending within CLOSE_GATHER_MS.
   */
  async work(key: string, s: Services, what: string, tell: Tell, fn: WorkFn, closing: "awaited" | "later" = "awaited"): Promise<void> {
    // handed over at shutdown before its turn came: the next process does it
    if (this.handedOver.has(key)) return;
    this.held.add(key);
    const lang: { lang: Lang | undefined } = { lang: undefined };
    let outcome = "done";
    try {
      await fn(this.decidedOnce(s, key), lang);
    } catch (e) {
      if (e instanceof AlreadyDecided) outcome = "decided";
      else {
        outcome = "failed";
        this.o.log.error("the work after an ack failed; the person is told", { what, key, error: errorText(e) });
        await tell(inboxMessages(lang.lang ?? "ja").failed);
      }
    } finally {
      this.held.delete(key);
    }
    const closed = this.close(key, outcome);
    if (closing === "awaited") await closed;
  }

  /** Starts the recovery pass: now, and every few seconds (with the lease renewals of what this process holds). */
  start(): void {
    if (this.timer) return;
    this.stopping = false;
    const tickMs = Math.max(50, Math.min(this.passMs, Math.floor(this.leaseMs / 3)));
    this.lastPass = 0;
    this.timer = setInterval(() => void this.tick(), tickMs);
    this.timer.unref();
    void this.tick();
  }

  /**
   * Stops for a shutdown (call it once no new deliveries arrive): takes up no other
   * process's work any more, and gives this process's own acknowledged work up to
   * `drainMs` to finish (presses waiting for their turn at the gate included), renewing
   * its leases meanwhile. What is still held then is handed over at once: its lease ends
   * now, so another replica's (or the restarted process's) first recovery pass takes it up
   * instead of waiting out the lease. Should this process still finish one of those, the
   * mark of the first committed decision (`decidedOnce`) keeps it from being done twice.
   */
  async stop(drainMs = INBOX_DRAIN_MS): Promise<{ drained: number; handedOver: number }> {
    this.stopping = true;
    const before = this.held.size;
    const until = Date.now() + drainMs;
    while (this.held.size > this.unclosed.size && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.all([this.beating, this.passing]);
    await this.closesWritten();
    await this.closeUnclosed().catch(() => undefined);
    const left = [...this.held].filter((k) => !this.unclosed.has(k));
    if (left.length > 0) {
      try {
        await this.o.database.query(
          `UPDATE "SlackDelivery" SET "leaseUntil" = $1::timestamp WHERE "key" = ANY($2::text[]) AND "owner" = $3 AND "leaseUntil" IS NOT NULL`,
          [this.o.clock.now().toISOString(), left, this.owner],
        );
        this.o.log.warn("stopping: acknowledged work not finished within the drain is handed to the next process", { count: left.length, drainMs });
      } catch (e) {
        this.o.log.warn("stopping: handing over unfinished work failed; another process takes it up when its lease ends", { error: errorText(e) });
      }
      for (const k of left) {
        this.held.delete(k);
        this.handedOver.add(k);
      }
    }
    this.lastStop = { drained: before - left.length, handedOver: left.length };
    return this.lastStop;
  }

  /** One recovery pass now (tests, and start-up); resolves when the claimed rows are worked. */
  async recover(): Promise<number> {
    if (!this.stopping) await this.writeLeftOver();
    let n = 0;
    for (;;) {
      if (this.stopping) return n;
      const claimed = await this.claim(20);
      if (claimed.length === 0) return n;
      n += claimed.length;
      for (const c of claimed) await this.takeUp(c);
    }
  }

  /**
   * Deliveries that a process which stopped had acknowledged and appended to the ack
   * journal (ackJournal.ts), perhaps never written to the database: written now, due at
   * once (that process is gone: only one process opens an embedded database), so this
   * pass replays them or tells their person. Those already written are left as they are.
   */
  private async writeLeftOver(): Promise<void> {
    const journal = this.o.database.journal;
    const left = journal?.leftOver() ?? [];
    if (!journal || left.length === 0) return;
    const due = new Date(this.o.clock.now().getTime() - 1).toISOString();
    const written = await this.o.database.query<{ key: string }>(
      `INSERT INTO "SlackDelivery" ("key", "receivedAt", "kind", "payload", "owner", "leaseUntil")
       SELECT e->>'key', (e->>'at')::timestamp, e->>'kind', e->'payload', 'ack-journal', $2::timestamp
         FROM jsonb_array_elements($1::jsonb) AS r(e)
       ON CONFLICT ("key") DO NOTHING RETURNING "key"`,
      [JSON.stringify(left), due],
    );
    journal.leftWritten();
    if (written.length > 0) this.o.log.warn("acknowledged work found only in the ack journal of a process that stopped is taken up", { count: written.length });
  }

  /**
   * The lease renewals and the closing of rows the database refused to close run apart
   * from the recovery pass: a pass that replays a long backlog must not let the leases of
   * this process's own work run out meanwhile.
   */
  private tick(): Promise<void> {
    this.beating ??= (async () => {
      try {
        await this.renew();
        await this.closeUnclosed();
      } catch (e) {
        this.o.log.warn("renewing the inbox's leases failed; retried", { error: errorText(e) });
      } finally {
        this.beating = undefined;
      }
    })();
    const beat = this.beating;
    const now = Date.now();
    if (!this.passing && !this.stopping && now - this.lastPass >= this.passMs) {
      this.lastPass = now;
      this.passing = (async () => {
        try {
          await this.recover();
        } catch (e) {
          this.o.log.warn("the inbox's recovery pass failed; retried at the next one", { error: errorText(e) });
        } finally {
          this.passing = undefined;
        }
      })();
    }
    return Promise.all([beat, this.passing]).then(() => undefined);
  }

  /** Extends the lease of every row this process holds (one statement). */
  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    await this.o.database.query(
      `UPDATE "SlackDelivery" SET "leaseUntil" = $1::timestamp WHERE "key" = ANY($2::text[]) AND "owner" = $3 AND "leaseUntil" IS NOT NULL`,
      [this.leaseEnd(), [...this.held], this.owner],
    );
  }

  private leaseEnd(): string {
    return new Date(this.o.clock.now().getTime() + this.leaseMs).toISOString();
  }

  /** Claims open rows whose lease ended (their holder died), oldest first. */
  private async claim(limit: number): Promise<Claimed[]> {
    const rows = await this.o.database.query<{ key: string; kind: InboxKind; payload: InboxPayload; attempts: number; receivedMs: number; decided: boolean }>(
      `UPDATE "SlackDelivery" d SET "owner" = $1, "leaseUntil" = $2::timestamp, "attempts" = d."attempts" + 1
        WHERE d."key" IN (SELECT "key" FROM "SlackDelivery"
                           WHERE "leaseUntil" < $3::timestamp AND NOT ("key" = ANY($4::text[]))
                           ORDER BY "receivedAt" LIMIT $5 FOR UPDATE SKIP LOCKED)
        RETURNING d."key", d."kind", d."payload", d."attempts",
                  (extract(epoch FROM d."receivedAt") * 1000)::float8 AS "receivedMs", d."decidedAt" IS NOT NULL AS "decided"`,
      [this.owner, this.leaseEnd(), this.o.clock.now().toISOString(), [...this.held], limit],
    );
    this.o.metrics?.leaseTakenOver("slack_delivery", rows.length);
    const claimed: Claimed[] = [];
    for (const r of rows) {
      if (r.decided) {
        // its work committed before its holder died: nothing to redo
        await this.close(r.key, "decided");
        continue;
      }
      this.held.add(r.key);
      claimed.push({ key: r.key, kind: r.kind, payload: r.payload, attempts: r.attempts, receivedAt: new Date(r.receivedMs) });
    }
    return claimed.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  }

  /** Replays a claimed row or tells its person that it was not done. */
  private async takeUp(c: Claimed): Promise<void> {
    const tell = this.tellAt(c);
    const replayer = this.replayers.get(c.kind);
    try {
      const replayed = c.payload.replay && replayer && c.attempts <= MAX_ATTEMPTS && (await this.replayIn(c, tell, replayer));
      if (!replayed) {
        this.o.log.warn("acknowledged work of a process that stopped could not be redone; the person is told", {
          key: c.key,
          what: c.payload.what,
          attempts: c.attempts,
        });
        await tell(inboxMessages((await this.langOf(c.payload.userId)) ?? "ja").notDone);
        this.held.delete(c.key);
        await this.close(c.key, "told");
      }
    } catch (e) {
      // the row stays held until its lease ends; another pass takes it up again
      this.o.log.warn("taking up acknowledged work failed; retried later", { key: c.key, error: errorText(e) });
      this.held.delete(c.key);
    }
  }

  /** Replays a patient press in its turn of the ack-first gate's limited slot, as the press itself would have waited. */
  private async replayIn(c: Claimed, tell: Tell, replayer: Replayer): Promise<boolean> {
    this.o.log.info("replaying acknowledged work of a process that stopped", { key: c.key, what: c.payload.what, attempts: c.attempts });
    const release = await this.o.gate?.()?.enter({ waitMs: Infinity, limited: true });
    try {
      return await replayer(c, tell, (s, fn) => this.work(c.key, s, c.payload.what, tell, fn));
    } finally {
      release?.();
    }
  }

  /** How the person of a claimed row is told: its response_url, while Slack still takes it. */
  private tellAt(c: Claimed): Tell {
    return async (text) => {
      const url = c.payload.responseUrl;
      if (!url) return this.o.log.warn("no response_url to tell the person", { key: c.key, user: c.payload.userId });
      if (this.o.clock.now().getTime() - c.receivedAt.getTime() > RESPONSE_URL_LIFE_MS) {
        return this.o.log.error("the response_url has expired; the person could not be told", { key: c.key, user: c.payload.userId });
      }
      try {
        await (this.o.post ?? postJson)(url, { response_type: "ephemeral", replace_original: false, text });
      } catch (e) {
        this.o.log.warn("telling the person failed", { key: c.key, error: errorText(e) });
      }
    };
  }

  private async langOf(userId: string): Promise<Lang | undefined> {
    try {
      const [p] = await this.o.database.query<{ lang: string | null; slackLocale: string | null }>(
        `SELECT "lang", "slackLocale" FROM "Person" WHERE "slackId" = $1`,
        [userId],
      );
      const l = p?.lang ?? p?.slackLocale;
      return l ? (l.toLowerCase().startsWith("en") ? "en" : "ja") : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * Closes a row: its work ended (`outcome`), its payload cleared. Retried at the next tick
   * if the database is down. Rows whose work ends while a closing statement is out are
   * closed together by the next one (in a burst, one statement for many rows instead of
   * one each, on the connection the acks and decisions share).
   */
  private close(key: string, outcome: string): Promise<void> {
    return new Promise<void>((resolve) => {
      this.closing.push({ key, outcome, done: resolve });
      if (!this.closingRuns) void this.closeBatches();
    });
  }

  private readonly closing: { key: string; outcome: string; done: () => void }[] = [];
  private closingRuns = false;

  private async closeBatches(): Promise<void> {
    this.closingRuns = true;
    // the rows whose work ends meanwhile are closed by the same statement
    await new Promise((r) => setTimeout(r, CLOSE_GATHER_MS));
    while (this.closing.length > 0) {
      const batch = this.closing.splice(0, 200);
      try {
        await this.o.database.query(
          `UPDATE "SlackDelivery" d SET "leaseUntil" = NULL, "payload" = NULL, "doneAt" = $3::timestamp, "outcome" = x.outcome
             FROM unnest($1::text[], $2::text[]) AS x("key", outcome) WHERE d."key" = x."key"`,
          [batch.map((b) => b.key), batch.map((b) => b.outcome), this.o.clock.now().toISOString()],
          "mamori_inbox_close_many",
        );
        for (const b of batch) this.unclosed.delete(b.key);
      } catch (e) {
        this.o.log.warn("closing inbox rows failed; retried", { keys: batch.length, error: errorText(e) });
        for (const b of batch) {
          this.unclosed.set(b.key, b.outcome);
          // held, so its lease is renewed and no pass replays what is done
          this.held.add(b.key);
        }
      }
      for (const b of batch) b.done();
    }
    this.closingRuns = false;
  }

  /** Until the closings asked for so far have been sent (a stop waits for them). */
  private async closesWritten(): Promise<void> {
    while (this.closingRuns || this.closing.length > 0) await new Promise((r) => setTimeout(r, 5));
  }

  private async closeUnclosed(): Promise<void> {
    for (const [key, outcome] of [...this.unclosed]) {
      await this.close(key, outcome);
      if (!this.unclosed.has(key)) this.held.delete(key);
    }
  }

  /**
   * Services whose Prisma client marks the row decided in the first transaction the work
   * commits: a transaction that finds it marked already (another process decided it)
   * throws AlreadyDecided and commits nothing.
   */
  decidedOnce(s: Services, key: string): Services {
    const prisma = s.database.prisma;
    const clock = this.o.clock;
    let decided = false;
    const $transaction = (arg: unknown, opts?: unknown): Promise<unknown> => {
      const tx = prisma.$transaction as unknown as (a: unknown, o?: unknown) => Promise<unknown>;
      if (typeof arg !== "function" || decided) return tx.call(prisma, arg, opts);
      const fn = arg as (tx: unknown) => Promise<unknown>;
      return tx
        .call(
          prisma,
          async (t: { $executeRawUnsafe: (sql: string, ...values: unknown[]) => Promise<number> }) => {
            const n = await t.$executeRawUnsafe(
              `UPDATE "SlackDelivery" SET "decidedAt" = $2::timestamp WHERE "key" = $1 AND "decidedAt" IS NULL`,
              key,
              clock.now().toISOString(),
            );
            if (n === 0) throw new AlreadyDecided(key);
            return fn(t);
          },
          opts,
        )
        .then((r) => {
          decided = true;
          return r;
        });
    };
    const guarded = new Proxy(prisma, {
      get(target, prop) {
        if (prop === "$transaction") return $transaction;
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    return { ...s, database: { ...s.database, prisma: guarded } };
  }
}

async function postJson(url: string, body: object): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}
