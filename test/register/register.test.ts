// The register of personal data (個人データ管理台帳, 規程 第23条, 第25条2項(1)①) end to end, over
// signed HTTP into the running bot with the fake Slack and a clock moved by hand: an effective
// purpose request creates an entry and ticks "registered in the ledger" with its code;
// entrustment, provision and joint use naming the entry link their processor and recipients;
// the owner edits the entry in a modal (a new version, its history, the audit chain without the
// texts), someone else is refused; search; the CSV export; the Home section; the annual review
// reminder, the "reviewed" button and the digest line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { RequestActions } from "../../src/requests/ids.js";
import { decide, setMeasure, submitRequest } from "../../src/requests/flows.js";
import { RegisterActions, RegisterViews } from "../../src/register/ids.js";
import type { SimpleInputs, StoredView } from "../../src/platform/slack/fake/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { VALID_INPUTS } from "../support/forms.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import { JAPANESE, openHome, privacy, shown } from "../support/commands.js";
import { drain, jst, pumping as pumpingOutbox, runJobAt, until } from "../support/clock.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-12-03T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

async function effective(user: string, kind: "purpose" | "entrust" | "provide" | "joint", inputs: SimpleInputs) {
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

async function newView(user: string, callbackId: string, action: () => Promise<unknown>): Promise<StoredView> {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  await action();
  return h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === callbackId));
}

/** Types /privacy register …, then presses "Open" on the entry `code` of the answer. */
async function openFromList(user: string, words: string, code: string): Promise<StoredView> {
  const answer = await privacy(h, user, `register ${words}`);
  const entry = await db().registerEntry.findUniqueOrThrow({ where: { code } });
  return newView(user, RegisterViews.entry, () =>
    h.slack.blockAction(user, {
      actionId: RegisterActions.open,
      blockId: `reg-${entry.id}`,
      message: { channel: answer.channel, ts: answer.ts, ephemeral: true },
    }),
  );
}

let purpose: Awaited<ReturnType<typeof fileRequest>>;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("effective requests update the register in the transaction that makes them effective", () => {
  it("a purpose request creates an entry; the ledger measure is ticked by the bot and names it", async () => {
    purpose = await effective(P.employee, "purpose", VALID_INPUTS.purpose);
    const e = await db().registerEntry.findFirstOrThrow({ where: { purposeRequests: { has: purpose.code } } });
    code = e.code;
    expect(code).toBe("REG-2026-0001");
    expect(e).toMatchObject({
      name: "新サービスの案内メール配信",
      departmentId: "sales",
      ownerId: P.employee,
      purposes: "新サービスの案内メール配信",
      dataItems: "氏名、メールアドレス、購入履歴",
      sensitive: false,
      source: "顧客",
      collectionMethod: "本人からWebフォームで直接",
      retention: "3年",
      version: 1,
      lastReviewedOn: null,
    });
    const measure = await db().requestMeasure.findUniqueOrThrow({ where: { requestId_key: { requestId: purpose.id, key: "ledger_registered" } } });
    expect(measure).toMatchObject({ doneBy: "system", note: code });
    expect((await db().request.findUniqueOrThrow({ where: { id: purpose.id } })).status).toBe("effective");
    // the checklist in the thread says which entry satisfied it
    const req = await db().request.findUniqueOrThrow({ where: { id: purpose.id } });
    const checklist = await until(
      () => h.fake.message(req.channelId!, req.checklistTs!),
      (m) => shown(m).includes(`個人データ管理台帳 ${code} に登録（自動`),
    );
    const ledger = (checklist!.blocks as { block_id?: string; accessory?: unknown }[]).find((b) => b.block_id === "measure-ledger_registered");
    expect(ledger?.accessory).toBeUndefined(); // nothing to press: the bot ticked it
    const version = await db().registerEntryVersion.findFirstOrThrow({ where: { entryId: e.id } });
    expect(version).toMatchObject({ version: 1, source: "request", sourceRef: purpose.code, actorId: "system" });
    // the audit entry holds codes and field names, never the texts
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "register.created", subject: `register:${code}` } });
    expect(audit.actorId).toBe("system");
    expect(audit.data).toMatchObject({ version: 1, source: "request", request: purpose.code });
    expect((audit.data as { changed: string[] }).changed).toEqual(expect.arrayContaining(["name", "purposes", "dataItems", "retention"]));
    expect(JSON.stringify(audit.data)).not.toContain("案内メール");
    expect(JSON.stringify(audit.data)).not.toContain("メールアドレス");
  }, 90_000);

  it("an entrustment naming the entry links its processor", async () => {
    const entrust = await effective(P.employee, "entrust", { ...VALID_INPUTS.entrust, registerEntry: code.toLowerCase() });
    const processor = await db().processor.findUniqueOrThrow({ where: { requestId: entrust.id } });
    const e = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    expect(e.processors).toEqual([{ code: entrust.code, kind: "entrust", name: "株式会社データ処理センター", processorId: processor.id }]);
    expect(e.peopleBand).toBe("1000_9999");
    expect(e.version).toBe(2);
  }, 90_000);

  it("a provision and a joint use naming it add their recipients", async () => {
    const provide = await effective(P.employee, "provide", { ...VALID_INPUTS.provide, registerEntry: code });
    const joint = await effective(P.employee, "joint", { ...VALID_INPUTS.joint, registerEntry: code });
    const e = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    expect(e.recipients).toEqual([
      { code: provide.code, kind: "provide", name: "東都損害保険株式会社" },
      { code: joint.code, kind: "joint", name: "当社および当社の子会社（株式会社サンプル販売）" },
    ]);
    expect(e.version).toBe(4);
  }, 90_000);

  it("a second purpose naming it amends it; a provision naming no entry gets its own; a mistyped code is a field error", async () => {
    const second = await effective(P.employee, "purpose", { ...VALID_INPUTS.purpose, purpose: "購入後のアンケート", registerEntry: code });
    const e = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    expect(e.purposeRequests).toEqual([purpose.code, second.code]);
    expect(e.purposes).toBe("新サービスの案内メール配信\n購入後のアンケート");
    expect(e.version).toBe(5);
    expect((await db().requestMeasure.findUniqueOrThrow({ where: { requestId_key: { requestId: second.id, key: "ledger_registered" } } })).note).toBe(code);
    // a provision naming no entry gets one of its own
    const alone = await effective(P.employee, "provide", VALID_INPUTS.provide);
    const own = await db().registerEntry.findFirstOrThrow({ where: { code: { not: code } } });
    expect(own.recipients).toEqual([{ code: alone.code, kind: "provide", name: "東都損害保険株式会社" }]);
    // a mistyped code is a field error on the form, nothing filed
    const view = await newView(P.employee, "request-form-view", () => h.slack.command(P.employee, "/privacy", "request purpose"));
    await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, registerEntry: "REG-26-1" });
    expect(h.fake.viewErrors(view.id)?.registerEntry).toContain("REG-2026-0001");
  }, 90_000);
});

describe("manual edits, with history", () => {
  it("the owner opens the entry from the list, edits it in a modal: a new version, its history, the audit entry without the texts", async () => {
    const entryModal = await openFromList(P.employee, "案内", code);
    const text = shown({ blocks: entryModal.view.blocks });
    expect(text).toContain(code);
    expect(text).toContain("東都損害保険株式会社");
    expect(text).toContain("株式会社データ処理センター");
    expect(text).toContain("変更履歴");
    expect(text).toContain(`届出 ${purpose.code}`);
    expect(text).toContain("一度も見直されていません");
    const form = await newView(P.employee, RegisterViews.form, () =>
      h.slack.blockAction(P.employee, { actionId: RegisterActions.edit, viewId: entryModal.id }),
    );
    // personal data itself is refused with a field error, nothing written
    await h.slack.fillAndSubmit(P.employee, form.id, { dataItems: "山田太郎様の電話番号 090-1234-5678" });
    expect(h.fake.viewErrors(form.id)?.dataItems).toContain("個人データそのもの");
    expect((await db().registerEntry.findUniqueOrThrow({ where: { code } })).version).toBe(5);
    await h.slack.fillAndSubmit(P.employee, form.id, {
      dataItems: "氏名、メールアドレス、購入履歴",
      storage: "顧客管理システム（東京リージョン）",
      disposalMethod: "データの消去（復元不可能な方法）",
      securityMeasures: "アクセス権限の管理、通信の暗号化",
      countries: "シンガポール、 米国",
      externalTransmissions: "広告タグ（送信先：広告配信事業者、送信する情報：閲覧ページ）",
      transmissionNotice: "published",
    });
    expect(h.fake.viewErrors(form.id) ?? {}).toEqual({});
    const e = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    expect(e).toMatchObject({
      version: 6,
      storage: "顧客管理システム（東京リージョン）",
      countries: ["シンガポール", "米国"],
      transmissionNotice: "published",
    });
    // the form became the entry, with the new version in its history
    const after = shown({ blocks: h.fake.view(form.id)!.view.blocks });
    expect(after).toContain("v6");
    expect(after).toContain("保管場所");
    const v6 = await db().registerEntryVersion.findFirstOrThrow({ where: { entryId: e.id, version: 6 } });
    expect(v6).toMatchObject({ source: "manual", actorId: P.employee });
    expect(v6.changed).toEqual(["storage", "disposalMethod", "countries", "securityMeasures", "externalTransmissions", "transmissionNotice"]);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "register.amended", actorId: P.employee } });
    expect((audit.data as { changed: string[] }).changed).toContain("storage");
    expect(JSON.stringify(audit.data)).not.toContain("顧客管理システム");
    expect(JSON.stringify(audit.data)).not.toContain("シンガポール");
  });

  it("someone who is neither the owner nor the chief is refused (ephemeral), and the refusal is logged; the chief may edit", async () => {
    const modal = await openFromList(P.employee2, code, code);
    expect(JSON.stringify(modal.view.blocks)).not.toContain(RegisterActions.edit); // no button for them
    const before = h.fake.ephemerals(P.employee2).length;
    // a forged press (the button is not on their modal) is refused all the same
    const id = (await db().registerEntry.findUniqueOrThrow({ where: { code } })).id;
    // (a modal has no response_url: the answer is a small modal on top)
    const views = h.fake.openViews(P.employee2).length;
    await h.slack.blockAction(P.employee2, { actionId: RegisterActions.edit, view: { id: modal.id, type: "modal", blocks: [] }, value: id });
    const refusal = await h.fake.waitFor(() => h.fake.openViews(P.employee2)[views]);
    const said = shown({ blocks: refusal.view.blocks });
    expect(said).toContain(`<@${P.employee}>`);
    expect(said).toContain("個人情報管理責任者だけ");
    expect(h.fake.ephemerals(P.employee2)).toHaveLength(before);
    await until(
      () => db().auditEntry.count({ where: { action: "register.refused", actorId: P.employee2 } }),
      (n) => n === 1,
    );
    expect((await db().registerEntry.findUniqueOrThrow({ where: { code } })).version).toBe(6);
    // typed: /privacy register edit <code> answers with an ephemeral
    const typed = await privacy(h, P.employee2, `register edit ${code}`);
    expect(typed.text).toContain("個人情報管理責任者だけ");
    expect((await privacy(h, P.employee2, "register edit REG-2026-9999")).text).toContain("見つかりません");
    await until(
      () => db().auditEntry.count({ where: { action: "register.refused", actorId: P.employee2 } }),
      (n) => n === 2,
    );
    expect(h.fake.openViews(P.employee2).some((v) => v.view.callback_id === RegisterViews.form)).toBe(false);
    const chiefModal = await openFromList(P.chief, code, code);
    expect(shown({ blocks: chiefModal.view.blocks })).toContain("編集");
    const form = await newView(P.chief, RegisterViews.form, () => h.slack.command(P.chief, "/privacy", `register edit ${code.toLowerCase()}`));
    await h.slack.fillAndSubmit(P.chief, form.id, { access: "営業部の担当者、情報システム部" });
    await until(
      () => db().registerEntry.findUniqueOrThrow({ where: { code } }),
      (e) => e.version === 7 && e.access === "営業部の担当者、情報システム部",
    );
  });

  it("a manager makes a new entry from the list's button; an employee's list has no such button", async () => {
    const answer = await privacy(h, P.manager, "register");
    expect(answer.shown).toContain("新規登録");
    const form = await newView(P.manager, RegisterViews.form, () =>
      h.slack.blockAction(P.manager, { actionId: RegisterActions.create, message: { channel: answer.channel, ts: answer.ts, ephemeral: true } }),
    );
    await h.slack.fillAndSubmit(P.manager, form.id, { name: "採用応募者の管理表", dataItems: "氏名、学歴、職歴", retention: "選考終了後1年" });
    expect(h.fake.viewErrors(form.id) ?? {}).toEqual({});
    const e = await db().registerEntry.findFirstOrThrow({ where: { name: "採用応募者の管理表" } });
    expect(e).toMatchObject({ departmentId: "sales", ownerId: P.manager, version: 1 });
    expect((await privacy(h, P.employee, "register")).shown).not.toContain("新規登録");
  });
});

describe("search", () => {
  it("finds by name, data items, department and code; every word must match; in English too", async () => {
    expect((await privacy(h, P.employee, "register 採用")).shown).toContain("採用応募者の管理表");
    const byItem = await privacy(h, P.employee, "register 学歴");
    expect(byItem.shown).toContain("採用応募者の管理表");
    expect(byItem.shown).not.toContain(code);
    expect((await privacy(h, P.employee, "register 営業部 メールアドレス")).shown).toContain(code);
    expect((await privacy(h, P.employee, "register 営業部 存在しない語")).shown).toContain("該当する台帳の項目はありません");
    expect((await privacy(h, P.employee, `register ${code.toLowerCase()}`)).shown).toContain(code);
    // LIKE's wildcards are taken literally
    expect((await privacy(h, P.employee, "register %")).shown).toContain("該当する台帳の項目はありません");
    const en = await privacy(h, P.english, "register nothing-like-this");
    expect(en.shown).toContain("No entry matches");
    expect(en.shown.replace(/「.*?」|"nothing-like-this"/g, "")).not.toMatch(JAPANESE);
  });
});

describe("CSV export", () => {
  it("compliance gets the register as UTF-8 CSV with a BOM in their DMs; an employee is refused", async () => {
    const before = h.fake.files().length;
    const answer = await privacy(h, P.compliance, "register export");
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.name).toMatch(/^mamori-register-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.channel).toBe(h.fake.dmChannelOf(P.compliance));
    const bytes = file.bytes!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString("utf8").slice(1);
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]!.startsWith("登録番号,名称（システム・ファイル・名簿など）,管理部門")).toBe(true);
    expect(rows).toHaveLength(1 + (await db().registerEntry.count()));
    const row = rows.find((r) => r.startsWith(code))!;
    expect(row).toContain("営業部");
    expect(row).toContain("シンガポール; 米国");
    expect(answer.text).toContain(`（${rows.length - 1}件）`);
    expect(await db().auditEntry.count({ where: { action: "register.exported", actorId: P.compliance } })).toBe(1);
    expect((await privacy(h, P.employee, "register export")).text).toContain("コンプライアンス担当");
    expect(h.fake.files()).toHaveLength(before + 1);
  });
});

describe("App Home and the annual review", () => {
  it("the owner's Home lists the entries needing attention, each with a button", async () => {
    await openHome(h, P.employee);
    const home = await h.fake.waitFor(() => {
      const v = h.fake.homeView(P.employee);
      return v && shown({ blocks: v.view.blocks }).includes("見直しが必要な台帳の項目") ? v : undefined;
    });
    const text = shown({ blocks: home.view.blocks });
    expect(text).toContain(code);
    expect(text).toContain("一度も見直されていません");
    // its button opens the entry
    const entry = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    const opened = await newView(P.employee, RegisterViews.entry, () =>
      h.slack.blockAction(P.employee, { actionId: RegisterActions.open, blockId: `reg-home-${entry.id}`, viewId: home.id }),
    );
    expect(shown({ blocks: opened.view.blocks })).toContain(code);
    // someone who owns no entry sees no such section
    await openHome(h, P.employee2);
    const other = await h.fake.waitFor(() => h.fake.homeView(P.employee2));
    expect(shown({ blocks: other.view.blocks })).not.toContain("見直しが必要な台帳の項目");
  });

  it("Monday's reminder goes to each owner with entries not reviewed in a year; 'reviewed' records a version; the digest counts the rest", async () => {
    const r = await runJobAt(h, clock, "register.review", "2026-12-07T09:30:00");
    expect(r).toMatchObject({ ran: true, result: { dms: 2 } });
    const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes("年次見直し")));
    expect(shown(dm)).toContain(code);
    expect(h.fake.dms(P.manager).some((m) => m.text.includes("年次見直し"))).toBe(true);
    const entry = await db().registerEntry.findUniqueOrThrow({ where: { code } });
    await h.slack.blockAction(P.employee, {
      actionId: RegisterActions.reviewed,
      blockId: `reg-review-${entry.id}`,
      message: { channel: dm.channel, ts: dm.ts },
    });
    const reviewed = await until(
      () => db().registerEntry.findUniqueOrThrow({ where: { code } }),
      (e) => e.lastReviewedOn !== null,
    );
    expect(reviewed.lastReviewedOn!.toISOString().slice(0, 10)).toBe("2026-12-07");
    expect(reviewed).toMatchObject({ lastReviewedBy: P.employee, version: entry.version + 1 });
    const v = await db().registerEntryVersion.findFirstOrThrow({ where: { entryId: entry.id, version: reviewed.version } });
    expect(v).toMatchObject({ source: "review", changed: ["lastReviewedOn"] });
    expect(await db().auditEntry.count({ where: { action: "register.reviewed", subject: `register:${code}` } })).toBe(1);
    await h.fake.waitFor(() => h.fake.ephemerals(P.employee).find((e) => e.text.includes(`${code} を見直し済みにしました`)));
    // the reminder is edited in place (issue 16): the entry's menu and 「確認済み」 go, with a stamp; the other entry keeps its own
    const edited = await until(
      async () => {
        await drain(h, clock);
        return h.fake.message(dm.channel, dm.ts)!;
      },
      (m) => shown(m).includes("✔️ 対応済み：定期確認を記録"),
    );
    expect(shown(edited)).toContain(`<@${P.employee}>）`);
    const buttons = JSON.stringify(edited.blocks);
    expect(buttons).not.toContain(`1|register:${entry.id}`);
    expect(buttons.split(RegisterActions.reviewed).length - 1).toBe(1); // the other entry's
    // pressed again the same day (a new press, from the entry's modal): nothing more is recorded
    clock.advance(60_000);
    const mine = await openFromList(P.employee, code, code);
    await h.slack.blockAction(P.employee, { actionId: RegisterActions.reviewed, viewId: mine.id });
    await new Promise((r) => setTimeout(r, 300));
    expect((await db().registerEntry.findUniqueOrThrow({ where: { code } })).version).toBe(reviewed.version);
    // someone else's press changes nothing
    const theirs = await openFromList(P.employee2, code, code);
    const views = h.fake.openViews(P.employee2).length;
    await h.slack.blockAction(P.employee2, { actionId: RegisterActions.reviewed, view: { id: theirs.id, type: "modal", blocks: [] }, value: entry.id });
    const refused = await h.fake.waitFor(() => h.fake.openViews(P.employee2)[views]);
    expect(shown({ blocks: refused.view.blocks })).toContain("個人情報管理責任者だけ");
    expect((await db().registerEntry.findUniqueOrThrow({ where: { code } })).version).toBe(reviewed.version);
    // the next Monday: the reviewed entry is not reminded again; their other entry, not reviewed, still is (once a week)
    const other = await db().registerEntry.findFirstOrThrow({ where: { ownerId: P.employee, code: { not: code } } });
    expect(shown(dm)).toContain(other.code);
    const before = h.fake.dms(P.employee).length;
    await runJobAt(h, clock, "register.review", "2026-12-14T09:30:00");
    const next = h.fake
      .dms(P.employee)
      .slice(before)
      .filter((m) => m.text.includes("年次見直し"));
    expect(next).toHaveLength(1);
    expect(shown(next[0])).toContain(other.code);
    expect(shown(next[0])).not.toContain(code);
    // run twice for the same week: nothing more
    await runJobAt(h, clock, "register.review", "2026-12-14T09:31:00");
    expect(
      h.fake
        .dms(P.employee)
        .slice(before)
        .filter((m) => m.text.includes("年次見直し")),
    ).toHaveLength(1);
    // the digest: entries not reviewed in a year
    const digest = await privacy(h, P.compliance, "digest week");
    expect(digest.shown).toContain("個人データ管理台帳");
    const total = await db().registerEntry.count();
    expect(digest.shown).toContain(`1年以上見直されていない項目：${total - 1}件（全${total}件）`);
    // a year later it is due again
    clock.set(jst("2027-12-07T09:30:00"));
    await runJobAt(h, clock, "register.review", "2027-12-13T09:30:00");
    const again = h.fake.dms(P.employee).filter((m) => m.text.includes("年次見直し"));
    expect(shown(again.at(-1))).toContain(code);
  }, 60_000);
});

describe("a checklist posted before the ledger measure was the bot's", () => {
  it("its old button makes the request effective only when every other measure is done; the register then ticks it", async () => {
    const s = h.bot.services;
    const data = {
      purpose: "旧チェックリストの届出",
      dataItems: "氏名",
      dataSubjects: "customers",
      collection: "web_form",
      retention: "1y",
      sensitive: false,
      minors: false,
      startDate: "2027-01-10",
    };
    const filed = await submitRequest(s, { requesterId: P.employee, kind: "purpose", data, submissionKey: "legacy-ledger" });
    if (!filed.ok) throw new Error("not filed");
    const rev = async () => (await db().request.findUniqueOrThrow({ where: { id: filed.id } })).rev;
    expect(await decide(s, { requestId: filed.id, actorId: P.manager, decision: "approve", pressedRev: await rev() })).toMatchObject({ ok: true });
    expect(await decide(s, { requestId: filed.id, actorId: P.chief, decision: "approve", pressedRev: await rev() })).toMatchObject({ ok: true });
    // the ledger measure's old button while another measure is open: refused, nothing changes
    expect(await setMeasure(s, { requestId: filed.id, actorId: P.chief, key: "ledger_registered", done: true })).toMatchObject({ ok: false });
    // the other measures done as an older version of the bot left them (the last tick did not make it effective then)
    await db().requestMeasure.updateMany({ where: { requestId: filed.id, key: { not: "ledger_registered" } }, data: { doneBy: P.chief, doneAt: clock.now() } });
    expect(await setMeasure(s, { requestId: filed.id, actorId: P.chief, key: "ledger_registered", done: true })).toMatchObject({ ok: true, effective: true });
    const m = await db().requestMeasure.findUniqueOrThrow({ where: { requestId_key: { requestId: filed.id, key: "ledger_registered" } } });
    expect(m.doneBy).toBe("system");
    expect((await db().registerEntry.findUniqueOrThrow({ where: { code: m.note! } })).purposes).toBe("旧チェックリストの届出");
    await drain(h, clock);
  }, 60_000);
});
