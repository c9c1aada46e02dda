// What an effective request changes in the register, one small pure function per kind:
// a purpose request (第4条) creates an entry or amends the one the requester chose; an
// entrustment (第15条) links its processor; a third-party provision (第16条) and a joint use
// (第17条) add their recipients. Other kinds change nothing. No database, no clock.
import { bandOf, emptyEntry, widerBand, type EntryFields, type PartyLink } from "./rules.js";
import { registerMessages } from "./messages.js";
import { CHANNEL_LANG } from "../platform/i18n.js";

/** What the register needs of the request that became effective. */
export interface EffectiveRequestForRegister {
  code: string;
  kind: string;
  title: string;
  departmentId: string;
  requesterId: string;
  data: Record<string, unknown>;
}

const str = (d: Record<string, unknown>, k: string): string => (typeof d[k] === "string" ? (d[k] as string).trim() : "");

/** Appends a text (a new line) unless the entry says it already. */
function appendText(before: string, add: string): string {
  if (!add) return before;
  if (!before) return add;
  return before.split("\n").includes(add) ? before : `${before}\n${add}`;
}

const addOnce = <T>(list: T[], item: T, same: (a: T) => boolean): T[] => (list.some(same) ? list : [...list, item]);

/** The country of a request abroad (APPI Art.28's `destination`), added to the entry's countries. */
function withCountry(countries: string[], d: Record<string, unknown>): string[] {
  const abroad = d.destination === "designated" || d.destination === "equivalent" || d.destination === "other" || d.foreign === true;
  const c = str(d, "country");
  return abroad && c && !countries.includes(c) ? [...countries, c] : countries;
}

/** The register's texts are the company's record: kept in the channel language (Japanese). */
const t = () => registerMessages(CHANNEL_LANG).fromRequest;

/** 第4条: a new purpose. The entry is the request's (new) or the chosen one, amended. */
export function fromPurpose(r: EffectiveRequestForRegister, existing: EntryFields | null): EntryFields {
  const d = r.data;
  const base = existing ?? { ...emptyEntry(r.departmentId, r.requesterId), name: r.title.slice(0, 150) };
  const m = t();
  const retentionKey = str(d, "retention");
  const retention = retentionKey
    ? appendText("", m.retention(m.retentionOptions[retentionKey as keyof typeof m.retentionOptions] ?? retentionKey, str(d, "retentionDetails")))
    : "";
  const subjects = str(d, "dataSubjects");
  const collection = str(d, "collection");
  return {
    ...base,
    purposes: appendText(base.purposes, str(d, "purpose")),
    purposeRequests: base.purposeRequests.includes(r.code) ? base.purposeRequests : [...base.purposeRequests, r.code],
    dataItems: appendText(base.dataItems, str(d, "dataItems")),
    sensitive: base.sensitive || d.sensitive === true,
    source: appendText(base.source, subjects ? (m.subjects[subjects as keyof typeof m.subjects] ?? subjects) : ""),
    collectionMethod: appendText(base.collectionMethod, collection ? (m.collection[collection as keyof typeof m.collection] ?? collection) : ""),
    // the entry's retention is the longest its purposes need: a new purpose's period is added to it, never replaces it
    retention: appendText(base.retention, retention),
  };
}

/** 第15条: the processor is linked (with its Processor row), the country abroad added. */
export function fromEntrust(r: EffectiveRequestForRegister, existing: EntryFields | null, processorId: string | null): EntryFields {
  const d = r.data;
  const base = existing ?? { ...emptyEntry(r.departmentId, r.requesterId), name: r.title.slice(0, 150), dataItems: str(d, "dataItems") };
  const link: PartyLink = { code: r.code, kind: "entrust", name: str(d, "processorName") || r.code, ...(processorId ? { processorId } : {}) };
  return {
    ...base,
    dataItems: existing ? base.dataItems : appendText(base.dataItems, str(d, "dataItems")),
    peopleBand: widerBand(base.peopleBand, bandOf(d.headcount)),
    processors: addOnce(base.processors, link, (p) => p.code === r.code),
    countries: withCountry(base.countries, d),
  };
}

/** 第16条 (provide) and 第17条 (joint use): a recipient. */
export function fromRecipient(r: EffectiveRequestForRegister, existing: EntryFields | null): EntryFields {
  const d = r.data;
  const kind = r.kind === "joint" ? "joint" : "provide";
  const base = existing ?? { ...emptyEntry(r.departmentId, r.requesterId), name: r.title.slice(0, 150), dataItems: str(d, "dataItems") };
  const name = (kind === "joint" ? str(d, "jointUsers") : str(d, "recipientName")) || r.code;
  return {
    ...base,
    peopleBand: widerBand(base.peopleBand, bandOf(d.headcount)),
    sensitive: base.sensitive || d.sensitive === true,
    recipients: addOnce(base.recipients, { code: r.code, kind, name: name.slice(0, 200) }, (p) => p.code === r.code),
    countries: withCountry(base.countries, d),
  };
}

/** The kinds that change the register (those whose measures include ledger registration, and entrustment). */
export const REGISTER_KINDS = ["purpose", "entrust", "provide", "joint"] as const;

/** The entry after the request, or null when the kind does not touch the register. */
export function entryAfterRequest(r: EffectiveRequestForRegister, existing: EntryFields | null, processorId: string | null): EntryFields | null {
  switch (r.kind) {
    case "purpose":
      return fromPurpose(r, existing);
    case "entrust":
      return fromEntrust(r, existing, processorId);
    case "provide":
    case "joint":
      return fromRecipient(r, existing);
    default:
      return null;
  }
}

/** The entry the requester chose on the form (`registerEntry`, REG-…), if any. */
export function chosenEntry(data: Record<string, unknown>): string | null {
  const c = str(data, "registerEntry").toUpperCase();
  return /^REG-\d{4}-\d{4,}$/.test(c) ? c : null;
}
