// A kind's definition from what only it knows: its id, article, catalogue, form fields and
// schema, title, summary and measures. Its name, description and the generic formBlocks
// and parse (define.ts formOf) follow from those.
import { formOf, type FormDef } from "./define.js";
import type { KindDefinition, KindTexts } from "./types.js";

export interface KindSpec<K extends string> extends Omit<KindDefinition<K>, "name" | "description" | "formBlocks" | "parse" | "readable" | "textFields"> {
  /** the form: its field specs (block ids = field names) and its zod schema, whose messages come from the catalogue */
  form: Pick<FormDef, "specs" | "schema">;
}

export function defineKind<K extends string>(spec: KindSpec<K>): KindDefinition<K> {
  const { form, ...rest } = spec;
  return {
    ...rest,
    textFields: form.specs.filter((f) => f.type === "text").map((f) => f.id),
    name: (lang) => spec.messages(lang).name,
    description: (lang) => spec.messages(lang).description,
    ...formOf({ ...form, texts: (lang): Pick<KindTexts, "fields" | "options"> => spec.messages(lang) }),
  };
}
