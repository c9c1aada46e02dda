// Delegation's scheduled job and what the requests' reminders ask of it: 後閲, the DM to the
// absent person on the first day after their absence listing what was decided for them.
import { langOf } from "../../directory/store.js";
import { formatDateTime } from "../../platform/i18n.js";
import type { Job, JobContext } from "../../platform/schedule/scheduler.js";
import { reminderCall } from "../../platform/slack/calls.js";
import { requestMessages } from "../../requests/messages.js";
import { reviewDm } from "./blocks.js";
import type { Absence } from "./rules.js";
import { activeAbsences, decisionsFor } from "./store.js";

/** The absences in force when the reminders run (none when delegation is off). */
export async function absencesForReminders(ctx: JobContext): Promise<Absence[]> {
  if (!ctx.settings.routes.delegation.enabled) return [];
  return activeAbsences(ctx.services.database.prisma, ctx.services.clock.now());
}

/** Absences ended this long ago at most still get their 後閲 DM (a bot that was down catches up). */
const CATCH_UP_MS = 14 * 24 * 3600 * 1000;

export async function delegationReview(ctx: JobContext): Promise<Record<string, unknown>> {
  const s = ctx.services;
  const db = s.database.prisma;
  const now = s.clock.now();
  const ended = await db.delegation.findMany({
    where: { reviewSentAt: null, endsAt: { lte: now, gt: new Date(now.getTime() - CATCH_UP_MS) } },
    orderBy: { endsAt: "asc" },
  });
  const notBefore = ctx.calendar.nextWorkingMoment(now);
  let dms = 0;
  for (const d of ended) {
    const decisions = d.endsAt > d.startsAt ? await decisionsFor(db, d.absentId, d.startsAt, d.endsAt) : [];
    await db.$transaction(async (tx) => {
      await tx.delegation.update({ where: { id: d.id }, data: { reviewSentAt: now } });
      if (decisions.length === 0 || !(await ctx.notice(tx, `delegation.review:${d.id}`))) return;
      const lang = await langOf(tx, d.absentId);
      const m = requestMessages(lang);
      const items = decisions.map((e) => ({
        requestId: e.requestId,
        code: e.request.code,
        what: m.event[e.action] ?? e.action,
        delegateId: e.actorId,
        at: formatDateTime(e.at, lang, s.timeZone),
      }));
      await s.outbox.enqueue(tx, [reminderCall(d.absentId, reviewDm(lang, d.id, d.fromDay, d.toDay, items), notBefore)]);
      dms++;
    });
  }
  return { ended: ended.length, dms };
}

export const delegationJobs: Job[] = [
  {
    name: "delegation.review",
    schedule: "0 9 * * *",
    description: {
      ja: "不在が明けた個人情報管理者・個人情報管理責任者に、代理人が決定した届出をDMで知らせる（後閲）",
      en: "tells a manager or the chief back from an absence what their delegate decided (後閲)",
    },
    run: delegationReview,
  },
];
