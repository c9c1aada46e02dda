import { describe, expect, it } from "vitest";
import { KINDS, PurposeFields as F } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, TODAY, valid, type Inputs } from "./helpers.js";

const kind = KINDS.purpose;

const VALID: Inputs = {
  [F.purpose]: "  オンライン講座の受講者管理と修了証の発行  ",
  [F.dataItems]: "氏名\r\nメールアドレス\r\n勤務先",
  [F.dataSubjects]: "customers",
  [F.collection]: "web_form",
  [F.retention]: "3y",
  [F.sensitive]: "no",
  [F.startDate]: "2026-05-01",
};

describe("purpose (第4条)", () => {
  it("parses a valid submission to data", () => {
    expect(valid(kind, VALID)).toEqual({
      purpose: "オンライン講座の受講者管理と修了証の発行",
      dataItems: "氏名\nメールアドレス\n勤務先",
      dataSubjects: "customers",
      collection: "web_form",
      retention: "3y",
      sensitive: false,
      startDate: "2026-05-01",
    });
  });

  it("each required field missing gives an error on its block, in Japanese and English", () => {
    expectRequired(kind, VALID, {
      [F.purpose]: null,
      [F.dataItems]: "   ",
      [F.dataSubjects]: null,
      [F.collection]: null,
      [F.retention]: null,
      [F.sensitive]: null,
      [F.startDate]: null,
    });
    expect(invalid(kind, { ...VALID, [F.retention]: null })[F.retention]).toBe("保存期間を選んでください");
    expect(invalid(kind, { ...VALID, [F.retention]: null }, "en")[F.retention]).toBe("Please choose a retention period");
  });

  it("sensitive data needs the way prior consent is obtained (APPI Art.20(2))", () => {
    const errors = invalid(kind, { ...VALID, [F.sensitive]: "yes" });
    expect(Object.keys(errors)).toEqual([F.sensitiveConsent]);
    expect(errors[F.sensitiveConsent]).toContain("同意");
    expect(invalid(kind, { ...VALID, [F.sensitive]: "yes" }, "en")[F.sensitiveConsent]).toContain("consent");
    const data = valid(kind, { ...VALID, [F.sensitive]: "yes", [F.sensitiveConsent]: "申込フォームで同意を取得" });
    expect(data).toMatchObject({ sensitive: true, sensitiveConsent: "申込フォームで同意を取得" });
    // a consent text left over after switching back to "no" is dropped
    expect(valid(kind, { ...VALID, [F.sensitive]: "no", [F.sensitiveConsent]: "残り" })).not.toHaveProperty(F.sensitiveConsent);
  });

  it("'other' needs its details", () => {
    expect(Object.keys(invalid(kind, { ...VALID, [F.dataSubjects]: "other", [F.collection]: "other", [F.retention]: "other" })).sort()).toEqual(
      [F.collectionDetails, F.dataSubjectsDetails, F.retentionDetails].sort(),
    );
    expect(valid(kind, { ...VALID, [F.retention]: "other", [F.retentionDetails]: "契約終了後10年" })).toMatchObject({
      retention: "other",
      retentionDetails: "契約終了後10年",
    });
  });

  it("the start date is not in the past", () => {
    expect(invalid(kind, { ...VALID, [F.startDate]: "2026-03-31" })[F.startDate]).toContain(TODAY);
    expect(valid(kind, { ...VALID, [F.startDate]: TODAY })).toMatchObject({ startDate: TODAY });
    expect(invalid(kind, { ...VALID, [F.startDate]: "2026-02-30" })[F.startDate]).toMatch(/日付/);
  });

  it("too long text is refused with the limit named", () => {
    expect(invalid(kind, { ...VALID, [F.purpose]: "あ".repeat(501) })[F.purpose]).toContain("500");
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, VALID));
    expectRoundTrip(
      kind,
      valid(kind, {
        ...VALID,
        [F.dataSubjects]: "other",
        [F.dataSubjectsDetails]: "セミナー参加者",
        [F.collection]: "other",
        [F.collectionDetails]: "電話",
        [F.retention]: "other",
        [F.retentionDetails]: "10年",
        [F.sensitive]: "yes",
        [F.sensitiveConsent]: "書面で同意",
      }),
      "en",
    );
  });

  it("measures: publish the purpose and register in the ledger; consent procedure only when sensitive", () => {
    const keys = (inputs: Inputs) => kind.measures(valid(kind, inputs)).map((m) => m.key);
    expect(keys(VALID)).toEqual(["purpose_published", "ledger_registered"]);
    expect(keys({ ...VALID, [F.sensitive]: "yes", [F.sensitiveConsent]: "x" })).toEqual(["purpose_published", "ledger_registered", "sensitive_consent"]);
    const [published] = kind.measures(valid(kind, VALID));
    expect(published!.label("ja")).toContain("利用目的の公表又は通知");
    expect(published!.label("en")).toContain("purpose");
  });

  it("title and summary", () => {
    const data = valid(kind, { ...VALID, [F.sensitive]: "yes", [F.sensitiveConsent]: "書面で<同意>" });
    expect(kind.title(data)).toBe("オンライン講座の受講者管理と修了証の発行");
    expect(kind.title({ purpose: "あ".repeat(300) }).length).toBeLessThanOrEqual(120);
    const fields = kind.summaryFields(data, "ja");
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({ label: "保存期間", value: "3年" });
    expect(fields).toContainEqual({ label: "収集開始予定日", value: "2026年5月1日" });
    expect(fields.find((f) => f.label === "本人の事前同意の取得方法")!.value).toBe("書面で&lt;同意&gt;");
    expect(kind.summaryFields(data, "en")).toContainEqual({ label: "Retention period", value: "3 years" });
  });
});
