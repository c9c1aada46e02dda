// The local Slack's web server: serves the page, tells it what each persona sees, and
// turns what the person does on it into exactly what Slack would send the bot (a signed
// slash command, block_actions, view_submission, view_closed or app_home_opened) through
// SlackRequestSender. The bot answers through the fake Web API, never through here.
import fs from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Logger } from "../platform/log.js";
import { stateFromInputs, type SlackRequestSender } from "../platform/slack/fake/sender.js";
import type { Block, FakeSlack, FakeSlackChange } from "../platform/slack/fake/server.js";
import type {
  ActionBody,
  CloseBody,
  CommandBody,
  HomeBody,
  MessageBody,
  PersonaState,
  PostAnswer,
  ShortcutBody,
  SubmitBody,
  UploadBody,
  Workspace,
} from "./protocol.js";
import { EVENTS_PATH } from "./protocol.js";

const WEB_DIR = path.resolve(import.meta.dirname, "web");
/** Slack gives an app 3 seconds to answer a slash command or an interaction. */
const ACK_DEADLINE_MS = 3_000;

export interface LocalSlackOptions {
  port: number;
  host?: string;
  fake: FakeSlack;
  sender: SlackRequestSender;
  /** the members, channels and commands of the workspace (read from the bot's directory) */
  workspace: () => Promise<Workspace>;
  log: Logger;
  /** the bot's own /healthz, /readyz and /metrics, answered on this port too (as in the other modes) */
  health?: (path: OperatorPath) => Promise<{ status: number; body: string; type?: string }>;
}

export interface LocalSlack {
  url: string;
  port: number;
  stop(): Promise<void>;
}

class BadRequest extends Error {}

/** The bot's routes for its operator. */
export type OperatorPath = "/healthz" | "/readyz" | "/metrics";
const OPERATOR_PATHS = new Set<string>(["/healthz", "/readyz", "/metrics"]);

/** Bundles the page's script once (esbuild, the same one tsx runs on). */
async function bundleApp(): Promise<string> {
  const esbuild = await import("esbuild");
  const out = await esbuild.build({
    entryPoints: [path.join(WEB_DIR, "app.ts")],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2022",
    platform: "browser",
    sourcemap: "inline",
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

export async function startLocalSlack(o: LocalSlackOptions): Promise<LocalSlack> {
  const { fake, sender, log } = o;
  let appJs: Promise<string> | undefined; // bundled on first request
  const clients = new Set<ServerResponse>();
  const onChange = (c: FakeSlackChange) => {
    const data = `event: change\ndata: ${JSON.stringify(c)}\n\n`;
    for (const res of clients) res.write(data);
  };
  fake.on("change", onChange);

  const workspace = async () => o.workspace();
  /** What the local Slack itself says to a persona (Slack's own errors), in their language. */
  const say = async (as: string) => ((await workspace()).personas.find((p) => p.id === as)?.lang === "en" ? SAYS.en : SAYS.ja);

  async function command(b: CommandBody): Promise<PostAnswer> {
    const text = b.text.trim();
    const [cmd = "", ...rest] = text.split(/\s+/);
    const ws = await workspace();
    const t = await say(b.as);
    if (!ws.commands.some((c) => c.command === cmd)) return { ok: false, error: t.notCommand(cmd) };
    const started = Date.now();
    const res = await sender.command(b.as, cmd, rest.join(" "), { channelId: b.channel, channelName: channelName(ws, b.channel) });
    if (res.status !== 200) return { ok: false, error: t.failed(cmd, `dispatch_failed, HTTP ${res.status}`) };
    if (Date.now() - started > ACK_DEADLINE_MS) return { ok: false, error: t.failed(cmd, "operation_timeout") };
    // Slack shows the body of the answer to the person only (unless response_type is in_channel).
    const body = res.body;
    if (body && typeof body === "object" && ("text" in body || "blocks" in body)) {
      const m = body as { text?: string; blocks?: Block[]; response_type?: string };
      if (m.response_type === "in_channel") fake.postAsUser(b.channel, b.as, text);
      fake.showEphemeral({ channel: b.channel, user: b.as, text: m.text ?? "", ...(m.blocks && { blocks: m.blocks }) });
    } else if (typeof body === "string" && body.trim()) {
      fake.showEphemeral({ channel: b.channel, user: b.as, text: body });
    }
    return { ok: true };
  }

  async function action(b: ActionBody): Promise<PostAnswer> {
    const t = await say(b.as);
    const view = b.viewId ? fake.view(b.viewId) : undefined;
    if (b.viewId && !view) return { ok: false, error: t.closed };
    const state = view && b.inputs ? stateFromInputs(view.view, b.inputs) : undefined;
    const res = await sender.blockAction(b.as, {
      actionId: b.actionId,
      blockId: b.blockId,
      message: b.message,
      viewId: b.viewId,
      value: b.value,
      selectedOption: b.selectedOption,
      selectedOptions: b.selectedOptions,
      selectedDate: b.selectedDate,
      selectedUser: b.selectedUser,
      state,
    });
    if (res.status !== 200) return { ok: false, error: t.noAnswer(res.status) };
    return { ok: true };
  }

  async function submit(b: SubmitBody): Promise<PostAnswer> {
    const t = await say(b.as);
    if (!fake.view(b.viewId)) return { ok: false, error: t.closed };
    const res = await sender.fillAndSubmit(b.as, b.viewId, b.inputs);
    if (res.status !== 200) return { ok: false, error: t.notSent(res.status) };
    if (res.problems?.length) return { ok: false, error: t.refused(res.problems.join("; ")) };
    const errors = fake.viewErrors(b.viewId);
    return errors && Object.keys(errors).length ? { ok: true, errors } : { ok: true };
  }

  function upload(b: UploadBody): PostAnswer {
    if (typeof b.name !== "string" || !b.name || typeof b.base64 !== "string") throw new BadRequest("upload: name and base64 are required");
    const bytes = Buffer.from(b.base64, "base64");
    if (bytes.length > 10 * 1024 * 1024) return { ok: false, error: "10MB を超えるファイルは添付できません。" };
    return { ok: true, fileId: fake.addUserFile(b.as, b.name.slice(0, 255), bytes).id };
  }

  async function close(b: CloseBody): Promise<PostAnswer> {
    if (!fake.view(b.viewId)) return { ok: true };
    const res = await sender.viewClosed(b.as, b.viewId);
    return res && res.status !== 200 ? { ok: false, error: `HTTP ${res.status}` } : { ok: true };
  }

  async function home(b: HomeBody): Promise<PostAnswer> {
    const res = await sender.event("app_home_opened", b.as);
    return res.status === 200 ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  }

  async function message(b: MessageBody): Promise<PostAnswer> {
    if (!b.text.trim()) return { ok: false, error: (await say(b.as)).empty };
    fake.postAsUser(b.channel, b.as, b.text, b.threadTs);
    return { ok: true };
  }

  async function state(url: URL): Promise<PersonaState> {
    const as = need(url.searchParams.get("as"), "as");
    const channel = url.searchParams.get("channel") || fake.dmChannelOf(as);
    // a private channel shows nothing to someone who is not a member (as in Slack)
    const info = (await workspace()).channels.find((c) => c.id === channel);
    if (info?.private && !info.members?.includes(as))
      return {
        as,
        channel,
        messages: [],
        ephemerals: [],
        modals: fake.openViews(as),
        home: fake.homeView(as) ?? null,
        dmChannel: fake.dmChannelOf(as),
        denied: true,
      };
    const threadTs = url.searchParams.get("thread");
    const parent = threadTs ? fake.message(channel, threadTs) : undefined;
    return {
      as,
      channel,
      messages: fake.messages(channel),
      ...(parent && { thread: { parent, replies: fake.thread(channel, parent.ts) } }),
      ephemerals: fake.ephemerals(as).filter((e) => e.channel === channel),
      modals: fake.openViews(as),
      home: fake.homeView(as) ?? null,
      dmChannel: fake.dmChannelOf(as),
    };
  }

  /** A global shortcut from the ⚡ menu: the `shortcut` payload Slack sends (the app opens its modal). */
  async function shortcut(b: ShortcutBody): Promise<PostAnswer> {
    const ws = await workspace();
    if (!ws.shortcuts.some((x) => x.callbackId === b.callbackId)) return { ok: false, error: `unknown shortcut: ${b.callbackId}` };
    const res = await sender.shortcut(b.as, b.callbackId);
    return res.status === 200 ? { ok: true } : { ok: false, error: `HTTP ${res.status}` };
  }

  const posts: Record<string, (body: never) => Promise<PostAnswer> | PostAnswer> = { command, action, submit, close, home, message, upload, shortcut };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const p = url.pathname;
    if (req.method === "GET") {
      if (p === "/" || p === "/index.html") return file(res, "index.html", "text/html; charset=utf-8");
      if (p === "/local/style.css") return file(res, "style.css", "text/css; charset=utf-8");
      if (p === "/local/app.js") {
        appJs ??= bundleApp().catch((e: unknown) => {
          appJs = undefined; // try again on the next request
          throw e;
        });
        return text(res, 200, await appJs, "text/javascript; charset=utf-8");
      }
      if (OPERATOR_PATHS.has(p) && o.health) {
        const h = await o.health(p as OperatorPath).catch(() => ({ status: 503, body: JSON.stringify({ ok: false }), type: "application/json" }));
        return text(res, h.status, h.body, h.type ?? "application/json");
      }
      if (p === "/local/api/workspace") return json(res, 200, await workspace());
      if (p === "/local/api/state") return json(res, 200, await state(url));
      if (p === EVENTS_PATH) return events(req, res);
      // Links the bot puts in messages: permalinks open the thread, files download.
      const link = /^\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})$/.exec(p);
      if (link) return redirect(res, `/?channel=${link[1]}&thread=${link[2]}.${link[3]}`);
      const fileId = /^\/files\/(F[0-9A-Z]+)$/.exec(p)?.[1];
      if (fileId) {
        const f = fake.files().find((x) => x.id === fileId);
        if (!f?.bytes) return json(res, 404, { ok: false, error: "file_not_found" });
        res.writeHead(200, { "content-type": contentType(f.name), "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}` });
        return void res.end(f.bytes);
      }
      if (p === "/favicon.ico") return void res.writeHead(204).end();
      return json(res, 404, { ok: false, error: "not_found" });
    }
    const name = /^\/local\/api\/(\w+)$/.exec(p)?.[1];
    if (req.method === "POST" && name && posts[name]) {
      const body = await readJson(req);
      if (typeof body.as !== "string" || !/^[UW][A-Z0-9]+$/.test(body.as)) throw new BadRequest("as: a Slack user id is required");
      return json(res, 200, await posts[name](body as never));
    }
    json(res, 404, { ok: false, error: "not_found" });
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(": connected\n\n");
    clients.add(res);
    req.on("close", () => clients.delete(res));
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof BadRequest) return json(res, 400, { ok: false, error: e.message });
      log.error("local Slack: request failed", { url: req.url, error: String((e as Error)?.stack ?? e) });
      if (!res.headersSent) json(res, 500, { ok: false, error: String((e as Error)?.message ?? e) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "0.0.0.0", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // keep-alive pings so proxies do not drop the event stream
  const ping = setInterval(() => {
    for (const res of clients) res.write(": ping\n\n");
  }, 25_000);
  ping.unref();
  return {
    url: `http://localhost:${port}`,
    port,
    async stop() {
      clearInterval(ping);
      fake.off("change", onChange);
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Slack's own words on the page's errors (the app's words come from the bot). */
const SAYS = {
  ja: {
    notCommand: (cmd: string) => `${cmd} は有効なコマンドではありません。`,
    failed: (cmd: string, error: string) => `${cmd} が失敗しました（エラー: ${error}）`,
    closed: "この画面はもう閉じられています。",
    noAnswer: (status: number) => `アプリが応答しませんでした（HTTP ${status}）`,
    notSent: (status: number) => `送信できませんでした。アプリが応答しませんでした（HTTP ${status}）`,
    refused: (problems: string) => `アプリの応答を Slack が受け付けませんでした: ${problems}`,
    empty: "メッセージが空です。",
  },
  en: {
    notCommand: (cmd: string) => `${cmd} is not a valid command.`,
    failed: (cmd: string, error: string) => `${cmd} failed with the error "${error}"`,
    closed: "This view has already been closed.",
    noAnswer: (status: number) => `The app did not respond (HTTP ${status}).`,
    notSent: (status: number) => `Could not submit: the app did not respond (HTTP ${status}).`,
    refused: (problems: string) => `Slack did not accept the app's response: ${problems}`,
    empty: "The message is empty.",
  },
};

function channelName(ws: Workspace, id: string): string {
  if (id.startsWith("D")) return "directmessage";
  return ws.channels.find((c) => c.id === id)?.name ?? "general";
}

function need(v: string | null, name: string): string {
  if (!v) throw new BadRequest(`${name} is required`);
  return v;
}

function file(res: ServerResponse, name: string, type: string): void {
  text(res, 200, fs.readFileSync(path.join(WEB_DIR, name), "utf8"), type);
}

function text(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" }).end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  text(res, status, JSON.stringify(body), "application/json; charset=utf-8");
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { location: to }).end();
}

function contentType(name: string): string {
  if (name.endsWith(".csv")) return "text/csv; charset=utf-8";
  if (name.endsWith(".yml") || name.endsWith(".yaml")) return "application/yaml; charset=utf-8";
  if (name.endsWith(".md")) return "text/markdown; charset=utf-8";
  return "application/octet-stream";
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    const v: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
    if (v && typeof v === "object" && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new BadRequest("the body must be a JSON object");
}
