// The grounds, outcomes and notice of each kind of subject request as pure rules (issue 13):
// which grounds apply where, in which law's words, under which provision the outcome is told.
import { describe, expect, it } from "vitest";
import {
  basesFor,
  DSR_KINDS,
  groundsFor,
  isCompanyRule,
  mayChargeFee,
  methodAllowed,
  noticeBasis,
  noticeGate,
  NOT_RETAINED_GROUNDS,
  outcomesFor,
  reasonsDue,
  REFUSAL_GROUNDS,
  takesDisclosureMethod,
} from "../../src/dsr/rules.js";
import { dsrMessages } from "../../src/dsr/messages.js";

const ja = dsrMessages("ja");
const en = dsrMessages("en");

describe("grounds per kind", () => {
  it("each kind offers only its own law's grounds", () => {
    expect(groundsFor("disclosure")).toEqual(["a33_2_1", "a33_2_2", "a33_2_3"]);
    expect(groundsFor("provision_records")).toEqual(["a33_2_1", "a33_2_2", "a33_2_3"]);
    expect(groundsFor("correction")).toEqual(["a34_not_untrue", "a34_other_law", "a34_beyond_purpose"]);
    expect(groundsFor("stop_use")).toEqual(["r19_authority", "r19_legal_duty"]);
    expect(groundsFor("stop_provision")).toEqual(["r19_authority", "r19_legal_duty"]);
    expect(groundsFor("purpose_notice")).toEqual(["a32_2_1", "a21_4_1", "a21_4_2", "a21_4_3"]);
  });

  it("D2: inconvenience (the business-hindrance ground of disclosure) is no ground for stopping use or provision", () => {
    for (const k of ["stop_use", "stop_provision"] as const) expect(groundsFor(k)).not.toContain("a33_2_2");
  });

  it("規程 第19条's exceptions are labelled the company's rule; the others cite the APPI article", () => {
    for (const g of REFUSAL_GROUNDS) {
      if (isCompanyRule(g)) expect(ja.groundLabel(g)).toBe("規程 第19条ただし書（社内規程）");
      else expect(ja.groundLabel(g)).toMatch(/^個人情報保護法 第(21|32|33|34)条/);
    }
    expect(ja.ground.a33_2_3).toBe("他の法令に違反することとなる場合");
    expect(ja.ground.a33_2_2).toBe("当該個人情報取扱事業者の業務の適正な実施に著しい支障を及ぼすおそれがある場合");
    expect(ja.ground.r19_legal_duty).toBe("当社の法令に定められている義務の履行のために必要な場合");
  });

  it("the Art.35 condition asked of a stop request fits its kind: 35(1) for use, 35(3) for provision, 35(5) for both", () => {
    expect(basesFor("stop_use")).toEqual(["none", "a35_1", "a35_5"]);
    expect(basesFor("stop_provision")).toEqual(["none", "a35_3", "a35_5"]);
    expect(basesFor("disclosure")).toEqual([]);
  });

  it("施行令 第5条 and non-existence are an outcome of their own, not offered for the provision records", () => {
    for (const k of DSR_KINDS) for (const g of NOT_RETAINED_GROUNDS) expect(groundsFor(k)).not.toContain(g);
    expect(outcomesFor("disclosure")).toContain("not_retained");
    expect(outcomesFor("provision_records")).not.toContain("not_retained");
    expect(ja.groundLabel("c5_1")).toBe("施行令 第5条第1号");
  });

  it("every ground has its text and citation in Japanese and English", () => {
    for (const g of [...REFUSAL_GROUNDS, ...NOT_RETAINED_GROUNDS]) {
      for (const t of [ja, en]) {
        expect(t.ground[g]?.length, g).toBeGreaterThan(5);
        expect(t.groundLabel(g), g).not.toBe(g);
      }
    }
  });
});

describe("the notice to the person", () => {
  const n = (
    kind: (typeof DSR_KINDS)[number],
    outcome: "done" | "partly" | "not_done" | "not_retained",
    o: { basis?: "none" | "a35_1" | "a35_3" | "a35_5"; methodChanged?: boolean } = {},
  ) => noticeBasis({ kind, outcome, statutoryBasis: o.basis ?? null, methodChanged: o.methodChanged ?? false });

  it("cites the provision of the kind and outcome", () => {
    expect(n("disclosure", "done")).toBe("a33_2");
    expect(n("disclosure", "partly")).toBe("a33_3");
    expect(n("disclosure", "not_retained")).toBe("a33_3");
    expect(n("disclosure", "done", { methodChanged: true })).toBe("a33_3");
    expect(n("provision_records", "not_done")).toBe("a33_5");
    expect(n("correction", "done")).toBe("a34_3");
    expect(n("correction", "not_done")).toBe("a34_3");
    expect(n("purpose_notice", "done")).toBe("a32_2");
    expect(n("purpose_notice", "not_done")).toBe("a32_3");
  });

  it("D1: Art.35(7) only where an Art.35 condition was invoked; otherwise the company's own promise (seeds §5(3))", () => {
    expect(n("stop_use", "not_done", { basis: "a35_5" })).toBe("a35_7");
    expect(n("stop_provision", "done", { basis: "a35_3" })).toBe("a35_7");
    expect(n("stop_use", "not_done", { basis: "none" })).toBe("company");
    expect(ja.noticeBasis.company).toContain("基本方針 5.(3)");
    expect(ja.reasonsRule(false)).toContain("第36条");
  });

  it("reasons are to be explained (Art.36) for what is not done, and for a written copy instead of the method asked for", () => {
    const row = { kind: "disclosure", statutoryBasis: null, disclosureMethod: "electronic" };
    expect(reasonsDue({ ...row, outcome: "done", methodUsed: "electronic" })).toBe(false);
    expect(reasonsDue({ ...row, outcome: "done", methodUsed: "written" })).toBe(true);
    expect(reasonsDue({ ...row, outcome: "partly", methodUsed: "electronic" })).toBe(true);
    expect(reasonsDue({ ...row, outcome: "not_retained", methodUsed: null })).toBe(true);
  });

  it("is recorded only once the outcome is settled", () => {
    expect(noticeGate("decided")).toBeNull();
    for (const s of ["open", "verified", "awaiting_approval"] as const) expect(noticeGate(s)).toBe("not_decided");
    for (const s of ["answered", "withdrawn"] as const) expect(noticeGate(s)).toBe("closed");
  });
});

describe("method and fee", () => {
  it("Art.33(1)-(2): the method asked for, or a written copy", () => {
    expect(methodAllowed("electronic", "electronic")).toBe(true);
    expect(methodAllowed("electronic", "written")).toBe(true);
    expect(methodAllowed("electronic", "other")).toBe(false);
    expect(takesDisclosureMethod("disclosure") && takesDisclosureMethod("provision_records")).toBe(true);
    expect(takesDisclosureMethod("correction")).toBe(false);
  });

  it("Art.38(1): a fee only for a purpose notification and a disclosure", () => {
    expect(DSR_KINDS.filter(mayChargeFee)).toEqual(["disclosure", "purpose_notice", "provision_records"]);
  });
});
