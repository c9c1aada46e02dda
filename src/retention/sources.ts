// Where retention items come from: each source reads its records and says, per record,
// what is kept, by whom, until when. The retention run (jobs.ts) writes them to
// RetentionItem. A new source is one more function in RETENTION_SOURCES returning the same
// shape (the register's entries, whose items are plain columns, are written in SQL instead:
// store.ts syncEntryItems).
import type { Db, Tx } from "../platform/db.js";
import { dateDay, purposeRetentionEnd, type Basis, type Day, type SubjectKind } from "./rules.js";

type Q = Db | Tx;

/**
 * One thing kept until a day, as a source sees it. A source returns what is new and what
 * may have changed (the sync compares); a record it leaves out keeps its item as it is.
 */
export interface RetentionSource {
  subjectKind: SubjectKind;
  /** a code: the request code (PRV-2026-0001), later an entry's code */
  subjectRef: string;
  sourceId: string;
  label: string;
  departmentId: string;
  ownerId: string;
  end: Day | null;
  basis: Basis;
}

export type SourceReader = (q: Q) => Promise<RetentionSource[]>;

/**
 * Effective purpose requests (規程 第4条): their data is kept until the end day the form
 * gives (src/requests/kinds/purpose: retention, retentionEnd, startDate), read from the
 * request's current version in one statement. An effective request no longer changes (a
 * change is a new request), so only those without an item yet are read.
 */
export const purposeSource: SourceReader = async (q) => {
  const rows = await q.$queryRaw<
    {
      id: string;
      code: string;
      title: string;
      departmentId: string;
      requesterId: string;
      retention: string | null;
      retentionEnd: string | null;
      startDate: string | null;
    }[]
  >`SELECT r."id", r."code", r."title", r."departmentId", r."requesterId",
            v."data"->>'retention' AS "retention", v."data"->>'retentionEnd' AS "retentionEnd", v."data"->>'startDate' AS "startDate"
       FROM "Request" r JOIN "RequestVersion" v ON v."requestId" = r."id" AND v."version" = r."version"
      WHERE r."kind" = 'purpose' AND r."status" = 'effective'
        AND NOT EXISTS (SELECT 1 FROM "RetentionItem" i WHERE i."subjectKind" = 'purpose' AND i."subjectRef" = r."code")`;
  return rows.map((r) => {
    const { end, basis } = purposeRetentionEnd(r);
    return { subjectKind: "purpose", subjectRef: r.code, sourceId: r.id, label: r.title, departmentId: r.departmentId, ownerId: r.requesterId, end, basis };
  });
};

/**
 * Processors whose contract has an end day (規程 第15条2項(2)④, seed 000 第4条8項): when it
 * ends, the data the processor holds is returned or erased. The end day is the contract's.
 */
export const processorReturnSource: SourceReader = async (q) => {
  const rows = await q.processor.findMany({
    where: { contractEnd: { not: null } },
    select: { requestId: true, requestCode: true, name: true, departmentId: true, responsibleId: true, contractEnd: true },
  });
  return rows.map((p) => ({
    subjectKind: "processor_return",
    subjectRef: p.requestCode,
    sourceId: p.requestId,
    label: p.name,
    departmentId: p.departmentId,
    ownerId: p.responsibleId,
    end: dateDay(p.contractEnd!),
    basis: "contract_end",
  }));
};

/** Every source of the retention run. */
export const RETENTION_SOURCES: readonly SourceReader[] = [purposeSource, processorReturnSource];
// The register's entries (subjectKind "entry") are a source too, written by one statement
// without passing through the process: store.ts syncEntryItems.
