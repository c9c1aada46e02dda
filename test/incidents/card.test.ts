// The incident card tells one story (issue 16): after a reassessment it shows the assessed
// number of people (the reporter's first estimate beside it, not in its place); a submitted
// report is marked submitted with its day; the buttons match the status; each deadline says
// how long is left (あと2日, 1日超過) and stands out when a day or less is left or it has
// passed; a reminder says how long is actually left when it is sent. Over signed HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks, SubmittedBlocks } from "../../src/incidents/ids.js";
import { parseSettings } from "../../src/settings.js";
import { reportAndTriage } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { shown } from "../support/commands.js";

const P = ORG.people;
/** A company that is not a telecom carrier: the PPC path (the 速報 and 確報 of APPI Art.26). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);
const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const cardShows = (text: string) => pumping(h.fake.waitFor(() => (shown(latest(parent)).includes(text) ? shown(latest(parent)) : undefined)));
const buttons = () =>
  (latest(parent).blocks ?? [])
    .filter((b) => b.type === "actions")
    .flatMap((b) => ((b as { elements?: { action_id: string }[] }).elements ?? []).map((e) => e.action_id));
/** The card's line of one deadline (its label in Japanese). */
const line = (text: string, label: string) => text.split("\n").find((l) => l.includes(label) && l.includes("•")) ?? "";
const press = (user: string, actionId: string) => h.slack.blockAction(user, { actionId, message: { channel: parent.channel, ts: parent.ts } });
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("個人情報の事故の期限"));

let parent: FakeMessage;
let code: string;
let id: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
  ({ code, id, parent } = await reportAndTriage(
    h,
    clock,
    {
      [ReportBlocks.summary]: "健康診断結果の一覧を社外の1名に誤送信した",
      [ReportBlocks.data]: "健康診断結果、氏名",
      [ReportBlocks.processor]: "no",
    },
    { [AssessBlocks.categories]: ["sensitive"], [AssessBlocks.affectedCount]: "120", [AssessBlocks.processor]: "no" },
  ));
});
afterAll(async () => {
  await h?.close();
});

describe("the incident card", () => {
  it("after the assessment: the assessed number, the first estimate beside it; deadlines with how long is left", async () => {
    const text = await cardShows("人数（評価）");
    expect(text).toContain("120人");
    expect(text).toContain("報告時の見込み：100〜1,000人");
    const i = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(i.preliminaryReportDueAt).not.toBeNull();
    // 2026-11-24 10:00 → the 速報 (2026/11/26 23:59): two days and some hours
    expect(line(text, "速報")).toMatch(/あと2日/);
    expect(line(text, "速報")).not.toContain("⚠️");
    expect(line(text, "確報")).toMatch(/あと\d+日/);
    expect(text).toContain("残り時間は 2026/11/24 10:00 時点");
    // triaged: contain and the reports; closing is not a move from here
    expect(buttons()).toEqual(expect.arrayContaining([IncidentActions.contain, IncidentActions.reportPreliminary, IncidentActions.reportFinal]));
    expect(buttons()).not.toContain(IncidentActions.close);
  });

  it("after a reassessment the card shows the new assessed number, not the first one nor the estimate", async () => {
    const block = (latest(parent).blocks ?? []).find((b) => b.type === "actions");
    const view = await newView(P.chief, IncidentViews.assess, () =>
      h.slack.blockAction(P.chief, {
        actionId: IncidentActions.assess,
        blockId: block?.block_id as string,
        message: { channel: parent.channel, ts: parent.ts },
      }),
    );
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.affectedCount]: "340",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.reason]: "送信先の一覧を確認し、対象者が増えた",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const text = await cardShows("340人");
    expect(text).not.toContain("120人");
    expect(
      text
        .split("\n")
        .filter((l) => l.includes("100〜1,000人"))
        .every((l) => l.includes("報告時の見込み")),
    ).toBe(true);
  });

  it("a reminder sent late says how long is actually left, and the card then makes the near deadline stand out", async () => {
    // the 48-hour stage, run late: 2026-11-25 18:00 is 29 hours 59 minutes before the 速報
    await runJobAt(h, clock, "incidents.escalations", "2026-11-25T18:00:00");
    const dm = await pumping(h.fake.waitFor(() => reminders(P.chief).find((m) => shown(m).includes(code))));
    expect(shown(dm)).toContain("期限まであと1日5時間");
    expect(shown(dm)).not.toContain("48時間前");
    // within a day: the card's 速報 line stands out
    await runJobAt(h, clock, "incidents.escalations", "2026-11-26T08:00:00");
    const text = await cardShows("残り時間は 2026/11/26 08:00 時点");
    expect(line(text, "速報")).toContain("⚠️");
    expect(line(text, "速報")).toContain("あと15時間");
    // past: 🚨 and how long over
    await runJobAt(h, clock, "incidents.escalations", "2026-11-28T01:00:00");
    const over = await cardShows("残り時間は 2026/11/28 01:00 時点");
    expect(line(over, "速報")).toContain("🚨");
    expect(line(over, "速報")).toContain("1日超過");
    const late = reminders(P.chief)
      .filter((m) => shown(m).includes(code))
      .at(-1)!;
    expect(shown(late)).toContain("期限を1日超過");
  });

  it("a submitted report is marked submitted with its day; the buttons follow the status", async () => {
    const view = await newView(P.chief, IncidentViews.submitted, () => press(P.chief, IncidentActions.reportPreliminary));
    await h.slack.fillAndSubmit(P.chief, view.id, { [SubmittedBlocks.day]: "2026-11-27", [SubmittedBlocks.time]: "17:30" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const text = await cardShows("提出済み（2026/11/27）");
    expect(line(text, "速報")).toContain("提出済み（2026/11/27）");
    expect(line(text, "速報")).not.toContain("超過");
    expect(buttons()).not.toContain(IncidentActions.reportPreliminary);
    expect(buttons()).toContain(IncidentActions.reportFinal);
    expect(buttons()).not.toContain(IncidentActions.close); // a 速報 alone does not close
    const i = await db().incident.findUniqueOrThrow({ where: { id } });
    expect(i.preliminarySubmittedAt?.toISOString()).toBe(jst("2026-11-27T17:30:00").toISOString());

    const fin = await newView(P.chief, IncidentViews.submitted, () => press(P.chief, IncidentActions.reportFinal));
    await h.slack.fillAndSubmit(P.chief, fin.id, { [SubmittedBlocks.day]: "2026-11-28", [SubmittedBlocks.time]: "00:30" });
    expect(h.fake.viewErrors(fin.id) ?? {}).toEqual({});
    const after = await cardShows("提出済み（2026/11/28）");
    expect(line(after, "確報")).toContain("提出済み（2026/11/28）");
    expect(buttons()).not.toContain(IncidentActions.reportFinal);
    expect(buttons()).not.toContain(IncidentActions.reportPreliminary);
    expect(buttons()).toContain(IncidentActions.close);
  });
});
