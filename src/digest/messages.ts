// What the compliance digest says (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
  title: (from: string, to: string) => `個人情報保護ダイジェスト（${from}〜${to}）`,
  fallback: (from: string, to: string, n: number) => `個人情報保護ダイジェスト ${from}〜${to}：${n}項目`,
  nothing: "この期間に報告する事項はありません。",
  cut: (n: number) => `（長いため、続き ${n} ブロック分を省略しました）`,
  requestsTitle: "届出",
  filed: (n: number) => `提出 *${n}* 件`,
  approved: (n: number) => `最終承認 *${n}* 件`,
  rejected: (n: number) => `却下 *${n}* 件`,
  effective: (n: number) => `有効化 *${n}* 件`,
  changes: (n: number) => `差し戻し *${n}* 件`,
  pendingNow: (s1: number, s2: number, measures: number) => `現在の未決：第1段階 *${s1}* 件・第2段階 *${s2}* 件・措置実施中 *${measures}* 件`,
  oldest: "滞留の長い届出：",
  pendingLine: (link: string, title: string, stage: string, days: number, overdue: boolean) =>
    `• ${link} ${title}（${stage}・${days}営業日${overdue ? "・:warning: 期限超過" : ""}）`,
  overdueTitle: "期限を過ぎた事項",
  overdueApprovals: (n: number) => `承認が遅れている届出 *${n}* 件`,
  overdueMeasures: (n: number) => `措置が未完了の届出（最終承認から期限超過）*${n}* 件`,
  stage1: "第1段階",
  stage2: "第2段階",
  measures: "措置実施中",
  notAllowed: "ダイジェストを見られるのはコンプライアンス担当・個人情報管理責任者（代理を含む）・監査責任者だけです。",
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
  requestsTitle: "Requests",
  filed: (n) => `filed *${n}*`,
  approved: (n) => `final approvals *${n}*`,
  rejected: (n) => `rejected *${n}*`,
  effective: (n) => `became effective *${n}*`,
  changes: (n) => `sent back *${n}*`,
  pendingNow: (s1, s2, measures) => `Open now: stage 1 *${s1}* · stage 2 *${s2}* · measures in progress *${measures}*`,
  oldest: "Waiting longest:",
  pendingLine: (link, title, stage, days, overdue) => `• ${link} ${title} (${stage}, ${days} business days${overdue ? ", :warning: overdue" : ""})`,
  overdueTitle: "Overdue",
  overdueApprovals: (n) => `requests waiting for a decision past the reminder threshold *${n}*`,
  overdueMeasures: (n) => `requests with measures not completed in time *${n}*`,
  stage1: "stage 1",
  stage2: "stage 2",
  measures: "measures",
  notAllowed: "Only compliance, the chief privacy officer (or deputy) and the audit lead can see the digest.",
  badPeriod: (w) => `"${w}" is not a period. Use \`week\` (the last 7 days) or \`month\` (the last 30 days).`,
  noChannel:
    "No compliance channel is set, so the digest went to the compliance officers by DM. Set one with `/privacy admin channel set compliance #channel`.",
  usage: ["`/privacy digest [week|month]` — the digest of the last 7 (or 30) days (compliance, chief, audit lead)"],
};

export const digestMessages = catalogue(ja, en);
