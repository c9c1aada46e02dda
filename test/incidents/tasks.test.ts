// The task checklist of an incident (created at triage, 完了 / 該当なし in the thread) and
// closing it (「終了する」 with the 再発防止策), over signed HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks, TaskBlocks } from "../../src/incidents/ids.js";
import { incidentMessages } from "../../src/incidents/messages.js";
import { TASK_KEYS } from "../../src/incidents/rules.js";
import { reportAndTriage } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (issue 13 made the carrier the default). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { jst, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { shown } from "../support/commands.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const label = incidentMessages("ja").tasks;

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);

const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const shows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (text: string) => pumping(h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((r) => shown(r).includes(text))));
const ephemeral = (user: string, text: string) => h.fake.waitFor(() => h.fake.ephemerals(user).find((e) => e.text.includes(text)));
const incident = () => db().incident.findUniqueOrThrow({ where: { code } });
const task = async (key: string) => db().incidentTask.findUniqueOrThrow({ where: { incidentId_key: { incidentId: (await incident()).id, key } } });

async function pressTask(user: string, actionId: string, key: string) {
  const r = await h.slack.blockAction(user, { actionId, blockId: `task-${key}`, message: { channel: checklist.channel, ts: checklist.ts } });
  expect(r.status).toBe(200);
}

let parent: FakeMessage;
let checklist: FakeMessage;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
  ({ code, parent } = await reportAndTriage(
    h,
    clock,
    {
      [ReportBlocks.summary]: "委託元の顧客データを含むファイルを誤って共有リンクで公開した",
      [ReportBlocks.data]: "委託元の顧客の氏名・病歴",
      [ReportBlocks.processor]: "yes",
    },
    {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "300",
      [AssessBlocks.processor]: "yes",
      [AssessBlocks.dataItems]: "氏名、病歴",
      [AssessBlocks.cause]: "共有設定の誤り",
    },
  ));
  checklist = await threadHas("対応タスク");
});
afterAll(async () => {
  await h?.close();
});

describe("the task checklist", () => {
  it("is created at triage: every task, owned by the chief, the regulator's tasks not applicable for a processor", async () => {
    const i = await incident();
    const tasks = await db().incidentTask.findMany({ where: { incidentId: i.id } });
    expect(tasks.map((t) => t.key).sort()).toEqual([...TASK_KEYS].sort());
    expect(new Set(tasks.map((t) => t.ownerId))).toEqual(new Set([P.chief]));
    for (const key of ["preliminary-report", "final-report", "people-notified", "publication"]) {
      const t = tasks.find((x) => x.key === key)!;
      expect(t).toMatchObject({ status: "na", naReason: "reported-by-client" });
    }
    expect(tasks.find((t) => t.key === "ministry-report")).toMatchObject({ status: "na", naReason: "not-telecom" });
    const client = tasks.find((t) => t.key === "client-told")!;
    expect(client.status).toBe("open");
    expect(client.dueAt?.getTime()).toBe(i.clientToldDueAt?.getTime());
    expect(tasks.find((t) => t.key === "containment")).toMatchObject({ status: "open", dueAt: null });
    expect(checklist.thread_ts).toBe(parent.ts);
    expect(shown(checklist)).toContain(label["client-told"]);
    expect((checklist.blocks ?? []).length).toBeLessThanOrEqual(50);
    expect(await db().auditEntry.count({ where: { action: "incident.tasks_created", subject: `incident:${code}` } })).toBe(1);
  });

  it("refuses an employee who is not the owner, ephemerally, and logs it", async () => {
    await pressTask(P.employee2, IncidentActions.taskDone, "containment");
    expect(await ephemeral(P.employee2, "タスクを更新できるのは")).toBeTruthy();
    expect((await task("containment")).status).toBe("open");
    const refused = await db().auditEntry.findFirst({ where: { action: "incident.press_refused", actorId: P.employee2 } });
    expect(refused?.data).toMatchObject({ attempted: "task_done:containment", refusal: "not_allowed" });
  });

  it("完了 by the chief: done, audit, checklist edited in place, timeline reply", async () => {
    await pressTask(P.chief, IncidentActions.taskDone, "containment");
    await ephemeral(P.chief, "完了にしました");
    expect(await task("containment")).toMatchObject({ status: "done", doneBy: P.chief });
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.task_done", subject: `incident:${code}` } });
    expect(a).toMatchObject({ actorId: P.chief, data: { task: "containment", from: "open", to: "done" } });
    await threadHas(`タスク「${label.containment}」を完了にしました`);
    const edited = await shows(checklist, "完了または該当なし：13 / 18");
    expect((edited.blocks ?? []).some((b) => b.block_id === "task-containment")).toBe(false);
  });

  it("該当なし asks the reason, which is required", async () => {
    const view = await newView(P.chief, IncidentViews.taskNa, () => pressTask(P.chief, IncidentActions.taskNa, "complaints-handled"));
    await h.slack.fillAndSubmit(P.chief, view.id, { [TaskBlocks.naReason]: "   " });
    expect(h.fake.viewErrors(view.id)?.[TaskBlocks.naReason]).toContain("理由を入力");
    expect((await task("complaints-handled")).status).toBe("open");
    await h.slack.fillAndSubmit(P.chief, view.id, { [TaskBlocks.naReason]: "第三者からの苦情・請求は受けていない" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await task("complaints-handled")).toMatchObject({ status: "na", naReason: "第三者からの苦情・請求は受けていない", doneBy: P.chief });
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.task_na", subject: `incident:${code}` } });
    expect(a.data).toMatchObject({ task: "complaints-handled", reason: sealOf(h.bot.services)("第三者からの苦情・請求は受けていない") });
    await threadHas("理由：第三者からの苦情・請求は受けていない");
    await shows(checklist, "完了または該当なし：14 / 18");
  });
});

describe("closing", () => {
  const closeButtonShown = () =>
    (latest(parent).blocks ?? [])
      .filter((b) => b.type === "actions")
      .some((b) => ((b as { elements?: { action_id: string }[] }).elements ?? []).some((e) => e.action_id === IncidentActions.close));

  it("is refused while tasks are open, and the field error names them", async () => {
    // contained first, so only the tasks stand in the way
    await h.slack.blockAction(P.chief, { actionId: IncidentActions.contain, message: { channel: parent.channel, ts: parent.ts } });
    await shows(parent, incidentMessages("ja").status.contained);
    expect(closeButtonShown()).toBe(true);
    const view = await newView(P.chief, IncidentViews.close, () =>
      h.slack.blockAction(P.chief, { actionId: IncidentActions.close, message: { channel: parent.channel, ts: parent.ts } }),
    );
    await h.slack.fillAndSubmit(P.chief, view.id, { [TaskBlocks.recurrence]: "共有リンクの既定を社内限定にし、外部共有は承認制にする" });
    const error = h.fake.viewErrors(view.id)?.[TaskBlocks.recurrence] ?? "";
    expect(error).toContain("未完了のタスク");
    for (const key of ["cause-found", "damage-assessed", "client-told", "recurrence-prevention"] as const) expect(error).toContain(label[key]);
    expect(error).not.toContain(label.containment);
    expect((await incident()).status).toBe("contained");
    expect(
      await db().auditEntry.findFirst({ where: { action: "incident.press_refused", subject: `incident:${(await incident()).id}`, actorId: P.chief } }),
    ).toMatchObject({
      data: { attempted: "close", refusal: "open_tasks" },
    });
  });

  it("closes once every task is done or not applicable, with the 再発防止策", async () => {
    for (const key of ["cause-found", "damage-assessed", "client-told", "recurrence-prevention"]) {
      await pressTask(P.chief, IncidentActions.taskDone, key);
      await pumping(h.fake.waitFor(async () => ((await task(key)).status === "done" ? true : undefined)));
      await shows(checklist, `完了または該当なし：${15 + ["cause-found", "damage-assessed", "client-told", "recurrence-prevention"].indexOf(key)} / 18`);
    }
    const view = await newView(P.deputy, IncidentViews.close, () =>
      h.slack.blockAction(P.deputy, { actionId: IncidentActions.close, message: { channel: parent.channel, ts: parent.ts } }),
    );
    await h.slack.fillAndSubmit(P.deputy, view.id, { [TaskBlocks.recurrence]: "共有リンクの既定を社内限定にし、外部共有は承認制にする" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await incident();
    expect(i).toMatchObject({ status: "closed", closedBy: P.deputy, recurrencePrevention: "共有リンクの既定を社内限定にし、外部共有は承認制にする" });
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.closed", subject: `incident:${code}` } });
    expect(a).toMatchObject({
      actorId: P.deputy,
      data: { from: "contained", to: "closed", recurrencePrevention: sealOf(h.bot.services)("共有リンクの既定を社内限定にし、外部共有は承認制にする") },
    });
    await shows(parent, incidentMessages("ja").status.closed);
    expect(closeButtonShown()).toBe(false);
    await threadHas("事故を終了しました");
    const final = await shows(checklist, "この事故は終了しています");
    expect((final.blocks ?? []).some((b) => b.type === "actions")).toBe(false);
  });
});
