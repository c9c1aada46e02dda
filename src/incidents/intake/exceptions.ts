// Setting aside the notice or the publication the company's policies promise for every leak
// (seed 002 §7(1), seed 004 §11(1)): only with a reason, and the 「該当なし」 modal offers the
// grounds that exist. Publication: the policies' own exception (seed 002 §7(2), seed 004
// §11(2): publishing would fall under one of §5(1) [1]-[7]), or another reason in words.
// Notice: the policies state no exception; where notice is difficult (困難, APPI Art.26(2)
// proviso) the substitute is publication or an inquiry desk, as the case fits. Pure.
import { z } from "zod";
import { catalogue, type Lang } from "../../platform/i18n.js";
import type { TaskKey } from "../rules.js";

/** The block of the ground's select in the 「該当なし」 modal. */
export const NA_GROUND_BLOCK = "naGround";

export const PUBLICATION_GROUNDS = ["policy-1", "policy-2", "policy-3", "policy-4", "policy-5", "policy-6", "policy-7", "other"] as const;
export const NOTICE_GROUNDS = ["substitute-publication", "substitute-desk", "other"] as const;
export type NaGround = (typeof PUBLICATION_GROUNDS)[number] | (typeof NOTICE_GROUNDS)[number];

/** The tasks whose 「該当なし」 asks for a ground first, and the grounds offered. */
export const NA_GROUNDS: Partial<Record<TaskKey, readonly NaGround[]>> = {
  publication: PUBLICATION_GROUNDS,
  "people-notified": NOTICE_GROUNDS,
};

const ja = {
  label: { publication: "公表しない根拠", "people-notified": "本人への通知に代える措置" } as Partial<Record<TaskKey, string>>,
  hint: {
    publication: "当社の基本方針の例外（002 §7(2)・004 §11(2)）：公表により5項(1)の[1]〜[7]に該当する場合。それ以外は「その他」を選び理由を記入してください。",
    "people-notified": "基本方針は本人への通知に例外を定めていません。通知が困難な場合は代替措置（法第26条2項ただし書）を選び、実施内容を記入してください。",
  } as Partial<Record<TaskKey, string>>,
  ground: {
    "policy-1": "公表すると本人又は第三者の生命、身体、財産その他の権利利益を害するおそれ（基本方針 5(1)[1]、002 §7(2)・004 §11(2)）",
    "policy-2": "公表すると当社の権利・正当な利益を損ない、又は業務の適正な実施に著しい支障を及ぼすおそれ（5(1)[2]）",
    "policy-3": "公表すると違法又は不当な行為を助長し、又は誘発するおそれ（5(1)[3]）",
    "policy-4": "公表すると国の安全、他国等との信頼関係・交渉が害されるおそれ（5(1)[4]）",
    "policy-5": "公表すると犯罪の予防・捜査等、公共の安全と秩序の維持に支障が及ぶおそれ（5(1)[5]）",
    "policy-6": "公表すると法令の定める国等の事務の遂行に支障を及ぼすおそれ（5(1)[6]）",
    "policy-7": "公表すると他の法令に違反することとなる（5(1)[7]）",
    "substitute-publication": "本人への通知が困難なため、代替措置として事案を公表した（法第26条2項ただし書）",
    "substitute-desk": "本人への通知が困難なため、代替措置として問合せ窓口を設けた（法第26条2項ただし書）",
    other: "その他（理由を記入）",
  } satisfies Record<NaGround, string>,
  choice: {
    "policy-1": "[1] 生命・身体・財産等の権利利益を害するおそれ",
    "policy-2": "[2] 当社の正当な利益・業務の適正な実施に著しい支障",
    "policy-3": "[3] 違法・不当な行為を助長・誘発するおそれ",
    "policy-4": "[4] 国の安全・他国等との信頼関係等が害されるおそれ",
    "policy-5": "[5] 犯罪の予防・捜査等に支障",
    "policy-6": "[6] 国等の法令上の事務に支障",
    "policy-7": "[7] 他の法令に違反",
    "substitute-publication": "通知が困難：代替措置として公表（法第26条2項ただし書）",
    "substitute-desk": "通知が困難：代替措置として問合せ窓口（法第26条2項ただし書）",
    other: "その他（理由を記入）",
  } satisfies Record<NaGround, string>,
  required: "根拠を選んでください。",
};
const en: typeof ja = {
  label: { publication: "Ground for not publishing", "people-notified": "Measure instead of the notice" },
  hint: {
    publication:
      'The exception of our privacy policies (002 §7(2), 004 §11(2)): publishing would fall under §5(1) [1]-[7]. Otherwise choose "other" and give the reason.',
    "people-notified":
      "Our policies state no exception to the notice. Where notice is difficult, choose the substitute measure (APPI Art.26(2) proviso) and say what was done.",
  },
  ground: {
    "policy-1": "publishing may harm the life, body, property or other rights of the person or a third party (policy 5(1)[1]; 002 §7(2), 004 §11(2))",
    "policy-2": "publishing may harm our rights or legitimate interests, or seriously hinder our business (5(1)[2])",
    "policy-3": "publishing may encourage or induce unlawful or improper acts (5(1)[3])",
    "policy-4": "publishing may harm national security or relations or negotiations with other states (5(1)[4])",
    "policy-5": "publishing may hinder crime prevention, investigation or public order (5(1)[5])",
    "policy-6": "publishing may hinder a public body's duties under the law (5(1)[6])",
    "policy-7": "publishing would violate another law (5(1)[7])",
    "substitute-publication": "notice is difficult: the facts were published instead (APPI Art.26(2) proviso)",
    "substitute-desk": "notice is difficult: an inquiry desk was set up instead (APPI Art.26(2) proviso)",
    other: "other (give the reason)",
  },
  choice: {
    "policy-1": "[1] may harm the rights of the person or a third party",
    "policy-2": "[2] may seriously hinder our business",
    "policy-3": "[3] may encourage unlawful or improper acts",
    "policy-4": "[4] may harm national security or foreign relations",
    "policy-5": "[5] may hinder crime prevention or investigation",
    "policy-6": "[6] may hinder a public body's legal duties",
    "policy-7": "[7] would violate another law",
    "substitute-publication": "notice difficult: published instead (Art.26(2) proviso)",
    "substitute-desk": "notice difficult: inquiry desk instead (Art.26(2) proviso)",
    other: "other (give the reason)",
  },
  required: "Choose the ground.",
};
export const exceptionMessages = catalogue(ja, en);

/** The ground's select, for a task that has grounds; null otherwise. */
export function naGroundInput(key: string, lang: Lang) {
  const grounds = NA_GROUNDS[key as TaskKey];
  if (!grounds) return null;
  const m = exceptionMessages(lang);
  const opt = (g: NaGround) => ({ text: { type: "plain_text" as const, text: m.choice[g] }, value: g });
  return {
    type: "input" as const,
    block_id: NA_GROUND_BLOCK,
    label: { type: "plain_text" as const, text: m.label[key as TaskKey]! },
    hint: { type: "plain_text" as const, text: m.hint[key as TaskKey]! },
    element: { type: "radio_buttons" as const, action_id: "value", options: grounds.map(opt) },
  };
}

/** The ground chosen, checked against the task's grounds. */
export const groundSchema = (key: string, required: string) =>
  z.enum((NA_GROUNDS[key as TaskKey] ?? ["other"]) as [NaGround, ...NaGround[]], { error: required });

/** The reason recorded: the ground in the policy's or the law's words, then the person's words. */
export function reasonWithGround(ground: NaGround, reason: string, lang: Lang): string {
  return `${exceptionMessages(lang).ground[ground]}：${reason}`;
}
