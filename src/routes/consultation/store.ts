// Queries of the consultation route (no Slack, no business decisions).
import type { Db, Tx } from "../../platform/db.js";
import type { Answer, Mode, RoundAnswer, RoundRule } from "./rules.js";

type Q = Db | Tx;

export interface StoredRule extends RoundRule {
  condition: string;
  addedBy: string | null;
}

export interface StoredAnswer extends RoundAnswer {
  reason: string | null;
  answeredAt: Date | null;
}

export interface Round {
  requestId: string;
  version: number;
  statusTs: string | null;
  rules: StoredRule[];
  answers: StoredAnswer[];
}

/** The round of consultation on one version of a request; null when there is none. */
export async function loadRound(q: Q, requestId: string, version: number): Promise<Round | null> {
  const round = await q.requestConsultRound.findUnique({ where: { requestId_version: { requestId, version } } });
  if (!round) return null;
  const rules = await q.requestConsultRule.findMany({ where: { requestId, version }, orderBy: { createdAt: "asc" } });
  const answers = await q.requestConsultAnswer.findMany({ where: { requestId, version }, orderBy: { createdAt: "asc" } });
  return {
    requestId,
    version,
    statusTs: round.statusTs,
    rules: rules
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.ruleId.localeCompare(b.ruleId))
      .map((r) => ({ ruleId: r.ruleId, condition: r.condition, mode: r.mode as Mode, reviewers: r.reviewers, addedBy: r.addedBy })),
    answers: answers.map((a) => ({ reviewerId: a.reviewerId, answer: a.answer as Answer | null, reason: a.reason, answeredAt: a.answeredAt })),
  };
}

/** The Slack ids of the people holding each role (roles as stored on Person). */
export async function roleHolders(q: Q, roles: readonly string[]): Promise<Map<string, string[]>> {
  const people = roles.length
    ? await q.person.findMany({ where: { roles: { hasSome: [...roles] } }, select: { slackId: true, roles: true }, orderBy: { slackId: "asc" } })
    : [];
  return new Map(roles.map((r) => [r, people.filter((p) => p.roles.includes(r)).map((p) => p.slackId)]));
}

export async function personExists(q: Q, slackId: string): Promise<boolean> {
  return (await q.person.count({ where: { slackId } })) > 0;
}

/** Requests at the final-approval stage whose current version waits for this person's consultation answer (Home, lists). */
export async function awaitingAnswerOf(q: Q, slackId: string, take = 50) {
  const rows = await q.$queryRaw<
    {
      id: string;
      code: string;
      kind: string;
      status: string;
      title: string;
      channelId: string | null;
      messageTs: string | null;
      requesterId: string;
      stageSince: Date | null;
      approvedAt: Date | null;
      createdAt: Date;
    }[]
  >`SELECT r.id, r.code, r.kind, r.status, r.title, r."channelId", r."messageTs", r."requesterId", r."stageSince", r."approvedAt", r."createdAt"
      FROM "RequestConsultAnswer" a JOIN "Request" r ON r.id = a."requestId" AND r.version = a.version
     WHERE a."reviewerId" = ${slackId} AND a.answer IS NULL AND r.status = 'pending_chief'
     ORDER BY r."createdAt" ASC LIMIT ${take}`;
  return rows;
}
