// What the purpose kind (新しい収集目的, 規程 第4条) says, in Japanese (default) and English, with the same
// shape: the English catalogue is typed by the Japanese one, so a missing or extra key does not compile.
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../../platform/i18n.js";
import { registerEntryText } from "../registerEntry.js";
import { kindMessages } from "../messages.js";
import type { KindTexts } from "../types.js";

const minorsJa = kindMessages("ja").minors;
const minorsEn = kindMessages("en").minors;

const ja = {
  name: "新しい収集目的",
  description: "新しい目的で個人情報を収集するときの届出です。",
  fields: {
    registerEntry: registerEntryText("ja"),
    purpose: {
      label: "収集目的",
      hint: "何のために個人情報を集めるのか、本人が具体的に理解できるように書いてください（規程第4条、個人情報保護法第17条）。",
      placeholder: "例：オンライン講座の受講者管理と修了証の発行",
    },
    dataItems: {
      label: "収集する個人情報の項目",
      hint: "目的の達成に必要な項目だけに絞ってください（規程第4条）。",
      placeholder: "例：氏名、メールアドレス、勤務先、受講履歴",
    },
    dataSubjects: { label: "本人（情報主体）の種類", hint: "当てはまるものがなければ「その他」を選び、下の補足に書いてください。" },
    dataSubjectsDetails: {
      label: "本人の種類の補足",
      hint: "「その他」を選んだ場合は必須です。範囲を具体的に書いてください。",
      placeholder: "例：セミナーの参加者",
    },
    collection: {
      label: "収集方法",
      hint: "方法によって本人への通知が変わります。書面・Webフォーム：取得前に利用目的を明示（個人情報保護法第21条第2項）。対面：規程第6条の書面を交付して同意を得る（当社の規程）。第三者から取得する（間接収集）場合は、別途「新しい収集方法・間接収集」の届出も必要です（規程第5条・第8条）。",
    },
    collectionDetails: {
      label: "収集方法の補足",
      hint: "「その他」を選んだ場合は必須です。",
      placeholder: "例：電話での聞き取り",
    },
    retention: {
      label: "保存期間",
      hint: "目的の達成に必要な期間を選んでください。法令で保存期間が決まっている場合はそれに従います。",
    },
    retentionDetails: {
      label: "保存期間の補足",
      hint: "「その他」を選んだ場合は必須です。",
      placeholder: "例：契約終了後10年",
    },
    retentionEnd: {
      label: "保存期間の終了日",
      hint: "この目的で集めた個人情報をすべて消去する日が決まっていれば選んでください。この日を過ぎると、廃棄が記録されるまで毎週お知らせします（規程第31条）。空欄で「N年」を選んだ場合は収集開始予定日から数えます（要確認）。",
    },
    sensitive: {
      label: "要配慮個人情報を含みますか",
      hint: "要配慮個人情報：人種、信条、社会的身分、病歴、犯罪の経歴、犯罪により害を被った事実、心身の障害、健康診断等の結果、診療・調剤の情報、刑事事件・少年保護事件の手続が行われたことなど（個人情報保護法第2条第3項）。取得には原則として本人の事前の同意が必要です（同法第20条第2項）。",
    },
    sensitiveConsent: {
      label: "本人の事前同意の取得方法",
      hint: "要配慮個人情報を「含む」場合は必須です。いつ、どのように同意を得て、どう記録するかを書いてください（個人情報保護法第20条第2項）。",
      placeholder: "例：申込フォームで同意のチェックを必須にし、同意日時を記録する",
    },
    minors: { label: minorsJa.label, hint: minorsJa.hint },
    startDate: { label: "収集開始予定日", hint: "承認され、必要な措置が済んでから開始できます（規程第4条4項）。" },
  },
  options: {
    dataSubjects: {
      customers: "顧客",
      prospects: "見込み客",
      partner_staff: "取引先の担当者",
      applicants: "採用の応募者",
      other: "その他",
    },
    collection: {
      direct_writing: "本人から書面で直接",
      web_form: "本人からWebフォームで直接",
      face_to_face: "本人から対面で直接",
      third_party: "第三者から（間接収集）",
      other: "その他",
    },
    retention: {
      "1y": "1年",
      "3y": "3年",
      "5y": "5年",
      "7y": "7年",
      until_achieved: "目的を達成するまで",
      other: "その他",
    },
    minors: minorsJa.options,
    sensitive: { yes: "含む", no: "含まない" },
  },
  errors: {
    purpose: "収集目的を入力してください",
    dataItems: "収集する個人情報の項目を入力してください",
    dataSubjects: "本人の種類を選んでください",
    dataSubjectsDetails: "「その他」の場合は本人の種類を具体的に書いてください",
    collection: "収集方法を選んでください",
    collectionDetails: "「その他」の場合は収集方法を具体的に書いてください",
    retention: "保存期間を選んでください",
    retentionDetails: "「その他」の場合は保存期間を具体的に書いてください",
    retentionEnd: "日付が正しくありません",
    retentionEndAfterStart: "保存期間の終了日は収集開始予定日より後の日にしてください",
    sensitive: "要配慮個人情報を含むかどうかを選んでください",
    sensitiveConsent: "要配慮個人情報を含む場合は、本人の事前同意の取得方法を書いてください（個人情報保護法第20条第2項）",
    minors: minorsJa.error,
    startDate: "収集開始予定日を選んでください",
  },
  /** Labels of its measures after final approval (必要な措置). */
  measures: {
    sensitive_consent: "要配慮個人情報の本人同意の取得手順の確認（個人情報保護法第20条第2項）",
  },
} satisfies KindTexts;

export type PurposeMessages = typeof ja;

const en: PurposeMessages = {
  name: "New collection purpose",
  description: "File this before collecting personal information for a new purpose.",
  fields: {
    registerEntry: registerEntryText("en"),
    purpose: {
      label: "Purpose of collection",
      hint: "Say what the information is collected for, specifically enough for the person to understand (Rule Art.4, APPI Art.17).",
      placeholder: "e.g. Managing online course participants and issuing certificates",
    },
    dataItems: {
      label: "Personal data items collected",
      hint: "Only the items needed for the purpose (Rule Art.4).",
      placeholder: "e.g. Name, email address, employer, course history",
    },
    dataSubjects: { label: "Whose information (data subjects)", hint: "If none fits, choose Other and describe them below." },
    dataSubjectsDetails: {
      label: "Data subjects: details",
      hint: "Required when you choose Other. Describe who they are.",
      placeholder: "e.g. Seminar participants",
    },
    collection: {
      label: "How it is collected",
      hint: "The notice to the person follows the method. In writing or by a web form: state the purpose before collecting (APPI Art.21(2)). Face to face: hand over the document of Rule Art.6 and obtain consent (our Rule). Collecting from a third party (indirect collection) also needs a separate “New or indirect collection method” request (Rule Art.5 and 8).",
    },
    collectionDetails: {
      label: "How it is collected: details",
      hint: "Required when you choose Other.",
      placeholder: "e.g. Interviews by phone",
    },
    retention: {
      label: "Retention period",
      hint: "Choose the period needed for the purpose. Where a law sets a retention period, follow it.",
    },
    retentionDetails: {
      label: "Retention period: details",
      hint: "Required when you choose Other.",
      placeholder: "e.g. 10 years after the contract ends",
    },
    retentionEnd: {
      label: "End of the retention period",
      hint: 'The day by which everything collected for this purpose is erased, if known. After it you are reminded weekly until the disposal is recorded (Rule Art.31). Left empty with "N years", it is counted from the planned start (to be checked).',
    },
    sensitive: {
      label: "Does it include sensitive personal information?",
      hint: "Sensitive personal information (要配慮個人情報): race, creed, social status, medical history, criminal record, having been a victim of crime, physical or mental disabilities, results of medical checks, medical or pharmaceutical care, having been the subject of criminal or juvenile proceedings, etc. (APPI Art.2(3)). Collecting it generally needs the person's prior consent (APPI Art.20(2)).",
    },
    sensitiveConsent: {
      label: "How prior consent is obtained",
      hint: "Required when it includes sensitive information. Say when and how consent is obtained and how it is recorded (APPI Art.20(2)).",
      placeholder: "e.g. A mandatory consent checkbox on the form; the time of consent is recorded",
    },
    minors: { label: minorsEn.label, hint: minorsEn.hint },
    startDate: { label: "Planned start of collection", hint: "Collection may start only after approval and the necessary measures (Rule Art.4(4))." },
  },
  options: {
    dataSubjects: {
      customers: "Customers",
      prospects: "Prospective customers",
      partner_staff: "Business partners' staff",
      applicants: "Job applicants",
      other: "Other",
    },
    collection: {
      direct_writing: "Directly from the person, in writing",
      web_form: "Directly from the person, via a web form",
      face_to_face: "Directly from the person, face to face",
      third_party: "From a third party (indirect collection)",
      other: "Other",
    },
    retention: {
      "1y": "1 year",
      "3y": "3 years",
      "5y": "5 years",
      "7y": "7 years",
      until_achieved: "Until the purpose is achieved",
      other: "Other",
    },
    minors: minorsEn.options,
    sensitive: { yes: "Yes, it does", no: "No, it does not" },
  },
  errors: {
    purpose: "Please enter the purpose of collection",
    dataItems: "Please enter the personal data items collected",
    dataSubjects: "Please choose whose information it is",
    dataSubjectsDetails: "With Other, please describe the data subjects",
    collection: "Please choose how it is collected",
    collectionDetails: "With Other, please describe how it is collected",
    retention: "Please choose a retention period",
    retentionDetails: "With Other, please describe the retention period",
    retentionEnd: "This is not a valid date",
    retentionEndAfterStart: "The end of the retention period must come after the planned start",
    sensitive: "Please choose whether it includes sensitive personal information",
    sensitiveConsent: "With sensitive information, please describe how prior consent is obtained (APPI Art.20(2))",
    minors: minorsEn.error,
    startDate: "Please pick the planned start of collection",
  },
  measures: {
    sensitive_consent: "Confirm the procedure for obtaining consent to sensitive data (APPI Art.20(2))",
  },
};

export const purposeMessages = catalogue<PurposeMessages>(ja, en);
