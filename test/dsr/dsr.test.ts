// A request from a data subject from logging to the answer, over the whole bot: who may
// log it, field errors, the register post and the owner's DM, the identity-check gate (the
// button and the modal on the server), a refusal sent back and approved by the right
// person only, list and status, withdrawal, and the audit log and its export.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { ManualClock } from "../../src/platform/clock.js";
import { exportCsv, verifyChain } from "../../src/platform/audit/chain.js";
import { AnswerBlocks, DsrActions, DsrViews, IdentityBlocks, LogBlocks, NoticeBlocks, SendBackBlocks, WithdrawBlocks } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { drain, jst, pumping, until } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";
import { COMPLIANCE, GOOD_LOG, latest, logCase, notifyPerson, openLog, parentShows, pressForModal, pressOn, threadHas, told } from "./helpers.js";

const P = ORG.people;
const ja = dsrMessages("ja");
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("who may use the desk", () => {
  it("an employee without a desk role, the auditor and an admin are refused, ephemerally, and it is logged", async () => {
    for (const who of [P.employee2, P.auditor, P.admin]) {
      for (const text of ["dsr", "dsr list", "dsr status DSR-2026-0001", "complaint"]) {
        const e = await privacy(h, who, text);
        expect(e.shown).toContain(ja.refusal.notAllowed);
      }
      expect(h.fake.openViews(who).filter((v) => v.view.callback_id === DsrViews.log)).toEqual([]);
    }
    expect(await db().auditEntry.count({ where: { action: "dsr.refused", actorId: P.employee2 } })).toBe(4);
    expect(await db().auditEntry.count({ where: { action: "dsr.refused", actorId: P.auditor, subject: "dsr:DSR-2026-0001" } })).toBe(1);
  });

  it("a handler, a manager, the chief, the deputy and compliance get the modal", async () => {
    for (const who of [P.employee, P.manager, P.chief, P.deputy, P.compliance]) {
      const view = await openLog(h, who);
      expect(view.view.callback_id).toBe(DsrViews.log);
    }
  });
});

describe("logging a request", () => {
  it("bad input comes back as field errors and records nothing", async () => {
    const view = await openLog(h, P.employee);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      ...GOOD_LOG,
      [LogBlocks.receivedOn]: "2026-11-25",
      [LogBlocks.requester]: "agent",
      [LogBlocks.customerRef]: "山田様 090-1234-5678",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [LogBlocks.receivedOn]: ja.problem.future,
      [LogBlocks.mandate]: ja.problem.mandateForAgent,
      [LogBlocks.customerRef]: ja.problem.personalData,
    });
    // an owner outside the desk's roles
    await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD_LOG, [LogBlocks.owner]: P.employee2 });
    expect(h.fake.viewErrors(view.id)).toEqual({ [LogBlocks.owner]: ja.refusal.ownerNotHandler });
    expect(await db().subjectRequest.count()).toBe(0);
  });

  let a: Awaited<ReturnType<typeof logCase>>;
  it("a good one gets a code, its register post in the compliance channel, the timeline and the owner's DM with the buttons", async () => {
    a = await logCase(h, clock, P.employee, {
      [LogBlocks.requester]: "agent",
      [LogBlocks.mandate]: "voluntary",
      [LogBlocks.receivedOn]: "2026-11-24",
      [LogBlocks.kind]: "stop_use",
    });
    expect(a.code).toBe("DSR-2026-0001");
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(c).toMatchObject({
      status: "open",
      ownerId: P.employee,
      loggedBy: P.employee,
      kind: "stop_use",
      requester: "agent",
      mandate: "voluntary",
      customerRef: "CUST-001234",
    });
    // 11/24 + 10 business days = 12/8; the ceiling 14 days = 12/8
    expect(c.targetOn.toISOString().slice(0, 10)).toBe("2026-12-08");
    expect(c.ceilingOn.toISOString().slice(0, 10)).toBe("2026-12-08");
    const post = shown(a.parent);
    for (const t of [
      "DSR-2026-0001",
      "利用停止・消去",
      "代理人（任意代理人（委任状））",
      "CUST-001234",
      "2026/12/08",
      "未確認",
      ja.parent.identityButton,
      ja.parent.answerButton,
    ])
      expect(post).toContain(t);
    await threadHas(h, clock, a.parent, "DSR-2026-0001 を受け付けました");
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes("DSR-2026-0001"))),
    );
    expect(JSON.stringify(dm.blocks ?? [])).toContain(DsrActions.identity);
    expect(JSON.stringify(dm.blocks ?? [])).toContain(`archives/${COMPLIANCE}/p`);
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.logged", subject: "dsr:DSR-2026-0001" } });
    expect(audit.data).toMatchObject({ kind: "stop_use", customerRef: sealOf(h.bot.services)("CUST-001234"), targetOn: "2026-12-08", ceilingOn: "2026-12-08" });
  });

  it("the identity-check gate: 「回答を記録」 before the check is refused with the reason, and logged", async () => {
    await pressOn(h, P.employee, a.parent, DsrActions.answer);
    await told(h, P.employee, ja.refusal.notVerified);
    expect(h.fake.openViews(P.employee).filter((v) => v.view.callback_id === DsrViews.answer)).toEqual([]);
    expect(
      await db().auditEntry.count({ where: { action: "dsr.refused", subject: `dsr:${a.code}`, data: { path: ["refusal"], equals: "not_verified" } } }),
    ).toBe(1);
  });

  it("someone outside the desk cannot record the identity check", async () => {
    await pressOn(h, P.employee2, a.parent, DsrActions.identity);
    await told(h, P.employee2, ja.refusal.notAllowed);
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("open");
  });

  it("the identity check of an agent needs the mandate and the agent's own document; then it is recorded", async () => {
    clock.set(jst("2026-11-25T11:00:00"));
    const view = await pressForModal(h, P.manager, a.parent, DsrActions.identity, DsrViews.identity);
    await h.slack.fillAndSubmit(P.manager, view.id, { [IdentityBlocks.document]: "license", [IdentityBlocks.checkedOn]: "2026-11-26" });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [IdentityBlocks.mandateDocument]: ja.problem.agentDocs,
      [IdentityBlocks.agentDocument]: ja.problem.agentDocs,
      [IdentityBlocks.checkedOn]: ja.problem.future,
    });
    await h.slack.fillAndSubmit(P.manager, view.id, {
      [IdentityBlocks.document]: "license",
      [IdentityBlocks.mandateDocument]: "power_of_attorney",
      [IdentityBlocks.agentDocument]: "passport",
      [IdentityBlocks.checkedBy]: P.employee,
      [IdentityBlocks.checkedOn]: "2026-11-25",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(c).toMatchObject({
      status: "verified",
      idDocument: "license",
      mandateDocument: "power_of_attorney",
      agentDocument: "passport",
      idCheckedBy: P.employee,
      idRecordedBy: P.manager,
    });
    await parentShows(h, clock, a.parent, "運転免許証 / 委任状等（委任を証明する書類） / パスポート");
    await threadHas(h, clock, a.parent, "本人確認を記録しました");
    expect(shown(latest(h, a.parent))).not.toContain(ja.parent.identityButton);
  });

  it("a refusal needs grounds and the reason; proposed, it waits for the chief or deputy (thread and DMs)", async () => {
    const view = await pressForModal(h, P.employee, a.parent, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.employee, view.id, { [AnswerBlocks.outcome]: "not_done" });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [AnswerBlocks.grounds]: ja.problem.grounds,
      [AnswerBlocks.reason]: ja.problem.reason,
      [AnswerBlocks.basis]: ja.problem.basisRequired,
    });
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.basis]: "none",
      [AnswerBlocks.grounds]: ["r19_legal_duty"],
      [AnswerBlocks.reason]: "法令上の保存義務があるため消去できません",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(c).toMatchObject({ status: "awaiting_approval", outcome: "not_done", grounds: ["r19_legal_duty"], proposedBy: P.employee, answeredAt: null });
    const req = await threadHas(h, clock, a.parent, "承認依頼");
    expect(shown(req)).toContain(ja.ground.r19_legal_duty);
    expect(JSON.stringify(req.blocks ?? [])).toContain(DsrActions.approveRefusal);
    for (const p of [P.chief, P.deputy])
      await pumping(
        h,
        clock,
        h.fake.waitFor(() => h.fake.dms(p).find((m) => m.text.includes(a.code) && JSON.stringify(m.blocks ?? []).includes(DsrActions.sendBack))),
      );
    // while it waits, the register post has no buttons, and the owner's DM is edited in place:
    // it says what was done and has lost its buttons; a press from a client still showing them is refused
    expect(JSON.stringify(latest(h, a.parent).blocks)).not.toContain(DsrActions.answer);
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(a.code) && shown(m).includes(ja.dm.stepDone.proposed))),
    );
    expect(JSON.stringify(dm.blocks ?? [])).not.toContain(DsrActions.answer);
    expect(h.fake.dms(P.employee).filter((m) => m.text.includes(a.code))).toHaveLength(1);
  });

  it("a handler or compliance pressing 「拒否を承認」 is refused and changes nothing", async () => {
    const req = await threadHas(h, clock, a.parent, "承認依頼");
    for (const who of [P.employee, P.compliance]) {
      await pressOn(h, who, req, DsrActions.approveRefusal);
      await told(h, who, ja.refusal.notApprover);
    }
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("awaiting_approval");
    expect(
      await db().auditEntry.count({ where: { action: "dsr.refused", subject: `dsr:${a.code}`, data: { path: ["refusal"], equals: "not_approver" } } }),
    ).toBe(2);
  });

  it("the chief sends it back with a reason: verified again, the owner told why, the proposal kept in the log", async () => {
    const req = await threadHas(h, clock, a.parent, "承認依頼");
    const view = await pressForModal(h, P.chief, req, DsrActions.sendBack, DsrViews.sendBack);
    await h.slack.fillAndSubmit(P.chief, view.id, { [SendBackBlocks.reason]: "" });
    expect(h.fake.viewErrors(view.id)).toEqual({ [SendBackBlocks.reason]: ja.problem.required });
    await h.slack.fillAndSubmit(P.chief, view.id, { [SendBackBlocks.reason]: "一部は消去できるはずです" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(c).toMatchObject({ status: "verified", outcome: null, grounds: [], proposedBy: null });
    await threadHas(h, clock, a.parent, "差し戻しました：一部は消去できるはずです");
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes("差し戻されました") && m.text.includes("一部は消去できるはずです"))),
    );
    const sent = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.refusal_sent_back", subject: `dsr:${a.code}` } });
    expect(sent.data).toMatchObject({
      reasonGiven: true,
      proposal: { outcome: "not_done", grounds: ["r19_legal_duty"], reasonGiven: true, proposedBy: P.employee },
    });
    // the append-only log holds codes and presence, never the free text (the case row and the thread hold it)
    expect(JSON.stringify(sent.data)).not.toContain("一部は消去");
    const proposed = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.refusal_proposed", subject: `dsr:${a.code}` } });
    expect(proposed.data).toMatchObject({ outcome: "not_done", grounds: ["r19_legal_duty"], reasonGiven: true, actionTakenGiven: false });
    expect(JSON.stringify(proposed.data)).not.toContain("法令上の保存義務");
    // the old approval buttons are gone from the thread message, and a stale press changes nothing
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => (!JSON.stringify(latest(h, req).blocks).includes(DsrActions.approveRefusal) ? true : undefined)),
    );
    expect(shown(latest(h, req))).toContain(`差し戻し：<@${P.chief}>`);
    // the deputy's DM asked for the same decision: the chief took it in the thread, so the DM is
    // edited in place, says who decided and has no buttons left (no stale press is possible)
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.deputy).find((m) => m.text.includes(a.code) && shown(m).includes(`差し戻し：<@${P.chief}>`))),
    );
    expect(JSON.stringify(dm.blocks)).not.toContain(DsrActions.approveRefusal);
    expect(JSON.stringify(dm.blocks)).not.toContain(DsrActions.sendBack);
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("verified");
  });

  it("the chief proposes a partial refusal: the chief cannot approve it (a deputy exists); the deputy approves", async () => {
    clock.set(jst("2026-11-26T10:00:00"));
    const view = await pressForModal(h, P.chief, a.parent, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [AnswerBlocks.outcome]: "partly",
      [AnswerBlocks.actionTaken]: "DM 送付リストから削除",
      [AnswerBlocks.actionOn]: "2026-11-26",
      [AnswerBlocks.basis]: "a35_5",
      [AnswerBlocks.grounds]: ["r19_legal_duty"],
      [AnswerBlocks.reason]: "契約記録は法令上の保存期間中のため消去できません",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const proposal = await pumping(
      h,
      clock,
      h.fake.waitFor(() =>
        h.fake.thread(COMPLIANCE, a.parent.ts).find((m) => shown(m).includes("一部実施") && JSON.stringify(m.blocks ?? []).includes(DsrActions.approveRefusal)),
      ),
    );
    expect(h.fake.dms(P.chief).filter((m) => shown(m).includes("一部実施（一部不実施）」を提案"))).toEqual([]);
    await pressOn(h, P.chief, proposal, DsrActions.approveRefusal);
    await told(h, P.chief, ja.refusal.ownProposal);
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("awaiting_approval");
    await pressOn(h, P.deputy, proposal, DsrActions.approveRefusal);
    await told(h, P.deputy, ja.done.approved(a.code));
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    // decided, not closed: the notice to the person is still to be recorded
    expect(c).toMatchObject({ status: "decided", outcome: "partly", approvedBy: P.deputy, proposedBy: P.chief, answeredAt: null });
    expect(c.decidedAt?.toISOString()).toBe(jst("2026-11-26T10:00:00").toISOString());
    const post = shown(await parentShows(h, clock, a.parent, ja.status.decided));
    expect(post).toContain(ja.ground.r19_legal_duty);
    expect(post).toContain(`承認：<@${P.deputy}>`);
    expect(JSON.stringify(latest(h, a.parent).blocks)).not.toContain(DsrActions.answer);
    expect(JSON.stringify(latest(h, a.parent).blocks)).toContain(DsrActions.notice);
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes("承認されました"))),
    );
    const approved = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.refusal_approved", subject: `dsr:${a.code}` } });
    expect(approved.actorId).toBe(P.deputy);
    expect(approved.data).toMatchObject({ outcome: "partly", grounds: ["r19_legal_duty"], proposedBy: P.chief });
    // decided: not withdrawn any more, the notice is next
    // the owner's DM now offers only the notice (withdrawing is over), stamped with the approval
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(a.code) && shown(m).includes(ja.dm.stepDone.approved))),
    );
    expect(JSON.stringify(dm.blocks)).not.toContain(DsrActions.withdraw);
    expect(JSON.stringify(dm.blocks)).toContain(DsrActions.notice);
    const notice = await pressForModal(h, P.employee, a.parent, DsrActions.notice, DsrViews.notice);
    await h.slack.fillAndSubmit(P.employee, notice.id, { [NoticeBlocks.on]: "2026-11-26", [NoticeBlocks.via]: "mail", [NoticeBlocks.reasonExplained]: "yes" });
    expect(h.fake.viewErrors(notice.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({
      status: "answered",
      noticeVia: "mail",
      reasonExplained: true,
    });
    // answered: the DM is edited once more and keeps no button that records anything
    const done = await pumping(
      h,
      clock,
      h.fake.waitFor(() => {
        const m = latest(h, dm);
        return shown(m).includes(ja.dm.stepDone.noticed) ? m : undefined;
      }),
    );
    for (const id of [DsrActions.notice, DsrActions.withdraw, DsrActions.answer]) expect(JSON.stringify(done.blocks)).not.toContain(id);
  });
});

describe("the modal checks the gate on the server too", () => {
  let b: Awaited<ReturnType<typeof logCase>>;
  it("an answer modal re-pointed at an unverified case (a forged submission) answers nothing", async () => {
    b = await logCase(h, clock, P.compliance, { [LogBlocks.owner]: P.employee, [LogBlocks.receivedOn]: "2026-11-25" });
    const c = await logCase(h, clock, P.compliance, { [LogBlocks.receivedOn]: "2026-11-26", [LogBlocks.kind]: "purpose_notice" });
    const idView = await pressForModal(h, P.compliance, c.parent, DsrActions.identity, DsrViews.identity);
    await h.slack.fillAndSubmit(P.compliance, idView.id, { [IdentityBlocks.document]: "insurance" });
    expect(h.fake.viewErrors(idView.id) ?? {}).toEqual({});
    const answer = await pressForModal(h, P.compliance, c.parent, DsrActions.answer, DsrViews.answer);
    const payload = h.fake.viewPayload(answer.id, {
      [AnswerBlocks.outcome]: { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: "x" }, value: "done" } } },
      [AnswerBlocks.actionTaken]: { value: { type: "plain_text_input", value: "通知した" } },
      [AnswerBlocks.actionOn]: { value: { type: "datepicker", selected_date: "2026-11-26" } },
    });
    const forged = { ...payload, private_metadata: JSON.stringify({ id: b.id, rev: 0 }) };
    const r = await h.slack.viewSubmission(P.compliance, forged);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ response_action: "errors", errors: { [AnswerBlocks.outcome]: ja.problem.notVerified } });
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("open");
    // the same modal, for its own (verified) case, answers it
    await h.slack.fillAndSubmit(P.compliance, answer.id, {
      [AnswerBlocks.outcome]: "done",
      [AnswerBlocks.actionTaken]: "利用目的を書面で通知",
      [AnswerBlocks.actionOn]: "2026-11-26",
    });
    expect(h.fake.viewErrors(answer.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "decided", outcome: "done", approvedBy: null });
    await threadHas(h, clock, c.parent, "対応済み");
    // it closes once the notice to the person is recorded
    await notifyPerson(h, clock, P.compliance, c.parent, { [NoticeBlocks.on]: "2026-11-26" });
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "answered", noticeVia: "mail" });
  });

  it("the owner picked in the modal gets the DM; withdrawal from the DM closes the case", async () => {
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(b.code))),
    );
    const view = await pressForModal(h, P.employee, dm, DsrActions.withdraw, DsrViews.withdraw);
    await h.slack.fillAndSubmit(P.employee, view.id, { [WithdrawBlocks.note]: "電話で取り下げの連絡" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ status: "withdrawn", withdrawnNote: "電話で取り下げの連絡" });
    await threadHas(h, clock, b.parent, "取り下げを記録しました");
    // the DM is edited in place: it says so and has no buttons left but the link to the register post
    const edited = await pumping(
      h,
      clock,
      h.fake.waitFor(() => {
        const m = latest(h, dm);
        return shown(m).includes(ja.dm.stepDone.withdrawn) ? m : undefined;
      }),
    );
    for (const id of [DsrActions.answer, DsrActions.withdraw, DsrActions.identity]) expect(JSON.stringify(edited.blocks)).not.toContain(id);
    expect(JSON.stringify(edited.blocks)).toContain(DsrActions.openLink);
  });
});

describe("list and status", () => {
  it("list shows the open cases with their deadlines and flags the overdue ones", async () => {
    clock.set(jst("2026-12-09T10:00:00"));
    const open = await logCase(h, clock, P.employee, { [LogBlocks.receivedOn]: "2026-11-20", [LogBlocks.kind]: "correction" });
    const e = await privacy(h, P.manager, "dsr list");
    expect(e.shown).toContain("対応中の開示等の請求（1件）");
    expect(e.shown).toContain(open.code);
    expect(e.shown).toContain("回答目標 2026/12/04・社内上限 2026/12/04");
    expect(e.shown).toContain(":rotating_light:");
    expect(e.shown).not.toContain("DSR-2026-0001");
  });

  it("status shows the register entry without buttons; a bad or unknown code says so", async () => {
    const e = await privacy(h, P.compliance, "dsr status dsr-2026-0001");
    expect(e.shown).toContain("DSR-2026-0001");
    expect(e.shown).toContain(ja.status.answered);
    expect(JSON.stringify(e.blocks ?? [])).not.toContain(DsrActions.answer);
    expect((await privacy(h, P.compliance, "dsr status PRV-2026-0001")).shown).toContain(ja.command.badCode("PRV-2026-0001"));
    expect((await privacy(h, P.compliance, "dsr status DSR-2026-0999")).shown).toContain(ja.command.notFound("DSR-2026-0999"));
  });

  it("English speakers read English", async () => {
    await db().person.update({ where: { slackId: P.manager }, data: { lang: "en" } });
    const e = await privacy(h, P.manager, "dsr list");
    expect(e.shown).toContain("Open subject requests (1)");
    await db().person.update({ where: { slackId: P.manager }, data: { lang: null } });
  });
});

describe("the audit log", () => {
  it("every change is in the chain, and the export (npm run audit:export) has them", async () => {
    await drain(h, clock);
    expect((await verifyChain(db())).ok).toBe(true);
    const csv = await exportCsv(db(), jst("2026-11-01T00:00:00"), jst("2027-01-01T00:00:00"));
    for (const action of [
      "dsr.logged",
      "dsr.identity_checked",
      "dsr.refusal_proposed",
      "dsr.refusal_sent_back",
      "dsr.refusal_approved",
      "dsr.answered",
      "dsr.withdrawn",
      "dsr.refused",
    ]) {
      expect(csv, action).toContain(`,${action},dsr:`);
    }
    // the customer's reference by its keyed hash, never as typed; other free text only by its presence
    expect(csv).not.toContain("CUST-001234");
    expect(csv).toContain(sealOf(h.bot.services)("CUST-001234")!.hmac);
    for (const text of ["電話で取り下げの連絡", "利用目的を書面で通知", "契約記録は法令上"]) expect(csv).not.toContain(text);
  });
});

describe("correcting the identity check", () => {
  let x: Awaited<ReturnType<typeof logCase>>;
  it("「その他」 is picked from a list; a label with an ID number is a field error and nothing is stored", async () => {
    clock.set(jst("2026-12-10T10:00:00"));
    x = await logCase(h, clock, P.chief, { [LogBlocks.receivedOn]: "2026-12-10" });
    const view = await pressForModal(h, P.chief, x.parent, DsrActions.identity, DsrViews.identity);
    expect(JSON.stringify(view.view)).toContain("個人番号カード（マイナ保険証を含む。番号は記録しない）");
    for (const label of ["マイナンバーカード 1234 5678 9012", "個人番号123456789012", "免許証番号 301234567890"]) {
      await h.slack.fillAndSubmit(P.chief, view.id, {
        [IdentityBlocks.document]: "other",
        [IdentityBlocks.otherDocument]: "other",
        [IdentityBlocks.note]: label,
      });
      expect(h.fake.viewErrors(view.id), label).toEqual({ [IdentityBlocks.note]: ja.problem.noIdNumber });
    }
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } })).toMatchObject({ status: "open", idDocument: null, idDocumentNote: null });
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [IdentityBlocks.document]: "other",
      [IdentityBlocks.otherDocument]: "other",
      [IdentityBlocks.note]: "社員証",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } })).toMatchObject({
      status: "verified",
      idDocument: "other",
      idDocumentNote: "社員証",
    });
    const checked = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.identity_checked", subject: `dsr:${x.code}` } });
    expect(checked.data).toMatchObject({ document: "other", labelGiven: true, checkedBy: P.chief, checkedOn: "2026-12-10" });
    expect(JSON.stringify(checked.data)).not.toContain("社員証");
  });

  it("while verified, 「本人確認を訂正」 records it again: a correction with its own log entry, before and after", async () => {
    await parentShows(h, clock, x.parent, ja.parent.identityCorrectButton);
    const view = await pressForModal(h, P.manager, x.parent, DsrActions.identity, DsrViews.identity);
    expect(JSON.stringify(view.view)).toContain(ja.modal.identityCorrectTitle);
    await h.slack.fillAndSubmit(P.manager, view.id, {
      [IdentityBlocks.document]: "other",
      [IdentityBlocks.otherDocument]: "my_number_card",
      [IdentityBlocks.note]: "",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const c = await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } });
    expect(c).toMatchObject({ status: "verified", idDocument: "my_number_card", idDocumentNote: null, idRecordedBy: P.manager });
    const corrected = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.identity_corrected", subject: `dsr:${x.code}` } });
    expect(corrected.actorId).toBe(P.manager);
    expect(corrected.data).toMatchObject({
      before: { document: "other", labelGiven: true, checkedBy: P.chief },
      after: { document: "my_number_card", labelGiven: false, checkedBy: P.chief },
    });
    await threadHas(h, clock, x.parent, "本人確認の記録を訂正しました");
    await parentShows(h, clock, x.parent, "個人番号カード（");
    expect(await db().auditEntry.count({ where: { action: "dsr.refused", subject: `dsr:${x.code}` } })).toBe(0);
  });
});

describe("nobody approves their own refusal", () => {
  let x: { id: string; code: string; parent: Awaited<ReturnType<typeof logCase>>["parent"] };
  let deputyRoles: string[];
  it("the chief proposes a refusal and no deputy is registered: the thread says nobody can approve it, compliance is told at once, logged", async () => {
    // the case of the corrections above: the chief owns it
    const row = await db().subjectRequest.findFirstOrThrow({ where: { loggedBy: P.chief, status: "verified" }, orderBy: { createdAt: "desc" } });
    x = { id: row.id, code: row.code, parent: h.fake.messages(COMPLIANCE).find((m) => m.text.includes(row.code))! };
    deputyRoles = (await db().person.findUniqueOrThrow({ where: { slackId: P.deputy } })).roles;
    await db().person.update({ where: { slackId: P.deputy }, data: { roles: [] } });
    const view = await pressForModal(h, P.chief, x.parent, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.grounds]: ["a33_2_2"],
      [AnswerBlocks.reason]: "業務に著しい支障",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect((await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } })).status).toBe("awaiting_approval");
    const said = await threadHas(h, clock, x.parent, "承認できる個人情報管理責任者・代理が登録されていません");
    expect(shown(said)).toContain(`<@${P.compliance}>`);
    await pumping(
      h,
      clock,
      h.fake.waitFor(() =>
        h.fake.dms(P.compliance).find((m) => m.text.includes(x.code) && m.text.includes("承認できる個人情報管理責任者・代理が他にいません")),
      ),
    );
    const logged = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.no_approver", subject: `dsr:${x.code}` } });
    expect(logged.data).toMatchObject({ proposedBy: P.chief, why: "only_proposer", to: [P.compliance] });
  });

  it("the chief pressing 「拒否を承認」 on their own proposal is refused with the reason, logged, and nothing changes", async () => {
    const req = await threadHas(h, clock, x.parent, "承認依頼");
    await pressOn(h, P.chief, req, DsrActions.approveRefusal);
    await told(h, P.chief, ja.refusal.noOtherApprover);
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } })).toMatchObject({ status: "awaiting_approval", approvedBy: null });
    expect(
      await db().auditEntry.count({ where: { action: "dsr.refused", subject: `dsr:${x.code}`, data: { path: ["refusal"], equals: "no_other_approver" } } }),
    ).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "dsr.refusal_approved", subject: `dsr:${x.code}` } })).toBe(0);
    // nor can the identity check be corrected while the refusal waits: the owner's DM has lost its buttons
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.chief).find((m) => m.text.includes(x.code) && shown(m).includes(ja.dm.stepDone.proposed))),
    );
    expect(JSON.stringify(dm.blocks)).not.toContain(DsrActions.identity);
  });

  it("a value that cannot be decoded on 「拒否を承認」 is refused and logged", async () => {
    const req = await threadHas(h, clock, x.parent, "承認依頼");
    const before = await db().auditEntry.count({ where: { action: "dsr.refused", subject: "dsr:unknown" } });
    await h.slack.blockAction(P.deputy, { actionId: DsrActions.approveRefusal, message: { channel: req.channel, ts: req.ts }, value: "not-a-case" });
    await told(h, P.deputy, ja.refusal.notFound);
    await until(
      () =>
        db().auditEntry.count({
          where: { action: "dsr.refused", subject: "dsr:unknown", actorId: P.deputy, data: { path: ["attempted"], equals: "approve_refusal" } },
        }),
      (n) => n === before + 1,
    );
  });

  it("once a deputy is registered again, the deputy approves it", async () => {
    await db().person.update({ where: { slackId: P.deputy }, data: { roles: deputyRoles } });
    const req = await threadHas(h, clock, x.parent, "承認依頼");
    await pressOn(h, P.deputy, req, DsrActions.approveRefusal);
    await told(h, P.deputy, ja.done.approved(x.code));
    expect(await db().subjectRequest.findUniqueOrThrow({ where: { id: x.id } })).toMatchObject({
      status: "decided",
      approvedBy: P.deputy,
      proposedBy: P.chief,
    });
  });
});
