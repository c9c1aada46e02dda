// The tracking rows of reminder DMs (edited in place as their things are done, issue 16) do
// not grow without end: each job that writes them deletes its own rows past their cycle
// (reminders/tracked.ts TRACK_DAYS: 90 days for duties and training, 30 for the others)
// when it runs, keeps the recent ones, and leaves other jobs' rows and the one-thing DMs
// (a subject request's owner DM …) alone. Run through the scheduler as it runs them; what
// the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { TRACK_DAYS } from "../../src/reminders/tracked.js";
import { TRAINING_JOB } from "../../src/training/jobs.js";
import { jst, runJobAt } from "../support/clock.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-12-01T08:00:00")); // a Tuesday
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

/** A tracked reminder DM's row, as a job writes it (already posted). */
const row = (key: string, createdAt: Date, items: string[] = ["duty:x"]) => ({
  key,
  personId: P.manager,
  channelId: "D0MANAGER",
  messageTs: `${createdAt.getTime() / 1000}.000100`,
  body: { text: "reminder", blocks: [] },
  createdAt,
  orderKey: `reminder:${P.manager}`,
  items,
});
const keys = async () => (await db().trackedDm.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key);

const DAY = 86_400_000;
// [job, key prefix of its reminders, when it runs, how many days its reminders are edited]
const JOBS = [
  ["duties.reminders", "duties.reminder", "2026-12-01T09:15:00", TRACK_DAYS.dueDates],
  [TRAINING_JOB, TRAINING_JOB, "2026-12-01T10:00:00", TRACK_DAYS.dueDates],
  ["register.review", "register.review", "2026-12-01T09:30:00", TRACK_DAYS.weekly],
  ["retention.reminders", "retention.reminders", "2026-12-01T09:40:00", TRACK_DAYS.weekly],
  ["incidents.escalations", "incidents.reminder", "2026-12-01T10:05:00", TRACK_DAYS.weekly],
] as const;

describe("tracked reminder rows", () => {
  it("each job deletes its own rows past its cycle (90 days: duties, training; 30: the others), keeps the recent ones and everyone else's", async () => {
    expect(TRACK_DAYS).toEqual({ dueDates: 90, weekly: 30 });
    const rows = JOBS.map(([job, prefix, at, days]) => {
      const run = jst(at).getTime();
      const key = (t: number) => `${prefix}:${new Date(t).toISOString()}`;
      // two days past the window; five minutes inside it; ten days old
      return { job, at, old: key(run - (days + 2) * DAY), edge: key(run - days * DAY + 5 * 60_000), recent: key(run - 10 * DAY) };
    });
    for (const r of rows) {
      const at = (k: string) => new Date(k.slice(k.indexOf(":") + 1));
      await db().trackedDm.createMany({ data: [r.old, r.edge, r.recent].map((k) => row(k, at(k))) });
    }
    // rows no job here writes: a one-thing DM (kept until its thing is done) and the requests' morning reminder (pruned by its own job)
    const long = jst("2026-06-01T09:00:00");
    await db().trackedDm.createMany({ data: [row("dsr:case-1", long, []), row("requests.morning:2026-06-01", long, ["request:x"])] });

    for (const r of rows) {
      const before = await keys();
      const run = await runJobAt(h, clock, r.job, r.at);
      expect(run.result).toMatchObject({ untracked: 1 });
      const after = await keys();
      expect(before.filter((k) => !after.includes(k))).toEqual([r.old]);
      expect(after).toContain(r.edge);
      expect(after).toContain(r.recent);
    }
    const left = await keys();
    for (const r of rows) expect(left).not.toContain(r.old);
    expect(left).toContain("dsr:case-1");
    expect(left).toContain("requests.morning:2026-06-01");

    // a later run deletes the row that has since passed the window, and only that
    const again = await runJobAt(h, clock, "duties.reminders", "2026-12-01T11:15:00");
    expect(again.result).toMatchObject({ untracked: 1 });
    expect(await keys()).not.toContain(rows[0]!.edge);
    expect(await keys()).toContain(rows[0]!.recent);
    expect(await keys()).toContain(rows[2]!.edge);
  });
});
