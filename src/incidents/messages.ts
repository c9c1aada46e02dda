// What the incidents feature says (Japanese, English): statuses, the 第7条 categories and
// the reasons of the reportability decision, tasks, deadlines, the reassessment lines of
// the timeline, escalation and reminder stages, and the headings of the regulator report.
import { catalogue, formatDateTime, type Lang } from "../platform/i18n.js";
import type {
  TimeLeft,
  AssessmentField,
  DeadlineChange,
  DeadlineKey,
  IncidentStatus,
  NotApplicableCode,
  ReasonCode,
  Reassessment,
  Reportability,
  TaskKey,
} from "./rules.js";

/** The nine items of the 速報 and the 確報 (施行規則 第8条1項1-9号), in order. */
export const REPORT_ITEMS = [
  "summary",
  "dataItems",
  "affectedCount",
  "cause",
  "secondaryHarm",
  "responseToPeople",
  "publication",
  "recurrencePrevention",
  "other",
] as const;
export type ReportItem = (typeof REPORT_ITEMS)[number];

const ja = {
  status: {
    open: "受付",
    triaged: "評価済み",
    contained: "封じ込め済み",
    reported_preliminary: "速報済み",
    reported_final: "確報済み",
    closed: "終了",
  } satisfies Record<IncidentStatus, string>,
  /** the 第7条 categories and the other reasons of the decision */
  reason: {
    sensitive: "要配慮個人情報の漏えい等（施行規則第7条1号）",
    "financial-loss": "財産的被害が生じるおそれがある漏えい等（第7条2号）",
    malicious: "不正の目的をもって行われたおそれがある漏えい等（第7条3号）",
    "over-1000": "本人の数が1,000人を超える漏えい等（第7条4号）",
    encrypted: "高度な暗号化等の措置が講じられているため報告対象外",
    processor: "当社は委託先のため、委託元への通知により報告義務を果たす（法第26条1項ただし書）",
  } satisfies Record<ReasonCode, string>,
  tasks: {
    containment: "封じ込め（被害の拡大防止）",
    "cause-found": "原因の特定",
    "damage-assessed": "被害状況の把握",
    "client-told": "委託元への報告",
    "ministry-report": "総務省への報告（当社の方針 §11(1)[3]「直ちに」：当社の約束）",
    "preliminary-report": "個人情報保護委員会への速報",
    "people-notified":
      "本人への通知（当社の基本方針：全ての漏えい〔002 §7(1)[1]・004 §11(1)[1]〕。報告対象事態では法第26条2項。通知が困難な場合は代替措置：公表又は問合せ窓口）",
    publication: "公表（当社の基本方針：全ての漏えい〔002 §7(1)[2]・004 §11(1)[2]〕。例外は002 §7(2)・004 §11(2)）",
    "final-report": "個人情報保護委員会への確報",
    "recurrence-prevention": "再発防止策の策定・実施",
    "complaints-handled": "第三者からの苦情・請求等への対応",
    "secrecy-first-report": "通信の秘密の漏えい：総務大臣への第一報（電気通信事業法第28条）",
    "secrecy-detailed-report": "通信の秘密の漏えい：総務大臣への詳報（電気通信事業法施行規則第57条）",
    "my-number-report": "特定個人情報の漏えい等の報告（番号利用法第29条の4。報告先・期限は要確認）",
    "specified-user-info-report": "特定利用者情報の漏えい等の報告（指定を受けた電気通信事業者。報告先・期限は要確認）",
    "accredited-body-report": "認定個人情報保護団体への報告（団体の規程が求める場合の追加の報告先）",
    "partner-investigation": "ビジネスパートナーからの調査結果・対処状況の報告（パートナー細則 第9条1項。期限は当社の設定）",
    "partner-recurrence": "ビジネスパートナーからの再発防止策の報告（パートナー細則 第9条2項。期限は当社の設定）",
  } satisfies Record<TaskKey, string>,
  notApplicable: {
    "not-processor": "委託を受けて取り扱うデータではないため不要",
    "not-telecom": "電気通信事業者ではないため不要",
    "not-reportable": "報告対象事態に当たらないため不要",
    encrypted: "高度な暗号化等により報告対象外のため不要",
    "reported-by-client": "委託元が対応するため不要（当社は委託元へ報告）",
    "no-secrecy": "通信の秘密に該当しないと評価したため不要",
    "no-my-number": "特定個人情報（マイナンバー）を含まないと評価したため不要",
    "not-designated": "特定利用者情報の指定を受けた電気通信事業者ではないため不要",
    "no-specified-user-info": "特定利用者情報を含まないと評価したため不要",
    "no-accredited-body": "認定個人情報保護団体の対象事業者ではないため不要",
    "not-partner": "ビジネスパートナーでの事故ではないため不要",
  } satisfies Record<NotApplicableCode, string>,
  deadline: {
    preliminaryReportDueAt: "速報",
    finalReportDueAt: "確報",
    peopleNoticeDueAt: "本人への通知",
    clientToldDueAt: "委託元への報告",
    ministryReportDueAt: "総務省への報告（当社の方針）",
    secrecyFirstReportDueAt: "通信の秘密の第一報",
    secrecyDetailedReportDueAt: "通信の秘密の詳報",
    partnerInvestigationDueAt: "パートナーの調査報告（当社の設定）",
    partnerRecurrenceDueAt: "パートナーの再発防止策の報告（当社の設定）",
  } satisfies Record<DeadlineKey, string>,
  field: {
    sensitive: "要配慮個人情報",
    financialLoss: "財産的被害のおそれ",
    malicious: "不正の目的のおそれ",
    affectedCount: "本人の数",
    stronglyEncrypted: "高度な暗号化",
    asProcessor: "委託先として取扱い",
    telecom: "電気通信事業者",
    secrecy: "通信の秘密",
    myNumber: "特定個人情報（マイナンバー）",
    specifiedUserInfo: "特定利用者情報",
    designatedCarrier: "特定利用者情報の指定事業者",
    accreditedBody: "認定個人情報保護団体の対象事業者",
    mayExceedThousand: "1,000人を超えるおそれ",
    atPartner: "ビジネスパートナーでの発生",
  } satisfies Record<AssessmentField, string>,
  yes: "あり",
  no: "なし",
  people: (n: number) => `${n.toLocaleString("en-US")}人`,
  unknown: "不明",
  tri: { yes: "該当", no: "非該当", unknown: "不明（該当として扱う）" } as Record<string, string>,
  // ---- reportability
  reportability: (r: Reportability, reasons: string[]) =>
    r.undetermined
      ? "要判断（本人の数が未確定。1,000人を超えるおそれがあれば第7条4号により報告対象。確定するまで速報・確報の期限を維持します）"
      : r.reportedBy === "company"
        ? `報告対象（${reasons.join("、")}）`
        : r.reportedBy === "client"
          ? `報告対象・委託元が報告（${reasons.join("、")}）`
          : r.reportable
            ? "報告対象"
            : reasons.length
              ? `報告対象外（${reasons.join("、")}）`
              : "報告対象外（第7条の事態に当たらない）",
  countUnknown: "本人の数が未確定です。1,000人を超えるおそれがあれば報告対象です（第7条4号）。",
  // ---- reassessment (timeline)
  fieldChanged: (field: string, from: string, to: string) => `${field}：${from} → ${to}`,
  reportabilityChanged: (from: string, to: string) => `報告の要否：${from} → ${to}`,
  deadlineAdded: (deadline: string, to: string, why: string) => `${deadline}の期限を設定：${to}（${why}）`,
  deadlineRemoved: (deadline: string, from: string, why: string) => `${deadline}の期限（${from}）は不要になりました（${why}）`,
  deadlineMoved: (deadline: string, from: string, to: string, why: string) => `${deadline}の期限：${from} → ${to}（${why}）`,
  periodChanged: (from: number, to: number) => `${from}日以内 → ${to}日以内`,
  because: (fields: string[]) => `${fields.join("・")}の変更による`,
  // ---- escalation and reminders
  escalation: { "30m": "30分以内に確認がないため上申", "2h": "2時間以内に確認がないため再上申" },
  /** how long is left: あと2日, あと1日5時間, あと5時間; 1日超過, 5時間超過 */
  timeLeft: (t: TimeLeft) => {
    if (t.overdue) return t.days > 0 ? `${t.days}日超過` : t.hours > 0 ? `${t.hours}時間超過` : "超過（1時間未満）";
    if (t.days >= 2) return `あと${t.days}日`;
    if (t.days === 1) return t.hours > 0 ? `あと1日${t.hours}時間` : "あと1日";
    return t.hours > 0 ? `あと${t.hours}時間` : "あと1時間未満";
  },
  /** a reminder's line: how long is actually left when it is sent */
  reminderLeft: (t: TimeLeft, text: string) => (t.overdue ? `期限を${text}` : `期限まで${text}`),
  // ---- the regulator report
  report: {
    title: (kind: "preliminary" | "final") => `個人データの漏えい等に関する報告（${kind === "preliminary" ? "速報" : "確報"}）草案`,
    basis: (kind: "preliminary" | "final"): string =>
      kind === "preliminary"
        ? "個人情報の保護に関する法律第26条1項、施行規則第8条1項（報告時点で把握している事項）"
        : "個人情報の保護に関する法律第26条1項、施行規則第8条2項",
    code: "事案番号",
    to: "報告先",
    discoveredAt: "事態を知った日時",
    reportedAt: "社内で報告を受けた日時",
    categories: "報告対象事態の区分",
    noCategory: "該当なし",
    due: "報告期限",
    item: {
      summary: "概要",
      dataItems: "漏えい等が発生し又は発生したおそれがある個人データの項目",
      affectedCount: "本人の数",
      cause: "原因",
      secondaryHarm: "二次被害又はそのおそれの有無及びその内容",
      responseToPeople: "本人への対応の実施状況",
      publication: "公表の実施状況",
      recurrencePrevention: "再発防止のための措置",
      other: "その他参考となる事項",
    } satisfies Record<ReportItem, string>,
    notYetKnown: "未確定",
    missing: "未記入（確報では記入が必要です）",
    processorNote:
      "当社は本件個人データの取扱いの委託を受けた者（委託先）です。委託元への通知により当社の報告義務は免除されます（法第26条1項ただし書）。本書は委託元への報告に用いる草案です。",
    notReportableNote: "本件は施行規則第7条の報告対象事態に当たらないと評価しています（任意の報告）。",
    undeterminedNote:
      "本人の数が未確定のため、報告対象事態に当たるかは要判断です（1,000人を超えるおそれがあれば第7条4号）。第7条は発生したおそれがある事態も対象とするため、期限内の報告を前提に準備しています。",
    encryptedNote: "漏えい等した個人データには高度な暗号化等の措置が講じられていると評価しています。",
  },
};

const en: typeof ja = {
  status: {
    open: "Open",
    triaged: "Triaged",
    contained: "Contained",
    reported_preliminary: "Preliminary report filed",
    reported_final: "Final report filed",
    closed: "Closed",
  },
  reason: {
    sensitive: "sensitive personal information (Enforcement Rules Art.7(1))",
    "financial-loss": "possible financial loss (Art.7(2))",
    malicious: "possibly caused with unauthorized intent (Art.7(3))",
    "over-1000": "more than 1,000 people (Art.7(4))",
    encrypted: "excluded: the data was strongly encrypted",
    processor: "we are the processor: telling the entrusting client discharges our duty (APPI Art.26(1) proviso)",
  },
  tasks: {
    containment: "Containment",
    "cause-found": "Cause found",
    "damage-assessed": "Damage assessed",
    "client-told": "Report to the client",
    "ministry-report": 'Report to the ministry (MIC) (our policy §11(1)[3], "at once": the company\'s own promise)',
    "preliminary-report": "Preliminary report to the PPC",
    "people-notified":
      "Notice to the people affected (company policy: every leak [002 §7(1)[1], 004 §11(1)[1]]; APPI Art.26(2) when reportable; where notice is difficult, a substitute: publication or an inquiry desk)",
    publication: "Publication (company policy: every leak [002 §7(1)[2], 004 §11(1)[2]]; exceptions in 002 §7(2), 004 §11(2))",
    "final-report": "Final report to the PPC",
    "recurrence-prevention": "Recurrence prevention",
    "complaints-handled": "Third-party complaints handled",
    "secrecy-first-report": "Secrecy of communications: first report to the Minister (Telecommunications Business Act Art.28)",
    "secrecy-detailed-report": "Secrecy of communications: detailed report to the Minister (TBA Enforcement Rules Art.57)",
    "my-number-report": "Report of a My Number leak (My Number Act Art.29-4; recipient and deadline to be checked)",
    "specified-user-info-report": "Report of a leak of specified user information (designated carrier; recipient and deadline to be checked)",
    "accredited-body-report": "Report to the accredited personal information protection organization (an extra recipient where its rules ask)",
    "partner-investigation": "The business partner's report of its investigation and response (partner rules Art.9(1); due date: a company setting)",
    "partner-recurrence": "The business partner's report of its recurrence measures (partner rules Art.9(2); due date: a company setting)",
  },
  notApplicable: {
    "not-processor": "not needed: we do not hold this data for a client",
    "not-telecom": "not needed: not a telecom operator",
    "not-reportable": "not needed: not a reportable incident",
    encrypted: "not needed: excluded as strongly encrypted",
    "reported-by-client": "not needed: the client handles it (we tell the client)",
    "no-secrecy": "not needed: assessed as not involving secrecy of communications",
    "no-my-number": "not needed: assessed as not involving My Number data",
    "not-designated": "not needed: not a carrier designated for specified user information",
    "no-specified-user-info": "not needed: assessed as not involving specified user information",
    "no-accredited-body": "not needed: not a member of an accredited organization",
    "not-partner": "not needed: it did not happen at a business partner",
  },
  deadline: {
    preliminaryReportDueAt: "Preliminary report",
    finalReportDueAt: "Final report",
    peopleNoticeDueAt: "Notice to the people affected",
    clientToldDueAt: "Report to the client",
    ministryReportDueAt: "Report to the ministry (our policy)",
    secrecyFirstReportDueAt: "Secrecy of communications: first report",
    secrecyDetailedReportDueAt: "Secrecy of communications: detailed report",
    partnerInvestigationDueAt: "Partner's investigation report (company setting)",
    partnerRecurrenceDueAt: "Partner's recurrence-measures report (company setting)",
  },
  field: {
    sensitive: "Sensitive data",
    financialLoss: "Possible financial loss",
    malicious: "Possibly malicious",
    affectedCount: "People affected",
    stronglyEncrypted: "Strongly encrypted",
    asProcessor: "Held as a processor",
    telecom: "Telecom operator",
    secrecy: "Secrecy of communications",
    myNumber: "My Number data",
    specifiedUserInfo: "Specified user information",
    designatedCarrier: "Designated carrier",
    accreditedBody: "Member of an accredited organization",
    mayExceedThousand: "May exceed 1,000 people",
    atPartner: "At a business partner",
  },
  yes: "yes",
  no: "no",
  people: (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`,
  unknown: "unknown",
  tri: { yes: "involved", no: "not involved", unknown: "unknown (treated as involved)" },
  reportability: (r: Reportability, reasons: string[]) =>
    r.undetermined
      ? "undetermined (the number of people is not known yet; if it may exceed 1,000 it is reportable under Art.7(4); the preliminary and final report deadlines stay until it is settled)"
      : r.reportedBy === "company"
        ? `reportable (${reasons.join("; ")})`
        : r.reportedBy === "client"
          ? `reportable by the client (${reasons.join("; ")})`
          : r.reportable
            ? "reportable"
            : reasons.length
              ? `not reportable (${reasons.join("; ")})`
              : "not reportable (no Art.7 category applies)",
  countUnknown: "The number of people is not yet known; if it may exceed 1,000 the incident is reportable (Art.7(4)).",
  fieldChanged: (field: string, from: string, to: string) => `${field}: ${from} → ${to}`,
  reportabilityChanged: (from: string, to: string) => `Reportability: ${from} → ${to}`,
  deadlineAdded: (deadline: string, to: string, why: string) => `${deadline} now due ${to} (${why})`,
  deadlineRemoved: (deadline: string, from: string, why: string) => `${deadline} (was due ${from}) no longer needed (${why})`,
  deadlineMoved: (deadline: string, from: string, to: string, why: string) => `${deadline} due: ${from} → ${to} (${why})`,
  periodChanged: (from: number, to: number) => `within ${from} days → within ${to} days`,
  because: (fields: string[]) => `because of: ${fields.join(", ")}`,
  escalation: { "30m": "not acknowledged within 30 minutes: escalated", "2h": "not acknowledged within 2 hours: escalated again" },
  timeLeft: (t: TimeLeft) => {
    const d = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
    const h = (n: number) => `${n} ${n === 1 ? "hour" : "hours"}`;
    if (t.overdue) return t.days > 0 ? `${d(t.days)} overdue` : t.hours > 0 ? `${h(t.hours)} overdue` : "overdue (under an hour)";
    if (t.days >= 2) return `${d(t.days)} left`;
    if (t.days === 1) return t.hours > 0 ? `1 day ${h(t.hours)} left` : "1 day left";
    return t.hours > 0 ? `${h(t.hours)} left` : "under an hour left";
  },
  reminderLeft: (_t: TimeLeft, text: string) => text,
  report: {
    title: (kind: "preliminary" | "final") => `Report of a personal data breach (${kind === "preliminary" ? "preliminary" : "final"}): draft`,
    basis: (kind: "preliminary" | "final"): string =>
      kind === "preliminary"
        ? "APPI Art.26(1); Enforcement Rules Art.8(1) (what is known at the time of the report)"
        : "APPI Art.26(1); Enforcement Rules Art.8(2)",
    code: "Incident",
    to: "To",
    discoveredAt: "Learned of it at",
    reportedAt: "Reported internally at",
    categories: "Reportable categories",
    noCategory: "none",
    due: "Due",
    item: {
      summary: "Summary",
      dataItems: "Items of personal data leaked or possibly leaked",
      affectedCount: "Number of people",
      cause: "Cause",
      secondaryHarm: "Secondary harm, or the risk of it, and what it is",
      responseToPeople: "Response to the people affected",
      publication: "Publication",
      recurrencePrevention: "Recurrence prevention",
      other: "Other relevant matters",
    },
    notYetKnown: "not yet known",
    missing: "missing (required in the final report)",
    processorNote:
      "We handle this personal data as a processor for a client; telling the client discharges our duty to report (APPI Art.26(1) proviso). This draft is for the report to the client.",
    notReportableNote: "We assess this incident as not reportable under Enforcement Rules Art.7 (a voluntary report).",
    undeterminedNote:
      "The number of people is not known yet, so whether this is reportable is undetermined (Art.7(4) if it may exceed 1,000). Art.7 covers what may have happened, so this draft is prepared for the deadline.",
    encryptedNote: "We assess the personal data concerned as strongly encrypted.",
  },
};

export const incidentMessages = catalogue(ja, en);
export type IncidentMessages = typeof ja;

/** A deadline for people: 2026/04/30 23:59, or "—" when none. */
/** A status in `lang`, as the channel and the modals name it. */
export const statusName = (st: IncidentStatus, lang: Lang) => incidentMessages(lang).status[st] ?? st;

export function formatDue(d: Date | null, lang: Lang, timeZone: string): string {
  return d ? formatDateTime(d, lang, timeZone) : "—";
}

/** An answer of the assessment for people: あり/なし, 1,200人, 不明. */
function answer(m: IncidentMessages, value: boolean | number | string | null): string {
  if (typeof value === "boolean") return value ? m.yes : m.no;
  if (typeof value === "string") return m.tri[value] ?? value;
  return value === null ? m.unknown : m.people(value);
}

/** The reportability decision in a sentence. */
export function describeReportability(r: Reportability, lang: Lang): string {
  const m = incidentMessages(lang);
  return m.reportability(
    r,
    r.reasons.map((c) => m.reason[c]),
  );
}

function why(m: IncidentMessages, c: DeadlineChange, l: Lang): string {
  const parts: string[] = [];
  if (c.days && c.days.from !== c.days.to) parts.push(m.periodChanged(c.days.from, c.days.to));
  if (c.because.length) parts.push(m.because(c.because.map((f) => m.field[f])));
  return parts.join(l === "ja" ? "、" : "; ");
}

/** The timeline lines of a reassessment: the changed answers, the decision, then each deadline that changed. */
export function reassessmentLines(
  r: Pick<Reassessment, "before" | "after" | "assessmentChanges" | "changes">,
  l: Lang,
  timeZone: string,
  /** a deadline's name (with its recipient: trackMessages.ts deadlineLabelFor); the catalogue's by default */
  deadlineName: (k: DeadlineKey) => string = (k) => incidentMessages(l).deadline[k],
): string[] {
  const m = incidentMessages(l);
  const lines = r.assessmentChanges.map((c) => m.fieldChanged(m.field[c.field], answer(m, c.from), answer(m, c.to)));
  const before = describeReportability(r.before.reportability, l);
  const after = describeReportability(r.after.reportability, l);
  if (before !== after) lines.push(m.reportabilityChanged(before, after));
  for (const c of r.changes) {
    const d = deadlineName(c.deadline);
    const w = why(m, c, l);
    if (c.kind === "added") lines.push(m.deadlineAdded(d, formatDue(c.to, l, timeZone), w));
    else if (c.kind === "removed") lines.push(m.deadlineRemoved(d, formatDue(c.from, l, timeZone), w));
    else lines.push(m.deadlineMoved(d, formatDue(c.from, l, timeZone), formatDue(c.to, l, timeZone), w));
  }
  return lines;
}
