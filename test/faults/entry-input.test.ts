// What a person (or a forged request, signed like Slack's) can put in a form or a command
// beyond what Slack's own inputs allow: NUL and other control characters, a 100,000-character
// reason, a 100,000-character /privacy argument. Each is answered where the person acted
// (a field error in the open modal, a short ephemeral that does not repeat it), and nothing
// is stored or queued. Before: NUL made PostgreSQL refuse the statement and the submission
// went unanswered; the long reason was stored, and its messages failed for good in the outbox.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { RequestActions, ReasonBlock } from "../../src/requests/ids.js";
import { decideWithReason, fileRequest, openForm, parentShows } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const CONTROL_JA = "使用できない文字（制御文字）が含まれています。入力し直してください。";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const db = () => h.bot.services.database.prisma;

/** What a refused submission must leave as it was: rows of every kind a decision writes, and Slack. */
async function held() {
  // what earlier steps queued is sent first, so only the submission under test could change these
  await vi.waitFor(async () => expect(await db().outboxMessage.count({ where: { status: "pending" } })).toBe(0), { timeout: 8000, interval: 25 });
  return {
    requests: await db().request.findMany({ select: { id: true, status: true, rev: true }, orderBy: { id: "asc" } }),
    events: await db().requestEvent.count(),
    audit: await db().auditEntry.count(),
    outbox: await db().outboxMessage.count(),
    messages: h.fake.callsTo("chat.postMessage").length,
  };
}

describe("a modal with NUL or another control character", () => {
  it("a request form with NUL in a text field: a field error on that field, nothing stored; without it, the request is filed", async () => {
    const view = await openForm(h, P.employee, "purpose");
    const before = await held();
    for (const typed of ["案内\u0000メール", "案内\u001bメール", "\u0007"]) {
      const r = await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, purpose: typed });
      expect(r.status).toBe(200);
      expect(h.fake.viewErrors(view.id)).toEqual({ purpose: CONTROL_JA });
    }
    expect(h.fake.openViews(P.employee).map((v) => v.id)).toContain(view.id);
    expect(await held()).toEqual(before);
    // line breaks and tabs are what a multi-line field holds: filed
    await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, dataItems: "氏名\n\tメールアドレス" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().request.count()).toBe(before.requests.length + 1);
  });

  it("in English for someone whose Slack is in English", async () => {
    const view = await openForm(h, P.english, "purpose");
    await h.slack.fillAndSubmit(P.english, view.id, { ...VALID_INPUTS.purpose, purpose: "mail\u0000" });
    expect(h.fake.viewErrors(view.id)).toEqual({ purpose: "This contains a character that cannot be used (a control character). Please type it again." });
  });
});

describe("the reason of a send-back or a rejection", () => {
  it("100,000 characters, 2,001, or NUL: a field error, the request unchanged, no history, no audit entry, nothing queued; 2,000 is decided and every message sent", async () => {
    const { id, code, parent } = await fileRequest(h, P.employee, "purpose");
    const before = await held();
    const tried: Record<string, string> = {
      [`${"理".repeat(100_000)}`]: "2000文字以内で入力してください。",
      [`${"a".repeat(2001)}`]: "2000文字以内で入力してください。",
      "保存期間の\u0000根拠": CONTROL_JA,
    };
    for (const [reason, error] of Object.entries(tried)) {
      const { view, res } = await decideWithReason(h, P.manager, parent, RequestActions.reject, reason);
      expect(res.status).toBe(200);
      expect(h.fake.viewErrors(view.id)).toEqual({ [ReasonBlock.block]: error });
      h.fake.closeView(view.id);
    }
    expect(await held()).toEqual(before);
    expect(await db().request.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending_manager" });

    const longest = "根拠を示してください。".repeat(182).slice(0, 2000);
    expect(longest).toHaveLength(2000);
    const earlier = new Set((await db().outboxMessage.findMany({ select: { id: true } })).map((m) => m.id));
    const { view } = await decideWithReason(h, P.manager, parent, RequestActions.reject, longest);
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    await parentShows(h, parent, "却下を確定"); // a manager's rejection waits for the chief (規程 第4条3項)
    // every message the decision queued goes out (a Home refresh may be superseded by a newer one);
    // a pass can leave a row for the next one (its reference not resolved yet, a Home pass while busy)
    await vi.waitFor(
      async () => {
        await h.bot.services.outbox.flush();
        const queued = (await db().outboxMessage.findMany()).filter((m) => !earlier.has(m.id));
        expect(queued.length).toBeGreaterThan(0);
        expect(queued.filter((m) => m.status !== "sent" && !(m.status === "superseded" && m.collapseKey)).map((m) => [m.method, m.status])).toEqual([]);
      },
      { timeout: 10_000, interval: 200 },
    );
    // the requester's DM carries the reason whole
    expect(h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes(longest))).toBeDefined();
  });
});

describe("/privacy arguments", () => {
  it("an argument of 100,000 characters gets a short answer that does not repeat it, and nothing is recorded", async () => {
    const deliveries = await db().slackDelivery.count();
    const ephemerals = h.fake.ephemerals(P.employee).length;
    for (const text of [`status ${"X".repeat(100_000)}`, `status PRV-2026-0001${"9".repeat(200)}`, `${"y".repeat(121)}`]) {
      const r = await h.slack.command(P.employee, "/privacy", text);
      expect(r.status).toBe(200);
      const answer = (r.body as { response_type?: string; text?: string }) ?? {};
      expect(answer.response_type).toBe("ephemeral");
      expect(answer.text).toContain("コマンドが長すぎます");
      expect(answer.text).toContain("The command is too long");
      expect(answer.text!.length).toBeLessThan(250);
      expect(answer.text).not.toMatch(/X{50}|9{50}|y{50}/);
    }
    const nul = await h.slack.command(P.employee, "/privacy", "status PRV-2026-0001\u0000");
    expect((nul.body as { text?: string }).text).toContain("制御文字");
    expect(await db().slackDelivery.count()).toBe(deliveries);
    expect(h.fake.ephemerals(P.employee).length).toBe(ephemerals);
  });

  it("an argument within the bounds is answered as before (a 120-character word: not a request code)", async () => {
    const word = "Z".repeat(120);
    const before = h.fake.ephemerals(P.employee).length;
    const r = await h.slack.command(P.employee, "/privacy", `status ${word}`);
    expect(r.status).toBe(200);
    const e = await h.fake.waitFor(() => h.fake.ephemerals(P.employee)[before]);
    expect(e.text).toContain("届出番号ではありません");
  });
});
