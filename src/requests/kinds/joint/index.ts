// 共同利用（規程 第17条; APPI Art.27(5)(iii)）: using personal data jointly with other companies.
import { z } from "zod";
import { MAX, type FieldSpec } from "../blocks.js";
import { abroadSpecs, abroadSummary, DESTINATIONS, equivalentMeasures, isAbroad, needsArt28Consent } from "../abroad.js";
import { field, fieldSchemas, oneLine, optionText, showDate, str, withRules } from "../define.js";
import { defineKind } from "../defineKind.js";
import { registerEntrySchema, registerEntrySpec } from "../registerEntry.js";
import { kindMessages } from "../messages.js";
import { jointMessages } from "./messages.js";
import type { MeasureDef } from "../types.js";

/** Block ids (= field names) of the form. */
export const JointFields = {
  jointUse: "jointUse",
  dataItems: "dataItems",
  jointUsers: "jointUsers",
  destination: "destination",
  country: "country",
  purposes: "purposes",
  responsibleName: "responsibleName",
  responsibleAddress: "responsibleAddress",
  responsibleRepresentative: "responsibleRepresentative",
  startDate: "startDate",
  noticeMethod: "noticeMethod",
  noticeDetails: "noticeDetails",
} as const;

export const NOTICE_METHODS = ["website", "notice", "other"] as const;

export interface JointData {
  /** ① that the data is jointly used: acknowledged (always true once valid) */
  jointUse: true;
  /** ② the items */
  dataItems: string;
  /** ③ the scope of joint users */
  jointUsers: string;
  /** where the joint users are (APPI Art.28): (c) is refused, joint use being unavailable there */
  destination: (typeof DESTINATIONS)[number];
  country?: string;
  /** ④ their purposes of use */
  purposes: string;
  /** ⑤ the party responsible: name, address, representative */
  responsibleName: string;
  responsibleAddress: string;
  responsibleRepresentative: string;
  startDate: string;
  noticeMethod: (typeof NOTICE_METHODS)[number];
  noticeDetails?: string;
  /** the register entry to update when effective (REG-…); none: a new entry */
  registerEntry?: string;
}

const F = JointFields;
const specs: readonly FieldSpec[] = [
  { type: "checkboxes", id: F.jointUse, options: ["acknowledged"] },
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "text", id: F.jointUsers, max: MAX.long, multiline: true },
  ...abroadSpecs,
  { type: "text", id: F.purposes, max: MAX.long, multiline: true },
  { type: "text", id: F.responsibleName, max: MAX.name },
  { type: "text", id: F.responsibleAddress, max: MAX.name },
  { type: "text", id: F.responsibleRepresentative, max: MAX.name },
  { type: "date", id: F.startDate },
  { type: "select", id: F.noticeMethod, options: NOTICE_METHODS },
  { type: "text", id: F.noticeDetails, max: MAX.short, optional: true },
  registerEntrySpec,
];

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const e = jointMessages(lang).errors;
  const f = fieldSchemas(all.common, today);
  return withRules(
    z.object({
      jointUse: f.flag().refine((ticked) => ticked, { error: e.jointUse }),
      dataItems: f.categories(e.dataItems, MAX.long),
      jointUsers: f.text(e.jointUsers, MAX.long),
      destination: f.choice(DESTINATIONS, e.destination),
      country: f.optionalText(MAX.name),
      purposes: f.text(e.purposes, MAX.long),
      responsibleName: f.text(e.responsibleName, MAX.name),
      responsibleAddress: f.text(e.responsibleAddress, MAX.name),
      responsibleRepresentative: f.text(e.responsibleRepresentative, MAX.name),
      startDate: f.dateFromToday(e.startDate),
      noticeMethod: f.choice(NOTICE_METHODS, e.noticeMethod),
      noticeDetails: f.optionalText(MAX.short),
      registerEntry: registerEntrySchema(lang),
    }),
    [
      { path: F.noticeDetails, fails: (v) => v.noticeMethod === "other" && !v.noticeDetails, message: e.noticeDetails },
      { path: F.country, fails: (v) => isAbroad(v.destination) && !v.country, message: e.country },
      // Art.28(1): with joint users abroad in case (c), Art.27 (and with it joint use, Art.27(5)(3)) does not apply
      { path: F.destination, fails: (v) => needsArt28Consent(v.destination), message: e.abroadRefused },
    ],
  ).transform((v): JointData => ({ ...v, jointUse: true, country: isAbroad(v.destination) ? v.country : undefined }));
}

export const jointKind = defineKind({
  kind: "joint",
  article: "第17条",
  messages: jointMessages,
  form: { specs, schema },
  title: (data) => oneLine(`${str(data, F.jointUsers)} / ${str(data, F.purposes)}`),
  summaryFields(data, lang) {
    const all = kindMessages(lang);
    const m = jointMessages(lang);
    const t = m.fields;
    const none = all.common.none;
    const details = str(data, F.noticeDetails);
    const notice = optionText(m.options.noticeMethod, str(data, F.noticeMethod));
    return [
      field(t.dataItems.label, str(data, F.dataItems), none),
      field(t.jointUsers.label, str(data, F.jointUsers), none),
      abroadSummary(data, lang),
      field(t.purposes.label, str(data, F.purposes), none),
      field(
        m.summary.responsible,
        [str(data, F.responsibleName), str(data, F.responsibleAddress), str(data, F.responsibleRepresentative)].filter(Boolean).join("\n"),
        none,
      ),
      field(t.startDate.label, showDate(str(data, F.startDate), lang), none),
      field(t.noticeMethod.label, details ? all.common.withDetails(notice, details) : notice, none),
    ];
  },
  measures(data): MeasureDef[] {
    return [
      { key: "joint_notice_published", label: (lang) => jointMessages(lang).measures.joint_notice_published },
      { key: "joint_agreement", label: (lang) => jointMessages(lang).measures.joint_agreement },
      { key: "ledger_registered", label: (lang) => kindMessages(lang).measures.ledger_registered },
      ...equivalentMeasures(data),
    ];
  },
});
