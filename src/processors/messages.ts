// Texts of the processors feature (Japanese, English): /privacy processors, its modals,
// the thread notes, the reminder DM and the digest section.
import { catalogue, type Lang } from "../platform/i18n.js";
import { DisposalBlocks } from "./ids.js";
import type { DisposalMethod, InspectionResult, Problem, Refusal } from "./rules.js";

const ja = {
  date: (y: number, m: number, d: number) => `${y}年${m}月${d}日`,
  none: "—",
  home: {
    title: "*🏢 預託先の定期調査（規程第15条6項）*",
    item: (name: string, code: string) => `*${name}*（${code}）`,
    inspect: "調査を記録",
    seeAll: "`/privacy processors`",
  },
  usage: [
    "`/privacy processors` 預託先の一覧（次回調査・契約期間・書類の保存期限、規程第15条）",
    "`/privacy processors inspected PRV-2026-0001` 預託先の定期調査を記録（第15条6項）",
    "`/privacy processors ended PRV-2026-0001 YYYY-MM-DD` 契約終了日を記録し、書類の保存期限を計算（第15条7項）",
    "`/privacy processors disposal [PRV-2026-0001]` 保存期間が終わった書類・提供記録と、廃棄の記録（第31条）",
  ],
  error: "処理中にエラーが発生しました。内容は記録されています。しばらくしてからもう一度お試しください。",
  badRef: (text: string) => `「${text}」は届出番号でも ID でもありません。届出番号は PRV-2026-0001 の形です。`,
  needRef: (verb: string) => `預託先を届出番号で指定してください（例：/privacy processors ${verb} PRV-2026-0001）。`,
  notFound: (ref: string) => `預託先 ${ref} は見つかりません（預託の届出が有効になると登録されます）。`,
  notFoundForDisposal: (ref: string) => `${ref} に当たる預託先・提供記録は見つかりません。`,
  dueIn: (n: number) => (n === 0 ? "本日が期限" : `あと${n}日`),
  overdueBy: (n: number) => `${n}日超過`,
  // ---- list
  listTitle: (n: number) => `*預託先（規程第15条）* ${n}件`,
  listEmpty: "登録された預託先はありません。預託の届出（`/privacy request entrust`）が有効になると登録されます。",
  listNotAllowed: "預託先の一覧を見られるのは、個人情報管理者（管理する部署の分）、個人情報管理責任者（代理を含む）、コンプライアンス担当、監査責任者です。",
  listItem: (link: string, name: string, dept: string) => `*${link}* ${name}（${dept}）`,
  listInspection: (due: string, when: string, who: string) => `次回調査：${due}（${when}）・担当 ${who}`,
  listNoInspection: "次回調査：なし（契約終了）",
  listContract: (start: string, end: string) => `契約：${start}〜${end}`,
  listRetention: (until: string) => `書類の保存期限：${until}`,
  listRetentionPast: (until: string) => `書類の保存期限：${until}（終了・廃棄待ち）`,
  listDisposed: (on: string, method: string) => `書類廃棄済み：${on}（${method}）`,
  listMore: (n: number) => `ほか ${n} 件は表示していません。`,
  // ---- inspections
  inspectionNotAllowed: (dept: string) => `定期調査を記録できるのは、${dept}の個人情報管理者と個人情報管理責任者（代理を含む）です（規程第15条6項）。`,
  disposedAlready: (on: string) => `この預託先の書類は ${on} に廃棄済みです。`,
  contractOver: (end: string) => `この預託先との契約は ${end} に終了しています。定期調査は不要です。`,
  inspectionTitle: "定期調査の記録",
  submit: "記録する",
  close: "閉じる",
  inspectionIntro: (name: string, code: string, due: string, months: number) =>
    `*${name}*（${code}）\n次回の調査期限：${due}（${months}か月ごと、規程第15条6項）`,
  inspectedOn: "実施日",
  result: "結果",
  results: { ok: "問題なし", findings: "指摘あり" } as Record<InspectionResult, string>,
  inspectionNote: "指摘事項・メモ",
  inspectionNoteHint: "指摘ありの場合は、内容と預託先の対応を記入してください。",
  documentUrl: "調査報告書のリンク（https）",
  documentUrlHint: "調査報告書は契約書とともに契約終了後7年間保存します（規程第15条7項）。",
  problems: {
    date_missing: "日付を入力してください。",
    date_invalid: "日付が正しくありません。",
    date_future: "未来の日付は記録できません。",
    result_missing: "結果を選んでください。",
    note_required: "指摘ありの場合は内容を記入してください。",
    note_too_long: "1000文字以内で入力してください。",
    link_missing: "調査報告書のリンクを入力してください。",
    link_not_https: "https:// で始まるリンクを入力してください。",
    link_invalid: "リンクが正しくありません。",
    method_missing: "廃棄の方法を選んでください。",
    performer_missing: "廃棄作業を行った人を選んでください。",
  } as Record<Problem, string>,
  otherNoteRequired: "「その他」の場合は、廃棄の方法をメモに記入してください。",
  beforeLast: (on: string) => `前回の調査（${on}）より前の日付は記録できません。`,
  doneTitle: "記録しました",
  inspectionDone: (name: string, code: string, on: string, result: string, next: string) =>
    `*${name}*（${code}）の定期調査（${on}、${result}）を記録しました。\n次回の調査期限：*${next}*`,
  /** what a reminder's item says once it is settled (issue 16; reminders/tracked.ts) */
  reminderDone: { inspected: "定期調査を記録", ended: "契約終了を記録（定期調査は終了）", disposed: "廃棄を記録" },
  inspectionThread: (on: string, result: string, who: string, url: string, next: string, note: string) =>
    `:mag: 預託先の定期調査を記録しました（規程第15条6項）：実施日 ${on}、結果 ${result}、記録 ${who}\n調査報告書：${url}${note ? `\n指摘・メモ：${note}` : ""}\n次回の調査期限：${next}`,
  // ---- contract end
  endedUsage: "使い方：`/privacy processors ended PRV-2026-0001 YYYY-MM-DD`（契約終了日）",
  badDate: (text: string) => `「${text}」は日付ではありません。YYYY-MM-DD の形で指定してください（例：2027-03-31）。`,
  endedNotAllowed: (dept: string) => `契約終了日を記録できるのは、${dept}の個人情報管理者と個人情報管理責任者（代理を含む）です。`,
  endBeforeStart: (start: string) => `契約終了日は契約開始日（${start}）より後の日付にしてください。`,
  ended: (name: string, code: string, end: string, until: string, years: number) =>
    `*${name}*（${code}）の契約終了日を ${end} と記録しました。契約書・調査報告書などの書類は ${until} まで保存します（規程第15条7項：契約終了後${years}年）。`,
  endedThread: (end: string, until: string, who: string) =>
    `:page_facing_up: 預託先との契約終了日を ${end} と記録しました（記録 ${who}）。書類の保存期限：${until}（規程第15条7項）`,
  // ---- disposal
  disposalListNotAllowed: "廃棄待ちの一覧を見られるのは、個人情報管理責任者（代理を含む）、コンプライアンス担当、監査責任者です。",
  disposalNotAllowed: "廃棄を記録できるのは、個人情報管理責任者（または個人情報管理責任者代理）だけです（規程第15条7項・第31条）。",
  disposalTitle: "*保存期間が終わり、廃棄を待っている記録*",
  disposalNone: "廃棄を待っている記録はありません。",
  disposalProcessors: (n: number) => `*預託先の契約書類・調査報告書（規程第15条7項）* ${n}件`,
  disposalProvisions: (n: number) => `*第三者提供の記録（APPI第29条）* ${n}件`,
  disposalProcessorItem: (link: string, name: string, until: string, days: number) => `${link} ${name} — 保存期限 ${until}（${days}日経過）`,
  disposalProvisionItem: (link: string, recipient: string, until: string, days: number) => `${link} 提供先：${recipient} — 保存期限 ${until}（${days}日経過）`,
  disposalHowTo:
    "廃棄したら「廃棄を記録」から方法・作業者・日付を記録してください。規程第31条：紙はシュレッダー等で読み取れなくしてから信頼できる廃棄業者へ、記憶媒体は専用ソフトで完全に消去するか物理的に破壊します。作業は個人情報取扱担当者が行います。",
  disposalButton: "廃棄を記録",
  disposalMore: (n: number) => `ほか ${n} 件は表示していません（古い順に表示）。`,
  disposalModalTitle: "廃棄の記録",
  disposalIntroProcessor: (name: string, code: string, until: string) =>
    `*${name}*（${code}）の契約書・調査報告書などの書類\n保存期限：${until}（規程第15条7項）`,
  disposalIntroProvision: (code: string, recipient: string, until: string) =>
    `第三者提供の記録（${code}、提供先：${recipient}）\n保存期限：${until}（APPI第29条）`,
  method: "廃棄の方法",
  methods: {
    shred: "シュレッダー裁断（紙）",
    dissolve: "溶解処理（紙・信頼できる廃棄業者）",
    erase: "専用ソフトによるデータ消去",
    destroy: "記憶媒体の物理的破壊",
    other: "その他（メモに記入）",
  } as Record<DisposalMethod, string>,
  performedBy: "廃棄作業を行った個人情報取扱担当者",
  performedByHint: "規程第31条4項：廃棄作業は個人情報取扱担当者が行います。",
  disposedOn: "廃棄日",
  disposalNote: "メモ（業者名・証明書の番号など）",
  notHandler: (who: string) => `${who} は個人情報取扱担当者ではありません。廃棄作業は個人情報取扱担当者が行います（規程第31条4項）。`,
  notInDirectory: "選んだ人は名簿にいません。",
  retentionUnknown: "契約終了日が記録されていないため、保存期限が決まっていません（`/privacy processors ended` で記録してください）。",
  retentionRunning: (until: string) => `保存期限（${until}）が終わるまでは廃棄できません。`,
  disposedBefore: (on: string) => `この記録は ${on} に廃棄済みとして記録されています。`,
  whatProcessor: (name: string) => `${name} の契約書類・調査報告書`,
  whatProvision: (recipient: string) => `第三者提供の記録（提供先：${recipient}）`,
  disposalDone: (what: string, on: string, method: string, who: string) => `${what}の廃棄（${on}、${method}、作業 ${who}）を記録しました。`,
  disposalThread: (what: string, on: string, method: string, who: string, recorder: string, note: string) =>
    `:wastebasket: 保存期間が終わった${what}の廃棄を記録しました（規程第31条）：${on}、${method}、作業 ${who}、記録 ${recorder}${note ? `\nメモ：${note}` : ""}`,
  // ---- reminders
  reminderIntro: (n: number) => `*預託先の定期調査と、保存期間が終わった記録の廃棄*について、対応が必要な項目が ${n} 件あります。`,
  soonTitle: (n: number) => `調査期限が近い預託先（${n}件、規程第15条6項）`,
  overdueTitle: (n: number) => `調査期限を過ぎた預託先（${n}件）`,
  inspectionItem: (link: string, name: string, due: string, when: string, who: string, code: string) =>
    `${link} ${name}\n調査期限：${due}（${when}）・担当 ${who}\n実施したら \`/privacy processors inspected ${code}\` で記録してください。`,
  documentsTitle: (n: number) => `保存期間が終わった預託先の書類（${n}件、規程第15条7項）`,
  documentsItem: (link: string, name: string, until: string, days: number) =>
    `${link} ${name} — 保存期限 ${until}（${days}日経過）\n廃棄して \`/privacy processors disposal\` で記録してください（規程第31条）。`,
  provisionsTitle: (total: number) => `保存期間が終わった第三者提供の記録：全${total}件（一覧と廃棄の記録は \`/privacy processors disposal\`）`,
  provisionsItem: (link: string, recipient: string, until: string, days: number) => `${link} 提供先：${recipient} — 保存期限 ${until}（${days}日経過）`,
  // ---- digest
  digestTitle: "預託先の調査と記録の廃棄（規程第15条・第31条、APPI第29条）",
  digestInspections: (overdue: number, soon: number) => `定期調査：期限超過 *${overdue}* 件、30日以内に期限 *${soon}* 件`,
  digestDocuments: (n: number) => `保存期間が終わった預託先の書類（未廃棄）：*${n}* 件`,
  digestProvisions: (n: number) => `保存期間が終わった第三者提供の記録（未廃棄）：*${n}* 件`,
  digestOverdueItem: (link: string, name: string, due: string, days: number) => `• 調査期限超過 ${link} ${name}（${due}、${days}日超過）`,
  digestSoonItem: (link: string, name: string, due: string, days: number) => `• 調査期限 ${link} ${name}（${due}、あと${days}日）`,
  digestDocumentsItem: (link: string, name: string, until: string) => `• 書類の保存期限終了 ${link} ${name}（${until}）`,
  digestProvisionItem: (link: string, recipient: string, until: string) => `• 提供記録の保存期限終了 ${link} ${recipient}（${until}）`,
  digestMore: (n: number) => `ほか ${n} 件（\`/privacy processors\`、\`/privacy processors disposal\`）`,
};

const en: typeof ja = {
  date: (y, m, d) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  none: "—",
  home: {
    title: "*🏢 Processor inspections (Rule Art.15(6))*",
    item: (name: string, code: string) => `*${name}* (${code})`,
    inspect: "Record inspection",
    seeAll: "`/privacy processors`",
  },
  usage: [
    "`/privacy processors` processors (next inspection, contract term, document retention; Rule Art.15)",
    "`/privacy processors inspected PRV-2026-0001` record a processor's periodic inspection (Art.15(6))",
    "`/privacy processors ended PRV-2026-0001 YYYY-MM-DD` record the contract's end and compute how long its documents are kept (Art.15(7))",
    "`/privacy processors disposal [PRV-2026-0001]` documents and provision records past their retention, and recording their disposal (Art.31)",
  ],
  error: "Something went wrong. It has been logged; please try again in a moment.",
  badRef: (text) => `"${text}" is neither a request code nor an id. Codes look like PRV-2026-0001.`,
  needRef: (verb) => `Name the processor by its request code (e.g. /privacy processors ${verb} PRV-2026-0001).`,
  notFound: (ref) => `No processor ${ref} (processors are registered when an entrustment request becomes effective).`,
  notFoundForDisposal: (ref) => `No processor or provision record matches ${ref}.`,
  dueIn: (n) => (n === 0 ? "due today" : `${n} day${n === 1 ? "" : "s"} left`),
  overdueBy: (n) => `${n} day${n === 1 ? "" : "s"} overdue`,
  listTitle: (n) => `*Processors (Rule Art.15)* ${n}`,
  listEmpty: "No processors yet. One is registered when an entrustment request (`/privacy request entrust`) becomes effective.",
  listNotAllowed: "Processors are listed for privacy managers (their departments), the chief privacy officer and deputy, compliance and the audit lead.",
  listItem: (link, name, dept) => `*${link}* ${name} (${dept})`,
  listInspection: (due, when, who) => `Next inspection: ${due} (${when}), by ${who}`,
  listNoInspection: "Next inspection: none (contract ended)",
  listContract: (start, end) => `Contract: ${start} to ${end}`,
  listRetention: (until) => `Documents kept until ${until}`,
  listRetentionPast: (until) => `Documents kept until ${until} (over; awaiting disposal)`,
  listDisposed: (on, method) => `Documents disposed of on ${on} (${method})`,
  listMore: (n) => `${n} more not shown.`,
  inspectionNotAllowed: (dept) => `Inspections are recorded by the privacy managers of ${dept}, the chief privacy officer or the deputy (Rule Art.15(6)).`,
  disposedAlready: (on) => `This processor's documents were disposed of on ${on}.`,
  contractOver: (end) => `The contract with this processor ended on ${end}; no inspections are due.`,
  inspectionTitle: "Record an inspection",
  submit: "Record",
  close: "Close",
  inspectionIntro: (name, code, due, months) => `*${name}* (${code})\nNext inspection due: ${due} (every ${months} months, Rule Art.15(6))`,
  inspectedOn: "Date of the inspection",
  result: "Result",
  results: { ok: "No issues", findings: "Findings" },
  inspectionNote: "Findings / notes",
  inspectionNoteHint: "With findings, say what they are and what the processor does about them.",
  documentUrl: "Link to the inspection report (https)",
  documentUrlHint: "The report is kept with the contract for 7 years after the contract ends (Rule Art.15(7)).",
  problems: {
    date_missing: "Enter a date.",
    date_invalid: "This is not a valid date.",
    date_future: "A date in the future cannot be recorded.",
    result_missing: "Pick a result.",
    note_required: "Describe the findings.",
    note_too_long: "At most 1,000 characters.",
    link_missing: "Enter the link to the inspection report.",
    link_not_https: "Enter a link starting with https://.",
    link_invalid: "This is not a valid link.",
    method_missing: "Pick how it was disposed of.",
    performer_missing: "Pick who did the disposal.",
  },
  otherNoteRequired: "With “Other”, describe the method in the note.",
  beforeLast: (on) => `The last inspection was on ${on}; an earlier date cannot be recorded.`,
  doneTitle: "Recorded",
  inspectionDone: (name, code, on, result, next) => `The inspection of *${name}* (${code}) on ${on} (${result}) is recorded.\nNext inspection due: *${next}*`,
  reminderDone: { inspected: "inspection recorded", ended: "contract end recorded (no more inspections)", disposed: "disposal recorded" },
  inspectionThread: (on, result, who, url, next, note) =>
    `:mag: Processor inspection recorded (Rule Art.15(6)): ${on}, ${result}, recorded by ${who}\nReport: ${url}${note ? `\nFindings / notes: ${note}` : ""}\nNext inspection due: ${next}`,
  endedUsage: "Usage: `/privacy processors ended PRV-2026-0001 YYYY-MM-DD` (the contract's last day)",
  badDate: (text) => `"${text}" is not a date. Use YYYY-MM-DD (e.g. 2027-03-31).`,
  endedNotAllowed: (dept) => `The contract's end is recorded by the privacy managers of ${dept}, the chief privacy officer or the deputy.`,
  endBeforeStart: (start) => `The contract's end must be after its start (${start}).`,
  ended: (name, code, end, until, years) =>
    `The contract with *${name}* (${code}) ends on ${end}. Its documents (contracts, inspection reports) are kept until ${until} (Rule Art.15(7): ${years} years after the contract ends).`,
  endedThread: (end, until, who) => `:page_facing_up: Contract end recorded: ${end} (by ${who}). Documents kept until ${until} (Rule Art.15(7)).`,
  disposalListNotAllowed: "What awaits disposal is shown to the chief privacy officer and deputy, compliance and the audit lead.",
  disposalNotAllowed: "Only the chief privacy officer (or the deputy) records disposals (Rule Art.15(7), Art.31).",
  disposalTitle: "*Records past their retention, awaiting disposal*",
  disposalNone: "Nothing awaits disposal.",
  disposalProcessors: (n) => `*Processor contracts and inspection reports (Rule Art.15(7))* ${n}`,
  disposalProvisions: (n) => `*Third-party provision records (APPI Art.29)* ${n}`,
  disposalProcessorItem: (link, name, until, days) => `${link} ${name} — kept until ${until} (${days} days ago)`,
  disposalProvisionItem: (link, recipient, until, days) => `${link} recipient: ${recipient} — kept until ${until} (${days} days ago)`,
  disposalHowTo:
    "Once disposed of, press “Record disposal” and give the method, who did it and the date. Rule Art.31: paper is made unreadable (shredder or similar) and handed to a trusted disposal contractor; media are erased with dedicated software or physically destroyed. The work is done by a data handler.",
  disposalButton: "Record disposal",
  disposalMore: (n) => `${n} more not shown (oldest first).`,
  disposalModalTitle: "Record a disposal",
  disposalIntroProcessor: (name, code, until) => `Documents of *${name}* (${code}): contracts, inspection reports\nKept until ${until} (Rule Art.15(7))`,
  disposalIntroProvision: (code, recipient, until) => `Third-party provision record (${code}, recipient: ${recipient})\nKept until ${until} (APPI Art.29)`,
  method: "Method",
  methods: {
    shred: "Shredded (paper)",
    dissolve: "Dissolved (paper, trusted contractor)",
    erase: "Erased with dedicated software",
    destroy: "Media physically destroyed",
    other: "Other (describe in the note)",
  },
  performedBy: "Data handler who did the disposal",
  performedByHint: "Rule Art.31(4): disposal is done by a data handler (個人情報取扱担当者).",
  disposedOn: "Date of disposal",
  disposalNote: "Note (contractor, certificate number, …)",
  notHandler: (who) => `${who} is not a data handler. Disposal is done by a data handler (Rule Art.31(4)).`,
  notInDirectory: "This person is not in the directory.",
  retentionUnknown: "The contract's end is not recorded, so the retention is not known yet (record it with `/privacy processors ended`).",
  retentionRunning: (until) => `These are kept until ${until}; they cannot be disposed of before.`,
  disposedBefore: (on) => `This was recorded as disposed of on ${on}.`,
  whatProcessor: (name) => `documents of ${name}`,
  whatProvision: (recipient) => `provision record (recipient: ${recipient})`,
  disposalDone: (what, on, method, who) => `Disposal of the ${what} (${on}, ${method}, done by ${who}) is recorded.`,
  disposalThread: (what, on, method, who, recorder, note) =>
    `:wastebasket: Disposal of the ${what} past retention recorded (Rule Art.31): ${on}, ${method}, done by ${who}, recorded by ${recorder}${note ? `\nNote: ${note}` : ""}`,
  reminderIntro: (n) => `*Processor inspections and records past their retention*: ${n} item${n === 1 ? "" : "s"} need${n === 1 ? "s" : ""} you.`,
  soonTitle: (n) => `Inspections coming up (${n}, Rule Art.15(6))`,
  overdueTitle: (n) => `Inspections overdue (${n})`,
  inspectionItem: (link, name, due, when, who, code) =>
    `${link} ${name}\nInspection due ${due} (${when}), by ${who}\nOnce done, record it with \`/privacy processors inspected ${code}\`.`,
  documentsTitle: (n) => `Processor documents past their retention (${n}, Rule Art.15(7))`,
  documentsItem: (link, name, until, days) =>
    `${link} ${name} — kept until ${until} (${days} days ago)\nDispose of them and record it with \`/privacy processors disposal\` (Rule Art.31).`,
  provisionsTitle: (total) =>
    `Third-party provision records past their retention: ${total} in all (list and record disposals with \`/privacy processors disposal\`)`,
  provisionsItem: (link, recipient, until, days) => `${link} recipient: ${recipient} — kept until ${until} (${days} days ago)`,
  digestTitle: "Processor inspections and disposal of records (Rule Art.15, Art.31; APPI Art.29)",
  digestInspections: (overdue, soon) => `Inspections: *${overdue}* overdue, *${soon}* due within 30 days`,
  digestDocuments: (n) => `Processor documents past retention, not disposed of: *${n}*`,
  digestProvisions: (n) => `Provision records past retention, not disposed of: *${n}*`,
  digestOverdueItem: (link, name, due, days) => `• Inspection overdue ${link} ${name} (${due}, ${days} days)`,
  digestSoonItem: (link, name, due, days) => `• Inspection due ${link} ${name} (${due}, in ${days} days)`,
  digestDocumentsItem: (link, name, until) => `• Documents past retention ${link} ${name} (${until})`,
  digestProvisionItem: (link, recipient, until) => `• Provision record past retention ${link} ${recipient} (${until})`,
  digestMore: (n) => `${n} more (\`/privacy processors\`, \`/privacy processors disposal\`)`,
};

export const processorMessages = catalogue(ja, en);
export type ProcessorMessages = typeof ja;

/** A day (YYYY-MM-DD) as people read it: 2026年12月1日, 2026-12-01. */
export function showDay(day: string, lang: Lang): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return processorMessages(lang).date(y, m, d);
}

/** The text of a refusal of an inspection or contract-end record. */
export function processorRefusalText(
  refusal: Refusal,
  detail: string | undefined,
  lang: Lang,
  o: { ref?: string; department?: string; verb: "inspected" | "ended" },
): string {
  const m = processorMessages(lang);
  switch (refusal) {
    case "not_allowed":
      return o.verb === "inspected" ? m.inspectionNotAllowed(o.department ?? "") : m.endedNotAllowed(o.department ?? "");
    case "disposed":
      return m.disposedAlready(detail ? showDay(detail, lang) : "");
    case "before_last":
      return m.beforeLast(detail ? showDay(detail, lang) : "");
    case "end_before_start":
      return m.endBeforeStart(detail ? showDay(detail, lang) : "");
    default:
      return m.notFound(o.ref ?? "");
  }
}

/** The text of a refusal of a disposal, and the field it belongs to. */
export function disposalRefusal(refusal: Refusal, detail: string | undefined, lang: Lang): { field: string; text: string } {
  const m = processorMessages(lang);
  switch (refusal) {
    case "not_allowed":
      return { field: DisposalBlocks.method, text: m.disposalNotAllowed };
    case "already":
      return { field: DisposalBlocks.method, text: m.disposedBefore(detail ? showDay(detail, lang) : "") };
    case "retention_unknown":
      return { field: DisposalBlocks.method, text: m.retentionUnknown };
    case "retention_running":
      return { field: DisposalBlocks.disposedOn, text: m.retentionRunning(detail ? showDay(detail, lang) : "") };
    case "not_handler":
      return { field: DisposalBlocks.performedBy, text: m.notHandler(detail ?? "") };
    case "not_in_directory":
      return { field: DisposalBlocks.performedBy, text: m.notInDirectory };
    default:
      return { field: DisposalBlocks.method, text: m.notFoundForDisposal("") };
  }
}
