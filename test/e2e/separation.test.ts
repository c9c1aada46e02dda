// Separation of duties end to end: who may press what when the requester is the
// department's only manager, the chief, or the chief without a deputy; and people who
// are not in the directory at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";
import { APPROVALS, fileRequest, parentShows, press, waitForDb } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { fakeUsers, privacy, shown, textsOf } from "../support/commands.js";

const P = ORG.people;
const DEV_APPROVALS = "C0DEVAPPROVALS"; // 開発部's own approvals channel
const STRANGER = "U0STRANGER";

/** The "now waiting for" line of a parent message: who may decide the current stage. */
function deciders(m: FakeMessage): string {
  return textsOf(m.blocks).find((t) => t.startsWith("*現在の判断者*")) ?? "";
}

/** Presses, and returns the ephemeral that tells the presser why nothing happened. */
async function refusedPress(h: Harness, user: string, parent: FakeMessage, expected: string): Promise<string> {
  const before = h.fake.ephemerals(user).length;
  await press(h, user, h.fake.message(parent.channel, parent.ts)!, RequestActions.approve);
  const e = await h.fake.waitFor(() => h.fake.ephemerals(user)[before]);
  expect(e.text, user).toContain(expected);
  return e.text;
}

const statusOf = (h: Harness, id: string) => h.bot.services.database.prisma.request.findUniqueOrThrow({ where: { id } });

describe("with a deputy chief (the usual org)", () => {
  let h: Harness;
  const db = () => h.bot.services.database.prisma;
  beforeAll(async () => {
    h = await startHarness({ fake: { users: fakeUsers([{ id: STRANGER, locale: "ja-JP" }]) } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("(a) the only manager of 開発部: posted to 開発部's channel, stage 1 falls to the chief, stage 2 to someone else", async () => {
    const { id, code, parent } = await fileRequest(h, P.soloManager, "purpose", VALID_INPUTS.purpose, DEV_APPROVALS);
    expect(h.fake.messages(APPROVALS).some((m) => m.text.includes(code))).toBe(false);
    expect(parent.channel).toBe(DEV_APPROVALS);
    // the message says who decides stage 1, and why it is not a manager
    expect(deciders(parent)).toContain(`<@${P.chief}>`);
    expect(deciders(parent)).not.toContain(`<@${P.soloManager}>`);
    expect(shown(parent)).toContain("唯一の個人情報管理者");
    const asked = await h.fake.waitFor(() => h.fake.thread(DEV_APPROVALS, parent.ts)[0]);
    expect(asked.text).toContain(`<@${P.chief}>`);
    expect(asked.text).not.toContain(`<@${P.soloManager}> 確認`);

    // the requester cannot approve, nor can a manager of another department
    await refusedPress(h, P.soloManager, parent, "自分の届出");
    await refusedPress(h, P.manager, parent, "個人情報管理者");
    expect((await statusOf(h, id)).status).toBe("pending_manager");

    await press(h, P.chief, parent, RequestActions.approve);
    const stage2 = await parentShows(h, parent, "第2段階");
    expect((await statusOf(h, id)).stage1By).toBe(P.chief);
    // the final approval is someone else's: the deputy
    expect(deciders(stage2)).toContain(`<@${P.deputy}>`);
    expect(deciders(stage2)).not.toContain(`<@${P.chief}>`);
    const why = await refusedPress(h, P.chief, stage2, "第1段階");
    expect(why).toContain("職務の分離");
    expect((await statusOf(h, id)).status).toBe("pending_chief");
    const refused = await db().auditEntry.findMany({ where: { action: "request.press_refused", actorId: P.chief, subject: `request:${id}` } });
    expect(refused.map((r) => (r.data as { refusal: string }).refusal)).toContain("stage1_decider");

    await press(h, P.deputy, stage2, RequestActions.approve);
    await parentShows(h, parent, "必要な措置の実施中");
    const events = await db().requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["submitted", P.soloManager],
      ["approved_stage1", P.chief],
      ["approved_stage2", P.deputy],
    ]);
  });

  it("(b) the chief's own request: the chief is refused with a reason, the deputy decides", async () => {
    const { id, parent } = await fileRequest(h, P.chief, "provide");
    expect(parent.channel).toBe(APPROVALS); // 法務部 has no channel of its own
    expect(deciders(parent)).toContain(`<@${P.deputy}>`);
    expect(deciders(parent)).not.toContain(`<@${P.chief}>`);
    // 法務部 has no manager: the message must not claim the chief is its only manager
    expect(shown(parent)).not.toContain("唯一の個人情報管理者");
    expect(shown(parent)).toContain("個人情報管理者が登録されていない");

    await refusedPress(h, P.chief, parent, "自分の届出を判断することはできません（職務の分離）");
    await refusedPress(h, P.manager, parent, "個人情報管理者");
    expect((await statusOf(h, id)).status).toBe("pending_manager");
    await press(h, P.deputy, parent, RequestActions.approve);
    const stage2 = await parentShows(h, parent, "第2段階");
    expect(deciders(stage2)).toContain(`<@${P.deputy}>`);
    expect(deciders(stage2)).not.toContain(`<@${P.chief}>`);

    await refusedPress(h, P.chief, stage2, "自分の届出を判断することはできません（職務の分離）");
    expect((await statusOf(h, id)).status).toBe("pending_chief");
    await press(h, P.deputy, stage2, RequestActions.approve);
    await waitForDb(
      () => statusOf(h, id),
      (r) => r.status === "approved" && Boolean(r.checklistTs),
    );
    // nobody else is left at the chief's level, so the deputy decided both stages (workflow.ts: eligibleDeciders)
    const events = await db().requestEvent.findMany({ where: { requestId: id, action: { startsWith: "approved" } }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["approved_stage1", P.deputy],
      ["approved_stage2", P.deputy],
    ]);
  });

  it("(d) someone not in the directory is told whom to ask; the admins are told once", async () => {
    const first = await privacy(h, STRANGER, "request");
    expect(first.text).toContain("名簿にまだ登録されていません");
    expect(first.text).toContain(`<@${P.admin}>`);
    const dm = await h.fake.waitFor(() => h.fake.dms(P.admin).find((m) => m.text.includes(`<@${STRANGER}>`)));
    expect(dm.text).toContain("/privacy admin person add");

    const second = await privacy(h, STRANGER, "request purpose");
    expect(second.text).toBe(first.text);
    // a press on a button in a thread (the checklist of the chief's request in (b)): the same answer, nothing done
    const approved = await db().request.findFirstOrThrow({ where: { requesterId: P.chief } });
    const measure = await db().requestMeasure.findFirstOrThrow({ where: { requestId: approved.id }, orderBy: { position: "asc" } });
    const before = h.fake.ephemerals(STRANGER).length;
    await h.slack.blockAction(STRANGER, {
      actionId: RequestActions.tickMeasure,
      blockId: `measure-${measure.key}`,
      message: { channel: APPROVALS, ts: approved.checklistTs! },
    });
    expect((await h.fake.waitFor(() => h.fake.ephemerals(STRANGER)[before])).text).toBe(first.text);
    expect((await db().requestMeasure.findUniqueOrThrow({ where: { requestId_key: { requestId: approved.id, key: measure.key } } })).doneAt).toBeNull();

    expect(h.fake.openViews(STRANGER)).toEqual([]); // no form was opened
    expect(await db().request.count({ where: { requesterId: STRANGER } })).toBe(0);
    expect(await db().unknownUser.findMany({ where: { slackId: STRANGER } })).toHaveLength(1);
    // each DM is written to the outbox in the same transaction as the UnknownUser row: one row means one DM
    const toAdmins = (await db().outboxMessage.findMany()).filter((m) => JSON.stringify(m.payload).includes(STRANGER));
    expect(toAdmins.map((m) => (m.payload as { channel: string }).channel)).toEqual([P.admin]);
    expect(h.fake.dms(P.admin).filter((m) => m.text.includes(STRANGER))).toHaveLength(1);
  });
});

describe("without a deputy chief", () => {
  let h: Harness;
  const db = () => h.bot.services.database.prisma;
  beforeAll(async () => {
    const noDeputy = ORG_YAML.replace("roles: [deputyChief] }", "roles: [] }");
    expect(noDeputy).not.toBe(ORG_YAML);
    h = await startHarness({ orgYaml: noDeputy });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("(c) the chief's own request says that nobody can approve it, and nobody can", async () => {
    const { id, parent } = await fileRequest(h, P.chief, "purpose");
    const warning = "個人情報管理責任者代理（当社の拡張：規程に定めなし）が登録されていない";
    expect(shown(parent)).toContain(warning);
    expect(shown(parent)).toContain("/privacy admin role add @user deputyChief"); // how to fix it
    expect(deciders(parent)).toContain("承認できる人がいません");
    const asked = await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts)[0]);
    expect(asked.text).toContain("承認できる人がいません");

    await refusedPress(h, P.chief, parent, "自分の届出");
    // everyone else pressing is told why: there is no deputy
    for (const who of [P.manager, P.deputy, P.compliance]) await refusedPress(h, who, parent, "代理が登録されていません");
    expect((await statusOf(h, id)).status).toBe("pending_manager");

    // an admin makes 高橋 a manager of 法務部: stage 1 can be decided, the final approval still cannot
    const added = await privacy(h, P.admin, `admin role add <@${P.manager2}> manager legal`);
    expect(added.text).toContain(`<@${P.manager2}>`);
    await press(h, P.manager2, parent, RequestActions.approve);
    const stage2 = await parentShows(h, parent, "第2段階");
    expect(shown(stage2)).toContain(warning);
    expect(deciders(stage2)).toContain("承認できる人がいません");
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("第1段階を承認") && m.text.includes("承認できる人がいません")));

    await refusedPress(h, P.chief, stage2, "自分の届出");
    for (const who of [P.manager2, P.deputy]) await refusedPress(h, who, stage2, "代理が登録されていません");
    const r = await statusOf(h, id);
    expect(r.status).toBe("pending_chief");
    expect(await db().requestEvent.count({ where: { requestId: id, action: "approved_stage2" } })).toBe(0);
    // the chief sees where it stands
    expect((await privacy(h, P.chief, `status ${r.code}`)).shown).toContain("第2段階");
  });
});
