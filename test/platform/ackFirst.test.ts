// The gate between a handler's ack and its work (src/platform/slack/ackFirst.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { App } from "@slack/bolt";
import type { AckKind } from "../../src/platform/metrics.js";
import { ackFirst, BURST, BURST_WINDOW_MS, RECEIVED_AT, WorkGate } from "../../src/platform/slack/ackFirst.js";

describe("WorkGate", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it("lets `slots` work at once and the rest in arrival order as slots free", async () => {
    const gate = new WorkGate({ slots: 2, maxWaitMs: 1000 });
    const started: number[] = [];
    const releases: (() => void)[] = [];
    for (let i = 0; i < 5; i++) void gate.enter().then((r) => (started.push(i), (releases[i] = r)));
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 3 });
    releases[1]!();
    releases[1]!(); // twice is once
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 2 });
    releases[0]!();
    releases[2]!();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 0, overflowed: 0 });
  });

  it("starts work that waited maxWaitMs even when every slot is taken", async () => {
    const gate = new WorkGate({ slots: 1, maxWaitMs: 1000 });
    const started: string[] = [];
    void gate.enter().then(() => started.push("first (never released)"));
    void gate.enter().then(() => started.push("second"));
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual(["first (never released)"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(["first (never released)", "second"]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 0, overflowed: 1 });
  });

  it("patient work (no trigger_id to lose) never overflows: it waits its turn", async () => {
    const gate = new WorkGate({ slots: 1, maxWaitMs: 1000 });
    const started: string[] = [];
    let releaseFirst: (() => void) | undefined;
    void gate.enter().then((r) => (started.push("first"), (releaseFirst = r)));
    void gate.enter({ waitMs: Infinity }).then(() => started.push("patient"));
    await vi.advanceTimersByTimeAsync(5000);
    expect(started).toEqual(["first"]);
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 1, overflowed: 0 });
    releaseFirst!();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(["first", "patient"]);
  });

  it("limited work holds at most limitedSlots; other work passes it in the queue", async () => {
    const gate = new WorkGate({ slots: 3, maxWaitMs: 1000, limitedSlots: 1 });
    const started: string[] = [];
    const releases = new Map<string, () => void>();
    const enter = (name: string, limited: boolean) =>
      void gate.enter({ waitMs: limited ? Infinity : 1000, limited }).then((r) => (started.push(name), releases.set(name, r)));
    enter("decision 1", true);
    enter("decision 2", true);
    enter("modal", false);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(["decision 1", "modal"]);
    expect(gate.stats()).toMatchObject({ active: 2, waiting: 1 });
    releases.get("decision 1")!();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(["decision 1", "modal", "decision 2"]);
  });
});

describe("WorkGate: limited work waits while a burst is arriving", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());
  const gateOf = () => new WorkGate({ slots: 4, maxWaitMs: 1000, quietMs: 10, quietMaxMs: 1000, now: () => Date.now() });
  /** n requests arrive at once */
  const arrive = (gate: WorkGate, n: number) => {
    for (let i = 0; i < n; i++) gate.arrived();
  };
  const answer = (gate: WorkGate, n: number) => {
    for (let i = 0; i < n; i++) gate.answered();
  };

  it("a press alone, or two at once, start their work at once", async () => {
    const gate = gateOf();
    const started: string[] = [];
    arrive(gate, 1);
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("alone"), r()));
    // (a moment later: three within BURST_WINDOW_MS would be a burst)
    await vi.advanceTimersByTimeAsync(BURST_WINDOW_MS + 1);
    arrive(gate, 2);
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("one of two"), r()));
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(["alone", "one of two"]);
  });

  it(`waits while ${BURST} or more are unanswered and quietMs after, then starts in arrival order; other work is not held`, async () => {
    const gate = gateOf();
    const started: string[] = [];
    arrive(gate, 20);
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("a"), r()));
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("b"), r()));
    // a press that opens a modal is not held
    void gate.enter({}).then((r) => (started.push("modal"), r()));
    // the burst goes on: every 2 ms one more answered and one more arrives
    for (let i = 0; i < 20; i++) {
      await vi.advanceTimersByTimeAsync(2);
      answer(gate, 1);
      arrive(gate, 1);
    }
    expect(started).toEqual(["modal"]);
    expect(gate.stats()).toMatchObject({ arriving: 18, waiting: 2 });
    // the burst ends: all answered
    answer(gate, 18);
    await vi.advanceTimersByTimeAsync(9);
    expect(started).toEqual(["modal"]);
    await vi.advanceTimersByTimeAsync(3);
    expect(started).toEqual(["modal", "a", "b"]);
  });

  it("the first request of a burst, acknowledged before the rest was read: its work waits for the end of the burst", async () => {
    const gate = gateOf();
    arrive(gate, 1);
    answer(gate, 1);
    const started: string[] = [];
    void gate.enter({ waitMs: Infinity, limited: true }).then(() => started.push("first's decision"));
    // the rest of the burst, read before the event loop's next turn
    arrive(gate, 5);
    await vi.advanceTimersByTimeAsync(5);
    answer(gate, 5);
    await vi.advanceTimersByTimeAsync(9);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(started).toEqual(["first's decision"]);
  });

  it(`${BURST} requests within ${BURST_WINDOW_MS} ms are a burst though each was answered before the next arrived (read one after the other from a queue)`, async () => {
    const gate = gateOf();
    const started: string[] = [];
    // answered at once, one after the other, 1 ms apart: never more than one unanswered
    for (let i = 0; i < 3; i++) {
      if (i > 0) await vi.advanceTimersByTimeAsync(1);
      arrive(gate, 1);
      answer(gate, 1);
    }
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("first's decision"), r()));
    for (let i = 0; i < 30; i++) {
      await vi.advanceTimersByTimeAsync(1);
      arrive(gate, 1);
      answer(gate, 1);
    }
    expect(started).toEqual([]);
    expect(gate.stats()).toMatchObject({ arriving: 0, waiting: 1 });
    // the queue is empty: quietMs (10) after the last arrival the work starts
    await vi.advanceTimersByTimeAsync(9);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(started).toEqual(["first's decision"]);
    // people one after the other (3 requests, 6 ms apart: 12 ms for three) are no burst
    await vi.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 3; i++) {
      arrive(gate, 1);
      answer(gate, 1);
      void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push(`person ${i}`), r()));
      await vi.advanceTimersByTimeAsync(6);
    }
    expect(started).toEqual(["first's decision", "person 0", "person 1", "person 2"]);
  });

  it("with probeMs, a press alone starts its work probeMs after it arrived; the first of a burst waits for the burst", async () => {
    const gate = new WorkGate({ slots: 4, maxWaitMs: 1000, quietMs: 10, quietMaxMs: 1000, probeMs: 3, now: () => Date.now() });
    const started: string[] = [];
    arrive(gate, 1);
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("alone"), r()));
    await vi.advanceTimersByTimeAsync(2);
    expect(started).toEqual([]);
    // (and a turn of the event loop)
    await vi.advanceTimersByTimeAsync(2);
    expect(started).toEqual(["alone"]);
    // the first of a burst: answered before the second arrives 2 ms later, the rest 1 ms apart
    await vi.advanceTimersByTimeAsync(100);
    arrive(gate, 1);
    answer(gate, 1);
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("first of a burst"), r()));
    await vi.advanceTimersByTimeAsync(2);
    for (let i = 0; i < 10; i++) {
      arrive(gate, 1);
      answer(gate, 1);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(started).toEqual(["alone"]);
    // quietMs (10) after the last arrival
    await vi.advanceTimersByTimeAsync(8);
    expect(started).toEqual(["alone"]);
    await vi.advanceTimersByTimeAsync(3);
    expect(started).toEqual(["alone", "first of a burst"]);
  });

  it("the quiet moment passing while the gate looks (between two readings of its clock) does not leave work waiting", async () => {
    // the clock's readings: the arrival at 0, then a few just after it, then one just before
    // the quiet moment (5 ms after the arrival) and, from then on, the fake time past it
    const t0 = Date.now();
    const readings = [0, 0.1, 0.2, 0.3, 0.4, 4.99];
    const gate = new WorkGate({
      slots: 4,
      maxWaitMs: 1000,
      quietMs: 10,
      quietMaxMs: 1000,
      probeMs: 5,
      now: () => t0 + (readings.shift() ?? Date.now() - t0 + 0.02),
    });
    const started: string[] = [];
    gate.arrived();
    gate.answered();
    void gate.enter({ waitMs: Infinity, limited: true }).then((r) => (started.push("decision"), r()));
    await vi.advanceTimersByTimeAsync(30);
    expect(started).toEqual(["decision"]);
  });

  it("waits for quiet at most quietMaxMs, so a steady stream of requests does not starve the work", async () => {
    const gate = gateOf();
    const started: number[] = [];
    arrive(gate, 5); // never answered
    const t0 = Date.now();
    void gate.enter({ waitMs: Infinity, limited: true }).then(() => started.push(Date.now()));
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(started).toHaveLength(1);
    expect(started[0]! - t0).toBeLessThanOrEqual(1002);
    expect(gate.stats()).toMatchObject({ active: 1, waiting: 0, overflowed: 0 });
  });

  it("requests left unanswered (handlers stuck before their ack) hold nothing once 3 s pass without another", async () => {
    const gate = gateOf();
    arrive(gate, 5);
    await vi.advanceTimersByTimeAsync(3000);
    const started: string[] = [];
    void gate.enter({ waitMs: Infinity, limited: true }).then(() => started.push("decision"));
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(["decision"]);
  });

  it("whenQuiet (the journaled record's statement): at once outside a burst, after one once it is over, at most maxMs", async () => {
    const gate = gateOf();
    const seen: string[] = [];
    arrive(gate, 2);
    void gate.whenQuiet(300).then(() => seen.push("two at once"));
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(["two at once"]);
    answer(gate, 2);
    arrive(gate, 10);
    void gate.whenQuiet(300).then(() => seen.push("after the burst"));
    await vi.advanceTimersByTimeAsync(5);
    answer(gate, 10);
    await vi.advanceTimersByTimeAsync(9);
    expect(seen).toEqual(["two at once"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(["two at once", "after the burst"]);
    arrive(gate, 4); // never answered
    void gate.whenQuiet(300).then(() => seen.push("at most 300 ms"));
    await vi.advanceTimersByTimeAsync(299);
    expect(seen).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(["two at once", "after the burst", "at most 300 ms"]);
  });

  it("a command waits for quiet at most its own wait (its trigger_id expires)", async () => {
    const gate = gateOf();
    arrive(gate, 5); // never answered
    const started: string[] = [];
    void gate.enter({ waitMs: 400, limited: true }).then(() => started.push("modal"));
    await vi.advanceTimersByTimeAsync(399);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(["modal"]);
  });
});

describe("ackFirst tells how long each ack took", () => {
  type Event = Parameters<App["processEvent"]>[0];
  /** A stand-in for Bolt's App: its processEvent acks, as a listener would. */
  function fakeApp(beforeAck: () => Promise<void> = async () => undefined) {
    return {
      processEvent: async (e: Event) => {
        await beforeAck();
        await e.ack();
        await e.ack(); // a second ack is not a second observation
      },
    } as unknown as App;
  }
  const event = (body: Record<string, unknown>, customProperties?: Record<string, unknown>) =>
    ({ body, ack: async () => undefined, retryNum: undefined, retryReason: undefined, customProperties }) as unknown as Event;

  it("per kind, once per request, from the arrival the HTTP receiver recorded", async () => {
    const seen: [AckKind, number][] = [];
    const app = fakeApp(() => new Promise((r) => setTimeout(r, 20)));
    ackFirst(app, { slots: 2, maxWaitMs: 1000, ackSent: (kind, s) => seen.push([kind, s]) });
    await app.processEvent(event({ command: "/privacy", text: "help" }));
    await app.processEvent(event({ type: "block_actions", actions: [{ action_id: "x" }] }, { [RECEIVED_AT]: performance.now() - 500 }));
    await app.processEvent(event({ type: "view_submission" }));
    await app.processEvent(event({ type: "event_callback", event: { type: "app_home_opened" } }));
    expect(seen.map(([k]) => k)).toEqual(["command", "press", "submit", "event"]);
    expect(seen[0]![1]).toBeGreaterThanOrEqual(0.015);
    expect(seen[0]![1]).toBeLessThan(0.5);
    // the body's reading and checking before Bolt are in it
    expect(seen[1]![1]).toBeGreaterThanOrEqual(0.5);
  });
});
