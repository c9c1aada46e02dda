import { describe, expect, it } from "vitest";
import { JointFields as F, KINDS } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, valid, type Inputs } from "./helpers.js";

const kind = KINDS.joint;

const VALID: Inputs = {
  [F.jointUse]: ["acknowledged"],
  [F.dataItems]: "氏名、住所、電話番号、購入履歴",
  [F.jointUsers]: "当社及び当社の連結子会社",
  [F.destination]: "domestic",
  [F.purposes]: "グループ各社の商品・サービスのご案内",
  [F.responsibleName]: "株式会社サンプル",
  [F.responsibleAddress]: "東京都千代田区丸の内1-1-1",
  [F.responsibleRepresentative]: "代表取締役 山田太郎",
  [F.startDate]: "2026-06-01",
  [F.noticeMethod]: "website",
};

describe("joint (第17条)", () => {
  it("parses a valid submission with the five items of APPI Art.27(5)(iii)", () => {
    expect(valid(kind, VALID)).toEqual({
      jointUse: true,
      dataItems: "氏名、住所、電話番号、購入履歴",
      jointUsers: "当社及び当社の連結子会社",
      destination: "domestic",
      purposes: "グループ各社の商品・サービスのご案内",
      responsibleName: "株式会社サンプル",
      responsibleAddress: "東京都千代田区丸の内1-1-1",
      responsibleRepresentative: "代表取締役 山田太郎",
      startDate: "2026-06-01",
      noticeMethod: "website",
    });
  });

  it("each required field missing gives an error on its block", () => {
    expectRequired(kind, VALID, {
      [F.jointUse]: [],
      [F.dataItems]: null,
      [F.jointUsers]: null,
      [F.destination]: null,
      [F.purposes]: null,
      [F.responsibleName]: null,
      [F.responsibleAddress]: null,
      [F.responsibleRepresentative]: null,
      [F.startDate]: null,
      [F.noticeMethod]: null,
    });
  });

  it("'other' needs details; the start is not in the past", () => {
    expect(Object.keys(invalid(kind, { ...VALID, [F.noticeMethod]: "other" }))).toEqual([F.noticeDetails]);
    expect(valid(kind, { ...VALID, [F.noticeMethod]: "other", [F.noticeDetails]: "店頭に掲示" })).toMatchObject({ noticeDetails: "店頭に掲示" });
    expect(Object.keys(invalid(kind, { ...VALID, [F.startDate]: "2026-01-01" }))).toEqual([F.startDate]);
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, VALID));
    expectRoundTrip(kind, valid(kind, { ...VALID, [F.noticeMethod]: "other", [F.noticeDetails]: "店頭に掲示" }), "en");
  });

  it("measures", () => {
    expect(kind.measures(valid(kind, VALID)).map((m) => m.key)).toEqual(["joint_notice_published", "joint_agreement", "ledger_registered"]);
  });

  it("title and summary", () => {
    const data = valid(kind, VALID);
    expect(kind.title(data)).toBe("当社及び当社の連結子会社 / グループ各社の商品・サービスのご案内");
    const fields = kind.summaryFields(data, "ja");
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(fields).toContainEqual({ label: "管理責任者", value: "株式会社サンプル\n東京都千代田区丸の内1-1-1\n代表取締役 山田太郎" });
  });

  it("joint users abroad: the country and route; (c) is refused (Art.28(1)); 基準適合体制 brings the Art.28(3) measures", () => {
    const errors = invalid(kind, { ...VALID, [F.destination]: "other", [F.country]: "シンガポール" });
    expect(Object.keys(errors)).toEqual([F.destination]);
    expect(errors[F.destination]).toContain("共同利用できません");
    expect(errors[F.destination]).toContain("個人情報保護法第28条第1項");
    const data = valid(kind, { ...VALID, [F.destination]: "equivalent", [F.country]: "シンガポール" });
    expect(kind.measures(data).map((m) => m.key)).toEqual([
      "joint_notice_published",
      "joint_agreement",
      "ledger_registered",
      "equivalent_checks",
      "equivalent_info",
    ]);
    expect(valid(kind, { ...VALID, [F.destination]: "designated", [F.country]: "英国" })).toMatchObject({ destination: "designated", country: "英国" });
  });
});
