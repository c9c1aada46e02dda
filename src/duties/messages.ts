// What the annual audit and plan calendar says (Japanese, English).
import { catalogue, type Lang } from "../platform/i18n.js";
import type { DoneProblem, DutyKind } from "./rules.js";

const WEEKDAY_JA = ["日", "月", "火", "水", "木", "金", "土"];
const WEEKDAY_EN = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** A day with its weekday: 2026/05/31（日）, 2026-05-31 (Sun). */
export function formatDay(day: string, lang: Lang): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return lang === "en" ? `${day} (${WEEKDAY_EN[dow]})` : `${day.replace(/-/g, "/")}（${WEEKDAY_JA[dow]}）`;
}

const ja = {
  home: {
    title: "*📅 年間の監査・計画（規程第21条2項・第23条・第25条・第26条・第29条・第30条）*",
    item: (name: string, fy: string) => `*${name}*（${fy}）`,
    seeAll: "`/privacy duties`",
  },
  /** each duty in the rule's own words */
  name: {
    "protection-plan": "個人情報保護計画の立案・文書化",
    "audit-plan": "監査計画の立案・取締役会の承認",
    audit: "監査の実施",
    "audit-report": "監査報告書の作成・取締役会への報告",
    "register-review": "個人データ管理台帳の見直し",
    "rule-review": "本規定及び個人情報保護計画の見直し・取締役会の承認",
  } satisfies Record<DutyKind, string>,
  /** a duty whose yearly cycle is the company's practice (rules.ts DutyDefinition.practice) */
  practice:
    "年1回の見直しは当社の運用です。規程第23条1項は全ての個人情報を特定する手順の確立・維持を求め、周期は定めていません。台帳の全項目を毎年確認することで、個人情報保護委員会の通則ガイドライン（10-3 組織的安全管理措置）にいう「個人データの取扱状況を確認する手段の整備」に当てています。",
  /** the register's side of its review: entries not reviewed within a year */
  registerState: (due: number, total: number) =>
    due === 0
      ? `台帳の全${total}項目が1年以内に見直されています。`
      : `台帳の${total}項目のうち *${due}件* が1年以内に見直されていません（\`/privacy register review\` で一覧）。`,
  registerUnreviewed: (due: number) =>
    `個人データ管理台帳に、1年以内に見直されていない項目が${due}件あります。全項目の見直しが済むまで「個人データ管理台帳の見直し」は完了にできません（完了の記録が台帳の確認済みを示すため）。\`/privacy register review\` で残りを開き、各項目の管理責任者または個人情報管理責任者が「見直し済みにする」を押してください。`,
  fiscalYear: (fy: number) => `${fy}年度`,
  duty: (fy: number, name: string, articles: string) => `${fy}年度 ${name}（${articles}）`,
  owner: { chief: "個人情報管理責任者", auditor: "個人情報保護監査責任者" } as Record<string, string>,
  noOwner: "（名簿に該当者なし）",
  due: (due: string, effective: string | null, holiday: string | null) =>
    effective ? `${due}${holiday ? `・${holiday}` : ""} → 休業日のため ${effective} まで` : due,
  status: {
    done: (date: string, link: string, by: string) => `:white_check_mark: 完了 ${date}・${link}${by ? `（${by}）` : ""}`,
    overdue: (days: number) => `:red_circle: 期限超過（${days}日）`,
    due_soon: (days: number) => `:large_orange_circle: 期限まで${days}日`,
    open: (days: number) => `:white_circle: 未完了（期限まで${days}日）`,
    pending: ":white_circle: 未完了",
  },
  document: "文書",

  // /privacy duties
  calendarTitle: (fy: number, start: string, end: string) => `*個人情報保護 年間の監査・計画 ${fy}年度*（${start}〜${end}）`,
  calendarIntro: "規程 第21条2項、第25条、第26条、第29条、第30条により毎年行うことです（個人データ管理台帳の見直し（第23条）の年1回は当社の運用）。",
  dutyLine: (name: string, articles: string) => `*${name}*（${articles}）`,
  ownerLine: (role: string, people: string) => `担当：${role} ${people}`,
  dueLine: (due: string) => `期限：${due}`,
  previousOpen: (fy: number) => `*${fy}年度の未完了*`,
  footer: [
    "`/privacy duties done <種類>` 完了を記録（日付と文書へのリンク）",
    "`/privacy duties due <種類> <YYYY-MM-DD>` 期限を変更（その業務の担当：監査計画・監査・報告は個人情報保護監査責任者のみ、第21条）",
    "種類：protection-plan（plan）、audit-plan、audit、audit-report（report）、register-review（register）、rule-review（review）",
  ],
  usage: [
    "`/privacy duties` 今年度の監査・計画のカレンダー（第21条2項・第23・25・26・29・30条）",
    "`/privacy duties done <種類> [年度]` 完了を記録（担当の役割の人。監査関係は監査責任者のみ）",
    "`/privacy duties due <種類> <YYYY-MM-DD>` 期限を変更（その業務の担当：監査計画・監査・報告は個人情報保護監査責任者のみ、第21条）",
  ],
  unknownKind: (k: string) =>
    `「${k}」という種類はありません。protection-plan（plan）、audit-plan、audit、audit-report（report）、register-review（register）、rule-review（review）のいずれかを指定してください。`,
  needKind: "種類を指定してください（例：/privacy duties done audit-plan）。",
  badYear: (y: string) => `「${y}」は年度ではありません。年度は 2026 のように書きます（前年度・今年度・翌年度のみ）。`,
  notClosable: (role: string) => `この項目の完了を記録できるのは${role}だけです（監査の独立性のため、個人情報管理責任者も記録できません）。`,
  notClosableChief: "この項目の完了を記録できるのは個人情報管理責任者だけです。",
  alreadyDone: (duty: string, date: string) => `${duty} は ${date} に完了として記録されています。`,
  notFound: "この項目は見つかりません。",
  /** a reminder's item once the duty is recorded as done (reminders/tracked.ts) */
  reminderDone: "実施を記録",
  dueUsage: "`/privacy duties due <種類> <YYYY-MM-DD>` の形で指定してください（例：/privacy duties due audit 2027-01-15）。",
  dueNotChief: "この業務の期限を変更できるのは個人情報管理責任者だけです。",
  dueAuditLeadOnly:
    "監査計画・監査・取締役会への報告の期限を変更できるのは個人情報保護監査責任者だけです（規程 第21条：監査は個人情報管理責任者から独立した立場で行います）。",
  dueBadDate: (s: string) => `「${s}」は日付ではありません。YYYY-MM-DD の形で、実在する日を指定してください。`,
  duePast: "期限は今日以降の日付にしてください。",
  dueTooFar: (fy: number) => `期限は今年度または翌年度（${fy}年度まで）の日付にしてください。`,
  dueChanged: (duty: string, before: string, after: string) => `${duty} の期限を ${before} から ${after} に変更しました。`,
  dueSame: (duty: string, date: string) => `${duty} の期限はすでに ${date} です。`,

  // the closing modal
  modalTitle: "完了の記録",
  modalSubmit: "記録する",
  modalClose: "閉じる",
  modalIntro: (duty: string, due: string, role: string) => `*${duty}*\n期限：${due}\n担当：${role}`,
  dateLabel: "完了日",
  linkLabel: "文書へのリンク",
  linkHint: "https:// で始まる URL（計画書、取締役会の議事録、監査報告書などの保管場所）",
  linkPlaceholder: "https://",
  noteLabel: "メモ",
  noteHint: "取締役会の日付など",
  problem: {
    date_missing: "完了日を入力してください。",
    date_invalid: "日付が正しくありません。",
    date_future: "完了日に未来の日付は指定できません。",
    link_missing: "文書へのリンクを入力してください。",
    link_not_https: "リンクは https:// で始まる URL にしてください。",
    link_invalid: "URL の形式が正しくありません。",
    link_too_long: "URL が長すぎます（2000文字まで）。",
    note_too_long: "メモは1000文字までです。",
  } satisfies Record<DoneProblem, string>,
  closeButton: "完了を記録",

  // the compliance channel
  yearMessageTitle: (fy: number, start: string, end: string) => `:calendar: *${fy}年度 個人情報保護 年間の監査・計画*（${start}〜${end}）`,
  yearMessageFooter:
    "完了は `/privacy duties done <種類>` またはこのメッセージのボタンで記録します。リマインダーは期限の30日前・7日前、期限超過後は毎週、担当者に DM で届きます。",
  closedPost: (duty: string, by: string, date: string, url: string, note: string | null) =>
    `:white_check_mark: *${duty}* を ${by} が完了として記録しました（完了日 ${date}）。\n文書：<${url}>${note ? `\nメモ：${note}` : ""}`,
  keepReport: (chiefs: string) => `${chiefs} 第30条3項により、個人情報管理責任者が監査報告書を管理・保管します。`,

  // reminders
  reminderIntro: (n: number) => `年間の監査・計画（規程 第21条2項・第23・25・26・29・30条）で、あなたの対応を待っている項目が *${n}件* あります。`,
  overdueTitle: (n: number) => `期限を過ぎています（${n}件）`,
  soonTitle: (n: number) => `期限が近づいています（${n}件）`,
  reminderItem: (duty: string, due: string, when: string, howTo: string, noOwner: string) => `*${duty}*\n期限 ${due}・${when}${noOwner}\n${howTo}`,
  daysLeft: (days: number) => (days === 0 ? "本日が期限" : `あと${days}日`),
  daysOver: (days: number) => `:warning: ${days}日超過`,
  howTo: (kind: string) => `\`/privacy duties done ${kind}\` で完了日と文書へのリンクを記録してください。`,
  ownerMissing: (role: string) => `\n:warning: ${role}が名簿にいないため、個人情報管理責任者にお知らせしています。`,

  // digest
  digestTitle: (fy: number) => `年間の監査・計画（${fy}年度）`,
  digestSummary: (done: number, total: number) => `完了 ${done}/${total}`,
  digestDone: (duty: string, date: string, url: string | null) => `:white_check_mark: ${duty}：${date} 完了${url ? ` <${url}|文書>` : ""}`,
  digestOverdue: (duty: string, due: string, days: number) => `:red_circle: ${duty}：期限 ${due}、${days}日超過`,
  digestSoon: (duty: string, due: string, days: number) => `:large_orange_circle: ${duty}：期限 ${due}（あと${days}日）`,
};

const en: typeof ja = {
  home: {
    title: "*📅 Annual audit and plans (Rule Art.21(2), 23, 25, 26, 29, 30)*",
    item: (name: string, fy: string) => `*${name}* (${fy})`,
    seeAll: "`/privacy duties`",
  },
  name: {
    "protection-plan": "Personal information protection plan drawn up and documented",
    "audit-plan": "Audit plan drawn up and approved by the board",
    audit: "Audit carried out",
    "audit-report": "Audit report written and reported to the board",
    "register-review": "Review of the register of personal data",
    "rule-review": "Review of this rule and the protection plan, approved by the board",
  },
  practice:
    "Reviewing it once a year is the company's practice: Rule Art.23(1) asks for the procedure identifying all personal information to be established and maintained, and sets no cycle. Checking every entry of the register each year is the company's \"means to confirm how personal data is handled\" of the PPC's general guideline (10-3, organisational security measures).",
  registerState: (due, total) =>
    due === 0
      ? `All ${total} entries of the register were reviewed within a year.`
      : `*${due}* of the register's ${total} entries ${due === 1 ? "was" : "were"} not reviewed within a year (list: \`/privacy register review\`).`,
  registerUnreviewed: (due) =>
    `${due} entr${due === 1 ? "y" : "ies"} of the register of personal data ${due === 1 ? "was" : "were"} not reviewed within a year. The review of the register cannot be recorded as done until every entry is (the record says the register was checked). Open them with \`/privacy register review\`; each entry's owner or the chief privacy officer presses "Mark reviewed".`,
  fiscalYear: (fy) => `FY${fy}`,
  duty: (fy, name, articles) => `FY${fy} ${name} (${articles})`,
  owner: { chief: "chief privacy officer", auditor: "audit lead" },
  noOwner: "(nobody in the directory)",
  due: (due, effective, holiday) => (effective ? `${due}${holiday ? ` · ${holiday}` : ""} → not a working day, so by ${effective}` : due),
  status: {
    done: (date, link, by) => `:white_check_mark: done ${date} · ${link}${by ? ` (${by})` : ""}`,
    overdue: (days) => `:red_circle: overdue (${days} day${days === 1 ? "" : "s"})`,
    due_soon: (days) => `:large_orange_circle: due in ${days} day${days === 1 ? "" : "s"}`,
    open: (days) => `:white_circle: open (due in ${days} day${days === 1 ? "" : "s"})`,
    pending: ":white_circle: open",
  },
  document: "document",

  calendarTitle: (fy, start, end) => `*Annual privacy audits and plans, FY${fy}* (${start} to ${end})`,
  calendarIntro:
    "What the rule requires every year (Art. 21(2), 25, 26, 29, 30; the yearly review of the register of personal data, Art. 23, is the company's practice).",
  dutyLine: (name, articles) => `*${name}* (${articles})`,
  ownerLine: (role, people) => `Owner: ${role} ${people}`,
  dueLine: (due) => `Due: ${due}`,
  previousOpen: (fy) => `*Still open from FY${fy}*`,
  footer: [
    "`/privacy duties done <kind>` record it as done (date and a link to the document)",
    "`/privacy duties due <kind> <YYYY-MM-DD>` change a due date (by the duty's owner: the audit plan, audit and report only by the audit lead, Rule Art.21)",
    "Kinds: protection-plan (plan), audit-plan, audit, audit-report (report), register-review (register), rule-review (review)",
  ],
  usage: [
    "`/privacy duties` this fiscal year's audit and plan calendar (Art. 21(2), 23, 25, 26, 29, 30)",
    "`/privacy duties done <kind> [year]` record a duty as done (its owner role; audit duties only by the audit lead)",
    "`/privacy duties due <kind> <YYYY-MM-DD>` change a due date (by the duty's owner: the audit plan, audit and report only by the audit lead, Rule Art.21)",
  ],
  unknownKind: (k) =>
    `There is no kind "${k}". Use protection-plan (plan), audit-plan, audit, audit-report (report), register-review (register) or rule-review (review).`,
  needKind: "Name the kind (e.g. /privacy duties done audit-plan).",
  badYear: (y) => `"${y}" is not a fiscal year. Write it like 2026 (last, this or next fiscal year only).`,
  notClosable: (role) => `Only the ${role} may record this as done (the audit is independent: not even the chief privacy officer).`,
  notClosableChief: "Only the chief privacy officer may record this as done.",
  alreadyDone: (duty, date) => `${duty} was recorded as done on ${date}.`,
  notFound: "This duty was not found.",
  reminderDone: "recorded as done",
  dueUsage: "Use `/privacy duties due <kind> <YYYY-MM-DD>` (e.g. /privacy duties due audit 2027-01-15).",
  dueNotChief: "Only the chief privacy officer may change this duty's due date.",
  dueAuditLeadOnly:
    "Only the audit lead may change the due dates of the audit plan, the audit and the report to the board (Rule Art.21: the audit is independent of the chief privacy officer).",
  dueBadDate: (s) => `"${s}" is not a date. Use YYYY-MM-DD and a day that exists.`,
  duePast: "The due date must be today or later.",
  dueTooFar: (fy) => `The due date must be in this or the next fiscal year (up to FY${fy}).`,
  dueChanged: (duty, before, after) => `${duty}: due date changed from ${before} to ${after}.`,
  dueSame: (duty, date) => `${duty} is already due on ${date}.`,

  modalTitle: "Record as done",
  modalSubmit: "Record",
  modalClose: "Close",
  modalIntro: (duty, due, role) => `*${duty}*\nDue: ${due}\nOwner: ${role}`,
  dateLabel: "Date done",
  linkLabel: "Link to the document",
  linkHint: "A URL starting with https:// (where the plan, the board minutes or the audit report is kept)",
  linkPlaceholder: "https://",
  noteLabel: "Note",
  noteHint: "For example, the date of the board meeting.",
  problem: {
    date_missing: "Enter the date it was done.",
    date_invalid: "That is not a valid date.",
    date_future: "The date cannot be in the future.",
    link_missing: "Enter a link to the document.",
    link_not_https: "The link must be a URL starting with https://.",
    link_invalid: "That is not a valid URL.",
    link_too_long: "The URL is too long (2000 characters at most).",
    note_too_long: "The note can be 1000 characters at most.",
  },
  closeButton: "Record as done",

  yearMessageTitle: (fy, start, end) => `:calendar: *Annual privacy audits and plans, FY${fy}* (${start} to ${end})`,
  yearMessageFooter:
    "Record a duty as done with `/privacy duties done <kind>` or the buttons here. Owners get a DM 30 and 7 days before the due date, and weekly once overdue.",
  closedPost: (duty, by, date, url, note) =>
    `:white_check_mark: *${duty}* recorded as done by ${by} (done on ${date}).\nDocument: <${url}>${note ? `\nNote: ${note}` : ""}`,
  keepReport: (chiefs) => `${chiefs} Under Art. 30(3) the chief privacy officer keeps the audit report.`,

  reminderIntro: (n) =>
    `*${n}* item${n === 1 ? "" : "s"} of the annual privacy audits and plans (Art. 21(2), 23, 25, 26, 29, 30) ${n === 1 ? "is" : "are"} waiting for you.`,
  overdueTitle: (n) => `Overdue (${n})`,
  soonTitle: (n) => `Coming due (${n})`,
  reminderItem: (duty, due, when, howTo, noOwner) => `*${duty}*\nDue ${due} · ${when}${noOwner}\n${howTo}`,
  daysLeft: (days) => (days === 0 ? "due today" : `${days} day${days === 1 ? "" : "s"} left`),
  daysOver: (days) => `:warning: ${days} day${days === 1 ? "" : "s"} overdue`,
  howTo: (kind) => `Record the date and a link to the document with \`/privacy duties done ${kind}\`.`,
  ownerMissing: (role) => `\n:warning: Nobody in the directory is the ${role}, so the chief privacy officer is told.`,

  digestTitle: (fy) => `Annual audits and plans (FY${fy})`,
  digestSummary: (done, total) => `${done}/${total} done`,
  digestDone: (duty, date, url) => `:white_check_mark: ${duty}: done ${date}${url ? ` <${url}|document>` : ""}`,
  digestOverdue: (duty, due, days) => `:red_circle: ${duty}: due ${due}, ${days} day${days === 1 ? "" : "s"} overdue`,
  digestSoon: (duty, due, days) => `:large_orange_circle: ${duty}: due ${due} (${days} day${days === 1 ? "" : "s"} left)`,
};

export const dutyMessages = catalogue(ja, en);
export type DutyMessages = ReturnType<typeof dutyMessages>;
