// The 「対応中の事故」 section of the App Home tab (src/home/sections.ts): the
// chief, the deputy chief and compliance see every open incident, an incident's lead the
// ones they lead; each with its status, its next deadline (overdue first) and a link to
// its post. Nobody else sees the section (nor learns that incidents exist).
import type { KnownBlock } from "@slack/types";
import type { Db } from "../platform/db.js";
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { mayAssess } from "./access.js";
import { openIncidentLine, openIncidents } from "./overview.js";
import { incidentOverviewMessages } from "./overviewMessages.js";
import { clip } from "../platform/slack/text.js";

/** incidents shown at most (the rest are counted) */
const SHOWN = 24;

export async function incidentsHomeSection(ctx: {
  db: Db;
  actor: { slackId: string; roles: string[]; lang: Lang };
  services: Services;
}): Promise<KnownBlock[]> {
  const { db, actor, services: s } = ctx;
  const team = mayAssess(actor);
  const now = s.clock.now();
  const list = await openIncidents(db, now, team ? {} : { leadOf: actor.slackId });
  if (!team && list.length === 0) return [];
  const m = incidentOverviewMessages(actor.lang);
  const blocks: KnownBlock[] = [{ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: m.home.title } }];
  if (list.length === 0) return [...blocks, { type: "context", elements: [{ type: "mrkdwn", text: m.home.none }] }];
  const lines = list.slice(0, SHOWN).map((i) => openIncidentLine(s, i, actor.lang) + (team && i.leadId ? m.lead(`<@${i.leadId}>`) : ""));
  for (let k = 0; k < lines.length; k += 8) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(lines.slice(k, k + 8).join("\n"), 3000) } });
  if (list.length > SHOWN) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.home.more(list.length - SHOWN) }] });
  return blocks;
}
