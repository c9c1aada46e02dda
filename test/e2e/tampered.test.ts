// What a button or a modal carries is checked, never cast (platform/slack/handlers.ts): a
// tampered value or private_metadata is refused, the person told, and nothing changes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Services } from "../../src/platform/services.js";
import { KINDS } from "../../src/requests/kinds/index.js";
import { RequestActions, RequestViews, ReasonBlock } from "../../src/requests/ids.js";
import { requestMessages } from "../../src/requests/messages.js";
import { pickKind, submitReason } from "../../src/requests/slack.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { ephemeralFor, fileRequest, press, waitForDb } from "../support/flow.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;

/** What a decision could have changed about a request. */
async function trace(id: string) {
  const r = await db().request.findUniqueOrThrow({ where: { id } });
  return {
    status: r.status,
    rev: r.rev,
    events: await db().requestEvent.count({ where: { requestId: id } }),
    audit: await db().auditEntry.count(),
    outbox: await db().outboxMessage.count(),
  };
}

describe("over signed HTTP", () => {
  it("a reason modal whose private_metadata names an unknown decision is refused; nothing changes", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "purpose");
    const before = new Set(h.fake.openViews(P.manager).map((v) => v.id));
    await press(h, P.manager, parent, RequestActions.reject);
    const view = await h.fake.waitFor(() => h.fake.openViews(P.manager).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.reason));
    await waitForDb(
      () => db().outboxMessage.count({ where: { sentAt: null } }),
      (n) => n === 0,
    );
    const was = await trace(id);
    const stored = h.fake.viewPayload(view.id, { [ReasonBlock.block]: { [ReasonBlock.action]: { type: "plain_text_input", value: "理由" } } });
    const meta = JSON.parse(String(stored.private_metadata)) as Record<string, unknown>;
    expect(meta.decision).toBe("reject");
    const res = await h.slack.viewSubmission(P.manager, { ...stored, private_metadata: JSON.stringify({ ...meta, decision: "approve_everything" }) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response_action: "errors", errors: { [ReasonBlock.block]: requestMessages("ja").refusal.not_found } });
    // metadata that is not JSON at all
    const broken = await h.slack.viewSubmission(P.manager, { ...stored, private_metadata: "{not json" });
    expect(broken.body).toMatchObject({ response_action: "errors" });
    expect(await trace(id)).toEqual(was);
  });

  it("a button whose value is not JSON is refused with an answer to the presser; nothing changes", async () => {
    const { id, parent } = await fileRequest(h, P.employee, "method");
    await waitForDb(
      () => db().outboxMessage.count({ where: { sentAt: null } }),
      (n) => n === 0,
    );
    const was = await trace(id);
    const r = await h.slack.blockAction(P.manager, {
      actionId: RequestActions.approve,
      message: { channel: parent.channel, ts: parent.ts },
      value: "not json",
    });
    expect(r.status).toBe(200);
    await ephemeralFor(h, P.manager, requestMessages("ja").refusal.not_found);
    // a value of the right shape but the wrong types
    await h.slack.blockAction(P.manager, {
      actionId: RequestActions.approve,
      message: { channel: parent.channel, ts: parent.ts },
      value: JSON.stringify({ id, rev: "0" }),
    });
    await h.fake.waitFor(() => h.fake.ephemerals(P.manager).filter((e) => e.text === requestMessages("ja").refusal.not_found).length >= 2 || undefined);
    const after = await trace(id);
    // the refusals are answered ephemerally (a response_url, not the outbox) and decide nothing
    expect(after).toEqual(was);
  });
});

describe("a handler called directly", () => {
  const manager = { slackId: "U1", name: "M", departmentId: "sales", roles: ["manager"], lang: "en" as const };

  it("the reason modal without a reason asks for one, before anything else", async () => {
    const fail = vi.fn(async () => undefined);
    const ack = vi.fn(async () => undefined);
    await submitReason({
      s: {} as Services,
      actor: manager,
      lang: "en",
      meta: { id: "r1", rev: 0, decision: "reject" },
      view: { state: { values: { [ReasonBlock.block]: { [ReasonBlock.action]: { type: "plain_text_input", value: "   " } } } } } as never,
      body: {} as never,
      client: {} as never,
      ack,
      fail,
    });
    expect(fail).toHaveBeenCalledWith(requestMessages("en").refusal.reason_required);
    expect(ack).not.toHaveBeenCalled();
  });

  it("picking a kind replaces the picker with that kind's form, in the person's language", async () => {
    const update = vi.fn(async () => ({ ok: true }));
    await pickKind({
      s: {} as Services,
      actor: manager,
      value: KINDS.entrust,
      tell: async () => undefined,
      body: { view: { id: "V1", hash: "h1" } } as never,
      client: { views: { update } } as never,
    });
    expect(update).toHaveBeenCalledTimes(1);
    const args = (update.mock.calls[0] as unknown as [{ view_id: string; hash: string; view: { callback_id: string; private_metadata: string } }])[0];
    expect(args).toMatchObject({ view_id: "V1", hash: "h1", view: { callback_id: RequestViews.form } });
    expect(JSON.parse(args.view.private_metadata)).toEqual({ kind: "entrust" });
  });
});
