// What the incident tests share: an incident reported by an employee with /privacy
// incident and assessed by the chief from its post (so it is triaged, with its deadlines
// and checklist), and the Home tab as a person sees it.
import { expect } from "vitest";
import type { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import type { Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { pumping, newView } from "../support/clock.js";
import { openHome, shown } from "../support/commands.js";

const P = ORG.people;

/**
 * The employee reports (discovered 2026-11-24 09:30, 100-1000 people, not ongoing, plus
 * `report`), the chief assesses from the post (not encrypted, plus `assessment`); returns
 * the incident and its post in the incidents channel once it is triaged.
 */
export async function reportAndTriage(
  h: Harness,
  clock: ManualClock,
  report: Record<string, string>,
  assessment: Record<string, string | string[]>,
): Promise<{ code: string; id: string; parent: FakeMessage }> {
  const db = h.bot.services.database.prisma;
  const view = await newView(h, P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
  await h.slack.fillAndSubmit(P.employee, view.id, {
    [ReportBlocks.discoveredOn]: "2026-11-24",
    [ReportBlocks.discoveredTime]: "09:30",
    [ReportBlocks.affected]: "100-1000",
    [ReportBlocks.ongoing]: "no",
    ...report,
  });
  const { code, id } = await db.incident.findFirstOrThrow({ where: { reporterId: P.employee } });
  const parent = await pumping(
    h,
    clock,
    h.fake.waitFor(() => h.fake.messages(ORG.channels.incidents).find((m) => shown(m).includes(code))),
  );
  const block = (parent.blocks ?? []).find((b) => b.type === "actions");
  const assess = await newView(h, P.chief, IncidentViews.assess, () =>
    h.slack.blockAction(P.chief, { actionId: IncidentActions.assess, blockId: block?.block_id as string, message: { channel: parent.channel, ts: parent.ts } }),
  );
  await h.slack.fillAndSubmit(P.chief, assess.id, { [AssessBlocks.encrypted]: "no", ...assessment });
  expect((await db.incident.findUniqueOrThrow({ where: { id } })).status).toBe("triaged");
  return { code, id, parent };
}

/** What the person's Home tab shows, once it satisfies `ok`. */
export async function homeShows(h: Harness, clock: ManualClock, user: string, ok: (text: string) => boolean): Promise<string> {
  await openHome(h, user);
  return pumping(
    h,
    clock,
    h.fake.waitFor(() => {
      const v = h.fake.homeView(user);
      const t = v ? shown({ blocks: v.view.blocks }) : "";
      return v && ok(t) ? t : undefined;
    }),
  );
}
