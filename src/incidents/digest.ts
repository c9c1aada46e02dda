// The incidents section of the compliance digest: the open incidents with their status
// and next deadline (overdue first), and how many were reported and closed in the period.
// Open incidents are few; the period's counts are counted in the database. Codes link to
// the incident's post (the incidents channel is restricted, so the link shows nothing to
// someone outside it); no summary is repeated here.
import type { DigestProvider } from "../platform/digest.js";
import { formatDateTime } from "../platform/i18n.js";
import { messageLink } from "../platform/services.js";
import { incidentMessages } from "./messages.js";
import { dueLabel, openIncidents } from "./overview.js";
import { incidentOverviewMessages } from "./overviewMessages.js";
import type { IncidentStatus } from "./rules.js";

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
  const status = incidentMessages(ctx.lang).status;
  const lines = [m.digest.counts(open.length, opened, closed)];
  for (const i of open.slice(0, LIST)) {
    const code = i.channelId && i.messageTs ? `<${messageLink(s, i.channelId, i.messageTs)}|${i.code}>` : i.code;
    const next = i.next
      ? m.next(dueLabel(i.next.taskKey, ctx.lang), formatDateTime(i.next.dueAt, ctx.lang, s.timeZone), i.overdue)
      : i.status === "open"
        ? m.noNext
        : m.noDue;
    lines.push(m.item(code, status[i.status as IncidentStatus] ?? i.status, next));
  }
  if (open.length > LIST) lines.push(m.digest.more(open.length - LIST));
  return { order: 60, title: m.digest.title, lines };
};
