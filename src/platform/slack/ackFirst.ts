// Acknowledge first, work after, a few at a time.
//
// Slack wants every command, press and event acknowledged within 3 s, and a person sees
// the press "take" when it is. The bot's handlers ack first and then do the work (the
// decision's transaction, the modal, the ephemeral answer). Without a limit, a burst of
// presses runs all that work at once on the one event loop: every new request then
// waits behind the database work of the ones before it (Prisma compiles each query on
// the main thread, and PGlite runs the database itself there), and the acks slow down
// with the load. The gate below lets a handler's work after its ack start only when
// one of `slots` is free, in arrival order, so new requests are parsed and acknowledged
// between them. Work that waited `maxWaitMs` starts anyway: a press that opens a modal
// must do so within the 3 s life of its trigger_id, and nothing is starved. Slash
// commands and shortcuts wait at most `commandWaitMs` (the person waits for the modal
// they open; a burst must not queue them for long). Presses that never open a modal
// (an approval, a tick: a feature declares them `patient`, handlers.ts) wait their turn
// however long it takes: in a burst they queue in order instead of all starting after
// a second and crowding out the acks of the presses still arriving. Both kinds hold one
// "limited" slot at a time (`limitedSlots`): decisions take turns on the audit chain's
// lock anyway, and a command's modal is a Web API call the person can wait a moment for,
// so a burst of either leaves the event loop to the acks. The outbox's passes take
// their turn in that slot too (outbox.ts), without a time limit; each pass is short
// (the message edits of a change, or later the Home tabs it refreshes).
//
// In a burst, limited work also waits for a quiet moment (`quietMs`, app.ts): while
// BURST or more requests are unanswered at once or arrive within BURST_WINDOW_MS, and for
// `quietMs` after, a decision, a command's modal or an outbox pass does not start, so the
// acks of the burst do not share the event loop (and the garbage) with the work of the
// ones before; it starts after `quietMaxMs` (a command after `commandWaitMs`) however busy
// it is. A request or two at a time (people at work, one after the other) do not wait for
// it. Both signs are needed: where the record before the ack waits for the database
// server, a burst's requests are unanswered together; where it does not (the embedded
// database's journal line), each is answered before the next is read, and the burst waits
// in the operating system's sockets, unseen but for how close the requests come one after
// the other. And limited work waits `probeMs` (app.ts) after the last arrival, alone or in
// a burst: the first request of a burst is often answered before the second arrives.
//
// The gate only paces the work; it is not where acknowledged work exists. A command or a
// press is recorded in the database with what it asks for before its ack (inbox.ts), so
// work waiting here when the process dies is taken up by the next process or a replica.
//
// It wraps `app.processEvent`, which every Bolt receiver (HTTP and Socket Mode) calls
// with the request's `ack`: the gate sits in that `ack`, after the answer has gone back
// to Slack, so no handler needs to know about it. Work a handler does before its ack
// (a modal submission is stored, then acknowledged) is not held.
import type { App } from "@slack/bolt";
import { ackKind, type AckKind } from "../metrics.js";

export interface GateOptions {
  /** how many handlers may work after their ack at the same time */
  slots: number;
  /** work that waited this long starts even when every slot is taken */
  maxWaitMs: number;
  /** the same for slash commands and shortcuts (default maxWaitMs) */
  commandWaitMs?: number;
  /**
   * how many of the slots `limited` work (an approval, a command's modal, an outbox pass) may hold at
   * once (default 1): decisions take turns on the audit chain's lock anyway, and fewer
   * of them at once leave the event loop to the acks of a burst
   */
  limitedSlots?: number;
  /**
   * Presses whose work after the ack opens no modal (an approval, a tick): in a burst
   * they wait their turn for a slot instead of starting after `maxWaitMs`.
   */
  patient?: (actionId: string) => boolean;
  /** told how long each ack took, from Bolt receiving the request to the answer sent (metrics.ts) */
  ackSent?: (kind: AckKind, seconds: number) => void;
  /**
   * Limited work waits while a burst arrives: while BURST or more requests are unanswered,
   * and this long after (default 0: it does not wait).
   */
  quietMs?: number;
  /** limited work waits for a quiet moment at most this long, then takes its turn as before (default 1000) */
  quietMaxMs?: number;
  /**
   * Limited work also waits until this long has passed since the last request arrived
   * (default 0): the first request of a burst, answered before the second arrives, would
   * otherwise start its work inside the burst.
   */
  probeMs?: number;
  /** the clock of the quiet wait, in ms (default performance.now) */
  now?: () => number;
}

/** A slash command or a shortcut: the person waits for the modal or answer it opens. */
function isCommand(body: Record<string, unknown>): boolean {
  if (typeof body.command === "string") return true;
  return body.type === "shortcut" || body.type === "message_action";
}

export interface GateStats {
  /** handlers working after their ack now */
  active: number;
  /** handlers waiting for a slot */
  waiting: number;
  /** handlers that started after waiting `maxWaitMs` (the gate overflowed) */
  overflowed: number;
  /** requests that arrived and are not answered yet */
  arriving: number;
}

/** Slack's time limit for an ack. */
const SLACK_ACK_MS = 3000;
/** This many requests unanswered at once, or arriving within BURST_WINDOW_MS, are a burst (a person or two at a time are not). */
export const BURST = 3;
/**
 * BURST requests arriving within this long are a burst even when each was answered before
 * the next arrived: the bot reads them one after the other from a queue (the bench's 20 in
 * flight arrive 0.3-1 ms apart on the embedded database); three people pressing within
 * 10 ms of each other are rare, and then their work waits `quietMs`.
 */
export const BURST_WINDOW_MS = 10;

/** A first-come first-served semaphore whose waiters give up waiting after `maxWaitMs`. */
export class WorkGate {
  private active = 0;
  private activeLimited = 0;
  private overflowed = 0;
  private readonly queue: Entry[] = [];
  /** what waits for a quiet moment without taking a slot (`whenQuiet`) */
  private readonly quietWaiters: QuietWaiter[] = [];
  /** requests that arrived and are not answered yet */
  private arriving = 0;
  /** when the last request arrived */
  private lastArrivalAt = Number.NEGATIVE_INFINITY;
  /** the last moment BURST or more requests were unanswered at once, or arrived within BURST_WINDOW_MS */
  private lastBurstAt = Number.NEGATIVE_INFINITY;
  /** when the last BURST requests arrived, oldest first */
  private readonly recentArrivals: number[] = [];
  private quietTimer: NodeJS.Timeout | undefined;
  private quietAt = 0;
  private readonly now: () => number;
  private readonly quietMs: number;
  private readonly quietMaxMs: number;
  private readonly probeMs: number;

  constructor(private readonly o: GateOptions) {
    this.now = o.now ?? (() => performance.now());
    this.quietMs = o.quietMs ?? 0;
    this.quietMaxMs = o.quietMaxMs ?? 1000;
    this.probeMs = o.probeMs ?? 0;
  }

  /** A request arrived; call `answered` once it is answered. */
  arrived(): void {
    this.arriving++;
    const now = this.now();
    this.lastArrivalAt = now;
    this.recentArrivals.push(now);
    if (this.recentArrivals.length > BURST) this.recentArrivals.shift();
    const close = this.recentArrivals.length === BURST && now - this.recentArrivals[0]! <= BURST_WINDOW_MS;
    if (this.arriving >= BURST || close) this.lastBurstAt = now;
  }

  /** A request that `arrived` was answered (or ended without an answer): held work may start `quietMs` after the burst. */
  answered(): void {
    if (this.arriving >= BURST) this.lastBurstAt = this.now();
    this.arriving--;
    if (this.arriving === BURST - 1 && (this.queue.length > 0 || this.quietWaiters.length > 0)) this.next();
  }

  /** Resolves when the caller may work; call the returned function when done (once). */
  enter(turn: Turn = {}): Promise<() => void> {
    const waitMs = turn.waitMs ?? this.o.maxWaitMs;
    // one reading of the clock for the whole look: a quiet moment passing between two
    // readings would leave the work waiting with no timer to look again
    const now = this.now();
    return new Promise((resolve) => {
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.active--;
        if (entry.limited) this.activeLimited--;
        this.next();
      };
      // the slot is counted when it is given, the work starts at once
      const start = () => resolve(release);
      const entry: Entry = {
        start,
        timer: undefined,
        limited: turn.limited ?? false,
        since: now,
        quietMaxMs: this.quietMaxMs,
      };
      // at once, unless work that may start is waiting ahead of it (limited work: unless any waits ahead of it)
      const atOnce = this.mayStart(entry, now) && !(entry.limited && this.queue.some((q) => q.limited)) && this.queue.every((q) => !this.mayStart(q, now));
      if (atOnce && !(entry.limited && this.quietMs > 0)) {
        this.take(entry);
        return start();
      }
      // Limited work looks again after the requests already on their way have been read (the
      // event loop's next poll): the first request of a burst is acknowledged before the rest
      // of it is read, and its work would start inside the burst.
      if (atOnce) setImmediate(() => this.next());
      if (Number.isFinite(waitMs))
        entry.timer = setTimeout(() => {
          const i = this.queue.indexOf(entry);
          if (i < 0) return;
          this.queue.splice(i, 1);
          this.overflowed++;
          this.take(entry);
          start();
        }, waitMs);
      this.queue.push(entry);
      this.recheckQuiet(now);
    });
  }

  /** Resolves at a quiet moment as limited work waits for it (outside a burst, `probeMs` after the last arrival), or after `maxMs`; takes no slot. */
  whenQuiet(maxMs: number): Promise<void> {
    const now = this.now();
    const w: QuietWaiter = { since: now, quietMaxMs: maxMs, resolve: () => undefined };
    if (this.quiet(w, now)) return Promise.resolve();
    return new Promise((resolve) => {
      w.resolve = resolve;
      this.quietWaiters.push(w);
      this.recheckQuiet(now);
    });
  }

  stats(): GateStats {
    return { active: this.active, waiting: this.queue.length, overflowed: this.overflowed, arriving: this.arriving };
  }

  private mayStart(e: Entry, now: number): boolean {
    return this.active < this.o.slots && (!e.limited || (this.activeLimited < (this.o.limitedSlots ?? 1) && this.quiet(e, now)));
  }

  /** Whether limited work may start as far as arriving requests go: no burst for `quietMs`, or it waited `quietMaxMs`. */
  private quiet(e: Waiting, now: number): boolean {
    if (this.quietMs <= 0) return true;
    if (now - e.since >= e.quietMaxMs) return true;
    // requests still unanswered 3 s after the last one arrived (handlers stuck before their ack) are no burst
    if (this.arriving >= BURST && now - this.lastArrivalAt < SLACK_ACK_MS) return false;
    return now - this.lastBurstAt >= this.quietMs && now - this.lastArrivalAt >= this.probeMs;
  }

  /** Looks again when the quiet wait of held work may be over (while requests are unacknowledged, `answered` looks). */
  private recheckQuiet(now: number): void {
    if (this.quietMs <= 0) return;
    let latest = Number.POSITIVE_INFINITY;
    for (const q of this.queue) if (q.limited && !this.quiet(q, now)) latest = Math.min(latest, q.since + q.quietMaxMs);
    for (const w of this.quietWaiters) if (!this.quiet(w, now)) latest = Math.min(latest, w.since + w.quietMaxMs);
    if (latest === Number.POSITIVE_INFINITY) return;
    const quietAt = Math.max(this.lastBurstAt + this.quietMs, this.lastArrivalAt + this.probeMs);
    const at = this.arriving >= BURST ? Math.min(this.lastArrivalAt + SLACK_ACK_MS, latest) : Math.min(quietAt, latest);
    if (this.quietTimer && this.quietAt <= at) return;
    clearTimeout(this.quietTimer);
    this.quietAt = at;
    this.quietTimer = setTimeout(
      () => {
        this.quietTimer = undefined;
        this.next();
      },
      Math.max(1, Math.ceil(at - now)),
    );
  }

  private take(e: Entry): void {
    this.active++;
    if (e.limited) this.activeLimited++;
  }

  /** Starts waiting work in arrival order, passing over limited work while it holds all its slots or waits for quiet. */
  private next(): void {
    // one reading of the clock for the whole look (see enter)
    const now = this.now();
    // limited work starts in arrival order: none passes limited work that must wait
    let limitedWaits = false;
    for (let i = 0; i < this.queue.length && this.active < this.o.slots; ) {
      const e = this.queue[i]!;
      if ((e.limited && limitedWaits) || !this.mayStart(e, now)) {
        if (e.limited) limitedWaits = true;
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      clearTimeout(e.timer);
      this.take(e);
      // a turn of the event loop first: requests that arrived meanwhile are acknowledged before this work starts
      setImmediate(e.start);
    }
    for (let i = 0; i < this.quietWaiters.length; ) {
      const w = this.quietWaiters[i]!;
      if (this.quiet(w, now)) {
        this.quietWaiters.splice(i, 1);
        w.resolve();
      } else i++;
    }
    this.recheckQuiet(now);
  }
}

/** How long something waits for a quiet moment. */
interface Waiting {
  /** when it started waiting */
  since: number;
  /** it waits for quiet at most this long */
  quietMaxMs: number;
}

interface QuietWaiter extends Waiting {
  resolve: () => void;
}

interface Entry extends Waiting {
  start: () => void;
  timer: NodeJS.Timeout | undefined;
  limited: boolean;
}

/** How a piece of work waits for its slot. */
export interface Turn {
  /** how long it waits before it starts anyway (default maxWaitMs; Infinity: however long it takes) */
  waitMs?: number;
  /** held among the `limitedSlots` */
  limited?: boolean;
}

type ReceiverEvent = Parameters<App["processEvent"]>[0];

/**
 * The custom property in which the HTTP receiver says when the request arrived
 * (performance.now(), before its body was read); without it (Socket Mode) the ack
 * latency counts from when Bolt was handed the request.
 */
export const RECEIVED_AT = "mamoriReceivedAt";
/**
 * The custom property in which the HTTP receiver says that it told the gate of the
 * request's arrival (and tells it of its answer); without it (Socket Mode) the request is
 * counted from when Bolt was handed it until its ack.
 */
export const ARRIVAL = "mamoriArrival";

function isPatient(o: GateOptions, body: Record<string, unknown>): boolean {
  if (body.type !== "block_actions" || !o.patient) return false;
  const actions = body.actions as { action_id?: string }[] | undefined;
  return !!actions?.length && actions.every((a) => !!a.action_id && o.patient!(a.action_id));
}

/**
 * Puts a gate between each handler's ack and the work after it. Returns the gate (for
 * the benchmark's figures and for tests).
 */
export function ackFirst(app: App, o: GateOptions, gate = new WorkGate(o)): WorkGate {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const arrived = event.customProperties?.[RECEIVED_AT];
    const received = typeof arrived === "number" ? arrived : performance.now();
    let acked = false;
    const command = isCommand(event.body as Record<string, unknown>);
    let release: (() => void) | undefined;
    const ack = event.ack;
    // counted by the HTTP receiver from its arrival to its answer; else from here to the ack
    const own = event.customProperties?.[ARRIVAL] !== true;
    if (own) gate.arrived();
    // an approval waits however long it takes; a command's modal at most commandWaitMs; both in the limited slots
    const turn: Turn = command
      ? { waitMs: o.commandWaitMs ?? o.maxWaitMs, limited: true }
      : isPatient(o, event.body as Record<string, unknown>)
        ? { waitMs: Infinity, limited: true }
        : {};
    const gated: ReceiverEvent = {
      ...event,
      ack: async (response) => {
        await ack(response);
        if (!acked) {
          acked = true;
          o.ackSent?.(ackKind(event.body as Record<string, unknown>), (performance.now() - received) / 1000);
          if (own) gate.answered();
        }
        if (!release) release = await gate.enter(turn);
      },
    };
    try {
      await processEvent(gated);
    } finally {
      if (!acked && own) gate.answered();
      acked = true;
      release?.();
    }
  };
  return gate;
}
