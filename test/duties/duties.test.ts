// The annual audit and plan calendar end to end: /privacy duties, closing a duty in a
// modal (field errors, refusals, the record, the audit entry, the compliance channel),
// due-date changes, and the reminder job with the clock moved across its thresholds
// over weekends and public holidays (勤労感謝の日 2026-11-23, 元日, 成人の日 2027-01-11).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { DoneBlocks, DutyActions, DutyViews } from "../../src/duties/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { JAPANESE, privacy, shown } from "../support/commands.js";
import { waitForDb } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { drain, jst, runJobAt, until } from "../support/clock.js";

const { employee, chief, deputy, auditor, compliance, english } = ORG.people;
const COMPLIANCE = ORG.channels.compliance;
const JOB = "duties.reminders";
const LINK = "https://docs.example.co.jp/privacy/2026/protection-plan.pdf";

let h: Harness;
const clock = new ManualClock(jst("2026-11-02T10:00:00"));
const db = () => h.bot.services.database.prisma;

const runAt = (at: string) => runJobAt(h, clock, JOB, at);

/** The duty reminders `user` got (a snoozed item loses its menu, so they are found by their intro). */
const remindersTo = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("年間の監査・計画（規程"));
const text = (m: FakeMessage | undefined) => shown(m);
/** The reminders `user` got since `count` earlier ones. */
const newReminders = (user: string, count: number) => remindersTo(user).slice(count);
const yearMessage = () => h.fake.messages(COMPLIANCE).find((m) => m.text.includes("2026年度 個人情報保護 年間の監査・計画"));
const dutyId = async (kind: string) => (await db().dutyOccurrence.findUniqueOrThrow({ where: { fiscalYear_kind: { fiscalYear: 2026, kind } } })).id;

async function openDoneModal(user: string, command: string) {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  const r = await h.slack.command(user, "/privacy", command);
  expect(r.status).toBe(200);
  return h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === DutyViews.done));
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("/privacy duties: the fiscal year's calendar", () => {
  it("shows the six duties in the rules' words, with owner, due date and status, and creates the year once", async () => {
    const e = await privacy(h, chief, "duties");
    const s = e.shown;
    expect(s).toContain("2026年度");
    expect(s).toContain("2026/04/01（水）〜2027/03/31（水）");
    for (const name of [
      "個人情報保護計画の立案・文書化",
      "監査計画の立案・取締役会の承認",
      "監査の実施",
      "監査報告書の作成・取締役会への報告",
      "個人データ管理台帳の見直し",
      "本規定及び個人情報保護計画の見直し・取締役会の承認",
    ])
      expect(s).toContain(name);
    for (const art of ["第25条", "第29条", "第30条1項・第21条2項", "第30条2項・第21条2項", "第23条1項", "第26条"]) expect(s).toContain(art);
    // owners by role, named
    expect(s).toContain(`個人情報保護監査責任者 <@${auditor}>`);
    expect(s).toContain(`個人情報管理責任者 <@${chief}>`);
    // a due date on a Sunday is due the Friday before; the first two are overdue in November
    expect(s).toContain("2026/05/31（日） → 休業日のため 2026/05/29（金） まで");
    expect(s).toContain("期限超過（186日）"); // 30 April
    expect(s).toContain("期限超過（157日）"); // 29 May
    expect(s).toContain("未完了（期限まで88日）"); // the audit, 29 January 2027
    const rows = await db().dutyOccurrence.findMany({ where: { fiscalYear: 2026 } });
    expect(rows).toHaveLength(6);

    await privacy(h, employee, "duties");
    expect(await db().dutyOccurrence.count()).toBe(6);
    expect(await db().auditEntry.count({ where: { action: "duty.year_opened" } })).toBe(1);
    // the year's message in the compliance channel, once, with a button per open duty
    await drain(h, clock);
    const msgs = h.fake.messages(COMPLIANCE).filter((m) => m.text.includes("年間の監査・計画"));
    expect(msgs).toHaveLength(1);
    expect(JSON.stringify(msgs[0]!.blocks).split(DutyActions.close).length - 1).toBe(6);
    const year = await db().dutyYear.findUniqueOrThrow({ where: { fiscalYear: 2026 } });
    expect(year).toMatchObject({ channelId: COMPLIANCE, messageTs: msgs[0]!.ts });
  });

  it("speaks English to the English speaker", async () => {
    const e = await privacy(h, english, "duties");
    expect(e.shown).toContain("Annual privacy audits and plans, FY2026");
    expect(e.shown).toContain("*Audit plan drawn up and approved by the board* (Art. 29)");
    expect(e.shown).toContain("2026-05-31 (Sun) → not a working day, so by 2026-05-29 (Fri)");
    expect(e.shown).not.toMatch(JAPANESE);
  });

  it("answers bad input with the usage", async () => {
    expect((await privacy(h, chief, "duties frobnicate")).text).toContain("/privacy duties done");
    expect((await privacy(h, chief, "duties done budget")).text).toContain("「budget」という種類はありません");
    expect((await privacy(h, chief, "duties done")).text).toContain("種類を指定してください");
    expect((await privacy(h, chief, "duties done plan 2019")).text).toContain("「2019」は年度ではありません");
  });
});

describe("closing a duty", () => {
  it("is refused to anyone but the owner role (the chief cannot close the audit lead's duties), and the refusal is logged", async () => {
    const a = await privacy(h, auditor, "duties done plan");
    expect(a.text).toContain("この項目の完了を記録できるのは個人情報管理責任者だけです");
    const d = await privacy(h, deputy, "duties done protection-plan");
    expect(d.text).toContain("完了を記録できるのは");
    expect(await db().auditEntry.count({ where: { action: "duty.refused", subject: "duty:2026:protection-plan" } })).toBe(2);
    expect(h.fake.openViews(auditor).filter((v) => v.view.callback_id === DutyViews.done)).toEqual([]);
    // the button on the year's message: the same check
    const msg = yearMessage()!;
    await h.slack.blockAction(employee, { actionId: DutyActions.close, blockId: "duty-audit-plan", message: { channel: msg.channel, ts: msg.ts } });
    const e = await h.fake.waitFor(() => h.fake.ephemerals(employee).find((x) => x.text.includes("個人情報保護監査責任者だけです")));
    expect(e).toBeTruthy();
    // the audited cannot close the audit
    await h.slack.blockAction(chief, { actionId: DutyActions.close, blockId: "duty-audit-plan", message: { channel: msg.channel, ts: msg.ts } });
    await h.fake.waitFor(() => h.fake.ephemerals(chief).find((x) => x.text.includes("監査の独立性のため")));
  });

  it("takes a date (today by default) and an https link, with field errors; then records it, logs it and tells compliance", async () => {
    const view = await openDoneModal(chief, "duties done plan");
    expect(shown({ blocks: view.view.blocks })).toContain("2026年度 個人情報保護計画の立案・文書化（第25条）");
    expect(JSON.stringify(view.view.blocks)).toContain('"initial_date":"2026-11-02"');

    await h.slack.fillAndSubmit(chief, view.id, { [DoneBlocks.link]: "http://docs.example.co.jp/plan.pdf" });
    expect(h.fake.viewErrors(view.id)).toEqual({ [DoneBlocks.link]: "リンクは https:// で始まる URL にしてください。" });
    await h.slack.fillAndSubmit(chief, view.id, { [DoneBlocks.date]: "2026-11-03", [DoneBlocks.link]: "" });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [DoneBlocks.date]: "完了日に未来の日付は指定できません。",
      [DoneBlocks.link]: "文書へのリンクを入力してください。",
    });
    expect((await db().dutyOccurrence.findUniqueOrThrow({ where: { id: await dutyId("protection-plan") } })).closedOn).toBeNull();

    const res = await h.slack.fillAndSubmit(chief, view.id, {
      [DoneBlocks.date]: "2026-04-28",
      [DoneBlocks.link]: LINK,
      [DoneBlocks.note]: "取締役会 4/27 承認",
    });
    expect(res.status).toBe(200);
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const row = await db().dutyOccurrence.findUniqueOrThrow({ where: { id: await dutyId("protection-plan") } });
    expect(row).toMatchObject({ closedBy: chief, documentUrl: LINK, note: "取締役会 4/27 承認" });
    expect(row.closedOn!.toISOString().slice(0, 10)).toBe("2026-04-28");
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "duty.closed" } });
    expect(entry).toMatchObject({ actorId: chief, subject: "duty:2026:protection-plan" });
    // the link and the note are on the duty row; the chain keeps their seals (length, keyed hash)
    expect(entry.data).toMatchObject({
      closedOn: "2026-04-28",
      documentUrl: sealOf(h.bot.services)(LINK),
      note: sealOf(h.bot.services)("取締役会 4/27 承認"),
      dueOn: "2026-04-30",
    });
    expect(JSON.stringify(entry.data)).not.toContain("取締役会");

    await drain(h, clock);
    const post = h.fake.messages(COMPLIANCE).find((m) => m.text.includes("完了として記録しました"))!;
    expect(post.text).toContain("個人情報保護計画の立案・文書化");
    expect(post.text).toContain(`<@${chief}>`);
    expect(post.text).toContain(LINK);
    // the year's message is edited in place: done with its document, no button for it
    const edited = await until(
      async () => yearMessage()!,
      (m) => text(m).includes("完了 2026/04/28（火）"),
    );
    expect(JSON.stringify(edited.blocks)).toContain(LINK);
    expect(JSON.stringify(edited.blocks).split(DutyActions.close).length - 1).toBe(5);
    // and /privacy duties shows it done
    expect((await privacy(h, compliance, "duties")).shown).toContain(`完了 2026/04/28（火）・<${LINK}|文書>（<@${chief}>）`);
  });

  it("a duty done is not closed again", async () => {
    const e = await privacy(h, chief, "duties done plan");
    expect(e.text).toContain("2026/04/28（火） に完了として記録されています");
  });

  it("the owner opens the modal from the year's message too", async () => {
    const msg = yearMessage()!;
    const before = new Set(h.fake.openViews(auditor).map((v) => v.id));
    await h.slack.blockAction(auditor, { actionId: DutyActions.close, blockId: "duty-audit-report", message: { channel: msg.channel, ts: msg.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(auditor).find((v) => !before.has(v.id) && v.view.callback_id === DutyViews.done));
    expect(shown({ blocks: view.view.blocks })).toContain("監査報告書の作成・取締役会への報告");
    h.fake.closeView(view.id);
  });
});

describe("due dates", () => {
  it("only the owner role changes them, to a real day from today within this or next year", async () => {
    expect((await privacy(h, auditor, "duties due review 2026-12-23")).text).toContain("期限を変更できるのは個人情報管理責任者だけです");
    // the audit is independent of the chief (第21条): the chief cannot move the audit lead's duties
    for (const kind of ["audit-plan", "audit", "report"])
      expect((await privacy(h, chief, `duties due ${kind} 2027-01-09`)).text).toContain(
        "監査計画・監査・取締役会への報告の期限を変更できるのは個人情報保護監査責任者だけです（規程 第21条",
      );
    expect((await privacy(h, chief, "duties due review")).text).toContain("/privacy duties due <種類> <YYYY-MM-DD>");
    expect((await privacy(h, chief, "duties due review 2026-02-30")).text).toContain("「2026-02-30」は日付ではありません");
    expect((await privacy(h, chief, "duties due review 2026-10-01")).text).toContain("期限は今日以降の日付にしてください");
    expect((await privacy(h, chief, "duties due review 2028-04-01")).text).toContain("2027年度まで");
    expect((await privacy(h, chief, "duties due plan 2026-12-01")).text).toContain("完了として記録されています");
    expect(await db().auditEntry.count({ where: { action: "duty.due_changed" } })).toBe(0);
  });

  it("a change is stored and logged, and a day off says when it is really due", async () => {
    const r = await privacy(h, chief, "duties due review 2026-12-23");
    expect(r.text).toContain("期限を 2027/03/31（水） から 2026/12/23（水） に変更しました");
    const a = await privacy(h, auditor, "duties due audit 2027-01-09");
    expect(a.text).toContain("2027/01/09（土） → 休業日のため 2027/01/08（金） まで");
    // back to a business day, so the reminders below count from Friday 8 January
    await privacy(h, auditor, "duties due audit 2027-01-08");
    const entries = await db().auditEntry.findMany({ where: { action: "duty.due_changed" }, orderBy: { seq: "asc" } });
    expect(entries.map((e) => [e.subject, e.data])).toEqual([
      ["duty:2026:rule-review", { before: "2027-03-31", after: "2026-12-23" }],
      ["duty:2026:audit", { before: "2027-01-31", after: "2027-01-09" }],
      ["duty:2026:audit", { before: "2027-01-09", after: "2027-01-08" }],
    ]);
    const edited = await until(
      async () => {
        await drain(h, clock);
        return yearMessage()!;
      },
      (m) => text(m).includes("2027/01/08（金）"),
    );
    expect(text(edited)).toContain("2026/12/23（水）");
  });
});

describe("reminders", () => {
  // open now: audit-plan (auditor, due 2026-05-31 → Fri 05-29, overdue), audit (auditor,
  // 2027-01-08), audit-report (auditor, 2027-02-28 → Fri 02-26), rule-review (chief, 2026-12-23)
  let auditPlanDm: FakeMessage;

  it("an overdue duty: the owner gets one DM with it, linked to the year's message, with Snooze", async () => {
    const r = await runAt("2026-11-04T09:15:00");
    expect(r.result).toMatchObject({ dms: 1, items: 1 });
    const dms = remindersTo(auditor);
    expect(dms).toHaveLength(1);
    auditPlanDm = dms[0]!;
    const s = text(auditPlanDm);
    expect(s).toContain("期限を過ぎています（1件）");
    expect(s).toContain("2026年度 監査計画の立案・取締役会の承認（第29条）");
    expect(s).toContain("159日超過");
    expect(s).toContain("/privacy duties done audit-plan");
    const msg = yearMessage()!;
    expect(s).toContain(`archives/${COMPLIANCE}/p${msg.ts.replace(".", "")}`);
    expect(JSON.stringify(auditPlanDm.blocks)).toContain(`1|duty:${await dutyId("audit-plan")}`);
    expect(JSON.stringify(auditPlanDm.blocks)).toContain(`3|duty:${await dutyId("audit-plan")}`);
    // the chief's duties are not due yet; nobody else is reminded
    for (const p of [chief, deputy, compliance, employee]) expect(remindersTo(p)).toEqual([]);
  });

  it("exactly once: the same slot again is not run, and a forced re-run sends nothing", async () => {
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-11-04T09:15:00"))).ran).toBe(false);
    const forced = await h.bot.scheduler.runAt(JOB, jst("2026-11-04T09:15:00"), { force: true });
    expect(forced).toMatchObject({ ran: true, result: { dms: 0 } });
    await drain(h, clock);
    expect(remindersTo(auditor)).toHaveLength(1);
  });

  it("overdue reminders are weekly: not the rest of the week, again the next Monday", async () => {
    await runAt("2026-11-05T09:15:00");
    await runAt("2026-11-06T09:15:00");
    expect(remindersTo(auditor)).toHaveLength(1);
    await runAt("2026-11-09T09:15:00");
    expect(remindersTo(auditor)).toHaveLength(2);
    expect(text(remindersTo(auditor)[1])).toContain("164日超過");
  });

  it("Snooze puts the duty off: the DM says so in place, the reminder waits until the snooze ends", async () => {
    clock.set(jst("2026-11-13T10:00:00")); // Friday
    const dm = remindersTo(auditor)[1]!;
    const id = await dutyId("audit-plan");
    const r = await h.slack.blockAction(auditor, {
      actionId: ReminderActions.itemMenu,
      blockId: `item:duty:${id}`,
      message: { channel: dm.channel, ts: dm.ts },
      selectedOption: `3|duty:${id}`,
    });
    expect(r.status).toBe(200);
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(dm.channel, dm.ts)!;
      },
      (m) => text(m).includes("まで再通知しません"),
    );
    expect(JSON.stringify(edited.blocks)).not.toContain(`3|duty:${id}`);
    // 3 business days: Monday to Wednesday (11-16..11-18); back on Thursday
    const monday = await runAt("2026-11-16T09:15:00");
    expect(monday.result).toMatchObject({ dms: 0, snoozedItems: 1 });
    expect(remindersTo(auditor)).toHaveLength(2);
    await runAt("2026-11-18T09:15:00");
    expect(remindersTo(auditor)).toHaveLength(2);
    await runAt("2026-11-19T09:15:00");
    expect(remindersTo(auditor)).toHaveLength(3);
    expect(text(remindersTo(auditor)[2])).toContain("監査計画の立案・取締役会の承認");
  });

  it("30 days before, across a weekend and 勤労感謝の日: on the Friday before (2026-11-20 for 12-23)", async () => {
    expect(remindersTo(chief)).toEqual([]); // Thursday 11-19 ran: not yet
    await runAt("2026-11-20T09:15:00");
    expect(remindersTo(chief)).toHaveLength(1);
    const s = text(remindersTo(chief)[0]);
    expect(s).toContain("期限が近づいています（1件）");
    expect(s).toContain("本規定及び個人情報保護計画の見直し・取締役会の承認（第26条）");
    expect(s).toContain("あと33日");
    // the holiday: no run; Tuesday: nothing new for the chief, the auditor's weekly overdue
    expect((await runAt("2026-11-23T09:15:00")).result).toMatchObject({ skipped: "not a business day" });
    await runAt("2026-11-24T09:15:00");
    expect(remindersTo(chief)).toHaveLength(1);
    expect(remindersTo(auditor)).toHaveLength(4);
    expect(text(remindersTo(auditor)[3])).toContain("179日超過");
  });

  it("what a night run computes waits for 08:00 the next business day (the audit's 30 days, 2026-12-09)", async () => {
    const before = remindersTo(auditor).length;
    await runAt("2026-12-08T09:15:00");
    expect(newReminders(auditor, before).filter((m) => text(m).includes("監査の実施"))).toEqual([]);
    const count = remindersTo(auditor).length;
    const night = await runAt("2026-12-09T21:00:00");
    expect(night.result).toMatchObject({ heldUntil: jst("2026-12-10T08:00:00").toISOString() });
    expect(remindersTo(auditor)).toHaveLength(count);
    clock.set(jst("2026-12-10T08:00:00"));
    await drain(h, clock);
    const held = newReminders(auditor, count);
    expect(held).toHaveLength(1);
    expect(text(held[0])).toContain("監査の実施（第30条1項・第21条2項）");
    expect(text(held[0])).toContain("あと30日");
  });

  it("7 days before, when that day is 元日: on 2026-12-31; overdue after the weekend and 成人の日", async () => {
    await runAt("2026-12-16T09:15:00"); // the chief's review: 7 days
    expect(text(remindersTo(chief).at(-1))).toContain("あと7日");
    const mark = remindersTo(auditor).length;
    await runAt("2026-12-30T09:15:00");
    expect(newReminders(auditor, mark).filter((m) => text(m).includes("監査の実施"))).toEqual([]);
    await runAt("2026-12-31T09:15:00");
    const seven = newReminders(auditor, mark).filter((m) => text(m).includes("監査の実施"));
    expect(seven).toHaveLength(1);
    expect(text(seven[0])).toContain("あと8日");
    for (const d of ["2027-01-04", "2027-01-08"]) await runAt(`${d}T09:15:00`);
    expect(newReminders(auditor, mark).filter((m) => text(m).includes("監査の実施"))).toHaveLength(1);
    expect((await runAt("2027-01-11T09:15:00")).result).toMatchObject({ skipped: "not a business day" });
    await runAt("2027-01-12T09:15:00");
    const over = newReminders(auditor, mark).filter((m) => text(m).includes("監査の実施"));
    expect(over).toHaveLength(2);
    expect(text(over[1])).toContain("期限を過ぎています");
    expect(text(over[1])).toContain("4日超過");
    // one DM per person per run: the audit plan's weekly reminder is in the same message
    expect(text(over[1])).toContain("監査計画の立案・取締役会の承認");
  });

  it("a duty done is no longer reminded, and the reminders listing it lose its menu in place", async () => {
    const id = await dutyId("audit");
    const listing = remindersTo(auditor).filter((m) => JSON.stringify(m.blocks).includes(`1|duty:${id}`));
    expect(listing.length).toBeGreaterThan(0);
    const view = await openDoneModal(auditor, "duties done audit");
    await h.slack.fillAndSubmit(auditor, view.id, { [DoneBlocks.link]: "https://docs.example.co.jp/privacy/2026/audit.pdf" });
    await waitForDb(
      () => db().dutyOccurrence.findUniqueOrThrow({ where: { id } }),
      (d) => Boolean(d.closedOn),
    );
    for (const dm of listing) {
      const edited = await until(
        async () => {
          await drain(h, clock);
          return h.fake.message(dm.channel, dm.ts)!;
        },
        (m) => text(m).includes("✔️ 対応済み：実施を記録"),
      );
      expect(text(edited)).toContain(`<@${auditor}>）`);
      expect(JSON.stringify(edited.blocks)).not.toContain(`1|duty:${id}`);
    }
    const mark = remindersTo(auditor).length;
    await runAt("2027-01-18T09:15:00");
    const next = newReminders(auditor, mark);
    expect(next).toHaveLength(1);
    expect(text(next[0])).not.toContain("監査の実施");
    expect(text(next[0])).toContain("監査計画の立案・取締役会の承認");
  });

  it("with nobody holding the owner role, the chief is reminded and told so", async () => {
    const r = await privacy(h, ORG.people.admin, `admin role remove <@${auditor}> auditor`);
    expect(r.text).toContain("個人情報保護監査責任者を外しました");
    const mark = remindersTo(chief).length;
    await runAt("2027-01-25T09:15:00");
    const dm = newReminders(chief, mark);
    expect(dm).toHaveLength(1);
    expect(text(dm[0])).toContain("監査計画の立案・取締役会の承認");
    expect(text(dm[0])).toContain("個人情報保護監査責任者が名簿にいないため");
    await privacy(h, ORG.people.admin, `admin role add <@${auditor}> auditor`);
  });

  it("closing the audit report reminds the chief that they keep it (第30条3項)", async () => {
    clock.set(jst("2027-01-25T11:00:00"));
    const view = await openDoneModal(auditor, "duties done report");
    await h.slack.fillAndSubmit(auditor, view.id, { [DoneBlocks.link]: "https://docs.example.co.jp/privacy/2026/audit-report.pdf" });
    await drain(h, clock);
    const post = await h.fake.waitFor(() =>
      h.fake.messages(COMPLIANCE).find((m) => m.text.includes("監査報告書の作成・取締役会への報告") && m.text.includes("完了として記録しました")),
    );
    expect(post.text).toContain(`<@${chief}> 第30条3項により、個人情報管理責任者が監査報告書を管理・保管します。`);
  });

  it("is registered as a business-morning job", async () => {
    const job = (await h.bot.scheduler.list()).find((j) => j.name === JOB)!;
    expect(job.schedule).toBe("15 9 * * 1-5");
    expect(job.lastRun).toMatchObject({ status: "done" });
  });
});
