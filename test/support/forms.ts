// What a person types into each kind's form: valid inputs per kind (block_id -> value),
// and one invalid example. Dates are in the future of the real clock.
import type { RequestKind } from "../../src/requests/kinds/index.js";
import type { SimpleInputs } from "../../src/platform/slack/fake/index.js";

const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const VALID_INPUTS: Record<RequestKind, SimpleInputs> = {
  purpose: {
    purpose: "新サービスの案内メール配信",
    dataItems: "氏名、メールアドレス、購入履歴",
    dataSubjects: "customers",
    collection: "web_form",
    retention: "3y",
    sensitive: "no",
    minors: "no",
    startDate: future(30),
  },
  method: {
    method: "展示会で名刺を受け取る際のアンケート",
    direction: "indirect",
    sourceName: "株式会社イベント企画",
    sourceLawful: ["confirmed"],
    sourceStatement: ["received"],
    dataItems: "氏名、会社名、メールアドレス",
    startDate: future(20),
  },
  entrust: {
    processorName: "株式会社データ処理センター",
    processorAddress: "東京都千代田区1-1-1",
    destination: "domestic",
    work: "顧客アンケートの集計",
    dataItems: "氏名、年齢、回答内容",
    headcount: "1200",
    dueDiligence: ["site_check", "security_level", "financial_stability"],
    contractItems: ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
    contractStart: future(10),
    contractEnd: future(375),
    subcontracting: "no",
    inspectionCycle: "12",
  },
  provide: {
    unavoidableReason: "保険金の支払いに保険会社への提供が必要なため",
    recipientName: "東都損害保険株式会社",
    dataItems: "氏名、住所、事故の内容",
    destination: "domestic",
    sensitive: "no",
    secrecy: "no",
    dataSubjects: "事故の当事者である顧客",
    minors: "no",
    headcount: "40",
    legalBasis: "consent",
    consentOrProvisionDate: future(5),
    retentionYears: "3",
  },
  joint: {
    jointUse: ["acknowledged"],
    dataItems: "氏名、住所、電話番号、購入履歴",
    jointUsers: "当社および当社の子会社（株式会社サンプル販売）",
    destination: "domestic",
    purposes: "グループ共通の顧客サポート",
    responsibleName: "株式会社サンプル",
    responsibleAddress: "東京都港区2-2-2",
    responsibleRepresentative: "代表取締役 山本 一郎",
    startDate: future(45),
    noticeMethod: "website",
  },
};

/** A purpose form saying "sensitive: yes" without how consent is obtained (APPI Art.20(2)). */
export const INVALID_EXAMPLE = {
  kind: "purpose" as RequestKind,
  inputs: { ...VALID_INPUTS.purpose, sensitive: "yes", sensitiveConsent: "" },
  expectErrorOn: "sensitiveConsent",
};
