// The chain's head anchored outside the database: the daily audit.anchor job posts it to
// the compliance channel once per day (tagged with message metadata), the digest shows
// it, and `audit:verify --anchors slack` reads the bot's latest anchor back from Slack and
// fails once the tail is deleted or rewritten behind the triggers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDigest } from "../../src/digest/build.js";
import { appendAudit, verifyChain } from "../../src/platform/audit/chain.js";
import { verifyCommand } from "../../src/platform/audit/cli.js";
import { ManualClock } from "../../src/platform/clock.js";
import { drain, jst } from "../support/clock.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { historyWithMetadata, type HistoryShim } from "./audit-slackHistory.js";
import { deleteNewest, entries, restore, rewriteTail } from "./audit-tamper.js";

const COMPLIANCE = ORG.channels.compliance;
const clock = new ManualClock(jst("2026-12-01T08:45:00"));
let h: Harness;
let shim: HistoryShim;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  shim = await historyWithMetadata(h.fake);
});
afterAll(async () => {
  await shim?.close();
  await h?.close();
});

const db = () => h.bot.services.database;
const anchorPosts = () => h.fake.messages(COMPLIANCE).filter((m) => m.text.startsWith("監査ログの固定点"));
/** the metadata each anchor post carried, as Slack received it */
const anchorMetadata = () =>
  h.fake
    .callsTo("chat.postMessage")
    .filter((c) => (c.args.metadata as { event_type?: string } | undefined)?.event_type === "mamori_audit_anchor")
    .map((c) => c.args.metadata);

async function append(n: number, at: Date) {
  for (let i = 0; i < n; i++)
    await db().prisma.$transaction((tx) =>
      appendAudit(tx, { at, actorId: ORG.people.chief, action: "request.approved", subject: `request:PRV-2026-00${i}`, data: { i } }),
    );
}

async function run(at: string, force = false) {
  clock.set(jst(at));
  const r = await h.bot.scheduler.runAt("audit.anchor", jst(at), { force });
  await drain(h, clock);
  return r;
}

async function verify(...args: string[]) {
  let out = "";
  let err = "";
  const env = { TZ: "Asia/Tokyo", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: shim.apiUrl };
  const code = await verifyCommand(db(), ["verify", ...args], env, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out: out.trim(), err: err.trim() };
}

let day2: { count: number; hash: string; ts: string };

describe("the daily anchor", () => {
  it("posts the verified head to the compliance channel with its metadata, once per day however often it runs", async () => {
    await append(3, clock.now());
    const chain = await verifyChain(db().prisma);
    if (!chain.ok) throw new Error("chain broken");
    const r = await run("2026-12-01T08:45:00");
    expect(r).toMatchObject({ ran: true, result: { posted: 1, day: "2026-12-01", to: "channel", count: chain.entries, head: chain.head } });
    const posts = anchorPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.text).toBe(`監査ログの固定点（2026-12-01）：${chain.entries}件`);
    const shown = JSON.stringify(posts[0]!.blocks);
    expect(shown).toContain(`--expect-head ${chain.entries}:${chain.head}`);
    expect(shown).toContain("2026/12/01 08:45");
    expect(shown).toContain("規程第27条");
    expect(shown).toContain("当社の管理策です（法令が求めるものではありません）");
    // (toMatchObject: the outbox may add its own row tag to the payload)
    expect(anchorMetadata()).toHaveLength(1);
    expect(anchorMetadata()).toMatchObject([
      {
        event_type: "mamori_audit_anchor",
        event_payload: { count: chain.entries, head: chain.head, at: jst("2026-12-01T08:45:00").toISOString(), day: "2026-12-01" },
      },
    ]);
    // the anchor is not an entry of the chain (see anchor.ts): the head is what was posted
    expect(await verifyChain(db().prisma)).toEqual(chain);

    // the same slot again (another replica), the same slot forced, a later slot the same day: nothing more
    expect((await run("2026-12-01T08:45:00")).ran).toBe(false);
    expect(await run("2026-12-01T08:45:00", true)).toMatchObject({ ran: true, result: { posted: 0 } });
    await append(1, clock.now());
    expect(await run("2026-12-01T21:00:00", true)).toMatchObject({ ran: true, result: { posted: 0 } });
    expect(anchorPosts()).toHaveLength(1);
    expect(await db().prisma.auditAnchor.count()).toBe(1);
  });

  it("posts the next day's head the next day", async () => {
    await append(2, jst("2026-12-02T07:00:00"));
    const all = await entries(db());
    const r = await run("2026-12-02T08:45:00");
    expect(r.result).toMatchObject({ posted: 1, day: "2026-12-02", count: all.length, head: all.at(-1)!.hash });
    expect(anchorPosts()).toHaveLength(2);
    day2 = { count: all.length, hash: all.at(-1)!.hash, ts: anchorPosts()[1]!.ts };
  });

  it("the digest shows the latest anchor (its count and full hash), and flags one that is days old", async () => {
    const { calendar, settings } = h.bot.services;
    const digest = (now: Date, lang: "ja" | "en") =>
      buildDigest({ services: h.bot.services, calendar: calendar!, settings: settings!, from: jst("2026-11-25T00:00:00"), to: now, now, lang });
    const ja = (await digest(jst("2026-12-02T10:00:00"), "ja")).sections.find((s) => s.title.startsWith("監査ログの固定点"));
    expect(ja?.lines).toEqual([`最新の固定点：2026/12/02 08:45、*${day2.count}* 件、ハッシュ \`${day2.hash}\``, `現在の監査ログ：${day2.count} 件`]);
    expect(ja?.title).toBe("監査ログの固定点（規程第27条・当社の管理策）");
    const en = (await digest(jst("2026-12-07T09:00:00"), "en")).sections.find((s) => s.title.startsWith("Audit log anchor"));
    expect(en?.lines).toEqual([
      `Latest anchor: 02/12/2026, 08:45, *${day2.count}* entries, hash \`${day2.hash}\``,
      ":warning: The latest anchor is 5 days old (one is due every day).",
      `The audit log now: ${day2.count} entries`,
    ]);
    // and it is in the digest the weekly job posts
    clock.set(jst("2026-12-07T09:00:00"));
    await h.bot.scheduler.runAt("compliance.digest", jst("2026-12-07T09:00:00"));
    await drain(h, clock);
    const posted = h.fake.messages(COMPLIANCE).find((m) => JSON.stringify(m.blocks ?? []).includes("個人情報保護ダイジェスト"));
    expect(JSON.stringify(posted?.blocks)).toContain(`最新の固定点：2026/12/02 08:45、*${day2.count}* 件、ハッシュ \`${day2.hash}\``);
  });
});

describe("audit:verify --anchors slack", () => {
  it("reads the bot's latest anchor back from the channel (metadata asked for, pages followed) and says it checked up to it", async () => {
    // somebody else posts forged anchors later: not the bot's, so passed over
    for (const later of [100, 200])
      shim.others.push({
        channel: COMPLIANCE,
        ts: `${Number(day2.ts.split(".")[0]) + later}.000100`,
        user: ORG.people.employee,
        text: "fake",
        metadata: { event_type: "mamori_audit_anchor", event_payload: { count: 1, head: "0".repeat(64), at: new Date().toISOString(), day: "2026-12-03" } },
      });
    const r = await verify("--anchors", "slack");
    expect(r).toMatchObject({ code: 0, err: "" });
    const all = await entries(db());
    expect(r.out).toBe(
      `audit log OK: ${all.length} entries, head ${all.at(-1)!.hash} (checked up to the anchor posted 02/12/2026, 08:45 (channel ${COMPLIANCE}, ts ${day2.ts}))`,
    );
    expect(shim.requests.every((q) => q.include_all_metadata === "true" && q.channel === COMPLIANCE)).toBe(true);
    expect(shim.requests.length).toBeGreaterThan(1); // the latest anchor was on the second page
  });

  it("fails when the newest entries were deleted: which anchor, how many are missing", async () => {
    const gone = await deleteNewest(db(), 3);
    expect(await verifyChain(db().prisma)).toMatchObject({ ok: true }); // the chain alone cannot tell
    const r = await verify("--anchors", "slack", "--lang", "ja");
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `監査ログが固定点 2026/12/02 08:45 の投稿（チャンネル ${COMPLIANCE}、ts ${day2.ts}） と一致しません：固定点では ${day2.count} 件でしたが、いまは ${day2.count - 3} 件です（第${day2.count - 2}件から第${day2.count}件までが削除されています）`,
    );
    await restore(db(), gone);
  });

  it("fails when the tail was rewritten with recomputed hashes; the next day's job warns instead of anchoring over it", async () => {
    await rewriteTail(db(), 2, { note: "rewritten" });
    expect(await verifyChain(db().prisma)).toMatchObject({ ok: true, entries: day2.count });
    const r = await verify("--anchors", "slack");
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      new RegExp(
        `^audit log does not match the anchor posted 02/12/2026, 08:45 \\(channel ${COMPLIANCE}, ts ${day2.ts}\\): entry ${day2.count} has hash [0-9a-f]{64}, the anchor recorded ${day2.hash} \\(entries up to ${day2.count} were rewritten\\)$`,
      ),
    );

    const job = await run("2026-12-03T08:45:00");
    expect(job.result).toMatchObject({ posted: 1, broken: true });
    expect(await db().prisma.auditAnchor.count()).toBe(2); // nothing anchored over the rewrite
    const warning = h.fake.messages(COMPLIANCE).at(-1)!;
    expect(warning.text).toContain("監査ログの検証に失敗しました");
    expect(warning.text).toContain(`第${day2.count}件のハッシュは固定点では ${day2.hash}`);
    // and the CLI still reads the bot's latest real anchor, not the warning
    expect((await verify("--anchors", "slack")).out).toContain(`ts ${day2.ts}`);
  });

  it("fails when the channel holds no anchor of the bot's, and says Slack's error when Slack refuses", async () => {
    const none = await verify("--anchors", "slack", "--channel", "C0ELSEWHERE");
    expect(none).toMatchObject({ code: 1, out: expect.stringMatching(/^no anchor posted by the bot found in channel C0ELSEWHERE \(0 messages read\)/) });
    let err = "";
    const code = await verifyCommand(
      db(),
      ["verify", "--anchors", "slack"],
      { SLACK_BOT_TOKEN: "xoxp-not-a-bot", SLACK_API_URL: shim.apiUrl },
      { out: () => undefined, err: (s) => (err += s) },
    );
    expect(code).toBe(2);
    expect(err).toContain("Slack's auth.test failed: not_authed");
  });
});
