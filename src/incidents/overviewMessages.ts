// What the incidents section of the compliance digest and of the App Home tab says
// (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
  digest: {
    title: "個人情報の事故（個人情報保護法 第26条、ビジネスパートナー規約別紙「お客様情報の保護に関する細則」第9条）",
    counts: (open: number, opened: number, closed: number) => `対応中 *${open}* 件（期間中の報告 ${opened} 件、終了 ${closed} 件）`,
    more: (n: number) => `ほか ${n} 件`,
  },
  home: {
    title: "*🚨 対応中の事故*",
    none: "対応中の事故はありません。",
    more: (n: number) => `ほか ${n} 件（\`/privacy incident status INC-…\`）`,
    tasks: "*🧯 あなたの事故対応タスク*",
    seeAll: "`/privacy incident status INC-…`",
    open: "開く",
    openTask: "チェックリストを開く",
    report: "事故を報告",
  },
  item: (code: string, status: string, next: string) => `• *${code}* ${status} — ${next}`,
  next: (what: string, due: string, overdue: boolean) => `次の期限：${what} ${due}${overdue ? " ⚠️ *期限超過*" : ""}`,
  noNext: "期限：未評価（評価後に決まります）",
  noDue: "期限のある未完了タスクなし",
  lead: (who: string) => `（対応リーダー ${who}）`,
};

const en: typeof ja = {
  digest: {
    title: "Personal data incidents (APPI Art.26; the business partners' Customer Information Protection Rules, Art.9)",
    counts: (open: number, opened: number, closed: number) => `*${open}* open (${opened} reported and ${closed} closed in the period)`,
    more: (n: number) => `and ${n} more`,
  },
  home: {
    title: "*🚨 Open incidents*",
    none: "No open incidents.",
    more: (n: number) => `and ${n} more (\`/privacy incident status INC-…\`)`,
    tasks: "*🧯 Your incident tasks*",
    seeAll: "`/privacy incident status INC-…`",
    open: "Open",
    openTask: "Open checklist",
    report: "Report an incident",
  },
  item: (code: string, status: string, next: string) => `• *${code}* ${status} — ${next}`,
  next: (what: string, due: string, overdue: boolean) => `next deadline: ${what} ${due}${overdue ? " ⚠️ *overdue*" : ""}`,
  noNext: "deadlines: not assessed yet",
  noDue: "no open task with a due date",
  lead: (who: string) => ` (lead ${who})`,
};

export const incidentOverviewMessages = catalogue(ja, en);
