// What the /privacy subcommands say (apart from the features' own catalogues).
import { catalogue } from "../src/platform/i18n.js";
import { REQUEST_KINDS, RULE_ARTICLES } from "../src/requests/kinds/index.js";

/** The request kinds and their articles, from the kinds' registry (src/requests/kinds/index.ts). */
const kinds = {
  /** purpose|method|entrust|provide|joint */
  ids: REQUEST_KINDS.join("|"),
  /** purpose, method, entrust, provide, joint */
  list: REQUEST_KINDS.join(", "),
  /** purpose, method, entrust, provide or joint */
  listOr: `${REQUEST_KINDS.slice(0, -1).join(", ")} or ${REQUEST_KINDS.at(-1)}`,
  articles: RULE_ARTICLES,
};

const ja = {
  helpTitle: "*Mamori（守り）個人情報保護規程の届出・承認*",
  helpIntro: `社内の個人情報保護規程（第${kinds.articles.join("・")}条）の届出を Slack で提出し、承認を受けます。`,
  helpFooter: "届出は承認チャンネルのスレッドで審査されます。App Home（このアプリのホーム）に自分の届出と承認待ちが表示されます。",
  unknownCommand: (name: string) => `「${name}」というコマンドはありません。`,
  error: "処理中にエラーが発生しました。内容は記録されています。しばらくしてからもう一度お試しください。",
  usage: {
    request: ["`/privacy request` 届出を作成（種類を選ぶ）", `\`/privacy request ${kinds.ids}\` その種類の届出を直接作成`],
    status: ["`/privacy status PRV-2026-0001` 届出の状態と履歴"],
    mine: ["`/privacy mine` 自分の届出と、自分の判断を待っている届出"],
    help: ["`/privacy help` この説明"],
    lang: ["`/privacy lang ja|en|auto` 表示言語（auto は Slack の言語設定に従う）"],
    export: ["`/privacy export [開始日] [終了日]` 監査ログを CSV で出力（コンプライアンス担当・監査責任者のみ、日付は YYYY-MM-DD）"],
  },
  /** /privacy help: one line per thing the person may do, in one format (`command` what it does) */
  help: {
    title: "*Mamori（守り）の使い方*",
    footer: "App Home（このアプリのホーム）に、あなたを待っていることが期限順に表示されます。",
    lines: {
      request: `\`/privacy request [${kinds.ids}]\` 届出を作成（規程 第${kinds.articles.join("・")}条）`,
      mine: "`/privacy mine` 自分の届出と、自分の判断を待っている届出",
      status: "`/privacy status PRV-…` 届出の状態と履歴",
      incident: "`/privacy incident` 個人情報の事故を報告",
      incidentStatus: "`/privacy incident status INC-…` 事故の状況と期限",
      incidentReport: "`/privacy incident report INC-…` 規制当局への報告書の草案",
      incidentDetails: "`/privacy incident details INC-…` 報告書の項目を記入",
      training: "`/privacy training` 自分の研修（規程 第28条）・`done <コース>` で受講を記録",
      trainingStatus: "`/privacy training status` 部署の受講状況",
      trainingImport: "`/privacy training import` e-ラーニングの CSV を取り込む",
      dsr: "`/privacy dsr` 開示等の請求を記録・`list`・`status DSR-…`",
      complaint: "`/privacy complaint` 苦情・相談を記録・`list`・`status CMP-…`",
      processors: "`/privacy processors` 預託先の一覧・`inspected PRV-…` 定期調査を記録",
      disposal: "`/privacy processors disposal` 保存期間が終わった書類の廃棄（規程 第31条）",
      register: "`/privacy register [語句]` 個人データ管理台帳の検索・登録（規程 第23条）・`export` で CSV・`review` で未見直しの項目",
      provision: "`/privacy provision log PRV-…` 第三者提供の記録・`receipt` 第三者からの受領の記録（法第29・30条）",
      statement: "`/privacy statement` 保有個人データに関する事項（法第32条）の文案・`file` でファイルとして出力",
      away: "`/privacy away <開始日> <終了日> @代理` 不在中の代理承認（会社独自の運用）・`off` で終了",
      duties: "`/privacy duties` 年間の監査・計画（規程 第21条2項・第23・25・26・29・30条）",
      digest: "`/privacy digest [week|month]` ダイジェスト",
      export: "`/privacy export [開始日] [終了日]` 監査ログを CSV で出力",
      admin: "`/privacy admin` 名簿・役割・チャンネルの管理",
      lang: "`/privacy lang ja|en|auto` 表示言語",
    },
  },
  request: {
    unknownKind: (k: string) => `届出の種類「${k}」はありません。${kinds.list} のいずれかを指定してください。`,
  },
  status: {
    needCode: "届出番号を指定してください（例：/privacy status PRV-2026-0001）。",
    notFound: (code: string) => `届出 ${code} は見つかりません。`,
    badCode: (text: string) => `「${text}」は届出番号ではありません。届出番号は PRV-2026-0001 の形です（例：/privacy status PRV-2026-0001）。`,
    notAllowed:
      "この届出を見る権限がありません（届出者、その部署の個人情報管理者、個人情報管理責任者、コンプライアンス担当、監査責任者、その届出の合議先のみ）。",
    open: "スレッドを開く",
  },
  lang: {
    set: (l: string): string =>
      l === "auto" ? "表示言語を Slack の言語設定に合わせます。" : l === "en" ? "Language set to English." : "表示言語を日本語にしました。",
    bad: "`/privacy lang ja`、`/privacy lang en` または `/privacy lang auto` を指定してください。",
  },
  export: {
    notAllowed: "監査ログの出力はコンプライアンス担当と監査責任者だけができます。",
    badDate: "日付は YYYY-MM-DD の形式で指定してください（例：/privacy export 2026-04-01 2026-09-30）。",
    badRange: "終了日は開始日以降にしてください。",
    done: (from: string, to: string, n: number) => `${from} から ${to} までの監査ログ（${n} 件）を DM に送りました。`,
    title: (from: string, to: string) => `監査ログ ${from}〜${to}`,
  },
};

const en: typeof ja = {
  helpTitle: "*Mamori: requests and approvals under the personal-information rules*",
  helpIntro: `File the requests the company's rules require (Art. ${kinds.articles.join(", ")}) in Slack and get them approved.`,
  helpFooter: "Requests are reviewed in their thread in the approvals channel. The app's Home tab shows your requests and what waits for you.",
  unknownCommand: (name) => `There is no command "${name}".`,
  error: "Something went wrong. It has been logged; please try again in a moment.",
  usage: {
    request: ["`/privacy request` file a request (pick the kind)", `\`/privacy request ${kinds.ids}\` open that kind's form directly`],
    status: ["`/privacy status PRV-2026-0001` a request's status and history"],
    mine: ["`/privacy mine` my requests and those waiting for me"],
    help: ["`/privacy help` this help"],
    lang: ["`/privacy lang ja|en|auto` display language (auto follows your Slack language)"],
    export: ["`/privacy export [from] [to]` the audit log as CSV (compliance and audit lead only; dates YYYY-MM-DD)"],
  },
  help: {
    title: "*How to use Mamori*",
    footer: "The app's Home tab lists what waits for you, most urgent first.",
    lines: {
      request: `\`/privacy request [${kinds.ids}]\` file a request (company rules Art.${kinds.articles.join(", ")})`,
      mine: "`/privacy mine` my requests and those waiting for my decision",
      status: "`/privacy status PRV-…` a request's status and history",
      incident: "`/privacy incident` report a personal data incident",
      incidentStatus: "`/privacy incident status INC-…` an incident's status and deadlines",
      incidentReport: "`/privacy incident report INC-…` draft a report to the regulator",
      incidentDetails: "`/privacy incident details INC-…` fill in the report's items",
      training: "`/privacy training` my training (company rules Art.28); `done <course>` records one",
      trainingStatus: "`/privacy training status` my departments' training",
      trainingImport: "`/privacy training import` import the e-learning CSV",
      dsr: "`/privacy dsr` log a data subject request; `list`, `status DSR-…`",
      complaint: "`/privacy complaint` log a complaint or inquiry; `list`, `status CMP-…`",
      processors: "`/privacy processors` the list of processors; `inspected PRV-…` records an inspection",
      disposal: "`/privacy processors disposal` documents past their retention (company rules Art.31)",
      register:
        "`/privacy register [words]` search or add to the register of personal data (company rules Art.23); `export` as CSV; `review` the entries not reviewed in a year",
      provision: "`/privacy provision log PRV-…` record a provision to a third party; `receipt` record data received (APPI Art.29, 30)",
      statement: "`/privacy statement` the public statement on retained personal data (APPI Art.32); `file` sends it as a file",
      away: "`/privacy away <from> <to> @delegate` a delegate while you are away (the company's own practice); `off` ends it",
      duties: "`/privacy duties` the annual audit and plans (company rules Art.21(2), 23, 25, 26, 29, 30)",
      digest: "`/privacy digest [week|month]` the digest",
      export: "`/privacy export [from] [to]` the audit log as CSV",
      admin: "`/privacy admin` people, roles and channels",
      lang: "`/privacy lang ja|en|auto` display language",
    },
  },
  request: {
    unknownKind: (k) => `There is no request kind "${k}". Use ${kinds.listOr}.`,
  },
  status: {
    needCode: "Give a request code (e.g. /privacy status PRV-2026-0001).",
    notFound: (code) => `Request ${code} was not found.`,
    badCode: (text) => `"${text}" is not a request code. Codes look like PRV-2026-0001 (e.g. /privacy status PRV-2026-0001).`,
    notAllowed:
      "You may not see this request (requester, the department's privacy managers, the chief privacy officer, compliance, the audit lead and its consultants only).",
    open: "Open the thread",
  },
  lang: {
    set: (l) => (l === "auto" ? "Language now follows your Slack settings." : l === "en" ? "Language set to English." : "表示言語を日本語にしました。"),
    bad: "Use `/privacy lang ja`, `/privacy lang en` or `/privacy lang auto`.",
  },
  export: {
    notAllowed: "Only compliance and the audit lead can export the audit log.",
    badDate: "Dates are YYYY-MM-DD (e.g. /privacy export 2026-04-01 2026-09-30).",
    badRange: "The end date must not be before the start date.",
    done: (from, to, n) => `The audit log from ${from} to ${to} (${n} entries) is in your DMs.`,
    title: (from, to) => `Audit log ${from} to ${to}`,
  },
};

export const commandMessages = catalogue(ja, en);
