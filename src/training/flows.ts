// Training completions (規程 第28条) as business operations: a person records their own,
// an admin imports the e-learning system's CSV. Each writes its rows and its entry in
// the hash-chained decision log in one transaction; the same completion (person,
// course, day) is never recorded twice.
import crypto from "node:crypto";
import { isAdmin } from "../directory/roles.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import type { Tx } from "../platform/db.js";
import type { OutgoingCall } from "../platform/outbox.js";
import type { Services } from "../platform/services.js";
import { defaultSettings } from "../settings.js";
import { completionPersonId, type CsvCompletion, type Day, dayIn, reminderDue } from "./rules.js";
import { coursesOf } from "./store.js";
import { dateDay, dayDate } from "../platform/day.js";
import type { Lang } from "../platform/i18n.js";
import { reminderItemDone } from "../reminders/tracked.js";
import { trainingItem } from "./ids.js";
import { trainingMessages } from "./messages.js";

export interface CompletionInput {
  personId: string;
  courseId: string;
  completedOn: Day;
  evidence: string | null;
}

/** `/privacy training done`: the person's own completion. `created` false when it was on record already. */
export async function recordCompletion(s: Services, c: CompletionInput): Promise<{ created: boolean }> {
  const now = s.clock.now();
  const r = await s.database.prisma.$transaction(async (tx) => {
    const r = await tx.trainingCompletion.createMany({
      data: [
        {
          personId: c.personId,
          courseId: c.courseId,
          completedOn: dayDate(c.completedOn),
          evidence: c.evidence,
          source: "self",
          recordedBy: c.personId,
          recordedAt: now,
        },
      ],
      skipDuplicates: true,
    });
    if (r.count === 0) return { created: false };
    await appendAudit(tx, {
      at: now,
      actorId: c.personId,
      action: "training.completed",
      subject: `person:${c.personId}`,
      data: { course: c.courseId, completedOn: c.completedOn, ...(c.evidence ? { evidence: sealOf(s)(c.evidence) } : {}), source: "self" },
    });
    // the course in this person's reminders loses its menu, with a stamp (reminders/tracked.ts)
    const what = (l: Lang) => trainingMessages(l).reminderDone;
    await s.outbox.enqueue(tx, await reminderItemDone(tx, s, trainingItem(c.courseId), { actorId: c.personId, personId: c.personId, what }));
    return { created: true };
  });
  s.outbox.kick();
  return r;
}

export type ImportResult = { ok: true; recorded: number; already: number } | { ok: false; problem: "not_admin" };

/**
 * An admin's import of validated CSV rows: all or nothing, one audit entry listing what
 * was recorded (person, course, day, evidence) and the SHA-256 of the pasted text.
 */
export async function importCompletions(s: Services, o: { actorId: string; rows: CsvCompletion[]; csv: string }): Promise<ImportResult> {
  const now = s.clock.now();
  return s.database.prisma
    .$transaction(
      async (tx): Promise<ImportResult> => {
        const actor = await tx.person.findUnique({ where: { slackId: o.actorId }, select: { roles: true } });
        if (!actor || !isAdmin(actor)) return { ok: false, problem: "not_admin" };
        // one row per (person, course, day): the first line wins within the file
        const unique = new Map<string, CsvCompletion>();
        for (const r of o.rows) {
          const k = `${completionPersonId(r)}|${r.courseId}|${r.completedOn}`;
          if (!unique.has(k)) unique.set(k, r);
        }
        const created = await tx.trainingCompletion.createManyAndReturn({
          data: [...unique.values()].map((r) => ({
            personId: completionPersonId(r),
            courseId: r.courseId,
            completedOn: dayDate(r.completedOn),
            evidence: r.evidence,
            source: "import",
            recordedBy: o.actorId,
            recordedAt: now,
            passed: r.passed,
            score: r.score,
            processorCode: r.processor,
          })),
          skipDuplicates: true,
          select: { personId: true, courseId: true, completedOn: true, evidence: true, passed: true, score: true, processorCode: true },
        });
        const already = unique.size - created.length;
        // evidence is free text (a certificate's name, a note): on the completion rows, here its keyed hash
        const seal = sealOf(s);
        await appendAudit(tx, {
          at: now,
          actorId: o.actorId,
          action: "training.imported",
          subject: "training:import",
          data: {
            lines: o.rows.length,
            recorded: created.length,
            already,
            sha256: crypto.createHash("sha256").update(o.csv).digest("hex"),
            // a processor's staff member: the processor's code and the keyed hash of the reference, never the reference itself
            completions: created
              .map((c) => [
                c.processorCode ? `${c.processorCode}:${seal(c.personId.slice(c.processorCode.length + 1))?.hmac ?? ""}` : c.personId,
                c.courseId,
                dateDay(c.completedOn),
                ...(c.evidence ? [seal(c.evidence)?.hmac ?? ""] : []),
                ...(c.passed !== null || c.score !== null ? [`passed=${c.passed ?? ""}`, `score=${c.score ?? ""}`] : []),
              ])
              .sort((a, b) => a.join().localeCompare(b.join())),
          },
        });
        // a course the import settles loses its menu in the person's reminders, with a stamp (reminders/tracked.ts)
        await s.outbox.enqueue(tx, await importedReminders(tx, s, o.actorId, created));
        return { ok: true, recorded: created.length, already };
      },
      { maxWait: 10_000, timeout: 60_000 },
    )
    .finally(() => s.outbox.kick());
}

/**
 * The reminders to edit after an import: a course of a person's reminder that the
 * imported completions settle, i.e. that the reminder job would no longer remind (an old
 * completion or a failed evaluation settles nothing). Only the people whose reminders
 * still list one of the imported courses are looked at (processors' staff get no DMs).
 */
async function importedReminders(
  tx: Tx,
  s: Services,
  actorId: string,
  created: { personId: string; courseId: string; processorCode: string | null }[],
): Promise<OutgoingCall[]> {
  const people = [...new Set(created.filter((c) => !c.processorCode).map((c) => c.personId))];
  const items = [...new Set(created.map((c) => trainingItem(c.courseId)))];
  if (people.length === 0) return [];
  const listed = await tx.$queryRaw<{ personId: string; item: string }[]>`
    SELECT DISTINCT "personId", i AS item FROM "TrackedDm", unnest("items") AS i
    WHERE "personId" = ANY(${people}::text[]) AND "items" && ${items}::text[] AND i = ANY(${items}::text[])
    ORDER BY "personId", item`;
  if (listed.length === 0) return [];
  const courses = (s.settings ?? defaultSettings()).training.courses;
  const today = dayIn(s.clock.now(), s.timeZone);
  const what = (l: Lang) => trainingMessages(l).reminderDone;
  const calls: OutgoingCall[] = [];
  for (const personId of [...new Set(listed.map((l) => l.personId))]) {
    const now = await coursesOf(tx, courses, personId, today);
    for (const { item } of listed.filter((l) => l.personId === personId)) {
      const course = now.find((c) => trainingItem(c.course) === item);
      if (course && reminderDue(course.due, today)) continue; // still to be reminded
      calls.push(...(await reminderItemDone(tx, s, item, { actorId, personId, what })));
    }
  }
  return calls;
}
