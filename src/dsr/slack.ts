// Slack handlers of subject requests and complaints: the buttons on the register post and
// in DMs, the modals. Parse, check who presses against the directory and the case's state
// on the server, call the flows, render. Refusals are ephemeral and logged.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Actor } from "../directory/actor.js";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor, startPress } from "../platform/slack/actor.js";
import { answerModal, complaintCloseModal, dayText, identityModal, noticeView, sendBackModal, withdrawModal } from "./blocks.js";
import { closeComplaint, complaintSubject, logComplaint, registerComplaintOutbox, type ComplaintRefusal } from "./complaints.js";
import { calendarOf, decideRefusal, dsrSubject, logRefusal, logRequest, recordAnswer, recordIdentity, registerDsrOutbox, withdrawCase, type DsrRefusal } from "./flows.js";
import { parseAnswer, parseComplaint, parseComplaintClose, parseIdentity, parseLog, parseSendBack, parseWithdraw, type ViewValues } from "./forms.js";
import { AnswerBlocks, ComplaintBlocks, ComplaintCloseBlocks, decodeCaseRev, DsrActions, DsrViews, IdentityBlocks, LogBlocks, SendBackBlocks, WithdrawBlocks, type CaseMeta } from "./ids.js";
import { dsrMessages } from "./messages.js";
import { answerGate, dateDay, identityGate, mayApproveRefusals, mayHandle, refusalApprovers, type DsrStatus } from "./rules.js";
import { loadCase, loadComplaint, officers } from "./store.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
/** The subject of a refusal about a case that could not be found (an undecodable or unknown value). */
const UNKNOWN_CASE = "dsr:unknown";

/** What a refusal says to the person. */
export function refusalText(r: DsrRefusal | ComplaintRefusal, lang: Lang): string {
  const m = dsrMessages(lang);
  switch (r) {
    case "not_found":
      return m.refusal.notFound;
    case "not_allowed":
      return m.refusal.notAllowed;
    case "stale":
      return m.problem.stale;
    case "not_verified":
      return m.refusal.notVerified;
    case "awaiting_approval":
      return m.refusal.awaitingApproval;
    case "closed":
      return m.refusal.closed;
    case "no_other_approver":
      return m.refusal.noOtherApprover;
    case "not_approver":
      return m.refusal.notApprover;
    case "own_proposal":
      return m.refusal.ownProposal;
    case "not_awaiting":
      return m.refusal.notAwaiting;
    case "owner_not_handler":
      return m.refusal.ownerNotHandler;
    case "link_not_found":
      return m.problem.badLink;
  }
}

export function registerDsrHandlers(app: App, s: Services): void {
  registerDsrOutbox(s);
  registerComplaintOutbox(s);
  const today = () => calendarOf(s).day(s.clock.now());

  /** The common start of a press: ack, drop a retried delivery, find the person; null when it stops there. */
  async function pressed(args: { ack: () => Promise<void>; body: BlockAction<ButtonAction>; client: AllMiddlewareArgs["client"]; respond: (m: object) => Promise<unknown> }) {
    await args.ack();
    const press = await startPress(s, args);
    if (!press) return null;
    return { ...press, value: args.body.actions[0]!.value ?? "", triggerId: args.body.trigger_id };
  }

  /** A case button of the desk (identity, answer, withdraw): the case, or null once refused. */
  async function deskCase(p: { actor: Actor; tell: (t: string) => Promise<unknown>; value: string }, action: string) {
    const m = dsrMessages(p.actor.lang).refusal;
    const c = await loadCase(s.database.prisma, p.value);
    if (!c) {
      await logRefusal(s, p.actor.slackId, UNKNOWN_CASE, action, "not_found");
      await p.tell(m.notFound);
      return null;
    }
    if (!mayHandle(p.actor)) {
      await logRefusal(s, p.actor.slackId, dsrSubject(c.code), action, "not_allowed");
      await p.tell(m.notAllowed);
      return null;
    }
    return c;
  }

  app.action<BlockAction<ButtonAction>>(DsrActions.identity, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const c = await deskCase(p, "identity");
    if (!c) return;
    // first while open; again (a correction) while verified; not once answered or while a refusal waits
    const refusal = identityGate(c.status as DsrStatus);
    if (refusal) {
      await logRefusal(s, p.actor.slackId, dsrSubject(c.code), "identity", refusal);
      return void (await p.tell(refusalText(refusal, p.actor.lang)));
    }
    await client.views.open({ trigger_id: p.triggerId, view: identityModal(c, p.actor.lang, p.actor.slackId, today()) });
  });

  // 「回答を記録」: refused with a clear message until the identity check is recorded.
  app.action<BlockAction<ButtonAction>>(DsrActions.answer, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const c = await deskCase(p, "answer");
    if (!c) return;
    const gate = answerGate(c.status as DsrStatus);
    if (gate) {
      await logRefusal(s, p.actor.slackId, dsrSubject(c.code), "answer", gate);
      return void (await p.tell(refusalText(gate, p.actor.lang)));
    }
    await client.views.open({ trigger_id: p.triggerId, view: answerModal(c, p.actor.lang, today()) });
  });

  app.action<BlockAction<ButtonAction>>(DsrActions.withdraw, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const c = await deskCase(p, "withdraw");
    if (!c) return;
    const refusal: DsrRefusal | null = c.status === "answered" || c.status === "withdrawn" ? "closed" : c.status === "awaiting_approval" ? "awaiting_approval" : null;
    if (refusal) {
      await logRefusal(s, p.actor.slackId, dsrSubject(c.code), "withdraw", refusal);
      return void (await p.tell(refusalText(refusal, p.actor.lang)));
    }
    await client.views.open({ trigger_id: p.triggerId, view: withdrawModal(c, p.actor.lang) });
  });

  app.action<BlockAction<ButtonAction>>(DsrActions.approveRefusal, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const v = decodeCaseRev(p.value);
    const m = dsrMessages(p.actor.lang);
    if (!v) {
      await logRefusal(s, p.actor.slackId, UNKNOWN_CASE, "approve_refusal", "not_found");
      return void (await p.tell(m.refusal.notFound));
    }
    try {
      const r = await decideRefusal(s, { caseId: v.id, rev: v.rev, actorId: p.actor.slackId, decision: "approve" });
      await p.tell(r.ok ? m.done.approved(r.code) : refusalText(r.refusal, p.actor.lang));
    } catch (e) {
      s.log.error("a refusal approval could not be recorded", { user: p.actor.slackId, error: String((e as Error).message ?? e) });
      await p.tell(m.refusal.failed);
    }
  });

  // 差し戻し: checked before the reason modal opens, and again when it is submitted.
  app.action<BlockAction<ButtonAction>>(DsrActions.sendBack, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const v = decodeCaseRev(p.value);
    const c = v ? await loadCase(s.database.prisma, v.id) : null;
    if (!v || !c) {
      await logRefusal(s, p.actor.slackId, UNKNOWN_CASE, "send_back", "not_found");
      return void (await p.tell(dsrMessages(p.actor.lang).refusal.notFound));
    }
    let refusal: DsrRefusal | null = null;
    if (!mayApproveRefusals(p.actor)) refusal = "not_approver";
    else if (c.status !== "awaiting_approval") refusal = "not_awaiting";
    else if (c.rev !== v.rev) refusal = "stale";
    else {
      const o = await officers(s.database.prisma);
      const approvers = refusalApprovers(c.proposedBy ?? "", o.chiefs, o.deputies);
      if (!approvers.people.includes(p.actor.slackId)) refusal = p.actor.slackId === c.proposedBy ? (approvers.none ? "no_other_approver" : "own_proposal") : "not_approver";
    }
    if (refusal) {
      await logRefusal(s, p.actor.slackId, dsrSubject(c.code), "send_back", refusal);
      return void (await p.tell(refusalText(refusal, p.actor.lang)));
    }
    await client.views.open({ trigger_id: p.triggerId, view: sendBackModal(c, p.actor.lang) });
  });

  app.action(DsrActions.openLink, async ({ ack }) => {
    await ack();
  });

  app.action<BlockAction<ButtonAction>>(DsrActions.complaintClose, async ({ ack, body, client, respond }) => {
    const p = await pressed({ ack, body, client, respond });
    if (!p) return;
    const m = dsrMessages(p.actor.lang);
    const c = await loadComplaint(s.database.prisma, p.value);
    if (!c) {
      await logRefusal(s, p.actor.slackId, "complaint:unknown", "close_complaint", "not_found");
      return void (await p.tell(m.refusal.notFound));
    }
    if (!mayHandle(p.actor)) {
      await logRefusal(s, p.actor.slackId, `complaint:${c.code}`, "close_complaint", "not_allowed");
      return void (await p.tell(m.refusal.notAllowed));
    }
    if (c.status !== "open") {
      await logRefusal(s, p.actor.slackId, complaintSubject(c.code), "close_complaint", "closed");
      return void (await p.tell(m.complaint.alreadyClosed));
    }
    await client.views.open({ trigger_id: p.triggerId, view: complaintCloseModal(c, p.actor.lang, today()) });
  });

  // ---- modals ----------------------------------------------------------------------------------

  /** The person and the case a case modal is about; an ack with the error when either is missing. */
  async function viewCase(args: ViewArgs, errorBlock: string) {
    const actor = await resolveActor(s, args.client, args.body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const meta = JSON.parse(args.view.private_metadata || "{}") as Partial<CaseMeta>;
    const c = meta.id ? await loadCase(s.database.prisma, meta.id) : null;
    if (!actor || !c) {
      await args.ack({ response_action: "errors", errors: { [errorBlock]: actor ? dsrMessages(lang).refusal.notFound : (await noteUnknownUser(s, args.body.user.id, DEFAULT_LANG)).text } });
      return null;
    }
    return { actor, lang, c, rev: typeof meta.rev === "number" ? meta.rev : null, values: args.view.state.values as unknown as ViewValues };
  }

  const failed = (lang: Lang) => dsrMessages(lang).refusal.failed;

  app.view(DsrViews.log, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    if (!actor) return ack({ response_action: "errors", errors: { [LogBlocks.customerRef]: (await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text } });
    const parsed = parseLog(view.state.values as unknown as ViewValues, actor.lang, today());
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await logRequest(s, { actorId: actor.slackId, form: parsed.value, submissionKey: `view:${view.id}` });
      if (!r.ok) return ack({ response_action: "errors", errors: { [r.refusal === "owner_not_handler" ? LogBlocks.owner : LogBlocks.customerRef]: refusalText(r.refusal, actor.lang) } });
      const done = dsrMessages(actor.lang).done;
      const text = !r.late
        ? done.logged(r.code)
        : r.late.stage === "ceiling"
          ? done.loggedCeiling(r.code, dayText(r.late.ceilingOn, actor.lang))
          : done.loggedOverdue(r.code, dayText(r.late.targetOn, actor.lang));
      await ack({ response_action: "update", view: noticeView(text, actor.lang) });
    } catch (e) {
      s.log.error("a subject request could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      await ack({ response_action: "errors", errors: { [LogBlocks.customerRef]: failed(actor.lang) } });
    }
  });

  app.view(DsrViews.identity, async (args: ViewArgs) => {
    const v = await viewCase(args, IdentityBlocks.document);
    if (!v) return;
    const parsed = parseIdentity(v.values, v.lang, today(), { requester: v.c.requester, receivedOn: dateDay(v.c.receivedOn) });
    if (!parsed.ok) return args.ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await recordIdentity(s, { caseId: v.c.id, rev: v.rev, actorId: v.actor.slackId, form: parsed.value });
      if (!r.ok) return args.ack({ response_action: "errors", errors: { [IdentityBlocks.document]: refusalText(r.refusal, v.lang) } });
    } catch (e) {
      s.log.error("an identity check could not be recorded", { user: v.actor.slackId, error: String((e as Error).message ?? e) });
      return args.ack({ response_action: "errors", errors: { [IdentityBlocks.document]: failed(v.lang) } });
    }
    await args.ack();
  });

  app.view(DsrViews.answer, async (args: ViewArgs) => {
    const v = await viewCase(args, AnswerBlocks.outcome);
    if (!v) return;
    // the gate again on the server: a modal opened before, or forged, answers nothing without the check
    const gate = answerGate(v.c.status as DsrStatus);
    if (gate) {
      await logRefusal(s, v.actor.slackId, dsrSubject(v.c.code), "answer", gate);
      return args.ack({ response_action: "errors", errors: { [AnswerBlocks.outcome]: gate === "not_verified" ? dsrMessages(v.lang).problem.notVerified : refusalText(gate, v.lang) } });
    }
    const parsed = parseAnswer(v.values, v.lang, today(), { receivedOn: dateDay(v.c.receivedOn) });
    if (!parsed.ok) return args.ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await recordAnswer(s, { caseId: v.c.id, rev: v.rev, actorId: v.actor.slackId, form: parsed.value });
      if (!r.ok) return args.ack({ response_action: "errors", errors: { [AnswerBlocks.outcome]: r.refusal === "not_verified" ? dsrMessages(v.lang).problem.notVerified : refusalText(r.refusal, v.lang) } });
      const m = dsrMessages(v.lang).done;
      await args.ack({ response_action: "update", view: noticeView(r.status === "awaiting_approval" ? m.proposed(r.code) : m.answered(r.code), v.lang) });
    } catch (e) {
      s.log.error("an answer could not be recorded", { user: v.actor.slackId, error: String((e as Error).message ?? e) });
      return args.ack({ response_action: "errors", errors: { [AnswerBlocks.outcome]: failed(v.lang) } });
    }
  });

  app.view(DsrViews.withdraw, async (args: ViewArgs) => {
    const v = await viewCase(args, WithdrawBlocks.note);
    if (!v) return;
    const parsed = parseWithdraw(v.values, v.lang);
    if (!parsed.ok) return args.ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await withdrawCase(s, { caseId: v.c.id, rev: v.rev, actorId: v.actor.slackId, note: parsed.value.note });
      if (!r.ok) return args.ack({ response_action: "errors", errors: { [WithdrawBlocks.note]: refusalText(r.refusal, v.lang) } });
    } catch (e) {
      s.log.error("a withdrawal could not be recorded", { user: v.actor.slackId, error: String((e as Error).message ?? e) });
      return args.ack({ response_action: "errors", errors: { [WithdrawBlocks.note]: failed(v.lang) } });
    }
    await args.ack();
  });

  app.view(DsrViews.sendBack, async (args: ViewArgs) => {
    const v = await viewCase(args, SendBackBlocks.reason);
    if (!v) return;
    const parsed = parseSendBack(v.values, v.lang);
    if (!parsed.ok) return args.ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await decideRefusal(s, { caseId: v.c.id, rev: v.rev ?? -1, actorId: v.actor.slackId, decision: "send_back", reason: parsed.value.reason });
      if (!r.ok) return args.ack({ response_action: "errors", errors: { [SendBackBlocks.reason]: refusalText(r.refusal, v.lang) } });
    } catch (e) {
      s.log.error("a send-back could not be recorded", { user: v.actor.slackId, error: String((e as Error).message ?? e) });
      return args.ack({ response_action: "errors", errors: { [SendBackBlocks.reason]: failed(v.lang) } });
    }
    await args.ack();
  });

  app.view(DsrViews.complaint, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    if (!actor) return ack({ response_action: "errors", errors: { [ComplaintBlocks.summary]: (await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text } });
    const parsed = parseComplaint(view.state.values as unknown as ViewValues, actor.lang, today());
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await logComplaint(s, { actorId: actor.slackId, form: parsed.value, submissionKey: `view:${view.id}` });
      if (!r.ok) {
        const m = dsrMessages(actor.lang);
        const errors: Record<string, string> =
          r.refusal === "link_not_found"
            ? { [ComplaintBlocks.link]: m.problem.linkNotFound(parsed.value.linkedCode ?? "") }
            : r.refusal === "owner_not_handler"
              ? { [ComplaintBlocks.owner]: refusalText(r.refusal, actor.lang) }
              : { [ComplaintBlocks.summary]: refusalText(r.refusal, actor.lang) };
        return ack({ response_action: "errors", errors });
      }
      await ack({ response_action: "update", view: noticeView(dsrMessages(actor.lang).complaint.done(r.code), actor.lang) });
    } catch (e) {
      s.log.error("a complaint could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      await ack({ response_action: "errors", errors: { [ComplaintBlocks.summary]: failed(actor.lang) } });
    }
  });

  app.view(DsrViews.complaintClose, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const meta = JSON.parse(view.private_metadata || "{}") as Partial<CaseMeta>;
    const c = meta.id ? await loadComplaint(s.database.prisma, meta.id) : null;
    if (!actor || !c) return ack({ response_action: "errors", errors: { [ComplaintCloseBlocks.text]: dsrMessages(lang).refusal.notFound } });
    const parsed = parseComplaintClose(view.state.values as unknown as ViewValues, lang, today(), { receivedOn: dateDay(c.receivedOn) });
    if (!parsed.ok) return ack({ response_action: "errors", errors: parsed.errors });
    try {
      const r = await closeComplaint(s, { complaintId: c.id, rev: typeof meta.rev === "number" ? meta.rev : null, actorId: actor.slackId, form: parsed.value });
      if (!r.ok) return ack({ response_action: "errors", errors: { [ComplaintCloseBlocks.text]: r.refusal === "closed" ? dsrMessages(lang).complaint.alreadyClosed : refusalText(r.refusal, lang) } });
    } catch (e) {
      s.log.error("a complaint outcome could not be recorded", { user: actor.slackId, error: String((e as Error).message ?? e) });
      return ack({ response_action: "errors", errors: { [ComplaintCloseBlocks.text]: failed(lang) } });
    }
    await ack();
  });
}
