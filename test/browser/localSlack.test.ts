// The local Slack in a real browser (playwright-core driving Debian's Chromium): the whole
// approval of a third-party provision request, clicked through the page as each person.
// 山田 files it (one field error from the bot first), 田中 presses 承認 and is refused,
// 鈴木 approves stage 1, 佐藤 approves stage 2 and ticks the measures, and 山田 sees the
// request effective in the DM and on App Home. Screenshots of each step go to
// test-artifacts/browser/; docs/local-slack.png is (re)written when it is missing or
// UPDATE_DOCS_SCREENSHOT=1.
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
const SHOTS = path.join(ROOT, "test-artifacts", "browser");
const DOCS_SHOT = path.join(ROOT, "docs", "local-slack.png");

const YAMADA = { id: "U0YAMADA", name: "山田 太郎" }; // 営業部 個人情報取扱担当者
const TANAKA = { id: "U0TANAKA", name: "田中 一郎" }; // 営業部, no role
const SUZUKI = { id: "U0SUZUKI", name: "鈴木 花子" }; // 営業部 個人情報管理者
const SATO = { id: "U0SATO", name: "佐藤 健" }; // 個人情報管理責任者
const APPROVALS = "C0APPROVALS";
const GENERAL = "C0GENERAL";

// what the bot says (src/requests/messages.ts, src/requests/kinds/messages.ts)
const STATUS = {
  stage1: "第1段階：個人情報管理者の確認待ち",
  stage2: "第2段階：個人情報管理責任者の承認待ち",
  approved: "承認済み：必要な措置の実施中",
  effective: "有効：措置完了（活動を開始できます）",
};
const HEADCOUNT_ERROR = "人数は1以上の整数を半角数字で入力してください（例：1200）";
const NOT_APPROVER = "この段階を判断できるのは";

const chromiumPath = findChromium();
const required = process.env.REQUIRE_BROWSER === "1";
const skip = !chromiumPath && !required;
const SKIPPED = "skipped: no Chromium at /usr/bin/chromium or on PATH (apt-get install chromium fonts-noto-cjk; REQUIRE_BROWSER=1 makes this a failure)";
if (skip) console.warn(`test/browser/localSlack.test.ts: ${SKIPPED}`);
const title = skip ? `local Slack in a browser (${SKIPPED})` : "local Slack in a browser (Chromium)";

describe.skipIf(skip)(title, () => {
  let dir: string;
  let db: Awaited<ReturnType<typeof testDatabase>> | undefined;
  let run: LocalRun | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let slack: LocalSlackPage;
  let base: string;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error(CHROMIUM_REQUIRED);
    fs.mkdirSync(SHOTS, { recursive: true });
    for (const f of fs.readdirSync(SHOTS)) if (f.endsWith(".png")) fs.rmSync(path.join(SHOTS, f));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-browser-"));
    db = await testDatabase();
    const port = await freePort();
    const config = loadConfig({ PORT: String(port), PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" });
    expect(config.mode).toBe("local");
    run = await startLocal(config, { log: silentLogger, database: db, outboxPollMs: 50 });
    base = `http://127.0.0.1:${port}`;
    browser = await launchChromium(chromiumPath);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    slack = new LocalSlackPage(page, SHOTS);
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await run?.stop();
    await db?.dispose();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("walks a third-party provision request from filing to effective, as each person", async () => {
    const { page } = slack;
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));

    // ---- 1. the page, as 山田 -------------------------------------------------------------
    await page.goto(`${base}/`);
    await slack.byTestId("persona-switcher").waitFor();
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.openChannel(GENERAL);

    // ---- 2. /privacy request provide: the usage hint, the modal, a field error from the bot ----
    const composer = slack.byTestId("composer");
    await composer.click();
    await composer.pressSequentially("/privacy");
    const hint = slack.byTestId("command-hint");
    await hint.waitFor();
    await expectText(hint, "/privacy");
    await expectText(hint, "request");
    await slack.shot("command-hint");
    await composer.pressSequentially(" request provide");
    await expectText(hint, "使い方");
    await composer.press("Enter");
    await hint.waitFor({ state: "hidden" });

    const modal = slack.modal();
    await modal.waitFor();
    await expectText(modal.locator(".modal-title"), "届出の作成");
    await expectText(modal, "第三者提供");
    // everything valid but the headcount, which only the bot's zod schema refuses
    await slack.fillModal({ ...VALID_INPUTS.provide, headcount: "四十人" });
    const refreshed = slack.refreshAfter("/local/api/submit");
    refreshed.catch(() => undefined); // awaited below; no unhandled rejection when an earlier step fails
    await slack.byTestId("modal-submit", modal).click();
    const headcountError = slack.inputBlock("headcount").locator('[data-testid="field-error"]');
    await headcountError.waitFor();
    await expectText(headcountError, HEADCOUNT_ERROR);
    // the modal scrolls up to it, so the person sees it, and stays there when the page refreshes
    await refreshed;
    await expect.poll(() => slack.isInside(headcountError, modal.locator(".modal-body")), { timeout: 5_000 }).toBe(true);
    // only that field is marked
    await expectCount(modal.locator('[data-testid="field-error"]:not([hidden])'), 1);
    expect(await slack.inputBlock("headcount").getAttribute("class")).toContain("has-error");
    await slack.shot("modal-field-error");

    await slack.fillInput("headcount", "40");
    await slack.byTestId("modal-submit", modal).click();
    await slack.byTestId("modal").first().waitFor({ state: "detached" });
    await slack.shot("modal-closed");

    // ---- 3. the request in the approvals channel; 田中 is refused -------------------------------
    await slack.openChannel(APPROVALS);
    const request = slack.channelMessage(/PRV-\d{4}-\d{4}/);
    await request.waitFor();
    const code = /PRV-\d{4}-\d{4}/.exec(await request.innerText())![0];
    await expectText(request, STATUS.stage1);
    await expectText(request, "東都損害保険株式会社");
    await expectText(request, "約40人");
    const topLevel = await slack.channelMessages().count();
    await slack.shot("request-posted");

    await slack.switchTo(TANAKA.id, TANAKA.name);
    await request.waitFor();
    await slack.press(request.locator("button.bk-btn", { hasText: /^承認$/ }), "承認しますか？");
    const refusal = slack.channelEphemerals().filter({ hasText: NOT_APPROVER });
    await refusal.waitFor();
    await expectText(refusal, "あなただけに表示されています");
    await expectText(request, STATUS.stage1); // nothing changed
    await slack.shot("refused-press-tanaka");

    // ---- 4. 鈴木 does not see 田中's refusal, and approves stage 1 -------------------------------
    await slack.switchTo(SUZUKI.id, SUZUKI.name);
    await request.waitFor();
    await expectText(request, STATUS.stage1);
    await expectCount(slack.channelEphemerals(), 0);
    await slack.press(request.locator("button.bk-btn", { hasText: /^承認$/ }), "承認しますか？");
    await expectText(request, STATUS.stage2);
    // edited in place: no new top-level message
    await expectCount(slack.channelMessages(), topLevel);
    await expectCount(slack.channelEphemerals(), 0);
    const replies = request.locator('[data-testid="replies-link"]');
    await replies.waitFor();
    await replies.click();
    const thread = slack.threadPane();
    await thread.waitFor();
    await expectText(thread, `${SUZUKI.name} さんが第1段階を承認しました`);
    await expectText(thread.locator('[data-testid="message"]').first(), code);
    await slack.shot("stage1-approved-thread");

    // ---- 5. 佐藤 approves stage 2 in the thread and ticks every measure -----------------------------
    await slack.switchTo(SATO.id, SATO.name);
    await thread.waitFor(); // the thread stays open for the next person
    const parentInThread = thread.locator('[data-testid="message"]').first();
    await expectText(parentInThread, STATUS.stage2);
    await slack.press(parentInThread.locator("button.bk-btn", { hasText: /^承認$/ }), "承認しますか？");
    await expectText(request, STATUS.approved);
    await expectText(thread, `${SATO.name} さんが最終承認しました`);
    const checklist = slack.threadMessages().filter({ hasText: "必要な措置（個人情報管理責任者が実施）" });
    await checklist.waitFor();
    const doneButtons = checklist.locator("button.bk-btn", { hasText: /^完了にする$/ });
    const measures = await doneButtons.count();
    expect(measures).toBe(2); // consent basis, provision record (domestic, with consent)
    await expectText(checklist, `0/${measures} 完了`);
    await slack.shot("stage2-approved-checklist");
    for (let left = measures; left > 0; left--) {
      await slack.press(doneButtons.first());
      await expectCount(doneButtons, left - 1);
      await expectText(checklist, `${measures - left + 1}/${measures} 完了`);
      if (left === measures) {
        // the picture for the README: the request's status in the channel, the checklist half
        // done in the thread (one ticked by 佐藤, one button still to press)
        await expectText(request, STATUS.approved);
        const file = await slack.shot("first-measure-done");
        if (!fs.existsSync(DOCS_SHOT) || process.env.UPDATE_DOCS_SCREENSHOT === "1") fs.copyFileSync(file, DOCS_SHOT);
      }
    }
    await expectText(checklist, `完了：@${SATO.name}`);
    await expectText(request, STATUS.effective);
    await expectText(thread, "すべての措置が完了し、届出は有効になりました");
    await expectCount(slack.channelMessages(), topLevel);
    await slack.shot("measures-done-effective");

    // ---- 6. 山田 sees it effective in the DM and on App Home -----------------------------------------
    await slack.switchTo(YAMADA.id, YAMADA.name);
    await slack.byTestId("dm-link").click();
    const effectiveDm = slack
      .channelMessages()
      .filter({ hasText: `届出 ${code}` })
      .filter({ hasText: "活動を開始できます" });
    await effectiveDm.waitFor();
    await expectText(effectiveDm, "必要な措置がすべて完了しました");
    await slack.shot("dm-effective");

    await slack.byTestId("home-tab").click();
    const home = slack.byTestId("home");
    await expectText(home, code);
    const line = home.locator(".blk-section").filter({ hasText: code });
    await expectText(line, STATUS.effective);
    await slack.shot("app-home-effective");

    expect(errors).toEqual([]);
  }, 120_000);
});
