// /privacy lang ja|en|auto
import { appendAudit } from "../src/platform/audit/chain.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

export const langCommand: PrivacyCommand = {
  name: "lang",
  usage: (lang) => commandMessages(lang).usage.lang,
  async run(ctx) {
    const choice = ctx.args[0]?.toLowerCase();
    if (choice !== "ja" && choice !== "en" && choice !== "auto") return ctx.respond({ text: commandMessages(ctx.actor.lang).lang.bad });
    const s = ctx.services;
    await s.database.prisma.$transaction(async (tx) => {
      await tx.person.update({ where: { slackId: ctx.actor.slackId }, data: { lang: choice === "auto" ? null : choice, localeCheckedAt: null } });
      await appendAudit(tx, { at: s.clock.now(), actorId: ctx.actor.slackId, action: "directory.lang_set", subject: `person:${ctx.actor.slackId}`, data: { lang: choice } });
    });
    const shown = choice === "auto" ? ctx.actor.lang : choice;
    await ctx.respond({ text: commandMessages(shown).lang.set(choice) });
  },
};
