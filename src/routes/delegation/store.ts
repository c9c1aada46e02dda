// Queries of delegation (no Slack, no business decisions).
import type { Db, Tx } from "../../platform/db.js";
import type { Absence } from "./rules.js";

type Q = Db | Tx;

/** The absences in force at `now`: who stands in for whom. */
export async function activeAbsences(q: Q, now: Date): Promise<Absence[]> {
  return q.delegation.findMany({
    where: { startsAt: { lte: now }, endsAt: { gt: now } },
    select: { absentId: true, delegateId: true },
    orderBy: { createdAt: "asc" },
  });
}

/** A person's absence in force or still to come (the latest set), if any. */
export async function absenceOf(q: Q, absentId: string, now: Date) {
  return q.delegation.findFirst({ where: { absentId, endsAt: { gt: now } }, orderBy: { createdAt: "desc" } });
}

/** The absences in force or to come in which `delegateId` stands in. */
export async function standingInOf(q: Q, delegateId: string, now: Date) {
  return q.delegation.findMany({ where: { delegateId, endsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 10 });
}

/** The decisions taken for `absentId` by a delegate within [from, to). */
export async function decisionsFor(q: Q, absentId: string, from: Date, to: Date) {
  return q.requestEvent.findMany({
    where: { onBehalfOf: absentId, at: { gte: from, lt: to } },
    orderBy: { id: "asc" },
    select: { requestId: true, actorId: true, action: true, at: true, request: { select: { code: true, channelId: true, messageTs: true } } },
  });
}
