// What the method kind (新しい収集方法・間接収集, 規程 第5条・第8条) says, in Japanese (default) and English, with the same
// shape: the English catalogue is typed by the Japanese one, so a missing or extra key does not compile.
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../../platform/i18n.js";
import type { KindTexts } from "../types.js";

const ja = {
  name: "新しい収集方法・間接収集",
  description: "新しい方法で、又は本人以外から間接的に個人情報を収集するときの届出です。",
  fields: {
    method: {
      label: "収集方法",
      hint: "新しい収集方法の内容を具体的に書いてください（規程第5条）。",
      placeholder: "例：展示会で名刺をスキャンするアプリを使う",
    },
    direction: {
      label: "直接収集か間接収集か",
      hint: "本人以外（取引先、名簿業者、グループ会社など）から取得する場合は「間接」です（規程第8条）。",
    },
    medium: {
      label: "本人からの取得の方法",
      hint: "直接収集の場合は必須です。書面・Webフォーム：取得前に利用目的を明示します（個人情報保護法第21条第2項）。対面：規程第6条の事項を記載した書面を交付し、同意を得ます（当社の規程）。",
    },
    sourceName: {
      label: "提供元の名称",
      hint: "間接収集の場合は必須です。個人情報を提供する会社・団体の名称を書いてください。",
      placeholder: "例：株式会社〇〇",
    },
    sourceLawful: {
      label: "提供元の適法な収集と本人の同意の確認（規程第8条(2)）",
      hint: "間接収集の場合は必須です。提供元が適法かつ公正な手段で収集し、第三者提供に必要な本人の同意又は必要な措置を講じていることを確認してください。",
    },
    sourceStatement: {
      label: "適法に収集したことを記した書面（規程第8条(3)）",
      hint: "間接収集の場合は必須です。提供元から、適法かつ公正な手段で収集したことを記した書面を受け取ってください。",
    },
    dataItems: {
      label: "収集する個人情報の項目",
      hint: "目的の達成に必要な項目だけに絞ってください。",
      placeholder: "例：氏名、会社名、部署、メールアドレス",
    },
    startDate: { label: "開始予定日", hint: "承認され、必要な措置が済んでから開始できます（規程第5条4項）。" },
  },
  options: {
    direction: { direct: "本人から直接収集する", indirect: "本人以外から間接的に収集する" },
    medium: { direct_writing: "書面（申込書など）", web_form: "Webフォーム", face_to_face: "対面（口頭）", other: "その他（電話など）" },
    sourceLawful: { confirmed: "提供元が適法に収集し、本人の同意等を得ていることを確認した" },
    sourceStatement: { received: "提供元から適法な収集を記した書面を受け取った" },
  },
  errors: {
    method: "収集方法を入力してください",
    direction: "直接収集か間接収集かを選んでください",
    medium: "直接収集の場合は、本人からの取得の方法を選んでください（個人情報保護法第21条）",
    sourceName: "間接収集の場合は提供元の名称を入力してください",
    sourceLawful: "間接収集の場合は、提供元の適法な収集と本人の同意を確認してください（規程第8条(2)）",
    sourceStatement: "間接収集の場合は、提供元から適法な収集を記した書面を受け取ってください（規程第8条(3)）",
    dataItems: "収集する個人情報の項目を入力してください",
    startDate: "開始予定日を選んでください",
  },
  summary: { source: "提供元", sourceChecks: "提供元の確認", lawful: "適法な収集・同意を確認済み", statement: "書面を受領済み" },
  /** Labels of its measures after final approval (必要な措置). */
  measures: {
    source_statement_filed: "提供元から受け取った適法取得の書面の保管（規程第8条(3)）",
    website_notice: "当社ホームページへの第6条各号の事項の掲示（規程第8条(1)）",
  },
} satisfies KindTexts;

export type MethodMessages = typeof ja;

const en: MethodMessages = {
  name: "New or indirect collection method",
  description: "File this before collecting personal information in a new way, or from someone other than the person.",
  fields: {
    method: {
      label: "Collection method",
      hint: "Describe the new method specifically (Rule Art.5).",
      placeholder: "e.g. An app that scans business cards at trade shows",
    },
    direction: {
      label: "Direct or indirect collection",
      hint: "Getting the information from anyone other than the person (partners, list brokers, group companies…) is indirect (Rule Art.8).",
    },
    medium: {
      label: "How it is taken from the person",
      hint: "Required for direct collection. In writing or by a web form: state the purpose before collecting (APPI Art.21(2)). Face to face: hand over the document with the items of Rule Art.6 and obtain consent (our Rule).",
    },
    sourceName: {
      label: "Provider (source)",
      hint: "Required for indirect collection. The name of the company or body that provides the information.",
      placeholder: "e.g. Example Co., Ltd.",
    },
    sourceLawful: {
      label: "Provider's lawful collection and consent confirmed (Rule Art.8(2))",
      hint: "Required for indirect collection. Confirm that the provider collected the data lawfully and fairly and has the consent (or other measures) needed to provide it to us.",
    },
    sourceStatement: {
      label: "Written statement of lawful collection (Rule Art.8(3))",
      hint: "Required for indirect collection. Obtain from the provider a document stating that the data was collected lawfully and fairly.",
    },
    dataItems: {
      label: "Personal data items collected",
      hint: "Only the items needed for the purpose.",
      placeholder: "e.g. Name, company, department, email address",
    },
    startDate: { label: "Planned start", hint: "It may start only after approval and the necessary measures (Rule Art.5(4))." },
  },
  options: {
    direction: { direct: "Directly from the person", indirect: "Indirectly, from someone other than the person" },
    medium: {
      direct_writing: "In writing (application forms etc.)",
      web_form: "A web form",
      face_to_face: "Face to face (orally)",
      other: "Other (by phone etc.)",
    },
    sourceLawful: { confirmed: "The provider collected it lawfully and has the consent needed" },
    sourceStatement: { received: "We received the provider's written statement of lawful collection" },
  },
  errors: {
    method: "Please enter the collection method",
    direction: "Please choose direct or indirect collection",
    medium: "For direct collection, please choose how it is taken from the person (APPI Art.21)",
    sourceName: "For indirect collection, please enter the provider's name",
    sourceLawful: "For indirect collection, please confirm the provider's lawful collection and consent (Rule Art.8(2))",
    sourceStatement: "For indirect collection, please obtain the provider's written statement (Rule Art.8(3))",
    dataItems: "Please enter the personal data items collected",
    startDate: "Please pick the planned start",
  },
  summary: { source: "Provider", sourceChecks: "Provider checks", lawful: "lawful collection and consent confirmed", statement: "written statement received" },
  measures: {
    source_statement_filed: "File the provider's written statement of lawful collection (Rule Art.8(3))",
    website_notice: "Post the items of Rule Art.6 on our website (Rule Art.8(1))",
  },
};

export const methodMessages = catalogue<MethodMessages>(ja, en);
