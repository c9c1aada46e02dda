// What the provide kind (第三者提供, 規程 第16条) says, in Japanese (default) and English, with the same
// shape: the English catalogue is typed by the Japanese one, so a missing or extra key does not compile.
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../../platform/i18n.js";
import { registerEntryText } from "../registerEntry.js";
import { abroadTexts } from "../abroad.js";
import { kindMessages } from "../messages.js";
import type { KindTexts } from "../types.js";

const abroadJa = abroadTexts("ja");
const abroadEn = abroadTexts("en");
const minorsJa = kindMessages("ja").minors;
const minorsEn = kindMessages("en").minors;

/** The guideline the telecom categories come from (its current version, as amended). */
const GUIDELINE_JA = "電気通信事業における個人情報等の保護に関するガイドライン（令和4年個人情報保護委員会・総務省告示第4号、改正を含む）";
const GUIDELINE_EN = "the Guidelines on the Protection of Personal Information in Telecommunications Business (2022 PPC and MIC Notice No.4, as amended)";

const ja = {
  name: "第三者提供",
  description: "個人情報を第三者に提供するときの届出です（原則禁止、やむを得ない場合のみ）。",
  fields: {
    registerEntry: registerEntryText("ja"),
    unavoidableReason: {
      label: "提供がやむを得ない理由",
      hint: "第三者提供は原則禁止です（規程第16条）。業務上やむを得ないと判断した理由を具体的に書いてください。",
      placeholder: "例：保険金の請求手続のため、保険会社に事故の当事者情報を提供する必要がある",
    },
    recipientName: { label: "提供先の名称", placeholder: "例：〇〇損害保険株式会社" },
    destination: abroadJa.fields.destination,
    country: abroadJa.fields.country,
    dataItems: { label: "提供する個人情報の項目", placeholder: "例：氏名、生年月日、連絡先" },
    sensitive: {
      label: "要配慮個人情報を含みますか",
      hint: "病歴、健康診断等の結果、犯罪の経歴など（個人情報保護法第2条第3項）。要配慮個人情報はオプトアウトでは提供できません（同法第27条第2項ただし書）。",
    },
    secrecy: {
      label: "通信の秘密に属する情報を含みますか（電気通信事業法第4条）",
      hint: "通信の内容だけでなく、通信の日時・相手方・通信履歴など通信の構成要素も通信の秘密に当たります。含む場合、提供は法務確認を経て、違法性阻却事由があるときに限られます。",
    },
    secrecyGround: {
      label: "通信の秘密を提供できる根拠",
      hint: "通信の秘密を含む場合は必須です。通信当事者の個別具体的かつ明確な同意、令状・裁判所の命令（発信者情報開示命令など）、正当防衛、緊急避難（生命・身体への差し迫った危険）のいずれかに限られます。警察・税務署等からの照会だけでは提供できません（当社の個人情報保護方針 3.[6]ただし書）。",
    },
    telecomCategories: {
      label: "電気通信事業ガイドラインの区分",
      hint: `当てはまるものを選んでください。区分ごとの取扱いの制限が届出に表示されます（${GUIDELINE_JA}）。`,
    },
    recipientPublicBody: {
      label: "提供先が国の機関等か",
      hint: "国の機関、地方公共団体、独立行政法人等、地方独立行政法人（個人情報保護法第16条第2項各号）への提供は、提供記録の作成義務の対象外です（法第29条第1項括弧書）。ただし、外国にある第三者への提供（法第28条第1項）では対象外になりません。",
    },
    dataSubjects: {
      label: "本人（情報主体）の範囲",
      hint: "提供記録に残ります。誰の情報か分かるように書いてください（個人情報保護法第29条）。",
      placeholder: "例：2025年度キャンペーンの当選者",
    },
    minors: { label: minorsJa.label, hint: minorsJa.hint },
    headcount: { label: "対象人数（概数）", hint: "分かれば概数を半角数字で入力してください。", placeholder: "例：120" },
    legalBasis: {
      label: "提供の法的根拠",
      hint: "オプトアウトは、個人情報保護委員会へのあらかじめの届出が前提で、要配慮個人情報、不正の手段で取得したもの、他の事業者からオプトアウトで提供を受けたもの（複製・加工したものを含む）、通信の秘密には使えません（個人情報保護法第27条第2項、電気通信事業法第4条）。",
    },
    exception: {
      label: "例外事由（個人情報保護法第27条第1項）",
      hint: "「例外事由」を選んだ場合は必須です。提供記録の作成義務はありません（法第29条第1項ただし書）。(1) 法令に基づく場合 (2) 人の生命、身体又は財産の保護のために必要で、本人の同意を得ることが困難なとき (3) 公衆衛生の向上又は児童の健全な育成の推進のために特に必要で、本人の同意を得ることが困難なとき (4) 国の機関、地方公共団体又はその委託を受けた者が法令の定める事務を遂行することに協力する必要があり、本人の同意を得ると事務の遂行に支障を及ぼすおそれがあるとき",
    },
    stateConditions: {
      label: "第4号の2つの要件（個人情報保護法第27条第1項第4号）",
      hint: "例外事由(4)を選んだ場合は、両方に当たることが必要です。",
    },
    foreignInfo: {
      label: "本人に提供した情報（施行規則第17条）",
      hint: "所在地が「上記のいずれにも当たらない」外国で、本人の同意による場合は、同意を得る前に3つすべてを本人に提供する必要があります（個人情報保護法第28条第2項）。",
    },
    optoutChecks: {
      label: "オプトアウトの要件（個人情報保護法第27条第2項）",
      hint: "オプトアウトを選んだ場合は、3つすべてに当たることが必要です。",
    },
    consentOrProvisionDate: {
      label: "同意取得日（本人の同意の場合）又は提供予定日",
      hint: "本人の同意の場合は同意を得た日（これから得る場合はその予定日）、それ以外は提供日（予定日）を選んでください。提供記録に残ります（個人情報保護法第29条）。",
    },
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
    destination: abroadJa.options.destination,
    sensitive: { no: "含まない", yes: "含む" },
    secrecy: { no: "含まない", yes: "含む" },
    secrecyGround: {
      parties_consent: "通信当事者の個別具体的かつ明確な同意",
      warrant: "令状・裁判所の命令（発信者情報開示命令など）",
      self_defence: "正当防衛",
      emergency: "緊急避難（生命・身体への差し迫った危険）",
      inquiry: "警察・税務署等からの照会のみ（令状なし）",
    },
    telecomCategories: {
      history: "通信履歴",
      location: "位置情報",
      sender: "発信者情報",
      nonpayment: "不払い者情報",
      statement: "利用明細",
    },
    minors: minorsJa.options,
    recipientPublicBody: { public_body: "国の機関・地方公共団体・独立行政法人等・地方独立行政法人（法第16条第2項）" },
    stateConditions: {
      assigned_task: "国の機関等が法令の定める事務を遂行することに協力する必要がある",
      consent_impedes: "本人の同意を得ると当該事務の遂行に支障を及ぼすおそれがある",
    },
    foreignInfo: {
      country: "移転先の国の名称",
      system: "その国の個人情報の保護に関する制度の情報",
      measures: "提供先が講ずる個人情報の保護のための措置の情報",
    },
    optoutChecks: {
      filed: "個人情報保護委員会にあらかじめ届け出た",
      lawful: "不正の手段で取得したもの（法第20条第1項違反）ではない",
      not_optout: "他社からオプトアウトで提供を受けたもの（複製・加工を含む）ではない",
    },
    exception: {
      law: "(1) 法令に基づく場合",
      life: "(2) 人の生命・身体・財産の保護（同意の取得が困難）",
      public_health: "(3) 公衆衛生の向上・児童の健全な育成（同意の取得が困難）",
      state: "(4) 国の機関等の法令上の事務への協力（同意で支障）",
    },
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
    destination: kindMessages("ja").abroad.errors.destination,
    country: kindMessages("ja").abroad.errors.country,
    retentionYears: "提供記録の保存期間を選んでください",
    sensitive: "要配慮個人情報を含むかどうかを選んでください",
    secrecy: "通信の秘密に属する情報を含むかどうかを選んでください",
    minors: minorsJa.error,
    secrecyGround: "通信の秘密を提供できる根拠を選んでください（電気通信事業法第4条）",
    inquiryOnly:
      "警察・税務署等からの照会だけでは、通信の秘密に属する事項は提供できません（電気通信事業法第4条。当社の個人情報保護方針 3.[6]ただし書）。令状・裁判所の命令などの根拠がなければ提供できません",
    secrecyLaw:
      "通信の秘密を含む場合、「法令に基づく場合」だけでは根拠になりません。令状・裁判所の命令（発信者情報開示命令など）があるときに限られます（電気通信事業法第4条）",
    secrecyState: "通信の秘密を含む提供には、例外事由(4)（国の機関等への協力）は使えません（電気通信事業法第4条）",
    secrecyOptout: "通信の秘密に属する情報はオプトアウトでは提供できません（電気通信事業法第4条）",
    historyIsSecret: "通信履歴は通信の秘密に当たります。「含む」を選んでください（電気通信事業法第4条）",
    sensitiveOptout: "要配慮個人情報はオプトアウトでは提供できません（個人情報保護法第27条第2項ただし書）",
    abroadOptout:
      "この外国にある第三者にはオプトアウトでは提供できません。施行規則第17条の情報を提供したうえでの本人の同意、又は法第27条第1項の例外事由に限られます（個人情報保護法第28条第1項）",
    stateConditions: (missing: string) => `例外事由(4)は次の要件にも当たる必要があります：${missing}（個人情報保護法第27条第1項第4号）`,
    foreignInfo: (missing: string) => `同意を得る前に、次の情報を本人に提供してください：${missing}（個人情報保護法第28条第2項、施行規則第17条）`,
    optoutChecks: (missing: string) => `オプトアウトでは提供できません。次の要件を満たしていません：${missing}（個人情報保護法第27条第2項）`,
  },
  summary: {
    basis: "法的根拠",
    date: "同意取得日／提供予定日",
    basisWithDate: (basis: string, date: string) => `${basis}\n${date}`,
    items: "提供する項目",
    sensitive: "要配慮個人情報を含む",
    subjects: "本人の範囲",
    minors: "未成年者を含む：本人と保護者の両方の同意（当社の規程）",
    secrecy: "通信の秘密",
    secrecyNo: "含まない",
    secrecyYes: (ground: string) => `含む：法務確認が必要（電気通信事業法第4条）。根拠：${ground}`,
    secrecyLawfulGrounds:
      "提供できるのは、通信当事者の個別具体的かつ明確な同意、令状・裁判所の命令（発信者情報開示命令など）、正当防衛、緊急避難（生命・身体への差し迫った危険）の場合に限られます。警察・税務署等からの照会だけでは足りません（当社の個人情報保護方針 3.[6]ただし書）。",
    guideline: "電気通信事業ガイドラインの区分と制限",
    guidelineIntro: GUIDELINE_JA,
    record: "提供記録（法第29条）",
    recordNotNeeded: (n: number) => `記録不要：法第27条第1項第${n}号の例外事由による提供（法第29条第1項ただし書）`,
    recordNotNeededPublic: "記録不要：法第16条第2項各号に掲げる者への提供（法第29条第1項括弧書）",
  },
  /**
   * What the guideline's categories carry, in plain words. No article numbers: the guideline's
   * numbering changed with its amendments, so the text points to its section by name.
   */
  limits: {
    history:
      "通信履歴：通信の秘密に当たります。通信当事者の同意又は違法性阻却事由（令状など）がある場合のほかは提供できません。保存は業務上必要な期間に限ります（ガイドラインの通信履歴の項を参照）。",
    location:
      "位置情報：捜査機関への提供は令状がある場合に限ります。それ以外の利用・提供は、利用者の同意がある場合又は違法性阻却事由がある場合に限ります（ガイドラインの位置情報の項を参照）。",
    sender:
      "発信者情報：通信の秘密に当たる場合があります。開示は、発信者の同意がある場合、又は情報流通プラットフォーム対処法（旧プロバイダ責任制限法）による開示請求・発信者情報開示命令など法の手続による場合などに限られます（ガイドラインの発信者情報の項も参照）。",
    nonpayment:
      "不払い者情報：他の電気通信事業者との交換は、料金不払いの防止に必要な範囲で、ガイドラインの定める条件を満たす場合に限ります（ガイドラインの不払い者情報の項を参照）。",
    statement:
      "利用明細：通信の相手方の番号など通信の秘密やプライバシーに関わる情報を含むため、記載の範囲に配慮が必要です（ガイドラインの利用明細の項を参照）。",
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
    cross_border_info: (country: string) =>
      `外国にある第三者への提供の本人同意と、同意前に提供した情報（国名・制度・提供先の措置）の記録の確認（移転先：${country}、個人情報保護法第28条第1項・第2項、施行規則第17条）`,
    optout_notified: "個人情報保護委員会への届出の確認（個人情報保護法第27条第2項）",
    secrecy_legal_review: (ground: string) =>
      `法務確認：通信の秘密の提供が違法性阻却事由（${ground}）に当たることの確認と記録。照会だけでは足りません（電気通信事業法第4条）`,
    state_exception: "例外事由(4)の2つの要件に当たることの記録（個人情報保護法第27条第1項第4号）。提供記録は不要（同法第29条第1項ただし書）",
  },
} satisfies KindTexts;

export type ProvideMessages = typeof ja;

const en: ProvideMessages = {
  name: "Third-party provision",
  description: "File this before providing personal information to a third party (prohibited in principle; only when unavoidable).",
  fields: {
    registerEntry: registerEntryText("en"),
    unavoidableReason: {
      label: "Why the provision is unavoidable",
      hint: "Provision to third parties is prohibited in principle (Rule Art.16). Explain specifically why it is unavoidable for the business.",
      placeholder: "e.g. The insurer needs the parties' details to process the insurance claim",
    },
    recipientName: { label: "Recipient", placeholder: "e.g. Example Insurance Co., Ltd." },
    destination: abroadEn.fields.destination,
    country: abroadEn.fields.country,
    dataItems: { label: "Personal data items provided", placeholder: "e.g. Name, date of birth, contact details" },
    sensitive: {
      label: "Does it include sensitive personal information?",
      hint: "Medical history, results of medical checks, criminal record and the like (APPI Art.2(3)). Sensitive information can never be provided by opt-out (APPI Art.27(2) proviso).",
    },
    secrecy: {
      label: "Does it include secrecy of communications? (Telecommunications Business Act Art.4)",
      hint: "Not only the contents: the date and time, the other party and the logs of a communication are protected too. If included, the provision goes to legal review and is lawful only on a ground that removes illegality.",
    },
    secrecyGround: {
      label: "Ground for disclosing the communications",
      hint: "Required when secrecy of communications is included. Only: the communicating parties' specific, clear consent; a warrant or court order (such as a disclosure order for sender information); self-defence; necessity in imminent danger to life or body. An inquiry by the police or a tax office alone never suffices (our privacy policy 3.[6], proviso).",
    },
    telecomCategories: {
      label: "Categories of the telecom guideline",
      hint: `Tick those that apply. The request shows the limits each carries (${GUIDELINE_EN}).`,
    },
    recipientPublicBody: {
      label: "Is the recipient a public body?",
      hint: "A provision to a state organ, local government, incorporated administrative agency or local incorporated administrative agency (APPI Art.16(2)) needs no provision record (Art.29(1), in brackets); not so for a provision abroad under Art.28(1).",
    },
    dataSubjects: {
      label: "Whose information (data subjects)",
      hint: "This goes into the provision record. Describe whose information it is (APPI Art.29).",
      placeholder: "e.g. Winners of the 2025 campaign",
    },
    minors: { label: minorsEn.label, hint: minorsEn.hint },
    headcount: { label: "Number of people (approx.)", hint: "If known, an approximate number in digits.", placeholder: "e.g. 120" },
    legalBasis: {
      label: "Legal basis",
      hint: "Opt-out requires a prior filing with the Personal Information Protection Commission, and is never available for sensitive data, data obtained improperly, data received from another business by opt-out (copies and processed versions included) or secrecy of communications (APPI Art.27(2), Telecommunications Business Act Art.4).",
    },
    exception: {
      label: "Exception (APPI Art.27(1))",
      hint: "Required when you choose an exception. No provision record is required (APPI Art.29(1) proviso). (1) Based on laws and regulations. (2) Needed to protect a person's life, body or property, and consent is hard to obtain. (3) Especially needed for public health or the healthy growth of children, and consent is hard to obtain. (4) Needed to cooperate with a state body, local government or their contractor carrying out duties set by law, and asking for consent would hinder those duties.",
    },
    stateConditions: {
      label: "The two conditions of item 4 (APPI Art.27(1)(4))",
      hint: "With exception (4), both must hold.",
    },
    foreignInfo: {
      label: "Information given to the person (PPC Rules Art.17)",
      hint: "When the party is abroad and none of the cases (a) or (b) applies, and the basis is consent, all three must be given to the person before consent is asked (APPI Art.28(2)).",
    },
    optoutChecks: {
      label: "Opt-out conditions (APPI Art.27(2))",
      hint: "With opt-out, all three must hold.",
    },
    consentOrProvisionDate: {
      label: "Date of consent (with consent) or planned provision date",
      hint: "With consent, the date consent was obtained (or will be); otherwise the (planned) date of provision. It goes into the provision record (APPI Art.29).",
    },
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
    destination: abroadEn.options.destination,
    sensitive: { no: "No", yes: "Yes" },
    secrecy: { no: "No", yes: "Yes" },
    secrecyGround: {
      parties_consent: "The communicating parties' specific, clear consent",
      warrant: "A warrant or court order (e.g. a sender disclosure order)",
      self_defence: "Self-defence",
      emergency: "Necessity (imminent danger to life or body)",
      inquiry: "Only an inquiry by the police, a tax office etc. (no warrant)",
    },
    telecomCategories: {
      history: "Communication logs",
      location: "Location data",
      sender: "Sender information",
      nonpayment: "Non-payer information",
      statement: "Itemised bills",
    },
    minors: minorsEn.options,
    recipientPublicBody: { public_body: "a state organ, local government or incorporated administrative agency (APPI Art.16(2))" },
    stateConditions: {
      assigned_task: "Cooperating with a state body carrying out a task the law assigns",
      consent_impedes: "Asking for consent would likely impede that task",
    },
    foreignInfo: {
      country: "The name of the country",
      system: "Its system for protecting personal information",
      measures: "The measures the recipient takes to protect it",
    },
    optoutChecks: {
      filed: "Filed with the PPC beforehand",
      lawful: "Not obtained improperly (APPI Art.20(1))",
      not_optout: "Not received from another business by opt-out (nor a copy)",
    },
    exception: {
      law: "(1) Based on laws and regulations",
      life: "(2) Protecting life, body or property (consent hard to get)",
      public_health: "(3) Public health or children's growth (consent hard to get)",
      state: "(4) Cooperating with state bodies' legal duties (consent would hinder)",
    },
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
    destination: kindMessages("en").abroad.errors.destination,
    country: kindMessages("en").abroad.errors.country,
    retentionYears: "Please choose how long to keep the provision record",
    sensitive: "Please choose whether it includes sensitive personal information",
    secrecy: "Please choose whether it includes secrecy of communications",
    minors: minorsEn.error,
    secrecyGround: "Please choose the ground for disclosing the communications (Telecommunications Business Act Art.4)",
    inquiryOnly:
      "An inquiry by the police or a tax office alone never allows disclosing what secrecy of communications protects (Telecommunications Business Act Art.4; our privacy policy 3.[6], proviso). Without a warrant, court order or other ground it cannot be provided",
    secrecyLaw:
      "With secrecy of communications, 'based on laws and regulations' alone is no ground: only a warrant or court order (such as a sender disclosure order) is (Telecommunications Business Act Art.4)",
    secrecyState: "Exception (4) (cooperating with a state body) is not available for secrecy of communications (Telecommunications Business Act Art.4)",
    secrecyOptout: "Secrecy of communications can never be provided by opt-out (Telecommunications Business Act Art.4)",
    historyIsSecret: "Communication logs are protected by secrecy of communications: please choose Yes (Telecommunications Business Act Art.4)",
    sensitiveOptout: "Sensitive personal information can never be provided by opt-out (APPI Art.27(2) proviso)",
    abroadOptout:
      "Opt-out is not available for this party abroad: only the person's consent given with the information of PPC Rules Art.17, or an exception of APPI Art.27(1) (APPI Art.28(1))",
    stateConditions: (missing) => `Exception (4) also needs: ${missing} (APPI Art.27(1)(4))`,
    foreignInfo: (missing) => `Before asking for consent, give the person: ${missing} (APPI Art.28(2), PPC Rules Art.17)`,
    optoutChecks: (missing) => `Opt-out is not available; these conditions are not met: ${missing} (APPI Art.27(2))`,
  },
  summary: {
    basis: "Legal basis",
    date: "Consent / provision date",
    basisWithDate: (basis, date) => `${basis}\n${date}`,
    items: "Items provided",
    sensitive: "includes sensitive personal information",
    subjects: "Data subjects",
    minors: "includes minors: consent of both the minor and the guardian (our Rule)",
    secrecy: "Secrecy of communications",
    secrecyNo: "Not included",
    secrecyYes: (ground) => `Included: legal review needed (Telecommunications Business Act Art.4). Ground: ${ground}`,
    secrecyLawfulGrounds:
      "It may be disclosed only with the communicating parties' specific, clear consent, on a warrant or court order (such as a sender disclosure order), in self-defence, or out of necessity (imminent danger to life or body). An inquiry by the police or a tax office alone never suffices (our privacy policy 3.[6], proviso).",
    guideline: "Telecom guideline categories and limits",
    guidelineIntro: GUIDELINE_EN,
    record: "Provision record (APPI Art.29)",
    recordNotNeeded: (n) => `No record needed: provision under the exception of APPI Art.27(1)(${n}) (Art.29(1) proviso)`,
    recordNotNeededPublic: "No record needed: provision to a body of APPI Art.16(2) (Art.29(1), in brackets)",
  },
  limits: {
    history:
      "Communication logs: protected by secrecy of communications. They may be provided only with the communicating parties' consent or on a ground that removes illegality (such as a warrant); kept only as long as the business needs (see the guideline's section on communication logs).",
    location:
      "Location data: to investigators only with a warrant; any other use or provision only with the user's consent or on a ground that removes illegality (see the guideline's section on location data).",
    sender:
      "Sender information: it can be protected by secrecy of communications. It is disclosed only with the sender's consent, or under a legal procedure such as a disclosure request or disclosure order under the Information Distribution Platform Act (formerly the Provider Liability Limitation Act) (see also the guideline's section on sender information).",
    nonpayment:
      "Non-payer information: exchanged with other carriers only as far as needed to prevent non-payment and under the guideline's conditions (see the guideline's section on non-payer information).",
    statement:
      "Itemised bills: they show the other parties' numbers and other details touching secrecy of communications and privacy, so what they show needs care (see the guideline's section on itemised bills).",
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
    cross_border_info: (country) =>
      `Confirm the person's consent to provision abroad and the record of the information given before it (country, its system, the recipient's measures) (destination: ${country}, APPI Art.28(1)(2), PPC Rules Art.17)`,
    optout_notified: "Confirm the notification to the Personal Information Protection Commission (APPI Art.27(2))",
    secrecy_legal_review: (ground) =>
      `Legal review: confirm and record that disclosing the communications rests on a ground that removes illegality (${ground}); an inquiry alone never suffices (Telecommunications Business Act Art.4)`,
    state_exception: "Record that both conditions of exception (4) hold (APPI Art.27(1)(4)); no provision record is required (APPI Art.29(1) proviso)",
  },
};

export const provideMessages = catalogue<ProvideMessages>(ja, en);
