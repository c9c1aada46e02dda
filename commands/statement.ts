// /privacy statement [file]: the statement on retained personal data (APPI Art.32, 施行令
// 第10条) as its inputs are now, its state against the last published version (with the
// changed lines) and, for the chief, the deputy and compliance, the publish button.
// Everyone may read it: it is the text the company makes available to the public.
import { mayPublishStatement } from "../src/statement/rules.js";
import { statementBlocks } from "../src/statement/blocks.js";
import { statementMessages } from "../src/statement/messages.js";
import { currentStatement, latestPublished } from "../src/statement/store.js";
import { defaultSettings } from "../src/settings.js";
import type { PrivacyCommand } from "./types.js";

export const statementCommand: PrivacyCommand = {
  name: "statement",
  usage: (lang) => statementMessages(lang).usage,
  async run(ctx) {
    const m = statementMessages(ctx.actor.lang);
    const s = ctx.services;
    const sub = ctx.args[0]?.toLowerCase();
    if (sub !== undefined && sub !== "file") return ctx.respond({ text: m.badArg });
    const db = s.database.prisma;
    const [now, last] = await Promise.all([currentStatement(db, s.settings ?? defaultSettings()), latestPublished(db)]);
    if (sub === "file") {
      await ctx.uploadFile({ filename: `statement-${now.hash.slice(0, 12)}.md`, title: m.fileTitle, content: now.markdown });
      return ctx.respond({ text: m.fileSent });
    }
    await ctx.respond(statementBlocks(now, last, { lang: ctx.actor.lang, timeZone: s.timeZone, canPublish: mayPublishStatement(ctx.actor) }));
  },
};
