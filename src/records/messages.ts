// Texts of the provision and receipt records (APPI Art.29, 30, 33(5); 施行規則 第19-25条), in
// Japanese and English: /privacy provision, its modals, thread notes, DMs and refusals.
import { catalogue } from "../platform/i18n.js";
import type { DisclosureExclusion, DisposalMethod, Exemption, Problem, ReceiptBasis, RecordForm } from "./rules.js";

const EX27_1_JA = [
  "法令に基づく場合",
  "人の生命・身体・財産の保護",
  "公衆衛生・児童の健全な育成",
  "国の機関等への協力",
  "学術研究機関等の教授",
  "学術研究目的での提供",
  "学術研究機関等への提供",
];
const EX27_1_EN = [
  "based on laws",
  "protection of life, body or property",
  "public health or children",
  "cooperation with state bodies",
  "academic teaching",
  "academic research purposes",
  "to an academic research institution",
];
const EX27_5_JA = ["", "委託", "事業の承継", "共同利用"];
const EX27_5_EN = ["", "entrustment", "succession", "joint use"];

const ja = {
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  usage: [
    "`/privacy provision log PRV-2026-0001` 承認済みの第三者提供について、実際の提供を記録（提供記録の作成・追記、個人情報保護法第29条）",
    "`/privacy provision receipt` 第三者から個人データの提供を受けるときの確認と記録（法第30条）",
    "`/privacy provision records PRV-2026-0001` 提供記録と提供の履歴、保存期限",
    "`/privacy provision disclose DSR-2026-0001` 第三者提供記録の開示請求（法第33条第5項）に当たる記録の一覧を請求のスレッドへ",
    "`/privacy provision dispose RCV-2026-0001` 保存期間が終わった受領記録の廃棄を記録（規程第31条。提供記録は `/privacy processors disposal PRV-…`）",
  ],
  // ---- retention and disposal
  retentionIntro: (n: number) => `保存期間が終わった第三者提供の記録が ${n} 件あります。廃棄したら記録してください（施行規則第21条・第25条、規程第31条）。`,
  retentionProvision: (code: string, recipient: string, until: string) =>
    `・提供記録 ${code}（提供先：${recipient}）保存期限 ${until}。廃棄は個人情報管理責任者が \`/privacy processors disposal ${code}\` で記録します`,
  retentionReceipt: (code: string, provider: string, until: string) =>
    `・受領記録 ${code}（提供者：${provider}）保存期限 ${until}。廃棄したら \`/privacy provision dispose ${code}\` で記録してください`,
  disposeTitle: "受領記録の廃棄",
  disposeIntro: (code: string, provider: string, until: string) => `*${code}* 提供者：${provider}\n保存期限：${until}（施行規則第25条）`,
  method: "廃棄の方法",
  methods: {
    shred: "シュレッダー裁断（紙）",
    dissolve: "溶解処理（紙・信頼できる廃棄業者）",
    erase: "専用ソフトによるデータ消去",
    destroy: "記憶媒体の物理的破壊",
    other: "その他（メモに記入）",
  } satisfies Record<DisposalMethod, string>,
  performedBy: "廃棄作業を行った個人情報取扱担当者（規程第31条4項）",
  disposedOn: "廃棄した日",
  disposalNote: "メモ",
  disposeNotAllowed: "受領記録の廃棄を記録できるのは、その部署の個人情報管理者と個人情報管理責任者（代理を含む）です。",
  disposeNotYet: (until: string) => `この受領記録は ${until} まで保存します（施行規則第25条）。廃棄はその後です。`,
  disposeNone: "この受領記録は確認・記録不要の受領の控えで、保存期間はありません。",
  disposedAlready: (on: string) => `この受領記録は ${on} に廃棄済みです。`,
  disposed: (code: string, on: string, method: string) => `${code} の廃棄（${on}、${method}）を記録しました。`,
  needCode: "届出番号（PRV-…）を指定してください。例：`/privacy provision log PRV-2026-0001`",
  needDsr: "開示等の請求の番号（DSR-…）を指定してください。例：`/privacy provision disclose DSR-2026-0001`",
  notFound: (code: string) => `${code} は見つかりません。`,
  notEffective: (code: string) => `${code} はまだ有効ではありません。提供を記録できるのは、必要な措置がすべて完了した承認済みの届出です。`,
  notProvision: (code: string) => `${code} は第三者提供・委託・共同利用の届出ではありません。`,
  notAllowed: "提供を記録できるのは、届出者、その部署の個人情報管理者、個人情報管理責任者（代理を含む）です。",
  notDsrDesk:
    "第三者提供記録の開示の一覧を作れるのは、開示等の請求の窓口（個人情報取扱担当者・個人情報管理者・個人情報管理責任者（代理を含む）・コンプライアンス担当）です。",
  notRecordsKind: (code: string) => `${code} は「第三者提供記録の開示」の請求ではありません。`,
  error: "処理中にエラーが発生しました。内容は記録されています。",
  // ---- exemptions and forms
  exemption: (e: Exemption): string =>
    e.kind === "art27_1"
      ? `記録不要：法第27条第1項第${e.item}号（${EX27_1_JA[e.item - 1] ?? ""}）による提供（法第29条第1項ただし書）`
      : e.kind === "art27_5"
        ? `記録不要：法第27条第5項第${e.item}号（${EX27_5_JA[e.item]}）（法第29条第1項ただし書）`
        : "記録不要：法第16条第2項各号に掲げる者（国の機関・地方公共団体・独立行政法人等・地方独立行政法人）への提供（法第29条第1項括弧書）",
  receiptExemption: (e: Exemption): string =>
    e.kind === "art27_1"
      ? `確認・記録不要：法第27条第1項第${e.item}号（${EX27_1_JA[e.item - 1] ?? ""}）による提供（法第30条第1項ただし書）`
      : e.kind === "art27_5"
        ? `確認・記録不要：法第27条第5項第${e.item}号（${EX27_5_JA[e.item]}）（法第30条第1項ただし書）`
        : "確認・記録不要：提供者が法第16条第2項各号に掲げる者（法第29条第1項括弧書、第30条）",
  forms: {
    per_provision: "提供の都度作成（施行規則第19条第2項本文）",
    combined: "継続的・反復的な提供の一括記録（施行規則第19条第2項ただし書）",
    contract: "契約書等による代替（施行規則第19条第3項、本人への物品・役務の提供に関連する同意に基づく提供）",
  } satisfies Record<RecordForm, string>,
  receiptForms: {
    per_provision: "受領の都度作成（施行規則第23条第2項本文）",
    combined: "継続的・反復的な受領の一括記録（施行規則第23条第2項ただし書）",
    contract: "契約書等による代替（施行規則第23条第3項）",
  } satisfies Record<RecordForm, string>,
  exclusions: {
    harm: "施行令第11条第1号：存否が明らかになると本人又は第三者の生命・身体・財産に危害が及ぶおそれ",
    wrongdoing: "施行令第11条第2号：違法又は不当な行為を助長・誘発するおそれ",
    state: "施行令第11条第3号：国の安全・他国との信頼関係・交渉上の不利益のおそれ",
    public_order: "施行令第11条第4号：犯罪の予防・捜査その他公共の安全と秩序の維持に支障のおそれ",
  } satisfies Record<DisclosureExclusion, string>,
  bases: {
    consent: "本人の同意（法第27条第1項・第28条第1項）",
    optout: "オプトアウト（法第27条第2項）",
    art27_1_1: "法第27条第1項第1号（法令に基づく場合）",
    art27_1_2: "法第27条第1項第2号（人の生命・身体・財産の保護）",
    art27_1_3: "法第27条第1項第3号（公衆衛生・児童の健全な育成）",
    art27_1_4: "法第27条第1項第4号（国の機関等への協力）",
    art27_5_1: "法第27条第5項第1号（委託に伴う提供）",
    art27_5_2: "法第27条第5項第2号（事業の承継に伴う提供）",
    art27_5_3: "法第27条第5項第3号（共同利用）",
    art16_2: "提供者が法第16条第2項各号に掲げる者（国の機関・地方公共団体等）",
  } satisfies Record<ReceiptBasis, string>,
  consentFact: "本人の同意を得ている旨（施行規則第20条第1項第2号イ）",
  optoutFact: "オプトアウトによる提供（提供した年月日を記録、施行規則第20条第1項第1号イ）",
  // ---- the log modal
  logTitle: "提供の記録",
  submit: "記録する",
  close: "閉じる",
  logIntro: (code: string, recipient: string, items: string) => `*${code}* 提供先：${recipient}\n提供する項目：${items}`,
  logExempt: (label: string) => `${label}\n提供は記録しますが、法第29条の提供記録ではありません。`,
  providedOn: "提供した日",
  subjectsRef: "本人を特定するに足りる事項（施行規則第20条第1項）",
  subjectsRefHint:
    "本人の氏名は書かず、本人を特定する項目の説明か、対象者の一覧がある場所（システム名・ファイルの参照番号など）を書いてください。例：「顧客ID（契約管理システム 抽出番号 EX-0412）」",
  form: "記録の作成方法（施行規則第19条）",
  formFixed: (f: string) => `この記録の作成方法：${f}（最初の提供の記録で決まります）`,
  contractRef: "契約書等の参照（契約書による代替のとき）",
  contractRefHint: "契約書・申込書の番号や保管場所。施行規則第20条の事項が記載されている契約書等に限ります。",
  exclusion: "開示の対象外（施行令第11条、該当するときのみ）",
  exclusionHint: "記録の存否が明らかになることで害がある場合だけ選びます。判断に迷うときは個人情報管理責任者に相談してください。",
  problems: {
    required: "入力してください",
    bad_date: "日付の形が正しくありません",
    future: "未来の日付は記録できません",
    before_approval: "届出が有効になる前の日付です",
    pii: "本人の氏名・住所・電話番号などは書けません。項目の説明か、一覧の参照を書いてください",
    contract_needs_consent: "契約書等による代替は、本人の同意に基づく提供に限られます（施行規則第19条第3項）",
    contract_ref_required: "契約書等の参照を入力してください（施行規則第19条第3項）",
    form_fixed: "この記録の作成方法は最初の提供で決まっています。別の方法にするには新しい届出が必要です",
    representative_required: "法人の代表者の氏名を確認して入力してください（法第30条第1項第1号）",
    ppc_published_required:
      "オプトアウトによる提供は、個人情報保護委員会が届出を公表していることを確認してください（法第27条第4項、施行規則第24条第1項第1号ホ）",
    not_allowed_form: "この作成方法は選べません",
    still_kept: "保存期間中の日付です。保存期間が終わった後の日を入力してください",
  } satisfies Record<Problem, string>,
  logged: (code: string, on: string, label: string, until: string | null) =>
    until ? `${code} の提供（${on}）を記録しました。${label}。保存期限：${until}（施行規則第21条）` : `${code} の提供（${on}）を記録しました。${label}`,
  thread: (who: string, on: string, label: string, until: string | null) =>
    until ? `${who} が提供（${on}）を記録しました：${label}。提供記録の保存期限：${until}（施行規則第21条）` : `${who} が提供（${on}）を記録しました：${label}`,
  logButton: "提供を記録",
  logPrompt: "実際に提供したら、その都度「提供を記録」から記録してください（個人情報保護法第29条）。",
  // ---- the record view
  recordTitle: (code: string) => `*${code} の提供記録*`,
  recordNone: (code: string) => `${code} には提供記録がありません。`,
  recordLine: (form: string, n: number, first: string, last: string, until: string) => `${form}\n提供 ${n} 回（${first}〜${last}）・保存期限：${until}`,
  recordPending: (until: string) => `まだ提供の記録がありません。保存期限（暫定）：${until}`,
  recordEntries: "提供の履歴",
  recordDisposed: (on: string) => `廃棄済み：${on}`,
  // ---- receipts
  receiptTitle: "提供を受ける際の確認",
  receiptIntro:
    "第三者から個人データの提供を受けるときは、提供者の氏名・名称、住所、法人の代表者と、提供者がそのデータを取得した経緯を確認し、記録します（個人情報保護法第30条、施行規則第22-24条）。",
  providerName: "提供者の氏名又は名称",
  providerKind: "提供者の種類",
  providerKinds: { corporation: "法人（代表者の氏名も確認）", individual: "個人" } as Record<string, string>,
  providerAddress: "提供者の住所",
  providerRepresentative: "法人の代表者の氏名",
  acquisition: "提供者による取得の経緯（法第30条第1項第2号）",
  acquisitionHint: "例：「自社サービスの申込時に本人から取得（申込書に第三者提供の同意欄あり）」",
  basis: "提供の根拠",
  ppcPublished: "オプトアウトのとき",
  ppcPublishedOption: "個人情報保護委員会が提供者の届出を公表していることを確認した（法第27条第4項）",
  items: "個人データの項目",
  receivedOn: "提供を受けた日",
  receiptForm: "記録の作成方法（施行規則第23条）",
  receiptSaved: (code: string, label: string, until: string | null) =>
    until ? `${code} として記録しました：${label}。保存期限：${until}（施行規則第25条）` : `${code} として記録しました：${label}`,
  receiptRecordLabel: "受領記録（法第30条第3項）",
  receiptToManager: (who: string, code: string, provider: string, label: string) =>
    `${who} が第三者からの個人データの受領を記録しました：${code}（提供者：${provider}）。${label}。内容は \`/privacy provision receipt ${code}\` で確認できます。`,
  receiptShow: (code: string, provider: string, basis: string, on: string, until: string) =>
    `*${code}* 提供者：${provider}\n根拠：${basis}\n受領日：${on}・保存期限：${until}`,
  receiptNotYours: "この受領記録を見られるのは、記録した人、その部署の個人情報管理者、個人情報管理責任者（代理を含む）、コンプライアンス担当です。",
  // ---- disclosure (Art.33(5))
  discloseTitle: "第三者提供記録の一覧",
  discloseIntro: (code: string) => `*${code}*（第三者提供記録の開示、法第33条第5項）に当たる記録を探します。提供先・提供者の名称と期間で絞ります。`,
  counterpart: "提供先・提供者の名称（一部でも可、空欄ならすべて）",
  from: "期間の始め",
  to: "期間の終わり",
  discloseHeader: (code: string, who: string, period: string) => `*第三者提供記録の一覧（${code}）* 条件：${who}・${period}`,
  discloseAll: "すべての提供先・提供者",
  disclosePeriod: (from: string, to: string) => `${from}〜${to}`,
  discloseProvision: (code: string, recipient: string, items: string, form: string, first: string, last: string) =>
    `・提供記録 ${code}：提供先 ${recipient}／項目 ${items}／${form}／提供 ${first}〜${last}`,
  discloseReceipt: (code: string, provider: string, items: string, first: string, last: string) =>
    `・受領記録 ${code}：提供者 ${provider}／項目 ${items}／受領 ${first}〜${last}`,
  discloseNone: "条件に当たる記録はありません。",
  discloseExcluded: (n: number) => `施行令第11条により開示の対象外とされた記録：${n}件（本人への回答には含めません。存否も答えません）`,
  discloseNote:
    "本人に当たる記録かどうかは、各記録の「本人を特定するに足りる事項」の参照先で確かめてください。記録のない提供（法第27条第1項・第5項、第16条第2項）は第三者提供記録ではないので含みません。",
  disclosePosted: (code: string) => `一覧を ${code} のスレッドに記録しました。`,
  discloseTooMany: (n: number, max: number) =>
    `条件に当たる記録が${n}件あり、一度に記録できる${max}件を超えます。提供先・提供者の名称か期間で絞り込み、分けて記録してください。`,
  discloseContinued: (part: number, parts: number) => `（続き ${part}/${parts}）`,
  badPeriod: "期間の終わりは始めより後にしてください",
};

const en: typeof ja = {
  date: (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  usage: [
    "`/privacy provision log PRV-2026-0001` log an actual provision under an approved third-party provision (makes or extends the provision record, APPI Art.29)",
    "`/privacy provision receipt` confirm and record a receipt of personal data from a third party (Art.30)",
    "`/privacy provision records PRV-2026-0001` the provision record, its provisions and its retention",
    "`/privacy provision disclose DSR-2026-0001` list the records a request for disclosure of provision records (Art.33(5)) covers, in the request's thread",
    "`/privacy provision dispose RCV-2026-0001` record the disposal of a receipt record past its retention (Rule Art.31; provision records: `/privacy processors disposal PRV-…`)",
  ],
  retentionIntro: (n) =>
    `${n} third-party provision record(s) are past their retention. Record their disposal once done (Enforcement Rules Art.21, 25; Rule Art.31).`,
  retentionProvision: (code, recipient, until) =>
    `• Provision record ${code} (to ${recipient}) kept until ${until}. The chief privacy officer records its disposal with \`/privacy processors disposal ${code}\``,
  retentionReceipt: (code, provider, until) =>
    `• Receipt record ${code} (from ${provider}) kept until ${until}. Once disposed of, record it with \`/privacy provision dispose ${code}\``,
  disposeTitle: "Dispose of a receipt",
  disposeIntro: (code, provider, until) => `*${code}* Provider: ${provider}\nKept until ${until} (Enforcement Rules Art.25)`,
  method: "How it was disposed of",
  methods: {
    shred: "Shredded (paper)",
    dissolve: "Dissolved (paper, trusted contractor)",
    erase: "Erased with dedicated software",
    destroy: "Media physically destroyed",
    other: "Other (describe in the note)",
  },
  performedBy: "Data handler who did it (Rule Art.31(4))",
  disposedOn: "Day of disposal",
  disposalNote: "Note",
  disposeNotAllowed: "A receipt record's disposal is recorded by its department's privacy managers or the chief privacy officer or deputy.",
  disposeNotYet: (until) => `This receipt record is kept until ${until} (Enforcement Rules Art.25); dispose of it after that.`,
  disposeNone: "This is the note of an exempt receipt (no confirmation or record needed): it has no retention.",
  disposedAlready: (on) => `This receipt record was disposed of on ${on}.`,
  disposed: (code, on, method) => `Disposal of ${code} (${on}, ${method}) recorded.`,
  needCode: "Give the request code (PRV-…), e.g. `/privacy provision log PRV-2026-0001`",
  needDsr: "Give the data-subject request's code (DSR-…), e.g. `/privacy provision disclose DSR-2026-0001`",
  notFound: (code) => `${code} was not found.`,
  notEffective: (code) => `${code} is not effective yet. Provisions can be logged only against an approved request whose measures are all done.`,
  notProvision: (code) => `${code} is not a third-party provision, entrustment or joint-use request.`,
  notAllowed: "Provisions can be logged by the requester, their department's privacy managers, and the chief privacy officer or deputy.",
  notDsrDesk: "Only the data-subject request desk (handlers, managers, chief, deputy, compliance) can list provision records for a request.",
  notRecordsKind: (code) => `${code} is not a request for disclosure of provision records.`,
  error: "Something went wrong. It has been logged.",
  exemption: (e) =>
    e.kind === "art27_1"
      ? `No record needed: provision under APPI Art.27(1)(${e.item}) (${EX27_1_EN[e.item - 1] ?? ""}) (Art.29(1) proviso)`
      : e.kind === "art27_5"
        ? `No record needed: APPI Art.27(5)(${e.item}) (${EX27_5_EN[e.item]}) (Art.29(1) proviso)`
        : "No record needed: provision to a body of APPI Art.16(2) (state organ, local government, incorporated administrative agency) (Art.29(1), in brackets)",
  receiptExemption: (e) =>
    e.kind === "art27_1"
      ? `No confirmation or record needed: provision under APPI Art.27(1)(${e.item}) (${EX27_1_EN[e.item - 1] ?? ""}) (Art.30(1) proviso)`
      : e.kind === "art27_5"
        ? `No confirmation or record needed: APPI Art.27(5)(${e.item}) (${EX27_5_EN[e.item]}) (Art.30(1) proviso)`
        : "No confirmation or record needed: the provider is a body of APPI Art.16(2) (Art.29(1) in brackets, Art.30)",
  forms: {
    per_provision: "a record for each provision (Enforcement Rules Art.19(2))",
    combined: "one combined record for continuous or repeated provision (Enforcement Rules Art.19(2) proviso)",
    contract: "the contract serves as the record (Enforcement Rules Art.19(3): consent-based provision tied to goods or services for the person)",
  },
  receiptForms: {
    per_provision: "a record for each receipt (Enforcement Rules Art.23(2))",
    combined: "one combined record for continuous or repeated receipt (Enforcement Rules Art.23(2) proviso)",
    contract: "the contract serves as the record (Enforcement Rules Art.23(3))",
  },
  exclusions: {
    harm: "Cabinet Order Art.11(1): knowing it exists could harm the life, body or property of the person or others",
    wrongdoing: "Cabinet Order Art.11(2): could encourage or induce illegal or improper acts",
    state: "Cabinet Order Art.11(3): could harm national security or relations or negotiations with other states",
    public_order: "Cabinet Order Art.11(4): could hinder crime prevention, investigation or public order",
  },
  bases: {
    consent: "the person's consent (APPI Art.27(1), Art.28(1))",
    optout: "opt-out (APPI Art.27(2))",
    art27_1_1: "APPI Art.27(1)(1) (based on laws)",
    art27_1_2: "APPI Art.27(1)(2) (protection of life, body or property)",
    art27_1_3: "APPI Art.27(1)(3) (public health or children)",
    art27_1_4: "APPI Art.27(1)(4) (cooperation with state bodies)",
    art27_5_1: "APPI Art.27(5)(1) (entrustment)",
    art27_5_2: "APPI Art.27(5)(2) (succession)",
    art27_5_3: "APPI Art.27(5)(3) (joint use)",
    art16_2: "the provider is a body of APPI Art.16(2) (state organ, local government, …)",
  },
  consentFact: "the person's consent was obtained (Enforcement Rules Art.20(1)(ii)(a))",
  optoutFact: "opt-out provision (the date of provision is recorded, Enforcement Rules Art.20(1)(i)(a))",
  logTitle: "Log a provision",
  submit: "Record",
  close: "Close",
  logIntro: (code, recipient, items) => `*${code}* Recipient: ${recipient}\nItems: ${items}`,
  logExempt: (label) => `${label}\nThe provision is logged, but it is not an Art.29 provision record.`,
  providedOn: "Day of provision",
  subjectsRef: "What identifies the persons (Enforcement Rules Art.20(1))",
  subjectsRefHint:
    'Never the persons\' names: describe the identifying items, or say where the list of persons is (system, extract reference). E.g. "customer IDs (contract system extract EX-0412)"',
  form: "How the record is made (Enforcement Rules Art.19)",
  formFixed: (f) => `This record is made as: ${f} (set by the first logged provision)`,
  contractRef: "Reference of the contract (when the contract serves as the record)",
  contractRefHint: "The contract or application number or where it is kept. Only a document that carries the items of Enforcement Rules Art.20.",
  exclusion: "Excluded from disclosure (Cabinet Order Art.11, only if it applies)",
  exclusionHint: "Only when knowing the record exists would cause harm. Ask the chief privacy officer when unsure.",
  problems: {
    required: "Please fill this in",
    bad_date: "Not a valid date",
    future: "A future day cannot be recorded",
    before_approval: "Before the request became effective",
    pii: "No names, addresses or phone numbers of the persons: describe the items or refer to the list",
    contract_needs_consent: "Only a consent-based provision can use the contract as its record (Enforcement Rules Art.19(3))",
    contract_ref_required: "Please give the contract's reference (Enforcement Rules Art.19(3))",
    form_fixed: "The record's form was set by its first provision; another form needs a new request",
    representative_required: "Confirm and enter the name of the corporation's representative (APPI Art.30(1)(1))",
    ppc_published_required: "For opt-out data, confirm that the PPC has published the provider's filing (APPI Art.27(4); Enforcement Rules Art.24(1)(i)(e))",
    not_allowed_form: "This form cannot be chosen",
    still_kept: "The record was still to be kept on that day: give a day after its retention ended",
  },
  logged: (code, on, label, until) =>
    until
      ? `Provision of ${code} on ${on} logged. ${label}. Kept until ${until} (Enforcement Rules Art.21).`
      : `Provision of ${code} on ${on} logged. ${label}`,
  thread: (who, on, label, until) =>
    until
      ? `${who} logged a provision (${on}): ${label}. The provision record is kept until ${until} (Enforcement Rules Art.21).`
      : `${who} logged a provision (${on}): ${label}`,
  logButton: "Log a provision",
  logPrompt: 'Each time data is actually provided, log it with "Log a provision" (APPI Art.29).',
  recordTitle: (code) => `*Provision record of ${code}*`,
  recordNone: (code) => `${code} has no provision record.`,
  recordLine: (form, n, first, last, until) => `${form}\n${n} provision(s) (${first} to ${last}); kept until ${until}`,
  recordPending: (until) => `No provision logged yet. Kept until (for now) ${until}`,
  recordEntries: "Provisions",
  recordDisposed: (on) => `Disposed of on ${on}`,
  receiptTitle: "Confirm a receipt",
  receiptIntro:
    "When you receive personal data from a third party, confirm the provider's name, address and (for a corporation) representative, and how the provider obtained the data, and keep a record (APPI Art.30; Enforcement Rules Art.22-24).",
  providerName: "Provider's name",
  providerKind: "Provider is",
  providerKinds: { corporation: "a corporation (confirm its representative too)", individual: "an individual" },
  providerAddress: "Provider's address",
  providerRepresentative: "Name of the corporation's representative",
  acquisition: "How the provider obtained the data (APPI Art.30(1)(2))",
  acquisitionHint: 'E.g. "collected from the person when applying for its service (the form has a consent box for provision)"',
  basis: "Basis of the provision",
  ppcPublished: "For opt-out",
  ppcPublishedOption: "I checked that the PPC has published the provider's filing (APPI Art.27(4))",
  items: "Items of personal data",
  receivedOn: "Day received",
  receiptForm: "How the record is made (Enforcement Rules Art.23)",
  receiptSaved: (code, label, until) =>
    until ? `Recorded as ${code}: ${label}. Kept until ${until} (Enforcement Rules Art.25).` : `Recorded as ${code}: ${label}`,
  receiptRecordLabel: "receipt record (APPI Art.30(3))",
  receiptToManager: (who, code, provider, label) =>
    `${who} recorded a receipt of personal data from a third party: ${code} (provider: ${provider}). ${label}. See \`/privacy provision receipt ${code}\`.`,
  receiptShow: (code, provider, basis, on, until) => `*${code}* Provider: ${provider}\nBasis: ${basis}\nReceived: ${on}; kept until ${until}`,
  receiptNotYours: "This receipt record can be seen by who filed it, their department's managers, the chief or deputy, and compliance.",
  discloseTitle: "Provision records",
  discloseIntro: (code) => `Find the records that *${code}* (disclosure of provision records, APPI Art.33(5)) covers, by recipient or provider and period.`,
  counterpart: "Recipient or provider name (part of it; empty for all)",
  from: "From",
  to: "To",
  discloseHeader: (code, who, period) => `*Provision records (${code})* matching: ${who}, ${period}`,
  discloseAll: "every recipient and provider",
  disclosePeriod: (from, to) => `${from} to ${to}`,
  discloseProvision: (code, recipient, items, form, first, last) =>
    `• Provision record ${code}: to ${recipient} / items ${items} / ${form} / provided ${first} to ${last}`,
  discloseReceipt: (code, provider, items, first, last) => `• Receipt record ${code}: from ${provider} / items ${items} / received ${first} to ${last}`,
  discloseNone: "No record matches.",
  discloseExcluded: (n) => `Records excluded from disclosure by Cabinet Order Art.11: ${n} (not in the answer to the person; neither is their existence)`,
  discloseNote:
    "Check each record's reference of what identifies the persons to see whether the person is among them. Provisions without a record (Art.27(1), 27(5), 16(2)) are not provision records and are not listed.",
  disclosePosted: (code) => `The list was recorded in the thread of ${code}.`,
  discloseTooMany: (n, max) =>
    `${n} records match, more than the ${max} one list can hold. Narrow it by recipient or provider name or by period, and record it in parts.`,
  discloseContinued: (part, parts) => `(continued, ${part}/${parts})`,
  badPeriod: "The end must not be before the start",
};

export const recordMessages = catalogue(ja, en);
