// 新しい収集目的（規程 第4条）: a new purpose of collecting personal information.
import { z } from "zod";
import { MAX, type FieldSpec } from "../blocks.js";
import { field, fieldSchemas, oneLine, optionText, showDate, str, withRules, yesNoText } from "../define.js";
import { defineKind } from "../defineKind.js";
import { registerEntrySchema, registerEntrySpec } from "../registerEntry.js";
import { kindMessages } from "../messages.js";
import { purposeMessages } from "./messages.js";
import { collectionNotices } from "../notices.js";
import type { MeasureDef, RequestData } from "../types.js";

/** Block ids (= field names) of the form. */
export const PurposeFields = {
  purpose: "purpose",
  dataItems: "dataItems",
  dataSubjects: "dataSubjects",
  dataSubjectsDetails: "dataSubjectsDetails",
  collection: "collection",
  collectionDetails: "collectionDetails",
  retention: "retention",
  retentionDetails: "retentionDetails",
  /** the last day the data is kept (issue 14; optional, absent from older requests) */
  retentionEnd: "retentionEnd",
  sensitive: "sensitive",
  sensitiveConsent: "sensitiveConsent",
  minors: "minors",
  startDate: "startDate",
} as const;

export const DATA_SUBJECTS = ["customers", "prospects", "partner_staff", "applicants", "other"] as const;
export const COLLECTION_METHODS = ["direct_writing", "web_form", "face_to_face", "third_party", "other"] as const;
export const RETENTION_PERIODS = ["1y", "3y", "5y", "7y", "until_achieved", "other"] as const;

export interface PurposeData {
  purpose: string;
  dataItems: string;
  dataSubjects: (typeof DATA_SUBJECTS)[number];
  dataSubjectsDetails?: string;
  collection: (typeof COLLECTION_METHODS)[number];
  collectionDetails?: string;
  retention: (typeof RETENTION_PERIODS)[number];
  retentionDetails?: string;
  /** the last day the data is kept (規程 第31条 disposal after it); optional */
  retentionEnd?: string;
  /** 要配慮個人情報を含む */
  sensitive: boolean;
  /** how prior consent is obtained (APPI Art.20(2)); only when sensitive */
  sensitiveConsent?: string;
  /** the data subjects include minors: both the minor's and the guardian's consent (the 規程's closing note) */
  minors: boolean;
  startDate: string;
  /** the register entry to amend when effective (REG-…); none: a new entry */
  registerEntry?: string;
}

const F = PurposeFields;
const specs: readonly FieldSpec[] = [
  { type: "text", id: F.purpose, max: MAX.short, multiline: true },
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "select", id: F.dataSubjects, options: DATA_SUBJECTS },
  { type: "text", id: F.dataSubjectsDetails, max: MAX.short, optional: true },
  { type: "select", id: F.collection, options: COLLECTION_METHODS },
  { type: "text", id: F.collectionDetails, max: MAX.short, optional: true },
  { type: "select", id: F.retention, options: RETENTION_PERIODS },
  { type: "text", id: F.retentionDetails, max: MAX.name, optional: true },
  { type: "date", id: F.retentionEnd, optional: true },
  { type: "radio", id: F.sensitive, options: ["yes", "no"] },
  { type: "text", id: F.sensitiveConsent, max: MAX.long, multiline: true, optional: true },
  { type: "radio", id: F.minors, options: ["no", "yes"] },
  { type: "date", id: F.startDate },
  registerEntrySpec,
];

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const e = purposeMessages(lang).errors;
  const f = fieldSchemas(all.common, today);
  const base = z.object({
    purpose: f.text(e.purpose, MAX.short),
    dataItems: f.categories(e.dataItems, MAX.long),
    dataSubjects: f.choice(DATA_SUBJECTS, e.dataSubjects),
    dataSubjectsDetails: f.optionalText(MAX.short),
    collection: f.choice(COLLECTION_METHODS, e.collection),
    collectionDetails: f.optionalText(MAX.short),
    retention: f.choice(RETENTION_PERIODS, e.retention),
    retentionDetails: f.optionalText(MAX.name),
    retentionEnd: f.date(e.retentionEnd).optional(),
    sensitive: f.yesNo(e.sensitive),
    sensitiveConsent: f.optionalText(MAX.long),
    minors: f.yesNo(e.minors),
    startDate: f.dateFromToday(e.startDate),
    registerEntry: registerEntrySchema(lang),
  });
  return withRules(base, [
    { path: F.dataSubjectsDetails, fails: (v) => v.dataSubjects === "other" && !v.dataSubjectsDetails, message: e.dataSubjectsDetails },
    { path: F.collectionDetails, fails: (v) => v.collection === "other" && !v.collectionDetails, message: e.collectionDetails },
    { path: F.retentionDetails, fails: (v) => v.retention === "other" && !v.retentionDetails, message: e.retentionDetails },
    {
      path: F.retentionEnd,
      fails: (v) => typeof v.retentionEnd === "string" && typeof v.startDate === "string" && v.retentionEnd <= v.startDate,
      message: e.retentionEndAfterStart,
    },
    { path: F.sensitiveConsent, fails: (v) => v.sensitive === true && !v.sensitiveConsent, message: e.sensitiveConsent },
  ]).transform(
    (v): PurposeData => ({
      purpose: v.purpose,
      dataItems: v.dataItems,
      dataSubjects: v.dataSubjects,
      // details are optional and kept when given (they refine any choice); required with "other"
      dataSubjectsDetails: v.dataSubjectsDetails,
      collection: v.collection,
      collectionDetails: v.collectionDetails,
      retention: v.retention,
      retentionDetails: v.retentionDetails,
      ...(v.retentionEnd ? { retentionEnd: v.retentionEnd } : {}),
      sensitive: v.sensitive,
      sensitiveConsent: v.sensitive ? v.sensitiveConsent : undefined,
      minors: v.minors,
      startDate: v.startDate,
      ...(v.registerEntry ? { registerEntry: v.registerEntry } : {}),
    }),
  );
}

export const purposeKind = defineKind({
  kind: "purpose",
  article: "第4条",
  messages: purposeMessages,
  form: { specs, schema },
  title: (data) => oneLine(str(data, F.purpose)),
  summaryFields(data, lang) {
    const m = kindMessages(lang);
    const k = purposeMessages(lang);
    const t = k.fields;
    const o = k.options;
    const none = m.common.none;
    const sensitive = data[F.sensitive] === true;
    /** A choice with its optional details: "その他（セミナー参加者）". */
    const withDetails = (choice: string, details: string) => (details ? m.common.withDetails(choice, details) : choice);
    const retention = str(data, F.retention);
    const out = [
      field(t.purpose.label, str(data, F.purpose), none),
      field(t.dataItems.label, str(data, F.dataItems), none),
      field(t.dataSubjects.label, withDetails(optionText(o.dataSubjects, str(data, F.dataSubjects)), str(data, F.dataSubjectsDetails)), none),
      field(t.collection.label, withDetails(optionText(o.collection, str(data, F.collection)), str(data, F.collectionDetails)), none),
      field(t.retention.label, withDetails(optionText(o.retention, retention), str(data, F.retentionDetails)), none),
      ...(str(data, F.retentionEnd) ? [field(t.retentionEnd.label, showDate(str(data, F.retentionEnd), lang), none)] : []),
      field(t.sensitive.label, yesNoText(data[F.sensitive], o.sensitive.yes, o.sensitive.no), none),
    ];
    if (sensitive) out.push(field(t.sensitiveConsent.label, str(data, F.sensitiveConsent), none));
    const minors = m.minors;
    out.push(field(minors.summary, yesNoText(data[F.minors], minors.summaryYes, minors.summaryNo), none));
    out.push(field(t.startDate.label, showDate(str(data, F.startDate), lang), none));
    return out;
  },
  measures(data: RequestData): MeasureDef[] {
    const out: MeasureDef[] = [
      ...collectionNotices(str(data, F.collection)),
      { key: "ledger_registered", label: (lang) => kindMessages(lang).measures.ledger_registered },
    ];
    if (data[F.sensitive] === true) out.push({ key: "sensitive_consent", label: (lang) => purposeMessages(lang).measures.sensitive_consent });
    if (data[F.minors] === true) out.push({ key: "minor_guardian_consent", label: (lang) => kindMessages(lang).measures.minor_guardian_consent });
    return out;
  },
});
