// What the status moves (「封じ込め完了」「速報を提出」「確報を提出」) and the regulator report
// draft (/privacy incident report) say in Slack, in Japanese and English.
import { catalogue } from "../../platform/i18n.js";

export type MoveEvent = "contain" | "reportPreliminary" | "reportFinal";

const ja = {
  button: { contain: "封じ込め完了", reportPreliminary: "速報を提出", reportFinal: "確報を提出" } as Record<MoveEvent, string>,
  modal: {
    title: { preliminary: "速報の提出", final: "確報の提出" },
    intro: (code: string, kind: "preliminary" | "final", to = "個人情報保護委員会") =>
      `*${code}* の${kind === "preliminary" ? "速報" : "確報"}を${to}へ提出した日時を記録します。`,
    day: "提出した日",
    time: "提出した時刻",
    reference: "受付番号など",
    submit: "記録する",
    close: "キャンセル",
    future: "未来の日時は指定できません。",
    required: "入力してください。",
    tooLong: (n: number) => `${n}文字以内で入力してください。`,
  },
  thread: {
    contain: (who: string) => `🧯 ${who} が封じ込め完了を記録しました。`,
    reportPreliminary: (who: string, at: string, reference: string | null) =>
      `📨 ${who} が速報の提出を記録しました（提出日時 ${at}${reference ? `、受付番号等 ${reference}` : ""}）。`,
    reportFinal: (who: string, at: string, reference: string | null) =>
      `📨 ${who} が確報の提出を記録しました（提出日時 ${at}${reference ? `、受付番号等 ${reference}` : ""}）。`,
    draft: (code: string, kind: "preliminary" | "final", who: string) => `📄 ${code} の${kind === "preliminary" ? "速報" : "確報"}の草案（${who} が作成）`,
  },
  done: {
    contain: (code: string) => `${code} を封じ込め完了にしました。`,
    reportPreliminary: (code: string) => `${code} の速報の提出を記録しました。`,
    reportFinal: (code: string) => `${code} の確報の提出を記録しました。`,
  },
  refusal: {
    notAllowed: "状況を変更できるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダーのみです。",
    outOfOrder: (from: string, to: string) =>
      `現在の状況（${from}）から「${to}」には進めません。順序（受付 → 評価済み → 封じ込め済み → 速報済み → 確報済み → 終了）を確認してください。`,
  },
  report: {
    usage: "/privacy incident report INC-... [preliminary|final] — 報告書の草案（Markdown）をスレッドに投稿",
    badKind: (w: string) => `報告の種類が違います：${w}（preliminary または final）`,
    noThread: "この事故にはスレッドがないため、草案をDMに送ります。",
    posted: (code: string, kind: "preliminary" | "final") => `${code} の${kind === "preliminary" ? "速報" : "確報"}の草案をスレッドに投稿しました。`,
    missing: (items: string[]) =>
      `確報に必要な次の項目が未記入です（草案では「未記入」と表示しています）：\n${items.map((i) => `• ${i}`).join("\n")}\n事故の投稿の「報告書の項目を記入」または \`/privacy incident details\` で記入してください（概要・項目・人数・原因は「再評価する」）。`,
    fileTitle: (code: string, kind: "preliminary" | "final") => `${code} ${kind === "preliminary" ? "速報" : "確報"} 草案`,
  },
};

const en: typeof ja = {
  button: { contain: "Mark contained", reportPreliminary: "Record preliminary report", reportFinal: "Record final report" },
  modal: {
    title: { preliminary: "Preliminary report", final: "Final report" },
    intro: (code: string, kind: "preliminary" | "final", to = "the PPC") => `Record when the ${kind} report on *${code}* was submitted to ${to}.`,
    day: "Date submitted",
    time: "Time submitted",
    reference: "Reference",
    submit: "Record",
    close: "Cancel",
    future: "Cannot be in the future.",
    required: "Required.",
    tooLong: (n: number) => `At most ${n} characters.`,
  },
  thread: {
    contain: (who: string) => `🧯 ${who} recorded that the incident is contained.`,
    reportPreliminary: (who: string, at: string, reference: string | null) =>
      `📨 ${who} recorded the preliminary report (submitted ${at}${reference ? `, reference ${reference}` : ""}).`,
    reportFinal: (who: string, at: string, reference: string | null) =>
      `📨 ${who} recorded the final report (submitted ${at}${reference ? `, reference ${reference}` : ""}).`,
    draft: (code: string, kind: "preliminary" | "final", who: string) => `📄 Draft ${kind} report on ${code} (by ${who})`,
  },
  done: {
    contain: (code: string) => `${code} is now contained.`,
    reportPreliminary: (code: string) => `Recorded the preliminary report on ${code}.`,
    reportFinal: (code: string) => `Recorded the final report on ${code}.`,
  },
  refusal: {
    notAllowed: "Only the chief privacy officer, the deputy chief, compliance or the incident's lead can change an incident's status.",
    outOfOrder: (from: string, to: string) =>
      `The incident cannot go from "${from}" to "${to}". The order is open → triaged → contained → preliminary → final → closed.`,
  },
  report: {
    usage: "/privacy incident report INC-... [preliminary|final] — the regulator report draft (Markdown) in the thread",
    badKind: (w: string) => `Not a report kind: ${w} (preliminary or final)`,
    noThread: "The incident has no thread, so the draft comes to your DMs.",
    posted: (code: string, kind: "preliminary" | "final") => `Posted the draft ${kind} report on ${code} in its thread.`,
    missing: (items: string[]) =>
      `The final report still lacks (marked 未記入 in the draft):\n${items.map((i) => `• ${i}`).join("\n")}\nWrite them with "Report items" on the incident's post or \`/privacy incident details\` (summary, data items, people and cause: "Reassess").`,
    fileTitle: (code: string, kind: "preliminary" | "final") => `${code} ${kind} report draft`,
  },
};

export const incidentStatusMessages = catalogue(ja, en);
