// The outbox's calls with blocks and views as JSON text (clientOptions.ts, forTheWire): the
// request Slack receives is the same, byte for byte, as the client would have built.
import { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import { forTheWire } from "../../src/platform/slack/clientOptions.js";

type Serializer = { serializeBody(data: Record<string, unknown>): { serializedBody: unknown; contentHeaders: Record<string, string> } };

describe("forTheWire", () => {
  const client = new WebClient("xoxb-test") as unknown as Serializer;
  const post = {
    channel: "C1",
    text: "届出 PR-2026-0001 を承認しました",
    thread_ts: "1.2",
    blocks: [{ type: "section", text: { type: "mrkdwn", text: '*承認* & <@U1> "quoted"' } }, { type: "divider" }],
    attachments: [{ fallback: "f", text: "t" }],
    metadata: { event_type: "mamori_outbox", event_payload: { row: 7 } },
    unfurl_links: false,
  };
  const view = { user_id: "U1", view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "ホーム" } }] } };

  it.each([
    ["a post with blocks, attachments and metadata", post],
    ["a Home view", view],
  ])("%s: the same form body and headers as the client builds from the objects", (_name, args) => {
    const before = JSON.stringify(args);
    const wired = forTheWire(args);
    expect(typeof wired.blocks === "string" || typeof wired.view === "string").toBe(true);
    // attachments stay objects: the client reads them for a warning
    if ("attachments" in args) expect(wired.attachments).toBe(args.attachments);
    expect(client.serializeBody(wired)).toEqual(client.serializeBody(args));
    // the caller's arguments are not changed
    expect(JSON.stringify(args)).toBe(before);
  });

  it("leaves arguments without blocks or a view as they are", () => {
    const args = { channel: "C1", ts: "1.2", name: "eyes" };
    expect(forTheWire(args)).toBe(args);
  });
});
