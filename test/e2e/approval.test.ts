// The approval workflow end to end: signed HTTP into the running app, the fake Slack
// Web API answering, the database holding the result.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { RequestActions } from "../../src/requests/ids.js";
import { REQUEST_KINDS } from "../../src/requests/kinds/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { APPROVALS, completeMeasures, decideWithReason, ephemeralFor, fileRequest, openForm, parentShows, press, waitForDb } from "../support/flow.js";
import { VALID_INPUTS, INVALID_EXAMPLE } from "../support/forms.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;

describe("each kind from modal to effective", () => {
  it.each(REQUEST_KINDS.map((k) => [k]))("%s", async (kind) => {
    const { code, id, parent } = await fileRequest(h, P.employee, kind);
    expect(code).toMatch(/^PRV-\d{4}-\d{4}$/);
    // posted once, with the stage-1 buttons and the managers named
    expect(parent.text).toContain(code);
    expect(JSON.stringify(parent.blocks)).toContain("第1段階");
    const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code)));
    expect(JSON.stringify(dm.blocks)).toContain("/archives/C0APPROVALS/p");
    const thread = await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("<@U0MANAGER>")));
    expect(thread.text).toContain("<@U0MANAGER2>");

    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await press(h, P.chief, parent, RequestActions.approve);
    await parentShows(h, parent, "必要な措置の実施中");
    // before the measures are done the requester may not start
    expect((await db().request.findUniqueOrThrow({ where: { id } })).status).toBe("approved");

    await completeMeasures(h, P.chief, id);
    const done = await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "effective",
    );
    expect(done.effectiveAt).not.toBeNull();
    await parentShows(h, parent, "有効");
    await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("活動を開始できます")));
    const provision = await db().provisionRecord.findUnique({ where: { requestId: id } });
    if (kind === "provide") {
      expect(provision).not.toBeNull();
      const years = (provision!.retainUntil.getTime() - provision!.createdAt.getTime()) / (365.25 * 24 * 3600 * 1000);
      expect(Math.round(years)).toBe(3);
    } else expect(provision).toBeNull();
    // the history of decisions, in order
    const events = await db().requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action).filter((a) => !a.startsWith("measure"))).toEqual(["submitted", "approved_stage1", "approved_stage2", "effective"]);
  });
});

describe("field errors", () => {
  it("come back in the modal and nothing is stored", async () => {
    const view = await openForm(h, P.employee2, INVALID_EXAMPLE.kind);
    const count = await db().request.count();
    const res = await h.slack.fillAndSubmit(P.employee2, view.id, INVALID_EXAMPLE.inputs);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_action: "errors" });
    const errors = h.fake.viewErrors(view.id)!;
    expect(Object.keys(errors)).toContain(INVALID_EXAMPLE.expectErrorOn);
    expect(errors[INVALID_EXAMPLE.expectErrorOn]).toMatch(/[ぁ-んァ-ン一-龯]/); // said in Japanese
    expect(await db().request.count()).toBe(count);
    // the person fixes it and submits the same modal: stored once
    const fixed = await h.slack.fillAndSubmit(P.employee2, view.id, VALID_INPUTS[INVALID_EXAMPLE.kind]);
    expect(fixed.body ?? "").not.toMatchObject({ response_action: "errors" });
    expect(await db().request.count()).toBe(count + 1);
  });
});

describe("request changes, resubmit, reject, withdraw", () => {
  it("sends back with a reason; the requester edits a pre-filled modal and resubmits a new version", async () => {
    const { id, code, parent } = await fileRequest(h, P.employee, "purpose");
    // a reason is required
    const empty = await decideWithReason(h, P.manager, parent, RequestActions.requestChanges, "");
    expect(h.fake.viewErrors(empty.view.id)).toHaveProperty("reason");
    await h.slack.fillAndSubmit(P.manager, empty.view.id, { reason: "保存期間の根拠を書いてください" });
    await parentShows(h, parent, ":leftwards_arrow_with_hook:");
    const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("保存期間の根拠")));
    // the revise button in the DM opens the stored values
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: dm.channel, ts: dm.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === "request-revise-view"));
    const v1 = await db().requestVersion.findFirstOrThrow({ where: { requestId: id, version: 1 } });
    expect(JSON.stringify(view.view.blocks)).toContain(String((v1.data as Record<string, unknown>)[Object.keys(v1.data as object)[0]!]));
    await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, ...REVISION });
    const r = await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.version === 2,
    );
    expect(r.status).toBe("pending_manager");
    const versions = await db().requestVersion.findMany({ where: { requestId: id }, orderBy: { version: "asc" } });
    expect(versions.map((x) => x.version)).toEqual([1, 2]);
    expect(versions[0]!.data).toEqual(v1.data); // the earlier version stays readable
    await parentShows(h, parent, "*版*\\n2");
  });

  it("rejects with a reason, final", async () => {
    const { id, code, parent } = await fileRequest(h, P.employee, "joint");
    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    await decideWithReason(h, P.chief, parent, RequestActions.reject, "共同利用の必要性が説明されていません");
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "rejected",
    );
    await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("却下")));
    const m = await parentShows(h, parent, ":no_entry:");
    expect(JSON.stringify(m.blocks)).not.toContain(RequestActions.approve); // no buttons left
  });

  it("the requester withdraws before the final approval; others cannot", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "method");
    await press(h, P.manager, parent, RequestActions.withdraw);
    await ephemeralFor(h, P.manager, "届出者本人だけ");
    await press(h, P.employee, parent, RequestActions.withdraw);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "withdrawn",
    );
    await parentShows(h, parent, ":heavy_minus_sign:");
  });
});

describe("presses that must change nothing", () => {
  it("a forged press (wrong person), a press on one's own request, a double press, a stale message", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "entrust");
    // someone who is not a manager of 営業部
    await press(h, P.soloManager, parent, RequestActions.approve);
    await ephemeralFor(h, P.soloManager, "個人情報管理者");
    // the chief cannot skip stage 1
    await press(h, P.chief, parent, RequestActions.approve);
    await ephemeralFor(h, P.chief, "個人情報管理者");
    expect((await db().request.findUniqueOrThrow({ where: { id } })).status).toBe("pending_manager");
    // double press by the manager: one decision
    const stale = h.fake.message(parent.channel, parent.ts)!;
    await press(h, P.manager, stale, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "pending_chief",
    );
    // pressing the old message again (Slack still shows it to someone who has not refreshed)
    const told2 = h.fake.ephemerals(P.manager2).length;
    await h.slack.blockAction(P.manager2, { actionId: RequestActions.approve, message: { channel: parent.channel, ts: parent.ts } }).catch(() => undefined);
    await vi.waitFor(() => expect(h.fake.ephemerals(P.manager2).length).toBe(told2 + 1)); // told why, ephemerally
    const refused = await waitForDb(
      () => db().auditEntry.findMany({ where: { action: "request.press_refused", subject: `request:${id}` } }),
      (x) => x.length >= 3,
    );
    expect(refused.map((e) => (e.data as { refusal: string }).refusal)).toEqual(expect.arrayContaining(["not_approver"]));
    const decisions = await db().requestEvent.findMany({ where: { requestId: id, action: "approved_stage1" } });
    expect(decisions).toHaveLength(1);
  });

  it("two approvers pressing at the same moment produce exactly one decision", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "purpose");
    const told = () => h.fake.ephemerals(P.manager).length + h.fake.ephemerals(P.manager2).length;
    const toldBefore = told();
    await Promise.all([press(h, P.manager, parent, RequestActions.approve), press(h, P.manager2, parent, RequestActions.approve)]);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "pending_chief",
    );
    await waitForDb(
      () => db().auditEntry.count({ where: { action: "request.press_refused", subject: `request:${id}` } }),
      (n) => n === 1,
    );
    expect(await db().requestEvent.count({ where: { requestId: id, action: "approved_stage1" } })).toBe(1);
    // the one who came second is told why (and nothing else arrives later)
    await vi.waitFor(() => expect(told()).toBe(toldBefore + 1));
  });

  it("a retried delivery (X-Slack-Retry-Num) is handled once", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "purpose");
    const payload = { actionId: RequestActions.approve, message: { channel: parent.channel, ts: parent.ts }, actionTs: "1790000000.000001" };
    const first = await h.slack.blockAction(P.manager, payload);
    expect(first.status).toBe(200);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (x) => x.status === "pending_chief",
    );
    // what earlier tests told this manager has all arrived (a refusal is told after its ack)
    const before = await quiet(() => h.fake.ephemerals(P.manager).length);
    // Slack resends the same delivery byte for byte, marked as a retry
    const again = await h.slack.retry(first);
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      h.fake
        .ephemerals(P.manager)
        .slice(before)
        .map((e) => e.text),
    ).toEqual([]); // not even a refusal
    expect(await db().requestEvent.count({ where: { requestId: id, action: "approved_stage1" } })).toBe(1);
  });

  it("the same modal delivered twice creates one request", async () => {
    const view = await openForm(h, P.employee, "purpose");
    const count = await db().request.count();
    const stored = h.fake.viewPayload(view.id);
    const { stateFromInputs } = await import("../../src/platform/slack/fake/index.js");
    const submission = { ...stored, state: { values: stateFromInputs(h.fake.view(view.id)!.view, VALID_INPUTS.purpose) } };
    const [a, b] = await Promise.all([
      h.slack.viewSubmission(P.employee, submission),
      h.slack.viewSubmission(P.employee, submission, { headers: { "X-Slack-Retry-Num": "1" } }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await db().request.count()).toBe(count + 1);
  });
});

describe("Slack failing, then recovering", () => {
  it("the request is saved while Slack is down and the messages go out later", async () => {
    h.fake.down(true);
    const view = await openFormWhileUp();
    const res = await h.slack.fillAndSubmit(P.employee, view.id, VALID_INPUTS.provide);
    expect(res.status).toBe(200);
    const req = await db().request.findFirstOrThrow({ where: { submissionKey: `view:${view.id}` } });
    await new Promise((r) => setTimeout(r, 400));
    expect(h.fake.messages(APPROVALS).some((m) => m.text.includes(req.code))).toBe(false);
    expect(await h.bot.services.outbox.pendingCount()).toBeGreaterThan(0);
    h.fake.down(false);
    // the outbox retries with back-off (first retry after 1-2 s)
    await h.fake.waitFor(() => h.fake.messages(APPROVALS).find((m) => m.text.includes(req.code)), 15_000);
    await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(req.code)), 15_000);
  }, 30_000);

  it("honours 429 Retry-After", async () => {
    // the earlier tests' messages are all out, so the 429 meets this request's first post
    await waitForDb(
      () => h.bot.services.outbox.pendingCount(),
      (n) => n === 0,
      20_000,
    );
    h.fake.failNext("chat.postMessage", { retryAfter: 1 });
    const { code } = await fileRequest(h, P.employee, "purpose");
    const calls = h.fake.callsTo("chat.postMessage").filter((c) => JSON.stringify(c.args).includes(code));
    // the refused post (the parent or the DM, whichever went first) is sent again on the
    // same channel no sooner than Retry-After says
    const refused = calls.find((c) => c.status === 429)!;
    expect(refused).toBeDefined();
    const channel = (c: (typeof calls)[number]) => String((c.args as { channel?: string }).channel);
    const again = await h.fake.waitFor(() =>
      h.fake
        .callsTo("chat.postMessage")
        .find((c) => c.at > refused.at && c.status === 200 && channel(c) === channel(refused) && JSON.stringify(c.args).includes(code)),
    );
    expect(again.at.getTime() - refused.at.getTime()).toBeGreaterThanOrEqual(950);
  });
});

describe("the audit chain", () => {
  it("holds every decision and detects a changed row", async () => {
    const ok = await verifyChain(db());
    expect(ok.ok).toBe(true);
    const actions = new Set((await db().auditEntry.findMany({ select: { action: true } })).map((a) => a.action));
    for (const a of [
      "request.submitted",
      "request.approved_stage1",
      "request.approved_stage2",
      "request.effective",
      "request.rejected",
      "request.changes_requested",
      "request.withdrawn",
      "request.resubmitted",
      "request.press_refused",
      "provision_record.created",
    ])
      expect(actions).toContain(a);
    await h.bot.services.database.exec(
      `ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"; UPDATE "AuditEntry" SET "actorId" = 'U0FORGED' WHERE seq = 5; ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only";`,
    );
    expect(await verifyChain(db())).toMatchObject({ ok: false, brokenAt: 5 });
  });
});

async function openFormWhileUp() {
  // views.open needs Slack: open the form first, then Slack goes down before the submission
  h.fake.down(false);
  const view = await openForm(h, P.employee, "provide");
  h.fake.down(true);
  return view;
}

const REVISION: Record<string, string> = {};

/** The value once it has not changed for 400 ms. */
async function quiet(read: () => number): Promise<number> {
  let last = read();
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const now = read();
    if (now === last) return now;
    last = now;
  }
}
