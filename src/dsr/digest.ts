// The subject requests and complaints section of the compliance digest: received and
// answered in the period, open now with those past their target or their ceiling,
// refusals of the period by ground (their provisions), those decided whose notice to the
// person is still to be recorded, withdrawals, complaints received, closed and open.
// Counted in the database; at most LIST overdue requests named, with links.
import type { DigestProvider } from "../platform/digest.js";
import { messageLink } from "../platform/services.js";
import { dayText } from "./blocks.js";
import { dsrMessages } from "./messages.js";
import { dayDate, OPEN_DSR_STATUSES, REFUSALS, type DsrKind } from "./rules.js";

/** overdue requests listed by name at most */
const LIST = 10;

export const dsrDigest: DigestProvider = async (ctx) => {
  const db = ctx.services.database.prisma;
  const t = dsrMessages(ctx.lang);
  const today = dayDate(ctx.calendar.day(ctx.now));
  const period = { gte: ctx.from, lt: ctx.to };
  const open = { status: { in: [...OPEN_DSR_STATUSES] } };
  const [received, answered, openCount, overdue, pastCeiling, withdrawn, cReceived, cClosed, cOpen, grounds, awaitingNotice] = await Promise.all([
    db.subjectRequest.count({ where: { createdAt: period } }),
    db.subjectRequest.count({ where: { answeredAt: period } }),
    db.subjectRequest.count({ where: open }),
    db.subjectRequest.count({ where: { ...open, targetOn: { lt: today } } }),
    db.subjectRequest.count({ where: { ...open, ceilingOn: { lt: today } } }),
    db.subjectRequest.count({ where: { status: "withdrawn", closedAt: period } }),
    db.complaint.count({ where: { createdAt: period } }),
    db.complaint.count({ where: { closedAt: period } }),
    db.complaint.count({ where: { status: "open" } }),
    db.$queryRaw<{ ground: string; n: bigint | number }[]>`
      SELECT g AS ground, count(*) AS n FROM "SubjectRequest", unnest(grounds) AS g
      WHERE "answeredAt" >= ${ctx.from} AND "answeredAt" < ${ctx.to} AND outcome = ANY(${[...REFUSALS]}::text[])
      GROUP BY g ORDER BY g`,
    db.subjectRequest.count({ where: { status: "decided" } }),
  ]);
  if (received + answered + openCount + withdrawn + cReceived + cClosed + cOpen === 0) return null;
  const lines: string[] = [];
  if (received + answered + openCount > 0) lines.push(t.digest.counts(received, answered, openCount, overdue, pastCeiling));
  if (grounds.length > 0) lines.push(t.digest.refusals(grounds.map((g) => `${t.groundLabel(g.ground)} ${Number(g.n)}`).join("・")));
  if (awaitingNotice > 0) lines.push(t.digest.awaitingNotice(awaitingNotice));
  if (withdrawn > 0) lines.push(t.digest.withdrawn(withdrawn));
  if (overdue > 0) {
    const rows = await db.subjectRequest.findMany({
      where: { ...open, targetOn: { lt: today } },
      orderBy: [{ ceilingOn: "asc" }, { code: "asc" }],
      take: LIST,
    });
    for (const c of rows) {
      const code = c.channelId && c.messageTs ? `<${messageLink(ctx.services, c.channelId, c.messageTs)}|${c.code}>` : c.code;
      lines.push(t.digest.overdueItem(code, t.kind[c.kind as DsrKind], dayText(c.targetOn, ctx.lang), dayText(c.ceilingOn, ctx.lang)));
    }
  }
  if (cReceived + cClosed + cOpen > 0) lines.push(t.digest.complaints(cReceived, cClosed, cOpen));
  return { order: 65, title: t.digest.title, lines };
};
