// /privacy provision …: provision and receipt records (APPI Art.29, 30, 33(5); 施行規則 第19-25条).
//   provision log PRV-…        log an actual provision under an approval (modal)
//   provision receipt [RCV-…]  confirm and record a receipt from a third party (modal); with a code, show it
//   provision records PRV-…    the request's provision record, its provisions and retention
//   provision disclose DSR-…   list the records a request for disclosure of provision records covers (modal)
//   provision dispose RCV-…    record the disposal of a receipt record past its retention (modal)
import { mayHandleDsr } from "../src/directory/roles.js";
import { dayIn } from "../src/platform/day.js";
import { discloseModal, disposeModal, receiptModal } from "../src/records/blocks.js";
import { logContext, recordLabel, showDay } from "../src/records/flows.js";
import { recordMessages } from "../src/records/messages.js";
import { mayDisposeReceipt, maySeeReceipt, parseExemption, type RecordBasis, type RecordForm, type ReceiptBasis } from "../src/records/rules.js";
import { logModalFor, logRefusalText } from "../src/records/slack.js";
import { dayOf, entriesOf, findReceipt, findRequestByCode, untilDay } from "../src/records/store.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

async function log(ctx: CommandContext, code: string | undefined): Promise<void> {
  const m = recordMessages(ctx.actor.lang);
  if (!code) return ctx.respond({ text: m.needCode });
  const r = await findRequestByCode(ctx.services.database.prisma, code);
  if (!r) return ctx.respond({ text: m.notFound(code) });
  const opened = await logModalFor(ctx.services, ctx.actor, r.id);
  if (!opened.ok) return ctx.respond({ text: opened.text });
  await ctx.openModal(opened.view);
}

async function records(ctx: CommandContext, code: string | undefined): Promise<void> {
  const s = ctx.services;
  const lang = ctx.actor.lang;
  const m = recordMessages(lang);
  if (!code) return ctx.respond({ text: m.needCode });
  const r = await findRequestByCode(s.database.prisma, code);
  if (!r) return ctx.respond({ text: m.notFound(code) });
  const c = await logContext(s, r.id, ctx.actor);
  if (!c.ok) return ctx.respond({ text: logRefusalText(c.refusal, r.code, lang) });
  const entries = await entriesOf(s.database.prisma, r.id);
  const lines = [m.recordTitle(r.code)];
  if (!c.duty.needed) lines.push(c.duty.exemption ? m.exemption(c.duty.exemption) : m.recordNone(r.code));
  else if (!c.record) lines.push(m.recordNone(r.code));
  else {
    const rec = c.record;
    const until = showDay(untilDay(rec.retainUntil, s.timeZone), lang);
    lines.push(recordLabel(rec.form as RecordForm, rec.recordBasis as RecordBasis, lang));
    if (rec.provisions === 0) lines.push(m.recordPending(until));
    else
      lines.push(
        m.recordLine(
          m.forms[rec.form as RecordForm],
          rec.provisions,
          showDay(dayOf(rec.firstProvidedOn)!, lang),
          showDay(dayOf(rec.lastProvidedOn)!, lang),
          until,
        ),
      );
    if (rec.disposedOn) lines.push(m.recordDisposed(showDay(dayOf(rec.disposedOn)!, lang)));
  }
  if (entries.length > 0) {
    lines.push(`*${m.recordEntries}*`);
    for (const e of entries) {
      const ex = parseExemption(e.exemption);
      lines.push(`・${showDay(dayOf(e.providedOn)!, lang)} <@${e.loggedBy}>${ex ? `（${m.exemption(ex)}）` : ""}`);
    }
  }
  await ctx.respond({ text: lines.join("\n") });
}

async function receipt(ctx: CommandContext, code: string | undefined): Promise<void> {
  const s = ctx.services;
  const lang = ctx.actor.lang;
  const m = recordMessages(lang);
  if (!code) return ctx.openModal(receiptModal(dayIn(s.clock.now(), s.timeZone), lang));
  const r = await findReceipt(s.database.prisma, code);
  if (!r) return ctx.respond({ text: m.notFound(code) });
  if (!maySeeReceipt(ctx.actor, r)) return ctx.respond({ text: m.receiptNotYours });
  const ex = parseExemption(r.exemption);
  const until = r.retainUntil ? showDay(untilDay(r.retainUntil, s.timeZone), lang) : "—";
  const lines = [m.receiptShow(r.code, r.providerName, m.bases[r.basis as ReceiptBasis] ?? r.basis, showDay(dayOf(r.lastReceivedOn)!, lang), until)];
  lines.push(ex ? m.receiptExemption(ex) : `${m.receiptRecordLabel}／${m.receiptForms[r.form as RecordForm]}`);
  await ctx.respond({ text: lines.join("\n") });
}

async function disclose(ctx: CommandContext, code: string | undefined): Promise<void> {
  const m = recordMessages(ctx.actor.lang);
  if (!mayHandleDsr(ctx.actor)) return ctx.respond({ text: m.notDsrDesk });
  if (!code) return ctx.respond({ text: m.needDsr });
  const c = await ctx.services.database.prisma.subjectRequest.findUnique({ where: { code: code.toUpperCase() } });
  if (!c) return ctx.respond({ text: m.notFound(code) });
  if (c.kind !== "provision_records") return ctx.respond({ text: m.notRecordsKind(c.code) });
  await ctx.openModal(discloseModal(c.id, c.code, ctx.actor.lang));
}

async function dispose(ctx: CommandContext, code: string | undefined): Promise<void> {
  const s = ctx.services;
  const lang = ctx.actor.lang;
  const m = recordMessages(lang);
  if (!code) return ctx.respond({ text: m.usage.join("\n") });
  const r = await findReceipt(s.database.prisma, code);
  if (!r) return ctx.respond({ text: m.notFound(code) });
  if (!mayDisposeReceipt(ctx.actor, r)) return ctx.respond({ text: m.disposeNotAllowed });
  if (!r.retainUntil) return ctx.respond({ text: m.disposeNone });
  if (r.disposedOn) return ctx.respond({ text: m.disposedAlready(showDay(dayOf(r.disposedOn)!, lang)) });
  const until = untilDay(r.retainUntil, s.timeZone);
  const today = dayIn(s.clock.now(), s.timeZone);
  if (today <= until) return ctx.respond({ text: m.disposeNotYet(showDay(until, lang)) });
  await ctx.openModal(disposeModal({ receiptId: r.id, code: r.code, provider: r.providerName, until: showDay(until, lang), today, lang }));
}

export const provisionCommand: PrivacyCommand = {
  name: "provision",
  usage: (lang) => recordMessages(lang).usage,
  async run(ctx) {
    const [sub, code] = ctx.args;
    switch (sub?.toLowerCase()) {
      case "log":
        return log(ctx, code);
      case "records":
        return records(ctx, code);
      case "receipt":
        return receipt(ctx, code);
      case "disclose":
        return disclose(ctx, code);
      case "dispose":
        return dispose(ctx, code);
      default:
        return ctx.respond({ text: recordMessages(ctx.actor.lang).usage.join("\n") });
    }
  },
};
