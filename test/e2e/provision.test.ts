// The legal cases of provision and transfers (legal-cases.md P1-P7) over signed
// HTTP: what the person filing sees in the modal, what the approvers see, what the database holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { completeMeasures, fileRequest, openForm, parentShows, press, waitForDb } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;

const OPTOUT = { ...VALID_INPUTS.provide, legalBasis: "optout", optoutChecks: ["filed", "lawful", "not_optout"] };

/** Submits the provide form with `inputs`; returns the field errors shown in the modal (nothing is stored). */
async function refused(
  inputs: Record<string, string | string[]>,
  kind: "provide" | "entrust" = "provide",
  user: string = P.employee,
): Promise<Record<string, string>> {
  const view = await openForm(h, user, kind);
  const count = await db().request.count();
  const res = await h.slack.fillAndSubmit(user, view.id, inputs);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ response_action: "errors" });
  expect(await db().request.count()).toBe(count);
  return h.fake.viewErrors(view.id)!;
}

describe("provision and transfers abroad, in the modal", () => {
  it("P1: opt-out to a recipient in Singapore without 基準適合体制 is refused, citing Art.28(1)", async () => {
    const errors = await refused({ ...OPTOUT, destination: "other", country: "シンガポール" });
    expect(errors.legalBasis).toContain("この外国にある第三者にはオプトアウトでは提供できません");
    expect(errors.legalBasis).toContain("施行規則第17条の情報を提供したうえでの本人の同意");
    expect(errors.legalBasis).toContain("個人情報保護法第28条第1項");
  });

  it("P2: opt-out to Germany (EEA) with the PPC filing is allowed; the provision record is kept", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "provide", { ...OPTOUT, destination: "designated", country: "ドイツ" });
    await parentShows(h, parent, "外国（ドイツ）：個人情報保護委員会が指定する国。法第27条が適用されます");
    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await press(h, P.chief, parent, RequestActions.approve);
    await parentShows(h, parent, "必要な措置の実施中");
    await completeMeasures(h, P.chief, id);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "effective",
    );
    const record = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: id } });
    expect(record.basis).toBe("オプトアウト（個人情報保護法第27条第2項）、外国にある第三者への提供（ドイツ、個人情報保護法第28条）");
  });

  it("P4: entrustment to a processor abroad with neither route is refused as entrustment (Art.28(1))", async () => {
    const errors = await refused({ ...VALID_INPUTS.entrust, destination: "other", country: "ベトナム" }, "entrust");
    expect(errors.destination).toContain("預託（委託）として個人データを提供できません");
    expect(errors.destination).toContain("個人情報保護法第28条第1項");
  });

  it("P5: opt-out of data including health-check results (要配慮個人情報) is refused (Art.27(2) proviso)", async () => {
    const errors = await refused({ ...OPTOUT, dataItems: "氏名、健康診断の結果", sensitive: "yes" });
    expect(errors.legalBasis).toBe("要配慮個人情報はオプトアウトでは提供できません（個人情報保護法第27条第2項ただし書）");
  });

  it("P6: a police 照会 for communication logs is refused; with a warrant it goes to legal review and the ground is recorded", async () => {
    const police = {
      ...VALID_INPUTS.provide,
      recipientName: "〇〇警察署",
      dataItems: "通信履歴（接続日時、接続先）",
      secrecy: "yes",
      secrecyGround: "inquiry",
      telecomCategories: ["history"],
      legalBasis: "exception",
      exception: "law",
    };
    const errors = await refused(police);
    expect(errors.secrecyGround).toContain("警察・税務署等からの照会だけでは、通信の秘密に属する事項は提供できません");
    expect(errors.secrecyGround).toContain("電気通信事業法第4条");
    expect(errors.exception).toContain("「法令に基づく場合」だけでは根拠になりません");

    // the same request with a warrant
    const { id, code, parent } = await fileRequest(h, P.employee, "provide", { ...police, secrecyGround: "warrant" });
    // the approvers see that it needs legal review, on which ground, and the guideline's limits
    await parentShows(h, parent, "含む：法務確認が必要（電気通信事業法第4条）。根拠：令状・裁判所の命令（発信者情報開示命令など）");
    await parentShows(h, parent, "通信履歴：通信の秘密に当たります");
    await parentShows(h, parent, "記録不要：法第27条第1項第1号の例外事由による提供（法第29条第1項ただし書）");
    const submitted = await db().auditEntry.findFirstOrThrow({ where: { action: "request.submitted", subject: `request:${code}` } });
    expect((submitted.data as { data: Record<string, unknown> }).data).toMatchObject({ secrecy: true, secrecyGround: "warrant" });

    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await press(h, P.chief, parent, RequestActions.approve);
    // the legal review is the first measure of the checklist, naming the ground
    const r = await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id }, include: { measures: { orderBy: { position: "asc" } } } }),
      (x) => Boolean(x.checklistTs),
    );
    expect(r.measures.map((m) => m.key)).toEqual(["secrecy_legal_review", "basis_confirmed"]);
    const checklist = await h.fake.waitFor(() => h.fake.message(r.channelId!, r.checklistTs!));
    expect(JSON.stringify(checklist.blocks)).toContain(
      "法務確認：通信の秘密の提供が違法性阻却事由（令状・裁判所の命令（発信者情報開示命令など））に当たることの確認と記録",
    );
    await completeMeasures(h, P.chief, id);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "effective",
    );
    const review = await db().auditEntry.findFirstOrThrow({ where: { action: "request.measure_done", subject: `request:${code}` }, orderBy: { seq: "asc" } });
    expect(review).toMatchObject({ actorId: P.chief, data: { measure: "secrecy_legal_review" } });
    // an Art.27(1) exception: no provision record (Art.29(1) proviso)
    expect(await db().provisionRecord.findUnique({ where: { requestId: id } })).toBeNull();
  });

  it("P3: entrustment to a US cloud provider with 基準適合体制 becomes effective after the Art.28(3) measures", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "entrust", {
      ...VALID_INPUTS.entrust,
      processorName: "Example Cloud Inc.",
      destination: "equivalent",
      country: "米国",
    });
    await parentShows(h, parent, "外国（米国）：基準適合体制（施行規則第16条）。法第27条が適用され、法第28条第3項の措置が必要です");
    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await press(h, P.chief, parent, RequestActions.approve);
    const r = await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id }, include: { measures: { orderBy: { position: "asc" } } } }),
      (x) => Boolean(x.checklistTs),
    );
    expect(r.measures.map((m) => m.key).slice(-2)).toEqual(["equivalent_checks", "equivalent_info"]);
    const checklist = await h.fake.waitFor(() => h.fake.message(r.channelId!, r.checklistTs!));
    expect(JSON.stringify(checklist.blocks)).toContain("個人情報保護法第28条第3項、施行規則第18条");
    // still only approved: the activity waits for the measures
    expect((await db().request.findUniqueOrThrow({ where: { id } })).status).toBe("approved");
    await completeMeasures(h, P.chief, id);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "effective",
    );
    expect(await db().processor.findUnique({ where: { requestId: id } })).not.toBeNull();
  });

  it("P7: provision to a ministry under Art.27(1)(4) needs both conditions; effective without a provision record", async () => {
    const ministry = { ...VALID_INPUTS.provide, recipientName: "〇〇省", legalBasis: "exception", exception: "state", stateConditions: ["assigned_task"] };
    const errors = await refused(ministry);
    expect(errors.stateConditions).toContain("本人の同意を得ると当該事務の遂行に支障を及ぼすおそれがある");
    expect(errors.stateConditions).toContain("個人情報保護法第27条第1項第4号");
    const { id, parent } = await fileRequest(h, P.employee, "provide", { ...ministry, stateConditions: ["assigned_task", "consent_impedes"] });
    await parentShows(h, parent, "記録不要：法第27条第1項第4号の例外事由による提供（法第29条第1項ただし書）");
    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await press(h, P.chief, parent, RequestActions.approve);
    await completeMeasures(h, P.chief, id);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "effective",
    );
    expect((await db().requestMeasure.findMany({ where: { requestId: id }, orderBy: { position: "asc" } })).map((m) => m.key)).toEqual([
      "basis_confirmed",
      "state_exception",
    ]);
    expect(await db().provisionRecord.findUnique({ where: { requestId: id } })).toBeNull();
  });

  it("in English for a person who uses English: the same refusals, citing the same articles", async () => {
    const p1 = await refused({ ...OPTOUT, destination: "other", country: "Singapore" }, "provide", P.english);
    expect(p1.legalBasis).toBe(
      "Opt-out is not available for this party abroad: only the person's consent given with the information of PPC Rules Art.17, or an exception of APPI Art.27(1) (APPI Art.28(1))",
    );
    const p6 = await refused(
      { ...VALID_INPUTS.provide, secrecy: "yes", secrecyGround: "inquiry", legalBasis: "exception", exception: "law" },
      "provide",
      P.english,
    );
    expect(p6.secrecyGround).toContain("An inquiry by the police or a tax office alone never allows disclosing");
    expect(p6.secrecyGround).toContain("Telecommunications Business Act Art.4");
  });
});
