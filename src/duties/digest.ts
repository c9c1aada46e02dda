// The compliance digest's section on the annual audit and plan calendar: the fiscal
// year's status (done with the document's link, due within 30 days, overdue), and
// earlier years' duties still open. Only when something is to report: a duty done in
// the period, one due within 30 days, or one overdue. The register's review, open and due
// soon or overdue, is followed by the number of entries not reviewed within the year.
// Reads at most ten rows and two counts; writes nothing (a year whose duties do not exist
// yet is read as its default plan).
import type { DigestProvider } from "../platform/digest.js";
import { detectPii } from "../platform/pii/index.js";
import { messageLink } from "../platform/services.js";
import { dueText, dutyTitle } from "./blocks.js";
import { dutyMessages, formatDay } from "./messages.js";
import { defaultPlan, dutyStatus, fiscalYearOf } from "./rules.js";
import { getYears, openBefore, registerReviewState, yearDuties, type DutyRow } from "./store.js";

export const dutiesDigest: DigestProvider = async (ctx) => {
  const { calendar, settings, lang } = ctx;
  const db = ctx.services.database.prisma;
  const m = dutyMessages(lang);
  const today = calendar.day(ctx.now);
  const fy = fiscalYearOf(today, settings.fiscalYearStartMonth);
  let duties: DutyRow[] = await yearDuties(db, fy);
  if (duties.length === 0) {
    duties = defaultPlan(fy, settings.fiscalYearStartMonth).map((p) => ({
      id: "",
      fiscalYear: fy,
      kind: p.kind,
      dueOn: p.dueOn,
      ownerRole: p.ownerRole,
      closedOn: null,
      closedBy: null,
      closedAt: null,
      documentUrl: null,
      note: null,
    }));
  }
  const earlier = await openBefore(db, fy);
  const years = await getYears(db, [fy, ...earlier.map((d) => d.fiscalYear)]);
  const title = (d: DutyRow) => {
    const y = years.get(d.fiscalYear);
    const t = dutyTitle(d, lang);
    return y?.channelId && y.messageTs ? `<${messageLink(ctx.services, y.channelId, y.messageTs)}|${t}>` : t;
  };

  let news = false;
  const lines: string[] = [];
  const registerLine = async (d: DutyRow) => {
    if (d.kind !== "register-review") return;
    const r = await registerReviewState(db, today);
    lines.push(m.registerState(r.due, r.total));
  };
  for (const d of [...earlier, ...duties]) {
    const st = dutyStatus(calendar, d, today);
    if (st.status === "done") {
      if (d.closedAt && d.closedAt >= ctx.from && d.closedAt < ctx.to) news = true;
      // the document's link is typed: left out when it seems to hold personal data (a sent digest cannot be erased)
      const url = d.documentUrl && detectPii(d.documentUrl).length === 0 ? d.documentUrl : null;
      lines.push(m.digestDone(title(d), formatDay(st.closedOn, lang), url));
    } else if (st.status === "overdue") {
      news = true;
      lines.push(m.digestOverdue(title(d), dueText(calendar, d.dueOn, lang), st.days));
      await registerLine(d);
    } else if (st.status === "due_soon") {
      news = true;
      lines.push(m.digestSoon(title(d), dueText(calendar, d.dueOn, lang), st.days));
      await registerLine(d);
    }
  }
  if (!news) return null;
  const done = duties.filter((d) => d.closedOn).length;
  return { order: 40, title: m.digestTitle(fy), lines: [m.digestSummary(done, duties.length), ...lines] };
};
