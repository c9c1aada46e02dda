// /privacy register …: the register of personal data (個人データ管理台帳, 規程 第23条, 第25条2項(1)①).
//   register              the list, newest first, with a button to open each entry and one for a new entry
//   register <words>      entries whose code, name, data items or department hold every word
//   register export       the whole register as CSV (UTF-8 with BOM, for Excel), compliance, audit lead, chief
//   register edit <code>  the entry's form, for its owner and the chief; anyone else is refused here
//   register review       the entries not reviewed within a year (what the audit calendar's register review waits for)
import { isChiefOrDeputy, managedDepartments } from "../src/directory/roles.js";
import { appendAudit } from "../src/platform/audit/chain.js";
import { dayIn } from "../src/platform/day.js";
import { transact } from "../src/platform/db.js";
import { formView, listBlocks, registerCsv } from "../src/register/blocks.js";
import { logRefusal } from "../src/register/flows.js";
import { registerMessages } from "../src/register/messages.js";
import { isEntryCode, mayEdit, mayExport, searchWords } from "../src/register/rules.js";
import { allEntries, departmentNames, departmentOptions, findEntry, reviewDueList, searchEntries } from "../src/register/store.js";
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

async function editEntry(ctx: CommandContext, code: string): Promise<void> {
  const s = ctx.services;
  const m = registerMessages(ctx.actor.lang);
  const e = isEntryCode(code) ? await findEntry(s.database.prisma, { code }) : null;
  if (!e) return ctx.respond({ text: m.notFoundCode(code) });
  if (!mayEdit(ctx.actor, e)) {
    await logRefusal(s, ctx.actor.slackId, `register:${e.code}`, "amend", "not_allowed");
    return ctx.respond({ text: m.notAllowedEdit(`<@${e.ownerId}>`) });
  }
  await ctx.openModal(
    formView(e, { departmentId: e.departmentId, ownerId: e.ownerId }, ctx.actor.lang, {
      departments: await departmentOptions(s.database.prisma),
      telecomCarrier: s.settings?.company.telecomCarrier ?? true,
    }),
  );
}

export const registerCommand: PrivacyCommand = {
  name: "register",
  usage: (lang) => registerMessages(lang).usage,
  async run(ctx) {
    if (ctx.args.length === 1 && ctx.args[0]!.toLowerCase() === "export") return exportRegister(ctx);
    if (ctx.args.length === 2 && ctx.args[0]!.toLowerCase() === "edit") return editEntry(ctx, ctx.args[1]!.toUpperCase());
    const opts = { mayCreate: isChiefOrDeputy(ctx.actor) || managedDepartments(ctx.actor).length > 0, mayExport: mayExport(ctx.actor) };
    const db = ctx.services.database.prisma;
    if (ctx.args.length === 1 && ctx.args[0]!.toLowerCase() === "review") {
      const { rows, total } = await reviewDueList(db, dayIn(ctx.services.clock.now(), ctx.services.timeZone), REGISTER_LIST_MAX);
      return ctx.respond(listBlocks(rows, total, "", ctx.actor.lang, { ...opts, header: registerMessages(ctx.actor.lang).reviewHeader }));
    }
    const words = searchWords(ctx.args);
    const { rows, total } = await searchEntries(db, words, REGISTER_LIST_MAX);
    await ctx.respond(listBlocks(rows, total, words.join(" "), ctx.actor.lang, opts));
  },
};
