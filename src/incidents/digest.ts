// The incidents section of the compliance digest: the open incidents with their status
// and next deadline (overdue first), and how many were reported and closed in the period.
// Open incidents are few; the period's counts are counted in the database. Codes link to
// the incident's post (the incidents channel is restricted, so the link shows nothing to
// someone outside it); no summary is repeated here.
import type { DigestProvider } from "../platform/digest.js";
import { openIncidentLine, openIncidents } from "./overview.js";
import { incidentOverviewMessages } from "./overviewMessages.js";

/** incidents listed by name at most (the rest are counted) */
const LIST = 15;

export const incidentsDigest: DigestProvider = async (ctx) => {
  const s = ctx.services;
  const db = s.database.prisma;
  const [open, opened, closed] = await Promise.all([
    openIncidents(db, ctx.now),
    db.incident.count({ where: { reportedAt: { gte: ctx.from, lt: ctx.to } } }),
    db.incident.count({ where: { closedAt: { gte: ctx.from, lt: ctx.to } } }),
  ]);
  if (open.length + opened + closed === 0) return null;
  const m = incidentOverviewMessages(ctx.lang);
  const lines = [m.digest.counts(open.length, opened, closed)];
  for (const i of open.slice(0, LIST)) {
    lines.push(openIncidentLine(s, i, ctx.lang));
  }
  if (open.length > LIST) lines.push(m.digest.more(open.length - LIST));
  return { order: 60, title: m.digest.title, lines };
};
