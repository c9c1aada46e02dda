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
  [F.minors]: "no",
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
      minors: false,
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
      [F.minors]: null,
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
    expect(keys(VALID)).toEqual(["purpose_stated", "ledger_registered"]);
    expect(keys({ ...VALID, [F.sensitive]: "yes", [F.sensitiveConsent]: "x" })).toEqual(["purpose_stated", "ledger_registered", "sensitive_consent"]);
    const [stated] = kind.measures(valid(kind, VALID));
    expect(stated!.label("ja")).toContain("取得の前に利用目的を本人に明示");
    expect(stated!.label("en")).toContain("purpose");
  });

  it("the collection notice follows the method (APPI Art.21; 規程 第6条・第7条 as the company's rule)", () => {
    const measures = (collection: string, extra: Inputs = {}) => kind.measures(valid(kind, { ...VALID, [F.collection]: collection, ...extra }));
    // in writing or by a web form: the purpose stated beforehand, Art.21(2)
    for (const c of ["direct_writing", "web_form"]) {
      const [first] = measures(c);
      expect(first!.key).toBe("purpose_stated");
      expect(first!.label("ja")).toContain("個人情報保護法第21条第2項");
    }
    // face to face: the written notice and consent of 規程 第6条, and the website posting of 第7条
    const face = measures("face_to_face");
    expect(face.map((m) => m.key)).toEqual(["face_to_face_notice", "website_rule_notice", "ledger_registered"]);
    expect(face[0]!.label("ja")).toContain("書面の交付と本人の同意");
    expect(face[0]!.label("ja")).toContain("当社の規程第6条");
    expect(face[1]!.label("ja")).toContain("当社の規程第7条");
    // from a third party: notified or published promptly after, Art.21(1)
    expect(measures("third_party")[0]!.label("ja")).toContain("個人情報保護法第21条第1項");
    // otherwise the generic "publish or notify"
    expect(measures("other", { [F.collectionDetails]: "電話" })[0]!.key).toBe("purpose_published");
  });

  it("minors: the consent of both the minor and the guardian (the closing note of the 規程, a company rule)", () => {
    const data = valid(kind, { ...VALID, [F.minors]: "yes" });
    const last = kind.measures(data).at(-1)!;
    expect(last.key).toBe("minor_guardian_consent");
    expect(last.label("ja")).toBe("本人（未成年者）と保護者（親権者など）の両方の同意の取得と記録（当社の規程の末尾の注記）");
    expect(kind.summaryFields(data, "ja")).toContainEqual({ label: "未成年者", value: "含む：本人と保護者の両方の同意（当社の規程）" });
    expect(kind.measures(valid(kind, VALID)).map((m) => m.key)).not.toContain("minor_guardian_consent");
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
