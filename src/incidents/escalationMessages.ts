// What the incidents feature says about acknowledging an incident, escalating one nobody
// acknowledged, and the deadline reminders (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
  ack: {
    button: "受領しました（対応開始）",
    parent: (who: string, at: string) => `✅ 受領：${who}（${at}）`,
    dmStamp: (at: string, who: string) => `✅ 受領済み（${at} ${who}）`,
    notYet: "⏳ まだ誰も受領していません（30分で個人情報管理責任者代理・コンプライアンスへ上申）",
    thread: (who: string) => `✅ ${who} が受領しました（対応開始）。上申は止まります。`,
    byTriage: (who: string) => `✅ ${who} の評価をもって受領としました。上申は止まります。`,
    done: (code: string) => `${code} の受領を記録しました。対応をお願いします。`,
    already: (code: string, who: string, at: string) => `${code} は ${who} が受領済みです（${at}）。`,
    notAllowed: "受領できるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダーのみです。",
  },
  escalation: {
    dm: (code: string, minutes: string, summary: string) =>
      `⏫ *${code}* の報告から${minutes}経っても、まだ誰も受領していません。\n>${summary}\n内容を確認し「受領しました（対応開始）」を押してください。`,
    channel: (code: string, who: string) => `⏫ *${code}*（個人情報の事故）が報告から2時間、受領されていません。${who} 対応をお願いします。`,
    thread: (step: string, who: string) => `⏫ ${step}：${who}`,
    minutes: { "30m": "30分", "2h": "2時間" } as Record<"30m" | "2h", string>,
    nobody: "（個人情報管理責任者代理・コンプライアンス担当が登録されていません）",
  },
  reminder: {
    intro: (n: number) => `⏰ 個人情報の事故の期限が近づいている、または過ぎているものが *${n}件* あります。`,
    item: (code: string, deadline: string, due: string, stage: string) => `*${code}* ${deadline}（期限 ${due}）— ${stage}`,
    cc: "（期限超過のため、個人情報管理責任者とコンプライアンス担当にも通知しています）",
  },
};

const en: typeof ja = {
  ack: {
    button: "Acknowledged (on it)",
    parent: (who: string, at: string) => `✅ Acknowledged by ${who} (${at})`,
    dmStamp: (at: string, who: string) => `✅ Acknowledged (${at}, ${who})`,
    notYet: "⏳ Nobody has acknowledged it yet (escalates to the deputy chief and compliance after 30 minutes)",
    thread: (who: string) => `✅ ${who} acknowledged it (on it). Escalation stops.`,
    byTriage: (who: string) => `✅ ${who}'s assessment counts as the acknowledgement. Escalation stops.`,
    done: (code: string) => `You acknowledged ${code}. Please take it on.`,
    already: (code: string, who: string, at: string) => `${code} was already acknowledged by ${who} (${at}).`,
    notAllowed: "Only the chief privacy officer, the deputy chief, compliance or the incident's lead can acknowledge an incident.",
  },
  escalation: {
    dm: (code: string, minutes: string, summary: string) =>
      `⏫ Nobody has acknowledged *${code}* ${minutes} after it was reported.\n>${summary}\nPlease look at it and press "Acknowledged (on it)".`,
    channel: (code: string, who: string) =>
      `⏫ *${code}* (personal data incident) has not been acknowledged 2 hours after it was reported. ${who} please respond.`,
    thread: (step: string, who: string) => `⏫ ${step}: ${who}`,
    minutes: { "30m": "30 minutes", "2h": "2 hours" },
    nobody: "(no deputy chief or compliance in the directory)",
  },
  reminder: {
    intro: (n: number) => `⏰ *${n}* personal data incident deadline(s) are near or past.`,
    item: (code: string, deadline: string, due: string, stage: string) => `*${code}* ${deadline} (due ${due}) — ${stage}`,
    cc: "(Overdue: the chief privacy officer and compliance are told as well.)",
  },
};

export const incidentEscalationMessages = catalogue(ja, en);
