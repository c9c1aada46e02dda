// 第三者提供（規程 第16条; APPI Art.27-29）: providing personal information to a third party.
import { z } from "zod";
import { DEFAULT_LANG } from "../../../platform/i18n.js";
import { MAX, type FieldSpec } from "../blocks.js";
import { field, fieldSchemas, num, oneLine, optionText, showDate, str, withRules, yesNoText } from "../define.js";
import { defineKind } from "../defineKind.js";
import { kindMessages } from "../messages.js";
import { provideMessages } from "./messages.js";
import type { MeasureDef, ProvisionRecordData, RequestData } from "../types.js";

/** Block ids (= field names) of the form. */
export const ProvideFields = {
  unavoidableReason: "unavoidableReason",
  recipientName: "recipientName",
  dataItems: "dataItems",
  dataSubjects: "dataSubjects",
  headcount: "headcount",
  legalBasis: "legalBasis",
  exception: "exception",
  consentOrProvisionDate: "consentOrProvisionDate",
  foreign: "foreign",
  country: "country",
  retentionYears: "retentionYears",
} as const;

export const LEGAL_BASES = ["consent", "exception", "optout"] as const;
/** APPI Art.27(1)(1)-(4), in that order. */
export const EXCEPTIONS = ["law", "life", "public_health", "state"] as const;
export const RECORD_RETENTION = ["1", "3"] as const;

export interface ProvideData {
  unavoidableReason: string;
  recipientName: string;
  dataItems: string;
  dataSubjects: string;
  headcount?: number;
  legalBasis: (typeof LEGAL_BASES)[number];
  /** only with legalBasis "exception" */
  exception?: (typeof EXCEPTIONS)[number];
  /** with consent: the day consent was obtained; otherwise the planned provision date */
  consentOrProvisionDate: string;
  /** the recipient is in a foreign country (APPI Art.28) */
  foreign: boolean;
  country?: string;
  /** how long the provision record is kept (APPI Art.29(2)) */
  retentionYears: 1 | 3;
}

const F = ProvideFields;
const specs: readonly FieldSpec[] = [
  { type: "text", id: F.unavoidableReason, max: MAX.long, multiline: true },
  { type: "text", id: F.recipientName, max: MAX.name },
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "text", id: F.dataSubjects, max: MAX.short },
  { type: "text", id: F.headcount, max: MAX.headcount, optional: true },
  { type: "radio", id: F.legalBasis, options: LEGAL_BASES },
  { type: "select", id: F.exception, options: EXCEPTIONS, optional: true },
  { type: "date", id: F.consentOrProvisionDate },
  { type: "radio", id: F.foreign, options: ["no", "yes"] },
  { type: "text", id: F.country, max: MAX.name, optional: true },
  { type: "select", id: F.retentionYears, options: RECORD_RETENTION, initial: "3" },
];

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const e = provideMessages(lang).errors;
  const f = fieldSchemas(all.common, today);
  return withRules(
    z.object({
      unavoidableReason: f.text(e.unavoidableReason, MAX.long),
      recipientName: f.text(e.recipientName, MAX.name),
      dataItems: f.categories(e.dataItems, MAX.long),
      dataSubjects: f.categories(e.dataSubjects, MAX.short),
      headcount: f.optionalInteger(),
      legalBasis: f.choice(LEGAL_BASES, e.legalBasis),
      exception: f.optionalChoice(EXCEPTIONS, e.exception),
      consentOrProvisionDate: f.date(e.consentOrProvisionDate),
      foreign: f.yesNo(e.foreign),
      country: f.optionalText(MAX.name),
      retentionYears: f.numberChoice(RECORD_RETENTION, e.retentionYears),
    }),
    [
      { path: F.exception, fails: (v) => v.legalBasis === "exception" && !v.exception, message: e.exception },
      { path: F.country, fails: (v) => v.foreign === true && !v.country, message: e.country },
    ],
  ).transform(
    (v): ProvideData => ({
      unavoidableReason: v.unavoidableReason,
      recipientName: v.recipientName,
      dataItems: v.dataItems,
      dataSubjects: v.dataSubjects,
      headcount: v.headcount,
      legalBasis: v.legalBasis,
      exception: v.legalBasis === "exception" ? v.exception : undefined,
      consentOrProvisionDate: v.consentOrProvisionDate,
      foreign: v.foreign,
      country: v.foreign ? v.country : undefined,
      retentionYears: v.retentionYears === 1 ? 1 : 3,
    }),
  );
}

/** The article number of an exception: law -> 1 ... state -> 4. */
const exceptionNumber = (ex: string) => EXCEPTIONS.indexOf(ex as (typeof EXCEPTIONS)[number]) + 1;

/** The legal basis in words, for the summary and the provision record. */
function basisText(data: RequestData, lang: "ja" | "en"): string {
  const m = provideMessages(lang);
  const basis = str(data, F.legalBasis);
  if (basis === "consent") return m.record.consent;
  if (basis === "optout") return m.record.optout;
  if (basis === "exception") {
    const ex = str(data, F.exception);
    return m.record.exception(exceptionNumber(ex), optionText(m.options.exception, ex).replace(/^\(\d\)\s*/, ""));
  }
  return basis;
}

export const provideKind = defineKind({
  kind: "provide",
  article: "第16条",
  messages: provideMessages,
  form: { specs, schema },
  title: (data) => oneLine(`${str(data, F.recipientName)} / ${str(data, F.dataItems)}`),
  summaryFields(data, lang) {
    const all = kindMessages(lang);
    const m = provideMessages(lang);
    const t = m.fields;
    const none = all.common.none;
    const headcount = num(data, F.headcount);
    return [
      field(t.unavoidableReason.label, str(data, F.unavoidableReason), none),
      field(t.recipientName.label, str(data, F.recipientName), none),
      field(t.dataItems.label, str(data, F.dataItems), none),
      field(t.dataSubjects.label, str(data, F.dataSubjects), none),
      field(t.headcount.label, headcount !== undefined ? all.common.people(headcount.toLocaleString(lang === "en" ? "en-US" : "ja-JP")) : "", none),
      field(m.summary.basis, basisText(data, lang), none),
      field(m.summary.date, showDate(str(data, F.consentOrProvisionDate), lang), none),
      field(m.summary.foreign, yesNoText(data[F.foreign], m.summary.foreignYes(str(data, F.country)), m.summary.foreignNo), none),
      field(t.retentionYears.label, optionText(m.options.retentionYears, str(data, F.retentionYears)), none),
    ];
  },
  measures(data): MeasureDef[] {
    const basis = str(data, F.legalBasis);
    const out: MeasureDef[] = [
      {
        key: "basis_confirmed",
        label: (lang) => {
          const ms = provideMessages(lang).measures;
          if (basis === "exception") return ms.basis_exception(exceptionNumber(str(data, F.exception)));
          if (basis === "optout") return ms.basis_optout;
          return ms.basis_consent;
        },
      },
      { key: "provision_record", label: (lang) => provideMessages(lang).measures.provision_record },
    ];
    if (data[F.foreign] === true) {
      const country = str(data, F.country);
      out.push({ key: "cross_border_info", label: (lang) => provideMessages(lang).measures.cross_border_info(country) });
    }
    if (basis === "optout") out.push({ key: "optout_notified", label: (lang) => provideMessages(lang).measures.optout_notified });
    return out;
  },
  provisionRecord(data): ProvisionRecordData {
    // the record is kept in the company's language (Japanese)
    const m = provideMessages(DEFAULT_LANG);
    const basis = basisText(data, DEFAULT_LANG);
    const foreign = data[F.foreign] === true ? `${kindMessages(DEFAULT_LANG).common.listSeparator}${m.record.foreign(str(data, F.country))}` : "";
    return {
      recipient: str(data, F.recipientName),
      dataSubjects: str(data, F.dataSubjects),
      items: str(data, F.dataItems),
      basis: `${basis}${foreign}`,
      consentOrProvisionDate: str(data, F.consentOrProvisionDate),
      retentionYears: num(data, F.retentionYears) === 1 ? 1 : 3,
    };
  },
});
