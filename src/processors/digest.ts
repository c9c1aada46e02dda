// The processors section of the compliance digest: inspections overdue and due within 30
// days (第15条6項), processor documents and provision records past their retention and
// not yet disposed of (第15条7項, 第31条, APPI Art.29). Counted in the database; at most
// LIST items named, with links to their requests' threads.
import type { DigestProvider } from "../platform/digest.js";
import { shownWithoutPii } from "../platform/pii/index.js";
import { messageLink } from "../platform/services.js";
import { processorMessages, showDay } from "./messages.js";
import { addDays, dateDay, dayDate, dayIn, daysBetween } from "./rules.js";
import { documentsDueWhere, inspectionsRunningWhere, processorDisposalItem, provisionsDueWhere, requestLinks } from "./store.js";

/** items listed by name at most (the rest are counted) */
const LIST = 10;
/** "due soon": within this many days */
const SOON_DAYS = 30;

export const processorsDigest: DigestProvider = async (ctx) => {
  const s = ctx.services;
  const db = s.database.prisma;
  const m = processorMessages(ctx.lang);
  const today = ctx.calendar.day(ctx.now);
  const running = inspectionsRunningWhere(db, today);
  // the running condition compares nextInspectionDue with the contract's end: both hold (AND)
  const overdueWhere = { AND: [running, { nextInspectionDue: { lt: dayDate(today) } }] };
  const soonWhere = { AND: [running, { nextInspectionDue: { gte: dayDate(today), lte: dayDate(addDays(today, SOON_DAYS)) } }] };
  const [overdue, soon, documents, provisions] = await Promise.all([
    db.processor.count({ where: overdueWhere }),
    db.processor.count({ where: soonWhere }),
    db.processor.count({ where: documentsDueWhere(today) }),
    db.provisionRecord.count({ where: provisionsDueWhere(ctx.now) }),
  ]);
  if (overdue + soon + documents + provisions === 0) return null;

  const lines: string[] = [];
  if (overdue + soon > 0) lines.push(m.digestInspections(overdue, soon));
  if (documents > 0) lines.push(m.digestDocuments(documents));
  if (provisions > 0) lines.push(m.digestProvisions(provisions));

  const [overdueRows, soonRows, documentRows, provisionRows] = await Promise.all([
    overdue ? db.processor.findMany({ where: overdueWhere, orderBy: [{ nextInspectionDue: "asc" }, { requestCode: "asc" }], take: LIST }) : [],
    soon ? db.processor.findMany({ where: soonWhere, orderBy: [{ nextInspectionDue: "asc" }, { requestCode: "asc" }], take: LIST }) : [],
    documents ? db.processor.findMany({ where: documentsDueWhere(today), orderBy: [{ retainUntil: "asc" }, { requestCode: "asc" }], take: LIST }) : [],
    provisions
      ? db.provisionRecord.findMany({
          where: provisionsDueWhere(ctx.now),
          orderBy: [{ retainUntil: "asc" }, { id: "asc" }],
          take: LIST,
          select: { requestId: true, recipient: true, retainUntil: true },
        })
      : [],
  ]);
  const links = await requestLinks(
    db,
    [...overdueRows, ...soonRows, ...documentRows, ...provisionRows].map((r) => r.requestId),
  );
  const link = (requestId: string, fallback: string) => {
    const l = links.get(requestId);
    const code = l?.code ?? fallback;
    return l?.channelId && l.messageTs ? `<${messageLink(s, l.channelId, l.messageTs)}|${code}>` : code;
  };
  // names typed in a request: shown unless they seem to hold personal data (a sent digest cannot be erased)
  const clean = (t: string) => shownWithoutPii(t, ctx.lang).replace(/[<>&]/g, "");
  const items = [
    ...overdueRows.map((p) => {
      const due = dateDay(p.nextInspectionDue);
      return m.digestOverdueItem(link(p.requestId, p.requestCode), clean(p.name), showDay(due, ctx.lang), daysBetween(due, today));
    }),
    ...soonRows.map((p) => {
      const due = dateDay(p.nextInspectionDue);
      return m.digestSoonItem(link(p.requestId, p.requestCode), clean(p.name), showDay(due, ctx.lang), daysBetween(today, due));
    }),
    ...documentRows.map((p) =>
      m.digestDocumentsItem(link(p.requestId, p.requestCode), clean(p.name), showDay(processorDisposalItem(p).retainUntil ?? "", ctx.lang)),
    ),
    ...provisionRows.map((r) =>
      m.digestProvisionItem(link(r.requestId, r.requestId), clean(r.recipient), showDay(dayIn(new Date(r.retainUntil.getTime() - 1), s.timeZone), ctx.lang)),
    ),
  ];
  lines.push(...items.slice(0, LIST));
  const total = overdue + soon + documents + provisions;
  if (total > Math.min(items.length, LIST)) lines.push(m.digestMore(total - Math.min(items.length, LIST)));
  return { order: 50, title: m.digestTitle, lines };
};
