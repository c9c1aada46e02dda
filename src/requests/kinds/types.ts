// The contract every request kind fulfils (the kinds themselves are listed once, in index.ts).
import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";

/** One element's state in Slack's `view.state.values`. */
export interface SlackStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_user?: string | null;
}

/** Slack's `view.state.values`: block_id -> action_id -> state. */
export type FormValues = Record<string, Record<string, SlackStateValue>>;

/** The validated, JSON-serialisable data of one kind (dates as "YYYY-MM-DD" strings). */
export type RequestData = Record<string, unknown>;

/** One necessary measure (必要な措置) the chief completes after final approval. */
export interface MeasureDef {
  key: string;
  label: (lang: Lang) => string;
}

/** APPI Art.29: what the provision record of a third-party provision holds. */
export interface ProvisionRecordData {
  recipient: string;
  dataSubjects: string;
  items: string;
  basis: string;
  consentOrProvisionDate: string;
  retentionYears: 1 | 3;
  /** what the record's contents follow (施行規則 第20条1項): consent (1項2号) or opt-out (1項1号) */
  recordBasis: "consent" | "optout";
}

/** A field's texts from the catalogue. */
export interface FieldText {
  label: string;
  hint?: string;
  placeholder?: string;
}

/** A text of a catalogue: a string, or a function of its parts giving one. */
type Text = string | ((...parts: never[]) => string);

/**
 * What each kind's catalogue (its folder's messages.ts) holds at least, in both languages:
 * its name and description (the kind picker, titles), its form's field texts and option
 * texts, the errors of its schema and the labels of its own measures (the measures several
 * kinds share are in ./messages.ts).
 */
export interface KindTexts {
  name: string;
  description: string;
  fields: Record<string, FieldText>;
  options: Record<string, Record<string, string>>;
  errors: Record<string, Text>;
  measures: Record<string, Text>;
  /** and whatever else the kind's summary needs (summary labels, short names, …) */
  [section: string]: unknown;
}

export type ParseResult = { ok: true; data: RequestData } | { ok: false; errors: Record<string, string> };

/** One request kind, defined in its own folder (purpose/, method/, …) and listed once in index.ts. */
export interface KindDefinition<K extends string = string> {
  /** the id: stored in Request.kind, typed after `/privacy request`, a settings key under `approvals` */
  kind: K;
  /** the rule's article(s), as written in Japanese: "第4条", "第5条・第8条" */
  article: string;
  /** its catalogue (its folder's messages.ts) */
  messages(lang: Lang): KindTexts;
  name(lang: Lang): string;
  description(lang: Lang): string;
  /** Input blocks of the form, prefilled with `initial` (a stored RequestData from an earlier version) when given. */
  formBlocks(lang: Lang, initial?: RequestData): KnownBlock[];
  /** Validates the submitted state. `today` is "YYYY-MM-DD" in Asia/Tokyo. */
  parse(values: FormValues, lang: Lang, today: string): ParseResult;
  /** Every field of a stored version, labelled and in words (the version modal, the change between versions). */
  readable(data: RequestData, lang: Lang): { id: string; label: string; value: string }[];
  /**
   * The form's free-text fields (their names): what a person typed there is kept on the
   * request's version, never in the audit chain (see auditData in requests/flows.ts).
   */
  textFields: readonly string[];
  /** One-line summary (<= 120 chars) for titles and lists. */
  title(data: RequestData): string;
  /** Label/value pairs for the approval message (<= 10 pairs; values truncated to fit 2000 chars). */
  summaryFields(data: RequestData, lang: Lang): { label: string; value: string }[];
  /** The checklist of necessary measures after final approval, depending on the data. */
  measures(data: RequestData): MeasureDef[];
  /**
   * For `provide` only: the APPI Art.29 provision record to create when the request becomes
   * effective; null when the law requires none (Art.29(1) proviso: an Art.27(1) exception).
   */
  provisionRecord?(data: RequestData): ProvisionRecordData | null;
}
