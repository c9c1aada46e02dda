// The regulator report draft: the nine items of 施行規則 第8条1項 in order, 未確定 for
// what a preliminary report does not know yet, the final report complete or flagged, the
// processor's note; and the labels of the catalogue in both languages.
import { describe, expect, it } from "vitest";
import { describeReportability, incidentMessages, REPORT_ITEMS } from "../../src/incidents/messages.js";
import { missingReportItems, regulatorReportMarkdown, type IncidentRecord } from "../../src/incidents/report/regulator.js";
import { INCIDENT_STATUSES, reportability, TASK_KEYS, type Assessment } from "../../src/incidents/rules.js";

const assessment: Assessment = { sensitive: false, financialLoss: true, malicious: true, affectedCount: 1234, stronglyEncrypted: false, asProcessor: false };

const early: IncidentRecord = {
  code: "INC-2026-0001",
  discoveredAt: new Date("2026-04-01T01:00:00Z"),
  reportedAt: new Date("2026-04-01T01:20:00Z"),
  summary: "ECサイトへの不正アクセスにより、会員情報が流出したおそれがある。",
  dataItems: ["氏名", "メールアドレス", "クレジットカード番号"],
  affectedCount: null,
  cause: null,
  secondaryHarm: "",
  responseToPeople: null,
  publication: null,
  recurrencePrevention: null,
  other: null,
  assessment: { ...assessment, affectedCount: null },
};

const complete: IncidentRecord = {
  ...early,
  affectedCount: 1234,
  cause: "管理画面の脆弱性を突いた不正アクセス",
  secondaryHarm: "不正利用の報告が3件",
  responseToPeople: "2026年4月3日に対象者へメールで通知",
  publication: "2026年4月3日に当社ウェブサイトで公表",
  recurrencePrevention: "脆弱性の修正、WAFの導入、管理画面のIP制限",
  other: "警察に相談済み",
  assessment,
};

const JA_HEADINGS = [
  "## 1. 概要",
  "## 2. 漏えい等が発生し又は発生したおそれがある個人データの項目",
  "## 3. 本人の数",
  "## 4. 原因",
  "## 5. 二次被害又はそのおそれの有無及びその内容",
  "## 6. 本人への対応の実施状況",
  "## 7. 公表の実施状況",
  "## 8. 再発防止のための措置",
  "## 9. その他参考となる事項",
];

/** The text under each heading. */
function sections(md: string): string[] {
  return md
    .split(/^## \d\. .*$/m)
    .slice(1)
    .map((s) => s.trim());
}

describe("regulatorReportMarkdown", () => {
  it("preliminary: the nine items in order, in Japanese, with 未確定 for what is not known yet", () => {
    const md = regulatorReportMarkdown(early, "preliminary", "ja");
    expect(md.startsWith("# 個人データの漏えい等に関する報告（速報）草案\n")).toBe(true);
    let last = -1;
    for (const h of JA_HEADINGS) {
      const i = md.indexOf(`${h}\n`);
      expect(i, h).toBeGreaterThan(last);
      last = i;
    }
    expect(md).toContain("- 事案番号: INC-2026-0001");
    expect(md).toContain("- 事態を知った日時: 2026/04/01 10:00");
    expect(md).toContain("- 社内で報告を受けた日時: 2026/04/01 10:20");
    expect(md).toContain("財産的被害が生じるおそれがある漏えい等（第7条2号）");
    expect(md).toContain("- 報告期限: 2026/04/03 23:59");
    const s = sections(md);
    expect(s).toHaveLength(9);
    expect(s[0]).toBe(early.summary);
    expect(s[1]).toBe("- 氏名\n- メールアドレス\n- クレジットカード番号");
    expect(s.slice(2)).toEqual(Array(7).fill("未確定"));
    expect(md).not.toContain("未記入");
  });

  it("final: every item filled in, the 60-day deadline of a malicious cause", () => {
    const md = regulatorReportMarkdown(complete, "final", "ja");
    expect(md).toContain("（確報）");
    expect(md).toContain("- 報告期限: 2026/05/30 23:59");
    expect(md).not.toContain("未確定");
    expect(sections(md)).toEqual([
      complete.summary,
      "- 氏名\n- メールアドレス\n- クレジットカード番号",
      "1,234人",
      complete.cause,
      complete.secondaryHarm,
      complete.responseToPeople,
      complete.publication,
      complete.recurrencePrevention,
      complete.other,
    ]);
    expect(missingReportItems(complete)).toEqual([]);
  });

  it("final with gaps: flagged as missing, and listed for the flow to ask", () => {
    const md = regulatorReportMarkdown({ ...complete, cause: " ", other: null }, "final", "ja");
    expect(sections(md)[3]).toBe("未記入（確報では記入が必要です）");
    expect(missingReportItems({ ...complete, cause: " ", other: null, dataItems: [""] })).toEqual(["dataItems", "cause", "other"]);
    expect(missingReportItems(early)).toEqual(["affectedCount", "cause", "secondaryHarm", "responseToPeople", "publication", "recurrencePrevention", "other"]);
  });

  it("English for staff: 'not yet known'", () => {
    const md = regulatorReportMarkdown(early, "preliminary", "en");
    expect(md).toContain("## 3. Number of people\n\nnot yet known");
    expect(md).toContain("## 9. Other relevant matters");
  });

  it("a processor's draft says the client reports; a non-reportable one says it is voluntary", () => {
    const p = regulatorReportMarkdown({ ...complete, assessment: { ...assessment, asProcessor: true } }, "final", "ja");
    expect(p).toContain("> 当社は本件個人データの取扱いの委託を受けた者（委託先）です。");
    expect(p).not.toContain("報告期限");
    const n = regulatorReportMarkdown(
      { ...complete, assessment: { ...assessment, financialLoss: false, malicious: false, affectedCount: 5, stronglyEncrypted: false } },
      "preliminary",
      "ja",
    );
    expect(n).toContain("- 報告対象事態の区分: 該当なし");
    expect(n).toContain("任意の報告");
  });
});

describe("messages", () => {
  it("labels every status, task and report item in both languages", () => {
    for (const lang of ["ja", "en"] as const) {
      const m = incidentMessages(lang);
      for (const s of INCIDENT_STATUSES) expect(m.status[s]).toBeTruthy();
      for (const t of TASK_KEYS) expect(m.tasks[t]).toBeTruthy();
      for (const i of REPORT_ITEMS) expect(m.report.item[i]).toBeTruthy();
    }
    expect(incidentMessages("ja").tasks["recurrence-prevention"]).toContain("再発防止策");
  });

  it("describes the decision with its reasons", () => {
    expect(describeReportability(reportability({ ...assessment, asProcessor: true }), "en")).toBe(
      "reportable by the client (possible financial loss (Art.7(2)); possibly caused with unauthorized intent (Art.7(3)); more than 1,000 people (Art.7(4)); we are the processor: telling the entrusting client discharges our duty (APPI Art.26(1) proviso))",
    );
    expect(describeReportability(reportability({ ...assessment, stronglyEncrypted: true }), "ja")).toContain("報告対象外（");
  });
});
