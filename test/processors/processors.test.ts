// Processors end to end, over signed HTTP into the running app with the fake Slack and
// a clock moved by hand: an entrustment that becomes effective registers its processor;
// the inspection reminders go out 30 and 7 days before (across a weekend and 勤労感謝の日,
// Monday 2026-11-23), weekly once overdue, once per slot, held through quiet hours;
// recording an inspection moves the next one; the contract's end sets the documents'
// retention (7 years, 第15条7項); when it ends the chief is reminded, with the provision
// records past their retention, and records the disposal (第31条); others are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { RequestActions } from "../../src/requests/ids.js";
import { ProcessorActions, ProcessorViews } from "../../src/processors/ids.js";
import { recordDisposal } from "../../src/processors/flows.js";
import { processorsDigest } from "../../src/processors/digest.js";
import { defaultSettings } from "../../src/settings.js";
import type { FakeMessage, StoredView } from "../../src/platform/slack/fake/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { VALID_INPUTS } from "../support/forms.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import { JAPANESE, privacy, shown } from "../support/commands.js";
import { drain, jst, runJobAt, pumping as pumpingOutbox } from "../support/clock.js";

const P = ORG.people;
const JOB = "processors.reminders";
const clock = new ManualClock(jst("2025-12-23T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

const runAt = (at: string) => runJobAt(h, clock, JOB, at);

/** The reminder DMs of this job a person got (they carry the snooze menu and a processors item). */
const remindersTo = (user: string) =>
  h.fake
    .dms(user)
    .filter((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.itemMenu) && /item:(processor|provision):/.test(JSON.stringify(m.blocks)));
const text = (m: FakeMessage | undefined) => shown(m);

/** While `work` runs, keeps the outbox moving (the clock stands still otherwise, and Slack paces each channel). */
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

async function approveAndComplete(user: string, kind: "entrust" | "provide", inputs: Record<string, string | string[]>) {
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

async function openedModal(user: string, callbackId: string, action: () => Promise<unknown>): Promise<StoredView> {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  await action();
  return h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === callbackId));
}

let entrust: Awaited<ReturnType<typeof fileRequest>>;
let provide: Awaited<ReturnType<typeof fileRequest>>;
let processorId: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("an entrustment that becomes effective", () => {
  it("registers its processor: the form's cycle from today, the stage-1 manager responsible, documents kept 7 years after the contract", async () => {
    entrust = await approveAndComplete(P.employee, "entrust", {
      ...VALID_INPUTS.entrust,
      contractStart: "2026-01-05",
      contractEnd: "2029-12-31",
      inspectionCycle: "12",
    });
    const p = await db().processor.findUniqueOrThrow({ where: { requestId: entrust.id } });
    processorId = p.id;
    expect(p).toMatchObject({
      requestCode: entrust.code,
      name: "株式会社データ処理センター",
      departmentId: "sales",
      responsibleId: P.manager,
      inspectionMonths: 12,
      retentionYears: 7,
      disposedOn: null,
    });
    const day = (d: Date | null) => d?.toISOString().slice(0, 10);
    expect(day(p.contractStart)).toBe("2026-01-05");
    expect(day(p.contractEnd)).toBe("2029-12-31");
    expect(day(p.nextInspectionDue)).toBe("2026-12-23");
    expect(day(p.retainUntil)).toBe("2036-12-31");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "processor.created" } });
    expect(audit).toMatchObject({ actorId: "system", subject: `processor:${entrust.code}` });
    // a provision request gets its provision record, and no processor
    provide = await approveAndComplete(P.employee, "provide", { ...VALID_INPUTS.provide, retentionYears: "3" });
    expect(await db().processor.count()).toBe(1);
    expect(await db().provisionRecord.count({ where: { requestId: provide.id } })).toBe(1);
  });

  it("/privacy processors lists it for the department's managers, the chief, compliance; not for employees; in English too", async () => {
    const mine = await privacy(h, P.manager2, "processors");
    expect(mine.shown).toContain(entrust.code);
    expect(mine.shown).toContain("株式会社データ処理センター");
    expect(mine.shown).toContain("2026年12月23日");
    expect(mine.shown).toContain("2036年12月31日");
    expect(mine.shown).toContain(`archives/${entrust.parent.channel}/p${entrust.parent.ts.replace(".", "")}`);
    expect((await privacy(h, P.compliance, "processors")).shown).toContain(entrust.code);
    // the manager of another department sees no processor of 営業部
    expect((await privacy(h, P.soloManager, "processors")).shown).not.toContain(entrust.code);
    expect((await privacy(h, P.employee, "processors")).shown).toContain("預託先の一覧を見られるのは");
    const en = await privacy(h, P.english, "processors");
    expect(en.shown).toContain("Processors are listed for");
    expect(en.shown).not.toMatch(JAPANESE);
    expect((await privacy(h, P.manager, "processors frobnicate")).shown).toContain("/privacy processors inspected");
  });
});

describe("inspection reminders", () => {
  it("nothing 34 days before; on a public holiday the job does not run", async () => {
    await runAt("2026-11-19T09:30:00");
    expect(remindersTo(P.manager)).toEqual([]);
    expect((await runAt("2026-11-23T09:30:00")).result).toMatchObject({ skipped: "not a business day" });
    expect((await runAt("2026-11-22T09:30:00")).result).toMatchObject({ skipped: "not a business day" }); // Sunday
  });

  it("30 days before falls on 勤労感謝の日 (Monday): the reminder goes out on the Friday before, to the manager and the chief, once", async () => {
    const r = await runAt("2026-11-20T09:30:00");
    expect(r.result).toMatchObject({ dms: 2, items: 2 });
    for (const u of [P.manager, P.chief]) {
      const dms = remindersTo(u);
      expect(dms).toHaveLength(1);
      expect(text(dms[0])).toContain(entrust.code);
      expect(text(dms[0])).toContain("調査期限が近い預託先");
      expect(text(dms[0])).toContain("2026年12月23日（あと33日）");
      expect(text(dms[0])).toContain(`/privacy processors inspected ${entrust.code}`);
      // the link to the request's thread and the snooze menu
      expect(JSON.stringify(dms[0]!.blocks)).toContain(`archives/${entrust.parent.channel}/p${entrust.parent.ts.replace(".", "")}`);
      expect(JSON.stringify(dms[0]!.blocks)).toContain(`1|processor:${processorId}`);
      expect(JSON.stringify(dms[0]!.blocks)).toContain(`3|processor:${processorId}`);
    }
    expect(remindersTo(P.manager2)).toEqual([]);
    expect(remindersTo(P.employee)).toEqual([]);
    // the same slot again: claimed already; another slot the same day or the next: no repeat
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-11-20T09:30:00"))).ran).toBe(false);
    await runAt("2026-11-20T11:00:00");
    await runAt("2026-11-24T09:30:00");
    await drain(h, clock);
    expect(remindersTo(P.manager)).toHaveLength(1);
    expect(remindersTo(P.chief)).toHaveLength(1);
  });

  it("7 days before, once: held through quiet hours until 08:00", async () => {
    await runAt("2026-12-15T09:30:00");
    expect(remindersTo(P.manager)).toHaveLength(1);
    // an operator's run at 07:00 computes it; the DM waits for the end of the quiet hours
    const r = await runAt("2026-12-16T07:00:00");
    expect(r.result).toMatchObject({ dms: 2, heldUntil: jst("2026-12-16T08:00:00").toISOString() });
    expect(remindersTo(P.manager)).toHaveLength(1);
    clock.set(jst("2026-12-16T08:00:00"));
    await drain(h, clock);
    expect(remindersTo(P.manager)).toHaveLength(2);
    expect(text(remindersTo(P.manager).at(-1))).toContain("2026年12月23日（あと7日）");
    await runAt("2026-12-16T09:30:00");
    expect(remindersTo(P.manager)).toHaveLength(2);
  });

  it("overdue from the day after, then weekly (not every day)", async () => {
    await runAt("2026-12-23T09:30:00"); // the due day: the 7-day reminder was sent already
    expect(remindersTo(P.manager)).toHaveLength(2);
    await runAt("2026-12-24T09:30:00");
    expect(remindersTo(P.manager)).toHaveLength(3);
    expect(text(remindersTo(P.manager).at(-1))).toContain("調査期限を過ぎた預託先");
    expect(text(remindersTo(P.manager).at(-1))).toContain("1日超過");
    await runAt("2026-12-25T09:30:00");
    await runAt("2026-12-28T09:30:00");
    expect(remindersTo(P.manager)).toHaveLength(3);
    await runAt("2026-12-31T09:30:00"); // 8 days over: the second week
    expect(remindersTo(P.manager)).toHaveLength(4);
    expect(text(remindersTo(P.manager).at(-1))).toContain("8日超過");
    expect(remindersTo(P.chief)).toHaveLength(4);
  });

  it("the digest counts it overdue", async () => {
    const section = await processorsDigest({
      services: h.bot.services,
      calendar: h.bot.calendar,
      settings: defaultSettings(),
      from: jst("2026-12-24T00:00:00"),
      to: jst("2026-12-31T00:00:00"),
      now: jst("2026-12-31T10:00:00"),
      lang: "ja",
    });
    expect(section?.order).toBe(50);
    expect(section?.lines.join("\n")).toContain("期限超過 *1* 件");
    expect(section?.lines.join("\n")).toContain(entrust.code);
  });
});

describe("recording an inspection", () => {
  it("is refused for an employee and another department's manager", async () => {
    clock.set(jst("2027-01-04T10:00:00"));
    expect((await privacy(h, P.employee, `processors inspected ${entrust.code}`)).shown).toContain("定期調査を記録できるのは、営業部の個人情報管理者");
    expect((await privacy(h, P.soloManager, `processors inspected ${entrust.code}`)).shown).toContain("営業部の個人情報管理者");
    expect((await privacy(h, P.manager, "processors inspected")).shown).toContain("届出番号で指定してください");
    expect((await privacy(h, P.manager, "processors inspected PRV-2099-0001")).shown).toContain("見つかりません");
    expect(await db().auditEntry.count({ where: { action: "processor.record_refused" } })).toBe(2);
  });

  it("the modal shows field errors, then records it: the next inspection moves one cycle after it, in the thread and the log", async () => {
    // the overdue reminders that list the inspection (the manager's latest, every one of the chief's)
    const listing = [remindersTo(P.manager).at(-1)!, ...remindersTo(P.chief)];
    for (const dm of listing) expect(JSON.stringify(dm.blocks)).toContain(`1|processor:${processorId}`);
    const view = await openedModal(P.manager2, ProcessorViews.inspection, () =>
      h.slack.command(P.manager2, "/privacy", `processors inspected ${entrust.code.toLowerCase()}`),
    );
    expect(shown({ blocks: view.view.blocks })).toContain("2026年12月23日");
    await h.slack.fillAndSubmit(P.manager2, view.id, { inspectedOn: "2027-01-05", result: "findings", note: "", documentUrl: "http://docs.example.com/r" });
    expect(h.fake.viewErrors(view.id)).toEqual({
      inspectedOn: "未来の日付は記録できません。",
      note: "指摘ありの場合は内容を記入してください。",
      documentUrl: "https:// で始まるリンクを入力してください。",
    });
    await h.slack.fillAndSubmit(P.manager2, view.id, {
      inspectedOn: "2026-12-28",
      result: "findings",
      note: "アクセスログの保存期間が短い。2027年1月末までに是正。",
      documentUrl: "https://docs.example.com/inspections/2026",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    expect(shown({ blocks: h.fake.view(view.id)!.view.blocks })).toContain("次回の調査期限：*2027年12月28日*");
    const p = await db().processor.findUniqueOrThrow({ where: { id: processorId } });
    expect(p.nextInspectionDue.toISOString().slice(0, 10)).toBe("2027-12-28");
    expect(p.lastInspectedOn?.toISOString().slice(0, 10)).toBe("2026-12-28");
    expect(await db().processorInspection.findMany({ where: { processorId }, select: { result: true, documentUrl: true, recordedBy: true } })).toEqual([
      { result: "findings", documentUrl: "https://docs.example.com/inspections/2026", recordedBy: P.manager2 },
    ]);
    expect(await db().auditEntry.findFirst({ where: { action: "processor.inspected", actorId: P.manager2 } })).not.toBeNull();
    await drain(h, clock);
    const thread = h.fake.thread(entrust.parent.channel, entrust.parent.ts);
    expect(thread.some((m) => m.text.includes("預託先の定期調査を記録しました") && m.text.includes("指摘あり") && m.text.includes("2027年12月28日"))).toBe(
      true,
    );
    // each reminder that listed it is edited in place (issue 16): the item's menu gone, a stamp
    for (const dm of listing) {
      const edited = h.fake.message(dm.channel, dm.ts)!;
      expect(JSON.stringify(edited.blocks)).not.toContain(`1|processor:${processorId}`);
      expect(JSON.stringify(edited.blocks)).toContain(`✔️ 対応済み：定期調査を記録（2027/01/04 10:00 <@${P.manager2}>）`);
    }
  });

  it("an earlier date than the last inspection is refused in the modal; the overdue reminders stop", async () => {
    const view = await openedModal(P.chief, ProcessorViews.inspection, () => h.slack.command(P.chief, "/privacy", `processors inspected ${entrust.code}`));
    await h.slack.fillAndSubmit(P.chief, view.id, { inspectedOn: "2026-12-01", result: "ok", documentUrl: "https://docs.example.com/x" });
    expect(h.fake.viewErrors(view.id)).toEqual({ inspectedOn: "前回の調査（2026年12月28日）より前の日付は記録できません。" });
    const before = remindersTo(P.manager).length;
    await runAt("2027-01-07T09:30:00");
    expect(remindersTo(P.manager)).toHaveLength(before);
  });
});

describe("the contract's end and the documents' retention", () => {
  it("records the end and computes the retention (7 years, 第15条7項); bad input is answered", async () => {
    clock.set(jst("2027-04-01T10:00:00"));
    expect((await privacy(h, P.manager, `processors ended ${entrust.code}`)).shown).toContain("使い方");
    expect((await privacy(h, P.manager, `processors ended ${entrust.code} 2027/03/31`)).shown).toContain("YYYY-MM-DD");
    expect((await privacy(h, P.manager, `processors ended ${entrust.code} 2025-12-01`)).shown).toContain("契約開始日（2026年1月5日）より後");
    expect((await privacy(h, P.employee, `processors ended ${entrust.code} 2027-03-31`)).shown).toContain("契約終了日を記録できるのは");
    const ok = await privacy(h, P.manager, `processors ended ${entrust.code} 2027-03-31`);
    expect(ok.shown).toContain("2027年3月31日");
    expect(ok.shown).toContain("2034年3月31日 まで保存");
    const p = await db().processor.findUniqueOrThrow({ where: { id: processorId } });
    expect(p.contractEnd?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(p.retainUntil?.toISOString().slice(0, 10)).toBe("2034-03-31");
    expect(p.contractEndRecordedBy).toBe(P.manager);
    expect(await db().auditEntry.findFirst({ where: { action: "processor.contract_ended" } })).toMatchObject({
      actorId: P.manager,
      subject: `processor:${entrust.code}`,
    });
    // the contract is over: no more inspections
    expect((await privacy(h, P.manager, "processors")).shown).toContain("次回調査：なし（契約終了）");
  });

  it("nothing awaits disposal before the retention ends; the chief cannot record it early", async () => {
    clock.set(jst("2028-01-04T10:00:00"));
    expect((await privacy(h, P.chief, "processors disposal")).shown).toContain("廃棄を待っている記録はありません");
    expect((await privacy(h, P.chief, `processors disposal ${entrust.code}`)).shown).toContain("保存期限（2034年3月31日）が終わるまでは廃棄できません");
  });
});

describe("when the retention ends", () => {
  it("the chief gets one DM with the processor's documents and the provision records past their retention; the manager nothing", async () => {
    const managerBefore = remindersTo(P.manager).length;
    const chiefBefore = remindersTo(P.chief).length;
    await runAt("2034-03-31T09:30:00"); // the last day they are kept
    expect(remindersTo(P.chief)).toHaveLength(chiefBefore + 1); // the provision record (3 years, since 2028-12)
    expect(text(remindersTo(P.chief).at(-1))).not.toContain("保存期間が終わった預託先の書類");
    // Monday after the first disposable day (Saturday): a new week, both in one DM
    const r = await runAt("2034-04-03T09:30:00");
    expect(r.result).toMatchObject({ dms: 1, items: 2 });
    const dm = remindersTo(P.chief).at(-1)!;
    expect(remindersTo(P.chief)).toHaveLength(chiefBefore + 2);
    expect(text(dm)).toContain("保存期間が終わった預託先の書類（1件");
    expect(text(dm)).toContain(`|${entrust.code}>`);
    expect(text(dm)).toContain("保存期限 2034年3月31日（3日経過）");
    expect(JSON.stringify(dm.blocks)).toContain(`1|processor:${processorId}`);
    expect(text(dm)).toContain("保存期間が終わった第三者提供の記録：全1件");
    expect(text(dm)).toContain("東都損害保険株式会社");
    expect(text(dm)).toContain(`|${provide.code}>`);
    expect(text(dm)).toContain("/privacy processors disposal");
    expect(JSON.stringify(dm.blocks)).toContain("3|provision:");
    expect(remindersTo(P.manager)).toHaveLength(managerBefore);
    // not again the same week
    await runAt("2034-04-07T09:30:00");
    expect(remindersTo(P.chief)).toHaveLength(chiefBefore + 2);
  });

  it("weekly while waiting; a snoozed item is left out and comes back after the snooze", async () => {
    const dm = remindersTo(P.chief).at(-1)!;
    const record = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: provide.id } });
    await h.slack.blockAction(P.chief, {
      actionId: ReminderActions.itemMenu,
      blockId: `item:provision:${record.id}`,
      message: { channel: dm.channel, ts: dm.ts },
      selectedOption: `3|provision:${record.id}`,
    });
    await h.fake.waitFor(() => (text(h.fake.message(dm.channel, dm.ts)).includes("まで再通知しません") ? true : undefined));
    const before = remindersTo(P.chief).length;
    const r = await runAt("2034-04-10T09:30:00"); // a new week: the documents again, the provision record snoozed
    expect(r.result).toMatchObject({ dms: 1, items: 1, snoozedItems: 1 });
    expect(remindersTo(P.chief)).toHaveLength(before + 1);
    expect(text(remindersTo(P.chief).at(-1))).toContain(entrust.code);
    expect(text(remindersTo(P.chief).at(-1))).not.toContain(provide.code);
    await runAt("2034-04-13T09:30:00"); // the snooze (3 business days from Friday) is over: reminded this week after all
    expect(remindersTo(P.chief)).toHaveLength(before + 2);
    expect(text(remindersTo(P.chief).at(-1))).toContain(provide.code);
    expect(text(remindersTo(P.chief).at(-1))).not.toContain(entrust.code);
  });

  it("the digest counts both", async () => {
    const section = await processorsDigest({
      services: h.bot.services,
      calendar: h.bot.calendar,
      settings: defaultSettings(),
      from: jst("2034-04-01T00:00:00"),
      to: jst("2034-04-08T00:00:00"),
      now: jst("2034-04-07T10:00:00"),
      lang: "en",
    });
    const all = section!.lines.join("\n");
    expect(all).toContain("Processor documents past retention, not disposed of: *1*");
    expect(all).toContain("Provision records past retention, not disposed of: *1*");
    expect(all).not.toContain("Inspections:");
  });

  it("only the chief (or deputy) records the disposal: others are refused, and compliance sees the list without buttons", async () => {
    clock.set(jst("2034-04-13T11:00:00"));
    expect((await privacy(h, P.manager, `processors disposal ${entrust.code}`)).shown).toContain("廃棄を記録できるのは、個人情報管理責任者");
    expect((await privacy(h, P.manager, "processors disposal")).shown).toContain("廃棄待ちの一覧を見られるのは");
    const list = await privacy(h, P.compliance, "processors disposal");
    expect(list.shown).toContain(entrust.code);
    expect(list.shown).toContain(provide.code);
    expect(JSON.stringify(list.blocks)).not.toContain(ProcessorActions.dispose);
    const refused = await recordDisposal(h.bot.services, {
      target: { kind: "processor", id: processorId },
      actorId: P.manager,
      value: { method: "shred", performedBy: P.employee, disposedOn: "2034-04-07", note: null },
    });
    expect(refused).toEqual({ ok: false, refusal: "not_allowed" });
    expect(await db().auditEntry.count({ where: { action: "processor.record_refused", actorId: P.manager } })).toBeGreaterThanOrEqual(2);
    expect((await db().processor.findUniqueOrThrow({ where: { id: processorId } })).disposedOn).toBeNull();
  });

  it("the chief records the disposal from the list: method, the data handler who did it (第31条4項), the day", async () => {
    const list = await privacy(h, P.chief, "processors disposal");
    expect(list.shown).toContain("預託先の契約書類・調査報告書");
    const view = await openedModal(P.chief, ProcessorViews.disposal, () =>
      h.slack.blockAction(P.chief, {
        actionId: ProcessorActions.dispose,
        blockId: `dispose:processor:${processorId}`,
        message: { channel: list.channel, ts: list.ts, ephemeral: true },
      }),
    );
    expect(shown({ blocks: view.view.blocks })).toContain("保存期限：2034年3月31日");
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "other", performedBy: P.manager, disposedOn: "2034-03-30" });
    expect(h.fake.viewErrors(view.id)).toEqual({ note: "「その他」の場合は、廃棄の方法をメモに記入してください。" });
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "dissolve", performedBy: P.manager, disposedOn: "2034-04-06" });
    expect(h.fake.viewErrors(view.id)).toEqual({
      performedBy: "鈴木 花子 は個人情報取扱担当者ではありません。廃棄作業は個人情報取扱担当者が行います（規程第31条4項）。",
    });
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "dissolve", performedBy: P.employee, disposedOn: "2034-03-31" });
    expect(h.fake.viewErrors(view.id)).toEqual({ disposedOn: "保存期限（2034年3月31日）が終わるまでは廃棄できません。" });
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "dissolve", performedBy: P.employee, disposedOn: "2034-04-06", note: "溶解証明書 No.1234" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    expect(shown({ blocks: h.fake.view(view.id)!.view.blocks })).toContain("廃棄（2034年4月6日、溶解処理");
    const p = await db().processor.findUniqueOrThrow({ where: { id: processorId } });
    expect(p).toMatchObject({ disposalMethod: "dissolve", disposedBy: P.employee, disposalRecordedBy: P.chief, disposalNote: "溶解証明書 No.1234" });
    expect(p.disposedOn?.toISOString().slice(0, 10)).toBe("2034-04-06");
    expect(await db().auditEntry.findFirst({ where: { action: "processor.documents_disposed" } })).toMatchObject({
      actorId: P.chief,
      subject: `processor:${entrust.code}`,
    });
    await drain(h, clock);
    expect(h.fake.thread(entrust.parent.channel, entrust.parent.ts).some((m) => m.text.includes("廃棄を記録しました（規程第31条）"))).toBe(true);
    // recorded once: a second time is refused
    expect((await privacy(h, P.chief, `processors disposal ${entrust.code}`)).shown).toContain("2034年4月6日 に廃棄済み");
  });

  it("the provision record's disposal by its request code; then nothing is left and the reminders stop", async () => {
    const view = await openedModal(P.chief, ProcessorViews.disposal, () => h.slack.command(P.chief, "/privacy", `processors disposal ${provide.code}`));
    expect(shown({ blocks: view.view.blocks })).toContain("東都損害保険株式会社");
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "erase", performedBy: P.employee, disposedOn: "2034-04-07" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: provide.id } });
    expect(rec).toMatchObject({ disposalMethod: "erase", disposedBy: P.employee, disposalRecordedBy: P.chief });
    expect(await db().auditEntry.findFirst({ where: { action: "provision_record.disposed" } })).toMatchObject({ subject: `request:${provide.code}` });
    expect((await privacy(h, P.chief, "processors disposal")).shown).toContain("廃棄を待っている記録はありません");
    // the reminder that listed it is edited in place (issue 16): no menu left for it, a stamp
    await drain(h, clock);
    const dm = h.fake
      .dms(P.chief)
      .filter((m) => JSON.stringify(m.blocks ?? []).includes(`item:provision:${rec.id}`))
      .at(-1)!;
    expect(JSON.stringify(dm.blocks)).not.toContain(`1|provision:${rec.id}`);
    expect(shown(dm)).toContain(`✔️ 対応済み：廃棄を記録`);
    const before = h.fake.dms(P.chief).length;
    await runAt("2034-04-24T09:30:00");
    expect(h.fake.dms(P.chief)).toHaveLength(before);
    expect((await privacy(h, P.chief, "processors")).shown).toContain("書類廃棄済み：2034年4月6日（溶解処理");
  });
});
