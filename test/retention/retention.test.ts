// Retention and disposal end to end, over signed HTTP with the fake Slack and a clock
// moved by hand: an effective purpose whose retention ended reminds its owner weekly
// (once per week, caught up safely), the button opens the disposal form, bad input is a
// field error, a recorded disposal stops the reminders and goes on the audit chain; the
// overdue items appear in the digest and on the owner's App Home; a requester who left is
// replaced by the department's managers; a processor whose contract ended gives its
// responsible manager a return-or-erasure task with its own record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { RequestActions } from "../../src/requests/ids.js";
import { RetentionActions, RetentionViews } from "../../src/retention/ids.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { VALID_INPUTS } from "../support/forms.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import { openHome, privacy, shown } from "../support/commands.js";
import { drain, jst, newView, runJobAt, pumping as pumpingOutbox } from "../support/clock.js";

const P = ORG.people;
const JOB = "retention.reminders";
const clock = new ManualClock(jst("2026-12-01T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const runAt = (at: string) => runJobAt(h, clock, JOB, at);
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
/** The retention reminder DMs a person got (with a button, or with every item done since: edited in place). */
const remindersTo = (user: string) =>
  h.fake
    .dms(user)
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(RetentionActions.dispose) || JSON.stringify(m.blocks ?? []).includes("対応済み：廃棄を記録"));
const text = (m: FakeMessage | undefined) => shown(m);

async function effective(user: string, kind: "purpose" | "entrust", inputs: Record<string, string | string[]>) {
  const r = await pumping(fileRequest(h, user, kind, inputs));
  await press(h, P.manager, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "第2段階"));
  await press(h, P.chief, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "必要な措置の実施中"));
  await pumping(completeMeasures(h, P.chief, r.id));
  await pumping(parentShows(h, r.parent, "有効"));
  await drain(h, clock);
  return r;
}

let purpose: Awaited<ReturnType<typeof fileRequest>>;
let orphan: Awaited<ReturnType<typeof fileRequest>>;
let unknown: Awaited<ReturnType<typeof fileRequest>>;
let entrust: Awaited<ReturnType<typeof fileRequest>>;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  purpose = await effective(P.employee, "purpose", { ...VALID_INPUTS.purpose, startDate: "2027-01-04", retentionEnd: "2027-03-31" });
  // 3 years from the start, no end day given (older requests look like this): kept until 2030-01-05
  orphan = await effective(P.employee2, "purpose", { ...VALID_INPUTS.purpose, purpose: "展示会の来場者管理", startDate: "2027-01-06", retention: "3y" });
  unknown = await effective(P.employee, "purpose", { ...VALID_INPUTS.purpose, purpose: "会員サービス", startDate: "2027-01-06", retention: "until_achieved" });
  entrust = await effective(P.employee, "entrust", { ...VALID_INPUTS.entrust, contractStart: "2027-01-04", contractEnd: "2027-03-31" });
}, 120_000);
afterAll(async () => h?.close());

describe("the purpose form", () => {
  it("refuses an end of retention before the start, with a field error", async () => {
    const r = await h.slack.command(P.employee, "/privacy", "request purpose");
    expect(r.status).toBe(200);
    const view = await h.fake.waitFor(() => h.fake.openViews(P.employee).at(-1));
    await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, startDate: "2027-01-04", retentionEnd: "2027-01-03" });
    expect(h.fake.viewErrors(view.id)).toEqual({ retentionEnd: "保存期間の終了日は収集開始予定日より後の日にしてください" });
    await h.slack.viewClosed(P.employee, view.id);
  });
});

describe("retention of purposes", () => {
  it("the run writes each effective purpose and the processor with its end day (要確認 where it cannot be computed)", async () => {
    const r = await runAt("2027-03-31T09:40:00");
    expect(r.result).toMatchObject({ added: 4, due: 0, dms: 0 });
    const items = await db().retentionItem.findMany({ orderBy: { subjectRef: "asc" } });
    const byRef = new Map(items.map((i) => [i.subjectRef, i]));
    expect(byRef.get(purpose.code)).toMatchObject({ subjectKind: "purpose", basis: "explicit", ownerId: P.employee });
    expect(byRef.get(purpose.code)!.endDay!.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(byRef.get(orphan.code)).toMatchObject({ basis: "from_start", ownerId: P.employee2 });
    expect(byRef.get(orphan.code)!.endDay!.toISOString().slice(0, 10)).toBe("2030-01-05");
    expect(byRef.get(unknown.code)).toMatchObject({ basis: "unknown", endDay: null });
    expect(byRef.get(entrust.code)).toMatchObject({ subjectKind: "processor_return", basis: "contract_end", ownerId: P.manager });
  });

  it("the day after the end: the owner is reminded, with a button; the processor's manager gets the return-or-erasure task", async () => {
    const r = await runAt("2027-04-01T09:40:00");
    expect(r.result).toMatchObject({ due: 2, dms: 2, items: 2 });
    const dm = remindersTo(P.employee);
    expect(dm).toHaveLength(1);
    expect(text(dm[0])).toContain("保存期間が終わった個人情報の廃棄（規程第31条）");
    expect(text(dm[0])).toContain(purpose.code);
    expect(text(dm[0])).toContain("2027年3月31日（1日経過）");
    expect(text(dm[0])).not.toContain(unknown.code);
    expect(JSON.stringify(dm[0]!.blocks)).toContain(`archives/${purpose.parent.channel}/p${purpose.parent.ts.replace(".", "")}`);
    const mgr = remindersTo(P.manager);
    expect(mgr).toHaveLength(1);
    expect(text(mgr[0])).toContain("契約が終了した預託先：個人情報の返却・消去（規程第15条2項(2)④）");
    expect(text(mgr[0])).toContain(entrust.code);
    expect(text(mgr[0])).toContain("株式会社データ処理センター");
  });

  it("once a week: not again the same week, nor when the run is repeated; again the next Monday", async () => {
    await runAt("2027-04-02T09:40:00");
    const again = await h.bot.scheduler.runAt(JOB, jst("2027-04-01T09:40:00"));
    await drain(h, clock);
    expect(again.result ?? {}).not.toMatchObject({ dms: 1 });
    expect(remindersTo(P.employee)).toHaveLength(1);
    const r = await runAt("2027-04-05T09:40:00");
    expect(r.result).toMatchObject({ dms: 2 });
    expect(remindersTo(P.employee)).toHaveLength(2);
    expect(text(remindersTo(P.employee)[1])).toContain("（5日経過）");
  });

  it("the overdue items appear in the compliance digest and on the owner's App Home", async () => {
    clock.set(jst("2027-04-05T11:00:00"));
    const d = await privacy(h, P.compliance, "digest");
    expect(d.shown).toContain("保存期間と廃棄（規程第31条・第15条2項(2)④）");
    expect(d.shown).toContain("収集目的 1件・預託先の返却/消去 1件");
    expect(d.shown).toContain("保存期間の終了日を計算できない収集目的：1件（要確認）");
    expect(d.shown).toContain(purpose.code);
    await openHome(h, P.employee);
    const home = await h.fake.waitFor(() =>
      shown(h.fake.homeView(P.employee)?.view).includes("廃棄が必要な個人情報") ? h.fake.homeView(P.employee) : undefined,
    );
    expect(shown(home!.view)).toContain(purpose.code);
    expect(JSON.stringify(home!.view.blocks)).toContain(RetentionActions.dispose);
  });

  it("someone else may not record it (refused and logged)", async () => {
    const dm = remindersTo(P.employee).at(-1)!;
    const before = h.fake.ephemerals(P.employee2).length;
    // the employee's DM pressed by someone else (a shared screen, a tampered payload)
    await h.slack.blockAction(P.employee2, {
      actionId: RetentionActions.dispose,
      blockId: `dispose:purpose:${purpose.code}`,
      message: { channel: dm.channel, ts: dm.ts },
    });
    const e = await h.fake.waitFor(() => h.fake.ephemerals(P.employee2)[before]);
    expect(shown(e)).toContain("廃棄を記録できるのは");
    expect(dm).toBeDefined();
    expect(await db().auditEntry.count({ where: { action: "retention.record_refused", actorId: P.employee2 } })).toBe(1);
  });

  it("the button opens the disposal form; a bad evidence link and a missing method are field errors; then it is recorded", async () => {
    const dm = remindersTo(P.employee).at(-1)!;
    const view = await newView(h, P.employee, RetentionViews.disposal, () =>
      h.slack.blockAction(P.employee, {
        actionId: RetentionActions.dispose,
        blockId: `dispose:purpose:${purpose.code}`,
        message: { channel: dm.channel, ts: dm.ts },
      }),
    );
    const form = shown({ blocks: view.view.blocks });
    expect(form).toContain("保存期限：2027年3月31日");
    expect(form).toContain("消去（専用ソフトによるデータ消去）");
    expect(form).toContain("溶解（紙・信頼できる廃棄業者）");
    await h.slack.fillAndSubmit(P.employee, view.id, {
      method: "erase",
      disposedOn: "2027-04-05",
      performedBy: P.employee,
      evidenceUrl: "http://files.example.com/cert",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({ evidenceUrl: "https:// で始まるリンクを入力してください。" });
    await h.slack.fillAndSubmit(P.employee, view.id, { disposedOn: "2027-04-05", performedBy: P.employee, evidenceUrl: "https://files.example.com/cert" });
    expect(h.fake.viewErrors(view.id)).toEqual({ method: "廃棄の方法を選んでください。" });
    expect(await db().disposal.count()).toBe(0);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      method: "erase",
      disposedOn: "2027-04-05",
      performedBy: P.employee,
      evidenceUrl: "https://files.example.com/cert",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    expect(shown({ blocks: h.fake.view(view.id)!.view.blocks })).toContain(`${purpose.code} の廃棄を記録しました（2027年4月5日・消去`);
    const d = await db().disposal.findFirstOrThrow({ where: { subjectRef: purpose.code } });
    expect(d).toMatchObject({
      subjectKind: "purpose",
      method: "erase",
      performedBy: P.employee,
      recordedBy: P.employee,
      evidenceUrl: "https://files.example.com/cert",
    });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "retention.disposed" } });
    expect(audit).toMatchObject({ actorId: P.employee, subject: `purpose:${purpose.code}` });
    expect(JSON.stringify(audit.data)).not.toContain("files.example.com");
    await drain(h, clock);
    expect(h.fake.thread(purpose.parent.channel, purpose.parent.ts).some((m) => m.text.includes("廃棄を記録しました（規程第31条）"))).toBe(true);
    // the reminder DM is edited in place (issue 16): the item's menu and 「廃棄を記録」 go, a stamp says who and when
    const edited = h.fake.message(dm.channel, dm.ts)!;
    expect(text(edited)).toContain("✔️ 対応済み：廃棄を記録");
    expect(text(edited)).toContain(`<@${P.employee}>）`);
    expect(JSON.stringify(edited.blocks)).not.toContain(`dispose:purpose:${purpose.code}`);
    expect(JSON.stringify(edited.blocks)).not.toContain(`1|retention:purpose:${purpose.code}`);
    expect(h.fake.calls.some((c) => c.method === "chat.update" && c.args.channel === dm.channel && c.args.ts === dm.ts)).toBe(true);
  });

  it("the processor's manager records the return; then no more reminders for either", async () => {
    const dm = remindersTo(P.manager).at(-1)!;
    const view = await newView(h, P.manager, RetentionViews.disposal, () =>
      h.slack.blockAction(P.manager, {
        actionId: RetentionActions.dispose,
        blockId: `dispose:processor_return:${entrust.code}`,
        message: { channel: dm.channel, ts: dm.ts },
      }),
    );
    await h.slack.fillAndSubmit(P.manager, view.id, {
      method: "return",
      disposedOn: "2027-04-02",
      performedBy: P.employee,
      evidenceUrl: "https://files.example.com/receipt",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    expect(await db().auditEntry.count({ where: { action: "retention.processor_data_returned", subject: `processor_return:${entrust.code}` } })).toBe(1);
    const before = { e: remindersTo(P.employee).length, m: remindersTo(P.manager).length };
    const r = await runAt("2027-04-12T09:40:00");
    expect(r.result).toMatchObject({ due: 0, dms: 0 });
    expect(remindersTo(P.employee)).toHaveLength(before.e);
    expect(remindersTo(P.manager)).toHaveLength(before.m);
    // a second record of the same item is refused
    const again = await db().disposal.count({ where: { subjectRef: entrust.code } });
    expect(again).toBe(1);
  });
});

describe("an owner who left", () => {
  it("the department's managers are reminded instead", async () => {
    await db().person.delete({ where: { slackId: P.employee2 } });
    const m1 = remindersTo(P.manager).length;
    const r = await runAt("2030-01-07T09:40:00");
    expect(r.result).toMatchObject({ due: 1, dms: 2 });
    expect(remindersTo(P.manager)).toHaveLength(m1 + 1);
    expect(text(remindersTo(P.manager).at(-1))).toContain(orphan.code);
    expect(text(remindersTo(P.manager).at(-1))).toContain("起算日は届出に書かれていないため要確認");
    expect(remindersTo(P.manager2).at(-1)).toBeDefined();
  });
});

describe("a register entry (src/register) whose retention ended", () => {
  it("is one more retention item: its owner is reminded with the entry's code, and a changed end day is followed", async () => {
    const owner = await db().person.findUniqueOrThrow({ where: { slackId: P.employee } });
    const now = clock.now();
    await db().registerEntry.create({
      data: {
        code: "REG-2029-0007",
        name: "旧会員管理システム",
        departmentId: owner.departmentId!,
        ownerId: P.employee,
        retention: "退会後5年",
        retentionUntil: new Date("2029-12-31T00:00:00Z"),
        createdAt: now,
        updatedAt: now,
      },
    });
    const before = remindersTo(P.employee).length;
    // (Monday the 14th is 成人の日: the run waits for the next business day)
    const r = await runAt("2030-01-15T09:40:00");
    expect(r.result).toMatchObject({ added: 1 });
    const item = await db().retentionItem.findUniqueOrThrow({ where: { subjectKind_subjectRef: { subjectKind: "entry", subjectRef: "REG-2029-0007" } } });
    expect(item).toMatchObject({ ownerId: P.employee, label: "旧会員管理システム", basis: "explicit" });
    expect(remindersTo(P.employee).length).toBe(before + 1);
    const dm = text(remindersTo(P.employee).at(-1));
    expect(dm).toContain("保存期間が終わった台帳の登録（1件）");
    expect(dm).toContain("REG-2029-0007");
    // the owner moves the end day (an edit of the entry): the next run follows it, and no reminder is due
    await db().registerEntry.update({ where: { code: "REG-2029-0007" }, data: { retentionUntil: new Date("2035-03-31T00:00:00Z") } });
    await runAt("2030-01-22T09:40:00");
    const moved = await db().retentionItem.findUniqueOrThrow({ where: { subjectKind_subjectRef: { subjectKind: "entry", subjectRef: "REG-2029-0007" } } });
    expect(moved.endDay?.toISOString().slice(0, 10)).toBe("2035-03-31");
    expect(
      JSON.stringify(
        remindersTo(P.employee)
          .slice(before + 1)
          .map(text),
      ),
    ).not.toContain("REG-2029-0007");
  });
});
