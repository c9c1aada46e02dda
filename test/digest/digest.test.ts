// The compliance digest: weekly to the compliance channel (once per slot) and on demand
// with /privacy digest; what it counts, what it lists, who may see it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { digestBlocks } from "../../src/digest/build.js";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { decideWithReason, fileRequest, parentShows, press } from "../support/flow.js";
import { drain, jst, until } from "../support/clock.js";

const { employee, manager, chief, compliance, auditor } = ORG.people;
const COMPLIANCE = ORG.channels.compliance;

let h: Harness;
const clock = new ManualClock(jst("2026-11-16T10:00:00"));

const digestPosts = () => h.fake.messages(COMPLIANCE).filter((m) => JSON.stringify(m.blocks ?? []).includes("個人情報保護ダイジェスト"));

let old: Awaited<ReturnType<typeof fileRequest>>;
let rejected: Awaited<ReturnType<typeof fileRequest>>;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  // filed the week before: still waiting at stage 1
  old = await fileRequest(h, employee, "purpose");
  await drain(h, clock);
  clock.set(jst("2026-11-24T10:00:00"));
  rejected = await fileRequest(h, employee, "method");
  await drain(h, clock);
  await decideWithReason(h, manager, rejected.parent, RequestActions.reject, "目的が不明確です");
  await parentShows(h, rejected.parent, "却下を確定");
  // a manager's rejection waits for the chief (規程 第4条3項): the chief confirms it
  await decideWithReason(h, chief, rejected.parent, RequestActions.reject, "同意します");
  await parentShows(h, rejected.parent, ":no_entry:");
  const approved = await fileRequest(h, employee, "provide");
  await drain(h, clock);
  await press(h, manager, approved.parent, RequestActions.approve);
  await parentShows(h, approved.parent, "第2段階");
  await press(h, chief, approved.parent, RequestActions.approve);
  await parentShows(h, approved.parent, "承認済み");
  await drain(h, clock);
});
afterAll(async () => h?.close());

describe("the weekly compliance digest", () => {
  it("posts on Monday 09:00 what the week brought and what is open, with links, once", async () => {
    clock.set(jst("2026-11-30T09:00:00"));
    const r = await h.bot.scheduler.runAt("compliance.digest", jst("2026-11-30T09:00:00"));
    expect(r.result).toMatchObject({ posted: 1, to: "channel" });
    await drain(h, clock);
    const posts = digestPosts();
    expect(posts).toHaveLength(1);
    const shown = JSON.stringify(posts[0]!.blocks);
    expect(shown).toContain("個人情報保護ダイジェスト（2026/11/23〜2026/11/29）");
    expect(shown).toContain("提出 *2* 件"); // the week's two; the older one was filed the week before
    expect(shown).toContain("最終承認 *1* 件");
    expect(shown).toContain("却下 *1* 件");
    expect(shown).toContain("現在の未決：第1段階 *1* 件・第2段階 *0* 件・措置実施中 *1* 件");
    // the oldest open request, with its age and a link to its thread; overdue since it waited past 2 business days
    expect(shown).toContain(`archives/${old.parent.channel}/p${old.parent.ts.replace(".", "")}|${old.code}>`);
    expect(shown).toMatch(/第1段階・\d+営業日・:warning: 期限超過/);
    expect(shown).toContain("承認が遅れている届出 *1* 件");

    // the same slot again (another replica, a restart): nothing more
    expect((await h.bot.scheduler.runAt("compliance.digest", jst("2026-11-30T09:00:00"))).ran).toBe(false);
    await drain(h, clock);
    expect(digestPosts()).toHaveLength(1);
  });
});

describe("/privacy digest", () => {
  it("shows compliance the same digest for the last 7 days, ephemerally", async () => {
    clock.set(jst("2026-11-30T11:00:00"));
    await h.slack.command(compliance, "/privacy", "digest");
    const e = await until(
      () => h.fake.ephemerals(compliance),
      (x) => x.some((m) => JSON.stringify(m.blocks ?? []).includes("ダイジェスト")),
    );
    const shown = JSON.stringify(e.at(-1)!.blocks);
    expect(shown).toContain("届出");
    expect(shown).toContain("現在の未決");
  });

  it("a month for the audit lead; an unknown period and a person without the role are told why", async () => {
    await h.slack.command(auditor, "/privacy", "digest month");
    await until(
      () => h.fake.ephemerals(auditor),
      (x) => x.some((m) => JSON.stringify(m.blocks ?? []).includes("2026/10/31〜2026/11/30")),
    );
    await h.slack.command(compliance, "/privacy", "digest year");
    await until(
      () => h.fake.ephemerals(compliance),
      (x) => x.some((m) => m.text.includes("「year」は期間として使えません")),
    );
    await h.slack.command(employee, "/privacy", "digest");
    await until(
      () => h.fake.ephemerals(employee),
      (x) => x.some((m) => m.text.includes("ダイジェストを見られるのは")),
    );
  });

  it("leaves out sections without content, and says so when none has any", async () => {
    const empty = await startHarness({ clock, fake: { clock } });
    try {
      await empty.slack.command(compliance, "/privacy", "digest");
      const e = await until(
        () => empty.fake.ephemerals(compliance),
        (x) => x.some((m) => JSON.stringify(m.blocks ?? []).includes("ダイジェスト")),
      );
      const shown = JSON.stringify(e.at(-1)!.blocks);
      expect(shown).not.toContain("*届出*"); // no request filed, none open
      expect(shown).not.toContain("期限を過ぎた事項");
    } finally {
      await empty.close();
    }
    const { text, blocks } = digestBlocks([], jst("2026-11-23T00:00:00"), jst("2026-11-30T00:00:00"), "ja", "Asia/Tokyo");
    expect(text).toBe("個人情報保護ダイジェスト 2026/11/23〜2026/11/29：0項目");
    expect(JSON.stringify(blocks)).toContain("この期間に報告する事項はありません");
  });
});

describe("the digest within Slack's 50 blocks", () => {
  it("keeps every section's title when one section is long, and says what was cut", () => {
    const long = {
      order: 30,
      title: "研修",
      lines: Array.from({ length: 900 }, (_, i) => `• 部署${i}：受講率 ${i % 100}%（未受講 ${"山田 太郎、".repeat(40)}）`),
    };
    const after = { order: 50, title: "委託先", lines: ["点検期限切れ 1件"] };
    const { blocks } = digestBlocks(
      [{ order: 10, title: "届出", lines: ["提出 *1* 件"] }, long, after],
      jst("2026-11-23T00:00:00"),
      jst("2026-11-30T00:00:00"),
      "ja",
      "Asia/Tokyo",
    );
    expect(blocks.length).toBeLessThanOrEqual(50);
    const shown = JSON.stringify(blocks);
    expect(shown).toContain("*研修*");
    expect(shown).toContain("*委託先*");
    expect(shown).toContain("点検期限切れ 1件");
    expect(shown).toMatch(/続き \d+ ブロック分を省略しました/);
  });
});
