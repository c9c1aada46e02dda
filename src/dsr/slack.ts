// Slack handlers of subject requests and complaints: the buttons on the register post and
// in DMs, the modals. Parse, check who presses against the directory and the case's state
// on the server, call the flows, render. Refusals are ephemeral and logged.
import { z } from "zod";
import type { Actor } from "../directory/actor.js";
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { json, link, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { answerModal, complaintCloseModal, dayText, identityModal, noticeModal, noticeView, sendBackModal, withdrawModal } from "./blocks.js";
import { closeComplaint, complaintSubject, logComplaint, registerComplaintOutbox, type ComplaintRefusal } from "./complaints.js";
import {
  calendarOf,
  decideRefusal,
  dsrSubject,
  logRefusal,
  logRequest,
  recordAnswer,
  recordIdentity,
  recordNotice,
  registerDsrOutbox,
  withdrawCase,
  type DsrRefusal,
} from "./flows.js";
import {
  parseAnswer,
  parseComplaint,
  parseComplaintClose,
  parseIdentity,
  parseLog,
  parseNotice,
  parseSendBack,
  parseWithdraw,
  type ViewValues,
} from "./forms.js";
import {
  AnswerBlocks,
  ComplaintBlocks,
  ComplaintCloseBlocks,
  DsrActions,
  DsrViews,
  IdentityBlocks,
  LogBlocks,
  NoticeBlocks,
  SendBackBlocks,
  WithdrawBlocks,
  type CaseMeta,
} from "./ids.js";
import { dsrMessages } from "./messages.js";
import {
  answerGate,
  dateDay,
  identityGate,
  mayApproveRefusals,
  mayHandle,
  noticeGate,
  reasonsDue,
  refusalApprovers,
  type DisclosureMethod,
  type DsrKind,
  type DsrStatus,
} from "./rules.js";
import { officersOf } from "../directory/store.js";
import { loadCase, loadComplaint } from "./store.js";
import { errorText } from "../platform/log.js";

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
    case "awaiting_notice":
      return m.refusal.awaitingNotice;
    case "not_decided":
      return m.refusal.notDecided;
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

export function registerDsrHandlers(s: Services): void {
  registerDsrOutbox(s);
  registerComplaintOutbox(s);
}

const today = (s: Services) => calendarOf(s).day(s.clock.now());
const failed = (lang: Lang) => dsrMessages(lang).refusal.failed;

// ---- what the buttons and modals carry ---------------------------------------------------------

/** A case's (or complaint's) id, as a desk button carries it. */
const caseId = z.string().min(1);
/** A refusal's buttons carry "case id:revision" (encodeCaseRev). */
const caseRev = z
  .string()
  .regex(/^([^:]+):(\d+)$/)
  .transform((v): CaseMeta => {
    const [id = "", rev = ""] = v.split(":");
    return { id, rev: Number(rev) };
  });
/** A case modal's private_metadata (CaseMeta); a modal without its revision changes nothing stale-checked. */
const caseMeta = json(z.object({ id: z.string().optional(), rev: z.number().optional().catch(undefined) }));
type CaseMetaValue = z.output<typeof caseMeta>;

/** A press whose case cannot be read from the button: logged as a refusal about an unknown case, and said so. */
const unknownCase =
  (action: string, subject = UNKNOWN_CASE) =>
  async ({ s, actor, lang }: { s: Services; actor: Actor | null; lang: Lang }) => {
    if (actor) await logRefusal(s, actor.slackId, subject, action, "not_found");
    return dsrMessages(lang).refusal.notFound;
  };

// ---- presses -------------------------------------------------------------------------------------

/** A case button of the desk (identity, answer, withdraw): the case, or null once refused. */
async function deskCase(c: PressContext<string>, action: string) {
  const { s, actor } = c;
  const m = dsrMessages(actor.lang).refusal;
  const found = await loadCase(s.database.prisma, c.value);
  if (!found) {
    await logRefusal(s, actor.slackId, UNKNOWN_CASE, action, "not_found");
    await c.tell(m.notFound);
    return null;
  }
  if (!mayHandle(actor)) {
    await logRefusal(s, actor.slackId, dsrSubject(found.code), action, "not_allowed");
    await c.tell(m.notAllowed);
    return null;
  }
  return found;
}

export async function openIdentity(p: PressContext<string>): Promise<void> {
  const c = await deskCase(p, "identity");
  if (!c) return;
  // first while open; again (a correction) while verified; not once answered or while a refusal waits
  const refusal = identityGate(c.status as DsrStatus);
  if (refusal) {
    await logRefusal(p.s, p.actor.slackId, dsrSubject(c.code), "identity", refusal);
    return void (await p.tell(refusalText(refusal, p.actor.lang)));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: identityModal(c, p.actor.lang, p.actor.slackId, today(p.s)) });
}

/** 「回答を記録」: refused with a clear message until the identity check is recorded. */
export async function openAnswer(p: PressContext<string>): Promise<void> {
  const c = await deskCase(p, "answer");
  if (!c) return;
  const gate = answerGate(c.status as DsrStatus);
  if (gate) {
    await logRefusal(p.s, p.actor.slackId, dsrSubject(c.code), "answer", gate);
    return void (await p.tell(refusalText(gate, p.actor.lang)));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: answerModal(c, p.actor.lang, today(p.s)) });
}

export async function openWithdraw(p: PressContext<string>): Promise<void> {
  const c = await deskCase(p, "withdraw");
  if (!c) return;
  const refusal: DsrRefusal | null =
    c.status === "answered" || c.status === "withdrawn"
      ? "closed"
      : c.status === "awaiting_approval"
        ? "awaiting_approval"
        : c.status === "decided"
          ? "awaiting_notice"
          : null;
  if (refusal) {
    await logRefusal(p.s, p.actor.slackId, dsrSubject(c.code), "withdraw", refusal);
    return void (await p.tell(refusalText(refusal, p.actor.lang)));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: withdrawModal(c, p.actor.lang) });
}

/** 「本人への通知を記録」: only once the outcome is settled. */
export async function openNotice(p: PressContext<string>): Promise<void> {
  const c = await deskCase(p, "notice");
  if (!c) return;
  const gate = noticeGate(c.status as DsrStatus);
  if (gate) {
    await logRefusal(p.s, p.actor.slackId, dsrSubject(c.code), "notice", gate);
    return void (await p.tell(refusalText(gate, p.actor.lang)));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: noticeModal(c, p.actor.lang, today(p.s)) });
}

export async function approveRefusal(p: PressContext<CaseMeta>): Promise<void> {
  const { s, actor, value: v } = p;
  const m = dsrMessages(actor.lang);
  try {
    const r = await decideRefusal(s, { caseId: v.id, rev: v.rev, actorId: actor.slackId, decision: "approve" });
    await p.tell(r.ok ? m.done.approved(r.code) : refusalText(r.refusal, actor.lang));
  } catch (e) {
    s.log.error("a refusal approval could not be recorded", { user: actor.slackId, error: errorText(e) });
    await p.tell(m.refusal.failed);
  }
}

/** 差し戻し: checked before the reason modal opens, and again when it is submitted. */
export async function openSendBack(p: PressContext<CaseMeta>): Promise<void> {
  const { s, actor, value: v } = p;
  const c = await loadCase(s.database.prisma, v.id);
  if (!c) {
    await logRefusal(s, actor.slackId, UNKNOWN_CASE, "send_back", "not_found");
    return void (await p.tell(dsrMessages(actor.lang).refusal.notFound));
  }
  let refusal: DsrRefusal | null = null;
  if (!mayApproveRefusals(actor)) refusal = "not_approver";
  else if (c.status !== "awaiting_approval") refusal = "not_awaiting";
  else if (c.rev !== v.rev) refusal = "stale";
  else {
    const o = await officersOf(s.database.prisma, s.settings?.governance.deputyChief);
    const approvers = refusalApprovers(c.proposedBy ?? "", o.chiefs, o.deputies);
    if (!approvers.people.includes(actor.slackId))
      refusal = actor.slackId === c.proposedBy ? (approvers.none ? "no_other_approver" : "own_proposal") : "not_approver";
  }
  if (refusal) {
    await logRefusal(s, actor.slackId, dsrSubject(c.code), "send_back", refusal);
    return void (await p.tell(refusalText(refusal, actor.lang)));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: sendBackModal(c, actor.lang) });
}

export async function openComplaintClose(p: PressContext<string>): Promise<void> {
  const { s, actor } = p;
  const m = dsrMessages(actor.lang);
  const c = await loadComplaint(s.database.prisma, p.value);
  if (!c) {
    await logRefusal(s, actor.slackId, "complaint:unknown", "close_complaint", "not_found");
    return void (await p.tell(m.refusal.notFound));
  }
  if (!mayHandle(actor)) {
    await logRefusal(s, actor.slackId, `complaint:${c.code}`, "close_complaint", "not_allowed");
    return void (await p.tell(m.refusal.notAllowed));
  }
  if (c.status !== "open") {
    await logRefusal(s, actor.slackId, complaintSubject(c.code), "close_complaint", "closed");
    return void (await p.tell(m.complaint.alreadyClosed));
  }
  await p.client.views.open({ trigger_id: p.body.trigger_id, view: complaintCloseModal(c, actor.lang, today(s)) });
}

// ---- modals ----------------------------------------------------------------------------------

/** The case a case modal is about; the error acked when it is missing (null). */
async function viewCase(v: SubmitContext<CaseMetaValue>) {
  const c = v.meta.id ? await loadCase(v.s.database.prisma, v.meta.id) : null;
  if (!c) {
    await v.fail(dsrMessages(v.lang).refusal.notFound);
    return null;
  }
  return { c, rev: typeof v.meta.rev === "number" ? v.meta.rev : null, values: v.view.state.values as unknown as ViewValues };
}

export async function submitLog(v: SubmitContext<undefined>): Promise<void> {
  const { s, actor } = v;
  const parsed = parseLog(v.view.state.values as unknown as ViewValues, actor.lang, today(s));
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await logRequest(s, { actorId: actor.slackId, form: parsed.value, submissionKey: `view:${v.view.id}` });
    if (!r.ok) return v.fail(refusalText(r.refusal, actor.lang), r.refusal === "owner_not_handler" ? LogBlocks.owner : LogBlocks.customerRef);
    const done = dsrMessages(actor.lang).done;
    const text = !r.late
      ? done.logged(r.code)
      : r.late.stage === "ceiling"
        ? done.loggedCeiling(r.code, dayText(r.late.ceilingOn, actor.lang))
        : done.loggedOverdue(r.code, dayText(r.late.targetOn, actor.lang));
    await v.ack({ response_action: "update", view: noticeView(text, actor.lang) });
  } catch (e) {
    s.log.error("a subject request could not be recorded", { user: actor.slackId, error: errorText(e) });
    await v.fail(failed(actor.lang));
  }
}

export async function submitIdentity(v: SubmitContext<CaseMetaValue>): Promise<void> {
  const k = await viewCase(v);
  if (!k) return;
  const parsed = parseIdentity(k.values, v.lang, today(v.s), { requester: k.c.requester, receivedOn: dateDay(k.c.receivedOn) });
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await recordIdentity(v.s, { caseId: k.c.id, rev: k.rev, actorId: v.actor.slackId, form: parsed.value });
    if (!r.ok) return v.fail(refusalText(r.refusal, v.lang));
  } catch (e) {
    v.s.log.error("an identity check could not be recorded", { user: v.actor.slackId, error: errorText(e) });
    return v.fail(failed(v.lang));
  }
  await v.ack();
}

export async function submitAnswer(v: SubmitContext<CaseMetaValue>): Promise<void> {
  const k = await viewCase(v);
  if (!k) return;
  // the gate again on the server: a modal opened before, or forged, answers nothing without the check
  const gate = answerGate(k.c.status as DsrStatus);
  if (gate) {
    await logRefusal(v.s, v.actor.slackId, dsrSubject(k.c.code), "answer", gate);
    return v.fail(gate === "not_verified" ? dsrMessages(v.lang).problem.notVerified : refusalText(gate, v.lang));
  }
  const parsed = parseAnswer(k.values, v.lang, today(v.s), {
    receivedOn: dateDay(k.c.receivedOn),
    kind: k.c.kind as DsrKind,
    disclosureMethod: (k.c.disclosureMethod as DisclosureMethod | null) ?? null,
  });
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await recordAnswer(v.s, { caseId: k.c.id, rev: k.rev, actorId: v.actor.slackId, form: parsed.value });
    if (!r.ok) return v.fail(r.refusal === "not_verified" ? dsrMessages(v.lang).problem.notVerified : refusalText(r.refusal, v.lang));
    const m = dsrMessages(v.lang).done;
    await v.ack({ response_action: "update", view: noticeView(r.status === "awaiting_approval" ? m.proposed(r.code) : m.decided(r.code), v.lang) });
  } catch (e) {
    v.s.log.error("an answer could not be recorded", { user: v.actor.slackId, error: errorText(e) });
    return v.fail(failed(v.lang));
  }
}

export async function submitNotice(v: SubmitContext<CaseMetaValue>): Promise<void> {
  const k = await viewCase(v);
  if (!k) return;
  const gate = noticeGate(k.c.status as DsrStatus);
  if (gate) {
    await logRefusal(v.s, v.actor.slackId, dsrSubject(k.c.code), "notice", gate);
    return v.fail(refusalText(gate, v.lang), NoticeBlocks.on);
  }
  const parsed = parseNotice(k.values, v.lang, today(v.s), { receivedOn: dateDay(k.c.receivedOn), refused: reasonsDue(k.c) });
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await recordNotice(v.s, { caseId: k.c.id, rev: k.rev, actorId: v.actor.slackId, form: parsed.value });
    if (!r.ok) return v.fail(refusalText(r.refusal, v.lang), NoticeBlocks.on);
    await v.ack({ response_action: "update", view: noticeView(dsrMessages(v.lang).done.noticed(r.code), v.lang) });
  } catch (e) {
    v.s.log.error("a notice could not be recorded", { user: v.actor.slackId, error: errorText(e) });
    return v.fail(failed(v.lang), NoticeBlocks.on);
  }
}

export async function submitWithdraw(v: SubmitContext<CaseMetaValue>): Promise<void> {
  const k = await viewCase(v);
  if (!k) return;
  const parsed = parseWithdraw(k.values, v.lang);
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await withdrawCase(v.s, { caseId: k.c.id, rev: k.rev, actorId: v.actor.slackId, note: parsed.value.note });
    if (!r.ok) return v.fail(refusalText(r.refusal, v.lang));
  } catch (e) {
    v.s.log.error("a withdrawal could not be recorded", { user: v.actor.slackId, error: errorText(e) });
    return v.fail(failed(v.lang));
  }
  await v.ack();
}

export async function submitSendBack(v: SubmitContext<CaseMetaValue>): Promise<void> {
  const k = await viewCase(v);
  if (!k) return;
  const parsed = parseSendBack(k.values, v.lang);
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await decideRefusal(v.s, { caseId: k.c.id, rev: k.rev ?? -1, actorId: v.actor.slackId, decision: "send_back", reason: parsed.value.reason });
    if (!r.ok) return v.fail(refusalText(r.refusal, v.lang));
  } catch (e) {
    v.s.log.error("a send-back could not be recorded", { user: v.actor.slackId, error: errorText(e) });
    return v.fail(failed(v.lang));
  }
  await v.ack();
}

export async function submitComplaint(v: SubmitContext<undefined>): Promise<void> {
  const { s, actor } = v;
  const parsed = parseComplaint(v.view.state.values as unknown as ViewValues, actor.lang, today(s));
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await logComplaint(s, { actorId: actor.slackId, form: parsed.value, submissionKey: `view:${v.view.id}` });
    if (!r.ok) {
      const m = dsrMessages(actor.lang);
      const errors: Record<string, string> =
        r.refusal === "link_not_found"
          ? { [ComplaintBlocks.link]: m.problem.linkNotFound(parsed.value.linkedCode ?? "") }
          : r.refusal === "owner_not_handler"
            ? { [ComplaintBlocks.owner]: refusalText(r.refusal, actor.lang) }
            : { [ComplaintBlocks.summary]: refusalText(r.refusal, actor.lang) };
      return v.ack({ response_action: "errors", errors });
    }
    await v.ack({ response_action: "update", view: noticeView(dsrMessages(actor.lang).complaint.done(r.code), actor.lang) });
  } catch (e) {
    s.log.error("a complaint could not be recorded", { user: actor.slackId, error: errorText(e) });
    await v.fail(failed(actor.lang));
  }
}

export async function submitComplaintClose(v: SubmitContext<CaseMetaValue, Actor | null>): Promise<void> {
  const { s, actor, lang, meta } = v;
  const c = meta.id ? await loadComplaint(s.database.prisma, meta.id) : null;
  if (!actor || !c) return v.fail(dsrMessages(lang).refusal.notFound);
  const parsed = parseComplaintClose(v.view.state.values as unknown as ViewValues, lang, today(s), { receivedOn: dateDay(c.receivedOn) });
  if (!parsed.ok) return v.ack({ response_action: "errors", errors: parsed.errors });
  try {
    const r = await closeComplaint(s, { complaintId: c.id, rev: typeof meta.rev === "number" ? meta.rev : null, actorId: actor.slackId, form: parsed.value });
    if (!r.ok) return v.fail(r.refusal === "closed" ? dsrMessages(lang).complaint.alreadyClosed : refusalText(r.refusal, lang));
  } catch (e) {
    s.log.error("a complaint outcome could not be recorded", { user: actor.slackId, error: errorText(e) });
    return v.fail(failed(lang));
  }
  await v.ack();
}

const notFound = (lang: Lang) => dsrMessages(lang).refusal.notFound;

/** Every button and modal of subject requests and complaints. */
export const dsrHandlers: readonly HandlerDef[] = [
  press(DsrActions.identity, { value: caseId, invalid: unknownCase("identity") }, openIdentity),
  press(DsrActions.answer, { value: caseId, invalid: unknownCase("answer") }, openAnswer),
  press(DsrActions.withdraw, { value: caseId, invalid: unknownCase("withdraw") }, openWithdraw),
  press(DsrActions.notice, { value: caseId, invalid: unknownCase("notice") }, openNotice),
  press(DsrActions.approveRefusal, { value: caseRev, invalid: unknownCase("approve_refusal") }, approveRefusal),
  press(DsrActions.sendBack, { value: caseRev, invalid: unknownCase("send_back") }, openSendBack),
  link(DsrActions.openLink),
  press(DsrActions.complaintClose, { value: caseId, invalid: unknownCase("close_complaint", "complaint:unknown") }, openComplaintClose),
  submit(DsrViews.log, { block: LogBlocks.customerRef }, submitLog),
  submit(DsrViews.identity, { meta: caseMeta, block: IdentityBlocks.document, invalid: notFound }, submitIdentity),
  submit(DsrViews.answer, { meta: caseMeta, block: AnswerBlocks.outcome, invalid: notFound }, submitAnswer),
  submit(DsrViews.notice, { meta: caseMeta, block: NoticeBlocks.on, invalid: notFound }, submitNotice),
  submit(DsrViews.withdraw, { meta: caseMeta, block: WithdrawBlocks.note, invalid: notFound }, submitWithdraw),
  submit(DsrViews.sendBack, { meta: caseMeta, block: SendBackBlocks.reason, invalid: notFound }, submitSendBack),
  submit(DsrViews.complaint, { block: ComplaintBlocks.summary }, submitComplaint),
  submit(DsrViews.complaintClose, { meta: caseMeta, block: ComplaintCloseBlocks.text, invalid: notFound, anyone: true }, submitComplaintClose),
];
