// Circulation (回覧), issue 17, over signed HTTP: people informed without deciding, set by the
// settings' rules or added by the requester (on the form, or with 回覧に追加 in the thread).
// They get a DM with the summary and a link to the thread; 確認しました is recorded in the
// history, the audit chain and the thread, and the DM is edited in place to its done state.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { requestMessages } from "../../src/requests/messages.js";
import { CirculateBlock, CirculationActions, CirculationViews } from "../../src/routes/circulation/ids.js";
import { parseSettings } from "../../src/settings.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { APPROVALS, fileRequest, openForm, press } from "../support/flow.js";
import { privacy, shown } from "../support/commands.js";
import { VALID_INPUTS } from "../support/forms.js";

const { employee, employee2, manager, auditor, compliance, english } = ORG.people;
const ja = requestMessages("ja");

const SETTINGS = `
routes:
  circulation:
    rules:
      - { kinds: [provide], to: [auditor] }
      - { kinds: [purpose], departments: [dev], to: [compliance] }
`;

let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ settings: parseSettings(SETTINGS) });
});
afterAll(async () => h?.close());

describe("circulation (回覧)", () => {
  let p: Awaited<ReturnType<typeof fileRequest>>;

  it("by rule: a provision goes to the audit lead, who gets the summary and a link, and the thread says so", async () => {
    p = await fileRequest(h, employee, "provide");
    const dm = await h.fake.waitFor(() => h.fake.dms(auditor).find((m) => m.text.includes(p.code)));
    expect(dm.text).toContain("回覧");
    expect(dm.text).toContain(`<@${employee}>`);
    expect(dm.text).toContain("承認はしません");
    const blocks = JSON.stringify(dm.blocks);
    expect(blocks).toContain(CirculationActions.seen);
    expect(blocks).toContain(`archives/${p.parent.channel}/p${p.parent.ts.replace(".", "")}`);
    const thread = await h.fake.waitFor(() => h.fake.thread(APPROVALS, p.parent.ts).find((m) => m.text.includes("回覧：")));
    expect(thread.text).toContain(`<@${auditor}>`);
    expect(thread.text).toContain("設定の回覧ルールによる");
    expect(await db().circulation.findMany({ where: { requestId: p.id } })).toMatchObject([{ personId: auditor, source: "rule", seenAt: null }]);
    expect(await db().requestEvent.count({ where: { requestId: p.id, action: "circulated" } })).toBe(1);
    expect((await db().auditEntry.findFirstOrThrow({ where: { action: "circulation.added", subject: `request:${p.code}` } })).data).toMatchObject({
      people: [auditor],
      source: "rule",
    });
    // a rule that does not match (a purpose of 営業部) circulates nothing
    const other = await fileRequest(h, employee, "purpose");
    expect(await db().circulation.count({ where: { requestId: other.id } })).toBe(0);
  });

  it("someone on the list does not decide", async () => {
    await press(h, auditor, p.parent, RequestActions.approve);
    await h.fake.waitFor(() => h.fake.ephemerals(auditor).find((e) => e.text === ja.refusal.not_approver));
    expect((await db().request.findUniqueOrThrow({ where: { id: p.id } })).status).toBe("pending_manager");
  });

  it("確認しました is recorded (history, audit chain, thread) and the DM turns to its done state in place", async () => {
    const dm = await h.fake.waitFor(() => h.fake.dms(auditor).find((m) => m.text.includes(p.code)));
    await h.slack.blockAction(auditor, { actionId: CirculationActions.seen, message: { channel: dm.channel, ts: dm.ts } });
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, p.parent.ts).find((m) => m.text.includes(`<@${auditor}> が回覧を確認しました（確認済み 1/1）`)));
    const edited = await h.fake.waitFor(() => {
      const m = h.fake.message(dm.channel, dm.ts);
      return m && shown(m).includes(":white_check_mark: 確認しました（") ? m : undefined;
    });
    expect(JSON.stringify(edited.blocks)).not.toContain(CirculationActions.seen);
    const c = await db().circulation.findFirstOrThrow({ where: { requestId: p.id, personId: auditor } });
    expect(c.seenAt).not.toBeNull();
    expect(await db().requestEvent.count({ where: { requestId: p.id, action: "circulation_seen", actorId: auditor } })).toBe(1);
    expect(await db().auditEntry.count({ where: { action: "circulation.seen", subject: `request:${p.code}` } })).toBe(1);
  });

  it("added by the requester on the form; someone not in the directory is a field error and nothing is filed", async () => {
    const bad = await openForm(h, employee, "method");
    await h.slack.fillAndSubmit(employee, bad.id, { ...VALID_INPUTS.method, [CirculateBlock.block]: ["U0NOBODY"] });
    const errors = await h.fake.waitFor(() => h.fake.viewErrors(bad.id));
    expect(errors[CirculateBlock.block]).toContain("<@U0NOBODY>");
    expect(await db().request.count({ where: { submissionKey: `view:${bad.id}` } })).toBe(0);

    const view = await openForm(h, employee, "method");
    await h.slack.fillAndSubmit(employee, view.id, { ...VALID_INPUTS.method, [CirculateBlock.block]: [employee2, employee] });
    const req = await h.fake.waitFor(() => db().request.findFirst({ where: { submissionKey: `view:${view.id}` } }));
    const dm = await h.fake.waitFor(() => h.fake.dms(employee2).find((m) => m.text.includes(req!.code)));
    expect(dm.text).toContain("回覧");
    // the requester is never on the list
    expect((await db().circulation.findMany({ where: { requestId: req!.id } })).map((c) => [c.personId, c.source])).toEqual([[employee2, "requester"]]);
    const parent = await h.fake.waitFor(() => h.fake.messages(APPROVALS).find((m) => m.text.includes(req!.code)));
    const thread = await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("回覧：")));
    expect(thread.text).toContain(`<@${employee}> が追加`);
  });

  it("added by the requester with 回覧に追加 in the thread; only the requester may", async () => {
    const msg = await h.fake.waitFor(() => h.fake.thread(APPROVALS, p.parent.ts).find((m) => m.text.includes("回覧：")));
    // someone else: refused
    await h.slack.blockAction(manager, { actionId: CirculationActions.add, message: { channel: APPROVALS, ts: msg.ts } });
    await h.fake.waitFor(() => h.fake.ephemerals(manager).find((e) => e.text.includes("申請者だけ")));
    // the requester: the modal, with people chosen
    const before = new Set(h.fake.openViews(employee).map((v) => v.id));
    await h.slack.blockAction(employee, { actionId: CirculationActions.add, message: { channel: APPROVALS, ts: msg.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(employee).find((v) => !before.has(v.id) && v.view.callback_id === CirculationViews.add));
    // someone already on the list only: a field error
    await h.slack.fillAndSubmit(employee, view.id, { [CirculateBlock.block]: [auditor] });
    expect((await h.fake.waitFor(() => h.fake.viewErrors(view.id)))[CirculateBlock.block]).toContain("すでに回覧先");
    await privacy(h, english, "lang en"); // Alex reads English
    await h.slack.fillAndSubmit(employee, view.id, { [CirculateBlock.block]: [auditor, english, compliance] });
    // English speakers get it in English
    const dm = await h.fake.waitFor(() => h.fake.dms(english).find((m) => m.text.includes(p.code)));
    expect(dm.text).toContain("For your information");
    await h.fake.waitFor(() => h.fake.dms(compliance).find((m) => m.text.includes(p.code)));
    const list = await db().circulation.findMany({ where: { requestId: p.id }, orderBy: { addedAt: "asc" } });
    expect(list.map((c) => c.personId).sort()).toEqual([auditor, compliance, english].sort());
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, p.parent.ts).find((m) => m.text.includes(`<@${english}>`) && m.text.includes(`<@${employee}> が追加`)));
    // the English speaker sees it: 2 of 3
    await h.slack.blockAction(english, { actionId: CirculationActions.seen, message: { channel: dm.channel, ts: dm.ts } });
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, p.parent.ts).find((m) => m.text.includes("確認済み 2/3")));
    await h.fake.waitFor(() => {
      const m = h.fake.message(dm.channel, dm.ts);
      return m && shown(m).includes(":white_check_mark: Seen (") ? m : undefined;
    });
  });
});
