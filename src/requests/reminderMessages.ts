// What the requests feature's reminders and escalations say (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
  intro: (n: number) => `おはようございます。あなたの対応を待っている届出が *${n}件* あります。`,
  pendingTitle: (n: number) => `承認待ち（${n}件）`,
  measuresTitle: (n: number) => `必要な措置が未完了（${n}件）`,
  stage: (stage: 1 | 2): string => (stage === 1 ? "第1段階（個人情報管理者）" : "第2段階（個人情報管理責任者）"),
  pendingItem: (link: string, title: string, kind: string, requester: string, stage: string, days: number, overdue: boolean) =>
    `*${link}* ${title}\n${kind}・申請者 ${requester}・${stage}・${days === 0 ? "本日受付" : `${days}営業日経過`}${overdue ? " :warning: 承認が遅れています" : ""}`,
  measuresItem: (link: string, title: string, days: number, done: number, total: number) =>
    `*${link}* ${title}\n最終承認から${days}営業日経過・措置 ${done}/${total} 完了 :warning:`,
  escalationThread: (stage: string, days: number, to: string) =>
    `:rotating_light: ${stage}の承認が${days}営業日滞っているため、${to} にエスカレーションしました。`,
  escalationDm: (link: string, title: string, stage: string, days: number, approvers: string) =>
    `:rotating_light: *エスカレーション* ${link} ${title}\n${stage}の承認が${days}営業日滞っています（承認者: ${approvers}）。対応をお願いします。`,
  nobody: "（承認者未登録）",
};

const en: typeof ja = {
  intro: (n) => `Good morning. *${n}* request${n === 1 ? " is" : "s are"} waiting for you.`,
  pendingTitle: (n) => `Waiting for your decision (${n})`,
  measuresTitle: (n) => `Measures not completed (${n})`,
  stage: (stage) => (stage === 1 ? "stage 1 (privacy manager)" : "stage 2 (chief privacy officer)"),
  pendingItem: (link, title, kind, requester, stage, days, overdue) =>
    `*${link}* ${title}\n${kind} · from ${requester} · ${stage} · ${days === 0 ? "filed today" : `${days} business day${days === 1 ? "" : "s"}`}${overdue ? " :warning: overdue" : ""}`,
  measuresItem: (link, title, days, done, total) =>
    `*${link}* ${title}\n${days} business days since the final approval · measures ${done}/${total} done :warning:`,
  escalationThread: (stage, days, to) => `:rotating_light: The ${stage} decision has waited ${days} business days; escalated to ${to}.`,
  escalationDm: (link, title, stage, days, approvers) =>
    `:rotating_light: *Escalation* ${link} ${title}\nThe ${stage} decision has waited ${days} business days (approvers: ${approvers}). Please follow up.`,
  nobody: "(no approver registered)",
};

export const requestReminderMessages = catalogue(ja, en);
