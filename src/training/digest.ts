// The training section of the compliance digest: per department and course, the
// completion percent (valid completions / people required), and the overdue people by
// name, for that department's 個人情報管理者. One aggregate query (GROUP BY department
// and course); no completion rows are loaded.
import type { DigestProvider } from "../platform/digest.js";
import { departmentStatus } from "./blocks.js";
import { trainingMessages } from "./messages.js";
import { departmentSummary } from "./store.js";

export const trainingDigest: DigestProvider = async (ctx) => {
  const courses = ctx.settings.training.courses;
  const today = ctx.calendar.day(ctx.now);
  const rows = await departmentSummary(ctx.services.database.prisma, courses, today, null);
  const depts = departmentStatus(rows, courses, ctx.lang).filter((d) => d.lines.length > 0);
  if (depts.length === 0) return null;
  return {
    order: 30,
    title: trainingMessages(ctx.lang).digest.title,
    lines: depts.flatMap((d) => [`*${d.title}*`, ...d.lines]),
  };
};
