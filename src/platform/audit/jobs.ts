// audit.anchor: once a day, the decision log is verified and its head (count and hash)
// posted to the compliance channel through the outbox, tagged with Slack message
// metadata so that `npm run audit:verify -- --anchors slack` can read it back (see
// anchor.ts for why, and why the post is not itself an entry of the chain). Without a
// compliance channel it goes to the compliance officers by DM (quiet hours respected),
// as the digest does. One post per company day, however often the job runs that day.
import { ROLE } from "../../directory/roles.js";
import { getChannels, langOfPerson } from "../../directory/store.js";
import { transact } from "../db.js";
import { CHANNEL_LANG, formatDateTime, type Lang } from "../i18n.js";
import type { Job, JobContext } from "../schedule/scheduler.js";
import { channelPost, reminderCall, type MessageBody } from "../slack/calls.js";
import { anchorMetadata, anchorMismatch, brokenText, mismatchText, type Head } from "./anchor.js";
import { verifyChain } from "./chain.js";
import { auditMessages } from "./messages.js";

function anchorBody(lang: Lang, head: Head, at: Date, day: string, timeZone: string): MessageBody {
  const m = auditMessages(lang).anchor;
  return {
    text: m.text(head.count, day),
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: `*${m.title}*\n${m.body(head.count, head.hash, formatDateTime(at, lang, timeZone))}` } },
      { type: "context", elements: [{ type: "mrkdwn", text: m.why }] },
    ],
    metadata: anchorMetadata(head, at, day),
  };
}

function brokenBody(lang: Lang, reason: string): MessageBody {
  const text = auditMessages(lang).anchor.broken(reason);
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

export async function anchorChain(ctx: JobContext): Promise<Record<string, unknown>> {
  const s = ctx.services;
  const db = s.database.prisma;
  const day = ctx.calendar.day(ctx.slot);
  const now = s.clock.now();
  const channel = (await getChannels(db)).compliance ?? null;
  const officers = channel
    ? []
    : await db.person.findMany({ where: { roles: { has: ROLE.compliance } }, select: { slackId: true, lang: true, slackLocale: true } });
  const targets: { to: string; lang: Lang }[] = channel
    ? [{ to: channel, lang: CHANNEL_LANG }]
    : officers.map((p) => ({ to: p.slackId, lang: langOfPerson(p) }));
  if (targets.length === 0) return { posted: 0, day, to: "nobody" };

  // What is anchored is what was verified: the whole chain, then the previous anchor this
  // bot noted (a tail deleted or rewritten since then is told, not anchored over).
  const verified = await verifyChain(db);
  const previous = await db.auditAnchor.findFirst({ orderBy: { id: "desc" } });
  let problem: ((lang: Lang) => string) | null = null;
  if (!verified.ok) problem = (lang) => brokenText(lang, verified);
  else if (previous) {
    const x = await anchorMismatch(db, verified, { count: previous.seq, hash: previous.hash });
    if (x) problem = (lang) => mismatchText(lang, previous.day, { count: previous.seq, hash: previous.hash }, x);
  }
  const head: Head | null = verified.ok ? { count: verified.entries, hash: verified.head } : null;

  const posted = await transact(db, async (tx) => {
    if (!(await ctx.notice(tx, `audit.anchor:${day}`))) return false;
    if (head && !problem) await tx.auditAnchor.create({ data: { day, seq: head.count, hash: head.hash, at: now, channel } });
    const notBefore = ctx.calendar.nextWorkingMoment(now);
    for (const t of targets) {
      const body = head && !problem ? anchorBody(t.lang, head, now, day, s.timeZone) : brokenBody(t.lang, problem!(t.lang));
      await s.outbox.enqueue(tx, channel ? channelPost(`channel:${t.to}`, t.to, body) : reminderCall(t.to, body, notBefore));
    }
    return true;
  });
  if (posted) s.outbox.kick();
  return {
    posted: posted ? targets.length : 0,
    day,
    to: channel ? "channel" : "dm",
    ...(head && !problem ? { count: head.count, head: head.hash } : { broken: true }),
  };
}

export const auditJobs: Job[] = [
  {
    name: "audit.anchor",
    // before the working day (and before the Monday digest, which shows the latest anchor)
    schedule: "45 8 * * *",
    description: {
      ja: "監査ログを検証し、その固定点（件数・最新のハッシュ）をコンプライアンスチャンネルに毎日投稿（当社の管理策）",
      en: "verifies the audit log and posts its anchor (count, head hash) to the compliance channel daily (the company's control)",
    },
    run: anchorChain,
  },
];
