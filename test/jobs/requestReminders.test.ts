// Approval reminders and escalations, with the clock moved across the thresholds over a
// weekend and a public holiday (勤労感謝の日, Monday 2026-11-23). What the approvers see
// in their DMs and in the thread; what the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { drain, jst, runJobAt, until } from "../support/clock.js";

const { employee, manager, manager2, chief, deputy, compliance } = ORG.people;
const JOB = "requests.morning";

let h: Harness;
const clock = new ManualClock(jst("2026-11-20T10:00:00"));

const runAt = (at: string) => runJobAt(h, clock, JOB, at);

/** The morning reminders a person got (by their opening line: once every item in one is done, it has no menu left) */
const remindersTo = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("あなたの対応を待っている届出が"));
const shown = (m: FakeMessage) => JSON.stringify(m.blocks);

let first: Awaited<ReturnType<typeof fileRequest>>;
let second: Awaited<ReturnType<typeof fileRequest>>;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  first = await fileRequest(h, employee, "purpose");
  second = await fileRequest(h, employee, "method");
  await drain(h, clock);
});
afterAll(async () => h?.close());

describe("approval reminders", () => {
  it("sends nothing on a public holiday", async () => {
    const r = await runAt("2026-11-23T09:00:00");
    expect(r.result).toMatchObject({ skipped: "not a business day" });
    expect(remindersTo(manager)).toEqual([]);
  });

  it("gives each approver one DM with everything waiting, the day after (not yet overdue)", async () => {
    await runAt("2026-11-24T09:00:00");
    for (const m of [manager, manager2]) {
      const dms = remindersTo(m);
      expect(dms).toHaveLength(1);
      expect(shown(dms[0]!)).toContain(first.code);
      expect(shown(dms[0]!)).toContain(second.code);
      expect(shown(dms[0]!)).toContain("1営業日経過");
      expect(shown(dms[0]!)).not.toContain("承認が遅れています");
      // the link goes to the request's thread
      expect(shown(dms[0]!)).toContain(`archives/${first.parent.channel}/p${first.parent.ts.replace(".", "")}`);
    }
    // the requester, the chief and others are not reminded of stage 1
    expect(remindersTo(employee)).toEqual([]);
    expect(remindersTo(chief)).toEqual([]);
  });

  it("marks requests overdue after 2 business days, and the same run never sends twice", async () => {
    await runAt("2026-11-25T09:00:00");
    const latest = remindersTo(manager).at(-1)!;
    expect(remindersTo(manager)).toHaveLength(2);
    expect(shown(latest)).toContain("2営業日経過");
    expect(shown(latest)).toContain("承認が遅れています");
    // the same slot again: claimed already
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-11-25T09:00:00"))).ran).toBe(false);
    await drain(h, clock);
    expect(remindersTo(manager)).toHaveLength(2);
  });

  it("Snooze puts one item off for a business day: the DM says so in place, the next reminder leaves it out, the one after has it again", async () => {
    const dm = remindersTo(manager).at(-1)!;
    const r = await h.slack.blockAction(manager, {
      actionId: ReminderActions.itemMenu,
      blockId: `item:request:${first.id}`,
      message: { channel: dm.channel, ts: dm.ts },
      selectedOption: `1|request:${first.id}`,
    });
    expect(r.status).toBe(200);
    // the press is acknowledged first and handled after: wait for the edit
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(dm.channel, dm.ts)!;
      },
      (m) => shown(m).includes("まで再通知しません"),
    );
    expect(shown(edited)).not.toContain(`1|request:${first.id}`); // its menu is gone
    expect(shown(edited)).toContain(`3|request:${second.id}`);
    expect(await h.bot.services.database.prisma.snooze.count({ where: { personId: manager } })).toBe(1);

    const run = await runAt("2026-11-26T09:00:00");
    expect(run.result).toMatchObject({ snoozedItems: 1 });
    const next = remindersTo(manager).at(-1)!;
    expect(next.ts).not.toBe(dm.ts);
    expect(shown(next)).not.toContain(first.code);
    expect(shown(next)).toContain(second.code);
    // the other manager did not snooze
    expect(shown(remindersTo(manager2).at(-1)!)).toContain(first.code);
    await runAt("2026-11-27T09:00:00");
    expect(shown(remindersTo(manager).at(-1)!)).toContain(first.code);
  });

  it("escalates to the chief after 5 business days, in the thread and by DM, once", async () => {
    // Friday (run in the snooze test): 4 business days, no escalation yet
    expect(h.fake.dms(chief).filter((m) => m.text.includes("エスカレーション"))).toEqual([]);
    await runAt("2026-11-30T09:00:00"); // Monday: 5 (the holiday did not count)
    const escalation = h.fake.dms(chief).filter((m) => m.text.includes("エスカレーション"));
    expect(escalation).toHaveLength(2); // one per request
    expect(escalation.map((m) => m.text).join()).toContain(first.code);
    const thread = h.fake.thread(first.parent.channel, first.parent.ts);
    expect(thread.some((m) => m.text.includes("5営業日滞っている") && m.text.includes(`<@${chief}>`))).toBe(true);
    // not the deputy or compliance at stage 1
    expect(h.fake.dms(deputy).filter((m) => m.text.includes("エスカレーション"))).toEqual([]);

    await runAt("2026-12-01T09:00:00");
    expect(h.fake.dms(chief).filter((m) => m.text.includes("エスカレーション"))).toHaveLength(2);
    expect(h.fake.thread(first.parent.channel, first.parent.ts).filter((m) => m.text.includes("エスカレーション"))).toHaveLength(1);
  });

  it("after stage 1 the chief is reminded of stage 2 and escalation goes to the deputy and compliance", async () => {
    clock.set(jst("2026-12-01T10:00:00"));
    await press(h, manager, first.parent, RequestActions.approve);
    await parentShows(h, first.parent, "第2段階");
    await drain(h, clock);
    await runAt("2026-12-02T09:00:00");
    const dm = remindersTo(chief).at(-1)!;
    expect(shown(dm)).toContain(first.code);
    expect(shown(dm)).toContain("第2段階");
    expect(shown(dm)).toContain("1営業日経過");
    // the managers are no longer reminded of it
    expect(shown(remindersTo(manager2).at(-1)!)).not.toContain(first.code);

    await runAt("2026-12-08T09:00:00"); // 12/2,3,4,7,8: 5 business days
    for (const p of [deputy, compliance]) {
      const e = h.fake.dms(p).filter((m) => m.text.includes("エスカレーション"));
      expect(e).toHaveLength(1);
      expect(e[0]!.text).toContain(first.code);
    }
  });

  it("holds what a night run computes until 08:00 the next business day", async () => {
    const before = remindersTo(chief).length;
    clock.set(jst("2026-12-08T22:00:00"));
    const r = await h.bot.scheduler.runAt(JOB, jst("2026-12-08T22:00:00"));
    expect(r.result).toMatchObject({ heldUntil: jst("2026-12-09T08:00:00").toISOString() });
    await drain(h, clock);
    expect(remindersTo(chief)).toHaveLength(before);
    clock.set(jst("2026-12-09T08:00:00"));
    await drain(h, clock);
    expect(remindersTo(chief)).toHaveLength(before + 1);
  });

  it("reminds the chief of measures not completed 10 business days after the final approval", async () => {
    clock.set(jst("2026-12-09T10:00:00"));
    await press(h, chief, first.parent, RequestActions.approve);
    await parentShows(h, first.parent, "承認済み");
    await drain(h, clock);
    await runAt("2026-12-22T09:00:00"); // 9 business days
    expect(shown(remindersTo(chief).at(-1)!)).not.toContain("措置が未完了");
    await runAt("2026-12-23T09:00:00"); // 10
    const dm = remindersTo(chief).at(-1)!;
    expect(shown(dm)).toContain("必要な措置が未完了");
    expect(shown(dm)).toContain(first.code);
    expect(shown(dm)).toMatch(/措置 0\/\d+ 完了/);
    // once the measures are done, it is no longer listed
    clock.set(jst("2026-12-23T10:00:00"));
    await completeMeasures(h, chief, first.id);
    await drain(h, clock);
    await runAt("2026-12-24T09:00:00");
    expect(remindersTo(chief).filter((m) => shown(m).includes("措置が未完了") && m.ts > dm.ts)).toEqual([]);
  });

  it("records each run with what it did", async () => {
    const runs = await h.bot.scheduler.list();
    const job = runs.find((j) => j.name === JOB)!;
    expect(job.schedule).toBe("0 9 * * 1-5");
    expect(job.lastRun).toMatchObject({ status: "done" });
    expect(await h.bot.services.database.prisma.jobRun.count({ where: { job: JOB, status: "done" } })).toBeGreaterThan(8);
  });
});
