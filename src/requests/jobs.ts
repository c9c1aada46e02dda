// The requests feature's scheduled job: each business morning, one DM per person with
// everything waiting for them (decisions, with the ones past the reminder threshold
// marked; measures not completed after the final approval), and escalations of
// decisions stuck past the escalation threshold (in the thread and by DM, once per
// stage). Built from a few queries whatever the number of requests and people.
import { CHANNEL_LANG, DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { OnceItem, OutgoingCall } from "../platform/outbox.js";
import { forgetTrackedReminders, trackedReminder } from "../platform/slack/trackedDm.js";
import { mention, mentions, ref, reminderCall, threadPost } from "../platform/slack/calls.js";
import { messageLink } from "../platform/services.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { isChief, isCompliance, isDeputyChief, managedDepartments } from "../directory/roles.js";
import { langOfPerson } from "../directory/store.js";
import { listedItems, reminderDm, type ReminderSection } from "../reminders/blocks.js";
import { activeSnoozes } from "../reminders/snooze.js";
import { KINDS, type RequestKind } from "./kinds/index.js";
import { requestReminderMessages } from "./reminderMessages.js";
// approval routes (issue 17): during an absence, the delegate is reminded instead (src/routes/delegation)
import { absencesForReminders } from "../routes/delegation/jobs.js";
import { remindInstead } from "../routes/delegation/rules.js";
import { AWAITING_DECISION, eligibleDeciders, type Approvers, type RequestStatus, type Stage } from "./workflow.js";

/** a batch of a big run may take longer than Prisma's default 5 s on a busy machine */
const TX = { maxWait: 10_000, timeout: 60_000 };
/** people written per statement (by default) */
const BATCH = 1000;
/** how many days a morning reminder is edited in place as its requests are done */
const TRACK_DAYS = 14;

interface Row {
  id: string;
  code: string;
  kind: string;
  title: string;
  status: string;
  departmentId: string;
  requesterId: string;
  stage1By: string | null;
  channelId: string | null;
  messageTs: string | null;
  stageSince: Date | null;
  createdAt: Date;
  approvedAt: Date | null;
}

interface PendingItem {
  kind: "pending";
  row: Row;
  stage: Stage;
  days: number;
  overdue: boolean;
}
interface MeasuresItem {
  kind: "measures";
  row: Row;
  days: number;
  done: number;
  total: number;
}

const link = (ctx: JobContext, r: Row) => (r.channelId && r.messageTs ? `<${messageLink(ctx.services, r.channelId, r.messageTs)}|${r.code}>` : r.code);
const mentionsOr = (ids: string[], none: string) => (ids.length ? mentions(ids) : none);

export async function requestsMorning(ctx: JobContext, batchSize = BATCH): Promise<Record<string, unknown>> {
  const { calendar, settings, services: s } = ctx;
  const at = ctx.slot;
  const now = s.clock.now();
  if (!calendar.isBusinessDay(calendar.day(at))) return { skipped: "not a business day" };
  const db = s.database.prisma;

  const rows: Row[] = await db.request.findMany({
    where: { status: { in: [...AWAITING_DECISION, "approved"] } },
    select: {
      id: true,
      code: true,
      kind: true,
      title: true,
      status: true,
      departmentId: true,
      requesterId: true,
      stage1By: true,
      channelId: true,
      messageTs: true,
      stageSince: true,
      createdAt: true,
      approvedAt: true,
    },
    orderBy: { createdAt: "asc" },
  });
  // everyone who decides, in one query
  const deciders = await db.person.findMany({
    where: { roles: { isEmpty: false } },
    select: { slackId: true, departmentId: true, roles: true, lang: true, slackLocale: true },
  });
  const chiefs = deciders.filter(isChief).map((p) => p.slackId);
  // the deputy chief is a company extension the settings may turn off (governance.deputyChief)
  const deputies = settings.governance.deputyChief ? deciders.filter(isDeputyChief).map((p) => p.slackId) : [];
  const compliance = deciders.filter(isCompliance).map((p) => p.slackId);
  // managers by department, in one pass (10,000 departments must not mean 10,000 scans)
  const managersOf = new Map<string, string[]>();
  const addManager = (dept: string, p: string) => managersOf.set(dept, [...(managersOf.get(dept) ?? []), p]);
  for (const p of deciders) for (const d of managedDepartments(p)) addManager(d, p.slackId);
  const approvers = (dept: string): Approvers => ({ managers: [...new Set(managersOf.get(dept) ?? [])], chiefs, deputies });
  const away = await absencesForReminders(ctx);

  const perPerson = new Map<string, (PendingItem | MeasuresItem)[]>();
  const add = (p: string, it: PendingItem | MeasuresItem) => {
    const l = perPerson.get(p) ?? [];
    l.push(it);
    perPerson.set(p, l);
  };
  const escalations: { row: Row; stage: Stage; days: number; approvers: string[]; to: string[] }[] = [];

  const approved = rows.filter((r) => r.status === "approved").map((r) => r.id);
  const measureCounts = new Map<string, { done: number; total: number }>();
  if (approved.length > 0) {
    const grouped = await db.requestMeasure.groupBy({ by: ["requestId"], where: { requestId: { in: approved } }, _count: { _all: true, doneAt: true } });
    for (const g of grouped) measureCounts.set(g.requestId, { total: g._count._all, done: g._count.doneAt });
  }

  for (const r of rows) {
    const t = settings.approvals(r.kind);
    if (r.status === "approved") {
      const days = calendar.businessDaysSince(r.approvedAt ?? r.stageSince ?? r.createdAt, at);
      if (days < settings.measuresRemindAfter) continue;
      const c = measureCounts.get(r.id) ?? { done: 0, total: 0 };
      const a = approvers(r.departmentId);
      const who = a.chiefs.length > 0 ? a.chiefs : a.deputies;
      for (const p of who) add(p, { kind: "measures", row: r, days, ...c });
      continue;
    }
    const d = eligibleDeciders({ status: r.status as RequestStatus, requesterId: r.requesterId, stage1By: r.stage1By }, approvers(r.departmentId));
    if (!d) continue;
    const days = calendar.businessDaysSince(r.stageSince ?? r.createdAt, at);
    for (const p of remindInstead(d.people, away, r.requesterId)) add(p, { kind: "pending", row: r, stage: d.stage, days, overdue: days >= t.remindAfter });
    if (days >= t.escalateAfter) {
      const to = remindInstead(d.stage === 1 ? chiefs : [...deputies, ...compliance], away, r.requesterId);
      escalations.push({ row: r, stage: d.stage, days, approvers: d.people, to: [...new Set(to)] });
    }
  }

  // quiet hours: what is computed at night or on a day off waits for the morning
  const notBefore = calendar.nextWorkingMoment(now);
  // one morning DM a day: keyed by the day it is delivered, so a late run (a catch-up held
  // until the morning, a retry) and that morning's own run do not both send one
  const slotKey = calendar.day(notBefore);
  const snoozed = await activeSnoozes(db, now);
  // everyone told is a decider: their languages came with them
  const langs = new Map(deciders.map((p) => [p.slackId, langOfPerson(p)] as const));

  // one DM per person
  let dms = 0;
  let skippedSnoozed = 0;
  const people = [...perPerson.keys()].sort();
  // each DM is tracked (one row a DM, written with it): as a request listed is decided,
  // withdrawn or completed, its item loses its menu in place (requests/trackedDms.ts)
  const trackKey = `requests.morning:${slotKey}`;
  for (let i = 0; i < people.length; i += batchSize) {
    const items: OnceItem[] = [];
    for (const p of people.slice(i, i + batchSize)) {
      const all = perPerson.get(p)!;
      const left = all.filter((it) => !snoozed.has(`${p}|request:${it.row.id}`));
      skippedSnoozed += all.length - left.length;
      if (left.length === 0) continue;
      const body = personDm(ctx, left, langs.get(p) ?? DEFAULT_LANG);
      items.push({ key: `requests.morning:${slotKey}:${p}`, ...trackedReminder(trackKey, p, reminderCall(p, body, notBefore), listedItems(body.blocks)) });
    }
    dms += (await ctx.queueOnce(items)).size;
  }
  // the reminders of more than two weeks ago are no longer edited (their rows go; a press on one is answered as stale)
  const forgotten = await forgetTrackedReminders(
    db,
    "requests.morning:",
    `requests.morning:${calendar.day(new Date(notBefore.getTime() - TRACK_DAYS * 86_400_000))}`,
  );

  // escalations: once per stage of a request (the stage's start is in the key)
  let escalated = 0;
  for (const e of escalations) {
    const key = `requests.escalation:${e.row.id}:${e.row.status}:${(e.row.stageSince ?? e.row.createdAt).toISOString()}`;
    await db.$transaction(async (tx) => {
      if (!(await ctx.notice(tx, key))) return;
      const m = requestReminderMessages(CHANNEL_LANG);
      const calls: OutgoingCall[] = [];
      if (e.row.channelId) {
        calls.push(
          threadPost(
            `request:${e.row.id}`,
            e.row.channelId,
            ref("requestTs", e.row.id),
            { text: m.escalationThread(m.stage(e.stage), e.days, mentionsOr(e.to, m.nobody)) },
            { notBefore },
          ),
        );
      }
      for (const p of e.to) {
        const l = requestReminderMessages(langs.get(p) ?? DEFAULT_LANG);
        const text = l.escalationDm(link(ctx, e.row), e.row.title, l.stage(e.stage), e.days, mentionsOr(e.approvers, l.nobody));
        calls.push(reminderCall(p, { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] }, notBefore));
      }
      await s.outbox.enqueue(tx, calls);
      escalated++;
    }, TX);
  }
  return {
    dms,
    escalated,
    pending: rows.length,
    snoozedItems: skippedSnoozed,
    ...(forgotten ? { untracked: forgotten } : {}),
    heldUntil: notBefore > now ? notBefore.toISOString() : undefined,
  };
}

function personDm(ctx: JobContext, items: (PendingItem | MeasuresItem)[], lang: Lang) {
  const m = requestReminderMessages(lang);
  const pending = items.filter((i): i is PendingItem => i.kind === "pending").sort((a, b) => b.days - a.days);
  const measures = items.filter((i): i is MeasuresItem => i.kind === "measures").sort((a, b) => b.days - a.days);
  const sections: ReminderSection[] = [
    {
      title: m.pendingTitle(pending.length),
      items: pending.map((i) => ({
        item: `request:${i.row.id}`,
        text: m.pendingItem(
          link(ctx, i.row),
          i.row.title,
          KINDS[i.row.kind as RequestKind]?.name(lang) ?? i.row.kind,
          mention(i.row.requesterId),
          m.stage(i.stage),
          i.days,
          i.overdue,
        ),
      })),
    },
    {
      title: m.measuresTitle(measures.length),
      items: measures.map((i) => ({ item: `request:${i.row.id}`, text: m.measuresItem(link(ctx, i.row), i.row.title, i.days, i.done, i.total) })),
    },
  ];
  return reminderDm(m.intro(items.length), sections, lang);
}

export function createRequestJobs(o: { batchSize?: number } = {}): Job[] {
  return [
    {
      name: "requests.morning",
      schedule: "0 9 * * 1-5",
      description: {
        ja: "承認待ち・措置未完了の届出を担当者ごとに1通のDMで通知し、滞留した承認をエスカレーション",
        en: "one DM per person with requests waiting for them; escalates decisions stuck past the threshold",
      },
      run: (ctx) => requestsMorning(ctx, o.batchSize),
    },
  ];
}

export const requestJobs: Job[] = createRequestJobs();
