// Builds the Bolt app: HTTP (signed requests on POST /slack/events, plus /healthz,
// /readyz and /metrics) or Socket Mode (the same three on PORT). Features declare
// their presses and modals in the handler registry (handlers.ts), which listens on it;
// the Slack layer stays thin: parse, call the domain, render.
import { App, HTTPModuleFunctions, HTTPReceiver, LogLevel, type CustomRoute, type Logger as BoltLogger } from "@slack/bolt";
import { withoutBodies, type Logger } from "../log.js";
import type { Metrics } from "../metrics.js";
import { ackFirst, ARRIVAL, type GateOptions, RECEIVED_AT, WorkGate } from "./ackFirst.js";
import { webClientOptions } from "./clientOptions.js";
import { arrivedAt, BODY_LIMIT, EVENTS_PATH, guardEntry } from "./entry.js";

export interface SlackAppOptions {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  apiUrl?: string;
  log: Logger;
  /** answers GET /readyz */
  ready: () => Promise<boolean>;
  /** handlers working after their ack at the same time (ackFirst.ts; default 4) */
  workSlots?: number;
  /** presses whose work after the ack opens no modal (SlackHandlers.isPatient) */
  patient?: (actionId: string) => boolean;
  /** counts acks and Web API calls, and answers GET /metrics (metrics.ts) */
  metrics?: Metrics;
  /** Socket Mode: the port of /healthz, /readyz and /metrics (HTTP mode: the port app.start is given) */
  port?: number;
}

/** A handler's work after its ack waits at most this long for a slot (well inside a trigger_id's 3 s). */
const MAX_WAIT_MS = 1000;
/**
 * A slash command's or shortcut's work waits at most this long: the person is waiting
 * for the modal it opens, and its trigger_id lives 3 s from when Slack issued it.
 */
const COMMAND_WAIT_MS = 400;
/**
 * In a burst (three or more requests unanswered at once, or arriving within 10 ms), the
 * work after the acks (a decision, a modal, an outbox pass) waits until this long after it,
 * so that it does not slow the acks of the requests still arriving; a request or two at a
 * time do not wait for it. It waits at most QUIET_MAX_MS (a command at most COMMAND_WAIT_MS).
 */
const QUIET_MS = 20;
const QUIET_MAX_MS = 1000;
/**
 * And it waits until this long after the last request arrived: the first request of a
 * burst is often answered before the second arrives, and its work would run inside the
 * burst. A press alone waits this much longer for its message to change.
 */
const PROBE_MS = 5;

function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  // Bolt writes a few debug lines for every request: below the debug level they are not even put together
  const debugOn = log.level === undefined || log.level === "debug";
  return {
    // Bolt's and the Web API client's debug lines carry request and response bodies (what people typed): never those
    debug: debugOn ? (...m: unknown[]) => log.debug(withoutBodies(m.map(String).join(" "))) : () => undefined,
    info: (...m: unknown[]) => log.info(m.map(String).join(" ")),
    warn: (...m: unknown[]) => log.warn(m.map(String).join(" ")),
    error: (...m: unknown[]) => log.error(m.map(String).join(" ")),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

const gates = new WeakMap<App, WorkGate>();

export function createSlackApp(o: SlackAppOptions): App {
  const metrics = o.metrics;
  const options: GateOptions = {
    slots: o.workSlots ?? 4,
    maxWaitMs: MAX_WAIT_MS,
    commandWaitMs: COMMAND_WAIT_MS,
    quietMs: QUIET_MS,
    quietMaxMs: QUIET_MAX_MS,
    probeMs: PROBE_MS,
    patient: o.patient,
    ackSent: metrics && ((kind, seconds) => metrics.ackSent(kind, seconds)),
  };
  // the gate counts requests as they arrive over HTTP (before their bodies are read) and until answered
  const gate = new WorkGate(options);
  const app = createBoltApp(o, gate);
  ackFirst(app, options, gate);
  gates.set(app, gate);
  metrics?.watchGate(() => gate.stats());
  return app;
}

/** The app's gate between acks and the work after them (the outbox sends through it too). */
export function workGateOf(app: App): WorkGate | undefined {
  return gates.get(app);
}

function createBoltApp(o: SlackAppOptions, gate: WorkGate): App {
  // a timeout on every call, and no retry of a call that may have been carried out (clientOptions.ts)
  const clientOptions = { ...webClientOptions(o.apiUrl), ...(o.metrics ? { fetch: o.metrics.slackFetch(o.apiUrl) } : {}) };
  const common = {
    token: o.botToken,
    logger: boltLogger(o.log),
    clientOptions,
    convoStore: false as const,
    deferInitialization: true,
  };
  if (o.appToken) {
    // Bolt's Socket Mode receiver serves custom routes on an HTTP server of its own, on installerOptions.port
    return new App({ ...common, appToken: o.appToken, socketMode: true, customRoutes: operatorRoutes(o), installerOptions: { port: o.port ?? 3000 } });
  }
  // Bolt's receiver, built here so that its request listener can be wrapped: a body Bolt
  // would trip on, or a timestamp from the future, is answered before it reaches Bolt (entry.ts).
  const receiver = new HTTPReceiver({
    signingSecret: o.signingSecret!,
    endpoints: EVENTS_PATH,
    logger: common.logger,
    bodyLimit: BODY_LIMIT,
    // every request on EVENTS_PATH is verified by guardEntry before Bolt sees it (signature,
    // timestamp both ways, SSL check): Bolt's own check would compute the same HMAC again
    signatureVerification: false,
    customRoutes: operatorRoutes(o),
    // when the request arrived, before its body was read and checked: the ack latency counts
    // from there; the guard, given the gate, counted it for the gate then too
    customPropertiesExtractor: (req) => {
      const at = arrivedAt(req);
      return at === undefined ? {} : { [RECEIVED_AT]: at, [ARRIVAL]: true };
    },
    // a request nobody acknowledged within 3 s (an action id nobody declared): Bolt logs it and answers 404; counted too
    unhandledRequestHandler: (args) => {
      o.metrics?.ackMissed();
      HTTPModuleFunctions.defaultUnhandledRequestHandler(args);
    },
  });
  guardEntry(receiver, { signingSecret: o.signingSecret!, log: o.log, bodyLimit: BODY_LIMIT, arrivals: gate });
  return new App({ ...common, receiver });
}

/** GET /healthz (alive), /readyz (migrations applied) and /metrics (Prometheus's text format), for the operator. */
function operatorRoutes(o: SlackAppOptions): CustomRoute[] {
  const json = (res: Parameters<CustomRoute["handler"]>[1], status: number, body: object) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };
  const routes: CustomRoute[] = [
    { path: "/healthz", method: ["GET"], handler: (_req, res) => json(res, 200, { ok: true }) },
    {
      path: "/readyz",
      method: ["GET"],
      handler: (_req, res) => {
        o.ready().then(
          (ok) => json(res, ok ? 200 : 503, { ok }),
          () => json(res, 503, { ok: false }),
        );
      },
    },
  ];
  const metrics = o.metrics;
  if (metrics)
    routes.push({
      path: "/metrics",
      method: ["GET"],
      handler: (_req, res) => {
        metrics.scrape().then(
          ({ contentType, body }) => {
            res.writeHead(200, { "content-type": contentType });
            res.end(body);
          },
          (e: unknown) => {
            o.log.warn("metrics could not be read", { error: String((e as Error)?.message ?? e) });
            res.writeHead(500, { "content-type": "text/plain" });
            res.end("metrics could not be read\n");
          },
        );
      },
    });
  return routes;
}
