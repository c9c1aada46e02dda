// /privacy dsr …: requests from data subjects (開示等の請求, 規程 第18-19条).
//   dsr                       the logging modal (handlers, managers, chief, deputy, compliance)
//   dsr list                  open requests with their deadlines (the same roles)
//   dsr status DSR-2026-0001  one request's register entry (the same roles)
import type { KnownBlock } from "@slack/types";
import { caseMessage, dayText, logModal } from "../src/dsr/blocks.js";
import { calendarOf, logRefusal } from "../src/dsr/flows.js";
import { dsrMessages } from "../src/dsr/messages.js";
import { dateDay, DSR_CODE, escalationDay, mayHandle, type DsrKind, type DsrStatus } from "../src/dsr/rules.js";
import { findCaseByCode, openCases } from "../src/dsr/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

/** Anyone outside the desk's roles is refused, ephemerally, and the attempt is logged. */
export async function deskOnly(ctx: CommandContext, what: string): Promise<boolean> {
  if (mayHandle(ctx.actor)) return true;
  await logRefusal(ctx.services, ctx.actor.slackId, what, "command", "not_allowed");
  await ctx.respond({ text: dsrMessages(ctx.actor.lang).refusal.notAllowed });
  return false;
}

async function list(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const t = dsrMessages(lang);
  const cal = calendarOf(ctx.services);
  const today = cal.day(ctx.services.clock.now());
  const cases = await openCases(ctx.services.database.prisma);
  if (cases.length === 0) return ctx.respond({ text: t.command.none });
  const lines = cases.map((c) => {
    const target = dateDay(c.targetOn);
    const ceiling = dateDay(c.ceilingOn);
    const flag =
      today >= escalationDay(cal, { receivedOn: dateDay(c.receivedOn), ceilingOn: ceiling })
        ? t.command.ceilingFlag
        : today > target
          ? t.command.overdueFlag
          : "";
    return t.command.listItem(
      c.code,
      t.kind[c.kind as DsrKind],
      t.status[c.status as DsrStatus],
      `<@${c.ownerId}>`,
      dayText(target, lang),
      dayText(ceiling, lang),
      flag,
    );
  });
  const text = [t.command.listTitle(cases.length), ...lines].join("\n");
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < lines.length && blocks.length < 45; i += 20)
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: (i === 0 ? [t.command.listTitle(cases.length), ...lines.slice(i, i + 20)] : lines.slice(i, i + 20)).join("\n").slice(0, 3000),
      },
    });
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.command.deadlineNote }] });
  await ctx.respond({ text: text.slice(0, 3000), blocks });
}

async function status(ctx: CommandContext): Promise<void> {
  const t = dsrMessages(ctx.actor.lang);
  const word = ctx.args[1];
  if (!word) return ctx.respond({ text: t.command.usage.join("\n") });
  if (!DSR_CODE.test(word.toUpperCase())) return ctx.respond({ text: t.command.badCode(word) });
  const c = await findCaseByCode(ctx.services.database.prisma, word);
  if (!c) return ctx.respond({ text: t.command.notFound(word.toUpperCase()) });
  const msg = caseMessage(c, ctx.actor.lang);
  await ctx.respond({ text: msg.text, blocks: msg.blocks.filter((b) => b.type !== "actions") });
}

export const dsrCommand: PrivacyCommand = {
  name: "dsr",
  usage: (lang) => dsrMessages(lang).command.usage,
  async run(ctx) {
    const verb = ctx.args[0]?.toLowerCase();
    if (!(await deskOnly(ctx, verb === "status" && ctx.args[1] ? `dsr:${ctx.args[1].toUpperCase()}` : "dsr:*"))) return;
    switch (verb) {
      case undefined:
      case "new":
        return ctx.openModal(logModal(ctx.actor.lang, calendarOf(ctx.services).day(ctx.services.clock.now())));
      case "list":
        return list(ctx);
      case "status":
        return status(ctx);
      default:
        return ctx.respond({ text: dsrMessages(ctx.actor.lang).command.usage.join("\n") });
    }
  },
};
