// Slack handlers of delegation: the absence form (from /privacy away and the Home button),
// ending an absence, and the 後閲 comment. Parse, call the flows, render.
import { z } from "zod";
import { dayIn } from "../../platform/day.js";
import type { Lang } from "../../platform/i18n.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { maxText, readModal } from "../../platform/slack/modal.js";
import { awayModal, commentModal } from "./blocks.js";
import { delegationOn, endAbsence, reviewComment, setAbsence } from "./flows.js";
import { AwayBlocks, CommentBlock, DelegationActions, DelegationViews, type ReviewValue } from "./ids.js";
import { delegationMessages } from "./messages.js";
import { maySetAbsence, type AbsenceProblem } from "./rules.js";

/** The block of the absence form where each problem is shown. */
const PROBLEM_BLOCK: Record<AbsenceProblem, string> = {
  off: AwayBlocks.from.block,
  not_allowed: AwayBlocks.from.block,
  self: AwayBlocks.delegate.block,
  unknown_delegate: AwayBlocks.delegate.block,
  audit_lead: AwayBlocks.delegate.block,
  dates: AwayBlocks.to.block,
  past: AwayBlocks.to.block,
};

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const awayForm = (lang: Lang) =>
  ({
    fields: {
      from: { block: AwayBlocks.from.block, action: AwayBlocks.from.action, read: "date" },
      to: { block: AwayBlocks.to.block, action: AwayBlocks.to.action, read: "date" },
      delegate: { block: AwayBlocks.delegate.block, action: AwayBlocks.delegate.action, read: "user" },
    },
    schema: z.object({
      from: DAY,
      to: DAY,
      delegate: z.string().regex(/^[UW][A-Z0-9]{2,}$/, delegationMessages(lang).problem.unknown_delegate),
    }),
    lang,
  }) as const;

/** The Home button: the absence form, for a manager or the chief. */
export async function openAway(c: PressContext<string>): Promise<void> {
  const { s, actor } = c;
  const m = delegationMessages(actor.lang);
  if (!delegationOn(s)) return void (await c.tell(m.problem.off));
  if (!maySetAbsence(actor)) return void (await c.tell(m.problem.not_allowed));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: awayModal(actor.lang, dayIn(s.clock.now(), s.timeZone)) });
}

export async function endAway(c: PressContext<string>): Promise<void> {
  const r = await endAbsence(c.s, c.actor.slackId);
  const m = delegationMessages(c.actor.lang);
  await c.tell(r.ended ? m.ended : m.noneToEnd);
}

export async function submitAway(c: SubmitContext<undefined>): Promise<void> {
  const { s, actor, lang } = c;
  const form = readModal(c.view.state.values, awayForm(lang));
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const r = await setAbsence(s, { actorId: actor.slackId, from: form.data.from, to: form.data.to, delegateId: form.data.delegate });
  if (!r.ok) return c.fail(delegationMessages(lang).problem[r.problem], PROBLEM_BLOCK[r.problem]);
  await c.ack();
}

/** 後閲: the comment button on the DM. */
export async function openComment(c: PressContext<ReviewValue>): Promise<void> {
  const { s, actor, value } = c;
  const m = delegationMessages(actor.lang);
  const d = await s.database.prisma.delegation.findUnique({ where: { id: value.delegationId } });
  if (!d) return void (await c.tell(m.notFound));
  if (d.absentId !== actor.slackId) return void (await c.tell(m.review.notFor));
  const r = await s.database.prisma.request.findUnique({ where: { id: value.requestId }, select: { code: true } });
  if (!r) return void (await c.tell(m.notFound));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: commentModal(actor.lang, value, r.code) });
}

const commentForm = (lang: Lang) =>
  ({
    fields: { comment: { block: CommentBlock.block, action: CommentBlock.action, read: "text" } },
    schema: z.object({ comment: maxText(2000, lang).optional() }),
    lang,
  }) as const;

export async function submitComment(c: SubmitContext<ReviewValue>): Promise<void> {
  const { s, actor, lang, meta } = c;
  const m = delegationMessages(lang);
  const form = readModal(c.view.state.values, commentForm(lang));
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const comment = form.data.comment?.trim() ?? "";
  if (!comment) return c.fail(m.review.required, CommentBlock.block);
  const r = await reviewComment(s, { actorId: actor.slackId, requestId: meta.requestId, delegationId: meta.delegationId, comment });
  if (!r.ok) return c.fail(r.problem === "not_for_you" ? m.review.notFor : m.notFound, CommentBlock.block);
  await c.ack();
}

const reviewValue = json(z.object({ requestId: z.string().min(1), delegationId: z.string().min(1) }));
const notFound = ({ lang }: { lang: Lang }) => delegationMessages(lang).notFound;

/** Every button and modal of delegation. */
export const delegationHandlers: readonly HandlerDef[] = [
  press(DelegationActions.openAway, { value: z.string() }, openAway),
  press(DelegationActions.endAway, { value: z.string(), patient: true }, endAway),
  press(DelegationActions.reviewComment, { value: reviewValue, invalid: notFound }, openComment),
  submit(DelegationViews.away, { block: AwayBlocks.from.block }, submitAway),
  submit(DelegationViews.comment, { meta: reviewValue, block: CommentBlock.block, invalid: (lang) => delegationMessages(lang).notFound }, submitComment),
];
