// What the requests' section of the compliance digest says (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
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
  rejectionPending: "却下の確認待ち（規程 第4条3項）",
  measures: "措置実施中",
};

const en: typeof ja = {
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
  rejectionPending: "rejection awaiting the chief (Rule Art.4(3))",
  measures: "measures",
};

export const requestsDigestMessages = catalogue(ja, en);
