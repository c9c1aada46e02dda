// Slack handlers of the annual audit and plan calendar: "Record as done" on the year's
// message opens the closing modal; the modal's submission records the duty (field
// errors in the modal when something is wrong). Also the outbox hooks of the feature.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { doneModal, refusalText } from "./blocks.js";
import { calendarOf, checkClosable, closeDuty, registerDutyOutbox, todayOf } from "./flows.js";
import { DoneBlocks, DutyActions, DutyViews, type DoneMeta } from "./ids.js";
import { dutyMessages } from "./messages.js";
import { checkDone, type DoneInput } from "./rules.js";
import { getDuty } from "./store.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function registerDuties(app: App, s: Services): void {
  registerDutyOutbox(s);

  app.action<BlockAction<ButtonAction>>(DutyActions.close, async ({ ack, body, client, respond }) => {
    await ack();
    const action = body.actions[0]!;
    const press = await startPress(s, { body, client, respond });
    if (!press) return;
    const { actor, tell } = press;
    const d = await getDuty(s.database.prisma, action.value ?? "");
    if (!d) return void (await tell(dutyMessages(actor.lang).notFound));
    const check = await checkClosable(s, actor.slackId, d, actor.roles);
    if (!check.ok) return void (await tell(refusalText(check.refusal, d, actor.lang)));
    await client.views.open({ trigger_id: body.trigger_id, view: doneModal(calendarOf(s), d, todayOf(s).today, actor.lang) });
  });

  app.view(DutyViews.done, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = dutyMessages(lang);
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<DoneMeta>;
    const values = view.state.values as Record<string, Record<string, { value?: string | null; selected_date?: string | null }>>;
    const input: DoneInput = {
      closedOn: values[DoneBlocks.date]?.[DoneBlocks.date]?.selected_date ?? "",
      documentUrl: values[DoneBlocks.link]?.[DoneBlocks.link]?.value ?? "",
      note: values[DoneBlocks.note]?.[DoneBlocks.note]?.value ?? "",
    };
    if (!actor) return ack({ response_action: "errors", errors: { [DoneBlocks.date]: (await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text } });
    const checked = checkDone(input, todayOf(s).today);
    if (!checked.ok) {
      const errors: Record<string, string> = {};
      if (checked.problems.closedOn) errors[DoneBlocks.date] = m.problem[checked.problems.closedOn];
      if (checked.problems.documentUrl) errors[DoneBlocks.link] = m.problem[checked.problems.documentUrl];
      if (checked.problems.note) errors[DoneBlocks.note] = m.problem[checked.problems.note];
      return ack({ response_action: "errors", errors });
    }
    const r = await closeDuty(s, { id: meta.id ?? "", actorId: actor.slackId, closedOn: checked.closedOn, documentUrl: checked.documentUrl, note: checked.note });
    if (!r.ok) return ack({ response_action: "errors", errors: { [DoneBlocks.date]: refusalText(r.refusal, r.duty, lang) } });
    await ack();
    s.log.info("duty closed", { duty: `${r.duty.fiscalYear}:${r.duty.kind}`, by: actor.slackId, duplicate: r.duplicate });
  });
}
