// What the provide kind (第三者提供, 規程 第16条) says, in Japanese (default) and English, with the same
// shape: the English catalogue is typed by the Japanese one, so a missing or extra key does not compile.
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../../platform/i18n.js";
import type { KindTexts } from "../types.js";

const ja = {
  name: "第三者提供",
  description: "個人情報を第三者に提供するときの届出です（原則禁止、やむを得ない場合のみ）。",
  fields: {
    unavoidableReason: {
      label: "提供がやむを得ない理由",
      hint: "第三者提供は原則禁止です（規程第16条）。業務上やむを得ないと判断した理由を具体的に書いてください。",
      placeholder: "例：保険金の請求手続のため、保険会社に事故の当事者情報を提供する必要がある",
    },
    recipientName: { label: "提供先の名称", placeholder: "例：〇〇損害保険株式会社" },
    dataItems: { label: "提供する個人情報の項目", placeholder: "例：氏名、生年月日、連絡先" },
    dataSubjects: {
      label: "本人（情報主体）の範囲",
      hint: "提供記録に残ります。誰の情報か分かるように書いてください（個人情報保護法第29条）。",
      placeholder: "例：2025年度キャンペーンの当選者",
    },
    headcount: { label: "対象人数（概数）", hint: "分かれば概数を半角数字で入力してください。", placeholder: "例：120" },
    legalBasis: {
      label: "提供の法的根拠",
      hint: "オプトアウトは、個人情報保護委員会への届出と公表が前提で、要配慮個人情報や不正に取得された個人データなどには使えません（個人情報保護法第27条第2項）。",
    },
    exception: {
      label: "例外事由（個人情報保護法第27条第1項）",
      hint: "「例外事由」を選んだ場合は必須です。(1) 法令に基づく場合 (2) 人の生命、身体又は財産の保護のために必要で、本人の同意を得ることが困難なとき (3) 公衆衛生の向上又は児童の健全な育成の推進のために特に必要で、本人の同意を得ることが困難なとき (4) 国の機関、地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに協力する必要があり、本人の同意を得ると事務の遂行に支障を及ぼすおそれがあるとき",
    },
    consentOrProvisionDate: {
      label: "同意取得日（本人の同意の場合）又は提供予定日",
      hint: "本人の同意の場合は同意を得た日（これから得る場合はその予定日）、それ以外は提供日（予定日）を選んでください。提供記録に残ります（個人情報保護法第29条）。",
    },
    foreign: {
      label: "提供先は外国にありますか",
      hint: "外国にある第三者への提供には、原則としてその旨の本人の同意と、移転先の国の名称・個人情報保護制度・提供先の措置についての情報提供が必要です（個人情報保護法第28条）。",
    },
    country: { label: "提供先の国名", hint: "外国にある場合は必須です。", placeholder: "例：シンガポール" },
    retentionYears: {
      label: "提供記録の保存期間",
      hint: "本人への物品・役務の提供に関連する提供で、契約書等を記録に代える場合は1年、それ以外は3年です（個人情報保護法第29条、同法施行規則）。",
    },
  },
  options: {
    legalBasis: {
      consent: "本人の同意",
      exception: "例外事由（法第27条第1項、同意不要）",
      optout: "オプトアウト（法第27条第2項、個人情報保護委員会へ届出）",
    },
    exception: {
      law: "(1) 法令に基づく場合",
      life: "(2) 人の生命・身体・財産の保護（同意の取得が困難）",
      public_health: "(3) 公衆衛生の向上・児童の健全な育成（同意の取得が困難）",
      state: "(4) 国の機関等の法令上の事務への協力（同意で支障）",
    },
    foreign: { no: "いいえ（日本国内）", yes: "はい（外国にある第三者）" },
    retentionYears: { "1": "1年（契約書等を記録に代える場合）", "3": "3年" },
  },
  errors: {
    unavoidableReason: "提供がやむを得ない理由を入力してください",
    recipientName: "提供先の名称を入力してください",
    dataItems: "提供する個人情報の項目を入力してください",
    dataSubjects: "本人（情報主体）の範囲を入力してください",
    legalBasis: "提供の法的根拠を選んでください",
    exception: "例外事由（個人情報保護法第27条第1項(1)〜(4)）を選んでください",
    consentOrProvisionDate: "同意取得日又は提供予定日を選んでください",
    foreign: "提供先が外国にあるかどうかを選んでください",
    country: "外国にある場合は提供先の国名を入力してください（個人情報保護法第28条）",
    retentionYears: "提供記録の保存期間を選んでください",
  },
  summary: {
    basis: "法的根拠",
    date: "同意取得日／提供予定日",
    foreign: "外国にある第三者",
    foreignNo: "いいえ（日本国内）",
    foreignYes: (country: string) => `はい（${country}）`,
  },
  /** The provision record's basis text (kept in the company's record language). */
  record: {
    consent: "本人の同意",
    exception: (n: number, what: string) => `個人情報保護法第27条第1項第${n}号（${what}）`,
    optout: "オプトアウト（個人情報保護法第27条第2項）",
    foreign: (country: string) => `外国にある第三者への提供（${country}、個人情報保護法第28条）`,
  },
  /** Labels of its measures after final approval (必要な措置). */
  measures: {
    basis_consent: "本人の同意の確認（同意の記録の保管、規程第16条）",
    basis_exception: (n: number) => `例外事由（個人情報保護法第27条第1項第${n}号）に当たることの確認（規程第16条）`,
    basis_optout: "オプトアウトの要件（本人への通知又は公表・停止の求めへの対応）の確認（個人情報保護法第27条第2項）",
    provision_record: "提供記録の作成（個人情報保護法第29条）",
    cross_border_info: (country: string) => `外国にある第三者への提供に関する情報提供（移転先：${country}、個人情報保護法第28条）`,
    optout_notified: "個人情報保護委員会への届出の確認（個人情報保護法第27条第2項）",
  },
} satisfies KindTexts;

export type ProvideMessages = typeof ja;

const en: ProvideMessages = {
  name: "Third-party provision",
  description: "File this before providing personal information to a third party (prohibited in principle; only when unavoidable).",
  fields: {
    unavoidableReason: {
      label: "Why the provision is unavoidable",
      hint: "Provision to third parties is prohibited in principle (Rule Art.16). Explain specifically why it is unavoidable for the business.",
      placeholder: "e.g. The insurer needs the parties' details to process the insurance claim",
    },
    recipientName: { label: "Recipient", placeholder: "e.g. Example Insurance Co., Ltd." },
    dataItems: { label: "Personal data items provided", placeholder: "e.g. Name, date of birth, contact details" },
    dataSubjects: {
      label: "Whose information (data subjects)",
      hint: "This goes into the provision record. Describe whose information it is (APPI Art.29).",
      placeholder: "e.g. Winners of the 2025 campaign",
    },
    headcount: { label: "Number of people (approx.)", hint: "If known, an approximate number in digits.", placeholder: "e.g. 120" },
    legalBasis: {
      label: "Legal basis",
      hint: "Opt-out requires notifying the Personal Information Protection Commission and publishing it, and cannot be used for sensitive data or data obtained improperly (APPI Art.27(2)).",
    },
    exception: {
      label: "Exception (APPI Art.27(1))",
      hint: "Required when you choose an exception. (1) Based on laws and regulations. (2) Needed to protect a person's life, body or property, and consent is hard to obtain. (3) Especially needed for public health or the healthy growth of children, and consent is hard to obtain. (4) Needed to cooperate with a state body, local government or their contractor carrying out duties set by law, and asking for consent would hinder those duties.",
    },
    consentOrProvisionDate: {
      label: "Date of consent (with consent) or planned provision date",
      hint: "With consent, the date consent was obtained (or will be); otherwise the (planned) date of provision. It goes into the provision record (APPI Art.29).",
    },
    foreign: {
      label: "Is the recipient in a foreign country?",
      hint: "Provision to a third party abroad generally needs the person's consent to it and information on the destination country, its data-protection system and the recipient's measures (APPI Art.28).",
    },
    country: { label: "Recipient's country", hint: "Required when the recipient is abroad.", placeholder: "e.g. Singapore" },
    retentionYears: {
      label: "Keep the provision record for",
      hint: "1 year when the provision relates to goods or services for the person and a contract or similar document serves as the record; otherwise 3 years (APPI Art.29 and its rules).",
    },
  },
  options: {
    legalBasis: {
      consent: "The person's consent",
      exception: "An exception of APPI Art.27(1) (no consent needed)",
      optout: "Opt-out (APPI Art.27(2), notified to the PPC)",
    },
    exception: {
      law: "(1) Based on laws and regulations",
      life: "(2) Protecting life, body or property (consent hard to get)",
      public_health: "(3) Public health or children's growth (consent hard to get)",
      state: "(4) Cooperating with state bodies' legal duties (consent would hinder)",
    },
    foreign: { no: "No (in Japan)", yes: "Yes (a third party abroad)" },
    retentionYears: { "1": "1 year (a contract or similar serves as the record)", "3": "3 years" },
  },
  errors: {
    unavoidableReason: "Please explain why the provision is unavoidable",
    recipientName: "Please enter the recipient",
    dataItems: "Please enter the personal data items provided",
    dataSubjects: "Please describe whose information it is",
    legalBasis: "Please choose the legal basis",
    exception: "Please choose the exception (APPI Art.27(1)(1)-(4))",
    consentOrProvisionDate: "Please pick the date of consent or the planned provision date",
    foreign: "Please choose whether the recipient is abroad",
    country: "Please enter the recipient's country (APPI Art.28)",
    retentionYears: "Please choose how long to keep the provision record",
  },
  summary: {
    basis: "Legal basis",
    date: "Consent / provision date",
    foreign: "Recipient abroad",
    foreignNo: "No (in Japan)",
    foreignYes: (country) => `Yes (${country})`,
  },
  record: {
    consent: "The person's consent",
    exception: (n, what) => `APPI Art.27(1)(${n}) (${what})`,
    optout: "Opt-out (APPI Art.27(2))",
    foreign: (country) => `Provision to a third party abroad (${country}, APPI Art.28)`,
  },
  measures: {
    basis_consent: "Confirm the person's consent (keep the record of consent, Rule Art.16)",
    basis_exception: (n) => `Confirm that the exception of APPI Art.27(1)(${n}) applies (Rule Art.16)`,
    basis_optout: "Confirm the opt-out requirements (notice or publication, handling requests to stop) (APPI Art.27(2))",
    provision_record: "Create the provision record (APPI Art.29)",
    cross_border_info: (country) => `Provide the information on provision to a third party abroad (destination: ${country}, APPI Art.28)`,
    optout_notified: "Confirm the notification to the Personal Information Protection Commission (APPI Art.27(2))",
  },
};

export const provideMessages = catalogue<ProvideMessages>(ja, en);
