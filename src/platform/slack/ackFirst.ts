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
}

/** A first-come first-served semaphore whose waiters give up waiting after `maxWaitMs`. */
export class WorkGate {
  private active = 0;
  private activeLimited = 0;
  private overflowed = 0;
  private readonly queue: Entry[] = [];

  constructor(private readonly o: GateOptions) {}

  /** Resolves when the caller may work; call the returned function when done (once). */
  enter(turn: Turn = {}): Promise<() => void> {
    const waitMs = turn.waitMs ?? this.o.maxWaitMs;
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
      const entry: Entry = { start, timer: undefined, limited: turn.limited ?? false };
      // at once, unless work that may start is waiting ahead of it
      if (this.mayStart(entry) && this.queue.every((q) => !this.mayStart(q))) {
        this.take(entry);
        return start();
      }
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
    });
  }

  stats(): GateStats {
    return { active: this.active, waiting: this.queue.length, overflowed: this.overflowed };
  }

  private mayStart(e: Entry): boolean {
    return this.active < this.o.slots && (!e.limited || this.activeLimited < (this.o.limitedSlots ?? 1));
  }

  private take(e: Entry): void {
    this.active++;
    if (e.limited) this.activeLimited++;
  }

  /** Starts waiting work in arrival order, passing over limited work while it holds all its slots. */
  private next(): void {
    for (let i = 0; i < this.queue.length && this.active < this.o.slots; ) {
      const e = this.queue[i]!;
      if (!this.mayStart(e)) {
        i++;
        continue;
      }
      this.queue.splice(i, 1);
      clearTimeout(e.timer);
      this.take(e);
      // a turn of the event loop first: requests that arrived meanwhile are acknowledged before this work starts
      setImmediate(e.start);
    }
  }
}

interface Entry {
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

function isPatient(o: GateOptions, body: Record<string, unknown>): boolean {
  if (body.type !== "block_actions" || !o.patient) return false;
  const actions = body.actions as { action_id?: string }[] | undefined;
  return !!actions?.length && actions.every((a) => !!a.action_id && o.patient!(a.action_id));
}

/**
 * Puts a gate between each handler's ack and the work after it. Returns the gate (for
 * the benchmark's figures and for tests).
 */
export function ackFirst(app: App, o: GateOptions): WorkGate {
  const gate = new WorkGate(o);
  const processEvent = app.processEvent.bind(app);
  app.processEvent = async (event: ReceiverEvent) => {
    const arrived = event.customProperties?.[RECEIVED_AT];
    const received = typeof arrived === "number" ? arrived : performance.now();
    let acked = false;
    const command = isCommand(event.body as Record<string, unknown>);
    let release: (() => void) | undefined;
    const ack = event.ack;
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
        if (!acked) o.ackSent?.(ackKind(event.body as Record<string, unknown>), (performance.now() - received) / 1000);
        acked = true;
        if (!release) release = await gate.enter(turn);
      },
    };
    try {
      await processEvent(gated);
    } finally {
      release?.();
    }
  };
  return gate;
}
