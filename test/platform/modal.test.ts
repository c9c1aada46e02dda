// One way to read a modal (src/platform/slack/modal.ts): view.state.values into a zod
// schema, the problems as field errors keyed by block id.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedBy, readModal } from "../../src/platform/slack/modal.js";

const values = {
  kind: { value: { type: "static_select", selected_option: { value: "b" } } },
  when: { value: { type: "datepicker", selected_date: "2026-12-01" } },
  who: { value: { type: "users_select", selected_user: null } },
  ticks: { value: { type: "checkboxes", selected_options: [{ value: "x" }, { value: "y" }] } },
  note_block: { note_action: { type: "plain_text_input", value: "  hi  " } },
};

describe("readModal", () => {
  it("reads each field from its block and element into the schema", () => {
    const r = readModal(values, {
      action: "value",
      fields: { kind: "option", when: "date", who: "user", ticks: "options", note: { block: "note_block", action: "note_action", read: "text" } },
      schema: z.object({ kind: z.enum(["a", "b"]), when: z.string(), who: z.string().optional(), ticks: z.array(z.string()), note: z.string().trim() }),
    });
    expect(r).toEqual({ ok: true, data: { kind: "b", when: "2026-12-01", who: undefined, ticks: ["x", "y"], note: "hi" } });
  });

  it("gives the first message of each field on its block, and the checks across fields whatever the fields' own problems", () => {
    const r = readModal(values, {
      action: "value",
      fields: { kind: "option", who: "user", note: { block: "note_block", action: "note_action", read: "text" } },
      schema: z.object({ kind: z.enum(["a"], { error: "pick a" }), who: z.string({ error: "who?" }).min(3, "short"), note: z.string().max(1, "too long") }),
      cross: (raw, add) => {
        if (raw.kind === "b") add("note", "not with b");
        if (raw.kind === "b") add("who", "not with b either");
      },
    });
    expect(r).toEqual({ ok: false, errors: { kind: "pick a", who: "who?", note_block: "too long" } });
  });

  it("takes a rules module's check as the schema (checkedBy)", () => {
    const check = (i: { when?: string | undefined }) =>
      i.when && i.when <= "2026-11-30" ? { ok: true as const, value: i.when } : { ok: false as const, problems: { when: "future" as const } };
    const form = {
      action: "value",
      fields: { when: "date" },
      schema: checkedBy(z.object({ when: z.string().optional() }), check, (p) => `problem: ${p}`),
    } as const;
    expect(readModal(values, form)).toEqual({ ok: false, errors: { when: "problem: future" } });
    expect(readModal({ when: { value: { selected_date: "2026-11-01" } } }, form)).toEqual({ ok: true, data: "2026-11-01" });
  });
});
