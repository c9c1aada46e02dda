// The report tracks of a telecom carrier without Slack or a database (issue 13): the company
// profile in the settings, who receives each report, the 通信の秘密 track (電気通信事業法
// 第28条 / 同法施行規則 第57条) whatever 施行規則 第7条 says, the My Number and 特定利用者情報
// tracks marked 要確認, the 認定個人情報保護団体 as an extra recipient only, the 速報 period
// capped at 5 days, and the 第28条 report draft's items.
import { describe, expect, it } from "vitest";
import { checklistFor, deadlines, secrecyTrack, type Assessment } from "../../src/incidents/rules.js";
import { reportTracks, personalDataRecipient, type TrackProfile } from "../../src/incidents/tracks.js";
import { deadlineLabelFor, recipientName, taskLabelFor, trackLines } from "../../src/incidents/trackMessages.js";
import { missingSecrecyItems, secrecyReportMarkdown } from "../../src/incidents/report/secrecy.js";
import { parseSettings, type SettingsError } from "../../src/settings.js";
import type { IncidentRecord } from "../../src/incidents/report/regulator.js";

// 2026-04-01 10:00 JST
const discoveredAt = new Date("2026-04-01T01:00:00Z");
const endOf = (day: string) => new Date(`${day}T23:59:59.999+09:00`);

const carrier: TrackProfile = { telecomCarrier: true, bureau: "kanto", accreditedBody: null };
const plainCompany: TrackProfile = { telecomCarrier: false, bureau: null, accreditedBody: null };
const assess = (over: Partial<Assessment> = {}): Assessment => ({
  sensitive: false,
  financialLoss: false,
  malicious: false,
  affectedCount: 10,
  stronglyEncrypted: false,
  asProcessor: false,
  telecom: true,
  secrecy: "no",
  myNumber: "no",
  specifiedUserInfo: "no",
  ...over,
});
const applies = (a: Assessment) =>
  checklistFor(a)
    .filter((d) => d.applies)
    .map((d) => d.key);
const why = (a: Assessment) => Object.fromEntries(checklistFor(a).map((d) => [d.key, d.notApplicableBecause]));

function problems(text: string) {
  try {
    parseSettings(text, "settings.yml");
  } catch (e) {
    return (e as SettingsError).problems.map((p) => p.message);
  }
  return [];
}

describe("the company profile (settings company:)", () => {
  it("is a telecom carrier by default; the bureau, number and name come from the file", () => {
    expect(parseSettings("").company).toEqual({
      telecomCarrier: true,
      bureau: null,
      name: null,
      registrationNumber: null,
      designatedCarrier: false,
      accreditedBody: null,
    });
    const s = parseSettings(
      'company: { bureau: kanto, name: 株式会社テスト通信, registrationNumber: "第123号", designatedCarrier: true, accreditedBody: 一般財団法人テスト協会 }\n',
    );
    expect(s.company).toMatchObject({ telecomCarrier: true, bureau: "kanto", registrationNumber: "第123号", designatedCarrier: true });
    expect(s.incidents.telecom).toBe(true);
    // a non-carrier keeps the PPC path; the old incidents.telecom says the same
    expect(parseSettings("company: { telecomCarrier: false }\n").incidents.telecom).toBe(false);
    expect(parseSettings("incidents: { telecom: false }\n").company.telecomCarrier).toBe(false);
  });

  it("refuses an unknown bureau, and the two switches disagreeing", () => {
    expect(problems("company: { bureau: tokyo }\n")[0]).toContain("company.bureau: use one of hokkaido, tohoku, kanto");
    expect(problems("company: { telecomCarrier: true }\nincidents: { telecom: false }\n")[0]).toContain("disagrees with company.telecomCarrier");
  });

  it("the 速報 period cannot exceed 5 days (速やかに; PPC guidance about 3-5 days); the 第一報 not 3", () => {
    expect(parseSettings("incidents: { preliminaryDays: 5 }\n").incidents.preliminaryDays).toBe(5);
    const p = problems("incidents: { preliminaryDays: 6 }\n");
    expect(p).toHaveLength(1);
    expect(p[0]).toContain("incidents.preliminaryDays: must be 5 or fewer");
    expect(p[0]).toContain("速やかに");
    expect(problems("incidents: { secrecyFirstReportDays: 4 }\n")[0]).toContain("incidents.secrecyFirstReportDays: must be 3 or fewer");
  });
});

describe("who receives the personal-data 速報 and 確報 (APPI Art.26(1), Art.150)", () => {
  it("a carrier: the bureau of its head office's region, named in the tasks and deadlines; anyone else: the PPC", () => {
    expect(recipientName(personalDataRecipient(carrier), "ja")).toBe("関東総合通信局");
    expect(recipientName(personalDataRecipient(carrier), "en")).toBe("Kanto Bureau of Telecommunications");
    expect(recipientName(personalDataRecipient(plainCompany), "ja")).toBe("個人情報保護委員会");
    expect(taskLabelFor("preliminary-report", "ja", carrier)).toBe("関東総合通信局への速報（個人データ）");
    expect(taskLabelFor("final-report", "en", carrier)).toBe("Final report to Kanto Bureau of Telecommunications (personal data)");
    expect(deadlineLabelFor("finalReportDueAt", "ja", carrier)).toBe("確報（関東総合通信局）");
    expect(deadlineLabelFor("preliminaryReportDueAt", "ja", plainCompany)).toBe("速報（個人情報保護委員会）");
    // a carrier whose bureau is not set is told so, never given the PPC
    expect(taskLabelFor("preliminary-report", "ja", { ...carrier, bureau: null })).toContain("総合通信局等（設定 company.bureau が未設定）");
  });

  it("L2 (1,200 customers, carrier): reportable under 第7条4号, 速報 in 3 days and 確報 in 30 to the bureau; the ministry promise stays the company's own task", () => {
    const a = assess({ affectedCount: 1200 });
    const d = deadlines(discoveredAt, a);
    expect(d.preliminaryReportDueAt).toEqual(endOf("2026-04-03"));
    expect(d.finalReportDueAt).toEqual(endOf("2026-04-30"));
    expect(d.ministryReportDueAt).toEqual(endOf("2026-04-01"));
    const tracks = reportTracks(a, carrier);
    expect(tracks.map((t) => t.id)).toEqual(["personal-data", "company-ministry"]);
    expect(tracks[0]).toMatchObject({ recipient: { kind: "bureau", bureau: "kanto" }, tasks: ["preliminary-report", "final-report"], companyRule: false });
    expect(tracks[1]).toMatchObject({ recipient: { kind: "ministry" }, tasks: ["ministry-report"], companyRule: true });
    const lines = trackLines(tracks, d, "ja", "Asia/Tokyo", carrier).join("\n");
    expect(lines).toContain("報告先：関東総合通信局");
    expect(lines).toContain("関東総合通信局への確報（個人データ）：2026/04/30 23:59");
    expect(lines).toContain("当社の方針 §11(1)[3]：当社の約束であり法令上の義務ではない");
  });

  it("a 認定個人情報保護団体 is an extra recipient only: the bureau stays", () => {
    const member = { ...carrier, accreditedBody: "一般財団法人テスト協会" };
    const a = assess({ affectedCount: 1200, accreditedBody: true });
    const tracks = reportTracks(a, member);
    expect(tracks.find((t) => t.id === "personal-data")?.recipient).toEqual({ kind: "bureau", bureau: "kanto" });
    expect(tracks.find((t) => t.id === "accredited-body")?.recipient).toEqual({ kind: "accredited-body", name: "一般財団法人テスト協会" });
    // not where nobody reports (not reportable)
    expect(why(assess({ accreditedBody: true }))["accredited-body-report"]).toBe("not-reportable");
    expect(why(assess())["accredited-body-report"]).toBe("no-accredited-body");
  });
});

describe("secrecy of communications (電気通信事業法 第28条, 同法施行規則 第57条)", () => {
  it("L9 (3 subscribers' e-mail contents): 第一報 promptly (2 days, the company's setting) and 詳報 in 30 days to the Minister; no personal-data report since 第7条 does not apply", () => {
    const a = assess({ secrecy: "yes", affectedCount: 3 });
    const d = deadlines(discoveredAt, a);
    expect(d.secrecyFirstReportDueAt).toEqual(endOf("2026-04-02"));
    expect(d.secrecyDetailedReportDueAt).toEqual(endOf("2026-04-30"));
    expect(d.preliminaryReportDueAt).toBeNull();
    expect(applies(a)).toEqual(expect.arrayContaining(["secrecy-first-report", "secrecy-detailed-report"]));
    expect(why(a)["preliminary-report"]).toBe("not-reportable");
    const tracks = reportTracks(a, carrier);
    expect(tracks.map((t) => t.id)).toEqual(["company-ministry", "secrecy"]);
    expect(recipientName(tracks[1]!.recipient, "ja")).toBe("総務大臣（提出窓口：関東総合通信局）");
    // the 第一報 period is configurable
    expect(deadlines(discoveredAt, a, { secrecyFirstReportDays: 1 }).secrecyFirstReportDueAt).toEqual(endOf("2026-04-01"));
  });

  it("L9 with a 第7条 category too: both tracks, each with its own reports", () => {
    const a = assess({ secrecy: "yes", affectedCount: 3, malicious: true });
    expect(reportTracks(a, carrier).map((t) => t.id)).toEqual(["personal-data", "company-ministry", "secrecy"]);
    const d = deadlines(discoveredAt, a);
    expect(d.finalReportDueAt).toEqual(endOf("2026-05-30")); // 60 days (第8条2項)
    expect(d.secrecyDetailedReportDueAt).toEqual(endOf("2026-04-30")); // 30 days, whatever 第7条 says
  });

  it("applies whatever 第7条 says: strongly encrypted, as a processor; unknown counts as involved; no, or not a carrier: not", () => {
    expect(secrecyTrack(assess({ secrecy: "yes", stronglyEncrypted: true, sensitive: true }))).toBe(true);
    expect(secrecyTrack(assess({ secrecy: "yes", asProcessor: true }))).toBe(true);
    expect(secrecyTrack(assess({ secrecy: "unknown" }))).toBe(true);
    expect(secrecyTrack(assess({ secrecy: "no" }))).toBe(false);
    expect(secrecyTrack(assess({ secrecy: undefined }))).toBe(false);
    expect(why(assess({ secrecy: "yes", telecom: false }))["secrecy-first-report"]).toBe("not-telecom");
    expect(why(assess({ secrecy: "no" }))["secrecy-detailed-report"]).toBe("no-secrecy");
  });
});

describe("My Number and 特定利用者情報: their own tracks, recipient and deadline 要確認", () => {
  it("a My Number leak gets its own report task without a deadline of the bot's own, marked to be checked", () => {
    const a = assess({ myNumber: "yes" });
    expect(applies(a)).toContain("my-number-report");
    const t = reportTracks(a, carrier).find((x) => x.id === "my-number")!;
    expect(t).toMatchObject({ recipient: { kind: "to-check" }, toCheck: true });
    const lines = trackLines([t], deadlines(discoveredAt, a), "ja", "Asia/Tokyo", carrier).join("\n");
    expect(lines).toContain("番号利用法第29条の4");
    expect(lines).toContain("報告先は要確認");
    expect(lines).toContain("報告先・期限は要確認（ボットは定めていません）");
  });

  it("特定利用者情報: only a designated carrier, only when involved", () => {
    expect(why(assess({ specifiedUserInfo: "yes" }))["specified-user-info-report"]).toBe("not-designated");
    expect(applies(assess({ designatedCarrier: true, specifiedUserInfo: "yes" }))).toContain("specified-user-info-report");
    expect(why(assess({ designatedCarrier: true, specifiedUserInfo: "no" }))["specified-user-info-report"]).toBe("no-specified-user-info");
  });
});

describe("the 第28条 report draft", () => {
  const record: IncidentRecord = {
    code: "INC-2026-0007",
    discoveredAt,
    reportedAt: discoveredAt,
    summary: "メールサーバの設定誤りにより3名の利用者のメール本文が他の利用者から閲覧可能になった",
    dataItems: ["メール本文", "送受信日時"],
    affectedCount: 3,
    cause: null,
    secondaryHarm: null,
    responseToPeople: null,
    publication: null,
    recurrencePrevention: null,
    other: null,
    assessment: assess({ secrecy: "yes", affectedCount: 3 }),
  };
  const profile = { name: "株式会社テスト通信", registrationNumber: "第123号", bureau: "kanto" as const };

  it("carries the items of 施行規則 第57条's reports, addressed to the Minister via the bureau", () => {
    const md = secrecyReportMarkdown(record, "first", profile, "ja", { timeZone: "Asia/Tokyo" });
    expect(md).toContain("# 通信の秘密の漏えいに関する報告（第一報）草案");
    expect(md).toContain("電気通信事業法第28条、同法施行規則第57条");
    expect(md).toContain("報告先: 総務大臣（提出窓口：関東総合通信局）");
    expect(md).toContain("報告期限: 2026/04/02 23:59（当社の設定による期限。法令は「速やかに」とのみ定める）");
    for (const heading of [
      "1. 法人名",
      "2. 登録番号又は届出番号",
      "3. 概要",
      "4. 発生日時",
      "5. 発覚日時",
      "6. 発覚の経緯",
      "7. 漏えいした通信の秘密の内容",
      "8. 影響を受けた人数",
      "9. 原因",
      "10. 二次被害",
      "11. 公表の実施状況",
      "12. 影響を受けた利用者等への対応",
      "13. 再発防止策",
    ])
      expect(md).toContain(`## ${heading}`);
    expect(md).toContain("株式会社テスト通信");
    expect(md).toContain("第123号");
    expect(md).toContain("3人");
    expect(md).toContain("未確定"); // a 第一報 carries what is known
    const detailed = secrecyReportMarkdown(record, "detailed", profile, "ja", { timeZone: "Asia/Tokyo" });
    expect(detailed).toContain("報告期限: 2026/04/30 23:59");
    expect(detailed).toContain("未記入（詳報では記入が必要です）");
    expect(missingSecrecyItems(record, profile)).toEqual([
      "occurredAt",
      "howFound",
      "cause",
      "secondaryHarm",
      "publication",
      "responseToPeople",
      "recurrencePrevention",
    ]);
    // the day it happened and how it was found: the regulator-form facts of the report (intake)
    const withFacts = { ...record, facts: { occurredOn: "2026-03-30", discoveryMethod: "customer" as const, eventKinds: [], medium: null, partnerName: null } };
    const md2 = secrecyReportMarkdown(withFacts, "detailed", profile, "ja", { timeZone: "Asia/Tokyo" });
    expect(md2).toContain("## 4. 発生日時\n\n2026/03/30");
    expect(md2).toContain("## 6. 発覚の経緯\n\nお客様からの申出");
    expect(missingSecrecyItems(withFacts, profile)).not.toContain("occurredAt");
    expect(missingSecrecyItems(withFacts, profile)).not.toContain("howFound");
  });
});
