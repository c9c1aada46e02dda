// `/privacy incident report INC-... notice`: the draft notice to the people affected
// (施行規則 第10条) as a Markdown file in the incident's thread, for the people who see the
// incident; the draft goes on the timeline.
import { transact } from "../src/platform/db.js";
import { appendAudit } from "../src/platform/audit/chain.js";
import { maySee } from "../src/incidents/access.js";
import { logRefusal } from "../src/incidents/refusals.js";
import { intakeMessages } from "../src/incidents/intake/messages.js";
import { missingNoticeItems, peopleNoticeMarkdown } from "../src/incidents/intake/notice.js";
import { incidentSlackMessages } from "../src/incidents/slackMessages.js";
import { reportRecordOf } from "../src/incidents/status/flows.js";
import { findIncidentByCode } from "../src/incidents/store.js";
import type { CommandContext } from "./types.js";

export async function noticeDraftCommand(ctx: CommandContext, word: string): Promise<void> {
  const lang = ctx.actor.lang;
  const m = incidentSlackMessages(lang);
  const s = ctx.services;
  const i = await findIncidentByCode(s.database.prisma, word);
  if (!i || !maySee(ctx.actor, i)) {
    await logRefusal(s, ctx.actor.slackId, `incident:${word.toUpperCase()}`, "report", i ? "not_responder" : "not_found");
    return ctx.respond({ text: i ? m.refusal.notResponder : m.refusal.notFound });
  }
  const record = reportRecordOf(i);
  if (!record) return ctx.respond({ text: m.command.notAssessed });
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
