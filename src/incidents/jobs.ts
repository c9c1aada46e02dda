// The incidents feature's scheduled job (every 5 minutes, at any hour: incidents ignore
// quiet hours, so nothing here has a notBefore):
// - escalation of an incident nobody acknowledged: 30 minutes after it was reported, the
//   deputy chief(s) and compliance by DM; after 2 hours, them again and the compliance
//   channel (rules.ts escalationsDue);
// - deadline reminders of each open task with a due date: 48 and 24 hours before, when it
//   passes, then every 24 hours (rules.ts deadlineReminders), to the task's owner, with the
//   chief and compliance copied once it has passed; a task done or not applicable stops;
//   one DM per person per run, grouping their items.
// Every message is keyed once-only (incidentNoticeKey) in the transaction that queues it,
// so a re-run, a forced run or a second replica never sends it twice.
import { CHANNEL_LANG, type Lang } from "../platform/i18n.js";
import { formatDateTime } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { channelPost, mentions, ref, threadPost } from "../platform/slack/calls.js";
import { trackedDm } from "../platform/slack/trackedDm.js";
import { forgetOldReminders, TRACK_DAYS } from "../reminders/tracked.js";
import { ackDmKey, taskDmKey } from "./calls.js";
import { messageLink } from "../platform/services.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { appendAudit } from "../platform/audit/chain.js";
import { getChannels, langOf } from "../directory/store.js";
import { dmWithLink } from "./blocks.js";
import { incidentEscalationMessages } from "./escalationMessages.js";
import { incidentMessages } from "./messages.js";
import { deadlineReminders, DEADLINE_KEYS, escalationsDue, incidentNoticeKey, timeLeft, type DeadlineReminder } from "./rules.js";
import { parentUpdate } from "./calls.js";
import { DEADLINE_TASK, deadlineMet, deadlineOfTask, dueLabel } from "./overview.js";
import { ownerTaskActions } from "./tasks/blocks.js";
import { officersOf } from "../directory/store.js";
import { deadlinesOf, type IncidentRow } from "./store.js";
import { companyProfile } from "./config.js";
import { clip } from "../platform/slack/text.js";

const TX = { maxWait: 10_000, timeout: 60_000 };

export { deadlineMet } from "./overview.js";

const threadLink = (ctx: JobContext, i: IncidentRow) =>
  i.channelId && i.messageTs ? `<${messageLink(ctx.services, i.channelId, i.messageTs)}|${i.code}>` : i.code;

export async function incidentEscalations(ctx: JobContext): Promise<Record<string, unknown>> {
  const s = ctx.services;
  const db = s.database.prisma;
  const at = ctx.slot;
  const incidents = await db.incident.findMany({ where: { status: { not: "closed" } }, orderBy: { reportedAt: "asc" } });
  const team = await officersOf(db, ctx.settings.governance.deputyChief);

  // ---- escalation of incidents nobody acknowledged
  let escalated = 0;
  for (const i of incidents) {
    for (const e of escalationsDue(i, at)) {
      await db.$transaction(async (tx) => {
        // acknowledged since the query: nothing to do
        const fresh = await tx.incident.findUnique({ where: { id: i.id }, select: { acknowledgedAt: true } });
        if (fresh?.acknowledgedAt) return;
        if (!(await ctx.notice(tx, incidentNoticeKey(i.code, e.key)))) return;
        const people = [...new Set([...(e.notify.includes("deputyChief") ? team.deputies : []), ...(e.notify.includes("compliance") ? team.compliance : [])])];
        const calls: OutgoingCall[] = [];
        for (const p of people) {
          const lang = await langOf(tx, p);
          const m = incidentEscalationMessages(lang).escalation;
          const text = m.dm(i.code, m.minutes[e.step], clip(i.summary, 500));
          calls.push(await trackedDm(tx, s.clock.now(), ackDmKey(i.id), p, dmWithLink(text, lang, ref("incidentPermalink", i.id), { incidentId: i.id })));
        }
        const m = incidentEscalationMessages(CHANNEL_LANG).escalation;
        const compliance = e.notify.includes("complianceChannel") ? ((await getChannels(tx)).compliance ?? null) : null;
        if (compliance) {
          const text = `${m.channel(i.code, people.length ? mentions(people) : m.nobody)}${i.channelId && i.messageTs ? `\n${messageLink(s, i.channelId, i.messageTs)}` : ""}`;
          calls.push(channelPost(`channel:${compliance}`, compliance, { text }));
        }
        if (i.channelId) {
          const step = incidentMessages(CHANNEL_LANG).escalation[e.step];
          calls.push(
            threadPost(`incident:${i.id}`, i.channelId, ref("incidentTs", i.id), { text: m.thread(step, people.length ? mentions(people) : m.nobody) }),
          );
        }
        await appendAudit(tx, {
          at: s.clock.now(),
          actorId: "system",
          action: "incident.escalated",
          subject: `incident:${i.code}`,
          data: { step: e.step, to: people, complianceChannel: compliance },
        });
        await s.outbox.enqueue(tx, calls);
        escalated++;
      }, TX);
    }
  }

  // ---- deadline reminders: what is due now, per person. Each open task with a due date
  // reminds its owner (the chief until someone else is made the owner); only the task's own
  // status stops it (done or not applicable: the 速報 and the 確報 are done when recorded;
  // the notice to the people affected, APPI Art.26(2), not by the 確報). An assessed
  // incident without task rows reminds the chief of its deadlines until the status meets
  // them (deadlineMet).
  interface Item {
    incident: IncidentRow;
    taskKey: string;
    owner: string | null;
    due: Date;
    reminder: DeadlineReminder;
    key: string;
  }
  const items: Item[] = [];
  const assessed = incidents.filter((i) => i.assessment !== null);
  const tasks = assessed.length
    ? await db.incidentTask.findMany({
        where: { incidentId: { in: assessed.map((i) => i.id) }, status: "open", dueAt: { not: null } },
        orderBy: [{ dueAt: "asc" }, { key: "asc" }],
      })
    : [];
  const withTasks = new Set(
    (await db.incidentTask.groupBy({ by: ["incidentId"], where: { incidentId: { in: assessed.map((i) => i.id) } } })).map((g) => g.incidentId),
  );
  for (const i of assessed) {
    if (withTasks.has(i.id)) {
      for (const t of tasks.filter((x) => x.incidentId === i.id)) {
        for (const r of deadlineReminders(t.dueAt!, at, t.key))
          items.push({ incident: i, taskKey: t.key, owner: t.ownerId, due: t.dueAt!, reminder: r, key: incidentNoticeKey(i.code, r.key) });
      }
      continue;
    }
    const due = deadlinesOf(i);
    for (const k of DEADLINE_KEYS) {
      const d = due[k];
      if (!d || deadlineMet(i.status, k)) continue;
      for (const r of deadlineReminders(d, at, DEADLINE_TASK[k]))
        items.push({ incident: i, taskKey: DEADLINE_TASK[k], owner: null, due: d, reminder: r, key: incidentNoticeKey(i.code, r.key) });
    }
  }
  let dms = 0;
  let reminders = 0;
  if (items.length) {
    // without a task row the owner is the chief; without a chief, compliance
    const fallbackOwners = team.chiefs.length ? team.chiefs : team.compliance;
    await db.$transaction(async (tx) => {
      const fresh = await ctx.notices(
        tx,
        items.map((it) => it.key),
      );
      const perPerson = new Map<string, Item[]>();
      for (const it of items) {
        if (!fresh.has(it.key)) continue;
        reminders++;
        const to = new Set<string>();
        if (it.reminder.to.includes("owner")) (it.owner ? [it.owner] : fallbackOwners).forEach((p) => to.add(p));
        if (it.reminder.to.includes("chief")) team.chiefs.forEach((p) => to.add(p));
        if (it.reminder.to.includes("compliance")) team.compliance.forEach((p) => to.add(p));
        for (const p of to) perPerson.set(p, [...(perPerson.get(p) ?? []), it]);
      }
      const calls: OutgoingCall[] = [];
      for (const [p, list] of [...perPerson].sort(([a], [b]) => a.localeCompare(b))) {
        const lang = await langOf(tx, p);
        // tracked: a task settled (from this DM, the checklist, by anyone allowed) loses its buttons here (calls.ts)
        const dm = reminderDm(ctx, list, lang, p);
        calls.push(await trackedDm(tx, s.clock.now(), `incidents.reminder:${ctx.slot.toISOString()}`, p, dm, { orderKey: `dm:${p}`, items: dm.items }));
        dms++;
      }
      for (const it of items.filter((x) => fresh.has(x.key))) {
        await appendAudit(tx, {
          at: s.clock.now(),
          actorId: "system",
          action: "incident.reminded",
          subject: `incident:${it.incident.code}`,
          data: {
            task: it.taskKey,
            deadline: deadlineOfTask(it.taskKey) ?? null,
            owner: it.owner,
            due: it.due.toISOString(),
            stage: it.reminder.stage,
            overdueDays: it.reminder.overdueDays ?? null,
          },
        });
      }
      // each reminded incident's card shows how long is left as of now
      const reminded = new Map(items.filter((x) => fresh.has(x.key) && x.incident.channelId).map((x) => [x.incident.id, x.incident]));
      for (const i of reminded.values()) calls.push(await parentUpdate(i, s, tx));
      await s.outbox.enqueue(tx, calls);
    }, TX);
  }
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, "incidents.reminder", at, TRACK_DAYS.weekly);
  return { open: incidents.length, escalated, reminders, dms, ...(untracked ? { untracked } : {}) };

  /**
   * One person's reminder: a line per item and, under each task they own, its 「完了」
   * 「該当なし」 (the owner may not be in the incidents channel; the presses go through the
   * checklist's handlers). Slack allows 50 blocks: the lines past that are in the text.
   */
  function reminderDm(c: JobContext, list: Item[], lang: Lang, to: string): { text: string; blocks: unknown[]; items: string[] } {
    const m = incidentEscalationMessages(lang).reminder;
    const im = incidentMessages(lang);
    const sorted = [...list].sort((a, b) => a.due.getTime() - b.due.getTime());
    // how long is actually left when the reminder is sent (a late run says 30 hours, not "48 hours before")
    const now = s.clock.now();
    const left = (due: Date) => {
      const t = timeLeft(due, now);
      return im.reminderLeft(t, im.timeLeft(t));
    };
    const lines = sorted.map((it) =>
      m.item(threadLink(c, it.incident), dueLabel(it.taskKey, lang, companyProfile(s)), formatDateTime(it.due, lang, s.timeZone), left(it.due)),
    );
    const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: m.intro(sorted.length) } }];
    const room = 50 - 1; // the cc line
    const withButtons = new Set<string>(); // a block id once per message
    for (const [k, it] of sorted.entries()) {
      const own = it.owner === to && !withButtons.has(`${it.incident.id}:${it.taskKey}`);
      if (blocks.length + (own ? 2 : 1) > room) break;
      blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(lines[k]!, 3000) } });
      if (own) {
        withButtons.add(`${it.incident.id}:${it.taskKey}`);
        blocks.push(ownerTaskActions(it.incident.id, it.taskKey, lang));
      }
    }
    if (sorted.some((it) => it.reminder.to.includes("chief"))) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.cc }] });
    const items = sorted.filter((it) => withButtons.has(`${it.incident.id}:${it.taskKey}`)).map((it) => taskDmKey(it.incident.id, it.taskKey));
    return { text: clip(`${m.intro(sorted.length).replace(/\*/g, "")}\n${lines.join("\n")}`, 3000), blocks, items };
  }
}

export const incidentJobs: Job[] = [
  {
    name: "incidents.escalations",
    schedule: "*/5 * * * *",
    description: {
      ja: "受領されていない事故を30分で個人情報管理責任者代理・コンプライアンスへ、2時間でコンプライアンスチャンネルへも上申し、事故の期限（48時間前・24時間前・経過時・以後毎日）を通知（夜間も送信）",
      en: "escalates incidents nobody acknowledged (30 minutes: deputy chief and compliance; 2 hours: again and the compliance channel) and reminds of incident deadlines (48 h and 24 h before, when passed, then daily), at any hour",
    },
    run: incidentEscalations,
  },
];
