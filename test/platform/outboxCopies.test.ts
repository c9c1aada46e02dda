// The outbox's tag on a post: what lets it find a copy after a crash instead of posting twice.
import { describe, expect, it } from "vitest";
import { anchorMetadata, anchorOfMessage } from "../../src/platform/audit/anchor.js";
import { OUTBOX_EVENT_TYPE, rowOf, tagged } from "../../src/platform/outboxCopies.js";

const HASH = "a".repeat(64);

describe("the row tag on a post", () => {
  it("a post without metadata gets the outbox's own and is found by its row", () => {
    const p = tagged({ channel: "C1", text: "x" }, 12);
    expect(p.metadata).toEqual({ event_type: OUTBOX_EVENT_TYPE, event_payload: { row: 12 } });
    expect(rowOf({ metadata: p.metadata as never })).toBe(12);
  });

  it("the audit anchor keeps its metadata, gets the row in its payload, and still reads back as the anchor", () => {
    const meta = anchorMetadata({ count: 42, hash: HASH }, new Date("2026-12-02T00:00:00Z"), "2026-12-02");
    const p = tagged({ channel: "C0COMPLIANCE", text: "anchor", metadata: meta }, 99);
    const m = p.metadata as { event_type: string; event_payload: Record<string, unknown> };
    expect(m.event_type).toBe(meta.event_type);
    expect(m.event_payload).toEqual({ ...meta.event_payload, row: 99 });
    expect(rowOf({ metadata: m })).toBe(99);
    expect(anchorOfMessage("C0COMPLIANCE", { ts: "1.2", metadata: m })).toMatchObject({ count: 42, hash: HASH });
  });

  it("metadata that is not the bot's is left alone and never taken for one of its posts", () => {
    const foreign = { event_type: "other_app", event_payload: { row: 5 } };
    expect(tagged({ channel: "C1", metadata: foreign }, 7).metadata).toBe(foreign);
    expect(rowOf({ metadata: foreign })).toBeUndefined();
  });
});
