// /privacy export [from] [to]: the audit log as CSV, for compliance and the audit lead.
import { exportCsv } from "../src/platform/audit/chain.js";
import { appendAudit } from "../src/platform/audit/chain.js";
import { mayExportAudit } from "../src/directory/roles.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";
import { transact } from "../src/platform/db.js";

const DAY = 24 * 3600 * 1000;
/** A real calendar day: Date.parse rolls 2026-02-30 over to March, so the day must read back the same. */
const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
const ymd = (d: Date, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);

/** Midnight of a calendar day in the company's time zone (JST has no DST: a fixed offset is read once). */
function startOfDay(day: string, timeZone: string): Date {
  const utc = new Date(`${day}T00:00:00Z`);
  const local = new Date(utc.toLocaleString("en-US", { timeZone }));
  const offset = local.getTime() - new Date(utc.toLocaleString("en-US", { timeZone: "UTC" })).getTime();
  return new Date(utc.getTime() - offset);
}

export const exportCommand: PrivacyCommand = {
  name: "export",
  usage: (lang) => commandMessages(lang).usage.export,
  async run(ctx) {
    const m = commandMessages(ctx.actor.lang).export;
    if (!mayExportAudit(ctx.actor)) return ctx.respond({ text: m.notAllowed });
    const s = ctx.services;
    const today = ymd(s.clock.now(), s.timeZone);
    const from = ctx.args[0] ?? ymd(new Date(s.clock.now().getTime() - 30 * DAY), s.timeZone);
    const to = ctx.args[1] ?? today;
    if (!isDate(from) || !isDate(to)) return ctx.respond({ text: m.badDate });
    if (to < from) return ctx.respond({ text: m.badRange });
    const csv = await exportCsv(s.database.prisma, startOfDay(from, s.timeZone), new Date(startOfDay(to, s.timeZone).getTime() + DAY));
    const count = csv.trimEnd().split("\n").length - 1;
    await transact(s.database.prisma, (tx) =>
      appendAudit(tx, { at: s.clock.now(), actorId: ctx.actor.slackId, action: "audit.exported", subject: "audit-log", data: { from, to, entries: count } }),
    );
    await ctx.uploadFile({ filename: `mamori-audit-${from}_${to}.csv`, title: m.title(from, to), content: csv });
    await ctx.respond({ text: m.done(from, to, count) });
  },
};
