// What the joint kind (共同利用, 規程 第17条) says, in Japanese (default) and English, with the same
// shape: the English catalogue is typed by the Japanese one, so a missing or extra key does not compile.
// Articles: 規程 = the internal rule (個人情報保護規程, seed 003); 法 = APPI (個人情報保護法).
import { catalogue } from "../../../platform/i18n.js";
import { registerEntryText } from "../registerEntry.js";
import { abroadTexts } from "../abroad.js";
import { kindMessages } from "../messages.js";
import type { KindTexts } from "../types.js";

const abroadJa = abroadTexts("ja");
const abroadEn = abroadTexts("en");

const ja = {
  name: "共同利用",
  description: "個人データを他社と共同で利用するときの届出です。",
  fields: {
    registerEntry: registerEntryText("ja"),
    jointUse: {
      label: "共同利用する旨",
      hint: "共同利用を始める前に、次の5項目を本人に通知するか、本人が容易に知り得る状態に置く必要があります：①共同利用する旨 ②項目 ③共同利用者の範囲 ④利用目的 ⑤管理責任者の氏名又は名称・住所・代表者（個人情報保護法第27条第5項第3号）。",
    },
    dataItems: { label: "共同利用する個人データの項目", placeholder: "例：氏名、住所、電話番号、購入履歴" },
    jointUsers: {
      label: "共同利用者の範囲",
      hint: "共同利用者を列挙するか、本人がどの会社か明確に分かる範囲で書いてください。",
      placeholder: "例：当社及び当社の連結子会社（一覧はホームページに掲載）",
    },
    destination: abroadJa.fields.destination,
    country: abroadJa.fields.country,
    purposes: { label: "共同利用者の利用目的", placeholder: "例：グループ各社の商品・サービスのご案内" },
    responsibleName: {
      label: "管理責任者の氏名又は名称",
      hint: "共同利用する個人データの管理について責任を持つ者です。",
      placeholder: "例：株式会社〇〇",
    },
    responsibleAddress: { label: "管理責任者の住所", placeholder: "例：東京都千代田区〇〇1-2-3" },
    responsibleRepresentative: {
      label: "管理責任者の代表者の氏名",
      hint: "法人の場合は代表者の氏名です（個人の場合は「なし」と書いてください）。",
      placeholder: "例：代表取締役 山田太郎",
    },
    startDate: { label: "共同利用の開始予定日", hint: "5項目の公表・通知が済んでから開始できます。" },
    noticeMethod: { label: "5項目の公表・通知の方法" },
    noticeDetails: { label: "公表・通知の方法の補足", hint: "「その他」を選んだ場合は必須です。", placeholder: "例：店頭への掲示" },
  },
  options: {
    destination: abroadJa.options.destination,
    jointUse: { acknowledged: "個人データを共同利用することを、開始前に本人に通知又は公表する" },
    noticeMethod: { website: "当社ホームページに掲載", notice: "本人に通知", other: "その他" },
  },
  errors: {
    destination: kindMessages("ja").abroad.errors.destination,
    country: kindMessages("ja").abroad.errors.country,
    abroadRefused:
      "この所在地の共同利用者とは共同利用できません。外国にある第三者（委員会が指定する国でなく、基準適合体制もない）への提供は、施行規則第17条の情報を提供したうえでの本人の同意又は法第27条第1項の例外事由が必要です（個人情報保護法第28条第1項）。その場合は「第三者提供」として届け出てください",
    jointUse: "共同利用する旨を開始前に通知又は公表することを確認してください（個人情報保護法第27条第5項第3号）",
    dataItems: "共同利用する個人データの項目を入力してください",
    jointUsers: "共同利用者の範囲を入力してください",
    purposes: "共同利用者の利用目的を入力してください",
    responsibleName: "管理責任者の氏名又は名称を入力してください",
    responsibleAddress: "管理責任者の住所を入力してください",
    responsibleRepresentative: "管理責任者の代表者の氏名を入力してください",
    startDate: "共同利用の開始予定日を選んでください",
    noticeMethod: "公表・通知の方法を選んでください",
    noticeDetails: "「その他」の場合は公表・通知の方法を具体的に書いてください",
  },
  summary: { responsible: "管理責任者" },
  /** Labels of its measures after final approval (必要な措置). */
  measures: {
    joint_notice_published: "共同利用の5項目の公表・通知（個人情報保護法第27条第5項第3号）",
    joint_agreement: "共同利用者間の取決め（利用目的・安全管理・責任分担）",
  },
} satisfies KindTexts;

export type JointMessages = typeof ja;

const en: JointMessages = {
  name: "Joint use",
  description: "File this before using personal data jointly with other companies.",
  fields: {
    registerEntry: registerEntryText("en"),
    jointUse: {
      label: "Joint use",
      hint: "Before joint use starts, the person must be notified of, or have easy access to, five items: ① that the data is jointly used ② the items ③ the joint users ④ their purposes ⑤ the name, address and representative of the party responsible (APPI Art.27(5)(iii)).",
    },
    dataItems: { label: "Personal data items used jointly", placeholder: "e.g. Name, address, phone number, purchase history" },
    jointUsers: {
      label: "Joint users (scope)",
      hint: "List the joint users, or describe them so that the person can tell clearly which companies they are.",
      placeholder: "e.g. We and our consolidated subsidiaries (listed on our website)",
    },
    destination: abroadEn.fields.destination,
    country: abroadEn.fields.country,
    purposes: { label: "Joint users' purposes of use", placeholder: "e.g. Information on the group companies' products and services" },
    responsibleName: {
      label: "Responsible party: name",
      hint: "The party responsible for managing the jointly used data.",
      placeholder: "e.g. Example Co., Ltd.",
    },
    responsibleAddress: { label: "Responsible party: address", placeholder: "e.g. 1-2-3 Chiyoda, Tokyo" },
    responsibleRepresentative: {
      label: "Responsible party: representative",
      hint: "For a company, its representative's name (for an individual, write “none”).",
      placeholder: "e.g. Taro Yamada, Representative Director",
    },
    startDate: { label: "Planned start of joint use", hint: "It may start only after the five items are published or notified." },
    noticeMethod: { label: "How the five items are published" },
    noticeDetails: { label: "How they are published: details", hint: "Required when you choose Other.", placeholder: "e.g. A notice in our shops" },
  },
  options: {
    destination: abroadEn.options.destination,
    jointUse: { acknowledged: "The joint use will be notified or published before it starts" },
    noticeMethod: { website: "On our website", notice: "Notice to the persons", other: "Other" },
  },
  errors: {
    destination: kindMessages("en").abroad.errors.destination,
    country: kindMessages("en").abroad.errors.country,
    abroadRefused:
      "Joint use is not available with joint users there. A party abroad that is neither in a designated country nor has a system meeting the standards may receive the data only with the person's consent given with the information of PPC Rules Art.17, or under an exception of APPI Art.27(1) (APPI Art.28(1)). File a third-party provision instead",
    jointUse: "Please confirm that the joint use will be notified or published before it starts (APPI Art.27(5)(iii))",
    dataItems: "Please enter the personal data items used jointly",
    jointUsers: "Please enter the joint users",
    purposes: "Please enter the joint users' purposes of use",
    responsibleName: "Please enter the responsible party's name",
    responsibleAddress: "Please enter the responsible party's address",
    responsibleRepresentative: "Please enter the responsible party's representative",
    startDate: "Please pick the planned start of joint use",
    noticeMethod: "Please choose how the five items are published",
    noticeDetails: "With Other, please describe how they are published",
  },
  summary: { responsible: "Responsible party" },
  measures: {
    joint_notice_published: "Publish or notify the five items of joint use (APPI Art.27(5)(iii))",
    joint_agreement: "Agreement among the joint users (purposes, security, responsibilities)",
  },
};

export const jointMessages = catalogue<JointMessages>(ja, en);
