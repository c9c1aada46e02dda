// The retention run (規程 第31条, 第15条2項(2)④): each business morning, the sources
// (effective purposes, processors whose contract ended, later register entries) are written
// to RetentionItem, then everyone with something past its retention and not disposed of
// gets one DM, once per calendar week (a notice per item, end day, week and person,
// written in the transaction that queues the DM), until the disposal is recorded. The
// owner is reminded; when the owner left the directory, the department's managers.
// A missed run is caught up by the scheduler; a repeated run sends nothing twice.
import crypto from "node:crypto";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { OnceItem } from "../platform/outbox.js";
import { forgetOldReminders, TRACK_DAYS, trackReminderOnce } from "../reminders/tracked.js";
import { reminderCall } from "../platform/slack/calls.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { langsOf } from "../directory/store.js";
import { activeSnoozes } from "../reminders/snooze.js";
import { reminderBlocks, type LinkOf } from "./blocks.js";
import { dateDay, reminderKey, remindedFor, retentionItemKey, retentionState, weekOf, type SubjectKind } from "./rules.js";
import { dueWithThreads, managersByDepartment, present, syncItems, type DueItem } from "./store.js";
import { messageLink } from "../platform/services.js";

/** The once-only key of a person's weekly DM: the week and the items it names (their own keys, hashed). */
function dmKey(person: string, week: string, itemKeys: string[]): string {
  const h = crypto
    .createHash("sha256")
    .update([...itemKeys].sort().join("\n"))
    .digest("hex")
    .slice(0, 24);
  return `retention.dm:${person}:${week}:${h}`;
}

export async function retentionRun(ctx: JobContext, o: { remind?: boolean } = {}): Promise<Record<string, unknown>> {
  const { calendar, services: s } = ctx;
  const today = calendar.day(ctx.slot);
  const now = s.clock.now();
  const db = s.database.prisma;
  const t0 = performance.now();
  const synced = await syncItems(db, now);
  const tSync = performance.now() - t0;
  if (!calendar.isBusinessDay(today)) return { ...synced, skipped: "not a business day" };
  if (o.remind === false) return synced;

  const due = (await dueWithThreads(db, today)).filter((i) => retentionState(i.endDay ? dateDay(i.endDay) : null, [], today).state === "due");
  const here = await present(
    db,
    due.map((i) => i.ownerId),
  );
  const orphanDepts = due.filter((i) => !here.has(i.ownerId)).map((i) => i.departmentId);
  const managers = await managersByDepartment(db, orphanDepts);
  const perPerson = new Map<string, { item: DueItem; key: string; snooze: string }[]>();
  for (const item of due) {
    const end = dateDay(item.endDay!);
    const st = retentionState(end, [], today);
    if (st.state !== "due") continue;
    for (const p of remindedFor(item.ownerId, here.has(item.ownerId), managers.get(item.departmentId) ?? [])) {
      const l = perPerson.get(p) ?? [];
      l.push({
        item,
        key: reminderKey(item.subjectKind as SubjectKind, item.subjectRef, end, st.week, p),
        snooze: retentionItemKey(item.subjectKind as SubjectKind, item.subjectRef),
      });
      perPerson.set(p, l);
    }
  }
  const tDue = performance.now() - t0;
  const notBefore = calendar.nextWorkingMoment(now);
  const snoozed = await activeSnoozes(db, now);
  const people = [...perPerson.keys()].sort();
  const langs = await langsOf(db, people);
  const threads = new Map(due.map((i) => [`${i.subjectKind}|${i.subjectRef}`, i]));
  const link: LinkOf = (i) => {
    const t = threads.get(`${i.subjectKind}|${i.subjectRef}`);
    return t?.channelId && t.messageTs ? `<${messageLink(s, t.channelId, t.messageTs)}|${i.subjectRef}>` : i.subjectRef;
  };
  // one DM per person per week and set of items (the key names them), queued with its
  // notice in one statement: a repeated or resumed run sends nothing twice; an item that
  // falls due later in the week gets a DM then, with what is still waiting
  const queue: OnceItem[] = [];
  let items = 0;
  for (const p of people) {
    const send = perPerson.get(p)!.filter((it) => !snoozed.has(`${p}|${it.snooze}`));
    if (send.length === 0) continue;
    const key = dmKey(
      p,
      weekOf(today),
      send.map((x) => x.key),
    );
    // tracked: an item whose disposal is recorded (from this DM, its thread or Home) loses its menu and button here
    queue.push({
      key,
      ...trackReminderOnce(
        `retention.reminders:${ctx.slot.toISOString()}`,
        p,
        reminderCall(
          p,
          reminderBlocks(
            send.map((x) => x.item),
            today,
            langs.get(p) ?? DEFAULT_LANG,
            link,
          ),
          notBefore,
        ),
      ),
    });
    items += send.length;
  }
  const sent = await ctx.queueOnce(queue);
  const dms = sent.size;
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, "retention.reminders", ctx.slot, TRACK_DAYS.weekly);
  return {
    ...(untracked ? { untracked } : {}),
    ...synced,
    due: due.length,
    dms,
    items,
    ms: { sync: Math.round(tSync), due: Math.round(tDue), all: Math.round(performance.now() - t0) },
    heldUntil: notBefore > now ? notBefore.toISOString() : undefined,
  };
}

export const retentionJobs: Job[] = [
  {
    name: "retention.reminders",
    schedule: "40 9 * * 1-5",
    description: {
      ja: "保存期間が終わった収集目的・契約が終了した預託先の返却/消去を、廃棄が記録されるまで毎週、担当者に1通のDMで通知（規程第31条・第15条2項(2)④）",
      en: "weekly DM to each owner of collection purposes past their retention and processor contracts ended (return or erasure), until the disposal is recorded (Rule Art.31, Art.15(2)(ii)④)",
    },
    run: (ctx) => retentionRun(ctx),
  },
];
