// The decision log's section of the compliance digest: the latest anchor (count, full
// head hash, when), so that the digest, posted outside the database too, carries the head
// as well; a missing or stale anchor is flagged. Shown whenever the log has entries.
import type { DigestProvider } from "../digest.js";
import { formatDateTime } from "../i18n.js";
import { auditMessages } from "./messages.js";

const DAY_MS = 86_400_000;

export const auditDigest: DigestProvider = async (ctx) => {
  const db = ctx.services.database.prisma;
  const [latest, last] = await Promise.all([
    db.auditAnchor.findFirst({ orderBy: { id: "desc" } }),
    db.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true } }),
  ]);
  if (!latest && !last) return null;
  const m = auditMessages(ctx.lang).digest;
  const lines: string[] = [];
  if (latest) {
    lines.push(m.line(latest.seq, latest.hash, formatDateTime(latest.at, ctx.lang, ctx.services.timeZone)));
    const days = Math.floor((ctx.now.getTime() - latest.at.getTime()) / DAY_MS);
    if (days >= 2) lines.push(m.stale(days));
  } else lines.push(m.none);
  lines.push(m.head(last?.seq ?? 0));
  return { order: 90, title: m.title, lines };
};
