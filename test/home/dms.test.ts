// DMs with buttons are edited in place once the thing is done (issue 16): the subject
// request owner's 「本人確認を記録」 and an incident's 「受領しました」, done by the DM's own
// button or another way (the register post, the incident's post, the assessment). Over
// signed HTTP; what the person sees in the DM afterwards.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DsrActions, DsrViews, IdentityBlocks } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { AssessBlocks, AssignBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { parseSettings } from "../../src/settings.js";
import { jst, newView, pumping } from "../support/clock.js";
import { shown } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { latest, logCase } from "../dsr/helpers.js";

const P = ORG.people;
const ja = dsrMessages("ja");
const clock = new ManualClock(jst("2026-11-24T10:04:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings("company: { telecomCarrier: false }\n") });
});
afterAll(async () => h?.close());

/** The buttons (action ids with their texts) a message carries. */
const buttons = (m: FakeMessage) =>
  ((m.blocks ?? []) as { type: string; elements?: { action_id: string; text: { text: string } }[] }[])
    .filter((b) => b.type === "actions")
    .flatMap((b) => (b.elements ?? []).map((e) => `${e.action_id}:${e.text.text}`));

/** Waits until the DM (as stored now, edited or not) shows `text`. */
const dmShows = (dm: FakeMessage, text: string) =>
  pumping(
    h,
    clock,
    h.fake.waitFor(() => {
      const m = latest(h, dm);
      return shown(m).includes(text) ? m : undefined;
    }),
  );

async function recordIdentity(user: string, on: FakeMessage) {
  const view = await newView(h, user, DsrViews.identity, () =>
    h.slack.blockAction(user, { actionId: DsrActions.identity, message: { channel: on.channel, ts: on.ts } }),
  );
  await h.slack.fillAndSubmit(user, view.id, { [IdentityBlocks.document]: "license", [IdentityBlocks.checkedOn]: "2026-11-24" });
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
}

describe("the owner's DM of a subject request", () => {
  it("pressing 「本人確認を記録」 in the DM: the DM says it is recorded, when and by whom, and the button is gone", async () => {
    const a = await logCase(h, clock, P.employee);
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(a.code))),
    );
    expect(buttons(dm)).toContain(`${DsrActions.identity}:${ja.parent.identityButton}`);
    await recordIdentity(P.employee, dm);
    const edited = await dmShows(dm, "✅ 本人確認を記録済み");
    expect(shown(edited)).toContain(`✅ 本人確認を記録済み（2026/11/24 10:04 <@${P.employee}>）`);
    expect(buttons(edited)).not.toContain(`${DsrActions.identity}:${ja.parent.identityButton}`);
    // the next step is offered instead; still one DM, edited in place
    expect(buttons(edited)).toContain(`${DsrActions.answer}:${ja.parent.answerButton}`);
    expect(h.fake.dms(P.employee).filter((m) => m.text.includes(a.code))).toHaveLength(1);
  });

  it("recorded another way (from the register post, by a manager): the owner's DM is edited too", async () => {
    const b = await logCase(h, clock, P.employee);
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(b.code))),
    );
    clock.set(jst("2026-11-24T10:30:00"));
    await recordIdentity(P.manager, b.parent);
    const edited = await dmShows(dm, "✅ 本人確認を記録済み");
    expect(shown(edited)).toContain(`（2026/11/24 10:30 <@${P.manager}>）`);
    expect(buttons(edited)).not.toContain(`${DsrActions.identity}:${ja.parent.identityButton}`);
  });
});

describe("an incident's 「受領しました」 DMs", () => {
  async function report(summary: string) {
    const view = await newView(h, P.employee2, IncidentViews.report, () => h.slack.command(P.employee2, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee2, view.id, {
      [ReportBlocks.summary]: summary,
      [ReportBlocks.discoveredOn]: "2026-11-24",
      [ReportBlocks.discoveredTime]: "10:00",
      [ReportBlocks.data]: "顧客の氏名・メールアドレス",
      [ReportBlocks.affected]: "100-1000",
      [ReportBlocks.ongoing]: "no",
      [ReportBlocks.processor]: "no",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await db().incident.findFirstOrThrow({ where: { summary } });
    const dm = (who: string) =>
      pumping(
        h,
        clock,
        h.fake.waitFor(() => h.fake.dms(who).find((m) => shown(m).includes(i.code) && JSON.stringify(m.blocks ?? []).includes(IncidentActions.acknowledge))),
      );
    return { ...i, chiefDm: await dm(P.chief), complianceDm: await dm(P.compliance) };
  }

  it("the chief presses it in the DM: the chief's and compliance's DMs lose the button and say who and when", async () => {
    clock.set(jst("2026-11-24T11:00:00"));
    const i = await report("顧客リストを誤って社外に送信した");
    clock.set(jst("2026-11-24T11:05:00"));
    const r = await h.slack.blockAction(P.chief, { actionId: IncidentActions.acknowledge, message: { channel: i.chiefDm.channel, ts: i.chiefDm.ts } });
    expect(r.status).toBe(200);
    for (const dm of [i.chiefDm, i.complianceDm]) {
      const edited = await dmShows(dm, "✅ 受領済み");
      expect(shown(edited)).toContain(`✅ 受領済み（2026/11/24 11:05 <@${P.chief}>）`);
      expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.acknowledge);
      expect(JSON.stringify(edited.blocks)).toContain(IncidentActions.openLink);
    }
    expect((await db().incident.findUniqueOrThrow({ where: { id: i.id } })).acknowledgedBy).toBe(P.chief);
  });

  it("acknowledged another way (the chief's first assessment): the DMs are edited as well", async () => {
    clock.set(jst("2026-11-24T12:00:00"));
    const i = await report("USBメモリを紛失した");
    const parent = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.messages(ORG.channels.incidents).find((m) => shown(m).includes(i.code))),
    );
    const block = (parent.blocks ?? []).find((b) => b.type === "actions");
    clock.set(jst("2026-11-24T12:10:00"));
    const assess = await newView(h, P.chief, IncidentViews.assess, () =>
      h.slack.blockAction(P.chief, {
        actionId: IncidentActions.assess,
        blockId: block?.block_id as string,
        message: { channel: parent.channel, ts: parent.ts },
      }),
    );
    await h.slack.fillAndSubmit(P.chief, assess.id, {
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "300",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.dataItems]: "氏名、メールアドレス",
      [AssessBlocks.cause]: "紛失",
    });
    expect(h.fake.viewErrors(assess.id) ?? {}).toEqual({});
    for (const dm of [i.chiefDm, i.complianceDm]) {
      const edited = await dmShows(dm, "✅ 受領済み");
      expect(shown(edited)).toContain(`✅ 受領済み（2026/11/24 12:10 <@${P.chief}>）`);
      expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.acknowledge);
    }
  });
});

describe("a task owner's DM", () => {
  it("once the task is done from the DM, the DM says so and its 完了 / 該当なし are gone", async () => {
    clock.set(jst("2026-11-24T13:00:00"));
    const i = await db().incident.findFirstOrThrow({ where: { summary: "USBメモリを紛失した" } });
    const checklist = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.thread(ORG.channels.incidents, i.messageTs!).find((m) => shown(m).includes("対応タスク"))),
    );
    const edit = await newView(h, P.chief, IncidentViews.taskEdit, () =>
      h.slack.blockAction(P.chief, {
        actionId: IncidentActions.taskEdit,
        blockId: "task-cause-found",
        message: { channel: checklist.channel, ts: checklist.ts },
      }),
    );
    await h.slack.fillAndSubmit(P.chief, edit.id, { [AssignBlocks.owner]: P.employee2, [AssignBlocks.dueOn]: "2026-11-27", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(edit.id) ?? {}).toEqual({});
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee2).find((m) => shown(m).includes(i.code) && JSON.stringify(m.blocks ?? []).includes(IncidentActions.taskDone))),
    );
    clock.set(jst("2026-11-24T13:30:00"));
    const block = (dm.blocks ?? []).find((b) => JSON.stringify(b).includes(IncidentActions.taskDone));
    const r = await h.slack.blockAction(P.employee2, {
      actionId: IncidentActions.taskDone,
      blockId: block?.block_id as string,
      message: { channel: dm.channel, ts: dm.ts },
    });
    expect(r.status).toBe(200);
    const edited = await dmShows(dm, "✅ 完了（");
    expect(shown(edited)).toContain(`✅ 完了（2026/11/24 13:30 <@${P.employee2}>）`);
    expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.taskDone);
    expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.taskNa);
  });
});
