// /privacy incident …: personal-data incidents (個人データの漏えい等, seed 000 第9条).
//   incident                       the report modal (anyone in the directory)
//   incident status INC-2026-0001  status, reportability and deadlines (who sees the incident, and its task owners: with their tasks)
//   incident report INC-2026-0001 [preliminary|final]  the regulator report draft in the thread (responders only)
//   incident report INC-2026-0001 secrecy-first|secrecy-detailed  the 通信の秘密 report draft (電気通信事業法 第28条)
//   incident report INC-2026-0001 notice  the draft notice to the people affected (施行規則 第10条), same people
//   incident details INC-2026-0001 the report items 5-9 modal (the chief, deputy, compliance, the incident's lead)
import { logRefusal } from "../src/incidents/refusals.js";
import { mayRespond, maySee, maySeeStatus, INCIDENT_CODE } from "../src/incidents/access.js";
import { detailsModal } from "../src/incidents/details/blocks.js";
import { incidentDetailsMessages } from "../src/incidents/details/messages.js";
import { assessmentText } from "../src/incidents/blocks.js";
import { reportModal } from "../src/incidents/report/blocks.js";
import { incidentMessages } from "../src/incidents/messages.js";
import type { IncidentStatus } from "../src/incidents/rules.js";
import { companyProfile, deadlineOptions } from "../src/incidents/config.js";
import { incidentSlackMessages } from "../src/incidents/slackMessages.js";
import { assessmentOf, findIncidentByCode, taskOwnersOf } from "../src/incidents/store.js";
import { myTasksText } from "../src/incidents/tasks/blocks.js";
import type { ReportKind } from "../src/incidents/report/regulator.js";
import { recordReportDrafted, reportDraft, reportRecordOf } from "../src/incidents/status/flows.js";
import { missingSecrecyItems, secrecyReportMarkdown, type SecrecyReportKind } from "../src/incidents/report/secrecy.js";
import { secrecyReportMessages } from "../src/incidents/report/secrecyMessages.js";
import { secrecyTrack } from "../src/incidents/rules.js";
import { recipientName } from "../src/incidents/trackMessages.js";
import { trackRecipient } from "../src/incidents/tracks.js";
import { incidentStatusMessages } from "../src/incidents/status/messages.js";
import type { CommandContext, PrivacyCommand } from "./types.js";
import { intakeMessages } from "../src/incidents/intake/messages.js";
import { factsOfRow } from "../src/incidents/intake/facts.js";
import { missingNoticeItems, peopleNoticeMarkdown } from "../src/incidents/intake/notice.js";
import { transact } from "../src/platform/db.js";
import { appendAudit } from "../src/platform/audit/chain.js";

async function status(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = incidentSlackMessages(lang);
  const word = ctx.args[1];
  if (!word) return ctx.respond({ text: m.command.usage.join("\n") });
  if (!INCIDENT_CODE.test(word.toUpperCase())) return ctx.respond({ text: m.command.badCode(word) });
  const db = ctx.services.database.prisma;
  const i = await findIncidentByCode(db, word);
  // Someone outside the incident learns nothing, not even whether the code exists. A
  // task's owner (who may not be in the incidents channel) sees the status too.
  if (!i || !maySeeStatus(ctx.actor, i, await taskOwnersOf(db, i.id))) {
    await logRefusal(ctx.services, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "status", i ? "not_responder" : "not_found");
    return ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
  }
  const head = m.command.status(i.code, incidentMessages(lang).status[i.status as IncidentStatus] ?? i.status);
  const mine = await db.incidentTask.findMany({ where: { incidentId: i.id, ownerId: ctx.actor.slackId } });
  const lines = [head, assessmentText(i, lang, ctx.services.timeZone, companyProfile(ctx.services)) ?? m.command.notAssessed];
  if (mine.length) lines.push(myTasksText(mine, lang, ctx.services.timeZone));
  await ctx.respond({ text: lines.join("\n") });
}

/** `report INC-... [preliminary|final]`: the regulator report draft as a Markdown file in the incident's thread. */
async function reportDraftCommand(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = incidentSlackMessages(lang);
  const r = incidentStatusMessages(lang).report;
  const word = ctx.args[1]!;
  if (!INCIDENT_CODE.test(word.toUpperCase())) return ctx.respond({ text: m.command.badCode(word) });
  const kindWord = (ctx.args[2] ?? "preliminary").toLowerCase();
  if (kindWord === "secrecy-first" || kindWord === "secrecy-detailed")
    return secrecyDraftCommand(ctx, word, kindWord === "secrecy-first" ? "first" : "detailed");
  if (kindWord === "notice") return noticeDraftCommand(ctx, word);
  if (kindWord !== "preliminary" && kindWord !== "final")
    return ctx.respond({ text: `${r.badKind(kindWord)}\n${r.usage}\n${secrecyReportMessages(lang).usage}` });
  const kind: ReportKind = kindWord;
  const s = ctx.services;
  const i = await findIncidentByCode(s.database.prisma, word);
  // Someone outside the incident learns nothing, not even whether the code exists.
  if (!i || !maySee(ctx.actor, i)) {
    await logRefusal(s, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "report", i ? "not_responder" : "not_found");
    return ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
  }
  // the recipient: the bureau for a carrier, the PPC otherwise, the client for a processor (tracks.ts)
  const a = assessmentOf(i);
  const to = recipientName(trackRecipient("personal-data", companyProfile(s), a ?? undefined), "ja");
  const draft = reportDraft(i, kind, deadlineOptions(s), to);
  if (!draft) return ctx.respond({ text: m.command.notAssessed });
  const inThread = i.channelId && i.messageTs ? { channel: i.channelId, threadTs: i.messageTs } : {};
  await ctx.uploadFile({
    filename: draft.filename,
    title: incidentStatusMessages("ja").report.fileTitle(i.code, kind),
    content: draft.markdown,
    comment: incidentStatusMessages("ja").thread.draft(i.code, kind, `<@${ctx.actor.slackId}>`),
    ...inThread,
  });
  await recordReportDrafted(s.database.prisma, s.clock.now(), ctx.actor.slackId, i, kind, draft, i.channelId && i.messageTs ? "thread" : "dm");
  const lines = [inThread.channel ? r.posted(i.code, kind) : r.noThread];
  if (draft.missing.length) lines.push(r.missing(draft.missing.map((k) => incidentMessages("ja").report.item[k])));
  await ctx.respond({ text: lines.join("\n") });
}

/** The incident a draft command names, seen by the person and assessed; otherwise the person is told why and undefined. */
async function assessedIncident(ctx: CommandContext, word: string) {
  const s = ctx.services;
  const m = incidentSlackMessages(ctx.actor.lang);
  const i = await findIncidentByCode(s.database.prisma, word);
  if (!i || !maySee(ctx.actor, i)) {
    await logRefusal(s, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "report", i ? "not_responder" : "not_found");
    await ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
    return undefined;
  }
  const record = reportRecordOf(i);
  if (!record) {
    await ctx.respond({ text: m.command.notAssessed });
    return undefined;
  }
  return { i, record };
}

/** `report INC-... secrecy-first|secrecy-detailed`: the 通信の秘密 report draft (電気通信事業法 第28条) in the incident's thread. */
async function secrecyDraftCommand(ctx: CommandContext, word: string, kind: SecrecyReportKind): Promise<void> {
  const lang = ctx.actor.lang;
  const t = secrecyReportMessages(lang);
  const s = ctx.services;
  const found = await assessedIncident(ctx, word);
  if (!found) return;
  const { i, record } = found;
  if (!secrecyTrack(record.assessment)) return ctx.respond({ text: t.notInvolved });
  const profile = companyProfile(s);
  const markdown = secrecyReportMarkdown(record, kind, profile, "ja", deadlineOptions(s));
  const missing = kind === "detailed" ? missingSecrecyItems(record, profile) : [];
  const filename = `${i.code}-secrecy-${kind}-draft.md`;
  const inThread = i.channelId && i.messageTs ? { channel: i.channelId, threadTs: i.messageTs } : {};
  const ja = secrecyReportMessages("ja");
  await ctx.uploadFile({
    filename,
    title: ja.fileTitle(i.code, kind),
    content: markdown,
    comment: ja.thread(i.code, kind, `<@${ctx.actor.slackId}>`),
    ...inThread,
  });
  await recordReportDrafted(
    s.database.prisma,
    s.clock.now(),
    ctx.actor.slackId,
    i,
    `secrecy-${kind}`,
    { filename, missing },
    inThread.channel ? "thread" : "dm",
  );
  const lines = [inThread.channel ? t.posted(i.code, kind) : incidentStatusMessages(lang).report.noThread];
  if (missing.length) lines.push(t.missingItems(missing.map((k) => ja.item[k])));
  await ctx.respond({ text: lines.join("\n") });
}

/** `report INC-... notice`: the draft notice to the people affected (施行規則 第10条) as a Markdown file in the thread. */
async function noticeDraftCommand(ctx: CommandContext, word: string): Promise<void> {
  const lang = ctx.actor.lang;
  const s = ctx.services;
  const found = await assessedIncident(ctx, word);
  if (!found) return;
  const { i, record } = found;
  const ja = intakeMessages("ja");
  const inThread = i.channelId && i.messageTs ? { channel: i.channelId, threadTs: i.messageTs } : {};
  await ctx.uploadFile({
    filename: `${i.code}-notice-draft.md`,
    title: ja.fileTitle(i.code),
    content: peopleNoticeMarkdown(record, "ja"),
    comment: ja.draftComment(i.code, `<@${ctx.actor.slackId}>`),
    ...inThread,
  });
  const missing = missingNoticeItems(record);
  await transact(s.database.prisma, (tx) =>
    appendAudit(tx, {
      at: s.clock.now(),
      actorId: ctx.actor.slackId,
      action: "incident.notice_drafted",
      subject: `incident:${i.code}`,
      data: { missing, postedTo: inThread.channel ? "thread" : "dm" },
    }),
  );
  await ctx.respond({ text: intakeMessages(lang).posted(i.code) });
}

/** `details INC-...`: the modal of the report items 5-9 (responders of the incident only). */
async function details(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const m = incidentSlackMessages(lang);
  const d = incidentDetailsMessages(lang);
  const word = ctx.args[1];
  if (!word) return ctx.respond({ text: d.usage });
  if (!INCIDENT_CODE.test(word.toUpperCase())) return ctx.respond({ text: m.command.badCode(word) });
  const s = ctx.services;
  const i = await findIncidentByCode(s.database.prisma, word);
  // Someone outside the incident learns nothing, not even whether the code exists.
  if (!i || !maySee(ctx.actor, i)) {
    await logRefusal(s, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "details", i ? "not_responder" : "not_found");
    return ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
  }
  if (!mayRespond(ctx.actor, i)) {
    await logRefusal(s, ctx.actor.slackId, `incident:${i.code}`, "details", "not_allowed");
    return ctx.respond({ text: d.refusal.notAllowed });
  }
  if (i.status === "closed") return ctx.respond({ text: d.refusal.closed });
  await ctx.openModal(detailsModal(i, lang, factsOfRow(i)));
}

export const incidentCommand: PrivacyCommand = {
  name: "incident",
  usage: (lang) => [
    ...incidentSlackMessages(lang).command.usage,
    incidentStatusMessages(lang).report.usage,
    secrecyReportMessages(lang).usage,
    intakeMessages(lang).usage,
    incidentDetailsMessages(lang).usage,
  ],
  async run(ctx) {
    const verb = ctx.args[0]?.toLowerCase();
    switch (verb) {
      case "report":
        if (ctx.args[1]) return reportDraftCommand(ctx);
        return ctx.openModal(reportModal(ctx.actor.lang, ctx.services.clock.now(), ctx.services.timeZone, companyProfile(ctx.services)));
      case undefined:
        return ctx.openModal(reportModal(ctx.actor.lang, ctx.services.clock.now(), ctx.services.timeZone, companyProfile(ctx.services)));
      case "status":
        return status(ctx);
      case "details":
        return details(ctx);
      default:
        return ctx.respond({ text: incidentSlackMessages(ctx.actor.lang).command.usage.join("\n") });
    }
  },
};
