// The two modals' answers, validated with zod: what Slack sends (view.state.values) in,
// the incident's report or assessment out, or field errors keyed by block_id.
import { z } from "zod";
import { momentAt } from "../platform/day.js";
import type { Lang } from "../platform/i18n.js";
import { AssessBlocks, INPUT, ReportBlocks } from "./ids.js";
import type { Assessment } from "./rules.js";
import { AFFECTED_ESTIMATES, incidentSlackMessages, ONGOING, type AffectedEstimate, type Ongoing } from "./slackMessages.js";

/** view.state.values as Slack sends it (only the parts read here). */
export type ViewValues = Record<
  string,
  Record<string, { value?: string | null; selected_user?: string | null; selected_date?: string | null; selected_time?: string | null; selected_option?: { value: string } | null; selected_options?: { value: string }[] }>
>;

export interface IncidentReportInput {
  summary: string;
  discoveredAt: Date;
  dataDescription: string;
  affectedEstimate: AffectedEstimate;
  ongoing: Ongoing;
  asProcessor: boolean;
  contact: string | null;
}

export interface AssessmentInput {
  assessment: Assessment;
  dataItems: string | null;
  cause: string | null;
  reason: string | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const el = (v: ViewValues, block: string) => v[block]?.[INPUT];

function errorsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "");
    if (key && !(key in out)) out[key] = i.message;
  }
  return out;
}

export function parseReport(v: ViewValues, lang: Lang, now: Date, timeZone: string): Parsed<IncidentReportInput> {
  const p = incidentSlackMessages(lang).problem;
  const text = (max: number) => z.string({ error: p.required }).trim().min(1, p.required).max(max, p.tooLong(max));
  const schema = z
    .object({
      [ReportBlocks.summary]: text(3000),
      [ReportBlocks.discoveredOn]: z.string({ error: p.required }).regex(/^\d{4}-\d{2}-\d{2}$/, p.required),
      [ReportBlocks.discoveredTime]: z.string({ error: p.badTime }).regex(/^\d{2}:\d{2}$/, p.badTime),
      [ReportBlocks.data]: text(1000),
      [ReportBlocks.affected]: z.enum(AFFECTED_ESTIMATES, { error: p.required }),
      [ReportBlocks.ongoing]: z.enum(ONGOING, { error: p.required }),
      [ReportBlocks.processor]: z.enum(["yes", "no"], { error: p.required }),
      [ReportBlocks.contact]: z.string().trim().max(200, p.tooLong(200)).nullish(),
    })
    .superRefine((o, ctx) => {
      if (momentAt(o.discoveredOn, o.discoveredTime, timeZone).getTime() > now.getTime()) {
        ctx.addIssue({ code: "custom", path: [ReportBlocks.discoveredOn], message: p.future });
      }
    });
  const r = schema.safeParse({
    [ReportBlocks.summary]: el(v, ReportBlocks.summary)?.value ?? undefined,
    [ReportBlocks.discoveredOn]: el(v, ReportBlocks.discoveredOn)?.selected_date ?? undefined,
    [ReportBlocks.discoveredTime]: el(v, ReportBlocks.discoveredTime)?.selected_time ?? undefined,
    [ReportBlocks.data]: el(v, ReportBlocks.data)?.value ?? undefined,
    [ReportBlocks.affected]: el(v, ReportBlocks.affected)?.selected_option?.value,
    [ReportBlocks.ongoing]: el(v, ReportBlocks.ongoing)?.selected_option?.value,
    [ReportBlocks.processor]: el(v, ReportBlocks.processor)?.selected_option?.value,
    [ReportBlocks.contact]: el(v, ReportBlocks.contact)?.value,
  });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues) };
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
    },
  };
}

/**
 * The assessment. The "more than 1,000 people" box and the number must agree (the
 * number decides 第7条4号 in rules.ts); a reassessment needs a reason.
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
      [AssessBlocks.dataItems]: optional(1000),
      [AssessBlocks.cause]: optional(2000),
      [AssessBlocks.reason]: optional(1000),
    })
    .superRefine((o, ctx) => {
      const count = o.affectedCount ? Number(o.affectedCount) : null;
      const over = o.categories.includes("over-1000");
      if (over && count === null) ctx.addIssue({ code: "custom", path: [AssessBlocks.affectedCount], message: p.countNeeded });
      else if (count !== null && over !== count > 1000) ctx.addIssue({ code: "custom", path: [AssessBlocks.affectedCount], message: p.countContradicts });
      if (reassessing && !o.reason) ctx.addIssue({ code: "custom", path: [AssessBlocks.reason], message: p.reasonNeeded });
    });
  const r = schema.safeParse({
    [AssessBlocks.categories]: (el(v, AssessBlocks.categories)?.selected_options ?? []).map((o) => o.value),
    [AssessBlocks.encrypted]: el(v, AssessBlocks.encrypted)?.selected_option?.value,
    [AssessBlocks.processor]: el(v, AssessBlocks.processor)?.selected_option?.value,
    [AssessBlocks.affectedCount]: el(v, AssessBlocks.affectedCount)?.value,
    [AssessBlocks.dataItems]: el(v, AssessBlocks.dataItems)?.value,
    [AssessBlocks.cause]: el(v, AssessBlocks.cause)?.value,
    [AssessBlocks.reason]: el(v, AssessBlocks.reason)?.value,
  });
  if (!r.success) return { ok: false, errors: errorsOf(r.error.issues) };
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
        stronglyEncrypted: o.encrypted === "yes",
        asProcessor: o.processor === "yes",
      },
      dataItems: o.dataItems || null,
      cause: o.cause || null,
      reason: o.reason || null,
    },
  };
}
