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
  refusalApprovers,
  reminderNoticeKey,
  reminderStage,
  REFUSAL_GROUNDS,
  statusAfterOutcome,
} from "../../src/dsr/rules.js";
import { looksPersonal, parseAnswer, parseComplaint, parseIdentity, parseLog, type ViewValues } from "../../src/dsr/forms.js";
import { AnswerBlocks, ComplaintBlocks, IdentityBlocks, INPUT, LogBlocks } from "../../src/dsr/ids.js";
import { dsrMessages, REFUSAL_GROUND_TEXT_JA } from "../../src/dsr/messages.js";
import { parseSettings } from "../../src/settings.js";

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
    expect(dsrDeadlines(plain, "2027-04-28", { targetBusinessDays: 5, ceilingDays: 14 })).toEqual({ targetOn: "2027-05-11", ceilingOn: "2027-05-12", targetClamped: false });
  });

  it("configurable: a 7-day ceiling and a 3-day target", () => {
    expect(dsrDeadlines(plain, "2026-12-01", { targetBusinessDays: 3, ceilingDays: 7 })).toEqual({ targetOn: "2026-12-04", ceilingOn: "2026-12-08", targetClamped: false });
  });

  it("the settings file: dsr section validated (the ceiling at most 14 days), defaults 10/14/2", () => {
    expect(parseSettings("").dsr).toEqual({ targetBusinessDays: 10, ceilingDays: 14, remindBefore: 2 });
    expect(parseSettings("dsr: { targetBusinessDays: 5, ceilingDays: 10, remindBefore: 1 }").dsr).toEqual({ targetBusinessDays: 5, ceilingDays: 10, remindBefore: 1 });
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
    for (const roles of [["handler"], ["manager"], ["manager:sales"], ["chief"], ["deputyChief"], ["compliance"]]) expect(mayHandle({ roles }), roles.join()).toBe(true);
    for (const roles of [[], ["auditor"], ["admin"]]) expect(mayHandle({ roles }), roles.join()).toBe(false);
    expect(mayApproveRefusals({ roles: ["chief"] })).toBe(true);
    expect(mayApproveRefusals({ roles: ["deputyChief"] })).toBe(true);
    expect(mayApproveRefusals({ roles: ["compliance", "manager"] })).toBe(false);
  });

  it("refusal approval: not the proposer while another chief or deputy exists; alone, the proposer (recorded as self)", () => {
    expect(refusalApprovers("UH", ["UC"], ["UD"])).toEqual({ people: ["UC", "UD"], self: false });
    expect(refusalApprovers("UC", ["UC"], ["UD"])).toEqual({ people: ["UD"], self: false });
    expect(refusalApprovers("UD", ["UC"], ["UD"])).toEqual({ people: ["UC"], self: false });
    expect(refusalApprovers("UC", ["UC"], [])).toEqual({ people: ["UC"], self: true });
    expect(refusalApprovers("UH", [], [])).toEqual({ people: [], self: false });
  });

  it("the identity-check gate: no answer before the check, nor while a refusal waits, nor once closed", () => {
    expect(answerGate("open")).toBe("not_verified");
    expect(answerGate("verified")).toBeNull();
    expect(answerGate("awaiting_approval")).toBe("awaiting_approval");
    expect(answerGate("answered")).toBe("closed");
    expect(answerGate("withdrawn")).toBe("closed");
    expect(statusAfterOutcome("done")).toBe("answered");
    expect(statusAfterOutcome("partly")).toBe("awaiting_approval");
    expect(statusAfterOutcome("not_done")).toBe("awaiting_approval");
  });

  it("links: INC-… and DSR-… codes only", () => {
    expect(linkKind("inc-2026-0001")).toBe("incident");
    expect(linkKind("DSR-2026-0012")).toBe("dsr");
    expect(linkKind("PRV-2026-0001")).toBeNull();
  });
});

describe("refusal grounds", () => {
  it("quote seed 002 §5(1) [1]-[7] exactly, and every one has an English translation", () => {
    const seed = fs.readFileSync(path.resolve(import.meta.dirname, "../../../shared/seeds/002_820181954ced7590.txt"), "utf8").replace(/[\s|]+/g, "");
    for (const g of REFUSAL_GROUNDS) {
      expect(seed).toContain(`[${g}]${REFUSAL_GROUND_TEXT_JA[g]}`);
      expect(dsrMessages("en").ground[g].length).toBeGreaterThan(10);
    }
    expect(Object.keys(REFUSAL_GROUND_TEXT_JA)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
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
        ...o,
      }),
      "ja",
      "2026-11-24",
    );

  it("a good request parses; the owner defaults to the person logging it", () => {
    expect(log()).toEqual({
      ok: true,
      value: { kind: "disclosure", via: "phone", receivedOn: "2026-11-24", requester: "self", mandate: null, customerRef: "CUST-001234", scope: null, ownerId: null },
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

  it("personal details are recognised: email, phone, postal code, address; a customer number is not", () => {
    for (const t of ["a@b.jp", "090-1234-5678", "09012345678", "〒700-0001", "東京都千代田区丸の内1-1", "岡山県岡山市北区"]) expect(looksPersonal(t), t).toBe(true);
    for (const t of ["CUST-001234", "顧客番号 12345678", "契約 K-2026-0042"]) expect(looksPersonal(t), t).toBe(false);
  });

  it("identity: an agent needs both the mandate and the agent's own document; dates between arrival and today", () => {
    const base = {
      [IdentityBlocks.document]: opt("license"),
      [IdentityBlocks.checkedBy]: { selected_user: "U1" },
      [IdentityBlocks.checkedOn]: { selected_date: "2026-11-24" },
    };
    const agent = { requester: "agent", receivedOn: "2026-11-20" };
    const r = parseIdentity(v(base), "en", "2026-11-24", agent);
    expect(r.ok ? {} : r.errors).toEqual({ [IdentityBlocks.mandateDocument]: dsrMessages("en").problem.agentDocs, [IdentityBlocks.agentDocument]: dsrMessages("en").problem.agentDocs });
    expect(parseIdentity(v({ ...base, [IdentityBlocks.mandateDocument]: opt("power_of_attorney"), [IdentityBlocks.agentDocument]: opt("passport") }), "en", "2026-11-24", agent).ok).toBe(true);
    const self = { requester: "self", receivedOn: "2026-11-20" };
    const early = parseIdentity(v({ ...base, [IdentityBlocks.document]: opt("other"), [IdentityBlocks.checkedOn]: { selected_date: "2026-11-19" } }), "ja", "2026-11-24", self);
    expect(early.ok ? {} : early.errors).toEqual({ [IdentityBlocks.note]: "「その他」の書類の種類を入力してください。", [IdentityBlocks.checkedOn]: "受付日（2026-11-20）より前の日付は指定できません。" });
  });

  it("answer: a refusal needs grounds and the reason; done needs what and when, and no grounds", () => {
    const c = { receivedOn: "2026-11-20" };
    const refuse = parseAnswer(v({ [AnswerBlocks.outcome]: opt("not_done"), [AnswerBlocks.grounds]: { selected_options: [] } }), "ja", "2026-11-24", c);
    expect(refuse.ok ? {} : refuse.errors).toEqual({ [AnswerBlocks.grounds]: dsrMessages("ja").problem.grounds, [AnswerBlocks.reason]: dsrMessages("ja").problem.reason });
    const done = parseAnswer(v({ [AnswerBlocks.outcome]: opt("done"), [AnswerBlocks.grounds]: { selected_options: [{ value: "2" }] } }), "ja", "2026-11-24", c);
    expect(done.ok ? {} : done.errors).toEqual({
      [AnswerBlocks.actionTaken]: dsrMessages("ja").problem.actionTaken,
      [AnswerBlocks.actionOn]: dsrMessages("ja").problem.actionOn,
      [AnswerBlocks.grounds]: dsrMessages("ja").problem.groundsForDone,
    });
    const partly = parseAnswer(
      v({
        [AnswerBlocks.outcome]: opt("partly"),
        [AnswerBlocks.actionTaken]: { value: "契約情報を開示" },
        [AnswerBlocks.actionOn]: { selected_date: "2026-11-24" },
        [AnswerBlocks.grounds]: { selected_options: [{ value: "2" }, { value: "1" }] },
        [AnswerBlocks.reason]: { value: "第三者の情報を含むため" },
      }),
      "ja",
      "2026-11-24",
      c,
    );
    expect(partly).toEqual({ ok: true, value: { outcome: "partly", actionTaken: "契約情報を開示", actionOn: "2026-11-24", grounds: ["1", "2"], reasonToPerson: "第三者の情報を含むため" } });
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
