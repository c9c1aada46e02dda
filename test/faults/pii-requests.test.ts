// Personal data typed into every free-text field of every request kind, a reason and a
// revision: the chain, its CSV export and the digest hold none of it (their seals: length,
// keyed hash, kinds seen), while the request's versions, events, provision record and
// processor, which can be erased, hold what the work needs. Fields that describe data ask
// for its kinds and refuse values. Over signed HTTP against the fake Slack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { resubmit } from "../../src/requests/flows.js";
import { kindMessages } from "../../src/requests/kinds/messages.js";
import type { RequestKind } from "../../src/requests/kinds/index.js";
import { sealOf } from "../../src/platform/pii/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { VALID_INPUTS } from "../support/forms.js";
import { completeMeasures, decideWithReason, openForm, parentShows, press, waitForDb } from "../support/flow.js";
import { expectNothingKept, personal } from "./piiSupport.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;

/** Every free-text field of each kind that is not about the kinds of data, with the customer's details. */
const TYPED: Record<RequestKind, Record<string, string>> = {
  purpose: {
    purpose: personal("目的", 0),
    dataSubjectsDetails: personal("本人", 1),
    collectionDetails: personal("収集", 2),
    retentionDetails: personal("保存", 0).slice(0, 200),
    sensitiveConsent: personal("同意", 1),
  },
  method: { method: personal("方法", 1), sourceName: personal("提供元", 2).slice(0, 200) },
  entrust: { processorName: personal("委託先", 2).slice(0, 200), processorAddress: personal("所在地", 0).slice(0, 200), work: personal("業務", 1) },
  provide: { unavoidableReason: personal("理由", 0), recipientName: personal("提供先", 1).slice(0, 200), country: personal("国", 2).slice(0, 200) },
  joint: {
    jointUsers: personal("共同利用者", 0),
    purposes: personal("目的", 1),
    responsibleName: personal("責任者", 2).slice(0, 200),
    responsibleAddress: personal("住所", 0).slice(0, 200),
    responsibleRepresentative: personal("代表者", 1).slice(0, 200),
    noticeDetails: personal("通知", 2),
  },
};

const EXTRA: Partial<Record<RequestKind, Record<string, string | string[]>>> = {
  purpose: { dataSubjects: "other", collection: "other", retention: "other", sensitive: "yes" },
  provide: { destination: "designated" },
  joint: { noticeMethod: "other" },
};

const filed: Partial<Record<RequestKind, { id: string; code: string; parent: Awaited<ReturnType<typeof openForm>> | unknown }>> = {};
const typedAll: string[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

async function file(kind: RequestKind) {
  const view = await openForm(h, P.employee, kind);
  const inputs = { ...VALID_INPUTS[kind], ...(EXTRA[kind] ?? {}), ...TYPED[kind] };
  // data items are kinds of data: the customer's details there are a field error, nothing is filed
  await h.slack.fillAndSubmit(P.employee, view.id, { ...inputs, dataItems: personal("項目", 1) });
  expect(h.fake.viewErrors(view.id)?.dataItems).toBe(kindMessages("ja").common.categoriesNotValues);
  expect(await db().request.count({ where: { submissionKey: `view:${view.id}` } })).toBe(0);
  await h.slack.fillAndSubmit(P.employee, view.id, inputs);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const req = await db().request.findFirstOrThrow({ where: { submissionKey: `view:${view.id}` }, include: { versions: true } });
  // the erasable record holds every field as typed
  expect(req.versions[0]!.data).toMatchObject(TYPED[kind]);
  typedAll.push(...Object.values(TYPED[kind]));
  const parent = await h.fake.waitFor(() => h.fake.messages(ORG.channels.approvals).find((m) => m.text.includes(req.code)));
  return { id: req.id, code: req.code, parent };
}

describe("personal data in every free-text field of every request kind", () => {
  it("each kind is filed with the customer's details in every field; data items refuse them", async () => {
    for (const kind of ["purpose", "method", "entrust", "provide", "joint"] as const) filed[kind] = await file(kind);
    // the chain's entry: choices as they are, each typed field by its seal (the same keyed hash)
    const seal = sealOf(h.bot.services);
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "request.submitted", subject: `request:${filed.provide!.code}` } });
    expect((entry.data as { data: Record<string, unknown> }).data).toMatchObject({
      legalBasis: "consent",
      destination: "designated",
      recipientName: { ...seal(TYPED.provide.recipientName), pii: expect.arrayContaining(["name", "phone", "email"]) },
      unavoidableReason: seal(TYPED.provide.unavoidableReason),
    });
  });

  it("a reason and a revision carry them too: the events and versions keep the text, the chain its seal", async () => {
    const purpose = filed.purpose! as { id: string; code: string; parent: Parameters<typeof decideWithReason>[2] };
    const reason = personal("差戻し理由", 2);
    await decideWithReason(h, P.manager, purpose.parent, RequestActions.requestChanges, reason);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: purpose.id } }),
      (r) => r.status === "changes_requested",
    );
    expect(await db().requestEvent.findFirst({ where: { requestId: purpose.id, action: "changes_requested" } })).toMatchObject({ reason });
    const r = await db().request.findUniqueOrThrow({ where: { id: purpose.id } });
    const revised = {
      ...((await db().requestVersion.findFirstOrThrow({ where: { requestId: purpose.id } })).data as object),
      purpose: personal("改訂目的", 1),
    };
    expect(await resubmit(h.bot.services, { requestId: purpose.id, actorId: P.employee, data: revised, pressedRev: r.rev })).toMatchObject({ ok: true });
    const rejectReason = personal("却下理由", 0);
    await decideWithReason(h, P.manager, filed.method!.parent as Parameters<typeof decideWithReason>[2], RequestActions.reject, rejectReason);
    await waitForDb(
      () => db().requestEvent.findFirst({ where: { action: "rejection_proposed" } }), // waits for the chief (規程 第4条3項)
      (e) => e?.reason === rejectReason,
    );
    typedAll.push(reason, rejectReason, personal("改訂目的", 1));
  });

  it("a provision and an entrustment become effective: the provision record and the processor hold the names, the chain their seals", async () => {
    for (const kind of ["provide", "entrust"] as const) {
      const r = filed[kind]! as { id: string; code: string; parent: Parameters<typeof press>[2] };
      await press(h, P.manager, r.parent, RequestActions.approve);
      await parentShows(h, r.parent, "第2段階");
      await press(h, P.chief, r.parent, RequestActions.approve);
      await parentShows(h, r.parent, "必要な措置の実施中");
      await completeMeasures(h, P.chief, r.id);
      await parentShows(h, r.parent, "有効");
    }
    expect(await db().provisionRecord.findFirstOrThrow({ where: { requestId: filed.provide!.id } })).toMatchObject({ recipient: TYPED.provide.recipientName });
    expect(await db().processor.findFirstOrThrow({ where: { requestId: filed.entrust!.id } })).toMatchObject({ name: TYPED.entrust.processorName });
    await h.bot.services.outbox.flush();
  });

  it("none of it is in the chain, its export or the digest (the open requests listed by kind)", async () => {
    const { entries } = await expectNothingKept(h, typedAll);
    expect(entries).toBeGreaterThan(20);
  });
});
