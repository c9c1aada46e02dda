// Queries of the training feature. Who must take a course and when it is due are
// worked out in SQL (the latest completion per person and course by GROUP BY, the due
// day by the same rule as rules.ts), so a report over 5,000 people never loads every
// completion row. No decisions, no messages.
import { Prisma } from "../generated/prisma/client.js";
import { MANAGER_PREFIX, ROLE } from "../directory/roles.js";
import type { Db, Tx } from "../platform/db.js";
import type { Course } from "../settings.js";
import { NEVER_DONE_GRACE_DAYS, type Day } from "./rules.js";

type Q = Db | Tx;

/** Overdue names listed per department and course (the rest are counted). */
export const MAX_NAMES = 20;

/** The courses as a VALUES list: (id, audience, months). */
function coursesSql(courses: Course[]): Prisma.Sql {
  return Prisma.join(courses.map((c) => Prisma.sql`(${c.id}::text, ${c.audience}::text, ${c.validityMonths}::int)`));
}

/** A person `p` is in the audience of course `c` (rules.ts inAudience: a manager of any department, a handler). */
const IN_AUDIENCE = Prisma.sql`(c.audience = 'all'
  OR (c.audience = 'manager' AND EXISTS (SELECT 1 FROM unnest(p.roles) r WHERE r = ${ROLE.manager}::text OR r LIKE ${`${MANAGER_PREFIX}%`}::text))
  OR (c.audience = 'handler' AND ${ROLE.handler}::text = ANY(p.roles)))`;

/**
 * `WITH … s(person, name, dept, course, last, due)`: every required (person, course)
 * with the latest completion and the due day. A person the job has not seen yet counts
 * as required from `today`.
 */
function requiredSql(courses: Course[], today: Day, where: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`WITH c(id, audience, months) AS (VALUES ${coursesSql(courses)}),
  l AS (SELECT "personId", "courseId", max("completedOn") AS last FROM "TrainingCompletion" WHERE "passed" IS NOT FALSE GROUP BY "personId", "courseId"),
  s AS (
    SELECT p."slackId" AS person, p.name, p."departmentId" AS dept, c.id AS course, l.last,
      CASE WHEN l.last IS NOT NULL THEN (l.last + make_interval(months => c.months))::date
           ELSE COALESCE(a.since, ${today}::date) + ${NEVER_DONE_GRACE_DAYS}::int END AS due
    FROM "Person" p
    JOIN c ON ${IN_AUDIENCE}
    LEFT JOIN l ON l."personId" = p."slackId" AND l."courseId" = c.id
    LEFT JOIN "TrainingAssignment" a ON a."personId" = p."slackId" AND a."courseId" = c.id
    WHERE ${where}
  )`;
}

export interface PersonCourse {
  person: string;
  course: string;
  /** latest completion, YYYY-MM-DD */
  last: Day | null;
  due: Day;
}

/** The courses a person must take, with their latest completion and due day. */
export async function coursesOf(q: Q, courses: Course[], personId: string, today: Day): Promise<PersonCourse[]> {
  if (courses.length === 0) return [];
  return q.$queryRaw<PersonCourse[]>`${requiredSql(courses, today, Prisma.sql`p."slackId" = ${personId}`)}
    SELECT person, course, to_char(last, 'YYYY-MM-DD') AS last, to_char(due, 'YYYY-MM-DD') AS due FROM s`;
}

/** The latest evaluation (第28条) of each of a person's courses, passed or not. */
export interface Evaluation {
  course: string;
  passed: boolean;
  score: number | null;
  /** the day of the evaluated completion, YYYY-MM-DD */
  on: Day;
}

export async function evaluationsOf(q: Q, personId: string): Promise<Evaluation[]> {
  return q.$queryRaw<Evaluation[]>`SELECT DISTINCT ON ("courseId") "courseId" AS course, passed, score, to_char("completedOn", 'YYYY-MM-DD') AS "on"
    FROM "TrainingCompletion" WHERE "personId" = ${personId} AND passed IS NOT NULL ORDER BY "courseId", "completedOn" DESC`;
}

/** Every required (person, course) due on or before `horizon` (the reminders' candidates). */
export async function dueBy(q: Q, courses: Course[], today: Day, horizon: Day): Promise<PersonCourse[]> {
  if (courses.length === 0) return [];
  return q.$queryRaw<PersonCourse[]>`${requiredSql(courses, today)}
    SELECT person, course, to_char(last, 'YYYY-MM-DD') AS last, to_char(due, 'YYYY-MM-DD') AS due
    FROM s WHERE due <= ${horizon}::date ORDER BY person, course`;
}

export interface DepartmentCourseSummary {
  dept: string | null;
  deptName: string | null;
  course: string;
  /** people who must take it */
  required: number;
  /** of them, with a valid completion today */
  complete: number;
  /** of them, past the due day */
  overdue: number;
  /** the overdue people's names (at most MAX_NAMES, by name) */
  overdueNames: string[];
}

/** Per department and course: required, complete, overdue and who is overdue (aggregate query). `depts` null: all. */
export async function departmentSummary(q: Q, courses: Course[], today: Day, depts: string[] | null): Promise<DepartmentCourseSummary[]> {
  if (courses.length === 0 || (depts && depts.length === 0)) return [];
  const where = depts ? Prisma.sql`p."departmentId" IN (${Prisma.join(depts)})` : Prisma.sql`TRUE`;
  const rows = await q.$queryRaw<DepartmentCourseSummary[]>`${requiredSql(courses, today, where)}
    SELECT s.dept, d.name AS "deptName", s.course,
      count(*)::int AS required,
      (count(*) FILTER (WHERE s.last IS NOT NULL AND s.due >= ${today}::date))::int AS complete,
      (count(*) FILTER (WHERE s.due < ${today}::date))::int AS overdue,
      COALESCE((array_agg(s.name ORDER BY s.name) FILTER (WHERE s.due < ${today}::date))[1:${Prisma.raw(String(MAX_NAMES))}], ARRAY[]::text[]) AS "overdueNames"
    FROM s LEFT JOIN "Department" d ON d.id = s.dept
    GROUP BY s.dept, d.name, s.course
    ORDER BY s.dept NULLS LAST, s.course`;
  return rows;
}

/**
 * Records the day each person was first required to take each course (today, for
 * those new to a course's audience) and forgets the requirements that ended (a role
 * taken away, a person gone), so coming back starts a fresh 30 days.
 */
export async function syncAssignments(tx: Tx, courses: Course[], today: Day): Promise<{ added: number; removed: number }> {
  if (courses.length === 0) return { added: 0, removed: await tx.trainingAssignment.deleteMany({}).then((r) => r.count) };
  const added = await tx.$executeRaw`WITH c(id, audience, months) AS (VALUES ${coursesSql(courses)})
    INSERT INTO "TrainingAssignment" ("personId", "courseId", "since")
    SELECT p."slackId", c.id, ${today}::date FROM "Person" p JOIN c ON ${IN_AUDIENCE}
    ON CONFLICT ("personId", "courseId") DO NOTHING`;
  const removed = await tx.$executeRaw`WITH c(id, audience, months) AS (VALUES ${coursesSql(courses)})
    DELETE FROM "TrainingAssignment" ta WHERE NOT EXISTS (
      SELECT 1 FROM "Person" p JOIN c ON ${IN_AUDIENCE} WHERE p."slackId" = ta."personId" AND c.id = ta."courseId")`;
  return { added, removed };
}
