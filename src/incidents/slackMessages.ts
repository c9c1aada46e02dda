// What the incidents feature says in Slack (Japanese, English): the two modals, the
// parent message, the thread, the DMs, the refusals and /privacy incident. The domain's
// own words (statuses, 第7条 reasons, deadlines) are in messages.ts.
import { catalogue } from "../platform/i18n.js";

export const AFFECTED_ESTIMATES = ["1-9", "10-99", "100-1000", "over-1000", "unknown"] as const;
export type AffectedEstimate = (typeof AFFECTED_ESTIMATES)[number];
export const ONGOING = ["yes", "no", "unknown"] as const;
export type Ongoing = (typeof ONGOING)[number];

const ja = {
  modal: {
    reportTitle: "個人情報の事故を報告",
    assessTitle: "事故の評価",
    submit: "送信",
    assessSubmit: "評価を保存",
    close: "キャンセル",
    intro:
      "分かっていることだけで構いません。すぐに報告してください（ビジネスパートナー規約別紙「お客様情報の保護に関する細則」第9条も、漏えい等の即時報告を求めています）。証拠となるデータやメールは削除しないでください。",
    summary: "何が起きましたか",
    summaryHint: "例：顧客名簿を添付したメールを誤って社外の1名に送信した",
    discoveredOn: "気づいた日",
    discoveredTime: "気づいた時刻",
    data: "どの種類のデータですか",
    dataHint: "項目の種類で（例：顧客の氏名・メールアドレス・電話番号）。実際の氏名や番号は書かないでください",
    affected: "影響を受ける人数（おおよそ）",
    affectedOption: { "1-9": "1〜9人", "10-99": "10〜99人", "100-1000": "100〜1,000人", "over-1000": "1,000人超", unknown: "分からない" } as Record<
      AffectedEstimate,
      string
    >,
    ongoing: "まだ続いていますか",
    ongoingOption: { yes: "続いている", no: "止まった", unknown: "分からない" } as Record<Ongoing, string>,
    processor: "取引先から預かっているデータですか（当社が委託先）",
    processorHint: "はいの場合、委託元への報告が最優先です（法第26条1項ただし書）",
    processorOption: { yes: "はい（委託元のデータ）", no: "いいえ・分からない" },
    contact: "連絡先",
    contactHint: "内線・携帯など、すぐ連絡がつく方法",
    assessIntro: (code: string) => `*${code}* の評価（施行規則 第7条）。変更すると期限を再計算し、理由とともに記録します。`,
    categories: "報告対象事態（施行規則 第7条）",
    category: {
      sensitive: "要配慮個人情報を含む（1号）",
      "financial-loss": "不正利用により財産的被害のおそれ（2号）",
      malicious: "不正の目的をもって行われたおそれ（3号：不正アクセス・内部不正等。取得しようとしている個人情報への行為を含む。例：Webフォームの改ざん）",
      "over-1000": "本人の数が1,000人を超える、又は超えるおそれがある（4号。人数が未確定でも選べます）",
    },
    encrypted: "高度な暗号化等の措置が講じられていますか",
    encryptedOption: { yes: "はい（鍵も漏えいしていない）", no: "いいえ・分からない" },
    affectedCount: "本人の数（分かる範囲で、概数可）",
    dataItems: "個人データの項目",
    cause: "現時点で分かっている原因",
    reason: "評価を変更する理由",
    reasonHint: "評価を変更する理由はタイムラインに記録されます。",
  },
  problem: {
    required: "入力してください。",
    categoriesNotValues: "データの種類（例：氏名、電話番号）を書いてください。実際の氏名・住所・番号・メールアドレスは書かないでください。",
    tooLong: (n: number) => `${n}文字以内で入力してください。`,
    future: "未来の日時は指定できません。",
    badTime: "時刻を選んでください。",
    badCount: "0以上の整数で入力してください。",
    countContradicts: "人数が1,000人を超えています。「1,000人を超える、又は超えるおそれ」を選んでください。",
    reasonNeeded: "再評価では変更の理由を入力してください。",
  },
  parent: {
    header: (code: string) => `🚨 ${code} 個人情報の事故`,
    status: "状況",
    reporter: "報告者",
    discoveredAt: "気づいた日時",
    reportedAt: "報告日時",
    data: "データ",
    affected: "人数（概数）",
    ongoing: "継続中",
    processor: "委託元のデータ",
    contact: "連絡先",
    yes: "はい",
    no: "いいえ",
    notAssessed: "報告対象事態（施行規則 第7条）：未評価（要配慮・財産的被害・不正の目的・1,000人超のいずれに当たるか未確認）",
    processorFirst: "⚠️ 委託元のデータです。委託元へ速やかに報告してください（法第26条1項ただし書）。",
    reportable: "報告の要否",
    deadlines: "期限（日本時間）",
    noDeadlines: "期限なし",
    assessedBy: (who: string, at: string) => `評価：${who}（${at}）`,
    assess: "評価する",
    reassess: "再評価する",
  },
  thread: {
    reported: (code: string, reporter: string, discovered: string, assessors: string) =>
      `📝 ${code} の報告を受け付けました（報告者 ${reporter}、気づいた日時 ${discovered}）。${assessors} 「評価する」から第7条の評価をしてください。`,
    nobody: "（個人情報管理責任者が登録されていません）",
    triaged: (who: string) => `🔎 ${who} が評価しました。`,
    reassessed: (who: string, reason: string) => `🔁 ${who} が再評価しました（理由：${reason}）。`,
    deadlinesHeader: "期限（日本時間）：",
    noChange: "期限・報告の要否に変更はありません。",
  },
  dm: {
    toResponders: (code: string, reporter: string, summary: string) =>
      `🚨 新しい個人情報の事故 *${code}*（報告者 ${reporter}）\n>${summary}\n評価と対応をお願いします。`,
    noChannel: "※ 事故報告チャンネルが設定されていないため、DMでお知らせしています。`/privacy admin` で設定してください。",
    toReporter: (code: string, chiefs: string) =>
      `ご報告ありがとうございます。事案番号は *${code}* です。\n個人情報管理責任者とコンプライアンス担当に伝えました。今後の対応はこの担当者から連絡します。\n・関係するデータ・メール・ログは削除しないでください（証拠になります）。\n・追加で分かったことや質問は ${chiefs} へ連絡してください。\n・状況は \`/privacy incident status ${code}\` で確認できます。`,
    open: "スレッドを開く",
  },
  refusal: {
    notAssessor: "事故の評価ができるのは個人情報管理責任者（代理を含む）・コンプライアンス担当・この事故の対応リーダーのみです。",
    notFound: "事故が見つかりません。",
    notResponder: "この事故の詳細を見られるのは、報告者と対応者（個人情報管理責任者とその代理、コンプライアンス担当、監査責任者、対応リーダー）のみです。",
    closed: "この事故は完了しています。",
  },
  command: {
    usage: ["/privacy incident — 個人情報の事故を報告", "/privacy incident status INC-... — 事故の状況と期限"],
    badCode: (w: string) => `事案番号の形式が違います：${w}（例：INC-2026-0001）`,
    status: (code: string, status: string) => `*${code}* 状況：${status}`,
    notAssessed: "未評価（期限は評価後に決まります）",
  },
  done: (code: string) => `報告を受け付けました（${code}）。DMをご確認ください。`,
  failed: "記録できませんでした。もう一度お試しください。",
};

const en: typeof ja = {
  modal: {
    reportTitle: "Report a data incident",
    assessTitle: "Assess the incident",
    submit: "Send",
    assessSubmit: "Save",
    close: "Cancel",
    intro:
      "Tell us what you know now; do not wait (the business partners' Customer Information Protection Rules, Art.9, also require an immediate report). Do not delete data or mails that may be evidence.",
    summary: "What happened?",
    summaryHint: "e.g. a mail with the customer list attached went to one outside address by mistake",
    discoveredOn: "Date you noticed it",
    discoveredTime: "Time you noticed it",
    data: "Which kinds of data?",
    dataHint: "The kinds (e.g. customers' names, mail addresses and phone numbers), never the actual names or numbers",
    affected: "Roughly how many people?",
    affectedOption: { "1-9": "1-9", "10-99": "10-99", "100-1000": "100-1,000", "over-1000": "more than 1,000", unknown: "don't know" },
    ongoing: "Is it still going on?",
    ongoingOption: { yes: "yes", no: "it stopped", unknown: "don't know" },
    processor: "Do we hold this data for a client (as its processor)?",
    processorHint: "If yes, the client must be told first (APPI Art.26(1) proviso)",
    processorOption: { yes: "yes (the client's data)", no: "no / don't know" },
    contact: "How to reach you",
    contactHint: "extension, mobile",
    assessIntro: (code: string) => `Assessment of *${code}* (Enforcement Rules Art.7). A change recomputes the deadlines and records why.`,
    categories: "Reportable categories (Enforcement Rules Art.7)",
    category: {
      sensitive: "sensitive personal information (1)",
      "financial-loss": "possible financial loss (2)",
      malicious:
        "possibly caused with unauthorized intent (3: intrusion, insider theft; includes acts on personal information being acquired, e.g. a skimmed web form)",
      "over-1000": "more than 1,000 people, or possibly more (4; may be ticked while the number is unknown)",
    },
    encrypted: "Was the data strongly encrypted?",
    encryptedOption: { yes: "yes (and the key did not leak)", no: "no / don't know" },
    affectedCount: "Number of people (estimate)",
    dataItems: "Data items",
    cause: "Cause so far",
    reason: "Why the assessment changes",
    reasonHint: "The reason goes on the incident's timeline.",
  },
  problem: {
    required: "Required.",
    categoriesNotValues: "Name the kinds of data (e.g. name, phone number), not the data itself: no actual names, addresses, numbers or e-mail addresses.",
    tooLong: (n: number) => `At most ${n} characters.`,
    future: "Cannot be in the future.",
    badTime: "Pick a time.",
    badCount: "Enter a whole number, 0 or more.",
    countContradicts: 'The number is over 1,000: tick "more than 1,000 people, or possibly more".',
    reasonNeeded: "Say why the assessment changes.",
  },
  parent: {
    header: (code: string) => `🚨 ${code} personal data incident`,
    status: "Status",
    reporter: "Reported by",
    discoveredAt: "Noticed at",
    reportedAt: "Reported at",
    data: "Data",
    affected: "People (estimate)",
    ongoing: "Still going on",
    processor: "Client's data",
    contact: "Contact",
    yes: "yes",
    no: "no",
    notAssessed: "Reportable categories (Art.7): not assessed yet (sensitive, financial loss, malicious, more than 1,000 people all unknown)",
    processorFirst: "⚠️ This is a client's data: tell the client promptly (APPI Art.26(1) proviso).",
    reportable: "Reportable",
    deadlines: "Deadlines (Tokyo time)",
    noDeadlines: "no deadlines",
    assessedBy: (who: string, at: string) => `Assessed by ${who} (${at})`,
    assess: "Assess",
    reassess: "Reassess",
  },
  thread: {
    reported: (code: string, reporter: string, discovered: string, assessors: string) =>
      `📝 ${code} reported by ${reporter} (noticed ${discovered}). ${assessors} please assess it (Art.7) with "Assess".`,
    nobody: "(no chief in the directory)",
    triaged: (who: string) => `🔎 Assessed by ${who}.`,
    reassessed: (who: string, reason: string) => `🔁 Reassessed by ${who} (why: ${reason}).`,
    deadlinesHeader: "Deadlines (Tokyo time):",
    noChange: "No change to the deadlines or reportability.",
  },
  dm: {
    toResponders: (code: string, reporter: string, summary: string) =>
      `🚨 New personal data incident *${code}* (reported by ${reporter})\n>${summary}\nPlease assess and respond.`,
    noChannel: "(No incidents channel is set, so you get this by DM. Set one with `/privacy admin`.)",
    toReporter: (code: string, chiefs: string) =>
      `Thank you for reporting. The incident is *${code}*.\nThe chief privacy officer and compliance have been told and will contact you.\n• Do not delete the data, mails or logs concerned (they are evidence).\n• Anything new or any question: ${chiefs}.\n• \`/privacy incident status ${code}\` shows where it stands.`,
    open: "Open the thread",
  },
  refusal: {
    notAssessor: "Only the chief privacy officer, the deputy chief, compliance or the incident's lead can assess an incident.",
    notFound: "No such incident.",
    notResponder: "Only the reporter and the responders (chief, deputy chief, compliance, auditor, incident lead) can see this incident.",
    closed: "This incident is closed.",
  },
  command: {
    usage: ["/privacy incident — report a personal data incident", "/privacy incident status INC-... — its status and deadlines"],
    badCode: (w: string) => `Not an incident code: ${w} (e.g. INC-2026-0001)`,
    status: (code: string, status: string) => `*${code}* status: ${status}`,
    notAssessed: "not assessed yet (deadlines are set by the assessment)",
  },
  done: (code: string) => `Reported (${code}). Check your DMs.`,
  failed: "Could not record it. Please try again.",
};

export const incidentSlackMessages = catalogue(ja, en);
export type IncidentSlackMessages = typeof ja;
