// Shared input builders of the request forms: one field spec -> one Block Kit input block,
// and the way back from Slack's `view.state.values` to plain raw values.
import type { InputBlock, KnownBlock, PlainTextOption } from "@slack/types";
import type { FieldText, FormValues, RequestData } from "./types.js";

/** Every element's action_id; the block_id is the field name. */
export const ACTION_ID = "value";

/** Slack limits (docs/stack.md "Slack limits"). */
export const SLACK = { label: 2000, hint: 2000, placeholder: 150, optionText: 75, optionValue: 75, choiceOptions: 10, textInput: 3000, id: 255 } as const;

/** Text lengths of this project's fields. */
export const MAX = { name: 200, short: 500, long: 3000, headcount: 12 } as const;

export type FieldSpec =
  | { type: "text"; id: string; max: number; multiline?: boolean; optional?: boolean }
  | { type: "select"; id: string; options: readonly string[]; optional?: boolean; initial?: string }
  | { type: "radio"; id: string; options: readonly string[]; optional?: boolean; initial?: string }
  | { type: "checkboxes"; id: string; options: readonly string[]; optional?: boolean }
  | { type: "date"; id: string; optional?: boolean };

export type { FieldText };

/** What one input holds, before validation: text/select/radio/date as a string, checkboxes as a list. */
export type RawValue = string | string[] | undefined;
export type Raw = Record<string, RawValue>;

export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const plain = (text: string, n: number) => ({ type: "plain_text" as const, text: clip(text, n), emoji: true });

function option(value: string, text: string | undefined): PlainTextOption {
  return { text: plain(text || value, SLACK.optionText), value: value.slice(0, SLACK.optionValue) };
}

/** One input block: block_id = field name, action_id = "value", prefilled with `initial`. */
export function inputBlock(
  spec: FieldSpec,
  text: FieldText,
  optionTexts: Record<string, string> | undefined,
  common: { selectPlaceholder: string; datePlaceholder: string },
  initial: RawValue,
): InputBlock {
  const base = {
    type: "input" as const,
    block_id: spec.id,
    label: plain(text.label, SLACK.label),
    optional: spec.optional ?? false,
    ...(text.hint ? { hint: plain(text.hint, SLACK.hint) } : {}),
  };
  const first = typeof initial === "string" ? initial : undefined;
  switch (spec.type) {
    case "text": {
      const value = first !== undefined ? first.slice(0, spec.max) : undefined;
      return {
        ...base,
        element: {
          type: "plain_text_input",
          action_id: ACTION_ID,
          multiline: spec.multiline ?? false,
          max_length: Math.min(spec.max, SLACK.textInput),
          ...(text.placeholder ? { placeholder: plain(text.placeholder, SLACK.placeholder) } : {}),
          ...(value ? { initial_value: value } : {}),
        },
      };
    }
    case "select":
    case "radio": {
      const options = spec.options.map((v) => option(v, optionTexts?.[v]));
      const chosen = options.find((o) => o.value === (first ?? spec.initial));
      if (spec.type === "select")
        return {
          ...base,
          element: {
            type: "static_select",
            action_id: ACTION_ID,
            placeholder: plain(text.placeholder ?? common.selectPlaceholder, SLACK.placeholder),
            options,
            ...(chosen ? { initial_option: chosen } : {}),
          },
        };
      return { ...base, element: { type: "radio_buttons", action_id: ACTION_ID, options, ...(chosen ? { initial_option: chosen } : {}) } };
    }
    case "checkboxes": {
      const options = spec.options.map((v) => option(v, optionTexts?.[v]));
      const ticked = Array.isArray(initial) ? options.filter((o) => initial.includes(o.value ?? "")) : [];
      return {
        ...base,
        element: { type: "checkboxes", action_id: ACTION_ID, options, ...(ticked.length > 0 ? { initial_options: ticked } : {}) },
      };
    }
    case "date":
      return {
        ...base,
        element: {
          type: "datepicker",
          action_id: ACTION_ID,
          placeholder: plain(text.placeholder ?? common.datePlaceholder, SLACK.placeholder),
          ...(first && /^\d{4}-\d{2}-\d{2}$/.test(first) ? { initial_date: first } : {}),
        },
      };
  }
}

/** The input blocks of a form. */
export function formBlocksOf(
  specs: readonly FieldSpec[],
  texts: Record<string, FieldText>,
  options: Record<string, Record<string, string>>,
  common: { selectPlaceholder: string; datePlaceholder: string },
  initial: Raw | undefined,
): KnownBlock[] {
  return specs.map((spec) => inputBlock(spec, texts[spec.id] ?? { label: spec.id }, options[spec.id], common, initial?.[spec.id]));
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The state of one block's element: the one with action_id "value", else the first one. Never throws. */
function stateOf(values: unknown, id: string): Record<string, unknown> | undefined {
  if (!isObj(values)) return undefined;
  const block = values[id];
  if (!isObj(block)) return undefined;
  const st = block[ACTION_ID] ?? Object.values(block)[0];
  return isObj(st) ? st : undefined;
}

/** Trims, unifies line ends; empty text becomes undefined. */
export function cleanText(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const s = v.replace(/\r\n?/g, "\n").trim();
  return s === "" ? undefined : s;
}

/** Reads the raw values of the form's fields from `view.state.values`; missing or odd blocks read as empty. */
export function readRaw(values: FormValues | unknown, specs: readonly FieldSpec[]): Raw {
  const raw: Raw = {};
  for (const spec of specs) {
    const st = stateOf(values, spec.id);
    switch (spec.type) {
      case "text":
        raw[spec.id] = cleanText(st?.value);
        break;
      case "select":
      case "radio": {
        const o = st?.selected_option;
        raw[spec.id] = isObj(o) && typeof o.value === "string" && o.value !== "" ? o.value : undefined;
        break;
      }
      case "checkboxes": {
        const list = Array.isArray(st?.selected_options) ? (st.selected_options as unknown[]) : [];
        const chosen = new Set(list.flatMap((o) => (isObj(o) && typeof o.value === "string" ? [o.value] : [])));
        // in the form's order, so the same ticks always give the same data
        raw[spec.id] = [...spec.options.filter((v) => chosen.has(v)), ...[...chosen].filter((v) => !spec.options.includes(v))];
        break;
      }
      case "date": {
        const d = st?.selected_date;
        raw[spec.id] = typeof d === "string" && d !== "" ? d : undefined;
        break;
      }
    }
  }
  return raw;
}

/**
 * Stored data back to raw form values, for prefilling: strings stay, numbers become text,
 * booleans become "yes"/"no" for radios and the single option ticked for a checkbox.
 */
export function rawFromData(specs: readonly FieldSpec[], data: RequestData | undefined): Raw | undefined {
  if (!isObj(data)) return undefined;
  const raw: Raw = {};
  for (const spec of specs) {
    const v = data[spec.id];
    if (spec.type === "checkboxes") {
      if (Array.isArray(v)) raw[spec.id] = v.filter((x): x is string => typeof x === "string");
      else if (v === true) raw[spec.id] = spec.options.slice(0, 1);
      else raw[spec.id] = [];
    } else if (typeof v === "string") raw[spec.id] = v;
    else if (typeof v === "number" && Number.isFinite(v)) raw[spec.id] = String(v);
    else if (typeof v === "boolean") raw[spec.id] = v ? "yes" : "no";
  }
  return raw;
}
