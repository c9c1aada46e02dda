// Training reminders (規程 第28条) with the clock moved across their thresholds: 30 days
// before the due day (crossed on a Saturday), 7 days before (crossed on 勤労感謝の日,
// Monday 2026-11-23), weekly while overdue; a course never taken; one DM per person
// with everything waiting; snooze; quiet hours; exactly once per slot and threshold.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { recordCompletion } from "../../src/training/flows.js";
import { TrainingViews } from "../../src/training/ids.js";
import { TRAINING_JOB } from "../../src/training/jobs.js";
import { CSV_HEADER_FULL } from "../../src/training/rules.js";
import { parseSettings } from "../../src/settings.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { JAPANESE } from "../support/commands.js";
import { ORG } from "../support/org.js";
import { drain, jst, runJobAt, until } from "../support/clock.js";

const P = ORG.people;

const SETTINGS = parseSettings(`
training:
  courses:
    - { id: basic, name: 個人情報保護基礎研修, nameEn: Personal information basics, audience: all, url: "https://learn.example.com/basic" }
    - { id: manager, name: 個人情報管理者研修, nameEn: Privacy manager curriculum, audience: manager, url: "https://learn.example.com/manager" }
    - { id: handler, name: 個人情報取扱担当者研修, nameEn: Data handler curriculum, audience: handler }
`);

let h: Harness;
const clock = new ManualClock(jst("2026-10-30T09:00:00"));

const runAt = (at: string) => runJobAt(h, clock, TRAINING_JOB, at);

const remindersTo = (user: string) => h.fake.dms(user).filter((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.itemMenu));
const shown = (m: FakeMessage | undefined) => JSON.stringify(m?.blocks ?? []);
const counts = () => Object.fromEntries(Object.entries(P).map(([k, id]) => [k, remindersTo(id).length]));
/** who got how many new reminders since `before` */
const newSince = (before: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(counts())
      .filter(([k, n]) => n !== before[k])
      .map(([k, n]) => [k, n - before[k]!]),
  );

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: SETTINGS });
  const s = h.bot.services;
  const done = (personId: string, courseId: string, completedOn: string) => recordCompletion(s, { personId, courseId, completedOn, evidence: null });
  await done(P.employee, "basic", "2025-11-30"); // due 2026-11-30 (Mon): 30 days before is Saturday, 7 days before the holiday
  await done(P.employee, "handler", "2026-06-01");
  await done(P.employee2, "basic", "2025-12-04"); // due 2026-12-04 (Fri)
  for (const p of [P.manager, P.manager2]) {
    await done(p, "basic", "2026-05-01");
    await done(p, "manager", "2026-05-01");
  }
  for (const p of [P.chief, P.deputy, P.compliance, P.auditor, P.admin]) await done(p, "basic", "2026-05-01");
  // P.soloManager and P.english have never taken a course. Alex's Slack is in English:
  // the bot learns it when Alex first uses it.
  await h.slack.command(P.english, "/privacy", "training");
  const mine = await h.fake.waitFor(() => h.fake.ephemerals(P.english)[0]);
  expect(JSON.stringify(mine)).toContain("Not taken");
});
afterAll(async () => h?.close());

describe("training reminders", () => {
  it("first run: a course never taken is due in 30 days; the person gets one DM with every such course, links and snooze menus", async () => {
    const r = await runAt("2026-10-30T10:00:00");
    expect(r.result).toMatchObject({ dms: 2, items: 3 });
    expect(newSince(Object.fromEntries(Object.keys(P).map((k) => [k, 0])))).toEqual({ soloManager: 1, english: 1 });
    const dm = remindersTo(P.soloManager)[0]!;
    expect(shown(dm)).toContain("個人情報保護基礎研修");
    expect(shown(dm)).toContain("個人情報管理者研修");
    expect(shown(dm)).toContain("未受講");
    expect(shown(dm)).toContain("2026/11/29"); // 30 days after the first run
    expect(shown(dm)).toContain("https://learn.example.com/manager");
    expect(shown(dm)).toContain("1|training:basic");
    expect(shown(dm)).toContain("3|training:manager");
    // Alex reads English
    const en = remindersTo(P.english)[0]!;
    expect(en.text).not.toMatch(JAPANESE);
    expect(shown(en)).toContain("Personal information basics");
    expect(shown(en)).toContain("Not taken yet; due 29/11/2026 (30 day(s) left)");
    expect(await h.bot.services.database.prisma.trainingAssignment.count()).toBe(15); // 11 basic, 3 manager, 1 handler
  });

  it("30 days before expiry crossed on a Saturday: reminded on Monday, once; nothing on a public holiday", async () => {
    let before = counts();
    await runAt("2026-11-02T10:00:00");
    expect(newSince(before)).toEqual({ employee: 1 });
    const dm = remindersTo(P.employee).at(-1)!;
    expect(shown(dm)).toContain("期限まで30日以内");
    expect(shown(dm)).toContain("あと28日");
    expect(shown(dm)).toContain("2026/11/30");
    expect(shown(dm)).not.toContain("取扱担当者研修"); // the handler course is valid

    before = counts();
    const holiday = await runAt("2026-11-03T10:00:00"); // 文化の日
    expect(holiday.result).toMatchObject({ skipped: "not a business day" });
    expect(newSince(before)).toEqual({});
  });

  it("holds what a night run computes until 08:00 the next business day", async () => {
    const before = counts();
    const r = await runAt("2026-11-04T22:00:00"); // employee2: 30 days left
    expect(r.result).toMatchObject({ dms: 1, heldUntil: jst("2026-11-05T08:00:00").toISOString() });
    expect(newSince(before)).toEqual({});
    clock.set(jst("2026-11-05T07:59:00"));
    await drain(h, clock);
    expect(newSince(before)).toEqual({});
    clock.set(jst("2026-11-05T08:00:00"));
    await drain(h, clock);
    expect(newSince(before)).toEqual({ employee2: 1 });
    expect(shown(remindersTo(P.employee2).at(-1))).toContain("あと30日");
  });

  it("no threshold crossed: nothing; and on the holiday nothing", async () => {
    const before = counts();
    await runAt("2026-11-20T10:00:00");
    expect((await runAt("2026-11-23T10:00:00")).result).toMatchObject({ skipped: "not a business day" }); // 勤労感謝の日
    expect(newSince(before)).toEqual({});
  });

  it("7 days before, crossed on 勤労感謝の日 (and on a Sunday): reminded on Tuesday, with everything of the person in one DM", async () => {
    const before = counts();
    await runAt("2026-11-24T10:00:00");
    expect(newSince(before)).toEqual({ employee: 1, soloManager: 1, english: 1 });
    expect(shown(remindersTo(P.employee).at(-1))).toContain("期限まで7日以内");
    expect(shown(remindersTo(P.employee).at(-1))).toContain("あと6日");
    const solo = remindersTo(P.soloManager).at(-1)!;
    expect(shown(solo)).toContain("個人情報保護基礎研修");
    expect(shown(solo)).toContain("個人情報管理者研修");
    expect(shown(solo)).toContain("あと5日");
    expect(shown(remindersTo(P.english).at(-1))).toContain("Due within 7 days");
  });

  it("Snooze leaves a course out until the snooze ends; then the reminder comes", async () => {
    clock.set(jst("2026-11-26T10:00:00"));
    const dm = remindersTo(P.employee2).at(-1)!;
    const r = await h.slack.blockAction(P.employee2, {
      actionId: ReminderActions.itemMenu,
      blockId: "item:training:basic",
      message: { channel: dm.channel, ts: dm.ts },
      selectedOption: "3|training:basic",
    });
    expect(r.status).toBe(200);
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(dm.channel, dm.ts)!;
      },
      (m) => shown(m).includes("まで再通知しません"),
    );
    expect(shown(edited)).not.toContain("3|training:basic");

    let before = counts();
    const fri = await runAt("2026-11-27T10:00:00"); // 7 days left, but snoozed through 12/1
    expect(fri.result).toMatchObject({ snoozedItems: 1 });
    expect(newSince(before)).toEqual({});

    before = counts();
    await runAt("2026-11-30T10:00:00"); // Monday: soloManager's courses were due Sunday 11/29
    expect(newSince(before)).toEqual({ soloManager: 1, english: 1 });
    expect(shown(remindersTo(P.soloManager).at(-1))).toContain("1日超過");

    before = counts();
    await runAt("2026-12-01T10:00:00");
    expect(newSince(before)).toEqual({ employee: 1 }); // overdue from today; employee2 still snoozed
    expect(shown(remindersTo(P.employee).at(-1))).toContain("期限切れ");

    before = counts();
    await runAt("2026-12-02T10:00:00");
    expect(newSince(before)).toEqual({ employee2: 1 });
    expect(shown(remindersTo(P.employee2).at(-1))).toContain("あと2日");
  });

  it("the same slot twice, or forced again, sends nothing twice", async () => {
    const before = counts();
    expect((await h.bot.scheduler.runAt(TRAINING_JOB, jst("2026-12-02T10:00:00"))).ran).toBe(false);
    const forced = await h.bot.scheduler.runAt(TRAINING_JOB, jst("2026-12-02T10:00:00"), { force: true });
    expect(forced).toMatchObject({ ran: true, result: { dms: 0 } });
    const nextDay = await runAt("2026-12-03T10:00:00");
    expect(nextDay.result).toMatchObject({ dms: 0 });
    await drain(h, clock);
    expect(newSince(before)).toEqual({});
  });

  it("weekly while overdue, until the course is done", async () => {
    let before = counts();
    await runAt("2026-12-07T10:00:00"); // soloManager: a week after their first overdue day; employee2 overdue since Saturday
    expect(newSince(before)).toEqual({ soloManager: 1, english: 1, employee2: 1 });
    expect(shown(remindersTo(P.soloManager).at(-1))).toContain("8日超過");

    before = counts();
    await runAt("2026-12-08T10:00:00");
    expect(newSince(before)).toEqual({ employee: 1 });
    expect(shown(remindersTo(P.employee).at(-1))).toContain("8日超過");

    clock.set(jst("2026-12-08T12:00:00"));
    const last = remindersTo(P.employee).at(-1)!;
    expect(shown(last)).toContain("1|training:basic");
    await h.slack.command(P.employee, "/privacy", "training done basic");
    await h.fake.waitFor(() => h.fake.ephemerals(P.employee).find((e) => e.text.includes("記録しました")));
    // the reminder that listed the course is edited in place (issue 16): no snooze menu, a stamp
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(last.channel, last.ts)!;
      },
      (m) => shown(m).includes("✔️ 対応済み：受講を記録"),
    );
    expect(shown(edited)).toContain(`✔️ 対応済み：受講を記録（2026/12/08 12:00 <@${P.employee}>）`);
    expect(shown(edited)).not.toContain("1|training:basic");
    // only the person's own reminders: someone else's listing the same course keeps its menu
    expect(shown(h.fake.message(remindersTo(P.employee2).at(-1)!.channel, remindersTo(P.employee2).at(-1)!.ts))).toContain("1|training:basic");

    before = counts();
    await runAt("2026-12-15T10:00:00");
    expect(newSince(before)).toEqual({ soloManager: 1, english: 1, employee2: 1 });
    expect(shown(remindersTo(P.employee2).at(-1))).toContain("期限切れ");
  });

  it("an admin's CSV import settles a course: its menu goes from the person's reminders, stamped; an old completion or a failed evaluation settles nothing", async () => {
    clock.set(jst("2026-12-15T14:00:00"));
    const solo = remindersTo(P.soloManager).at(-1)!;
    const en = remindersTo(P.english).at(-1)!;
    for (const item of ["1|training:basic", "1|training:manager"]) expect(shown(solo)).toContain(item);
    expect(shown(en)).toContain("1|training:basic");
    const seen = new Set(h.fake.openViews(P.admin).map((v) => v.id));
    await h.slack.command(P.admin, "/privacy", "training import");
    const view = await h.fake.waitFor(() => h.fake.openViews(P.admin).find((v) => !seen.has(v.id) && v.view.callback_id === TrainingViews.import));
    const csv = [
      CSV_HEADER_FULL,
      `${P.soloManager},,,basic,2026-12-14,合格,90,`, // settles basic
      `${P.soloManager},,,manager,2025-01-10,合格,,`, // valid until 2026-01-10: still overdue
      `${P.english},,,basic,2026-12-14,不合格,40,`, // a failed evaluation does not count (第28条)
    ].join("\n");
    await h.slack.fillAndSubmit(P.admin, view.id, { csv });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(solo.channel, solo.ts)!;
      },
      (m) => shown(m).includes("✔️ 対応済み：受講を記録"),
    );
    expect(shown(edited)).toContain(`✔️ 対応済み：受講を記録（2026/12/15 14:00 <@${P.admin}>）`);
    expect(shown(edited)).not.toContain("1|training:basic");
    expect(shown(edited)).toContain("1|training:manager");
    // Alex failed the evaluation: the reminder is left as it was
    expect(shown(h.fake.message(en.channel, en.ts))).toContain("1|training:basic");
    expect(h.fake.calls.filter((c) => c.method === "chat.update" && c.args.channel === en.channel && c.args.ts === en.ts)).toEqual([]);
  });

  it("the job is listed with its schedule and what each run did", async () => {
    const job = (await h.bot.scheduler.list()).find((j) => j.name === TRAINING_JOB)!;
    expect(job.schedule).toBe("0 10 * * 1-5");
    expect(job.lastRun).toMatchObject({ status: "done" });
  });
});
