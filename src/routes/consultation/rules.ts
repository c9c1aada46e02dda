// Consultation by condition (合議 and 条件分岐) as plain rules: which settings rules a
// request matches, who they name, and whether a round of consultation is satisfied.
// No Slack, no database.
//
// A rule names a condition (the request involves 要配慮個人情報, a recipient or processor
// abroad, more than a number of people, 通信の秘密, or is of a kind the company chose) and
// reviewers (roles or Slack ids) who must also approve, in parallel, after stage 1 and
// before the chief's final approval; `all` of them or `any` one of them. A company
// extension of the rule: 規程 第4条3項 has the manager consult the chief; it names no other
// reviewers (docs/obligations.md).
import { z } from "zod";
import { CONSULTANT_ROLES } from "../../directory/roles.js";
import { destinationOf, isAbroad } from "../../requests/kinds/abroad.js";
import { REQUEST_KINDS, type RequestData, type RequestKind } from "../../requests/kinds/index.js";

export const CONDITIONS = ["sensitive", "abroad", "headcount", "secrecy", "kind"] as const;
export type Condition = (typeof CONDITIONS)[number];
export const MODES = ["all", "any"] as const;
export type Mode = (typeof MODES)[number];

const SLACK_ID = /^[UW][A-Z0-9]{2,}$/;

/** One reviewer as settings name them: a role (every holder) or a Slack user id. */
const reviewer = z.string().refine((v) => SLACK_ID.test(v) || (CONSULTANT_ROLES as readonly string[]).includes(v), {
  error: (iss) => `"${String(iss.input)}" is neither a Slack user id (U…) nor a role that can be consulted (${CONSULTANT_ROLES.join(", ")})`,
});

export const ConsultationRuleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "use lower-case letters, digits, - and _ (at most 40)"),
    when: z.enum(CONDITIONS, { error: `use one of ${CONDITIONS.join(", ")}` }),
    /** headcount: consult when the request names more than this many people */
    over: z.number().int().min(0).optional(),
    /** kind: the request kinds the rule applies to (for the other conditions: only these kinds, when given) */
    kinds: z
      .array(z.enum(REQUEST_KINDS as [RequestKind, ...RequestKind[]], { error: `use one of ${REQUEST_KINDS.join(", ")}` }))
      .min(1)
      .optional(),
    consult: z.array(reviewer).min(1, "name at least one reviewer"),
    mode: z.enum(MODES, { error: "use all or any" }).default("all"),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.when === "headcount" && r.over === undefined)
      ctx.addIssue({ code: "custom", path: ["over"], message: "a headcount rule needs over: <number of people>" });
    if (r.when !== "headcount" && r.over !== undefined) ctx.addIssue({ code: "custom", path: ["over"], message: "only a headcount rule takes over" });
    if (r.when === "kind" && !r.kinds) ctx.addIssue({ code: "custom", path: ["kinds"], message: "a kind rule needs kinds: [<kind>, …]" });
  });

export type ConsultationRule = z.output<typeof ConsultationRuleSchema>;

/** settings `routes.consultation` */
export const ConsultationSettingsSchema = z
  .object({
    rules: z.array(ConsultationRuleSchema).refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, { message: "rule ids must be unique" }),
  })
  .strict();

/**
 * The company's defaults: sensitive data and transfers abroad consult legal and information
 * security (both must approve); 通信の秘密 consults the person in charge of telecom compliance.
 */
export const DEFAULT_CONSULTATION_RULES: readonly ConsultationRule[] = [
  { id: "sensitive", when: "sensitive", consult: ["legal", "infosec"], mode: "all" },
  { id: "abroad", when: "abroad", consult: ["legal", "infosec"], mode: "all" },
  { id: "secrecy", when: "secrecy", consult: ["telecom"], mode: "all" },
];

/** The facts of a request the conditions look at, from its stored data (src/requests/kinds/*). */
export interface RequestFacts {
  kind: RequestKind;
  /** 要配慮個人情報 (purpose, provide: `sensitive`) */
  sensitive: boolean;
  /** a recipient, processor or joint user abroad (provide, entrust, joint: `destination`) */
  abroad: boolean;
  /** how many people (entrust, provide: `headcount`); null when the request does not say */
  headcount: number | null;
  /** 通信の秘密 (provide: `secrecy`) */
  secrecy: boolean;
}

export function factsOf(kind: RequestKind, data: RequestData): RequestFacts {
  const d = destinationOf(data);
  const n = data.headcount;
  return {
    kind,
    sensitive: data.sensitive === true,
    abroad: d === "abroad_unknown" || isAbroad(d),
    headcount: typeof n === "number" && Number.isFinite(n) ? n : null,
    secrecy: data.secrecy === true,
  };
}

/** Does the rule apply to a request with these facts? */
export function ruleMatches(rule: ConsultationRule, f: RequestFacts): boolean {
  if (rule.kinds && !rule.kinds.includes(f.kind)) return false;
  switch (rule.when) {
    case "sensitive":
      return f.sensitive;
    case "abroad":
      return f.abroad;
    case "secrecy":
      return f.secrecy;
    case "headcount":
      return f.headcount !== null && f.headcount > (rule.over ?? 0);
    case "kind":
      return true;
  }
}

export function matchingRules(rules: readonly ConsultationRule[], f: RequestFacts): ConsultationRule[] {
  return rules.filter((r) => ruleMatches(r, f));
}

/** The people a rule names: each Slack id as given, each role as its holders; never the requester (nobody approves their own request). */
export function reviewersOf(rule: Pick<ConsultationRule, "consult">, holders: (role: string) => readonly string[], requesterId: string): string[] {
  const out = new Set<string>();
  for (const c of rule.consult) for (const p of SLACK_ID.test(c) ? [c] : holders(c)) if (p !== requesterId) out.add(p);
  return [...out];
}

/** One rule of a round, as stored for the version it was started on. */
export interface RoundRule {
  ruleId: string;
  mode: Mode;
  reviewers: string[];
}

export type Answer = "approve" | "object";

export interface RoundAnswer {
  reviewerId: string;
  answer: Answer | null;
}

/** A rule is satisfied when all its reviewers approved (all), or one did (any). */
export function ruleSatisfied(rule: RoundRule, answers: readonly RoundAnswer[]): boolean {
  const approved = (p: string) => answers.some((a) => a.reviewerId === p && a.answer === "approve");
  return rule.mode === "all" ? rule.reviewers.every(approved) : rule.reviewers.some(approved);
}

/**
 * Who the chief's final approval still waits for: the reviewers who have not answered,
 * of each rule not yet satisfied. Empty: the round is satisfied (or there is none).
 */
export function waitingFor(rules: readonly RoundRule[], answers: readonly RoundAnswer[]): string[] {
  const out = new Set<string>();
  for (const r of rules) {
    if (ruleSatisfied(r, answers)) continue;
    for (const p of r.reviewers) if (!answers.some((a) => a.reviewerId === p && a.answer !== null)) out.add(p);
  }
  return [...out];
}

export type ConsultRefusal =
  | "not_consulting" // the request is not waiting for the chief's final approval
  | "stale" // the button belongs to an earlier version
  | "not_consultant" // the presser is not consulted on this version
  | "answered" // already answered
  | "not_chief" // only the chief (or deputy) adds a consultant
  | "own_request" // nobody acts on their own request
  | "already_consulted" // the person is already consulted on this version
  | "unknown_person" // not in the directory
  | "reason_required";

export type ConsultCheck = { ok: true } | { ok: false; refusal: ConsultRefusal };

/** May `actor` answer the consultation of the request's `version`? */
export function canAnswer(
  req: { status: string; version: number; requesterId: string },
  actor: string,
  pressedVersion: number,
  answers: readonly RoundAnswer[],
): ConsultCheck {
  if (req.status !== "pending_chief") return { ok: false, refusal: "not_consulting" };
  if (pressedVersion !== req.version) return { ok: false, refusal: "stale" };
  if (actor === req.requesterId) return { ok: false, refusal: "own_request" };
  const mine = answers.find((a) => a.reviewerId === actor);
  if (!mine) return { ok: false, refusal: "not_consultant" };
  if (mine.answer !== null) return { ok: false, refusal: "answered" };
  return { ok: true };
}

/** May `actor` (the chief or deputy) add `person` as a consultant (承認者の追加)? */
export function canAddConsultant(
  req: { status: string; version: number; requesterId: string },
  actor: string,
  person: string,
  pressedVersion: number,
  chiefLevel: readonly string[],
  answers: readonly RoundAnswer[],
): ConsultCheck {
  if (req.status !== "pending_chief") return { ok: false, refusal: "not_consulting" };
  if (pressedVersion !== req.version) return { ok: false, refusal: "stale" };
  if (actor === req.requesterId) return { ok: false, refusal: "own_request" };
  if (!chiefLevel.includes(actor)) return { ok: false, refusal: "not_chief" };
  if (person === req.requesterId) return { ok: false, refusal: "own_request" };
  if (answers.some((a) => a.reviewerId === person)) return { ok: false, refusal: "already_consulted" };
  return { ok: true };
}
