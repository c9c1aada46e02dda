// Refusals: a press, command or submission that was not allowed changes nothing, but it
// is written to the audit log (who tried what on which record, and why it was refused),
// in a transaction of its own. Each feature names the audit action of its refusals once.
import { appendAudit, type AuditInput } from "./audit/chain.js";
import { transact } from "./db.js";
import type { Services } from "./services.js";

export interface RefusalEntry {
  /** the audit action, e.g. "request.press_refused" */
  action: string;
  actorId: string;
  /** the record, e.g. "request:PRV-2026-0001" */
  subject: string;
  /** what was tried, e.g. "approve" */
  attempted: string;
  /** why it was refused, e.g. "not_manager" */
  refusal: string;
}

/** The audit entry of a refusal, for a flow that writes it in its own transaction. */
export function refusalAudit(at: Date, r: RefusalEntry): AuditInput {
  return { at, actorId: r.actorId, action: r.action, subject: r.subject, data: { attempted: r.attempted, refusal: r.refusal } };
}

/** Writes a refusal to the audit log. */
export async function logRefusal(s: Pick<Services, "database" | "clock">, r: RefusalEntry): Promise<void> {
  await transact(s.database.prisma, (tx) => appendAudit(tx, refusalAudit(s.clock.now(), r)));
}

/** A feature's refusal log, its audit action given once: `log(s, actorId, subject, attempted, refusal)`. */
export function refusalLog(action: string) {
  return (s: Pick<Services, "database" | "clock">, actorId: string, subject: string, attempted: string, refusal: string): Promise<void> =>
    logRefusal(s, { action, actorId, subject, attempted, refusal });
}
