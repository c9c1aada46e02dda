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
  /**
   * Where the recipient (provide), processor (entrust) or joint users (joint) are: the route of
   * APPI Art.28(1), asked by each of the three kinds (see ./abroad.ts).
   */
  abroad: {
    destination: {
      label: "所在地（外国にある第三者への提供：個人情報保護法第28条）",
      hint: "外国にある場合は、次のどれに当たるかを選んでください。(a) 個人情報保護委員会が指定する国（EU・EEA加盟国と英国）又は (b) 相手方が基準適合体制（施行規則第16条）を整備している場合は、国内と同じく法第27条が適用されます（(b)では法第28条第3項の措置が必要です）。(c) それ以外の外国にある相手方には、施行規則第17条の情報を提供したうえでの本人の同意又は法第27条第1項の例外事由によってしか提供できず、オプトアウト・委託・共同利用は使えません（法第28条第1項）。",
    },
    country: { label: "国名", hint: "外国にある場合は必須です。", placeholder: "例：シンガポール" },
    options: {
      domestic: "日本国内",
      designated: "外国：委員会が指定する国（EU・EEA加盟国、英国）",
      equivalent: "外国：相手方が基準適合体制を整備（施行規則第16条）",
      other: "外国：上記のいずれにも当たらない",
    },
    errors: {
      destination: "所在地（日本国内か、外国ならどの区分か）を選んでください（個人情報保護法第28条）",
      country: "外国にある場合は国名を入力してください（個人情報保護法第28条）",
    },
    summary: {
      label: "所在地（法第28条）",
      domestic: "日本国内",
      designated: (country: string) => `外国（${country}）：個人情報保護委員会が指定する国。法第27条が適用されます`,
      equivalent: (country: string) => `外国（${country}）：基準適合体制（施行規則第16条）。法第27条が適用され、法第28条第3項の措置が必要です`,
      other: (country: string) => `外国（${country}）：本人の同意（施行規則第17条の情報提供付き）又は法第27条第1項の例外事由が必要です（法第28条第1項）`,
      legacyAbroad: (country: string) => `外国（${country}）：区分の記録なし`,
    },
  },
  /** The question on minors (the closing note of the 規程: a company rule). */
  minors: {
    label: "本人に未成年者を含みますか",
    hint: "含む場合は、本人（未成年者）と保護者（親権者など）の両方の同意を得て記録します（当社の規程の末尾の注記）。個人情報保護法には年齢の定めがなく、何歳から本人が自ら同意できるかは法令上明確ではありません。",
    options: { no: "含まない", yes: "含む" },
    error: "本人に未成年者を含むかどうかを選んでください",
    summary: "未成年者",
    summaryYes: "含む：本人と保護者の両方の同意（当社の規程）",
    summaryNo: "含まない",
  },
  /** The register entry the request updates when effective (src/register/; 規程 第23条). */
  registerEntry: {
    label: "個人データ管理台帳の登録番号（既存の台帳に追加する場合）",
    hint: "有効になったとき、この台帳の項目を更新します（例：REG-2026-0001、`/privacy register` で検索できます）。空欄なら、利用目的の届出では台帳に新しく登録し、委託・提供・共同利用の届出ではこの届出から新しい項目を作ります。",
    placeholder: "REG-2026-0001",
    error: "台帳の登録番号は REG-2026-0001 の形で入力してください（空欄でも構いません）",
  },
  /** Measures several kinds share (the same key, the same label); a kind's own are in its catalogue. */
  measures: {
    purpose_published: "利用目的の公表又は通知（規程第6〜8条・個人情報保護法第21条）",
    ledger_registered: "個人データ管理台帳への登録",
    /** collection in writing or by a web form: APPI Art.21(2) */
    purpose_stated: "取得の前に利用目的を本人に明示（書面・Webフォームで本人から直接取得：個人情報保護法第21条第2項）",
    /** face to face: the company's own rule, stricter than the law */
    face_to_face_notice: "規程第6条各号の事項を記載した書面の交付と本人の同意の取得・記録（対面での直接収集：当社の規程第6条）",
    website_rule_notice: "第6条の方法で同意が取れなかった場合のため、個人情報保護方針と第6条各号の事項を当社ホームページに掲示（当社の規程第7条）",
    /** indirect collection: APPI Art.21(1) */
    purpose_notified_after: "取得後速やかに利用目的を本人に通知又は公表（あらかじめ公表している場合を除く、個人情報保護法第21条第1項）",
    minor_guardian_consent: "本人（未成年者）と保護者（親権者など）の両方の同意の取得と記録（当社の規程の末尾の注記）",
    equivalent_checks: (country: string) =>
      `相手方（${country}）による相当措置の実施状況と、それに影響するおそれのある移転先の国の制度の有無・内容の定期的な確認、支障があるときの対応の手順（個人情報保護法第28条第3項、施行規則第18条）`,
    equivalent_info:
      "本人の求めに応じ、相当措置の継続的な実施を確保するための措置に関する情報を提供する手順の整備（個人情報保護法第28条第3項、施行規則第18条）",
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
  abroad: {
    destination: {
      label: "Where it is (provision to a third party abroad: APPI Art.28)",
      hint: "If abroad, choose which case applies. (a) A country the Personal Information Protection Commission designates (the EU/EEA member states and the UK) or (b) a party with a system meeting the standards of the PPC Rules Art.16: APPI Art.27 applies as in Japan (for (b) the measures of Art.28(3) are needed too). (c) Any other party abroad: only the person's consent given with the information of PPC Rules Art.17, or an exception of Art.27(1); opt-out, entrustment and joint use are not available (Art.28(1)).",
    },
    country: { label: "Country", hint: "Required when abroad.", placeholder: "e.g. Singapore" },
    options: {
      domestic: "In Japan",
      designated: "Abroad: a country the PPC designates (EU/EEA, UK)",
      equivalent: "Abroad: the party meets the standards of PPC Rules Art.16",
      other: "Abroad: none of the above",
    },
    errors: {
      destination: "Please choose where it is (in Japan, or which case abroad) (APPI Art.28)",
      country: "Please enter the country when it is abroad (APPI Art.28)",
    },
    summary: {
      label: "Where (APPI Art.28)",
      domestic: "In Japan",
      designated: (country) => `Abroad (${country}): a country the PPC designates. APPI Art.27 applies`,
      equivalent: (country) => `Abroad (${country}): a system meeting PPC Rules Art.16. APPI Art.27 applies, and the measures of Art.28(3) are needed`,
      other: (country) =>
        `Abroad (${country}): needs the person's consent (with the information of PPC Rules Art.17) or an exception of APPI Art.27(1) (Art.28(1))`,
      legacyAbroad: (country) => `Abroad (${country}): case not recorded`,
    },
  },
  minors: {
    label: "Do the data subjects include minors?",
    hint: "If so, the consent of both the minor and the guardian (e.g. the person with parental authority) is obtained and recorded (the closing note of our Rule). The APPI sets no age; from what age a minor can consent alone is not clear in law.",
    options: { no: "No", yes: "Yes" },
    error: "Please choose whether the data subjects include minors",
    summary: "Minors",
    summaryYes: "Yes: consent of both the minor and the guardian (our Rule)",
    summaryNo: "No",
  },
  registerEntry: {
    label: "Register entry to update (when adding to an existing one)",
    hint: "When effective, this entry of the register of personal data is updated (e.g. REG-2026-0001; search with `/privacy register`). Empty: a purpose request makes a new entry, and an entrustment, provision or joint use request makes one from the request.",
    placeholder: "REG-2026-0001",
    error: "Please write the register code as REG-2026-0001 (or leave it empty)",
  },
  measures: {
    purpose_published: "Publish or notify the purpose of use (Rule Art.6-8, APPI Art.21)",
    ledger_registered: "Register in the register of personal data",
    purpose_stated: "State the purpose of use to the person before collecting (directly, in writing or by a web form: APPI Art.21(2))",
    face_to_face_notice: "Hand over the document with the items of Rule Art.6 and obtain and record the person's consent (face to face: our Rule Art.6)",
    website_rule_notice:
      "Post the privacy policy and the items of Rule Art.6 on our website, for when consent in the Art.6 way cannot be obtained (our Rule Art.7)",
    purpose_notified_after: "Notify the person of the purpose or publish it promptly after collecting (unless published beforehand, APPI Art.21(1))",
    minor_guardian_consent:
      "Obtain and record the consent of both the minor and the guardian (e.g. the person with parental authority) (the closing note of our Rule)",
    equivalent_checks: (country) =>
      `Periodically check how the party (${country}) carries out the equivalent measures and whether the country has any system that may affect them, and what to do if there is a problem (APPI Art.28(3), PPC Rules Art.18)`,
    equivalent_info:
      "Set up how the person is given, on request, information on the measures that keep the equivalent measures in place (APPI Art.28(3), PPC Rules Art.18)",
  },
};

export const kindMessages = catalogue<KindMessages>(ja, en);
