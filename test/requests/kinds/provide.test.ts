import { describe, expect, it } from "vitest";
import { KINDS, ProvideFields as F } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, JAPANESE, TODAY, valid, type Inputs } from "./helpers.js";

const kind = KINDS.provide;

const CONSENT: Inputs = {
  [F.unavoidableReason]: "保険金の請求手続のため、保険会社に当事者情報を提供する必要がある",
  [F.recipientName]: "サンプル損害保険株式会社",
  [F.destination]: "domestic",
  [F.dataItems]: "氏名、生年月日、連絡先",
  [F.sensitive]: "no",
  [F.secrecy]: "no",
  [F.dataSubjects]: "2026年3月の事故の当事者",
  [F.minors]: "no",
  [F.legalBasis]: "consent",
  [F.consentOrProvisionDate]: "2026-03-20",
};
const EXCEPTION: Inputs = { ...CONSENT, [F.legalBasis]: "exception", [F.exception]: "life", [F.consentOrProvisionDate]: "2026-04-15" };
const OPTOUT_CHECKS = ["filed", "lawful", "not_optout"];
const OPTOUT: Inputs = { ...CONSENT, [F.legalBasis]: "optout", [F.optoutChecks]: OPTOUT_CHECKS, [F.consentOrProvisionDate]: TODAY };
const keys = (inputs: Inputs) => kind.measures(valid(kind, inputs)).map((m) => m.key);

describe("provide (第16条)", () => {
  it("parses a valid submission; the record is kept 3 years by default", () => {
    expect(valid(kind, CONSENT)).toEqual({
      unavoidableReason: CONSENT[F.unavoidableReason],
      recipientName: "サンプル損害保険株式会社",
      dataItems: "氏名、生年月日、連絡先",
      dataSubjects: "2026年3月の事故の当事者",
      legalBasis: "consent",
      consentOrProvisionDate: "2026-03-20",
      destination: "domestic",
      sensitive: false,
      secrecy: false,
      telecomCategories: [],
      minors: false,
      retentionYears: 3,
    });
    expect(valid(kind, { ...CONSENT, [F.headcount]: "12", [F.retentionYears]: "1" })).toMatchObject({ headcount: 12, retentionYears: 1 });
  });

  it("each required field missing gives an error on its block", () => {
    expectRequired(kind, CONSENT, {
      [F.unavoidableReason]: null,
      [F.recipientName]: null,
      [F.destination]: null,
      [F.dataItems]: null,
      [F.sensitive]: null,
      [F.secrecy]: null,
      [F.dataSubjects]: null,
      [F.minors]: null,
      [F.legalBasis]: null,
      [F.consentOrProvisionDate]: null,
      [F.retentionYears]: null,
    });
    // the number of people is optional, but a number when given
    expect(valid(kind, { ...CONSENT, [F.headcount]: "" })).not.toHaveProperty(F.headcount);
    expect(invalid(kind, { ...CONSENT, [F.headcount]: "たくさん" })).toHaveProperty(F.headcount);
  });

  it("an Art.27(1) exception basis needs the exception", () => {
    const errors = invalid(kind, { ...EXCEPTION, [F.exception]: null });
    expect(Object.keys(errors)).toEqual([F.exception]);
    expect(errors[F.exception]).toContain("第27条第1項");
    expect(invalid(kind, { ...EXCEPTION, [F.exception]: null }, "en")[F.exception]).toContain("Art.27(1)");
    expect(valid(kind, EXCEPTION)).toMatchObject({ legalBasis: "exception", exception: "life" });
    expect(valid(kind, { ...CONSENT, [F.exception]: "life" })).not.toHaveProperty(F.exception);
  });

  it("the date is any real day: consent obtained earlier or later, a provision planned or (in an emergency) already made", () => {
    for (const d of ["2026-03-01", TODAY, "2026-05-01"]) {
      expect(valid(kind, { ...CONSENT, [F.consentOrProvisionDate]: d })).toMatchObject({ consentOrProvisionDate: d });
      expect(valid(kind, { ...EXCEPTION, [F.consentOrProvisionDate]: d })).toMatchObject({ consentOrProvisionDate: d });
    }
    expect(Object.keys(invalid(kind, { ...OPTOUT, [F.consentOrProvisionDate]: "2026-13-01" }))).toEqual([F.consentOrProvisionDate]);
  });

  it("a recipient abroad needs the country (APPI Art.28)", () => {
    const errors = invalid(kind, { ...CONSENT, [F.destination]: "designated" });
    expect(errors).toEqual({ [F.country]: expect.stringContaining("国名") });
    expect(invalid(kind, { ...CONSENT, [F.destination]: "equivalent" }, "en")[F.country]).not.toMatch(JAPANESE);
    expect(valid(kind, { ...CONSENT, [F.destination]: "designated", [F.country]: "ドイツ" })).toMatchObject({ destination: "designated", country: "ドイツ" });
    expect(valid(kind, { ...CONSENT, [F.country]: "シンガポール" })).not.toHaveProperty(F.country);
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, CONSENT));
    expectRoundTrip(
      kind,
      valid(kind, { ...EXCEPTION, [F.headcount]: "40", [F.destination]: "equivalent", [F.country]: "米国", [F.retentionYears]: "1", [F.minors]: "yes" }),
      "en",
    );
    expectRoundTrip(kind, valid(kind, OPTOUT));
    expectRoundTrip(
      kind,
      valid(kind, {
        ...CONSENT,
        [F.destination]: "other",
        [F.country]: "シンガポール",
        [F.foreignInfo]: ["country", "system", "measures"],
        [F.secrecy]: "yes",
        [F.secrecyGround]: "parties_consent",
        [F.telecomCategories]: ["history", "location"],
      }),
    );
  });

  it("measures: basis and record; PPC filing for opt-out; the 第17条 consent abroad; Art.28(3) for 基準適合体制; minors", () => {
    expect(keys(CONSENT)).toEqual(["basis_confirmed", "provision_record"]);
    expect(keys(OPTOUT)).toEqual(["basis_confirmed", "provision_record", "optout_notified"]);
    expect(keys({ ...CONSENT, [F.destination]: "designated", [F.country]: "ドイツ" })).toEqual(["basis_confirmed", "provision_record"]);
    expect(kind.measures(valid(kind, { ...EXCEPTION, [F.exception]: "public_health" }))[0]!.label("ja")).toContain("第27条第1項第3号");
    expect(keys({ ...CONSENT, [F.minors]: "yes" })).toEqual(["basis_confirmed", "provision_record", "minor_guardian_consent"]);
    const minors = kind.measures(valid(kind, { ...CONSENT, [F.minors]: "yes" }))[2]!;
    expect(minors.label("ja")).toContain("保護者");
    expect(minors.label("ja")).toContain("当社の規程");
  });
});

describe("the legal cases of provision and transfers (legal-cases.md P1-P7)", () => {
  it("P1: opt-out to a recipient in Singapore without 基準適合体制 is refused under Art.28(1)", () => {
    const p1 = { ...OPTOUT, [F.destination]: "other", [F.country]: "シンガポール" };
    const errors = invalid(kind, p1);
    expect(Object.keys(errors)).toEqual([F.legalBasis]);
    expect(errors[F.legalBasis]).toContain("個人情報保護法第28条第1項");
    expect(errors[F.legalBasis]).toContain("施行規則第17条");
    expect(errors[F.legalBasis]).toContain("第27条第1項の例外事由");
    expect(invalid(kind, p1, "en")[F.legalBasis]).toContain("APPI Art.28(1)");
    // consent given with the 第17条 information (country, its system, the recipient's measures) is the way
    const info = invalid(kind, { ...CONSENT, [F.destination]: "other", [F.country]: "シンガポール", [F.foreignInfo]: ["country"] });
    expect(Object.keys(info)).toEqual([F.foreignInfo]);
    expect(info[F.foreignInfo]).toContain("その国の個人情報の保護に関する制度の情報");
    expect(info[F.foreignInfo]).toContain("施行規則第17条");
    expect(info[F.foreignInfo]).not.toContain("国の名称");
    const ok = valid(kind, { ...CONSENT, [F.destination]: "other", [F.country]: "シンガポール", [F.foreignInfo]: ["country", "system", "measures"] });
    expect(kind.measures(ok).map((m) => m.key)).toContain("cross_border_info");
    expect(
      kind
        .measures(ok)
        .find((m) => m.key === "cross_border_info")!
        .label("ja"),
    ).toContain("シンガポール");
    // or an Art.27(1) exception
    expect(valid(kind, { ...EXCEPTION, [F.destination]: "other", [F.country]: "シンガポール" })).toMatchObject({ destination: "other" });
  });

  it("P2: opt-out to Germany (EEA), filed with the PPC: allowed under Art.27(2); a provision record is kept", () => {
    const data = valid(kind, { ...OPTOUT, [F.destination]: "designated", [F.country]: "ドイツ" });
    expect(data).toMatchObject({ legalBasis: "optout", destination: "designated", optoutChecks: OPTOUT_CHECKS });
    expect(kind.measures(data).map((m) => m.key)).toEqual(["basis_confirmed", "provision_record", "optout_notified"]);
    expect(kind.provisionRecord!(data)).toMatchObject({ basis: expect.stringContaining("オプトアウト（個人情報保護法第27条第2項）") });
    expect(kind.provisionRecord!(data)!.basis).toContain("ドイツ");
    expect(kind.summaryFields(data, "ja")).toContainEqual({
      label: "所在地（法第28条）",
      value: "外国（ドイツ）：個人情報保護委員会が指定する国。法第27条が適用されます",
    });
    // without the prior filing it is refused, naming what is missing
    const errors = invalid(kind, { ...OPTOUT, [F.destination]: "designated", [F.country]: "ドイツ", [F.optoutChecks]: ["lawful", "not_optout"] });
    expect(Object.keys(errors)).toEqual([F.optoutChecks]);
    expect(errors[F.optoutChecks]).toContain("個人情報保護委員会にあらかじめ届け出た");
    expect(errors[F.optoutChecks]).toContain("第27条第2項");
  });

  it("opt-out never for data obtained improperly or received by opt-out (copies included) (Art.27(2) proviso)", () => {
    const errors = invalid(kind, { ...OPTOUT, [F.optoutChecks]: ["filed"] });
    expect(errors[F.optoutChecks]).toContain("不正の手段で取得");
    expect(errors[F.optoutChecks]).toContain("オプトアウトで提供を受けた");
    expect(invalid(kind, { ...OPTOUT, [F.optoutChecks]: [] }, "en")[F.optoutChecks]).toContain("APPI Art.27(2)");
  });

  it("a recipient with 基準適合体制 (b): Art.27 applies in full; the Art.28(3) measures follow (施行規則 第18条)", () => {
    const data = valid(kind, { ...OPTOUT, [F.destination]: "equivalent", [F.country]: "米国" });
    const measures = kind.measures(data);
    expect(measures.map((m) => m.key)).toEqual(["basis_confirmed", "provision_record", "equivalent_checks", "equivalent_info", "optout_notified"]);
    expect(measures[2]!.label("ja")).toContain("定期的な確認");
    expect(measures[2]!.label("ja")).toContain("施行規則第18条");
    expect(measures[3]!.label("ja")).toContain("本人の求めに応じ");
    expect(measures[3]!.label("en")).toContain("APPI Art.28(3)");
  });

  it("P5: opt-out of data including health-check results (要配慮個人情報) is refused (Art.27(2) proviso)", () => {
    const p5 = { ...OPTOUT, [F.dataItems]: "氏名、健康診断の結果", [F.sensitive]: "yes" };
    const errors = invalid(kind, p5);
    expect(Object.keys(errors)).toEqual([F.legalBasis]);
    expect(errors[F.legalBasis]).toBe("要配慮個人情報はオプトアウトでは提供できません（個人情報保護法第27条第2項ただし書）");
    expect(invalid(kind, p5, "en")[F.legalBasis]).toContain("APPI Art.27(2) proviso");
    // with consent it may be filed
    expect(valid(kind, { ...CONSENT, [F.dataItems]: "氏名、健康診断の結果", [F.sensitive]: "yes" })).toMatchObject({ sensitive: true });
  });

  it("P6: a police 照会 without a warrant for communication logs is refused (電気通信事業法 第4条; policy 3.[6])", () => {
    const p6 = {
      ...EXCEPTION,
      [F.recipientName]: "〇〇警察署",
      [F.dataItems]: "通信履歴（接続日時、接続先）",
      [F.secrecy]: "yes",
      [F.secrecyGround]: "inquiry",
      [F.telecomCategories]: ["history"],
      [F.exception]: "law",
    };
    const errors = invalid(kind, p6);
    expect(errors[F.secrecyGround]).toContain("照会だけでは、通信の秘密に属する事項は提供できません");
    expect(errors[F.secrecyGround]).toContain("電気通信事業法第4条");
    expect(errors[F.secrecyGround]).toContain("当社の個人情報保護方針 3.[6]");
    // the generic "based on laws" is no ground either
    expect(errors[F.exception]).toContain("令状・裁判所の命令");
    expect(invalid(kind, p6, "en")[F.secrecyGround]).toContain("Telecommunications Business Act Art.4");
    // no ground at all is refused too
    expect(invalid(kind, { ...p6, [F.secrecyGround]: null })).toHaveProperty(F.secrecyGround);
    // with a warrant: filed, and it goes to legal review with the ground recorded
    const data = valid(kind, { ...p6, [F.secrecyGround]: "warrant" });
    expect(data).toMatchObject({ secrecy: true, secrecyGround: "warrant", legalBasis: "exception", exception: "law" });
    const measures = kind.measures(data);
    expect(measures[0]!.key).toBe("secrecy_legal_review");
    expect(measures[0]!.label("ja")).toContain("令状・裁判所の命令（発信者情報開示命令など）");
    expect(measures[0]!.label("ja")).toContain("電気通信事業法第4条");
    const summary = kind.summaryFields(data, "ja");
    const secrecy = summary.find((f) => f.label === "通信の秘密")!.value;
    expect(secrecy).toContain("含む：法務確認が必要（電気通信事業法第4条）。根拠：令状・裁判所の命令（発信者情報開示命令など）");
    // the lawful grounds are listed for the reviewers
    expect(secrecy).toContain("通信当事者の個別具体的かつ明確な同意、令状・裁判所の命令（発信者情報開示命令など）、正当防衛、緊急避難");
    expect(secrecy).toContain("照会だけでは足りません");
  });

  it("secrecy of communications: never by opt-out; communication logs are secrecy", () => {
    const errors = invalid(kind, { ...OPTOUT, [F.secrecy]: "yes", [F.secrecyGround]: "parties_consent" });
    expect(errors[F.legalBasis]).toBe("通信の秘密に属する情報はオプトアウトでは提供できません（電気通信事業法第4条）");
    const logs = invalid(kind, { ...CONSENT, [F.telecomCategories]: ["history"] });
    expect(Object.keys(logs)).toEqual([F.secrecy]);
    expect(logs[F.secrecy]).toContain("通信履歴は通信の秘密に当たります");
  });

  it("P7: provision to a ministry under Art.27(1)(4) only with both conditions, no secrecy; no Art.29 record (proviso)", () => {
    const p7 = { ...EXCEPTION, [F.recipientName]: "〇〇省", [F.exception]: "state" };
    const missing = invalid(kind, { ...p7, [F.stateConditions]: ["assigned_task"] });
    expect(Object.keys(missing)).toEqual([F.stateConditions]);
    expect(missing[F.stateConditions]).toContain("本人の同意を得ると当該事務の遂行に支障を及ぼすおそれがある");
    expect(missing[F.stateConditions]).toContain("個人情報保護法第27条第1項第4号");
    const data = valid(kind, { ...p7, [F.stateConditions]: ["assigned_task", "consent_impedes"] });
    expect(kind.provisionRecord!(data)).toBeNull();
    expect(kind.measures(data).map((m) => m.key)).toEqual(["basis_confirmed", "state_exception"]);
    expect(kind.summaryFields(data, "ja")).toContainEqual({
      label: "提供記録（法第29条）",
      value: "記録不要：法第27条第1項第4号の例外事由による提供（法第29条第1項ただし書）",
    });
    // with secrecy of communications it is refused
    const secret = invalid(kind, {
      ...p7,
      [F.stateConditions]: ["assigned_task", "consent_impedes"],
      [F.secrecy]: "yes",
      [F.secrecyGround]: "warrant",
    });
    expect(secret[F.exception]).toContain("通信の秘密を含む提供には、例外事由(4)");
  });

  it("the telecom guideline's categories show their limits, citing the current guideline by name, no article numbers", () => {
    const data = valid(kind, {
      ...CONSENT,
      [F.secrecy]: "yes",
      [F.secrecyGround]: "parties_consent",
      [F.telecomCategories]: ["history", "location", "sender", "nonpayment", "statement"],
    });
    const limits = kind.summaryFields(data, "ja").find((f) => f.label === "電気通信事業ガイドラインの区分と制限")!.value;
    expect(limits).toContain("位置情報：捜査機関への提供は令状がある場合に限ります");
    expect(limits).toContain("ガイドラインの位置情報の項を参照");
    expect(limits).toContain("令和4年個人情報保護委員会・総務省告示第4号、改正を含む");
    expect(limits).not.toMatch(/ガイドライン第\d+条/);
    const en = kind.summaryFields(data, "en").find((f) => f.label === "Telecom guideline categories and limits")!.value;
    expect(en).toContain("Location data: to investigators only with a warrant");
    expect(kind.summaryFields(valid(kind, CONSENT), "ja").map((f) => f.label)).not.toContain("電気通信事業ガイドラインの区分と制限");
  });
});

describe("the provision record and the summary", () => {
  it("the provision record (APPI Art.29)", () => {
    expect(kind.provisionRecord!(valid(kind, CONSENT))).toEqual({
      recipient: "サンプル損害保険株式会社",
      dataSubjects: "2026年3月の事故の当事者",
      items: "氏名、生年月日、連絡先",
      basis: "本人の同意",
      consentOrProvisionDate: "2026-03-20",
      retentionYears: 3,
      recordBasis: "consent",
    });
    const abroad = kind.provisionRecord!(
      valid(kind, {
        ...CONSENT,
        [F.destination]: "other",
        [F.country]: "米国",
        [F.foreignInfo]: ["country", "system", "measures"],
        [F.retentionYears]: "1",
      }),
    )!;
    expect(abroad.basis).toBe("本人の同意、外国にある第三者への提供（米国、個人情報保護法第28条）");
    expect(abroad.retentionYears).toBe(1);
    // an older request (the yes/no question of before) still gives its record
    expect(kind.provisionRecord!({ ...valid(kind, CONSENT), destination: undefined, foreign: true, country: "米国" })!.basis).toContain("米国");
    // the other kinds keep no provision record
    for (const k of ["purpose", "method", "entrust", "joint"] as const) expect(KINDS[k].provisionRecord).toBeUndefined();
  });

  it("title and summary", () => {
    const data = valid(kind, {
      ...EXCEPTION,
      [F.exception]: "law",
      [F.headcount]: "1200",
      [F.destination]: "equivalent",
      [F.country]: "米国",
      [F.minors]: "yes",
    });
    expect(kind.title(data)).toBe("サンプル損害保険株式会社 / 氏名、生年月日、連絡先");
    const fields = kind.summaryFields(data, "ja");
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({
      label: "所在地（法第28条）",
      value: "外国（米国）：基準適合体制（施行規則第16条）。法第27条が適用され、法第28条第3項の措置が必要です",
    });
    expect(fields).toContainEqual({ label: "法的根拠", value: "個人情報保護法第27条第1項第1号（法令に基づく場合）\n2026年4月15日" });
    expect(fields).toContainEqual({
      label: "本人の範囲",
      value: "2026年3月の事故の当事者\n約1,200人\n未成年者を含む：本人と保護者の両方の同意（当社の規程）",
    });
    expect(fields).toContainEqual({ label: "通信の秘密", value: "含まない" });
    expect(kind.summaryFields(data, "en")).toContainEqual({ label: "Legal basis", value: "APPI Art.27(1)(1) (Based on laws and regulations)\n2026-04-15" });
    // an older request keeps showing where its recipient was
    expect(kind.summaryFields({ foreign: true, country: "米国" }, "ja")).toContainEqual({ label: "所在地（法第28条）", value: "外国（米国）：区分の記録なし" });
  });
});
