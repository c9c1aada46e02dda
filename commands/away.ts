// /privacy away <from> <to> @delegate · /privacy away off · /privacy away (the form)
// An absence of a 個人情報管理者 or the 個人情報管理責任者 and who decides in their place
// (代理承認: a company extension, src/routes/delegation).
import { parseDay, dayIn } from "../src/platform/day.js";
import { awayModal } from "../src/routes/delegation/blocks.js";
import { delegationOn, endAbsence, setAbsence } from "../src/routes/delegation/flows.js";
import { delegationMessages } from "../src/routes/delegation/messages.js";
import { maySetAbsence } from "../src/routes/delegation/rules.js";
import { mention } from "../src/platform/slack/calls.js";
import { parseUserRef, tokenize } from "./admin.js";
import type { PrivacyCommand } from "./types.js";

export const awayCommand: PrivacyCommand = {
  name: "away",
  usage: (lang) => delegationMessages(lang).usage,
  async run(ctx) {
    const s = ctx.services;
    const m = delegationMessages(ctx.actor.lang);
    if (!delegationOn(s)) return ctx.respond({ text: m.problem.off });
    if (!maySetAbsence(ctx.actor)) return ctx.respond({ text: m.problem.not_allowed });
    const words = tokenize(ctx.text)
      .map((t) => t.text)
      .slice(1);
    if (words.length === 0) return ctx.openModal(awayModal(ctx.actor.lang, dayIn(s.clock.now(), s.timeZone)));
    if (words.length === 1 && words[0]!.toLowerCase() === "off") {
      const r = await endAbsence(s, ctx.actor.slackId);
      return ctx.respond({ text: r.ended ? m.ended : m.noneToEnd });
    }
    const from = words[0] ? parseDay(words[0]) : null;
    const to = words[1] ? parseDay(words[1]) : null;
    const delegate = words[2] ? parseUserRef(words[2]) : null;
    if (words.length !== 3 || !from || !to || !delegate) return ctx.respond({ text: m.badArgs });
    const r = await setAbsence(s, { actorId: ctx.actor.slackId, from, to, delegateId: delegate });
    await ctx.respond({ text: r.ok ? m.set(r.from, r.to, mention(r.delegateId)) : m.problem[r.problem] });
  },
};
