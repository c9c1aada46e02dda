// What the decision log's anchor says (the daily post, the digest line, npm run
// audit:verify), in Japanese and English. Anchoring the chain's head outside the database
// is the company's own control for the records it keeps under 規程 第27条; no law asks
// for it, and the texts say so rather than cite one.
import { catalogue } from "../i18n.js";

const ja = {
  anchor: {
    /** the post's notification text (and what a screen reader says) */
    text: (count: number, day: string) => `監査ログの固定点（${day}）：${count}件`,
    title: "監査ログの固定点（アンカー）",
    body: (count: number, hash: string, at: string) =>
      `*${at}* 時点の監査ログ：*${count}* 件、最新のハッシュ \`${hash}\`\n照合：\`npm run audit:verify -- --expect-head ${count}:${hash}\``,
    why: "記録（規程第27条）の改ざん・末尾の削除をデータベースの外から検知するための当社の管理策です（法令が求めるものではありません）。このメッセージは削除しないでください。",
    broken: (reason: string) =>
      `:rotating_light: *監査ログの検証に失敗しました*：${reason}\n固定点は記録していません。データベースのバックアップと \`npm run audit:verify\` で確認してください。`,
  },
  digest: {
    title: "監査ログの固定点（規程第27条・当社の管理策）",
    line: (count: number, hash: string, at: string) => `最新の固定点：${at}、*${count}* 件、ハッシュ \`${hash}\``,
    head: (count: number) => `現在の監査ログ：${count} 件`,
    none: ":warning: 固定点がまだありません（ジョブ `audit.anchor` が毎日コンプライアンスチャンネルに投稿します）。",
    stale: (days: number) => `:warning: 最新の固定点は ${days} 日前のものです（毎日投稿されるはずです）。`,
  },
  cli: {
    ok: (entries: number, head: string) => `監査ログ OK：${entries} 件、最新のハッシュ ${head}`,
    okAnchor: (anchor: string) => `（固定点 ${anchor} まで照合済み）`,
    broken: (at: number, reason: string, before: number) => `監査ログが壊れています（第${at}件）：${reason}（それより前の ${before} 件は検証済み）`,
    missing: (seq: number, next: number) => `第${seq}件がありません（次は第${next}件）`,
    link: (seq: number) => `第${seq}件が第${seq - 1}件のハッシュを指していません`,
    changed: (seq: number) => `第${seq}件が変更されています（内容がハッシュと一致しません）`,
    short: (anchor: string, anchored: number, entries: number) =>
      `監査ログが固定点 ${anchor} と一致しません：固定点では ${anchored} 件でしたが、いまは ${entries} 件です（第${entries + 1}件から第${anchored}件までが削除されています）`,
    differs: (anchor: string, seq: number, anchored: string, found: string) =>
      `監査ログが固定点 ${anchor} と一致しません：第${seq}件のハッシュは固定点では ${anchored}、いまは ${found} です（第${seq}件までのどこかが書き換えられています）`,
    operator: (count: number, hash: string) => `--expect-head ${count}:${hash.slice(0, 12)}…`,
    slack: (channel: string, ts: string, at: string) => `${at} の投稿（チャンネル ${channel}、ts ${ts}）`,
    noAnchor: (channel: string, scanned: number) =>
      `チャンネル ${channel} にボットの固定点の投稿が見つかりません（メッセージ ${scanned} 件を確認）。照合できないため失敗とします。`,
    noChannel: "コンプライアンスチャンネルが設定されていません。`--channel C…` で指定してください。",
    noToken: "Slack から固定点を読むには SLACK_BOT_TOKEN が必要です。",
    slackError: (method: string, error: string) => `Slack の ${method} が失敗しました：${error}`,
    badExpectHead: (v: string) => `--expect-head "${v}" は 件数:ハッシュ（例 1234:64桁の16進数）の形ではありません。`,
  },
};

const en: typeof ja = {
  anchor: {
    text: (count, day) => `Audit log anchor (${day}): ${count} entries`,
    title: "Audit log anchor",
    body: (count, hash, at) =>
      `The audit log at *${at}*: *${count}* entries, head hash \`${hash}\`\nCheck: \`npm run audit:verify -- --expect-head ${count}:${hash}\``,
    why: "The company's own control to detect, from outside the database, changes to the records (Rule Art.27) or a deleted tail; no law requires it. Please do not delete this message.",
    broken: (reason) =>
      `:rotating_light: *The audit log failed verification*: ${reason}\nNo anchor was recorded. Check with the database's backups and \`npm run audit:verify\`.`,
  },
  digest: {
    title: "Audit log anchor (Rule Art.27, the company's control)",
    line: (count, hash, at) => `Latest anchor: ${at}, *${count}* entries, hash \`${hash}\``,
    head: (count) => `The audit log now: ${count} entries`,
    none: ":warning: No anchor yet (the `audit.anchor` job posts one to the compliance channel every day).",
    stale: (days) => `:warning: The latest anchor is ${days} days old (one is due every day).`,
  },
  cli: {
    ok: (entries, head) => `audit log OK: ${entries} entries, head ${head}`,
    okAnchor: (anchor) => ` (checked up to the anchor ${anchor})`,
    broken: (at, reason, before) => `audit log BROKEN at entry ${at}: ${reason} (${before} entries verified before it)`,
    missing: (seq, next) => `entry ${seq} is missing (next is ${next})`,
    link: (seq) => `entry ${seq} does not point at the hash of entry ${seq - 1}`,
    changed: (seq) => `entry ${seq} was changed (its content no longer matches its hash)`,
    short: (anchor, anchored, entries) =>
      `audit log does not match the anchor ${anchor}: it anchored ${anchored} entries, the log now has ${entries} (entries ${entries + 1} to ${anchored} were deleted)`,
    differs: (anchor, seq, anchored, found) =>
      `audit log does not match the anchor ${anchor}: entry ${seq} has hash ${found}, the anchor recorded ${anchored} (entries up to ${seq} were rewritten)`,
    operator: (count, hash) => `--expect-head ${count}:${hash.slice(0, 12)}…`,
    slack: (channel, ts, at) => `posted ${at} (channel ${channel}, ts ${ts})`,
    noAnchor: (channel, scanned) =>
      `no anchor posted by the bot found in channel ${channel} (${scanned} messages read); nothing to check against, so this fails`,
    noChannel: "No compliance channel is set; give one with --channel C….",
    noToken: "Reading the anchors from Slack needs SLACK_BOT_TOKEN.",
    slackError: (method, error) => `Slack's ${method} failed: ${error}`,
    badExpectHead: (v) => `--expect-head "${v}" is not count:hash (e.g. 1234:<64 hex digits>)`,
  },
};

export const auditMessages = catalogue(ja, en);
