// The regulator form's facts an incident's report may carry (issue 13), each optional
// while the reporter does not know it: the day it happened (apart from the day the company
// learned of it), how it came to light, the kind of event (漏えい・滅失・毀損, APPI Art.26(1)),
// the medium, and whether it happened at a business partner that reported it to the company
// (seed 000 第9条: the company's clock starts when it learns). Pure: the modal's values in,
// the facts or field errors out, and the lines that show them.
import { z } from "zod";
import type { Day } from "../../platform/day.js";
import type { Lang } from "../../platform/i18n.js";
import { intakeMessages } from "./messages.js";
import { detectPii } from "../../platform/pii/index.js";
import { readModal, type ModalValues } from "../../platform/slack/modal.js";

export const DISCOVERY_METHODS = ["internal-check", "customer", "partner", "external", "other"] as const;
export type DiscoveryMethod = (typeof DISCOVERY_METHODS)[number];
/** 漏えい・滅失・毀損 (APPI Art.26(1)) */
export const EVENT_KINDS = ["leak", "loss", "damage"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const MEDIA = ["electronic", "paper", "both"] as const;
export type Medium = (typeof MEDIA)[number];
export const WHERE = ["own", "partner"] as const;
export type WhereItHappened = (typeof WHERE)[number];

/** The input blocks the intake adds to the report modal (block_id; the element's action_id is INPUT). */
export const IntakeBlocks = {
  occurredOn: "occurredOn",
  discoveryMethod: "discoveryMethod",
  eventKinds: "eventKinds",
  medium: "medium",
  where: "where",
  partnerName: "partnerName",
} as const;

/** The facts as the incident holds them (columns of Incident); null or empty while unknown. */
export interface IncidentFacts {
  occurredOn: Day | null;
  discoveryMethod: DiscoveryMethod | null;
  eventKinds: EventKind[];
  medium: Medium | null;
  /** the business partner that reported it (seed 000 第9条), or null when it happened at the company */
  partnerName: string | null;
}

export const NO_FACTS: IncidentFacts = { occurredOn: null, discoveryMethod: null, eventKinds: [], medium: null, partnerName: null };

/** How readModal reads the intake's fields. */
export const INTAKE_FIELDS = {
  [IntakeBlocks.occurredOn]: "date",
  [IntakeBlocks.discoveryMethod]: "option",
  [IntakeBlocks.eventKinds]: "options",
  [IntakeBlocks.medium]: "option",
  [IntakeBlocks.where]: "option",
  [IntakeBlocks.partnerName]: "text",
} as const;

/** The intake's fields of the report schema, all optional. */
export function intakeShape() {
  return {
    [IntakeBlocks.occurredOn]: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullish(),
    [IntakeBlocks.discoveryMethod]: z.enum(DISCOVERY_METHODS).nullish(),
    [IntakeBlocks.eventKinds]: z.array(z.enum(EVENT_KINDS)).nullish(),
    [IntakeBlocks.medium]: z.enum(MEDIA).nullish(),
    [IntakeBlocks.where]: z.enum(WHERE).nullish(),
    [IntakeBlocks.partnerName]: z.string().trim().max(200).nullish(),
  };
}

type IntakeRaw = {
  occurredOn?: string | null;
  discoveryMethod?: DiscoveryMethod | null;
  eventKinds?: EventKind[] | null;
  medium?: Medium | null;
  where?: WhereItHappened | null;
  partnerName?: string | null;
};

/** The checks across the intake's fields and the day the company learned of it: [block, message] pairs. */
export function intakeProblems(o: IntakeRaw, discoveredOn: Day, lang: Lang): [string, string][] {
  const p = intakeMessages(lang).problem;
  const out: [string, string][] = [];
  if (o.occurredOn && o.occurredOn > discoveredOn) out.push([IntakeBlocks.occurredOn, p.occurredAfterDiscovery]);
  const name = o.partnerName?.trim() ?? "";
  if (o.where === "partner" && !name) out.push([IntakeBlocks.partnerName, p.partnerNeeded]);
  if (o.where !== "partner" && name) out.push([IntakeBlocks.partnerName, p.partnerOnlyAtPartner]);
  // a company's name, never a person's contact details: it is shown on the post
  if (name && detectPii(name).length) out.push([IntakeBlocks.partnerName, p.partnerNotPersonal]);
  return out;
}

/** The facts from the checked values. */
export function factsOf(o: IntakeRaw): IncidentFacts {
  const name = o.partnerName?.trim() ?? "";
  return {
    occurredOn: o.occurredOn || null,
    discoveryMethod: o.discoveryMethod ?? (o.where === "partner" ? "partner" : null),
    eventKinds: [...new Set(o.eventKinds ?? [])],
    medium: o.medium ?? null,
    partnerName: o.where === "partner" && name ? name : null,
  };
}

/** The facts from an incident row. */
export function factsOfRow(i: {
  occurredOn: Date | null;
  discoveryMethod: string | null;
  eventKinds: string[];
  medium: string | null;
  partnerName: string | null;
}): IncidentFacts {
  return {
    occurredOn: i.occurredOn ? i.occurredOn.toISOString().slice(0, 10) : null,
    discoveryMethod: (i.discoveryMethod as DiscoveryMethod | null) ?? null,
    eventKinds: i.eventKinds as EventKind[],
    medium: (i.medium as Medium | null) ?? null,
    partnerName: i.partnerName,
  };
}

/** The facts as "label: value" pairs, for the incident's post, its status and the report draft; unknown ones say so. */
export function factPairs(f: IncidentFacts, lang: Lang): [string, string][] {
  const m = intakeMessages(lang);
  const s = m.shown;
  const sep = lang === "ja" ? "・" : ", ";
  const pairs: [string, string][] = [
    [s.occurredOn, f.occurredOn ? f.occurredOn.replaceAll("-", "/") : s.unknown],
    [s.discoveryMethod, f.discoveryMethod ? m.modal.discoveryOption[f.discoveryMethod] : s.unknown],
    [s.eventKinds, f.eventKinds.length ? f.eventKinds.map((k) => m.modal.eventOption[k]).join(sep) : s.unknown],
    [s.medium, f.medium ? m.modal.mediumOption[f.medium] : s.unknown],
  ];
  if (f.partnerName) pairs.push([s.partner, s.partnerText(f.partnerName)]);
  return pairs;
}

// ---- completing the facts later (the report-items modal) ------------------------------

/** The facts a responder completes later in 「報告書の項目を記入」 (the partner is decided at report time). */
export const LATER_FACTS = ["occurredOn", "discoveryMethod", "eventKinds", "medium"] as const;
export type LaterFact = (typeof LATER_FACTS)[number];

/** The four facts from the report-items modal, or field errors (an occurrence after the day the company learned of it). */
export function parseLaterFacts(
  values: ModalValues,
  lang: Lang,
  discoveredOn: Day,
): { ok: true; value: Pick<IncidentFacts, LaterFact> } | { ok: false; errors: Record<string, string> } {
  const shape = intakeShape();
  const schema = z
    .object({
      [IntakeBlocks.occurredOn]: shape[IntakeBlocks.occurredOn],
      [IntakeBlocks.discoveryMethod]: shape[IntakeBlocks.discoveryMethod],
      [IntakeBlocks.eventKinds]: shape[IntakeBlocks.eventKinds],
      [IntakeBlocks.medium]: shape[IntakeBlocks.medium],
    })
    .superRefine((o, ctx) => {
      for (const [block, message] of intakeProblems({ ...o, where: null, partnerName: null }, discoveredOn, lang))
        ctx.addIssue({ code: "custom", path: [block], message });
    });
  const r = readModal(values, {
    action: "value",
    lang,
    fields: {
      [IntakeBlocks.occurredOn]: "date",
      [IntakeBlocks.discoveryMethod]: "option",
      [IntakeBlocks.eventKinds]: "options",
      [IntakeBlocks.medium]: "option",
    },
    schema,
  });
  if (!r.ok) return r;
  return {
    ok: true as const,
    value: {
      occurredOn: r.data.occurredOn || null,
      discoveryMethod: r.data.discoveryMethod ?? null,
      eventKinds: [...new Set(r.data.eventKinds ?? [])],
      medium: r.data.medium ?? null,
    },
  };
}

export interface FactChange {
  fact: LaterFact;
  from: string | null;
  to: string | null;
}

/** The facts whose value changes (as text: a day, a code, codes joined by commas). */
export function factChanges(before: IncidentFacts, after: Pick<IncidentFacts, LaterFact>): FactChange[] {
  const text = (f: LaterFact, x: Pick<IncidentFacts, LaterFact>) =>
    f === "eventKinds" ? (x.eventKinds.length ? [...x.eventKinds].sort().join(",") : null) : x[f];
  return LATER_FACTS.filter((f) => text(f, before) !== text(f, after)).map((f) => ({ fact: f, from: text(f, before), to: text(f, after) }));
}
