// Business operations of delegation: set and end an absence, the approvers of a request with
// the delegates of absent ones (called by src/requests at the decision point), and the absent
// person's comment on a decision taken for them (後閲). Each change, its audit entry and its
// Slack messages in one transaction.
import { getPerson, langOf } from "../../directory/store.js";
import { appendAudit } from "../../platform/audit/chain.js";
import { addDays, dayIn, momentAt, type Day } from "../../platform/day.js";
import { transact, type Db, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { sealOf } from "../../platform/pii/index.js";
import { refusalLog } from "../../platform/refusals.js";
import type { Services } from "../../platform/services.js";
import { directMessage, homeRefresh, mention, ref, threadPost } from "../../platform/slack/calls.js";
import type { Approvers } from "../../requests/workflow.js";
import { delegationMessages } from "./messages.js";
import { checkAbsence, withStandIns, type AbsenceProblem, type RoutedApprovers } from "./rules.js";
import { absenceOf, activeAbsences } from "./store.js";

/** Whether the company lets delegates decide (routes.delegation.enabled; a company extension). */
export const delegationOn = (s: Services): boolean => s.settings?.routes.delegation.enabled ?? true;

/** The later of two moments: an absence ended now, or never begun when it was still to come. */
const later = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);

export const logDelegationRefusal = refusalLog("delegation.refused");

/**
 * The approvers of a request now, with the delegates of the absent ones (代理承認), none for
 * an absent requester. The requests feature calls this where it decides who may decide; with
 * delegation turned off it is the directory's approvers unchanged.
 */
export async function routedApprovers(tx: Db | Tx, s: Services, base: Approvers, requesterId?: string): Promise<RoutedApprovers> {
  if (!delegationOn(s)) return withStandIns(base, []);
  return withStandIns(base, await activeAbsences(tx, s.clock.now()), requesterId);
}

export type AwayResult = { ok: true; id: string; from: Day; to: Day; delegateId: string } | { ok: false; problem: AbsenceProblem };

/** Sets `actorId`'s absence from `from` to `to` with `delegateId` in their place; replaces one set before. */
export async function setAbsence(s: Services, input: { actorId: string; from: Day; to: Day; delegateId: string }): Promise<AwayResult> {
  const now = s.clock.now();
  const result = await transact(s.database.prisma, async (tx): Promise<AwayResult> => {
    // one absence a person: two forms submitted at once are taken one after the other (the person's row lock)
    await tx.$queryRaw`SELECT 1 FROM "Person" WHERE "slackId" = ${input.actorId} FOR UPDATE`;
    const absent = await getPerson(tx, input.actorId);
    const delegate = await getPerson(tx, input.delegateId);
    const problem = checkAbsence({
      enabled: delegationOn(s),
      absent: absent ?? { slackId: input.actorId, roles: [] },
      delegate,
      from: input.from,
      to: input.to,
      today: dayIn(now, s.timeZone),
    });
    if (problem) return { ok: false, problem };
    // one absence a person: the earlier one ends now (or never starts)
    const earlier = await tx.delegation.findMany({ where: { absentId: input.actorId, endsAt: { gt: now } } });
    for (const e of earlier) await tx.delegation.update({ where: { id: e.id }, data: { endsAt: later(e.startsAt, now) } });
    const startsAt = momentAt(input.from, "00:00", s.timeZone);
    const d = await tx.delegation.create({
      data: {
        absentId: input.actorId,
        delegateId: input.delegateId,
        fromDay: input.from,
        toDay: input.to,
        startsAt,
        endsAt: momentAt(addDays(input.to, 1), "00:00", s.timeZone),
        createdAt: now,
        createdBy: input.actorId,
      },
    });
    const l = await langOf(tx, input.delegateId);
    const text = delegationMessages(l).told.delegate(mention(input.actorId), input.from, input.to);
    await s.outbox.enqueue(tx, [directMessage(input.delegateId, { text }), homeRefresh(input.actorId), homeRefresh(input.delegateId)]);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "delegation.set",
      subject: `person:${input.actorId}`,
      data: {
        delegateId: input.delegateId,
        from: input.from,
        to: input.to,
        replaced: earlier.map((e) => e.id),
        extension: "company (規程 第3条・第20条 name no delegates)",
      },
    });
    return { ok: true, id: d.id, from: input.from, to: input.to, delegateId: input.delegateId };
  });
  if (!result.ok) await logDelegationRefusal(s, input.actorId, `person:${input.actorId}`, "away", result.problem);
  s.outbox.kick();
  return result;
}

/** Ends `actorId`'s absence now (or cancels one still to come). */
export async function endAbsence(s: Services, actorId: string): Promise<{ ended: boolean }> {
  const now = s.clock.now();
  const r = await transact(s.database.prisma, async (tx) => {
    const d = await absenceOf(tx, actorId, now);
    if (!d) return { ended: false };
    await tx.delegation.update({ where: { id: d.id }, data: { endsAt: later(d.startsAt, now) } });
    await s.outbox.enqueue(tx, [homeRefresh(actorId), homeRefresh(d.delegateId)]);
    await appendAudit(tx, { at: now, actorId, action: "delegation.ended", subject: `person:${actorId}`, data: { delegation: d.id, delegateId: d.delegateId } });
    return { ended: true };
  });
  s.outbox.kick();
  return r;
}

export type CommentResult = { ok: true; code: string } | { ok: false; problem: "not_found" | "not_for_you" };

/** 後閲: the absent person comments on a decision taken for them; posted in the request's thread and logged. */
export async function reviewComment(s: Services, input: { actorId: string; requestId: string; delegationId: string; comment: string }): Promise<CommentResult> {
  const now = s.clock.now();
  const result = await transact(s.database.prisma, async (tx): Promise<CommentResult> => {
    const d = await tx.delegation.findUnique({ where: { id: input.delegationId } });
    const r = await tx.request.findUnique({ where: { id: input.requestId }, select: { id: true, code: true, version: true, channelId: true } });
    if (!d || !r) return { ok: false, problem: "not_found" };
    if (d.absentId !== input.actorId) return { ok: false, problem: "not_for_you" };
    const decided = await tx.requestEvent.findFirst({ where: { requestId: r.id, onBehalfOf: input.actorId, at: { gte: d.startsAt, lt: d.endsAt } } });
    if (!decided) return { ok: false, problem: "not_found" };
    await tx.requestEvent.create({
      data: { requestId: r.id, at: now, actorId: input.actorId, action: "review_comment", reason: input.comment, version: r.version },
    });
    const calls: OutgoingCall[] = [
      threadPost(`request:${r.id}`, r.channelId, ref("requestTs", r.id), {
        text: delegationMessages(CHANNEL_LANG).review.thread(mention(input.actorId), mention(decided.actorId), input.comment),
      }),
    ];
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "delegation.review_comment",
      subject: `request:${r.code}`,
      data: { delegation: d.id, delegateId: decided.actorId, comment: sealOf(s)(input.comment) },
    });
    return { ok: true, code: r.code };
  });
  if (!result.ok) await logDelegationRefusal(s, input.actorId, `request:${input.requestId}`, "review_comment", result.problem);
  s.outbox.kick();
  return result;
}
