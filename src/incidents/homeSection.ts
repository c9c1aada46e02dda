// The incidents' sections of the App Home tab (src/home/sections.ts):
// - 「対応中の事故」: the chief, the deputy chief and compliance see every open incident, an
//   incident's lead the ones they lead; each with its next deadline and a button to its post.
//   Nobody else sees the section (nor learns that incidents exist).
// - 「あなたの事故対応タスク」: the open tasks this person owns, with their due dates.
// - the Home's 「事故を報告」 button (the same modal as the global shortcut), for everyone.
import type { KnownBlock } from "@slack/types";
import type { HomeItem, HomeSection, HomeStarter } from "../platform/home.js";
import { homeListBlocks } from "../platform/home.js";
import { messageLink } from "../platform/services.js";
import { mayAssess } from "./access.js";
import { companyProfile } from "./config.js";
import { IncidentActions } from "./ids.js";
import { openIncidentLine, openIncidents } from "./overview.js";
import { incidentOverviewMessages } from "./overviewMessages.js";
import { taskLabelFor } from "./trackMessages.js";

/** incidents and tasks shown at most (the rest are counted) */
const SHOWN = 6;

export const incidentsHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const team = mayAssess(actor);
  const now = s.clock.now();
  const m = incidentOverviewMessages(actor.lang);
  const ctx = { lang: actor.lang, now, timeZone: s.timeZone };
  const link = (i: { channelId: string | null; messageTs: string | null }) => (i.channelId && i.messageTs ? messageLink(s, i.channelId, i.messageTs) : null);
  const blocks: KnownBlock[] = [];

  const list = await openIncidents(db, now, team ? {} : { leadOf: actor.slackId });
  if (team || list.length > 0) {
    const items = list.map((i): HomeItem => {
      const url = link(i);
      // the digest's line (code, status, next deadline); how long is left is added below it, with its ⚠️ / 🔴
      return {
        text: openIncidentLine(s, { ...i, overdue: false }, actor.lang) + (team && i.leadId ? m.lead(`<@${i.leadId}>`) : ""),
        due: i.next ? { at: i.next.dueAt } : null,
        ...(url ? { button: { text: m.home.open, url, actionId: IncidentActions.openLink } } : {}),
      };
    });
    blocks.push(...homeListBlocks(ctx, { title: m.home.title, items, none: m.home.none, seeAll: m.home.seeAll }, SHOWN));
  }

  const tasks = await db.incidentTask.findMany({
    where: { ownerId: actor.slackId, status: "open" },
    select: { key: true, dueAt: true, incidentId: true },
  });
  if (tasks.length > 0) {
    const incidents = await db.incident.findMany({
      where: { id: { in: [...new Set(tasks.map((t) => t.incidentId))] }, status: { not: "closed" } },
      select: { id: true, code: true, channelId: true, messageTs: true },
    });
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const items = tasks.flatMap((t): HomeItem[] => {
      const i = byId.get(t.incidentId);
      if (!i) return [];
      const url = link(i);
      return [
        {
          text: `*${i.code}* ${taskLabelFor(t.key, actor.lang, companyProfile(s))}`,
          due: t.dueAt ? { at: t.dueAt } : null,
          ...(url ? { button: { text: m.home.openTask, url, actionId: IncidentActions.openLink } } : {}),
        },
      ];
    });
    blocks.push(...homeListBlocks(ctx, { title: m.home.tasks, items, none: null, seeAll: m.home.seeAll }, SHOWN));
  }
  return blocks;
};

/** 「事故を報告」: the report modal, as the global shortcut and `/privacy incident` open it. */
export const incidentsHomeStarter: HomeStarter = (actor) => ({
  text: incidentOverviewMessages(actor.lang).home.report,
  actionId: IncidentActions.reportFromHome,
  style: "danger",
});
