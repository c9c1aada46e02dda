// Every text of circulation (回覧), in Japanese and English.
import { catalogue } from "../../platform/i18n.js";

const ja = {
  formLabel: "回覧先",
  formHint: "決定はせず、内容を知っておくべき人（例：部門長、監査責任者）。DMで届出が届き、スレッドでコメントできます。",
  dm: (code: string, title: string, kind: string, requester: string, department: string) =>
    `:page_facing_up: *回覧* ${code}「${title}」\n${kind}／申請者 ${requester}（${department}）\nあなたは回覧先です（承認はしません）。内容を確認して「確認しました」を押してください。コメントは届出のスレッドへどうぞ。`,
  seenButton: "確認しました",
  open: "届出を開く",
  seenDone: (at: string) => `:white_check_mark: 確認しました（${at}）`,
  thread: (people: string, by: string) => `:page_facing_up: 回覧：${people}（${by}）。回覧先は承認しません。確認するとこのスレッドに記録されます。`,
  byRule: "設定の回覧ルールによる",
  byRequester: (who: string) => `${who} が追加`,
  seenThread: (who: string, seen: number, total: number) => `:eyes: ${who} が回覧を確認しました（確認済み ${seen}/${total}）`,
  addButton: "回覧に追加",
  addTitle: "回覧に追加",
  addSubmit: "追加する",
  close: "閉じる",
  addIntro: (code: string) => `${code} を回覧する人を選んでください（承認はしません）。`,
  onlyRequester: "回覧先を追加できるのは申請者だけです。",
  unknownPeople: (who: string) => `ディレクトリにいない人は回覧先にできません：${who}`,
  tooMany: (n: number) => `一度に追加できるのは ${n} 人までです。`,
  nobodyNew: "選んだ人はすでに回覧先です（申請者本人は回覧先にできません）。",
  added: (code: string, n: number) => `${code} の回覧先に ${n} 人を追加しました。`,
  notFound: "この回覧は見つかりません。",
  notYours: "この回覧はあなた宛てではありません。",
  already: "確認済みです。",
};

const en: typeof ja = {
  formLabel: "Circulate to",
  formHint: "People who should know without deciding (e.g. the department head, the audit lead). They get the request by DM and can comment in the thread.",
  dm: (code, title, kind, requester, department) =>
    `:page_facing_up: *For your information* ${code} "${title}"\n${kind} / filed by ${requester} (${department})\nYou are on the circulation list (you do not approve). Read it and press "Seen". Comments go in the request's thread.`,
  seenButton: "Seen",
  open: "Open the request",
  seenDone: (at) => `:white_check_mark: Seen (${at})`,
  thread: (people, by) => `:page_facing_up: Circulated to ${people} (${by}). They do not approve; each one's having seen it is recorded in this thread.`,
  byRule: "by the circulation rules in the settings",
  byRequester: (who) => `added by ${who}`,
  seenThread: (who, seen, total) => `:eyes: ${who} has seen it (${seen}/${total} seen)`,
  addButton: "Circulate to…",
  addTitle: "Circulate to",
  addSubmit: "Add",
  close: "Close",
  addIntro: (code) => `Choose who should see ${code} (they do not approve).`,
  onlyRequester: "Only the requester can add people to the circulation.",
  unknownPeople: (who) => `People not in the directory cannot be added: ${who}`,
  tooMany: (n) => `At most ${n} people at once.`,
  nobodyNew: "Everyone chosen is on the list already (the requester cannot be).",
  added: (code, n) => `${n} added to the circulation of ${code}.`,
  notFound: "This circulation was not found.",
  notYours: "This circulation is not addressed to you.",
  already: "Already marked as seen.",
};

export const circulationMessages = catalogue(ja, en);
