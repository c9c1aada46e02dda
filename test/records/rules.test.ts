// The rules of provision and receipt records, without database or Slack: retention
// (施行規則 第21条 / 第25条, each case), the exemptions with their articles, the log and
// receipt checks.
import { describe, expect, it } from "vitest";
import { recordMessages } from "../../src/records/messages.js";
import { checkLog, checkReceipt, inPeriod, keepUntil, nameMatches, periodEndCountingFirstDay, recordDuty, type Exemption } from "../../src/records/rules.js";

const ja = recordMessages("ja");

describe("retention (施行規則 第21条 for provision records, 第25条 for receipt records)", () => {
  it("第21条1号 / 第25条1号: the contract serves as the record: one year counted from the last provision, its day included", () => {
    expect(keepUntil("contract", "2026-04-10", "2026-06-01")).toBe("2027-05-31");
    // the last provision, not the first or the record's making
    expect(keepUntil("contract", "2026-04-10", "2027-01-15")).toBe("2028-01-14");
  });

  it("第21条2号 / 第25条2号: a combined record: three years counted from the last provision", () => {
    expect(keepUntil("combined", "2026-04-10", "2026-06-01")).toBe("2029-05-31");
    expect(keepUntil("combined", "2026-04-10", "2028-12-31")).toBe("2031-12-30");
  });

  it("第21条3号 / 第25条3号: otherwise three years from the record's making (the first day not counted, 民法 第140条)", () => {
    expect(keepUntil("per_provision", "2026-04-10", "2026-04-08")).toBe("2029-04-10");
    // the day of provision does not move it
    expect(keepUntil("per_provision", "2026-04-10", null)).toBe("2029-04-10");
  });

  it("before any logged provision, the record's making stands in for the last provision", () => {
    expect(keepUntil("combined", "2026-04-10", null)).toBe("2029-04-09");
    expect(keepUntil("contract", "2026-04-10", null)).toBe("2027-04-09");
  });

  it("29 February: a period counted from it ends at the end of February (民法 第143条2項 ただし書)", () => {
    expect(periodEndCountingFirstDay("2024-02-29", 1)).toBe("2025-02-28");
    expect(periodEndCountingFirstDay("2024-02-28", 1)).toBe("2025-02-27");
    expect(periodEndCountingFirstDay("2024-03-01", 3)).toBe("2027-02-28");
    expect(keepUntil("per_provision", "2024-02-28", null)).toBe("2027-02-28");
  });
});

describe("which provisions need a record (法第29条第1項 and its proviso)", () => {
  const label = (e: Exemption | null) => (e ? ja.exemption(e) : "");
  it("consent and opt-out need one; the basis decides its contents (施行規則 第20条)", () => {
    expect(recordDuty({ kind: "provide", legalBasis: "consent" })).toEqual({ needed: true, basis: "consent" });
    expect(recordDuty({ kind: "provide", legalBasis: "optout" })).toEqual({ needed: true, basis: "optout" });
  });

  it("an Art.27(1) exception: 記録不要 with its item", () => {
    const d = recordDuty({ kind: "provide", legalBasis: "exception", exceptionItem: 2 });
    expect(d.needed).toBe(false);
    expect(label(d.needed ? null : d.exemption)).toBe("記録不要：法第27条第1項第2号（人の生命・身体・財産の保護）による提供（法第29条第1項ただし書）");
  });

  it("entrustment, succession, joint use: 記録不要 under Art.27(5) items 1-3", () => {
    const e = recordDuty({ kind: "entrust" });
    expect(label(e.needed ? null : e.exemption)).toBe("記録不要：法第27条第5項第1号（委託）（法第29条第1項ただし書）");
    const j = recordDuty({ kind: "joint" });
    expect(label(j.needed ? null : j.exemption)).toBe("記録不要：法第27条第5項第3号（共同利用）（法第29条第1項ただし書）");
    expect(ja.exemption({ kind: "art27_5", item: 2 })).toBe("記録不要：法第27条第5項第2号（事業の承継）（法第29条第1項ただし書）");
  });

  it("a body of Art.16(2) is no 第三者 for Art.29", () => {
    const d = recordDuty({ kind: "provide", legalBasis: "consent", publicBody: true });
    expect(d).toEqual({ needed: false, exemption: { kind: "art16_2" } });
    expect(ja.exemption({ kind: "art16_2" })).toContain("法第16条第2項各号に掲げる者");
  });

  it("provision abroad under Art.28(1): only an Art.27(1) exception exempts (the proviso's brackets)", () => {
    expect(recordDuty({ kind: "provide", legalBasis: "consent", publicBody: true, underArt28: true })).toEqual({ needed: true, basis: "consent" });
    expect(recordDuty({ kind: "provide", legalBasis: "exception", exceptionItem: 1, underArt28: true }).needed).toBe(false);
  });
});

describe("logging a provision", () => {
  const o = { today: "2026-05-01", approvedOn: "2026-04-01", basis: "consent" as const, current: null, provisions: 0 };
  it("takes the day, what identifies the persons (never their names) and the form", () => {
    expect(checkLog({ providedOn: "2026-04-20", subjectsRef: "顧客ID（抽出番号 EX-0412）", form: "combined" }, o)).toEqual({
      ok: true,
      value: { providedOn: "2026-04-20", subjectsRef: "顧客ID（抽出番号 EX-0412）", form: "combined", contractRef: null, exclusion: null },
    });
    const r = checkLog({ providedOn: "2026-05-02", subjectsRef: "山田太郎様", form: "combined" }, o);
    expect(r).toEqual({ ok: false, problems: { providedOn: "future", subjectsRef: "pii" } });
    expect(checkLog({ providedOn: "2026-03-31", subjectsRef: "x", form: "combined" }, o)).toMatchObject({
      ok: false,
      problems: { providedOn: "before_approval" },
    });
  });

  it("the contract form only for consent, with the contract's reference (施行規則 第19条3項)", () => {
    expect(checkLog({ providedOn: "2026-04-20", subjectsRef: "x", form: "contract" }, o)).toMatchObject({
      ok: false,
      problems: { contractRef: "contract_ref_required" },
    });
    expect(checkLog({ providedOn: "2026-04-20", subjectsRef: "x", form: "contract", contractRef: "C-1" }, { ...o, basis: "optout" })).toMatchObject({
      ok: false,
      problems: { form: "contract_needs_consent" },
    });
  });

  it("the first provision fixes the form", () => {
    expect(checkLog({ providedOn: "2026-04-20", subjectsRef: "x", form: "per_provision" }, { ...o, current: "combined", provisions: 2 })).toMatchObject({
      ok: false,
      problems: { form: "form_fixed" },
    });
  });
});

describe("a receipt (法第30条)", () => {
  const good = {
    basis: "consent",
    providerName: "株式会社サンプル販売",
    providerKind: "corporation",
    providerAddress: "東京都港区芝公園1-1-1",
    providerRepresentative: "代表取締役 山本 一郎",
    acquisition: "自社サービスの申込時に本人から取得（申込書に第三者提供の同意欄）",
    items: "氏名、住所、購入履歴",
    subjectsRef: "提供ファイル SUP-2026-04 の顧客番号",
    receivedOn: "2026-04-20",
  };
  it("confirms name, address, representative and how the provider obtained it", () => {
    const r = checkReceipt(good, "2026-05-01");
    expect(r.ok).toBe(true);
    expect(checkReceipt({ ...good, providerRepresentative: "" }, "2026-05-01")).toEqual({
      ok: false,
      problems: { providerRepresentative: "representative_required" },
    });
    expect(checkReceipt({ ...good, acquisition: "" }, "2026-05-01")).toMatchObject({ ok: false, problems: { acquisition: "required" } });
  });
  it("opt-out data: the PPC's publication of the filing is checked", () => {
    expect(checkReceipt({ ...good, basis: "optout" }, "2026-05-01")).toMatchObject({ ok: false, problems: { ppcPublished: "ppc_published_required" } });
    expect(checkReceipt({ ...good, basis: "optout", ppcPublished: ["published"] }, "2026-05-01").ok).toBe(true);
  });
  it("an exempt receipt needs no confirmation (法第30条第1項ただし書)", () => {
    const r = checkReceipt({ basis: "art27_5_1", providerName: "委託元株式会社", items: "氏名", receivedOn: "2026-04-20" }, "2026-05-01");
    expect(r).toMatchObject({ ok: true, value: { exemption: { kind: "art27_5", item: 1 } } });
    expect(ja.receiptExemption({ kind: "art27_5", item: 1 })).toBe("確認・記録不要：法第27条第5項第1号（委託）（法第30条第1項ただし書）");
  });
});

describe("the disclosure listing's filters", () => {
  it("a record is in a period when any provision falls in it", () => {
    expect(inPeriod("2026-01-10", "2026-03-01", "2026-02-01", "2026-02-28")).toBe(true);
    expect(inPeriod("2026-01-10", "2026-01-20", "2026-02-01", null)).toBe(false);
    expect(inPeriod(null, null, null, null)).toBe(false);
  });
  it("names match by part, ignoring width and spaces", () => {
    expect(nameMatches("東都損害保険株式会社", "東都")).toBe(true);
    expect(nameMatches("ＡＢＣ Corp", "abc")).toBe(true);
    expect(nameMatches("東都損害保険株式会社", "西")).toBe(false);
  });
});
