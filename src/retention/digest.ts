// The retention section of the compliance digest: what is past its retention and not
// disposed of (規程 第31条; processors' data to return or erase, 第15条2項(2)④), and the
// purposes whose end day cannot be computed (要確認). Counted in the database; at most
// LIST items named.
import type { DigestProvider } from "../platform/digest.js";
import { shownWithoutPii } from "../platform/pii/index.js";
import { mention } from "../platform/slack/calls.js";
import { linksOf } from "./links.js";
import { retentionMessages, showDay } from "./messages.js";
import { dateDay, daysBetween, type SubjectKind } from "./rules.js";
import { dueWhere, unknownWhere } from "./store.js";

const LIST = 10;

export const retentionDigest: DigestProvider = async (ctx) => {
  const s = ctx.services;
  const db = s.database.prisma;
  const m = retentionMessages(ctx.lang);
  const today = ctx.calendar.day(ctx.now);
  const [byKind, unknown] = await Promise.all([
    db.retentionItem.groupBy({ by: ["subjectKind"], where: dueWhere(today), _count: { _all: true } }),
    db.retentionItem.count({ where: { ...unknownWhere(), subjectKind: "purpose" } }),
  ]);
  const count = (k: SubjectKind) => byKind.find((r) => r.subjectKind === k)?._count._all ?? 0;
  const total = count("purpose") + count("processor_return") + count("entry");
  if (total + unknown === 0) return null;
  const lines: string[] = [];
  if (total > 0) lines.push(m.digestDue(count("purpose"), count("processor_return"), count("entry")));
  if (unknown > 0) lines.push(m.digestUnknown(unknown));
  if (total > 0) {
    const rows = await db.retentionItem.findMany({ where: dueWhere(today), orderBy: [{ endDay: "asc" }, { subjectRef: "asc" }], take: LIST });
    const link = await linksOf(db, s, rows);
    const clean = (t: string) => shownWithoutPii(t, ctx.lang).replace(/[<>&]/g, "");
    for (const r of rows) {
      const end = dateDay(r.endDay!);
      lines.push(
        m.digestItem(
          link(r),
          m.kinds[r.subjectKind as SubjectKind] ?? r.subjectKind,
          clean(r.label),
          showDay(end, ctx.lang),
          daysBetween(end, today),
          mention(r.ownerId),
        ),
      );
    }
    if (total > rows.length) lines.push(m.digestMore(total - rows.length));
  }
  return { order: 55, title: m.digestTitle, lines };
};
