// Texts of the retention feature (Japanese, English): the reminder DM, the disposal modal,
// the App Home section, the digest section.
import { catalogue, type Lang } from "../platform/i18n.js";
import type { Basis, DisposalMethod, Problem, SubjectKind } from "./rules.js";

const ja = {
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  kinds: {
    purpose: "収集目的",
    processor_return: "預託先からの返却・消去",
    entry: "個人データ管理台帳",
  } as Record<SubjectKind, string>,
  basis: {
    explicit: "届出の保存期間終了日",
    from_start: "収集開始日から起算（起算日は届出に書かれていないため要確認）",
    contract_end: "預託契約の終了日",
    unknown: "要確認（保存期間の終了日を計算できません）",
  } as Record<Basis, string>,
  // ---- reminder
  reminderIntro: (n: number) =>
    `*保存期間が終わった個人情報の廃棄（規程第31条）* ${n}件\n保存期間の経過後は遅滞なく消去します（当社プライバシーポリシー）。廃棄したら「廃棄を記録」から記録してください。記録されるまで毎週お知らせします。`,
  purposeTitle: (n: number) => `保存期間が終わった収集目的（${n}件）`,
  returnTitle: (n: number) => `契約が終了した預託先：個人情報の返却・消去（規程第15条2項(2)④）（${n}件）`,
  entryTitle: (n: number) => `保存期間が終わった台帳の登録（${n}件）`,
  item: (link: string, label: string, end: string, days: number, basis: string) => `${link} ${label}\n保存期限：${end}（${days}日経過）・${basis}`,
  returnItem: (link: string, label: string, end: string, days: number) =>
    `${link} ${label}\n契約終了：${end}（${days}日経過）・預託先に返却または消去を求め、事後に報告を受けてください（細則第4条8項）。`,
  disposeButton: (ref: string) => `廃棄を記録：${ref}`,
  // ---- modal
  modalTitle: "廃棄の記録",
  submit: "記録する",
  close: "閉じる",
  modalIntro: (kind: string, ref: string, label: string, end: string) => `*${kind}* ${ref}\n${label}\n保存期限：${end}`,
  method: "廃棄の方法",
  methods: {
    erase: "消去（専用ソフトによるデータ消去）",
    dissolve: "溶解（紙・信頼できる廃棄業者）",
    shred: "破砕・シュレッダー（紙）",
    destroy: "記憶媒体の物理的破壊",
    return: "返却（預託先から当社へ）",
    anonymize: "特定の個人を識別できないよう加工",
    other: "その他（メモに記入）",
  } as Record<DisposalMethod, string>,
  methodHint: "規程第31条：紙はシュレッダー等で読み取り不能にして信頼できる業者に、電子データは専用ソフトで完全に消去するか記憶媒体を物理的に破壊します。",
  disposedOn: "廃棄した日",
  performedBy: "廃棄作業を行った人",
  performedByHint: "規程第31条4項：廃棄作業は個人情報取扱担当者が行います。預託先が消去した場合は、報告を受けた担当者を選んでください。",
  evidenceUrl: "証跡のリンク",
  evidenceHint: "消去証明書・廃棄業者の証明書・返却の受領書など（https://）。",
  note: "メモ",
  noteHint: "個人情報は書かないでください。",
  problems: {
    method_missing: "廃棄の方法を選んでください。",
    performer_missing: "廃棄作業を行った人を選んでください。",
    date_missing: "廃棄した日を入力してください。",
    date_invalid: "日付が正しくありません。",
    date_future: "未来の日付は記録できません。",
    link_missing: "証跡のリンクを入力してください。",
    link_not_https: "https:// で始まるリンクを入力してください。",
    link_invalid: "リンクが正しくありません。",
    note_required: "「その他」の場合は方法をメモに書いてください。",
    note_too_long: "1000文字以内で入力してください。",
  } as Record<Problem, string>,
  notFound: "この項目は見つかりません。",
  /** a reminder's item once its disposal is recorded (reminders/tracked.ts) */
  reminderDone: "廃棄を記録",
  notAllowed: "廃棄を記録できるのは、担当者（届出者・預託先の担当管理者）、部署の個人情報管理者、個人情報管理責任者（代理を含む）です。",
  already: (on: string) => `この項目は ${on} に廃棄が記録されています。`,
  notInDirectory: "選んだ人が社員名簿にいません。",
  doneTitle: "記録しました",
  done: (ref: string, on: string, method: string) => `${ref} の廃棄を記録しました（${on}・${method}）。これ以上お知らせしません。`,
  threadNote: (on: string, method: string, who: string, by: string) => `廃棄を記録しました（規程第31条）：${on}・${method}・作業 ${who}・記録 ${by}`,
  // ---- home
  homeTitle: (n: number) => `*廃棄が必要な個人情報（規程第31条）* ${n}件`,
  homeMore: (n: number) => `ほか ${n} 件`,
  // ---- digest
  digestTitle: "保存期間と廃棄（規程第31条・第15条2項(2)④）",
  digestDue: (purposes: number, returns: number, entries: number) =>
    `保存期間が終わり廃棄が記録されていないもの：収集目的 ${purposes}件・預託先の返却/消去 ${returns}件${entries ? `・台帳 ${entries}件` : ""}`,
  digestUnknown: (n: number) => `保存期間の終了日を計算できない収集目的：${n}件（要確認）`,
  digestItem: (link: string, kind: string, label: string, end: string, days: number, owner: string) =>
    `• ${link} ${kind}：${label}（期限 ${end}・${days}日経過・担当 ${owner}）`,
  digestMore: (n: number) => `ほか ${n} 件`,
};

const en: typeof ja = {
  date: (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  kinds: { purpose: "Collection purpose", processor_return: "Return or erasure by a processor", entry: "Data register entry" },
  basis: {
    explicit: "the end day the request gives",
    from_start: "counted from the collection's start (the request does not say from when: to be checked)",
    contract_end: "the end of the processor contract",
    unknown: "to be checked (the end day cannot be computed)",
  },
  reminderIntro: (n) =>
    `*Personal information past its retention, to be disposed of (Rule Art.31)* ${n}\nThe company's privacy policy erases data without delay once its retention ends. Once disposed of, press "Record disposal". You are reminded weekly until it is recorded.`,
  purposeTitle: (n) => `Collection purposes past their retention (${n})`,
  returnTitle: (n) => `Processor contracts ended: return or erasure of the data (Rule Art.15(2)(ii)④) (${n})`,
  entryTitle: (n) => `Register entries past their retention (${n})`,
  item: (link, label, end, days, basis) => `${link} ${label}\nKept until ${end} (${days} days ago) · ${basis}`,
  returnItem: (link, label, end, days) =>
    `${link} ${label}\nContract ended ${end} (${days} days ago) · have the processor return or erase the data and report afterwards (partner rules Art.4(8)).`,
  disposeButton: (ref) => `Record disposal: ${ref}`,
  modalTitle: "Record a disposal",
  submit: "Record",
  close: "Close",
  modalIntro: (kind, ref, label, end) => `*${kind}* ${ref}\n${label}\nKept until ${end}`,
  method: "How it was disposed of",
  methods: {
    erase: "Erased (dedicated software)",
    dissolve: "Dissolved (paper, trusted contractor)",
    shred: "Shredded (paper)",
    destroy: "Media physically destroyed",
    return: "Returned (by the processor to us)",
    anonymize: "Processed so that it no longer identifies anyone",
    other: "Other (describe in the note)",
  },
  methodHint:
    "Rule Art.31: paper is shredded or otherwise made unreadable and handed to a trusted contractor; data is erased with dedicated software or its media physically destroyed.",
  disposedOn: "Day of disposal",
  performedBy: "Who did it",
  performedByHint: "Rule Art.31(4): disposal is done by a data handler. If the processor erased the data, pick who received its report.",
  evidenceUrl: "Link to the evidence",
  evidenceHint: "Certificate of erasure or destruction, receipt of the returned data (https://).",
  note: "Note",
  noteHint: "Do not write personal data here.",
  problems: {
    method_missing: "Pick how it was disposed of.",
    performer_missing: "Pick who did it.",
    date_missing: "Enter the day of disposal.",
    date_invalid: "This is not a valid date.",
    date_future: "A date in the future cannot be recorded.",
    link_missing: "Enter the link to the evidence.",
    link_not_https: "Enter a link starting with https://.",
    link_invalid: "This link is not valid.",
    note_required: 'With "Other", describe the method in the note.',
    note_too_long: "At most 1,000 characters.",
  },
  notFound: "This item cannot be found.",
  reminderDone: "disposal recorded",
  notAllowed:
    "A disposal can be recorded by the owner (the requester, or the processor's responsible manager), a manager of the department, the chief or the deputy chief.",
  already: (on) => `A disposal of this item was recorded on ${on}.`,
  notInDirectory: "The person you picked is not in the directory.",
  doneTitle: "Recorded",
  done: (ref, on, method) => `Disposal of ${ref} recorded (${on}, ${method}). No more reminders.`,
  threadNote: (on, method, who, by) => `Disposal recorded (Rule Art.31): ${on} · ${method} · done by ${who} · recorded by ${by}`,
  homeTitle: (n) => `*Personal information to dispose of (Rule Art.31)* ${n}`,
  homeMore: (n) => `${n} more`,
  digestTitle: "Retention and disposal (Rule Art.31, Art.15(2)(ii)④)",
  digestDue: (purposes, returns, entries) =>
    `Past retention, no disposal recorded: ${purposes} collection purposes · ${returns} processor returns/erasures${entries ? ` · ${entries} register entries` : ""}`,
  digestUnknown: (n) => `Collection purposes whose end day cannot be computed: ${n} (to be checked)`,
  digestItem: (link, kind, label, end, days, owner) => `• ${link} ${kind}: ${label} (kept until ${end}, ${days} days ago, owner ${owner})`,
  digestMore: (n) => `${n} more`,
};

export const retentionMessages = catalogue(ja, en);

/** A day as the person reads it. */
export function showDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split("-").map(Number);
  return retentionMessages(lang).date(y!, m!, d!);
}
