// /privacy help (and /privacy with no words)
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

export function helpText(lang: "ja" | "en", commands: PrivacyCommand[]): string {
  const m = commandMessages(lang);
  return [m.helpTitle, m.helpIntro, "", ...commands.flatMap((c) => c.usage(lang)), "", m.helpFooter].join("\n");
}

export function makeHelpCommand(all: () => PrivacyCommand[]): PrivacyCommand {
  return {
    name: "help",
    usage: (lang) => commandMessages(lang).usage.help,
    async run(ctx) {
      await ctx.respond({ text: helpText(ctx.actor.lang, all()) });
    },
  };
}
