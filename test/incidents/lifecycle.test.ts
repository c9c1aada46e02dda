// One incident from report to closure over signed HTTP, as a compliance team runs it:
// reported by an employee, acknowledged by the chief, a manager made incident lead who
// triages it (a telecom company: the ministry report too; 速報 in 5 days, the notice in 4,
// from the settings), a task handed to another owner with an earlier due date (who is
// reminded, and no longer once it is done), the report items 5-9 written, the 速報 and
// 確報 drafted and submitted, every task settled, closed with the recurrence prevention
// written once. On the way: the chief's and the lead's Home tab, the compliance digest,
// and people outside the incident (an employee, another department's manager) who can
// neither see it nor act on it.
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
import { parseSettings } from "../../src/settings.js";
import { homeShows } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const INCIDENTS = ORG.channels.incidents;
const LEAD = P.manager; // 営業部の個人情報管理者: an ordinary role, made lead of this incident
const OUTSIDERS = [P.employee2, P.soloManager]; // an employee; another department's manager
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
const settings = parseSettings("incidents: { telecom: true, preliminaryDays: 5, peopleNoticeDays: 4 }\n");
let h: Harness;
const db = () => h.bot.services.database.prisma;
const label = incidentMessages("ja").tasks;
const endOf = (day: string) => new Date(jst(`${day}T00:00:00`).getTime() + 86_400_000 - 1).toISOString();

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);
const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const shows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (text: string) => pumping(h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((r) => shown(r).includes(text))));
const incident = () => db().incident.findUniqueOrThrow({ where: { code } });
const task = async (key: string) => db().incidentTask.findUniqueOrThrow({ where: { incidentId_key: { incidentId: (await incident()).id, key } } });
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("個人情報の事故の期限"));
const run = (at: string) => runJobAt(h, clock, "incidents.escalations", at);

/** Presses a button on the incident's post or on the checklist (task buttons: `key`); returns the presser's next ephemeral. */
async function press(user: string, actionId: string, key?: string) {
  const before = h.fake.ephemerals(user).length;
  const on = key ? checklist : parent;
  const r = await h.slack.blockAction(user, { actionId, ...(key ? { blockId: `task-${key}` } : {}), message: { channel: on.channel, ts: on.ts } });
  expect(r.status).toBe(200);
  return h.fake.waitFor(() => h.fake.ephemerals(user)[before]);
}
/** Presses and returns the modal it opened. */
const pressForView = (user: string, actionId: string, callbackId: string, key?: string) =>
  newView(user, callbackId, async () => {
    const on = key ? checklist : parent;
    const r = await h.slack.blockAction(user, { actionId, ...(key ? { blockId: `task-${key}` } : {}), message: { channel: on.channel, ts: on.ts } });
    expect(r.status).toBe(200);
  });
const home = (user: string, ok: (text: string) => boolean) => homeShows(h, clock, user, ok);
async function taskDone(user: string, key: string) {
  const e = await press(user, IncidentActions.taskDone, key);
  expect(e.text).toContain("完了にしました");
  expect((await task(key)).status).toBe("done");
}
async function draft(user: string, kind: "preliminary" | "final") {
  const before = h.fake.files().length;
  const e = await privacy(h, user, `incident report ${code} ${kind}`);
  const file = await h.fake.waitFor(() => h.fake.files()[before]);
  return { shown: e.shown, content: file.bytes!.toString("utf8"), name: file.name };
}

let parent: FakeMessage;
let checklist: FakeMessage;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings });
});
afterAll(async () => {
  await h?.close();
});

describe("an incident from report to closure", () => {
  it("an employee reports it; an outsider cannot acknowledge it; the chief does", async () => {
    const view = await newView(P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [ReportBlocks.summary]: "会員の健康診断結果を含むファイルを社外の取引先に誤送信した",
      [ReportBlocks.discoveredOn]: "2026-11-24",
      [ReportBlocks.discoveredTime]: "09:30",
      [ReportBlocks.data]: "会員の氏名・健康診断結果",
      [ReportBlocks.affected]: "100-1000",
      [ReportBlocks.ongoing]: "no",
      [ReportBlocks.processor]: "no",
      [ReportBlocks.secrecy]: "no",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    code = (await db().incident.findFirstOrThrow({ where: { reporterId: P.employee } })).code;
    parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(code))));
    expect(shown(parent)).toContain("対応リーダー");
    expect(shown(parent)).toContain("未指名");

    const e = await press(P.employee2, IncidentActions.acknowledge);
    expect(e.text).toContain("受領できるのは");
    expect((await incident()).acknowledgedAt).toBeNull();

    const ok = await press(P.chief, IncidentActions.acknowledge);
    expect(ok.text).toContain("受領を記録しました");
    expect((await incident()).acknowledgedBy).toBe(P.chief);
    await threadHas("が受領しました");
  });

  it("a manager cannot triage it until the chief makes them its lead; the lead is told by DM", async () => {
    const refused = await press(LEAD, IncidentActions.assess);
    expect(refused.text).toContain("評価ができるのは");
    // compliance may not assign the lead (the chief or the deputy only)
    expect((await press(P.compliance, IncidentActions.assignLead)).text).toContain("指名できるのは");

    const view = await pressForView(P.chief, IncidentActions.assignLead, IncidentViews.lead);
    await h.slack.fillAndSubmit(P.chief, view.id, { [AssignBlocks.lead]: "U0NOBODY" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.lead]).toContain("名簿");
    await h.slack.fillAndSubmit(P.chief, view.id, { [AssignBlocks.lead]: LEAD });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect((await incident()).leadId).toBe(LEAD);
    await shows(parent, `<@${LEAD}>`);
    await threadHas(`<@${LEAD}> を対応リーダーに指名しました`);
    const dm = await pumping(h.fake.waitFor(() => h.fake.dms(LEAD).find((m) => shown(m).includes(code))));
    expect(shown(dm)).toContain("対応リーダーに指名しました");
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.lead_assigned", subject: `incident:${code}` } });
    expect(a).toMatchObject({ actorId: P.chief, data: { from: null, to: LEAD } });
    // the lead's Home tab is refreshed by the change itself (they never opened it)
    const refreshed = await pumping(h.fake.waitFor(() => h.fake.homeView(LEAD)));
    expect(shown({ blocks: refreshed.view.blocks })).toContain(code);
  });

  it("the lead triages it: the telecom switch and the periods come from the settings", async () => {
    const view = await pressForView(LEAD, IncidentActions.assess, IncidentViews.assess);
    await h.slack.fillAndSubmit(LEAD, view.id, {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.affectedCount]: "320",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.dataItems]: "氏名、健康診断結果",
      [AssessBlocks.cause]: "宛先の選択誤り",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await incident();
    expect(i).toMatchObject({ status: "triaged", assessedBy: LEAD, reportable: true });
    expect(i.ministryReportDueAt?.toISOString()).toBe(endOf("2026-11-24")); // telecom: the day of discovery
    expect(i.peopleNoticeDueAt?.toISOString()).toBe(endOf("2026-11-27")); // 4 days
    expect(i.preliminaryReportDueAt?.toISOString()).toBe(endOf("2026-11-28")); // 5 days
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2026-12-23")); // 30 days
    expect((await task("ministry-report")).status).toBe("open");
    expect((await task("publication")).status).toBe("open"); // a telecom operator publishes
    checklist = await threadHas("対応タスク");
    expect(shown(checklist)).toContain("担当・期限を変更");
  });

  it("the chief's and the lead's Home tab list it with the next deadline; the digest too", async () => {
    const chief = await home(P.chief, (t) => t.includes(code));
    expect(chief).toContain("対応中の事故");
    expect(chief).toContain("次の期限：総務省への報告（当社の方針） 2026/11/24 23:59");
    expect(chief).toContain(`archives/${INCIDENTS}/p${parent.ts.replace(".", "")}`);
    expect(chief).toContain(`対応リーダー <@${LEAD}>`);
    expect(await home(LEAD, (t) => t.includes(code))).toContain("評価済み");

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
    const section = digest.sections.find((x) => x.title.includes("個人情報の事故"));
    expect(section?.lines.join("\n")).toContain("対応中 *1* 件（期間中の報告 1 件、終了 0 件）");
    expect(section?.lines.join("\n")).toContain(`|${code}>* 評価済み — 次の期限：総務省への報告（当社の方針）`);
  });

  it("the lead hands the notice to the people to another owner with an earlier due date", async () => {
    const view = await pressForView(LEAD, IncidentActions.taskEdit, IncidentViews.taskEdit, "people-notified");
    // not later than the legal deadline, not in the past, only people in the directory
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: P.employee, [AssignBlocks.dueOn]: "2026-11-28", [AssignBlocks.dueTime]: "12:00" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.dueOn]).toContain("法定の期限（2026/11/27 23:59）より後");
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: P.employee, [AssignBlocks.dueOn]: "2026-11-23", [AssignBlocks.dueTime]: "12:00" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.dueOn]).toContain("過去");
    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: "U0NOBODY", [AssignBlocks.dueOn]: "2026-11-26", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(view.id)?.[AssignBlocks.owner]).toContain("名簿");
    expect((await task("people-notified")).ownerId).toBe(P.chief);

    await h.slack.fillAndSubmit(LEAD, view.id, { [AssignBlocks.owner]: P.employee, [AssignBlocks.dueOn]: "2026-11-26", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const t = await task("people-notified");
    expect(t).toMatchObject({ ownerId: P.employee, dueSetBy: LEAD });
    expect(t.dueAt?.toISOString()).toBe(new Date(jst("2026-11-26T18:01:00").getTime() - 1).toISOString());
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.task_assigned", subject: `incident:${code}` } });
    expect(a).toMatchObject({ actorId: LEAD, data: { task: "people-notified", owner: { from: P.chief, to: P.employee } } });
    const reply = shown(await threadHas(`タスク「${label["people-notified"]}」を変更しました`));
    expect(reply).toContain(`担当 <@${P.chief}> → <@${P.employee}>`);
    expect(reply).toContain("期限 2026/11/27 23:59 → 2026/11/26 18:00");
    await shows(checklist, `<@${P.employee}>`);
    const dm = await pumping(h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => shown(m).includes("担当者にしました"))));
    expect(shown(dm)).toContain(label["people-notified"]);
    expect(shown(dm)).toContain("2026/11/26 18:00");
  });

  it("reminders go to each task's owner (the chief and compliance copied once passed); a task done stops them", async () => {
    await run("2026-11-25T00:05:00");
    // the notice, due 2026/11/26 18:00 (42 h): its new owner, 48 hours before
    expect(reminders(P.employee)).toHaveLength(1);
    expect(shown(reminders(P.employee)[0])).toContain("本人への通知");
    // how long is actually left when the reminder goes out (issue 16), not the stage's name
    expect(shown(reminders(P.employee)[0])).toContain("期限まであと1日17時間");
    // the ministry report, due at the end of the 24th: passed; the chief (its owner) and compliance
    for (const p of [P.chief, P.compliance]) {
      expect(reminders(p)).toHaveLength(1);
      expect(shown(reminders(p)[0])).toContain("総務省への報告");
      expect(shown(reminders(p)[0])).toContain("期限を超過（1時間未満）");
      expect(shown(reminders(p)[0])).not.toContain("本人への通知");
    }
    expect(reminders(LEAD)).toEqual([]);

    // the owner (an employee, not a responder) may tick their own task
    clock.set(jst("2026-11-25T09:00:00"));
    await taskDone(P.employee, "people-notified");
    await run("2026-11-25T18:05:00"); // 24 hours before the notice's due date: nothing now
    expect(reminders(P.employee)).toHaveLength(1);
    const reminded = await db().auditEntry.findMany({ where: { action: "incident.reminded", subject: `incident:${code}` } });
    expect(reminded.map((r) => (r.data as { task: string }).task).sort()).toEqual(["ministry-report", "people-notified"]);
  });

  it("people outside the incident can neither see it nor act on it; each refusal is logged", async () => {
    const rev = (await incident()).rev;
    const pressed = [
      IncidentActions.assess,
      IncidentActions.contain,
      IncidentActions.reportPreliminary,
      IncidentActions.reportFinal,
      // no 「終了する」 on a triaged incident's card (closing is not a move from triaged, issue 16)
      IncidentActions.details,
      IncidentActions.assignLead,
    ];
    for (const who of OUTSIDERS) {
      const before = await db().auditEntry.count({ where: { action: "incident.press_refused", actorId: who } });
      for (const what of ["status", "report", "details"]) {
        const e = await privacy(h, who, `incident ${what} ${code}`);
        expect(e.shown).toContain("報告者と対応者");
        expect(e.shown).not.toContain("2026/11");
      }
      for (const a of pressed) expect((await press(who, a)).text).toMatch(/のみです/);
      for (const a of [IncidentActions.taskDone, IncidentActions.taskNa, IncidentActions.taskEdit])
        expect((await press(who, a, "containment")).text).toContain("タスクを更新できるのは");
      const refused = await db().auditEntry.findMany({ where: { action: "incident.press_refused", actorId: who }, orderBy: { seq: "asc" }, skip: before });
      expect(refused).toHaveLength(3 + pressed.length + 3);
      expect(refused.map((r) => (r.data as { attempted: string }).attempted)).toEqual(
        expect.arrayContaining([
          "status",
          "report",
          "details",
          "assess",
          "contain",
          "reportPreliminary",
          "reportFinal",
          "assign_lead",
          "task_done:containment",
          "task_na:containment",
          "task_assign:containment",
        ]),
      );
      expect(await home(who, () => true)).not.toContain(code);
      expect(h.fake.openViews(who).filter((v) => String(v.view.callback_id).startsWith("incident-") && v.view.callback_id !== IncidentViews.report)).toEqual(
        [],
      );
    }
    expect((await incident()).rev).toBe(rev);
    expect((await task("containment")).status).toBe("open");
    expect(h.fake.files()).toEqual([]);
  });

  it("the lead writes the report items 5-9; each change goes on the timeline", async () => {
    const view = await pressForView(LEAD, IncidentActions.details, IncidentViews.details);
    await h.slack.fillAndSubmit(LEAD, view.id, {
      [DetailsBlocks.secondaryHarm]: "現時点で二次被害の報告なし",
      [DetailsBlocks.responseToPeople]: "11/25 対象者320名にメールで通知し、問合せ窓口を設置",
      [DetailsBlocks.publication]: "11/25 当社ウェブサイトで公表",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await incident()).toMatchObject({
      secondaryHarm: "現時点で二次被害の報告なし",
      publication: "11/25 当社ウェブサイトで公表",
      recurrencePrevention: null,
      otherMatters: null,
    });
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.details_updated", subject: `incident:${code}` } });
    expect(a.actorId).toBe(LEAD);
    expect((a.data as { changes: { field: string }[] }).changes.map((c) => c.field)).toEqual(["secondaryHarm", "responseToPeople", "publication"]);
    const reply = shown(await threadHas("報告書の項目を更新しました"));
    expect(reply).toContain("二次被害");
    expect(reply).toContain("11/25 当社ウェブサイトで公表");
  });

  it("the 速報: drafted with the items known, then submitted (its task done with it)", async () => {
    await taskDone(LEAD, "ministry-report");
    expect((await press(LEAD, IncidentActions.contain)).text).toContain("封じ込め完了にしました");
    expect((await task("containment")).status).toBe("done");

    const d = await draft(LEAD, "preliminary");
    expect(d.shown).toContain("スレッドに投稿しました");
    expect(d.content).toContain("## 5. 二次被害又はそのおそれの有無及びその内容\n\n現時点で二次被害の報告なし");
    expect(d.content).toContain("## 7. 公表の実施状況\n\n11/25 当社ウェブサイトで公表");
    expect(d.content).toContain("## 8. 再発防止のための措置\n\n未確定");
    expect(d.content).toContain("- 報告期限: 2026/11/28 23:59");

    const view = await pressForView(LEAD, IncidentActions.reportPreliminary, IncidentViews.submitted);
    await h.slack.fillAndSubmit(LEAD, view.id, {
      [SubmittedBlocks.day]: "2026-11-25",
      [SubmittedBlocks.time]: "08:30",
      [SubmittedBlocks.reference]: "PPC-2026-777",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect((await incident()).status).toBe("reported_preliminary");
    expect(await task("preliminary-report")).toMatchObject({ status: "done", doneBy: LEAD });
    await threadHas("速報の提出を記録しました");
  });

  it("the 確報: the draft flags what is missing until the items are written (by command), then submitted", async () => {
    const first = await draft(P.compliance, "final");
    expect(first.shown).toContain("再発防止のための措置");
    expect(first.shown).toContain("その他参考となる事項");
    expect(first.shown).not.toContain("二次被害");
    expect(first.content).toContain("## 9. その他参考となる事項\n\n未記入");

    const view = await newView(LEAD, IncidentViews.details, () => h.slack.command(LEAD, "/privacy", `incident details ${code}`));
    expect(JSON.stringify(view.view.blocks)).toContain("現時点で二次被害の報告なし"); // pre-filled
    await h.slack.fillAndSubmit(LEAD, view.id, {
      [DetailsBlocks.recurrencePrevention]: "社外宛メールの添付に上長の確認を必須化し、全社員に再研修",
      [DetailsBlocks.otherMatters]: "総務省へ11/24に報告済み",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const second = await draft(LEAD, "final");
    expect(second.shown).not.toContain("未記入");
    expect(second.content).not.toContain("未記入");
    expect(second.content).toContain("社外宛メールの添付に上長の確認を必須化");

    const submit = await pressForView(P.chief, IncidentActions.reportFinal, IncidentViews.submitted);
    await h.slack.fillAndSubmit(P.chief, submit.id, { [SubmittedBlocks.day]: "2026-11-25", [SubmittedBlocks.time]: "08:50" });
    expect(h.fake.viewErrors(submit.id) ?? {}).toEqual({});
    expect((await incident()).status).toBe("reported_final");
    expect((await task("final-report")).status).toBe("done");
    const drafted = await db().auditEntry.findMany({ where: { action: "incident.report_drafted", subject: `incident:${code}` }, orderBy: { seq: "asc" } });
    expect(drafted.map((x) => (x.data as { kind: string; missing: string[] }).missing.length)).toEqual([0, 2, 0]);
  });

  it("closes once every task is settled, with the recurrence prevention written once", async () => {
    for (const key of ["cause-found", "damage-assessed", "recurrence-prevention"]) await taskDone(LEAD, key);
    const na = await pressForView(LEAD, IncidentActions.taskNa, IncidentViews.taskNa, "complaints-handled");
    await h.slack.fillAndSubmit(LEAD, na.id, { [TaskBlocks.naReason]: "第三者からの苦情・請求は受けていない" });
    expect(h.fake.viewErrors(na.id) ?? {}).toEqual({});
    await taskDone(LEAD, "publication");

    const view = await pressForView(LEAD, IncidentActions.close, IncidentViews.close);
    expect(JSON.stringify(view.view.blocks)).toContain("社外宛メールの添付に上長の確認を必須化"); // the report's item 8
    await h.slack.fillAndSubmit(LEAD, view.id, {});
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await incident();
    expect(i).toMatchObject({ status: "closed", closedBy: LEAD, recurrencePrevention: "社外宛メールの添付に上長の確認を必須化し、全社員に再研修" });
    await shows(parent, incidentMessages("ja").status.closed);
    await threadHas("事故を終了しました");
    const tasks = await db().incidentTask.findMany({ where: { incidentId: i.id } });
    expect(tasks.filter((t) => t.status === "open")).toEqual([]);
    // no longer on the Home tabs; the digest counts it closed
    const chief = await home(P.chief, (t) => !t.includes(code));
    expect(chief).toContain("対応中の事故はありません");
    expect(await home(LEAD, (t) => !t.includes(code))).not.toContain("対応中の事故");
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
    expect(digest.sections.find((x) => x.title.includes("個人情報の事故"))?.lines).toEqual(["対応中 *0* 件（期間中の報告 1 件、終了 1 件）"]);
    // a closed incident's items cannot change
    const e = await privacy(h, LEAD, `incident details ${code}`);
    expect(e.shown).toContain("終了しているため");
    // the whole story is on the hash-chained timeline, in order
    const actions = (await db().auditEntry.findMany({ where: { subject: `incident:${code}` }, orderBy: { seq: "asc" } })).map((x) => x.action);
    for (const a of [
      "incident.reported",
      "incident.acknowledged",
      "incident.lead_assigned",
      "incident.triaged",
      "incident.task_assigned",
      "incident.details_updated",
      "incident.reported_preliminary",
      "incident.reported_final",
      "incident.closed",
    ]) {
      expect(actions).toContain(a);
    }
    expect(actions.indexOf("incident.lead_assigned")).toBeLessThan(actions.indexOf("incident.triaged"));
  });
});
