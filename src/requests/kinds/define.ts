// The machinery the five kinds share: zod field schemas with catalogue messages, cross-field
// rules, mapping zod issues to block ids, and the generic formBlocks/parse of a kind.
import { z } from "zod";
import type { KnownBlock } from "@slack/types";
import { addYears as addYearsToDay, isDay } from "../../platform/day.js";
import { detectPii } from "../../platform/pii/index.js";
import type { Lang } from "../../platform/i18n.js";
import { validateRaw } from "../../platform/slack/modal.js";
import { clip, formBlocksOf, rawFromData, readRaw, type FieldSpec, type FieldText, type Raw } from "./blocks.js";
import { kindMessages, type KindMessages } from "./messages.js";
import type { FormValues, ParseResult, RequestData } from "./types.js";

type Common = KindMessages["common"];

/** "YYYY-MM-DD" naming a real calendar day. */
export const isIsoDate = isDay;

/** Full-width digits to ASCII, thousands separators and spaces away: "１,２００" -> "1200". */
export function normalizeDigits(s: string): string {
  return s.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，、\s]/g, "");
}

/** Field schemas whose messages come from the catalogue. Raw values are strings, lists or undefined. */
export function fieldSchemas(c: Common, today: string) {
  const date = (required: string) => z.string({ error: required }).refine(isIsoDate, { error: c.invalidDate });
  const integer = () =>
    z
      .string()
      .transform(normalizeDigits)
      .refine((s) => /^\d{1,9}$/.test(s) && Number(s) >= 1, { error: c.integer })
      .transform(Number);
  return {
    text: (required: string, max: number) => z.string({ error: required }).max(max, { error: c.tooLong(max) }),
    /**
     * A field that describes data (its items, whose it is): the kinds, never the values; a
     * name, an address, a number or an address that the detector sees is refused.
     */
    categories: (required: string, max: number) =>
      z
        .string({ error: required })
        .max(max, { error: c.tooLong(max) })
        .refine((x) => detectPii(x).length === 0, { error: c.categoriesNotValues }),
    optionalText: (max: number) =>
      z
        .string()
        .max(max, { error: c.tooLong(max) })
        .optional(),
    choice: <const T extends readonly [string, ...string[]]>(values: T, required: string) => z.enum(values, { error: required }),
    optionalChoice: <const T extends readonly [string, ...string[]]>(values: T, required: string) => z.enum(values, { error: required }).optional(),
    /** A yes/no radio as a boolean. */
    yesNo: (required: string) => z.enum(["yes", "no"], { error: required }).transform((v) => v === "yes"),
    /** A select of numbers ("6" | "12" | ...) as a number. */
    numberChoice: <const T extends readonly [string, ...string[]]>(values: T, required: string) =>
      z.enum(values, { error: required }).transform((v) => Number(v)),
    date,
    /** A date not before today. */
    dateFromToday: (required: string) => date(required).refine((d) => !isIsoDate(d) || d >= today, { error: c.notPast(today) }),
    integer: (required: string) => z.string({ error: required }).pipe(integer()),
    optionalInteger: () => integer().optional(),
    /** A single checkbox as a boolean (ticked or not). */
    flag: () => z.array(z.string()).transform((a) => a.length > 0),
    /** Ticked options of a checkbox group, in the form's order. */
    ticks: <const T extends readonly [string, ...string[]]>(values: T, unknown: string) => z.array(z.enum(values, { error: unknown })),
  };
}

/** A cross-field rule: when `fails` holds, the field `path` gets `message`. Runs even when other fields failed. */
export interface Rule {
  path: string;
  fails: (v: Record<string, unknown>) => boolean;
  /** the error, or a function of the values giving it (to name what is missing) */
  message: string | ((v: Record<string, unknown>) => string);
}

export function withRules<T extends z.ZodType>(schema: T, rules: readonly Rule[]): T {
  let s = schema;
  for (const r of rules) {
    const { message } = r;
    s = s.refine((v) => !(typeof v === "object" && v !== null && r.fails(v as Record<string, unknown>)), {
      path: [r.path],
      error: typeof message === "string" ? message : (iss) => message((iss.input ?? {}) as Record<string, unknown>),
      when: () => true,
    }) as T;
  }
  return s;
}

/** Drops undefined values so the data is plain JSON and compares equal after storage. */
function plainJson(v: unknown): RequestData {
  return JSON.parse(JSON.stringify(v)) as RequestData;
}

/** One field of a stored version as a person reads it: its label and its value in words ("" when empty). */
export interface ReadableField {
  id: string;
  label: string;
  value: string;
}

export interface FormDef {
  specs: readonly FieldSpec[];
  texts: (lang: Lang) => { fields: Record<string, FieldText>; options: Record<string, Record<string, string>> };
  schema: (lang: Lang, today: string) => z.ZodType<unknown, Raw>;
}

/** formBlocks and parse of a kind, from its field specs and schema. */
export function formOf(def: FormDef): {
  formBlocks(lang: Lang, initial?: RequestData): KnownBlock[];
  parse(values: FormValues, lang: Lang, today: string): ParseResult;
  readable(data: RequestData, lang: Lang): ReadableField[];
} {
  return {
    readable(data, lang) {
      const t = def.texts(lang);
      const raw = rawFromData(def.specs, data) ?? {};
      return def.specs.map((spec) => {
        const v = raw[spec.id];
        const opts = t.options[spec.id] ?? {};
        const shown = (x: string) => (spec.type === "date" ? showDate(x, lang) : spec.type === "text" ? x : optionText(opts, x));
        const value = Array.isArray(v) ? v.map(shown).join("、") : v ? shown(v) : "";
        return { id: spec.id, label: t.fields[spec.id]?.label ?? spec.id, value };
      });
    },
    formBlocks(lang, initial) {
      const t = def.texts(lang);
      return formBlocksOf(def.specs, t.fields, t.options, kindMessages(lang).common, rawFromData(def.specs, initial));
    },
    parse(values, lang, today) {
      const c = kindMessages(lang).common;
      try {
        const ids = new Set(def.specs.map((s) => s.id));
        const res = validateRaw(def.schema(lang, today), readRaw(values, def.specs), (f) => (ids.has(f) ? f : undefined), {
          fallback: { block: def.specs[0]!.id, message: c.unexpected },
          lang,
        });
        return res.ok ? { ok: true, data: plainJson(res.data) } : res;
      } catch {
        return { ok: false, errors: { [def.specs[0]!.id]: c.unexpected } };
      }
    },
  };
}

// ---- reading stored data and showing it ------------------------------------------

/** A string field of stored data ("" when absent or not a string). */
export function str(data: RequestData | undefined, key: string): string {
  const v = data?.[key];
  return typeof v === "string" ? v : typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}

export function num(data: RequestData | undefined, key: string): number | undefined {
  const v = data?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function list(data: RequestData | undefined, key: string): string[] {
  const v = data?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** One line of at most `n` characters, for titles. */
export function oneLine(s: string, n = 120): string {
  return clip(s.replace(/\s+/g, " ").trim(), n);
}

/** A stored date for people: 2026年4月1日 / 2026-04-01. */
export function showDate(iso: string, lang: Lang): string {
  if (!isIsoDate(iso)) return iso;
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return kindMessages(lang).common.date(y, m, d);
}

/** The day `years` after an ISO date (29 Feb -> 28 Feb), as ISO. */
export function addYears(iso: string, years: number): string {
  return isDay(iso) ? addYearsToDay(iso, years) : iso;
}

const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A summary pair whose `*label*\nvalue` fits Slack's 2000 characters; the value is escaped for mrkdwn. */
export function field(label: string, value: string, none: string): { label: string; value: string } {
  const room = 2000 - label.length - 3;
  return { label, value: clip(escapeMrkdwn(value.trim() || none), Math.max(room, 1)) };
}

/** A stored boolean in words ("" when absent, so the summary shows none). */
export function yesNoText(v: unknown, yes: string, no: string): string {
  return v === true ? yes : v === false ? no : "";
}

/** An option's text for a stored value (the value itself when unknown). */
export function optionText(options: Record<string, string>, value: string): string {
  return Object.hasOwn(options, value) ? options[value]! : value;
}
