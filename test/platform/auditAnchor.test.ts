// The anchor's pure parts: what an operator may give as --expect-head, and which Slack
// messages count as the bot's anchor posts (the metadata read back with include_all_metadata).
import { describe, expect, it } from "vitest";
import { ANCHOR_EVENT, anchorMetadata, anchorOfMessage, parseExpectHead } from "../../src/platform/audit/anchor.js";

const H = "ab".repeat(32);

describe("--expect-head", () => {
  it("is count:hash, the hash 64 hex digits in either case", () => {
    expect(parseExpectHead(`12:${H}`)).toEqual({ count: 12, hash: H });
    expect(parseExpectHead(` 0:${H.toUpperCase()} `)).toEqual({ count: 0, hash: H });
    for (const bad of ["12", `12:${H}0`, `12:${H.slice(2)}`, `-1:${H}`, `1.5:${H}`, `12:${"g".repeat(64)}`, `12 ${H}`])
      expect(parseExpectHead(bad), bad).toBeNull();
  });
});

describe("an anchor post's metadata", () => {
  const at = new Date("2026-12-01T23:45:00Z");
  const message = (metadata: unknown) => ({ ts: "1796168700.000100", metadata });

  it("reads back what the job sends, extra payload fields (the outbox's row tag) tolerated", () => {
    const meta = anchorMetadata({ count: 42, hash: H }, at, "2026-12-02");
    expect(meta).toEqual({ event_type: ANCHOR_EVENT, event_payload: { count: 42, head: H, at: at.toISOString(), day: "2026-12-02" } });
    const a = anchorOfMessage("C0COMPLIANCE", message(meta));
    expect(a).toEqual({ from: "slack", count: 42, hash: H, channel: "C0COMPLIANCE", ts: "1796168700.000100", at });
    expect(anchorOfMessage("C0COMPLIANCE", message({ ...meta, event_payload: { ...meta.event_payload, row: 7 } }))).toMatchObject({ count: 42, hash: H });
  });

  it("passes over other metadata, a malformed payload and messages without metadata", () => {
    const ok = anchorMetadata({ count: 42, hash: H }, at, "2026-12-02");
    expect(anchorOfMessage("C", message(undefined))).toBeNull();
    expect(anchorOfMessage("C", message({ event_type: "mamori_outbox", event_payload: { row: 7 } }))).toBeNull();
    expect(anchorOfMessage("C", message({ ...ok, event_payload: { ...ok.event_payload, head: "not-a-hash" } }))).toBeNull();
    expect(anchorOfMessage("C", message({ ...ok, event_payload: { ...ok.event_payload, count: -1 } }))).toBeNull();
    expect(anchorOfMessage("C", message({ ...ok, event_payload: { ...ok.event_payload, count: "42" } }))).toBeNull();
    expect(anchorOfMessage("C", { metadata: ok })).toBeNull(); // no ts: not a message
  });
});
