// The contract of a compliance digest section. The digest is built from sections, one per
// feature: each feature exports a DigestProvider next to its code (e.g.
// src/training/digest.ts); src/digest/ puts them together, in the weekly job and in
// `/privacy digest [week|month]`. The contract lives here so that features depend on
// the platform, not on the digest that assembles them.
// A provider uses aggregate queries (counts, group by), never loads every row: the
// digest is built in under a second with 100,000 requests and 5,000 people.
import type { Lang } from "./i18n.js";
import type { Services } from "./services.js";
import type { BusinessCalendar } from "./schedule/calendar.js";
import type { Settings } from "../settings.js";

export interface DigestContext {
  services: Services;
  calendar: BusinessCalendar;
  settings: Settings;
  /** the period the digest covers: [from, to) */
  from: Date;
  to: Date;
  /** the moment it is built (overdue is judged against it) */
  now: Date;
  lang: Lang;
}

export interface DigestSection {
  /** the section's place in the digest (lower first): requests 10, overdue 20, training 30, audits 40, processors 50, retention 55, incidents 60, subject requests 65, the audit log's anchor 90 */
  order: number;
  title: string;
  /** mrkdwn lines; an item links to its thread or record where it has one */
  lines: string[];
}

/** null (or no lines) when the section has nothing to say: only sections with content appear. */
export type DigestProvider = (ctx: DigestContext) => Promise<DigestSection | null>;
