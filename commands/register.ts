// /privacy register …: the register of personal data (個人データ管理台帳, 規程 第23条, 第25条2項(1)①).
//   register              the list, newest first, with a button to open each entry and one for a new entry
//   register <words>      entries whose code, name, data items or department hold every word
//   register export       the whole register as CSV (UTF-8 with BOM, for Excel), compliance, audit lead, chief
import { isChiefOrDeputy, managedDepartments } from "../src/directory/roles.js";
import { appendAudit } from "../src/platform/audit/chain.js";
import { dayIn } from "../src/platform/day.js";
import { transact } from "../src/platform/db.js";
import { listBlocks, registerCsv } from "../src/register/blocks.js";
import { logRefusal } from "../src/register/flows.js";
import { registerMessages } from "../src/register/messages.js";
import { mayExport, searchWords } from "../src/register/rules.js";
import { allEntries, departmentNames, searchEntries } from "../src/register/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

/** Entries shown at most in one answer (each a section with a button: well inside 50 blocks). */
export const REGISTER_LIST_MAX = 20;

async function exportRegister(ctx: CommandContext): Promise<void> {
  const s = ctx.services;
  const m = registerMessages(ctx.actor.lang);
  if (!mayExport(ctx.actor)) {
    await logRefusal(s, ctx.actor.slackId, "register", "export", "not_allowed");
    return ctx.respond({ text: m.notAllowedExport });
  }
  const db = s.database.prisma;
  const [entries, departments] = await Promise.all([allEntries(db), departmentNames(db)]);
  const csv = registerCsv(entries, ctx.actor.lang, { departments, telecomCarrier: s.settings?.company.telecomCarrier ?? true, timeZone: s.timeZone });
  const day = dayIn(s.clock.now(), s.timeZone);
  await transact(db, (tx) =>
    appendAudit(tx, {
      at: s.clock.now(),
      actorId: ctx.actor.slackId,
      action: "register.exported",
      subject: "register",
      data: { entries: entries.length, day },
    }),
  );
  await ctx.uploadFile({ filename: `mamori-register-${day}.csv`, title: m.exportTitle(day), content: csv });
  await ctx.respond({ text: m.exported(entries.length) });
}

export const registerCommand: PrivacyCommand = {
  name: "register",
  usage: (lang) => registerMessages(lang).usage,
  async run(ctx) {
    if (ctx.args.length === 1 && ctx.args[0]!.toLowerCase() === "export") return exportRegister(ctx);
    const words = searchWords(ctx.args);
    const { rows, total } = await searchEntries(ctx.services.database.prisma, words, REGISTER_LIST_MAX);
    const msg = listBlocks(rows, total, words.join(" "), ctx.actor.lang, {
      mayCreate: isChiefOrDeputy(ctx.actor) || managedDepartments(ctx.actor).length > 0,
      mayExport: mayExport(ctx.actor),
    });
    await ctx.respond(msg);
  },
};
