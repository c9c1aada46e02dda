import { describe, expect, it } from "vitest";
import { EntrustFields as F, KINDS } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, JAPANESE, valid, type Inputs } from "./helpers.js";

const kind = KINDS.entrust;
const ALL_ITEMS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"];
const ALL_CHECKS = ["site_check", "security_level", "financial_stability"];

const VALID: Inputs = {
  [F.processorName]: "株式会社サンプルデータサービス",
  [F.destination]: "domestic",
  [F.work]: "顧客アンケートの入力と集計",
  [F.dataItems]: "氏名、住所、回答内容",
  [F.headcount]: "5,000",
  [F.dueDiligence]: ALL_CHECKS,
  [F.contractItems]: ALL_ITEMS,
  [F.contractStart]: "2026-05-01",
  [F.contractEnd]: "2027-04-30",
  [F.subcontracting]: "no",
};

describe("entrust (第15条)", () => {
  it("parses a valid submission; the inspection cycle defaults to 12 months", () => {
    expect(valid(kind, VALID)).toEqual({
      processorName: "株式会社サンプルデータサービス",
      destination: "domestic",
      work: "顧客アンケートの入力と集計",
      dataItems: "氏名、住所、回答内容",
      headcount: 5000,
      dueDiligence: ALL_CHECKS,
      contractItems: ALL_ITEMS,
      contractStart: "2026-05-01",
      contractEnd: "2027-04-30",
      subcontracting: false,
      inspectionCycle: 12,
    });
    expect(valid(kind, { ...VALID, [F.processorAddress]: "東京都千代田区", [F.inspectionCycle]: "6", [F.subcontracting]: "yes" })).toMatchObject({
      processorAddress: "東京都千代田区",
      inspectionCycle: 6,
      subcontracting: true,
    });
  });

  it("each required field missing gives an error on its block", () => {
    expectRequired(kind, VALID, {
      [F.processorName]: null,
      [F.destination]: null,
      [F.work]: null,
      [F.dataItems]: null,
      [F.headcount]: null,
      [F.dueDiligence]: [],
      [F.contractItems]: [],
      [F.contractStart]: null,
      [F.contractEnd]: null,
      [F.subcontracting]: null,
      [F.inspectionCycle]: null,
    });
  });

  it("the number of people is a positive whole number; full-width digits are fine", () => {
    expect(valid(kind, { ...VALID, [F.headcount]: "１２００" })).toMatchObject({ headcount: 1200 });
    for (const bad of ["約100", "0", "-5", "1.5", "many"]) expect(invalid(kind, { ...VALID, [F.headcount]: bad })).toHaveProperty(F.headcount);
  });

  it("all three due-diligence checks are required (第15条2項(1)), naming the missing ones", () => {
    const errors = invalid(kind, { ...VALID, [F.dueDiligence]: ["site_check"] });
    expect(Object.keys(errors)).toEqual([F.dueDiligence]);
    expect(errors[F.dueDiligence]).toContain("セキュリティ管理の水準");
    expect(errors[F.dueDiligence]).toContain("財務的な安全性");
    expect(errors[F.dueDiligence]).not.toContain("現場の調査");
    expect(invalid(kind, { ...VALID, [F.dueDiligence]: ["site_check", "security_level"] }, "en")[F.dueDiligence]).toContain("financial stability");
  });

  it("the draft contract must include all of ①-⑦, and the error lists what is missing", () => {
    const errors = invalid(kind, { ...VALID, [F.contractItems]: ["c1", "c2", "c3", "c5", "c7"] });
    expect(Object.keys(errors)).toEqual([F.contractItems]);
    expect(errors[F.contractItems]).toContain("④");
    expect(errors[F.contractItems]).toContain("⑥");
    expect(errors[F.contractItems]).not.toContain("①");
    expect(errors[F.contractItems]).not.toContain("⑦");
    const en = invalid(kind, { ...VALID, [F.contractItems]: ALL_ITEMS.slice(0, 6) }, "en")[F.contractItems]!;
    expect(en).toContain("⑦ inspections");
    expect(en).not.toMatch(JAPANESE);
  });

  it("the contract ends after it starts", () => {
    for (const end of ["2026-05-01", "2026-04-30"]) {
      const errors = invalid(kind, { ...VALID, [F.contractEnd]: end });
      expect(errors).toEqual({ [F.contractEnd]: "終了日は開始日より後にしてください" });
    }
    expect(invalid(kind, { ...VALID, [F.contractEnd]: "2026-04-30" }, "en")[F.contractEnd]).toBe("The end must be after the start");
    // reported together with other problems
    expect(Object.keys(invalid(kind, { ...VALID, [F.contractEnd]: "2026-04-30", [F.work]: null })).sort()).toEqual([F.contractEnd, F.work].sort());
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, VALID));
    expectRoundTrip(kind, valid(kind, { ...VALID, [F.processorAddress]: "東京都", [F.inspectionCycle]: "24", [F.subcontracting]: "yes" }), "en");
  });

  it("measures: contracts, notice, inspections and 7-year retention", () => {
    const measures = kind.measures(valid(kind, { ...VALID, [F.inspectionCycle]: "6" }));
    expect(measures.map((m) => m.key)).toEqual([
      "contract_signed",
      "individual_contract_signed",
      "notice_to_processor",
      "inspection_scheduled",
      "documents_retention",
    ]);
    expect(measures[3]!.label("ja")).toContain("6か月");
    expect(measures[4]!.label("ja")).toContain("2034年4月30日");
    expect(measures[4]!.label("en")).toContain("2034-04-30");
  });

  it("title and summary", () => {
    const data = valid(kind, VALID);
    expect(kind.title(data)).toBe("株式会社サンプルデータサービス / 顧客アンケートの入力と集計");
    const fields = kind.summaryFields(data, "ja");
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({ label: "基本契約書案", value: "①〜⑦をすべて含む" });
    expect(fields).toContainEqual({ label: "契約期間", value: "2026年5月1日〜2027年4月30日" });
    expect(fields).toContainEqual({ label: "対象人数（概数）", value: "約5,000人" });
  });

  it("P3: entrusting to a US cloud provider with 基準適合体制 is allowed (Art.27(5)(1)); the Art.28(3) measures follow", () => {
    const data = valid(kind, { ...VALID, [F.processorName]: "Example Cloud Inc.", [F.destination]: "equivalent", [F.country]: "米国" });
    expect(data).toMatchObject({ destination: "equivalent", country: "米国" });
    const measures = kind.measures(data);
    expect(measures.map((m) => m.key).slice(-2)).toEqual(["equivalent_checks", "equivalent_info"]);
    expect(measures.at(-2)!.label("ja")).toContain("米国");
    expect(measures.at(-2)!.label("ja")).toContain("個人情報保護法第28条第3項、施行規則第18条");
    expect(measures.at(-1)!.label("ja")).toContain("本人の求めに応じ");
    expect(kind.summaryFields(data, "ja")).toContainEqual({
      label: "所在地（法第28条）",
      value: "外国（米国）：基準適合体制（施行規則第16条）。法第27条が適用され、法第28条第3項の措置が必要です",
    });
    // a designated country: entrustment as in Japan, no Art.28(3) measures
    expect(kind.measures(valid(kind, { ...VALID, [F.destination]: "designated", [F.country]: "フランス" })).map((m) => m.key)).not.toContain(
      "equivalent_checks",
    );
  });

  it("P4: entrusting to a processor abroad with neither route is refused as entrustment (Art.28(1))", () => {
    const errors = invalid(kind, { ...VALID, [F.destination]: "other", [F.country]: "ベトナム" });
    expect(Object.keys(errors)).toEqual([F.destination]);
    expect(errors[F.destination]).toContain("預託（委託）として個人データを提供できません");
    expect(errors[F.destination]).toContain("施行規則第17条の情報を提供したうえでの本人の同意又は法第27条第1項の例外事由");
    expect(errors[F.destination]).toContain("個人情報保護法第28条第1項");
    expect(invalid(kind, { ...VALID, [F.destination]: "other", [F.country]: "Vietnam" }, "en")[F.destination]).toContain("APPI Art.28(1)");
    // the country is asked whenever abroad
    expect(Object.keys(invalid(kind, { ...VALID, [F.destination]: "equivalent" }))).toEqual([F.country]);
  });
});
