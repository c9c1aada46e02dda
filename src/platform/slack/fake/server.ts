// A local fake of the Slack Web API that answers like Slack does: same method names,
// scopes, error codes, rate limits (429 + Retry-After), trigger_id expiry, Block Kit
// limits, threads, ephemerals, modals and App Home, message metadata. It can answer late
// or never, per method (the work done, the answer held), as a slow or hung Slack does.
// End-to-end tests point Bolt's
// `clientOptions.slackApiUrl` at `apiUrl`; state is kept in memory and every change is
// announced with a "change" event, so a browser UI can later show it as a local Slack.
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../clock.js";
import { isObj, LIMITS, validateBlocks, validateView } from "./limits.js";

type Obj = Record<string, unknown>;
export type Block = Obj & { type: string; block_id?: string };
export type ViewDefinition = Obj & { type: "modal" | "home"; blocks: Block[] };

export interface FakeUser {
  id: string;
  name?: string;
  realName?: string;
  locale?: string;
  tz?: string;
  email?: string;
}

export interface FakeSlackOptions {
  /** Granted bot scopes; omitted: every scope. */
  scopes?: string[];
  botUserId?: string;
  botId?: string;
  teamId?: string;
  appId?: string;
  clock?: Clock;
  /** Known users (users.info); omitted: any U…/W… id is a user. */
  users?: FakeUser[];
  /** Token bucket per channel: `burst` messages at once, then one every `perSeconds` seconds; false: no limit. */
  postMessagePerChannel?: { burst: number; perSeconds: number } | false;
  /** Existing channels (plus the bot's DMs); omitted: every C…/D…/G… id exists. */
  channels?: string[];
  /** Accepted tokens; omitted: any xoxb-/xoxp- token. */
  tokens?: string[];
  port?: number;
  /** Where people see this Slack (the local Slack page): the base of auth.test's url, permalinks and file links. */
  publicUrl?: string;
  /** users.info locale of a user not given in `users` (Slack's own default is en-US). */
  defaultLocale?: string;
}

export interface FakeFileInfo {
  id: string;
  name: string;
  title: string;
  size: number;
  url_private: string;
  permalink: string;
}

export interface FakeMessage {
  type: "message";
  ts: string;
  channel: string;
  user: string;
  /** set on the bot's messages, absent on a person's */
  bot_id?: string;
  app_id?: string;
  text: string;
  blocks?: Block[];
  /** Set on replies, and on a parent once it has replies (as Slack does). */
  thread_ts?: string;
  reply_count: number;
  edited?: { user: string; ts: string };
  files?: FakeFileInfo[];
  /** Message metadata given on post; history and replies return it with include_all_metadata. */
  metadata?: MessageMetadata;
}

export interface MessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

export interface FakeEphemeral {
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks?: Block[];
  thread_ts?: string;
}

export interface StoredView {
  id: string;
  type: "modal" | "home";
  user: string;
  view: ViewDefinition;
  hash: string;
  root_view_id: string;
  previous_view_id: string | null;
  /** Field errors from the last `response_action: "errors"`. */
  errors?: Record<string, string>;
}

export interface FakeFile {
  id: string;
  name: string;
  title: string;
  length: number;
  bytes?: Buffer;
  channel?: string;
  ts?: string;
}
export interface RecordedCall {
  method: string;
  args: Obj;
  at: Date;
  status: number;
  response: unknown;
}
export interface Failure {
  error?: string;
  status?: number;
  retryAfter?: number;
}

/** Where a response_url answers; `messageTs` is the message replace_original / delete_original act on. */
export interface ResponseUrlTarget {
  channel: string;
  user: string;
  messageTs?: string;
  ephemeral?: boolean;
}

export type FakeSlackChange =
  | { kind: "message" | "message_changed" | "message_deleted"; channel: string; ts: string }
  | { kind: "ephemeral"; channel: string; user: string; ts: string }
  | { kind: "view_opened" | "view_pushed" | "view_updated" | "view_closed" | "home_published"; viewId: string; user: string }
  | { kind: "file"; fileId: string }
  | { kind: "reset" };

export interface FakeSlackSnapshot {
  version: 1;
  counter: number;
  lastTsMicros: number;
  history: Record<string, FakeMessage[]>;
  ephemerals: FakeEphemeral[];
  views: StoredView[];
  stacks: Record<string, string[]>;
  homes: Record<string, string>;
  files: (Omit<FakeFile, "bytes"> & { base64?: string })[];
}

/** Thrown by method handlers: becomes `{ ok: false, error, ...extra }` with that HTTP status. */
class ApiError extends Error {
  constructor(
    readonly error: string,
    readonly extra: Obj = {},
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {
    super(error);
  }
}

/** Everything reset() forgets. */
class State {
  history = new Map<string, FakeMessage[]>(); // channel -> messages and replies, in order
  ephemerals: FakeEphemeral[] = [];
  views = new Map<string, StoredView>();
  stacks = new Map<string, string[]>(); // user -> open modal ids, bottom first
  homes = new Map<string, string>(); // user -> home view id
  files = new Map<string, FakeFile>();
  triggers = new Map<string, { user: string; expiresAt: number; used: boolean }>();
  responseUrls = new Map<string, { target: ResponseUrlTarget; expiresAt: number; uses: number }>();
  failures = new Map<string, Failure[]>();
  /** per method: answers held this long (the next few calls, then every call) */
  nextDelays = new Map<string, Delay[]>();
  delays = new Map<string, Delay>();
  buckets = new Map<string, { tokens: number; at: number }>();
}

/** The scope a method needs by the kind of conversation its `channel` names: public (C), private (G), DM (D). */
type ScopeByChannel = Record<"C" | "G" | "D", string>;
const HISTORY_SCOPES: ScopeByChannel = { C: "channels:history", G: "groups:history", D: "im:history" };
const channelKind = (channel: string): "C" | "G" | "D" => (channel.startsWith("G") ? "G" : channel.startsWith("D") ? "D" : "C");

/** How a method answers late: after `ms`, having done its work at once or only when answering. */
interface Delay {
  ms: number;
  work: "at once" | "when answered";
}

const TRIGGER_LIFETIME_MS = 3_000;
const RESPONSE_URL_LIFETIME_MS = 30 * 60_000;
const RESPONSE_URL_USES = 5;
const MAX_TEXT = 40_000;
const MAX_VIEW_STACK = 3;
/** Fields the Web API client sends as JSON strings in form-encoded bodies. */
const JSON_FIELDS = ["blocks", "view", "files", "attachments", "metadata"];
const VIEW_DEFAULTS = { private_metadata: "", callback_id: "", external_id: "", clear_on_close: false, notify_on_close: false, close: null, submit: null };

const str = (args: Obj, key: string): string | undefined => {
  const v = args[key];
  return typeof v === "string" && v !== "" ? v : typeof v === "number" ? String(v) : undefined;
};
const flag = (args: Obj, key: string): boolean => args[key] === true || args[key] === "true" || args[key] === "1";
const clone = <T>(v: T): T => structuredClone(v);
const shortId = (): string => randomBytes(3).toString("base64url");

/** Polls `fn` every 20 ms until it returns something other than undefined/false/null. */
export async function waitFor<T>(fn: () => T | undefined | false | null, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export class FakeSlack extends EventEmitter<{ change: [FakeSlackChange] }> {
  readonly botUserId: string;
  readonly botId: string;
  readonly teamId: string;
  readonly appId: string;
  /** Every Web API call (and response_url post, as method "response_url"), oldest first. */
  readonly calls: RecordedCall[] = [];

  private readonly clock: Clock;
  private readonly users = new Map<string, FakeUser>();
  private readonly postLimit: { burst: number; perSeconds: number } | false;
  private s = new State();
  private server?: Server;
  private port = 0;
  private isDown = false;
  private readonly held = new Set<() => void>();
  private stopping: (() => void)[] = [];
  private lastTsMicros = 0;
  private counter = 0;

  /** Web API methods this fake knows, with the bot scope each needs. */
  private readonly methods: Record<string, { scope?: string | ScopeByChannel; run: (args: Obj) => Obj }> = {
    "auth.test": {
      run: () => ({ url: this.linkBase, team: "Fake Workspace", user: "mamori", team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId }),
    },
    "chat.postMessage": { scope: "chat:write", run: (a) => this.postMessage(a) },
    "chat.update": { scope: "chat:write", run: (a) => this.updateMessage(a) },
    "chat.postEphemeral": { scope: "chat:write", run: (a) => this.postEphemeral(a) },
    "chat.getPermalink": { run: (a) => this.permalink(a) },
    "conversations.open": { scope: "im:write", run: (a) => this.openConversation(a) },
    "views.open": { run: (a) => this.openOrPush(a, "open") },
    "views.push": { run: (a) => this.openOrPush(a, "push") },
    "views.update": { run: (a) => this.updateView(a) },
    "views.publish": { run: (a) => this.publishHome(a) },
    "users.info": { scope: "users:read", run: (a) => this.userInfo(a) },
    "conversations.history": { scope: HISTORY_SCOPES, run: (a) => this.history(a) },
    "conversations.replies": { scope: HISTORY_SCOPES, run: (a) => this.replies(a) },
    "reactions.add": { scope: "reactions:write", run: (a) => this.addReaction(a) },
    "files.getUploadURLExternal": { scope: "files:write", run: (a) => this.uploadUrl(a) },
    "files.completeUploadExternal": { scope: "files:write", run: (a) => this.completeUpload(a) },
  };

  constructor(private readonly opts: FakeSlackOptions = {}) {
    super();
    this.clock = opts.clock ?? { now: () => new Date() };
    this.botUserId = opts.botUserId ?? "U0MAMORIBOT";
    this.botId = opts.botId ?? "B0MAMORIBOT";
    this.teamId = opts.teamId ?? "T0FAKETEAM";
    this.appId = opts.appId ?? "A0FAKEAPP";
    for (const u of opts.users ?? []) this.users.set(u.id, u);
    this.postLimit = opts.postMessagePerChannel ?? { burst: 5, perSeconds: 1 };
  }

  // ---- lifecycle and test controls ------------------------------------------------------

  async start(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.opts.port ?? 0, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.held.clear();
    for (const s of this.stopping.splice(0)) s();
    server?.closeAllConnections();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get baseUrl(): string {
    if (!this.port) throw new Error("FakeSlack is not started");
    return `http://127.0.0.1:${this.port}/`;
  }

  /** The base of links people follow: publicUrl when given, else this server. */
  get linkBase(): string {
    const base = this.opts.publicUrl ?? this.baseUrl;
    return base.endsWith("/") ? base : `${base}/`;
  }

  /** Give this to Bolt as `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return `${this.baseUrl}api/`;
  }

  /** The next `times` calls to `method` fail: `{ok:false,error}`, an HTTP status, or a 429 with Retry-After. */
  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.s.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(failure);
    this.s.failures.set(method, queue);
  }

  /** While down, every request answers HTTP 503. */
  down(isDown: boolean): void {
    this.isDown = isDown;
  }

  /**
   * The next `times` calls to `method` are answered `ms` later (Infinity: never, until
   * `releaseHeld()` or `stop()`): what a slow or hung Slack does to a caller that gives up
   * or dies meanwhile. `work` says when the call is carried out: at once (the default;
   * recorded when it arrives), or only when it is answered (a Slack slow to do it; recorded then).
   */
  delayNext(method: string, ms: number, times = 1, work: Delay["work"] = "at once"): void {
    const queue = this.s.nextDelays.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ ms, work });
    this.s.nextDelays.set(method, queue);
  }

  /** Every call to `method` (after those given to delayNext) is answered `ms` late (Infinity: never); undefined: on time again. */
  delay(method: string, ms: number | undefined, work: Delay["work"] = "at once"): void {
    if (ms === undefined) this.s.delays.delete(method);
    else this.s.delays.set(method, { ms, work });
  }

  /** Answers held by delay/delayNext that have not gone out yet. */
  heldAnswers(): number {
    return this.held.size;
  }

  /** Sends every held answer now (to callers still listening). */
  releaseHeld(): void {
    for (const h of [...this.held]) h();
  }

  reset(): void {
    this.calls.length = 0;
    this.s = new State();
    this.isDown = false;
    this.change({ kind: "reset" });
  }

  /** A trigger_id valid for 3 s of the clock, usable once (what Slack sends with commands and actions). */
  issueTriggerId(userId = "U0UNKNOWN"): string {
    const id = `${++this.counter}.${this.teamId.slice(1)}.${randomBytes(12).toString("hex")}`;
    this.s.triggers.set(id, { user: userId, expiresAt: this.nowMs() + TRIGGER_LIFETIME_MS, used: false });
    return id;
  }

  /** A response_url served by this fake (`POST /response/<id>`): 5 uses within 30 minutes, like Slack's. */
  createResponseUrl(target: ResponseUrlTarget): string {
    const id = randomBytes(10).toString("hex");
    this.s.responseUrls.set(id, { target, expiresAt: this.nowMs() + RESPONSE_URL_LIFETIME_MS, uses: 0 });
    return `${this.baseUrl}response/${id}`;
  }

  waitFor<T>(fn: () => T | undefined | false | null, timeoutMs = 15_000): Promise<T> {
    return waitFor(fn, timeoutMs);
  }

  // ---- queries --------------------------------------------------------------------------

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Top-level messages of a channel, oldest first. */
  messages(channel: string): FakeMessage[] {
    return (this.s.history.get(channel) ?? []).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
  }

  /** Replies in the thread started by `ts`, oldest first. */
  thread(channel: string, ts: string): FakeMessage[] {
    return (this.s.history.get(channel) ?? []).filter((m) => m.thread_ts === ts && m.ts !== ts);
  }

  message(channel: string, ts: string): FakeMessage | undefined {
    return this.s.history.get(channel)?.find((m) => m.ts === ts);
  }

  ephemerals(userId?: string): FakeEphemeral[] {
    return this.s.ephemerals.filter((e) => !userId || e.user === userId);
  }

  /** The bot's DM channel with a user; conversations.open returns the same id. */
  dmChannelOf(userId: string): string {
    return `D${userId}`;
  }

  dms(userId: string): FakeMessage[] {
    return this.messages(this.dmChannelOf(userId));
  }

  /** Open modals, bottom of each user's stack first. */
  openViews(userId?: string): StoredView[] {
    return [...this.s.stacks.entries()].filter(([user]) => !userId || user === userId).flatMap(([, ids]) => ids.map((id) => this.s.views.get(id)!));
  }

  homeView(userId: string): StoredView | undefined {
    return this.s.views.get(this.s.homes.get(userId) ?? "");
  }

  view(viewId: string): StoredView | undefined {
    return this.s.views.get(viewId);
  }

  viewErrors(viewId: string): Record<string, string> | undefined {
    return this.s.views.get(viewId)?.errors;
  }

  files(): FakeFile[] {
    return [...this.s.files.values()];
  }

  userName(userId: string): string {
    return this.users.get(userId)?.name ?? userId.toLowerCase();
  }

  /** A view as Slack puts it in API answers and interaction payloads. */
  viewPayload(viewId: string, values: Obj = {}): Obj {
    const v = this.s.views.get(viewId);
    if (!v) throw new Error(`no view ${viewId}`);
    return {
      id: v.id,
      team_id: this.teamId,
      ...VIEW_DEFAULTS,
      ...clone(v.view),
      state: { values: clone(values) },
      hash: v.hash,
      root_view_id: v.root_view_id,
      previous_view_id: v.previous_view_id,
      app_id: this.appId,
      app_installed_team_id: this.teamId,
      bot_id: this.botId,
    };
  }

  // ---- what Slack does after the app answers an interaction -----------------------------

  /**
   * Applies the app's HTTP answer to a view_submission as Slack would: no response_action
   * closes this view; `update`, `push`, `clear`, `errors`. Returns what Slack would refuse
   * (an invalid view, errors keyed by something other than an input block_id).
   */
  applyViewResponse(viewId: string, response: unknown): string[] {
    const current = this.s.views.get(viewId);
    if (!current) return [`no open view ${viewId}`];
    const r: Obj = isObj(response) ? response : {};
    switch (r.response_action) {
      case undefined:
        this.closeView(viewId);
        return [];
      case "update":
      case "push": {
        const problems = validateView(r.view);
        if (problems.length) return problems;
        if (r.response_action === "update") this.replaceView(current, r.view as ViewDefinition);
        else this.pushView(current.user, r.view as ViewDefinition);
        return [];
      }
      case "clear":
        this.closeView(viewId, true);
        return [];
      case "errors": {
        const errors = isObj(r.errors) ? (r.errors as Record<string, string>) : {};
        current.errors = errors;
        const inputs = new Set(current.view.blocks.filter((b) => b.type === "input").map((b) => b.block_id));
        return Object.keys(errors)
          .filter((k) => !inputs.has(k))
          .map((k) => `errors.${k}: not the block_id of an input block in view ${viewId}`);
      }
      default:
        return [`unknown response_action ${JSON.stringify(r.response_action)}`];
    }
  }

  /** Closes a modal (the person pressed Cancel, or a submission closed it); `all` closes its whole stack. */
  closeView(viewId: string, all = false): void {
    const v = this.s.views.get(viewId);
    if (!v) return;
    const stack = this.s.stacks.get(v.user) ?? [];
    const left = all ? [] : stack.filter((id) => id !== viewId);
    if (left.length) this.s.stacks.set(v.user, left);
    else this.s.stacks.delete(v.user);
    for (const id of stack.filter((id) => !left.includes(id))) {
      this.s.views.delete(id);
      this.change({ kind: "view_closed", viewId: id, user: v.user });
    }
  }

  // ---- what people do (the local Slack page) ---------------------------------------------

  /** Adds or renames a user (users.info answers with it). */
  setUser(u: FakeUser): void {
    this.users.set(u.id, { ...this.users.get(u.id), ...u });
  }

  /** A person posts a plain message (or a thread reply) in a channel. */
  postAsUser(channel: string, user: string, text: string, threadTs?: string): FakeMessage {
    const m = this.addMessage(channel, { text, thread_ts: threadTs });
    m.user = user;
    delete m.bot_id;
    delete m.app_id;
    return m;
  }

  /** Shows a message to one person only (what Slack does with the body of a slash command's answer). */
  showEphemeral(e: Omit<FakeEphemeral, "ts">): FakeEphemeral {
    return this.addEphemeral(e);
  }

  /** Messages, threads, ephemerals, views and files, as JSON (the local Slack keeps it across restarts). */
  snapshot(): FakeSlackSnapshot {
    return {
      version: 1,
      counter: this.counter,
      lastTsMicros: this.lastTsMicros,
      history: Object.fromEntries(this.s.history),
      ephemerals: this.s.ephemerals,
      views: [...this.s.views.values()],
      stacks: Object.fromEntries(this.s.stacks),
      homes: Object.fromEntries(this.s.homes),
      files: [...this.s.files.values()].map(({ bytes, ...f }) => ({ ...f, ...(bytes && { base64: bytes.toString("base64") }) })),
    };
  }

  /** Puts back what snapshot() gave; triggers, response URLs and rate limits start afresh. */
  restore(snap: FakeSlackSnapshot): void {
    if (snap.version !== 1) throw new Error(`FakeSlack snapshot version ${String(snap.version)} is not supported`);
    const s = new State();
    s.history = new Map(Object.entries(snap.history));
    s.ephemerals = snap.ephemerals;
    s.views = new Map(snap.views.map((v) => [v.id, v]));
    s.stacks = new Map(Object.entries(snap.stacks));
    s.homes = new Map(Object.entries(snap.homes));
    s.files = new Map(snap.files.map(({ base64, ...f }) => [f.id, { ...f, ...(base64 && { bytes: Buffer.from(base64, "base64") }) }]));
    this.s = s;
    this.counter = Math.max(this.counter, snap.counter);
    this.lastTsMicros = Math.max(this.lastTsMicros, snap.lastTsMicros);
    this.change({ kind: "reset" });
  }

  // ---- HTTP -----------------------------------------------------------------------------

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const raw = await readBody(req);
      if (this.isDown) return send(res, 503, { ok: false, error: "service_unavailable" });
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const [, area, id] = url.pathname.split("/");
      if (area === "api" && id) return await this.onApi(id, req, url, raw, res);
      if (area === "upload" && id && req.method === "POST") return await this.onUpload(id, req, raw, res);
      if (area === "response" && id && req.method === "POST") return this.onResponseUrl(id, raw, res);
      if (area === "files" && id && req.method === "GET") return this.onFileDownload(id, req, res);
      send(res, 404, { ok: false, error: "not_found" });
    } catch (e) {
      send(res, 500, { ok: false, error: "internal_error", detail: String(e) });
    }
  }

  private async onApi(method: string, req: IncomingMessage, url: URL, raw: Buffer, res: ServerResponse): Promise<void> {
    const delay = this.s.nextDelays.get(method)?.shift() ?? this.s.delays.get(method);
    // nothing happens until the answer: a caller that gave up meanwhile is not answered, but the call is still carried out
    if (delay && delay.work === "when answered" && delay.ms > 0 && !(await this.hold(res, delay.ms))) return;
    let args: Obj = {};
    let status = 200;
    let body: Obj;
    const headers: Record<string, string> = {};
    try {
      args = await parseArgs(req, url, raw);
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? str(args, "token");
      delete args.token;
      body = { ok: true, ...this.dispatch(method, token, args) };
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      status = e.status;
      Object.assign(headers, e.headers);
      body = { ok: false, error: e.error, ...e.extra };
    }
    if (this.opts.scopes) headers["X-OAuth-Scopes"] = this.opts.scopes.join(",");
    this.calls.push({ method, args, at: this.clock.now(), status, response: body });
    // carried out, answered late (or never): the caller may give up or die meanwhile
    if (delay && delay.work === "at once" && delay.ms > 0 && !(await this.hold(res, delay.ms))) return;
    if (!res.destroyed && !res.writableEnded) send(res, status, body, headers);
  }

  /** Waits `ms` (Infinity: until releaseHeld); false when the fake stopped meanwhile. */
  private hold(res: ServerResponse, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const answer = (go: boolean) => {
        clearTimeout(timer);
        this.held.delete(release);
        resolve(go);
      };
      const release = () => answer(true);
      this.held.add(release);
      // the caller hung up: it is no longer waiting, though the work is done (or still will be)
      res.once("close", () => this.held.delete(release));
      this.stopping.push(() => answer(false));
      if (Number.isFinite(ms)) timer = setTimeout(release, ms);
    });
  }

  private dispatch(method: string, token: string | undefined, args: Obj): Obj {
    const failure = this.s.failures.get(method)?.shift();
    if (failure) {
      const retry = failure.retryAfter !== undefined ? { "Retry-After": String(failure.retryAfter) } : undefined;
      const status = failure.status ?? (retry ? 429 : 200);
      throw new ApiError(failure.error ?? (status === 429 ? "ratelimited" : "fatal_error"), {}, status, retry);
    }
    const m = this.methods[method];
    if (!m) throw new ApiError("unknown_method");
    if (!token) throw new ApiError("not_authed");
    if (!(this.opts.tokens ? this.opts.tokens.includes(token) : /^xox[bp]-/.test(token))) throw new ApiError("invalid_auth");
    const scopes = this.opts.scopes;
    const needed = typeof m.scope === "object" ? m.scope[channelKind(str(args, "channel") ?? "")] : m.scope;
    if (needed && scopes && !scopes.includes(needed)) throw new ApiError("missing_scope", { needed, provided: scopes.join(",") });
    return m.run(args);
  }

  // ---- messages -------------------------------------------------------------------------

  private postMessage(args: Obj): Obj {
    const channel = this.channelArg(args, "channel", true);
    const content = this.content(args);
    const metadata = this.metadataArg(args);
    this.rateLimit(channel);
    const m = this.addMessage(channel, { ...content, thread_ts: str(args, "thread_ts"), ...(metadata && { metadata }) });
    return { channel, ts: m.ts, message: this.messageJson(m, true) };
  }

  /** Message metadata as Slack checks it: an event_type of letters, digits and underscores, and an object payload. */
  private metadataArg(args: Obj): MessageMetadata | undefined {
    const m = args.metadata;
    if (m === undefined || m === "") return undefined;
    if (!isObj(m)) throw new ApiError("invalid_metadata_format");
    if (typeof m.event_type !== "string" || !/^[A-Za-z0-9_]{1,255}$/.test(m.event_type) || !isObj(m.event_payload))
      throw new ApiError("invalid_metadata_schema");
    return { event_type: m.event_type, event_payload: clone(m.event_payload) };
  }

  /** conversations.history: top-level messages newest first, between oldest and latest, a page at a time. */
  private history(args: Obj): Obj {
    const channel = this.channelArg(args, "channel");
    const list = this.messages(channel).filter(this.between(args)).reverse();
    return this.page(list, args, 100);
  }

  /** conversations.replies: the thread's parent, then its replies oldest first (those between oldest and latest). */
  private replies(args: Obj): Obj {
    const channel = this.channelArg(args, "channel");
    const parent = this.message(channel, str(args, "ts") ?? "");
    if (!parent) throw new ApiError("thread_not_found");
    const root = parent.thread_ts && parent.thread_ts !== parent.ts ? this.message(channel, parent.thread_ts)! : parent;
    const list = [root, ...this.thread(channel, root.ts).filter(this.between(args))];
    return this.page(list, args, 1000);
  }

  /** Slack's oldest/latest/inclusive filter on ts. */
  private between(args: Obj): (m: FakeMessage) => boolean {
    const oldest = Number(str(args, "oldest") ?? 0);
    const latest = Number(str(args, "latest") ?? Number.POSITIVE_INFINITY);
    const inclusive = flag(args, "inclusive");
    return (m) => {
      const t = Number(m.ts);
      return (inclusive ? t >= oldest : t > oldest) && (inclusive ? t <= latest : t < latest);
    };
  }

  /** One page of `list` (limit and an opaque cursor), metadata only with include_all_metadata. */
  private page(list: FakeMessage[], args: Obj, defaultLimit: number): Obj {
    const limit = Math.max(1, Math.min(999, Number(str(args, "limit") ?? defaultLimit) || defaultLimit));
    const cursor = str(args, "cursor");
    const from = cursor
      ? Number(
          Buffer.from(cursor, "base64url")
            .toString("utf8")
            .replace(/^offset:/, ""),
        )
      : 0;
    if (!Number.isInteger(from) || from < 0) throw new ApiError("invalid_cursor");
    const withMetadata = flag(args, "include_all_metadata");
    const messages = list.slice(from, from + limit).map((m) => this.messageJson(m, withMetadata));
    const more = from + limit < list.length;
    return {
      messages,
      has_more: more,
      response_metadata: { next_cursor: more ? Buffer.from(`offset:${from + limit}`).toString("base64url") : "" },
    };
  }

  private updateMessage(args: Obj): Obj {
    const channel = this.channelArg(args, "channel");
    const m = this.message(channel, str(args, "ts") ?? "");
    if (!m) throw new ApiError("message_not_found");
    Object.assign(m, this.content(args), { edited: { user: this.botUserId, ts: this.nextTs() } });
    if (!m.blocks) delete m.blocks;
    this.change({ kind: "message_changed", channel, ts: m.ts });
    return { channel, ts: m.ts, text: m.text, message: this.messageJson(m) };
  }

  private addReaction(args: Obj): Obj {
    if (!this.message(this.channelArg(args, "channel"), str(args, "timestamp") ?? "")) throw new ApiError("message_not_found");
    if (!str(args, "name")) throw new ApiError("invalid_name");
    return {};
  }

  private postEphemeral(args: Obj): Obj {
    const channel = this.channelArg(args, "channel");
    const user = this.userArg(str(args, "user"));
    const e = this.addEphemeral({ channel, user, ...this.content(args), thread_ts: str(args, "thread_ts") });
    return { message_ts: e.ts };
  }

  private permalink(args: Obj): Obj {
    const channel = this.channelArg(args, "channel");
    const ts = str(args, "message_ts") ?? "";
    if (!this.message(channel, ts)) throw new ApiError("message_not_found");
    return { channel, permalink: `${this.linkBase}archives/${channel}/p${ts.replace(".", "")}` };
  }

  private openConversation(args: Obj): Obj {
    if (str(args, "channel")) return { channel: { id: this.channelArg(args, "channel") } };
    const users = (str(args, "users") ?? "")
      .split(",")
      .map((u) => u.trim())
      .filter(Boolean);
    if (users.length === 0) throw new ApiError("users_list_not_supplied");
    for (const u of users) this.userArg(u);
    return { channel: { id: users.length === 1 ? this.dmChannelOf(users[0]!) : `G${[...users].sort().join("")}` } };
  }

  /** Checks text and blocks as chat.postMessage does; stored blocks get Slack's generated ids. */
  private content(args: Obj): { text: string; blocks?: Block[] } {
    const text = typeof args.text === "string" ? args.text : "";
    let blocks: Block[] | undefined;
    if (args.blocks !== undefined && args.blocks !== "") {
      if (typeof args.blocks === "string") throw new ApiError("invalid_blocks_format");
      const errors = validateBlocks(args.blocks, "message");
      if (errors.length) throw new ApiError("invalid_blocks", { errors });
      if ((args.blocks as Block[]).length) blocks = this.withIds(args.blocks as Block[]);
    }
    if (!text && !blocks && !args.attachments) throw new ApiError("no_text");
    if (text.length > MAX_TEXT) throw new ApiError("msg_too_long");
    return { text, ...(blocks && { blocks }) };
  }

  private addMessage(channel: string, c: Pick<FakeMessage, "text" | "blocks" | "thread_ts" | "files" | "metadata">): FakeMessage {
    const list = this.s.history.get(channel) ?? [];
    this.s.history.set(channel, list);
    const { thread_ts, ...content } = c;
    const m: FakeMessage = {
      type: "message",
      ts: this.nextTs(),
      channel,
      user: this.botUserId,
      bot_id: this.botId,
      app_id: this.appId,
      reply_count: 0,
      ...content,
    };
    for (const key of ["blocks", "files", "metadata"] as const) if (m[key] === undefined) delete m[key];
    // A thread_ts Slack does not know posts to the channel; a reply's ts means its thread.
    const target = thread_ts ? list.find((x) => x.ts === thread_ts) : undefined;
    const parent = target?.thread_ts ? list.find((x) => x.ts === target.thread_ts) : target;
    if (parent) {
      m.thread_ts = parent.ts;
      parent.thread_ts = parent.ts;
      parent.reply_count++;
    }
    list.push(m);
    this.change({ kind: "message", channel, ts: m.ts });
    return m;
  }

  private deleteMessage(channel: string, ts: string): boolean {
    const list = this.s.history.get(channel) ?? [];
    const i = list.findIndex((m) => m.ts === ts);
    if (i < 0) return false;
    const m = list.splice(i, 1)[0]!;
    const parent = m.thread_ts && m.thread_ts !== ts ? list.find((x) => x.ts === m.thread_ts) : undefined;
    if (parent) parent.reply_count--;
    this.change({ kind: "message_deleted", channel, ts });
    return true;
  }

  private addEphemeral(e: Omit<FakeEphemeral, "ts">): FakeEphemeral {
    const stored: FakeEphemeral = { ...e, ts: this.nextTs() };
    if (!stored.thread_ts) delete stored.thread_ts;
    this.s.ephemerals.push(stored);
    this.change({ kind: "ephemeral", channel: e.channel, user: e.user, ts: stored.ts });
    return stored;
  }

  private messageJson(m: FakeMessage, withMetadata = false): Obj {
    const { channel: _channel, metadata, ...rest } = clone(m);
    return { ...rest, team: this.teamId, ...(withMetadata && metadata && { metadata }) };
  }

  private rateLimit(channel: string): void {
    if (!this.postLimit) return;
    const { burst, perSeconds } = this.postLimit;
    const now = this.nowMs();
    const b = this.s.buckets.get(channel) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) / (perSeconds * 1000));
    b.at = now;
    this.s.buckets.set(channel, b);
    if (b.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - b.tokens) * perSeconds));
      throw new ApiError("ratelimited", {}, 429, { "Retry-After": String(retryAfter) });
    }
    b.tokens -= 1;
  }

  // ---- views ----------------------------------------------------------------------------

  /** The `view` argument, checked like Slack does (invalid_arguments with the problems). */
  private viewArg(args: Obj, type: "modal" | "home"): ViewDefinition {
    const errors = isObj(args.view) ? validateView(args.view) : ["view: must be a JSON object"];
    if (!errors.length && (args.view as Obj).type !== type) errors.push(`view.type: must be "${type}" here`);
    if (errors.length) throw new ApiError("invalid_arguments", { errors, response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) } });
    // Slack's file input element needs the files:read scope
    const scopes = this.opts.scopes;
    const hasFileInput = ((args.view as Obj).blocks as Obj[]).some((b) => isObj(b.element) && (b.element as Obj).type === "file_input");
    if (hasFileInput && scopes && !scopes.includes("files:read")) throw new ApiError("missing_scope", { needed: "files:read", provided: scopes.join(",") });
    const def = clone(args.view) as ViewDefinition;
    return { ...def, blocks: this.withIds(def.blocks) };
  }

  private openOrPush(args: Obj, how: "open" | "push"): Obj {
    const def = this.viewArg(args, "modal");
    const id = str(args, "trigger_id") ?? str(args, "interactivity_pointer") ?? "";
    const trigger = this.s.triggers.get(id);
    if (!trigger) throw new ApiError("invalid_trigger_id");
    if (trigger.used || this.nowMs() >= trigger.expiresAt) throw new ApiError("expired_trigger_id");
    trigger.used = true;
    const v = how === "open" ? this.openModal(trigger.user, def) : this.pushView(trigger.user, def);
    if (!v) throw new ApiError("push_limit_reached");
    return { view: this.viewPayload(v.id) };
  }

  private newView(type: "modal" | "home", user: string, def: ViewDefinition, previous: string | null, root?: string): StoredView {
    const id = `V${String(++this.counter).padStart(10, "0")}`;
    const v: StoredView = { id, type, user, view: def, hash: this.newHash(), root_view_id: root ?? id, previous_view_id: previous };
    this.s.views.set(id, v);
    return v;
  }

  private openModal(user: string, def: ViewDefinition): StoredView {
    const previous = this.s.stacks.get(user)?.[0];
    if (previous) this.closeView(previous, true);
    const v = this.newView("modal", user, def, null);
    this.s.stacks.set(user, [v.id]);
    this.change({ kind: "view_opened", viewId: v.id, user });
    return v;
  }

  /** Pushes onto the person's modal stack (Slack allows 3 views); undefined when full. */
  private pushView(user: string, def: ViewDefinition): StoredView | undefined {
    const stack = this.s.stacks.get(user) ?? [];
    if (stack.length >= MAX_VIEW_STACK) return undefined;
    const top = stack.at(-1);
    const v = this.newView("modal", user, def, top ?? null, top ? this.s.views.get(top)?.root_view_id : undefined);
    this.s.stacks.set(user, [...stack, v.id]);
    this.change({ kind: "view_pushed", viewId: v.id, user });
    return v;
  }

  private replaceView(v: StoredView, def: ViewDefinition): void {
    v.view = { ...clone(def), blocks: this.withIds(def.blocks) };
    v.hash = this.newHash();
    delete v.errors;
    this.change({ kind: v.type === "home" ? "home_published" : "view_updated", viewId: v.id, user: v.user });
  }

  private updateView(args: Obj): Obj {
    const v = this.s.views.get(str(args, "view_id") ?? "");
    if (!v) throw new ApiError("not_found");
    const def = this.viewArg(args, v.type);
    const hash = str(args, "hash");
    if (hash && hash !== v.hash) throw new ApiError("hash_conflict");
    this.replaceView(v, def);
    return { view: this.viewPayload(v.id) };
  }

  /** One Home tab per person; republishing keeps its id and changes its hash. */
  private publishHome(args: Obj): Obj {
    const user = this.userArg(str(args, "user_id"));
    const def = this.viewArg(args, "home");
    const existing = this.homeView(user);
    const hash = str(args, "hash");
    if (existing && hash && hash !== existing.hash) throw new ApiError("hash_conflict");
    if (existing) this.replaceView(existing, def);
    const v = existing ?? this.newView("home", user, def, null);
    this.s.homes.set(user, v.id);
    if (!existing) this.change({ kind: "home_published", viewId: v.id, user });
    return { view: this.viewPayload(v.id) };
  }

  // ---- users and files ------------------------------------------------------------------

  private userInfo(args: Obj): Obj {
    const id = this.userArg(str(args, "user"));
    const u = this.users.get(id) ?? { id };
    const name = u.name ?? id.toLowerCase();
    const profile = { real_name: u.realName ?? name, display_name: name, ...(u.email && { email: u.email }) };
    const locale = flag(args, "include_locale") ? { locale: u.locale ?? this.opts.defaultLocale ?? "en-US" } : {};
    return {
      user: {
        id,
        team_id: this.teamId,
        name,
        real_name: profile.real_name,
        deleted: false,
        is_bot: id === this.botUserId,
        tz: u.tz ?? "Asia/Tokyo",
        profile,
        ...locale,
      },
    };
  }

  private uploadUrl(args: Obj): Obj {
    const name = str(args, "filename");
    const length = Number(str(args, "length"));
    if (!name || !Number.isInteger(length) || length < 0) throw new ApiError("invalid_arguments");
    const id = `F${String(++this.counter).padStart(10, "0")}`;
    this.s.files.set(id, { id, name, title: name, length });
    return { upload_url: `${this.baseUrl}upload/${id}`, file_id: id };
  }

  /** Shares uploaded files; with a channel_id, posts them there as one message (with initial_comment). */
  private completeUpload(args: Obj): Obj {
    const entries = Array.isArray(args.files) ? (args.files as Obj[]) : [];
    if (entries.length === 0) throw new ApiError("invalid_arguments");
    const files = entries.map((entry) => {
      const f = this.s.files.get(String(entry.id));
      if (!f?.bytes) throw new ApiError("file_not_found");
      if (typeof entry.title === "string") f.title = entry.title;
      return f;
    });
    const infos: FakeFileInfo[] = files.map((f) => {
      const url = `${this.linkBase}files/${f.id}`;
      return { id: f.id, name: f.name, title: f.title, size: f.bytes?.length ?? f.length, url_private: url, permalink: url };
    });
    const channelId = str(args, "channel_id") ?? str(args, "channels")?.split(",")[0];
    if (channelId) {
      const channel = this.channelArg({ channel: channelId }, "channel");
      const m = this.addMessage(channel, { text: str(args, "initial_comment") ?? "", files: infos, thread_ts: str(args, "thread_ts") });
      for (const f of files) Object.assign(f, { channel, ts: m.ts });
    }
    for (const f of files) this.change({ kind: "file", fileId: f.id });
    return { files: infos };
  }

  private async onUpload(id: string, req: IncomingMessage, raw: Buffer, res: ServerResponse): Promise<void> {
    const f = this.s.files.get(id);
    if (!f) return send(res, 404, { ok: false, error: "file_not_found" });
    const type = req.headers["content-type"] ?? "";
    if (type.startsWith("multipart/form-data")) {
      const form = await readMultipart(type, raw);
      const part = form.get("file") ?? form.get("body") ?? [...form.values()][0];
      f.bytes = typeof part === "string" ? Buffer.from(part) : Buffer.from(await (part as Blob).arrayBuffer());
    } else {
      f.bytes = raw;
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${f.bytes.length}`);
  }

  /**
   * A file a person picks in a modal's file input (what Slack uploads from their computer):
   * kept with its bytes, served at its url_private (GET /files/<id>) for the app to fetch
   * with its token. The object is what a view_submission's `files` carries.
   */
  addUserFile(userId: string, name: string, content: Buffer | string): FakeFileInfo & { user: string; mimetype: string; filetype: string } {
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    if (!name) throw new Error("addUserFile: a file needs a name");
    if (bytes.length > LIMITS.fileInputBytes) throw new Error(`addUserFile: over ${LIMITS.fileInputBytes} bytes (Slack's file input limit)`);
    const id = `F${String(++this.counter).padStart(10, "0")}`;
    this.s.files.set(id, { id, name, title: name, length: bytes.length, bytes });
    this.change({ kind: "file", fileId: id });
    return this.userFileObject(id, userId)!;
  }

  /** A stored file as a file input's state shows it (id, name, size, url_private, …); undefined when there is none. */
  userFileObject(id: string, userId = ""): (FakeFileInfo & { user: string; mimetype: string; filetype: string }) | undefined {
    const f = this.s.files.get(id);
    if (!f) return undefined;
    const url = `${this.baseUrl}files/${f.id}`;
    const ext = /\.([a-z0-9]+)$/i.exec(f.name)?.[1]?.toLowerCase() ?? "binary";
    return {
      id: f.id,
      name: f.name,
      title: f.title,
      size: f.bytes?.length ?? f.length,
      url_private: url,
      permalink: url,
      user: userId,
      mimetype: "application/octet-stream",
      filetype: ext,
    };
  }

  /** url_private: like Slack, only with an app's token (Authorization: Bearer xoxb-…). */
  private onFileDownload(id: string, req: IncomingMessage, res: ServerResponse): void {
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token) return send(res, 403, { ok: false, error: "not_authed" });
    if (!(this.opts.tokens ? this.opts.tokens.includes(token) : /^xox[bp]-/.test(token))) return send(res, 403, { ok: false, error: "invalid_auth" });
    const bytes = this.s.files.get(id)?.bytes;
    if (!bytes) return send(res, 404, { ok: false, error: "file_not_found" });
    res.writeHead(200, { "content-type": "application/octet-stream" }).end(bytes);
  }

  // ---- response_url ---------------------------------------------------------------------

  /**
   * What Slack does with a post to a response_url: `response_type: "ephemeral"` (default)
   * shows it to the person only, `in_channel` posts it; `replace_original` and
   * `delete_original` act on the message the interaction came from.
   */
  private onResponseUrl(id: string, raw: Buffer, res: ServerResponse): void {
    let body: Obj = {};
    const answer = (status: number, out: Obj): void => {
      this.calls.push({ method: "response_url", args: body, at: this.clock.now(), status, response: out });
      send(res, status, out);
    };
    try {
      const parsed: unknown = JSON.parse(raw.toString("utf8") || "{}");
      body = isObj(parsed) ? parsed : {};
    } catch {
      return answer(400, { ok: false, error: "invalid_payload" });
    }
    const entry = this.s.responseUrls.get(id);
    if (!entry) return answer(404, { ok: false, error: "not_found" });
    if (++entry.uses > RESPONSE_URL_USES || this.nowMs() > entry.expiresAt) return answer(404, { ok: false, error: "expired_url" });
    const { target } = entry;
    const ephemeral = target.ephemeral ? this.s.ephemerals.find((e) => e.ts === target.messageTs) : undefined;
    const message = !target.ephemeral && target.messageTs ? this.message(target.channel, target.messageTs) : undefined;
    if (flag(body, "delete_original")) {
      if (ephemeral) this.s.ephemerals = this.s.ephemerals.filter((e) => e !== ephemeral);
      if (message) this.deleteMessage(message.channel, message.ts);
      return answer(200, { ok: true });
    }
    let content: { text: string; blocks?: Block[] };
    try {
      content = this.content(body);
    } catch (e) {
      if (e instanceof ApiError) return answer(400, { ok: false, error: e.error, ...e.extra });
      throw e;
    }
    const replace = flag(body, "replace_original");
    if (replace && ephemeral) {
      Object.assign(ephemeral, { blocks: undefined }, content);
      this.change({ kind: "ephemeral", channel: ephemeral.channel, user: ephemeral.user, ts: ephemeral.ts });
    } else if (replace && message) {
      Object.assign(message, { blocks: undefined }, content);
      this.change({ kind: "message_changed", channel: message.channel, ts: message.ts });
    } else if (body.response_type === "in_channel") {
      this.addMessage(target.channel, { ...content, thread_ts: str(body, "thread_ts") });
    } else {
      this.addEphemeral({ channel: target.channel, user: target.user, ...content, thread_ts: str(body, "thread_ts") });
    }
    answer(200, { ok: true });
  }

  // ---- helpers --------------------------------------------------------------------------

  /** Resolves a channel argument; `userToDm`: a U… id means the bot's DM with that person (chat.postMessage). */
  private channelArg(args: Obj, key: string, userToDm = false): string {
    const raw = str(args, key) ?? "";
    if (userToDm && /^[UW][A-Z0-9]+$/.test(raw)) {
      if (!this.isKnownUser(raw)) throw new ApiError("channel_not_found");
      return this.dmChannelOf(raw);
    }
    const isDm = raw.startsWith("D") && this.isKnownUser(raw.slice(1));
    const exists = this.opts.channels ? this.opts.channels.includes(raw) || isDm : /^[CDG][A-Z0-9]+$/.test(raw);
    if (!exists) throw new ApiError("channel_not_found");
    return raw;
  }

  private userArg(id: string | undefined): string {
    if (!id || !this.isKnownUser(id)) throw new ApiError("user_not_found");
    return id;
  }

  private isKnownUser(id: string): boolean {
    return this.opts.users ? this.users.has(id) || id === this.botUserId : /^[UW][A-Z0-9]+$/.test(id);
  }

  /** Slack fills in block_id (and action_id) where the app left them out. */
  private withIds(blocks: Block[]): Block[] {
    return clone(blocks).map((b) => {
      const block: Block = { ...b, block_id: b.block_id ?? shortId() };
      for (const el of [block.accessory, block.element, ...(Array.isArray(block.elements) ? block.elements : [])]) {
        if (isObj(el) && !["image", "plain_text", "mrkdwn"].includes(String(el.type)) && el.action_id === undefined) el.action_id = shortId();
      }
      return block;
    });
  }

  private nowMs(): number {
    return this.clock.now().getTime();
  }

  /** Slack-style ts ("1700000000.000100") from the clock, strictly increasing. */
  private nextTs(): string {
    const micros = Math.max(this.nowMs() * 1000, this.lastTsMicros + 100);
    this.lastTsMicros = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, "0")}`;
  }

  private newHash(): string {
    return `${Math.floor(this.nowMs() / 1000)}.${randomBytes(4).toString("hex")}`;
  }

  private change(c: FakeSlackChange): void {
    this.emit("change", c);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function readMultipart(contentType: string, raw: Buffer): Promise<FormData> {
  return new Request("http://fake/", { method: "POST", headers: { "content-type": contentType }, body: new Uint8Array(raw) }).formData();
}

/** Query string plus a JSON, form-encoded or multipart body; JSON-string fields parsed. */
async function parseArgs(req: IncomingMessage, url: URL, raw: Buffer): Promise<Obj> {
  const args: Obj = Object.fromEntries(url.searchParams);
  const contentType = req.headers["content-type"] ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const text = raw.toString("utf8");
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      throw new ApiError("invalid_json");
    }
    if (isObj(parsed)) Object.assign(args, parsed);
  } else if (type === "multipart/form-data") {
    for (const [key, value] of await readMultipart(contentType, raw)) {
      args[key] = typeof value === "string" ? value : Buffer.from(await value.arrayBuffer());
    }
  } else if (text) {
    Object.assign(args, Object.fromEntries(new URLSearchParams(text)));
  }
  for (const key of JSON_FIELDS) {
    if (typeof args[key] !== "string") continue;
    try {
      args[key] = JSON.parse(args[key] as string);
    } catch {
      // left as a string: the method answers invalid_blocks_format / invalid_arguments
    }
  }
  return args;
}
