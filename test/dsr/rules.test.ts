// The pure rules of subject requests: deadlines across weekends, public holidays and the
// company's closed days (年末年始, ゴールデンウィーク), reminder stages, who may act and
// approve, the identity-check gate, the modals' validation, the seed's refusal grounds.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import {
  answerGate,
  businessDaysBetween,
  dsrDeadlines,
  escalationDay,
  linkKind,
  mayApproveRefusals,
  mayHandle,
  identityGate,
  refusalApprovers,
  reminderNoticeKey,
  reminderStage,
  LEGACY_GROUNDS,
  statusAfterOutcome,
} from "../../src/dsr/rules.js";
import {
  looksLikeContact,
  looksLikeIdNumber,
  looksPersonal,
  parseAnswer,
  parseComplaint,
  parseComplaintClose,
  parseIdentity,
  parseLog,
  parseSendBack,
  type ViewValues,
} from "../../src/dsr/forms.js";
import { AnswerBlocks, ComplaintBlocks, ComplaintCloseBlocks, IdentityBlocks, INPUT, LogBlocks, SendBackBlocks } from "../../src/dsr/ids.js";
import { dsrMessages, SEED_GROUND_TEXT_JA } from "../../src/dsr/messages.js";
import { parseSettings } from "../../src/settings.js";
import { answerModal, caseButtons, caseMessage, complaintMessage, identityModal, noticeModal } from "../../src/dsr/blocks.js";
import type { CaseRow, ComplaintRow } from "../../src/dsr/store.js";

const YEAR_END = ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-02", "2027-01-03"];
const plain = new BusinessCalendar({ timeZone: "Asia/Tokyo" });
const company = new BusinessCalendar({ timeZone: "Asia/Tokyo", closedDays: YEAR_END });
const DEFAULT = { targetBusinessDays: 10, ceilingDays: 14 };

describe("deadlines: 10 business days, at most 14 calendar days", () => {
  it("an ordinary fortnight: target and ceiling on the same day", () => {
    expect(dsrDeadlines(plain, "2026-12-01", DEFAULT)).toEqual({ targetOn: "2026-12-15", ceilingOn: "2026-12-15", targetClamped: false });
  });

  it("arriving on a Saturday, counting starts on Monday; the ceiling still counts from Saturday", () => {
    expect(dsrDeadlines(plain, "2026-12-05", DEFAULT)).toEqual({ targetOn: "2026-12-18", ceilingOn: "2026-12-19", targetClamped: false });
    expect(escalationDay(plain, { receivedOn: "2026-12-05", ceilingOn: "2026-12-19" })).toBe("2026-12-18");
  });

  it("a public holiday (勤労感謝の日 2026-11-23) would push the target past the ceiling: brought forward", () => {
    expect(plain.holidayName("2026-11-23")).toBeDefined();
    expect(dsrDeadlines(plain, "2026-11-16", DEFAULT)).toEqual({ targetOn: "2026-11-30", ceilingOn: "2026-11-30", targetClamped: true });
  });

  it("arriving just before 年末年始 (closed 12/29-1/3, 元日 and 成人の日): the target is the ceiling day, not mid-January", () => {
    const d = dsrDeadlines(company, "2026-12-25", DEFAULT);
    expect(d).toEqual({ targetOn: "2027-01-08", ceilingOn: "2027-01-08", targetClamped: true });
    // ten business days would have been 2027-01-15 (12/28, 1/4-1/8, 1/12-1/15; 1/11 is 成人の日)
    expect(company.addBusinessDays("2026-12-26", 9)).toBe("2027-01-15");
    // without the company's closed days, still past the ceiling
    expect(dsrDeadlines(plain, "2026-12-25", DEFAULT).targetOn).toBe("2027-01-08");
  });

  it("a ceiling inside the closed days: the escalation and the target come on the last business day before it", () => {
    const d = dsrDeadlines(company, "2026-12-17", DEFAULT);
    expect(d).toEqual({ targetOn: "2026-12-28", ceilingOn: "2026-12-31", targetClamped: true });
    expect(escalationDay(company, { receivedOn: "2026-12-17", ceilingOn: d.ceilingOn })).toBe("2026-12-28");
  });

  it("arriving just before ゴールデンウィーク 2027 (4/29, 5/3-5/5): brought forward to the ceiling", () => {
    for (const h of ["2027-04-29", "2027-05-03", "2027-05-04", "2027-05-05"]) expect(plain.holidayName(h), h).toBeDefined();
    expect(dsrDeadlines(plain, "2027-04-28", DEFAULT)).toEqual({ targetOn: "2027-05-12", ceilingOn: "2027-05-12", targetClamped: true });
    // a shorter target stays a business-day count: 4/30, 5/6, 5/7, 5/10, 5/11
    expect(dsrDeadlines(plain, "2027-04-28", { targetBusinessDays: 5, ceilingDays: 14 })).toEqual({
      targetOn: "2027-05-11",
      ceilingOn: "2027-05-12",
      targetClamped: false,
    });
  });

  it("configurable: a 7-day ceiling and a 3-day target", () => {
    expect(dsrDeadlines(plain, "2026-12-01", { targetBusinessDays: 3, ceilingDays: 7 })).toEqual({
      targetOn: "2026-12-04",
      ceilingOn: "2026-12-08",
      targetClamped: false,
    });
  });

  it("the settings file: dsr section validated (the ceiling at most 14 days), defaults 10/14/2", () => {
    expect(parseSettings("").dsr).toEqual({ targetBusinessDays: 10, ceilingDays: 14, remindBefore: 2 });
    expect(parseSettings("dsr: { targetBusinessDays: 5, ceilingDays: 10, remindBefore: 1 }").dsr).toEqual({
      targetBusinessDays: 5,
      ceilingDays: 10,
      remindBefore: 1,
    });
    expect(() => parseSettings("dsr:\n  ceilingDays: 20\n")).toThrow(/line 2: dsr.ceilingDays: must be 14 or fewer/);
    expect(() => parseSettings("dsr: { target: 3 }")).toThrow(/unknown key "target"/);
  });
});

describe("reminder stages (target 2026-12-08, ceiling 2026-12-15)", () => {
  const c = { receivedOn: "2026-12-01", ...dsrDeadlines(plain, "2026-12-01", { targetBusinessDays: 5, ceilingDays: 14 }) };
  it("before, 2 business days before, on the day, after, at the ceiling", () => {
    expect(c.targetOn).toBe("2026-12-08");
    const stage = (d: string) => reminderStage(plain, d, c, 2);
    expect(stage("2026-12-03")).toBeNull();
    expect(stage("2026-12-04")).toBe("soon");
    expect(stage("2026-12-07")).toBe("soon");
    expect(stage("2026-12-08")).toBe("due");
    expect(stage("2026-12-09")).toBe("overdue");
    expect(stage("2026-12-14")).toBe("overdue");
    expect(stage("2026-12-15")).toBe("ceiling");
    expect(stage("2026-12-21")).toBe("ceiling");
    expect(reminderStage(plain, "2026-12-04", c, 0)).toBeNull();
  });

  it("two business days across a holiday count only business days", () => {
    expect(businessDaysBetween(plain, "2026-11-20", "2026-11-25")).toBe(2); // 11/23 is a holiday, 21-22 the weekend
    expect(businessDaysBetween(plain, "2026-11-25", "2026-11-20")).toBe(-2);
  });

  it("once-only keys: soon and due once per case, overdue and ceiling once a day", () => {
    expect(reminderNoticeKey("x", "soon", "U1", "2026-12-04", "2026-12-08")).toBe(reminderNoticeKey("x", "soon", "U1", "2026-12-07", "2026-12-08"));
    expect(reminderNoticeKey("x", "overdue", "U1", "2026-12-09", "2026-12-08")).not.toBe(reminderNoticeKey("x", "overdue", "U1", "2026-12-10", "2026-12-08"));
  });
});

describe("who may act", () => {
  it("the desk: handlers, managers (of any department), the chief, the deputy, compliance; nobody else", () => {
    for (const roles of [["handler"], ["manager"], ["manager:sales"], ["chief"], ["deputyChief"], ["compliance"]])
      expect(mayHandle({ roles }), roles.join()).toBe(true);
    for (const roles of [[], ["auditor"], ["admin"]]) expect(mayHandle({ roles }), roles.join()).toBe(false);
    expect(mayApproveRefusals({ roles: ["chief"] })).toBe(true);
    expect(mayApproveRefusals({ roles: ["deputyChief"] })).toBe(true);
    expect(mayApproveRefusals({ roles: ["compliance", "manager"] })).toBe(false);
  });

  it("refusal approval: never the proposer; alone, nobody may (and says why)", () => {
    expect(refusalApprovers("UH", ["UC"], ["UD"])).toEqual({ people: ["UC", "UD"], none: null });
    expect(refusalApprovers("UC", ["UC"], ["UD"])).toEqual({ people: ["UD"], none: null });
    expect(refusalApprovers("UD", ["UC"], ["UD"])).toEqual({ people: ["UC"], none: null });
    expect(refusalApprovers("UC", ["UC"], [])).toEqual({ people: [], none: "only_proposer" });
    expect(refusalApprovers("UD", [], ["UD"])).toEqual({ people: [], none: "only_proposer" });
    expect(refusalApprovers("UH", [], [])).toEqual({ people: [], none: "nobody" });
  });

  it("the identity check: recorded while open, corrected while verified; not while a refusal waits, nor once closed", () => {
    expect(identityGate("open")).toBeNull();
    expect(identityGate("verified")).toBeNull();
    expect(identityGate("awaiting_approval")).toBe("awaiting_approval");
    expect(identityGate("answered")).toBe("closed");
    expect(identityGate("withdrawn")).toBe("closed");
  });

  it("the identity-check gate: no answer before the check, nor while a refusal waits, nor once closed", () => {
    expect(answerGate("open")).toBe("not_verified");
    expect(answerGate("verified")).toBeNull();
    expect(answerGate("awaiting_approval")).toBe("awaiting_approval");
    expect(answerGate("answered")).toBe("closed");
    expect(answerGate("withdrawn")).toBe("closed");
    expect(answerGate("decided")).toBe("awaiting_notice");
    expect(statusAfterOutcome("done")).toBe("decided");
    expect(statusAfterOutcome("partly")).toBe("awaiting_approval");
    expect(statusAfterOutcome("not_done")).toBe("awaiting_approval");
    expect(statusAfterOutcome("not_retained")).toBe("awaiting_approval");
  });

  it("links: INC-… and DSR-… codes only", () => {
    expect(linkKind("inc-2026-0001")).toBe("incident");
    expect(linkKind("DSR-2026-0012")).toBe("dsr");
    expect(linkKind("PRV-2026-0001")).toBeNull();
  });
});

/** The company's rule texts, where a checkout has them next to it (the quotation check is skipped elsewhere). */
const SEED_002 = path.resolve(import.meta.dirname, "../../../shared/seeds/002_820181954ced7590.txt");

describe("the seeds' list, kept for cases recorded before", () => {
  it("every one of [1]-[7] still has its Japanese text and an English translation", () => {
    expect(Object.keys(SEED_GROUND_TEXT_JA)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    for (const g of LEGACY_GROUNDS) expect(dsrMessages("en").ground[g]?.length).toBeGreaterThan(10);
  });

  it.skipIf(!fs.existsSync(SEED_002))("quote seed 002 §5(1) [1]-[7] exactly (where the rule texts lie beside the repository)", () => {
    const seed = fs.readFileSync(SEED_002, "utf8").replace(/[\s|]+/g, "");
    for (const g of LEGACY_GROUNDS) expect(seed).toContain(`[${g}]${SEED_GROUND_TEXT_JA[g]}`);
  });
});

// ---- the modals' validation ----------------------------------------------------------------

const v = (o: Record<string, unknown>): ViewValues => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, { [INPUT]: x as never }]));
const opt = (value: string) => ({ selected_option: { value } });

describe("field errors", () => {
  const log = (o: Record<string, unknown> = {}) =>
    parseLog(
      v({
        [LogBlocks.kind]: opt("disclosure"),
        [LogBlocks.via]: opt("phone"),
        [LogBlocks.receivedOn]: { selected_date: "2026-11-24" },
        [LogBlocks.requester]: opt("self"),
        [LogBlocks.mandate]: { selected_option: null },
        [LogBlocks.customerRef]: { value: "CUST-001234" },
        [LogBlocks.method]: opt("written"),
        ...o,
      }),
      "ja",
      "2026-11-24",
    );

  it("a good request parses; the owner defaults to the person logging it", () => {
    expect(log()).toEqual({
      ok: true,
      value: {
        kind: "disclosure",
        via: "phone",
        receivedOn: "2026-11-24",
        requester: "self",
        mandate: null,
        customerRef: "CUST-001234",
        scope: null,
        disclosureMethod: "written",
        feeYen: null,
        ownerId: null,
      },
    });
  });

  it("a future arrival, a missing kind, an agent without mandate, personal data as the reference", () => {
    const r = log({
      [LogBlocks.kind]: { selected_option: null },
      [LogBlocks.receivedOn]: { selected_date: "2026-11-25" },
      [LogBlocks.requester]: opt("agent"),
      [LogBlocks.customerRef]: { value: "yamada@example.com" },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      [LogBlocks.kind]: "入力してください。",
      [LogBlocks.receivedOn]: "未来の日付は指定できません。",
      [LogBlocks.mandate]: "代理人の場合は代理人の種類を選んでください。",
      [LogBlocks.customerRef]: dsrMessages("ja").problem.personalData,
    });
    expect(log({ [LogBlocks.mandate]: opt("legal") }).ok).toBe(false);
  });

  it("the reference may be a long customer number of the company's own systems, never a document's number", () => {
    expect(log({ [LogBlocks.customerRef]: { value: "123456789012" } })).toMatchObject({ ok: true, value: { customerRef: "123456789012" } });
    expect(log({ [LogBlocks.customerRef]: { value: "C-1234567890123456" } }).ok).toBe(true);
    expect(log({ [LogBlocks.customerRef]: { value: "マイナンバー 1234 5678 9012" } })).toMatchObject({
      ok: false,
      errors: { [LogBlocks.customerRef]: dsrMessages("ja").problem.personalData },
    });
  });

  it("personal details are recognised: email, phone, postal code, address; a customer number is not", () => {
    for (const t of ["a@b.jp", "090-1234-5678", "09012345678", "〒700-0001", "東京都千代田区丸の内1-1", "岡山県岡山市北区"])
      expect(looksPersonal(t), t).toBe(true);
    for (const t of ["CUST-001234", "顧客番号 12345678", "契約 K-2026-0042"]) expect(looksPersonal(t), t).toBe(false);
  });

  it("identity and card numbers are recognised: after a document's name, 12 digits with or without spaces, a passport, a card, 基礎年金番号", () => {
    for (const t of [
      "マイナンバーカード 1234 5678 9012",
      "個人番号123456789012",
      "免許証番号 301234567890",
      "ﾏｲﾅﾝﾊﾞｰ 1234",
      "保険証 記号12 番号345",
      "番号は 1234-5678-9012 でした",
      "旅券 TK1234567",
      "TK1234567",
      "4111 1111 1111 1111",
      "1234-567890",
    ])
      expect(looksPersonal(t), t).toBe(true);
    for (const t of ["営業部に回付", "国民生活センター", "一部は消去できるはずです", "2026年11月の契約分"]) expect(looksPersonal(t), t).toBe(false);
  });

  it("the filters read after normalising: dots, spaces, kanji numerals, full-width and at/dot spellings do not get past them", () => {
    for (const t of [
      "1234.5678.9012",
      "一二三四 五六七八 九〇一二",
      "０９０．１２３４．５６７８",
      "〇九〇ー一二三四ー五六七八",
      "taro at example dot com",
      "taro(at)example(dot)co.jp",
      "4111.1111.1111.1111",
      "丸の内一丁目2番3号",
    ])
      expect(looksPersonal(t), t).toBe(true);
    // a customer's name with an honorific is no reference; the company's own numbers are
    for (const t of ["山田太郎様", "ヤマダ タロウ さん", "taro at example dot com", "〇九〇 一二三四 五六七八"]) expect(looksLikeContact(t), t).toBe(true);
    for (const t of ["CUST-001234", "顧客番号 12345678", "K-2026-0042"]) expect(looksLikeContact(t), t).toBe(false);
    for (const t of ["一二三四", "12.34", "１２・３４"]) expect(looksLikeIdNumber(t), t).toBe(true);
  });

  it("the label of another identity document: a name, never a number (4+ digits, spaced or not; letters mixed with digits)", () => {
    for (const t of ["1234", "12 34", "12-34-56", "１２３４", "AB123", "no.X9Y8Z7"]) expect(looksLikeIdNumber(t), t).toBe(true);
    for (const t of ["社員証", "学生証", "身体障害者手帳", "療育手帳 A", "123"]) expect(looksLikeIdNumber(t), t).toBe(false);
  });

  it("identity, another document: picked from a list; the label may not hold a number, nor the My Number (番号法 第20条)", () => {
    const self = { requester: "self", receivedOn: "2026-11-20" };
    const base = {
      [IdentityBlocks.document]: opt("other"),
      [IdentityBlocks.checkedBy]: { selected_user: "U1" },
      [IdentityBlocks.checkedOn]: { selected_date: "2026-11-24" },
    };
    const ja = dsrMessages("ja").problem;
    for (const label of ["マイナンバーカード 1234 5678 9012", "個人番号123456789012", "免許証番号 301234567890", "社員証 AB1234"]) {
      const r = parseIdentity(v({ ...base, [IdentityBlocks.otherDocument]: opt("other"), [IdentityBlocks.note]: { value: label } }), "ja", "2026-11-24", self);
      expect(r.ok ? {} : r.errors, label).toEqual({ [IdentityBlocks.note]: ja.noIdNumber });
    }
    // the pick is the document recorded; the My Number card is recorded by its kind only
    expect(parseIdentity(v({ ...base, [IdentityBlocks.otherDocument]: opt("my_number_card") }), "ja", "2026-11-24", self)).toEqual({
      ok: true,
      value: { document: "my_number_card", note: null, mandateDocument: null, agentDocument: null, checkedBy: "U1", checkedOn: "2026-11-24" },
    });
    const labelled = parseIdentity(
      v({ ...base, [IdentityBlocks.otherDocument]: opt("other"), [IdentityBlocks.note]: { value: "社員証" } }),
      "ja",
      "2026-11-24",
      self,
    );
    expect(labelled.ok && labelled.value).toMatchObject({ document: "other", note: "社員証" });
    // the list and the label belong to 「その他」 only
    const stray = parseIdentity(
      v({ ...base, [IdentityBlocks.document]: opt("license"), [IdentityBlocks.otherDocument]: opt("juki_card"), [IdentityBlocks.note]: { value: "免許" } }),
      "ja",
      "2026-11-24",
      self,
    );
    expect(stray.ok ? {} : stray.errors).toEqual({ [IdentityBlocks.otherDocument]: ja.otherDocumentNotOther, [IdentityBlocks.note]: ja.otherDocumentNotOther });
    // the typed document kinds of old are not accepted as the first choice
    expect(parseIdentity(v({ ...base, [IdentityBlocks.document]: opt("my_number_card") }), "ja", "2026-11-24", self).ok).toBe(false);
  });

  it("the referral and the send-back reason refuse personal details and ID numbers too", () => {
    const close = (referredTo: string) =>
      parseComplaintClose(
        v({
          [ComplaintCloseBlocks.outcome]: opt("referred"),
          [ComplaintCloseBlocks.text]: { value: "回付した" },
          [ComplaintCloseBlocks.referredTo]: { value: referredTo },
          [ComplaintCloseBlocks.closedOn]: { selected_date: "2026-11-24" },
        }),
        "ja",
        "2026-11-24",
        { receivedOn: "2026-11-20" },
      );
    const bad = close("個人番号123456789012 の件で区役所");
    expect(bad.ok ? {} : bad.errors).toEqual({ [ComplaintCloseBlocks.referredTo]: dsrMessages("ja").problem.personalData });
    expect(close("国民生活センター").ok).toBe(true);
    const back = parseSendBack(v({ [SendBackBlocks.reason]: { value: "免許証番号 301234567890 を消してください" } }), "ja");
    expect(back.ok ? {} : back.errors).toEqual({ [SendBackBlocks.reason]: dsrMessages("ja").problem.personalData });
    expect(parseSendBack(v({ [SendBackBlocks.reason]: { value: "一部は消去できるはず" } }), "ja").ok).toBe(true);
    // the label's check too: no run of 4+ digits (spaced or hyphenated) nor a letters-and-digits ID, dates and case codes excepted
    const noNumbers = dsrMessages("ja").problem.noNumbers;
    for (const t of ["会員 5678-1234 の窓口", "保険者 06 1234", "担当 AB12345"]) {
      const r = close(t);
      expect(r.ok ? {} : r.errors, t).toEqual({ [ComplaintCloseBlocks.referredTo]: noNumbers });
    }
    for (const t of ["カード 4111 1111 を確認", "記号 XK9876 の件"]) {
      const r = parseSendBack(v({ [SendBackBlocks.reason]: { value: t } }), "ja");
      expect(r.ok ? {} : r.errors, t).toEqual({ [SendBackBlocks.reason]: noNumbers });
    }
    expect(
      parseSendBack(v({ [SendBackBlocks.reason]: { value: "DSR-2026-0001 と同じく、2026年12月1日（2026/12/01）までに一部開示できるはず" } }), "ja").ok,
    ).toBe(true);
    expect(close("INC-2026-0007 の調査担当（2026-12-01 回付）").ok).toBe(true);
  });

  it("identity: an agent needs both the mandate and the agent's own document; dates between arrival and today", () => {
    const base = {
      [IdentityBlocks.document]: opt("license"),
      [IdentityBlocks.checkedBy]: { selected_user: "U1" },
      [IdentityBlocks.checkedOn]: { selected_date: "2026-11-24" },
    };
    const agent = { requester: "agent", receivedOn: "2026-11-20" };
    const r = parseIdentity(v(base), "en", "2026-11-24", agent);
    expect(r.ok ? {} : r.errors).toEqual({
      [IdentityBlocks.mandateDocument]: dsrMessages("en").problem.agentDocs,
      [IdentityBlocks.agentDocument]: dsrMessages("en").problem.agentDocs,
    });
    expect(
      parseIdentity(
        v({ ...base, [IdentityBlocks.mandateDocument]: opt("power_of_attorney"), [IdentityBlocks.agentDocument]: opt("passport") }),
        "en",
        "2026-11-24",
        agent,
      ).ok,
    ).toBe(true);
    const self = { requester: "self", receivedOn: "2026-11-20" };
    const early = parseIdentity(
      v({ ...base, [IdentityBlocks.document]: opt("other"), [IdentityBlocks.checkedOn]: { selected_date: "2026-11-19" } }),
      "ja",
      "2026-11-24",
      self,
    );
    expect(early.ok ? {} : early.errors).toEqual({
      [IdentityBlocks.otherDocument]: "「その他」の書類を選んでください。",
      [IdentityBlocks.checkedOn]: "受付日（2026/11/20）より前の日付は指定できません。",
    });
    // the day in the reader's format, as everywhere else
    const earlyEn = parseIdentity(v({ ...base, [IdentityBlocks.checkedOn]: { selected_date: "2026-11-19" } }), "en", "2026-11-24", self);
    expect(earlyEn.ok ? {} : earlyEn.errors).toEqual({ [IdentityBlocks.checkedOn]: "The date cannot be before the day it arrived (20/11/2026)." });
  });

  it("answer: a refusal needs grounds and the reason; done needs what and when, and no grounds", () => {
    const c = { receivedOn: "2026-11-20", kind: "disclosure" as const, disclosureMethod: "written" as const };
    const refuse = parseAnswer(v({ [AnswerBlocks.outcome]: opt("not_done"), [AnswerBlocks.grounds]: { selected_options: [] } }), "ja", "2026-11-24", c);
    expect(refuse.ok ? {} : refuse.errors).toEqual({
      [AnswerBlocks.grounds]: dsrMessages("ja").problem.grounds,
      [AnswerBlocks.reason]: dsrMessages("ja").problem.reason,
    });
    const done = parseAnswer(
      v({ [AnswerBlocks.outcome]: opt("done"), [AnswerBlocks.grounds]: { selected_options: [{ value: "a33_2_2" }] } }),
      "ja",
      "2026-11-24",
      c,
    );
    expect(done.ok ? {} : done.errors).toEqual({
      [AnswerBlocks.actionTaken]: dsrMessages("ja").problem.actionTaken,
      [AnswerBlocks.actionOn]: dsrMessages("ja").problem.actionOn,
      [AnswerBlocks.grounds]: dsrMessages("ja").problem.groundsForDone,
      [AnswerBlocks.methodUsed]: dsrMessages("ja").problem.methodUsedRequired,
    });
    const partly = parseAnswer(
      v({
        [AnswerBlocks.outcome]: opt("partly"),
        [AnswerBlocks.actionTaken]: { value: "契約情報を開示" },
        [AnswerBlocks.actionOn]: { selected_date: "2026-11-24" },
        [AnswerBlocks.grounds]: { selected_options: [{ value: "a33_2_3" }, { value: "a33_2_1" }] },
        [AnswerBlocks.methodUsed]: opt("written"),
        [AnswerBlocks.reason]: { value: "第三者の情報を含むため" },
      }),
      "ja",
      "2026-11-24",
      c,
    );
    expect(partly).toEqual({
      ok: true,
      value: {
        outcome: "partly",
        actionTaken: "契約情報を開示",
        actionOn: "2026-11-24",
        grounds: ["a33_2_1", "a33_2_3"],
        reasonToPerson: "第三者の情報を含むため",
        statutoryBasis: null,
        methodUsed: "written",
      },
    });
  });

  it("complaint: the link must look like INC-… or DSR-…", () => {
    const r = parseComplaint(
      v({
        [ComplaintBlocks.kind]: opt("complaint"),
        [ComplaintBlocks.via]: opt("email"),
        [ComplaintBlocks.receivedOn]: { selected_date: "2026-11-24" },
        [ComplaintBlocks.summary]: { value: "DMが届き続ける" },
        [ComplaintBlocks.link]: { value: "PRV-2026-0001" },
      }),
      "ja",
      "2026-11-24",
    );
    expect(r.ok ? {} : r.errors).toEqual({ [ComplaintBlocks.link]: dsrMessages("ja").problem.badLink });
  });
});

describe("what English readers see", () => {
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  const c = {
    id: "c1",
    code: "DSR-2026-0001",
    kind: "disclosure",
    via: "phone",
    receivedOn: day("2026-11-20"),
    requester: "agent",
    mandate: "voluntary",
    customerRef: "CUST-001234",
    scope: "contract data",
    ownerId: "U1",
    loggedBy: "U1",
    status: "awaiting_approval",
    targetOn: day("2026-12-04"),
    ceilingOn: day("2026-12-04"),
    idDocument: "other",
    idDocumentNote: "staff ID card",
    mandateDocument: "power_of_attorney",
    agentDocument: "passport",
    idCheckedBy: "U2",
    idCheckedOn: day("2026-11-21"),
    outcome: "partly",
    grounds: ["7"],
    reasonToPerson: "kept by law",
    actionTaken: "stopped mail",
    actionOn: day("2026-11-24"),
    rev: 3,
  } as unknown as CaseRow;
  const complaint = {
    id: "k1",
    code: "CMP-2026-0001",
    kind: "complaint",
    via: "email",
    receivedOn: day("2026-11-20"),
    summary: "mail kept coming",
    ownerId: "U1",
    status: "referred",
    outcomeText: "passed on",
    referredTo: "sales",
    closedOn: day("2026-11-22"),
    rev: 1,
  } as unknown as ComplaintRow;

  it("no Japanese brackets or colons in the register post, the outcome and a complaint's post", () => {
    const texts = [
      JSON.stringify(caseMessage(c, "en")),
      JSON.stringify(caseMessage({ ...c, status: "verified" }, "en")),
      JSON.stringify(complaintMessage(complaint, "en")),
    ];
    // issue 13: the grounds in the law's words, the method and fee, the notice, and the modals
    const noticed = {
      ...c,
      kind: "disclosure",
      status: "answered",
      grounds: ["a33_2_1", "a33_2_3"],
      disclosureMethod: "electronic",
      methodUsed: "written",
      feeYen: 300,
      statutoryBasis: null,
      noticeOn: day("2026-11-25"),
      noticeVia: "mail",
      noticeBy: "U1",
      reasonExplained: true,
    } as unknown as CaseRow;
    texts.push(
      JSON.stringify(caseMessage(noticed, "en")),
      JSON.stringify(noticeModal({ ...noticed, status: "decided" }, "en", "2026-11-25")),
      ...(["disclosure", "correction", "stop_use", "purpose_notice"] as const).map((kind) =>
        JSON.stringify(answerModal({ ...c, kind, status: "verified" } as unknown as CaseRow, "en", "2026-11-24")),
      ),
    );
    for (const t of texts) expect(t).not.toMatch(/[（）：・「」]/);
    expect(JSON.stringify(caseMessage(noticed, "en"))).toContain("APPI Art.33(2)(iii): It would violate another law.");
    expect(JSON.stringify(caseMessage(noticed, "en"))).toContain("APPI Art.33(3)");
    const post = JSON.stringify(caseMessage(c, "en"));
    expect(post).toContain("An agent (Voluntary agent (power of attorney))");
    expect(post).toContain("Another identity document (staff ID card)");
    expect(post).toContain("*Outcome*: Partly done (partly refused) (Refusal awaiting approval)");
    expect(post).toContain("*What was done*: stopped mail (24/11/2026)");
    expect(JSON.stringify(complaintMessage(complaint, "en"))).toContain("*Outcome*: Referred (22/11/2026)");
    // the Japanese keeps its own punctuation
    expect(JSON.stringify(caseMessage(c, "ja"))).toContain("*結果*：一部実施（一部不実施）（不実施の承認待ち）");
  });

  it("the button says what it does: Withdraw; a verified case offers the correction of its identity check", () => {
    const en = dsrMessages("en").parent;
    const buttons = caseButtons({ ...c, status: "verified" }, "en").map((b) => b.text.text);
    expect(buttons).toEqual([en.answerButton, "Withdraw", en.identityCorrectButton]);
    expect(caseButtons({ ...c, status: "open" }, "en").map((b) => b.text.text)).toEqual([en.identityButton, en.answerButton, "Withdraw"]);
  });

  it("the identity modal offers 「その他」 from a list (個人番号カード without its number) and, correcting, is filled in", () => {
    const m = identityModal({ ...c, status: "verified", idDocument: "my_number_card", idDocumentNote: null }, "ja", "U9", "2026-11-24");
    const s = JSON.stringify(m);
    expect(s).toContain("個人番号カード（マイナ保険証を含む。番号は記録しない）");
    expect((m as { title: { text: string } }).title.text).toBe("本人確認を訂正");
    const block = (id: string) => (m.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((b) => b.block_id === id)!.element!;
    expect((block(IdentityBlocks.document).initial_option as { value: string }).value).toBe("other");
    expect((block(IdentityBlocks.otherDocument).initial_option as { value: string }).value).toBe("my_number_card");
    expect(block(IdentityBlocks.checkedBy).initial_user).toBe("U2");
    expect(block(IdentityBlocks.checkedOn).initial_date).toBe("2026-11-21");
  });
});
