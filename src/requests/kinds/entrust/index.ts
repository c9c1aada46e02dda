// 個人情報の預託（規程 第15条）: entrusting personal information to a processor.
import { z } from "zod";
import { MAX, type FieldSpec } from "../blocks.js";
import { abroadSpecs, abroadSummary, DESTINATIONS, equivalentMeasures, isAbroad, needsArt28Consent } from "../abroad.js";
import { addYears, field, fieldSchemas, isIsoDate, list, num, oneLine, optionText, showDate, str, withRules, yesNoText } from "../define.js";
import { defineKind } from "../defineKind.js";
import { registerEntrySchema, registerEntrySpec } from "../registerEntry.js";
import { kindMessages } from "../messages.js";
import { entrustMessages } from "./messages.js";
import type { MeasureDef } from "../types.js";

/** Block ids (= field names) of the form. */
export const EntrustFields = {
  processorName: "processorName",
  processorAddress: "processorAddress",
  destination: "destination",
  country: "country",
  work: "work",
  dataItems: "dataItems",
  headcount: "headcount",
  dueDiligence: "dueDiligence",
  contractItems: "contractItems",
  contractStart: "contractStart",
  contractEnd: "contractEnd",
  subcontracting: "subcontracting",
  inspectionCycle: "inspectionCycle",
} as const;

/** 第15条2項(1): the three checks before the contract. */
export const DUE_DILIGENCE = ["site_check", "security_level", "financial_stability"] as const;
/** 第15条2項(2): items ①-⑦ the draft basic contract must include. */
export const CONTRACT_ITEMS = ["c1", "c2", "c3", "c4", "c5", "c6", "c7"] as const;
export const INSPECTION_CYCLES = ["6", "12", "24"] as const;
/** 第15条7項: the contract documents are kept 7 years after the contract ends. */
export const DOCUMENT_RETENTION_YEARS = 7;

export interface EntrustData {
  processorName: string;
  processorAddress?: string;
  /** where the processor is (APPI Art.28): (c) is refused, entrustment being unavailable there */
  destination: (typeof DESTINATIONS)[number];
  country?: string;
  work: string;
  dataItems: string;
  /** approximate number of people */
  headcount: number;
  dueDiligence: (typeof DUE_DILIGENCE)[number][];
  contractItems: (typeof CONTRACT_ITEMS)[number][];
  contractStart: string;
  contractEnd: string;
  /** 再委託を認める */
  subcontracting: boolean;
  /** months between inspections (第15条6項) */
  inspectionCycle: 6 | 12 | 24;
  /** the register entry to update when effective (REG-…); none: a new entry */
  registerEntry?: string;
}

const F = EntrustFields;
const specs: readonly FieldSpec[] = [
  { type: "text", id: F.processorName, max: MAX.name },
  { type: "text", id: F.processorAddress, max: MAX.name, optional: true },
  ...abroadSpecs,
  { type: "text", id: F.work, max: MAX.long, multiline: true },
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "text", id: F.headcount, max: MAX.headcount },
  { type: "checkboxes", id: F.dueDiligence, options: DUE_DILIGENCE },
  { type: "checkboxes", id: F.contractItems, options: CONTRACT_ITEMS },
  { type: "date", id: F.contractStart },
  { type: "date", id: F.contractEnd },
  { type: "radio", id: F.subcontracting, options: ["no", "yes"] },
  { type: "select", id: F.inspectionCycle, options: INSPECTION_CYCLES, initial: "12" },
  registerEntrySpec,
];

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const m = entrustMessages(lang);
  const e = m.errors;
  const f = fieldSchemas(all.common, today);
  const sep = all.common.listSeparator;
  /** All of `required` ticked, else one message naming the missing ones. */
  const allOf = <const T extends readonly [string, ...string[]]>(required: T, short: Record<T[number], string>, message: (missing: string) => string) =>
    f.ticks(required, message(required.map((k) => short[k as T[number]]).join(sep))).superRefine((ticked, ctx) => {
      const missing = required.filter((k) => !ticked.includes(k));
      if (missing.length > 0) ctx.addIssue({ code: "custom", message: message(missing.map((k) => short[k as T[number]]).join(sep)) });
    });
  return withRules(
    z.object({
      processorName: f.text(e.processorName, MAX.name),
      processorAddress: f.optionalText(MAX.name),
      destination: f.choice(DESTINATIONS, e.destination),
      country: f.optionalText(MAX.name),
      work: f.text(e.work, MAX.long),
      dataItems: f.categories(e.dataItems, MAX.long),
      headcount: f.integer(e.headcount),
      dueDiligence: allOf(DUE_DILIGENCE, m.short.dueDiligence, e.dueDiligence),
      contractItems: allOf(CONTRACT_ITEMS, m.short.contractItems, e.contractItems),
      contractStart: f.date(e.contractStart),
      contractEnd: f.date(e.contractEnd),
      subcontracting: f.yesNo(e.subcontracting),
      inspectionCycle: f.numberChoice(INSPECTION_CYCLES, e.inspectionCycle),
      registerEntry: registerEntrySchema(lang),
    }),
    [
      { path: F.country, fails: (v) => isAbroad(v.destination) && !v.country, message: e.country },
      // Art.28(1): to a processor abroad in case (c), Art.27 (and with it entrustment, Art.27(5)(1)) does not apply
      { path: F.destination, fails: (v) => needsArt28Consent(v.destination), message: e.abroadRefused },
      {
        path: F.contractEnd,
        fails: (v) => isIsoDate(v.contractStart) && isIsoDate(v.contractEnd) && v.contractEnd <= v.contractStart,
        message: e.contractEndAfterStart,
      },
    ],
  ).transform(
    (v): EntrustData => ({
      ...v,
      country: isAbroad(v.destination) ? v.country : undefined,
      dueDiligence: [...v.dueDiligence],
      contractItems: [...v.contractItems],
      inspectionCycle: v.inspectionCycle as 6 | 12 | 24,
      registerEntry: v.registerEntry,
    }),
  );
}

export const entrustKind = defineKind({
  kind: "entrust",
  article: "第15条",
  messages: entrustMessages,
  form: { specs, schema },
  title: (data) => oneLine(`${str(data, F.processorName)} / ${str(data, F.work)}`),
  summaryFields(data, lang) {
    const all = kindMessages(lang);
    const m = entrustMessages(lang);
    const t = m.fields;
    const s = m.summary;
    const none = all.common.none;
    const sep = all.common.listSeparator;
    const address = str(data, F.processorAddress);
    const headcount = num(data, F.headcount);
    const start = str(data, F.contractStart);
    const end = str(data, F.contractEnd);
    const ticked = (key: string, required: readonly string[], short: Record<string, string>, done: string) => {
      const have = list(data, key);
      if (have.length === 0) return "";
      const missing = required.filter((k) => !have.includes(k));
      return missing.length === 0 ? done : m.errors[key === F.dueDiligence ? "dueDiligence" : "contractItems"](missing.map((k) => short[k]).join(sep));
    };
    return [
      field(s.processor, address ? `${str(data, F.processorName)}\n${address}` : str(data, F.processorName), none),
      abroadSummary(data, lang),
      field(t.work.label, str(data, F.work), none),
      field(t.dataItems.label, str(data, F.dataItems), none),
      field(t.headcount.label, headcount !== undefined ? all.common.people(headcount.toLocaleString(lang === "en" ? "en-US" : "ja-JP")) : "", none),
      field(s.dueDiligence, ticked(F.dueDiligence, DUE_DILIGENCE, m.short.dueDiligence, s.dueDiligenceDone), none),
      field(s.contractItems, ticked(F.contractItems, CONTRACT_ITEMS, m.short.contractItems, s.contractItemsDone), none),
      field(s.term, start || end ? s.termValue(showDate(start, lang), showDate(end, lang)) : "", none),
      field(t.subcontracting.label, yesNoText(data[F.subcontracting], m.options.subcontracting.yes, m.options.subcontracting.no), none),
      field(t.inspectionCycle.label, optionText(m.options.inspectionCycle, str(data, F.inspectionCycle)), none),
    ];
  },
  measures(data): MeasureDef[] {
    const months = num(data, F.inspectionCycle) ?? 12;
    const end = str(data, F.contractEnd);
    return [
      { key: "contract_signed", label: (lang) => entrustMessages(lang).measures.contract_signed },
      { key: "individual_contract_signed", label: (lang) => entrustMessages(lang).measures.individual_contract_signed },
      { key: "notice_to_processor", label: (lang) => entrustMessages(lang).measures.notice_to_processor },
      { key: "inspection_scheduled", label: (lang) => entrustMessages(lang).measures.inspection_scheduled(months) },
      {
        key: "documents_retention",
        label: (lang) => entrustMessages(lang).measures.documents_retention(showDate(addYears(end, DOCUMENT_RETENTION_YEARS), lang)),
      },
      ...equivalentMeasures(data),
    ];
  },
});
