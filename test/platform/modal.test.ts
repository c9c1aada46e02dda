// One way to read a modal (src/platform/slack/modal.ts): view.state.values into a zod
// schema, the problems as field errors keyed by block id.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkedBy, hasControlCharacter, maxText, readModal, TEXT_MAX, validateRaw } from "../../src/platform/slack/modal.js";

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

describe("the limits every form keeps, whatever its schema", () => {
  const text = (value: string) => ({
    note_block: { note_action: { type: "plain_text_input", value } },
    kind: { value: { type: "static_select", selected_option: { value: "a" } } },
  });
  const form = {
    action: "value",
    fields: { kind: "option", note: { block: "note_block", action: "note_action", read: "text" } },
    // the schema takes any string: the limits are not the schema's
    schema: z.object({ kind: z.string(), note: z.string() }),
  } as const;

  it("refuses NUL and the other control characters with a field error, in the person's language; line breaks and tabs pass", () => {
    for (const bad of ["a\u0000b", "\u0007", "x\u001b[31m", "\u007f", "\u0085", "a\u000bb"]) {
      expect(readModal(text(bad), form), JSON.stringify(bad)).toEqual({
        ok: false,
        errors: { note_block: "使用できない文字（制御文字）が含まれています。入力し直してください。" },
      });
    }
    expect(readModal(text("\u0000"), { ...form, lang: "en" })).toEqual({
      ok: false,
      errors: { note_block: "This contains a character that cannot be used (a control character). Please type it again." },
    });
    expect(readModal(text("一行目\n\t二行目\r\n三行目"), form)).toEqual({ ok: true, data: { kind: "a", note: "一行目\n\t二行目\r\n三行目" } });
  });

  it("refuses more than TEXT_MAX (3000) characters, counted as a person counts them (an emoji is one)", () => {
    expect(readModal(text("あ".repeat(TEXT_MAX)), form).ok).toBe(true);
    expect(readModal(text("😀".repeat(TEXT_MAX)), form).ok).toBe(true);
    expect(readModal(text("a".repeat(100_000)), { ...form, lang: "en" })).toEqual({
      ok: false,
      errors: { note_block: "Please keep this to 3000 characters." },
    });
    expect(readModal(text("a".repeat(TEXT_MAX + 1)), form)).toEqual({ ok: false, errors: { note_block: "3000文字以内で入力してください。" } });
  });

  it("checks option values too, and answers the refused fields alone: the schema and the cross checks do not see them", () => {
    let crossed = false;
    const values = { ...text("ok"), kind: { value: { type: "static_select", selected_option: { value: "a\u0000" } } } };
    const r = readModal(values, {
      ...form,
      schema: z.object({ kind: z.enum(["b"], { error: "pick b" }), note: z.string().max(1, "too long") }),
      cross: () => void (crossed = true),
    });
    expect(r).toEqual({ ok: false, errors: { kind: "使用できない文字（制御文字）が含まれています。入力し直してください。" } });
    expect(crossed).toBe(false);
    const ticks = validateRaw(z.object({ ticks: z.array(z.string()) }), { ticks: ["x", "y\u0001"] }, (f) => `${f}_block`);
    expect(ticks).toMatchObject({ ok: false, errors: { ticks_block: expect.stringContaining("制御文字") } });
  });

  it("a value over TEXT_MAX is refused with the field's own maximum when it has one; its rules and the cross checks see it cut", () => {
    const seen: number[] = [];
    const r = readModal(text("x".repeat(100_000)), {
      ...form,
      lang: "en",
      schema: z.object({ kind: z.string(), note: maxText(2000, "en").refine((v) => seen.push(v.length) > 0) }),
      cross: (raw) => void seen.push(raw.note?.length ?? -1),
    });
    expect(r).toEqual({ ok: false, errors: { note_block: "Please keep this to 2000 characters." } });
    expect(Math.max(...seen)).toBe(TEXT_MAX + 1);
  });

  it("a field's own maximum (maxText) says its number in the person's language", () => {
    expect(maxText(2000, "en").safeParse("a".repeat(2001)).error?.issues[0]?.message).toBe("Please keep this to 2000 characters.");
    expect(maxText(2000).safeParse("a".repeat(2000)).success).toBe(true);
  });

  it("hasControlCharacter: C0 but tab, line feed and carriage return; DEL; C1", () => {
    const controls = [...Array(0xa0).keys()].filter((c) => hasControlCharacter(String.fromCharCode(c)));
    expect(controls).toEqual([...Array(0xa0).keys()].filter((c) => (c < 0x20 && ![0x09, 0x0a, 0x0d].includes(c)) || (c >= 0x7f && c <= 0x9f)));
    expect(hasControlCharacter("日本語 text – “quotes” 😀")).toBe(false);
  });
});
