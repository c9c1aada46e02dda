// What the report-items modal (items 5-9 of the regulator report) says, in Japanese and English.
import { catalogue } from "../../platform/i18n.js";
import type { DetailField } from "./fields.js";

const ja = {
  button: "報告書の項目を記入",
  modal: {
    title: "報告書の項目",
    intro: (code: string) =>
      `*${code}* の報告書（施行規則 第8条1項）の5〜9の項目です。分かった時点で記入・更新してください。速報では未記入は「未確定」、確報では「未記入」と表示されます。変更はタイムラインに記録されます。`,
    submit: "保存",
    close: "キャンセル",
    label: {
      secondaryHarm: "5. 二次被害又はそのおそれの有無及びその内容",
      responseToPeople: "6. 本人への対応の実施状況",
      publication: "7. 公表の実施状況",
      recurrencePrevention: "8. 再発防止のための措置",
      otherMatters: "9. その他参考となる事項",
    } satisfies Record<DetailField, string>,
    hint: {
      secondaryHarm: "例：現時点で不正利用の報告なし。フィッシングメールのおそれあり",
      responseToPeople: "例：11/26 対象者全員にメールで通知し、問合せ窓口を設置",
      publication: "例：11/27 当社ウェブサイトで公表",
      recurrencePrevention: "例：外部送信時の宛先確認を二重化（終了時にも使われます）",
      otherMatters: "例：警察へ相談済み",
    } satisfies Record<DetailField, string>,
    tooLong: (n: number) => `${n}文字以内で入力してください。`,
  },
  thread: {
    updated: (who: string, items: string[]) => `📝 ${who} が報告書の項目を更新しました：\n${items.map((i) => `• ${i}`).join("\n")}`,
    cleared: "（削除）",
  },
  done: (code: string) => `${code} の報告書の項目を保存しました。`,
  unchanged: (code: string) => `${code} の報告書の項目に変更はありません。`,
  refusal: {
    notAllowed: "報告書の項目を記入できるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダーのみです。",
    closed: "この事故は終了しているため、報告書の項目は変更できません。",
    stale: "この画面を開いている間に、ほかの人が報告書の項目を変更しました。保存していません。閉じて開き直し、最新の内容に書き足してください。",
  },
  usage: "/privacy incident details INC-... — 報告書の項目（二次被害・本人への対応・公表・再発防止策・その他）を記入",
};

const en: typeof ja = {
  button: "Report items",
  modal: {
    title: "Report items",
    intro: (code: string) =>
      `Items 5-9 of the report on *${code}* (Enforcement Rules Art.8(1)). Fill them in as you learn them. A preliminary draft shows what is missing as "not yet known", a final one as "missing". Changes go on the timeline.`,
    submit: "Save",
    close: "Cancel",
    label: {
      secondaryHarm: "5. Secondary harm, or the risk of it, and what it is",
      responseToPeople: "6. Response to the people affected",
      publication: "7. Publication",
      recurrencePrevention: "8. Recurrence prevention",
      otherMatters: "9. Other relevant matters",
    },
    hint: {
      secondaryHarm: "e.g. no misuse reported so far; phishing mails possible",
      responseToPeople: "e.g. everyone affected told by mail on 26 Nov; inquiry desk open",
      publication: "e.g. published on our website on 27 Nov",
      recurrencePrevention: "e.g. a second check of recipients for outside mail (also used when closing)",
      otherMatters: "e.g. the police were consulted",
    },
    tooLong: (n: number) => `At most ${n} characters.`,
  },
  thread: {
    updated: (who: string, items: string[]) => `📝 ${who} updated the report items:\n${items.map((i) => `• ${i}`).join("\n")}`,
    cleared: "(cleared)",
  },
  done: (code: string) => `Saved the report items of ${code}.`,
  unchanged: (code: string) => `No change to the report items of ${code}.`,
  refusal: {
    notAllowed: "Only the chief privacy officer (or deputy), compliance or this incident's lead can write the report items.",
    closed: "This incident is closed: its report items cannot change.",
    stale: "Someone else changed the report items while this was open. Nothing was saved: close it, open it again and add to the latest text.",
  },
  usage: "/privacy incident details INC-... — write the report items (secondary harm, response to the people, publication, recurrence prevention, other)",
};

export const incidentDetailsMessages = catalogue(ja, en);
