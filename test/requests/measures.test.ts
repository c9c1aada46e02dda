// Necessary measures (issue 16): ticking names the measure in the history (「措置『…』を完了」)
// and can carry evidence (a link or a note, via a small modal; the link is checked, the note
// holds no personal data); unticking before the request is effective is possible and logged
// (history + audit chain); after it is effective, unticking is refused with an ephemeral.
import { AUTO_MEASURES } from "../../src/requests/workflow.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { EvidenceBlocks, RequestActions, RequestViews } from "../../src/requests/ids.js";
import { KINDS, type RequestData } from "../../src/requests/kinds/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { fileRequest, parentShows, press, waitForDb } from "../support/flow.js";
import { shown } from "../support/commands.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LINK = "https://intranet.example.co.jp/privacy/purpose-notice-2026";

describe("measures", () => {
  let filed: Awaited<ReturnType<typeof fileRequest>>;
  let firstKey: string;
  let firstLabel: string;
  let checklist: { channel: string; ts: string };

  const checklistNow = () => h.fake.message(checklist.channel, checklist.ts)!;
  const openEvidence = async () => {
    const before = new Set(h.fake.openViews(P.chief).map((v) => v.id));
    await h.slack.blockAction(P.chief, { actionId: RequestActions.tickMeasureWithEvidence, blockId: `evidence-${firstKey}`, message: checklist });
    return h.fake.waitFor(() => h.fake.openViews(P.chief).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.evidence));
  };

  it("ticking with evidence: the link is checked, the note holds no personal data, the history names the measure", async () => {
    // a joint use: two measures a person ticks (the ledger registration is the register's own)
    filed = await fileRequest(h, P.employee, "joint");
    await press(h, P.manager, filed.parent, RequestActions.approve);
    await parentShows(h, filed.parent, "第2段階");
    await press(h, P.chief, filed.parent, RequestActions.approve);
    await parentShows(h, filed.parent, "必要な措置の実施中");
    const req = await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: filed.id } }),
      (r) => Boolean(r.checklistTs),
    );
    checklist = { channel: req.channelId!, ts: req.checklistTs! };
    const version = await db().requestVersion.findFirstOrThrow({ where: { requestId: filed.id } });
    // the first measure a person ticks (the ledger registration is ticked by the register itself)
    const def = KINDS.joint.measures(version.data as RequestData).find((d) => !AUTO_MEASURES.has(d.key))!;
    firstKey = def.key;
    firstLabel = def.label("ja");
    expect(shown(checklistNow())).toContain("証跡を添えて完了");

    const view = await openEvidence();
    expect(shown(view.view as never)).toContain(firstLabel);
    // nothing entered
    await h.slack.fillAndSubmit(P.chief, view.id, {});
    expect(h.fake.viewErrors(view.id)?.[EvidenceBlocks.link]).toContain("リンクかメモのどちらか");
    // not https
    await h.slack.fillAndSubmit(P.chief, view.id, { [EvidenceBlocks.link]: "http://intranet.example.co.jp/x" });
    expect(h.fake.viewErrors(view.id)?.[EvidenceBlocks.link]).toContain("https://");
    // not a link at all
    await h.slack.fillAndSubmit(P.chief, view.id, { [EvidenceBlocks.link]: "https://" });
    expect(h.fake.viewErrors(view.id)?.[EvidenceBlocks.link]).toBeTruthy();
    // personal data in the note
    await h.slack.fillAndSubmit(P.chief, view.id, { [EvidenceBlocks.note]: "山田太郎様 090-1234-5678 に確認済み" });
    expect(h.fake.viewErrors(view.id)?.[EvidenceBlocks.note]).toContain("個人情報");
    expect((await db().requestMeasure.findFirstOrThrow({ where: { requestId: filed.id, key: firstKey } })).doneAt).toBeNull();
    // a link and a note: done, with its evidence
    await h.slack.fillAndSubmit(P.chief, view.id, { [EvidenceBlocks.link]: LINK, [EvidenceBlocks.note]: "ウェブサイトの公表文（第3版）" });
    const m = await waitForDb(
      () => db().requestMeasure.findFirstOrThrow({ where: { requestId: filed.id, key: firstKey } }),
      (x) => Boolean(x.doneAt),
    );
    expect(m).toMatchObject({ doneBy: P.chief, evidenceUrl: LINK, evidenceNote: "ウェブサイトの公表文（第3版）" });
    await h.fake.waitFor(() => (shown(checklistNow()).includes(LINK) ? true : undefined));
    expect(shown(checklistNow())).toContain("ウェブサイトの公表文（第3版）");
    await parentShows(h, filed.parent, `措置『${firstLabel}』を完了`);
    // the chain keeps the measure's key and the seals of the evidence, never its text
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subject: `request:${filed.code}`, action: "request.measure_done" } });
    expect((audit.data as { measure: string }).measure).toBe(firstKey);
    expect(JSON.stringify(audit.data)).not.toContain("intranet.example");
    expect(JSON.stringify(audit.data)).not.toContain("公表文");
  });

  it("unticking before the request is effective: possible, in the history and the audit chain", async () => {
    await h.slack.blockAction(P.chief, { actionId: RequestActions.untickMeasure, blockId: `measure-${firstKey}`, message: checklist });
    const m = await waitForDb(
      () => db().requestMeasure.findFirstOrThrow({ where: { requestId: filed.id, key: firstKey } }),
      (x) => x.doneAt === null,
    );
    expect(m.evidenceUrl).toBeNull();
    await parentShows(h, filed.parent, `措置『${firstLabel}』の完了を取り消し`);
    const event = await db().requestEvent.findFirstOrThrow({ where: { requestId: filed.id, action: "measure_undone" } });
    expect(event).toMatchObject({ actorId: P.chief, detail: firstKey });
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subject: `request:${filed.code}`, action: "request.measure_undone" } });
    expect(audit.data).toMatchObject({ measure: firstKey, from: "done", to: "open" });
    expect(shown(checklistNow())).not.toContain(LINK);
  });

  it("after the request is effective, unticking is refused with an ephemeral and changes nothing", async () => {
    // the chief ticks the first measure again; the checklist then shows its 取り消す button,
    // as the chief's Slack may still show it after the request became effective
    await h.slack.blockAction(P.chief, { actionId: RequestActions.tickMeasure, blockId: `measure-${firstKey}`, message: checklist });
    const staleBlocks = (
      await h.fake.waitFor(() => (JSON.stringify(checklistNow().blocks).includes(RequestActions.untickMeasure) ? checklistNow() : undefined))
    ).blocks;
    const rest = await db().requestMeasure.findMany({ where: { requestId: filed.id, doneAt: null }, orderBy: { position: "asc" } });
    for (const x of rest.filter((y) => !AUTO_MEASURES.has(y.key))) {
      await h.slack.blockAction(P.chief, { actionId: RequestActions.tickMeasure, blockId: `measure-${x.key}`, message: checklist });
      await waitForDb(
        () => db().requestMeasure.findFirstOrThrow({ where: { requestId: filed.id, key: x.key } }),
        (y) => Boolean(y.doneAt),
      );
    }
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: filed.id } }),
      (r) => r.status === "effective",
    );
    // once effective, the checklist has no buttons left
    await h.fake.waitFor(() => (JSON.stringify(checklistNow().blocks).includes(RequestActions.untickMeasure) ? undefined : true));
    const copy = h.fake.showEphemeral({ channel: checklist.channel, user: P.chief, text: "stale checklist", blocks: staleBlocks });
    const events = await db().requestEvent.count({ where: { requestId: filed.id } });
    await h.slack.blockAction(P.chief, {
      actionId: RequestActions.untickMeasure,
      blockId: `measure-${firstKey}`,
      message: { ...checklist, ts: copy.ts, ephemeral: true },
    });
    await h.fake.waitFor(() => h.fake.ephemerals(P.chief).find((e) => e.text.includes("既に有効です")));
    expect(await db().requestEvent.count({ where: { requestId: filed.id } })).toBe(events);
    expect((await db().requestMeasure.findFirstOrThrow({ where: { requestId: filed.id, key: firstKey } })).doneAt).not.toBeNull();
    const refused = await db().auditEntry.findFirst({ where: { action: "request.press_refused" }, orderBy: { seq: "desc" } });
    expect(JSON.stringify(refused?.data)).toContain("measures_locked");
    expect((await verifyChain(db())).ok).toBe(true);
  });
});
