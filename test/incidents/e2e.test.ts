// Incidents end to end over signed HTTP: the report (/privacy incident and the global
// shortcut), the incidents channel's post and thread, the DMs, the 第7条 assessment by the
// chief with its deadlines, a refused press, a reassessment, and who may see the status.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentShortcuts, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (issue 13 made the carrier the default). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { jst, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const INCIDENTS = ORG.channels.incidents;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

/** While `work` runs, keeps the outbox moving (the clock stands still otherwise, and Slack paces each channel). */
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

const VALID = {
  [ReportBlocks.summary]: "顧客名簿を添付したメールを社外の1名に誤送信した",
  [ReportBlocks.discoveredOn]: "2026-11-24",
  [ReportBlocks.discoveredTime]: "09:30",
  [ReportBlocks.data]: "顧客の氏名・メールアドレス",
  [ReportBlocks.affected]: "100-1000",
  [ReportBlocks.ongoing]: "no",
  [ReportBlocks.processor]: "no",
  [ReportBlocks.contact]: "内線 1234",
};

const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);

const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const parentShows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))));

async function pressAssess(user: string, parent: FakeMessage) {
  const msg = latest(parent);
  const block = (msg.blocks ?? []).find((b) => b.type === "actions" && String(b.block_id).startsWith("assess-"));
  const r = await h.slack.blockAction(user, {
    actionId: IncidentActions.assess,
    blockId: block?.block_id as string,
    message: { channel: parent.channel, ts: parent.ts },
  });
  expect(r.status).toBe(200);
}

let parent: FakeMessage;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
});
afterAll(async () => {
  await h?.close();
});

describe("reporting an incident", () => {
  it("refuses a discovery in the future, then files INC-2026-0001 and tells everyone", async () => {
    const view = await newView(P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
    const bad = await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID, [ReportBlocks.discoveredOn]: "2026-11-25" });
    expect(bad.status).toBe(200);
    expect(h.fake.viewErrors(view.id)?.[ReportBlocks.discoveredOn]).toContain("未来");
    expect(await db().incident.count()).toBe(0);

    const ok = await h.slack.fillAndSubmit(P.employee, view.id, VALID);
    expect(ok.status).toBe(200);
    const i = await db().incident.findFirstOrThrow({ where: { reporterId: P.employee } });
    code = i.code;
    expect(code).toBe("INC-2026-0001");
    expect(i.status).toBe("open");
    expect(i.discoveredAt.toISOString()).toBe(jst("2026-11-24T09:30:00").toISOString());

    parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(code))));
    const p = shown(parent);
    expect(p).toContain("顧客名簿");
    expect(p).toContain("未評価");
    expect(p).toContain("評価する");
    await threadHas(parent, "報告を受け付けました");

    // the chief and compliance: a DM with a link to the thread
    for (const who of [P.chief, P.compliance]) {
      const dm = await pumping(h.fake.waitFor(() => h.fake.dms(who).find((m) => shown(m).includes(code))));
      expect(JSON.stringify(dm.blocks)).toContain(`archives/${INCIDENTS}/p${parent.ts.replace(".", "")}`);
    }
    // the reporter: thanks, the code, what happens next
    const thanks = await pumping(h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => shown(m).includes(code))));
    expect(shown(thanks)).toContain("ありがとうございます");
    expect(shown(thanks)).toContain("削除しないでください");

    const audit = await db().auditEntry.findFirst({ where: { action: "incident.reported", subject: `incident:${code}` } });
    expect(audit?.actorId).toBe(P.employee);
  });

  it("opens the same modal from the global shortcut", async () => {
    // The sender has no shortcut method: send Slack's payload through its generic interaction sender.
    const sender = h.slack as unknown as {
      interaction(type: string, userId: string, fields: Record<string, unknown>): Record<string, unknown>;
      postPayload(payload: Record<string, unknown>, opts: object): Promise<{ status: number }>;
      triggerId(userId: string): string;
    };
    const view = await newView(P.employee2, IncidentViews.report, async () => {
      const payload = sender.interaction("shortcut", P.employee2, {
        callback_id: IncidentShortcuts.report,
        trigger_id: sender.triggerId(P.employee2),
        action_ts: "1",
      });
      const r = await sender.postPayload(payload, {});
      expect(r.status).toBe(200);
    });
    expect(JSON.stringify(view.view.blocks)).toContain(ReportBlocks.discoveredTime);
  });
});

describe("triage", () => {
  it("refuses an employee pressing 評価する, and logs it", async () => {
    await pressAssess(P.employee2, parent);
    const e = await h.fake.waitFor(() => h.fake.ephemerals(P.employee2).find((x) => x.text.includes("評価ができるのは")));
    expect(e).toBeTruthy();
    const refused = await db().auditEntry.findFirst({ where: { action: "incident.press_refused", actorId: P.employee2 } });
    expect(refused?.subject).toBe(`incident:${code}`);
    expect((await db().incident.findUniqueOrThrow({ where: { code } })).status).toBe("open");
  });

  it("the chief's assessment (possibly malicious) makes it reportable with the final report due in 60 days", async () => {
    const view = await newView(P.chief, IncidentViews.assess, () => pressAssess(P.chief, parent));
    const r = await h.slack.fillAndSubmit(P.chief, view.id, {
      [AssessBlocks.categories]: ["malicious"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.affectedCount]: "120",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.cause]: "不正アクセスの可能性",
    });
    expect(r.status).toBe(200);
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await db().incident.findUniqueOrThrow({ where: { code } });
    expect(i.status).toBe("triaged");
    expect(i.reportable).toBe(true);
    expect(i.reasons).toEqual(["malicious"]);
    // discovered 24 Nov (day 1): 60 days end on 22 Jan 2027, 23:59:59.999 Tokyo; 速報 3 days: 26 Nov
    expect(i.finalReportDueAt?.toISOString()).toBe(new Date(jst("2027-01-23T00:00:00").getTime() - 1).toISOString());
    expect(i.preliminaryReportDueAt?.toISOString()).toBe(new Date(jst("2026-11-27T00:00:00").getTime() - 1).toISOString());

    const p = shown(await parentShows(parent, "評価済み"));
    expect(p).toContain("不正の目的");
    expect(p).toContain("2027/01/22 23:59");
    expect(p).toContain("再評価する");
    const reply = shown(await threadHas(parent, "が評価しました"));
    expect(reply).toContain("確報（個人情報保護委員会）：2027/01/22 23:59");
    expect(reply).toContain("速報（個人情報保護委員会）：2026/11/26 23:59");
    expect(await db().auditEntry.count({ where: { action: "incident.triaged", subject: `incident:${code}` } })).toBe(1);
  });

  it("a reassessment needs a reason, recomputes the deadlines and says what changed", async () => {
    const view = await newView(P.chief, IncidentViews.assess, () => pressAssess(P.chief, parent));
    const answers = {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.affectedCount]: "120",
      [AssessBlocks.processor]: "no",
    };
    await h.slack.fillAndSubmit(P.chief, view.id, answers);
    expect(h.fake.viewErrors(view.id)?.[AssessBlocks.reason]).toContain("理由");
    await h.slack.fillAndSubmit(P.chief, view.id, { ...answers, [AssessBlocks.reason]: "誤送信と判明。健康診断結果を含む" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});

    const i = await db().incident.findUniqueOrThrow({ where: { code } });
    expect(i.reasons).toEqual(["sensitive"]);
    expect(i.finalReportDueAt?.toISOString()).toBe(new Date(jst("2026-12-24T00:00:00").getTime() - 1).toISOString());
    const reply = shown(await threadHas(parent, "が再評価しました"));
    expect(reply).toContain("誤送信と判明");
    expect(reply).toContain("確報（個人情報保護委員会）の期限：2027/01/22 23:59 → 2026/12/23 23:59");
    expect(reply).toContain("60日以内 → 30日以内");
    await parentShows(parent, "2026/12/23 23:59");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.reassessed", subject: `incident:${code}` } });
    // the reason is kept erasable (AuditText) and in the thread; the chain keeps its seal and points at the row
    expect(audit.data).toMatchObject({ reason: sealOf(h.bot.services)("誤送信と判明。健康診断結果を含む") });
    const ref = (audit.data as { reason: { ref: string } }).reason.ref;
    expect(await db().auditText.findUniqueOrThrow({ where: { id: ref } })).toMatchObject({
      subject: `incident:${code}`,
      field: "reason",
      text: "誤送信と判明。健康診断結果を含む",
    });
    expect(JSON.stringify(audit.data)).not.toContain("誤送信と判明");
  });

  it("the assessment modal refuses a count over 1,000 without the 1,000-people box", async () => {
    const view = await newView(P.compliance, IncidentViews.assess, () => pressAssess(P.compliance, parent));
    await h.slack.fillAndSubmit(P.compliance, view.id, {
      [AssessBlocks.categories]: ["malicious"],
      [AssessBlocks.affectedCount]: "1500",
      [AssessBlocks.reason]: "x",
    });
    expect(h.fake.viewErrors(view.id)?.[AssessBlocks.affectedCount]).toContain("1,000");
  });
});

describe("/privacy incident status", () => {
  it("shows the status and deadlines to the responders and the reporter", async () => {
    for (const who of [P.chief, P.auditor, P.employee]) {
      const e = await privacy(h, who, `incident status ${code}`);
      expect(e.shown).toContain("評価済み");
      expect(e.shown).toContain("確報（個人情報保護委員会）：2026/12/23 23:59");
    }
  });

  it("refuses anyone else, says nothing of the incident, and logs it", async () => {
    const e = await privacy(h, P.employee2, `incident status ${code}`);
    expect(e.shown).toContain("報告者と対応者");
    expect(e.shown).not.toContain("2026/12/23");
    expect(await db().auditEntry.count({ where: { action: "incident.press_refused", actorId: P.employee2, subject: `incident:${code}` } })).toBe(2);
  });
});

describe("without an incidents channel", () => {
  it("DMs the whole report to the chief and compliance and says so", async () => {
    await db().setting.deleteMany({ where: { key: "channels.incidents" } });
    const view = await newView(P.employee2, IncidentViews.report, () => h.slack.command(P.employee2, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee2, view.id, { ...VALID, [ReportBlocks.summary]: "USBメモリを紛失した", [ReportBlocks.processor]: "yes" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await db().incident.findFirstOrThrow({ where: { reporterId: P.employee2 } });
    expect(i.code).toBe("INC-2026-0002");
    expect(i.channelId).toBeNull();
    for (const who of [P.chief, P.compliance]) {
      const dm = shown(await pumping(h.fake.waitFor(() => h.fake.dms(who).find((m) => shown(m).includes(i.code)))));
      expect(dm).toContain("事故報告チャンネルが設定されていない");
      expect(dm).toContain("USBメモリを紛失した");
      expect(dm).toContain("委託元へ速やかに報告");
    }
    expect(h.fake.messages(INCIDENTS).filter((m) => shown(m).includes(i.code))).toEqual([]);
  });
});
