// Slack handlers of the annual audit and plan calendar: "Record as done" on the year's
// message opens the closing modal; the modal's submission records the duty (field
// errors in the modal when something is wrong). Also the outbox hooks of the feature.
import { z } from "zod";
import type { Services } from "../platform/services.js";
import { json, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { checkedBy, readModal, type ModalValues } from "../platform/slack/modal.js";
import type { Lang } from "../platform/i18n.js";
import { doneModal, refusalText } from "./blocks.js";
import { calendarOf, checkClosable, closeDuty, registerDutyOutbox, todayOf } from "./flows.js";
import { DoneBlocks, DutyActions, DutyViews, type DoneMeta } from "./ids.js";
import { dutyMessages } from "./messages.js";
import { checkDone, type DoneProblem } from "./rules.js";
import { getDuty } from "./store.js";

export function registerDuties(s: Services): void {
  registerDutyOutbox(s);
}

/** The closing modal's fields (block id = action id), checked by the rules' checkDone. */
function doneForm(lang: Lang, today: string) {
  const m = dutyMessages(lang);
  const input = z.object({ closedOn: z.string().default(""), documentUrl: z.string().default(""), note: z.string().default("") });
  return {
    lang,
    fields: {
      closedOn: { block: DoneBlocks.date, action: DoneBlocks.date, read: "date" },
      documentUrl: { block: DoneBlocks.link, action: DoneBlocks.link, read: "text" },
      note: { block: DoneBlocks.note, action: DoneBlocks.note, read: "text" },
    },
    schema: checkedBy(
      input,
      (i) => {
        const r = checkDone(i, today);
        return r.ok ? { ok: true as const, value: r } : r;
      },
      (p: DoneProblem) => m.problem[p],
    ),
  } as const;
}

/** "Record as done": the closing modal, once the presser may close the duty. */
export async function openDone(c: PressContext<string>): Promise<void> {
  const { s, actor, tell } = c;
  const d = await getDuty(s.database.prisma, c.value);
  if (!d) return void (await tell(dutyMessages(actor.lang).notFound));
  const check = await checkClosable(s, actor.slackId, d, actor.roles);
  if (!check.ok) return void (await tell(refusalText(check.refusal, d, actor.lang, check.unreviewed)));
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: doneModal(calendarOf(s), d, todayOf(s).today, actor.lang) });
}

export async function recordDone(c: SubmitContext<DoneMeta>): Promise<void> {
  const { s, actor, lang } = c;
  const checked = readModal(c.view.state.values as ModalValues, doneForm(lang, todayOf(s).today));
  if (!checked.ok) return c.ack({ response_action: "errors", errors: checked.errors });
  const { closedOn, documentUrl, note } = checked.data;
  const r = await closeDuty(s, { id: c.meta.id, actorId: actor.slackId, closedOn, documentUrl, note });
  if (!r.ok) return c.fail(refusalText(r.refusal, r.duty, lang, r.unreviewed));
  await c.ack();
  s.log.info("duty closed", { duty: `${r.duty.fiscalYear}:${r.duty.kind}`, by: actor.slackId, duplicate: r.duplicate });
}

export const dutyHandlers: readonly HandlerDef[] = [
  press(DutyActions.close, { value: z.string().min(1), invalid: ({ lang }) => dutyMessages(lang).notFound }, openDone),
  submit(DutyViews.done, { meta: json(z.object({ id: z.string() })), block: DoneBlocks.date, invalid: (lang) => dutyMessages(lang).notFound }, recordDone),
];
