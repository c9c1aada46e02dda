// What the intake of an incident says (Japanese, English): the regulator form's facts asked
// in the report modal (occurrence day, how it came to light, 漏えい・滅失・毀損, medium, a
// business partner's report), how they are shown, and the notice to the people affected
// (施行規則 第10条). The statuses, reasons and deadlines are in ../messages.ts.
import { catalogue } from "../../platform/i18n.js";
import type { DiscoveryMethod, EventKind, Medium, WhereItHappened } from "./facts.js";

const ja = {
  modal: {
    factsIntro: "以下は分かる範囲で入力してください（任意）。報告書（施行規則 第8条1項）の作成に使います。",
    occurredOn: "発生した日（分かれば）",
    discoveryMethod: "発覚の経緯",
    discoveryOption: {
      "internal-check": "社内での点検・監視",
      customer: "お客様からの申出",
      partner: "ビジネスパートナー（代理店・委託先）からの報告",
      external: "外部（警察・報道・第三者）からの指摘",
      other: "その他",
    } satisfies Record<DiscoveryMethod, string>,
    eventKinds: "事態の区分",
    eventOption: { leak: "漏えい", loss: "滅失", damage: "毀損" } satisfies Record<EventKind, string>,
    medium: "媒体",
    mediumOption: { electronic: "電子データ", paper: "紙", both: "電子データと紙" } satisfies Record<Medium, string>,
    where: "どこで起きましたか",
    whereOption: {
      own: "当社",
      partner: "ビジネスパートナー（当社の代理店・委託先）",
    } satisfies Record<WhereItHappened, string>,
    whereHint: "パートナーからの報告の場合、上の「気づいた日」「気づいた時刻」には当社が報告を受けた日時を入れてください（当社の期限はそこから数えます）。",
    partnerName: "ビジネスパートナーの名称",
    partnerHint: "会社名（個人名は書かないでください）",
  },
  problem: {
    occurredAfterDiscovery: "発生日は気づいた日より後にはできません。",
    partnerNeeded: "ビジネスパートナーで起きた場合は、その名称を入力してください。",
    partnerOnlyAtPartner: "名称は「ビジネスパートナー」を選んだ場合に入力してください。",
    partnerNotPersonal: "会社名だけを書いてください（個人のメールアドレス・電話番号などは書かないでください）。",
  },
  shown: {
    occurredOn: "発生日",
    discoveryMethod: "発覚の経緯",
    eventKinds: "事態の区分",
    medium: "媒体",
    partner: "ビジネスパートナーからの報告",
    partnerText: (name: string) => `${name}（パートナー細則 第9条：パートナーは調査結果・対処状況と再発防止策を当社へ報告。当社の期限は当社が知った日時から）`,
    unknown: "未確認",
  },
  notice: {
    title: "本人への通知 草案",
    basis:
      "通知する事項：個人情報の保護に関する法律施行規則 第10条（第8条1項1号・2号・4号・5号・9号）。報告対象事態では法第26条2項の義務、それ以外は当社の基本方針（002 §7(1)[1]・004 §11(1)[1]）による通知です。",
    difficult:
      "本人への通知が困難な場合（連絡先が分からない等）は、代替措置として事案の公表、又は問合せ窓口の設置（本人が自らの個人データが対象か確認できるもの）を、事案に応じて行います（法第26条2項ただし書）。",
    item: {
      summary: "概要",
      dataItems: "漏えい等が発生し、又は発生したおそれがある個人データの項目",
      cause: "原因",
      secondaryHarm: "二次被害又はそのおそれの有無及びその内容",
      other: "その他参考となる事項",
    },
    missing: "未記入（通知までに記入してください）",
    occurred: (day: string) => `発生日：${day}`,
  },
  usage: "/privacy incident report INC-... notice — 本人への通知の草案（施行規則 第10条）をスレッドに投稿",
  posted: (code: string) => `${code} の本人への通知の草案をスレッドに投稿しました。`,
  draftComment: (code: string, who: string) => `📄 ${code} の本人への通知の草案（${who} が作成）`,
  fileTitle: (code: string) => `${code} 本人への通知 草案`,
};

const en: typeof ja = {
  modal: {
    factsIntro: "Fill in what you know of the following (optional). It goes into the regulator report (Enforcement Rules Art.8(1)).",
    occurredOn: "Day it happened (if known)",
    discoveryMethod: "How it came to light",
    discoveryOption: {
      "internal-check": "our own check or monitoring",
      customer: "a customer told us",
      partner: "a business partner (agent or processor) reported it",
      external: "someone outside (police, press, a third party)",
      other: "other",
    },
    eventKinds: "Kind of event",
    eventOption: { leak: "leak (漏えい)", loss: "loss (滅失)", damage: "damage (毀損)" },
    medium: "Medium",
    mediumOption: { electronic: "electronic data", paper: "paper", both: "electronic data and paper" },
    where: "Where did it happen?",
    whereOption: { own: "at our company", partner: "at a business partner (our agent or processor)" },
    whereHint: "For a partner's report, the day and time you noticed it above are when we received the report (our deadlines count from then).",
    partnerName: "Business partner's name",
    partnerHint: "the company's name (no person's name)",
  },
  problem: {
    occurredAfterDiscovery: "The day it happened cannot be after the day you noticed it.",
    partnerNeeded: "It happened at a business partner: enter the partner's name.",
    partnerOnlyAtPartner: 'Enter a name only when "at a business partner" is chosen.',
    partnerNotPersonal: "Only the company's name, please (no personal e-mail addresses or phone numbers).",
  },
  shown: {
    occurredOn: "Happened on",
    discoveryMethod: "How it came to light",
    eventKinds: "Kind of event",
    medium: "Medium",
    partner: "Reported by a business partner",
    partnerText: (name: string) =>
      `${name} (partner rules Art.9: the partner reports its investigation, its response and its recurrence measures to us; our deadlines count from when we learned)`,
    unknown: "not known yet",
  },
  notice: {
    title: "Notice to the people affected: draft",
    basis:
      "Items: Enforcement Rules Art.10 (Art.8(1) items 1, 2, 4, 5 and 9). For a reportable incident this is the duty of APPI Art.26(2); otherwise the notice our privacy policies promise (002 §7(1)[1], 004 §11(1)[1]).",
    difficult:
      "Where notice is difficult (e.g. no contact details), a substitute measure as the case fits: publishing the facts, or an inquiry desk where people can check whether their data is concerned (APPI Art.26(2) proviso).",
    item: {
      summary: "Summary",
      dataItems: "Items of personal data leaked or possibly leaked",
      cause: "Cause",
      secondaryHarm: "Secondary harm, or the risk of it, and what it is",
      other: "Other relevant matters",
    },
    missing: "missing (fill in before the notice goes out)",
    occurred: (day: string) => `Happened on: ${day}`,
  },
  usage: "/privacy incident report INC-... notice — the draft notice to the people affected (Enforcement Rules Art.10) in the thread",
  posted: (code: string) => `Posted the draft notice to the people affected on ${code} in its thread.`,
  draftComment: (code: string, who: string) => `📄 Draft notice to the people affected on ${code} (by ${who})`,
  fileTitle: (code: string) => `${code} notice to the people affected (draft)`,
};

export const intakeMessages = catalogue(ja, en);
