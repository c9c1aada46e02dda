// The reminder DM's Block Kit: whatever the number of sections and items, it stays within
// Slack's 50 blocks (a longer message is refused and the DM would be lost), and what does
// not fit is counted, not dropped silently.
import { describe, expect, it } from "vitest";
import { reminderDm } from "../../src/reminders/blocks.js";

const section = (name: string, n: number) => ({ title: name, items: Array.from({ length: n }, (_, i) => ({ item: `${name}:${i}`, text: `${name} ${i}` })) });

describe("the reminder DM", () => {
  it("six sections of seven items: at most 50 blocks, the rest counted in the note", () => {
    const sections = ["a", "b", "c", "d", "e", "f"].map((x) => section(x, 7));
    const dm = reminderDm("おはようございます。", sections, "ja");
    expect(dm.blocks.length).toBeLessThanOrEqual(50);
    const shown = (dm.blocks as { block_id?: string }[]).filter((b) => b.block_id?.startsWith("item:")).length;
    const note = JSON.stringify(dm.blocks.at(-1));
    expect(note).toContain(`${42 - shown}`);
    expect(shown).toBeGreaterThan(30);
  });

  it("a few items: every one shown, no count of hidden ones", () => {
    const dm = reminderDm("おはようございます。", [section("a", 3), section("b", 2)], "ja");
    expect((dm.blocks as { block_id?: string }[]).filter((b) => b.block_id?.startsWith("item:"))).toHaveLength(5);
    expect(dm.blocks).toHaveLength(1 + 2 * 2 + 5 + 1);
  });
});
