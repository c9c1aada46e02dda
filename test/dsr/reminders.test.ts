// The dsr.reminders job with the clock moved: the owner is reminded 2 business days before
// the target and on the day (once each), daily once it has passed; at the ceiling the chief
// and compliance are escalated to, daily, with one log entry and one thread post a day;
// one DM per person per run; quiet hours hold what a run computes at night; answered
// requests are not reminded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { AnswerBlocks, DsrActions, DsrViews, IdentityBlocks, LogBlocks, NoticeBlocks } from "../../src/dsr/ids.js";
import { parseSettings } from "../../src/settings.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { drain, jst, pumping, runJobAt } from "../support/clock.js";
import { shown } from "../support/commands.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { COMPLIANCE, GOOD_LOG, logCase, notifyPerson, openLog, pressForModal, threadHas } from "./helpers.js";

const P = ORG.people;
const JOB = "dsr.reminders";
const clock = new ManualClock(jst("2026-12-01T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const run = (at: string) => runJobAt(h, clock, JOB, at);
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("開示等の請求の期限"));
const escalations = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("開示等の請求が社内上限"));

let a: Awaited<ReturnType<typeof logCase>>;
let b: Awaited<ReturnType<typeof logCase>>;
let done: Awaited<ReturnType<typeof logCase>>;

beforeAll(async () => {
  // a 5-business-day target (settings), the 14-day ceiling: target 12/08, ceiling 12/15
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings("dsr: { targetBusinessDays: 5 }") });
  a = await logCase(h, clock, P.employee, { [LogBlocks.receivedOn]: "2026-12-01" });
  b = await logCase(h, clock, P.employee, { [LogBlocks.receivedOn]: "2026-12-01", [LogBlocks.kind]: "correction" });
  done = await logCase(h, clock, P.manager, { [LogBlocks.receivedOn]: "2026-12-01" });
  const idView = await pressForModal(h, P.manager, done.parent, DsrActions.identity, DsrViews.identity);
  await h.slack.fillAndSubmit(P.manager, idView.id, { [IdentityBlocks.document]: "passport" });
  const answer = await pressForModal(h, P.manager, done.parent, DsrActions.answer, DsrViews.answer);
  await h.slack.fillAndSubmit(P.manager, answer.id, {
    [AnswerBlocks.outcome]: "done",
    [AnswerBlocks.actionTaken]: "開示した",
    [AnswerBlocks.actionOn]: "2026-12-01",
    [AnswerBlocks.methodUsed]: "electronic",
  });
  expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("decided");
  await notifyPerson(h, clock, P.manager, done.parent, { [NoticeBlocks.on]: "2026-12-01" });
  expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: done.id } })).status).toBe("answered");
  await drain(h, clock);
});
afterAll(async () => h?.close());

describe("reminders to the owner", () => {
  it("nothing 3 business days before the target", async () => {
    const r = await run("2026-12-03T09:45:00");
    expect(r.result).toMatchObject({ dms: 0 });
    expect(reminders(P.employee)).toEqual([]);
  });

  it("2 business days before: one DM with both requests, once", async () => {
    const r = await run("2026-12-04T09:45:00");
    expect(r.result).toMatchObject({ dms: 1, items: 2 });
    const dms = reminders(P.employee);
    expect(dms).toHaveLength(1);
    const t = shown(dms[0]);
    expect(t).toContain("回答目標（社内設定）が近い");
    expect(t).toContain(a.code);
    expect(t).toContain(b.code);
    expect(t).not.toContain(done.code);
    expect(t).toContain("回答目標 2026/12/08・社内上限 2026/12/15");
    expect(t).toContain(`archives/${a.parent.channel}/p`);
    expect(reminders(P.manager)).toEqual([]);
    // the same slot forced, and the next business day: the "soon" reminder is not repeated
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-12-04T09:45:00"), { force: true })).result).toMatchObject({ dms: 0 });
    await run("2026-12-07T09:45:00");
    expect(reminders(P.employee)).toHaveLength(1);
    // one dsr.reminded entry per reminded case per run, none for a run that reminded nothing
    const logged = await db().auditEntry.findMany({ where: { action: "dsr.reminded" }, orderBy: { seq: "asc" } });
    expect(logged.map((e) => e.subject)).toEqual([`dsr:${a.code}`, `dsr:${b.code}`]);
    expect(logged[0]!.data).toMatchObject({ day: "2026-12-04", stage: "soon", targetOn: "2026-12-08", to: [P.employee] });
    expect(logged[0]!.actorId).toBe("system");
  });

  it("on the target day, then every business day after it", async () => {
    await run("2026-12-08T09:45:00");
    expect(reminders(P.employee)).toHaveLength(2);
    expect(shown(reminders(P.employee)[1])).toContain("今日が回答目標（社内設定）");
    await run("2026-12-09T09:45:00");
    await run("2026-12-10T09:45:00");
    const dms = reminders(P.employee);
    expect(dms).toHaveLength(4);
    // 12/04, 12/08, 12/09, 12/10: two cases each
    expect(await db().auditEntry.count({ where: { action: "dsr.reminded" } })).toBe(8);
    expect(await db().auditEntry.count({ where: { action: "dsr.reminded", subject: `dsr:${a.code}`, data: { path: ["stage"], equals: "overdue" } } })).toBe(2);
    expect(shown(dms[3])).toContain("回答目標（社内設定）を過ぎています");
    // a weekend is skipped
    expect((await run("2026-12-12T09:45:00")).result).toMatchObject({ skipped: "not a business day" });
    expect(escalations(P.chief)).toEqual([]);
  });
});

describe("escalation at the ceiling", () => {
  it("on the ceiling day the owner, the chief and compliance are told, one DM each; logged and said in the thread once", async () => {
    const r = await run("2026-12-15T09:45:00");
    expect(r.result).toMatchObject({ dms: 3, escalated: 2 });
    for (const p of [P.employee, P.chief, P.compliance]) {
      const e = escalations(p);
      expect(e, p).toHaveLength(1);
      expect(shown(e[0])).toContain(a.code);
      expect(shown(e[0])).toContain(b.code);
      expect(shown(e[0])).toContain("社内上限（社内設定）に達している・過ぎている");
    }
    expect(escalations(P.deputy)).toEqual([]);
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated" } })).toBe(2);
    await threadHas(h, clock, a.parent, "開示等の請求が社内上限");
    await run("2026-12-15T15:00:00");
    expect(escalations(P.chief)).toHaveLength(1);
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated" } })).toBe(2);
  });

  it("daily while open; what a run computes in quiet hours waits until 08:00", async () => {
    const r = await run("2026-12-16T07:00:00");
    expect(r.result).toMatchObject({ dms: 3, heldUntil: jst("2026-12-16T08:00:00").toISOString() });
    expect(escalations(P.chief)).toHaveLength(1);
    clock.set(jst("2026-12-16T08:00:00"));
    await drain(h, clock);
    expect(escalations(P.chief)).toHaveLength(2);
    expect(escalations(P.compliance)).toHaveLength(2);
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated" } })).toBe(4);
  });

  it("an answered or withdrawn request is no longer escalated", async () => {
    await db().subjectRequest.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { status: "withdrawn" } });
    const r = await run("2026-12-17T09:45:00");
    expect(r.result).toMatchObject({ dms: 0 });
    expect(escalations(P.chief)).toHaveLength(2);
  });
});

describe("a request logged late, from the post", () => {
  const lateDms = (user: string, code: string) => h.fake.dms(user).filter((m) => m.text.includes(code) && m.text.includes("記録した時点で社内上限"));

  it("past its target: the answer and the thread say so; nobody is escalated to", async () => {
    // the day's run, before either case below is logged
    await run("2026-12-18T09:45:00");
    clock.set(jst("2026-12-18T10:00:00"));
    const view = await openLog(h, P.employee);
    // arrived 12/07: target 12/14 (5 business days), ceiling 12/21
    await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD_LOG, [LogBlocks.receivedOn]: "2026-12-07" });
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { submissionKey: `view:${view.id}` } });
    expect(shown(h.fake.view(view.id)!.view as never)).toContain(dsrMessages("ja").done.loggedOverdue(c.code, "2026/12/14"));
    const parent = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.messages(COMPLIANCE).find((m) => m.text.includes(c.code))),
    );
    await threadHas(h, clock, parent, "記録した時点で回答目標（2026/12/14、社内設定）を過ぎています");
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated", subject: `dsr:${c.code}` } })).toBe(0);
  });

  it("at its ceiling, logged after the day's run: escalated at once (log, thread, DMs), and the job does not repeat it that day", async () => {
    // the day's run (above) found nothing for it: the case did not exist yet
    const chiefBefore = escalations(P.chief).length;
    clock.set(jst("2026-12-18T11:00:00"));
    const view = await openLog(h, P.employee);
    // arrived 12/04: ceiling 12/18, today
    await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD_LOG, [LogBlocks.receivedOn]: "2026-12-04" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { submissionKey: `view:${view.id}` } });
    expect(shown(h.fake.view(view.id)!.view as never)).toContain(dsrMessages("ja").done.loggedCeiling(c.code, "2026/12/18"));
    const esc = await db().auditEntry.findMany({ where: { action: "dsr.escalated", subject: `dsr:${c.code}` } });
    expect(esc).toHaveLength(1);
    expect(esc[0]!.data).toMatchObject({ day: "2026-12-18", ceilingOn: "2026-12-18", onLogging: true });
    expect((esc[0]!.data as { to: string[] }).to.sort()).toEqual([P.chief, P.compliance].sort());
    const parent = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.messages(COMPLIANCE).find((m) => m.text.includes(c.code))),
    );
    const post = await threadHas(h, clock, parent, "記録した時点で社内上限（2026/12/18");
    expect(shown(post)).toContain(`<@${P.chief}>`);
    for (const p of [P.chief, P.compliance, P.employee])
      await pumping(
        h,
        clock,
        h.fake.waitFor(() => (lateDms(p, c.code).length === 1 ? true : undefined)),
      );
    expect(lateDms(P.deputy, c.code)).toEqual([]);
    // the job later that day: the once-only keys hold; nothing again
    const r = await run("2026-12-18T15:00:00");
    expect(r.result).toMatchObject({ escalated: 0 });
    expect(escalations(P.chief)).toHaveLength(chiefBefore);
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated", subject: `dsr:${c.code}` } })).toBe(1);
    // and daily from the next business day, as any case at its ceiling
    await run("2026-12-21T09:45:00");
    expect(escalations(P.chief)).toHaveLength(chiefBefore + 1);
    expect(shown(escalations(P.chief).at(-1)!)).toContain(c.code);
    expect(await db().auditEntry.count({ where: { action: "dsr.escalated", subject: `dsr:${c.code}` } })).toBe(2);
  });
});
