// /privacy complaint …: complaints and inquiries about personal data (苦情・相談, 規程 第22条).
//   complaint                       the logging modal (handlers, managers, chief, deputy, compliance)
//   complaint list                  open complaints (the same roles)
//   complaint status CMP-2026-0001  one complaint (the same roles)
import { complaintMessage, complaintModal, dayText } from "../src/dsr/blocks.js";
import { calendarOf } from "../src/dsr/flows.js";
import { dsrMessages } from "../src/dsr/messages.js";
import { COMPLAINT_CODE, type ComplaintKind, type Via } from "../src/dsr/rules.js";
import { findComplaintByCode, openComplaints } from "../src/dsr/store.js";
import { deskOnly } from "./dsr.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

async function list(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const t = dsrMessages(lang);
  const rows = await openComplaints(ctx.services.database.prisma);
  if (rows.length === 0) return ctx.respond({ text: t.command.complaintNone });
  const lines = rows
    .slice(0, 50)
    .map((c) =>
      t.command.complaintListItem(
        c.code,
        t.complaintKind[c.kind as ComplaintKind],
        t.via[c.via as Via],
        dayText(c.receivedOn, lang),
        `<@${c.ownerId}>`,
        c.linkedCode ? ` → ${c.linkedCode}` : "",
      ),
    );
  await ctx.respond({ text: [t.command.complaintListTitle(rows.length), ...lines].join("\n").slice(0, 3000) });
}

async function status(ctx: CommandContext): Promise<void> {
  const t = dsrMessages(ctx.actor.lang);
  const word = ctx.args[1];
  if (!word) return ctx.respond({ text: t.command.complaintUsage.join("\n") });
  if (!COMPLAINT_CODE.test(word.toUpperCase())) return ctx.respond({ text: t.command.badComplaintCode(word) });
  const c = await findComplaintByCode(ctx.services.database.prisma, word);
  if (!c) return ctx.respond({ text: t.command.notFound(word.toUpperCase()) });
  const msg = complaintMessage(c, ctx.actor.lang);
  await ctx.respond({ text: msg.text, blocks: msg.blocks.filter((b) => b.type !== "actions") });
}

export const complaintCommand: PrivacyCommand = {
  name: "complaint",
  usage: (lang) => dsrMessages(lang).command.complaintUsage,
  async run(ctx) {
    const verb = ctx.args[0]?.toLowerCase();
    if (!(await deskOnly(ctx, verb === "status" && ctx.args[1] ? `complaint:${ctx.args[1].toUpperCase()}` : "complaint:*"))) return;
    switch (verb) {
      case undefined:
      case "new":
        return ctx.openModal(complaintModal(ctx.actor.lang, calendarOf(ctx.services).day(ctx.services.clock.now())));
      case "list":
        return list(ctx);
      case "status":
        return status(ctx);
      default:
        return ctx.respond({ text: dsrMessages(ctx.actor.lang).command.complaintUsage.join("\n") });
    }
  },
};
