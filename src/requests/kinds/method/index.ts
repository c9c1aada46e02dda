// 新しい収集方法・間接収集（規程 第5条・第8条）: a new or indirect way of collecting personal information.
import { z } from "zod";
import { MAX, type FieldSpec } from "../blocks.js";
import { field, fieldSchemas, oneLine, optionText, showDate, str, withRules } from "../define.js";
import { defineKind } from "../defineKind.js";
import { kindMessages } from "../messages.js";
import { methodMessages } from "./messages.js";
import { collectionNotices } from "../notices.js";
import type { MeasureDef } from "../types.js";

/** Block ids (= field names) of the form. */
export const MethodFields = {
  method: "method",
  direction: "direction",
  medium: "medium",
  sourceName: "sourceName",
  sourceLawful: "sourceLawful",
  sourceStatement: "sourceStatement",
  dataItems: "dataItems",
  startDate: "startDate",
} as const;

export const DIRECTIONS = ["direct", "indirect"] as const;
/** How data is taken directly from the person: it decides the notice (APPI Art.21(1)(2), 規程 第6条). */
export const MEDIA = ["direct_writing", "web_form", "face_to_face", "other"] as const;

export interface MethodData {
  method: string;
  direction: (typeof DIRECTIONS)[number];
  /** direct only: in writing, by a web form, face to face, or otherwise */
  medium?: (typeof MEDIA)[number];
  /** indirect only: the provider */
  sourceName?: string;
  /** indirect only: 第8条(2) the provider collected lawfully and has the consent needed */
  sourceLawful?: true;
  /** indirect only: 第8条(3) the provider's written statement was received */
  sourceStatement?: true;
  dataItems: string;
  startDate: string;
}

const F = MethodFields;
const specs: readonly FieldSpec[] = [
  { type: "text", id: F.method, max: MAX.short, multiline: true },
  { type: "radio", id: F.direction, options: DIRECTIONS },
  { type: "select", id: F.medium, options: MEDIA, optional: true },
  { type: "text", id: F.sourceName, max: MAX.name, optional: true },
  { type: "checkboxes", id: F.sourceLawful, options: ["confirmed"], optional: true },
  { type: "checkboxes", id: F.sourceStatement, options: ["received"], optional: true },
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "date", id: F.startDate },
];

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const e = methodMessages(lang).errors;
  const f = fieldSchemas(all.common, today);
  const indirect = (v: Record<string, unknown>) => v.direction === "indirect";
  return withRules(
    z.object({
      method: f.text(e.method, MAX.short),
      direction: f.choice(DIRECTIONS, e.direction),
      medium: f.optionalChoice(MEDIA, e.medium),
      sourceName: f.optionalText(MAX.name),
      sourceLawful: f.flag(),
      sourceStatement: f.flag(),
      dataItems: f.categories(e.dataItems, MAX.long),
      startDate: f.dateFromToday(e.startDate),
    }),
    [
      { path: F.medium, fails: (v) => v.direction === "direct" && !v.medium, message: e.medium },
      { path: F.sourceName, fails: (v) => indirect(v) && !v.sourceName, message: e.sourceName },
      { path: F.sourceLawful, fails: (v) => indirect(v) && v.sourceLawful !== true, message: e.sourceLawful },
      { path: F.sourceStatement, fails: (v) => indirect(v) && v.sourceStatement !== true, message: e.sourceStatement },
    ],
  ).transform((v): MethodData => {
    const base = { method: v.method, direction: v.direction, dataItems: v.dataItems, startDate: v.startDate };
    // the source and its checks only mean something for indirect collection
    return v.direction === "indirect" ? { ...base, sourceName: v.sourceName, sourceLawful: true, sourceStatement: true } : { ...base, medium: v.medium };
  });
}

export const methodKind = defineKind({
  kind: "method",
  article: "第5条・第8条",
  messages: methodMessages,
  form: { specs, schema },
  title: (data) => oneLine(str(data, F.method)),
  summaryFields(data, lang) {
    const m = kindMessages(lang);
    const k = methodMessages(lang);
    const t = k.fields;
    const s = k.summary;
    const none = m.common.none;
    const out = [field(t.method.label, str(data, F.method), none), field(t.direction.label, optionText(k.options.direction, str(data, F.direction)), none)];
    if (data[F.direction] === "direct" && str(data, F.medium)) out.push(field(t.medium.label, optionText(k.options.medium, str(data, F.medium)), none));
    if (data[F.direction] === "indirect") {
      out.push(field(s.source, str(data, F.sourceName), none));
      const checks = [data[F.sourceLawful] === true ? s.lawful : "", data[F.sourceStatement] === true ? s.statement : ""].filter(Boolean);
      out.push(field(s.sourceChecks, checks.join(m.common.listSeparator), none));
    }
    out.push(field(t.dataItems.label, str(data, F.dataItems), none));
    out.push(field(t.startDate.label, showDate(str(data, F.startDate), lang), none));
    return out;
  },
  measures(data): MeasureDef[] {
    const indirect = data[F.direction] === "indirect";
    // the notice follows the method: APPI Art.21(2) in writing, 規程 第6条 face to face, Art.21(1) indirect
    const out: MeasureDef[] = collectionNotices(indirect ? "third_party" : str(data, F.medium));
    if (indirect) {
      out.push({ key: "source_statement_filed", label: (lang) => methodMessages(lang).measures.source_statement_filed });
      out.push({ key: "website_notice", label: (lang) => methodMessages(lang).measures.website_notice });
    }
    return out;
  },
});
