// The door in front of Bolt's HTTP receiver. Bolt parses a signed body and reads fields of
// it before any listener runs, so a body that is valid JSON but not an object (`null`, `[]`,
// `42`, `payload=null`) throws where nothing catches it and the process dies; and Bolt
// refuses only stale timestamps, not ones far in the future. This wrapper of the receiver's
// request listener reads the body once (Bolt reuses it), checks the signature and the
// timestamp in both directions, checks the body's shape, and hands the app only what it and
// the bot's listeners can read, parsed once (as Bolt's receiver would hand it):
//   - too large: 413; not signed, signed with another secret, stale or > 5 min ahead: 401;
//   - signed but malformed (not an object, a payload Bolt or the registry would trip on): 400;
//   - signed, well formed, of a type the bot does not handle: 200 and nothing else.
// Every refusal is logged (what was wrong, never the body).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import {
  HTTPModuleFunctions,
  HTTPResponseAck,
  isRawBodyError,
  verifySlackRequest,
  type BufferedIncomingMessage,
  type Logger as BoltLogger,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  type ReceiverUnhandledRequestHandlerArgs,
} from "@slack/bolt";

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

/** A body not handed on. */
type Refused = Exclude<Screened, { pass: true }>;
const bad = (why: string): Refused => ({ pass: false, status: 400, why });
/**
 * An id or value the bot looks rows up by (a callback or action id, a button's value,
 * private_metadata) with a control character: none of the bot's has one, and NUL makes
 * PostgreSQL refuse the query. Typed text is not checked here: the modal reader answers
 * it with a field error, a command with a message.
 */
const controlIn = (...values: unknown[]) => values.some((v) => isStr(v) && hasControlCharacter(v));
const ignored = (why: string): Refused => ({ pass: false, status: 200, why });
const PASS = { pass: true } as const satisfies Screened;

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

/** A signed body as Bolt would hand it to the app (a form, its `payload` field as JSON, or JSON), with what to do with it. */
export type ReadBody = { screened: typeof PASS; body: Record<string, unknown> } | { screened: Refused };

/**
 * Whether a signed body may go on to Bolt, with the body parsed the way Bolt parses it (a
 * form body, its `payload` field as JSON, or JSON), then its shape checked. Parsed once:
 * the body handed to the app is this one (a press's payload is large; Bolt would parse it
 * again). Pure.
 */
export function readBody(contentType: string | undefined, raw: string): ReadBody {
  if (contentType === "application/x-www-form-urlencoded") {
    const q = parseQuery(raw);
    if (q.payload === undefined) {
      return passing(screenCommand(q), q);
    }
    if (!isStr(q.payload)) return { screened: bad("more than one payload") };
    let p: unknown;
    try {
      p = JSON.parse(q.payload);
    } catch {
      return { screened: bad("the payload is not JSON") };
    }
    return passing(screenPayload(p), p as Record<string, unknown>);
  }
  let b: unknown;
  try {
    b = JSON.parse(raw);
  } catch {
    return { screened: bad(`the body is not JSON (content type ${JSON.stringify(String(contentType ?? "none").slice(0, 60))})`) };
  }
  return passing(screenEvent(b), b as Record<string, unknown>);
}

/** The body with its verdict: handed on when it passes. */
function passing(screened: Screened, body: Record<string, unknown>): ReadBody {
  return screened.pass ? { screened: PASS, body } : { screened };
}

/** Whether a signed body may go on to Bolt (readBody without the body). Pure. */
export function screenBody(contentType: string | undefined, raw: string): Screened {
  return readBody(contentType, raw).screened;
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
 * What Bolt's HTTP receiver holds to hand a request to the app (HTTPReceiver's
 * handleIncomingEvent reads the same): read here, never changed, so that a body parsed once
 * goes to the app as Bolt would send it. Without them (another Bolt) the request goes to
 * Bolt's own listener, which parses the body again.
 */
interface ReceiverParts {
  app?: { processEvent(event: ReceiverEvent): Promise<void> };
  logger: BoltLogger;
  processBeforeResponse: boolean;
  unhandledRequestHandler: (args: ReceiverUnhandledRequestHandlerArgs) => void;
  unhandledRequestTimeoutMillis: number;
  processEventErrorHandler: (args: ReceiverProcessEventErrorHandlerArgs) => Promise<boolean>;
  customPropertiesExtractor: (req: BufferedIncomingMessage) => Record<string, unknown>;
}

function receiverParts(receiver: object): ReceiverParts | undefined {
  const r = receiver as Partial<ReceiverParts>;
  const ok =
    typeof r.logger === "object" &&
    typeof r.processBeforeResponse === "boolean" &&
    typeof r.unhandledRequestHandler === "function" &&
    typeof r.unhandledRequestTimeoutMillis === "number" &&
    typeof r.processEventErrorHandler === "function" &&
    typeof r.customPropertiesExtractor === "function";
  return ok ? (r as ReceiverParts) : undefined;
}

/** Hands a checked, parsed body to the app as Bolt's HTTP receiver does (its handleIncomingEvent, after the parse). */
async function dispatch(
  parts: ReceiverParts,
  app: NonNullable<ReceiverParts["app"]>,
  req: BufferedIncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
): Promise<void> {
  if (body.type === "url_verification") return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);
  const ack = new HTTPResponseAck({
    logger: parts.logger,
    processBeforeResponse: parts.processBeforeResponse,
    unhandledRequestHandler: parts.unhandledRequestHandler,
    unhandledRequestTimeoutMillis: parts.unhandledRequestTimeoutMillis,
    httpRequest: req,
    httpRequestBody: body,
    httpResponse: res,
  });
  const event: ReceiverEvent = {
    body,
    ack: ack.bind(),
    retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
    retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    customProperties: parts.customPropertiesExtractor(req),
  };
  try {
    await app.processEvent(event);
    if (ack.storedResponse !== undefined) HTTPModuleFunctions.buildContentResponse(res, ack.storedResponse);
  } catch (error) {
    const acknowledged = await parts.processEventErrorHandler({
      error: error as Error,
      logger: parts.logger,
      request: req,
      response: res,
      storedResponse: ack.storedResponse,
    });
    if (acknowledged) ack.ack();
  }
}

/** Slack's SSL check (a form body with ssl_check=1), found without parsing a large body. */
const SSL_CHECK = /(?:^|&)ssl_check=1(?:&|$)/;

/** What is told of each request to the events path as it arrives and once its answer is sent (the work gate, ackFirst.ts). */
export interface Arrivals {
  arrived(): void;
  answered(): void;
}

/**
 * Wraps a receiver's request listener: requests to the events path are read, checked and
 * answered here when they must not reach Bolt; everything else (the health routes, an
 * unknown path) goes to Bolt as before. Nothing thrown or rejected on the way escapes. A
 * request that may go on is handed to the app with the body read here, parsed once. Given
 * `arrivals`, every request it times (`arrivedAt`) is also told to them.
 */
export function guardEntry(
  receiver: { requestListener: RequestListener },
  o: { signingSecret: string; log: Logger; bodyLimit?: number; arrivals?: Arrivals },
): void {
  const bolt = receiver.requestListener;
  const parts = receiverParts(receiver);
  const limit = o.bodyLimit ?? BODY_LIMIT;
  const screen = async (req: IncomingMessage, res: ServerResponse): Promise<{ req: BufferedIncomingMessage; body: Record<string, unknown> } | null> => {
    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, limit);
    } catch (e) {
      const tooLarge = isRawBodyError(e) && (e as { statusCode?: number }).statusCode === 413;
      o.log.warn("a request to Slack's endpoint could not be read; refused", { status: tooLarge ? 413 : 400, error: errorText(e) });
      answer(res, tooLarge ? 413 : 400, true);
      return null;
    }
    const raw = buffered.rawBody.toString();
    const contentType = header(req, "content-type");
    // Slack's SSL check carries no signature: answered here, and nothing else in its body
    // reaches Bolt (which is told not to verify again: this guard is where requests are verified)
    if (contentType === "application/x-www-form-urlencoded" && SSL_CHECK.test(raw) && parseQuery(raw).ssl_check === "1") {
      answer(res, 200);
      return null;
    }
    const unsigned = signatureProblem(req, raw, o.signingSecret);
    if (unsigned) {
      o.log.warn("a request not signed by Slack just now; refused", { status: 401, why: unsigned });
      answer(res, 401);
      return null;
    }
    const read = readBody(contentType, raw);
    if ("body" in read) return { req: buffered, body: read.body };
    const s = read.screened;
    if (s.status === 400) o.log.warn("a signed request the bot cannot read; refused", { status: 400, why: s.why, bytes: buffered.rawBody.length });
    else o.log.info("a signed request the bot does not handle; acknowledged and ignored", { why: s.why });
    answer(res, s.status);
    return null;
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
    const counter = o.arrivals;
    if (counter) {
      counter.arrived();
      // once the answer is sent, or the connection closed first
      res.once("close", () => counter.answered());
    }
    screen(req, res)
      .then((read) => {
        if (!read) return;
        const app = parts?.app;
        if (parts && app) return dispatch(parts, app, read.req, res, read.body);
        bolt(req, res);
      })
      .catch((e) => {
        o.log.error("a request to Slack's endpoint failed before reaching the bot", { error: errorText(e) });
        answer(res, 500);
      });
  };
}
