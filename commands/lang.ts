// /privacy lang ja|en|auto
import { langOfPerson } from "../src/directory/store.js";
import { appendAudit } from "../src/platform/audit/chain.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";
import { transact } from "../src/platform/db.js";

export const langCommand: PrivacyCommand = {
  name: "lang",
  usage: (lang) => commandMessages(lang).usage.lang,
  async run(ctx) {
    const choice = ctx.args[0]?.toLowerCase();
    if (choice !== "ja" && choice !== "en" && choice !== "auto") return ctx.respond({ text: commandMessages(ctx.actor.lang).lang.bad });
    const s = ctx.services;
    const person = await transact(s.database.prisma, async (tx) => {
      const p = await tx.person.update({ where: { slackId: ctx.actor.slackId }, data: { lang: choice === "auto" ? null : choice, localeCheckedAt: null } });
      await appendAudit(tx, {
        at: s.clock.now(),
        actorId: ctx.actor.slackId,
        action: "directory.lang_set",
        subject: `person:${ctx.actor.slackId}`,
        data: { lang: choice },
      });
      return p;
    });
    // answered in the language now in effect (for auto: the Slack locale last read, not the choice just dropped)
    const shown = langOfPerson(person);
    await ctx.respond({ text: commandMessages(shown).lang.set(choice) });
  },
};
