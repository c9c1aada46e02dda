// The register of personal data (個人データ管理台帳, 規程 第23条, 第25条2項(1)①), as plain
// rules: what an entry holds, who may change it, what needs attention, how a search reads
// its words, the annual review. Pure: no clock, no database, no Slack.
import { isChiefOrDeputy, isManagerOf, mayExportAudit, type HasRoles, type RoleHolder } from "../directory/roles.js";
import { addYears, isDay, type Day } from "../platform/day.js";
import { detectPii } from "../platform/pii/index.js";

export { isDay, type Day };

/** Approximate number of people (1,000 is the threshold of 施行規則 第7条(4) for a leak report). */
export const PEOPLE_BANDS = ["under_1000", "1000_9999", "10000_99999", "100000_999999", "over_1m"] as const;
export type PeopleBand = (typeof PEOPLE_BANDS)[number];

/** 電気通信事業法 第27条の12: whether the notice (通知又は公表) of external transmissions is in place. */
export const TRANSMISSION_NOTICE = ["published", "not_published", "not_applicable"] as const;
export type TransmissionNotice = (typeof TRANSMISSION_NOTICE)[number];

/** APPI Art.31: whether the recipient's confirmation (本人の同意が得られていること) was made and recorded. */
export const RELATED_INFO_CONFIRMATION = ["confirmed_recorded", "not_confirmed", "not_applicable"] as const;
export type RelatedInfoConfirmation = (typeof RELATED_INFO_CONFIRMATION)[number];

/** A processor (entrustment, 第15条) or recipient (provision 第16条, joint use 第17条) linked to the entry. */
export interface PartyLink {
  /** the request's code (PRV-…) */
  code: string;
  kind: "entrust" | "provide" | "joint";
  name: string;
  /** the Processor row (entrustment) */
  processorId?: string;
}

/** Everything an entry says, as stored (dates as days). */
export interface EntryFields {
  name: string;
  departmentId: string;
  ownerId: string;
  purposes: string;
  purposeRequests: string[];
  dataItems: string;
  sensitive: boolean;
  peopleBand: PeopleBand | null;
  source: string;
  collectionMethod: string;
  storage: string;
  retention: string;
  retentionUntil: Day | null;
  disposalMethod: string;
  processors: PartyLink[];
  recipients: PartyLink[];
  countries: string[];
  access: string;
  securityMeasures: string;
  externalTransmissions: string;
  transmissionNotice: TransmissionNotice | null;
  relatedInfoProvision: string;
  relatedInfoConfirmation: RelatedInfoConfirmation | null;
}

export type EntryField = keyof EntryFields;

/** The order fields are shown, exported and compared in. */
export const ENTRY_FIELDS: readonly EntryField[] = [
  "name",
  "departmentId",
  "ownerId",
  "purposes",
  "purposeRequests",
  "dataItems",
  "sensitive",
  "peopleBand",
  "source",
  "collectionMethod",
  "storage",
  "retention",
  "retentionUntil",
  "disposalMethod",
  "processors",
  "recipients",
  "countries",
  "access",
  "securityMeasures",
  "externalTransmissions",
  "transmissionNotice",
  "relatedInfoProvision",
  "relatedInfoConfirmation",
];

/** The fields only a telecom carrier's register shows (company.telecomCarrier). */
export const TELECOM_FIELDS: readonly EntryField[] = ["externalTransmissions", "transmissionNotice", "relatedInfoProvision", "relatedInfoConfirmation"];

/** Free-text fields a person types in the entry's form (they describe data: no personal data in them). */
export const TEXT_FIELDS = [
  "name",
  "purposes",
  "dataItems",
  "source",
  "collectionMethod",
  "storage",
  "retention",
  "disposalMethod",
  "access",
  "securityMeasures",
  "externalTransmissions",
  "relatedInfoProvision",
] as const satisfies readonly EntryField[];
export type TextField = (typeof TEXT_FIELDS)[number];

export const MAX_NAME = 150;
export const MAX_TEXT = 2000;
export const MAX_COUNTRIES = 20;

export function emptyEntry(departmentId: string, ownerId: string): EntryFields {
  return {
    name: "",
    departmentId,
    ownerId,
    purposes: "",
    purposeRequests: [],
    dataItems: "",
    sensitive: false,
    peopleBand: null,
    source: "",
    collectionMethod: "",
    storage: "",
    retention: "",
    retentionUntil: null,
    disposalMethod: "",
    processors: [],
    recipients: [],
    countries: [],
    access: "",
    securityMeasures: "",
    externalTransmissions: "",
    transmissionNotice: null,
    relatedInfoProvision: "",
    relatedInfoConfirmation: null,
  };
}

/** The fields whose values differ, in ENTRY_FIELDS order. */
export function changedFields(before: EntryFields | null, after: EntryFields): EntryField[] {
  if (!before) return ENTRY_FIELDS.filter((f) => !isEmptyValue(after[f]));
  return ENTRY_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

const isEmptyValue = (v: unknown) => v === null || v === "" || v === false || (Array.isArray(v) && v.length === 0);

// ---- who may ----------------------------------------------------------------------------

/** The owner or the 個人情報管理責任者 (or the deputy, the company's extension) edits and reviews an entry. */
export const mayEdit = (actor: HasRoles & { slackId: string }, entry: { ownerId: string }): boolean =>
  actor.slackId === entry.ownerId || isChiefOrDeputy(actor);

/** A new entry: the chief (any department) or a 個人情報管理者 (their departments). */
export const mayCreateFor = (actor: RoleHolder, departmentId: string): boolean => isChiefOrDeputy(actor) || isManagerOf(actor, departmentId);

/** The CSV export: compliance, the audit lead, the chief. */
export const mayExport = (actor: HasRoles): boolean => mayExportAudit(actor) || isChiefOrDeputy(actor);

// ---- the form ---------------------------------------------------------------------------

export type Problem = "required" | "too_long" | "personal_data" | "bad_day" | "bad_choice" | "too_many_countries";

export interface FormInput {
  name?: string;
  departmentId?: string;
  ownerId?: string;
  purposes?: string;
  dataItems?: string;
  sensitive?: string;
  peopleBand?: string;
  source?: string;
  collectionMethod?: string;
  storage?: string;
  retention?: string;
  retentionUntil?: string;
  disposalMethod?: string;
  countries?: string;
  access?: string;
  securityMeasures?: string;
  externalTransmissions?: string;
  transmissionNotice?: string;
  relatedInfoProvision?: string;
  relatedInfoConfirmation?: string;
}

export type FormValue = Omit<EntryFields, "purposeRequests" | "processors" | "recipients">;

/** Countries typed with commas, 、 or line breaks; trimmed, deduplicated. */
export function parseCountries(text: string | undefined): string[] {
  return [
    ...new Set(
      (text ?? "")
        .split(/[,、，\n]/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}

const choice = <T extends string>(values: readonly T[], v: string | undefined): T | null | "bad" =>
  !v ? null : (values as readonly string[]).includes(v) ? (v as T) : "bad";

/**
 * Checks the entry's form: a name, a department and an owner are required; texts fit; no
 * text holds personal data (the register names kinds of data, never the data); choices are
 * from their lists. The problems by field.
 */
export function checkForm(input: FormInput): { ok: true; value: FormValue } | { ok: false; problems: Partial<Record<keyof FormInput, Problem>> } {
  const problems: Partial<Record<keyof FormInput, Problem>> = {};
  const text = (f: TextField): string => {
    const v = (input[f] ?? "").trim();
    const max = f === "name" ? MAX_NAME : MAX_TEXT;
    if ([...v].length > max) problems[f] = "too_long";
    else if (v && detectPii(v).length > 0) problems[f] = "personal_data";
    return v;
  };
  const texts = Object.fromEntries(TEXT_FIELDS.map((f) => [f, text(f)])) as Record<TextField, string>;
  if (!texts.name && !problems.name) problems.name = "required";
  if (!input.departmentId) problems.departmentId = "required";
  if (!input.ownerId) problems.ownerId = "required";
  const band = choice(PEOPLE_BANDS, input.peopleBand);
  if (band === "bad") problems.peopleBand = "bad_choice";
  const notice = choice(TRANSMISSION_NOTICE, input.transmissionNotice);
  if (notice === "bad") problems.transmissionNotice = "bad_choice";
  const confirmation = choice(RELATED_INFO_CONFIRMATION, input.relatedInfoConfirmation);
  if (confirmation === "bad") problems.relatedInfoConfirmation = "bad_choice";
  if (input.sensitive && input.sensitive !== "yes" && input.sensitive !== "no") problems.sensitive = "bad_choice";
  if (input.retentionUntil && !isDay(input.retentionUntil)) problems.retentionUntil = "bad_day";
  const countries = parseCountries(input.countries);
  if (countries.length > MAX_COUNTRIES) problems.countries = "too_many_countries";
  else if (countries.some((c) => [...c].length > 60)) problems.countries = "too_long";
  else if (countries.some((c) => detectPii(c).length > 0)) problems.countries = "personal_data";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...texts,
      departmentId: input.departmentId!,
      ownerId: input.ownerId!,
      sensitive: input.sensitive === "yes",
      peopleBand: band as PeopleBand | null,
      retentionUntil: input.retentionUntil || null,
      countries,
      transmissionNotice: notice as TransmissionNotice | null,
      relatedInfoConfirmation: confirmation as RelatedInfoConfirmation | null,
    },
  };
}

// ---- attention and the annual review ------------------------------------------------------

/** What makes an entry need its owner's attention. */
export type Attention = "never_reviewed" | "review_due" | "retention_missing" | "notice_missing" | "confirmation_missing";

/** The annual review is due: never reviewed, or last reviewed a year or more before `today`. */
export function reviewDue(lastReviewedOn: Day | null, today: Day): boolean {
  return lastReviewedOn === null || addYears(lastReviewedOn, 1) <= today;
}

/** The last review day that is still within the year before `today` (an entry reviewed before it is due). */
export const reviewedSinceDay = (today: Day): Day => addYears(today, -1);

export function attentionOf(
  e: Pick<EntryFields, "retention" | "externalTransmissions" | "transmissionNotice" | "relatedInfoProvision" | "relatedInfoConfirmation">,
  lastReviewedOn: Day | null,
  today: Day,
  telecomCarrier: boolean,
): Attention[] {
  const out: Attention[] = [];
  if (lastReviewedOn === null) out.push("never_reviewed");
  else if (reviewDue(lastReviewedOn, today)) out.push("review_due");
  if (!e.retention.trim()) out.push("retention_missing");
  if (telecomCarrier && e.externalTransmissions.trim() && e.transmissionNotice !== "published" && e.transmissionNotice !== "not_applicable")
    out.push("notice_missing");
  if (e.relatedInfoProvision.trim() && e.relatedInfoConfirmation !== "confirmed_recorded" && e.relatedInfoConfirmation !== "not_applicable")
    out.push("confirmation_missing");
  return out;
}

// ---- search ------------------------------------------------------------------------------

/** Lower case, full-width folded (NFKC), spaces collapsed: how both the search column and the words are read. */
export const normalizeSearch = (s: string): string => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/** The prepared search column: code, name, data items, department (id and name). */
export function searchTextOf(e: Pick<EntryFields, "name" | "dataItems" | "departmentId">, code: string, departmentName: string): string {
  return normalizeSearch([code, e.name, e.dataItems, e.departmentId, departmentName].join(" ")).slice(0, 4000);
}

/** The words of a search: at most five, each at most 50 characters; LIKE's wildcards are taken literally by the store. */
export function searchWords(args: readonly string[]): string[] {
  return [
    ...new Set(
      normalizeSearch(args.join(" "))
        .split(" ")
        .filter(Boolean)
        .map((w) => w.slice(0, 50)),
    ),
  ].slice(0, 5);
}

// ---- CSV ----------------------------------------------------------------------------------

const BOM = "\uFEFF";

/** One CSV cell: quoted when needed; a leading = + - @ is prefixed with ' so a spreadsheet does not run it. */
export function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 CSV with a byte-order mark (Excel in Japan reads it as UTF-8), CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

// ---- codes ---------------------------------------------------------------------------------

export const isEntryCode = (s: string): boolean => /^REG-\d{4}-\d{4,}$/.test(s);

/** A band from a head count typed in a request (entrust, provide). */
export function bandOf(n: unknown): PeopleBand | null {
  const x = typeof n === "number" ? n : typeof n === "string" && /^\d+$/.test(n) ? Number(n) : Number.NaN;
  if (!Number.isFinite(x) || x < 0) return null;
  if (x < 1000) return "under_1000";
  if (x < 10_000) return "1000_9999";
  if (x < 100_000) return "10000_99999";
  if (x < 1_000_000) return "100000_999999";
  return "over_1m";
}

/** The wider of two bands (an amendment never narrows what the entry already says). */
export function widerBand(a: PeopleBand | null, b: PeopleBand | null): PeopleBand | null {
  if (!a) return b;
  if (!b) return a;
  return PEOPLE_BANDS.indexOf(a) >= PEOPLE_BANDS.indexOf(b) ? a : b;
}
