// The requests section of the compliance digest: what happened in the period (counts
// from the event log, grouped in the database) and what is open now, oldest first.
import type { DigestProvider } from "../platform/digest.js";
import { requestsDigestMessages } from "./digestMessages.js";
import { messageLink } from "../platform/services.js";
import { kindOf, REQUEST_KINDS } from "./kinds/index.js";
import { AWAITING_DECISION } from "./workflow.js";

/** open requests listed by name at most (the rest are counted) */
const LIST = 10;

export const requestsDigest: DigestProvider = async (ctx) => {
  const db = ctx.services.database.prisma;
  const m = requestsDigestMessages(ctx.lang);
  const period = { gte: ctx.from, lt: ctx.to };
  const [filed, events, open] = await Promise.all([
    db.request.count({ where: { createdAt: period } }),
    db.requestEvent.groupBy({ by: ["action"], where: { at: period }, _count: { _all: true } }),
    db.request.groupBy({ by: ["status"], where: { status: { in: [...AWAITING_DECISION, "approved"] } }, _count: { _all: true } }),
  ]);
  const ev = (a: string) => events.find((e) => e.action === a)?._count._all ?? 0;
  const op = (s: string) => open.find((o) => o.status === s)?._count._all ?? 0;
  const counts = [
    filed ? m.filed(filed) : "",
    ev("approved_stage2") + ev("rejection_overridden") ? m.approved(ev("approved_stage2") + ev("rejection_overridden")) : "",
    ev("effective") ? m.effective(ev("effective")) : "",
    ev("changes_requested") ? m.changes(ev("changes_requested")) : "",
    ev("rejected") + ev("rejection_confirmed") ? m.rejected(ev("rejected") + ev("rejection_confirmed")) : "",
  ].filter(Boolean);
  // a proposed rejection waits for the chief (規程 第4条3項): counted with stage 2
  const chiefLevel = op("pending_chief") + op("rejection_pending_chief");
  const openTotal = op("pending_manager") + chiefLevel + op("approved");
  if (counts.length === 0 && openTotal === 0) return null;

  const lines: string[] = [];
  if (counts.length) lines.push(counts.join("・"));
  if (openTotal) lines.push(m.pendingNow(op("pending_manager"), chiefLevel, op("approved")));
  // the oldest open ones, with their age in business days and whether they are overdue
  const oldest = await db.request.findMany({
    where: { status: { in: [...AWAITING_DECISION, "approved"] } },
    orderBy: { stageSince: "asc" },
    take: LIST,
    select: { code: true, kind: true, status: true, stageSince: true, createdAt: true, approvedAt: true, channelId: true, messageTs: true },
  });
  if (oldest.length) {
    lines.push(m.oldest);
    for (const r of oldest) {
      const since = r.status === "approved" ? (r.approvedAt ?? r.stageSince ?? r.createdAt) : (r.stageSince ?? r.createdAt);
      const days = ctx.calendar.businessDaysSince(since, ctx.now);
      const limit = r.status === "approved" ? ctx.settings.measuresRemindAfter : ctx.settings.approvals(r.kind).remindAfter;
      const link = r.channelId && r.messageTs ? `<${messageLink(ctx.services, r.channelId, r.messageTs)}|${r.code}>` : r.code;
      const stage =
        r.status === "pending_manager"
          ? m.stage1
          : r.status === "pending_chief"
            ? m.stage2
            : r.status === "rejection_pending_chief"
              ? m.rejectionPending
              : m.measures;
      // the kind, not the title: a title is the start of what the requester typed (the purpose), and a sent digest cannot be erased
      lines.push(m.pendingLine(link, kindOf(r.kind)?.name(ctx.lang) ?? r.kind, stage, days, days >= limit));
    }
  }
  return { order: 10, title: m.requestsTitle, lines };
};

/** Overdue requests: decisions past the reminder threshold of their kind, measures past theirs (counted in the database). */
export const requestsOverdueDigest: DigestProvider = async (ctx) => {
  const db = ctx.services.database.prisma;
  const m = requestsDigestMessages(ctx.lang);
  const [approvals, measures] = await Promise.all([
    db.request.count({
      where: {
        status: { in: [...AWAITING_DECISION] },
        OR: REQUEST_KINDS.map((kind) => ({ kind, stageSince: { lt: ctx.calendar.businessDaysCutoff(ctx.now, ctx.settings.approvals(kind).remindAfter) } })),
      },
    }),
    db.request.count({ where: { status: "approved", approvedAt: { lt: ctx.calendar.businessDaysCutoff(ctx.now, ctx.settings.measuresRemindAfter) } } }),
  ]);
  const lines = [approvals ? m.overdueApprovals(approvals) : "", measures ? m.overdueMeasures(measures) : ""].filter(Boolean);
  return lines.length ? { order: 20, title: m.overdueTitle, lines } : null;
};
