// Everything the consultation route (合議) says, in Japanese and English.
import { catalogue } from "../../platform/i18n.js";
import type { Condition, ConsultRefusal, Mode } from "./rules.js";

const ja = {
  button: { approve: "合議：承認", object: "合議：異議", add: "承認者の追加" },
  header: (code: string) => `合議の状況（${code}）`,
  companyNote:
    "合議は当社の拡張です。規程 第4条3項が定めるのは個人情報管理者から個人情報管理責任者への協議で、それ以外の合議先は定めていません。全ての合議ルールが満たされるまで最終承認はできません。",
  condition: {
    sensitive: "要配慮個人情報を含む",
    abroad: "外国にある第三者・委託先・共同利用者",
    headcount: "本人の数がしきい値を超える",
    secrecy: "通信の秘密を含む",
    kind: "会社が指定した届出の種類",
    added: "個人情報管理責任者による承認者の追加",
  } satisfies Record<Condition | "added", string>,
  headcountOver: (n: number) => `（${n.toLocaleString("ja-JP")}人超）`,
  mode: { all: "全員の承認が必要", any: "いずれか1人の承認で足ります" } satisfies Record<Mode, string>,
  ruleLine: (label: string, mode: string, ok: boolean) => `${ok ? ":white_check_mark:" : ":hourglass_flowing_sand:"} *${label}*（${mode}）`,
  answer: {
    waiting: "未回答",
    approve: "承認",
    object: "異議",
  },
  answerLine: (who: string, state: string) => `• ${who}：${state}`,
  reasonLine: (reason: string) => `    理由：${reason}`,
  satisfied: ":white_check_mark: 合議は整いました。最終承認できます。",
  notSatisfied: (who: string) => `:hourglass_flowing_sand: 最終承認は次の人の回答を待っています：${who}`,
  closed: "この版の合議は終わりました（差し戻し・取り下げ・判断済み）。",
  parentWaiting: (who: string) => `:busts_in_silhouette: *合議中*：最終承認は次の人の回答を待っています ${who}`,
  parentSatisfied: ":busts_in_silhouette: *合議*：整いました",
  version: (v: number) => `第${v}版`,
  thread: {
    started: (who: string) => `:busts_in_silhouette: 合議を依頼しました：${who}。全ての合議ルールが満たされるまで最終承認はできません。`,
    approved: (who: string) => `${who} さんが合議で承認しました。`,
    satisfied: (deciders: string) => `:white_check_mark: 合議が整いました。${deciders} さん、最終承認できます。`,
    objected: (who: string, reason: string) => `:leftwards_arrow_with_hook: ${who} さんが合議で異議を述べたため、届出者に差し戻しました。\n>${reason}`,
    added: (chief: string, person: string, reason: string) => `${chief} さんが承認者（合議先）に ${person} さんを追加しました。\n>${reason}`,
    unstaffed: (label: string) =>
      `:warning: 合議ルール「${label}」に該当しますが、合議先となる人がいません（役割の保持者がいないか、届出者本人だけです）。組織ファイルまたは設定の routes.consultation を確認してください。`,
  },
  dm: {
    consulted: (code: string, title: string, reasons: string) =>
      `:busts_in_silhouette: 届出 ${code}「${title}」について合議の依頼です（${reasons}）。内容を確認し、承認または異議を選んでください。`,
    objected: (code: string, who: string, reason: string) =>
      `届出 ${code} に ${who} さんが合議で異議を述べたため、差し戻されました。修正して再提出すると、第1段階からやり直し、合議も新しい版で改めて行います。\n>${reason}`,
  },
  /** stamps on a consultant's DM once its 合議 buttons are done with (issue 16) */
  stamp: {
    approved: (at: string, who: string) => `✅ 合議で承認しました（${at} ${who}）`,
    objected: (at: string, who: string) => `↩️ 合議で異議を述べました（${at} ${who}）`,
    moot: (what: string, at: string, who: string) => `➖ 回答は不要になりました：${what}（${at} ${who}）`,
  },
  held: (who: string) => `合議が整っていないため、まだ最終承認できません。未回答：${who}`,
  answered: (code: string, answer: string) => `届出 ${code} の合議に「${answer}」と回答しました。`,
  added: (code: string, person: string) => `届出 ${code} の承認者（合議先）に ${person} さんを追加しました。`,
  refusal: {
    not_consulting: "この届出は合議の段階（最終承認待ち）ではありません。",
    stale: "このボタンは古い版のものです。最新のメッセージを確認してください。",
    not_consultant: "この届出の合議先ではありません。",
    answered: "既に回答しています。",
    not_chief: "承認者を追加できるのは個人情報管理責任者（または代理）だけです。",
    own_request: "自分の届出の合議には加われません（職務の分離）。",
    already_consulted: "その人は既にこの版の合議先です。",
    unknown_person: "その人は組織ファイルに登録されていません。",
    reason_required: "理由を入力してください。",
  } satisfies Record<ConsultRefusal, string>,
  notFound: "届出が見つかりません。",
  pressFailed: "記録できませんでした。何も変わっていません。もう一度押してください。",
  modal: {
    objectTitle: "合議：異議",
    objectSubmit: "異議を送る",
    addTitle: "承認者の追加",
    addSubmit: "追加する",
    close: "キャンセル",
    objectIntro: (code: string, title: string) => `*${code}* ${title}\n異議を送ると、届出は届出者に差し戻されます。`,
    addIntro: (code: string, title: string) => `*${code}* ${title}\n追加した人の承認も、最終承認の前に必要になります。`,
    reasonLabel: "理由",
    reasonHint: "個人を特定できる情報（顧客の氏名・電話番号など）は書かないでください。",
    personLabel: "追加する承認者（合議先）",
    noPii: "顧客の個人情報（電話番号・メールアドレスなど）が含まれているようです。書かずに説明してください。",
  },
};

const en: typeof ja = {
  button: { approve: "Consult: approve", object: "Consult: object", add: "Add an approver" },
  header: (code) => `Consultation (${code})`,
  companyNote:
    "Consultation is the company's extension: Rule Art.4(3) only has the privacy manager consult the chief privacy officer and names no other reviewers. The final approval waits until every consultation rule is satisfied.",
  condition: {
    sensitive: "includes sensitive personal information",
    abroad: "a recipient, processor or joint user abroad",
    headcount: "more people than the threshold",
    secrecy: "includes secrecy of communications",
    kind: "a kind of request the company chose",
    added: "approver added by the chief privacy officer",
  },
  headcountOver: (n) => ` (over ${n.toLocaleString("en-US")})`,
  mode: { all: "all must approve", any: "any one approval suffices" },
  ruleLine: (label, mode, ok) => `${ok ? ":white_check_mark:" : ":hourglass_flowing_sand:"} *${label}* (${mode})`,
  answer: { waiting: "not answered", approve: "approved", object: "objected" },
  answerLine: (who, state) => `• ${who}: ${state}`,
  reasonLine: (reason) => `    reason: ${reason}`,
  satisfied: ":white_check_mark: The consultation is complete. The final approval may be given.",
  notSatisfied: (who) => `:hourglass_flowing_sand: The final approval waits for: ${who}`,
  closed: "The consultation on this version is over (sent back, withdrawn or decided).",
  parentWaiting: (who) => `:busts_in_silhouette: *Consultation*: the final approval waits for ${who}`,
  parentSatisfied: ":busts_in_silhouette: *Consultation*: complete",
  version: (v) => `version ${v}`,
  thread: {
    started: (who) => `:busts_in_silhouette: Consultation requested from ${who}. The final approval waits until every consultation rule is satisfied.`,
    approved: (who) => `${who} approved in the consultation.`,
    satisfied: (deciders) => `:white_check_mark: The consultation is complete. ${deciders}, the final approval may be given.`,
    objected: (who, reason) => `:leftwards_arrow_with_hook: ${who} objected in the consultation; the request went back to the requester.\n>${reason}`,
    added: (chief, person, reason) => `${chief} added ${person} as an approver (consultant).\n>${reason}`,
    unstaffed: (label) =>
      `:warning: The consultation rule "${label}" applies but names nobody who can answer (nobody holds the role, or only the requester). Check the org file or routes.consultation in the settings.`,
  },
  dm: {
    consulted: (code, title, reasons) =>
      `:busts_in_silhouette: You are consulted on request ${code} "${title}" (${reasons}). Please review it and approve or object.`,
    objected: (code, who, reason) =>
      `${who} objected to your request ${code} in the consultation, so it was sent back. Revise and resubmit: it starts again at stage 1 and the consultation is held again on the new version.\n>${reason}`,
  },
  stamp: {
    approved: (at, who) => `✅ Approved in the consultation (${at}, ${who})`,
    objected: (at, who) => `↩️ Objected in the consultation (${at}, ${who})`,
    moot: (what, at, who) => `➖ No answer needed any more: ${what} (${at}, ${who})`,
  },
  held: (who) => `The consultation is not complete, so the final approval must wait. Not answered yet: ${who}`,
  answered: (code, answer) => `You answered "${answer}" in the consultation on ${code}.`,
  added: (code, person) => `${person} was added as an approver (consultant) of ${code}.`,
  refusal: {
    not_consulting: "This request is not at the consultation stage (waiting for the final approval).",
    stale: "This button belongs to an earlier version. Please look at the latest message.",
    not_consultant: "You are not consulted on this request.",
    answered: "You have already answered.",
    not_chief: "Only the chief privacy officer (or deputy) can add an approver.",
    own_request: "Nobody takes part in the consultation on their own request (separation of duties).",
    already_consulted: "That person is already consulted on this version.",
    unknown_person: "That person is not in the org file.",
    reason_required: "Please give a reason.",
  },
  notFound: "Request not found.",
  pressFailed: "That could not be recorded. Nothing changed; please press again.",
  modal: {
    objectTitle: "Consult: object",
    objectSubmit: "Send objection",
    addTitle: "Add an approver",
    addSubmit: "Add",
    close: "Cancel",
    objectIntro: (code, title) => `*${code}* ${title}\nAn objection sends the request back to the requester.`,
    addIntro: (code, title) => `*${code}* ${title}\nThe person you add must also approve before the final approval.`,
    reasonLabel: "Reason",
    reasonHint: "Do not write details that identify a person (a customer's name, phone number, …).",
    personLabel: "Approver (consultant) to add",
    noPii: "This seems to contain a customer's personal data (a phone number, an e-mail address, …). Please describe it without them.",
  },
};

export const consultMessages = catalogue(ja, en);
