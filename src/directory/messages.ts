// Everything the directory feature says (roles, org-file problems, admin changes,
// /privacy admin, the unknown-user notice), in Japanese and English.
import { catalogue } from "../platform/i18n.js";
import type { ChannelKind } from "./channels.js";
import type { RoleName } from "./roles.js";

/**
 * The deputy chief, labelled the same wherever it appears: a company extension, since
 * 規程 第3条 and 第20条 name no deputy of the chief (and no delegation of the chief's decisions).
 */
export const DEPUTY_CHIEF_LABEL: { readonly ja: string; readonly en: string } = {
  ja: "個人情報管理責任者代理（当社の拡張：規程に定めなし）",
  en: "deputy chief privacy officer (company extension: not in the Rule)",
};

const ja = {
  role: {
    manager: "個人情報管理者",
    chief: "個人情報管理責任者",
    deputyChief: DEPUTY_CHIEF_LABEL.ja,
    auditor: "個人情報保護監査責任者",
    compliance: "コンプライアンス担当",
    handler: "個人情報取扱担当者",
    admin: "管理者（admin）",
    legal: "法務担当",
    infosec: "情報セキュリティ担当",
    telecom: "電気通信事業法・通信の秘密の担当",
  } satisfies Record<RoleName, string>,
  channel: {
    approvals: "承認チャンネル",
    incidents: "インシデントチャンネル",
    compliance: "コンプライアンスチャンネル",
  } satisfies Record<ChannelKind, string>,
  /** "個人情報管理者（営業部）" */
  roleIn: (role: string, dept: string) => `${role}（${dept}）`,
  list: (items: string[]) => items.join("、"),

  /** Problems in the org file (shown at start-up as file:line: reason). */
  orgFile: {
    invalid: (file: string) => `組織ファイル ${file} に問題があります：`,
    unreadable: (file: string, reason: string) => `組織ファイル ${file} を読めません：${reason}`,
    syntax: (detail: string) => `YAML の書き方に誤りがあります（${detail}）`,
    notMap: "ここにはマッピング（キー: 値）が必要です",
    notList: "ここにはリスト（[...] または - で始まる行）が必要です",
    required: (key: string) => `${key} は必須です`,
    notText: "文字列が必要です（数字だけの値は引用符で囲んでください）",
    emptyText: "空にできません",
    unknownKey: (key: string, allowed: string[]) => `不明なキー「${key}」です（使えるキー：${allowed.join(", ")}）`,
    badChannelId: (v: string) => `「${v}」はチャンネル ID ではありません（C または G で始まる英大文字・数字、例：C0123ABCD）`,
    badUserId: (v: string) => `「${v}」は Slack のユーザー ID ではありません（U または W で始まる英大文字・数字、例：U0123ABCD）`,
    badDeptId: (v: string) => `「${v}」は部署 ID に使えません（英小文字・数字で始まり、英小文字・数字・_・- のみ）`,
    badRole: (v: string, roles: string[]) => `不明な役割「${v}」です（使える役割：${roles.join(", ")}）`,
    duplicateDept: (id: string, line: number) => `部署 ID「${id}」が重複しています（${line} 行目と同じ）`,
    duplicatePerson: (id: string, line: number) => `slackId「${id}」が重複しています（${line} 行目と同じ）`,
    unknownDept: (id: string) => `部署「${id}」は departments にありません`,
    auditorConflict: (other: string) => `個人情報保護監査責任者（auditor）は ${other} を兼任できません（規程 第21条）`,
    deputyOff: `deputyChief（${DEPUTY_CHIEF_LABEL.ja}）は設定 governance.deputyChief: false により使えません（規程 第3条・第20条に代理の定めはありません）`,
    managerWithoutDept: "manager（個人情報管理者）には department が必要です",
    noChief: "個人情報管理責任者（chief）が一人もいません",
  },

  /** Results of directory changes made by an admin. */
  change: {
    notAdmin: "名簿の変更は管理者（admin）だけができます。",
    unknownPerson: (id: string) =>
      `<@${id}> は名簿に登録されていません。先に \`/privacy admin person add <@${id}> <部署ID> <氏名>\` で登録するか、組織ファイルに追加してください。`,
    personExists: (id: string) => `<@${id}> はすでに名簿に登録されています。`,
    unknownRole: (v: string, roles: string[]) => `不明な役割「${v}」です。使える役割：${roles.join(", ")}`,
    unknownDept: (id: string) => `部署「${id}」はありません。\`/privacy admin dept add ${id} <部署名>\` で追加できます。`,
    badDeptId: (v: string) => `「${v}」は部署 ID に使えません（英小文字・数字で始まり、英小文字・数字・_・- のみ）。`,
    deptExists: (id: string) => `部署「${id}」はすでにあります。名前を変えるときは \`/privacy admin dept rename ${id} <新しい名前>\` を使ってください。`,
    emptyName: "名前を指定してください。",
    badChannelKind: (v: string) => `「${v}」は指定できません。approvals、incidents、compliance のいずれかを指定してください。`,
    badChannelId: (v: string) => `「${v}」はチャンネルではありません。#チャンネル を指定してください。`,
    auditorConflict: (id: string, other: string) =>
      `<@${id}> は${other}なので、個人情報保護監査責任者を兼任できません（規程 第21条：監査責任者は管理責任者から独立していること）。`,
    chiefConflict: (id: string, role: string) =>
      `<@${id}> は個人情報保護監査責任者なので、${role}を兼任できません（規程 第21条：監査責任者は管理責任者から独立していること）。`,
    deptOnlyForManager: "部署を指定できるのは manager（個人情報管理者）のときだけです。",
    needDept: (id: string) => `<@${id}> には所属部署がないので、管理する部署を指定してください（例：manager sales）。`,
    alreadyHas: (id: string, role: string) => `<@${id}> はすでに${role}です。`,
    doesNotHave: (id: string, role: string) => `<@${id}> は${role}ではありません。`,
    lastChief: "最後の個人情報管理責任者は外せません。先に別の人を chief にしてください。",
    lastAdmin: "最後の管理者（admin）は外せません。先に別の人を admin にしてください。",
    roleAdded: (id: string, role: string) => `<@${id}> を${role}にしました。`,
    deputyOff: `${DEPUTY_CHIEF_LABEL.ja}は、設定 governance.deputyChief: false により置かれていません。規程 第3条・第20条に代理の定めはなく、当社の拡張です。`,
    roleRemoved: (id: string, role: string) => `<@${id}> の${role}を外しました。`,
    personAdded: (id: string, name: string, dept: string) => `${name}（<@${id}>、${dept}）を名簿に登録しました。`,
    deptAdded: (id: string, name: string) => `部署「${name}」（${id}）を追加しました。`,
    deptRenamed: (id: string, before: string, after: string) => `部署 ${id} の名前を「${before}」から「${after}」に変えました。`,
    channelSet: (kind: string, channel: string) => `${kind}を <#${channel}> にしました。Bot をそのチャンネルに招待してください。`,
  },

  /** /privacy admin */
  admin: {
    usage: {
      role: [
        "`/privacy admin role add @ユーザー <役割> [部署ID]` 役割を追加（役割：manager, chief, deputyChief, auditor, compliance, handler, admin, legal, infosec, telecom。部署は manager のとき、自部署以外を管理させる場合）",
        "`/privacy admin role remove @ユーザー <役割> [部署ID]` 役割を外す",
      ],
      person: ["`/privacy admin person add @ユーザー <部署ID> <氏名>` 名簿に従業者を登録"],
      dept: ["`/privacy admin dept add <部署ID> <部署名>` 部署を追加", "`/privacy admin dept rename <部署ID> <新しい部署名>` 部署名を変更"],
      channel: ["`/privacy admin channel set approvals|incidents|compliance #チャンネル` 承認・インシデント・コンプライアンスのチャンネルを設定"],
      org: ["`/privacy admin org export` 現在の名簿を組織ファイル（YAML）として DM に送る"],
    },
    intro: "名簿の管理（管理者のみ）：",
    notAdmin: "`/privacy admin` は管理者（admin）だけが使えます。",
    badMention: (v: string) => `「${v}」からユーザーを特定できません。@ を入力して候補からユーザーを選んでください（または U で始まるユーザー ID を指定）。`,
    badChannelMention: (v: string) => `「${v}」からチャンネルを特定できません。# を入力して候補からチャンネルを選んでください。`,
    exported: (people: number, departments: number) => `現在の名簿（${departments} 部署、${people} 人）を org.yml として DM に送りました。`,
    exportTitle: "Mamori 名簿（組織ファイル）",
    exportFailed: "org.yml を送れませんでした。しばらくしてからもう一度お試しください。",
    error: "処理中にエラーが発生しました。内容は記録されています。しばらくしてからもう一度お試しください。",
  },

  /** A Slack user who is not in the directory. */
  unknownUser: {
    text: (admins: string[]) => `この Bot の名簿にまだ登録されていません。管理者（${admins.join("、")}）に登録を依頼してください。`,
    textNoAdmins: "この Bot の名簿にまだ登録されていません。社内の個人情報管理責任者に、組織ファイルへの登録を依頼してください。",
    adminDm: (id: string) =>
      `:wave: <@${id}> さんが Mamori を使おうとしましたが、名簿に登録されていません。\n` +
      `従業者であれば \`/privacy admin person add <@${id}> <部署ID> <氏名>\` で登録するか、組織ファイル（ORG_FILE）に追加してください。` +
      `必要なら続けて \`/privacy admin role add <@${id}> <役割>\` で役割を付けてください。`,
  },
};

const en: typeof ja = {
  role: {
    manager: "privacy manager",
    chief: "chief privacy officer",
    deputyChief: DEPUTY_CHIEF_LABEL.en,
    auditor: "privacy audit lead",
    compliance: "compliance officer",
    handler: "data handler",
    admin: "admin",
    legal: "legal affairs",
    infosec: "information security",
    telecom: "telecom compliance (secrecy of communications)",
  },
  channel: {
    approvals: "the approvals channel",
    incidents: "the incidents channel",
    compliance: "the compliance channel",
  },
  roleIn: (role, dept) => `${role} (${dept})`,
  list: (items) => items.join(", "),

  orgFile: {
    invalid: (file) => `The org file ${file} has problems:`,
    unreadable: (file, reason) => `The org file ${file} cannot be read: ${reason}`,
    syntax: (detail) => `YAML syntax error (${detail})`,
    notMap: "a mapping (key: value) is needed here",
    notList: "a list ([...] or lines starting with -) is needed here",
    required: (key) => `${key} is required`,
    notText: "text is needed (quote values made of digits only)",
    emptyText: "must not be empty",
    unknownKey: (key, allowed) => `unknown key "${key}" (allowed: ${allowed.join(", ")})`,
    badChannelId: (v) => `"${v}" is not a channel id (C or G followed by capital letters and digits, e.g. C0123ABCD)`,
    badUserId: (v) => `"${v}" is not a Slack user id (U or W followed by capital letters and digits, e.g. U0123ABCD)`,
    badDeptId: (v) => `"${v}" is not a valid department id (lower-case letters, digits, _ and -, starting with a letter or digit)`,
    badRole: (v, roles) => `unknown role "${v}" (roles: ${roles.join(", ")})`,
    duplicateDept: (id, line) => `department id "${id}" appears twice (also on line ${line})`,
    duplicatePerson: (id, line) => `slackId "${id}" appears twice (also on line ${line})`,
    unknownDept: (id) => `department "${id}" is not in departments`,
    auditorConflict: (other) => `the audit lead (auditor) must not also be ${other} (rule Art. 21)`,
    deputyOff: `deputyChief (${DEPUTY_CHIEF_LABEL.en}) is turned off by the setting governance.deputyChief: false (Rule Art.3 and Art.20 provide for no deputy)`,
    managerWithoutDept: "a manager needs a department",
    noChief: "there is no chief privacy officer (chief)",
  },

  change: {
    notAdmin: "Only admins can change the directory.",
    unknownPerson: (id) =>
      `<@${id}> is not in the directory. Register them first with \`/privacy admin person add <@${id}> <department id> <name>\` or add them to the org file.`,
    personExists: (id) => `<@${id}> is already in the directory.`,
    unknownRole: (v, roles) => `Unknown role "${v}". Roles: ${roles.join(", ")}`,
    unknownDept: (id) => `There is no department "${id}". Add it with \`/privacy admin dept add ${id} <name>\`.`,
    badDeptId: (v) => `"${v}" is not a valid department id (lower-case letters, digits, _ and -, starting with a letter or digit).`,
    deptExists: (id) => `Department "${id}" already exists. To rename it use \`/privacy admin dept rename ${id} <new name>\`.`,
    emptyName: "Give a name.",
    badChannelKind: (v) => `"${v}" cannot be set. Use approvals, incidents or compliance.`,
    badChannelId: (v) => `"${v}" is not a channel. Give a #channel.`,
    auditorConflict: (id, other) =>
      `<@${id}> is ${other}, so they cannot also be the privacy audit lead (rule Art. 21: the audit lead is independent of the chief).`,
    chiefConflict: (id, role) =>
      `<@${id}> is the privacy audit lead, so they cannot also be ${role} (rule Art. 21: the audit lead is independent of the chief).`,
    deptOnlyForManager: "A department can only be given with manager.",
    needDept: (id) => `<@${id}> has no department; give the department they manage (e.g. manager sales).`,
    alreadyHas: (id, role) => `<@${id}> is already ${role}.`,
    doesNotHave: (id, role) => `<@${id}> is not ${role}.`,
    lastChief: "The last chief privacy officer cannot be removed. Make someone else chief first.",
    lastAdmin: "The last admin cannot be removed. Make someone else admin first.",
    roleAdded: (id, role) => `<@${id}> is now ${role}.`,
    deputyOff: `The ${DEPUTY_CHIEF_LABEL.en} is turned off by the setting governance.deputyChief: false. Rule Art.3 and Art.20 provide for no deputy: it is the company's extension.`,
    roleRemoved: (id, role) => `<@${id}> is no longer ${role}.`,
    personAdded: (id, name, dept) => `${name} (<@${id}>, ${dept}) is now in the directory.`,
    deptAdded: (id, name) => `Department "${name}" (${id}) added.`,
    deptRenamed: (id, before, after) => `Department ${id} renamed from "${before}" to "${after}".`,
    channelSet: (kind, channel) => `${kind[0]!.toUpperCase()}${kind.slice(1)} is now <#${channel}>. Invite the bot to that channel.`,
  },

  admin: {
    usage: {
      role: [
        "`/privacy admin role add @user <role> [department id]` add a role (roles: manager, chief, deputyChief, auditor, compliance, handler, admin, legal, infosec, telecom; a department only with manager, to manage another department)",
        "`/privacy admin role remove @user <role> [department id]` remove a role",
      ],
      person: ["`/privacy admin person add @user <department id> <name>` register an employee in the directory"],
      dept: ["`/privacy admin dept add <id> <name>` add a department", "`/privacy admin dept rename <id> <new name>` rename a department"],
      channel: ["`/privacy admin channel set approvals|incidents|compliance #channel` set the approvals, incidents or compliance channel"],
      org: ["`/privacy admin org export` the current directory as an org file (YAML), in your DMs"],
    },
    intro: "Directory administration (admins only):",
    notAdmin: "Only admins can use `/privacy admin`.",
    badMention: (v) => `"${v}" does not name a user. Type @ and pick the user from the list (or give a user id starting with U).`,
    badChannelMention: (v) => `"${v}" does not name a channel. Type # and pick the channel from the list.`,
    exported: (people, departments) => `The current directory (${departments} departments, ${people} people) is in your DMs as org.yml.`,
    exportTitle: "Mamori directory (org file)",
    exportFailed: "org.yml could not be sent. Please try again in a moment.",
    error: "Something went wrong. It has been logged; please try again in a moment.",
  },

  unknownUser: {
    text: (admins) => `You are not in this bot's directory yet. Ask an admin (${admins.join(", ")}) to register you.`,
    textNoAdmins: "You are not in this bot's directory yet. Ask the chief privacy officer to add you to the org file.",
    adminDm: (id) =>
      `:wave: <@${id}> tried to use Mamori but is not in the directory.\n` +
      `If they are an employee, register them with \`/privacy admin person add <@${id}> <department id> <name>\` or add them to the org file (ORG_FILE). ` +
      `Then give them a role if needed with \`/privacy admin role add <@${id}> <role>\`.`,
  },
};

export const directoryMessages = catalogue(ja, en);
export type DirectoryMessages = typeof ja;
