// The company profile decides the tracks, over signed HTTP (issue 13): a designated carrier
// is asked about 特定利用者情報 and gets its own report task, marked 要確認, while a company
// that is not a carrier keeps the PPC path (no 通信の秘密 question, the PPC named).
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { parseSettings, type Settings } from "../../src/settings.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, pumping, newView } from "../support/clock.js";
import { shown } from "../support/commands.js";

const P = ORG.people;
let h: Harness | undefined;
afterAll(async () => {
  await h?.close();
});

/** Reports as the employee and opens the chief's assessment; returns both modals' blocks and what the chief submitted. */
async function reportAndAssess(settings: Settings, assessment: Record<string, string | string[]>) {
  const clock = new ManualClock(jst("2026-11-24T10:00:00"));
  await h?.close();
  h = await startHarness({ clock, fake: { clock }, settings });
  const hh = h;
  const db = hh.bot.services.database.prisma;
  const view = await newView(hh, P.employee, IncidentViews.report, () => hh.slack.command(P.employee, "/privacy", "incident"));
  const reportBlocks = JSON.stringify(view.view.blocks);
  await hh.slack.fillAndSubmit(P.employee, view.id, {
    [ReportBlocks.summary]: "利用者3名の契約情報を誤って別の利用者に送付した",
    [ReportBlocks.discoveredOn]: "2026-11-24",
    [ReportBlocks.discoveredTime]: "09:30",
    [ReportBlocks.data]: "利用者の氏名・契約内容",
    [ReportBlocks.affected]: "1-9",
    [ReportBlocks.ongoing]: "no",
    [ReportBlocks.processor]: "no",
  });
  expect(hh.fake.viewErrors(view.id) ?? {}).toEqual({});
  const { code, id } = await db.incident.findFirstOrThrow({ where: { reporterId: P.employee } });
  const parent = await pumping(
    hh,
    clock,
    hh.fake.waitFor(() => hh.fake.messages(ORG.channels.incidents).find((m) => shown(m).includes(code))),
  );
  const assess = await newView(hh, P.chief, IncidentViews.assess, () =>
    hh.slack.blockAction(P.chief, { actionId: IncidentActions.assess, message: { channel: parent.channel, ts: parent.ts } }),
  );
  const assessBlocks = JSON.stringify(assess.view.blocks);
  await hh.slack.fillAndSubmit(P.chief, assess.id, { [AssessBlocks.encrypted]: "no", [AssessBlocks.processor]: "no", ...assessment });
  expect(hh.fake.viewErrors(assess.id) ?? {}).toEqual({});
  const card = await pumping(
    hh,
    clock,
    hh.fake.waitFor(() => {
      const m = hh.fake.message(parent.channel, parent.ts);
      return m && shown(m).includes("報告の系統") ? shown(m) : undefined;
    }),
  );
  const task = (key: string) => db.incidentTask.findFirstOrThrow({ where: { key, incidentId: id } });
  return { report: reportBlocks, assess: assessBlocks, card, task };
}

describe("a designated carrier", () => {
  it("is asked about 特定利用者情報; its report task is marked 要確認, without a deadline of the bot's own", async () => {
    const r = await reportAndAssess(parseSettings("company: { bureau: kinki, designatedCarrier: true }\n"), {
      [AssessBlocks.affectedCount]: "3",
      [AssessBlocks.secrecy]: "no",
      [AssessBlocks.tracks]: ["specified-user-info"],
    });
    expect(r.report).toContain("通信の秘密");
    expect(r.assess).toContain("特定利用者情報を含む");
    expect(await r.task("specified-user-info-report")).toMatchObject({ status: "open", dueAt: null });
    expect(r.card).toContain("特定利用者情報の漏えい等（指定を受けた電気通信事業者）");
    expect(r.card).toContain("報告先・期限は要確認（ボットは定めていません）");
    expect(r.card).toContain("総務省への即時報告（当社の方針");
  });
});

describe("a company that is not a telecom carrier", () => {
  it("keeps the PPC path: no 通信の秘密 or 特定利用者情報 question, the PPC named, no ministry report", async () => {
    const r = await reportAndAssess(parseSettings("company: { telecomCarrier: false }\n"), {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "3",
    });
    expect(r.report).not.toContain("通信の秘密");
    expect(r.assess).not.toContain("通信の秘密");
    expect(r.assess).not.toContain("特定利用者情報");
    expect(r.card).toContain("報告先：個人情報保護委員会");
    expect(r.card).toContain("速報（個人情報保護委員会）");
    expect(r.card).not.toContain("総合通信局");
    expect(await r.task("ministry-report")).toMatchObject({ status: "na", naReason: "not-telecom" });
    expect(await r.task("secrecy-first-report")).toMatchObject({ status: "na", naReason: "not-telecom" });
  });
});
