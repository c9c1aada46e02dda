// The local Slack does not mislead (issue 16), in a real browser (playwright-core driving
// Debian's Chromium): private channels show a lock and only their members see them; the ⚡
// menu lists the app's global shortcuts, so the incident shortcut can be tried; ephemeral
// messages vanish on reload; the page's own words follow the persona's language and dates
// and times are written as Slack writes them for the locale. On the way it takes the
// screenshots issue 16 asks for (test-artifacts/issue16/): App Home, a revised request with
// its change, an earlier version in a modal, the incident card.
//
// Without Chromium the walk is skipped, unless REQUIRE_BROWSER=1 (CI), where it fails.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startLocal, type LocalRun } from "../../src/local/run.js";
import { silentLogger } from "../../src/platform/log.js";
import { testDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";
import { freePort } from "../support/harness.js";
import { CHROMIUM_REQUIRED, LocalSlackPage, expectCount, expectText, findChromium, launchChromium } from "./page.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SHOTS = path.join(ROOT, "test-artifacts", "issue16");

const YAMADA = { id: "U0YAMADA", name: "山田 太郎" }; // 営業部 個人情報取扱担当者
const SUZUKI = { id: "U0SUZUKI", name: "鈴木 花子" }; // 営業部 個人情報管理者
const SATO = { id: "U0SATO", name: "佐藤 健" }; // 個人情報管理責任者
const KATO = { id: "U0KATO", name: "加藤 恵" }; // 監査責任者
const EMILY = { id: "U0EMILY", name: "Emily Clark" }; // マーケティング部, Slack in English
const APPROVALS = "C0APPROVALS";
const INCIDENTS = "C0INCIDENTS";
const COMPLIANCE = "C0COMPLIANCE";
const GENERAL = "C0GENERAL";

const chromiumPath = findChromium();
const required = process.env.REQUIRE_BROWSER === "1";
const skip = !chromiumPath && !required;
const SKIPPED = "skipped: no Chromium at /usr/bin/chromium or on PATH (apt-get install chromium fonts-noto-cjk; REQUIRE_BROWSER=1 makes this a failure)";
if (skip) console.warn(`test/browser/issue16.test.ts: ${SKIPPED}`);
const title = skip ? `the local Slack does not mislead (${SKIPPED})` : "the local Slack does not mislead (Chromium)";

describe.skipIf(skip)(title, () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof testDatabase>> | undefined;
  let run: LocalRun | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let slack: LocalSlackPage;
  let base: string;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!chromiumPath) throw new Error(CHROMIUM_REQUIRED);
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) if (f.endsWith(".png")) fs.rmSync(path.join(SHOTS, f));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-browser16-"));
    db = await testDatabase();
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" });
    run = await startLocal(config, { log: silentLogger, database: db, outboxPollMs: 50 });
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium(chromiumPath);
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    slack = new LocalSlackPage(page, SHOTS);
    await page.goto(`${base}/`);
    await slack.byTestId("persona-switcher").waitFor();
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await run?.stop();
    await db?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const channelLink = (id: string) => slack.page.locator(`[data-testid="channel-link"][data-channel-id="${id}"]`);

  it("private channels show a lock and only their members see them", async () => {
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await channelLink(APPROVALS).waitFor();
    await expectCount(channelLink(INCIDENTS), 0);
    await expectCount(channelLink(COMPLIANCE), 0);
    // the link to the channel, typed by hand, shows nothing of it
    await slack.page.goto(`${base}/?as=${YAMADA.id}&channel=${INCIDENTS}`);
    await expectText(slack.byTestId("channel-denied"), "非公開");
    await expectCount(slack.channelMessages(), 0);

    await slack.switchTo(SATO.id, SATO.name);
    await expectCount(channelLink(INCIDENTS).locator('[data-testid="lock"]'), 1);
    await expectCount(channelLink(COMPLIANCE).locator('[data-testid="lock"]'), 1);
    await expectCount(channelLink(APPROVALS).locator('[data-testid="lock"]'), 0);
    await expectText(channelLink(INCIDENTS), "privacy-incidents");
    // the audit lead is in the compliance channel, not the incidents one
    await slack.switchTo(KATO.id, KATO.name);
    await expectCount(channelLink(COMPLIANCE), 1);
    await expectCount(channelLink(INCIDENTS), 0);
  }, 60_000);

  it("ephemeral messages vanish on reload, as in Slack", async () => {
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.openChannel(GENERAL);
    const composer = slack.byTestId("composer");
    await composer.fill("/privacy help");
    await composer.press("Enter");
    await expectCount(slack.channelEphemerals(), 1);
    await expectText(slack.channelEphemerals(), "あなただけに表示されています");
    await slack.page.reload();
    await slack.page.locator("#messages .chan-intro").waitFor();
    await slack.byTestId("persona-switcher").waitFor();
    await expect.poll(() => slack.channelEphemerals().count(), { timeout: 5_000 }).toBe(0);
  }, 60_000);

  it("the page's own words follow the persona's language; dates and times as Slack writes them", async () => {
    await slack.switchTo(EMILY.id, EMILY.name);
    await expectText(slack.byTestId("channels-title"), "Channels");
    await expect.poll(() => slack.page.evaluate(() => document.documentElement.lang)).toBe("en");
    await slack.openChannel(GENERAL);
    const composer = slack.byTestId("composer");
    expect(await composer.getAttribute("placeholder")).toBe("Message #general");
    await composer.fill("/privacy help");
    await composer.press("Enter");
    const eph = slack.channelEphemerals();
    await expectText(eph, "Only visible to you");
    await expectText(slack.page.locator("#messages .day-divider").last(), "Today");
    await expectText(eph.locator("time").first(), /^\d{1,2}:\d{2} (AM|PM)$/);
    expect(await eph.locator("time").first().getAttribute("title")).toMatch(/^[A-Z][a-z]+ \d{1,2}(st|nd|rd|th), \d{4} at \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    await slack.shot("english-persona");
    // back to a Japanese persona: the page speaks Japanese again
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await expectText(slack.byTestId("channels-title"), "チャンネル");
    await expect.poll(() => slack.page.evaluate(() => document.documentElement.lang)).toBe("ja");
  }, 60_000);

  it("the ⚡ menu lists the incident shortcut; the report is filed from it and its card shown to the chief", async () => {
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.openChannel(GENERAL);
    await slack.byTestId("shortcut-button").click();
    const menu = slack.byTestId("shortcut-menu");
    await menu.waitFor();
    const item = slack.byTestId("shortcut-item").filter({ hasText: "個人情報の事故を報告" });
    await expectCount(item, 1);
    await slack.shot("shortcuts-menu");
    await item.click();
    const modal = slack.modal();
    await modal.waitFor();
    await expectText(modal.locator(".modal-title"), "個人情報の事故を報告");
    const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Tokyo" }).format(new Date());
    await slack.fillModal({
      summary: "顧客一覧を添付したメールを社外の1名に誤送信した",
      discoveredOn: today,
      discoveredTime: "00:00",
      data: "顧客の氏名・メールアドレス",
      affected: "100-1000",
      ongoing: "no",
      processor: "no",
      secrecy: "no",
    });
    await slack.byTestId("modal-submit", modal).click();
    // the app answers in the modal (received, with the incident's code); closing it
    await expectText(slack.modal(), /INC-\d{4}-\d{4}/);
    await slack.byTestId("modal-x", slack.modal()).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });

    // the chief sees the card in the private channel and assesses it
    await slack.switchTo(SATO.id, SATO.name);
    await slack.openChannel(INCIDENTS);
    const card = slack.channelMessage(/INC-\d{4}-\d{4}/);
    await card.waitFor();
    await slack.press(card.locator("button.bk-btn", { hasText: /^評価する$/ }));
    await slack.modal().waitFor();
    await slack.fillModal({ categories: [], encrypted: "no", affectedCount: "340", processor: "no", secrecy: "no" });
    await slack.byTestId("modal-submit", slack.modal()).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });
    await expectText(card, "人数（評価）");
    await expectText(card, "340人");
    await expectText(card, "報告時の見込み：100〜1,000人");
    await expectText(card, /あと\d/);
    // the card is re-rendered as the page refreshes: scroll to it once it holds still
    await expect.poll(() => card.evaluate((el) => (el.scrollIntoView({ block: "start" }), true)).catch(() => false), { timeout: 5_000 }).toBe(true);
    await slack.shot("incident-card");
  }, 90_000);

  it("a revised request shows what changed; version 1 opens in a modal; Home", async () => {
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.openChannel(GENERAL);
    const composer = slack.byTestId("composer");
    await composer.fill("/privacy request purpose");
    await composer.press("Enter");
    const modal = slack.modal();
    await modal.waitFor();
    await slack.fillModal(VALID_INPUTS.purpose);
    await slack.byTestId("modal-submit", modal).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });

    // 鈴木 sends it back
    await slack.switchTo(SUZUKI.id, SUZUKI.name);
    await slack.openChannel(APPROVALS);
    const request = slack.channelMessage(/PRV-\d{4}-\d{4}/).last();
    await request.waitFor();
    await slack.press(request.locator("button.bk-btn", { hasText: /^差し戻し$/ }));
    await slack.modal().waitFor();
    await slack.fillModal({ reason: "配信の対象を会員に限ってください" });
    await slack.byTestId("modal-submit", slack.modal()).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });

    // 山田 revises it from the DM
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.byTestId("dm-link").click();
    const back = slack.channelMessages().filter({ hasText: "差し戻されました" });
    await back.waitFor();
    await slack.press(back.locator("button.bk-btn", { hasText: /^修正して再提出$/ }));
    await slack.modal().waitFor();
    await slack.fillInput("purpose", "新サービスの案内メール配信（会員に限る）");
    await slack.byTestId("modal-submit", slack.modal()).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });

    // the reviewer sees what changed in the thread, and opens version 1
    await slack.switchTo(SUZUKI.id, SUZUKI.name);
    await slack.openChannel(APPROVALS);
    await request.locator('[data-testid="replies-link"]').click();
    const thread = slack.threadPane();
    await thread.waitFor();
    const diff = slack.threadMessages().filter({ hasText: "第1版からの変更点" });
    await diff.waitFor();
    await expectText(diff, "変更前「新サービスの案内メール配信」→ 変更後「新サービスの案内メール配信（会員に限る）」");
    await expect.poll(() => diff.evaluate((el) => (el.scrollIntoView({ block: "start" }), true)).catch(() => false), { timeout: 5_000 }).toBe(true);
    await slack.shot("revised-request-diff");
    await slack.press(diff.locator("button.bk-btn", { hasText: /^第1版を見る$/ }));
    const v1 = slack.modal();
    await v1.waitFor();
    await expectText(v1, "この版は第2版で修正されています");
    await expectText(v1, "新サービスの案内メール配信");
    await slack.shot("version-1-modal");
    await slack.byTestId("modal-x", v1).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });

    // Home, as the manager who decides it
    await slack.byTestId("dm-link").click();
    await slack.byTestId("home-tab").click();
    await expectText(slack.byTestId("home"), /PRV-\d{4}-\d{4}/);
    await slack.shot("app-home");
    expect(errors).toEqual([]);
  }, 120_000);
});
