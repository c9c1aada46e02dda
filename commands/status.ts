// /privacy status PRV-2026-0001
import { requestStatusBlocks } from "../src/requests/views.js";
import { canSeeRequest } from "../src/requests/access.js";
import { findRequestId, loadRequest, loadVersions } from "../src/requests/store.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

export const statusCommand: PrivacyCommand = {
  name: "status",
  usage: (lang) => commandMessages(lang).usage.status,
  async run(ctx) {
    const m = commandMessages(ctx.actor.lang).status;
    const code = ctx.args[0];
    if (!code) return ctx.respond({ text: m.needCode });
    const db = ctx.services.database.prisma;
    const id = await findRequestId(db, code);
    const req = id ? await loadRequest(db, id) : null;
    if (!req) return ctx.respond({ text: /^PRV-\d{4}-\d+$/i.test(code) ? m.notFound(code.toUpperCase()) : m.badCode(code) });
    if (!(await canSeeRequest(db, ctx.actor, req))) return ctx.respond({ text: m.notAllowed });
    const versions = await loadVersions(db, req.id);
    await ctx.respond(requestStatusBlocks(req, versions, ctx.actor.lang, ctx.services.timeZone));
  },
};
