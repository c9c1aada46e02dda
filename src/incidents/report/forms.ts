// The two modals' answers, validated with zod: what Slack sends (view.state.values) in,
// the incident's report or assessment out, or field errors keyed by block_id.
import { z } from "zod";
import type { Lang } from "../../platform/i18n.js";
import { readModal, type ModalValues } from "../../platform/slack/modal.js";
import { AssessBlocks, INPUT, ReportBlocks } from "../ids.js";
import { TRI_STATES, type Assessment, type TriState } from "../rules.js";
import { AFFECTED_ESTIMATES, incidentSlackMessages, ONGOING, type AffectedEstimate, type Ongoing } from "../slackMessages.js";
import { momentAt } from "../../platform/day.js";
import { detectPii } from "../../platform/pii/index.js";
import { factsOf, INTAKE_FIELDS, intakeProblems, intakeShape, type IncidentFacts } from "../intake/facts.js";

/** view.state.values as Slack sends it. */
export type ViewValues = ModalValues;

export interface IncidentReportInput {
  summary: string;
  discoveredAt: Date;
  dataDescription: string;
  affectedEstimate: AffectedEstimate;
  ongoing: Ongoing;
  asProcessor: boolean;
  contact: string | null;
  /** 通信の秘密 (a carrier's form only; null when not asked) */
  secrecyInvolved: TriState | null;
  /** the regulator form's facts and a partner's report (intake/facts.ts), each optional */
  facts: IncidentFacts;
}

export interface AssessmentInput {
  assessment: Assessment;
  dataItems: string | null;
  cause: string | null;
  reason: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export function parseReport(v: ViewValues, lang: Lang, now: Date, timeZone: string): Parsed<IncidentReportInput> {
  const p = incidentSlackMessages(lang).problem;
  const text = (max: number) => z.string({ error: p.required }).trim().min(1, p.required).max(max, p.tooLong(max));
  const schema = z
    .object({
      [ReportBlocks.summary]: text(3000),
      [ReportBlocks.discoveredOn]: z.string({ error: p.required }).regex(/^\d{4}-\d{2}-\d{2}$/, p.required),
      [ReportBlocks.discoveredTime]: z.string({ error: p.badTime }).regex(/^\d{2}:\d{2}$/, p.badTime),
      // what kinds of data, never the data itself: it would be copied to the thread and the DMs
      [ReportBlocks.data]: text(1000).refine((x) => detectPii(x).length === 0, { message: p.categoriesNotValues }),
      [ReportBlocks.affected]: z.enum(AFFECTED_ESTIMATES, { error: p.required }),
      [ReportBlocks.ongoing]: z.enum(ONGOING, { error: p.required }),
      [ReportBlocks.processor]: z.enum(["yes", "no"], { error: p.required }),
      [ReportBlocks.contact]: z.string().trim().max(200, p.tooLong(200)).nullish(),
      [ReportBlocks.secrecy]: z.enum(TRI_STATES, { error: p.required }).nullish(),
      ...intakeShape(),
    })
    .superRefine((o, ctx) => {
      if (momentAt(o.discoveredOn, o.discoveredTime, timeZone).getTime() > now.getTime()) {
        ctx.addIssue({ code: "custom", path: [ReportBlocks.discoveredOn], message: p.future });
      }
      for (const [block, message] of intakeProblems(o, o.discoveredOn, lang)) ctx.addIssue({ code: "custom", path: [block], message });
    });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [ReportBlocks.summary]: "text",
      [ReportBlocks.discoveredOn]: "date",
      [ReportBlocks.discoveredTime]: "time",
      [ReportBlocks.data]: "text",
      [ReportBlocks.affected]: "option",
      [ReportBlocks.ongoing]: "option",
      [ReportBlocks.processor]: "option",
      [ReportBlocks.contact]: "text",
      [ReportBlocks.secrecy]: "option",
      ...INTAKE_FIELDS,
    },
    schema,
  });
  if (!r.ok) return r;
  const o = r.data;
  return {
    ok: true,
    value: {
      summary: o.summary,
      discoveredAt: momentAt(o.discoveredOn, o.discoveredTime, timeZone),
      dataDescription: o.data,
      affectedEstimate: o.affected,
      ongoing: o.ongoing,
      asProcessor: o.processor === "yes",
      contact: o.contact ? o.contact : null,
      secrecyInvolved: o.secrecy ?? null,
      facts: factsOf(o),
    },
  };
}

/**
 * The assessment. The "more than 1,000 people, or possibly more" box is 第7条4号 with its
 * おそれ: ticked, it counts whatever the number known so far; a number over 1,000 needs it
 * ticked. A reassessment needs a reason.
 */
export function parseAssessment(v: ViewValues, lang: Lang, reassessing: boolean): Parsed<AssessmentInput> {
  const p = incidentSlackMessages(lang).problem;
  const optional = (max: number) => z.string().trim().max(max, p.tooLong(max)).nullish();
  const schema = z
    .object({
      [AssessBlocks.categories]: z.array(z.enum(["sensitive", "financial-loss", "malicious", "over-1000"])),
      [AssessBlocks.encrypted]: z.enum(["yes", "no"], { error: p.required }),
      [AssessBlocks.processor]: z.enum(["yes", "no"], { error: p.required }),
      [AssessBlocks.affectedCount]: z
        .string()
        .trim()
        .regex(/^(\d{1,9})?$/, p.badCount)
        .nullish(),
      [AssessBlocks.dataItems]: optional(1000).refine((x) => !x || detectPii(x).length === 0, { message: p.categoriesNotValues }),
      [AssessBlocks.cause]: optional(2000),
      [AssessBlocks.reason]: optional(1000),
      [AssessBlocks.secrecy]: z.enum(TRI_STATES, { error: p.required }).nullish(),
      [AssessBlocks.tracks]: z.array(z.enum(["my-number", "specified-user-info"])).nullish(),
    })
    .superRefine((o, ctx) => {
      // 第7条4号 counts what 発生したおそれ: the box may be ticked with a smaller or no number
      // known so far ("may exceed 1,000"); a number over 1,000 with the box unticked contradicts it
      const count = o.affectedCount ? Number(o.affectedCount) : null;
      const over = o.categories.includes("over-1000");
      if (count !== null && count > 1000 && !over) ctx.addIssue({ code: "custom", path: [AssessBlocks.affectedCount], message: p.countContradicts });
      if (reassessing && !o.reason) ctx.addIssue({ code: "custom", path: [AssessBlocks.reason], message: p.reasonNeeded });
    });
  const r = readModal(v, {
    action: INPUT,
    lang,
    fields: {
      [AssessBlocks.categories]: "options",
      [AssessBlocks.encrypted]: "option",
      [AssessBlocks.processor]: "option",
      [AssessBlocks.affectedCount]: "text",
      [AssessBlocks.dataItems]: "text",
      [AssessBlocks.cause]: "text",
      [AssessBlocks.reason]: "text",
      [AssessBlocks.secrecy]: "option",
      [AssessBlocks.tracks]: "options",
    },
    schema,
  });
  if (!r.ok) return r;
  const o = r.data;
  const c = new Set(o.categories);
  return {
    ok: true,
    value: {
      assessment: {
        sensitive: c.has("sensitive"),
        financialLoss: c.has("financial-loss"),
        malicious: c.has("malicious"),
        affectedCount: o.affectedCount ? Number(o.affectedCount) : null,
        mayExceedThousand: c.has("over-1000"),
        stronglyEncrypted: o.encrypted === "yes",
        asProcessor: o.processor === "yes",
        // the further tracks (tracks.ts): 通信の秘密 only where asked (a carrier)
        ...(o.secrecy ? { secrecy: o.secrecy } : {}),
        myNumber: o.tracks?.includes("my-number") ? "yes" : "no",
        specifiedUserInfo: o.tracks?.includes("specified-user-info") ? "yes" : "no",
      },
      dataItems: o.dataItems || null,
      cause: o.cause || null,
      reason: o.reason || null,
    },
  };
}
