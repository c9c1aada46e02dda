// The modals' answers, validated with zod: what Slack sends (view.state.values) in, the
// case's fields out, or field errors keyed by block_id. Pure: today comes in as an argument.
import { z } from "zod";
import type { Lang } from "../platform/i18n.js";
import { readModal, type ModalValues } from "../platform/slack/modal.js";
import { AnswerBlocks, ComplaintBlocks, ComplaintCloseBlocks, IdentityBlocks, INPUT, LogBlocks, NoticeBlocks, SendBackBlocks, WithdrawBlocks } from "./ids.js";
import { dsrMessages } from "./messages.js";
import { dayText } from "./blocks.js";
import { detectPii, normalize } from "../platform/pii/index.js";
import {
  basesFor,
  COMPLAINT_KINDS,
  DISCLOSURE_METHODS,
  DSR_KINDS,
  groundsFor,
  mayChargeFee,
  methodAllowed,
  NOT_RETAINED_GROUNDS,
  outcomesFor,
  STATUTORY_BASES,
  takesDisclosureMethod,
  type DisclosureMethod,
  type NotRetainedGround,
  type StatutoryBasis,
  OTHER_ID_DOCUMENTS,
  PRIMARY_ID_DOCUMENTS,
  linkKind,
  MANDATE_DOCUMENTS,
  MANDATES,
  OUTCOMES,
  REFUSAL_GROUNDS,
  REQUESTERS,
  VIAS,
  type ComplaintKind,
  type Day,
  type DsrKind,
  type IdDocument,
  type Mandate,
  type MandateDocument,
  type Outcome,
  type RefusalGround,
  type Requester,
  type Via,
} from "./rules.js";

/** view.state.values as Slack sends it. */
export type ViewValues = ModalValues;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const str = (x: unknown) => (typeof x === "string" && x.trim() !== "" ? x.trim() : null);

/**
 * Runs of digits as the detector reads them (normalize: full-width, kanji numerals, and
 * spaces, dots, hyphens, ー or commas between groups taken out: "1234 5678・9012" -> "123456789012").
 */
function digitRuns(numbers: string): string[] {
  return (numbers.match(/\d+(?:-\d+)*/g) ?? []).map((r) => r.replace(/\D/g, ""));
}

/** The documents whose numbers must never be written here (番号法 第20条 for the 個人番号). */
const ID_NUMBER_WORDS =
  /(マイナンバー|個人番号|免許証?|旅券|パスポート|保険証|被保険者|在留カード|住民票コード|住基|基礎年金|年金番号|カード番号|口座番号)[^\d]{0,10}\d/;

/**
 * Looks like a customer's own details rather than a reference: whatever the detector
 * finds (platform/pii: a name with an honorific, an address, a phone number, an e-mail
 * address, a card or 個人番号 by its check digit), and, stricter here since none of these
 * fields has a use for them, any 12 digits (個人番号, 運転免許証番号) or 14-16 digits (a card)
 * whatever their check digit, 2 letters and 7 digits (a passport), ####-###### (基礎年金番号),
 * a postal code, or a number after the name of an identity document. Read after
 * normalising, so spaces, dots, kanji numerals and "at"/"dot" hide nothing.
 */
export function looksPersonal(text: string): boolean {
  if (detectPii(text).length > 0) return true;
  const n = normalize(text);
  if (digitRuns(n.numbers).some((d) => d.length === 12 || (d.length >= 14 && d.length <= 16))) return true;
  if (/(^|[^A-Za-z0-9])[A-Za-z]{2}-?\d{7}([^A-Za-z0-9]|$)/.test(n.numbers)) return true;
  if (/(^|[^\d])\d{4}-\d{6}([^\d]|$)/.test(n.numbers)) return true;
  return looksLikeContact(text);
}

/**
 * The customer reference is a number of the company's own systems, so long numbers are
 * expected there: it is refused only for what the detector finds (a name with an honorific,
 * an address, a phone number, an e-mail address, a card or 個人番号 by its check digit), a
 * postal code or a number after the name of an identity document.
 */
export function looksLikeContact(text: string): boolean {
  if (detectPii(text).length > 0) return true;
  const n = normalize(text);
  if (ID_NUMBER_WORDS.test(n.numbers)) return true;
  if (/(^|[^\d])0\d{1,4}-\d{1,4}-\d{3,4}([^\d]|$)/.test(n.numbers)) return true;
  if (/(^|[^\d])\d{3}-\d{4}([^\d-]|$)/.test(n.numbers)) return true;
  return false;
}

/**
 * The short label of an 「その他」 identity document may name the document, never carry its
 * number: no run of 4 or more digits (spaces, dots, hyphens or kanji numerals between them
 * too), no token mixing letters and digits (an ID like "AB12345").
 */
export function looksLikeIdNumber(text: string): boolean {
  const t = normalize(text).numbers;
  if (digitRuns(t).some((d) => d.length >= 4)) return true;
  return (t.match(/[A-Za-z0-9][A-Za-z0-9-]*/g) ?? []).some((w) => w.length >= 3 && /[A-Za-z]/.test(w) && /\d/.test(w));
}

/** Dates (2026-12-01, 2026/12/01, 2026年12月1日, 2026年) and case codes (DSR-2026-0001) are not ID numbers. */
const DATES_AND_CODES = /(?:PRV|DSR|CMP|INC)-\d{4}-\d{4,}|\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{4}年(?:\d{1,2}月)?/gi;

/**
 * Free text that names a person's ID number or card rather than saying what happened (the
 * referral, the send-back reason): the label's check (`looksLikeIdNumber`), dates and case
 * codes excepted.
 */
export function holdsIdNumber(text: string): boolean {
  return looksLikeIdNumber(normalize(text).numbers.replace(DATES_AND_CODES, " "));
}

function texts(lang: Lang) {
  const p = dsrMessages(lang).problem;
  const required = (max: number) => z.string({ error: p.required }).trim().min(1, p.required).max(max, p.tooLong(max));
  const optional = (max: number) => z.string().trim().max(max, p.tooLong(max)).nullish();
  const noPersonal = <T extends z.ZodType<string | null | undefined>>(s: T) => s.refine((x) => !x || !looksPersonal(x), { message: p.personalData });
  const noContact = <T extends z.ZodType<string | null | undefined>>(s: T) => s.refine((x) => !x || !looksLikeContact(x), { message: p.personalData });
  const day = z.string({ error: p.required }).regex(DAY, p.required);
  const noIdNumber = <T extends z.ZodType<string | null | undefined>>(s: T) => s.refine((x) => !x || !holdsIdNumber(x), { message: p.noNumbers });
  return { p, required, optional, noPersonal, noContact, noIdNumber, day };
}

// ---- logging a request ------------------------------------------------------------------

export interface LogInput {
  kind: DsrKind;
  via: Via;
  receivedOn: Day;
  requester: Requester;
  mandate: Mandate | null;
  customerRef: string;
  scope: string | null;
  /** how the person asks to receive a disclosure (Art.33(1)): disclosure and provision records only */
  disclosureMethod: DisclosureMethod | null;
  /** the fee charged, in yen (Art.38): purpose notification and disclosure only */
  feeYen: number | null;
  /** the owner picked in the modal, null: the person logging it */
  ownerId: string | null;
}

export function parseLog(v: ViewValues, lang: Lang, today: Day): Parsed<LogInput> {
  const { p, required, optional, noPersonal, noContact, day } = texts(lang);
  const schema = z.object({
    [LogBlocks.kind]: z.enum(DSR_KINDS, { error: p.required }),
    [LogBlocks.via]: z.enum(VIAS, { error: p.required }),
    [LogBlocks.receivedOn]: day.refine((d) => d <= today, { message: p.future }),
    [LogBlocks.requester]: z.enum(REQUESTERS, { error: p.required }),
    [LogBlocks.mandate]: z.enum(MANDATES).nullish(),
    [LogBlocks.customerRef]: noContact(required(100)),
    [LogBlocks.scope]: noPersonal(optional(500)),
    [LogBlocks.method]: z.enum(DISCLOSURE_METHODS).nullish(),
    [LogBlocks.fee]: z
      .string()
      .trim()
      .regex(/^(\d{1,7})?$/, p.feeNumber)
      .nullish(),
    [LogBlocks.owner]: z.string().nullish(),
  });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [LogBlocks.kind]: "option",
      [LogBlocks.via]: "option",
      [LogBlocks.receivedOn]: "date",
      [LogBlocks.requester]: "option",
      [LogBlocks.mandate]: "option",
      [LogBlocks.customerRef]: "text",
      [LogBlocks.scope]: "text",
      [LogBlocks.method]: "option",
      [LogBlocks.fee]: "text",
      [LogBlocks.owner]: "user",
    },
    schema,
    cross: (raw, add) => {
      if (raw.requester === "agent" && !raw.mandate) add(LogBlocks.mandate, p.mandateForAgent);
      if (raw.requester === "self" && raw.mandate) add(LogBlocks.mandate, p.mandateNotSelf);
      const kind = raw.kind && (DSR_KINDS as readonly string[]).includes(raw.kind) ? (raw.kind as DsrKind) : null;
      if (kind && takesDisclosureMethod(kind) && !raw.disclosureMethod) add(LogBlocks.method, p.methodRequired);
      if (kind && !takesDisclosureMethod(kind) && raw.disclosureMethod) add(LogBlocks.method, p.methodNotForKind);
      if (kind && !mayChargeFee(kind) && str(raw.feeYen)) add(LogBlocks.fee, p.feeNotAllowed);
    },
  });
  if (!r.ok) return r;
  const o = r.data;
  return {
    ok: true,
    value: {
      kind: o.kind,
      via: o.via,
      receivedOn: o.receivedOn,
      requester: o.requester,
      mandate: o.mandate ?? null,
      customerRef: o.customerRef,
      scope: o.scope || null,
      disclosureMethod: o.disclosureMethod ?? null,
      feeYen: o.feeYen ? Number(o.feeYen) : null,
      ownerId: o.owner || null,
    },
  };
}

// ---- the identity check ---------------------------------------------------------------------

export interface IdentityInput {
  /** the document picked: one of the first three, or the 「その他」 list's pick */
  document: IdDocument;
  /** the short label of 「その他」 (no number) */
  note: string | null;
  mandateDocument: MandateDocument | null;
  agentDocument: IdDocument | null;
  checkedBy: string;
  checkedOn: Day;
}

export function parseIdentity(v: ViewValues, lang: Lang, today: Day, c: { requester: string; receivedOn: Day }): Parsed<IdentityInput> {
  const { p, optional, noPersonal, day } = texts(lang);
  const agent = c.requester === "agent";
  const schema = z.object({
    [IdentityBlocks.document]: z.enum(PRIMARY_ID_DOCUMENTS, { error: p.required }),
    [IdentityBlocks.otherDocument]: z.enum(OTHER_ID_DOCUMENTS).nullish(),
    // a number is refused as such first (the more precise message), then other personal details
    [IdentityBlocks.note]: noPersonal(optional(30).refine((x) => !x || !looksLikeIdNumber(x), { message: p.noIdNumber })),
    [IdentityBlocks.mandateDocument]: z.enum(MANDATE_DOCUMENTS).nullish(),
    [IdentityBlocks.agentDocument]: z.enum(PRIMARY_ID_DOCUMENTS).nullish(),
    [IdentityBlocks.checkedBy]: z.string({ error: p.required }).min(1, p.required),
    [IdentityBlocks.checkedOn]: day,
  });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [IdentityBlocks.document]: "option",
      [IdentityBlocks.otherDocument]: "option",
      [IdentityBlocks.note]: "text",
      [IdentityBlocks.mandateDocument]: "option",
      [IdentityBlocks.agentDocument]: "option",
      [IdentityBlocks.checkedBy]: "user",
      [IdentityBlocks.checkedOn]: "date",
    },
    schema,
    cross: (raw, add) => {
      if (raw.idDocument === "other" && !raw.idOtherDocument) add(IdentityBlocks.otherDocument, p.otherDocument);
      if (raw.idDocument !== "other" && raw.idOtherDocument) add(IdentityBlocks.otherDocument, p.otherDocumentNotOther);
      if (raw.idDocument !== "other" && str(raw.idDocumentNote)) add(IdentityBlocks.note, p.otherDocumentNotOther);
      if (agent && !raw.mandateDocument) add(IdentityBlocks.mandateDocument, p.agentDocs);
      if (agent && !raw.agentDocument) add(IdentityBlocks.agentDocument, p.agentDocs);
      if (!agent && raw.mandateDocument) add(IdentityBlocks.mandateDocument, p.notAgent);
      if (!agent && raw.agentDocument) add(IdentityBlocks.agentDocument, p.notAgent);
      const on = raw.checkedOn;
      if (on && on > today) add(IdentityBlocks.checkedOn, p.future);
      else if (on && on < c.receivedOn) add(IdentityBlocks.checkedOn, p.beforeReceived(dayText(c.receivedOn, lang)));
    },
  });
  if (!r.ok) return r;
  const o = r.data;
  const other = o.idDocument === "other";
  return {
    ok: true,
    value: {
      document: other ? (o.idOtherDocument ?? "other") : o.idDocument,
      note: other ? o.idDocumentNote || null : null,
      mandateDocument: o.mandateDocument ?? null,
      agentDocument: o.agentDocument ?? null,
      checkedBy: o.checkedBy,
      checkedOn: o.checkedOn,
    },
  };
}

// ---- the answer -------------------------------------------------------------------------------

export interface AnswerInput {
  outcome: Outcome;
  actionTaken: string | null;
  actionOn: Day | null;
  /** the refusal grounds of the kind, or the reason there is no 保有個人データ (施行令 第5条, none) */
  grounds: (RefusalGround | NotRetainedGround)[];
  reasonToPerson: string | null;
  /** stopping use or provision: the Art.35 condition */
  statutoryBasis: StatutoryBasis | null;
  /** a disclosure done or partly done: the method used */
  methodUsed: DisclosureMethod | null;
}

/**
 * The answer, checked against the case's kind: only the grounds of its kind (rules.ts
 * groundsFor), the no-保有個人データ finding apart, the Art.35 condition for a stop request, the
 * method of a disclosure (Art.33(2): the one asked for, or written).
 */
export function parseAnswer(
  v: ViewValues,
  lang: Lang,
  today: Day,
  c: { receivedOn: Day; kind: DsrKind; disclosureMethod: DisclosureMethod | null },
): Parsed<AnswerInput> {
  const { p, optional, noPersonal } = texts(lang);
  const schema = z.object({
    [AnswerBlocks.outcome]: z.enum(OUTCOMES, { error: p.required }),
    [AnswerBlocks.actionTaken]: noPersonal(optional(2000)),
    [AnswerBlocks.actionOn]: z.string().regex(DAY).nullish(),
    [AnswerBlocks.grounds]: z.array(z.enum(REFUSAL_GROUNDS, { error: p.groundNotForKind })),
    [AnswerBlocks.notRetained]: z.array(z.enum(NOT_RETAINED_GROUNDS, { error: p.groundNotForKind })),
    [AnswerBlocks.basis]: z.enum(STATUTORY_BASES).nullish(),
    [AnswerBlocks.methodUsed]: z.enum(DISCLOSURE_METHODS).nullish(),
    [AnswerBlocks.reason]: noPersonal(optional(2000)),
  });
  const kindGrounds: readonly string[] = groundsFor(c.kind);
  const bases: readonly string[] = basesFor(c.kind);
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [AnswerBlocks.outcome]: "option",
      [AnswerBlocks.actionTaken]: "text",
      [AnswerBlocks.actionOn]: "date",
      [AnswerBlocks.grounds]: "options",
      [AnswerBlocks.notRetained]: "options",
      [AnswerBlocks.basis]: "option",
      [AnswerBlocks.methodUsed]: "option",
      [AnswerBlocks.reason]: "text",
    },
    schema,
    cross: (raw, add) => {
      const doing = raw.outcome === "done" || raw.outcome === "partly";
      const refusing = raw.outcome === "partly" || raw.outcome === "not_done";
      const notRetained = raw.outcome === "not_retained";
      const grounds: string[] = raw.grounds ?? [];
      const nr: string[] = raw.notRetained ?? [];
      if (raw.outcome && !(outcomesFor(c.kind) as readonly string[]).includes(raw.outcome)) add(AnswerBlocks.outcome, p.outcomeNotForKind);
      if (doing && !str(raw.actionTaken)) add(AnswerBlocks.actionTaken, p.actionTaken);
      if (doing && !raw.actionOn) add(AnswerBlocks.actionOn, p.actionOn);
      if (raw.actionOn && raw.actionOn > today) add(AnswerBlocks.actionOn, p.future);
      else if (raw.actionOn && raw.actionOn < c.receivedOn) add(AnswerBlocks.actionOn, p.beforeReceived(dayText(c.receivedOn, lang)));
      if (grounds.some((g) => !kindGrounds.includes(g))) add(AnswerBlocks.grounds, p.groundNotForKind);
      else if (refusing && grounds.length === 0) add(AnswerBlocks.grounds, p.grounds);
      else if (raw.outcome === "done" && grounds.length > 0) add(AnswerBlocks.grounds, p.groundsForDone);
      else if (notRetained && grounds.length > 0) add(AnswerBlocks.grounds, p.notRetainedGrounds);
      if (notRetained && nr.length === 0) add(AnswerBlocks.notRetained, p.notRetainedPick);
      if (!notRetained && nr.length > 0) add(AnswerBlocks.notRetained, p.notRetainedOnly);
      if ((refusing || notRetained) && !str(raw.reasonToPerson)) add(AnswerBlocks.reason, p.reason);
      if (bases.length > 0 && !raw.statutoryBasis) add(AnswerBlocks.basis, p.basisRequired);
      else if (raw.statutoryBasis && !bases.includes(raw.statutoryBasis)) add(AnswerBlocks.basis, p.groundNotForKind);
      if (takesDisclosureMethod(c.kind) && doing) {
        if (!raw.methodUsed) add(AnswerBlocks.methodUsed, p.methodUsedRequired);
        else if ((DISCLOSURE_METHODS as readonly string[]).includes(raw.methodUsed) && !methodAllowed(c.disclosureMethod, raw.methodUsed as DisclosureMethod))
          add(AnswerBlocks.methodUsed, p.methodNotAllowed);
      }
    },
  });
  if (!r.ok) return r;
  const o = r.data;
  const refusing = o.outcome !== "done";
  const grounds = o.outcome === "not_retained" ? [...o.notRetained] : [...o.grounds];
  return {
    ok: true,
    value: {
      outcome: o.outcome,
      actionTaken: o.actionTaken || null,
      actionOn: o.actionTaken ? (o.actionOn ?? null) : null,
      grounds: grounds.sort(),
      reasonToPerson: refusing ? (o.reasonToPerson ?? null) : null,
      statutoryBasis: basesFor(c.kind).length ? (o.statutoryBasis ?? null) : null,
      methodUsed: takesDisclosureMethod(c.kind) && o.outcome !== "not_done" && o.outcome !== "not_retained" ? (o.methodUsed ?? null) : null,
    },
  };
}

// ---- the notice to the person --------------------------------------------------------------

export interface NoticeInput {
  noticeOn: Day;
  via: Via;
  /** a refusal: whether its reasons were explained (Art.36, an effort duty); null for done */
  reasonExplained: boolean | null;
}

export function parseNotice(v: ViewValues, lang: Lang, today: Day, c: { receivedOn: Day; refused: boolean }): Parsed<NoticeInput> {
  const { p, day } = texts(lang);
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: { [NoticeBlocks.on]: "date", [NoticeBlocks.via]: "option", [NoticeBlocks.reasonExplained]: "option" },
    schema: z.object({
      [NoticeBlocks.on]: day,
      [NoticeBlocks.via]: z.enum(VIAS, { error: p.required }),
      [NoticeBlocks.reasonExplained]: z.enum(["yes", "no"]).nullish(),
    }),
    cross: (raw, add) => {
      if (raw.noticeOn && raw.noticeOn > today) add(NoticeBlocks.on, p.future);
      else if (raw.noticeOn && raw.noticeOn < c.receivedOn) add(NoticeBlocks.on, p.beforeReceived(dayText(c.receivedOn, lang)));
      if (c.refused && !raw.reasonExplained) add(NoticeBlocks.reasonExplained, p.reasonExplainedRequired);
    },
  });
  if (!r.ok) return r;
  const o = r.data;
  return { ok: true, value: { noticeOn: o.noticeOn, via: o.noticeVia, reasonExplained: c.refused ? o.reasonExplained === "yes" : null } };
}

export function parseWithdraw(v: ViewValues, lang: Lang): Parsed<{ note: string | null }> {
  const { optional, noPersonal } = texts(lang);
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: { [WithdrawBlocks.note]: "text" },
    schema: z.object({ [WithdrawBlocks.note]: noPersonal(optional(500)) }),
  });
  if (!r.ok) return r;
  return { ok: true, value: { note: r.data.withdrawNote || null } };
}

export function parseSendBack(v: ViewValues, lang: Lang): Parsed<{ reason: string }> {
  const { required, noPersonal, noIdNumber } = texts(lang);
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: { [SendBackBlocks.reason]: "text" },
    schema: z.object({ [SendBackBlocks.reason]: noIdNumber(noPersonal(required(1000))) }),
  });
  if (!r.ok) return r;
  return { ok: true, value: { reason: r.data.sendBackReason } };
}

// ---- complaints --------------------------------------------------------------------------------

export interface ComplaintInput {
  kind: ComplaintKind;
  via: Via;
  receivedOn: Day;
  summary: string;
  customerRef: string | null;
  /** INC-… or DSR-…, upper-cased; its existence is checked by the flow */
  linkedCode: string | null;
  ownerId: string | null;
}

export function parseComplaint(v: ViewValues, lang: Lang, today: Day): Parsed<ComplaintInput> {
  const { p, required, optional, noPersonal, noContact, day } = texts(lang);
  const schema = z.object({
    [ComplaintBlocks.kind]: z.enum(COMPLAINT_KINDS, { error: p.required }),
    [ComplaintBlocks.via]: z.enum(VIAS, { error: p.required }),
    [ComplaintBlocks.receivedOn]: day.refine((d) => d <= today, { message: p.future }),
    [ComplaintBlocks.summary]: noPersonal(required(2000)),
    [ComplaintBlocks.customerRef]: noContact(optional(100)),
    [ComplaintBlocks.link]: z
      .string()
      .trim()
      .transform((x) => x.toUpperCase())
      .refine((x) => x === "" || linkKind(x) !== null, { message: p.badLink })
      .nullish(),
    [ComplaintBlocks.owner]: z.string().nullish(),
  });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [ComplaintBlocks.kind]: "option",
      [ComplaintBlocks.via]: "option",
      [ComplaintBlocks.receivedOn]: "date",
      [ComplaintBlocks.summary]: "text",
      [ComplaintBlocks.customerRef]: "text",
      [ComplaintBlocks.link]: "text",
      [ComplaintBlocks.owner]: "user",
    },
    schema,
  });
  if (!r.ok) return r;
  const o = r.data;
  return {
    ok: true,
    value: {
      kind: o.kind,
      via: o.via,
      receivedOn: o.receivedOn,
      summary: o.summary,
      customerRef: o.customerRef || null,
      linkedCode: o.link || null,
      ownerId: o.owner || null,
    },
  };
}

export interface ComplaintCloseInput {
  outcome: "resolved" | "referred";
  text: string;
  referredTo: string | null;
  closedOn: Day;
}

export function parseComplaintClose(v: ViewValues, lang: Lang, today: Day, c: { receivedOn: Day }): Parsed<ComplaintCloseInput> {
  const { p, required, optional, noPersonal, noIdNumber, day } = texts(lang);
  const schema = z.object({
    [ComplaintCloseBlocks.outcome]: z.enum(["resolved", "referred"], { error: p.required }),
    [ComplaintCloseBlocks.text]: noPersonal(required(2000)),
    [ComplaintCloseBlocks.referredTo]: noIdNumber(noPersonal(optional(200))),
    [ComplaintCloseBlocks.closedOn]: day,
  });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [ComplaintCloseBlocks.outcome]: "option",
      [ComplaintCloseBlocks.text]: "text",
      [ComplaintCloseBlocks.referredTo]: "text",
      [ComplaintCloseBlocks.closedOn]: "date",
    },
    schema,
    cross: (raw, add) => {
      if (raw.outcome === "referred" && !str(raw.referredTo)) add(ComplaintCloseBlocks.referredTo, p.referredTo);
      if (raw.closedOn && raw.closedOn > today) add(ComplaintCloseBlocks.closedOn, p.future);
      else if (raw.closedOn && raw.closedOn < c.receivedOn) add(ComplaintCloseBlocks.closedOn, p.beforeReceived(dayText(c.receivedOn, lang)));
    },
  });
  if (!r.ok) return r;
  const o = r.data;
  return {
    ok: true,
    value: { outcome: o.outcome, text: o.outcomeText, referredTo: o.outcome === "referred" ? (o.referredTo ?? null) : null, closedOn: o.closedOn },
  };
}
