// Sends what Slack sends to an app, over real HTTP and signed with the signing secret:
// slash commands, block actions, view submissions and closings, Events API callbacks.
// With a FakeSlack attached, trigger_ids and response_urls come from the fake, payloads
// carry the stored message or view, and the app's answer to a view_submission
// (`response_action`) is applied to the fake's modal stack as Slack would.
import { createHmac, randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";
import { isObj } from "./limits.js";
import type { Block, FakeSlack, ViewDefinition } from "./server.js";

type Obj = Record<string, unknown>;

export interface SlackOption {
  text: { type: "plain_text" | "mrkdwn"; text: string };
  value: string;
  description?: unknown;
}

/** One entry of `view.state.values[blockId][actionId]`, as Slack sends it. */
export type StateValue =
  | { type: "plain_text_input"; value: string | null }
  | { type: "static_select" | "radio_buttons"; selected_option: SlackOption | null }
  | { type: "multi_static_select" | "checkboxes"; selected_options: SlackOption[] }
  | { type: "users_select"; selected_user: string | null }
  | { type: "multi_users_select"; selected_users: string[] }
  | { type: "conversations_select"; selected_conversation: string | null }
  | { type: "channels_select"; selected_channel: string | null }
  | { type: "datepicker"; selected_date: string | null }
  | { type: "timepicker"; selected_time: string | null }
  | { type: "file_input"; files: Obj[] };

export type StateValues = Record<string, Record<string, StateValue>>;

/** What a person typed or picked, per input block_id: strings, lists for multi-selects and checkboxes. */
export type SimpleInputs = Record<string, string | string[] | boolean | null>;

export interface SenderOptions {
  /** The app's request URL, e.g. http://127.0.0.1:3000/slack/events */
  appUrl: string;
  signingSecret: string;
  teamId?: string;
  teamDomain?: string;
  appId?: string;
  fake?: FakeSlack;
  /** Request timestamps and action_ts; Bolt refuses timestamps older than 5 minutes of its own time. */
  clock?: Clock;
  /** The HTTP client (default: the global fetch); the benchmark sends from a thread of its own. */
  fetch?: (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;
}

export interface SendOptions {
  signature?: "valid" | "wrong" | "none";
  /** Sign with a timestamp 10 minutes old (Bolt answers 401). */
  stale?: boolean;
  timestamp?: number;
  /** Extra headers, e.g. { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" } */
  headers?: Record<string, string>;
}

export interface SentResponse {
  status: number;
  /** Parsed JSON when the answer was JSON, else the text (undefined when empty). */
  body: unknown;
  triggerId?: string;
  eventId?: string;
  /** What Slack would have refused in the app's response_action. */
  problems?: string[];
  /** the body as sent, for `retry` (Slack resends a delivery byte for byte) */
  sent?: { body: string; contentType: string };
}

export interface CommandOptions extends SendOptions {
  channelId?: string;
  channelName?: string;
}

export interface BlockActionOptions extends SendOptions {
  actionId: string;
  /** Slack's action_ts; give the same one to resend the same press (a retried delivery) */
  actionTs?: string;
  blockId?: string;
  value?: string;
  /** The element type; looked up in the stored message or view when omitted (else "button"). */
  type?: string;
  /**
   * The message pressed; `blocks`: the message as the person's screen still shows it (an
   * edit that has not reached them yet), looked up instead of the stored one.
   */
  message?: { channel: string; ts: string; ephemeral?: boolean; blocks?: unknown[] };
  /** The stored view the action happened in (modal or Home tab). */
  viewId?: string;
  /** A view payload to send as is (without a fake). */
  view?: Obj;
  state?: StateValues;
  selectedOption?: string | SlackOption;
  selectedOptions?: (string | SlackOption)[];
  selectedDate?: string;
  selectedUser?: string;
  /**
   * The trigger_id to send instead of a fresh one: one the fake issued that has expired or
   * was spent, or one it never issued, to see what the app does when Slack refuses it.
   */
  triggerId?: string;
}

const STALE_SECONDS = 10 * 60;
const VERIFICATION_TOKEN = "fake-verification-token";

export class SlackRequestSender {
  private readonly clock: Clock;
  private readonly teamId: string;
  private readonly fake?: FakeSlack;

  constructor(private readonly opts: SenderOptions) {
    this.clock = opts.clock ?? { now: () => new Date() };
    this.fake = opts.fake;
    this.teamId = opts.teamId ?? opts.fake?.teamId ?? "T0FAKETEAM";
  }

  /** Slack's request signature: `v0=` + hex HMAC-SHA256(secret, `v0:{timestamp}:{body}`). */
  sign(body: string, timestamp: number, secret = this.opts.signingSecret): string {
    return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  }

  async command(userId: string, command: string, text: string, opts: CommandOptions = {}): Promise<SentResponse> {
    const form = this.commandForm(userId, command, text, opts);
    const res = await this.post(new URLSearchParams(form).toString(), "application/x-www-form-urlencoded", opts);
    return { ...res, triggerId: form.trigger_id };
  }

  /** A slash command's form fields, as Slack posts them (`command` sends them signed). */
  commandForm(
    userId: string,
    command: string,
    text: string,
    opts: Pick<CommandOptions, "channelId" | "channelName"> = {},
  ): Record<string, string> & { trigger_id: string } {
    const channel = opts.channelId ?? "C0GENERAL";
    const triggerId = this.triggerId(userId);
    return {
      token: VERIFICATION_TOKEN,
      team_id: this.teamId,
      team_domain: this.opts.teamDomain ?? "fake",
      channel_id: channel,
      channel_name: opts.channelName ?? (channel.startsWith("D") ? "directmessage" : "general"),
      user_id: userId,
      user_name: this.userName(userId),
      command,
      text,
      api_app_id: this.appId,
      is_enterprise_install: "false",
      response_url: this.responseUrl({ channel, user: userId }),
      trigger_id: triggerId,
    };
  }

  async blockAction(userId: string, o: BlockActionOptions): Promise<SentResponse> {
    const triggerId = o.triggerId ?? this.triggerId(userId);
    const payload = this.interaction("block_actions", userId, { trigger_id: triggerId });
    let blocks: unknown;
    if (o.message) {
      const { channel, ts, ephemeral = false } = o.message;
      const stored = ephemeral ? this.fake?.ephemerals(userId).find((e) => e.ts === ts) : this.fake?.message(channel, ts);
      if (this.fake && !stored) throw new Error(`blockAction: no ${ephemeral ? "ephemeral " : ""}message ${channel}/${ts} in the fake`);
      blocks = o.message.blocks ?? stored?.blocks;
      payload.container = { type: "message", message_ts: ts, channel_id: channel, is_ephemeral: ephemeral };
      payload.channel = { id: channel, name: channel.startsWith("D") ? "directmessage" : "general" };
      if (stored && !ephemeral) {
        const { channel: _channel, ...message } = stored;
        payload.message = { ...message, ...(o.message.blocks ? { blocks: o.message.blocks } : {}), team: this.teamId };
      }
      payload.state = { values: o.state ?? {} };
      payload.response_url = this.responseUrl({ channel, user: userId, messageTs: ts, ephemeral });
    } else if (o.viewId || o.view) {
      const view = o.viewId && this.fake ? this.fake.viewPayload(o.viewId, o.state) : (o.view ?? {});
      blocks = view.blocks;
      payload.container = { type: "view", view_id: view.id ?? o.viewId };
      payload.view = view;
    }
    const element = findElement(blocks, o.actionId, o.blockId);
    // Slack sends actions only for elements a person can see: catch a test clicking a button that is not there.
    if (this.fake && (o.message || o.viewId) && !element) {
      throw new Error(`blockAction: no element with action_id ${o.actionId} in the stored ${o.message ? "message" : "view"}`);
    }
    payload.actions = [this.action(o, element)];
    return { ...(await this.postPayload(payload, o)), triggerId };
  }

  /** Sends a view_submission for a view payload; applies the app's response_action to the fake. */
  /** A global shortcut (the ⚡ menu, or the search bar): a `shortcut` payload with a fresh trigger_id. */
  async shortcut(userId: string, callbackId: string, opts: SendOptions = {}): Promise<SentResponse> {
    const triggerId = this.triggerId(userId);
    const payload = this.interaction("shortcut", userId, {
      callback_id: callbackId,
      trigger_id: triggerId,
      action_ts: (this.clock.now().getTime() / 1000).toFixed(6),
    });
    return { ...(await this.postPayload(payload, opts)), triggerId };
  }

  async viewSubmission(userId: string, view: Obj, opts: SendOptions = {}): Promise<SentResponse> {
    const triggerId = this.triggerId(userId);
    const res = await this.postPayload(this.interaction("view_submission", userId, { trigger_id: triggerId, view, response_urls: [] }), opts);
    const viewId = typeof view.id === "string" ? view.id : undefined;
    // Slack acts on a 200 only; anything else shows the person an error and keeps the view.
    const problems = viewId && res.status === 200 && this.fake?.view(viewId) ? this.fake.applyViewResponse(viewId, res.body) : undefined;
    return { ...res, triggerId, ...(problems && { problems }) };
  }

  /** Submits a stored modal with `state.values` in Slack's shape. */
  submitView(userId: string, viewId: string, values: StateValues, opts: SendOptions = {}): Promise<SentResponse> {
    return this.viewSubmission(userId, this.requireFake().viewPayload(viewId, values), opts);
  }

  /** Fills a stored modal from simple inputs (see stateFromInputs) and submits it. */
  fillAndSubmit(userId: string, viewId: string, inputs: SimpleInputs, opts: SendOptions = {}): Promise<SentResponse> {
    const stored = this.requireFake().view(viewId);
    if (!stored) throw new Error(`fillAndSubmit: no view ${viewId} in the fake`);
    const fake = this.requireFake();
    return this.submitView(
      userId,
      viewId,
      stateFromInputs(stored.view, inputs, (id) => fake.userFileObject(id, userId)),
      opts,
    );
  }

  /**
   * The person closes a modal: it leaves the fake's stack, and the app hears of it only
   * when the view set notify_on_close (as with Slack); null when nothing was sent.
   */
  async viewClosed(userId: string, viewId: string, opts: SendOptions = {}): Promise<SentResponse | null> {
    const fake = this.requireFake();
    const view = fake.viewPayload(viewId);
    fake.closeView(viewId);
    if (view.notify_on_close !== true) return null;
    return this.postPayload(this.interaction("view_closed", userId, { view, is_cleared: false }), opts);
  }

  /** An Events API callback; app_home_opened gets the DM channel, tab and current Home view. */
  async event(type: "app_home_opened" | (string & {}), userId: string, extra: Obj = {}, opts: SendOptions & { eventId?: string } = {}): Promise<SentResponse> {
    const now = this.clock.now().getTime();
    const event: Obj = { type, user: userId, event_ts: (now / 1000).toFixed(6) };
    if (type === "app_home_opened") {
      const home = this.fake?.homeView(userId);
      Object.assign(event, {
        channel: this.fake?.dmChannelOf(userId) ?? `D${userId}`,
        tab: "home",
        ...(home && this.fake && { view: this.fake.viewPayload(home.id) }),
      });
    }
    const eventId = opts.eventId ?? `Ev${randomBytes(5).toString("hex").toUpperCase()}`;
    const envelope = {
      token: VERIFICATION_TOKEN,
      team_id: this.teamId,
      context_team_id: this.teamId,
      api_app_id: this.appId,
      event: { ...event, ...extra },
      type: "event_callback",
      event_id: eventId,
      event_time: Math.floor(now / 1000),
      authorizations: [
        { enterprise_id: null, team_id: this.teamId, user_id: this.fake?.botUserId ?? "U0MAMORIBOT", is_bot: true, is_enterprise_install: false },
      ],
      is_ext_shared_channel: false,
    };
    const res = await this.post(JSON.stringify(envelope), "application/json", opts);
    return { ...res, eventId };
  }

  /** The challenge Slack sends when the request URL is saved; the app must echo it. */
  urlVerification(challenge: string, opts: SendOptions = {}): Promise<SentResponse> {
    const body = JSON.stringify({ token: VERIFICATION_TOKEN, challenge, type: "url_verification" });
    return this.post(body, "application/json", opts);
  }

  // ---- internals -------------------------------------------------------------------

  /** The fields every interaction payload carries. */
  /** Slack's retry of a delivery: the same body, signed again, marked with X-Slack-Retry-Num/-Reason. */
  retry(first: SentResponse, num = 1, reason = "http_timeout", opts: SendOptions = {}): Promise<SentResponse> {
    if (!first.sent) throw new Error("retry: the first delivery's body was not kept");
    const headers = { "X-Slack-Retry-Num": String(num), "X-Slack-Retry-Reason": reason, ...opts.headers };
    return this.post(first.sent.body, first.sent.contentType, { ...opts, headers });
  }

  private interaction(type: string, userId: string, fields: Obj): Obj {
    const team = { id: this.teamId, domain: this.opts.teamDomain ?? "fake" };
    const name = this.userName(userId);
    const user = { id: userId, username: name, name, team_id: this.teamId };
    return { type, team, user, api_app_id: this.appId, token: VERIFICATION_TOKEN, enterprise: null, is_enterprise_install: false, ...fields };
  }

  private postPayload(payload: Obj, opts: SendOptions): Promise<SentResponse> {
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded", opts);
  }

  private async post(body: string, contentType: string, opts: SendOptions): Promise<SentResponse> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const timestamp = opts.timestamp ?? (opts.stale ? now - STALE_SECONDS : now);
    const headers: Record<string, string> = { "Content-Type": contentType, "X-Slack-Request-Timestamp": String(timestamp), ...opts.headers };
    const signature = opts.signature ?? "valid";
    if (signature !== "none") {
      headers["X-Slack-Signature"] = this.sign(body, timestamp, signature === "wrong" ? `not-${this.opts.signingSecret}` : undefined);
    }
    const res = await (this.opts.fetch ?? fetch)(this.opts.appUrl, { method: "POST", headers, body });
    const text = await res.text();
    let parsed: unknown = text || undefined;
    if (text && (res.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text);
      } catch {
        // keep the text
      }
    }
    return { status: res.status, body: parsed, sent: { body, contentType } };
  }

  private action(o: BlockActionOptions, el: Obj | undefined): Obj {
    const type = o.type ?? (typeof el?.type === "string" ? el.type : "button");
    const option = (v: string | SlackOption): SlackOption =>
      typeof v === "string" ? (findOption(el, v) ?? { text: { type: "plain_text", text: v }, value: v }) : v;
    const value = o.value ?? (typeof el?.value === "string" ? el.value : undefined);
    return {
      type,
      action_id: o.actionId,
      block_id: o.blockId ?? el?.block_id,
      action_ts: o.actionTs ?? (this.clock.now().getTime() / 1000).toFixed(6),
      ...(el?.text !== undefined && type === "button" && { text: el.text }),
      ...(value !== undefined && { value }),
      ...(o.selectedOption !== undefined && { selected_option: option(o.selectedOption) }),
      ...(o.selectedOptions !== undefined && { selected_options: o.selectedOptions.map(option) }),
      ...(o.selectedDate !== undefined && { selected_date: o.selectedDate }),
      ...(o.selectedUser !== undefined && { selected_user: o.selectedUser }),
    };
  }

  private get appId(): string {
    return this.opts.appId ?? this.fake?.appId ?? "A0FAKEAPP";
  }

  private userName(userId: string): string {
    return this.fake?.userName(userId) ?? userId.toLowerCase();
  }

  private triggerId(userId: string): string {
    return this.fake?.issueTriggerId(userId) ?? `${Date.now()}.${randomBytes(6).toString("hex")}`;
  }

  private responseUrl(target: { channel: string; user: string; messageTs?: string; ephemeral?: boolean }): string {
    return this.fake?.createResponseUrl(target) ?? "https://hooks.slack.com/actions/T0FAKETEAM/0/fake";
  }

  private requireFake(): FakeSlack {
    if (!this.fake) throw new Error("this needs a FakeSlack: pass `fake` to SlackRequestSender");
    return this.fake;
  }
}

/** The element with `actionId` (and the id of its block) in a block list. */
function findElement(blocks: unknown, actionId: string, blockId?: string): Obj | undefined {
  if (!Array.isArray(blocks)) return undefined;
  for (const b of blocks) {
    if (!isObj(b) || (blockId && b.block_id !== blockId)) continue;
    const els = [b.accessory, b.element, ...(Array.isArray(b.elements) ? b.elements : [])];
    const el = els.find((e) => isObj(e) && e.action_id === actionId);
    if (isObj(el)) return { ...el, block_id: b.block_id };
  }
  return undefined;
}

function optionsOf(el: Obj | undefined): SlackOption[] {
  if (!el) return [];
  const groups = Array.isArray(el.option_groups) ? el.option_groups.flatMap((g: Obj) => (g.options as SlackOption[]) ?? []) : [];
  return [...(Array.isArray(el.options) ? (el.options as SlackOption[]) : []), ...groups];
}

function findOption(el: Obj | undefined, value: string): SlackOption | undefined {
  return optionsOf(el).find((o) => o.value === value);
}

/**
 * Builds `state.values` for a modal from simple inputs keyed by input block_id: a string
 * for text, selects, dates, times, radios and users; a list for multi-selects and
 * checkboxes (`true`/`false` ticks or clears a single checkbox). Input blocks not given
 * keep their initial values, as Slack reports them. Throws on an unknown block or option.
 */
export function stateFromInputs(view: Pick<ViewDefinition, "blocks">, inputs: SimpleInputs, files?: (id: string) => object | undefined): StateValues {
  const values: StateValues = {};
  const inputBlocks = view.blocks.filter((b: Block) => b.type === "input" && isObj(b.element));
  for (const key of Object.keys(inputs)) {
    if (!inputBlocks.some((b) => b.block_id === key)) throw new Error(`stateFromInputs: no input block "${key}" in the view`);
  }
  for (const block of inputBlocks) {
    const el = block.element as Obj;
    const given = block.block_id !== undefined && block.block_id in inputs;
    const input = given ? inputs[block.block_id!] : undefined;
    values[block.block_id!] = { [String(el.action_id)]: stateValue(el, given, input, files) };
  }
  return values;
}

function stateValue(el: Obj, given: boolean, input: SimpleInputs[string] | undefined, files?: (id: string) => object | undefined): StateValue {
  const one = (initialKey: string): string | null =>
    given ? (input === null || input === undefined ? null : String(input)) : ((el[initialKey] as string | undefined) ?? null);
  const many = (initialKey: string): string[] =>
    given ? (Array.isArray(input) ? input : input ? [String(input)] : []) : ((el[initialKey] as string[] | undefined) ?? []);
  const option = (value: string): SlackOption => {
    const found = findOption(el, value);
    if (!found) throw new Error(`stateFromInputs: no option "${value}" in ${String(el.action_id)}`);
    return found;
  };
  const initialOptions = (): SlackOption[] => (Array.isArray(el.initial_options) ? (el.initial_options as SlackOption[]) : []);
  switch (el.type) {
    case "plain_text_input":
      return { type: "plain_text_input", value: one("initial_value") };
    case "static_select":
    case "radio_buttons": {
      const initial = isObj(el.initial_option) ? (el.initial_option as unknown as SlackOption) : null;
      const v = given ? one("") : null;
      return { type: el.type, selected_option: given ? (v === null ? null : option(v)) : initial };
    }
    case "multi_static_select":
    case "checkboxes": {
      if (!given) return { type: el.type, selected_options: initialOptions() };
      const options = typeof input === "boolean" ? (input ? optionsOf(el).slice(0, 1) : []) : many("").map(option);
      return { type: el.type, selected_options: options };
    }
    case "users_select":
      return { type: "users_select", selected_user: one("initial_user") };
    case "multi_users_select":
      return { type: "multi_users_select", selected_users: many("initial_users") };
    case "conversations_select":
      return { type: "conversations_select", selected_conversation: one("initial_conversation") };
    case "channels_select":
      return { type: "channels_select", selected_channel: one("initial_channel") };
    case "datepicker":
      return { type: "datepicker", selected_date: one("initial_date") };
    case "timepicker":
      return { type: "timepicker", selected_time: one("initial_time") };
    case "file_input": {
      // file ids of files the person picked (FakeSlack.addUserFile); a file input has no initial value
      const ids = many("");
      const max = typeof el.max_files === "number" ? el.max_files : 10;
      if (ids.length > max) throw new Error(`stateFromInputs: at most ${max} files in ${String(el.action_id)}`);
      return {
        type: "file_input",
        files: ids.map((id) => {
          const f = files?.(id);
          if (!f) throw new Error(`stateFromInputs: no file "${id}" (add it with FakeSlack.addUserFile)`);
          return f as Obj;
        }),
      };
    }
  }
  throw new Error(`stateFromInputs: element type ${String(el.type)} is not supported`);
}
