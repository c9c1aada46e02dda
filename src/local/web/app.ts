// The local Slack page (browser only, bundled by esbuild): a Slack-like workspace where one
// picks a persona, types /privacy in a channel, presses the bot's buttons and fills its
// modals. It talks only to the local server (/local/api/*, see ../protocol.ts), which
// relays everything to the bot as the signed requests Slack would send, and refetches the
// persona's state whenever the server announces a change (Server-Sent Events).
import {
  EVENTS_PATH,
  type ActionBody,
  type ChannelInfo,
  type CloseBody,
  type CommandBody,
  type FakeEphemeral,
  type FakeMessage,
  type HomeBody,
  type MessageBody,
  type Persona,
  type PersonaState,
  type PostAnswer,
  type SimpleInputs,
  type StoredView,
  type SubmitBody,
  type Workspace,
} from "../protocol.js";
import {
  avatarHtml,
  dayKey,
  dayLabel,
  esc,
  parsePermalink,
  renderEphemeral,
  renderHome,
  renderMessage,
  renderModal,
  renderMrkdwn,
  type ConfirmData,
  type RenderContext,
} from "./render.js";
import { pageTexts, type PageTexts } from "./texts.js";

const API = "/local/api";
const STORE_KEY = "mamori.local.as";
const TZ = "Asia/Tokyo";
/** the persona's DM with the bot, before the server has told us its id */
const DM = "dm";
/**
 * When this page was loaded (Slack ts seconds): ephemeral messages from before are not shown,
 * as in Slack, where an ephemeral message vanishes when the client reloads.
 */
const PAGE_LOADED = Date.now() / 1000;
const fresh = (e: FakeEphemeral): boolean => Number(e.ts) >= PAGE_LOADED;

interface Ui {
  ws: Workspace;
  me: string;
  /** a channel id, or DM until the state names the DM channel */
  channel: string;
  tab: "messages" | "home";
  thread: string | null;
  state: PersonaState | null;
  /** a message opened from a link, highlighted for a moment */
  highlight: string | null;
}

let ui: Ui;
/** the language the layout was last drawn in (redrawn when a persona of another language is picked) */
let layoutLang = "";
/** each persona's DM channel with the bot, as learnt from the state */
const dmOf = new Map<string, string>();
/** field errors found on the page (required fields), by view id */
const clientErrors = new Map<string, Record<string, string>>();

// ---- DOM helpers -----------------------------------------------------------------------

function $(sel: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(sel);
  if (!el) throw new Error(`missing ${sel}`);
  return el;
}

function fromHtml(html: string): HTMLElement {
  const t = document.createElement("template");
  t.innerHTML = html.trim();
  return t.content.firstElementChild as HTMLElement;
}

const cssEscape = (s: string): string => CSS.escape(s);

/** Compares Slack ts strings without losing microseconds to floating point. */
function cmpTs(a: string, b: string): number {
  const [ai = "0", af = ""] = a.split(".");
  const [bi = "0", bf = ""] = b.split(".");
  return Number(ai) - Number(bi) || af.padEnd(6, "0").localeCompare(bf.padEnd(6, "0"));
}

function ctx(): RenderContext {
  return {
    userNames: ui.ws.userNames,
    channelNames: Object.fromEntries(ui.ws.channels.filter((c) => c.kind === "channel").map((c) => [c.id, c.name])),
    botUserId: ui.ws.bot.id,
    botName: ui.ws.bot.name,
    me: ui.me,
    timeZone: TZ,
    locale: persona(ui.me)?.locale ?? "ja-JP",
  };
}

/** The page's own words in the persona's language. */
const T = (): PageTexts => pageTexts(persona(ui.me)?.lang ?? "ja");
/** The channels this persona sees: every public one, and the private ones they are a member of. */
const visibleChannels = (): ChannelInfo[] => ui.ws.channels.filter((c) => c.kind === "channel" && (!c.private || (c.members ?? []).includes(ui.me)));

const persona = (id: string): Persona | undefined => ui.ws.personas.find((p) => p.id === id);
const channelInfo = (id: string): ChannelInfo | undefined => ui.ws.channels.find((c) => c.id === id);
const dmChannel = (): string | undefined => ui.state?.dmChannel ?? dmOf.get(ui.me);
const isDm = (id: string = ui.channel): boolean => id === DM || id === dmChannel() || channelInfo(id)?.kind === "dm";

// ---- server --------------------------------------------------------------------------------

async function post(path: "command" | "message" | "action" | "submit" | "close" | "home" | "upload" | "shortcut", body: unknown): Promise<PostAnswer> {
  let answer: PostAnswer;
  try {
    const res = await fetch(`${API}/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      answer = (await res.json()) as PostAnswer;
    } catch {
      answer = res.ok ? { ok: true } : { ok: false, error: T().serverError(res.status) };
    }
  } catch {
    answer = { ok: false, error: T().noServer };
  }
  if (!answer.ok && !answer.errors) toast(answer.error ?? T().error);
  scheduleRefresh();
  return answer;
}

let refreshTimer: number | undefined;
let inflight = false;
let again = false;

function scheduleRefresh(delay = 50): void {
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refresh(), delay);
}

async function refresh(): Promise<void> {
  if (inflight) {
    again = true;
    return;
  }
  inflight = true;
  const as = ui.me;
  const wanted = ui.channel;
  const wantedThread = ui.thread;
  try {
    // without a channel the server answers with the persona's DM with the bot
    const q = new URLSearchParams({ as });
    if (wanted !== DM) q.set("channel", wanted);
    if (ui.thread && wanted !== DM) q.set("thread", ui.thread);
    const res = await fetch(`${API}/state?${q.toString()}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const st = (await res.json()) as PersonaState;
    setOffline(false);
    dmOf.set(st.as, st.dmChannel);
    if (as !== ui.me || wanted !== ui.channel || wantedThread !== ui.thread) {
      again = true; // the person moved on meanwhile (another persona, channel or thread)
    } else {
      if (wanted === DM) ui.channel = st.channel;
      ui.state = st;
      if (ui.thread && !st.thread) ui.thread = null;
      render();
    }
  } catch {
    setOffline(true);
  } finally {
    inflight = false;
    if (again) {
      again = false;
      scheduleRefresh(0);
    }
  }
}

function setOffline(offline: boolean): void {
  $("#offline").hidden = !offline;
}

// ---- layout --------------------------------------------------------------------------------

function layout(): void {
  const t = T();
  document.title = t.title(ui.ws.team);
  document.documentElement.lang = t.htmlLang;
  layoutLang = t.htmlLang;
  $("#app").innerHTML = `
<header class="topbar">
  <div class="topbar-left"><span class="local-badge" title="${esc(t.badgeTitle)}">${esc(t.badge)}</span></div>
  <div class="topbar-center">
    <label class="persona-label" for="persona">${esc(t.viewingAs)}</label>
    <select id="persona" class="persona-select" data-testid="persona-switcher" aria-label="${esc(t.switchPersona)}"></select>
  </div>
  <div class="topbar-right" id="me-chip"></div>
</header>
<nav class="sidebar" aria-label="${esc(t.sidebar)}">
  <div class="ws-name" data-testid="workspace-name">${esc(ui.ws.team)} <span aria-hidden="true">▾</span></div>
  <div class="side-section">
    <div class="side-title" data-testid="channels-title">${esc(t.channels)}</div>
    <ul class="side-list" id="channel-list"></ul>
  </div>
  <div class="side-section">
    <div class="side-title">${esc(t.dms)}</div>
    <ul class="side-list" id="dm-list"></ul>
  </div>
  <div class="side-foot" id="me-card" data-testid="me-card"></div>
</nav>
<main class="main">
  <div class="chan-head"><div class="chan-title" id="chan-title"></div><div class="chan-tabs" id="chan-tabs" role="tablist"></div></div>
  <div class="offline" id="offline" role="status" hidden>${esc(t.offline)}</div>
  <div class="messages" id="messages" data-testid="messages" aria-live="polite"></div>
  <div class="home-pane" id="home" hidden></div>
  <div class="composer-wrap" id="composer-wrap">
    <div class="cmd-hint" id="cmd-hint" data-testid="command-hint" hidden></div>
    <div class="shortcut-menu" id="shortcut-menu" data-testid="shortcut-menu" role="menu" hidden></div>
    <div class="composer">
      <button type="button" class="shortcut-btn" id="shortcut-btn" data-testid="shortcut-button" aria-haspopup="menu" aria-label="${esc(t.shortcuts)}" title="${esc(
        t.shortcuts,
      )}">⚡</button>
      <textarea id="composer" data-testid="composer" rows="1" aria-label="${esc(t.message)}"></textarea>
      <button type="button" class="send-btn" id="composer-send" data-testid="composer-send" aria-label="${esc(t.send)}">➤</button>
    </div>
    <div class="composer-help">${t.help}</div>
  </div>
</main>
<aside class="thread" id="thread" data-testid="thread-pane" aria-label="${esc(t.thread)}" hidden>
  <div class="thread-head"><div><b>${esc(t.thread)}</b> <span class="thread-chan" id="thread-chan"></span></div>
    <button type="button" class="icon-btn" id="thread-close" data-testid="thread-close" aria-label="${esc(t.closeThread)}">×</button></div>
  <div class="thread-body" id="thread-messages"></div>
  <div class="composer-wrap">
    <div class="composer">
      <textarea id="thread-composer" data-testid="thread-composer" rows="1" placeholder="${esc(t.reply)}" aria-label="${esc(t.replyAria)}"></textarea>
      <button type="button" class="send-btn" id="thread-send" data-testid="thread-send" aria-label="${esc(t.sendReply)}">➤</button>
    </div>
  </div>
</aside>
<div class="modal-layer" id="modals" hidden></div>
<div class="confirm-layer" id="confirm-layer" hidden></div>
<div class="toasts" id="toasts" aria-live="assertive"></div>`;
  const select = $("#persona") as HTMLSelectElement;
  select.innerHTML = ui.ws.personas
    .map((p) => `<option value="${esc(p.id)}">${esc(`${p.name}（${p.department}）${p.roles.length ? ` ${p.roles.join("・")}` : ""}`)}</option>`)
    .join("");
  select.value = ui.me;
}

function renderSidebar(): void {
  const active = ui.channel;
  $("#channel-list").innerHTML = visibleChannels()
    .map(
      (c) =>
        `<li><a href="#" class="side-link${c.id === active ? " active" : ""}" data-testid="channel-link" data-channel-id="${esc(c.id)}" data-channel-name="${esc(c.name)}"${
          c.private ? ` data-private="1" title="${esc(T().privateChannel)}"` : ""
        }${c.id === active ? ' aria-current="page"' : ""}>${
          c.private
            ? `<span class="hash lock" data-testid="lock" aria-label="${esc(T().privateChannel)}">🔒</span>`
            : '<span class="hash" aria-hidden="true">#</span>'
        }${esc(c.name)}</a></li>`,
    )
    .join("");
  const dmActive = isDm(active);
  $("#dm-list").innerHTML = `<li><a href="#" class="side-link${dmActive ? " active" : ""}" data-testid="dm-link" data-channel-id="${esc(dmChannel() ?? DM)}"${
    dmActive ? ' aria-current="page"' : ""
  }><span class="side-avatar avatar-bot" aria-hidden="true">守</span>${esc(ui.ws.bot.name)}<span class="app-badge">APP</span></a></li>`;
  const p = persona(ui.me);
  $("#me-card").innerHTML = p
    ? `${avatarHtml(p.id, p.name, false)}<div class="me-text"><div class="me-name">${esc(p.name)}</div><div class="me-dept">${esc(p.department)}</div>${
        p.roles.length ? `<div class="me-roles">${p.roles.map((r) => `<span class="role">${esc(r)}</span>`).join("")}</div>` : ""
      }</div>`
    : "";
  $("#me-chip").innerHTML = p ? `${avatarHtml(p.id, p.name, false)}<span>${esc(p.name)}</span>` : "";
}

function renderHeader(): void {
  const title = $("#chan-title");
  const tabs = $("#chan-tabs");
  if (isDm()) {
    title.innerHTML = `<span class="side-avatar avatar-bot" aria-hidden="true">守</span><span class="chan-name">${esc(ui.ws.bot.name)}</span><span class="app-badge">APP</span>`;
    const tab = (id: "home" | "messages", label: string) =>
      `<button type="button" role="tab" class="chan-tab${ui.tab === id ? " active" : ""}" aria-selected="${ui.tab === id}" data-tab="${id}" data-testid="${id}-tab">${label}</button>`;
    tabs.innerHTML = tab("home", T().home) + tab("messages", T().messages);
  } else {
    const c = channelInfo(ui.channel);
    title.innerHTML = `<span class="chan-name">${c?.private ? "🔒" : "#"} ${esc(c?.name ?? ui.channel)}</span>`;
    tabs.innerHTML = "";
  }
  const composer = $("#composer") as HTMLTextAreaElement;
  composer.placeholder = isDm() ? T().messageTo(ui.ws.bot.name) : T().messageTo(`#${channelInfo(ui.channel)?.name ?? ""}`);
}

// ---- messages --------------------------------------------------------------------------------

interface Item {
  key: string;
  html: string;
}

const rendered = new WeakMap<Element, string>();

/** Puts `items` in `box` in order, re-rendering only those whose HTML changed (keyed by `key`). */
function reconcile(box: HTMLElement, items: Item[]): void {
  const existing = new Map<string, HTMLElement>();
  for (const child of Array.from(box.children) as HTMLElement[]) {
    const key = child.dataset.key;
    if (key) existing.set(key, child);
    else child.remove();
  }
  let prev: HTMLElement | null = null;
  for (const item of items) {
    let node = existing.get(item.key);
    existing.delete(item.key);
    if (!node || rendered.get(node) !== item.html) {
      const fresh = fromHtml(item.html);
      fresh.dataset.key = item.key;
      rendered.set(fresh, item.html);
      if (node) node.replaceWith(fresh);
      node = fresh;
    }
    const want: Element | null = prev ? prev.nextElementSibling : box.firstElementChild;
    if (want !== node) box.insertBefore(node, want);
    prev = node;
  }
  for (const gone of existing.values()) gone.remove();
}

function introHtml(): string {
  const t = T();
  const tip = `<div class="tip">${t.tip(esc(ui.ws.bot.name))}</div>`;
  if (isDm())
    return `<div class="chan-intro"><div class="intro-avatar avatar-bot" aria-hidden="true">守</div><h2>${esc(ui.ws.bot.name)} <span class="app-badge">APP</span></h2><p>${t.dmIntro(
      esc(ui.ws.bot.name),
    )}</p>${tip}</div>`;
  const c = channelInfo(ui.channel);
  const name = c?.name ?? ui.channel;
  if (ui.state?.denied) return `<div class="chan-intro" data-testid="channel-denied"><h2>🔒 ${esc(name)}</h2><p>${esc(t.denied)}</p></div>`;
  if (c?.private) return `<div class="chan-intro"><h2>🔒 ${esc(name)}</h2><p>${t.privateIntro(esc(name))}</p>${tip}</div>`;
  return `<div class="chan-intro"><h2># ${esc(name)}</h2><p>${t.channelIntro(esc(name))}</p>${tip}</div>`;
}

type Entry = { ts: string; html: string; key: string };

function withDays(entries: Entry[]): Item[] {
  entries.sort((a, b) => cmpTs(a.ts, b.ts));
  const items: Item[] = [];
  let day = "";
  for (const e of entries) {
    const d = dayKey(e.ts, TZ);
    if (d !== day) {
      day = d;
      items.push({ key: `day-${d}`, html: `<div class="day-divider"><span>${esc(dayLabel(e.ts, TZ, new Date(), persona(ui.me)?.locale))}</span></div>` });
    }
    items.push(e);
  }
  return items;
}

function messageEntry(m: FakeMessage, inThread = false): Entry {
  return { ts: m.ts, key: `m-${m.ts}`, html: renderMessage(m, ctx(), { inThread, highlight: ui.highlight === m.ts }) };
}

function ephemeralEntry(e: FakeEphemeral): Entry {
  return { ts: e.ts, key: `e-${e.ts}`, html: renderEphemeral(e, ctx()) };
}

let lastChannelShown = "";

function renderMessages(st: PersonaState): void {
  const box = $("#messages");
  const switched = lastChannelShown !== st.channel;
  lastChannelShown = st.channel;
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const top = box.scrollTop;
  const entries = [
    ...st.messages.map((m) => messageEntry(m)),
    ...st.ephemerals.filter((e) => e.channel === st.channel && !e.thread_ts && fresh(e)).map(ephemeralEntry),
  ];
  reconcile(box, [{ key: "intro", html: introHtml() }, ...withDays(entries)]);
  const target = ui.highlight ? box.querySelector<HTMLElement>(`[data-testid="message"][data-ts="${cssEscape(ui.highlight)}"]`) : null;
  if (target) target.scrollIntoView({ block: "center" });
  else if (switched || atBottom) box.scrollTop = box.scrollHeight;
  else box.scrollTop = top;
}

let lastThreadShown = "";

function renderThread(st: PersonaState): void {
  const pane = $("#thread");
  const open = Boolean(ui.thread && st.thread && st.thread.parent.ts === ui.thread);
  pane.hidden = !open;
  $("#app").classList.toggle("with-thread", open);
  if (!open || !st.thread) {
    lastThreadShown = "";
    $("#thread-messages").replaceChildren();
    return;
  }
  const box = $("#thread-messages");
  const switched = lastThreadShown !== st.thread.parent.ts;
  lastThreadShown = st.thread.parent.ts;
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  const top = box.scrollTop;
  const { parent, replies } = st.thread;
  const parentTs = parent.ts;
  const entries = [...replies.map((m) => messageEntry(m, true)), ...st.ephemerals.filter((e) => e.thread_ts === parentTs && fresh(e)).map(ephemeralEntry)].sort(
    (a, b) => cmpTs(a.ts, b.ts),
  );
  const count = replies.length;
  reconcile(box, [
    { key: "parent", html: renderMessage(parent, ctx(), { inThread: true }) },
    { key: "count", html: `<div class="thread-count"><span>${esc(T().replies(count))}</span></div>` },
    ...entries,
  ]);
  $("#thread-chan").textContent = isDm(parent.channel) ? ui.ws.bot.name : `#${channelInfo(parent.channel)?.name ?? parent.channel}`;
  if (switched || atBottom) box.scrollTop = box.scrollHeight;
  else box.scrollTop = top;
}

function renderHomeTab(st: PersonaState): void {
  const pane = $("#home");
  const key = st.home ? `${st.home.id}:${st.home.hash}` : "none";
  if (pane.dataset.key === key) return;
  pane.dataset.key = key;
  pane.innerHTML = renderHome(st.home, ctx());
}

// ---- modals ----------------------------------------------------------------------------------

type Raw = { type: string; actionId: string; value: string | string[] | null };

/** What each input block of a modal holds now (strings; lists for multi-selects and checkboxes; null when empty). */
function collectInputs(modal: ParentNode): SimpleInputs {
  const out: SimpleInputs = {};
  for (const [blockId, raw] of Object.entries(collectRaw(modal))) out[blockId] = raw.value;
  return out;
}

function collectRaw(modal: ParentNode): Record<string, Raw> {
  const out: Record<string, Raw> = {};
  for (const blk of Array.from(modal.querySelectorAll<HTMLElement>(".blk-input[data-block-id]"))) {
    const type = blk.dataset.inputType ?? "";
    const actionId = blk.dataset.inputActionId ?? "";
    let value: string | string[] | null;
    if (type === "file_input") {
      // the ids of the files already uploaded to the fake (uploadPicked)
      value = (blk.querySelector<HTMLInputElement>('[data-role="files"]')?.dataset.fileIds ?? "").split(",").filter(Boolean);
    } else if (blk.querySelector('input[type="checkbox"]') || type.startsWith("multi_") || type === "checkboxes") {
      value = Array.from(blk.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')).map((i) => i.value);
    } else if (type === "radio_buttons") {
      value = blk.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? null;
    } else {
      const control = blk.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-role="value"]');
      value = control && control.value !== "" ? control.value : null;
    }
    out[blk.dataset.blockId!] = { type, actionId, value };
  }
  return out;
}

/** Puts back what was typed, after views.update, where the block, action and type are the same (as Slack does). */
function restoreRaw(modal: ParentNode, saved: Record<string, Raw>): void {
  for (const blk of Array.from(modal.querySelectorAll<HTMLElement>(".blk-input[data-block-id]"))) {
    const raw = saved[blk.dataset.blockId!];
    if (!raw || raw.type !== blk.dataset.inputType || raw.actionId !== blk.dataset.inputActionId) continue;
    if (Array.isArray(raw.value)) {
      for (const box of Array.from(blk.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))) box.checked = raw.value.includes(box.value);
    } else if (raw.type === "radio_buttons") {
      for (const r of Array.from(blk.querySelectorAll<HTMLInputElement>('input[type="radio"]'))) r.checked = r.value === raw.value;
    } else {
      const control = blk.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>('[data-role="value"]');
      if (control) control.value = raw.value ?? "";
    }
  }
}

/** Shows `errors` under their input blocks (and clears the others). */
function applyErrors(modal: HTMLElement, errors: Record<string, string> | undefined): void {
  for (const blk of Array.from(modal.querySelectorAll<HTMLElement>(".blk-input[data-block-id]"))) {
    const msg = errors?.[blk.dataset.blockId!];
    const box = blk.querySelector<HTMLElement>(".bk-error");
    blk.classList.toggle("has-error", Boolean(msg));
    if (box) {
      box.textContent = msg ?? "";
      box.hidden = !msg;
    }
  }
}

/** What Slack checks itself before sending a view_submission: required fields and min_length. */
function checkRequired(modal: HTMLElement): Record<string, string> {
  const errors: Record<string, string> = {};
  const raw = collectRaw(modal);
  for (const blk of Array.from(modal.querySelectorAll<HTMLElement>(".blk-input[data-block-id]"))) {
    const id = blk.dataset.blockId!;
    const value = raw[id]?.value;
    const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
    const min = Number(blk.dataset.minLength ?? "0");
    if (empty && blk.dataset.optional !== "1") errors[id] = T().required;
    else if (typeof value === "string" && min > 0 && [...value].length < min) errors[id] = T().minLength(min);
  }
  return errors;
}

function modalErrors(v: StoredView): Record<string, string> {
  return { ...(v.errors ?? {}), ...(clientErrors.get(v.id) ?? {}) };
}

function renderModals(st: PersonaState): void {
  const layer = $("#modals");
  const views = st.modals;
  const ids = new Set(views.map((v) => v.id));
  for (const el of Array.from(layer.querySelectorAll<HTMLElement>(".modal"))) if (!ids.has(el.dataset.viewId ?? "")) el.remove();
  let opened: HTMLElement | null = null;
  views.forEach((v, i) => {
    const top = i === views.length - 1;
    const old = layer.querySelector<HTMLElement>(`.modal[data-view-id="${cssEscape(v.id)}"]`);
    if (!old || old.dataset.hash !== v.hash) {
      const saved = old ? collectRaw(old) : undefined;
      const fresh = fromHtml(renderModal(v, modalErrors(v), ctx(), { canGoBack: i > 0, hidden: !top }));
      if (old) old.replaceWith(fresh);
      else layer.appendChild(fresh);
      if (saved) restoreRaw(fresh, saved);
      if (top) opened = fresh;
    } else {
      old.hidden = !top;
      applyErrors(old, modalErrors(v));
    }
  });
  // keep the stack's order (bottom first), moving only what is out of place: a moved
  // element loses its scroll position, and the person would be thrown back to the top
  let prev: Element | null = null;
  for (const v of views) {
    const el = layer.querySelector<HTMLElement>(`.modal[data-view-id="${cssEscape(v.id)}"]`);
    if (!el) continue;
    const want: Element | null = prev ? prev.nextElementSibling : layer.firstElementChild;
    if (want !== el) layer.insertBefore(el, want);
    prev = el;
  }
  layer.hidden = views.length === 0;
  document.body.classList.toggle("modal-open", views.length > 0);
  if (opened) (opened as HTMLElement).querySelector<HTMLElement>("input:not([type=checkbox]):not([type=radio]), textarea, select")?.focus();
}

async function submitModal(modal: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const viewId = modal.dataset.viewId!;
  const missing = checkRequired(modal);
  clientErrors.set(viewId, missing);
  const stored = ui.state?.modals.find((v) => v.id === viewId);
  if (Object.keys(missing).length > 0) {
    applyErrors(modal, { ...(stored?.errors ?? {}), ...missing });
    revealFirstError(modal);
    return;
  }
  clientErrors.delete(viewId);
  applyErrors(modal, {});
  await busy(button, async () => {
    const tooMany = await uploadPicked(modal);
    if (tooMany) {
      applyErrors(modal, tooMany);
      return;
    }
    const body: SubmitBody = { as: ui.me, viewId, inputs: collectInputs(modal) };
    const answer = await post("submit", body);
    if (answer.errors) {
      applyErrors(modal, answer.errors);
      revealFirstError(modal);
    }
  });
}

/**
 * Slack uploads the files a person picks in a file input before the view_submission: so
 * does the local Slack (POST /local/api/upload, the fake keeps them and serves their
 * url_private). Returns field errors when more files are picked than max_files.
 */
async function uploadPicked(modal: HTMLElement): Promise<Record<string, string> | null> {
  for (const input of Array.from(modal.querySelectorAll<HTMLInputElement>('input[type="file"][data-role="files"]'))) {
    const files = Array.from(input.files ?? []);
    const blockId = input.closest<HTMLElement>(".blk-input")?.dataset.blockId ?? "";
    if (files.length > Number(input.dataset.maxFiles ?? "10")) return { [blockId]: `ファイルは${input.dataset.maxFiles}件までです。` };
    const ids: string[] = [];
    for (const f of files) {
      const bytes = new Uint8Array(await f.arrayBuffer());
      let bin = "";
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const answer = await post("upload", { as: ui.me, name: f.name, base64: btoa(bin) });
      if (!answer.ok || !answer.fileId) return { [blockId]: answer.error ?? "アップロードできませんでした。" };
      ids.push(answer.fileId);
    }
    input.dataset.fileIds = ids.join(",");
  }
  return null;
}

/** As Slack does, scrolls the modal to the first field with an error, which may be far above the submit button. */
function revealFirstError(modal: HTMLElement): void {
  modal.querySelector<HTMLElement>(".blk-input.has-error")?.scrollIntoView({ block: "center" });
}

async function closeModal(modal: HTMLElement): Promise<void> {
  const body: CloseBody = { as: ui.me, viewId: modal.dataset.viewId! };
  clientErrors.delete(body.viewId);
  modal.classList.add("closing");
  await post("close", body);
}

// ---- actions ---------------------------------------------------------------------------------

/** Runs `fn` with the element disabled and marked busy (Slack shows a spinner). */
async function busy<T>(el: HTMLElement, fn: () => Promise<T>): Promise<T> {
  el.setAttribute("aria-busy", "true");
  if (el instanceof HTMLButtonElement) el.disabled = true;
  try {
    return await fn();
  } finally {
    el.removeAttribute("aria-busy");
    if (el instanceof HTMLButtonElement) el.disabled = false;
  }
}

/** The ActionBody of an element (its data-* attributes), plus `extra`; modals add what is typed so far. */
function actionBody(el: HTMLElement, extra: Partial<ActionBody>): ActionBody {
  const d = el.dataset;
  const body: ActionBody = { as: ui.me, actionId: d.actionId ?? "", ...(d.blockId ? { blockId: d.blockId } : {}), ...extra };
  if (d.container === "message" && d.channel && d.messageTs) {
    body.message = { channel: d.channel, ts: d.messageTs, ...(d.ephemeral === "1" ? { ephemeral: true } : {}) };
  } else if (d.viewId) {
    body.viewId = d.viewId;
    const modal = el.closest<HTMLElement>(".modal");
    if (modal) body.inputs = collectInputs(modal);
  }
  return body;
}

function sendAction(el: HTMLElement, extra: Partial<ActionBody>): Promise<PostAnswer> {
  return post("action", actionBody(el, extra));
}

function confirmOf(el: HTMLElement): ConfirmData | undefined {
  const raw = el.dataset.confirm;
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as ConfirmData;
  } catch {
    return undefined;
  }
}

/** Slack's confirmation dialog; resolves true when confirmed. */
function askConfirm(c: ConfirmData): Promise<boolean> {
  const layer = $("#confirm-layer");
  layer.innerHTML = `<div class="confirm" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" data-testid="confirm-dialog">
    <h3 id="confirm-title">${esc(c.title)}</h3><div class="confirm-text">${c.textHtml}</div>
    <div class="confirm-foot"><button type="button" class="btn" data-testid="confirm-deny">${esc(c.deny)}</button><button type="button" class="btn ${
      c.style === "danger" ? "btn-danger" : "btn-primary"
    }" data-testid="confirm-ok">${esc(c.confirm)}</button></div></div>`;
  layer.hidden = false;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      layer.hidden = true;
      layer.innerHTML = "";
      document.removeEventListener("keydown", onKey, true);
      resolve(ok);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        done(false);
      }
    };
    document.addEventListener("keydown", onKey, true);
    $('[data-testid="confirm-ok"]', layer).addEventListener("click", () => done(true));
    $('[data-testid="confirm-deny"]', layer).addEventListener("click", () => done(false));
    layer.addEventListener("click", (e) => e.target === layer && done(false), { once: true });
    $('[data-testid="confirm-ok"]', layer).focus();
  });
}

/** Opens a URL: a message permalink of this workspace in the page, anything else in a new tab. */
function openUrl(url: string): void {
  if (!followPermalink(url)) window.open(url, "_blank", "noopener");
}

function followPermalink(url: string): boolean {
  const link = parsePermalink(url);
  if (!link) return false;
  const known = channelInfo(link.channel) || link.channel === dmChannel();
  if (!known) return false;
  ui.channel = link.channel;
  ui.tab = "messages";
  ui.thread = link.threadTs ?? link.ts;
  ui.highlight = link.threadTs ? null : link.ts;
  window.setTimeout(() => {
    ui.highlight = null;
    if (ui.state) render();
  }, 2500);
  navigate();
  return true;
}

async function onButton(btn: HTMLButtonElement): Promise<void> {
  const confirm = confirmOf(btn);
  if (confirm && !(await askConfirm(confirm))) return;
  const url = btn.dataset.url;
  if (url) openUrl(url);
  await busy(btn, () => sendAction(btn, btn.dataset.value !== undefined ? { value: btn.dataset.value } : {}));
}

async function onOverflowItem(item: HTMLButtonElement): Promise<void> {
  const wrap = item.closest<HTMLElement>(".bk-overflow");
  closeMenus();
  if (!wrap) return;
  const confirm = confirmOf(wrap);
  if (confirm && !(await askConfirm(confirm))) return;
  if (item.dataset.url) openUrl(item.dataset.url);
  await sendAction(wrap, { selectedOption: item.dataset.optionValue ?? "" });
}

function closeMenus(except?: Element): void {
  for (const m of Array.from(document.querySelectorAll<HTMLElement>(".bk-overflow-menu"))) if (m !== except) m.hidden = true;
}

/** A select, date, checkbox… changed: send the action where Slack would (actions blocks, accessories, inputs with dispatch_action). */
async function onElementChange(target: HTMLElement): Promise<void> {
  const el = target.closest<HTMLElement>("[data-action-id]");
  if (!el) return;
  const input = el.closest<HTMLElement>(".blk-input");
  if (input && input.dataset.dispatch !== "1") return;
  const checked = () => Array.from(el.querySelectorAll<HTMLInputElement>("input:checked")).map((i) => i.value);
  const value = (target as HTMLInputElement | HTMLSelectElement).value;
  let extra: Partial<ActionBody>;
  switch (el.dataset.type) {
    case "static_select":
    case "external_select":
    case "radio_buttons":
      if (!value) return;
      extra = { selectedOption: el.dataset.type === "radio_buttons" ? (checked()[0] ?? value) : value };
      break;
    case "users_select":
      if (!value) return;
      extra = { selectedUser: value };
      break;
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      extra = { selectedOptions: checked() };
      break;
    case "datepicker":
      if (!value) return;
      extra = { selectedDate: value };
      break;
    default:
      return; // timepicker, multi_users_select, conversations: the protocol has no field for them
  }
  const confirm = confirmOf(el);
  if (confirm && !(await askConfirm(confirm))) return;
  await sendAction(el, extra);
}

// ---- composer ----------------------------------------------------------------------------------

/** ⚡: the app's global shortcuts (the manifest's), as Slack lists them beside the composer. */
function toggleShortcuts(): void {
  const menu = $("#shortcut-menu");
  if (!menu.hidden) {
    menu.hidden = true;
    return;
  }
  const t = T();
  const items = ui.ws.shortcuts.map(
    (x) =>
      `<button type="button" class="shortcut-item" role="menuitem" data-testid="shortcut-item" data-shortcut="${esc(x.callbackId)}"><span class="shortcut-app avatar-bot" aria-hidden="true">守</span><span class="shortcut-name">${esc(
        x.name,
      )}</span><span class="shortcut-desc">${esc(x.description)} · ${esc(ui.ws.bot.name)}</span></button>`,
  );
  menu.innerHTML = `<div class="cmd-title">${esc(t.shortcutsTitle)}</div>${items.length ? items.join("") : `<div class="cmd-none">${esc(t.noShortcuts)}</div>`}`;
  menu.hidden = false;
}

async function runShortcut(callbackId: string): Promise<void> {
  $("#shortcut-menu").hidden = true;
  await post("shortcut", { as: ui.me, callbackId });
}

function updateHint(text: string): void {
  const hint = $("#cmd-hint");
  if (!text.startsWith("/")) {
    hint.hidden = true;
    return;
  }
  const word = text.split(/\s/)[0] ?? "";
  const typingArgs = /\s/.test(text);
  const matches = ui.ws.commands.filter((c) => (typingArgs ? c.command === word : c.command.startsWith(word)));
  if (matches.length === 0) {
    hint.innerHTML = `<div class="cmd-none">${esc(T().noMatch(word))}</div>`;
  } else {
    hint.innerHTML = `<div class="cmd-title">${typingArgs ? T().usage : T().command}</div>${matches
      .map(
        (c) =>
          `<button type="button" class="cmd-item" data-command="${esc(c.command)}"><span class="cmd-name">${esc(c.command)}</span> <span class="cmd-usage">${esc(
            c.usageHint,
          )}</span><span class="cmd-desc">${esc(c.description)}</span></button>`,
      )
      .join("")}`;
  }
  hint.hidden = false;
}

function autosize(t: HTMLTextAreaElement): void {
  t.style.height = "auto";
  t.style.height = `${Math.min(t.scrollHeight, 200)}px`;
}

async function sendComposer(t: HTMLTextAreaElement, threadTs?: string): Promise<void> {
  const text = t.value.trim();
  if (!text || ui.channel === DM) return;
  let answer: PostAnswer;
  if (text.startsWith("/")) {
    t.value = "";
    updateHint("");
    const body: CommandBody = { as: ui.me, channel: ui.channel, text };
    answer = await post("command", body);
  } else {
    t.value = "";
    const body: MessageBody = { as: ui.me, channel: ui.channel, text, ...(threadTs ? { threadTs } : {}) };
    answer = await post("message", body);
  }
  if (!answer.ok && t.value === "") t.value = text; // as Slack does: the text comes back to be sent again
  autosize(t);
}

// ---- toasts -----------------------------------------------------------------------------------

function toast(message: string): void {
  const box = $("#toasts");
  const el = fromHtml(
    `<div class="toast" role="alert" data-testid="toast"><span class="toast-text">${renderMrkdwn(message, ctx())}</span><button type="button" class="toast-x" aria-label="${esc(T().close)}">×</button></div>`,
  );
  box.appendChild(el);
  const remove = () => el.remove();
  el.querySelector("button")?.addEventListener("click", remove);
  window.setTimeout(remove, 8000);
}

// ---- navigation ---------------------------------------------------------------------------------

function syncUrl(): void {
  const q = new URLSearchParams();
  q.set("as", ui.me);
  if (ui.tab === "home") q.set("tab", "home");
  else if (isDm()) q.set("channel", "dm");
  else q.set("channel", ui.channel);
  if (ui.thread) q.set("thread", ui.thread);
  const url = `${location.pathname}?${q.toString()}`;
  if (url !== `${location.pathname}${location.search}`) history.replaceState(null, "", url);
}

/** After changing channel, tab, thread or persona: show what is known now and fetch the rest. */
function navigate(): void {
  syncUrl();
  if (ui.state && (ui.state.as !== ui.me || ui.state.channel !== ui.channel)) {
    // the old state belongs elsewhere: show the frame, keep modals of this persona only
    ui.state = {
      ...ui.state,
      messages: [],
      ephemerals: [],
      thread: undefined,
      modals: ui.state.as === ui.me ? ui.state.modals : [],
      channel: ui.channel,
      as: ui.me,
    };
  }
  render();
  scheduleRefresh(0);
}

function openChannel(id: string): void {
  ui.channel = id;
  ui.tab = "messages";
  ui.thread = null;
  navigate();
}

function openHome(): void {
  ui.channel = dmChannel() ?? DM;
  ui.tab = "home";
  ui.thread = null;
  const body: HomeBody = { as: ui.me };
  void post("home", body);
  navigate();
}

function openThread(ts: string): void {
  ui.thread = ts;
  navigate();
  window.setTimeout(() => ($("#thread-composer") as HTMLTextAreaElement).focus(), 0);
}

function render(): void {
  renderSidebar();
  renderHeader();
  const st = ui.state;
  const home = ui.tab === "home";
  $("#messages").hidden = home;
  $("#composer-wrap").hidden = home;
  $("#home").hidden = !home;
  if (!st) return;
  if (home) renderHomeTab(st);
  else renderMessages(st);
  renderThread(st);
  renderModals(st);
  syncUrl();
}

// ---- events ------------------------------------------------------------------------------------

function wire(): void {
  document.addEventListener("click", (e) => {
    const t = e.target as HTMLElement;
    if (!t.closest(".bk-overflow")) closeMenus();

    const side = t.closest<HTMLElement>(".side-link");
    if (side) {
      e.preventDefault();
      if (side.dataset.testid === "dm-link") openChannel(dmChannel() ?? DM);
      else openChannel(side.dataset.channelId!);
      return;
    }
    const tab = t.closest<HTMLElement>(".chan-tab");
    if (tab) {
      if (tab.dataset.tab === "home") openHome();
      else openChannel(dmChannel() ?? DM);
      return;
    }
    const threadLink = t.closest<HTMLElement>("[data-open-thread]");
    if (threadLink) {
      openThread(threadLink.dataset.openThread!);
      return;
    }
    if (t.closest("#thread-close")) {
      ui.thread = null;
      navigate();
      return;
    }
    const chanLink = t.closest<HTMLElement>("[data-channel-link]");
    if (chanLink) {
      e.preventDefault();
      const id = chanLink.dataset.channelLink!;
      if (channelInfo(id) || id === dmChannel()) openChannel(id);
      return;
    }
    const anchor = t.closest<HTMLAnchorElement>("a[href]");
    if (anchor && followPermalink(anchor.href)) {
      e.preventDefault();
      return;
    }
    const cmd = t.closest<HTMLElement>(".cmd-item");
    if (cmd) {
      const composer = $("#composer") as HTMLTextAreaElement;
      composer.value = `${cmd.dataset.command} `;
      updateHint(composer.value);
      composer.focus();
      return;
    }
    const modal = t.closest<HTMLElement>(".modal");
    if (modal) {
      const submit = t.closest<HTMLButtonElement>('[data-testid="modal-submit"]');
      if (submit) return void submitModal(modal, submit);
      if (t.closest('[data-testid="modal-cancel"], [data-testid="modal-x"], [data-testid="modal-back"]')) return void closeModal(modal);
    }
    const toggle = t.closest<HTMLElement>(".bk-overflow-toggle");
    if (toggle) {
      const menu = toggle.parentElement?.querySelector<HTMLElement>(".bk-overflow-menu");
      if (menu) {
        closeMenus(menu);
        menu.hidden = !menu.hidden;
      }
      return;
    }
    const item = t.closest<HTMLButtonElement>(".bk-overflow-item");
    if (item) return void onOverflowItem(item);
    const btn = t.closest<HTMLButtonElement>("button.bk-btn");
    if (btn && !btn.disabled) return void onButton(btn);
    if (t.closest("#shortcut-btn")) return void toggleShortcuts();
    const sc = t.closest<HTMLElement>("[data-shortcut]");
    if (sc) return void runShortcut(sc.dataset.shortcut!);
    if (!t.closest("#shortcut-menu")) $("#shortcut-menu").hidden = true;
    if (t.closest("#composer-send")) return void sendComposer($("#composer") as HTMLTextAreaElement);
    if (t.closest("#thread-send")) return void sendComposer($("#thread-composer") as HTMLTextAreaElement, ui.thread ?? undefined);
  });

  document.addEventListener("change", (e) => {
    const t = e.target as HTMLElement;
    if (t.id === "persona") {
      switchPersona((t as HTMLSelectElement).value);
      return;
    }
    if (t.closest("[data-action-id]")) void onElementChange(t);
  });

  document.addEventListener("keydown", (e) => {
    const t = e.target as HTMLElement;
    const composing = e.isComposing || e.keyCode === 229; // IME conversion: Enter picks the kanji, it does not send
    if (t instanceof HTMLTextAreaElement && (t.id === "composer" || t.id === "thread-composer")) {
      if (e.key === "Enter" && !e.shiftKey && !composing) {
        e.preventDefault();
        void sendComposer(t, t.id === "thread-composer" ? (ui.thread ?? undefined) : undefined);
      } else if (e.key === "Tab" && t.id === "composer" && t.value.startsWith("/") && !/\s/.test(t.value)) {
        const first = $("#cmd-hint").querySelector<HTMLElement>(".cmd-item");
        if (first) {
          e.preventDefault();
          t.value = `${first.dataset.command} `;
          updateHint(t.value);
        }
      } else if (e.key === "Escape") {
        $("#cmd-hint").hidden = true;
      }
      return;
    }
    // a plain_text_input that dispatches its action on Enter (actions blocks, or inputs with dispatch_action)
    if (e.key === "Enter" && !composing && t instanceof HTMLInputElement && t.dataset.type === "plain_text_input") {
      const input = t.closest<HTMLElement>(".blk-input");
      if (!input || input.dataset.dispatch === "1") {
        e.preventDefault();
        void sendAction(t, { value: t.value });
      }
    }
    if (e.key === "Escape") closeMenus();
  });

  document.addEventListener("input", (e) => {
    const t = e.target as HTMLElement;
    if (t instanceof HTMLTextAreaElement && (t.id === "composer" || t.id === "thread-composer")) {
      autosize(t);
      if (t.id === "composer") updateHint(t.value);
    }
  });

  const events = new EventSource(EVENTS_PATH);
  events.addEventListener("change", () => scheduleRefresh());
  events.onmessage = () => scheduleRefresh();
  events.onopen = () => {
    setOffline(false);
    scheduleRefresh(0);
  };
  events.onerror = () => setOffline(true);
}

function switchPersona(id: string): void {
  if (!persona(id) && ui.ws.personas.length > 0) return;
  const wasDm = isDm();
  ui.me = id;
  try {
    localStorage.setItem(STORE_KEY, id);
  } catch {
    // private mode: the URL still remembers
  }
  ui.state = null;
  clientErrors.clear();
  $("#modals").innerHTML = "";
  // nothing of the previous persona stays on screen until the new one's state arrives
  // (their ephemerals are theirs only)
  $("#messages").replaceChildren();
  $("#thread-messages").replaceChildren();
  if (wasDm) {
    ui.channel = dmOf.get(id) ?? DM;
    ui.thread = null;
  }
  if (ui.tab === "home") {
    const body: HomeBody = { as: id };
    void post("home", body);
  }
  if (T().htmlLang !== layoutLang) layout(); // the page's own words follow the persona's language
  ($("#persona") as HTMLSelectElement).value = id;
  lastChannelShown = "";
  $("#home").dataset.key = "";
  navigate();
}

// ---- start ----------------------------------------------------------------------------------------

async function start(): Promise<void> {
  const root = document.getElementById("app");
  if (!root) return;
  let ws: Workspace;
  try {
    const res = await fetch(`${API}/workspace`);
    ws = (await res.json()) as Workspace;
  } catch {
    root.innerHTML = `<div class="fatal">ローカルサーバーに接続できません。<code>npm start</code> が動いているか確認して、再読み込みしてください。</div>`;
    return;
  }
  const q = new URLSearchParams(location.search);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORE_KEY);
  } catch {
    stored = null;
  }
  const known = (id: string | null): id is string => id !== null && ws.personas.some((p) => p.id === id);
  const me = [q.get("as"), stored].find(known) ?? ws.personas[0]?.id ?? "";
  const firstChannel = ws.channels.find((c) => c.kind === "channel")?.id ?? DM;
  const asked = q.get("channel");
  const tab = q.get("tab") === "home" ? "home" : "messages";
  const channel =
    tab === "home" || asked === "dm" || asked === `D${me}`
      ? DM
      : asked && (ws.channels.some((c) => c.id === asked) || /^D[A-Z0-9]+$/.test(asked))
        ? asked
        : firstChannel;
  ui = { ws, me, channel, tab, thread: q.get("thread"), state: null, highlight: null };
  try {
    localStorage.setItem(STORE_KEY, me);
  } catch {
    // ignore
  }
  layout();
  wire();
  if (tab === "home") {
    const body: HomeBody = { as: me };
    void post("home", body);
  }
  navigate();
}

void start();
