// /privacy duties …: the annual audit and plan calendar (規程 第21条2項, 第23, 25, 26, 29, 30条).
//   duties                          this fiscal year's calendar (and earlier duties still open)
//   duties done <kind> [year]       record a duty as done (modal: date, link, note)
//   duties due <kind> <YYYY-MM-DD>  change a due date (the duty's owner role: the audit lead's duties only by the audit lead, 第21条)
import { calendarView, doneModal, dueText, dutyTitle, refusalText } from "../src/duties/blocks.js";
import { calendarOf, changeDue, checkClosable, ensureYear, settingsOf, todayOf } from "../src/duties/flows.js";
import { dutyMessages } from "../src/duties/messages.js";
import { DUTIES, fiscalYearOf, fiscalYearRange, isDay, mayChangeDue, parseDutyKind } from "../src/duties/rules.js";
import { findDuty, openBefore, ownersByRole, registerReviewState, yearDuties } from "../src/duties/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

async function showCalendar(ctx: CommandContext): Promise<void> {
  const s = ctx.services;
  const lang = ctx.actor.lang;
  const { today, fiscalYear } = todayOf(s);
  await ensureYear(s, fiscalYear);
  const db = s.database.prisma;
  const view = calendarView({
    fiscalYear,
    range: fiscalYearRange(fiscalYear, settingsOf(s).fiscalYearStartMonth),
    duties: await yearDuties(db, fiscalYear),
    previous: await openBefore(db, fiscalYear),
    owners: await ownersByRole(db),
    register: await registerReviewState(db, today),
    calendar: calendarOf(s),
    today,
    lang,
  });
  await ctx.respond(view);
}

async function done(ctx: CommandContext, kindWord: string | undefined, yearWord: string | undefined): Promise<void> {
  const s = ctx.services;
  const m = dutyMessages(ctx.actor.lang);
  if (!kindWord) return ctx.respond({ text: [m.needKind, ...m.usage].join("\n") });
  const kind = parseDutyKind(kindWord);
  if (!kind) return ctx.respond({ text: m.unknownKind(kindWord) });
  const { today, fiscalYear } = todayOf(s);
  await ensureYear(s, fiscalYear);
  const db = s.database.prisma;
  let fy = fiscalYear;
  if (yearWord !== undefined) {
    const y = /^(?:FY)?(\d{4})(?:年度)?$/i.exec(yearWord);
    if (!y || Math.abs(Number(y[1]) - fiscalYear) > 1) return ctx.respond({ text: m.badYear(yearWord) });
    fy = Number(y[1]);
    if (fy > fiscalYear) await ensureYear(s, fy);
  } else {
    // an earlier year's duty still open comes first (e.g. last year's review in April)
    const earlier = (await openBefore(db, fiscalYear)).find((d) => d.kind === kind);
    if (earlier) fy = earlier.fiscalYear;
  }
  const d = await findDuty(db, fy, kind);
  if (!d) return ctx.respond({ text: m.notFound });
  const check = await checkClosable(s, ctx.actor.slackId, d, ctx.actor.roles);
  if (!check.ok) return ctx.respond({ text: refusalText(check.refusal, d, ctx.actor.lang, check.unreviewed) });
  await ctx.openModal(doneModal(calendarOf(s), d, today, ctx.actor.lang));
}

async function due(ctx: CommandContext, kindWord: string | undefined, dateWord: string | undefined, extra: boolean): Promise<void> {
  const s = ctx.services;
  const lang = ctx.actor.lang;
  const m = dutyMessages(lang);
  if (!kindWord || !dateWord || extra) return ctx.respond({ text: m.dueUsage });
  const kind = parseDutyKind(kindWord);
  if (!kind) return ctx.respond({ text: m.unknownKind(kindWord) });
  // the audit lead's duties are the audit lead's alone (第21条); the chief's are the chief's
  if (!mayChangeDue(ctx.actor.roles, kind)) return ctx.respond({ text: DUTIES[kind].owner === "chief" ? m.dueNotChief : m.dueAuditLeadOnly });
  if (!isDay(dateWord)) return ctx.respond({ text: m.dueBadDate(dateWord) });
  const { today, fiscalYear } = todayOf(s);
  if (dateWord < today) return ctx.respond({ text: m.duePast });
  const fy = fiscalYearOf(dateWord, settingsOf(s).fiscalYearStartMonth);
  if (fy > fiscalYear + 1) return ctx.respond({ text: m.dueTooFar(fiscalYear + 1) });
  await ensureYear(s, fy);
  const r = await changeDue(s, { actorId: ctx.actor.slackId, fiscalYear: fy, kind, dueOn: dateWord });
  if (!r.ok) return ctx.respond({ text: refusalText(r.refusal, r.duty ?? (await findDuty(s.database.prisma, fy, kind)), lang) });
  const cal = calendarOf(s);
  const title = dutyTitle(r.duty, lang);
  if (r.same) return ctx.respond({ text: m.dueSame(title, dueText(cal, dateWord, lang)) });
  await ctx.respond({ text: `${m.dueChanged(title, dueText(cal, r.before, lang), dueText(cal, dateWord, lang))}` });
}

export const dutiesCommand: PrivacyCommand = {
  name: "duties",
  usage: (lang) => dutyMessages(lang).usage,
  async run(ctx) {
    const [verb, a, b, ...rest] = ctx.args;
    switch ((verb ?? "").toLowerCase()) {
      case "":
        return showCalendar(ctx);
      case "done":
        if (rest.length > 0) return ctx.respond({ text: dutyMessages(ctx.actor.lang).usage.join("\n") });
        return done(ctx, a, b);
      case "due":
        return due(ctx, a, b, rest.length > 0);
      default:
        return ctx.respond({ text: dutyMessages(ctx.actor.lang).usage.join("\n") });
    }
  },
};
