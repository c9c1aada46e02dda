// The words of the 通信の秘密 report draft (電気通信事業法 第28条, 同法施行規則 第57条), Japanese and English.
import { catalogue } from "../../platform/i18n.js";

/** The items of the 第一報 and the 詳報, in order. */
export const SECRECY_ITEMS = [
  "corporateName",
  "registrationNumber",
  "summary",
  "occurredAt",
  "discoveredAt",
  "howFound",
  "whatLeaked",
  "affectedCount",
  "cause",
  "secondaryHarm",
  "publication",
  "responseToPeople",
  "recurrencePrevention",
] as const;
export type SecrecyItem = (typeof SECRECY_ITEMS)[number];

const ja = {
  title: (kind: "first" | "detailed") => `通信の秘密の漏えいに関する報告（${kind === "first" ? "第一報" : "詳報"}）草案`,
  basis: (kind: "first" | "detailed"): string =>
    kind === "first"
      ? "電気通信事業法第28条、同法施行規則第57条（第一報：速やかに。報告時点で把握している事項）"
      : "電気通信事業法第28条、同法施行規則第57条（詳報：事態を知った日から30日以内）",
  to: "報告先",
  minister: (bureau: string | null) => `総務大臣（提出窓口：${bureau ?? "本店所在地を管轄する総合通信局等（設定 company.bureau が未設定）"}）`,
  code: "事案番号",
  due: "報告期限",
  companySetting: "当社の設定による期限。法令は「速やかに」とのみ定める",
  unknownNote: "通信の秘密に該当するかは確認中です（該当として扱っています）。該当しないと確認できた場合は再評価してください。",
  notYetKnown: "未確定",
  missing: "未記入（詳報では記入が必要です）",
  people: (n: number) => `${n.toLocaleString("en-US")}人`,
  item: {
    corporateName: "法人名",
    registrationNumber: "登録番号又は届出番号",
    summary: "概要",
    occurredAt: "発生日時",
    discoveredAt: "発覚日時",
    howFound: "発覚の経緯",
    whatLeaked: "漏えいした通信の秘密の内容",
    affectedCount: "影響を受けた人数",
    cause: "原因",
    secondaryHarm: "二次被害又はそのおそれの有無及びその内容",
    publication: "公表の実施状況",
    responseToPeople: "影響を受けた利用者等への対応",
    recurrencePrevention: "再発防止策",
  } satisfies Record<SecrecyItem, string>,
  usage: "/privacy incident report INC-... secrecy-first|secrecy-detailed — 通信の秘密の報告（電気通信事業法第28条）の草案",
  notInvolved: "この事故は通信の秘密に該当しないと評価されているため、第28条の報告の草案はありません。",
  posted: (code: string, kind: "first" | "detailed") => `${code} の通信の秘密の${kind === "first" ? "第一報" : "詳報"}の草案をスレッドに投稿しました。`,
  fileTitle: (code: string, kind: "first" | "detailed") => `${code} 通信の秘密 ${kind === "first" ? "第一報" : "詳報"} 草案`,
  thread: (code: string, kind: "first" | "detailed", who: string) => `📄 ${code} の通信の秘密の${kind === "first" ? "第一報" : "詳報"}の草案（${who} が作成）`,
  missingItems: (items: string[]) => `詳報に必要な次の項目が未記入です（草案では「未記入」）：\n${items.map((i) => `• ${i}`).join("\n")}`,
};

const en: typeof ja = {
  title: (kind: "first" | "detailed") => `Report of a leak of secrecy of communications (${kind === "first" ? "first report" : "detailed report"}): draft`,
  basis: (kind: "first" | "detailed"): string =>
    kind === "first"
      ? "Telecommunications Business Act Art.28; its Enforcement Rules Art.57 (first report: promptly, with what is known at the time)"
      : "Telecommunications Business Act Art.28; its Enforcement Rules Art.57 (detailed report: within 30 days of learning of it)",
  to: "To",
  minister: (bureau: string | null) =>
    `the Minister of Internal Affairs and Communications (filed with: ${bureau ?? "the regional bureau of the head office (settings company.bureau not set)"})`,
  code: "Incident",
  due: "Due",
  companySetting: 'a deadline set by the company; the law says only "promptly"',
  unknownNote: "Whether secrecy of communications is involved is still being checked (treated as involved). If it turns out not to be, reassess.",
  notYetKnown: "not yet known",
  missing: "missing (required in the detailed report)",
  people: (n: number) => `${n.toLocaleString("en-US")} ${n === 1 ? "person" : "people"}`,
  item: {
    corporateName: "Corporate name",
    registrationNumber: "Registration or notification number",
    summary: "Summary",
    occurredAt: "When it happened",
    discoveredAt: "When it was found",
    howFound: "How it was found",
    whatLeaked: "What communications were leaked",
    affectedCount: "Number of people affected",
    cause: "Cause",
    secondaryHarm: "Secondary harm, or the risk of it, and what it is",
    publication: "Publication",
    responseToPeople: "Response to the users affected",
    recurrencePrevention: "Recurrence prevention",
  },
  usage:
    "/privacy incident report INC-... secrecy-first|secrecy-detailed — the draft report on secrecy of communications (Telecommunications Business Act Art.28)",
  notInvolved: "This incident is assessed as not involving secrecy of communications, so there is no Art.28 report to draft.",
  posted: (code: string, kind: "first" | "detailed") => `Posted the draft ${kind} report on secrecy of communications for ${code} in its thread.`,
  fileTitle: (code: string, kind: "first" | "detailed") => `${code} secrecy of communications ${kind} report draft`,
  thread: (code: string, kind: "first" | "detailed", who: string) => `📄 Draft ${kind} report on secrecy of communications for ${code} (by ${who})`,
  missingItems: (items: string[]) => `The detailed report still lacks (marked 未記入 in the draft):\n${items.map((i) => `• ${i}`).join("\n")}`,
};

export const secrecyReportMessages = catalogue(ja, en);
