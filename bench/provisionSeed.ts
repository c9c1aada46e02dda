// The provision records of issue 14's scale target (100,000), seeded with set-based SQL for
// the register, retention and records benches. The schema keeps one Art.29 record per
// approval (ProvisionRecord, its form fixed by the first provision: 施行規則 第19条) and one
// row per provision logged against it (ProvisionEntry): "100,000 provision records" are
// 100,000 logged provisions spread over the approvals, with their records kept up to date
// (count, first and last day, keep-until per 第21条), as logProvision leaves them.
//
//   approvals (i = 1..n, effective third-party provisions, PRV-2025-000001…), by i % 10:
//     0-3 combined record (第19条2項ただし書), consent       kept 3 years from the last provision
//     4-6 one record per provision (2項本文), consent       kept 3 years (from the last record made)
//     7   the contract as the record (3項), consent         kept 1 year from the last provision
//     8   one record per provision, opt-out                 kept 3 years
//     9   an Art.27(1) exception: no record, the provisions logged and marked 記録不要
//   approval 1 is the one with many provisions (`big` of them); the rest are spread evenly.
//   Every fifth approval provided only in 2023, so its record's retention has ended by 2027
//   (and the contract form's year after 2025-04); the others from 2024 to September 2026.
//   One record in a hundred is excluded from disclosure (施行令 第11条).
import type { Database } from "../src/platform/db.js";

export interface ProvisionSeed {
  approvals: number;
  provisions: number;
  /** provisions logged against approval 1 */
  big: number;
  /** requesters are U1..U<owners> */
  owners: number;
  /** departments d1..d<departments> (created elsewhere, or not: no foreign key) */
  departments: number;
}

export const provisionCode = (i: number) => `PRV-2025-${String(i).padStart(6, "0")}`;

export function provisionScale(quick: boolean): Pick<ProvisionSeed, "approvals" | "provisions" | "big"> {
  return quick ? { approvals: 1_000, provisions: 10_000, big: 1_000 } : { approvals: 10_000, provisions: 100_000, big: 5_000 };
}

export async function seedProvisions(db: Database, o: ProvisionSeed): Promise<void> {
  const rest = o.provisions - o.big;
  await db.exec(`
    INSERT INTO "Request"(id, code, kind, "departmentId", "requesterId", status, version, rev, title, "channelId", "messageTs", "createdAt", "updatedAt", "approvedAt", "effectiveAt")
      SELECT 'p' || i, 'PRV-2025-' || lpad(i::text, 6, '0'), 'provide', 'd' || (1 + i % ${o.departments}), 'U' || (1 + i % ${o.owners}), 'effective', 1, 5,
             '第三者提供 ' || i, 'C0APPROVALS', '1750000000.' || lpad(i::text, 6, '0'),
             TIMESTAMP '2022-12-01 00:00:00', TIMESTAMP '2022-12-05 00:00:00', TIMESTAMP '2022-12-05 00:00:00', TIMESTAMP '2022-12-05 00:00:00'
      FROM generate_series(1, ${o.approvals}) i;
    INSERT INTO "RequestVersion"("requestId", version, data, "createdAt", "createdBy")
      SELECT 'p' || i, 1,
             jsonb_build_object('recipientName', '提供先 ' || (i % 500), 'dataItems', '氏名、住所、購入履歴', 'destination', 'domestic',
                                'legalBasis', CASE WHEN i % 10 = 9 THEN 'exception' WHEN i % 10 = 8 THEN 'optout' ELSE 'consent' END,
                                'exception', CASE WHEN i % 10 = 9 THEN 'law' ELSE NULL END),
             TIMESTAMP '2022-12-01 00:00:00', 'U' || (1 + i % ${o.owners})
      FROM generate_series(1, ${o.approvals}) i;
    INSERT INTO "ProvisionRecord"(id, "requestId", recipient, "dataSubjects", items, basis, "consentOrProvisionDate", "createdAt", "retainUntil",
                                  form, "recordBasis", "contractRef", "disclosureExclusion")
      SELECT 'pr' || i, 'p' || i, '提供先 ' || (i % 500), '当社の顧客（会員番号で特定）', '氏名、住所、購入履歴',
             CASE WHEN i % 10 = 8 THEN 'optout' ELSE 'consent' END, TIMESTAMP '2022-12-05 00:00:00', TIMESTAMP '2022-12-05 00:00:00', TIMESTAMP '2099-01-01 00:00:00',
             CASE WHEN i % 10 < 4 THEN 'combined' WHEN i % 10 = 7 THEN 'contract' ELSE 'per_provision' END,
             CASE WHEN i % 10 = 8 THEN 'optout' ELSE 'consent' END,
             CASE WHEN i % 10 = 7 THEN '契約書 第' || i || '号' ELSE NULL END,
             CASE WHEN i % 100 = 42 THEN 'item1' ELSE NULL END
      FROM generate_series(1, ${o.approvals}) i WHERE i % 10 <> 9;
    -- approval 1: many provisions, one a day back from September 2026
    INSERT INTO "ProvisionEntry"(id, "requestId", "recordId", "providedOn", "subjectsRef", exemption, "loggedBy", "loggedAt", "submissionKey")
      SELECT gen_random_uuid()::text, 'p1', 'pr1', DATE '2026-09-30' - (k % 1000), '会員番号の一覧 batch-' || k, NULL, 'U2', TIMESTAMP '2026-10-01 00:00:00' + k * INTERVAL '1 second', 'bench:big:' || k
      FROM generate_series(1, ${o.big}) k;
    -- the rest, spread over approvals 2..n
    INSERT INTO "ProvisionEntry"(id, "requestId", "recordId", "providedOn", "subjectsRef", exemption, "loggedBy", "loggedAt", "submissionKey")
      SELECT gen_random_uuid()::text, 'p' || a, CASE WHEN a % 10 = 9 THEN NULL ELSE 'pr' || a END,
             CASE WHEN a % 5 = 0 THEN DATE '2023-01-04' + (k % 300) ELSE DATE '2024-01-04' + (k * 7 % 1000) END,
             '会員番号の一覧 batch-' || k, CASE WHEN a % 10 = 9 THEN 'art27_1_1' ELSE NULL END,
             'U' || (1 + a % ${o.owners}), TIMESTAMP '2024-01-04 00:00:00' + k * INTERVAL '1 second', 'bench:' || k
      FROM (SELECT k, 2 + (k % ${Math.max(1, o.approvals - 1)}) AS a FROM generate_series(1, ${rest}) k) s;
    -- each record as logProvision leaves it: count, first and last day, keep-until (第21条: a
    -- contract one year from the last provision, otherwise three; to the end of that day in Tokyo)
    UPDATE "ProvisionRecord" r
       SET provisions = a.n, "firstProvidedOn" = a.first, "lastProvidedOn" = a.last,
           "retainUntil" = a.last + CASE WHEN r.form = 'contract' THEN INTERVAL '1 year' ELSE INTERVAL '3 years' END + INTERVAL '15 hours'
      FROM (SELECT "recordId", count(*)::int AS n, min("providedOn") AS first, max("providedOn") AS last
              FROM "ProvisionEntry" WHERE "recordId" IS NOT NULL GROUP BY "recordId") a
     WHERE a."recordId" = r.id;
    ANALYZE "Request"; ANALYZE "RequestVersion"; ANALYZE "ProvisionRecord"; ANALYZE "ProvisionEntry";
  `);
}
