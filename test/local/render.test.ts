// The local Slack page's Block Kit renderer: pure functions from blocks to HTML strings.
import { describe, expect, it } from "vitest";
import type { FakeEphemeral, FakeMessage, StoredView } from "../../src/local/protocol.js";
import {
  confirmData,
  dayKey,
  dayLabel,
  formatTime,
  parsePermalink,
  renderBlocks,
  renderEphemeral,
  renderHome,
  renderMessage,
  renderModal,
  renderMrkdwn,
  renderPlain,
  safeUrl,
  type ConfirmData,
  type RenderContext,
} from "../../src/local/web/render.js";

const BOT = "U0MAMORIBOT";
const ctx: RenderContext = {
  userNames: { [BOT]: "mamori", U0YAMADA: "山田 太郎", U0SUZUKI: "鈴木 花子" },
  channelNames: { C0APPROVALS: "privacy-approvals", C0GENERAL: "general" },
  botUserId: BOT,
  botName: "mamori",
  me: "U0SUZUKI",
  timeZone: "Asia/Tokyo",
};
const inMessage: RenderContext = { ...ctx, container: { type: "message", channel: "C0APPROVALS", ts: "1700000000.000100" } };
const inView: RenderContext = { ...ctx, container: { type: "view", viewId: "V0000000001" } };

const plain = (text: string) => ({ type: "plain_text", text, emoji: true });
const mrkdwn = (text: string) => ({ type: "mrkdwn", text });
const option = (text: string, value: string) => ({ text: plain(text), value });

// ---- tiny HTML helpers (no DOM in these tests) ------------------------------------------

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The opening tags that contain `needle` (e.g. `data-block-id="b1"`). */
function tags(html: string, needle: string): string[] {
  return [...html.matchAll(/<[a-z][^>]*>/g)].map((m) => m[0]).filter((t) => t.includes(needle));
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1]!) : undefined;
}

/** The whole element (balanced) whose opening tag is the first to contain `needle`. */
function element(html: string, needle: string): string {
  const open = [...html.matchAll(/<([a-z]+)\b[^>]*>/g)].find((m) => m[0].includes(needle));
  if (!open) throw new Error(`no element with ${needle}`);
  const name = open[1]!;
  const start = open.index!;
  const re = new RegExp(`<(/?)${name}\\b[^>]*>`, "g");
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].endsWith("/>")) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  throw new Error(`unbalanced <${name}>`);
}

/** The visible text of some HTML (tags dropped, entities decoded). */
const textOf = (html: string) => unescapeHtml(html.replace(/<br>/g, "\n").replace(/<[^>]+>/g, ""));

// ---- mrkdwn -------------------------------------------------------------------------------

describe("renderMrkdwn", () => {
  it("formats bold, italic, strike and inline code", () => {
    expect(renderMrkdwn("*太字* と _斜体_ と ~取消~ と `code`", ctx)).toBe('<b>太字</b> と <i>斜体</i> と <s>取消</s> と <code class="mk-code">code</code>');
  });

  it("bolds next to Japanese punctuation but leaves snake_case and 2*3*4 alone", () => {
    expect(renderMrkdwn("*新しい収集目的*（第4条）", ctx)).toBe("<b>新しい収集目的</b>（第4条）");
    expect(renderMrkdwn("request_kind_name", ctx)).toBe("request_kind_name");
    expect(renderMrkdwn("2*3*4", ctx)).toBe("2*3*4");
  });

  it("keeps code spans and pre blocks unformatted", () => {
    expect(renderMrkdwn("`*not bold*`", ctx)).toBe('<code class="mk-code">*not bold*</code>');
    const html = renderMrkdwn("前\n```\nline *1*\n<b>2</b>\n```\n後", ctx);
    expect(html).toBe('前<pre class="mk-pre">line *1*\n&lt;b&gt;2&lt;/b&gt;</pre>後');
  });

  it("quotes lines starting with > (also as Slack's &gt;) and >>> for the rest", () => {
    expect(renderMrkdwn("> 引用1\n&gt; 引用2\n本文", ctx)).toBe('<blockquote class="mk-quote">引用1<br>引用2</blockquote>本文');
    expect(renderMrkdwn("前\n>>> a\nb", ctx)).toBe('前<blockquote class="mk-quote">a<br>b</blockquote>');
  });

  it("turns newlines into <br>", () => {
    expect(renderMrkdwn("一行目\n二行目\r\n三行目", ctx)).toBe("一行目<br>二行目<br>三行目");
  });

  it("links <url|label>, <url> and bare URLs, decoding &amp; in the URL", () => {
    const html = renderMrkdwn("<https://example.com/a?x=1&amp;y=2|届出を開く> <https://example.com> 詳細 https://example.com/b.", ctx);
    const links = tags(html, "<a ");
    expect(links.map((t) => attr(t, "href"))).toEqual(["https://example.com/a?x=1&y=2", "https://example.com", "https://example.com/b"]);
    expect(links.every((t) => attr(t, "target") === "_blank" && attr(t, "rel") === "noopener noreferrer")).toBe(true);
    expect(textOf(html)).toBe("届出を開く https://example.com 詳細 https://example.com/b.");
  });

  it("does not link javascript: URLs", () => {
    const html = renderMrkdwn("<javascript:alert(1)|押して>", ctx);
    expect(html).not.toContain("<a");
    expect(html).not.toContain("href");
  });

  it("shows <@U…> as @display name from the lookup, highlighting the viewer", () => {
    const html = renderMrkdwn("<@U0YAMADA> さん、<@U0SUZUKI> さん、<@U0NOBODY|nobody> さん", ctx);
    expect(textOf(html)).toBe("@山田 太郎 さん、@鈴木 花子 さん、@nobody さん");
    expect(tags(html, 'data-user-id="U0SUZUKI"')[0]).toContain("mk-mention-me");
    expect(tags(html, 'data-user-id="U0YAMADA"')[0]).not.toContain("mk-mention-me");
    expect(textOf(renderMrkdwn("<@U0UNKNOWN>", ctx))).toBe("@U0UNKNOWN");
  });

  it("shows channels, @here and dates", () => {
    const html = renderMrkdwn("<#C0APPROVALS|privacy-approvals> <#C0GENERAL> <!here> <!channel> <!date^1700000000^{date}|2023年11月15日>", ctx);
    expect(textOf(html)).toBe("#privacy-approvals #general @here @channel 2023年11月15日");
    expect(tags(html, "data-channel-link").map((t) => attr(t, "data-channel-link"))).toEqual(["C0APPROVALS", "C0GENERAL"]);
  });

  it("decodes Slack's &amp; &lt; &gt; once and escapes the result", () => {
    expect(renderMrkdwn("A &amp; B &lt;tag&gt; &amp;lt;", ctx)).toBe("A &amp; B &lt;tag&gt; &amp;lt;");
    expect(textOf(renderMrkdwn("A &amp; B &lt;tag&gt; &amp;lt;", ctx))).toBe("A & B <tag> &lt;");
  });

  it("escapes a <script> in the text", () => {
    const html = renderMrkdwn('<script>alert("x")</script> <img src=x onerror=alert(1)>', ctx);
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(textOf(html)).toBe('<script>alert("x")</script> <img src=x onerror=alert(1)>');
  });

  it("shows known emoji codes and keeps unknown ones and times as typed", () => {
    expect(renderMrkdwn(":white_check_mark: 完了 :hourglass_flowing_sand: :no_such_emoji: 10:00:00", ctx)).toBe("✅ 完了 ⏳ :no_such_emoji: 10:00:00");
  });
});

describe("renderPlain", () => {
  it("escapes, keeps line breaks, shows emoji and never formats", () => {
    expect(renderPlain("*そのまま* <b>x</b> & :warning:\n次")).toBe("*そのまま* &lt;b&gt;x&lt;/b&gt; &amp; ⚠️<br>次");
  });

  it("ignores emoji: true (a plain_text object renders the same either way)", () => {
    expect(renderBlocks([{ type: "header", text: { type: "plain_text", text: "見出し", emoji: true } }], ctx)).toBe(
      renderBlocks([{ type: "header", text: { type: "plain_text", text: "見出し" } }], ctx),
    );
  });
});

// ---- blocks ---------------------------------------------------------------------------------

describe("renderBlocks: layout blocks", () => {
  it("header, section text, divider and context (text and images)", () => {
    const html = renderBlocks(
      [
        { type: "header", block_id: "h", text: plain("PRV-2026-0001 新しい収集目的") },
        { type: "section", text: mrkdwn("*件名*") },
        { type: "divider" },
        { type: "context", elements: [{ type: "image", image_url: "https://example.com/i.png", alt_text: "アイコン" }, mrkdwn("履歴 <@U0YAMADA>")] },
      ],
      ctx,
    );
    expect(element(html, "blk-header")).toContain('<h3 class="blk-header-text">PRV-2026-0001 新しい収集目的</h3>');
    expect(element(html, "blk-section")).toContain("<b>件名</b>");
    expect(element(html, "blk-divider")).toContain("<hr>");
    const context = element(html, "blk-context");
    expect(attr(tags(context, "ctx-img")[0]!, "src")).toBe("https://example.com/i.png");
    expect(attr(tags(context, "ctx-img")[0]!, "alt")).toBe("アイコン");
    expect(textOf(context)).toBe("履歴 @山田 太郎");
  });

  it("section fields in a two-column grid", () => {
    const html = renderBlocks([{ type: "section", fields: [mrkdwn("*届出者*\n<@U0YAMADA>"), mrkdwn("*部署*\n営業部"), plain("版 1")] }], ctx);
    const fields = element(html, "sec-fields");
    expect(tags(fields, 'sec-field"')).toHaveLength(3);
    expect(fields).toContain("<b>届出者</b><br>");
    expect(textOf(fields)).toContain("版 1");
  });

  it("section accessories: button, select, datepicker, overflow, image", () => {
    const section = (accessory: object) => renderBlocks([{ type: "section", block_id: "s", text: mrkdwn("本文"), accessory }], inMessage);
    const button = section({ type: "button", action_id: "tick", text: plain("完了"), value: "v1", style: "primary" });
    expect(element(button, "sec-accessory")).toContain(">完了</button>");
    const select = section({ type: "static_select", action_id: "pick", placeholder: plain("種類を選ぶ"), options: [option("目的", "purpose")] });
    expect(tags(select, "<select")[0]).toContain('data-action-id="pick"');
    const date = section({ type: "datepicker", action_id: "d", initial_date: "2026-12-01" });
    expect(attr(tags(date, 'type="date"')[0]!, "value")).toBe("2026-12-01");
    const overflow = section({ type: "overflow", action_id: "more", options: [option("編集", "edit"), option("削除", "delete")] });
    expect(tags(overflow, "data-option-value").map((t) => attr(t, "data-option-value"))).toEqual(["edit", "delete"]);
    const image = section({ type: "image", image_url: "https://example.com/a.png", alt_text: "図" });
    expect(attr(tags(image, "bk-image-el")[0]!, "alt")).toBe("図");
  });

  it("image block with title; rich_text sections, lists, quotes and preformatted", () => {
    const img = renderBlocks([{ type: "image", image_url: "https://example.com/x.png", alt_text: "図1", title: plain("フロー図") }], ctx);
    expect(img).toContain("<figcaption>フロー図</figcaption>");
    expect(attr(tags(img, "<img")[0]!, "src")).toBe("https://example.com/x.png");
    expect(renderBlocks([{ type: "image", image_url: "javascript:alert(1)", alt_text: "x" }], ctx)).not.toContain("javascript:");

    const rich = renderBlocks(
      [
        {
          type: "rich_text",
          elements: [
            {
              type: "rich_text_section",
              elements: [
                { type: "text", text: "太字", style: { bold: true } },
                { type: "text", text: " と " },
                { type: "user", user_id: "U0YAMADA" },
                { type: "link", url: "https://example.com", text: "リンク" },
                { type: "emoji", name: "wave" },
              ],
            },
            { type: "rich_text_list", style: "ordered", elements: [{ type: "rich_text_section", elements: [{ type: "text", text: "一" }] }] },
            { type: "rich_text_quote", elements: [{ type: "text", text: "引用" }] },
            { type: "rich_text_preformatted", elements: [{ type: "text", text: "<code>" }] },
          ],
        },
      ],
      ctx,
    );
    expect(rich).toContain("<b>太字</b>");
    expect(textOf(rich)).toContain("@山田 太郎");
    expect(rich).toContain('href="https://example.com"');
    expect(rich).toContain("👋");
    expect(rich).toMatch(/<ol class="rt-list[^"]*"><li>一<\/li><\/ol>/);
    expect(rich).toContain('<blockquote class="mk-quote">引用</blockquote>');
    expect(rich).toContain('<pre class="mk-pre">&lt;code&gt;</pre>');
  });

  it("an unknown block shows a placeholder instead of failing", () => {
    expect(textOf(renderBlocks([{ type: "video" }], ctx))).toBe("[未対応のブロック: video]");
  });
});

describe("renderBlocks: actions and their data-* attributes", () => {
  const actions = {
    type: "actions",
    block_id: "decide-3",
    elements: [
      {
        type: "button",
        action_id: "request-approve",
        text: plain("承認"),
        value: '{"id":"r1","rev":3}',
        style: "primary",
        confirm: { title: plain("承認しますか？"), text: plain("PRV-2026-0001 を承認します。"), confirm: plain("はい"), deny: plain("キャンセル") },
      },
      { type: "button", action_id: "request-reject", text: plain("却下"), value: "x", style: "danger" },
      { type: "button", action_id: "request-open-link", text: plain("届出を開く"), url: "http://localhost:3000/archives/C0APPROVALS/p1700000000000100" },
      { type: "static_select", action_id: "sel", placeholder: plain("選ぶ"), options: [option("A", "a"), option("B", "b")], initial_option: option("B", "b") },
      { type: "multi_static_select", action_id: "multi", options: [option("A", "a"), option("B", "b")], initial_options: [option("A", "a")] },
      { type: "datepicker", action_id: "date", initial_date: "2026-04-01", placeholder: plain("日付") },
      { type: "users_select", action_id: "who", initial_user: "U0YAMADA" },
      { type: "checkboxes", action_id: "boxes", options: [option("済", "done")], initial_options: [option("済", "done")] },
      { type: "radio_buttons", action_id: "radio", options: [option("はい", "yes"), option("いいえ", "no")], initial_option: option("いいえ", "no") },
      { type: "overflow", action_id: "menu", options: [option("編集", "edit")] },
    ],
  };

  it("every element carries action id, block id, type and the message it is in", () => {
    const html = renderBlocks([actions], inMessage);
    const els = tags(html, "data-action-id=");
    expect(els.map((t) => attr(t, "data-action-id"))).toEqual([
      "request-approve",
      "request-reject",
      "request-open-link",
      "sel",
      "multi",
      "date",
      "who",
      "boxes",
      "radio",
      "menu",
    ]);
    for (const t of els) {
      expect(attr(t, "data-block-id")).toBe("decide-3");
      expect(attr(t, "data-container")).toBe("message");
      expect(attr(t, "data-channel")).toBe("C0APPROVALS");
      expect(attr(t, "data-message-ts")).toBe("1700000000.000100");
      expect(attr(t, "data-ephemeral")).toBeUndefined();
    }
    expect(els.map((t) => attr(t, "data-type"))).toEqual([
      "button",
      "button",
      "button",
      "static_select",
      "multi_static_select",
      "datepicker",
      "users_select",
      "checkboxes",
      "radio_buttons",
      "overflow",
    ]);
  });

  it("buttons: visible text, value, primary/danger style, link URL", () => {
    const html = renderBlocks([actions], inMessage);
    const approve = tags(html, 'data-action-id="request-approve"')[0]!;
    expect(attr(approve, "data-value")).toBe('{"id":"r1","rev":3}');
    expect(approve).toContain("bk-btn-primary");
    expect(element(html, 'data-action-id="request-approve"')).toMatch(/>承認<\/button>$/);
    expect(tags(html, 'data-action-id="request-reject"')[0]).toContain("bk-btn-danger");
    expect(attr(tags(html, 'data-action-id="request-open-link"')[0]!, "data-url")).toBe("http://localhost:3000/archives/C0APPROVALS/p1700000000000100");
  });

  it("a confirm object is carried as data for the page's dialog", () => {
    const html = renderBlocks([actions], inMessage);
    const raw = attr(tags(html, 'data-action-id="request-approve"')[0]!, "data-confirm");
    const c = JSON.parse(raw!) as ConfirmData;
    expect(c).toEqual({ title: "承認しますか？", textHtml: "PRV-2026-0001 を承認します。", confirm: "はい", deny: "キャンセル" });
    expect(attr(tags(html, 'data-action-id="request-reject"')[0]!, "data-confirm")).toBeUndefined();
    expect(confirmData({ text: mrkdwn("*本当に* <script>"), style: "danger" }, ctx)).toEqual({
      title: "よろしいですか？",
      textHtml: "<b>本当に</b> &lt;script&gt;",
      confirm: "はい",
      deny: "キャンセル",
      style: "danger",
    });
  });

  it("selects, dates, checkboxes and radios start from their initial values", () => {
    const html = renderBlocks([actions], inMessage);
    const sel = element(html, 'data-action-id="sel"');
    expect(tags(sel, "<option").map((t) => [attr(t, "value"), t.includes(" selected")])).toEqual([
      ["", false],
      ["a", false],
      ["b", true],
    ]);
    expect(textOf(tags(sel, "<option")[0]!) + textOf(sel)).toContain("選ぶ");
    const multi = element(html, 'data-action-id="multi"');
    expect(tags(multi, 'type="checkbox"').map((t) => [attr(t, "value"), t.includes(" checked")])).toEqual([
      ["a", true],
      ["b", false],
    ]);
    expect(attr(tags(html, 'data-action-id="date"')[0]!, "value")).toBe("2026-04-01");
    expect(tags(element(html, 'data-action-id="boxes"'), 'type="checkbox"')[0]).toContain(" checked");
    const radios = tags(element(html, 'data-action-id="radio"'), 'type="radio"');
    expect(radios.map((t) => t.includes(" checked"))).toEqual([false, true]);
    expect(new Set(radios.map((t) => attr(t, "name"))).size).toBe(1);
  });

  it("a users select lists the workspace's people (not the bot)", () => {
    const html = renderBlocks([actions], inMessage);
    const who = element(html, 'data-action-id="who"');
    const options = tags(who, "<option").map((t) => attr(t, "value"));
    expect(options).toEqual(["", "U0YAMADA", "U0SUZUKI"]);
    expect(who).toContain(">山田 太郎</option>");
    expect(tags(who, 'value="U0YAMADA"')[0]).toContain(" selected");
  });

  it("an overflow menu lists its options (hidden until opened)", () => {
    const html = renderBlocks([actions], inMessage);
    const menu = element(html, 'data-action-id="menu"');
    expect(menu).toContain('aria-label="その他のアクション"');
    expect(tags(menu, "bk-overflow-menu")[0]).toContain(" hidden");
    expect(menu).toContain('data-option-value="edit">編集</button>');
  });

  it("in an ephemeral the elements say so; in a view they carry the view id", () => {
    const eph = renderBlocks([actions], { ...ctx, container: { type: "message", channel: "C0GENERAL", ts: "1.000200", ephemeral: true } });
    expect(attr(tags(eph, 'data-action-id="sel"')[0]!, "data-ephemeral")).toBe("1");
    const view = renderBlocks([actions], inView);
    const t = tags(view, 'data-action-id="sel"')[0]!;
    expect(attr(t, "data-container")).toBe("view");
    expect(attr(t, "data-view-id")).toBe("V0000000001");
    expect(attr(t, "data-channel")).toBeUndefined();
  });
});

// ---- input blocks ---------------------------------------------------------------------------

describe("renderBlocks: input blocks (modals)", () => {
  const form = [
    {
      type: "input",
      block_id: "purpose",
      label: plain("収集目的"),
      hint: plain("具体的に書いてください"),
      element: {
        type: "plain_text_input",
        action_id: "value",
        multiline: true,
        max_length: 3000,
        min_length: 5,
        placeholder: plain("例：受講者管理"),
        initial_value: "既存 <値>",
      },
    },
    {
      type: "input",
      block_id: "name",
      optional: true,
      label: plain("氏名"),
      element: { type: "plain_text_input", action_id: "value", placeholder: plain("山田"), initial_value: "太郎" },
    },
    {
      type: "input",
      block_id: "subjects",
      label: plain("本人の種類"),
      element: {
        type: "static_select",
        action_id: "value",
        placeholder: plain("選んでください"),
        option_groups: [
          { label: plain("社外"), options: [option("顧客", "customer"), option("取引先", "partner")] },
          { label: plain("社内"), options: [option("従業員", "employee")] },
        ],
        initial_option: option("取引先", "partner"),
      },
    },
    {
      type: "input",
      block_id: "items",
      label: plain("項目"),
      element: {
        type: "multi_static_select",
        action_id: "value",
        options: [option("氏名", "name"), option("住所", "address")],
        initial_options: [option("住所", "address")],
      },
    },
    { type: "input", block_id: "owner", label: plain("担当者"), element: { type: "users_select", action_id: "value", initial_user: "U0SUZUKI" } },
    { type: "input", block_id: "watchers", label: plain("関係者"), element: { type: "multi_users_select", action_id: "value", initial_users: ["U0YAMADA"] } },
    { type: "input", block_id: "start", label: plain("開始日"), element: { type: "datepicker", action_id: "value", initial_date: "2026-12-01" } },
    { type: "input", block_id: "at", label: plain("時刻"), element: { type: "timepicker", action_id: "value", initial_time: "09:30" } },
    {
      type: "input",
      block_id: "flags",
      label: plain("該当"),
      element: {
        type: "checkboxes",
        action_id: "value",
        options: [{ text: mrkdwn("*要配慮*"), value: "sensitive", description: plain("病歴など") }, option("海外", "abroad")],
        initial_options: [option("海外", "abroad")],
      },
    },
    {
      type: "input",
      block_id: "sensitive",
      dispatch_action: true,
      label: plain("要配慮"),
      element: { type: "radio_buttons", action_id: "value", options: [option("含む", "yes"), option("含まない", "no")], initial_option: option("含む", "yes") },
    },
  ];

  it("label, hint, optional marker and the input block's data", () => {
    const html = renderBlocks(form, inView);
    const purpose = element(html, 'data-block-id="purpose"');
    expect(purpose).toContain(">収集目的</label>");
    expect(purpose).toContain('<div class="bk-hint">具体的に書いてください</div>');
    expect(purpose).not.toContain("（任意）");
    const name = element(html, 'data-block-id="name"');
    expect(name).toContain('<span class="bk-optional">（任意）</span>');
    const blk = tags(html, 'data-block-id="purpose"')[0]!;
    expect(attr(blk, "data-input-type")).toBe("plain_text_input");
    expect(attr(blk, "data-input-action-id")).toBe("value");
    expect(attr(blk, "data-min-length")).toBe("5");
    expect(attr(tags(html, 'data-block-id="name"')[0]!, "data-optional")).toBe("1");
    expect(attr(tags(html, 'data-block-id="sensitive"')[0]!, "data-dispatch")).toBe("1");
    expect(attr(blk, "data-dispatch")).toBeUndefined();
  });

  it("the label points at its control", () => {
    const purpose = element(renderBlocks(form, inView), 'data-block-id="purpose"');
    const forId = attr(tags(purpose, "<label")[0]!, "for");
    expect(attr(tags(purpose, "<textarea")[0]!, "id")).toBe(forId);
  });

  it("plain_text_input: multiline textarea or single line, placeholder, initial value, lengths", () => {
    const html = renderBlocks(form, inView);
    const area = tags(html, "<textarea")[0]!;
    expect(attr(area, "placeholder")).toBe("例：受講者管理");
    expect(attr(area, "maxlength")).toBe("3000");
    expect(attr(area, "minlength")).toBe("5");
    expect(element(html, "<textarea")).toContain(">既存 &lt;値&gt;</textarea>");
    const line = tags(element(html, 'data-block-id="name"'), 'type="text"')[0]!;
    expect(attr(line, "value")).toBe("太郎");
    expect(attr(line, "placeholder")).toBe("山田");
    expect(attr(line, "data-role")).toBe("value");
  });

  it("static_select with option groups and an initial option", () => {
    const sel = element(renderBlocks(form, inView), 'data-block-id="subjects"');
    expect(tags(sel, "<optgroup").map((t) => attr(t, "label"))).toEqual(["社外", "社内"]);
    expect(tags(sel, "<option").map((t) => attr(t, "value"))).toEqual(["", "customer", "partner", "employee"]);
    expect(tags(sel, 'value="partner"')[0]).toContain(" selected");
    expect(tags(sel, 'value=""')[0]).not.toContain(" selected");
  });

  it("multi_static_select, users_select and multi_users_select (the people)", () => {
    const html = renderBlocks(form, inView);
    const items = element(html, 'data-block-id="items"');
    expect(tags(items, 'type="checkbox"').map((t) => [attr(t, "value"), t.includes(" checked")])).toEqual([
      ["name", false],
      ["address", true],
    ]);
    const owner = element(html, 'data-block-id="owner"');
    expect(tags(owner, "<option").map((t) => attr(t, "value"))).toEqual(["", "U0YAMADA", "U0SUZUKI"]);
    expect(tags(owner, 'value="U0SUZUKI"')[0]).toContain(" selected");
    const watchers = element(html, 'data-block-id="watchers"');
    expect(tags(watchers, 'type="checkbox"').map((t) => [attr(t, "value"), t.includes(" checked")])).toEqual([
      ["U0YAMADA", true],
      ["U0SUZUKI", false],
    ]);
    expect(textOf(watchers)).toContain("鈴木 花子");
    expect(watchers).not.toContain(BOT);
  });

  it("datepicker, timepicker, checkboxes (mrkdwn text, description) and radio buttons with initial values", () => {
    const html = renderBlocks(form, inView);
    expect(attr(tags(element(html, 'data-block-id="start"'), 'type="date"')[0]!, "value")).toBe("2026-12-01");
    expect(attr(tags(element(html, 'data-block-id="at"'), 'type="time"')[0]!, "value")).toBe("09:30");
    const flags = element(html, 'data-block-id="flags"');
    expect(tags(flags, 'type="checkbox"').map((t) => t.includes(" checked"))).toEqual([false, true]);
    expect(flags).toContain("<b>要配慮</b>"); // mrkdwn option text
    expect(flags).toContain('<span class="bk-choice-desc">病歴など</span>');
    const radios = tags(element(html, 'data-block-id="sensitive"'), 'type="radio"');
    expect(radios.map((t) => [attr(t, "value"), t.includes(" checked")])).toEqual([
      ["yes", true],
      ["no", false],
    ]);
  });

  it("shows each field error under its own input", () => {
    const html = renderBlocks(form, { ...inView, errors: { subjects: "「その他」の場合は補足を書いてください。", start: "<b>過去</b>の日付です" } });
    const subjects = element(html, 'data-block-id="subjects"');
    expect(tags(html, 'data-block-id="subjects"')[0]).toContain("has-error");
    const err = element(subjects, "bk-error");
    expect(textOf(err)).toBe("「その他」の場合は補足を書いてください。");
    expect(err).not.toContain(" hidden");
    // after the control, inside the block
    expect(subjects.indexOf("bk-error")).toBeGreaterThan(subjects.indexOf("</select>"));
    expect(element(element(html, 'data-block-id="start"'), "bk-error")).toContain("&lt;b&gt;過去&lt;/b&gt;の日付です");
    const purpose = element(html, 'data-block-id="purpose"');
    expect(tags(html, 'data-block-id="purpose"')[0]).not.toContain("has-error");
    expect(tags(purpose, "bk-error")[0]).toContain(" hidden");
    expect(textOf(element(purpose, "bk-error"))).toBe("");
  });
});

// ---- messages -------------------------------------------------------------------------------

describe("renderMessage / renderEphemeral", () => {
  const botMessage: FakeMessage = {
    type: "message",
    ts: "1700000000.000100", // 2023-11-15 07:13:20 JST
    channel: "C0APPROVALS",
    user: BOT,
    bot_id: "B0MAMORIBOT",
    app_id: "A0FAKEAPP",
    text: "fallback",
    blocks: [
      { type: "section", block_id: "b", text: mrkdwn("*届出* <@U0YAMADA>") },
      { type: "actions", block_id: "a", elements: [{ type: "button", action_id: "go", text: plain("承認") }] },
    ],
    thread_ts: "1700000000.000100",
    reply_count: 3,
    edited: { user: BOT, ts: "1700000100.000000" },
  };

  it("the bot's message: avatar, name with the APP badge, time, blocks, (編集済み), reply count", () => {
    const html = renderMessage(botMessage, ctx);
    const root = tags(html, 'data-testid="message"')[0]!;
    expect(attr(root, "data-ts")).toBe("1700000000.000100");
    expect(attr(root, "data-channel")).toBe("C0APPROVALS");
    expect(root).toContain("msg-bot");
    expect(html).toContain('<span class="msg-name">mamori</span><span class="app-badge">APP</span>');
    expect(formatTime("1700000000.000100", "Asia/Tokyo")).toBe("7:13");
    expect(element(html, "msg-time")).toContain(">7:13</time>");
    expect(html).toContain("<b>届出</b>");
    expect(html).not.toContain("fallback");
    expect(html).toContain('<span class="msg-edited">(編集済み)</span>');
    const replies = tags(html, 'data-testid="replies-link"')[0]!;
    expect(attr(replies, "data-open-thread")).toBe("1700000000.000100");
    expect(textOf(element(html, 'data-testid="replies-link"'))).toContain("3件の返信");
    // the buttons know which message they are in
    const go = tags(html, 'data-action-id="go"')[0]!;
    expect(attr(go, "data-channel")).toBe("C0APPROVALS");
    expect(attr(go, "data-message-ts")).toBe("1700000000.000100");
  });

  it("in the thread pane there is no reply link", () => {
    const html = renderMessage(botMessage, ctx, { inThread: true });
    expect(html).not.toContain("replies-link");
    expect(html).not.toContain("data-open-thread");
  });

  it("a person's message: their name, no badge, text as mrkdwn, escaped", () => {
    const m: FakeMessage = {
      type: "message",
      ts: "1700000500.000200",
      channel: "C0GENERAL",
      user: "U0YAMADA",
      text: "*よろしく* <script>x</script>",
      reply_count: 0,
    };
    const html = renderMessage(m, ctx);
    expect(html).toContain('<span class="msg-name">山田 太郎</span>');
    expect(html).not.toContain("app-badge");
    expect(html).toContain("<b>よろしく</b> &lt;script&gt;x&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("replies-link");
    expect(html).not.toContain("(編集済み)");
  });

  it("file attachments: name and link", () => {
    const m: FakeMessage = {
      type: "message",
      ts: "1700000600.000000",
      channel: "DU0KIMURA",
      user: BOT,
      bot_id: "B",
      text: "監査ログ",
      reply_count: 0,
      files: [
        {
          id: "F1",
          name: "audit-2026.csv",
          title: "監査ログ 2026",
          size: 2048,
          url_private: "http://localhost:3000/files/F1",
          permalink: "http://localhost:3000/files/F1",
        },
      ],
    };
    const html = renderMessage(m, ctx);
    const file = tags(html, 'data-testid="file"')[0]!;
    expect(attr(file, "href")).toBe("http://localhost:3000/files/F1");
    expect(textOf(element(html, 'data-testid="file"'))).toContain("監査ログ 2026");
    expect(textOf(element(html, 'data-testid="file"'))).toContain("audit-2026.csv · 2.0 KB");
  });

  it("an ephemeral says only the viewer sees it and marks its elements ephemeral", () => {
    const e: FakeEphemeral = {
      ts: "1700000700.000100",
      channel: "C0GENERAL",
      user: "U0SUZUKI",
      text: "t",
      blocks: [{ type: "actions", block_id: "x", elements: [{ type: "button", action_id: "b", text: plain("開く") }] }],
    };
    const html = renderEphemeral(e, ctx);
    expect(textOf(html)).toContain("あなただけに表示されています");
    const root = tags(html, 'data-testid="ephemeral"')[0]!;
    expect(attr(root, "data-ts")).toBe("1700000700.000100");
    expect(attr(root, "data-ephemeral")).toBe("1");
    const b = tags(html, 'data-action-id="b"')[0]!;
    expect(attr(b, "data-ephemeral")).toBe("1");
    expect(attr(b, "data-message-ts")).toBe("1700000700.000100");
    expect(renderEphemeral({ ...e, blocks: undefined, text: "<@U0YAMADA> _ok_" }, ctx)).toContain("<i>ok</i>");
  });
});

// ---- views ----------------------------------------------------------------------------------

describe("renderModal / renderHome", () => {
  const view = (extra: object, blocks: object[] = []): StoredView => ({
    id: "V0000000007",
    type: "modal",
    user: "U0SUZUKI",
    hash: "1700000000.abcd",
    root_view_id: "V0000000007",
    previous_view_id: null,
    view: { type: "modal", title: plain("差し戻しの理由"), blocks: blocks as StoredView["view"]["blocks"], ...extra },
  });
  const reason = [
    { type: "section", text: mrkdwn("*PRV-2026-0001*") },
    { type: "input", block_id: "reason", label: plain("理由"), element: { type: "plain_text_input", action_id: "reason", multiline: true } },
  ];

  it("title, close and submit labels, blocks, and the view id on the modal and its elements", () => {
    const html = renderModal(view({ submit: plain("差し戻す"), close: plain("やめる") }, reason), undefined, ctx);
    const root = tags(html, 'data-testid="modal"')[0]!;
    expect(attr(root, "data-view-id")).toBe("V0000000007");
    expect(attr(root, "role")).toBe("dialog");
    expect(root).not.toContain(" hidden");
    expect(html).toContain(">差し戻しの理由</h2>");
    expect(element(html, 'data-testid="modal-submit"')).toMatch(/>差し戻す<\/button>$/);
    expect(element(html, 'data-testid="modal-cancel"')).toMatch(/>やめる<\/button>$/);
    expect(html).toContain('data-testid="modal-x"');
    expect(html).toContain("<b>PRV-2026-0001</b>");
    expect(attr(tags(html, "<textarea")[0]!, "data-view-id")).toBe("V0000000007");
    expect(html).not.toContain("modal-back");
  });

  it("without a submit there is no submit button; close defaults to キャンセル", () => {
    const html = renderModal(view({}, [{ type: "section", text: mrkdwn("a") }]), undefined, ctx);
    expect(html).not.toContain("modal-submit");
    expect(element(html, 'data-testid="modal-cancel"')).toMatch(/>キャンセル<\/button>$/);
  });

  it("field errors: given ones, else the stored view's", () => {
    const stored = { ...view({ submit: plain("送信") }, reason), errors: { reason: "理由を書いてください。" } };
    expect(textOf(element(renderModal(stored, undefined, ctx), "bk-error"))).toBe("理由を書いてください。");
    expect(textOf(element(renderModal(stored, { reason: "もっと具体的に" }, ctx), "bk-error"))).toBe("もっと具体的に");
  });

  it("a pushed view has a back arrow; a view under the top is hidden", () => {
    const html = renderModal(view({}, reason), undefined, ctx, { canGoBack: true, hidden: true });
    expect(html).toContain('data-testid="modal-back"');
    expect(tags(html, 'data-testid="modal"')[0]).toContain(" hidden");
  });

  it("the title of a modal is escaped", () => {
    expect(renderModal(view({ title: plain("<img src=x>") }), undefined, ctx)).toContain("&lt;img src=x&gt;");
  });

  it("the Home tab: its blocks with the view id; a note when nothing is published", () => {
    const home: StoredView = {
      ...view({}),
      id: "V0000000009",
      type: "home",
      view: {
        type: "home",
        blocks: [
          { type: "header", text: plain("Mamori（守り）") },
          { type: "actions", block_id: "h", elements: [{ type: "button", action_id: "x", text: plain("更新") }] },
        ],
      },
    };
    const html = renderHome(home, ctx);
    expect(attr(tags(html, 'data-testid="home"')[0]!, "data-view-id")).toBe("V0000000009");
    expect(html).toContain("Mamori（守り）");
    expect(attr(tags(html, 'data-action-id="x"')[0]!, "data-view-id")).toBe("V0000000009");
    expect(textOf(renderHome(null, ctx))).toContain("ホームタブ");
  });
});

// ---- small helpers --------------------------------------------------------------------------

describe("links and times", () => {
  it("parses message permalinks", () => {
    expect(parsePermalink("http://localhost:3000/archives/C0APPROVALS/p1700000000000100")).toEqual({ channel: "C0APPROVALS", ts: "1700000000.000100" });
    expect(parsePermalink("https://x.slack.com/archives/C1/p1700000000000100?thread_ts=1699999999.000200&cid=C1")).toEqual({
      channel: "C1",
      ts: "1700000000.000100",
      threadTs: "1699999999.000200",
    });
    expect(parsePermalink("https://example.com/")).toBeNull();
  });

  it("keeps http(s), mailto and local paths only", () => {
    expect(safeUrl("https://a.example/x")).toBe("https://a.example/x");
    expect(safeUrl("/files/F1")).toBe("/files/F1");
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("//evil.example")).toBeUndefined();
    expect(safeUrl("data:text/html,x")).toBeUndefined();
  });

  it("day dividers in Tokyo time", () => {
    const now = new Date("2026-03-05T03:00:00Z"); // 12:00 JST on Thursday 5 March
    expect(dayKey("1772668800.000000", "Asia/Tokyo")).toBe("2026-03-05"); // 2026-03-05 00:00 UTC = 09:00 JST
    expect(dayLabel(String(now.getTime() / 1000 - 3600), "Asia/Tokyo", now)).toBe("今日");
    expect(dayLabel(String(now.getTime() / 1000 - 86_400), "Asia/Tokyo", now)).toBe("昨日");
    expect(dayLabel(String(now.getTime() / 1000 - 3 * 86_400), "Asia/Tokyo", now)).toBe("3月2日(月)");
    expect(dayLabel("1700000000.000100", "Asia/Tokyo", now)).toBe("2023年11月15日(水)");
  });
});
