// Block Kit to HTML for the local Slack page: pure functions (no DOM, no Node APIs), so the
// page's script and the unit tests share them. Every piece of text is escaped; links keep
// http(s) and mailto URLs only. Interactive elements carry data-* attributes from which the
// page builds an ActionBody (see ../protocol.ts):
//   data-action-id, data-block-id, data-type (element type), data-value (buttons),
//   data-container ("message" | "view") with data-channel, data-message-ts, data-ephemeral
//   ("1") for a message, or data-view-id for a modal / the Home tab;
//   data-confirm: JSON ConfirmData when the element asks for a confirmation first;
//   data-url: a link button's URL.
// Input blocks are `.blk-input` with data-block-id, data-action-id, data-input-type,
// data-optional ("1"), data-min-length; the value controls inside carry data-role="value"
// (text, select, date, time) or are checkboxes / radios with value="option value".
import type { Block, FakeEphemeral, FakeMessage, StoredView } from "../protocol.js";

type Obj = Record<string, unknown>;
type FileInfo = NonNullable<FakeMessage["files"]>[number];

/** Where the rendered elements live, so an action can say where it came from. */
export type Container = { type: "message"; channel: string; ts: string; ephemeral?: boolean } | { type: "view"; viewId: string };

export interface RenderContext {
  /** display names by Slack user id (mentions, users selects) */
  userNames: Record<string, string>;
  /** channel names (without #) by id, for <#C…> without a label and conversation selects */
  channelNames?: Record<string, string>;
  botUserId?: string;
  /** shown on the bot's messages; default "mamori" */
  botName?: string;
  /** the person looking at the page: mentions of them are highlighted */
  me?: string;
  /** IANA time zone of the times shown; default Asia/Tokyo */
  timeZone?: string;
  /** the viewer's Slack locale: the page's own words and how dates and times are written (default ja-JP) */
  locale?: string;
  /** set by renderMessage / renderEphemeral / renderModal / renderHome */
  container?: Container;
  /** field errors by input block_id */
  errors?: Record<string, string>;
}

/** What the page needs to show a confirmation dialog before sending an action. */
export interface ConfirmData {
  title: string;
  /** already escaped HTML */
  textHtml: string;
  confirm: string;
  deny: string;
  style?: "primary" | "danger";
}

export interface MessageOptions {
  /** shown in the thread pane: no reply link, no "reply in thread" button */
  inThread?: boolean;
  /** briefly highlighted (opened from a link) */
  highlight?: boolean;
}

// ---- small helpers ---------------------------------------------------------------------

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const objs = (v: unknown): Obj[] => list(v).filter(isObj);

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** HTML-escapes text for element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Slack escapes &, < and > in message text as &amp; &lt; &gt;: back to the characters. */
export function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === "amp" ? "&" : e === "lt" ? "<" : ">"));
}

type AttrValue = string | number | boolean | undefined | null;

/** ` name="value"` pairs; undefined, null and false are left out, true is a bare attribute. */
function attrs(a: Record<string, AttrValue>): string {
  let out = "";
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(String(v))}"`;
  }
  return out;
}

/** A URL safe to put in href/src: http(s) or mailto, or a path on this page's server. */
export function safeUrl(url: unknown): string | undefined {
  const u = str(url)?.trim();
  if (!u) return undefined;
  if (/^(https?:\/\/|mailto:)/i.test(u)) return u;
  if (/^\/(?!\/)/.test(u)) return u;
  return undefined;
}

/** A piece of an id attribute from anything. */
const idPart = (s: string | undefined): string => (s ?? "x").replace(/[^A-Za-z0-9_-]/g, "_");

// ---- emoji -------------------------------------------------------------------------------

const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  ballot_box_with_check: "☑️",
  white_large_square: "⬜",
  black_large_square: "⬛",
  x: "❌",
  negative_squared_cross_mark: "❎",
  no_entry: "⛔",
  no_entry_sign: "🚫",
  warning: "⚠️",
  rotating_light: "🚨",
  large_green_circle: "🟢",
  green_circle: "🟢",
  large_yellow_circle: "🟡",
  yellow_circle: "🟡",
  red_circle: "🔴",
  large_blue_circle: "🔵",
  large_orange_circle: "🟠",
  orange_circle: "🟠",
  white_circle: "⚪",
  black_circle: "⚫",
  hourglass_flowing_sand: "⏳",
  hourglass: "⌛",
  stopwatch: "⏱️",
  alarm_clock: "⏰",
  clock3: "🕒",
  calendar: "📆",
  date: "📅",
  leftwards_arrow_with_hook: "↩️",
  arrow_right: "➡️",
  arrow_left: "⬅️",
  arrow_up: "⬆️",
  arrow_down: "⬇️",
  arrows_counterclockwise: "🔄",
  repeat: "🔁",
  heavy_minus_sign: "➖",
  heavy_plus_sign: "➕",
  wave: "👋",
  "+1": "👍",
  thumbsup: "👍",
  "-1": "👎",
  thumbsdown: "👎",
  clap: "👏",
  pray: "🙏",
  raised_hands: "🙌",
  ok_hand: "👌",
  eyes: "👀",
  tada: "🎉",
  sparkles: "✨",
  star: "⭐",
  fire: "🔥",
  rocket: "🚀",
  heart: "❤️",
  bulb: "💡",
  smile: "😄",
  slightly_smiling_face: "🙂",
  grinning: "😀",
  thinking_face: "🤔",
  sweat_smile: "😅",
  bow: "🙇",
  information_source: "ℹ️",
  question: "❓",
  grey_question: "❔",
  exclamation: "❗",
  heavy_exclamation_mark: "❗",
  bangbang: "‼️",
  memo: "📝",
  pencil: "📝",
  pencil2: "✏️",
  page_facing_up: "📄",
  page_with_curl: "📃",
  clipboard: "📋",
  bookmark_tabs: "📑",
  file_folder: "📁",
  open_file_folder: "📂",
  card_index_dividers: "🗂️",
  inbox_tray: "📥",
  outbox_tray: "📤",
  package: "📦",
  email: "📧",
  envelope: "✉️",
  incoming_envelope: "📨",
  mailbox: "📫",
  speech_balloon: "💬",
  bell: "🔔",
  loudspeaker: "📢",
  mega: "📣",
  lock: "🔒",
  unlock: "🔓",
  closed_lock_with_key: "🔐",
  key: "🔑",
  shield: "🛡️",
  mag: "🔍",
  link: "🔗",
  paperclip: "📎",
  pushpin: "📌",
  bust_in_silhouette: "👤",
  busts_in_silhouette: "👥",
  office: "🏢",
  gear: "⚙️",
  hammer_and_wrench: "🛠️",
  wrench: "🔧",
  bar_chart: "📊",
  chart_with_upwards_trend: "📈",
  books: "📚",
  book: "📖",
  wastebasket: "🗑️",
  checkered_flag: "🏁",
  point_right: "👉",
  point_down: "👇",
  o: "⭕",
  ok: "🆗",
  new: "🆕",
  japan: "🗾",
};

/** :shortcode: to the emoji character for the codes this page knows; others stay as typed. */
export function emojify(text: string): string {
  return text.replace(/:([a-z0-9_+'-]+):/g, (whole, name: string) => EMOJI[name] ?? whole);
}

// ---- text --------------------------------------------------------------------------------

/** plain_text: escaped, emoji shortcodes shown, line breaks kept (`emoji: true` changes nothing here). */
export function renderPlain(text: string): string {
  return emojify(esc(text)).replace(/\r?\n/g, "<br>");
}

/** The characters of a text object (for <option>, titles and labels that cannot hold markup). */
export function textOf(t: unknown): string {
  if (typeof t === "string") return t;
  if (!isObj(t)) return "";
  const s = str(t.text) ?? "";
  return emojify(t.type === "mrkdwn" ? decodeEntities(s.replace(/<[@#!]?[^<>|\n]*\|([^<>\n]*)>/g, "$1").replace(/<([^<>|\n]+)>/g, "$1")) : s);
}

/** A text object (plain_text or mrkdwn) as HTML. */
export function renderText(t: unknown, ctx: RenderContext): string {
  if (typeof t === "string") return renderPlain(t);
  if (!isObj(t)) return "";
  const s = str(t.text) ?? "";
  return t.type === "mrkdwn" ? renderMrkdwn(s, ctx) : renderPlain(s);
}

const userName = (id: string, ctx: RenderContext): string => ctx.userNames[id] ?? (id === ctx.botUserId ? (ctx.botName ?? "mamori") : id);

function mentionHtml(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = ctx.userNames[id] ?? label?.replace(/^@/, "") ?? userName(id, ctx);
  return `<span class="mk-mention${id === ctx.me ? " mk-mention-me" : ""}"${attrs({ "data-user-id": id })}>@${esc(name)}</span>`;
}

function channelHtml(id: string, label: string | undefined, ctx: RenderContext): string {
  const name = label || ctx.channelNames?.[id] || id;
  return `<a href="#" class="mk-channel"${attrs({ "data-channel-link": id })}>#${esc(name)}</a>`;
}

function linkHtml(url: string, labelHtml: string): string {
  return `<a class="mk-link"${attrs({ href: url, target: "_blank", rel: "noopener noreferrer" })}>${labelHtml}</a>`;
}

/** What a `<…>` control sequence stands for, or null when it is not one (then it stays text). */
function special(inner: string, ctx: RenderContext): string | null {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? undefined : decodeEntities(inner.slice(bar + 1));
  if (/^@[UWB][A-Z0-9]+$/.test(target)) return mentionHtml(target.slice(1), label, ctx);
  if (/^#[CDG][A-Z0-9]+$/.test(target)) return channelHtml(target.slice(1), label, ctx);
  if (target.startsWith("!")) {
    const word = target.slice(1);
    if (["here", "channel", "everyone"].includes(word)) return `<span class="mk-mention mk-broadcast">@${word}</span>`;
    if (word.startsWith("subteam^")) return `<span class="mk-mention">${esc(label ?? "@group")}</span>`;
    if (word.startsWith("date^")) {
      const seconds = Number(word.split("^")[1]);
      const shown = label ?? (Number.isFinite(seconds) ? formatFull(String(seconds), ctx.timeZone, ctx.locale) : word);
      return `<time class="mk-date">${esc(shown)}</time>`;
    }
    return null;
  }
  const url = safeUrl(decodeEntities(target));
  if (url && /^(https?:|mailto:)/i.test(url)) return linkHtml(url, emojify(esc(label ?? url.replace(/^mailto:/i, ""))));
  return null;
}

/** One line of mrkdwn (no line breaks) as HTML; `format` false keeps *, _, ~ and ` as typed. */
function inline(line: string, ctx: RenderContext, format = true): string {
  const slots: string[] = [];
  const put = (html: string): string => `\u0001${slots.push(html) - 1}\u0002`;
  let t = line;
  if (format) t = t.replace(/`([^`\n]+)`/g, (_, code: string) => put(`<code class="mk-code">${esc(decodeEntities(code))}</code>`));
  t = t.replace(/<([^<>\n]+)>/g, (whole, inner: string) => {
    const html = special(inner, ctx);
    return html === null ? whole : put(html);
  });
  // bare URLs are links too (ASCII only, without trailing punctuation)
  t = t.replace(/https?:\/\/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g, (raw) => {
    const url = raw.replace(/[.,;:!?)'\]]+$/, "");
    const rest = raw.slice(url.length);
    return put(linkHtml(decodeEntities(url), esc(decodeEntities(url)))) + rest;
  });
  let h = esc(decodeEntities(t));
  if (format) {
    h = h
      .replace(/(?<![A-Za-z0-9*\\])\*(?=\S)([^*\n]*?\S)\*(?![A-Za-z0-9*])/g, "<b>$1</b>")
      .replace(/(?<![A-Za-z0-9_\\])_(?=\S)([^_\n]*?\S)_(?![A-Za-z0-9_])/g, "<i>$1</i>")
      .replace(/(?<![A-Za-z0-9~\\])~(?=\S)([^~\n]*?\S)~(?![A-Za-z0-9~])/g, "<s>$1</s>");
  }
  h = emojify(h);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001 and \u0002 mark the placeholders this module inserts
  return h.replace(/\u0001(\d+)\u0002/g, (_, i: string) => slots[Number(i)] ?? "");
}

/** Lines of mrkdwn outside code fences: quotes (`>` or `&gt;`, `>>>` for the rest) and line breaks. */
function lines(seg: string, ctx: RenderContext): string {
  if (seg === "") return "";
  const groups: { quote: boolean; lines: string[] }[] = [];
  const rows = seg.split("\n");
  let rest = false;
  for (const row of rows) {
    let quote: boolean = rest;
    let textRow = row;
    const triple = /^(?:>>>|&gt;&gt;&gt;) ?/.exec(row);
    if (!rest && triple) {
      rest = quote = true;
      textRow = row.slice(triple[0].length);
    } else if (!rest) {
      const single = /^(?:>|&gt;) ?/.exec(row);
      if (single) {
        quote = true;
        textRow = row.slice(single[0].length);
      }
    }
    const last = groups[groups.length - 1];
    if (last && last.quote === quote) last.lines.push(textRow);
    else groups.push({ quote, lines: [textRow] });
  }
  return groups
    .map((g) => {
      const html = g.lines.map((l) => inline(l, ctx)).join("<br>");
      return g.quote ? `<blockquote class="mk-quote">${html}</blockquote>` : html;
    })
    .join("");
}

/**
 * Slack's mrkdwn as HTML: *bold*, _italic_, ~strike~, `code`, ```pre```, > quotes,
 * <url|label>, <url>, bare URLs, <@U…> (display name from ctx.userNames), <#C…|name>,
 * <!here>/<!channel>/<!everyone>, <!date^…|fallback>, &amp;/&lt;/&gt;, :emoji: and line breaks.
 */
export function renderMrkdwn(text: string, ctx: RenderContext): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the placeholder marks are taken out of the text first
  const src = text.replace(/[\u0001\u0002]/g, "").replace(/\r\n?/g, "\n");
  const out: string[] = [];
  const fence = /```([\s\S]*?)```/g;
  let last = 0;
  for (let m = fence.exec(src); m; m = fence.exec(src)) {
    out.push(lines(src.slice(last, m.index).replace(/\n$/, ""), ctx));
    const code = m[1]!.replace(/^\n/, "").replace(/\n$/, "");
    out.push(
      `<pre class="mk-pre">${code
        .split("\n")
        .map((l) => inline(l, ctx, false))
        .join("\n")}</pre>`,
    );
    last = fence.lastIndex;
    if (src[last] === "\n") last++;
  }
  out.push(lines(src.slice(last), ctx));
  return out.join("");
}

// ---- times -------------------------------------------------------------------------------

const TZ = "Asia/Tokyo";

/** A Slack ts ("1700000000.000100") as a Date. */
export function tsToDate(ts: string): Date {
  return new Date(Math.floor(Number(ts) * 1000));
}

function parts(ts: string, tz: string | undefined): Record<string, string> {
  const f = new Intl.DateTimeFormat("ja-JP", {
    timeZone: tz ?? TZ,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(tsToDate(ts))) out[p.type] = p.value;
  return out;
}

const isEn = (locale?: string) => (locale ?? "ja-JP").toLowerCase().startsWith("en");

/** "9:05" style time of a ts (hours without a leading zero, like Slack); "9:05 AM" for an English locale. */
export function formatTime(ts: string, tz?: string, locale?: string): string {
  if (isEn(locale)) return new Intl.DateTimeFormat("en-US", { timeZone: tz ?? TZ, hour: "numeric", minute: "2-digit", hour12: true }).format(tsToDate(ts));
  const p = parts(ts, tz);
  return `${Number(p.hour)}:${p.minute}`;
}

/** English ordinal of a day of the month: 1st, 2nd, 3rd, 4th, 11th, 22nd. */
function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th"}`;
}

function enParts(ts: string, tz: string | undefined): Record<string, string> {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone: tz ?? TZ,
    year: "numeric",
    month: "long",
    day: "numeric",
    weekday: "long",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
    hour12: true,
  });
  const out: Record<string, string> = {};
  for (const p of f.formatToParts(tsToDate(ts))) out[p.type] = p.value;
  return out;
}

/** "2026年3月5日(木) 9:05:12"; "March 5th, 2026 at 9:05:12 AM" for an English locale. */
export function formatFull(ts: string, tz?: string, locale?: string): string {
  if (isEn(locale)) {
    const e = enParts(ts, tz);
    return `${e.month} ${ordinal(Number(e.day))}, ${e.year} at ${e.hour}:${e.minute}:${e.second} ${e.dayPeriod}`;
  }
  const p = parts(ts, tz);
  return `${p.year}年${p.month}月${p.day}日(${p.weekday}) ${Number(p.hour)}:${p.minute}:${p.second}`;
}

/** "2026-03-05": the day a ts falls on, for day dividers. */
export function dayKey(ts: string, tz?: string): string {
  const p = parts(ts, tz);
  return `${p.year}-${p.month!.padStart(2, "0")}-${p.day!.padStart(2, "0")}`;
}

/** 今日, 昨日, 3月5日(木), or 2025年3月5日(水) for another year. */
export function dayLabel(ts: string, tz?: string, now: Date = new Date(), locale?: string): string {
  const nowTs = String(now.getTime() / 1000);
  const key = dayKey(ts, tz);
  const en = isEn(locale);
  if (key === dayKey(nowTs, tz)) return en ? "Today" : "今日";
  if (key === dayKey(String(now.getTime() / 1000 - 86_400), tz)) return en ? "Yesterday" : "昨日";
  if (en) {
    // Slack: "Thursday, March 5th", with the year for another year
    const e = enParts(ts, tz);
    const md = `${e.weekday}, ${e.month} ${ordinal(Number(e.day))}`;
    return e.year === enParts(nowTs, tz).year ? md : `${md}, ${e.year}`;
  }
  const p = parts(ts, tz);
  const md = `${p.month}月${p.day}日(${p.weekday})`;
  return p.year === parts(nowTs, tz).year ? md : `${p.year}年${md}`;
}

/** The page's own words (not the app's), in the viewer's language. */
export function words(ctx: Pick<RenderContext, "locale">) {
  return isEn(ctx.locale)
    ? {
        sure: "Are you sure?",
        yes: "Yes",
        cancel: "Cancel",
        optional: "(optional)",
        edited: "(edited)",
        replies: (n: number) => `${n} ${n === 1 ? "reply" : "replies"}`,
        viewThread: "View thread",
        replyInThread: "Reply in thread",
        onlyYou: "Only visible to you",
      }
    : {
        sure: "よろしいですか？",
        yes: "はい",
        cancel: "キャンセル",
        optional: "（任意）",
        edited: "(編集済み)",
        replies: (n: number) => `${n}件の返信`,
        viewThread: "スレッドを表示",
        replyInThread: "スレッドで返信する",
        onlyYou: "あなただけに表示されています",
      };
}

// ---- elements ----------------------------------------------------------------------------

/** The data-* attributes of an interactive element. */
function elementData(el: Obj, blockId: string | undefined, ctx: RenderContext): Record<string, AttrValue> {
  const c = ctx.container;
  return {
    "data-action-id": str(el.action_id),
    "data-block-id": blockId,
    "data-type": str(el.type),
    "data-container": c?.type,
    "data-channel": c?.type === "message" ? c.channel : undefined,
    "data-message-ts": c?.type === "message" ? c.ts : undefined,
    "data-ephemeral": c?.type === "message" && c.ephemeral ? "1" : undefined,
    "data-view-id": c?.type === "view" ? c.viewId : undefined,
  };
}

/** An id for a control's <label for>: unique per container, block and action. */
function controlId(blockId: string | undefined, el: Obj, ctx: RenderContext): string {
  const c = ctx.container;
  const where = c ? (c.type === "message" ? `${c.channel}-${c.ts}` : c.viewId) : "page";
  return `bk-${idPart(where)}-${idPart(blockId)}-${idPart(str(el.action_id))}`;
}

/** The confirm object of an element as data for the page's dialog. */
export function confirmData(confirm: unknown, ctx: RenderContext): ConfirmData | undefined {
  if (!isObj(confirm)) return undefined;
  const style = confirm.style === "danger" || confirm.style === "primary" ? confirm.style : undefined;
  return {
    title: textOf(confirm.title) || words(ctx).sure,
    textHtml: renderText(confirm.text, ctx),
    confirm: textOf(confirm.confirm) || words(ctx).yes,
    deny: textOf(confirm.deny) || words(ctx).cancel,
    ...(style && { style }),
  };
}

interface Option {
  value: string;
  text: string;
  html?: string;
  descriptionHtml?: string;
  url?: string;
}

function optionOf(o: Obj, ctx: RenderContext): Option {
  return {
    value: str(o.value) ?? "",
    text: textOf(o.text),
    ...(o.description !== undefined && { descriptionHtml: renderText(o.description, ctx) }),
    ...(safeUrl(o.url) && { url: safeUrl(o.url) }),
  };
}

/** Options (flat) and option groups of a select element. */
function optionGroups(el: Obj, ctx: RenderContext): { label?: string; options: Option[] }[] {
  const groups: { label?: string; options: Option[] }[] = [];
  if (Array.isArray(el.options)) groups.push({ options: objs(el.options).map((o) => optionOf(o, ctx)) });
  for (const g of objs(el.option_groups)) groups.push({ label: textOf(g.label), options: objs(g.options).map((o) => optionOf(o, ctx)) });
  return groups;
}

/** The workspace's people for users selects (everyone but the bot). */
function people(ctx: RenderContext): Option[] {
  return Object.entries(ctx.userNames)
    .filter(([id]) => id !== ctx.botUserId)
    .map(([id, name]) => ({ value: id, text: name }));
}

function channelOptions(ctx: RenderContext): Option[] {
  return Object.entries(ctx.channelNames ?? {}).map(([id, name]) => ({ value: id, text: `#${name}` }));
}

const initialValue = (o: unknown): string | undefined => (isObj(o) ? str(o.value) : undefined);
const initialValues = (v: unknown): string[] => objs(v).map((o) => str(o.value) ?? "");

function selectHtml(groups: { label?: string; options: Option[] }[], selected: string | undefined, placeholder: string, a: Record<string, AttrValue>): string {
  const opt = (o: Option) => `<option${attrs({ value: o.value, selected: o.value === selected })}>${esc(o.text)}</option>`;
  const body = groups
    .map((g) => (g.label !== undefined ? `<optgroup${attrs({ label: g.label })}>${g.options.map(opt).join("")}</optgroup>` : g.options.map(opt).join("")))
    .join("");
  const ph = `<option${attrs({ value: "", selected: selected === undefined })}>${esc(placeholder)}</option>`;
  return `<select${attrs({ ...a, "data-role": "value", "aria-label": a["aria-label"] ?? placeholder })}>${ph}${body}</select>`;
}

/** Checkbox "chips" for multi-selects: one tick per option, grouped as in the select. */
function multiHtml(groups: { label?: string; options: Option[] }[], selected: string[], placeholder: string, common: Record<string, AttrValue>): string {
  const chip = (o: Option) =>
    `<label class="bk-chip"><input type="checkbox"${attrs({ value: o.value, checked: selected.includes(o.value) })}><span>${esc(o.text)}</span></label>`;
  const body = groups.map((g) => (g.label !== undefined ? `<div class="bk-multi-group">${esc(g.label)}</div>` : "") + g.options.map(chip).join("")).join("");
  const klass = `${String(common.class ?? "")} bk-multi`.trim();
  return `<div role="group"${attrs({ ...common, class: klass, "aria-label": common["aria-labelledby"] ? undefined : placeholder })}><div class="bk-multi-ph">${esc(placeholder)}</div><div class="bk-multi-options">${body}</div></div>`;
}

function choicesHtml(kind: "checkbox" | "radio", options: Option[], selected: string[], name: string, common: Record<string, AttrValue>): string {
  const items = options
    .map(
      (o) =>
        `<label class="bk-choice"><input${attrs({ type: kind, name, value: o.value, checked: selected.includes(o.value) })}><span class="bk-choice-text"><span>${o.html ?? esc(o.text)}</span>${
          o.descriptionHtml ? `<span class="bk-choice-desc">${o.descriptionHtml}</span>` : ""
        }</span></label>`,
    )
    .join("");
  const klass = `${String(common.class ?? "")} bk-${kind === "checkbox" ? "checkbox-group" : "radio-group"}`.trim();
  return `<div role="${kind === "radio" ? "radiogroup" : "group"}"${attrs({ ...common, class: klass })}>${items}</div>`;
}

/** Option texts of checkboxes / radio buttons may be mrkdwn. */
function choiceOptions(el: Obj, ctx: RenderContext): Option[] {
  return objs(el.options).map((o) => ({ ...optionOf(o, ctx), html: renderText(o.text, ctx) }));
}

/**
 * One element of an actions block, a section accessory or an input block. `extra` adds
 * attributes to the element's outer tag (e.g. aria-labelledby from an input block).
 */
export function renderElement(
  el: unknown,
  blockId: string | undefined,
  ctx: RenderContext,
  where: "actions" | "accessory" | "input" = "actions",
  extra: Record<string, AttrValue> = {},
): string {
  if (!isObj(el)) return "";
  const type = str(el.type) ?? "";
  const id = controlId(blockId, el, ctx);
  const placeholder = textOf(el.placeholder);
  /** the outer tag's attributes: class, data-*, id for <label for>, and `extra` */
  const a = (klass = "", more: Record<string, AttrValue> = {}): Record<string, AttrValue> => ({
    class: `bk-el bk-${idPart(type)}${klass ? ` ${klass}` : ""}`,
    ...elementData(el, blockId, ctx),
    id,
    ...more,
    ...extra,
  });
  const confirm = confirmData(el.confirm, ctx);
  const confirmAttr = confirm ? JSON.stringify(confirm) : undefined;
  switch (type) {
    case "button": {
      const style = el.style === "primary" || el.style === "danger" ? ` bk-btn-${el.style}` : "";
      const url = safeUrl(el.url);
      return `<button type="button"${attrs(
        a(`bk-btn${style}`, {
          id: undefined,
          "data-value": str(el.value),
          "data-url": url,
          "data-confirm": confirmAttr,
          "aria-label": str(el.accessibility_label),
        }),
      )}>${esc(textOf(el.text))}${url ? ' <span class="bk-ext" aria-hidden="true">↗</span>' : ""}</button>`;
    }
    case "static_select":
    case "external_select":
      return selectHtml(optionGroups(el, ctx), initialValue(el.initial_option), placeholder || "項目を選択", a("bk-select", { "data-confirm": confirmAttr }));
    case "users_select":
      return selectHtml([{ options: people(ctx) }], str(el.initial_user), placeholder || "ユーザーを選択", a("bk-select", { "data-confirm": confirmAttr }));
    case "conversations_select":
    case "channels_select":
      return selectHtml(
        [{ options: channelOptions(ctx) }],
        str(el.initial_conversation ?? el.initial_channel),
        placeholder || "チャンネルを選択",
        a("bk-select"),
      );
    case "multi_static_select":
    case "multi_external_select":
      return multiHtml(optionGroups(el, ctx), initialValues(el.initial_options), placeholder || "項目を選択", a());
    case "multi_users_select":
      return multiHtml([{ options: people(ctx) }], list(el.initial_users).map(String), placeholder || "ユーザーを選択", a());
    case "multi_conversations_select":
    case "multi_channels_select":
      return multiHtml(
        [{ options: channelOptions(ctx) }],
        list(el.initial_conversations ?? el.initial_channels).map(String),
        placeholder || "チャンネルを選択",
        a(),
      );
    case "datepicker":
      return `<input type="date"${attrs(a("", { "data-role": "value", value: str(el.initial_date), "aria-label": where === "input" ? undefined : placeholder || "日付を選択", title: placeholder || undefined, "data-confirm": confirmAttr }))}>`;
    case "timepicker":
      return `<input type="time"${attrs(a("", { "data-role": "value", value: str(el.initial_time), "aria-label": where === "input" ? undefined : placeholder || "時刻を選択", title: placeholder || undefined }))}>`;
    case "checkboxes":
      return choicesHtml("checkbox", choiceOptions(el, ctx), initialValues(el.initial_options), id, a());
    case "radio_buttons": {
      const initial = initialValue(el.initial_option);
      return choicesHtml("radio", choiceOptions(el, ctx), initial === undefined ? [] : [initial], id, a());
    }
    case "overflow": {
      const items = objs(el.options)
        .map((o) => optionOf(o, ctx))
        .map(
          (o) =>
            `<button type="button" class="bk-overflow-item" role="menuitem"${attrs({ "data-option-value": o.value, "data-url": o.url })}>${esc(o.text)}</button>`,
        )
        .join("");
      return `<div${attrs(a("", { "data-confirm": confirmAttr }))}><button type="button" class="bk-overflow-toggle" aria-haspopup="menu" aria-label="その他のアクション">⋯</button><div class="bk-overflow-menu" role="menu" hidden>${items}</div></div>`;
    }
    case "plain_text_input": {
      const min = typeof el.min_length === "number" ? el.min_length : undefined;
      const max = typeof el.max_length === "number" ? el.max_length : undefined;
      const t = a("", {
        "data-role": "value",
        placeholder: placeholder || undefined,
        minlength: min,
        maxlength: max,
        "aria-label": where === "input" ? undefined : placeholder || undefined,
      });
      return el.multiline === true
        ? `<textarea rows="4"${attrs(t)}>${esc(str(el.initial_value) ?? "")}</textarea>`
        : `<input type="text"${attrs({ ...t, value: str(el.initial_value) })}>`;
    }
    case "file_input": {
      // Slack's file input: the local Slack uploads the picked files to the fake on submit (app.ts)
      const max = typeof el.max_files === "number" ? el.max_files : 10;
      const accept = list(el.filetypes)
        .map((t) => `.${String(t).replace(/^\./, "")}`)
        .join(",");
      return `<input type="file"${attrs(a("", { "data-role": "files", "data-max-files": max, multiple: max > 1 ? true : undefined, accept: accept || undefined }))}>`;
    }
    case "image": {
      const src = safeUrl(el.image_url);
      const alt = str(el.alt_text) ?? "";
      return src ? `<img class="bk-image-el"${attrs({ src, alt, loading: "lazy" })}>` : `<span class="bk-image-missing">${esc(alt)}</span>`;
    }
    default:
      return `<span class="bk-unsupported">[${esc(type || "?")}]</span>`;
  }
}

// ---- blocks ------------------------------------------------------------------------------

function richInline(e: Obj, ctx: RenderContext): string {
  const style = isObj(e.style) ? e.style : {};
  let html: string;
  switch (e.type) {
    case "text":
      html = emojify(esc(str(e.text) ?? "")).replace(/\n/g, "<br>");
      break;
    case "link": {
      const url = safeUrl(e.url);
      const label = emojify(esc(str(e.text) ?? str(e.url) ?? ""));
      html = url ? linkHtml(url, label) : label;
      break;
    }
    case "user":
      html = mentionHtml(str(e.user_id) ?? "", undefined, ctx);
      break;
    case "channel":
      html = channelHtml(str(e.channel_id) ?? "", undefined, ctx);
      break;
    case "emoji":
      html =
        typeof e.unicode === "string" && /^[0-9a-f-]+$/i.test(e.unicode)
          ? e.unicode
              .split("-")
              .map((h) => String.fromCodePoint(parseInt(h, 16)))
              .join("")
          : emojify(`:${esc(str(e.name) ?? "")}:`);
      break;
    case "broadcast":
      html = `<span class="mk-mention mk-broadcast">@${esc(str(e.range) ?? "here")}</span>`;
      break;
    case "date":
      html = `<time class="mk-date">${esc(str(e.fallback) ?? formatFull(str(e.timestamp) ?? "0", ctx.timeZone, ctx.locale))}</time>`;
      break;
    default:
      html = esc(str(e.text) ?? "");
  }
  if (style.code === true) html = `<code class="mk-code">${html}</code>`;
  if (style.bold === true) html = `<b>${html}</b>`;
  if (style.italic === true) html = `<i>${html}</i>`;
  if (style.strike === true) html = `<s>${html}</s>`;
  return html;
}

function richElement(e: Obj, ctx: RenderContext): string {
  const inner = (x: Obj) =>
    objs(x.elements)
      .map((c) => richInline(c, ctx))
      .join("");
  switch (e.type) {
    case "rich_text_section":
      return `<div class="rt-section">${inner(e)}</div>`;
    case "rich_text_preformatted":
      return `<pre class="mk-pre">${inner(e).replace(/<br>/g, "\n")}</pre>`;
    case "rich_text_quote":
      return `<blockquote class="mk-quote">${inner(e)}</blockquote>`;
    case "rich_text_list": {
      const tag = e.style === "ordered" ? "ol" : "ul";
      const indent = typeof e.indent === "number" ? Math.min(Math.max(e.indent, 0), 8) : 0;
      return `<${tag} class="rt-list rt-indent-${indent}">${objs(e.elements)
        .map((s) => `<li>${inner(s)}</li>`)
        .join("")}</${tag}>`;
    }
    default:
      return "";
  }
}

function errorHtml(blockId: string | undefined, ctx: RenderContext): string {
  const msg = blockId ? ctx.errors?.[blockId] : undefined;
  return msg
    ? `<div class="bk-error" role="alert" data-testid="field-error">${renderPlain(msg)}</div>`
    : `<div class="bk-error" role="alert" data-testid="field-error" hidden></div>`;
}

function inputBlock(b: Obj, blockId: string | undefined, ctx: RenderContext): string {
  const el = isObj(b.element) ? b.element : {};
  const type = str(el.type) ?? "";
  const error = blockId ? ctx.errors?.[blockId] : undefined;
  const id = controlId(blockId, el, ctx);
  const optional = b.optional === true;
  const grouped = [
    "checkboxes",
    "radio_buttons",
    "multi_static_select",
    "multi_users_select",
    "multi_external_select",
    "multi_conversations_select",
    "multi_channels_select",
  ].includes(type);
  const labelText = esc(textOf(b.label));
  const label = grouped
    ? `<div class="bk-label"${attrs({ id: `${id}-label` })}>${labelText}${optional ? ` <span class="bk-optional">${words(ctx).optional}</span>` : ""}</div>`
    : `<label class="bk-label"${attrs({ for: id })}>${labelText}${optional ? ` <span class="bk-optional">${words(ctx).optional}</span>` : ""}</label>`;
  const hint = b.hint !== undefined ? `<div class="bk-hint">${renderText(b.hint, ctx)}</div>` : "";
  const control = renderElement(el, blockId, ctx, "input", grouped ? { "aria-labelledby": `${id}-label` } : {});
  return `<div${attrs({
    class: `blk blk-input${error ? " has-error" : ""}`,
    "data-block-id": blockId,
    "data-input-action-id": str(el.action_id),
    "data-input-type": type,
    "data-optional": optional ? "1" : undefined,
    "data-dispatch": b.dispatch_action === true ? "1" : undefined,
    "data-min-length": typeof el.min_length === "number" ? el.min_length : undefined,
    "data-testid": "input-block",
  })}>${label}<div class="bk-control">${control}</div>${errorHtml(blockId, ctx)}${hint}</div>`;
}

/** One block as HTML. */
export function renderBlock(block: unknown, ctx: RenderContext): string {
  if (!isObj(block)) return "";
  const b = block;
  const blockId = str(b.block_id);
  const head = (type: string, extra = "") => `<div${attrs({ class: `blk blk-${type}${extra}`, "data-block-id": blockId, "data-block-type": type })}>`;
  switch (b.type) {
    case "header":
      return `${head("header")}<h3 class="blk-header-text">${renderText(b.text, ctx)}</h3></div>`;
    case "section": {
      const text = b.text !== undefined ? `<div class="sec-text">${renderText(b.text, ctx)}</div>` : "";
      const fields = Array.isArray(b.fields)
        ? `<div class="sec-fields">${list(b.fields)
            .map((f) => `<div class="sec-field">${renderText(f, ctx)}</div>`)
            .join("")}</div>`
        : "";
      const acc = b.accessory !== undefined ? `<div class="sec-accessory">${renderElement(b.accessory, blockId, ctx, "accessory")}</div>` : "";
      return `${head("section", acc ? " has-accessory" : "")}<div class="sec-main">${text}${fields}</div>${acc}</div>`;
    }
    case "context": {
      const items = objs(b.elements)
        .map((e) => {
          if (e.type === "image") {
            const src = safeUrl(e.image_url);
            return src ? `<img class="ctx-img"${attrs({ src, alt: str(e.alt_text) ?? "" })}>` : "";
          }
          return `<span class="ctx-text">${renderText(e, ctx)}</span>`;
        })
        .join("");
      return `${head("context")}${items}</div>`;
    }
    case "divider":
      return `${head("divider")}<hr></div>`;
    case "actions":
      return `${head("actions")}${list(b.elements)
        .map((e) => renderElement(e, blockId, ctx, "actions"))
        .join("")}</div>`;
    case "image": {
      const src = safeUrl(b.image_url);
      const alt = str(b.alt_text) ?? "";
      const title = b.title !== undefined ? `<figcaption>${renderText(b.title, ctx)}</figcaption>` : "";
      const img = src ? `<img${attrs({ src, alt, loading: "lazy" })}>` : `<div class="bk-image-missing">${esc(alt)}</div>`;
      return `<figure${attrs({ class: "blk blk-image", "data-block-id": blockId, "data-block-type": "image" })}>${title}${img}</figure>`;
    }
    case "rich_text":
      return `${head("rich_text")}${objs(b.elements)
        .map((e) => richElement(e, ctx))
        .join("")}</div>`;
    case "input":
      return inputBlock(b, blockId, ctx);
    case "file":
      return `${head("file")}<div class="file-card">📄 ${esc(str(b.external_id) ?? "ファイル")}</div></div>`;
    default:
      return `${head("unknown")}<span class="bk-unsupported">[未対応のブロック: ${esc(str(b.type) ?? "?")}]</span></div>`;
  }
}

/** A list of blocks as HTML. */
export function renderBlocks(blocks: unknown, ctx: RenderContext): string {
  return list(blocks)
    .map((b) => renderBlock(b, ctx))
    .join("");
}

// ---- messages ------------------------------------------------------------------------------

/** A hue from an id, so each person keeps their avatar colour. */
function hue(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) % 360;
  return h;
}

export function avatarHtml(userId: string, name: string, isBot: boolean): string {
  if (isBot) return `<div class="avatar avatar-bot" aria-hidden="true">守</div>`;
  const initial = [...name.trim()][0] ?? "?";
  return `<div class="avatar" aria-hidden="true" style="background:hsl(${hue(userId)},45%,42%)">${esc(initial)}</div>`;
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function filesHtml(files: FileInfo[] | undefined): string {
  if (!files?.length) return "";
  return `<div class="msg-files">${files
    .map((f) => {
      const url = safeUrl(f.url_private) ?? safeUrl(f.permalink);
      const inner = `<span class="file-icon" aria-hidden="true">${/\.csv$/i.test(f.name) ? "📊" : "📄"}</span><span class="file-meta"><span class="file-name">${esc(f.title || f.name)}</span><span class="file-size">${esc(f.name)} · ${sizeText(f.size)}</span></span>`;
      return url
        ? `<a class="file-card" data-testid="file"${attrs({ href: url, target: "_blank", rel: "noopener noreferrer", download: f.name })}>${inner}</a>`
        : `<div class="file-card" data-testid="file">${inner}</div>`;
    })
    .join("")}</div>`;
}

function bodyHtml(text: string, blocks: Block[] | undefined, ctx: RenderContext): string {
  return blocks && blocks.length > 0 ? renderBlocks(blocks, ctx) : text ? `<div class="msg-text">${renderMrkdwn(text, ctx)}</div>` : "";
}

function headHtml(name: string, isBot: boolean, ts: string, ctx: RenderContext): string {
  return `<div class="msg-head"><span class="msg-name">${esc(name)}</span>${isBot ? '<span class="app-badge">APP</span>' : ""}<time class="msg-time"${attrs({
    datetime: tsToDate(ts).toISOString(),
    title: formatFull(ts, ctx.timeZone, ctx.locale),
  })}>${formatTime(ts, ctx.timeZone, ctx.locale)}</time></div>`;
}

/** A message of a channel or a thread: avatar, name (APP badge for the bot), time, body, files, replies. */
export function renderMessage(m: FakeMessage, ctx: RenderContext, opts: MessageOptions = {}): string {
  const isBot = m.bot_id !== undefined || (ctx.botUserId !== undefined && m.user === ctx.botUserId);
  const name = isBot ? (ctx.botName ?? "mamori") : userName(m.user, ctx);
  const c: RenderContext = { ...ctx, container: { type: "message", channel: m.channel, ts: m.ts } };
  const edited = m.edited ? ` <span class="msg-edited">${words(ctx).edited}</span>` : "";
  const replies =
    !opts.inThread && m.reply_count > 0
      ? `<button type="button" class="msg-replies" data-testid="replies-link"${attrs({ "data-open-thread": m.ts })}><span class="msg-replies-count">${words(ctx).replies(Number(m.reply_count))}</span><span class="msg-replies-view">${words(ctx).viewThread}</span></button>`
      : "";
  const tools = opts.inThread
    ? ""
    : `<div class="msg-tools"><button type="button" class="msg-tool" title="${words(ctx).replyInThread}" aria-label="${words(ctx).replyInThread}"${attrs({ "data-open-thread": m.ts })}>💬</button></div>`;
  return `<div${attrs({
    class: `msg${isBot ? " msg-bot" : ""}${opts.highlight ? " msg-highlight" : ""}`,
    "data-testid": "message",
    "data-ts": m.ts,
    "data-channel": m.channel,
    "data-user": m.user,
    "data-thread-ts": m.thread_ts,
  })}>${avatarHtml(m.user, name, isBot)}<div class="msg-main">${headHtml(name, isBot, m.ts, ctx)}<div class="msg-body">${bodyHtml(m.text, m.blocks, c)}${edited}</div>${filesHtml(
    m.files,
  )}${replies}</div>${tools}</div>`;
}

/** An ephemeral message (from the bot, to this person only), marked "あなただけに表示されています". */
export function renderEphemeral(e: FakeEphemeral, ctx: RenderContext): string {
  const name = ctx.botName ?? "mamori";
  const c: RenderContext = { ...ctx, container: { type: "message", channel: e.channel, ts: e.ts, ephemeral: true } };
  return `<div${attrs({
    class: "msg msg-bot msg-ephemeral",
    "data-testid": "ephemeral",
    "data-ts": e.ts,
    "data-channel": e.channel,
    "data-ephemeral": "1",
    "data-thread-ts": e.thread_ts,
  })}>${avatarHtml(ctx.botUserId ?? "bot", name, true)}<div class="msg-main"><div class="eph-note"><span aria-hidden="true">👁</span> ${words(ctx).onlyYou}</div>${headHtml(
    name,
    true,
    e.ts,
    ctx,
  )}<div class="msg-body">${bodyHtml(e.text, e.blocks, c)}</div></div></div>`;
}

// ---- views ---------------------------------------------------------------------------------

export interface ModalOptions {
  /** a view below it in the stack: the title bar shows a back arrow */
  canGoBack?: boolean;
  /** the top of the stack is the only one shown */
  hidden?: boolean;
}

/** A modal: title bar (× and back), blocks with field errors under their inputs, close/submit buttons. */
export function renderModal(v: StoredView, errors: Record<string, string> | undefined, ctx: RenderContext, opts: ModalOptions = {}): string {
  const view = v.view as Obj;
  const c: RenderContext = { ...ctx, container: { type: "view", viewId: v.id }, errors: errors ?? v.errors ?? {} };
  const title = textOf(view.title) || "モーダル";
  const titleId = `modal-title-${idPart(v.id)}`;
  const close = textOf(view.close) || "キャンセル";
  const submit = view.submit !== undefined && view.submit !== null ? textOf(view.submit) : undefined;
  const back = opts.canGoBack ? `<button type="button" class="modal-back" data-testid="modal-back" aria-label="戻る">←</button>` : "";
  return `<div${attrs({
    class: "modal",
    role: "dialog",
    "aria-modal": "true",
    "aria-labelledby": titleId,
    "data-testid": "modal",
    "data-view-id": v.id,
    "data-hash": v.hash,
    "data-callback-id": str(view.callback_id),
    hidden: opts.hidden,
  })}><div class="modal-head">${back}<span class="modal-app avatar-bot" aria-hidden="true">守</span><h2 class="modal-title"${attrs({ id: titleId })}>${esc(
    title,
  )}</h2><button type="button" class="modal-x" data-testid="modal-x" aria-label="閉じる">×</button></div><div class="modal-body">${renderBlocks(
    view.blocks,
    c,
  )}</div><div class="modal-foot"><button type="button" class="btn" data-testid="modal-cancel">${esc(close)}</button>${
    submit !== undefined ? `<button type="button" class="btn btn-primary" data-testid="modal-submit">${esc(submit)}</button>` : ""
  }</div></div>`;
}

/** The App Home tab (or a note while the app has published nothing). */
export function renderHome(v: StoredView | null, ctx: RenderContext): string {
  if (!v) return `<div class="home home-empty" data-testid="home"><p>ホームタブを読み込んでいます…</p></div>`;
  const c: RenderContext = { ...ctx, container: { type: "view", viewId: v.id } };
  return `<div${attrs({ class: "home", "data-testid": "home", "data-view-id": v.id, "data-hash": v.hash })}>${renderBlocks((v.view as Obj).blocks, c)}</div>`;
}

// ---- links -------------------------------------------------------------------------------

/** A message permalink (…/archives/C…/p1700000000000100[?thread_ts=…]) as channel and ts, else null. */
export function parsePermalink(url: string): { channel: string; ts: string; threadTs?: string } | null {
  const m = /\/archives\/([CDG][A-Z0-9]+)\/p(\d{10})(\d{6})(?:\?(.*))?$/.exec(url);
  if (!m) return null;
  const threadTs = m[4] ? (new URLSearchParams(m[4]).get("thread_ts") ?? undefined) : undefined;
  return { channel: m[1]!, ts: `${m[2]}.${m[3]}`, ...(threadTs && { threadTs }) };
}
