// /privacy processors …: processors (預託先, 規程 第15条), their inspections, the end of
// their contracts, and the disposal of records past their retention (第15条7項, 第31条).
//   processors                               the list
//   processors inspected <code|id>           the inspection modal
//   processors ended <code|id> <YYYY-MM-DD>  the contract's end, and the documents' retention
//   processors disposal [<code|id>]          what awaits disposal; with a code, the disposal modal
import { messageLink } from "../src/platform/services.js";
import { disposalListBlocks, disposalModal, DISPOSAL_MAX, inspectionModal, LIST_MAX, processorListBlocks, type LinkOf } from "../src/processors/blocks.js";
import { logRefusal, recordContractEnd } from "../src/processors/flows.js";
import { processorMessages, processorRefusalText, showDay } from "../src/processors/messages.js";
import { managedDepartments } from "../src/directory/roles.js";
import {
  dayIn,
  isDay,
  mayListDisposal,
  mayListProcessors,
  mayRecordDisposal,
  mayRecordInspection,
  parseRef,
  seesAllProcessors,
} from "../src/processors/rules.js";
import { awaitingDisposal, departmentNames, findDisposalItem, findProcessor, listProcessors, requestLinks } from "../src/processors/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

async function linkOf(ctx: CommandContext, requestIds: string[]): Promise<LinkOf> {
  const links = await requestLinks(ctx.services.database.prisma, requestIds);
  return (id, code) => {
    const l = links.get(id);
    return l?.channelId && l.messageTs ? `<${messageLink(ctx.services, l.channelId, l.messageTs)}|${code}>` : code;
  };
}

const todayOf = (ctx: CommandContext) => dayIn(ctx.services.clock.now(), ctx.services.timeZone);

async function list(ctx: CommandContext): Promise<void> {
  const m = processorMessages(ctx.actor.lang);
  if (!mayListProcessors(ctx.actor)) return ctx.respond({ text: m.listNotAllowed });
  const db = ctx.services.database.prisma;
  const { rows, total } = await listProcessors(db, seesAllProcessors(ctx.actor) ? null : managedDepartments(ctx.actor), LIST_MAX);
  const msg = processorListBlocks(rows, {
    total,
    today: todayOf(ctx),
    lang: ctx.actor.lang,
    departments: await departmentNames(db),
    linkOf: await linkOf(
      ctx,
      rows.map((r) => r.requestId),
    ),
  });
  await ctx.respond(msg);
}

/** The processor named by the word after the verb, or an answer saying what is wrong. */
async function processorArg(ctx: CommandContext, verb: string) {
  const m = processorMessages(ctx.actor.lang);
  const word = ctx.args[1];
  if (!word) return void (await ctx.respond({ text: verb === "ended" ? m.endedUsage : m.needRef(verb) }));
  const ref = parseRef(word);
  if (!ref) return void (await ctx.respond({ text: m.badRef(word) }));
  const p = await findProcessor(ctx.services.database.prisma, ref);
  if (!p) return void (await ctx.respond({ text: m.notFound("code" in ref ? ref.code : word) }));
  return p;
}

async function departmentName(ctx: CommandContext, id: string): Promise<string> {
  return (await ctx.services.database.prisma.department.findUnique({ where: { id }, select: { name: true } }))?.name ?? id;
}

async function inspected(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = processorMessages(lang);
  const p = await processorArg(ctx, "inspected");
  if (!p) return;
  if (!mayRecordInspection(ctx.actor, p.departmentId)) {
    await logRefusal(ctx.services, ctx.actor.slackId, `processor:${p.requestCode}`, "inspected", "not_allowed");
    return ctx.respond({ text: m.inspectionNotAllowed(await departmentName(ctx, p.departmentId)) });
  }
  if (p.disposedOn) return ctx.respond({ text: m.disposedAlready(showDay(p.disposedOn.toISOString().slice(0, 10), lang)) });
  await ctx.openModal(inspectionModal(p, lang, todayOf(ctx)));
}

async function ended(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = processorMessages(lang);
  const date = ctx.args[2];
  if (ctx.args[1] && !date) return ctx.respond({ text: m.endedUsage });
  if (date && !isDay(date)) return ctx.respond({ text: m.badDate(date) });
  const p = await processorArg(ctx, "ended");
  if (!p || !date) return;
  const r = await recordContractEnd(ctx.services, { processorId: p.id, actorId: ctx.actor.slackId, end: date });
  if (!r.ok)
    return ctx.respond({
      text: processorRefusalText(r.refusal, r.detail, lang, { verb: "ended", department: await departmentName(ctx, p.departmentId), ref: p.requestCode }),
    });
  await ctx.respond({ text: m.ended(p.name, r.code, showDay(date, lang), showDay(r.retainUntil, lang), r.years) });
}

async function disposal(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = processorMessages(lang);
  const s = ctx.services;
  const db = s.database.prisma;
  const today = todayOf(ctx);
  const word = ctx.args[1];
  if (!word) {
    if (!mayListDisposal(ctx.actor)) return ctx.respond({ text: m.disposalListNotAllowed });
    const d = await awaitingDisposal(db, { today, now: s.clock.now(), timeZone: s.timeZone }, DISPOSAL_MAX);
    const link = await linkOf(
      ctx,
      [...d.documents, ...d.provisions].map((i) => i.requestId),
    );
    return ctx.respond(disposalListBlocks(d, { today, lang, canRecord: mayRecordDisposal(ctx.actor), linkOf: link }));
  }
  const ref = parseRef(word);
  if (!ref) return ctx.respond({ text: m.badRef(word) });
  if (!mayRecordDisposal(ctx.actor)) {
    await logRefusal(s, ctx.actor.slackId, "code" in ref ? `request:${ref.code}` : `record:${ref.id}`, "disposal", "not_allowed");
    return ctx.respond({ text: m.disposalNotAllowed });
  }
  const item = await findDisposalItem(db, ref, s.timeZone);
  if (!item) return ctx.respond({ text: m.notFoundForDisposal("code" in ref ? ref.code : word) });
  if (item.disposedOn) return ctx.respond({ text: m.disposedBefore(showDay(item.disposedOn, lang)) });
  if (!item.from || !item.retainUntil) return ctx.respond({ text: m.retentionUnknown });
  if (today < item.from) return ctx.respond({ text: m.retentionRunning(showDay(item.retainUntil, lang)) });
  await ctx.openModal(disposalModal(item, lang, today));
}

export const processorsCommand: PrivacyCommand = {
  name: "processors",
  usage: (lang) => processorMessages(lang).usage,
  async run(ctx) {
    const verb = ctx.args[0]?.toLowerCase();
    switch (verb) {
      case undefined:
      case "list":
        return list(ctx);
      case "inspected":
        return inspected(ctx);
      case "ended":
        return ended(ctx);
      case "disposal":
        return disposal(ctx);
      default:
        return ctx.respond({ text: processorMessages(ctx.actor.lang).usage.join("\n") });
    }
  },
};
