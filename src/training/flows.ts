// Training completions (規程 第28条) as business operations: a person records their own,
// an admin imports the e-learning system's CSV. Each writes its rows and its entry in
// the hash-chained decision log in one transaction; the same completion (person,
// course, day) is never recorded twice.
import crypto from "node:crypto";
import { isAdmin } from "../directory/roles.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import type { Services } from "../platform/services.js";
import { completionPersonId, type CsvCompletion, type Day } from "./rules.js";
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
  return s.database.prisma.$transaction(
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
      return { ok: true, recorded: created.length, already };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
