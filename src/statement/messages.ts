// Texts of the statement feature (Japanese, English): /privacy statement, the publish
// button and its answers, the note to the compliance channel. The statement itself is in
// Japanese (it is published to the data subjects).
import { catalogue } from "../platform/i18n.js";
import type { Missing } from "./rules.js";

const ja = {
  usage: [
    "`/privacy statement` 保有個人データに関する事項（個人情報保護法第32条）の現在の内容と、公開済みの版との違い",
    "`/privacy statement file` 同じ内容を Markdown ファイルで受け取る",
  ],
  title: "*保有個人データに関する事項（個人情報保護法第32条・施行令第10条）*",
  neverPublished: "まだ公開された版はありません。下の内容を確認して公開してください。",
  unchanged: (v: number, at: string, hash: string) => `公開済みの第${v}版（${at}・${hash}）から変更はありません。`,
  changed: (v: number, at: string, hash: string) => `*公開済みの第${v}版（${at}・${hash}）から変更があります。* 入力（設定・有効な届出）が変わりました。`,
  diffTitle: (v: number) => `第${v}版からの変更（- 削除 / + 追加）`,
  diffMore: (n: number) => `ほか ${n} 行`,
  missingTitle: "未設定の項目があるため公開できません：",
  missing: {
    name: "会社名（設定 company.name）",
    address: "住所（設定 statement.address）",
    representative: "代表者（設定 statement.representative）",
    purposes: "利用目的（有効な収集目的の届出）",
    requestDesk: "開示等の請求の手続（設定 statement.requestDesk）",
    complaintsDesk: "苦情の申出先（設定 statement.complaintsDesk）",
    securityMeasures: "安全管理措置（設定 statement.securityMeasures）",
    accreditedBodyDesk: "認定個人情報保護団体の苦情の解決の申出先（設定 statement.accreditedBodyDesk）",
    foreignEnvironment: "外国の制度の概要（設定 statement.foreignEnvironment）",
  } as Record<Missing, string>,
  publish: (next: number) => `第${next}版として公開`,
  publishNote: "公開できるのは個人情報管理責任者（代理を含む）とコンプライアンス担当です。公開した版はハッシュとともに保存され、監査ログに記録されます。",
  unclear:
    "要確認：外国の制度の概要は会社が調べて設定に書く内容です（個人情報保護委員会の公表資料等）。提供先の国を載せるかは、提供先が保有個人データを取り扱うかによります。",
  fileHint: "`/privacy statement file` で Markdown ファイルとして受け取れます。",
  truncated: "長いため途中までを表示しています。全文は `/privacy statement file` で受け取ってください。",
  fileTitle: "保有個人データに関する事項",
  fileSent: "Markdown ファイルを DM に送りました。",
  published: (v: number) => `第${v}版として公開しました。ウェブサイト等への掲載は別途行ってください。`,
  refused: {
    not_allowed: "公開できるのは個人情報管理責任者（代理を含む）とコンプライアンス担当です。",
    changed: "表示した後に内容が変わりました。もう一度 `/privacy statement` で確認してから公開してください。",
    unchanged: "公開済みの最新版と同じ内容です。",
    incomplete: "未設定の項目があるため公開できません。",
  },
  publishedPost: (v: number, hash: string, who: string) => `保有個人データに関する事項（個人情報保護法第32条）の第${v}版が公開されました（${hash}・${who}）。`,
  badArg: "`/privacy statement` または `/privacy statement file` と入力してください。",
};

const en: typeof ja = {
  usage: [
    "`/privacy statement` the statement on retained personal data (APPI Art.32) as it is now, and what changed since the published version",
    "`/privacy statement file` the same as a Markdown file",
  ],
  title: "*Statement on retained personal data (APPI Art.32, Cabinet Order Art.10)*",
  neverPublished: "No version has been published yet. Check the text below and publish it.",
  unchanged: (v, at, hash) => `No change since published version ${v} (${at}, ${hash}).`,
  changed: (v, at, hash) => `*Changed since published version ${v} (${at}, ${hash}).* Its inputs (settings, effective requests) changed.`,
  diffTitle: (v) => `Changes since version ${v} (- removed / + added)`,
  diffMore: (n) => `${n} more lines`,
  missingTitle: "It cannot be published while these are missing:",
  missing: {
    name: "company name (settings company.name)",
    address: "address (settings statement.address)",
    representative: "representative (settings statement.representative)",
    purposes: "purposes (effective collection-purpose requests)",
    requestDesk: "how to make requests (settings statement.requestDesk)",
    complaintsDesk: "complaints desk (settings statement.complaintsDesk)",
    securityMeasures: "security measures (settings statement.securityMeasures)",
    accreditedBodyDesk: "the accredited body's complaints desk (settings statement.accreditedBodyDesk)",
    foreignEnvironment: "summary of a foreign country's regime (settings statement.foreignEnvironment)",
  },
  publish: (next) => `Publish as version ${next}`,
  publishNote: "The chief, the deputy chief and compliance may publish. Each published version is kept with its hash and logged in the audit chain.",
  unclear:
    "To be checked: the summary of a foreign regime is the company's own research, written in the settings (the PPC publishes material). Whether a recipient's country belongs here depends on whether the data it receives is still data the company retains.",
  fileHint: "`/privacy statement file` sends it as a Markdown file.",
  truncated: "Too long to show in full here: `/privacy statement file` sends the whole text.",
  fileTitle: "Statement on retained personal data",
  fileSent: "The Markdown file is in your DM.",
  published: (v) => `Published as version ${v}. Put it on the website or wherever it is made available separately.`,
  refused: {
    not_allowed: "Only the chief privacy officer (or deputy) and compliance may publish.",
    changed: "The text changed after it was shown. Check it again with `/privacy statement`, then publish.",
    unchanged: "It is the same as the latest published version.",
    incomplete: "It cannot be published while items are missing.",
  },
  publishedPost: (v, hash, who) => `Version ${v} of the statement on retained personal data (APPI Art.32) was published (${hash}, ${who}).`,
  badArg: "Type `/privacy statement` or `/privacy statement file`.",
};

export const statementMessages = catalogue(ja, en);
