// /privacy admin …: directory changes from Slack (admins only).
//   role add|remove @user <role> [department]
//   person add @user <department> <name>
//   dept add <id> <name> · dept rename <id> <new name>
//   channel set approvals|incidents|compliance #channel
//   org export
//   company                          the company profile (settings company:, issue 13), read only
import { addDepartment, addPerson, addRole, exportOrg, parseChannelKind, removeRole, renameDepartment, setChannel } from "../src/directory/changes.js";
import type { ChangeResult } from "../src/directory/changes.js";
import { directoryMessages } from "../src/directory/messages.js";
import { isAdmin } from "../src/directory/roles.js";
import type { Lang } from "../src/platform/i18n.js";
import type { CommandContext, PrivacyCommand } from "./types.js";
import { companyProfile, incidentSettings } from "../src/incidents/config.js";
import { companyProfileText, trackMessages } from "../src/incidents/trackMessages.js";

type Group = "role" | "person" | "dept" | "channel" | "org" | "company";
const GROUPS: Group[] = ["role", "person", "dept", "channel", "org", "company"];

interface Token {
  text: string;
  end: number;
}

/** Words of the command text; Slack's escapes (<@U1|name>, <#C1|name>) stay one word even with spaces inside. */
export function tokenize(text: string): Token[] {
  return [...text.matchAll(/<[^>]*>|\S+/g)].map((m) => ({ text: m[0], end: (m.index ?? 0) + m[0].length }));
}

/** A user from `<@U123|name>`, `<@U123>` or a bare `U123`; null otherwise. */
export function parseUserRef(word: string): string | null {
  const m = /^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(word) ?? /^([UW][A-Z0-9]{2,})$/.exec(word);
  return m ? m[1]! : null;
}

/** A channel from `<#C123|name>`, `<#C123>` or a bare `C123`; null otherwise. */
export function parseChannelRef(word: string): string | null {
  const m = /^<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>$/.exec(word) ?? /^([CG][A-Z0-9]{2,})$/.exec(word);
  return m ? m[1]! : null;
}

function usageLines(lang: Lang, group?: Group): string[] {
  const u = { ...directoryMessages(lang).admin.usage, company: [trackMessages(lang).profile.usage] };
  return group ? u[group] : GROUPS.flatMap((g) => u[g]);
}

async function answer(ctx: CommandContext, r: ChangeResult): Promise<void> {
  await ctx.respond({ text: r.ok ? r.summary : r.error });
}

export const adminCommand: PrivacyCommand = {
  name: "admin",
  usage: (lang) => usageLines(lang),
  async run(ctx) {
    const lang = ctx.actor.lang;
    const m = directoryMessages(lang).admin;
    const s = ctx.services;
    try {
      if (!isAdmin(ctx.actor)) return await ctx.respond({ text: m.notAdmin });
      const words = tokenize(ctx.text);
      if (words[0]?.text.toLowerCase() === "admin") words.shift();
      const group = words[0]?.text.toLowerCase() as Group | undefined;
      const verb = words[1]?.text.toLowerCase();
      const rest = words.slice(2);
      /** the text after the n-th word of `rest` (a name may hold spaces) */
      const after = (n: number) => (rest[n - 1] ? ctx.text.slice(rest[n - 1]!.end).trim() : "");
      const wrong = (g: Group) => ctx.respond({ text: usageLines(lang, g).join("\n") });
      const opts = { lang };

      switch (group) {
        case "role": {
          if ((verb !== "add" && verb !== "remove") || rest.length < 2 || rest.length > 3) return await wrong("role");
          const user = parseUserRef(rest[0]!.text);
          if (!user) return await ctx.respond({ text: m.badMention(rest[0]!.text) });
          const role = rest[1]!.text;
          const dept = rest[2]?.text;
          const r =
            verb === "add" ? await addRole(s, ctx.actor.slackId, user, role, dept, opts) : await removeRole(s, ctx.actor.slackId, user, role, dept, opts);
          return await answer(ctx, r);
        }
        case "person": {
          if (verb !== "add" || rest.length < 3) return await wrong("person");
          const user = parseUserRef(rest[0]!.text);
          if (!user) return await ctx.respond({ text: m.badMention(rest[0]!.text) });
          return await answer(ctx, await addPerson(s, ctx.actor.slackId, user, rest[1]!.text, after(2), opts));
        }
        case "dept": {
          if ((verb !== "add" && verb !== "rename") || rest.length < 2) return await wrong("dept");
          const id = rest[0]!.text;
          const name = after(1);
          const r = verb === "add" ? await addDepartment(s, ctx.actor.slackId, id, name, opts) : await renameDepartment(s, ctx.actor.slackId, id, name, opts);
          return await answer(ctx, r);
        }
        case "channel": {
          if (verb !== "set" || rest.length !== 2) return await wrong("channel");
          if (!parseChannelKind(rest[0]!.text)) return await ctx.respond({ text: directoryMessages(lang).change.badChannelKind(rest[0]!.text) });
          const channel = parseChannelRef(rest[1]!.text);
          if (!channel) return await ctx.respond({ text: m.badChannelMention(rest[1]!.text) });
          return await answer(ctx, await setChannel(s, ctx.actor.slackId, rest[0]!.text, channel, opts));
        }
        case "org": {
          if (verb !== "export" || rest.length > 0) return await wrong("org");
          const r = await exportOrg(s, ctx.actor.slackId, opts);
          if (!r.ok) return await ctx.respond({ text: r.error });
          try {
            await ctx.uploadFile({ filename: "org.yml", title: m.exportTitle, content: r.yaml });
          } catch (e) {
            s.log.warn("org export upload failed", { error: String((e as Error).message ?? e) });
            return await ctx.respond({ text: m.exportFailed });
          }
          return await ctx.respond({ text: m.exported(r.people, r.departments) });
        }
        case "company": {
          // read only: the settings file is the source (src/settings.ts company:)
          if (verb) return await wrong("company");
          return await ctx.respond({ text: companyProfileText(companyProfile(s), incidentSettings(s), lang) });
        }
        default:
          return await ctx.respond({ text: [m.intro, ...usageLines(lang)].join("\n") });
      }
    } catch (e) {
      s.log.error("admin command failed", { error: String((e as Error).stack ?? e) });
      await ctx.respond({ text: m.error }).catch(() => undefined);
    }
  },
};
