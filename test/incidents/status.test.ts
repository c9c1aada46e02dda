// Status moves from the incident's parent message (封じ込め完了, 速報を提出, 確報を提出) and the
// regulator report draft (/privacy incident report), over signed HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks, SubmittedBlocks } from "../../src/incidents/ids.js";
import { incidentMessages } from "../../src/incidents/messages.js";
import { REPORT_ITEMS } from "../../src/incidents/messages.js";
import { deadlineMet } from "../../src/incidents/jobs.js";
import { reportAndTriage } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (issue 13 made the carrier the default). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { jst, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);

const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const parentShows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))));

async function press(user: string, actionId: string) {
  const r = await h.slack.blockAction(user, { actionId, message: { channel: parent.channel, ts: parent.ts } });
  expect(r.status).toBe(200);
}
async function ephemeral(user: string, text: string) {
  return h.fake.waitFor(() => h.fake.ephemerals(user).find((e) => e.text.includes(text)));
}
/** Waits until the parent shows the buttons of the current status. */
const buttonsOf = () =>
  (latest(parent).blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => ((b as { elements?: { action_id: string }[] }).elements ?? []).map((e) => e.action_id));
const incident = () => db().incident.findUniqueOrThrow({ where: { code } });

let parent: FakeMessage;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
  ({ code, parent } = await reportAndTriage(
    h,
    clock,
    {
      [ReportBlocks.summary]: "顧客名簿を添付したメールを社外の1名に誤送信した",
      [ReportBlocks.data]: "顧客の氏名・メールアドレス",
      [ReportBlocks.processor]: "no",
    },
    {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "120",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.dataItems]: "氏名、メールアドレス",
      [AssessBlocks.cause]: "宛先の選択誤り",
    },
  ));
  await parentShows(parent, "封じ込め完了");
});
afterAll(async () => {
  await h?.close();
});

describe("status moves from the parent message", () => {
  it("shows the moves the status allows", () => {
    expect(buttonsOf()).toEqual(expect.arrayContaining([IncidentActions.contain, IncidentActions.reportPreliminary, IncidentActions.reportFinal]));
  });

  it("refuses an employee, ephemerally, and logs it", async () => {
    await press(P.employee2, IncidentActions.contain);
    expect(await ephemeral(P.employee2, "状況を変更できるのは")).toBeTruthy();
    const refused = await db().auditEntry.findFirst({ where: { action: "incident.press_refused", actorId: P.employee2, subject: `incident:${code}` } });
    expect((refused!.data as { attempted?: string }).attempted).toBe("contain");
    expect((await incident()).status).toBe("triaged");
  });

  it("封じ込め完了 by the chief: contained, parent edited, thread reply, audit", async () => {
    await press(P.chief, IncidentActions.contain);
    await ephemeral(P.chief, "封じ込め完了にしました");
    expect((await incident()).status).toBe("contained");
    await parentShows(parent, incidentMessages("ja").status.contained);
    await threadHas(parent, "封じ込め完了を記録しました");
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.contained", subject: `incident:${code}` } });
    expect(a.actorId).toBe(P.chief);
    expect(a.data).toMatchObject({ from: "triaged", to: "contained" });
    expect(buttonsOf()).not.toContain(IncidentActions.contain);
  });

  let staleView: { id: string };
  it("速報を提出 asks when it was submitted, then records it", async () => {
    // the deputy opens the 速報 modal too, and leaves it open (submitted later, out of order)
    staleView = await newView(P.deputy, IncidentViews.submitted, () => press(P.deputy, IncidentActions.reportPreliminary));
    const view = await newView(P.chief, IncidentViews.submitted, () => press(P.chief, IncidentActions.reportPreliminary));
    const future = await h.slack.fillAndSubmit(P.chief, view.id, { [SubmittedBlocks.day]: "2026-11-25", [SubmittedBlocks.time]: "09:00" });
    expect(future.status).toBe(200);
    expect(h.fake.viewErrors(view.id)?.[SubmittedBlocks.day]).toContain("未来");
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [SubmittedBlocks.day]: "2026-11-24",
      [SubmittedBlocks.time]: "09:50",
      [SubmittedBlocks.reference]: "PPC-123",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await incident();
    expect(i.status).toBe("reported_preliminary");
    expect(deadlineMet(i.status, "preliminaryReportDueAt")).toBe(true);
    expect(deadlineMet(i.status, "finalReportDueAt")).toBe(false);
    await parentShows(parent, incidentMessages("ja").status.reported_preliminary);
    const reply = shown(await threadHas(parent, "速報の提出を記録しました"));
    expect(reply).toContain("2026/11/24 09:50");
    expect(reply).toContain("PPC-123");
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.reported_preliminary", subject: `incident:${code}` } });
    expect(a.data).toMatchObject({
      from: "contained",
      to: "reported_preliminary",
      submittedAt: jst("2026-11-24T09:50:00").toISOString(),
      reference: sealOf(h.bot.services)("PPC-123"),
    });
  });

  it("確報を提出 by the chief: reported_final", async () => {
    const view = await newView(P.chief, IncidentViews.submitted, () => press(P.chief, IncidentActions.reportFinal));
    await h.slack.fillAndSubmit(P.chief, view.id, { [SubmittedBlocks.day]: "2026-11-24", [SubmittedBlocks.time]: "09:55" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const i = await incident();
    expect(i.status).toBe("reported_final");
    expect(deadlineMet(i.status, "finalReportDueAt")).toBe(true);
    await parentShows(parent, incidentMessages("ja").status.reported_final);
    await threadHas(parent, "確報の提出を記録しました");
    expect(await db().auditEntry.count({ where: { action: "incident.reported_final", subject: `incident:${code}` } })).toBe(1);
    expect(buttonsOf()).not.toContain(IncidentActions.reportFinal);
    // each move completed its task in the checklist, by the presser
    const tasks = await db().incidentTask.findMany({ where: { incidentId: i.id, key: { in: ["containment", "preliminary-report", "final-report"] } } });
    expect(tasks.map((t) => [t.key, t.status, t.doneBy]).sort()).toEqual([
      ["containment", "done", P.chief],
      ["final-report", "done", P.chief],
      ["preliminary-report", "done", P.chief],
    ]);
  });

  it("refuses an out-of-order move (a 速報 after the 確報) with a clear message", async () => {
    await h.slack.fillAndSubmit(P.deputy, staleView.id, { [SubmittedBlocks.day]: "2026-11-24", [SubmittedBlocks.time]: "09:58" });
    const error = h.fake.viewErrors(staleView.id)?.[SubmittedBlocks.day] ?? "";
    expect(error).toContain("確報済み");
    expect(error).toContain("速報済み");
    expect(error).toContain("進めません");
    expect((await incident()).status).toBe("reported_final");
    expect(await db().auditEntry.count({ where: { action: "incident.reported_preliminary", subject: `incident:${code}` } })).toBe(1);
    const refused = await db().auditEntry.findFirst({ where: { action: "incident.press_refused", actorId: P.deputy } });
    expect(refused?.data).toMatchObject({ attempted: "reportPreliminary", refusal: "out_of_order" });
  });
});

describe("/privacy incident report", () => {
  it("posts the preliminary draft as a Markdown file in the thread, with the nine headings and 未確定", async () => {
    const before = h.fake.files().length;
    const e = await privacy(h, P.chief, `incident report ${code} preliminary`);
    expect(e.shown).toContain("スレッドに投稿しました");
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.name).toBe(`${code}-preliminary-draft.md`);
    const content = file.bytes!.toString("utf8");
    const headings = incidentMessages("ja").report.item;
    REPORT_ITEMS.forEach((item, n) => expect(content).toContain(`## ${n + 1}. ${headings[item]}`));
    expect(content).toContain("未確定");
    expect(content).toContain("宛先の選択誤り");
    const reply = h.fake.thread(parent.channel, parent.ts).find((m) => m.files?.some((f) => f.id === file.id));
    expect(reply?.thread_ts).toBe(parent.ts);
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.report_drafted", subject: `incident:${code}` } });
    expect(a.data).toMatchObject({ kind: "preliminary", postedTo: "thread" });
  });

  it("a final draft says which items are missing and still attaches the draft marked 未記入", async () => {
    const before = h.fake.files().length;
    const e = await privacy(h, P.compliance, `incident report ${code} final`);
    expect(e.shown).toContain("未記入");
    expect(e.shown).toContain("再発防止のための措置");
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.bytes!.toString("utf8")).toContain("未記入");
  });

  it("refuses an outsider, says nothing of the incident, and logs it", async () => {
    const before = h.fake.files().length;
    const e = await privacy(h, P.employee2, `incident report ${code}`);
    expect(e.shown).toContain("報告者と対応者");
    expect(h.fake.files().length).toBe(before);
    const refused = await db().auditEntry.findMany({ where: { action: "incident.press_refused", actorId: P.employee2, subject: `incident:${code}` } });
    expect(refused.map((r) => r.data)).toContainEqual({ attempted: "report", refusal: "not_responder" });
  });
});
