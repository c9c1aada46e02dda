// Delegation's section of the compliance digest: the absences of the period, each with its
// delegate and the number of decisions taken as delegate (a company extension of the rule).
import type { DigestProvider } from "../../platform/digest.js";
import { mention } from "../../platform/slack/calls.js";
import { delegationMessages } from "./messages.js";

const LIST = 20;

export const delegationDigest: DigestProvider = async (ctx) => {
  const db = ctx.services.database.prisma;
  const m = delegationMessages(ctx.lang).digest;
  const absences = await db.delegation.findMany({
    where: { startsAt: { lt: ctx.to }, endsAt: { gt: ctx.from } },
    orderBy: { startsAt: "asc" },
    take: LIST,
  });
  const real = absences.filter((d) => d.endsAt > d.startsAt);
  if (real.length === 0) return null;
  const lines: string[] = [];
  for (const d of real) {
    const n = await db.requestEvent.count({ where: { onBehalfOf: d.absentId, at: { gte: d.startsAt, lt: d.endsAt } } });
    lines.push(`• ${m.line(mention(d.absentId), mention(d.delegateId), d.fromDay, d.toDay, n)}`);
  }
  return { order: 15, title: m.title, lines };
};
