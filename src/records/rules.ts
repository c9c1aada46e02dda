// Provision and receipt records (第三者提供記録): APPI Art.29 (the provider's record), Art.30 (the
// recipient's confirmation and record), Art.33(5) (their disclosure to the person), and the
// 施行規則 (個人情報保護委員会規則) 第19-25条. Pure: no database, no Slack, no clock.
import { addDays, addYears, isDay, type Day } from "../platform/day.js";
import { detectPii } from "../platform/pii/index.js";
import { isChiefOrDeputy, isCompliance, isManagerOf, type RoleHolder } from "../directory/roles.js";

/**
 * How a record is made (施行規則 第19条, and 第23条 for receipts, worded alike):
 *   per_provision  one record per provision, made promptly each time (第19条2項 本文)
 *   combined       one record for continuous or repeated provision to the same recipient (第19条2項 ただし書)
 *   contract       the contract or other document made for goods or services to the person serves
 *                  as the record (第19条3項): only for provision with the person's consent (法第27条第1項 本文 or 法第28条第1項)
 */
export const RECORD_FORMS = ["per_provision", "combined", "contract"] as const;
export type RecordForm = (typeof RECORD_FORMS)[number];

/** The bases a record's contents depend on (施行規則 第20条1項, 第24条1項). */
export type RecordBasis = "consent" | "optout";

/**
 * The last day of a period of `years` years counted from `start`, the first day included
 * (「起算して」): the day before the corresponding day, or the end of the month when the last
 * year has no such day (民法 第143条2項).
 */
export function periodEndCountingFirstDay(start: Day, years: number): Day {
  const [y, m, d] = start.split("-").map(Number) as [number, number, number];
  const corresponding = addYears(start, years);
  const exact = corresponding === `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  // 29 February into a common year: no corresponding day, the period ends on 28 February
  return exact ? addDays(corresponding, -1) : corresponding;
}

/**
 * The last day a record must be kept (施行規則 第21条 for provision records, 第25条 for receipt
 * records, the same three cases):
 *   contract: one year counted from the day of the last provision (第21条1号 / 第25条1号)
 *   combined: three years counted from the day of the last provision (第21条2号 / 第25条2号)
 *   per_provision: three years (第21条3号 / 第25条3号), from the record's making; the first day is
 *     not counted (民法 第140条): the law says only 「三年」. Until a provision is logged, the
 *     approval day stands in for the last provision.
 */
export function keepUntil(form: RecordForm, madeOn: Day, lastProvidedOn: Day | null): Day {
  const last = lastProvidedOn ?? madeOn;
  if (form === "contract") return periodEndCountingFirstDay(last, 1);
  if (form === "combined") return periodEndCountingFirstDay(last, 3);
  return periodEndCountingFirstDay(addDays(madeOn, 1), 3);
}

/**
 * Why no record is needed (法第29条第1項ただし書 and its parenthesis; 法第30条第1項ただし書 and
 * 第3項): an Art.27(1) exception (items 1-7), entrustment, succession or joint use (Art.27(5)
 * items 1-3), or a public body of Art.16(2) (items 1-4: 国の機関, 地方公共団体, 独立行政法人等,
 * 地方独立行政法人), which is no 第三者 for Art.29 and 30.
 */
export type Exemption = { kind: "art27_1"; item: number } | { kind: "art27_5"; item: 1 | 2 | 3 } | { kind: "art16_2" };

/** A stored code of an exemption, e.g. "art27_1_2", "art27_5_1", "art16_2". */
export function exemptionCode(e: Exemption): string {
  return e.kind === "art16_2" ? "art16_2" : `${e.kind}_${e.item}`;
}

export function parseExemption(code: string | null | undefined): Exemption | null {
  if (!code) return null;
  if (code === "art16_2") return { kind: "art16_2" };
  const a = /^art27_1_([1-7])$/.exec(code);
  if (a) return { kind: "art27_1", item: Number(a[1]) };
  const b = /^art27_5_([1-3])$/.exec(code);
  if (b) return { kind: "art27_5", item: Number(b[1]) as 1 | 2 | 3 };
  return null;
}

/** The approval's facts the duty of Art.29 depends on. */
export interface ProvisionFacts {
  /** the request kind: provide (第三者提供), entrust (委託), joint (共同利用) */
  kind: string;
  legalBasis?: string | null;
  /** Art.27(1) item when legalBasis is "exception" (1-4 are the form's) */
  exceptionItem?: number | null;
  /** the recipient is a body of Art.16(2) */
  publicBody?: boolean;
  /** a provision to a third party abroad under Art.28(1) (consent to a country that is neither designated nor 基準適合体制) */
  underArt28?: boolean;
}

/**
 * Whether Art.29 asks for a record of a provision, and if not, why. Provision abroad under
 * Art.28(1) is exempt only under an Art.27(1) exception (法第29条第1項ただし書の括弧書).
 */
export function recordDuty(
  f: ProvisionFacts,
): { needed: true; basis: RecordBasis } | { needed: false; exemption: Exemption } | { needed: false; exemption: null } {
  if (f.legalBasis === "exception" && f.exceptionItem) return { needed: false, exemption: { kind: "art27_1", item: f.exceptionItem } };
  if (!f.underArt28) {
    if (f.kind === "entrust") return { needed: false, exemption: { kind: "art27_5", item: 1 } };
    if (f.kind === "joint") return { needed: false, exemption: { kind: "art27_5", item: 3 } };
    if (f.publicBody) return { needed: false, exemption: { kind: "art16_2" } };
  }
  if (f.legalBasis === "optout") return { needed: true, basis: "optout" };
  if (f.legalBasis === "consent") return { needed: true, basis: "consent" };
  // a kind that provides nothing to a third party (purpose, method)
  return { needed: false, exemption: null };
}

/** The bases of a receipt (Art.30), as the filer states them. */
export const RECEIPT_BASES = [
  "consent",
  "optout",
  "art27_1_1",
  "art27_1_2",
  "art27_1_3",
  "art27_1_4",
  "art27_5_1",
  "art27_5_2",
  "art27_5_3",
  "art16_2",
] as const;
export type ReceiptBasis = (typeof RECEIPT_BASES)[number];

/** 施行令 第11条: records whose existence, if known, would … (excluded from Art.33(5) disclosure). */
export const DISCLOSURE_EXCLUSIONS = ["harm", "wrongdoing", "state", "public_order"] as const;
export type DisclosureExclusion = (typeof DISCLOSURE_EXCLUSIONS)[number];

export const PROVIDER_KINDS = ["corporation", "individual"] as const;

export type Problem =
  | "required"
  | "bad_date"
  | "future"
  | "before_approval"
  | "pii"
  | "contract_needs_consent"
  | "contract_ref_required"
  | "form_fixed"
  | "representative_required"
  | "ppc_published_required"
  | "not_allowed_form"
  | "still_kept";

type Result<T> = { ok: true; value: T } | { ok: false; problems: Partial<Record<string, Problem>> };

/** A text that describes or refers, never names: no personal data of the persons (names with honorifics, addresses, …). */
const describes = (t: string) => detectPii(t).length === 0;

export interface LogInput {
  providedOn?: string;
  subjectsRef?: string;
  form?: string;
  contractRef?: string;
  exclusion?: string;
}
export interface LogValue {
  providedOn: Day;
  subjectsRef: string;
  form: RecordForm;
  contractRef: string | null;
  exclusion: DisclosureExclusion | null;
}

/**
 * One actual provision logged against an approval. `current` is the record's form when it has
 * provisions already (then fixed), `basis` the approval's (a contract serves only with consent).
 */
export function checkLog(
  raw: LogInput,
  o: { today: Day; approvedOn: Day; basis: RecordBasis | null; current: RecordForm | null; provisions: number },
): Result<LogValue> {
  const problems: Partial<Record<keyof LogInput, Problem>> = {};
  const providedOn = raw.providedOn?.trim() ?? "";
  if (!providedOn) problems.providedOn = "required";
  else if (!isDay(providedOn)) problems.providedOn = "bad_date";
  else if (providedOn > o.today) problems.providedOn = "future";
  else if (providedOn < o.approvedOn) problems.providedOn = "before_approval";
  const subjectsRef = raw.subjectsRef?.trim() ?? "";
  if (!subjectsRef) problems.subjectsRef = "required";
  else if (!describes(subjectsRef)) problems.subjectsRef = "pii";
  const exempt = o.basis === null;
  // once the record has provisions its form is fixed: the modal no longer asks it
  const fixed = o.provisions > 0 && o.current ? o.current : null;
  const form = (RECORD_FORMS as readonly string[]).includes(raw.form ?? "") ? (raw.form as RecordForm) : exempt ? "per_provision" : fixed;
  if (!form) problems.form = "required";
  else if (!exempt && o.provisions > 0 && o.current && form !== o.current) problems.form = "form_fixed";
  else if (form === "contract" && o.basis !== "consent") problems.form = "contract_needs_consent";
  const contractRef = raw.contractRef?.trim() || null;
  if (form === "contract" && !contractRef) problems.contractRef = "contract_ref_required";
  else if (contractRef && !describes(contractRef)) problems.contractRef = "pii";
  const exclusion = (DISCLOSURE_EXCLUSIONS as readonly string[]).includes(raw.exclusion ?? "") ? (raw.exclusion as DisclosureExclusion) : null;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { providedOn, subjectsRef, form: form!, contractRef: form === "contract" ? contractRef : null, exclusion } };
}

export interface ReceiptInput {
  providerName?: string;
  providerKind?: string;
  providerAddress?: string;
  providerRepresentative?: string;
  acquisition?: string;
  basis?: string;
  ppcPublished?: string[];
  items?: string;
  subjectsRef?: string;
  receivedOn?: string;
  form?: string;
  contractRef?: string;
  exclusion?: string;
}
export interface ReceiptValue {
  providerName: string;
  providerKind: (typeof PROVIDER_KINDS)[number];
  providerAddress: string;
  providerRepresentative: string | null;
  acquisition: string;
  basis: ReceiptBasis;
  ppcPublished: boolean;
  items: string;
  subjectsRef: string;
  receivedOn: Day;
  form: RecordForm;
  contractRef: string | null;
  exclusion: DisclosureExclusion | null;
  exemption: Exemption | null;
}

/** The exemption a receipt's basis names, or none when Art.30 applies. */
export function receiptExemption(basis: ReceiptBasis): Exemption | null {
  return basis === "consent" || basis === "optout" ? null : parseExemption(basis);
}

/**
 * A receipt of personal data from a third party (Art.30): the provider's name and address,
 * and for a corporation its representative (Art.30(1)(1)); how the provider obtained the data
 * (Art.30(1)(2)); for opt-out data, that the PPC has published the filing (施行規則 第24条1項1号ホ,
 * 法第27条第4項). An exempt receipt (Art.30(1) proviso) needs neither confirmation nor record.
 */
export function checkReceipt(raw: ReceiptInput, today: Day): Result<ReceiptValue> {
  const problems: Partial<Record<keyof ReceiptInput, Problem>> = {};
  const text = (k: keyof ReceiptInput) => {
    const v = raw[k];
    return typeof v === "string" ? v.trim() : "";
  };
  const basis = (RECEIPT_BASES as readonly string[]).includes(raw.basis ?? "") ? (raw.basis as ReceiptBasis) : null;
  if (!basis) problems.basis = "required";
  const exemption = basis ? receiptExemption(basis) : null;
  const providerName = text("providerName");
  if (!providerName) problems.providerName = "required";
  const providerKind = (PROVIDER_KINDS as readonly string[]).includes(raw.providerKind ?? "") ? (raw.providerKind as ReceiptValue["providerKind"]) : null;
  const providerAddress = text("providerAddress");
  const providerRepresentative = text("providerRepresentative") || null;
  const acquisition = text("acquisition");
  const items = text("items");
  const subjectsRef = text("subjectsRef");
  if (!items) problems.items = "required";
  else if (!describes(items)) problems.items = "pii";
  if (!exemption) {
    if (!providerKind) problems.providerKind = "required";
    if (!providerAddress) problems.providerAddress = "required";
    if (providerKind === "corporation" && !providerRepresentative) problems.providerRepresentative = "representative_required";
    if (!acquisition) problems.acquisition = "required";
    else if (!describes(acquisition)) problems.acquisition = "pii";
    if (!subjectsRef) problems.subjectsRef = "required";
  }
  if (subjectsRef && !describes(subjectsRef)) problems.subjectsRef = "pii";
  const ppcPublished = (raw.ppcPublished ?? []).includes("published");
  if (basis === "optout" && !ppcPublished) problems.ppcPublished = "ppc_published_required";
  const receivedOn = text("receivedOn");
  if (!receivedOn) problems.receivedOn = "required";
  else if (!isDay(receivedOn)) problems.receivedOn = "bad_date";
  else if (receivedOn > today) problems.receivedOn = "future";
  const form = (RECORD_FORMS as readonly string[]).includes(raw.form ?? "") ? (raw.form as RecordForm) : "per_provision";
  if (!exemption && form === "contract" && basis !== "consent") problems.form = "contract_needs_consent";
  const contractRef = text("contractRef") || null;
  if (!exemption && form === "contract" && !contractRef) problems.contractRef = "contract_ref_required";
  else if (contractRef && !describes(contractRef)) problems.contractRef = "pii";
  const exclusion = (DISCLOSURE_EXCLUSIONS as readonly string[]).includes(raw.exclusion ?? "") ? (raw.exclusion as DisclosureExclusion) : null;
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      providerName,
      providerKind: providerKind ?? "corporation",
      providerAddress,
      providerRepresentative,
      acquisition,
      basis: basis!,
      ppcPublished,
      items,
      subjectsRef,
      receivedOn,
      form,
      contractRef: form === "contract" ? contractRef : null,
      exclusion,
      exemption,
    },
  };
}

/** Whether a record falls in a disclosure request's window: any provision (or receipt) between from and to, both included. */
export function inPeriod(first: Day | null, last: Day | null, from: Day | null, to: Day | null): boolean {
  const a = first ?? last;
  const b = last ?? first;
  if (!a || !b) return false;
  if (from && b < from) return false;
  if (to && a > to) return false;
  return true;
}

/** A name matches a search word, ignoring case, spaces and full/half width. */
export function nameMatches(name: string, word: string | null): boolean {
  if (!word) return true;
  const n = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  return n(name).includes(n(word));
}

/** Who may log a provision against an approval: the requester, the department's managers, the chief or deputy. */
export function mayLogProvision(p: RoleHolder & { slackId: string }, r: { requesterId: string; departmentId: string }): boolean {
  return p.slackId === r.requesterId || isManagerOf(p, r.departmentId) || isChiefOrDeputy(p);
}

/** Who may see a receipt record: who filed it, the department's managers, the chief or deputy, compliance. */
export function maySeeReceipt(p: RoleHolder & { slackId: string }, r: { filedBy: string; departmentId: string }): boolean {
  return p.slackId === r.filedBy || isManagerOf(p, r.departmentId) || isChiefOrDeputy(p) || isCompliance(p);
}

/** How a record was disposed of (規程 第31条; the same methods as the processors' documents). */
export const DISPOSAL_METHODS = ["shred", "dissolve", "erase", "destroy", "other"] as const;
export type DisposalMethod = (typeof DISPOSAL_METHODS)[number];

/** Who records a receipt record's disposal: the department's managers, the chief or deputy. */
export function mayDisposeReceipt(p: RoleHolder, r: { departmentId: string }): boolean {
  return isManagerOf(p, r.departmentId) || isChiefOrDeputy(p);
}

/** The disposal of a record past its retention: the method, the day (not before the retention ended, not in the future), who did it. */
export function checkDisposal(
  raw: { method?: string; performedBy?: string; disposedOn?: string; note?: string },
  o: { today: Day; disposableFrom: Day | null },
): Result<{ method: DisposalMethod; performedBy: string; disposedOn: Day; note: string | null }> {
  const problems: Partial<Record<string, Problem>> = {};
  const method = (DISPOSAL_METHODS as readonly string[]).includes(raw.method ?? "") ? (raw.method as DisposalMethod) : null;
  if (!method) problems.method = "required";
  const performedBy = raw.performedBy?.trim() ?? "";
  if (!performedBy) problems.performedBy = "required";
  const disposedOn = raw.disposedOn?.trim() ?? "";
  if (!disposedOn) problems.disposedOn = "required";
  else if (!isDay(disposedOn)) problems.disposedOn = "bad_date";
  else if (disposedOn > o.today) problems.disposedOn = "future";
  else if (o.disposableFrom && disposedOn < o.disposableFrom) problems.disposedOn = "still_kept";
  const note = raw.note?.trim() || null;
  if (method === "other" && !note) problems.note = "required";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, value: { method: method!, performedBy, disposedOn, note } };
}

/** Which week of waiting for disposal `today` is in (0 the first), counted from the first day it may go. */
export const disposalWeek = (from: Day, today: Day): number | null => {
  if (today < from) return null;
  return Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / (7 * 86_400_000));
};
