// One way to read a modal: the values Slack sends (view.state.values) into a zod schema,
// with the problems as field errors keyed by block id, the first message of each field.
import { z } from "zod";

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

/** Validates raw values with a schema; the errors keyed by block id (see fieldErrors). */
export function validateRaw<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  blockOf: (field: string) => string | undefined,
  o: { cross?: (add: (field: string, message: string) => void) => void; fallback?: { block: string; message: string } } = {},
): ModalResult<z.output<S>> {
  const r = schema.safeParse(raw);
  const errors = r.success ? {} : fieldErrors(r.error.issues, blockOf, o.fallback);
  o.cross?.((field, message) => {
    const block = blockOf(field) ?? field;
    if (!(block in errors)) errors[block] = message;
  });
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
  return validateRaw(form.schema, raw, blockOf, { cross: form.cross && ((add) => form.cross!(raw, add)) });
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
