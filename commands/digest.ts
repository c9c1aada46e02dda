// /privacy digest [week|month]: the compliance digest of the last 7 (or 30) days, now.
import { buildDigest } from "../src/digest/build.js";
import { digestMessages } from "../src/digest/messages.js";
import { seesAllDepartments } from "../src/directory/roles.js";
import { BusinessCalendar } from "../src/platform/schedule/calendar.js";
import { defaultSettings } from "../src/settings.js";
import type { PrivacyCommand } from "./types.js";

const DAYS: Record<string, number> = { week: 7, month: 30 };

export const digestCommand: PrivacyCommand = {
  name: "digest",
  usage: (lang) => digestMessages(lang).usage,
  async run(ctx) {
    const m = digestMessages(ctx.actor.lang);
    if (!seesAllDepartments(ctx.actor)) return ctx.respond({ text: m.notAllowed });
    const word = (ctx.args[0] ?? "week").toLowerCase();
    const days = DAYS[word];
    if (!days) return ctx.respond({ text: m.badPeriod(ctx.args[0]!) });
    const s = ctx.services;
    const now = s.clock.now();
    const calendar = s.calendar ?? new BusinessCalendar({ timeZone: s.timeZone });
    const d = await buildDigest({
      services: s,
      calendar,
      settings: s.settings ?? defaultSettings(),
      from: new Date(now.getTime() - days * 86_400_000),
      to: now,
      now,
      lang: ctx.actor.lang,
    });
    await ctx.respond({ text: d.text, blocks: d.blocks as never });
  },
};
