import { describe, expect, it } from "vitest";
import { KINDS, ProvideFields as F } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, JAPANESE, TODAY, valid, type Inputs } from "./helpers.js";

const kind = KINDS.provide;

const CONSENT: Inputs = {
  [F.unavoidableReason]: "保険金の請求手続のため、保険会社に当事者情報を提供する必要がある",
  [F.recipientName]: "サンプル損害保険株式会社",
  [F.dataItems]: "氏名、生年月日、連絡先",
  [F.dataSubjects]: "2026年3月の事故の当事者",
  [F.legalBasis]: "consent",
  [F.consentOrProvisionDate]: "2026-03-20",
  [F.foreign]: "no",
};
const EXCEPTION: Inputs = { ...CONSENT, [F.legalBasis]: "exception", [F.exception]: "law", [F.consentOrProvisionDate]: "2026-04-15" };
const OPTOUT: Inputs = { ...CONSENT, [F.legalBasis]: "optout", [F.consentOrProvisionDate]: TODAY };

describe("provide (第16条)", () => {
  it("parses a valid submission; the record is kept 3 years by default", () => {
    expect(valid(kind, CONSENT)).toEqual({
      unavoidableReason: CONSENT[F.unavoidableReason],
      recipientName: "サンプル損害保険株式会社",
      dataItems: "氏名、生年月日、連絡先",
      dataSubjects: "2026年3月の事故の当事者",
      legalBasis: "consent",
      consentOrProvisionDate: "2026-03-20",
      foreign: false,
      retentionYears: 3,
    });
    expect(valid(kind, { ...CONSENT, [F.headcount]: "12", [F.retentionYears]: "1" })).toMatchObject({ headcount: 12, retentionYears: 1 });
  });

  it("each required field missing gives an error on its block", () => {
    expectRequired(kind, CONSENT, {
      [F.unavoidableReason]: null,
      [F.recipientName]: null,
      [F.dataItems]: null,
      [F.dataSubjects]: null,
      [F.legalBasis]: null,
      [F.consentOrProvisionDate]: null,
      [F.foreign]: null,
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
    expect(valid(kind, EXCEPTION)).toMatchObject({ legalBasis: "exception", exception: "law" });
    // a leftover exception is dropped with another basis
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
    const errors = invalid(kind, { ...CONSENT, [F.foreign]: "yes" });
    expect(errors).toEqual({ [F.country]: expect.stringContaining("国名") });
    expect(invalid(kind, { ...CONSENT, [F.foreign]: "yes" }, "en")[F.country]).not.toMatch(JAPANESE);
    expect(valid(kind, { ...CONSENT, [F.foreign]: "yes", [F.country]: "シンガポール" })).toMatchObject({ foreign: true, country: "シンガポール" });
    expect(valid(kind, { ...CONSENT, [F.foreign]: "no", [F.country]: "シンガポール" })).not.toHaveProperty(F.country);
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, CONSENT));
    expectRoundTrip(kind, valid(kind, { ...EXCEPTION, [F.headcount]: "40", [F.foreign]: "yes", [F.country]: "米国", [F.retentionYears]: "1" }), "en");
    expectRoundTrip(kind, valid(kind, OPTOUT));
  });

  it("measures: basis and record always; cross-border only abroad; PPC notification only for opt-out", () => {
    const keys = (inputs: Inputs) => kind.measures(valid(kind, inputs)).map((m) => m.key);
    expect(keys(CONSENT)).toEqual(["basis_confirmed", "provision_record"]);
    expect(keys({ ...CONSENT, [F.foreign]: "yes", [F.country]: "米国" })).toEqual(["basis_confirmed", "provision_record", "cross_border_info"]);
    expect(keys(OPTOUT)).toEqual(["basis_confirmed", "provision_record", "optout_notified"]);
    expect(kind.measures(valid(kind, EXCEPTION))[0]!.label("ja")).toContain("第27条第1項第1号");
    expect(kind.measures(valid(kind, { ...CONSENT, [F.foreign]: "yes", [F.country]: "米国" }))[2]!.label("ja")).toContain("米国");
  });

  it("the provision record (APPI Art.29)", () => {
    expect(kind.provisionRecord!(valid(kind, CONSENT))).toEqual({
      recipient: "サンプル損害保険株式会社",
      dataSubjects: "2026年3月の事故の当事者",
      items: "氏名、生年月日、連絡先",
      basis: "本人の同意",
      consentOrProvisionDate: "2026-03-20",
      retentionYears: 3,
    });
    const abroad = kind.provisionRecord!(
      valid(kind, { ...EXCEPTION, [F.exception]: "state", [F.foreign]: "yes", [F.country]: "米国", [F.retentionYears]: "1" }),
    );
    expect(abroad.basis).toContain("個人情報保護法第27条第1項第4号");
    expect(abroad.basis).toContain("米国");
    expect(abroad.retentionYears).toBe(1);
    expect(abroad.consentOrProvisionDate).toBe("2026-04-15");
    // the other kinds keep no provision record
    for (const k of ["purpose", "method", "entrust", "joint"] as const) expect(KINDS[k].provisionRecord).toBeUndefined();
  });

  it("title and summary", () => {
    const data = valid(kind, { ...EXCEPTION, [F.headcount]: "1200", [F.foreign]: "yes", [F.country]: "米国" });
    expect(kind.title(data)).toBe("サンプル損害保険株式会社 / 氏名、生年月日、連絡先");
    const fields = kind.summaryFields(data, "ja");
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({ label: "外国にある第三者", value: "はい（米国）" });
    expect(fields).toContainEqual({ label: "法的根拠", value: "個人情報保護法第27条第1項第1号（法令に基づく場合）" });
    expect(kind.summaryFields(data, "en")).toContainEqual({ label: "Legal basis", value: "APPI Art.27(1)(1) (Based on laws and regulations)" });
  });
});
