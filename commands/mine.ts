// /privacy mine: my requests and what waits for me
import { waitingFor } from "../src/requests/access.js";
import { requestListBlocks } from "../src/requests/views.js";
import { requestsOf } from "../src/requests/store.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

export const mineCommand: PrivacyCommand = {
  name: "mine",
  usage: (lang) => commandMessages(lang).usage.mine,
  async run(ctx) {
    const db = ctx.services.database.prisma;
    const [mine, waiting] = await Promise.all([requestsOf(db, ctx.actor.slackId), waitingFor(db, ctx.actor)]);
    await ctx.respond(requestListBlocks(mine, waiting, ctx.actor.lang, "ephemeral"));
  },
};
