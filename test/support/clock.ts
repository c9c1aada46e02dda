// Tests that move a ManualClock shared by the bot and the fake Slack: send what the
// outbox holds, let Slack's pacing (Retry-After) pass by moving the clock, run a job
// for a Tokyo moment, wait for something a handler does after its ack.
import { vi } from "vitest";
import type { ManualClock } from "../../src/platform/clock.js";
import type { Harness } from "./harness.js";

/** A moment in Tokyo: jst("2026-11-24T09:00:00"). */
export const jst = (s: string) => new Date(`${s}+09:00`);

/** Sends everything due now or within 5 s, moving the clock a second at a time for Retry-After. */
export async function drain(h: Harness, clock: ManualClock): Promise<void> {
  const db = h.bot.services.database.prisma;
  for (let i = 0; i < 40; i++) {
    await h.bot.services.outbox.flush();
    const soon = await db.outboxMessage.count({ where: { status: "pending", nextAttemptAt: { lte: new Date(clock.now().getTime() + 5000) } } });
    if (soon === 0) return;
    clock.advance(1100);
  }
  throw new Error("outbox did not drain");
}

/** Sets the clock to a Tokyo moment, runs the job for it, sends what it wrote. */
export async function runJobAt(h: Harness, clock: ManualClock, job: string, at: string) {
  clock.set(jst(at));
  const r = await h.bot.scheduler.runAt(job, jst(at));
  await drain(h, clock);
  return r;
}

/** Polls `read` until `ok` (real time: for handlers that finish after their ack). */
export async function until<T>(read: () => T | Promise<T>, ok: (t: T) => boolean, ms = 8000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await read();
      if (!ok(v)) throw new Error(`timed out; last ${JSON.stringify(v).slice(0, 300)}`);
      return v;
    },
    { timeout: ms, interval: 20 },
  );
}

/** Waits for `work` while sending what the outbox holds (moving the clock past Retry-After). */
export async function pumping<T>(h: Harness, clock: ManualClock, work: Promise<T>): Promise<T> {
  let done = false;
  const pump = (async () => {
    while (!done) {
      await drain(h, clock);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    return await work;
  } finally {
    done = true;
    await pump;
  }
}

/** Does `open` (a command or a press) and returns the modal with `callbackId` it opened for `user`. */
export async function newView(h: Harness, user: string, callbackId: string, open: () => Promise<unknown>) {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  await open();
  return h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === callbackId));
}
