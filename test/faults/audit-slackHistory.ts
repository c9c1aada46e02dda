// A stand-in for Slack's conversations.history with message metadata, for the audit
// anchor tests only, until the fake Slack (src/platform/slack/fake/) stores metadata and
// returns it with include_all_metadata itself. It answers from what the fake recorded:
// every chat.postMessage the fake accepted (its args hold the metadata sent, its response
// the ts), newest first, in pages of two (Slack may return fewer than `limit`, so paging is
// exercised), the metadata only when include_all_metadata is asked for, as Slack does.
// `others` are messages somebody else posted (e.g. a forged anchor).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeSlack } from "../../src/platform/slack/fake/index.js";

type Obj = Record<string, unknown>;

export interface HistoryShim {
  apiUrl: string;
  /** the history requests it answered: channel, cursor and include_all_metadata as sent */
  requests: Obj[];
  others: (Obj & { channel: string; ts: string })[];
  close(): Promise<void>;
}

const PAGE = 2;

export async function historyWithMetadata(fake: FakeSlack): Promise<HistoryShim> {
  const requests: Obj[] = [];
  const others: HistoryShim["others"] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d) => (raw += d));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "");
      const args = Object.fromEntries(new URLSearchParams(raw));
      const auth = /^Bearer xoxb-/.test(req.headers.authorization ?? "");
      let body: Obj;
      if (!auth) body = { ok: false, error: "not_authed" };
      else if (method === "auth.test") body = { ok: true, user_id: fake.botUserId, bot_id: fake.botId, team_id: fake.teamId };
      else if (method === "conversations.history") {
        requests.push(args);
        const withMeta = args.include_all_metadata === "true";
        const posted = fake
          .callsTo("chat.postMessage")
          .filter((c) => (c.response as Obj).ok === true && !c.args.thread_ts && (c.response as Obj).channel === args.channel)
          .map((c) => ({
            channel: String(args.channel),
            ts: String((c.response as Obj).ts),
            user: fake.botUserId,
            bot_id: fake.botId,
            text: c.args.text,
            metadata: c.args.metadata,
          }));
        const all = [...posted, ...others.filter((o) => o.channel === args.channel)]
          .sort((a, b) => Number(b.ts) - Number(a.ts))
          .map(({ metadata, channel: _channel, ...m }) => ({ type: "message", ...m, ...(withMeta && metadata ? { metadata } : {}) }));
        const from = Number(args.cursor ?? 0);
        const page = all.slice(from, from + PAGE);
        const more = from + PAGE < all.length;
        body = { ok: true, messages: page, has_more: more, response_metadata: { next_cursor: more ? String(from + PAGE) : "" } };
      } else body = { ok: false, error: "unknown_method" };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    requests,
    others,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
