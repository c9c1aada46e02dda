// Where the other party is (APPI Art.28), asked by the three kinds that hand data to someone
// else: provide (第16条), entrust (第15条) and joint (第17条). The route decides what is lawful:
// (a) a country the PPC designates (the EU/EEA and the UK) or (b) a party with a 基準適合体制
// (施行規則 第16条): Art.27 applies as in Japan, and for (b) the Art.28(3) measures follow
// (施行規則 第18条); (c) any other party abroad: Art.28(1) replaces Art.27, so only the person's
// consent (with the 施行規則 第17条 information) or an Art.27(1) exception will do: opt-out,
// entrustment and joint use are refused.
import { MAX, type FieldSpec } from "./blocks.js";
import { field, str } from "./define.js";
import { kindMessages } from "./messages.js";
import type { FieldText, MeasureDef, RequestData } from "./types.js";
import type { Lang } from "../../platform/i18n.js";

/** The routes of Art.28(1): in Japan, (a) designated country, (b) 基準適合体制, (c) anything else abroad. */
export const DESTINATIONS = ["domestic", "designated", "equivalent", "other"] as const;
export type Destination = (typeof DESTINATIONS)[number];

export const AbroadFields = { destination: "destination", country: "country" } as const;

/** The two inputs, in the form's order. */
export const abroadSpecs: readonly FieldSpec[] = [
  { type: "radio", id: AbroadFields.destination, options: DESTINATIONS },
  { type: "text", id: AbroadFields.country, max: MAX.name, optional: true },
];

/** Their texts, for a kind's catalogue (fields and options). */
export function abroadTexts(lang: Lang): { fields: { destination: FieldText; country: FieldText }; options: { destination: Record<Destination, string> } } {
  const a = kindMessages(lang).abroad;
  return { fields: { destination: a.destination, country: a.country }, options: { destination: a.options } };
}

export const isAbroad = (d: unknown): boolean => d === "designated" || d === "equivalent" || d === "other";

/** Art.28(1) "(c)": abroad, neither a designated country nor a 基準適合体制. */
export const needsArt28Consent = (d: unknown): boolean => d === "other";

/** The stored route of a request: the new field, or (older provide requests) the yes/no of `foreign`. */
export function destinationOf(data: RequestData): Destination | "abroad_unknown" | "" {
  const d = str(data, AbroadFields.destination);
  if ((DESTINATIONS as readonly string[]).includes(d)) return d as Destination;
  if (data.foreign === true) return "abroad_unknown";
  if (data.foreign === false) return "domestic";
  return "";
}

/** The summary pair: where it is and what the route means. */
export function abroadSummary(data: RequestData, lang: Lang): { label: string; value: string } {
  const m = kindMessages(lang);
  const s = m.abroad.summary;
  const country = str(data, AbroadFields.country);
  const d = destinationOf(data);
  const value =
    d === "domestic"
      ? s.domestic
      : d === "designated"
        ? s.designated(country)
        : d === "equivalent"
          ? s.equivalent(country)
          : d === "other"
            ? s.other(country)
            : d === "abroad_unknown"
              ? s.legacyAbroad(country)
              : "";
  return field(s.label, value, m.common.none);
}

/** (b) 基準適合体制: the Art.28(3) measures (施行規則 第18条), as measures the chief completes. */
export function equivalentMeasures(data: RequestData): MeasureDef[] {
  if (destinationOf(data) !== "equivalent") return [];
  const country = str(data, AbroadFields.country);
  return [
    { key: "equivalent_checks", label: (lang) => kindMessages(lang).measures.equivalent_checks(country) },
    { key: "equivalent_info", label: (lang) => kindMessages(lang).measures.equivalent_info },
  ];
}
