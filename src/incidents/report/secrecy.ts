// The draft of the report of a leak of 通信の秘密 (電気通信事業法 第28条, 同法施行規則 第57条):
// the 第一報 (速やかに: what is known at the time) and the 詳報 (within 30 days of learning of
// it), addressed to the Minister, as Markdown in Japanese (the ministry's language) or
// English. Its own items, not the APPI's nine: corporate name, registration number,
// summary with the day it happened, the day it was found and how, what leaked, the number
// of people, cause, secondary harm, publication, response to those affected, recurrence
// prevention. Pure: no clock, no database.
import { formatDateTime, type Lang } from "../../platform/i18n.js";
import { BUREAUS } from "../bureaus.js";
import { deadlines, type DeadlineOptions } from "../rules.js";
import type { CompanyProfile } from "../../settings.js";
import type { IncidentRecord } from "./regulator.js";
import { intakeMessages } from "../intake/messages.js";
import { secrecyReportMessages, SECRECY_ITEMS, type SecrecyItem } from "./secrecyMessages.js";

export type SecrecyReportKind = "first" | "detailed";

/** The APPI record; the day it happened and how it was found come from its facts (intake/facts.ts), null while unknown. */
export type SecrecyRecord = IncidentRecord;

const blank = (s: string | null | undefined) => s === null || s === undefined || s.trim() === "";

function value(r: SecrecyRecord, item: SecrecyItem, p: Pick<CompanyProfile, "name" | "registrationNumber">, lang: Lang, timeZone: string): string | null {
  const m = secrecyReportMessages(lang);
  switch (item) {
    case "corporateName":
      return p.name;
    case "registrationNumber":
      return p.registrationNumber;
    case "summary":
      return blank(r.summary) ? null : r.summary!.trim();
    case "occurredAt":
      return r.facts?.occurredOn ? r.facts.occurredOn.replaceAll("-", "/") : null;
    case "discoveredAt":
      return formatDateTime(r.discoveredAt, lang, timeZone);
    case "howFound":
      return r.facts?.discoveryMethod ? intakeMessages(lang).modal.discoveryOption[r.facts.discoveryMethod] : null;
    case "whatLeaked": {
      const items = r.dataItems.filter((d) => d.trim() !== "");
      return items.length ? items.map((d) => `- ${d.trim()}`).join("\n") : null;
    }
    case "affectedCount":
      return r.affectedCount === null ? null : m.people(r.affectedCount);
    case "cause":
      return blank(r.cause) ? null : r.cause!.trim();
    case "secondaryHarm":
      return blank(r.secondaryHarm) ? null : r.secondaryHarm!.trim();
    case "publication":
      return blank(r.publication) ? null : r.publication!.trim();
    case "responseToPeople":
      return blank(r.responseToPeople) ? null : r.responseToPeople!.trim();
    case "recurrencePrevention":
      return blank(r.recurrencePrevention) ? null : r.recurrencePrevention!.trim();
  }
}

/** The items not written yet (the 詳報 needs all of them). */
export function missingSecrecyItems(r: SecrecyRecord, p: Pick<CompanyProfile, "name" | "registrationNumber">): SecrecyItem[] {
  return SECRECY_ITEMS.filter((item) => value(r, item, p, "ja", "Asia/Tokyo") === null);
}

/** The 第28条 report draft as Markdown. */
export function secrecyReportMarkdown(
  r: SecrecyRecord,
  kind: SecrecyReportKind,
  profile: Pick<CompanyProfile, "name" | "registrationNumber" | "bureau">,
  lang: Lang = "ja",
  opts: DeadlineOptions = {},
): string {
  const m = secrecyReportMessages(lang);
  const timeZone = opts.timeZone ?? "Asia/Tokyo";
  const due = deadlines(r.discoveredAt, { ...r.assessment, telecom: true, secrecy: r.assessment.secrecy ?? "unknown" }, opts);
  const dueAt = kind === "first" ? due.secrecyFirstReportDueAt : due.secrecyDetailedReportDueAt;
  const out: string[] = [`# ${m.title(kind)}`, "", m.basis(kind), ""];
  out.push(`- ${m.to}: ${m.minister(profile.bureau ? BUREAUS[profile.bureau][lang] : null)}`);
  out.push(`- ${m.code}: ${r.code}`);
  if (dueAt) out.push(`- ${m.due}: ${formatDateTime(dueAt, lang, timeZone)}${kind === "first" ? `（${m.companySetting}）` : ""}`);
  if (r.assessment.secrecy === "unknown") out.push("", `> ${m.unknownNote}`);
  const missing = kind === "first" ? m.notYetKnown : m.missing;
  SECRECY_ITEMS.forEach((item, i) => {
    out.push("", `## ${i + 1}. ${m.item[item]}`, "");
    out.push(value(r, item, profile, lang, timeZone) ?? missing);
  });
  return `${out.join("\n")}\n`;
}
