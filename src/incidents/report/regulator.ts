// The draft of the report to the regulator (速報 or 確報): the nine items of 施行規則
// 第8条1項 as Markdown, Japanese by default (the PPC's language), English for staff who
// read it. A preliminary report carries what is known at the time (第8条1項), so a
// missing item reads 未確定; in a final report it reads as missing and
// missingReportItems() tells the flow what to ask for. Pure: no clock, no database.
import type { Lang } from "../../platform/i18n.js";
import { formatDue, incidentMessages, REPORT_ITEMS, type ReportItem } from "../messages.js";
import { categoriesOf, deadlines, reportability, type Assessment, type DeadlineOptions } from "../rules.js";
import { factPairs, type IncidentFacts } from "../intake/facts.js";

/** What the report needs of an incident. Text not written yet is null (or blank). */
export interface IncidentRecord {
  /** e.g. INC-2026-0001 */
  code: string;
  /** when the company learned of it (the deadlines count from here) */
  discoveredAt: Date;
  /** when it was reported internally (the bot's report) */
  reportedAt: Date;
  summary: string | null;
  /** the items of personal data concerned, e.g. 氏名, 住所, クレジットカード番号 */
  dataItems: string[];
  affectedCount: number | null;
  cause: string | null;
  secondaryHarm: string | null;
  responseToPeople: string | null;
  publication: string | null;
  recurrencePrevention: string | null;
  other: string | null;
  assessment: Assessment;
  /** the regulator form's facts (occurrence day, how it came to light, kind, medium, a partner's report) */
  facts?: IncidentFacts;
}

export type ReportKind = "preliminary" | "final";

const blank = (s: string | null) => s === null || s.trim() === "";

function isMissing(incident: IncidentRecord, item: ReportItem): boolean {
  if (item === "dataItems") return incident.dataItems.filter((d) => d.trim() !== "").length === 0;
  if (item === "affectedCount") return incident.affectedCount === null;
  return blank(incident[item]);
}

/** The items not written yet (a final report needs all nine). */
export function missingReportItems(incident: IncidentRecord): ReportItem[] {
  return REPORT_ITEMS.filter((item) => isMissing(incident, item));
}

/** The regulator report draft as Markdown. */
export function regulatorReportMarkdown(
  incident: IncidentRecord,
  kind: ReportKind,
  lang: Lang = "ja",
  opts: DeadlineOptions = {},
  /** who receives it (tracks.ts: the bureau for a carrier, the PPC otherwise), in words */
  to: string | null = null,
): string {
  const m = incidentMessages(lang);
  const r = m.report;
  const timeZone = opts.timeZone ?? "Asia/Tokyo";
  const when = (d: Date) => formatDue(d, lang, timeZone);
  const decision = reportability(incident.assessment);
  const categories = categoriesOf(incident.assessment);
  const due = deadlines(incident.discoveredAt, incident.assessment, opts);
  const dueAt = kind === "preliminary" ? due.preliminaryReportDueAt : due.finalReportDueAt;

  const out: string[] = [`# ${r.title(kind)}`, "", `${r.basis(kind)}`, ""];
  if (to) out.push(`- ${r.to}: ${to}`);
  out.push(`- ${r.code}: ${incident.code}`);
  out.push(`- ${r.discoveredAt}: ${when(incident.discoveredAt)}`);
  out.push(`- ${r.reportedAt}: ${when(incident.reportedAt)}`);
  if (incident.facts) out.push(...factPairs(incident.facts, lang).map(([k, v]) => `- ${k}: ${v}`));
  out.push(`- ${r.categories}: ${categories.length ? categories.map((c) => m.reason[c]).join(lang === "ja" ? "、" : "; ") : r.noCategory}`);
  if (dueAt) out.push(`- ${r.due}: ${when(dueAt)}`);
  const notes: string[] = [];
  if (incident.assessment.asProcessor) notes.push(r.processorNote);
  if (incident.assessment.stronglyEncrypted && categories.length) notes.push(r.encryptedNote);
  if (decision.undetermined) notes.push(r.undeterminedNote);
  else if (decision.reportedBy === null) notes.push(r.notReportableNote);
  if (notes.length) out.push("", ...notes.map((n) => `> ${n}`));

  const missing = kind === "preliminary" ? r.notYetKnown : r.missing;
  REPORT_ITEMS.forEach((item, i) => {
    out.push("", `## ${i + 1}. ${r.item[item]}`, "");
    if (isMissing(incident, item)) out.push(missing);
    else if (item === "dataItems") out.push(...incident.dataItems.filter((d) => d.trim() !== "").map((d) => `- ${d.trim()}`));
    else if (item === "affectedCount") out.push(m.people(incident.affectedCount!));
    else out.push(incident[item]!.trim());
  });
  return `${out.join("\n")}\n`;
}
