// Queries of the annual audit and plan calendar. No decisions, no writes.
import { holds, ROLE } from "../directory/roles.js";
import type { Db, Tx } from "../platform/db.js";
import { dateDay } from "../platform/day.js";
import { countReviewDue } from "../register/store.js";
import type { DutyKind } from "./rules.js";

type Q = Db | Tx;

/** A duty as the feature reads it (dates as YYYY-MM-DD). */
export interface DutyRow {
  id: string;
  fiscalYear: number;
  kind: DutyKind;
  dueOn: string;
  ownerRole: string;
  closedOn: string | null;
  closedBy: string | null;
  closedAt: Date | null;
  documentUrl: string | null;
  note: string | null;
}

export interface YearRow {
  fiscalYear: number;
  startsOn: string;
  endsOn: string;
  channelId: string | null;
  messageTs: string | null;
}

type Stored = {
  id: string;
  fiscalYear: number;
  kind: string;
  dueOn: Date;
  ownerRole: string;
  closedOn: Date | null;
  closedBy: string | null;
  closedAt: Date | null;
  documentUrl: string | null;
  note: string | null;
};

export function toDutyRow(r: Stored): DutyRow {
  return {
    id: r.id,
    fiscalYear: r.fiscalYear,
    kind: r.kind as DutyKind,
    dueOn: dateDay(r.dueOn),
    ownerRole: r.ownerRole,
    closedOn: r.closedOn ? dateDay(r.closedOn) : null,
    closedBy: r.closedBy,
    closedAt: r.closedAt,
    documentUrl: r.documentUrl,
    note: r.note,
  };
}

const byDue = (a: DutyRow, b: DutyRow) => a.fiscalYear - b.fiscalYear || a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind);

export async function yearDuties(q: Q, fiscalYear: number): Promise<DutyRow[]> {
  return (await q.dutyOccurrence.findMany({ where: { fiscalYear } })).map(toDutyRow).sort(byDue);
}

/** Every duty not yet done, of any year, by year and due date. */
export async function openDuties(q: Q): Promise<DutyRow[]> {
  return (await q.dutyOccurrence.findMany({ where: { closedOn: null } })).map(toDutyRow).sort(byDue);
}

/** Duties of years before `fiscalYear` still open. */
export async function openBefore(q: Q, fiscalYear: number): Promise<DutyRow[]> {
  return (await q.dutyOccurrence.findMany({ where: { closedOn: null, fiscalYear: { lt: fiscalYear } } })).map(toDutyRow).sort(byDue);
}

export async function findDuty(q: Q, fiscalYear: number, kind: DutyKind): Promise<DutyRow | null> {
  const r = await q.dutyOccurrence.findUnique({ where: { fiscalYear_kind: { fiscalYear, kind } } });
  return r ? toDutyRow(r) : null;
}

export async function getDuty(q: Q, id: string): Promise<DutyRow | null> {
  const r = await q.dutyOccurrence.findUnique({ where: { id } });
  return r ? toDutyRow(r) : null;
}

export async function getYear(q: Q, fiscalYear: number): Promise<YearRow | null> {
  const y = await q.dutyYear.findUnique({ where: { fiscalYear } });
  return y ? { fiscalYear: y.fiscalYear, startsOn: dateDay(y.startsOn), endsOn: dateDay(y.endsOn), channelId: y.channelId, messageTs: y.messageTs } : null;
}

export async function getYears(q: Q, fiscalYears: number[]): Promise<Map<number, YearRow>> {
  const ys = await q.dutyYear.findMany({ where: { fiscalYear: { in: fiscalYears } } });
  return new Map(
    ys.map((y) => [
      y.fiscalYear,
      { fiscalYear: y.fiscalYear, startsOn: dateDay(y.startsOn), endsOn: dateDay(y.endsOn), channelId: y.channelId, messageTs: y.messageTs },
    ]),
  );
}

/** The people holding each owner role (chief, auditor), by Slack id. */
export async function ownersByRole(q: Q): Promise<Map<string, string[]>> {
  const owners = [ROLE.chief, ROLE.auditor];
  const people = await q.person.findMany({ where: { roles: { hasSome: owners } }, select: { slackId: true, roles: true }, orderBy: { slackId: "asc" } });
  const out = new Map<string, string[]>(owners.map((r) => [r, []]));
  for (const p of people) for (const r of owners) if (holds(p, r)) out.get(r)!.push(p.slackId);
  return out;
}

/**
 * The register's entries not reviewed within the year before `today`, of all entries: what
 * the duty 「個人データ管理台帳の見直し」 waits for (its reminder, Home item, digest line, and
 * the check before it is closed). The one place this feature reads the register (a named
 * contract: countReviewDue, src/register/store.ts).
 */
export async function registerReviewState(q: Q, today: string): Promise<{ due: number; total: number }> {
  return countReviewDue(q, today);
}
