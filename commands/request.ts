// /privacy request [<kind>]: the kinds of src/requests/kinds/index.ts
import { pickKindModal, requestFormModal } from "../src/requests/blocks.js";
import { kindOf } from "../src/requests/kinds/index.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

export const requestCommand: PrivacyCommand = {
  name: "request",
  usage: (lang) => commandMessages(lang).usage.request,
  async run(ctx) {
    const which = ctx.args[0]?.toLowerCase();
    if (!which) return ctx.openModal(pickKindModal(ctx.actor.lang));
    const kind = kindOf(which);
    if (!kind) return ctx.respond({ text: commandMessages(ctx.actor.lang).request.unknownKind(which) });
    await ctx.openModal(requestFormModal(kind.kind, ctx.actor.lang));
  },
};
