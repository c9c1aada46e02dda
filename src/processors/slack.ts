// Slack handlers of the processors feature: the inspection and disposal modals, and the
// "record disposal" buttons of /privacy processors disposal. Parse, call the flows, render.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { disposalModal, doneView } from "./blocks.js";
import { disposalWhat, logRefusal, recordDisposal, recordInspection } from "./flows.js";
import { decodeTarget, DisposalBlocks, InspectionBlocks, INPUT, ProcessorActions, ProcessorViews, type InspectionMeta } from "./ids.js";
import { disposalRefusal, processorMessages, processorRefusalText, showDay, type ProcessorMessages } from "./messages.js";
import { checkDisposal, checkInspection, dayIn, mayRecordDisposal, type Problem } from "./rules.js";
import { findDisposalItem } from "./store.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
type Values = ViewSubmitAction["view"]["state"]["values"];

const input = (v: Values, block: string) => v[block]?.[INPUT];

function fieldErrors<K extends string>(problems: Partial<Record<K, Problem>>, m: ProcessorMessages, override: Partial<Record<Problem, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([k, p]) => [k, override[p as Problem] ?? m.problems[p as Problem]]));
}

export function registerProcessorHandlers(app: App, s: Services): void {
  const today = () => dayIn(s.clock.now(), s.timeZone);

  app.view(ProcessorViews.inspection, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    if (!actor) {
      const { text } = await noteUnknownUser(s, body.user.id, DEFAULT_LANG);
      return ack({ response_action: "errors", errors: { [InspectionBlocks.inspectedOn]: text } });
    }
    const m = processorMessages(actor.lang);
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<InspectionMeta>;
    const v = view.state.values;
    const checked = checkInspection(
      {
        inspectedOn: input(v, InspectionBlocks.inspectedOn)?.selected_date,
        result: input(v, InspectionBlocks.result)?.selected_option?.value,
        note: input(v, InspectionBlocks.note)?.value,
        documentUrl: input(v, InspectionBlocks.documentUrl)?.value,
      },
      today(),
    );
    if (!checked.ok) return ack({ response_action: "errors", errors: fieldErrors(checked.problems, m) });
    const r = await recordInspection(s, { processorId: meta.processorId ?? "", actorId: actor.slackId, value: checked.value, submissionKey: `view:${view.id}` });
    if (!r.ok) {
      const p = meta.processorId ? await s.database.prisma.processor.findUnique({ where: { id: meta.processorId }, select: { departmentId: true, requestCode: true } }) : null;
      const dept = p ? (await s.database.prisma.department.findUnique({ where: { id: p.departmentId }, select: { name: true } }))?.name ?? p.departmentId : "";
      const text = processorRefusalText(r.refusal, r.detail, actor.lang, { verb: "inspected", department: dept, ref: p?.requestCode });
      return ack({ response_action: "errors", errors: { [InspectionBlocks.inspectedOn]: text } });
    }
    const v2 = checked.value;
    await ack({ response_action: "update", view: doneView(m.inspectionDone(r.name, r.code, showDay(v2.inspectedOn, actor.lang), m.results[v2.result], showDay(r.nextDue, actor.lang)), actor.lang) });
  });

  app.view(ProcessorViews.disposal, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    if (!actor) {
      const { text } = await noteUnknownUser(s, body.user.id, DEFAULT_LANG);
      return ack({ response_action: "errors", errors: { [DisposalBlocks.method]: text } });
    }
    const m = processorMessages(actor.lang);
    const target = decodeTarget(view.private_metadata);
    if (!target) return ack({ response_action: "errors", errors: { [DisposalBlocks.method]: m.notFoundForDisposal("") } });
    if (!mayRecordDisposal(actor)) {
      await logRefusal(s, actor.slackId, `${target.kind}:${target.id}`, "disposal", "not_allowed");
      return ack({ response_action: "errors", errors: { [DisposalBlocks.method]: m.disposalNotAllowed } });
    }
    const v = view.state.values;
    const checked = checkDisposal(
      {
        method: input(v, DisposalBlocks.method)?.selected_option?.value,
        performedBy: input(v, DisposalBlocks.performedBy)?.selected_user,
        disposedOn: input(v, DisposalBlocks.disposedOn)?.selected_date,
        note: input(v, DisposalBlocks.note)?.value,
      },
      today(),
    );
    if (!checked.ok) return ack({ response_action: "errors", errors: fieldErrors(checked.problems, m, { note_required: m.otherNoteRequired }) });
    const r = await recordDisposal(s, { target, actorId: actor.slackId, value: checked.value });
    if (!r.ok) {
      const e = disposalRefusal(r.refusal, r.detail, actor.lang);
      return ack({ response_action: "errors", errors: { [e.field]: e.text } });
    }
    const val = checked.value;
    await ack({
      response_action: "update",
      view: doneView(m.disposalDone(disposalWhat(r.item, actor.lang), showDay(val.disposedOn, actor.lang), m.methods[r.method], `<@${val.performedBy}>`), actor.lang),
    });
  });

  // "Record disposal" next to an item of /privacy processors disposal: the chief (or deputy) gets the modal.
  app.action<BlockAction<ButtonAction>>(ProcessorActions.dispose, async ({ ack, body, client, respond }) => {
    await ack();
    const action = body.actions[0]!;
    const press = await startPress(s, { body, client, respond });
    if (!press) return;
    const { actor, tell } = press;
    const m = processorMessages(actor.lang);
    const target = decodeTarget(action.value);
    if (!target) return void (await tell(m.notFoundForDisposal("")));
    if (!mayRecordDisposal(actor)) {
      await logRefusal(s, actor.slackId, `${target.kind}:${target.id}`, "disposal", "not_allowed");
      return void (await tell(m.disposalNotAllowed));
    }
    const item = await findDisposalItem(s.database.prisma, { id: target.id }, s.timeZone);
    if (!item) return void (await tell(m.notFoundForDisposal("")));
    if (item.disposedOn) return void (await tell(m.disposedBefore(showDay(item.disposedOn, actor.lang))));
    await client.views.open({ trigger_id: body.trigger_id, view: disposalModal(item, actor.lang, today()) });
  });

  app.action(ProcessorActions.openLink, async ({ ack }) => {
    await ack();
  });
}
