// A company that turned the deputy chief off (governance.deputyChief: false; the deputy is
// a company extension, 規程 第3条・第20条 name none): an incident nobody acknowledged is
// escalated to compliance only; the stored deputy is told nothing as one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import { parseSettings } from "../../src/settings.js";
import { drain, jst, newView, runJobAt } from "../support/clock.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const escalations = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("まだ誰も受領していません"));

beforeAll(async () => {
  // the org file may no longer give the role; a deputy stored before the setting changed keeps it in the directory
  const orgYaml = ORG_YAML.replace("roles: [deputyChief]", "roles: [handler]");
  h = await startHarness({
    clock,
    fake: { clock },
    orgYaml,
    settings: parseSettings("company: { telecomCarrier: false }\ngovernance: { deputyChief: false }\n"),
  });
  await h.bot.services.database.prisma.person.update({ where: { slackId: P.deputy }, data: { roles: ["deputyChief"] } });
  const view = await newView(h, P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
  const r = await h.slack.fillAndSubmit(P.employee, view.id, {
    [ReportBlocks.summary]: "顧客リストを誤って外部に送信",
    [ReportBlocks.discoveredOn]: "2026-11-24",
    [ReportBlocks.discoveredTime]: "09:30",
    [ReportBlocks.data]: "顧客の氏名",
    [ReportBlocks.affected]: "100-1000",
    [ReportBlocks.ongoing]: "no",
    [ReportBlocks.processor]: "no",
  });
  expect(r.status).toBe(200);
  await drain(h, clock);
});
afterAll(async () => {
  await h?.close();
});

describe("the deputy chief turned off", () => {
  it("an incident nobody acknowledged: compliance is DMed at 31 minutes, the stored deputy is not", async () => {
    const r = await runJobAt(h, clock, "incidents.escalations", "2026-11-24T10:31:00");
    expect(r.result).toMatchObject({ escalated: 1 });
    expect(escalations(P.compliance)).toHaveLength(1);
    expect(escalations(P.deputy)).toEqual([]);
  });
});
