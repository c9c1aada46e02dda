// 第三者提供（規程 第16条; APPI Art.27-29）: providing personal information to a third party.
// The form asks where the recipient is (Art.28) before the basis, whether the data is sensitive
// (no opt-out, Art.27(2) proviso) or secrecy of communications (電気通信事業法 第4条: legal review,
// only on a ground that removes illegality), the telecom guideline's categories, and minors.
import { z } from "zod";
import { DEFAULT_LANG } from "../../../platform/i18n.js";
import { MAX, type FieldSpec } from "../blocks.js";
import { abroadSpecs, abroadSummary, DESTINATIONS, destinationOf, equivalentMeasures, isAbroad, needsArt28Consent } from "../abroad.js";
import { field, fieldSchemas, list, num, oneLine, optionText, showDate, str, withRules, type Rule } from "../define.js";
import { defineKind } from "../defineKind.js";
import { registerEntrySchema, registerEntrySpec } from "../registerEntry.js";
import { kindMessages } from "../messages.js";
import { provideMessages } from "./messages.js";
import type { MeasureDef, ProvisionRecordData, RequestData } from "../types.js";

/** Block ids (= field names) of the form. */
export const ProvideFields = {
  unavoidableReason: "unavoidableReason",
  recipientName: "recipientName",
  recipientPublicBody: "recipientPublicBody",
  destination: "destination",
  country: "country",
  dataItems: "dataItems",
  sensitive: "sensitive",
  secrecy: "secrecy",
  secrecyGround: "secrecyGround",
  telecomCategories: "telecomCategories",
  dataSubjects: "dataSubjects",
  minors: "minors",
  headcount: "headcount",
  legalBasis: "legalBasis",
  exception: "exception",
  stateConditions: "stateConditions",
  foreignInfo: "foreignInfo",
  optoutChecks: "optoutChecks",
  consentOrProvisionDate: "consentOrProvisionDate",
  retentionYears: "retentionYears",
} as const;

export const LEGAL_BASES = ["consent", "exception", "optout"] as const;
/** APPI Art.27(1)(1)-(4), in that order. */
export const EXCEPTIONS = ["law", "life", "public_health", "state"] as const;
export const RECORD_RETENTION = ["1", "3"] as const;
/** The grounds on which secrecy of communications may be disclosed, and the one that never suffices (a mere 照会). */
export const SECRECY_GROUNDS = ["parties_consent", "warrant", "self_defence", "emergency", "inquiry"] as const;
/** The categories of the telecom guideline (令和4年 個人情報保護委員会・総務省告示第4号, as amended). */
export const TELECOM_CATEGORIES = ["history", "location", "sender", "nonpayment", "statement"] as const;
/** APPI Art.27(1)(4): both must hold. */
export const STATE_CONDITIONS = ["assigned_task", "consent_impedes"] as const;
/** 施行規則 第17条: what the person is told before consenting to a provision abroad (Art.28(2)). */
export const ARTICLE17_INFO = ["country", "system", "measures"] as const;
/** APPI Art.27(2): the prior filing, and the two kinds of data its proviso excludes besides sensitive data. */
export const OPTOUT_CHECKS = ["filed", "lawful", "not_optout"] as const;

export interface ProvideData {
  unavoidableReason: string;
  recipientName: string;
  /** the recipient is a body of APPI Art.16(2) (国の機関, 地方公共団体, 独立行政法人等, 地方独立行政法人): no 第三者 for Art.29 */
  recipientPublicBody?: boolean;
  dataItems: string;
  dataSubjects: string;
  headcount?: number;
  legalBasis: (typeof LEGAL_BASES)[number];
  /** only with legalBasis "exception" */
  exception?: (typeof EXCEPTIONS)[number];
  /** with consent: the day consent was obtained; otherwise the planned provision date */
  consentOrProvisionDate: string;
  /** where the recipient is: the route of APPI Art.28(1) */
  destination: (typeof DESTINATIONS)[number];
  /** only abroad */
  country?: string;
  /** 要配慮個人情報 included (never by opt-out, Art.27(2) proviso) */
  sensitive: boolean;
  /** 通信の秘密 included (電気通信事業法 第4条): legal review, with the ground recorded */
  secrecy: boolean;
  secrecyGround?: (typeof SECRECY_GROUNDS)[number];
  telecomCategories: (typeof TELECOM_CATEGORIES)[number][];
  /** the data subjects include minors: both the minor's and the guardian's consent (the 規程's closing note) */
  minors: boolean;
  /** the confirmations, kept where they were required */
  stateConditions?: (typeof STATE_CONDITIONS)[number][];
  foreignInfo?: (typeof ARTICLE17_INFO)[number][];
  optoutChecks?: (typeof OPTOUT_CHECKS)[number][];
  /** how long the provision record is kept (APPI Art.29(2)) */
  retentionYears: 1 | 3;
  /** the register entry to update when effective (REG-…); none: a new entry */
  registerEntry?: string;
}

const F = ProvideFields;
const specs: readonly FieldSpec[] = [
  { type: "text", id: F.unavoidableReason, max: MAX.long, multiline: true },
  { type: "text", id: F.recipientName, max: MAX.name },
  { type: "checkboxes", id: F.recipientPublicBody, options: ["public_body"], optional: true },
  // the route first (Art.28): it decides which bases are open
  ...abroadSpecs,
  { type: "text", id: F.dataItems, max: MAX.long, multiline: true },
  { type: "radio", id: F.sensitive, options: ["no", "yes"] },
  { type: "radio", id: F.secrecy, options: ["no", "yes"] },
  { type: "select", id: F.secrecyGround, options: SECRECY_GROUNDS, optional: true },
  { type: "checkboxes", id: F.telecomCategories, options: TELECOM_CATEGORIES, optional: true },
  { type: "text", id: F.dataSubjects, max: MAX.short },
  { type: "radio", id: F.minors, options: ["no", "yes"] },
  { type: "text", id: F.headcount, max: MAX.headcount, optional: true },
  { type: "radio", id: F.legalBasis, options: LEGAL_BASES },
  { type: "select", id: F.exception, options: EXCEPTIONS, optional: true },
  { type: "checkboxes", id: F.stateConditions, options: STATE_CONDITIONS, optional: true },
  { type: "checkboxes", id: F.foreignInfo, options: ARTICLE17_INFO, optional: true },
  { type: "checkboxes", id: F.optoutChecks, options: OPTOUT_CHECKS, optional: true },
  { type: "date", id: F.consentOrProvisionDate },
  { type: "select", id: F.retentionYears, options: RECORD_RETENTION, initial: "3" },
  registerEntrySpec,
];

/** The names of the options of `all` not in `ticked`, joined: what a checkbox group still lacks. */
function missingOf(all: readonly string[], ticked: unknown, texts: Record<string, string>, sep: string): string {
  const have = Array.isArray(ticked) ? ticked : [];
  return all
    .filter((k) => !have.includes(k))
    .map((k) => texts[k] ?? k)
    .join(sep);
}

/**
 * The rules of provision that span fields, each a field error naming its article. Exported
 * for the tests: every legal case of docs (P1-P7) is one of these or their absence.
 */
export function provisionRules(lang: "ja" | "en"): Rule[] {
  const m = provideMessages(lang);
  const e = m.errors;
  const o = m.options;
  const sep = kindMessages(lang).common.listSeparator;
  const optout = (v: Record<string, unknown>) => v.legalBasis === "optout";
  const secret = (v: Record<string, unknown>) => v.secrecy === true;
  return [
    { path: F.exception, fails: (v) => v.legalBasis === "exception" && !v.exception, message: e.exception },
    { path: F.country, fails: (v) => isAbroad(v.destination) && !v.country, message: e.country },
    // Art.28(1): (c) abroad leaves only consent (with the 第17条 information) or an Art.27(1) exception
    { path: F.legalBasis, fails: (v) => optout(v) && needsArt28Consent(v.destination), message: e.abroadOptout },
    // Art.27(2) proviso: never sensitive data by opt-out (P5)
    { path: F.legalBasis, fails: (v) => optout(v) && v.sensitive === true, message: e.sensitiveOptout },
    // 電気通信事業法 第4条: never secrecy of communications by opt-out
    { path: F.legalBasis, fails: (v) => optout(v) && secret(v), message: e.secrecyOptout },
    // Art.27(2): the prior filing, and neither improperly obtained data nor data received by opt-out
    {
      path: F.optoutChecks,
      fails: (v) => optout(v) && missingOf(OPTOUT_CHECKS, v.optoutChecks, o.optoutChecks, sep) !== "",
      message: (v) => e.optoutChecks(missingOf(OPTOUT_CHECKS, v.optoutChecks, o.optoutChecks, sep)),
    },
    // Art.28(2), 施行規則 第17条: consent to a provision abroad (c) is informed consent
    {
      path: F.foreignInfo,
      fails: (v) => v.legalBasis === "consent" && needsArt28Consent(v.destination) && missingOf(ARTICLE17_INFO, v.foreignInfo, o.foreignInfo, sep) !== "",
      message: (v) => e.foreignInfo(missingOf(ARTICLE17_INFO, v.foreignInfo, o.foreignInfo, sep)),
    },
    // Art.27(1)(4): both conditions (P7)
    {
      path: F.stateConditions,
      fails: (v) => v.legalBasis === "exception" && v.exception === "state" && missingOf(STATE_CONDITIONS, v.stateConditions, o.stateConditions, sep) !== "",
      message: (v) => e.stateConditions(missingOf(STATE_CONDITIONS, v.stateConditions, o.stateConditions, sep)),
    },
    // secrecy of communications: a ground is named; a mere inquiry never suffices (P6)
    { path: F.secrecyGround, fails: (v) => secret(v) && !v.secrecyGround, message: e.secrecyGround },
    { path: F.secrecyGround, fails: (v) => secret(v) && v.secrecyGround === "inquiry", message: e.inquiryOnly },
    // the generic "based on laws" is no ground for secrecy: only a warrant or court order is
    {
      path: F.exception,
      fails: (v) => secret(v) && v.legalBasis === "exception" && v.exception === "law" && v.secrecyGround !== "warrant",
      message: e.secrecyLaw,
    },
    { path: F.exception, fails: (v) => secret(v) && v.legalBasis === "exception" && v.exception === "state", message: e.secrecyState },
    // communication logs are secrecy of communications
    {
      path: F.secrecy,
      fails: (v) => v.secrecy === false && Array.isArray(v.telecomCategories) && v.telecomCategories.includes("history"),
      message: e.historyIsSecret,
    },
  ];
}

function schema(lang: "ja" | "en", today: string) {
  const all = kindMessages(lang);
  const e = provideMessages(lang).errors;
  const f = fieldSchemas(all.common, today);
  return withRules(
    z.object({
      unavoidableReason: f.text(e.unavoidableReason, MAX.long),
      recipientName: f.text(e.recipientName, MAX.name),
      recipientPublicBody: f.ticks(["public_body"] as const, all.common.unexpected),
      destination: f.choice(DESTINATIONS, e.destination),
      country: f.optionalText(MAX.name),
      dataItems: f.categories(e.dataItems, MAX.long),
      sensitive: f.yesNo(e.sensitive),
      secrecy: f.yesNo(e.secrecy),
      secrecyGround: f.optionalChoice(SECRECY_GROUNDS, e.secrecyGround),
      telecomCategories: f.ticks(TELECOM_CATEGORIES, all.common.unexpected),
      dataSubjects: f.categories(e.dataSubjects, MAX.short),
      minors: f.yesNo(e.minors),
      headcount: f.optionalInteger(),
      legalBasis: f.choice(LEGAL_BASES, e.legalBasis),
      exception: f.optionalChoice(EXCEPTIONS, e.exception),
      stateConditions: f.ticks(STATE_CONDITIONS, all.common.unexpected),
      foreignInfo: f.ticks(ARTICLE17_INFO, all.common.unexpected),
      optoutChecks: f.ticks(OPTOUT_CHECKS, all.common.unexpected),
      consentOrProvisionDate: f.date(e.consentOrProvisionDate),
      retentionYears: f.numberChoice(RECORD_RETENTION, e.retentionYears),
      registerEntry: registerEntrySchema(lang),
    }),
    provisionRules(lang),
  ).transform((v): ProvideData => {
    const exception = v.legalBasis === "exception" ? v.exception : undefined;
    return {
      unavoidableReason: v.unavoidableReason,
      recipientName: v.recipientName,
      ...(v.recipientPublicBody.includes("public_body") ? { recipientPublicBody: true } : {}),
      dataItems: v.dataItems,
      dataSubjects: v.dataSubjects,
      headcount: v.headcount,
      legalBasis: v.legalBasis,
      exception,
      consentOrProvisionDate: v.consentOrProvisionDate,
      destination: v.destination,
      country: isAbroad(v.destination) ? v.country : undefined,
      sensitive: v.sensitive,
      secrecy: v.secrecy,
      secrecyGround: v.secrecy ? v.secrecyGround : undefined,
      telecomCategories: [...v.telecomCategories],
      minors: v.minors,
      retentionYears: v.retentionYears === 1 ? 1 : 3,
      ...(v.registerEntry ? { registerEntry: v.registerEntry } : {}),
      // the confirmations are kept only where they were required
      ...(v.legalBasis === "exception" && exception === "state" ? { stateConditions: [...v.stateConditions] } : {}),
      ...(v.legalBasis === "consent" && needsArt28Consent(v.destination) ? { foreignInfo: [...v.foreignInfo] } : {}),
      ...(v.legalBasis === "optout" ? { optoutChecks: [...v.optoutChecks] } : {}),
    };
  });
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

/** The ground for disclosing secrecy of communications, in words ("" when none is stored). */
function groundText(data: RequestData, lang: "ja" | "en"): string {
  const g = str(data, F.secrecyGround);
  return g ? optionText(provideMessages(lang).options.secrecyGround, g) : "";
}

/** APPI Art.29(1) proviso: a provision under an Art.27(1) exception needs no provision record. */
/** A body of Art.16(2) is no 第三者 for Art.29, unless the provision is one abroad under Art.28(1) (its proviso's brackets). */
const toPublicBody = (data: RequestData) => data[F.recipientPublicBody] === true && !needsArt28Consent(destinationOf(data));
const recordNeeded = (data: RequestData) => str(data, F.legalBasis) !== "exception" && !toPublicBody(data);

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
    const s = m.summary;
    const none = all.common.none;
    const headcount = num(data, F.headcount);
    const lines = (...xs: string[]) => xs.filter(Boolean).join("\n");
    const items = str(data, F.dataItems);
    const subjects = str(data, F.dataSubjects);
    const date = showDate(str(data, F.consentOrProvisionDate), lang);
    const basis = basisText(data, lang);
    const out = [
      field(t.unavoidableReason.label, str(data, F.unavoidableReason), none),
      field(t.recipientName.label, str(data, F.recipientName), none),
      abroadSummary(data, lang),
      field(s.items, items ? lines(items, data[F.sensitive] === true ? `(${s.sensitive})` : "") : "", none),
      field(
        s.subjects,
        subjects
          ? lines(
              subjects,
              headcount !== undefined ? all.common.people(headcount.toLocaleString(lang === "en" ? "en-US" : "ja-JP")) : "",
              data[F.minors] === true ? s.minors : "",
            )
          : "",
        none,
      ),
      field(s.basis, basis ? s.basisWithDate(basis, date) : "", none),
    ];
    if (typeof data[F.secrecy] === "boolean")
      out.push(field(s.secrecy, data[F.secrecy] ? lines(s.secrecyYes(groundText(data, lang) || none), s.secrecyLawfulGrounds) : s.secrecyNo, none));
    const categories = list(data, F.telecomCategories).filter((c): c is (typeof TELECOM_CATEGORIES)[number] =>
      (TELECOM_CATEGORIES as readonly string[]).includes(c),
    );
    if (categories.length > 0) out.push(field(s.guideline, [...categories.map((c) => m.limits[c]), s.guidelineIntro].join("\n"), none));
    const basisStored = str(data, F.legalBasis);
    out.push(
      field(
        s.record,
        !basisStored
          ? ""
          : recordNeeded(data)
            ? optionText(m.options.retentionYears, str(data, F.retentionYears))
            : str(data, F.legalBasis) === "exception"
              ? s.recordNotNeeded(exceptionNumber(str(data, F.exception)))
              : s.recordNotNeededPublic,
        none,
      ),
    );
    return out;
  },
  measures(data): MeasureDef[] {
    const basis = str(data, F.legalBasis);
    const out: MeasureDef[] = [];
    if (data[F.secrecy] === true) {
      // 電気通信事業法 第4条: legal review first, naming the ground it rests on
      out.push({ key: "secrecy_legal_review", label: (lang) => provideMessages(lang).measures.secrecy_legal_review(groundText(data, lang)) });
    }
    out.push({
      key: "basis_confirmed",
      label: (lang) => {
        const ms = provideMessages(lang).measures;
        if (basis === "exception") return ms.basis_exception(exceptionNumber(str(data, F.exception)));
        if (basis === "optout") return ms.basis_optout;
        return ms.basis_consent;
      },
    });
    if (basis === "exception" && str(data, F.exception) === "state")
      out.push({ key: "state_exception", label: (lang) => provideMessages(lang).measures.state_exception });
    if (recordNeeded(data)) out.push({ key: "provision_record", label: (lang) => provideMessages(lang).measures.provision_record });
    const destination = destinationOf(data);
    // Art.28(1)(2): consent to a provision abroad (c), given with the 施行規則 第17条 information
    if ((destination === "other" && basis === "consent") || destination === "abroad_unknown") {
      const country = str(data, F.country);
      out.push({ key: "cross_border_info", label: (lang) => provideMessages(lang).measures.cross_border_info(country) });
    }
    out.push(...equivalentMeasures(data));
    if (basis === "optout") out.push({ key: "optout_notified", label: (lang) => provideMessages(lang).measures.optout_notified });
    if (data[F.minors] === true && basis === "consent")
      out.push({ key: "minor_guardian_consent", label: (lang) => kindMessages(lang).measures.minor_guardian_consent });
    return out;
  },
  provisionRecord(data): ProvisionRecordData | null {
    if (!recordNeeded(data)) return null;
    // the record is kept in the company's language (Japanese)
    const m = provideMessages(DEFAULT_LANG);
    const basis = basisText(data, DEFAULT_LANG);
    const abroad = isAbroad(destinationOf(data)) || destinationOf(data) === "abroad_unknown";
    const foreign = abroad ? `${kindMessages(DEFAULT_LANG).common.listSeparator}${m.record.foreign(str(data, F.country))}` : "";
    return {
      recipient: str(data, F.recipientName),
      dataSubjects: str(data, F.dataSubjects),
      items: str(data, F.dataItems),
      basis: `${basis}${foreign}`,
      consentOrProvisionDate: str(data, F.consentOrProvisionDate),
      retentionYears: num(data, F.retentionYears) === 1 ? 1 : 3,
      recordBasis: str(data, F.legalBasis) === "optout" ? "optout" : "consent",
    };
  },
});
