// What assigning the incident lead and changing a task's owner and due date say, in
// Japanese and English.
import { catalogue } from "../../platform/i18n.js";

const ja = {
  lead: {
    button: "対応リーダーを指名",
    field: "対応リーダー",
    none: "未指名",
    modalTitle: "対応リーダーの指名",
    intro: (code: string) => `*${code}* の対応リーダーを指名します。対応リーダーはこの事故の評価・タスク・状況の変更・報告書の作成を行えます。`,
    label: "対応リーダー",
    submit: "指名する",
    close: "キャンセル",
    thread: (who: string, lead: string, before: string | null) =>
      `👤 ${who} が ${lead} を対応リーダーに指名しました${before ? `（前任 ${before}）` : ""}。${lead} がこのチャンネルのメンバーでなければ、メンバーの方が追加してください（\`/invite ${lead}\`）。ボットは招待できません。`,
    dm: (code: string, who: string) =>
      `👤 ${who} があなたを個人情報の事故 *${code}* の対応リーダーに指名しました。スレッドで評価・タスク・報告を進めてください。\n⚠️ 事故報告チャンネルは限定公開です。まだメンバーでなければ下のリンクは開けません：${who} かチャンネルのメンバーに追加を依頼してください。`,
    done: (code: string, lead: string) => `${code} の対応リーダーを ${lead} にしました。`,
    unchanged: (code: string, lead: string) => `${code} の対応リーダーは既に ${lead} です。`,
    notAllowed: "対応リーダーを指名できるのは個人情報管理責任者（代理を含む）のみです。",
  },
  task: {
    button: "担当・期限を変更",
    modalTitle: "担当と期限",
    intro: (code: string, task: string, deadline: string | null) =>
      `*${code}* のタスク「${task}」の担当者と期限を変更します。${deadline ? `法定の期限（${deadline}）より後にはできません。空欄なら法定の期限です。` : "期限は任意です。"}`,
    owner: "担当者",
    dueOn: "期限の日",
    dueTime: "期限の時刻（空欄なら 23:59）",
    submit: "変更する",
    close: "キャンセル",
    thread: (who: string, task: string, changes: string[]) => `🗂 ${who} がタスク「${task}」を変更しました：${changes.join("、")}`,
    ownerChange: (from: string, to: string) => `担当 ${from} → ${to}`,
    dueChange: (from: string, to: string) => `期限 ${from} → ${to}`,
    noDue: "期限なし",
    dm: (code: string, task: string, who: string, due: string) =>
      `🗂 ${who} があなたを個人情報の事故 *${code}* のタスク「${task}」の担当者にしました（期限 ${due}）。終わったら下の「完了」を、不要なら「該当なし」（理由付き）を押してください。状況は \`/privacy incident status ${code}\` で確認できます。`,
    done: (code: string, task: string) => `${code} のタスク「${task}」を変更しました。`,
    unchanged: (code: string, task: string) => `${code} のタスク「${task}」に変更はありません。`,
    afterDeadline: (deadline: string) => `法定の期限（${deadline}）より後にはできません。`,
    past: "過去の日時は指定できません。",
    timeWithoutDay: "時刻だけでなく日も選んでください。",
    badDate: "日付を読み取れません。日付選択から選び直してください。",
    badTime: "時刻を読み取れません。時刻選択から選び直してください（HH:MM）。",
    required: "担当者を選んでください。",
  },
  unknownPerson: "この人は名簿（ディレクトリ）に登録されていません。登録されている人を選んでください。",
};

const en: typeof ja = {
  lead: {
    button: "Assign lead",
    field: "Incident lead",
    none: "none",
    modalTitle: "Incident lead",
    intro: (code: string) => `Assign the lead of *${code}*. The lead can assess it, run its tasks, move its status and draft its report.`,
    label: "Incident lead",
    submit: "Assign",
    close: "Cancel",
    thread: (who: string, lead: string, before: string | null) =>
      `👤 ${who} made ${lead} the incident lead${before ? ` (was ${before})` : ""}. If ${lead} is not a member of this channel, a member please add them (\`/invite ${lead}\`): the bot cannot invite.`,
    dm: (code: string, who: string) =>
      `👤 ${who} made you the lead of personal data incident *${code}*. Please drive its assessment, tasks and reports in the thread.\n⚠️ The incidents channel is private: unless you are a member, the link below will not open. Ask ${who} or a member of the channel to add you.`,
    done: (code: string, lead: string) => `${lead} now leads ${code}.`,
    unchanged: (code: string, lead: string) => `${lead} already leads ${code}.`,
    notAllowed: "Only the chief privacy officer or the deputy chief can assign the incident lead.",
  },
  task: {
    button: "Owner / due",
    modalTitle: "Owner and due date",
    intro: (code: string, task: string, deadline: string | null) =>
      `Change the owner and due date of "${task}" on *${code}*.${deadline ? ` It cannot be later than the legal deadline (${deadline}); empty means that deadline.` : " The due date is optional."}`,
    owner: "Owner",
    dueOn: "Due date",
    dueTime: "Due time (empty: 23:59)",
    submit: "Change",
    close: "Cancel",
    thread: (who: string, task: string, changes: string[]) => `🗂 ${who} changed "${task}": ${changes.join("; ")}`,
    ownerChange: (from: string, to: string) => `owner ${from} → ${to}`,
    dueChange: (from: string, to: string) => `due ${from} → ${to}`,
    noDue: "no due date",
    dm: (code: string, task: string, who: string, due: string) =>
      `🗂 ${who} made you the owner of "${task}" on personal data incident *${code}* (due ${due}). Press "Done" below when it is done, or "Not applicable" (with the reason). \`/privacy incident status ${code}\` shows where it stands.`,
    done: (code: string, task: string) => `Changed "${task}" on ${code}.`,
    unchanged: (code: string, task: string) => `No change to "${task}" on ${code}.`,
    afterDeadline: (deadline: string) => `Cannot be later than the legal deadline (${deadline}).`,
    past: "Cannot be in the past.",
    timeWithoutDay: "Pick a date as well as a time.",
    badDate: "This date cannot be read. Pick it again from the date picker.",
    badTime: "This time cannot be read. Pick it again from the time picker (HH:MM).",
    required: "Pick the owner.",
  },
  unknownPerson: "This person is not in the directory. Pick someone who is.",
};

export const incidentAssignMessages = catalogue(ja, en);
