// Consultation by condition (合議 and 条件分岐) over signed HTTP: each rule, all vs any, the
// chief's final approval held and then released, an objection sending the request back,
// and a consultant added by the chief.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { RequestActions } from "../../src/requests/ids.js";
import { ConsultActions, ConsultViews } from "../../src/routes/consultation/ids.js";
import { parseSettings, SettingsError } from "../../src/settings.js";
import type { Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { ephemeralFor, parentShows, press, waitForDb } from "../support/flow.js";
import { openHome } from "../support/commands.js";
import {
  ABROAD,
  CONSULTANTS as C,
  consultApprove,
  consultDm,
  consultObject,
  SECRECY,
  SENSITIVE,
  startRoutesHarness,
  statusBlock,
  statusShows,
  toStage2,
} from "./support.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startRoutesHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;

const rulesOf = (requestId: string, version = 1) => db().requestConsultRule.findMany({ where: { requestId, version }, orderBy: { ruleId: "asc" } });
const answersOf = (requestId: string, version = 1) => db().requestConsultAnswer.findMany({ where: { requestId, version }, orderBy: { reviewerId: "asc" } });

describe("settings", () => {
  it("a bad rule stops the start with its line and reason", () => {
    const bad = (yaml: string) => {
      try {
        parseSettings(yaml, "settings.yml");
      } catch (e) {
        expect(e).toBeInstanceOf(SettingsError);
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(bad("routes:\n  consultation:\n    rules:\n      - { id: x, when: headcount, consult: [legal] }\n")).toMatch(/line 4: .*over/);
    expect(bad("routes:\n  consultation:\n    rules:\n      - { id: x, when: sensitive, consult: [lawyers] }\n")).toMatch(
      /"lawyers" is neither a Slack user id/,
    );
    expect(bad("routes:\n  consultation:\n    rules:\n      - { id: x, when: weather, consult: [legal] }\n")).toMatch(
      /use one of sensitive, abroad, headcount, secrecy, kind/,
    );
    expect(bad("routes:\n  consultation:\n    rules:\n      - { id: x, when: kind, consult: [legal], mode: most }\n")).toMatch(/kinds|all or any/);
    expect(bad("routes:\n  delegations: {}\n")).toMatch(/unknown key "delegations"/);
  });

  it("defaults: sensitive data and transfers abroad consult legal and information security; secrecy the telecom person", () => {
    const rules = parseSettings("").routes.consultation.rules;
    expect(rules.map((r) => [r.when, r.consult, r.mode])).toEqual([
      ["sensitive", ["legal", "infosec"], "all"],
      ["abroad", ["legal", "infosec"], "all"],
      ["secrecy", ["telecom"], "all"],
    ]);
    expect(parseSettings("routes:\n  consultation:\n    rules: []\n").routes.consultation.rules).toEqual([]);
  });
});

describe("each rule", () => {
  it("sensitive data, mode all: every reviewer must approve; the chief's button is held, then released", async () => {
    const { id, code, parent } = await toStage2(h, "purpose", SENSITIVE);
    // the round: legal (two holders) and infosec, all of them
    expect((await rulesOf(id)).map((r) => [r.ruleId, r.condition, r.mode, [...r.reviewers].sort()])).toEqual([
      ["sensitive", "sensitive", "all", [C.legal, C.legal2, C.security]],
    ]);
    const status = await statusShows(h, parent, "要配慮個人情報を含む");
    // the parent message names who the final approval waits for
    const waiting = await parentShows(h, parent, "合議中");
    expect(JSON.stringify(waiting.blocks)).toContain(`<@${C.security}>`);
    expect(JSON.stringify(status.blocks)).toContain("全員の承認が必要");
    expect(JSON.stringify(status.blocks)).toContain(ConsultActions.approve);
    await h.fake.waitFor(() =>
      h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("合議を依頼しました") && m.text.includes(`<@${C.security}>`)),
    );
    // each consultant gets a DM with the 合議 buttons
    const dms = await Promise.all([C.legal, C.legal2, C.security].map((u) => consultDm(h, u, code)));

    // the chief presses 承認: held, and told who has not answered
    await press(h, P.chief, parent, RequestActions.approve);
    const held = await ephemeralFor(h, P.chief, "未回答");
    expect(held.text).toContain(`<@${C.legal}>`);
    expect(held.text).toContain(`<@${C.security}>`);
    expect((await db().request.findUniqueOrThrow({ where: { id } })).status).toBe("pending_chief");

    await consultApprove(h, C.legal, dms[0]!);
    await consultApprove(h, C.security, dms[2]!);
    await waitForDb(
      () => answersOf(id),
      (a) => a.filter((x) => x.answer === "approve").length === 2,
    );
    // still one to go: held again, naming only them
    const before = h.fake.ephemerals(P.chief).length;
    await press(h, P.chief, parent, RequestActions.approve);
    const again = await h.fake.waitFor(() =>
      h.fake
        .ephemerals(P.chief)
        .slice(before)
        .find((e) => e.text.includes("未回答")),
    );
    expect(again.text).toContain(`<@${C.legal2}>`);
    expect(again.text).not.toContain(`<@${C.security}>`);

    await consultApprove(h, C.legal2, dms[1]!);
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("合議が整いました")));
    await statusShows(h, parent, "合議は整いました");
    await parentShows(h, parent, "*合議*：整いました");
    // a consultant cannot answer twice: their DM has lost its buttons (issue 16), and a press
    // on the status block in the thread is refused
    expect(JSON.stringify(h.fake.message(dms[1]!.channel, dms[1]!.ts)!.blocks)).not.toContain(ConsultActions.approve);
    await consultApprove(h, C.legal2, statusBlock(h, parent)!);
    await ephemeralFor(h, C.legal2, "既に回答しています");

    await press(h, P.chief, parent, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "approved",
    );
    // the status block shows the round closed, its buttons gone
    const closed = await statusShows(h, parent, "この版の合議は終わりました");
    expect(JSON.stringify(closed.blocks)).not.toContain(ConsultActions.approve);
    const events = await db().requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "submitted",
      "approved_stage1",
      "consultation_started",
      "consultation_approved",
      "consultation_approved",
      "consultation_approved",
      "approved_stage2",
    ]);
  });

  it("a recipient abroad, mode any: one approval of the two legal reviewers suffices", async () => {
    const { id, code, parent } = await toStage2(h, "entrust", ABROAD);
    expect((await rulesOf(id)).map((r) => [r.ruleId, r.mode, [...r.reviewers].sort()])).toEqual([["abroad", "any", [C.legal, C.legal2]]]);
    await statusShows(h, parent, "いずれか1人の承認で足ります");
    await consultApprove(h, C.legal2, await consultDm(h, C.legal2, code));
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("合議が整いました")));
    await press(h, P.chief, parent, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "approved",
    );
    // the other one was never needed
    expect((await answersOf(id)).map((a) => [a.reviewerId, a.answer])).toEqual([
      [C.legal, null],
      [C.legal2, "approve"],
    ]);
  });

  it("more people than the threshold: the headcount rule", async () => {
    const { id, parent } = await toStage2(h, "entrust"); // 1200 people, in Japan
    expect((await rulesOf(id)).map((r) => [r.ruleId, r.condition, r.reviewers])).toEqual([["big", "headcount:1000", [C.security]]]);
    await statusShows(h, parent, "1,000人超");
  });

  it("secrecy of communications: the telecom compliance person", async () => {
    const { id, code } = await toStage2(h, "provide", SECRECY);
    expect((await rulesOf(id)).map((r) => [r.ruleId, r.reviewers])).toEqual([["secrecy", [C.telecom]]]);
    const dm = await consultDm(h, C.telecom, code);
    expect(dm.text).toContain("通信の秘密を含む");
    // their Home lists it as waiting for them, and they may look at it
    await openHome(h, C.telecom);
    await h.fake.waitFor(() => JSON.stringify(h.fake.homeView(C.telecom)?.view.blocks ?? []).includes(code));
    const status = await h.slack.command(C.telecom, "/privacy", `status ${code}`);
    expect(status.status).toBe(200);
    const shown = await h.fake.waitFor(() => h.fake.ephemerals(C.telecom).find((e) => e.text.includes(code)));
    expect(shown.text).not.toContain("見る権限");
  });

  it("a kind chosen by the company: joint use consults a named Slack id", async () => {
    const { id } = await toStage2(h, "joint");
    expect((await rulesOf(id)).map((r) => [r.ruleId, r.condition, r.reviewers])).toEqual([["joint", "kind", [C.legal2]]]);
  });

  it("no rule matches: no consultation, the chief approves at once", async () => {
    const { id, parent } = await toStage2(h, "purpose");
    expect(await db().requestConsultRound.count({ where: { requestId: id } })).toBe(0);
    await press(h, P.chief, parent, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "approved",
    );
    expect(statusBlock(h, parent)).toBeUndefined();
  });
});

describe("an objection", () => {
  it("goes back to the requester like a send-back; the consultation starts again on the new version", async () => {
    const { id, code, parent } = await toStage2(h, "purpose", SENSITIVE);
    const dm = await consultDm(h, C.security, code);
    // a reason is required
    const empty = await consultObject(h, C.security, dm, "");
    expect(h.fake.viewErrors(empty.view.id)).toHaveProperty("consult-reason");
    await h.slack.fillAndSubmit(C.security, empty.view.id, { "consult-reason": "保管場所のアクセス制御が書かれていません" });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "changes_requested",
    );
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("異議") && m.text.includes("アクセス制御")));
    await statusShows(h, parent, "この版の合議は終わりました");
    // the requester is told, with the revise button
    const back = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("アクセス制御")));
    expect(JSON.stringify(back.blocks)).toContain(RequestActions.revise);
    // the other consultants can no longer answer this version: their DMs lost the buttons (issue 16)
    await h.fake.waitFor(() =>
      h.fake.dms(C.legal).find((m) => m.text.includes(code) && m.text.includes("回答は不要") && !JSON.stringify(m.blocks).includes(ConsultActions.approve)),
    );

    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: back.channel, ts: back.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === "request-revise-view"));
    await h.slack.fillAndSubmit(P.employee, view.id, { ...SENSITIVE, sensitiveConsent: "申込フォームで明示の同意を得る。保管は権限者のみ" });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.version === 2 && r.status === "pending_manager",
    );
    await parentShows(h, parent, "*版*\\n2");
    await press(h, P.manager, parent, RequestActions.approve);
    const v2 = await waitForDb(
      () => answersOf(id, 2),
      (a) => a.length === 3,
    );
    expect(v2.every((a) => a.answer === null)).toBe(true);
    // version 1's objection stays on record
    expect((await answersOf(id, 1)).find((a) => a.reviewerId === C.security)).toMatchObject({
      answer: "object",
      reason: "保管場所のアクセス制御が書かれていません",
    });
    // the reason is sealed on the audit chain, never in clear
    const audit = await db().auditEntry.findMany({ where: { subject: `request:${code}`, action: "request.consultation_objected" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.data)).not.toContain("アクセス制御");
  });
});

describe("承認者の追加", () => {
  it("the chief adds a consultant with a reason; the final approval waits for them", async () => {
    const { id, code, parent } = await toStage2(h, "purpose"); // no rule matches
    const withAdd = await parentShows(h, parent, ConsultActions.add);
    // only the chief (or deputy) may add
    await h.slack.blockAction(P.manager, { actionId: ConsultActions.add, message: { channel: parent.channel, ts: parent.ts } });
    await ephemeralFor(h, P.manager, "承認者を追加できるのは");

    const before = new Set(h.fake.openViews(P.chief).map((v) => v.id));
    await h.slack.blockAction(P.chief, { actionId: ConsultActions.add, message: { channel: withAdd.channel, ts: withAdd.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(P.chief).find((v) => !before.has(v.id) && v.view.callback_id === ConsultViews.add));
    // the requester cannot be added
    await h.slack.fillAndSubmit(P.chief, view.id, { "consult-person": P.employee, "consult-add-reason": "本人" });
    expect(h.fake.viewErrors(view.id)).toHaveProperty("consult-person");
    await h.slack.fillAndSubmit(P.chief, view.id, { "consult-person": P.compliance, "consult-add-reason": "広告配信への転用の可能性を確認したい" });
    await waitForDb(
      () => rulesOf(id),
      (r) => r.length === 1,
    );
    expect((await rulesOf(id))[0]).toMatchObject({ ruleId: "added-1", condition: "added", reviewers: [P.compliance], addedBy: P.chief });
    await statusShows(h, parent, "個人情報管理責任者による承認者の追加");
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("広告配信への転用")));
    const event = await db().requestEvent.findFirstOrThrow({ where: { requestId: id, action: "consultant_added" } });
    expect(event).toMatchObject({ actorId: P.chief, reason: "広告配信への転用の可能性を確認したい" });

    const seen = h.fake.ephemerals(P.chief).length;
    await press(h, P.chief, parent, RequestActions.approve);
    const held = await h.fake.waitFor(() =>
      h.fake
        .ephemerals(P.chief)
        .slice(seen)
        .find((e) => e.text.includes("未回答")),
    );
    expect(held.text).toContain(`<@${P.compliance}>`);
    await consultApprove(h, P.compliance, await consultDm(h, P.compliance, code));
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("合議が整いました")));
    await press(h, P.chief, parent, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "approved",
    );
    expect((await verifyChain(db())).ok).toBe(true);
  });
});
