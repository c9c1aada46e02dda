// The door in front of Bolt's HTTP receiver. Bolt parses a signed body and reads fields of
// it before any listener runs, so a body that is valid JSON but not an object (`null`, `[]`,
// `42`, `payload=null`) throws where nothing catches it and the process dies; and Bolt
// refuses only stale timestamps, not ones far in the future. This wrapper of the receiver's
// request listener reads the body once (Bolt reuses it), checks the signature and the
// timestamp in both directions, checks the body's shape, and hands Bolt only what it and
// the bot's listeners can read:
//   - too large: 413; not signed, signed with another secret, stale or > 5 min ahead: 401;
//   - signed but malformed (not an object, a payload Bolt or the registry would trip on): 400;
//   - signed, well formed, of a type the bot does not handle: 200 and nothing else.
// Every refusal is logged (what was wrong, never the body).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { HTTPModuleFunctions, isRawBodyError, verifySlackRequest, type BufferedIncomingMessage } from "@slack/bolt";
import { errorText, type Logger } from "../log.js";
import { hasControlCharacter } from "./modal.js";

/** Where Slack posts (Bolt's default endpoint). */
export const EVENTS_PATH = "/slack/events";
/**
 * The largest body read. Slack's largest is a modal submission: 100 blocks, inputs of at
 * most 3,000 characters, the view echoed; a few hundred kilobytes in practice. Bolt's own
 * default, kept.
 */
export const BODY_LIMIT = HTTPModuleFunctions.defaultBodyLimit;
/** A request signed more than this far from now, either way, is refused (Slack's rule; Bolt checks only the past). */
export const MAX_SKEW_SECONDS = 5 * 60;

/** What to do with a signed body: hand it to Bolt, refuse it (400), or acknowledge it and do nothing. */
export type Screened = { pass: true } | { pass: false; status: 400; why: string } | { pass: false; status: 200; why: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === "string";
const userOf = (p: Record<string, unknown>): string | undefined => (isObj(p.user) && isStr(p.user.id) && p.user.id !== "" ? p.user.id : undefined);
const hasUser = (p: Record<string, unknown>) => userOf(p) !== undefined;

const bad = (why: string): Screened => ({ pass: false, status: 400, why });
/**
 * An id or value the bot looks rows up by (a callback or action id, a button's value,
 * private_metadata) with a control character: none of the bot's has one, and NUL makes
 * PostgreSQL refuse the query. Typed text is not checked here: the modal reader answers
 * it with a field error, a command with a message.
 */
const controlIn = (...values: unknown[]) => values.some((v) => isStr(v) && hasControlCharacter(v));
const ignored = (why: string): Screened => ({ pass: false, status: 200, why });
const PASS: Screened = { pass: true };

/** An interaction payload (`payload=` of a form body): the types the bot listens to, with what their listeners read. */
function screenPayload(p: unknown): Screened {
  if (!isObj(p)) return bad(`the payload is ${p === null ? "null" : Array.isArray(p) ? "an array" : `a ${typeof p}`}, not an object`);
  if (!isStr(p.type)) return bad("the payload has no type");
  switch (p.type) {
    case "block_actions": {
      if (!hasUser(p)) return bad("block_actions without user.id");
      const actions = p.actions;
      if (!Array.isArray(actions) || actions.length === 0 || !actions.every((a) => isObj(a) && isStr(a.action_id))) {
        return bad("block_actions without actions that have an action_id");
      }
      const carried = actions.flatMap((a) => [a.action_id, a.block_id, a.value, isObj(a.selected_option) ? a.selected_option.value : undefined]);
      if (controlIn(userOf(p), ...carried)) return bad("block_actions with a control character in an id or value");
      return PASS;
    }
    case "view_submission":
    case "view_closed": {
      if (!hasUser(p)) return bad(`${p.type} without user.id`);
      const view = p.view;
      if (!isObj(view) || !isStr(view.callback_id) || !isStr(view.id)) return bad(`${p.type} without a view that has an id and a callback_id`);
      if (p.type === "view_submission" && !(isObj(view.state) && isObj(view.state.values))) return bad("view_submission without view.state.values");
      if (view.private_metadata !== undefined && !isStr(view.private_metadata)) return bad("view.private_metadata is not a string");
      if (controlIn(userOf(p), view.id, view.callback_id, view.private_metadata)) return bad(`${p.type} with a control character in an id or the metadata`);
      return PASS;
    }
    case "shortcut":
    case "message_action":
      if (!hasUser(p) || !isStr(p.callback_id) || !isStr(p.trigger_id)) return bad(`${p.type} without user.id, callback_id or trigger_id`);
      return PASS;
    default:
      return ignored(`an interaction of type ${JSON.stringify(p.type.slice(0, 40))}, which the bot does not handle`);
  }
}

/** A slash command: form fields, each once. */
function screenCommand(q: Record<string, string | string[] | undefined>): Screened {
  for (const key of ["command", "user_id", "trigger_id", "response_url"]) {
    if (!isStr(q[key]) || q[key] === "") return bad(`a form body without a single ${key}`);
    if (controlIn(q[key])) return bad(`a slash command with a control character in ${key}`);
  }
  // Slack always sends text, empty when nothing follows the command
  return isStr(q.text) ? PASS : bad("a slash command without a single text");
}

/** An Events API body (JSON). */
function screenEvent(b: unknown): Screened {
  if (!isObj(b)) return bad(`the body is ${b === null ? "null" : Array.isArray(b) ? "an array" : `a ${typeof b}`}, not an object`);
  if (!isStr(b.type)) return bad("the body has no type");
  switch (b.type) {
    case "url_verification":
      return isStr(b.challenge) ? PASS : bad("url_verification without a challenge");
    case "event_callback":
      return isObj(b.event) && isStr(b.event.type) ? PASS : bad("event_callback without an event that has a type");
    default:
      return ignored(`an Events API body of type ${JSON.stringify(b.type.slice(0, 40))}, which the bot does not handle`);
  }
}

/**
 * Whether a signed body may go on to Bolt: parsed the way Bolt parses it (a form body, its
 * `payload` field as JSON, or JSON), then its shape checked. Pure.
 */
export function screenBody(contentType: string | undefined, raw: string): Screened {
  if (contentType === "application/x-www-form-urlencoded") {
    const q = parseQuery(raw);
    if (q.payload === undefined) return screenCommand(q);
    if (!isStr(q.payload)) return bad("more than one payload");
    let p: unknown;
    try {
      p = JSON.parse(q.payload);
    } catch {
      return bad("the payload is not JSON");
    }
    return screenPayload(p);
  }
  let b: unknown;
  try {
    b = JSON.parse(raw);
  } catch {
    return bad(`the body is not JSON (content type ${JSON.stringify(String(contentType ?? "none").slice(0, 60))})`);
  }
  return screenEvent(b);
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
};

/**
 * Why a request is not signed by Slack now, or null when it is: the signature of the raw
 * body with the signing secret (Bolt's check), within 5 minutes of the wall clock either
 * way. Slack signs with the wall clock, so this compares with the wall clock, as Bolt does.
 */
export function signatureProblem(req: IncomingMessage, rawBody: string, signingSecret: string, nowMs = Date.now()): string | null {
  const signature = header(req, "x-slack-signature");
  const timestamp = header(req, "x-slack-request-timestamp");
  if (signature === undefined || timestamp === undefined) return "no signature or timestamp header";
  if (!/^\d{1,12}$/.test(timestamp)) return "the timestamp is not a number of seconds";
  const ahead = Number(timestamp) - Math.floor(nowMs / 1000);
  if (ahead > MAX_SKEW_SECONDS) return `the timestamp is ${ahead} s in the future`;
  try {
    verifySlackRequest({
      signingSecret,
      body: rawBody,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(timestamp) },
      nowMilliseconds: nowMs,
    });
  } catch (e) {
    return errorText(e);
  }
  return null;
}

/** An empty answer; `close`: the connection is not reused (a body left unread on it, as after 413). */
function answer(res: ServerResponse, status: number, close = false): void {
  if (res.headersSent) return;
  res.writeHead(status, close ? { connection: "close" } : {});
  res.end();
}

/** When each request to the events path arrived (performance.now()), for the ack latency (metrics.ts). */
const arrivals = new WeakMap<IncomingMessage, number>();

/** When `req` arrived at the events path, before its body was read (undefined: not through the guard). */
export function arrivedAt(req: IncomingMessage): number | undefined {
  return arrivals.get(req);
}

/**
 * Wraps a receiver's request listener: requests to the events path are read, checked and
 * answered here when they must not reach Bolt; everything else (the health routes, an
 * unknown path) goes to Bolt as before. Nothing thrown or rejected on the way escapes.
 */
export function guardEntry(receiver: { requestListener: RequestListener }, o: { signingSecret: string; log: Logger; bodyLimit?: number }): void {
  const bolt = receiver.requestListener;
  const limit = o.bodyLimit ?? BODY_LIMIT;
  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, limit);
    } catch (e) {
      const tooLarge = isRawBodyError(e) && (e as { statusCode?: number }).statusCode === 413;
      o.log.warn("a request to Slack's endpoint could not be read; refused", { status: tooLarge ? 413 : 400, error: errorText(e) });
      answer(res, tooLarge ? 413 : 400, true);
      return false;
    }
    const raw = buffered.rawBody.toString();
    const contentType = header(req, "content-type");
    // Slack's SSL check carries no signature: answered here, and nothing else in its body
    // reaches Bolt (which is told not to verify again: this guard is where requests are verified)
    if (contentType === "application/x-www-form-urlencoded" && parseQuery(raw).ssl_check === "1") {
      answer(res, 200);
      return false;
    }
    const unsigned = signatureProblem(req, raw, o.signingSecret);
    if (unsigned) {
      o.log.warn("a request not signed by Slack just now; refused", { status: 401, why: unsigned });
      answer(res, 401);
      return false;
    }
    const s = screenBody(contentType, raw);
    if (s.pass) return true;
    if (s.status === 400) o.log.warn("a signed request the bot cannot read; refused", { status: 400, why: s.why, bytes: buffered.rawBody.length });
    else o.log.info("a signed request the bot does not handle; acknowledged and ignored", { why: s.why });
    answer(res, s.status);
    return false;
  };
  receiver.requestListener = (req, res) => {
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://localhost").pathname;
    } catch {
      return answer(res, 400);
    }
    if (req.method !== "POST" || path !== EVENTS_PATH) return bolt(req, res);
    arrivals.set(req, performance.now());
    screen(req, res)
      .then((pass) => {
        if (pass) bolt(req, res);
      })
      .catch((e) => {
        o.log.error("a request to Slack's endpoint failed before reaching the bot", { error: errorText(e) });
        answer(res, 500);
      });
  };
}
