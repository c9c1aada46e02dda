// What the task checklist and closing say in Slack, in Japanese and English.
import { catalogue } from "../../platform/i18n.js";

const ja = {
  /** the task owner's DM once the task is settled (its buttons are gone) */
  dmStamp: (to: "done" | "na", at: string, who: string) => `${to === "done" ? "✅ 完了" : "➖ 該当なし"}（${at} ${who}）`,
  checklist: {
    header: (code: string) => `📋 ${code} の対応タスク`,
    owner: "担当",
    due: "期限",
    noDue: "期限なし",
    status: { open: "⬜ 未完了", done: "✅ 完了", na: "➖ 該当なし" } as Record<string, string>,
    doneBy: (who: string, at: string) => `${who}（${at}）`,
    progress: (done: number, total: number) => `完了または該当なし：${done} / ${total}`,
    done: "完了",
    na: "該当なし",
    closed: "この事故は終了しています。",
  },
  naModal: {
    title: "該当なしにする",
    intro: (code: string, task: string) => `*${code}* のタスク「${task}」を該当なしにします。理由を入力してください。`,
    reason: "理由",
    submit: "記録する",
    close: "キャンセル",
    required: "理由を入力してください。",
  },
  closeModal: {
    title: "事故の終了",
    intro: (code: string) => `*${code}* を終了します。再発防止策を記録してください。`,
    recurrence: "再発防止策",
    submit: "終了する",
    close: "キャンセル",
    required: "再発防止策を入力してください。",
    openTasks: (tasks: string[]) => `未完了のタスクがあるため終了できません：${tasks.join("、")}`,
    outOfOrder: (status: string) => `現在の状況（${status}）では終了できません。封じ込め完了（報告対象の場合は確報の提出）を先に記録してください。`,
  },
  button: { close: "終了する" },
  thread: {
    done: (who: string, task: string) => `✅ ${who} がタスク「${task}」を完了にしました。`,
    na: (who: string, task: string, reason: string) => `➖ ${who} がタスク「${task}」を該当なしにしました（理由：${reason}）。`,
    closed: (who: string, text: string) => `🔒 ${who} が事故を終了しました。\n*再発防止策*：${text}`,
    reassessed: (changes: string[]) => `📋 再評価によりタスクを更新しました：\n${changes.map((c) => `• ${c}`).join("\n")}`,
  },
  ack: {
    done: (code: string, task: string) => `${code} のタスク「${task}」を完了にしました。`,
    na: (code: string, task: string) => `${code} のタスク「${task}」を該当なしにしました。`,
    closed: (code: string) => `${code} を終了しました。`,
  },
  mine: {
    header: "あなたが担当のタスク",
    how: "担当のタスクは、担当者になったときのDMや期限のお知らせのボタン（完了・該当なし）で更新できます。",
  },
  refusal: {
    notAllowed: "タスクを更新できるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダー・タスクの担当者のみです。",
    closeNotAllowed: "事故を終了できるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダーのみです。",
    notOpen: "このタスクは既に完了または該当なしです。",
    notFound: "タスクが見つかりません。",
  },
};

const en: typeof ja = {
  dmStamp: (to, at, who) => `${to === "done" ? "✅ Done" : "➖ Not applicable"} (${at}, ${who})`,
  checklist: {
    header: (code: string) => `📋 Tasks of ${code}`,
    owner: "Owner",
    due: "Due",
    noDue: "no deadline",
    status: { open: "⬜ Open", done: "✅ Done", na: "➖ Not applicable" },
    doneBy: (who: string, at: string) => `${who} (${at})`,
    progress: (done: number, total: number) => `Done or not applicable: ${done} / ${total}`,
    done: "Done",
    na: "Not applicable",
    closed: "This incident is closed.",
  },
  naModal: {
    title: "Not applicable",
    intro: (code: string, task: string) => `Mark "${task}" on *${code}* not applicable. Why?`,
    reason: "Reason",
    submit: "Record",
    close: "Cancel",
    required: "A reason is required.",
  },
  closeModal: {
    title: "Close the incident",
    intro: (code: string) => `Close *${code}*. Record the recurrence prevention.`,
    recurrence: "Recurrence prevention",
    submit: "Close",
    close: "Cancel",
    required: "The recurrence prevention is required.",
    openTasks: (tasks: string[]) => `Cannot close while tasks are open: ${tasks.join(", ")}`,
    outOfOrder: (status: string) => `Cannot close from "${status}". Record containment (and the final report, when reportable) first.`,
  },
  button: { close: "Close" },
  thread: {
    done: (who: string, task: string) => `✅ ${who} marked "${task}" done.`,
    na: (who: string, task: string, reason: string) => `➖ ${who} marked "${task}" not applicable (reason: ${reason}).`,
    closed: (who: string, text: string) => `🔒 ${who} closed the incident.\n*Recurrence prevention*: ${text}`,
    reassessed: (changes: string[]) => `📋 Tasks updated by the reassessment:\n${changes.map((c) => `• ${c}`).join("\n")}`,
  },
  ack: {
    done: (code: string, task: string) => `Marked "${task}" on ${code} done.`,
    na: (code: string, task: string) => `Marked "${task}" on ${code} not applicable.`,
    closed: (code: string) => `Closed ${code}.`,
  },
  mine: {
    header: "Your tasks",
    how: "Update them with the buttons (Done, Not applicable) in the DM that made you their owner or in a deadline reminder.",
  },
  refusal: {
    notAllowed: "Only the chief privacy officer (or deputy), compliance, the incident's lead or the task's owner can update a task.",
    closeNotAllowed: "Only the chief privacy officer (or deputy), compliance or the incident's lead can close an incident.",
    notOpen: "This task is already done or not applicable.",
    notFound: "No such task.",
  },
};

export const incidentTaskMessages = catalogue(ja, en);
