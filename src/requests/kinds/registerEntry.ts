// The register entry a request updates when it becomes effective (規程 第23条: the register of
// personal data, src/register/): asked, optionally, by the kinds that change the register
// (purpose, entrust, provide, joint). Empty: a purpose request makes a new entry, and so does
// an entrustment, provision or joint use that names none.
import { z } from "zod";
import type { FieldSpec } from "./blocks.js";
import { kindMessages } from "./messages.js";
import type { FieldText } from "./types.js";
import type { Lang } from "../../platform/i18n.js";

export const REGISTER_ENTRY = "registerEntry";

/** The optional input, last on the form. */
export const registerEntrySpec: FieldSpec = { type: "text", id: REGISTER_ENTRY, max: 20, optional: true };

export const registerEntryText = (lang: Lang): FieldText => kindMessages(lang).registerEntry;

/** A register code (REG-2026-0001), upper-cased; empty as undefined. */
export function registerEntrySchema(lang: Lang) {
  const message = kindMessages(lang).registerEntry.error;
  return z
    .string()
    .max(20, { error: message })
    .optional()
    .transform((v) => (v ?? "").trim().toUpperCase() || undefined)
    .refine((v) => v === undefined || /^REG-\d{4}-\d{4,}$/.test(v), { error: message });
}
