// Items 5-9 of the regulator report (施行規則 第8条1項5-9号) as the incident holds them:
// 二次被害, 本人への対応, 公表, 再発防止策 (the same entry closing requires: one column,
// Incident.recurrencePrevention), その他. Pure: the modal's answers in, the values and
// what changed out.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Lang } from "../../platform/i18n.js";
import { readModal } from "../../platform/slack/modal.js";
import { DetailsBlocks, INPUT } from "../ids.js";
import type { Parsed, ViewValues } from "../report/forms.js";
import { incidentSlackMessages } from "../slackMessages.js";

export const DETAIL_FIELDS = ["secondaryHarm", "responseToPeople", "publication", "recurrencePrevention", "otherMatters"] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];
export type IncidentDetails = Record<DetailField, string | null>;

/** The longest entry (a Slack input holds 3,000 characters). */
export const DETAIL_MAX = 3000;

export function detailsOf(i: IncidentDetails): IncidentDetails {
  return Object.fromEntries(DETAIL_FIELDS.map((f) => [f, i[f] ?? null])) as IncidentDetails;
}

/** The modal's answers: each optional, trimmed, blank is null. */
export function parseDetails(v: ViewValues, lang: Lang): Parsed<IncidentDetails> {
  const p = incidentSlackMessages(lang).problem;
  const field = z.string().trim().max(DETAIL_MAX, p.tooLong(DETAIL_MAX)).nullish();
  const schema = z.object(Object.fromEntries(DETAIL_FIELDS.map((f) => [DetailsBlocks[f], field])) as Record<DetailField, typeof field>);
  const r = readModal(v, { action: INPUT, lang, fields: Object.fromEntries(DETAIL_FIELDS.map((f) => [DetailsBlocks[f], "text" as const])), schema });
  if (!r.ok) return r;
  return { ok: true, value: Object.fromEntries(DETAIL_FIELDS.map((f) => [f, r.data[f] ? r.data[f] : null])) as IncidentDetails };
}

export interface DetailChange {
  field: DetailField;
  from: string | null;
  to: string | null;
}

/** The fields whose value changes, in the report's order. */
export function detailChanges(before: IncidentDetails, after: IncidentDetails): DetailChange[] {
  return DETAIL_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

/**
 * A short fingerprint of the five items, carried in the modal with the incident's revision:
 * a submission whose revision is stale is refused only when the items themselves changed
 * meanwhile (a task ticked or a status moved also bumps the revision).
 */
export function detailsDigest(i: IncidentDetails): string {
  return createHash("sha256")
    .update(JSON.stringify(DETAIL_FIELDS.map((f) => i[f] ?? null)))
    .digest("base64url")
    .slice(0, 16);
}

/** What the report-items modal is about (private_metadata): the incident, its revision and its items' digest when it opened. */
export interface DetailsMeta {
  id: string;
  rev: number;
  items: string;
}
