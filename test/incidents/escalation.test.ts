// The escalation ladder and the deadline reminders of incidents with the clock moved:
// nobody acknowledges (30 minutes, 2 hours), 「受領しました（対応開始）」 stops it, and the
// 速報's reminders 48 h and 24 h before, when it passes and daily after, at night too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { moveIncident } from "../../src/incidents/status/flows.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (issue 13 made the carrier the default). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { drain, jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { shown } from "../support/commands.js";

const P = ORG.people;
const INCIDENTS = ORG.channels.incidents;
const COMPLIANCE = ORG.channels.compliance;
const JOB = "incidents.escalations";
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const run = (at: string) => runJobAt(h, clock, JOB, at);

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);

const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const parentShows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))));
const escalations = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("まだ誰も受領していません"));
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("個人情報の事故の期限"));

async function report(user: string, summary: string, discoveredOn: string, discoveredTime: string) {
  const view = await newView(user, IncidentViews.report, () => h.slack.command(user, "/privacy", "incident"));
  const r = await h.slack.fillAndSubmit(user, view.id, {
    [ReportBlocks.summary]: summary,
    [ReportBlocks.discoveredOn]: discoveredOn,
    [ReportBlocks.discoveredTime]: discoveredTime,
    [ReportBlocks.data]: "顧客の氏名・メールアドレス",
    [ReportBlocks.affected]: "100-1000",
    [ReportBlocks.ongoing]: "no",
    [ReportBlocks.processor]: "no",
  });
  expect(r.status).toBe(200);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const i = await db().incident.findFirstOrThrow({ where: { summary } });
  const parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(i.code))));
  return { id: i.id, code: i.code, parent };
}

async function pressOnParent(user: string, parent: FakeMessage, actionId: string) {
  const block = (latest(parent).blocks ?? []).find((b) => b.type === "actions" && String(b.block_id).startsWith("assess-"));
  const r = await h.slack.blockAction(user, { actionId, blockId: block?.block_id as string, message: { channel: parent.channel, ts: parent.ts } });
  expect(r.status).toBe(200);
}

let a: Awaited<ReturnType<typeof report>>;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
  a = await report(P.employee, "不正アクセスで顧客DBの一部が閲覧された可能性", "2026-11-24", "09:30");
  await drain(h, clock);
});
afterAll(async () => {
  await h?.close();
});

describe("escalation of an incident nobody acknowledged", () => {
  it("the parent message and the responders' DMs carry 「受領しました（対応開始）」", async () => {
    expect(shown(latest(a.parent))).toContain("受領しました（対応開始）");
    expect(shown(latest(a.parent))).toContain("まだ誰も受領していません");
    const dm = h.fake.dms(P.chief).find((m) => shown(m).includes(a.code))!;
    expect(JSON.stringify(dm.blocks)).toContain(IncidentActions.acknowledge);
  });

  it("nothing at 29 minutes", async () => {
    const r = await run("2026-11-24T10:29:00");
    expect(r.result).toMatchObject({ escalated: 0 });
    expect(escalations(P.deputy)).toEqual([]);
    expect(escalations(P.compliance)).toEqual([]);
  });

  it("at 31 minutes the deputy chief and compliance are DMed, once", async () => {
    const r = await run("2026-11-24T10:31:00");
    expect(r.result).toMatchObject({ escalated: 1 });
    for (const p of [P.deputy, P.compliance]) {
      const e = escalations(p);
      expect(e).toHaveLength(1);
      expect(e[0]!.text).toContain(a.code);
      expect(e[0]!.text).toContain("30分");
      expect(JSON.stringify(e[0]!.blocks)).toContain(IncidentActions.acknowledge);
    }
    expect(escalations(P.chief)).toEqual([]);
    expect(h.fake.messages(COMPLIANCE).filter((m) => m.text.includes(a.code))).toEqual([]);
    await threadHas(a.parent, "30分以内に確認がないため上申");

    // the same slot again: claimed already
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-11-24T10:31:00"))).ran).toBe(false);
    // forced, and a later slot at the same step: the notice key holds
    expect((await h.bot.scheduler.runAt(JOB, jst("2026-11-24T10:31:00"), { force: true })).result).toMatchObject({ escalated: 0 });
    await run("2026-11-24T10:35:00");
    for (const p of [P.deputy, P.compliance]) expect(escalations(p)).toHaveLength(1);
    expect(await db().auditEntry.count({ where: { action: "incident.escalated", subject: `incident:${a.code}` } })).toBe(1);
  });

  it("after 2 hours them again, and a post in the compliance channel", async () => {
    await run("2026-11-24T12:01:00");
    for (const p of [P.deputy, P.compliance]) {
      expect(escalations(p)).toHaveLength(2);
      expect(escalations(p)[1]!.text).toContain("2時間");
    }
    const post = h.fake.messages(COMPLIANCE).filter((m) => m.text.includes(a.code));
    expect(post).toHaveLength(1);
    expect(post[0]!.text).toContain(`<@${P.deputy}>`);
    await run("2026-11-24T12:06:00");
    expect(escalations(P.deputy)).toHaveLength(2);
    expect(h.fake.messages(COMPLIANCE).filter((m) => m.text.includes(a.code))).toHaveLength(1);
  });

  it("the chief's assessment counts as the acknowledgement", async () => {
    clock.set(jst("2026-11-24T12:20:00"));
    const view = await newView(P.chief, IncidentViews.assess, () => pressOnParent(P.chief, a.parent, IncidentActions.assess));
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [AssessBlocks.categories]: ["malicious"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.affectedCount]: "120",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.cause]: "不正アクセスの可能性",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await db().incident.findUniqueOrThrow({ where: { id: a.id } });
    expect(i.acknowledgedBy).toBe(P.chief);
    expect(i.acknowledgedAt?.toISOString()).toBe(jst("2026-11-24T12:20:00").toISOString());
    expect(i.preliminaryReportDueAt?.toISOString()).toBe(new Date(jst("2026-11-27T00:00:00").getTime() - 1).toISOString());
    const p = shown(await parentShows(a.parent, "受領："));
    expect(p).not.toContain("受領しました（対応開始）");
    await threadHas(a.parent, "評価をもって受領");
    expect(await db().auditEntry.count({ where: { action: "incident.acknowledged", subject: `incident:${a.code}` } })).toBe(1);
  });
});

describe("「受領しました（対応開始）」", () => {
  let b: Awaited<ReturnType<typeof report>>;

  it("refuses an employee, and logs it", async () => {
    clock.set(jst("2026-11-24T13:00:00"));
    b = await report(P.employee2, "USBメモリを紛失した", "2026-11-24", "12:50");
    clock.set(jst("2026-11-24T13:05:00"));
    await pressOnParent(P.employee2, b.parent, IncidentActions.acknowledge);
    await h.fake.waitFor(() => h.fake.ephemerals(P.employee2).find((x) => x.text.includes("受領できるのは")));
    expect((await db().incident.findUniqueOrThrow({ where: { id: b.id } })).acknowledgedAt).toBeNull();
    expect(await db().auditEntry.count({ where: { action: "incident.press_refused", actorId: P.employee2 } })).toBe(1);
  });

  it("the deputy acknowledges from the parent: recorded once, the parent edited, the timeline told", async () => {
    clock.set(jst("2026-11-24T13:10:00"));
    await pressOnParent(P.deputy, b.parent, IncidentActions.acknowledge);
    await h.fake.waitFor(() => h.fake.ephemerals(P.deputy).find((x) => x.text.includes(`${b.code} の受領を記録しました`)));
    const i = await db().incident.findUniqueOrThrow({ where: { id: b.id } });
    expect(i.acknowledgedBy).toBe(P.deputy);
    expect(i.acknowledgedAt?.toISOString()).toBe(jst("2026-11-24T13:10:00").toISOString());
    const p = shown(await parentShows(b.parent, "受領："));
    expect(p).toContain(`<@${P.deputy}>`);
    await threadHas(b.parent, "が受領しました（対応開始）");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.acknowledged", subject: `incident:${b.code}` } });
    expect(audit.actorId).toBe(P.deputy);
  });

  it("compliance's DM, acknowledged on the parent by the deputy, is edited in place: no button, who and when", async () => {
    clock.set(jst("2026-11-24T13:12:00"));
    const dm = await h.fake.waitFor(() =>
      h.fake.dms(P.compliance).find((m) => shown(m).includes(b.code) && shown(m).includes(`✅ 受領済み（2026/11/24 13:10 <@${P.deputy}>）`)),
    );
    expect(JSON.stringify(dm.blocks)).not.toContain(IncidentActions.acknowledge);
    // the link to the incident stays
    expect(JSON.stringify(dm.blocks)).toContain(IncidentActions.openLink);
    expect(h.fake.dms(P.compliance).filter((m) => shown(m).includes(b.code))).toHaveLength(1);
    expect((await db().incident.findUniqueOrThrow({ where: { id: b.id } })).acknowledgedBy).toBe(P.deputy);
    expect(await db().auditEntry.count({ where: { action: "incident.acknowledged", subject: `incident:${b.code}` } })).toBe(1);
  });

  it("an acknowledged incident is not escalated", async () => {
    const before = { deputy: escalations(P.deputy).length, compliance: escalations(P.compliance).length };
    await run("2026-11-24T13:31:00");
    await run("2026-11-24T15:01:00");
    expect(escalations(P.deputy)).toHaveLength(before.deputy);
    expect(escalations(P.compliance)).toHaveLength(before.compliance);
    expect(h.fake.messages(COMPLIANCE).filter((m) => m.text.includes(b.code))).toEqual([]);
  });
});

describe("deadline reminders (速報 due 2026/11/26 23:59)", () => {
  it("nothing more than 48 hours before", async () => {
    await run("2026-11-24T23:55:00");
    expect(reminders(P.chief)).toEqual([]);
  });

  it("48 hours before, at night: the chief (the owner) gets one DM with the 速報 and the notice", async () => {
    const r = await run("2026-11-25T00:05:00");
    expect(r.result).toMatchObject({ dms: 1 });
    const dms = reminders(P.chief);
    expect(dms).toHaveLength(1);
    const t = shown(dms[0]);
    expect(t).toContain(a.code);
    expect(t).toContain("速報");
    expect(t).toContain("本人への通知");
    expect(t).toContain("期限まであと1日23時間"); // how long is actually left (issue 16)
    expect(t).not.toContain("確報"); // 60 days away
    expect(reminders(P.compliance)).toEqual([]);
    expect(reminders(P.deputy)).toEqual([]);
    // the same stage later: nothing again
    await run("2026-11-25T12:00:00");
    expect(reminders(P.chief)).toHaveLength(1);
  });

  it("24 hours before", async () => {
    await run("2026-11-26T00:05:00");
    expect(reminders(P.chief)).toHaveLength(2);
    expect(shown(reminders(P.chief)[1])).toContain("期限まであと23時間");
    expect(reminders(P.compliance)).toEqual([]);
  });

  it("when it passes the chief and compliance are told, then every day", async () => {
    await run("2026-11-27T00:00:00");
    for (const p of [P.chief, P.compliance]) {
      const d = reminders(p);
      expect(d.at(-1)!.text).toContain("期限を超過（1時間未満）");
      expect(shown(d.at(-1)!)).toContain("コンプライアンス担当にも通知");
    }
    expect(reminders(P.chief)).toHaveLength(3);
    expect(reminders(P.compliance)).toHaveLength(1);
    await run("2026-11-27T09:00:00");
    expect(reminders(P.chief)).toHaveLength(3);
    await run("2026-11-28T00:05:00");
    expect(reminders(P.chief)).toHaveLength(4);
    expect(reminders(P.compliance)).toHaveLength(2);
    expect(reminders(P.chief).at(-1)!.text).toContain("期限を1日超過");
    await run("2026-11-29T03:00:00"); // a night run still sends
    expect(reminders(P.compliance).at(-1)!.text).toContain("期限を2日超過");
  });

  it("stops for the 速報 once it is recorded (its task done with it); the notice goes on", async () => {
    const moved = await moveIncident(h.bot.services, {
      incidentId: a.id,
      actorId: P.chief,
      event: "reportPreliminary",
      submittedAt: jst("2026-11-29T10:00:00"),
    });
    expect(moved).toMatchObject({ ok: true, to: "reported_preliminary" });
    expect((await db().incidentTask.findUniqueOrThrow({ where: { incidentId_key: { incidentId: a.id, key: "preliminary-report" } } })).status).toBe("done");
    await run("2026-11-30T00:05:00");
    const t = reminders(P.chief).at(-1)!.text;
    expect(t).toContain("本人への通知");
    expect(t).not.toContain("速報");
  });

  it("is registered every 5 minutes", async () => {
    const job = (await h.bot.scheduler.list()).find((j) => j.name === JOB)!;
    expect(job.schedule).toBe("*/5 * * * *");
    expect(job.lastRun).toMatchObject({ status: "done" });
  });
});
