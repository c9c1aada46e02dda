// Slack handlers of circulation (回覧): 確認しました in the DM, 回覧に追加 in the thread and its
// modal. Parse, call the flows, render.
import { z } from "zod";
import type { Lang } from "../../platform/i18n.js";
import { json, link, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../../platform/slack/handlers.js";
import { addModal, readCirculateTo } from "./blocks.js";
import { addCirculation, markSeen, type AddResult } from "./flows.js";
import { CirculateBlock, CirculationActions, CirculationViews, type AddValue, type SeenValue } from "./ids.js";
import { circulationMessages } from "./messages.js";
import { mentions } from "../../platform/slack/calls.js";
import { MAX_ADDED } from "./rules.js";

export async function pressSeen(c: PressContext<SeenValue>): Promise<void> {
  const { s, actor, value, body } = c;
  const channel = body.container?.channel_id ?? body.channel?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  const r = await markSeen(s, { actorId: actor.slackId, id: value.id, dm: channel && ts ? { channel, ts } : undefined });
  if (!r.ok) {
    const m = circulationMessages(actor.lang);
    await c.tell(r.problem === "already" ? m.already : r.problem === "not_yours" ? m.notYours : m.notFound);
  }
}

export async function openAdd(c: PressContext<AddValue>): Promise<void> {
  const { s, actor, value } = c;
  const m = circulationMessages(actor.lang);
  const r = await s.database.prisma.request.findUnique({ where: { id: value.requestId }, select: { id: true, code: true, requesterId: true } });
  if (!r) return void (await c.tell(m.notFound));
  if (r.requesterId !== actor.slackId) return void (await c.tell(m.onlyRequester));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: addModal(actor.lang, r.id, r.code) });
}

export function addProblemText(lang: Lang, r: Extract<AddResult, { ok: false }>): string {
  const m = circulationMessages(lang);
  switch (r.problem) {
    case "only_requester":
      return m.onlyRequester;
    case "unknown":
      return m.unknownPeople(mentions(r.who ?? []));
    case "too_many":
      return m.tooMany(MAX_ADDED);
    case "nobody_new":
      return m.nobodyNew;
    default:
      return m.notFound;
  }
}

export async function submitAdd(c: SubmitContext<AddValue>): Promise<void> {
  const people = readCirculateTo(c.view.state.values);
  const r = await addCirculation(c.s, { actorId: c.actor.slackId, requestId: c.meta.requestId, people });
  if (!r.ok) return c.fail(addProblemText(c.lang, r), CirculateBlock.block);
  await c.ack();
}

const seenValue = json(z.object({ id: z.string().min(1) }));
const addValue = json(z.object({ requestId: z.string().min(1) }));
const notFound = ({ lang }: { lang: Lang }) => circulationMessages(lang).notFound;

/** Every button and modal of circulation. */
export const circulationHandlers: readonly HandlerDef[] = [
  press(CirculationActions.seen, { value: seenValue, patient: true, invalid: notFound }, pressSeen),
  press(CirculationActions.add, { value: addValue, invalid: notFound }, openAdd),
  link(CirculationActions.openLink),
  submit(CirculationViews.add, { meta: addValue, block: CirculateBlock.block, invalid: (lang) => circulationMessages(lang).notFound }, submitAdd),
];
