// The status moves pressed on the parent message (「封じ込め完了」「速報を提出」「確報を提出」)
// and the regulator report draft (/privacy incident report). Like report/flows.ts: one
// transaction holds the change, its audit entry and the Slack messages it causes.
import { appendAudit } from "../../platform/audit/chain.js";
import { keepText, sealOf } from "../../platform/pii/index.js";
import { transact, type Db, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG, formatDateTime } from "../../platform/i18n.js";
import type { Services } from "../../platform/services.js";
import { mayRespond } from "../access.js";
import { homeRefreshes, parentUpdate, threadPost } from "../calls.js";
import { logRefusal, type IncidentRefusal } from "../refusals.js";
import { checklistCall, loadTasks } from "../tasks/flows.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { mention } from "../../platform/slack/calls.js";
import { factsOfRow } from "../intake/facts.js";
import { missingReportItems, regulatorReportMarkdown, type IncidentRecord, type ReportKind } from "../report/regulator.js";
import { statusAfter, type DeadlineOptions, type IncidentStatus } from "../rules.js";
import { incidentStatusMessages, type MoveEvent } from "./messages.js";
import { assessmentOf, lockIncident, type IncidentRow } from "../store.js";

export const MOVE_ACTIONS: Record<MoveEvent, string> = {
  contain: "incident.contained",
  reportPreliminary: "incident.reported_preliminary",
  reportFinal: "incident.reported_final",
};

/** The tasks a move completes (a 確報 filed without a 速報 before it serves as both). */
const MOVE_TASKS: Record<MoveEvent, string[]> = {
  contain: ["containment"],
  reportPreliminary: ["preliminary-report"],
  reportFinal: ["preliminary-report", "final-report"],
};

export type MoveRefusal = IncidentRefusal | "out_of_order";
export type MoveResult =
  | { ok: true; code: string; from: IncidentStatus; to: IncidentStatus }
  | { ok: false; refusal: MoveRefusal; from?: IncidentStatus; to?: IncidentStatus };

/**
 * A status move by the chief, the deputy chief or compliance (rules.ts statusAfter):
 * contain, the 速報 or the 確報 (with when it was submitted and an optional reference).
 * Containment recorded after the 速報 already went out keeps the status (statusAfter);
 * a report that is not the next step (a second 速報, a 速報 after the 確報, anything
 * before triage) is refused as out of order.
 */
export async function moveIncident(
  s: Services,
  input: { incidentId: string; actorId: string; event: MoveEvent; submittedAt?: Date; reference?: string | null },
): Promise<MoveResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<MoveResult> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayRespond, "not_assessor");
    if (!lock.ok) return lock;
    const before = lock.before;
    const from = before.status as IncidentStatus;
    if (from === "closed") return { ok: false, refusal: "closed" };
    const target = ({ contain: "contained", reportPreliminary: "reported_preliminary", reportFinal: "reported_final" } as const)[input.event];
    const to = statusAfter(from, input.event);
    // unchanged is only meaningful for containment finished after a report went out
    if (to === null || (to === from && input.event !== "contain")) return { ok: false, refusal: "out_of_order", from, to: target };
    const now = s.clock.now();
    const submittedAt = input.event === "contain" ? null : (input.submittedAt ?? now);
    // the card marks the report submitted, with its day (blocks.ts deadlineLines)
    const submitted =
      input.event === "reportPreliminary" ? { preliminarySubmittedAt: submittedAt } : input.event === "reportFinal" ? { finalSubmittedAt: submittedAt } : {};
    const after = await tx.incident.update({ where: { id: before.id }, data: { status: to, rev: { increment: 1 }, updatedAt: now, ...submitted } });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: MOVE_ACTIONS[input.event],
      subject: `incident:${before.code}`,
      data: {
        from,
        to,
        ...(submittedAt
          ? {
              submittedAt: submittedAt.toISOString(),
              reference: await keepText(tx, sealOf(s), now, `incident:${before.code}`, "reference", input.reference ?? null),
            }
          : {}),
      },
    });
    // the move completes its tasks (containment, the 速報, the 確報) that are still open
    const open = await tx.incidentTask.findMany({ where: { incidentId: before.id, key: { in: MOVE_TASKS[input.event] }, status: "open" } });
    const completes = open.length > 0;
    for (const task of open) {
      await tx.incidentTask.update({ where: { id: task.id }, data: { status: "done", doneBy: input.actorId, doneAt: now, updatedAt: now } });
      await appendAudit(tx, {
        at: now,
        actorId: input.actorId,
        action: "incident.task_done",
        subject: `incident:${before.code}`,
        data: { task: task.key, from: "open", to: "done", by: input.event },
      });
    }
    const calls: OutgoingCall[] = [];
    if (after.channelId) {
      const t = incidentStatusMessages(CHANNEL_LANG).thread;
      const who = mention(input.actorId);
      const text =
        input.event === "contain"
          ? t.contain(who)
          : t[input.event](who, formatDateTime(submittedAt!, CHANNEL_LANG, s.timeZone), input.reference?.trim() || null);
      calls.push(await parentUpdate(after, s, tx), threadPost(after, text));
      if (completes && after.checklistTs) calls.push(checklistCall(after, await loadTasks(tx, before.id), s, false));
    }
    calls.push(...(await homeRefreshes(tx, after)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, code: before.code, from, to };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, input.event, result.refusal);
  s.outbox.kick();
  return result;
}

/** The words of a status, for a refusal. */

/** What the report needs, from what the incident holds (items not recorded yet are null). */
export function reportRecordOf(i: IncidentRow): IncidentRecord | null {
  const assessment = assessmentOf(i);
  if (!assessment) return null;
  const items = (i.dataItems ?? i.dataDescription ?? "")
    .split(/[\n、,，・]/)
    .map((d) => d.trim())
    .filter(Boolean);
  return {
    code: i.code,
    discoveredAt: i.discoveredAt,
    reportedAt: i.reportedAt,
    summary: i.summary,
    dataItems: items,
    affectedCount: assessment.affectedCount,
    cause: i.cause,
    secondaryHarm: i.secondaryHarm,
    responseToPeople: i.responseToPeople,
    publication: i.publication,
    recurrencePrevention: i.recurrencePrevention,
    other: i.otherMatters,
    assessment,
    facts: factsOfRow(i),
  };
}

export interface ReportDraft {
  filename: string;
  markdown: string;
  /** the items a final report still lacks (always empty for a preliminary one) */
  missing: ReturnType<typeof missingReportItems>;
}

/** The regulator report draft of an assessed incident, in Japanese (the PPC's language). */
export function reportDraft(i: IncidentRow, kind: ReportKind, opts: DeadlineOptions & { timeZone: string }, to: string | null = null): ReportDraft | null {
  const record = reportRecordOf(i);
  if (!record) return null;
  return {
    filename: `${i.code}-${kind}-draft.md`,
    markdown: regulatorReportMarkdown(record, kind, "ja", opts, to),
    missing: kind === "final" ? missingReportItems(record) : [],
  };
}

/** The draft goes on the incident's timeline. */
export async function recordReportDrafted(
  db: Db,
  at: Date,
  actorId: string,
  i: IncidentRow,
  kind: ReportKind | "secrecy-first" | "secrecy-detailed",
  draft: Pick<ReportDraft, "filename" | "missing"> | { filename: string; missing: string[] },
  postedTo: string,
): Promise<void> {
  await transact(db, (tx) =>
    appendAudit(tx, {
      at,
      actorId,
      action: "incident.report_drafted",
      subject: `incident:${i.code}`,
      data: { kind, filename: draft.filename, missing: draft.missing, postedTo },
    }),
  );
}
