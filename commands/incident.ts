// /privacy incident …: personal-data incidents (個人データの漏えい等, seed 000 第9条).
//   incident                       the report modal (anyone in the directory)
//   incident status INC-2026-0001  status, reportability and deadlines (responders only)
import { logRefusal } from "../src/incidents/flows.js";
import { maySee, INCIDENT_CODE } from "../src/incidents/access.js";
import { assessmentText, reportModal } from "../src/incidents/blocks.js";
import { incidentMessages } from "../src/incidents/messages.js";
import type { IncidentStatus } from "../src/incidents/rules.js";
import { incidentSlackMessages } from "../src/incidents/slackMessages.js";
import { findIncidentByCode } from "../src/incidents/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

async function status(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = incidentSlackMessages(lang);
  const word = ctx.args[1];
  if (!word) return ctx.respond({ text: m.command.usage.join("\n") });
  if (!INCIDENT_CODE.test(word.toUpperCase())) return ctx.respond({ text: m.command.badCode(word) });
  const i = await findIncidentByCode(ctx.services.database.prisma, word);
  // Someone outside the incident learns nothing, not even whether the code exists.
  if (!i || !maySee(ctx.actor, i)) {
    await logRefusal(ctx.services, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "status", i ? "not_responder" : "not_found");
    return ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
  }
  const head = m.command.status(i.code, incidentMessages(lang).status[i.status as IncidentStatus] ?? i.status);
  await ctx.respond({ text: `${head}\n${assessmentText(i, lang, ctx.services.timeZone) ?? m.command.notAssessed}` });
}

export const incidentCommand: PrivacyCommand = {
  name: "incident",
  usage: (lang) => incidentSlackMessages(lang).command.usage,
  async run(ctx) {
    const verb = ctx.args[0]?.toLowerCase();
    switch (verb) {
      case undefined:
      case "report":
        return ctx.openModal(reportModal(ctx.actor.lang, ctx.services.clock.now(), ctx.services.timeZone));
      case "status":
        return status(ctx);
      default:
        return ctx.respond({ text: incidentSlackMessages(ctx.actor.lang).command.usage.join("\n") });
    }
  },
};
