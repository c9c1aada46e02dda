// One way to read a modal: the values Slack sends (view.state.values) into a zod schema,
// with the problems as field errors keyed by block id, the first message of each field.
// Every form of the bot is read here (readModal, or validateRaw for values read another
// way), so the limits every input must keep are checked here too, before any schema: no
// control characters (PostgreSQL cannot store NUL at all), at most TEXT_MAX characters.
import { z } from "zod";
import { catalogue, DEFAULT_LANG, type Lang } from "../i18n.js";

/**
 * The most characters any value of a form may have: what Slack's text input takes at most
 * (plain_text_input max_length), so nothing a person typed in Slack is refused, and what a
 * section's text takes, so anything stored from a form fits when a message shows it. A
 * form whose field is shown where less fits (a header, a field of a section) has its own
 * maximum in its schema, the same as its input's max_length.
 */
export const TEXT_MAX = 3000;

/**
 * Control characters no form takes: C0 but tab, line feed and carriage return, DEL and C1.
 * Line breaks and tabs are what a multi-line input holds; anything else is invisible in
 * Slack, and NUL makes PostgreSQL refuse the whole statement.
 */
export function hasControlCharacter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

const inputMessages = catalogue(
  {
    control: "使用できない文字（制御文字）が含まれています。入力し直してください。",
    tooLong: (max: number) => `${max}文字以内で入力してください。`,
  },
  {
    control: "This contains a character that cannot be used (a control character). Please type it again.",
    tooLong: (max: number) => `Please keep this to ${max} characters.`,
  },
);

/**
 * A text of at most `max` characters (a field's own maximum, the same as its input's
 * max_length), the error in `lang`.
 */
export const maxText = (max: number, lang: Lang = DEFAULT_LANG) => z.string().max(max, inputMessages(lang).tooLong(max));

/** Characters as a person counts them (an emoji is one), counted only when the length might be over `max`. */
const longerThan = (s: string, max: number) => s.length > max && [...s].length > max;

/** The strings of one raw value (a text, a date, an option's value; the options ticked). */
const stringsOf = (value: unknown): string[] =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];

/**
 * Raw values with every string over TEXT_MAX cut to TEXT_MAX + 1 characters: enough for a
 * form's own maximum to say so in its words, never a forged 100,000 characters for its
 * rules to search.
 */
function cut<T>(raw: T): T {
  const one = (v: unknown) => (typeof v === "string" && longerThan(v, TEXT_MAX) ? [...v].slice(0, TEXT_MAX + 1).join("") : v);
  if (typeof raw !== "object" || raw === null) return raw;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.map(one) : one(v)])) as T;
}

/** One element's state in view.state.values (the parts the forms read). */
export interface ElementState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

/** view.state.values as Slack sends it: block_id -> action_id -> state. */
export type ModalValues = Record<string, Record<string, ElementState>>;

/** What a field reads from its element: a text, a date, a time, a user, one option, the options ticked. */
export type Reading = "text" | "date" | "time" | "user" | "option" | "options";

/** A field of the form: what it reads, in which block (default: the field's name) and element (default: the form's action). */
export type FieldReading = Reading | { block?: string; action?: string; read: Reading };

type ReadOf<F> = F extends Reading ? F : F extends { read: infer R } ? R : never;
/** The raw values of a form's fields: the options ticked as a list, anything else a string when given. */
export type RawOf<F extends Record<string, FieldReading>> = { [K in keyof F]: ReadOf<F[K]> extends "options" ? string[] : string | undefined };

export type ModalResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> };

export interface ModalForm<S extends z.ZodType, F extends Record<string, FieldReading> = Record<string, FieldReading>> {
  /** the form's fields by name (the schema's keys) */
  fields: F;
  /** the action_id of every input's element (unless a field names its own) */
  action?: string;
  schema: S;
  /**
   * Checks across fields, on the raw values, run whatever the fields' own problems: every
   * error at once, a field's own problem first.
   */
  cross?: (raw: RawOf<F>, add: (field: string, message: string) => void) => void;
  /** the language of the errors about control characters and length (default: DEFAULT_LANG) */
  lang?: Lang;
}

function read(state: ElementState | undefined, how: Reading): unknown {
  switch (how) {
    case "text":
      return state?.value ?? undefined;
    case "date":
      return state?.selected_date ?? undefined;
    case "time":
      return state?.selected_time ?? undefined;
    case "user":
      return state?.selected_user ?? undefined;
    case "option":
      return state?.selected_option?.value;
    case "options":
      return (state?.selected_options ?? []).map((o) => o.value);
  }
}

/** The raw values of a form's fields (missing blocks read as undefined, or [] for options). */
export function readFields<F extends Record<string, FieldReading>>(values: ModalValues, fields: F, action = ""): RawOf<F> {
  return Object.fromEntries(
    Object.entries(fields).map(([name, f]) => {
      const { block = name, action: element = action, read: how } = typeof f === "string" ? { read: f } : f;
      return [name, read(values[block]?.[element], how)];
    }),
  ) as RawOf<F>;
}

/**
 * zod issues to Slack's `errors`: block id -> the first message of that field. An issue
 * about no field of the form goes to `fallback` (a block id and a message) when given, and is
 * dropped otherwise.
 */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  blockOf: (field: string) => string | undefined,
  fallback?: { block: string; message: string },
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const head = issue.path[0];
    const block = typeof head === "string" ? blockOf(head) : undefined;
    const key = block ?? fallback?.block;
    if (key && !(key in errors)) errors[key] = issue.message || (fallback?.message ?? "");
  }
  return errors;
}

/**
 * Validates raw values with a schema; the errors keyed by block id (see fieldErrors). The
 * limits every form keeps come first: a value with a control character is refused alone
 * (neither the schema nor the cross checks see the form); a value over TEXT_MAX is cut
 * before the schema and the cross checks see it (see cut) and refused with the form's own
 * message when it has one (its maximum), else with TEXT_MAX's.
 */
export function validateRaw<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  blockOf: (field: string) => string | undefined,
  o: { cross?: (add: (field: string, message: string) => void) => void; fallback?: { block: string; message: string }; lang?: Lang } = {},
): ModalResult<z.output<S>> {
  const m = inputMessages(o.lang ?? DEFAULT_LANG);
  const block = (field: string) => blockOf(field) ?? o.fallback?.block ?? field;
  const fields = typeof raw === "object" && raw !== null ? Object.entries(raw) : [];
  const refused: Record<string, string> = {};
  for (const [field, value] of fields) {
    if (stringsOf(value).some(hasControlCharacter)) refused[block(field)] ??= m.control;
  }
  if (Object.keys(refused).length > 0) return { ok: false, errors: refused };
  const tooLong = fields.filter(([, value]) => stringsOf(value).some((v) => longerThan(v, TEXT_MAX))).map(([field]) => block(field));
  const r = schema.safeParse(cut(raw));
  const errors = r.success ? {} : fieldErrors(r.error.issues, blockOf, o.fallback);
  o.cross?.((field, message) => {
    const block = blockOf(field) ?? field;
    if (!(block in errors)) errors[block] = message;
  });
  for (const b of tooLong) errors[b] ??= m.tooLong(TEXT_MAX);
  if (r.success && Object.keys(errors).length === 0) return { ok: true, data: r.data };
  return { ok: false, errors };
}

/** Reads a modal's values into `form.schema`: the data, or field errors keyed by block id. */
export function readModal<S extends z.ZodType, const F extends Record<string, FieldReading>>(
  values: ModalValues,
  form: ModalForm<S, F>,
): ModalResult<z.output<S>> {
  const raw = readFields(values, form.fields, form.action);
  const blockOf = (field: string) => {
    const f = form.fields[field];
    return f === undefined ? undefined : typeof f === "string" ? field : (f.block ?? field);
  };
  return validateRaw(form.schema, raw, blockOf, { cross: form.cross && ((add) => form.cross!(cut(raw), add)), lang: form.lang });
}

/**
 * A schema from a rule that checks the raw input itself (a pure rules module's check):
 * its problems by field become issues with their messages, its value the data.
 */
export function checkedBy<I, O, P extends string>(
  input: z.ZodType<I>,
  check: (input: I) => { ok: true; value: O } | { ok: false; problems: Partial<Record<string, P>> },
  message: (problem: P, field: string) => string,
): z.ZodType<O> {
  return input.transform((raw, ctx) => {
    const r = check(raw);
    if (r.ok) return r.value;
    for (const [field, problem] of Object.entries(r.problems)) {
      if (problem) ctx.addIssue({ code: "custom", path: [field], message: message(problem as P, field) });
    }
    return z.NEVER;
  }) as unknown as z.ZodType<O>;
}
