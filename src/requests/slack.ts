// Slack handlers of the requests feature: parse, call the flows, render.
import type { App, BlockAction, ButtonAction, StaticSelectAction, ViewSubmitAction, SlackViewMiddlewareArgs, AllMiddlewareArgs } from "@slack/bolt";

import type { Actor } from "../directory/actor.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { withoutTrigger } from "../platform/slack/ackFirst.js";
import type { Services } from "../platform/services.js";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { dayIn } from "../platform/day.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import { KINDS, kindOf, type FormValues, type RequestData } from "./kinds/index.js";
import { reasonModal, requestFormModal, type FormMeta, type ReasonMeta } from "./blocks.js";
import { decide, logRefusal, resubmit, setMeasure, submitRequest, withdraw } from "./flows.js";
import { decodePress, ReasonBlock, RequestActions, RequestViews } from "./ids.js";
import { requestMessages } from "./messages.js";
import { approversFor, loadRequest } from "./store.js";
import { canDecide, canResubmit, type Decision } from "./workflow.js";

/** The block id of the first input of a view, where errors that concern the whole form are shown. */
function firstInputBlock(blocks: unknown[]): string {
  const b = (blocks as { type: string; block_id?: string }[]).find((x) => x.type === "input");
  return b?.block_id ?? "";
}

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function registerRequestHandlers(app: App, s: Services): void {
  // their work opens no modal: in a burst they wait their turn after the ack (ackFirst.ts)
  withoutTrigger(app, [RequestActions.approve, RequestActions.withdraw, RequestActions.tickMeasure, RequestActions.untickMeasure]);
  type ActionArgs = Parameters<Parameters<typeof app.action<BlockAction<ButtonAction>>>[1]>[0];

  /** Drops duplicates, finds the actor; tells unknown people whom to ask (null: stop there). */
  const pressContext = async (args: ActionArgs): Promise<Actor | null> => (await startPress(s, args))?.actor ?? null;

  const tell = (args: ActionArgs, text: string) =>
    args.respond({ response_type: "ephemeral", replace_original: false, text }).catch((e) => s.log.warn("ephemeral failed", { error: String(e) }));

  /**
   * Runs a flow after the press was acknowledged. If it fails (the database could not
   * take it even after retries), the presser is told that nothing changed and to press
   * again: a press is never silently lost.
   */
  async function afterAck<T>(args: ActionArgs, actor: Actor, what: string, flow: () => Promise<T>): Promise<T | undefined> {
    try {
      return await flow();
    } catch (e) {
      s.log.error("a press could not be recorded", { what, user: actor.slackId, error: String((e as Error).message ?? e) });
      await tell(args, requestMessages(actor.lang).pressFailed);
      return undefined;
    }
  }

  // Picking the kind replaces the picker with that kind's form, in place.
  app.action<BlockAction<StaticSelectAction>>(RequestActions.pickKind, async ({ ack, body, client }) => {
    await ack();
    const kind = kindOf(body.actions[0]!.selected_option.value);
    if (!kind || !body.view) return;
    const actor = await resolveActor(s, client, body.user.id);
    await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: requestFormModal(kind.kind, actor?.lang ?? DEFAULT_LANG) });
  });

  app.view(RequestViews.form, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const meta = JSON.parse(view.private_metadata || "{}") as FormMeta;
    const kind = kindOf(meta.kind);
    const first = firstInputBlock(view.blocks);
    if (!kind) return ack({ response_action: "errors", errors: { [first]: requestMessages(DEFAULT_LANG).refusal.not_found } });
    if (!actor) {
      const { text } = await noteUnknownUser(s, body.user.id, DEFAULT_LANG);
      return ack({ response_action: "errors", errors: { [first]: text } });
    }
    const parsed = kind.parse(view.state.values as unknown as FormValues, actor.lang, dayIn(s.clock.now(), s.timeZone));
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    const r = await submitRequest(s, { requesterId: actor.slackId, kind: kind.kind, data: parsed.data, submissionKey: `view:${view.id}` });
    if (!r.ok) {
      const m = requestMessages(actor.lang).modal;
      return ack({ response_action: "errors", errors: { [first]: r.problem === "no_channel" ? m.noChannel : m.noDepartment } });
    }
    await ack();
  });

  app.view(RequestViews.revise, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const meta = JSON.parse(view.private_metadata || "{}") as FormMeta;
    const kind = kindOf(meta.kind);
    const first = firstInputBlock(view.blocks);
    const lang = actor?.lang ?? DEFAULT_LANG;
    if (!kind || !meta.requestId || !actor) return ack({ response_action: "errors", errors: { [first]: requestMessages(lang).refusal.not_requester } });
    const parsed = kind.parse(view.state.values as unknown as FormValues, lang, dayIn(s.clock.now(), s.timeZone));
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    const r = await resubmit(s, { requestId: meta.requestId, actorId: actor.slackId, data: parsed.data, pressedRev: meta.rev ?? -1 });
    if (!r.ok) return ack({ response_action: "errors", errors: { [first]: requestMessages(lang).refusal[r.refusal] } });
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(RequestActions.approve, async (args) => {
    await args.ack();
    const actor = await pressContext(args);
    const press = decodePress(args.body.actions[0]!.value);
    if (!actor || !press) return;
    const r = await afterAck(args, actor, "approve", () => decide(s, { requestId: press.id, actorId: actor.slackId, decision: "approve", pressedRev: press.rev }));
    if (r && !r.ok) await tell(args, requestMessages(actor.lang).refusal[r.refusal]);
  });

  const openReason = (decision: Exclude<Decision, "approve">) => async (args: ActionArgs) => {
    await args.ack();
    const actor = await pressContext(args);
    const press = decodePress(args.body.actions[0]!.value);
    if (!actor || !press) return;
    const req = await loadRequest(s.database.prisma, press.id);
    const m = requestMessages(actor.lang);
    if (!req) return void (await tell(args, m.refusal.not_found));
    const check = canDecide(req, actor.slackId, press.rev, await approversFor(s.database.prisma, req.departmentId));
    if (!check.ok) {
      await logRefusal(s, actor.slackId, `request:${req.code}`, decision, check.refusal);
      return void (await tell(args, m.refusal[check.refusal]));
    }
    const meta: ReasonMeta = { id: req.id, rev: press.rev, decision, channel: args.body.channel?.id };
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: reasonModal(meta, req.code, req.title, actor.lang) });
  };
  app.action<BlockAction<ButtonAction>>(RequestActions.reject, openReason("reject"));
  app.action<BlockAction<ButtonAction>>(RequestActions.requestChanges, openReason("request_changes"));

  app.view(RequestViews.reason, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = requestMessages(lang);
    const meta = JSON.parse(view.private_metadata || "{}") as ReasonMeta;
    const reason = view.state.values[ReasonBlock.block]?.[ReasonBlock.action]?.value?.trim() ?? "";
    if (!reason) return ack({ response_action: "errors", errors: { [ReasonBlock.block]: m.refusal.reason_required } });
    if (!actor) return ack({ response_action: "errors", errors: { [ReasonBlock.block]: m.refusal.not_approver } });
    let r: Awaited<ReturnType<typeof decide>>;
    try {
      r = await decide(s, { requestId: meta.id, actorId: actor.slackId, decision: meta.decision, pressedRev: meta.rev, reason });
    } catch (e) {
      s.log.error("a decision could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return ack({ response_action: "errors", errors: { [ReasonBlock.block]: m.pressFailed } });
    }
    if (!r.ok) return ack({ response_action: "errors", errors: { [ReasonBlock.block]: m.refusal[r.refusal] } });
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(RequestActions.withdraw, async (args) => {
    await args.ack();
    const actor = await pressContext(args);
    const press = decodePress(args.body.actions[0]!.value);
    if (!actor || !press) return;
    const r = await afterAck(args, actor, "withdraw", () => withdraw(s, { requestId: press.id, actorId: actor.slackId, pressedRev: press.rev }));
    const m = requestMessages(actor.lang);
    if (r) await tell(args, r.ok ? m.withdrawn(r.code) : m.refusal[r.refusal]);
  });

  app.action<BlockAction<ButtonAction>>(RequestActions.revise, async (args) => {
    await args.ack();
    const actor = await pressContext(args);
    const press = decodePress(args.body.actions[0]!.value);
    if (!actor || !press) return;
    const req = await loadRequest(s.database.prisma, press.id);
    const m = requestMessages(actor.lang);
    if (!req) return void (await tell(args, m.refusal.not_found));
    const check = canResubmit(req, actor.slackId);
    if (!check.ok) {
      await logRefusal(s, actor.slackId, `request:${req.code}`, "revise", check.refusal);
      return void (await tell(args, m.refusal[check.refusal]));
    }
    await args.client.views.open({
      trigger_id: args.body.trigger_id,
      view: requestFormModal(req.kind, actor.lang, { code: req.code, version: req.version, data: req.data as RequestData, requestId: req.id, rev: req.rev }),
    });
  });

  const measure = (done: boolean) => async (args: ActionArgs) => {
    await args.ack();
    const actor = await pressContext(args);
    const press = decodePress(args.body.actions[0]!.value);
    if (!actor || !press?.key) return;
    const r = await afterAck(args, actor, done ? "tick" : "untick", () => setMeasure(s, { requestId: press.id, actorId: actor.slackId, key: press.key!, done }));
    if (r && !r.ok) await tell(args, requestMessages(actor.lang).refusal[r.refusal]);
  };
  app.action<BlockAction<ButtonAction>>(RequestActions.tickMeasure, measure(true));
  app.action<BlockAction<ButtonAction>>(RequestActions.untickMeasure, measure(false));

  // Link buttons still send an interaction; it needs an ack and nothing else.
  app.action(RequestActions.openLink, async ({ ack }) => {
    await ack();
  });
}

