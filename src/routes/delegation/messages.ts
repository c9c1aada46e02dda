// Every text of delegation (代理承認・後閲), in Japanese and English.
import { catalogue } from "../../platform/i18n.js";
import type { AbsenceProblem } from "./rules.js";

/** Said wherever delegation appears: it is the company's own, not the rule's. */
const EXTENSION_JA = "当社の拡張：規程 第3条・第20条は代理を定めていません";
const EXTENSION_EN = "a company extension: 規程 Art.3 and Art.20 name no delegates";

const ja = {
  extension: EXTENSION_JA,
  /** how a delegate's decision is named in the thread, the DMs and the history */
  actingFor: (delegate: string, absent: string) => `代理：${delegate}（${absent}の不在中）`,
  /** the thread's note after a delegate's decision */
  decidedAsDelegate: (absent: string) => `:information_source: 代理による決定です（${EXTENSION_JA}）。${absent} には不在明けに後閲のDMが届きます。`,
  usage: ["`/privacy away <開始日> <終了日> @代理人` 不在期間と代理人を設定（YYYY-MM-DD。引数なしで入力画面）", "`/privacy away off` 不在を終了・取り消し"],
  problem: {
    off: "代理承認はこの会社では使われていません（設定 routes.delegation.enabled: false）。不在中の承認は通常どおり督促・エスカレーションで扱われます。",
    not_allowed: "不在と代理人を設定できるのは個人情報管理者と個人情報管理責任者だけです。",
    self: "自分自身を代理人にはできません。",
    unknown_delegate: "代理人がディレクトリにいません。登録済みの人を選んでください。",
    audit_lead: "個人情報保護監査責任者は代理人になれません（規程 第21条：監査責任者は個人情報管理責任者から独立しています）。",
    dates: "開始日が終了日より後になっています。",
    past: "終了日が過ぎています。今日以降の日を選んでください。",
  } satisfies Record<AbsenceProblem, string>,
  badArgs: "使い方：`/privacy away 2026-12-24 2027-01-05 @代理人`、`/privacy away off`、または `/privacy away` で入力画面を開きます。",
  set: (from: string, to: string, delegate: string) =>
    `不在期間 ${from}〜${to} を設定しました。この間、${delegate} があなたに代わって承認・差し戻し・却下できます（${EXTENSION_JA}）。戻られた日に、代理で決定された届出をDMでお知らせします（後閲）。`,
  ended: "不在を終了しました。代理で決定された届出があれば、次の朝DMでお知らせします（後閲）。",
  noneToEnd: "終了する不在はありません。",
  told: {
    delegate: (absent: string, from: string, to: string) =>
      `${absent} の不在中（${from}〜${to}）、あなたが代理人として承認・差し戻し・却下できます（${EXTENSION_JA}）。ご自身が提出した届出は決定できません。`,
  },
  modal: {
    title: "不在と代理人",
    submit: "設定する",
    close: "閉じる",
    intro: `不在の間、代理人があなたに代わって届出を決定できます（個人情報管理者：第1段階、個人情報管理責任者：最終承認）。*${EXTENSION_JA}*。個人情報保護監査責任者は代理人になれません（第21条）。`,
    from: "不在の開始日",
    to: "不在の終了日",
    delegate: "代理人",
    delegateHint: "代理人は自分が提出した届出を決定できません。",
  },
  home: {
    title: "不在・代理",
    none: "不在の設定はありません。",
    current: (from: string, to: string, delegate: string) => `不在 ${from}〜${to}、代理人 ${delegate}`,
    standingIn: (absent: string, from: string, to: string) => `${absent} の代理（${from}〜${to}）`,
    decidableTitle: (n: number) => `代理で決定できる届出（${n}件）`,
    decidable: (code: string, title: string, absent: string) => `• ${code} ${title}（${absent} の代理）`,
    set: "不在を設定",
    end: "不在を終了",
  },
  review: {
    intro: (from: string, to: string, n: number) =>
      `お帰りなさい。不在中（${from}〜${to}）に代理人があなたに代わって決定した届出が ${n} 件あります（後閲）。内容を確認し、必要ならコメントを残してください。`,
    item: (code: string, what: string, delegate: string, at: string) => `*${code}* ${what}（代理：${delegate}、${at}）`,
    comment: "コメントする",
    modalTitle: "後閲のコメント",
    modalSubmit: "スレッドに投稿",
    modalLabel: "コメント",
    modalHint: "届出のスレッドに投稿され、記録されます。個人を特定する情報は書かないでください。",
    posted: (code: string) => `${code} のスレッドにコメントを投稿しました。`,
    thread: (who: string, delegate: string, text: string) => `後閲（${delegate} の代理決定について）${who}：${text}`,
    notFor: "この後閲はあなた宛てではありません。",
    required: "コメントを入力してください。",
  },
  digest: {
    title: "不在と代理承認（当社の拡張）",
    line: (absent: string, delegate: string, from: string, to: string, n: number) => `${absent} → 代理 ${delegate}（${from}〜${to}）：代理決定 ${n} 件`,
  },
  notFound: "この不在の設定は見つかりません。",
};

const en: typeof ja = {
  extension: EXTENSION_EN,
  actingFor: (delegate, absent) => `Delegate: ${delegate} (while ${absent} is away)`,
  decidedAsDelegate: (absent) => `:information_source: Decided by a delegate (${EXTENSION_EN}). ${absent} gets a DM to review it when back (後閲).`,
  usage: [
    "`/privacy away <from> <to> @delegate` set an absence and a delegate (YYYY-MM-DD; without words: a form)",
    "`/privacy away off` end or cancel the absence",
  ],
  problem: {
    off: "Delegation is not used in this company (setting routes.delegation.enabled: false). Decisions waiting during an absence are reminded and escalated as usual.",
    not_allowed: "Only a 個人情報管理者 (privacy manager) or the 個人情報管理責任者 (chief) can set an absence and a delegate.",
    self: "You cannot be your own delegate.",
    unknown_delegate: "The delegate is not in the directory. Choose someone registered.",
    audit_lead: "The audit lead cannot be a delegate (規程 Art.21: the audit lead is independent of the chief).",
    dates: "The first day is after the last day.",
    past: "The last day has passed. Choose today or later.",
  },
  badArgs: "Usage: `/privacy away 2026-12-24 2027-01-05 @delegate`, `/privacy away off`, or `/privacy away` for a form.",
  set: (from, to, delegate) =>
    `Absence ${from} to ${to} set. Meanwhile ${delegate} can approve, send back or reject in your place (${EXTENSION_EN}). When you are back, a DM lists what was decided for you (後閲).`,
  ended: "Absence ended. If anything was decided for you, a DM lists it next morning (後閲).",
  noneToEnd: "There is no absence to end.",
  told: {
    delegate: (absent, from, to) =>
      `While ${absent} is away (${from} to ${to}) you can approve, send back or reject in their place (${EXTENSION_EN}). You cannot decide a request you filed.`,
  },
  modal: {
    title: "Absence and delegate",
    submit: "Set",
    close: "Close",
    intro: `While you are away, your delegate can decide requests in your place (a manager: stage 1; the chief: the final approval). *${EXTENSION_EN}*. The audit lead cannot be a delegate (Art.21).`,
    from: "First day away",
    to: "Last day away",
    delegate: "Delegate",
    delegateHint: "A delegate cannot decide a request they filed.",
  },
  home: {
    title: "Absence and delegate",
    none: "No absence set.",
    current: (from, to, delegate) => `Away ${from} to ${to}, delegate ${delegate}`,
    standingIn: (absent, from, to) => `Delegate for ${absent} (${from} to ${to})`,
    decidableTitle: (n) => `Requests you can decide as delegate (${n})`,
    decidable: (code, title, absent) => `• ${code} ${title} (for ${absent})`,
    set: "Set an absence",
    end: "End the absence",
  },
  review: {
    intro: (from, to, n) =>
      `Welcome back. While you were away (${from} to ${to}) your delegate decided ${n} request(s) in your place (後閲, review after the fact). Look them over and add a comment where needed.`,
    item: (code, what, delegate, at) => `*${code}* ${what} (delegate: ${delegate}, ${at})`,
    comment: "Comment",
    modalTitle: "Review comment",
    modalSubmit: "Post in thread",
    modalLabel: "Comment",
    modalHint: "Posted in the request's thread and recorded. Do not write anything that identifies a person.",
    posted: (code) => `Comment posted in the thread of ${code}.`,
    thread: (who, delegate, text) => `Review after the fact (of ${delegate}'s decision as delegate) by ${who}: ${text}`,
    notFor: "This review is not addressed to you.",
    required: "Write a comment.",
  },
  digest: {
    title: "Absences and delegates (a company extension)",
    line: (absent, delegate, from, to, n) => `${absent} → delegate ${delegate} (${from} to ${to}): ${n} decision(s) as delegate`,
  },
  notFound: "This absence was not found.",
};

export const delegationMessages = catalogue(ja, en);
