// The weekly compliance digest (Monday 09:00 by default) to the compliance channel, or
// to the compliance officers by DM when no channel is set. Once per slot.
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { ROLE } from "../directory/roles.js";
import { getChannels, langOfPerson } from "../directory/store.js";
import { buildDigest } from "./build.js";

const WEEK_MS = 7 * 86_400_000;

export async function weeklyDigest(ctx: JobContext): Promise<Record<string, unknown>> {
  const s = ctx.services;
  const db = s.database.prisma;
  // the seven whole days before the day of the run
  const to = ctx.calendar.at(ctx.calendar.day(ctx.slot), "00:00");
  const from = new Date(to.getTime() - WEEK_MS);
  const channel = (await getChannels(db)).compliance;
  const officers = channel
    ? []
    : await db.person.findMany({ where: { roles: { has: ROLE.compliance } }, select: { slackId: true, lang: true, slackLocale: true } });
  const targets = channel ? [{ to: channel, lang: "ja" as const }] : officers.map((p) => ({ to: p.slackId, lang: langOfPerson(p) }));
  let posted = 0;
  let sections = 0;
  for (const t of targets) {
    const d = await buildDigest({ services: s, calendar: ctx.calendar, settings: ctx.settings, from, to, now: s.clock.now(), lang: t.lang });
    sections = d.sections.length;
    await db.$transaction(async (tx) => {
      if (!(await ctx.notice(tx, `compliance.digest:${ctx.slot.toISOString()}:${t.to}`))) return;
      await s.outbox.enqueue(tx, {
        orderKey: channel ? `channel:${t.to}` : `reminder:${t.to}`,
        method: "chat.postMessage",
        payload: { channel: t.to, text: d.text, blocks: d.blocks },
      });
      posted++;
    });
  }
  return { posted, sections, to: channel ? "channel" : "dm" };
}

export const digestJobs: Job[] = [
  {
    name: "compliance.digest",
    schedule: "0 9 * * 1",
    description: {
      ja: "コンプライアンス担当への週次ダイジェスト（届出・期限超過・研修・監査・委託先）",
      en: "weekly digest for compliance (requests, overdue items, training, audits, processors)",
    },
    run: weeklyDigest,
  },
];
