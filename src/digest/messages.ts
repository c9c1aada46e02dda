// What the compliance digest says (Japanese, English).
import { DEPUTY_CHIEF_LABEL } from "../directory/messages.js";
import { catalogue } from "../platform/i18n.js";

const ja = {
  title: (from: string, to: string) => `個人情報保護ダイジェスト（${from}〜${to}）`,
  fallback: (from: string, to: string, n: number) => `個人情報保護ダイジェスト ${from}〜${to}：${n}項目`,
  nothing: "この期間に報告する事項はありません。",
  cut: (n: number) => `（長いため、続き ${n} ブロック分を省略しました）`,
  notAllowed: `ダイジェストを見られるのはコンプライアンス担当・個人情報管理責任者（${DEPUTY_CHIEF_LABEL.ja}を含む）・監査責任者だけです。`,
  badPeriod: (w: string) => `「${w}」は期間として使えません。\`week\`（直近7日間）または \`month\`（直近30日間）を指定してください。`,
  noChannel:
    "コンプライアンスチャンネルが未設定のため、コンプライアンス担当にDMで送りました。`/privacy admin channel set compliance #channel` で設定できます。",
  usage: ["`/privacy digest [week|month]` — 直近7日間（または30日間）のダイジェスト（コンプライアンス・責任者・監査）"],
};

const en: typeof ja = {
  title: (from, to) => `Personal information digest (${from} – ${to})`,
  fallback: (from, to, n) => `Personal information digest ${from} – ${to}: ${n} sections`,
  nothing: "Nothing to report for this period.",
  cut: (n) => `(cut short: ${n} more blocks left out)`,
  notAllowed: `Only compliance, the chief privacy officer (or the ${DEPUTY_CHIEF_LABEL.en}) and the audit lead can see the digest.`,
  badPeriod: (w) => `"${w}" is not a period. Use \`week\` (the last 7 days) or \`month\` (the last 30 days).`,
  noChannel:
    "No compliance channel is set, so the digest went to the compliance officers by DM. Set one with `/privacy admin channel set compliance #channel`.",
  usage: ["`/privacy digest [week|month]` — the digest of the last 7 (or 30) days (compliance, chief, audit lead)"],
};

export const digestMessages = catalogue(ja, en);
