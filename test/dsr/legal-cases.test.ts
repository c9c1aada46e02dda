// The legal cases D1-D5 of ../shared/docs/legal-cases.md over signed HTTP: what the desk offers
// and shows for each kind of request, in the words of the law (APPI as numbered since 2022,
// 施行令 第5条) or of the company's rules (規程 第19条, labelled so); every outcome notified to the
// person before the case closes (Art.32(3), 33(3), 34(3), 35(7); reasons Art.36); the disclosure
// method (Art.33(1)-(2)) and the fee (Art.38); the target and ceiling as company settings (D5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/build.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AnswerBlocks, DsrActions, DsrViews, IdentityBlocks, LogBlocks, NoticeBlocks } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, pumping } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";
import { COMPLIANCE, latest, logCase, logInputs, openLog, parentShows, pressForModal, pressOn, threadHas, told } from "./helpers.js";

const P = ORG.people;
const ja = dsrMessages("ja");
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

type Case = Awaited<ReturnType<typeof logCase>>;

/** Logs a case of `kind` and records the identity check: ready to be answered. */
async function verifiedCase(kind: string, inputs: Record<string, string> = {}): Promise<Case> {
  const c = await logCase(h, clock, P.employee, { [LogBlocks.kind]: kind, ...inputs });
  const id = await pressForModal(h, P.employee, c.parent, DsrActions.identity, DsrViews.identity);
  await h.slack.fillAndSubmit(P.employee, id.id, { [IdentityBlocks.document]: "license" });
  expect(h.fake.viewErrors(id.id) ?? {}).toEqual({});
  return c;
}

/** The checkbox values a modal offers in `block`. */
function offered(view: { view: { blocks: unknown[] } }, block: string): string[] {
  const b = (view.view.blocks as { block_id?: string; element?: { options?: { value: string }[] } }[]).find((x) => x.block_id === block);
  return (b?.element?.options ?? []).map((o) => o.value);
}

/** The chief approves the refusal waiting in the case's thread; the case is then decided. */
async function chiefApproves(c: Case) {
  const approval = await pumping(
    h,
    clock,
    h.fake.waitFor(() => h.fake.thread(COMPLIANCE, c.parent.ts).find((m) => JSON.stringify(m.blocks ?? []).includes(DsrActions.approveRefusal))),
  );
  await pressOn(h, P.chief, approval as FakeMessage, DsrActions.approveRefusal);
  await told(h, P.chief, ja.done.approved(c.code));
  expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("decided");
}

describe("D1: stopping use refused because the data is needed to meet a legal duty", () => {
  let c: Case;
  it("the answer offers only 規程 第19条's two exceptions, labelled the company's rule", async () => {
    c = await verifiedCase("stop_use");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.grounds)).toEqual(["r19_authority", "r19_legal_duty"]);
    const text = JSON.stringify(view.view.blocks);
    expect(text).toContain("規程 第19条ただし書（社内規程）");
    expect(text).toContain(ja.modal.stopNote);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.basis]: "a35_5",
      [AnswerBlocks.grounds]: ["r19_legal_duty"],
      [AnswerBlocks.reason]: "法令により保存と利用が義務付けられているため",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  });

  it("approved, it is decided but not closed: the post says the notice under Art.35(7) is due without delay", async () => {
    await chiefApproves(c);
    const post = shown(await parentShows(h, clock, c.parent, ja.status.decided));
    expect(post).toContain("規程 第19条ただし書（社内規程）：当社の法令に定められている義務の履行のために必要な場合");
    expect(post).toContain("未記録：遅滞なく通知（個人情報保護法 第35条第7項");
    expect(JSON.stringify(latest(h, c.parent).blocks)).toContain(DsrActions.notice);
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ answeredAt: null, closedAt: null });
    // the compliance digest counts it as waiting for its notice
    const d = await buildDigest({
      services: h.bot.services,
      calendar: h.bot.calendar,
      settings: h.bot.services.settings!,
      from: jst("2026-11-23T00:00:00"),
      to: jst("2026-11-25T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    expect(d.sections.find((x) => x.title === ja.digest.title)?.lines).toContain(ja.digest.awaitingNotice(1));
  });

  it("the notice asks whether the reasons were explained (Art.36), then closes the case", async () => {
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.notice, DsrViews.notice);
    expect(JSON.stringify(view.view.blocks)).toContain("個人情報保護法 第36条・努力義務");
    await h.slack.fillAndSubmit(P.employee, view.id, { [NoticeBlocks.on]: "2026-11-24", [NoticeBlocks.via]: "mail" });
    expect(h.fake.viewErrors(view.id)).toEqual({ [NoticeBlocks.reasonExplained]: ja.problem.reasonExplainedRequired });
    await h.slack.fillAndSubmit(P.employee, view.id, { [NoticeBlocks.on]: "2026-11-24", [NoticeBlocks.via]: "mail", [NoticeBlocks.reasonExplained]: "yes" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "answered",
      noticeVia: "mail",
      noticeBy: P.employee,
      reasonExplained: true,
    });
    const said = await threadHas(h, clock, c.parent, "本人への通知を記録しました");
    expect(shown(said)).toContain("個人情報保護法 第35条第7項");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.notified", subject: `dsr:${c.code}` } });
    expect(audit.data).toMatchObject({ basis: "a35_7", via: "mail", noticeOn: "2026-11-24", reasonExplained: true, to: "answered" });
  });
});

describe("D2: stopping use that the department finds inconvenient", () => {
  let c: Case;
  it("inconvenience is no ground: the business-hindrance ground of disclosure cannot be picked, even by a forged submission", async () => {
    c = await verifiedCase("stop_use");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.grounds)).not.toContain("a33_2_2");
    expect(JSON.stringify(view.view.blocks)).toContain("業務上の不都合などは事由になりません");
    const payload = h.fake.viewPayload(view.id, {
      [AnswerBlocks.outcome]: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "x" }, value: "not_done" } } },
      [AnswerBlocks.basis]: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "x" }, value: "none" } } },
      [AnswerBlocks.grounds]: { value: { type: "checkboxes", selected_options: [{ text: { type: "plain_text", text: "x" }, value: "a33_2_2" }] } },
      [AnswerBlocks.reason]: { value: { type: "plain_text_input", value: "部署の業務に不都合" } },
    });
    const r = await h.slack.viewSubmission(P.employee, payload);
    expect(r.body).toMatchObject({ response_action: "errors", errors: { [AnswerBlocks.grounds]: ja.problem.groundNotForKind } });
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "verified", outcome: null });
  });

  it("granted under 規程 第19条 alone: the notice is the company's promise (policy 5.(3)), then closed", async () => {
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "done",
      [AnswerBlocks.basis]: "none",
      [AnswerBlocks.actionTaken]: "DM 送付への利用を停止",
      [AnswerBlocks.actionOn]: "2026-11-24",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const post = shown(await parentShows(h, clock, c.parent, ja.status.decided));
    expect(post).toContain(ja.basis.none);
    expect(post).toContain("基本方針 5.(3)（当社の約束");
    const notice = await pressForModal(h, P.employee, c.parent, DsrActions.notice, DsrViews.notice);
    // done: no reasons to explain
    expect(offered(notice, NoticeBlocks.reasonExplained)).toEqual([]);
    await h.slack.fillAndSubmit(P.employee, notice.id, { [NoticeBlocks.on]: "2026-11-24", [NoticeBlocks.via]: "email" });
    expect(h.fake.viewErrors(notice.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "answered", reasonExplained: null });
  });
});

describe("D3: call records that reveal the other party: partial disclosure", () => {
  let c: Case;
  it("the request records how the person asked to receive it (Art.33(1)) and the fee (Art.38)", async () => {
    c = await verifiedCase("disclosure", { [LogBlocks.method]: "electronic", [LogBlocks.fee]: "300" });
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ disclosureMethod: "electronic", feeYen: 300 });
    const post = shown(latest(h, c.parent));
    expect(post).toContain("開示の方法（本人の希望）");
    expect(post).toContain("電磁的記録の提供");
    expect(post).toContain("手数料（第38条）");
    expect(post).toContain("300円");
  });

  it("the answer offers Art.33(2) items 1-3 and says the other party's secrecy of communications (電気通信事業法 第4条) falls under item 1 or 3", async () => {
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.grounds)).toEqual(["a33_2_1", "a33_2_2", "a33_2_3"]);
    expect(JSON.stringify(view.view.blocks)).toContain("電気通信事業法 第4条");
    // another method than the one asked for: only a written copy (Art.33(2))
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "partly",
      [AnswerBlocks.actionTaken]: "通話履歴のうち本人の発信分を開示",
      [AnswerBlocks.actionOn]: "2026-11-24",
      [AnswerBlocks.methodUsed]: "other",
      [AnswerBlocks.grounds]: ["a33_2_1", "a33_2_3"],
      [AnswerBlocks.reason]: "相手方の通信の秘密に関わる部分は開示できません",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({ [AnswerBlocks.methodUsed]: ja.problem.methodNotAllowed });
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "partly",
      [AnswerBlocks.actionTaken]: "通話履歴のうち本人の発信分を開示",
      [AnswerBlocks.actionOn]: "2026-11-24",
      [AnswerBlocks.methodUsed]: "electronic",
      [AnswerBlocks.grounds]: ["a33_2_1", "a33_2_3"],
      [AnswerBlocks.reason]: "相手方の通信の秘密に関わる部分は開示できません",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  });

  it("approved: the withheld part is notified without delay under Art.33(3), its reasons explained (Art.36)", async () => {
    await chiefApproves(c);
    const post = shown(await parentShows(h, clock, c.parent, ja.status.decided));
    expect(post).toContain("個人情報保護法 第33条第2項第3号：他の法令に違反することとなる場合");
    expect(post).toContain("個人情報保護法 第33条第2項第1号：本人又は第三者の生命、身体、財産その他の権利利益を害するおそれがある場合");
    expect(post).toContain("個人情報保護法 第33条第3項");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.notice, DsrViews.notice);
    await h.slack.fillAndSubmit(P.employee, view.id, { [NoticeBlocks.on]: "2026-11-24", [NoticeBlocks.via]: "email", [NoticeBlocks.reasonExplained]: "yes" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(shown(await parentShows(h, clock, c.parent, ja.status.answered))).toContain("理由を説明済み（第36条）");
  });
});

describe("D4: correction of an address that is correct", () => {
  it("refused as not untrue (Art.34(1)); the outcome is notified under Art.34(3)", async () => {
    const c = await verifiedCase("correction");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.grounds)).toEqual(["a34_not_untrue", "a34_other_law", "a34_beyond_purpose"]);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.grounds]: ["a34_not_untrue"],
      [AnswerBlocks.reason]: "登録の住所は事実と一致しているため",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    await chiefApproves(c);
    const post = shown(await parentShows(h, clock, c.parent, ja.status.decided));
    expect(post).toContain("個人情報保護法 第34条第1項：保有個人データの内容が事実でないとはいえない");
    expect(post).toContain("個人情報保護法 第34条第3項");
    const notice = await pressForModal(h, P.employee, c.parent, DsrActions.notice, DsrViews.notice);
    await h.slack.fillAndSubmit(P.employee, notice.id, { [NoticeBlocks.on]: "2026-11-24", [NoticeBlocks.via]: "mail", [NoticeBlocks.reasonExplained]: "yes" });
    expect(h.fake.viewErrors(notice.id) ?? {}).toEqual({});
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("answered");
  });
});

describe("a purpose notification refused: only Art.32(2)'s cases, notified under Art.32(3)", () => {
  it("offers the purpose being clear and Art.21(4) items 1-3, and cites Art.32(3) in the notice", async () => {
    const c = await verifiedCase("purpose_notice");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.grounds)).toEqual(["a32_2_1", "a21_4_1", "a21_4_2", "a21_4_3"]);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.grounds]: ["a32_2_1"],
      [AnswerBlocks.reason]: "利用目的は当社サイトで公表しています",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    await chiefApproves(c);
    const post = shown(await parentShows(h, clock, c.parent, ja.status.decided));
    expect(post).toContain("個人情報保護法 第32条第2項第1号：当該本人が識別される保有個人データの利用目的が明らかな場合");
    expect(post).toContain("個人情報保護法 第32条第3項");
  });
});

describe("D5: the target is the company's, the law says without delay", () => {
  it("the register post, the owner's DM and the list label the target and ceiling as company settings; Art.39 is when the person may sue", async () => {
    const c = await logCase(h, clock, P.employee, { [LogBlocks.kind]: "purpose_notice" });
    const post = shown(latest(h, c.parent));
    expect(post).toContain("回答目標（社内設定）");
    expect(post).toContain("社内上限（社内設定）");
    expect(post).toContain("法律上の義務は「遅滞なく」対応することです");
    expect(post).toContain("第39条の「2週間」は、請求が届いてから本人が訴えを提起できるようになるまでの期間です");
    expect(post).not.toContain("上限（APPI 第39条）");
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(c.code))),
    );
    expect(dm.text).toContain("法律上は遅滞なく対応します");
    expect(dm.text).toContain("（いずれも社内設定）");
    const list = await privacy(h, P.employee, "dsr list");
    expect(list.shown).toContain(ja.command.deadlineNote);
  });
});

describe("what is not 保有個人データ is an outcome of its own, and the method and fee apply only where the law says", () => {
  it("施行令 第5条: picked apart from the grounds, shown as such; the provision records do not offer it", async () => {
    const c = await verifiedCase("disclosure");
    const view = await pressForModal(h, P.employee, c.parent, DsrActions.answer, DsrViews.answer);
    expect(offered(view, AnswerBlocks.notRetained)).toEqual(["none_held", "c5_1", "c5_2", "c5_3", "c5_4"]);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_retained",
      [AnswerBlocks.grounds]: ["a33_2_2"],
      [AnswerBlocks.reason]: "対象の記録は捜査関係事項のため",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [AnswerBlocks.grounds]: ja.problem.notRetainedGrounds,
      [AnswerBlocks.notRetained]: ja.problem.notRetainedPick,
    });
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_retained",
      [AnswerBlocks.grounds]: [],
      [AnswerBlocks.notRetained]: ["c5_4"],
      [AnswerBlocks.reason]: "対象の記録は捜査関係事項のため",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ outcome: "not_retained", grounds: ["c5_4"] });
    const post = shown(await parentShows(h, clock, c.parent, "施行令 第5条第4号"));
    expect(post).toContain(ja.outcome.not_retained);
    expect(post).toContain(ja.parent.notRetainedGrounds);
    expect(post).not.toContain(ja.parent.grounds);
    const records = await verifiedCase("provision_records");
    const rv = await pressForModal(h, P.employee, records.parent, DsrActions.answer, DsrViews.answer);
    expect(JSON.stringify(rv.view.blocks)).not.toContain('"value":"not_retained"');
    expect(offered(rv, AnswerBlocks.notRetained)).toEqual([]);
  });

  it("a fee for a correction is refused (Art.38(1)); a disclosure needs the method asked for, a correction takes none", async () => {
    const view = await openLog(h, P.employee);
    await h.slack.fillAndSubmit(P.employee, view.id, logInputs({ [LogBlocks.kind]: "correction", [LogBlocks.fee]: "500", [LogBlocks.method]: "written" }));
    expect(h.fake.viewErrors(view.id)).toEqual({ [LogBlocks.fee]: ja.problem.feeNotAllowed, [LogBlocks.method]: ja.problem.methodNotForKind });
    await h.slack.fillAndSubmit(P.employee, view.id, logInputs({ [LogBlocks.kind]: "disclosure", [LogBlocks.method]: null, [LogBlocks.fee]: "abc" }));
    expect(h.fake.viewErrors(view.id)).toEqual({ [LogBlocks.fee]: ja.problem.feeNumber, [LogBlocks.method]: ja.problem.methodRequired });
    await h.slack.fillAndSubmit(P.employee, view.id, logInputs({ [LogBlocks.kind]: "purpose_notice", [LogBlocks.fee]: "200" }));
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { submissionKey: `view:${view.id}` } })).toMatchObject({
      kind: "purpose_notice",
      feeYen: 200,
      disclosureMethod: null,
    });
  });
});
