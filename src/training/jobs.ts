// The training feature's scheduled job (規程 第28条): each business morning it records
// who has newly become required to take a course, then sends one DM per person with
// every course of theirs that crossed a threshold: 30 days or fewer left, 7 days or
// fewer left, and weekly while overdue (rules.ts). Each threshold is a once-only notice
// (per person, course and due day), written in the transaction that queues the DM, so
// a threshold crossed on a weekend or a public holiday goes out the next business
// morning, and running the job twice never sends twice. Snoozed courses are left out
// (and reminded once the snooze ends); quiet hours hold the DMs until the morning.
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { OnceItem } from "../platform/outbox.js";
import { reminderCall } from "../platform/slack/calls.js";
import type { Job, JobContext } from "../platform/schedule/scheduler.js";
import { langsOf } from "../directory/store.js";
import { reminderDm, type ReminderSection } from "../reminders/blocks.js";
import { forgetOldReminders, TRACK_DAYS, trackReminderOnce } from "../reminders/tracked.js";
import { activeSnoozes } from "../reminders/snooze.js";
import type { Course } from "../settings.js";
import { trainingItem } from "./ids.js";
import { courseName, showDay, trainingMessages } from "./messages.js";
import { addDays, reminderDue, reminderKey, REMIND_DAYS_BEFORE, type DueReminder } from "./rules.js";
import { dueBy, syncAssignments, type PersonCourse } from "./store.js";

const TX = { maxWait: 10_000, timeout: 60_000 };
const BATCH = 1000;

/** Which of `keys` are already written as once-only notices (one query). */
async function reportedNotices(database: JobContext["services"]["database"], keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await database.query<{ key: string }>(`SELECT "key" FROM "Notice" WHERE "key" = ANY($1::text[])`, [keys]);
  return new Set(rows.map((r) => r.key));
}
export const TRAINING_JOB = "training.reminders";

interface Item {
  row: PersonCourse;
  course: Course;
  due: DueReminder;
  key: string;
}

export async function trainingReminders(ctx: JobContext, batchSize = BATCH): Promise<Record<string, unknown>> {
  const { calendar, settings, services: s } = ctx;
  const at = ctx.slot;
  const now = s.clock.now();
  const today = calendar.day(at);
  if (!calendar.isBusinessDay(today)) return { skipped: "not a business day" };
  const db = s.database.prisma;
  const courses = settings.training.courses;

  const assignments = await db.$transaction((tx) => syncAssignments(tx, courses, today), TX);
  const rows = await dueBy(db, courses, today, addDays(today, REMIND_DAYS_BEFORE[0]));
  const perPerson = new Map<string, Item[]>();
  for (const row of rows) {
    const course = courses.find((c) => c.id === row.course);
    const due = reminderDue(row.due, today);
    if (!course || !due) continue;
    const l = perPerson.get(row.person) ?? [];
    l.push({ row, course, due, key: reminderKey(row.person, course.id, due) });
    perPerson.set(row.person, l);
  }

  const notBefore = calendar.nextWorkingMoment(now);
  const slotKey = at.toISOString();
  const snoozed = await activeSnoozes(db, now);
  const people = [...perPerson.keys()].sort();
  const langs = await langsOf(db, people);

  // thresholds already reported (one query for every candidate), so each DM holds only the new ones
  const candidateKeys = [...perPerson.values()].flat().map((it) => it.key);
  const reported = await reportedNotices(s.database, candidateKeys);

  let dms = 0;
  let items = 0;
  let skippedSnoozed = 0;
  for (let i = 0; i < people.length; i += batchSize) {
    const queue: OnceItem[] = [];
    const counts = new Map<string, number>();
    for (const p of people.slice(i, i + batchSize)) {
      const all = perPerson.get(p)!;
      const open = all.filter((it) => !snoozed.has(`${p}|${trainingItem(it.course.id)}`));
      skippedSnoozed += all.length - open.length;
      const due = open.filter((it) => !reported.has(it.key));
      if (due.length === 0) continue;
      // the DM and its thresholds are claimed in one statement: run twice, or after a crash, nothing twice
      const key = `${TRAINING_JOB}:${slotKey}:${p}`;
      // tracked: a course the person records as completed loses its menu here (reminders/tracked.ts)
      const call = reminderCall(p, personDm(due, langs.get(p) ?? DEFAULT_LANG), notBefore);
      queue.push({ key, ...trackReminderOnce(`${TRAINING_JOB}:${slotKey}`, p, call), also: due.map((it) => it.key) });
      counts.set(key, due.length);
    }
    for (const key of await ctx.queueOnce(queue)) {
      dms++;
      items += counts.get(key) ?? 0;
    }
  }
  // the tracking rows of the reminders past their cycle go (reminders/tracked.ts TRACK_DAYS)
  const untracked = await forgetOldReminders(db, TRAINING_JOB, at, TRACK_DAYS.dueDates);
  return {
    dms,
    items,
    candidates: rows.length,
    ...(untracked ? { untracked } : {}),
    snoozedItems: skippedSnoozed,
    assigned: assignments.added,
    unassigned: assignments.removed,
    heldUntil: notBefore > now ? notBefore.toISOString() : undefined,
  };
}

/** One DM: overdue first, then 7 days, then 30 days; each course with its link and snooze menu. */
export function personDm(list: Item[], lang: Lang) {
  const m = trainingMessages(lang).reminder;
  const item = (it: Item) => ({
    item: trainingItem(it.course.id),
    text: `${m.item(courseName(it.course, lang), it.course.url ? ` · <${it.course.url}|${m.open}>` : "", showDay(it.row.due, lang), it.due.daysLeft, !it.row.last)}\n${m.how(it.course.id)}`,
  });
  const of = (t: DueReminder["threshold"]) => list.filter((it) => it.due.threshold === t).sort((a, b) => a.due.daysLeft - b.due.daysLeft);
  const sections: ReminderSection[] = [
    { title: m.overdue, items: of("overdue").map(item) },
    { title: m.soon7, items: of("7d").map(item) },
    { title: m.soon30, items: of("30d").map(item) },
  ];
  return reminderDm(m.intro(list.length), sections, lang);
}

export function createTrainingJobs(o: { batchSize?: number } = {}): Job[] {
  return [
    {
      name: TRAINING_JOB,
      schedule: "0 10 * * 1-5",
      description: {
        ja: "研修の受講期限（30日前・7日前・期限切れは毎週）を本人ごとに1通のDMで通知（第28条）",
        en: "one DM per person with training courses due in 30 or 7 days, and weekly while overdue (Art. 28)",
      },
      run: (ctx) => trainingReminders(ctx, o.batchSize),
    },
  ];
}

export const trainingJobs: Job[] = createTrainingJobs();
