// The consultation rules (合議) as plain rules: matching, reviewers, all vs any, who may answer or add.
import { describe, expect, it } from "vitest";
import {
  canAddConsultant,
  canAnswer,
  type ConsultationRule,
  factsOf,
  matchingRules,
  reviewersOf,
  ruleSatisfied,
  waitingFor,
} from "../../src/routes/consultation/rules.js";

const rule = (r: Partial<ConsultationRule> & Pick<ConsultationRule, "when">): ConsultationRule => ({ id: r.when, consult: ["legal"], mode: "all", ...r });

describe("facts of a request", () => {
  it("reads sensitive, abroad, headcount and secrecy from the kinds' fields", () => {
    expect(factsOf("purpose", { sensitive: true })).toMatchObject({ sensitive: true, abroad: false, headcount: null, secrecy: false });
    expect(factsOf("entrust", { destination: "equivalent", country: "米国", headcount: 1200 })).toMatchObject({ abroad: true, headcount: 1200 });
    expect(factsOf("provide", { destination: "domestic", secrecy: true, sensitive: false })).toMatchObject({ abroad: false, secrecy: true });
    // an older provide request that said only foreign: yes
    expect(factsOf("provide", { foreign: true }).abroad).toBe(true);
  });
});

describe("matching", () => {
  const rules = [
    rule({ when: "sensitive" }),
    rule({ when: "abroad" }),
    rule({ id: "big", when: "headcount", over: 1000 }),
    rule({ when: "secrecy" }),
    rule({ id: "k", when: "kind", kinds: ["joint"] }),
    rule({ id: "entrust-abroad", when: "abroad", kinds: ["entrust"] }),
  ];
  const ids = (kind: Parameters<typeof factsOf>[0], data: Record<string, unknown>) => matchingRules(rules, factsOf(kind, data)).map((r) => r.id);
  it("each condition, and kinds narrowing a condition", () => {
    expect(ids("purpose", { sensitive: true })).toEqual(["sensitive"]);
    expect(ids("provide", { destination: "other", headcount: 1000 })).toEqual(["abroad"]); // 1000 is not more than 1000
    expect(ids("entrust", { destination: "designated", headcount: 1001 })).toEqual(["abroad", "big", "entrust-abroad"]);
    expect(ids("provide", { destination: "domestic", secrecy: true })).toEqual(["secrecy"]);
    expect(ids("joint", { destination: "domestic" })).toEqual(["k"]);
    expect(ids("method", {})).toEqual([]);
  });
});

describe("reviewers and rounds", () => {
  const holders = (role: string) => ({ legal: ["U0L1", "U0L2"], infosec: ["U0S"] })[role] ?? [];
  it("roles become their holders, Slack ids stay; never the requester", () => {
    expect(reviewersOf({ consult: ["legal", "infosec", "U0X"] }, holders, "U0L2")).toEqual(["U0L1", "U0S", "U0X"]);
    expect(reviewersOf({ consult: ["telecom"] }, holders, "U0A")).toEqual([]);
  });
  it("all needs every approval, any one; waitingFor names who has not answered on unsatisfied rules", () => {
    const all = { ruleId: "a", mode: "all" as const, reviewers: ["U1", "U2"] };
    const any = { ruleId: "b", mode: "any" as const, reviewers: ["U3", "U4"] };
    const answers = [
      { reviewerId: "U1", answer: "approve" as const },
      { reviewerId: "U2", answer: null },
      { reviewerId: "U3", answer: "approve" as const },
      { reviewerId: "U4", answer: null },
    ];
    expect(ruleSatisfied(all, answers)).toBe(false);
    expect(ruleSatisfied(any, answers)).toBe(true);
    expect(waitingFor([all, any], answers)).toEqual(["U2"]);
    expect(waitingFor([all, any], [...answers.slice(0, 1), { reviewerId: "U2", answer: "approve" }, ...answers.slice(2)])).toEqual([]);
    expect(waitingFor([], [])).toEqual([]);
  });
  it("who may answer, who may add", () => {
    const req = { status: "pending_chief", version: 2, requesterId: "U0REQ" };
    const answers = [{ reviewerId: "U1", answer: null }];
    expect(canAnswer(req, "U1", 2, answers)).toEqual({ ok: true });
    expect(canAnswer(req, "U1", 1, answers)).toEqual({ ok: false, refusal: "stale" });
    expect(canAnswer(req, "U9", 2, answers)).toEqual({ ok: false, refusal: "not_consultant" });
    expect(canAnswer({ ...req, status: "approved" }, "U1", 2, answers)).toEqual({ ok: false, refusal: "not_consulting" });
    expect(canAnswer(req, "U1", 2, [{ reviewerId: "U1", answer: "approve" }])).toEqual({ ok: false, refusal: "answered" });
    expect(canAddConsultant(req, "U0CHIEF", "U7", 2, ["U0CHIEF"], answers)).toEqual({ ok: true });
    expect(canAddConsultant(req, "U0MGR", "U7", 2, ["U0CHIEF"], answers)).toEqual({ ok: false, refusal: "not_chief" });
    expect(canAddConsultant(req, "U0CHIEF", "U0REQ", 2, ["U0CHIEF"], answers)).toEqual({ ok: false, refusal: "own_request" });
    expect(canAddConsultant(req, "U0CHIEF", "U1", 2, ["U0CHIEF"], answers)).toEqual({ ok: false, refusal: "already_consulted" });
  });
});
