// People put in charge who may not be in the restricted incidents channel, over signed
// HTTP: the lead is told to have themselves added (and the thread asks a member to add
// them); a task's owner who is an ordinary employee gets the task's buttons by DM (on
// assignment and in the deadline reminders), acts from there on their own task only, and
// sees the incident's status (not the report draft). Also: two report-items modals open at
// once (the second is refused, nothing overwritten), a malformed due date or time, and
// the notice to the people affected still reminded (and the next deadline) after the 確報.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import {
  AssessBlocks,
  AssignBlocks,
  DetailsBlocks,
  IncidentActions,
  IncidentViews,
  ReportBlocks,
  SubmittedBlocks,
  TaskBlocks,
} from "../../src/incidents/ids.js";
import { incidentMessages } from "../../src/incidents/messages.js";
import { buildDigest } from "../../src/digest/build.js";
import { homeShows, reportAndTriage } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (issue 13 made the carrier the default). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { NA_GROUND_BLOCK } from "../../src/incidents/intake/exceptions.js";
import { jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const LEAD = P.manager;
const OWNER = P.employee2; // an ordinary employee, neither the reporter nor a responder
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const label = incidentMessages("ja").tasks;

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);
const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const shows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (text: string) => pumping(h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((r) => shown(r).includes(text))));
const incident = () => db().incident.findUniqueOrThrow({ where: { code } });
const task = async (key: string) => db().incidentTask.findUniqueOrThrow({ where: { incidentId_key: { incidentId: (await incident()).id, key } } });
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("個人情報の事故の期限"));
const actionIds = (m: { blocks?: unknown[] }) => JSON.stringify(m.blocks ?? []);

/** Presses a button on `on` (the post, the checklist or a DM) and returns the presser's next ephemeral. */
async function pressOn(user: string, on: FakeMessage, actionId: string, blockId?: string) {
  const before = h.fake.ephemerals(user).length;
  const r = await h.slack.blockAction(user, { actionId, ...(blockId ? { blockId } : {}), message: { channel: on.channel, ts: on.ts } });
  expect(r.status).toBe(200);
  return h.fake.waitFor(() => h.fake.ephemerals(user)[before]);
}
const pressForView = (user: string, on: FakeMessage, actionId: string, callbackId: string, blockId?: string) =>
  newView(user, callbackId, async () => {
    const r = await h.slack.blockAction(user, { actionId, ...(blockId ? { blockId } : {}), message: { channel: on.channel, ts: on.ts } });
    expect(r.status).toBe(200);
  });
const home = (user: string, ok: (text: string) => boolean) => homeShows(h, clock, user, ok);

let parent: FakeMessage;
let checklist: FakeMessage;
let code: string;
let id: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
  ({ code, id, parent } = await reportAndTriage(
    h,
    clock,
    {
      [ReportBlocks.summary]: "顧客の病歴を含む一覧を社外に誤送信した",
      [ReportBlocks.data]: "顧客の氏名・病歴",
      [ReportBlocks.processor]: "no",
    },
    {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "300",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.dataItems]: "氏名、病歴",
      [AssessBlocks.cause]: "宛先の選択誤り",
    },
  ));
  checklist = await threadHas("対応タスク");
});
afterAll(async () => {
  await h?.close();
});

describe("the incident lead, who may not be in the incidents channel", () => {
  it("is told by DM to have themselves added; the thread reply mentions them and asks a member to add them", async () => {
    const view = await pressForView(P.chief, parent, IncidentActions.assignLead, IncidentViews.lead);
    await h.slack.fillAndSubmit(P.chief, view.id, { [AssignBlocks.lead]: LEAD });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const reply = shown(await threadHas("を対応リーダーに指名しました"));
    expect(reply).toContain(`<@${LEAD}> がこのチャンネルのメンバーでなければ、メンバーの方が追加してください`);
    expect(reply).toContain(`/invite <@${LEAD}>`);
    const dm = await pumping(h.fake.waitFor(() => h.fake.dms(LEAD).find((m) => shown(m).includes("対応リーダーに指名しました"))));
    expect(shown(dm)).toContain("事故報告チャンネルは限定公開です");
    expect(shown(dm)).toContain(`<@${P.chief}> かチャンネルのメンバーに追加を依頼してください`);
  });
});

describe("a task's owner who is an ordinary employee", () => {
  it("cannot see the incident before owning a task", async () => {
    const e = await privacy(h, OWNER, `incident status ${code}`);
    expect(e.shown).toContain("報告者と対応者");
  });

  it("a malformed due date or time gets its own field error (not 'pick a day as well')", async () => {
    const view = await pressForView(LEAD, checklist, IncidentActions.taskEdit, IncidentViews.taskEdit, "task-cause-found");
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: OWNER, [AssignBlocks.dueOn]: "2026-13-40", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.dueOn]).toBe("日付を読み取れません。日付選択から選び直してください。");
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: OWNER, [AssignBlocks.dueOn]: "2026-11-27", [AssignBlocks.dueTime]: "25:00" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.dueTime]).toBe("時刻を読み取れません。時刻選択から選び直してください（HH:MM）。");
    expect((await task("cause-found")).ownerId).toBe(P.chief);
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: OWNER, [AssignBlocks.dueOn]: "2026-11-27", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect((await task("cause-found")).ownerId).toBe(OWNER);
  });

  it("gets the task's 完了 / 該当なし in the DM that makes them its owner", async () => {
    const dm = await pumping(h.fake.waitFor(() => h.fake.dms(OWNER).find((m) => shown(m).includes(label["cause-found"]))));
    expect(shown(dm)).toContain("担当者にしました");
    const buttons = actionIds(dm);
    expect(buttons).toContain(`"block_id":"task-cause-found-${id}"`);
    expect(buttons).toContain(IncidentActions.taskDone);
    expect(buttons).toContain(IncidentActions.taskNa);
    expect(buttons).not.toContain(IncidentActions.taskEdit);
  });

  it("sees the incident's status with their tasks, but not the report draft", async () => {
    const e = await privacy(h, OWNER, `incident status ${code}`);
    expect(e.shown).toContain(code);
    expect(e.shown).toContain("あなたが担当のタスク");
    expect(e.shown).toContain(label["cause-found"]);
    expect(e.shown).toContain("2026/11/27 18:00");
    expect(e.shown).not.toContain(label.containment);
    const r = await privacy(h, OWNER, `incident report ${code}`);
    expect(r.shown).toContain("報告者と対応者");
    expect(h.fake.files()).toEqual([]);
  });

  it("is refused on another person's task (done or not applicable), and on changing owners; each logged", async () => {
    const rev = (await incident()).rev;
    expect((await pressOn(OWNER, checklist, IncidentActions.taskDone, "task-containment")).text).toContain("タスクを更新できるのは");
    expect((await pressOn(OWNER, checklist, IncidentActions.taskNa, "task-containment")).text).toContain("タスクを更新できるのは");
    expect((await pressOn(OWNER, checklist, IncidentActions.taskEdit, "task-cause-found")).text).toContain("タスクを更新できるのは");
    expect((await task("containment")).status).toBe("open");
    expect((await incident()).rev).toBe(rev);
    const refused = await db().auditEntry.findMany({ where: { action: "incident.press_refused", actorId: OWNER }, orderBy: { seq: "asc" } });
    expect(refused.map((r) => (r.data as { attempted: string }).attempted)).toEqual(
      expect.arrayContaining(["task_done:containment", "task_na:containment", "task_assign:cause-found"]),
    );
  });

  it("completes their task from the DM: the same flow (audit, thread, checklist edited in place)", async () => {
    const dm = h.fake.dms(OWNER).find((m) => shown(m).includes(label["cause-found"]))!;
    const before = shown(latest(checklist)).match(/完了または該当なし：(\d+) \/ (\d+)/)!;
    const e = await pressOn(OWNER, dm, IncidentActions.taskDone, `task-cause-found-${id}`);
    expect(e.text).toContain("完了にしました");
    expect(await task("cause-found")).toMatchObject({ status: "done", doneBy: OWNER });
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.task_done", subject: `incident:${code}`, actorId: OWNER } });
    expect(a.data).toMatchObject({ task: "cause-found", from: "open", to: "done" });
    await threadHas(`<@${OWNER}> がタスク「${label["cause-found"]}」を完了にしました`);
    await shows(checklist, `完了または該当なし：${Number(before[1]) + 1} / ${before[2]}`);
    // the DM is edited in place (issue 16): it says done, by whom, and its buttons are gone, so it cannot be pressed again
    const edited = await pumping(h.fake.waitFor(() => (shown(latest(dm)).includes("✅ 完了（") ? latest(dm) : undefined)));
    expect(shown(edited)).toContain(`<@${OWNER}>`);
    expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.taskDone);
    expect(JSON.stringify(edited.blocks)).not.toContain(IncidentActions.taskNa);
  });
});

describe("two report-items modals open at once", () => {
  it("the second to save is refused with a field error and overwrites nothing; a task ticked meanwhile does not refuse", async () => {
    const chief = await pressForView(P.chief, parent, IncidentActions.details, IncidentViews.details);
    const lead = await newView(LEAD, IncidentViews.details, () => h.slack.command(LEAD, "/privacy", `incident details ${code}`));
    await h.slack.fillAndSubmit(P.chief, chief.id, { [DetailsBlocks.secondaryHarm]: "現時点で二次被害の報告なし" });
    expect(h.fake.viewErrors(chief.id) ?? {}).toEqual({});
    await h.slack.fillAndSubmit(LEAD, lead.id, { [DetailsBlocks.publication]: "11/25 当社ウェブサイトで公表" });
    expect(h.fake.viewErrors(lead.id)?.[DetailsBlocks.secondaryHarm]).toContain("ほかの人が報告書の項目を変更しました");
    expect(await incident()).toMatchObject({ secondaryHarm: "現時点で二次被害の報告なし", publication: null });
    expect(
      await db().auditEntry.findFirst({ where: { action: "incident.press_refused", actorId: LEAD, data: { path: ["refusal"], equals: "stale" } } }),
    ).toBeTruthy();

    // opened again: it shows the colleague's text; a task ticked meanwhile is no reason to refuse
    const again = await pressForView(LEAD, parent, IncidentActions.details, IncidentViews.details);
    expect(JSON.stringify(again.view.blocks)).toContain("現時点で二次被害の報告なし");
    expect((await pressOn(P.chief, checklist, IncidentActions.taskDone, "task-damage-assessed")).text).toContain("完了にしました");
    await h.slack.fillAndSubmit(LEAD, again.id, {
      [DetailsBlocks.secondaryHarm]: "現時点で二次被害の報告なし",
      [DetailsBlocks.publication]: "11/25 当社ウェブサイトで公表",
    });
    expect(h.fake.viewErrors(again.id) ?? {}).toEqual({});
    expect(await incident()).toMatchObject({ secondaryHarm: "現時点で二次被害の報告なし", publication: "11/25 当社ウェブサイトで公表" });
  });
});

describe("the notice to the people affected after the 確報", () => {
  it("is still reminded to its owner (with its buttons) and is the next deadline on the Home tab and in the digest", async () => {
    const view = await pressForView(LEAD, checklist, IncidentActions.taskEdit, IncidentViews.taskEdit, "task-people-notified");
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: OWNER });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect((await task("people-notified")).ownerId).toBe(OWNER);

    expect((await pressOn(P.chief, parent, IncidentActions.contain)).text).toContain("封じ込め完了にしました");
    for (const [action, time] of [
      [IncidentActions.reportPreliminary, "22:00"],
      [IncidentActions.reportFinal, "22:30"],
    ] as const) {
      clock.set(jst("2026-11-24T23:00:00"));
      const submit = await pressForView(P.chief, parent, action, IncidentViews.submitted);
      await h.slack.fillAndSubmit(P.chief, submit.id, { [SubmittedBlocks.day]: "2026-11-24", [SubmittedBlocks.time]: time });
      expect(h.fake.viewErrors(submit.id) ?? {}).toEqual({});
    }
    expect((await incident()).status).toBe("reported_final");
    expect((await task("final-report")).status).toBe("done");
    expect((await task("people-notified")).status).toBe("open");

    // the notice is due at the end of 26 Nov: 48 hours before, its owner is reminded
    await runJobAt(h, clock, "incidents.escalations", "2026-11-25T00:05:00");
    const r = reminders(OWNER);
    expect(r).toHaveLength(1);
    expect(shown(r[0])).toContain("本人への通知");
    expect(actionIds(r[0]!)).toContain(`"block_id":"task-people-notified-${id}"`);
    const reminded = await db().auditEntry.findMany({ where: { action: "incident.reminded", subject: `incident:${code}` } });
    expect(reminded.map((x) => (x.data as { task: string }).task)).toContain("people-notified");

    const chief = await home(P.chief, (t) => t.includes(code));
    expect(chief).toContain("次の期限：本人への通知 2026/11/26 23:59");
    const s = h.bot.services;
    const digest = await buildDigest({
      services: s,
      calendar: h.bot.calendar,
      settings: s.settings!,
      from: jst("2026-11-23T00:00:00"),
      to: jst("2026-11-30T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    expect(digest.sections.find((x) => x.title.includes("個人情報の事故"))?.lines.join("\n")).toContain("次の期限：本人への通知");

    // 該当なし from the reminder: the reason modal, then it stops
    const na = await pressForView(OWNER, r[0]!, IncidentActions.taskNa, IncidentViews.taskNa, `task-people-notified-${id}`);
    // the notice has no exception in the policies: the ground is the Art.26(2) proviso's substitute (intake/exceptions.ts)
    await h.slack.fillAndSubmit(OWNER, na.id, { [NA_GROUND_BLOCK]: "substitute-desk", [TaskBlocks.naReason]: "公表と問合せ窓口の設置で代替した" });
    expect(h.fake.viewErrors(na.id) ?? {}).toEqual({});
    expect(await task("people-notified")).toMatchObject({ status: "na", doneBy: OWNER });
    // the reminder is edited in place (issue 16): the task's buttons give way to a stamp
    const edited = await pumping(
      h.fake.waitFor(() => {
        const m = h.fake.message(r[0]!.channel, r[0]!.ts)!;
        return actionIds(m).includes(`"block_id":"task-people-notified-${id}"`) && !actionIds(m).includes(IncidentActions.taskNa) ? m : undefined;
      }),
    );
    expect(shown(edited)).toContain("本人への通知");
    expect(shown(edited)).toContain(`➖ 該当なし（`);
    expect(shown(edited)).toContain(` <@${OWNER}>）`);
    expect(h.fake.calls.some((c) => c.method === "chat.update" && c.args.channel === r[0]!.channel && c.args.ts === r[0]!.ts)).toBe(true);
    await runJobAt(h, clock, "incidents.escalations", "2026-11-26T00:05:00");
    expect(reminders(OWNER)).toHaveLength(1);
  });
});
