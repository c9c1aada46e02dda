// What the entrust kind (個人情報の預託, 規程 第15条) says, in Japanese (default) and English, with the same
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
  name: "個人情報の預託",
  description: "情報処理や作業を委託するため、個人情報を社外に預けるときの届出です。",
  fields: {
    registerEntry: registerEntryText("ja"),
    processorName: { label: "預託先の名称", placeholder: "例：株式会社〇〇データサービス" },
    processorAddress: { label: "預託先の所在地", placeholder: "例：東京都千代田区〇〇1-2-3" },
    destination: abroadJa.fields.destination,
    country: abroadJa.fields.country,
    work: {
      label: "委託する業務",
      hint: "預託先に任せる情報処理や作業の内容を書いてください（規程第15条）。",
      placeholder: "例：顧客アンケートの入力と集計",
    },
    dataItems: {
      label: "預託する個人情報の項目",
      hint: "業務に必要な項目だけに絞ってください。",
      placeholder: "例：氏名、住所、電話番号、回答内容",
    },
    headcount: { label: "対象人数（概数）", hint: "概数で構いません。半角数字で入力してください。", placeholder: "例：5000" },
    dueDiligence: {
      label: "預託先の事前確認（規程第15条2項(1)）",
      hint: "3項目すべての確認が必要です。",
    },
    contractItems: {
      label: "基本契約書案に含まれる事項（規程第15条2項(2)）",
      hint: "基本契約書案に①〜⑦のすべてを入れてください。契約の締結は承認後に行います（規程第15条2項）。",
    },
    contractStart: { label: "契約期間の開始日" },
    contractEnd: {
      label: "契約期間の終了日",
      hint: "契約書類は、預託先との個別契約の終了後7年間保存します（規程第15条7項）。",
    },
    subcontracting: { label: "再委託", hint: "再委託を認める場合は、条件を基本契約に定めます（⑥）。" },
    inspectionCycle: { label: "定期調査の周期", hint: "預託先の情報処理施設の現場状況を定期的に調査します（規程第15条6項）。" },
  },
  options: {
    destination: abroadJa.options.destination,
    dueDiligence: {
      site_check: "預託先責任者との面接等で情報処理施設の現場を調査した",
      security_level: "個人情報保護・セキュリティ管理の水準が当社と同等以上である",
      financial_stability: "預託先の財務的な安全性を確認した",
    },
    contractItems: {
      c1: "① 守秘義務、取り扱うことができる者の範囲",
      c2: "② 預託先での秘密保持の方法・管理方法",
      c3: "③ 預託先の取扱担当者への教育・訓練",
      c4: "④ 契約終了時の個人情報の返却・消去",
      c5: "⑤ 漏えいその他の事故の際の措置・責任分担",
      c6: "⑥ 再委託に関する事項",
      c7: "⑦ 当社からの調査の受け入れ",
    },
    subcontracting: { yes: "認める（条件を契約で定める）", no: "認めない" },
    inspectionCycle: { "6": "6か月ごと", "12": "12か月ごと", "24": "24か月ごと" },
  },
  short: {
    dueDiligence: { site_check: "現場の調査", security_level: "セキュリティ管理の水準", financial_stability: "財務的な安全性" },
    contractItems: {
      c1: "①守秘義務・取扱者の範囲",
      c2: "②秘密保持・管理方法",
      c3: "③教育・訓練",
      c4: "④返却・消去",
      c5: "⑤事故時の措置・責任分担",
      c6: "⑥再委託",
      c7: "⑦調査の受け入れ",
    },
  },
  errors: {
    destination: kindMessages("ja").abroad.errors.destination,
    country: kindMessages("ja").abroad.errors.country,
    abroadRefused:
      "この所在地の預託先には、預託（委託）として個人データを提供できません。外国にある第三者（委員会が指定する国でなく、基準適合体制もない）への提供は、施行規則第17条の情報を提供したうえでの本人の同意又は法第27条第1項の例外事由が必要です（個人情報保護法第28条第1項）。その場合は「第三者提供」として届け出てください",
    processorName: "預託先の名称を入力してください",
    work: "委託する業務を入力してください",
    dataItems: "預託する個人情報の項目を入力してください",
    headcount: "対象人数（概数）を入力してください",
    dueDiligence: (missing: string) => `次の確認が済んでいません：${missing}（規程第15条2項(1)、3項目すべてが必要です）`,
    contractItems: (missing: string) => `基本契約書案に次の事項が含まれていません：${missing}`,
    contractStart: "契約期間の開始日を選んでください",
    contractEnd: "契約期間の終了日を選んでください",
    contractEndAfterStart: "終了日は開始日より後にしてください",
    subcontracting: "再委託を認めるかどうかを選んでください",
    inspectionCycle: "定期調査の周期を選んでください",
  },
  summary: {
    processor: "預託先",
    dueDiligence: "事前確認",
    dueDiligenceDone: "3項目すべて確認済み",
    contractItems: "基本契約書案",
    contractItemsDone: "①〜⑦をすべて含む",
    term: "契約期間",
    termValue: (from: string, to: string) => `${from}〜${to}`,
  },
  /** Labels of its measures after final approval (必要な措置). */
  measures: {
    contract_signed: "基本契約（①〜⑦を含む）の締結（規程第15条2項）",
    individual_contract_signed: "個別契約の締結（預託は個別契約の締結後、規程第15条2項）",
    notice_to_processor: "①〜⑦を記した書面の預託先への交付（規程第15条3項）",
    inspection_scheduled: (months: number) => `預託先の定期調査（${months}か月ごと）の予定登録（規程第15条6項）`,
    documents_retention: (until: string) => `契約書類の保存（契約終了後7年：${until}まで、規程第15条7項）`,
  },
} satisfies KindTexts;

export type EntrustMessages = typeof ja;

const en: EntrustMessages = {
  name: "Entrustment to a processor",
  description: "File this before handing personal information to an outside processor for data processing or other work.",
  fields: {
    registerEntry: registerEntryText("en"),
    processorName: { label: "Processor", placeholder: "e.g. Example Data Services Co., Ltd." },
    processorAddress: { label: "Processor's address", placeholder: "e.g. 1-2-3 Chiyoda, Tokyo" },
    destination: abroadEn.fields.destination,
    country: abroadEn.fields.country,
    work: {
      label: "Work entrusted",
      hint: "The data processing or other work the processor will do (Rule Art.15).",
      placeholder: "e.g. Entering and tallying customer survey answers",
    },
    dataItems: {
      label: "Personal data items entrusted",
      hint: "Only the items the work needs.",
      placeholder: "e.g. Name, address, phone number, answers",
    },
    headcount: { label: "Number of people (approx.)", hint: "An approximate number is fine. Digits only.", placeholder: "e.g. 5000" },
    dueDiligence: { label: "Checks of the processor (Rule Art.15(2)(1))", hint: "All three checks are required." },
    contractItems: {
      label: "Items in the draft basic contract (Rule Art.15(2)(2))",
      hint: "The draft basic contract must include all of ①-⑦. The contract is signed after approval (Rule Art.15(2)).",
    },
    contractStart: { label: "Contract start" },
    contractEnd: { label: "Contract end", hint: "The contract documents are kept for 7 years after the individual contract ends (Rule Art.15(7))." },
    subcontracting: { label: "Subcontracting", hint: "If allowed, the basic contract sets the conditions (item ⑥)." },
    inspectionCycle: { label: "Periodic inspection cycle", hint: "The processor's site is inspected periodically (Rule Art.15(6))." },
  },
  options: {
    destination: abroadEn.options.destination,
    dueDiligence: {
      site_check: "Site of the processor inspected (e.g. interview with its manager)",
      security_level: "Its privacy and security level is at least as high as ours",
      financial_stability: "Its financial stability confirmed",
    },
    contractItems: {
      c1: "① Confidentiality; who may handle the data",
      c2: "② How the processor keeps the data secret and manages it",
      c3: "③ Education and training of the processor's handlers",
      c4: "④ Return and erasure of the data when the contract ends",
      c5: "⑤ Measures and responsibilities in a leak or other incident",
      c6: "⑥ Subcontracting",
      c7: "⑦ Acceptance of our inspections",
    },
    subcontracting: { yes: "Allowed (conditions set in the contract)", no: "Not allowed" },
    inspectionCycle: { "6": "Every 6 months", "12": "Every 12 months", "24": "Every 24 months" },
  },
  short: {
    dueDiligence: { site_check: "site inspection", security_level: "security level", financial_stability: "financial stability" },
    contractItems: {
      c1: "① confidentiality",
      c2: "② secrecy and management",
      c3: "③ training",
      c4: "④ return and erasure",
      c5: "⑤ incidents",
      c6: "⑥ subcontracting",
      c7: "⑦ inspections",
    },
  },
  errors: {
    destination: kindMessages("en").abroad.errors.destination,
    country: kindMessages("en").abroad.errors.country,
    abroadRefused:
      "Personal data cannot be entrusted to a processor there. A party abroad that is neither in a designated country nor has a system meeting the standards may receive it only with the person's consent given with the information of PPC Rules Art.17, or under an exception of APPI Art.27(1) (APPI Art.28(1)). File a third-party provision instead",
    processorName: "Please enter the processor's name",
    work: "Please enter the work entrusted",
    dataItems: "Please enter the personal data items entrusted",
    headcount: "Please enter the approximate number of people",
    dueDiligence: (missing) => `These checks are not done: ${missing} (Rule Art.15(2)(1) requires all three)`,
    contractItems: (missing) => `The draft basic contract lacks: ${missing}`,
    contractStart: "Please pick the contract start",
    contractEnd: "Please pick the contract end",
    contractEndAfterStart: "The end must be after the start",
    subcontracting: "Please choose whether subcontracting is allowed",
    inspectionCycle: "Please choose the inspection cycle",
  },
  summary: {
    processor: "Processor",
    dueDiligence: "Checks",
    dueDiligenceDone: "all three done",
    contractItems: "Draft basic contract",
    contractItemsDone: "includes all of ①-⑦",
    term: "Contract term",
    termValue: (from, to) => `${from} to ${to}`,
  },
  measures: {
    contract_signed: "Sign the basic contract (covering items ①-⑦) (Rule Art.15(2))",
    individual_contract_signed: "Sign the individual contract (entrust the data only after it, Rule Art.15(2))",
    notice_to_processor: "Give the processor a document stating items ①-⑦ (Rule Art.15(3))",
    inspection_scheduled: (months) => `Schedule the periodic inspection of the processor (every ${months} months, Rule Art.15(6))`,
    documents_retention: (until) => `Keep the contract documents (7 years after the contract ends: until ${until}, Rule Art.15(7))`,
  },
};

export const entrustMessages = catalogue<EntrustMessages>(ja, en);
