// Helpers for driving the local Slack page (src/local/web) in Chromium with playwright-core:
// finding Debian's Chromium, and the few things a person does on the page (switch persona,
// open a channel, type in the composer, fill a modal, press a button and confirm).
// playwright-core has no `expect`: waits are Playwright's auto-waiting locators plus
// vitest's expect.poll, never fixed sleeps.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import type { SimpleInputs } from "../../src/platform/slack/fake/index.js";

export const CHROMIUM_REQUIRED = "Chromium is required (apt-get install chromium fonts-noto-cjk)";

/** Debian's Chromium: /usr/bin/chromium, else `chromium` on PATH; undefined when there is none. */
export function findChromium(): string | undefined {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    const found = execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim();
    return found && fs.existsSync(found) ? found : undefined;
  } catch {
    return undefined;
  }
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--font-render-hinting=none",
      "--lang=ja-JP",
    ],
  });
}

/** Polls until the locator's text matches (Playwright's auto-wait for text, which playwright-core lacks). */
export async function expectText(locator: Locator, expected: string | RegExp, timeout = 15_000): Promise<void> {
  const matcher = typeof expected === "string" ? expect.stringContaining(expected) : expect.stringMatching(expected);
  await expect.poll(async () => ((await locator.count()) > 0 ? await locator.first().innerText() : ""), { timeout, interval: 50 }).toEqual(matcher);
}

export async function expectCount(locator: Locator, n: number, timeout = 15_000): Promise<void> {
  await expect.poll(() => locator.count(), { timeout, interval: 50 }).toBe(n);
}

/** The local Slack page as one person sees it. */
export class LocalSlackPage {
  private step = 0;

  constructor(
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  byTestId(id: string, root: Page | Locator = this.page): Locator {
    return root.locator(`[data-testid="${id}"]`);
  }

  /** Top-level messages of the channel pane (not the thread pane). */
  channelMessages(): Locator {
    return this.page.locator('#messages [data-testid="message"]');
  }

  channelEphemerals(): Locator {
    return this.page.locator('#messages [data-testid="ephemeral"]');
  }

  /** The top-level message whose text contains `text`. */
  channelMessage(text: string | RegExp): Locator {
    return this.channelMessages().filter({ hasText: text });
  }

  threadPane(): Locator {
    return this.byTestId("thread-pane");
  }

  threadMessages(): Locator {
    return this.threadPane().locator('[data-testid="message"]');
  }

  modal(): Locator {
    return this.page.locator('[data-testid="modal"]:not([hidden])');
  }

  inputBlock(blockId: string): Locator {
    return this.modal().locator(`[data-testid="input-block"][data-block-id="${blockId}"]`);
  }

  /** Switches persona with the select at the top, as a person would, and waits for the page to show them. */
  async switchTo(userId: string, name: string): Promise<void> {
    const loaded = this.page.waitForResponse((r) => {
      const u = new URL(r.url());
      return u.pathname === "/local/api/state" && u.searchParams.get("as") === userId;
    });
    await this.byTestId("persona-switcher").selectOption(userId);
    await (await loaded).finished();
    await expectText(this.byTestId("me-card"), name);
    await expect.poll(() => this.page.evaluate(() => new URL(location.href).searchParams.get("as")), { timeout: 5_000 }).toBe(userId);
  }

  async openChannel(id: string): Promise<void> {
    await this.page.locator(`[data-testid="channel-link"][data-channel-id="${id}"]`).click();
    await expect
      .poll(() => this.page.locator(`[data-testid="channel-link"][data-channel-id="${id}"]`).getAttribute("aria-current"), { timeout: 5_000 })
      .toBe("page");
    // the state of this channel has arrived (the intro is there once the pane is rendered)
    await this.page.locator("#messages .chan-intro").waitFor();
  }

  /** Fills a modal's input blocks from block_id -> value, whatever kind of input each block holds. */
  async fillModal(inputs: SimpleInputs): Promise<void> {
    for (const [blockId, value] of Object.entries(inputs)) await this.fillInput(blockId, value);
  }

  async fillInput(blockId: string, value: SimpleInputs[string]): Promise<void> {
    const block = this.inputBlock(blockId);
    await block.waitFor();
    const type = (await block.getAttribute("data-input-type")) ?? "";
    const values = value === null || value === undefined ? [] : Array.isArray(value) ? value.map(String) : [String(value)];
    switch (type) {
      case "plain_text_input":
      case "datepicker":
      case "timepicker":
        await block.locator('[data-role="value"]').fill(values[0] ?? "");
        break;
      case "static_select":
      case "external_select":
      case "users_select":
      case "conversations_select":
      case "channels_select":
        await block.locator('[data-role="value"]').selectOption(values[0] ?? "");
        break;
      case "radio_buttons":
        if (values[0] !== undefined) await block.locator(`input[type="radio"][value="${values[0]}"]`).check();
        break;
      default: {
        // checkboxes and multi-selects: one checkbox per option
        const boxes = block.locator('input[type="checkbox"]');
        for (let i = 0; i < (await boxes.count()); i++) {
          const box = boxes.nth(i);
          const want = values.includes((await box.getAttribute("value")) ?? "");
          if ((await box.isChecked()) !== want) await box.setChecked(want);
        }
      }
    }
  }

  /** Presses a Block Kit button; when it asks for a confirmation, checks the dialog and confirms. */
  async press(button: Locator, confirmTitle?: string | RegExp): Promise<void> {
    await button.waitFor();
    const asks = (await button.getAttribute("data-confirm")) !== null;
    await button.click();
    if (!asks) return;
    const dialog = this.byTestId("confirm-dialog");
    await dialog.waitFor();
    if (confirmTitle) await expectText(dialog, confirmTitle);
    await this.byTestId("confirm-ok", dialog).click();
    await dialog.waitFor({ state: "hidden" });
  }

  /** Resolves once the page has fetched its state again after the next answer of `apiPath` (what a post is followed by). */
  async refreshAfter(apiPath: string): Promise<void> {
    await this.page.waitForResponse((r) => new URL(r.url()).pathname === apiPath);
    const state = await this.page.waitForResponse((r) => new URL(r.url()).pathname === "/local/api/state");
    await state.finished();
  }

  /** Whether `inner` is shown within the visible box of the scrolling `outer` (e.g. a field error in the modal's body). */
  async isInside(inner: Locator, outer: Locator): Promise<boolean> {
    const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
    return Boolean(a && b && a.height > 0 && a.y >= b.y && a.y + a.height <= b.y + b.height);
  }

  /** Full-page screenshot test-artifacts/browser/NN-name.png; returns its path. */
  async shot(name: string): Promise<string> {
    this.step += 1;
    const file = path.join(this.shotsDir, `${String(this.step).padStart(2, "0")}-${name}.png`);
    // fonts and pending re-renders settle before the picture is taken
    await this.page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r(null)))));
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}
