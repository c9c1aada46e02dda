// The tracking rows of reminder DMs (edited in place as their things are done, issue 16) do
// not grow without end: each job that writes them deletes its own rows of more than 30 days
// ago (reminders/tracked.ts TRACK_DAYS) when it runs, keeps the recent ones, and leaves other
// jobs' rows and the one-thing DMs (a subject request's owner DM …) alone. Run through the
// scheduler as it runs them; what the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
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

// [job, key prefix of its reminders, when it runs]
const JOBS = [
  ["duties.reminders", "duties.reminder", "2026-12-01T09:15:00"],
  ["register.review", "register.review", "2026-12-01T09:30:00"],
  [TRAINING_JOB, TRAINING_JOB, "2026-12-01T10:00:00"],
  ["retention.reminders", "retention.reminders", "2026-12-01T09:40:00"],
  ["incidents.escalations", "incidents.reminder", "2026-12-01T10:05:00"],
] as const;

describe("tracked reminder rows", () => {
  it("each job deletes its own rows of more than 30 days ago, keeps the recent ones and everyone else's", async () => {
    const old = jst("2026-10-30T09:15:00"); // 32 days before
    const edge = jst("2026-11-01T10:10:00"); // just under 30 days before each first run (the last at 10:05)
    const recent = jst("2026-11-24T09:15:00");
    for (const [, prefix] of JOBS) {
      await db().trackedDm.createMany({
        data: [row(`${prefix}:${old.toISOString()}`, old), row(`${prefix}:${edge.toISOString()}`, edge), row(`${prefix}:${recent.toISOString()}`, recent)],
      });
    }
    // rows no job here writes: a one-thing DM (kept until its thing is done) and the requests' morning reminder (pruned by its own job)
    await db().trackedDm.createMany({ data: [row("dsr:case-1", old, []), row("requests.morning:2026-10-29", old, ["request:x"])] });

    let gone: string[] = [];
    for (const [job, prefix, at] of JOBS) {
      const before = await keys();
      const r = await runJobAt(h, clock, job, at);
      expect(r.result).toMatchObject({ untracked: 1 });
      const after = await keys();
      gone = [...gone, `${prefix}:${old.toISOString()}`];
      expect(before.filter((k) => !after.includes(k))).toEqual([`${prefix}:${old.toISOString()}`]);
      expect(after).toContain(`${prefix}:${edge.toISOString()}`);
      expect(after).toContain(`${prefix}:${recent.toISOString()}`);
    }
    const left = await keys();
    for (const k of gone) expect(left).not.toContain(k);
    expect(left).toContain("dsr:case-1");
    expect(left).toContain("requests.morning:2026-10-29");

    // a later run deletes the row that has since passed 30 days, and only that
    const again = await runJobAt(h, clock, "duties.reminders", "2026-12-01T11:15:00");
    expect(again.result).toMatchObject({ untracked: 1 });
    expect(await keys()).not.toContain(`duties.reminder:${edge.toISOString()}`);
    expect(await keys()).toContain(`duties.reminder:${recent.toISOString()}`);
    expect(await keys()).toContain(`register.review:${edge.toISOString()}`);
  });
});
