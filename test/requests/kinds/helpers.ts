// Test helpers for the request kinds: Slack's view.state.values from a form's blocks, and a
// small checker of the Slack limits every form must respect (docs/stack.md "Slack limits").
import type { KnownBlock } from "@slack/types";
import { expect } from "vitest";
import type { FormValues, KindDefinition, RequestData, SlackStateValue } from "../../../src/requests/kinds/index.js";
import type { Lang } from "../../../src/platform/i18n.js";

export const TODAY = "2026-04-01";
export const JAPANESE = /[ぁ-んァ-ヶ一-龯]/;

/** What a person typed or picked per block_id: text/option value/date as a string, ticks as a list, null to clear. */
export type Inputs = Record<string, string | string[] | null>;

type Obj = Record<string, any>;

/**
 * `view.state.values` as Slack reports it: each input block's element with its prefilled value
 * (initial_value / initial_option / initial_options / initial_date), replaced by `inputs` where given.
 * Throws on an unknown block or option, like Slack would not let you pick it.
 */
export function stateFor(blocks: KnownBlock[], inputs: Inputs = {}): FormValues {
  const values: FormValues = {};
  const inputBlocks = blocks.filter((b) => b.type === "input") as Obj[];
  for (const id of Object.keys(inputs)) if (!inputBlocks.some((b) => b.block_id === id)) throw new Error(`no input block ${id}`);
  for (const b of inputBlocks) {
    const el = b.element as Obj;
    const given = Object.hasOwn(inputs, b.block_id);
    const input = inputs[b.block_id];
    const option = (v: string) => {
      const o = (el.options as Obj[]).find((x) => x.value === v);
      if (!o) throw new Error(`no option ${v} in ${b.block_id}`);
      return o as { value: string };
    };
    let st: SlackStateValue;
    switch (el.type) {
      case "plain_text_input":
        st = { type: el.type, value: given ? (input as string | null) : (el.initial_value ?? null) };
        break;
      case "static_select":
      case "radio_buttons":
        st = { type: el.type, selected_option: given ? (input === null ? null : option(input as string)) : (el.initial_option ?? null) };
        break;
      case "checkboxes":
        st = { type: el.type, selected_options: given ? ((input as string[] | null) ?? []).map(option) : (el.initial_options ?? []) };
        break;
      case "datepicker":
        st = { type: el.type, selected_date: given ? (input as string | null) : (el.initial_date ?? null) };
        break;
      default:
        throw new Error(`unexpected element ${el.type}`);
    }
    values[b.block_id] = { [el.action_id]: st };
  }
  return values;
}

/** Fills a fresh form with `inputs` and parses it. */
export function submit(kind: KindDefinition, inputs: Inputs, lang: Lang = "ja", today = TODAY) {
  return kind.parse(stateFor(kind.formBlocks(lang), inputs), lang, today);
}

/** Parses, expecting success, and returns the data. */
export function valid(kind: KindDefinition, inputs: Inputs, lang: Lang = "ja", today = TODAY): RequestData {
  const r = submit(kind, inputs, lang, today);
  if (!r.ok) throw new Error(`expected valid, got ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Parses, expecting failure, and returns the errors. */
export function invalid(kind: KindDefinition, inputs: Inputs, lang: Lang = "ja", today = TODAY): Record<string, string> {
  const r = submit(kind, inputs, lang, today);
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.data)}`);
  return r.errors;
}

/** The form prefilled with `data`, submitted untouched, gives `data` back. */
export function expectRoundTrip(kind: KindDefinition, data: RequestData, lang: Lang = "ja", today = TODAY): void {
  const blocks = kind.formBlocks(lang, data);
  const r = kind.parse(stateFor(blocks), lang, today);
  expect(r).toEqual({ ok: true, data });
  // and the data is plain JSON
  expect(JSON.parse(JSON.stringify(data))).toEqual(data);
}

/** Each required field left empty gives an error on that block, in Japanese and in English. */
export function expectRequired(kind: KindDefinition, validInputs: Inputs, empties: Inputs): void {
  for (const [id, empty] of Object.entries(empties)) {
    const ja = invalid(kind, { ...validInputs, [id]: empty }, "ja");
    expect(Object.keys(ja), id).toEqual([id]);
    expect(ja[id], id).toMatch(JAPANESE);
    const en = invalid(kind, { ...validInputs, [id]: empty }, "en");
    expect(Object.keys(en), id).toEqual([id]);
    expect(en[id], id).not.toMatch(JAPANESE);
    expect(en[id]!.length, id).toBeGreaterThan(5);
  }
}

/** Problems with a form against Slack's limits; empty means fine. */
export function slackProblems(blocks: KnownBlock[]): string[] {
  const p: string[] = [];
  const len = (path: string, s: unknown, max: number) => {
    if (s === undefined) return;
    if (typeof s !== "string" || s.length === 0 || s.length > max) p.push(`${path}: ${JSON.stringify(s)} (max ${max})`);
  };
  if (blocks.length > 100) p.push(`${blocks.length} blocks (max 100)`);
  const ids = new Set<string>();
  blocks.forEach((b0, i) => {
    const b = b0 as Obj;
    const at = `blocks[${i}]`;
    len(`${at}.block_id`, b.block_id, 255);
    if (b.block_id !== undefined) {
      if (ids.has(b.block_id)) p.push(`${at}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    if (b.type !== "input") return;
    len(`${at}.label`, b.label?.text, 2000);
    len(`${at}.hint`, b.hint?.text, 2000);
    const el = b.element as Obj;
    len(`${at}.action_id`, el.action_id, 255);
    if (el.action_id !== "value") p.push(`${at}.action_id is ${el.action_id}`);
    len(`${at}.placeholder`, el.placeholder?.text, 150);
    if (el.max_length !== undefined && (el.max_length < 1 || el.max_length > 3000)) p.push(`${at}.max_length ${el.max_length}`);
    len(`${at}.initial_value`, el.initial_value, el.max_length ?? 3000);
    const options = (el.options ?? []) as Obj[];
    if ((el.type === "checkboxes" || el.type === "radio_buttons") && options.length > 10) p.push(`${at}: ${options.length} options (max 10)`);
    if (el.type === "static_select" && options.length > 100) p.push(`${at}: ${options.length} options (max 100)`);
    options.forEach((o, j) => {
      len(`${at}.options[${j}].text`, o.text?.text, 75);
      len(`${at}.options[${j}].value`, o.value, 75);
    });
    const has = (o: Obj | undefined) => !o || options.some((x) => x.value === o.value && x.text?.text === o.text?.text);
    if (!has(el.initial_option)) p.push(`${at}.initial_option is not one of the options`);
    for (const o of (el.initial_options ?? []) as Obj[]) if (!has(o)) p.push(`${at}.initial_options has an unknown option`);
  });
  return p;
}
