// The leak cases of legal-cases.md (the shared docs beside this repository) this branch owns, on the pure rules
// (no Slack, no database): the outcome of 施行規則 第7条 and 第8条, and the tasks the law and
// the company's policies give, in the law's words. The same cases over signed HTTP are in
// intake.test.ts.
import { describe, expect, it } from "vitest";
import { checklistFor, deadlines, reportability, type Assessment, type TaskKey } from "../../src/incidents/rules.js";
import { describeReportability } from "../../src/incidents/messages.js";
import { peopleNoticeMarkdown, missingNoticeItems } from "../../src/incidents/intake/notice.js";
import { factPairs, intakeProblems, NO_FACTS } from "../../src/incidents/intake/facts.js";

// learned of it 2026-04-01 10:00 JST
const learned = new Date("2026-04-01T01:00:00Z");
const endOf = (day: string) => new Date(`${day}T23:59:59.999+09:00`);
const a = (over: Partial<Assessment>): Assessment => ({
  sensitive: false,
  financialLoss: false,
  malicious: false,
  affectedCount: 10,
  stronglyEncrypted: false,
  asProcessor: false,
  ...over,
});
const applies = (x: Assessment) =>
  new Set(
    checklistFor(x)
      .filter((t) => t.applies)
      .map((t) => t.key),
  );
const has = (x: Assessment, ...keys: TaskKey[]) => keys.every((k) => applies(x).has(k));

describe("leaks (legal cases L1-L8, L10)", () => {
  it("L1: 800 customers, no category: not reportable; notice and publication still apply (company policies)", () => {
    const x = a({ affectedCount: 800 });
    expect(reportability(x)).toMatchObject({ reportable: false, undetermined: false });
    expect(describeReportability(reportability(x), "ja")).toBe("報告対象外（第7条の事態に当たらない）");
    expect(has(x, "people-notified", "publication")).toBe(true);
    expect(applies(x).has("preliminary-report")).toBe(false);
    expect(deadlines(learned, x).peopleNoticeDueAt).toEqual(endOf("2026-04-03"));
  });

  it("L2: 1,200 customers: reportable under 第7条4号, 速報 and 確報 (30 days) counted from learning", () => {
    const x = a({ affectedCount: 1200 });
    expect(reportability(x)).toMatchObject({ reportable: true, reasons: ["over-1000"], reportedBy: "company" });
    expect(deadlines(learned, x)).toMatchObject({ preliminaryReportDueAt: endOf("2026-04-03"), finalReportDueAt: endOf("2026-04-30") });
    expect(has(x, "people-notified", "preliminary-report", "final-report")).toBe(true);
  });

  it("L3: exactly 1,000 is not reportable (第7条4号 requires more than 1,000)", () => {
    expect(reportability(a({ affectedCount: 1000 }))).toMatchObject({ reportable: false, reasons: [] });
  });

  it("L4 and L5: unauthorized intent (第7条3号, including personal information being acquired): reportable, 確報 in 60 days", () => {
    const x = a({ malicious: true });
    expect(reportability(x)).toMatchObject({ reportable: true, reasons: ["malicious"] });
    expect(deadlines(learned, x).finalReportDueAt).toEqual(endOf("2026-05-30"));
    expect(describeReportability(reportability(x), "ja")).toContain("不正の目的をもって行われたおそれがある漏えい等（第7条3号）");
  });

  it("L6: card numbers of 5 customers: reportable under 第7条2号", () => {
    expect(reportability(a({ financialLoss: true, affectedCount: 5 }))).toMatchObject({ reportable: true, reasons: ["financial-loss"] });
  });

  it("L7: strongly encrypted, key safe: not reportable; the notice is still a task (company policy)", () => {
    const x = a({ financialLoss: true, affectedCount: 3000, stronglyEncrypted: true });
    expect(reportability(x)).toMatchObject({ reportable: false, reasons: ["financial-loss", "over-1000", "encrypted"], undetermined: false });
    expect(has(x, "people-notified")).toBe(true);
  });

  it("L8: may exceed 1,000 (発生したおそれ): reportable; unknown is undetermined, never 'not reportable'", () => {
    expect(reportability(a({ affectedCount: null, mayExceedThousand: true }))).toMatchObject({ reportable: true, reasons: ["over-1000"] });
    expect(reportability(a({ affectedCount: 600, mayExceedThousand: true }))).toMatchObject({ reportable: true, reasons: ["over-1000"] });
    const unknown = a({ affectedCount: null });
    expect(reportability(unknown)).toMatchObject({ reportable: false, undetermined: true });
    expect(describeReportability(reportability(unknown), "ja")).toMatch(/^要判断/);
    expect(describeReportability(reportability(unknown), "en")).toMatch(/^undetermined/);
    expect(deadlines(learned, unknown).preliminaryReportDueAt).toEqual(endOf("2026-04-03"));
    expect(has(unknown, "preliminary-report", "final-report")).toBe(true);
  });

  it("L10: at a business partner: our deadlines count from when we learned; the partner's two reports are tasks due by the company's settings", () => {
    const x = a({ atPartner: true, sensitive: true });
    const d = deadlines(learned, x, { partnerInvestigationDays: 5, partnerRecurrenceDays: 20 });
    expect(d.preliminaryReportDueAt).toEqual(endOf("2026-04-03"));
    expect(d.partnerInvestigationDueAt).toEqual(endOf("2026-04-05"));
    expect(d.partnerRecurrenceDueAt).toEqual(endOf("2026-04-20"));
    expect(has(x, "partner-investigation", "partner-recurrence")).toBe(true);
    // not our duty as a processor: no client to tell
    expect(applies(x).has("client-told")).toBe(false);
    // the company's own 第7条 assessment decides the regulator report
    expect(applies(a({ atPartner: true })).has("preliminary-report")).toBe(false);
  });
});

describe("the notice to the people affected (施行規則 第10条)", () => {
  const record = {
    code: "INC-2026-0001",
    discoveredAt: learned,
    reportedAt: learned,
    summary: "誤送信",
    dataItems: ["氏名", "メールアドレス"],
    affectedCount: 800,
    cause: null,
    secondaryHarm: "なし",
    responseToPeople: null,
    publication: null,
    recurrencePrevention: null,
    other: null,
    assessment: a({ affectedCount: 800 }),
    facts: { ...NO_FACTS, occurredOn: "2026-03-30" },
  };
  it("carries items 1, 2, 4, 5 and 9 of 第8条1項, never the number of people, and the substitutes where notice is difficult", () => {
    const md = peopleNoticeMarkdown(record, "ja");
    expect(md).toContain("施行規則 第10条（第8条1項1号・2号・4号・5号・9号）");
    expect(md).toContain("発生日：2026/03/30");
    expect(md).not.toContain("本人の数");
    expect(md).toContain("法第26条2項ただし書");
    expect(missingNoticeItems(record)).toEqual(["cause", "other"]);
    expect(peopleNoticeMarkdown(record, "en")).toContain("Enforcement Rules Art.10");
  });

  it("unknown facts say so", () => {
    expect(factPairs(NO_FACTS, "ja").map(([, v]) => v)).toEqual(["未確認", "未確認", "未確認", "未確認"]);
  });
});

describe("the report draft of an undetermined incident", () => {
  it("says 要判断, not 'not reportable'", async () => {
    const { regulatorReportMarkdown } = await import("../../src/incidents/report/regulator.js");
    const md = regulatorReportMarkdown(
      {
        code: "INC-2026-0002",
        discoveredAt: learned,
        reportedAt: learned,
        summary: "x",
        dataItems: [],
        affectedCount: null,
        cause: null,
        secondaryHarm: null,
        responseToPeople: null,
        publication: null,
        recurrencePrevention: null,
        other: null,
        assessment: a({ affectedCount: null }),
      },
      "preliminary",
    );
    expect(md).toContain("要判断");
    expect(md).not.toContain("報告対象事態に当たらないと評価");
    expect(md).toContain("報告期限: 2026/04/03 23:59");
  });
});

describe("the partner's name", () => {
  it("is required at a partner, refused otherwise, and never a person's contact details", () => {
    expect(intakeProblems({ where: "partner" }, "2026-04-01", "ja").map(([b]) => b)).toEqual(["partnerName"]);
    expect(intakeProblems({ where: "own", partnerName: "株式会社A" }, "2026-04-01", "ja").map(([b]) => b)).toEqual(["partnerName"]);
    expect(intakeProblems({ where: "partner", partnerName: "株式会社A" }, "2026-04-01", "ja")).toEqual([]);
    expect(intakeProblems({ where: "partner", partnerName: "担当 taro@example.com" }, "2026-04-01", "ja")[0]?.[1]).toContain("会社名だけ");
  });
});
