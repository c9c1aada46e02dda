// Business operations of the requests feature. Each one runs in one database
// transaction that holds the state change, its history event, its audit entry and the
// Slack messages it causes (written to the outbox, sent after the commit).
import { appendAudit, type AuditInput } from "../platform/audit/chain.js";
import { nextCode, yearIn } from "../platform/codes.js";
import type { Tx } from "../platform/db.js";
import { CHANNEL_LANG, formatDate, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { channelPost, directMessage, homeRefresh, mention, mentions, messageUpdate, ref, threadPost as post } from "../platform/slack/calls.js";
import { refusalLog } from "../platform/refusals.js";
import type { Services } from "../platform/services.js";
import { registerParentMessage } from "../platform/slack/parentMessage.js";
import { KINDS, type RequestData, type RequestKind } from "./kinds/index.js";
import { checklistMessage, dmWithLink, requestMessage, reviseButton } from "./blocks.js";
import type { Evidence } from "./evidence.js";
import { changesBetween, resubmittedMessage } from "./versions.js";
import { reminderItemDone, sentBackDm, sentBackDone } from "./trackedDms.js";
import { requestMessages } from "./messages.js";
import { approvalsChannelFor, approversFor, langOf, loadRequest, type RequestSnapshot } from "./store.js";
import { transact, whenDuplicate } from "../platform/db.js";
import { createProcessorFromRequest } from "../processors/store.js";
import { registerFromRequest } from "../register/flows.js";
import { logButtonBlocks } from "../records/blocks.js";
import { createProvisionRecordFromRequest } from "../records/store.js";
// approval routes (issue 17): delegates of absent approvers (src/routes/delegation)
import { routedApprovers } from "../routes/delegation/flows.js";
import { actingFor } from "../routes/delegation/rules.js";
import { delegationMessages } from "../routes/delegation/messages.js";
// approval routes (issue 17): people informed without deciding (src/routes/circulation)
import { circulateOnSubmit } from "../routes/circulation/flows.js";
import { sealFields, sealOf, type Seal } from "../platform/pii/index.js";
// approval routes (issue 17): the consultation gate and round, the documents of a version
import { consultationClosed, consultationWaiting, startConsultation } from "../routes/consultation/flows.js";
import { auditDocuments, carryDocuments, saveDocuments, type DocumentInput } from "../routes/documents/store.js";
import {
  canDecide,
  canResubmit,
  canTickMeasure,
  canWithdraw,
  AUTO_MEASURES,
  eligibleDeciders,
  statusAfter,
  stageOf,
  type Approvers,
  type Decision,
  type Refusal,
  type RequestStatus,
} from "./workflow.js";

export type FlowResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: Refusal | "already" | "not_found" };

export const orderKey = (id: string) => `request:${id}`;
/** The kinds whose actual provisions are logged against the approval (APPI Art.29, or 記録不要 under Art.27(5)). */
const PROVISION_KINDS: readonly string[] = ["provide", "entrust", "joint"];
/** Whether the company keeps a deputy chief (governance.deputyChief; a company extension). */
export const deputyOn = (s: Services) => s.settings?.governance.deputyChief ?? true;
/** Who may decide a department's requests now: the directory's approvers, with the delegates of absent ones (routes/delegation). */
const decidersNow = async (tx: Tx, s: Services, r: { departmentId: string; requesterId: string }) =>
  routedApprovers(tx, s, await approversFor(tx, r.departmentId, deputyOn(s)), r.requesterId);

// ---- messages caused by a change ------------------------------------------------

/** The parent message, edited in place (or posted, the first time). */
export function parentUpdate(s: Services, r: RequestSnapshot, approvers: Approvers): OutgoingCall {
  const msg = requestMessage(r, approvers, CHANNEL_LANG, s.timeZone);
  return messageUpdate(orderKey(r.id), r.channelId, ref("requestTs", r.id), { text: msg.text, blocks: msg.blocks });
}

export function threadPost(r: RequestSnapshot, text: string): OutgoingCall {
  return post(orderKey(r.id), r.channelId, ref("requestTs", r.id), { text });
}

export async function dm(
  tx: Tx,
  r: RequestSnapshot,
  to: string,
  text: (lang: Lang) => string,
  extra?: (lang: Lang) => ReturnType<typeof reviseButton>,
  sentBack?: Services,
): Promise<OutgoingCall> {
  const lang = await langOf(tx, to);
  const body = dmWithLink(text(lang), lang, ref("requestPermalink", r.id), extra?.(lang));
  // the sent-back DM's 「修正して再提出」 goes once the request is resubmitted or withdrawn (trackedDms.ts)
  if (sentBack) return sentBackDm(tx, sentBack, r.id, to, body);
  // DMs do not wait behind the approvals channel's rate limit; the link fills in once the parent is posted.
  return directMessage(to, body);
}

/** Refreshes the Home tab of everyone the change concerns (rendered when sent, so never stale). */
export function homeRefreshes(r: RequestSnapshot, a: Approvers, actorId?: string, before?: RequestSnapshot): OutgoingCall[] {
  const people = new Set<string>([r.requesterId, ...(actorId ? [actorId] : [])]);
  for (const state of before ? [before, r] : [r]) {
    for (const p of eligibleDeciders(state, a)?.people ?? []) people.add(p);
    if (state.status === "approved") for (const p of [...a.chiefs, ...a.deputies]) people.add(p);
  }
  return [...people].map(homeRefresh);
}

export function decidersMention(r: RequestSnapshot, a: Approvers): string {
  const e = eligibleDeciders(r, a);
  const m = requestMessages(CHANNEL_LANG);
  return e && e.people.length > 0 ? mentions(e.people) : m.thread.nobodyYet;
}

async function record(
  tx: Tx,
  s: Services,
  r: { id: string; code: string; version: number },
  actorId: string,
  action: string,
  reason?: string | null,
  data?: Record<string, unknown>,
  detail?: string,
) {
  await appendAudit(tx, await recordEvent(tx, s, r, actorId, action, reason, data, { detail }));
}

/**
 * The history event of a change, written now (the snapshot read after it shows it); its
 * audit entry is returned for the flow to append last, just before the commit: every
 * appender waits for the chain's lock until the holder commits, so the shorter the
 * lock is held, the more decisions a second.
 */
export async function recordEvent(
  tx: Tx,
  s: Services,
  r: { id: string; code: string; version: number },
  actorId: string,
  action: string,
  reason?: string | null,
  data?: Record<string, unknown>,
  /** a delegate's decision (onBehalfOf: the absent approver it was taken for, routes/delegation); what the event concerns beyond the request (detail: a measure's key, shown in the history) */
  extra: { onBehalfOf?: string | null; detail?: string } = {},
): Promise<AuditInput> {
  const at = s.clock.now();
  const onBehalfOf = extra.onBehalfOf ?? null;
  await tx.requestEvent.create({
    data: { requestId: r.id, at, actorId, action, reason: reason ?? null, version: r.version, onBehalfOf, detail: extra.detail ?? null },
  });
  // the reason stays on the event (erasable); the chain keeps its length and keyed hash
  return {
    at,
    actorId,
    action: `request.${action}`,
    subject: `request:${r.code}`,
    data: { ...(data ?? {}), ...(reason ? { reason: sealOf(s)(reason) } : {}), ...(onBehalfOf ? { onBehalfOf, delegation: "company extension" } : {}) },
  };
}

/**
 * A request's data as the audit chain keeps it: choices, dates, numbers and ticks as they
 * are; each free-text field sealed (its length and keyed hash). The text itself is on the
 * request's version, which can be erased without breaking the chain.
 */
export function auditData(kind: RequestKind, data: RequestData, seal: Seal): Record<string, unknown> {
  const text = new Set(KINDS[kind].textFields);
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, text.has(k) && typeof v === "string" ? seal(v) : v]));
}

/** A refused press changes nothing but is logged. */
export const logRefusal = refusalLog("request.press_refused");

// ---- submit ---------------------------------------------------------------------

export type SubmitResult = { ok: true; id: string; code: string; duplicate: boolean } | { ok: false; problem: "no_department" | "no_channel" };

export async function submitRequest(
  s: Services,
  input: {
    requesterId: string;
    kind: RequestKind;
    data: RequestData;
    submissionKey: string;
    circulateTo?: string[];
    documents?: readonly DocumentInput[];
  },
): Promise<SubmitResult> {
  const result = await submitOnce(s, input).catch(
    whenDuplicate(async () => {
      const dup = await s.database.prisma.request.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
      return { ok: true as const, id: dup.id, code: dup.code, duplicate: true };
    }),
  );
  s.outbox.kick();
  return result;
}

function submitOnce(
  s: Services,
  input: {
    requesterId: string;
    kind: RequestKind;
    data: RequestData;
    submissionKey: string;
    circulateTo?: string[];
    documents?: readonly DocumentInput[];
  },
): Promise<SubmitResult> {
  return transact(s.database.prisma, async (tx): Promise<SubmitResult> => {
    const dup = await tx.request.findUnique({ where: { submissionKey: input.submissionKey }, select: { id: true, code: true } });
    if (dup) return { ok: true, id: dup.id, code: dup.code, duplicate: true };
    const person = await tx.person.findUnique({ where: { slackId: input.requesterId } });
    if (!person?.departmentId) return { ok: false, problem: "no_department" };
    const channel = await approvalsChannelFor(tx, person.departmentId);
    if (!channel) return { ok: false, problem: "no_channel" };
    const now = s.clock.now();
    const code = await nextCode(tx, "PRV", yearIn(now, s.timeZone));
    const title = KINDS[input.kind].title(input.data).slice(0, 200);
    const created = await tx.request.create({
      data: {
        code,
        kind: input.kind,
        departmentId: person.departmentId,
        requesterId: input.requesterId,
        status: "pending_manager",
        stageSince: s.clock.now(),
        title,
        channelId: channel,
        submissionKey: input.submissionKey,
        createdAt: now,
        updatedAt: now,
        versions: { create: { version: 1, data: input.data as object, createdAt: now, createdBy: input.requesterId } },
      },
    });
    // the documents of version 1 (src/routes/documents): name, size and hash
    await saveDocuments(tx, created.id, 1, input.documents ?? [], input.requesterId, now);
    const audit = await recordEvent(tx, s, created, input.requesterId, "submitted", null, {
      kind: input.kind,
      version: 1,
      data: auditData(input.kind, input.data, sealOf(s)),
      ...(input.documents?.length ? { documents: auditDocuments(input.documents, sealOf(s)) } : {}),
    });
    const r = (await loadRequest(tx, created.id))!;
    const approvers = await decidersNow(tx, s, r);
    const msg = requestMessage(r, approvers, CHANNEL_LANG, s.timeZone);
    const m = requestMessages(CHANNEL_LANG);
    await s.outbox.enqueue(tx, [
      channelPost(orderKey(r.id), channel, { text: msg.text, blocks: msg.blocks }, { onSent: { type: "requestMessage", requestId: r.id } }),
      threadPost(r, m.thread.submitted(mention(r.requesterId), decidersMention(r, approvers))),
      await dm(tx, r, r.requesterId, (l) => requestMessages(l).dm.submitted(code, title)),
      ...homeRefreshes(r, approvers),
    ]);
    await appendAudit(tx, audit);
    await circulateOnSubmit(tx, s, r, input.circulateTo ?? []); // 回覧: by the settings' rules and the requester's picks
    return { ok: true, id: r.id, code, duplicate: false };
  });
}

// ---- decide ---------------------------------------------------------------------

export async function decide(
  s: Services,
  input: { requestId: string; actorId: string; decision: Decision; pressedRev: number; reason?: string },
): Promise<FlowResult<{ code: string }>> {
  const reason = input.reason?.trim();
  if (input.decision !== "approve" && !reason) return { ok: false, refusal: "reason_required" };
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const approvers = await decidersNow(tx, s, before);
    const check = canDecide(before, input.actorId, input.pressedRev, approvers);
    if (!check.ok) return check;
    const onBehalfOf = actingFor(before, approvers, input.actorId); // 代理承認: the absent approver, or null
    // 合議 (src/routes/consultation): the final approval waits until the consultation rules are satisfied
    if (before.status === "pending_chief" && input.decision === "approve" && (await consultationWaiting(tx, before)).length > 0)
      return { ok: false, refusal: "consultation_pending" };
    const stage = stageOf(before.status)!;
    const status = statusAfter(before.status, input.decision, eligibleDeciders(before, approvers)!.fellToChief);
    const now = s.clock.now();
    await tx.request.update({
      where: { id: before.id },
      data: {
        status,
        stageSince: now,
        rev: { increment: 1 },
        updatedAt: now,
        ...(stage === 1 && (input.decision === "approve" || status === "rejection_pending_chief") ? { stage1By: input.actorId } : {}),
        ...(status === "approved" ? { approvedAt: now } : {}),
      },
    });
    const action = decisionAction(before.status, status, input.decision);
    const audit = await recordEvent(
      tx,
      s,
      before,
      input.actorId,
      action,
      reason ?? null,
      {
        stage,
        from: before.status,
        to: status,
        ...(status === "rejection_pending_chief" || before.status === "rejection_pending_chief" ? { rule: "規程第4条3項" } : {}),
      },
      { onBehalfOf },
    );
    if (status === "approved") {
      const defs = KINDS[before.kind].measures(before.data as RequestData);
      await tx.requestMeasure.createMany({ data: defs.map((d, position) => ({ requestId: before.id, key: d.key, position })) });
    }
    const r = (await loadRequest(tx, before.id))!;
    const m = requestMessages(CHANNEL_LANG);
    const who = onBehalfOf ? delegationMessages(CHANNEL_LANG).actingFor(mention(input.actorId), mention(onBehalfOf)) : mention(input.actorId);
    const calls: OutgoingCall[] = [parentUpdate(s, r, approvers)];
    if (status === "pending_chief") calls.push(threadPost(r, m.thread.approvedStage1(who, decidersMention(r, approvers))));
    // 合議 (src/routes/consultation): stage 1 approved; the rules that match start a round of consultation
    const consultation = status === "pending_chief" ? await startConsultation(tx, s, r) : null;
    if (consultation) calls.push(...consultation.calls);
    if (before.status === "pending_chief") calls.push(...(await consultationClosed(tx, s, r, action, input.actorId)));
    if (status === "rejection_pending_chief") {
      calls.push(threadPost(r, m.thread.rejectionProposed(who, reason!, decidersMention(r, approvers))));
      calls.push(await dm(tx, r, r.requesterId, (l) => requestMessages(l).dm.rejectionProposed(r.code, who, reason!)));
    }
    if (status === "approved") {
      calls.push(threadPost(r, before.status === "rejection_pending_chief" ? m.thread.rejectionOverridden(who) : m.thread.approvedStage2(who)));
      const list = checklistMessage(r, CHANNEL_LANG, s.timeZone);
      calls.push(
        post(
          orderKey(r.id),
          r.channelId,
          ref("requestTs", r.id),
          { text: list.text, blocks: list.blocks },
          { onSent: { type: "requestChecklist", requestId: r.id } },
        ),
      );
      calls.push(await dm(tx, r, r.requesterId, (l) => requestMessages(l).dm.approvedStage2(r.code)));
    }
    if (status === "changes_requested") {
      calls.push(threadPost(r, m.thread.changesRequested(who, reason!)));
      calls.push(
        await dm(
          tx,
          r,
          r.requesterId,
          (l) => requestMessages(l).dm.changesRequested(r.code, who, reason!),
          (l) => reviseButton(r, l),
          s,
        ),
      );
    }
    if (status === "rejected") {
      calls.push(threadPost(r, before.status === "rejection_pending_chief" ? m.thread.rejectionConfirmed(who, reason!) : m.thread.rejected(who, reason!)));
      calls.push(await dm(tx, r, r.requesterId, (l) => requestMessages(l).dm.rejected(r.code, who, reason!)));
    }
    // 代理承認 is the company's own extension: the thread says so, and that the absent approver reviews it (後閲)
    if (onBehalfOf) calls.push(threadPost(r, delegationMessages(CHANNEL_LANG).decidedAsDelegate(mention(onBehalfOf))));
    // the request's item in the morning reminders of those who were to decide it loses its menu
    calls.push(...(await reminderItemDone(tx, s, r.id, action, input.actorId)));
    calls.push(...homeRefreshes(r, approvers, input.actorId, before));
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, audit);
    for (const a of consultation?.audits ?? []) await appendAudit(tx, a);
    return { ok: true, code: r.code };
  });
  if (!result.ok && result.refusal !== "reason_required") await logRefusal(s, input.actorId, `request:${input.requestId}`, input.decision, result.refusal);
  s.outbox.kick();
  return result;
}

/** The history event of a decision, in the words of the step it took. */
function decisionAction(from: RequestStatus, to: RequestStatus, decision: Decision): string {
  if (from === "rejection_pending_chief") {
    if (decision === "reject") return "rejection_confirmed";
    if (decision === "approve") return "rejection_overridden";
    return "changes_requested";
  }
  if (to === "rejection_pending_chief") return "rejection_proposed";
  if (decision === "approve") return from === "pending_manager" ? "approved_stage1" : "approved_stage2";
  return decision === "reject" ? "rejected" : "changes_requested";
}

// ---- withdraw -------------------------------------------------------------------

export async function withdraw(s: Services, input: { requestId: string; actorId: string; pressedRev?: number }): Promise<FlowResult<{ code: string }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const check = canWithdraw(before, input.actorId, input.pressedRev);
    if (!check.ok) return check;
    await tx.request.update({
      where: { id: before.id },
      data: { status: "withdrawn", stageSince: s.clock.now(), rev: { increment: 1 }, updatedAt: s.clock.now() },
    });
    await record(tx, s, before, input.actorId, "withdrawn", null, { from: before.status });
    const r = (await loadRequest(tx, before.id))!;
    const approvers = await approversFor(tx, r.departmentId, deputyOn(s));
    await s.outbox.enqueue(tx, [
      parentUpdate(s, r, approvers),
      ...(before.status === "pending_chief" ? await consultationClosed(tx, s, r, "withdrawn", input.actorId) : []), // 合議 (src/routes/consultation)
      threadPost(r, requestMessages(CHANNEL_LANG).thread.withdrawn(mention(input.actorId))),
      ...(before.status === "changes_requested" ? await sentBackDone(tx, s, r.id, { action: "withdrawn" }, input.actorId) : []),
      ...(await reminderItemDone(tx, s, r.id, "withdrawn", input.actorId)),
      ...homeRefreshes(r, approvers, input.actorId, before),
    ]);
    return { ok: true, code: r.code };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `request:${input.requestId}`, "withdraw", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- resubmit -------------------------------------------------------------------

export async function resubmit(
  s: Services,
  input: { requestId: string; actorId: string; data: RequestData; pressedRev: number; documents?: readonly DocumentInput[] },
): Promise<FlowResult<{ code: string; version: number }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; version: number }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const check = canResubmit(before, input.actorId);
    if (!check.ok) return check;
    if (input.pressedRev !== before.rev) return { ok: false, refusal: "stale" };
    const now = s.clock.now();
    const version = before.version + 1;
    await tx.requestVersion.create({ data: { requestId: before.id, version, data: input.data as object, createdAt: now, createdBy: input.actorId } });
    await tx.request.update({
      where: { id: before.id },
      data: {
        status: "pending_manager",
        stageSince: now,
        version,
        stage1By: null,
        rev: { increment: 1 },
        updatedAt: now,
        title: KINDS[before.kind].title(input.data).slice(0, 200),
      },
    });
    // a changed document is a new version: new files replace the documents, else the previous version's carry over
    let documents: readonly DocumentInput[] = input.documents ?? [];
    if (documents.length > 0) await saveDocuments(tx, before.id, version, documents, input.actorId, now);
    else documents = await carryDocuments(tx, before.id, before.version, version, input.actorId, now);
    await record(tx, s, { ...before, version }, input.actorId, "resubmitted", null, {
      version,
      data: auditData(before.kind, input.data, sealOf(s)),
      // which fields changed (names only: their values are on the versions)
      changed: changesBetween(before.kind, before.data as RequestData, input.data, "en").map((c) => c.id),
      ...(documents.length ? { documents: auditDocuments(documents, sealOf(s)) } : {}),
    });
    const r = (await loadRequest(tx, before.id))!;
    const m = requestMessages(CHANNEL_LANG);
    const approvers = await decidersNow(tx, s, r);
    // the thread hears what changed, field by field, with the earlier versions a press away
    const changes = changesBetween(before.kind, before.data as RequestData, input.data, CHANNEL_LANG);
    const intro = m.thread.resubmitted(mention(r.requesterId), version, decidersMention(r, approvers));
    const diff = resubmittedMessage(r, intro, changes, version, CHANNEL_LANG);
    await s.outbox.enqueue(tx, [
      parentUpdate(s, r, approvers),
      post(orderKey(r.id), r.channelId, ref("requestTs", r.id), diff),
      ...(await sentBackDone(tx, s, r.id, { action: "resubmitted", version }, input.actorId)),
      ...homeRefreshes(r, approvers, input.actorId, before),
    ]);
    return { ok: true, code: r.code, version };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `request:${input.requestId}`, "resubmit", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- measures -------------------------------------------------------------------

export async function setMeasure(
  s: Services,
  input: { requestId: string; actorId: string; key: string; done: boolean; evidence?: Evidence },
): Promise<FlowResult<{ code: string; effective: boolean }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; effective: boolean }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const approvers = await approversFor(tx, before.departmentId, deputyOn(s));
    const check = canTickMeasure(before, input.actorId, approvers);
    if (!check.ok) return check;
    const measure = before.measures.find((x) => x.key === input.key);
    if (!measure) return { ok: false, refusal: "not_found" };
    // A measure the bot ticks itself (the ledger registration) has no button. A press on it from
    // a checklist posted before it had none only makes the request effective when every other
    // measure is done (the register then ticks it); anything else is refused.
    const auto = AUTO_MEASURES.has(input.key);
    const remaining = before.measures.filter((x) => !AUTO_MEASURES.has(x.key) && (x.key === input.key ? !input.done : !x.doneAt)).length;
    if (auto && (!input.done || measure.doneAt || remaining > 0)) return { ok: false, refusal: "not_found" };
    if (!auto && Boolean(measure.doneAt) === input.done) return { ok: false, refusal: "already" };
    const now = s.clock.now();
    if (!auto) {
      const evidence = input.done ? input.evidence : undefined;
      await tx.requestMeasure.update({
        where: { requestId_key: { requestId: before.id, key: input.key } },
        data: input.done
          ? { doneBy: input.actorId, doneAt: now, evidenceUrl: evidence?.url ?? null, evidenceNote: evidence?.note ?? null }
          : { doneBy: null, doneAt: null, evidenceUrl: null, evidenceNote: null },
      });
      // the evidence stays on the measure (erasable); the chain keeps its seals
      const seal = sealOf(s);
      const sealed = evidence
        ? { evidence: { ...(evidence.url ? { url: seal(evidence.url) } : {}), ...(evidence.note ? { note: seal(evidence.note) } : {}) } }
        : {};
      await record(
        tx,
        s,
        before,
        input.actorId,
        input.done ? "measure_done" : "measure_undone",
        null,
        { measure: input.key, ...(input.done ? {} : { from: "done", to: "open" }), ...sealed },
        input.key,
      );
    }
    const effective = remaining === 0;
    const m = requestMessages(CHANNEL_LANG);
    const calls: OutgoingCall[] = [];
    let provisionUntil: Date | null = null;
    if (effective) {
      await tx.request.update({
        where: { id: before.id },
        data: { status: "effective", stageSince: now, effectiveAt: now, rev: { increment: 1 }, updatedAt: now },
      });
      await record(tx, s, before, input.actorId, "effective");
      provisionUntil = await createProvisionRecord(tx, s, before);
      await createProcessorFromRequest(tx, s, before); // 第15条: an entrustment gets its processor record
      // 規程 第23条: the register of personal data is updated; its entry satisfies "registered in the ledger"
      const entryCode = await registerFromRequest(tx, s, before);
      if (entryCode && before.measures.some((x) => x.key === "ledger_registered"))
        await tx.requestMeasure.update({
          where: { requestId_key: { requestId: before.id, key: "ledger_registered" } },
          data: { doneBy: "system", doneAt: now, note: entryCode },
        });
    } else {
      await tx.request.update({ where: { id: before.id }, data: { rev: { increment: 1 }, updatedAt: now } });
    }
    const r = (await loadRequest(tx, before.id))!;
    const list = checklistMessage(r, CHANNEL_LANG, s.timeZone);
    calls.push(messageUpdate(orderKey(r.id), r.channelId, ref("requestChecklistTs", r.id), { text: list.text, blocks: list.blocks }));
    calls.push(parentUpdate(s, r, approvers));
    // Each tick edits the checklist in place; the thread hears only that the request is effective.
    if (effective) {
      const note = provisionUntil ? `\n${m.thread.provisionRecord(formatDate(provisionUntil, CHANNEL_LANG, s.timeZone))}` : "";
      const text = `${m.thread.effective(mention(r.requesterId))}${note}`;
      // a standing approval is used many times: each actual provision is logged (the records feature)
      if (PROVISION_KINDS.includes(r.kind))
        calls.push(post(orderKey(r.id), r.channelId, ref("requestTs", r.id), { text, blocks: logButtonBlocks(r.id, text, CHANNEL_LANG) }));
      else calls.push(threadPost(r, text));
      calls.push(await dm(tx, r, r.requesterId, (l) => requestMessages(l).dm.effective(r.code, r.title)));
      calls.push(...(await reminderItemDone(tx, s, r.id, "effective", input.actorId)));
    }
    calls.push(...homeRefreshes(r, approvers, input.actorId, before));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, code: r.code, effective };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `request:${input.requestId}`, input.done ? "measure_done" : "measure_undone", result.refusal);
  s.outbox.kick();
  return result;
}

/**
 * APPI Art.29: a third-party provision that becomes effective gets its provision record (the
 * records feature's hand-over, src/records/store.ts); provisions are then logged against it.
 */
async function createProvisionRecord(tx: Tx, s: Services, r: RequestSnapshot): Promise<Date | null> {
  const def = KINDS[r.kind];
  if (!def.provisionRecord) return null;
  const p = def.provisionRecord(r.data as RequestData);
  if (!p) return null;
  const now = s.clock.now();
  const made = await createProvisionRecordFromRequest(tx, { now, timeZone: s.timeZone }, { id: r.id }, p);
  await appendAudit(tx, {
    at: now,
    actorId: "system",
    action: "provision_record.created",
    subject: `request:${r.code}`,
    // the record's texts are on the provision record (kept its 1 or 3 years, then disposed of): here their seals
    data: {
      ...p,
      ...sealFields(sealOf(s), { ...p }, ["recipient", "dataSubjects", "items", "basis"]),
      retainUntil: made.retainUntil.toISOString(),
      recordId: made.id,
    },
  });
  return made.retainUntil;
}

// ---- outbox wiring --------------------------------------------------------------

/** Lets the outbox fill in the parent message's ts and permalink, and record them once posted. */
export function registerRequestOutbox(s: Services): void {
  registerParentMessage(
    s,
    { ts: "requestTs", permalink: "requestPermalink", posted: "requestMessage", idKey: "requestId" },
    {
      find: (tx, id) => tx.request.findUnique({ where: { id }, select: { channelId: true, messageTs: true } }),
      posted: (tx, id, at) => tx.request.update({ where: { id }, data: at }),
    },
  );
  s.outbox.registerRef(
    "requestChecklistTs",
    async (tx, r) => (await tx.request.findUnique({ where: { id: String(r.id) }, select: { checklistTs: true } }))?.checklistTs ?? undefined,
  );
  s.outbox.onSent("requestChecklist", async (tx, onSent, response) => {
    await tx.request.update({ where: { id: String(onSent.requestId) }, data: { checklistTs: String(response.ts) } });
  });
}
