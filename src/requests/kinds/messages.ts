// What every request kind's form shares, in Japanese (default) and English, with the same shape:
// the common texts of fields and summaries, and the measures several kinds share. Each kind's
// own texts are in its folder (purpose/messages.ts, …).
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../platform/i18n.js";

const ja = {
  common: {
    tooLong: (max: number) => `${max}文字以内で入力してください`,
    invalidDate: "日付をカレンダーから選んでください",
    notPast: (today: string) => `今日（${today}）以降の日付を選んでください`,
    integer: "人数は1以上の整数を半角数字で入力してください（例：1200）",
    categoriesNotValues: "項目の種類（例：氏名、電話番号）を書いてください。実際の氏名・住所・番号・メールアドレスは書かないでください",
    unexpected: "入力を読み取れませんでした。もう一度入力してください",
    datePlaceholder: "日付を選んでください",
    selectPlaceholder: "選んでください",
    listSeparator: "、",
    date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
    people: (n: string) => `約${n}人`,
    withDetails: (choice: string, details: string) => `${choice}（${details}）`,
    none: "—",
  },
  /** Measures several kinds share (the same key, the same label); a kind's own are in its catalogue. */
  measures: {
    purpose_published: "利用目的の公表又は通知（規程第6〜8条・個人情報保護法第21条）",
    ledger_registered: "個人情報管理台帳への登録",
  },
};

export type KindMessages = typeof ja;

const en: KindMessages = {
  common: {
    tooLong: (max) => `Please use at most ${max} characters`,
    invalidDate: "Please pick a date from the calendar",
    notPast: (today) => `Please pick today (${today}) or a later date`,
    integer: "Please enter a whole number of at least 1 in digits (e.g. 1200)",
    categoriesNotValues:
      "Please name the kinds of data (e.g. name, phone number), not the data itself: no actual names, addresses, numbers or e-mail addresses",
    unexpected: "The form could not be read. Please fill it in again",
    datePlaceholder: "Pick a date",
    selectPlaceholder: "Choose",
    listSeparator: ", ",
    date: (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
    people: (n) => `about ${n} people`,
    withDetails: (choice, details) => `${choice} (${details})`,
    none: "—",
  },
  measures: {
    purpose_published: "Publish or notify the purpose of use (Rule Art.6-8, APPI Art.21)",
    ledger_registered: "Register in the personal information ledger",
  },
};

export const kindMessages = catalogue<KindMessages>(ja, en);
