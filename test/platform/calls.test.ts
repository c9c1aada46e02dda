import { describe, expect, it } from "vitest";
import { channelPost, directMessage, homeRefresh, mention, mentions, messageUpdate, ref, reminderCall, threadPost } from "../../src/platform/slack/calls.js";
import { permalinkAt } from "../../src/platform/services.js";

describe("outbox calls", () => {
  const body = { text: "t", blocks: [{ type: "divider" }] };

  it("posts a parent message without unfurling, recording it when sent", () => {
    const call = channelPost("request:1", "C1", body, { onSent: { type: "requestMessage", requestId: "1" } });
    expect(call).toEqual({
      orderKey: "request:1",
      method: "chat.postMessage",
      payload: { channel: "C1", text: "t", blocks: body.blocks, unfurl_links: false },
      onSent: { type: "requestMessage", requestId: "1" },
    });
    expect(Object.keys(call.payload)).toEqual(["channel", "text", "blocks", "unfurl_links"]);
  });

  it("posts in the parent's thread and edits the parent in place", () => {
    expect(threadPost("incident:2", "C2", ref("incidentTs", "2"), { text: "x" })).toEqual({
      orderKey: "incident:2",
      method: "chat.postMessage",
      payload: { channel: "C2", thread_ts: { $ref: "incidentTs", id: "2" }, text: "x" },
    });
    expect(messageUpdate("dsr:3", "C3", ref("dsrTs", "3"), body)).toEqual({
      orderKey: "dsr:3",
      method: "chat.update",
      payload: { channel: "C3", ts: { $ref: "dsrTs", id: "3" }, text: "t", blocks: body.blocks },
    });
  });

  it("sends DMs and reminders in each person's own order, reminders held until a moment", () => {
    expect(directMessage("U1", { text: "hi" })).toEqual({ orderKey: "dm:U1", method: "chat.postMessage", payload: { channel: "U1", text: "hi" } });
    const at = new Date("2026-12-01T00:00:00Z");
    expect(reminderCall("U1", body, at)).toEqual({ orderKey: "reminder:U1", method: "chat.postMessage", payload: { channel: "U1", ...body }, notBefore: at });
    expect(reminderCall("U1", body)).not.toHaveProperty("notBefore");
  });

  it("refreshes a Home tab once however many wait", () => {
    expect(homeRefresh("U9")).toEqual({
      orderKey: "home:U9",
      collapseKey: "home:U9",
      method: "views.publish",
      payload: { user_id: "U9", view: { $ref: "homeView", user: "U9" } },
    });
  });

  it("mentions people and links to messages", () => {
    expect(mention("U1")).toBe("<@U1>");
    expect(mentions(["U1", "U2"])).toBe("<@U1> <@U2>");
    expect(permalinkAt(undefined, "C1", "1700000000.000100")).toBe("https://slack.com/archives/C1/p1700000000000100");
    expect(permalinkAt("https://acme.slack.com", "C1", "1.2")).toBe("https://acme.slack.com/archives/C1/p12");
  });
});
