// Business operations of subject requests. Each runs in one database transaction holding
// the state change, its audit entry (the case's timeline in the hash-chained log) and the
// Slack messages it causes (written to the outbox, sent after the commit).
//
// The register entry is a post in the compliance channel (channels.compliance), its thread
// the timeline; the owner gets a DM with the same buttons. Without a compliance channel the
// DMs carry everything.
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import { nextCode, yearIn } from "../platform/codes.js";
import { transact, whenDuplicate, type Tx } from "../platform/db.js";
import { CHANNEL_LANG, formatDateTime, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { channelPost, directMessage, mention, mentions, messageUpdate, ref, threadPost as post } from "../platform/slack/calls.js";
import { refusalLog } from "../platform/refusals.js";
import { calendarOf, type Services } from "../platform/services.js";
import { registerParentMessage } from "../platform/slack/parentMessage.js";
import { trackedDm, updateTrackedDms } from "../platform/slack/trackedDm.js";
import { getChannels, langOf } from "../directory/store.js";
import { approvalMessage, caseMessage, dayText, groundsText, identityText, ownerDm } from "./blocks.js";
import type { AnswerInput, IdentityInput, LogInput, NoticeInput } from "./forms.js";
import { DsrActions } from "./ids.js";
import { dsrMessages } from "./messages.js";
import {
  answerGate,
  dateDay,
  dayDate,
  DEFAULT_DSR_SETTINGS,
  dsrDeadlines,
  escalationNoticeKey,
  escalationPeople,
  identityGate,
  mayApproveRefusals,
  mayHandle,
  caseNoticeBasis,
  noticeGate,
  refusalApprovers,
  REFUSALS,
  reminderNoticeKey,
  reminderStage,
  statusAfterOutcome,
  type Day,
  type DsrKind,
  type DsrStatus,
  type Outcome,
} from "./rules.js";
import { officersOf } from "../directory/store.js";
import { loadCase, type CaseRow } from "./store.js";
import { claimNotices } from "../platform/schedule/notices.js";

export type DsrRefusal =
  | "not_found"
  | "not_allowed"
  | "stale"
  | "not_verified"
  | "awaiting_approval"
  | "awaiting_notice"
  | "not_decided"
  | "closed"
  | "not_approver"
  | "own_proposal"
  | "no_other_approver"
  | "not_awaiting"
  | "owner_not_handler";
export type FlowResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: DsrRefusal };

const orderKey = (id: string) => `dsr:${id}`;
export const dsrSubject = (code: string) => `dsr:${code}`;

export { calendarOf };

export function dsrSettingsOf(s: Services): typeof DEFAULT_DSR_SETTINGS {
  return s.settings?.dsr ?? DEFAULT_DSR_SETTINGS;
}

function threadPost(c: CaseRow, text: string): OutgoingCall | null {
  return c.channelId ? post(orderKey(c.id), c.channelId, ref("dsrTs", c.id), { text }) : null;
}

function parentUpdate(c: CaseRow): OutgoingCall | null {
  if (!c.channelId) return null;
  const msg = caseMessage(c, CHANNEL_LANG);
  return messageUpdate(orderKey(c.id), c.channelId, ref("dsrTs", c.id), { text: msg.text, blocks: msg.blocks });
}

async function dm(tx: Tx, to: string, build: (lang: Lang) => { text: string; blocks?: unknown[] }): Promise<OutgoingCall> {
  const lang = await langOf(tx, to);
  return directMessage(to, build(lang));
}

/** The owner's DM and the approvers' DMs carry buttons: remembered (TrackedDm) and edited in place once done. */
const ownerDmKey = (id: string) => `dsr:${id}`;
const approvalDmKey = (id: string) => `dsr-approval:${id}`;

/** The owner's DM edited to the case as it is now, stamped with the step just done (when, by whom). */
function ownerDmUpdates(tx: Tx, s: Services, after: CaseRow, actorId: string, step: keyof ReturnType<typeof dsrMessages>["dm"]["stepDone"]) {
  return updateTrackedDms(tx, ownerDmKey(after.id), async (p) => {
    const lang = await langOf(tx, p);
    const m = dsrMessages(lang).dm;
    const stamp = m.stamp(m.stepDone[step], formatDateTime(s.clock.now(), lang, s.timeZone), mention(actorId));
    return ownerDm(after, lang, after.channelId ? ref("dsrPermalink", after.id) : null, stamp);
  });
}

const some = (calls: (OutgoingCall | null)[]): OutgoingCall[] => calls.filter((c): c is OutgoingCall => c !== null);

/** A refused press, command or submission changes nothing but is logged. */
export const logRefusal = refusalLog("dsr.refused");

/** Locks the case and checks the actor and the modal's revision; the case or a refusal. */
async function lockFor(
  tx: Tx,
  caseId: string,
  actorId: string,
  rev: number | null,
): Promise<{ ok: true; c: CaseRow; roles: string[] } | { ok: false; refusal: DsrRefusal }> {
  await tx.$queryRaw`SELECT id FROM "SubjectRequest" WHERE id = ${caseId} FOR UPDATE`;
  const c = await loadCase(tx, caseId);
  if (!c) return { ok: false, refusal: "not_found" };
  const actor = await tx.person.findUnique({ where: { slackId: actorId }, select: { roles: true } });
  if (!actor || !mayHandle(actor)) return { ok: false, refusal: "not_allowed" };
  if (rev !== null && c.rev !== rev) return { ok: false, refusal: "stale" };
  return { ok: true, c, roles: actor.roles };
}

async function finish<T>(s: Services, actorId: string, caseId: string, action: string, r: FlowResult<T>): Promise<FlowResult<T>> {
  if (!r.ok) {
    const c = await loadCase(s.database.prisma, caseId).catch(() => null);
    await logRefusal(s, actorId, c ? dsrSubject(c.code) : `dsr:${caseId}`, action, r.refusal);
  }
  s.outbox.kick();
  return r;
}

// ---- log ---------------------------------------------------------------------------------

export type LogResult =
  | { ok: true; id: string; code: string; duplicate: boolean; late?: { stage: "overdue" | "ceiling"; targetOn: Day; ceilingOn: Day } }
  | { ok: false; refusal: DsrRefusal };

/**
 * Records a new request (DSR-YYYY-NNNN, status open) with its deadlines, posts its register
 * entry in the compliance channel (the thread is its timeline) and DMs the owner the buttons.
 * Logged late (from the post, after its target or its ceiling): the thread, the owner's DM
 * and the answer say so; on or after the escalation day the chiefs and compliance are told
 * at once (audit entry, thread post, DMs) under the once-only keys of the dsr.reminders job,
 * so a run later that day does not repeat it and a case logged after the day's run is still
 * escalated that day.
 */
export async function logRequest(s: Services, input: { actorId: string; form: LogInput; submissionKey: string }): Promise<LogResult> {
  const cal = calendarOf(s);
  const result = await transact(s.database.prisma, async (tx): Promise<LogResult> => {
    const dup = await tx.subjectRequest.findUnique({ where: { submissionKey: input.submissionKey } });
    if (dup) return { ok: true, id: dup.id, code: dup.code, duplicate: true };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayHandle(actor)) return { ok: false, refusal: "not_allowed" };
    const ownerId = input.form.ownerId ?? input.actorId;
    if (ownerId !== input.actorId) {
      const owner = await tx.person.findUnique({ where: { slackId: ownerId }, select: { roles: true } });
      if (!owner || !mayHandle(owner)) return { ok: false, refusal: "owner_not_handler" };
    }
    const now = s.clock.now();
    const f = input.form;
    const settings = dsrSettingsOf(s);
    const due = dsrDeadlines(cal, f.receivedOn, settings);
    const today = cal.day(now);
    const stage = reminderStage(cal, today, { receivedOn: f.receivedOn, targetOn: due.targetOn, ceilingOn: due.ceilingOn }, settings.remindBefore);
    const late = stage === "ceiling" || stage === "overdue" ? stage : null;
    const channel = (await getChannels(tx)).compliance ?? null;
    const code = await nextCode(tx, "DSR", yearIn(now, s.timeZone));
    const c = await tx.subjectRequest.create({
      data: {
        code,
        kind: f.kind,
        via: f.via,
        receivedOn: dayDate(f.receivedOn),
        requester: f.requester,
        mandate: f.mandate,
        customerRef: f.customerRef,
        scope: f.scope,
        disclosureMethod: f.disclosureMethod,
        feeYen: f.feeYen,
        ownerId,
        loggedBy: input.actorId,
        status: "open",
        targetOn: dayDate(due.targetOn),
        ceilingOn: dayDate(due.ceilingOn),
        channelId: channel,
        submissionKey: input.submissionKey,
        createdAt: now,
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "dsr.logged",
      subject: dsrSubject(code),
      // codes, the scope's presence and the customer reference's seal: both are free text (the case row holds them, erasable)
      data: {
        kind: f.kind,
        via: f.via,
        receivedOn: f.receivedOn,
        requester: f.requester,
        mandate: f.mandate,
        customerRef: sealOf(s)(f.customerRef),
        scopeGiven: f.scope !== null,
        disclosureMethod: f.disclosureMethod,
        feeYen: f.feeYen,
        ownerId,
        targetOn: due.targetOn,
        ceilingOn: due.ceilingOn,
        targetClamped: due.targetClamped,
        channel,
        ...(late ? { late } : {}),
      },
    });
    const calls: OutgoingCall[] = [];
    const t = dsrMessages(CHANNEL_LANG);
    // at or past the escalation day: the job's escalation, now, under the job's once-only keys
    let escalateTo: string[] = [];
    if (late === "ceiling") {
      const people = escalationPeople(await officersOf(tx, s.settings?.governance.deputyChief));
      const fresh = await claimNotices(
        tx,
        [escalationNoticeKey(c.id, today), ...[...new Set([ownerId, ...people])].map((p) => reminderNoticeKey(c.id, "ceiling", p, today, due.targetOn))],
        now,
      );
      if (fresh.has(escalationNoticeKey(c.id, today))) {
        escalateTo = people;
        await appendAudit(tx, {
          at: now,
          actorId: "system",
          action: "dsr.escalated",
          subject: dsrSubject(code),
          data: { day: today, ceilingOn: due.ceilingOn, to: people, onLogging: true },
        });
      }
    }
    if (channel) {
      const msg = caseMessage(c, CHANNEL_LANG);
      calls.push(channelPost(orderKey(c.id), channel, { text: msg.text, blocks: msg.blocks }, { onSent: { type: "dsrMessage", caseId: c.id } }));
      const lines = [t.thread.logged(code, mention(input.actorId), mention(ownerId))];
      if (due.targetClamped) lines.push(t.thread.clampedTarget(dayText(due.targetOn, CHANNEL_LANG)));
      if (late === "overdue") lines.push(t.thread.lateOverdue(dayText(due.targetOn, CHANNEL_LANG)));
      if (late === "ceiling") lines.push(t.thread.lateCeiling(dayText(due.ceilingOn, CHANNEL_LANG), mentions(escalateTo) || "—"));
      calls.push(threadPost(c, lines.join("\n"))!);
    }
    const ownerLang = await langOf(tx, ownerId);
    calls.push(
      await trackedDm(
        tx,
        now,
        ownerDmKey(c.id),
        ownerId,
        ((lang: Lang) => {
          const m = dsrMessages(lang);
          const d = ownerDm(c, lang, channel ? ref("dsrPermalink", c.id) : null);
          const extra = [
            ...(late === "overdue" ? [m.thread.lateOverdue(dayText(due.targetOn, lang))] : []),
            ...(late === "ceiling" ? [m.dm.lateEscalation(code, m.kind[f.kind as DsrKind], dayText(due.ceilingOn, lang), mention(ownerId))] : []),
            ...(channel ? [] : [m.dm.noChannel]),
          ];
          return extra.length ? { ...d, text: [d.text, ...extra].join("\n") } : d;
        })(ownerLang),
      ),
    );
    for (const p of escalateTo.filter((x) => x !== ownerId)) {
      calls.push(
        await dm(tx, p, (lang) => {
          const m = dsrMessages(lang);
          const text = m.dm.lateEscalation(code, m.kind[f.kind as DsrKind], dayText(due.ceilingOn, lang), mention(ownerId));
          const elements = channel
            ? [{ type: "button", text: { type: "plain_text", text: m.parent.open }, action_id: DsrActions.openLink, url: ref("dsrPermalink", c.id) }]
            : [];
          return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }, ...(elements.length ? [{ type: "actions", elements }] : [])] };
        }),
      );
    }
    await s.outbox.enqueue(tx, calls);
    return { ok: true, id: c.id, code, duplicate: false, ...(late ? { late: { stage: late, targetOn: due.targetOn, ceilingOn: due.ceilingOn } } : {}) };
  }).catch(
    whenDuplicate(async () => {
      const dup = await s.database.prisma.subjectRequest.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
      return { ok: true as const, id: dup.id, code: dup.code, duplicate: true };
    }),
  );
  if (!result.ok) await logRefusal(s, input.actorId, "dsr:new", "log", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- identity check -------------------------------------------------------------------------

/**
 * 本人確認: which document was seen (never its number), by whom and when; open -> verified.
 * While verified (not answered, no refusal waiting) it may be recorded again: a correction,
 * logged as dsr.identity_corrected with the codes before and after.
 */
export async function recordIdentity(
  s: Services,
  input: { caseId: string; rev: number | null; actorId: string; form: IdentityInput },
): Promise<FlowResult<{ code: string; corrected: boolean }>> {
  const r = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; corrected: boolean }>> => {
    const l = await lockFor(tx, input.caseId, input.actorId, input.rev);
    if (!l.ok) return l;
    const before = l.c;
    const gate = identityGate(before.status as DsrStatus);
    if (gate) return { ok: false, refusal: gate };
    const correcting = before.status === "verified";
    const now = s.clock.now();
    const f = input.form;
    const after = await tx.subjectRequest.update({
      where: { id: before.id },
      data: {
        status: "verified",
        idDocument: f.document,
        idDocumentNote: f.note,
        mandateDocument: f.mandateDocument,
        agentDocument: f.agentDocument,
        idCheckedBy: f.checkedBy,
        idCheckedOn: dayDate(f.checkedOn),
        idRecordedBy: input.actorId,
        idRecordedAt: now,
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    // codes only: the label of 「その他」 is free text, its presence is logged
    const record = (x: {
      document: string | null;
      note: string | null;
      mandateDocument: string | null;
      agentDocument: string | null;
      checkedBy: string | null;
      checkedOn: Day | null;
    }) => ({
      document: x.document,
      labelGiven: x.note !== null,
      mandateDocument: x.mandateDocument,
      agentDocument: x.agentDocument,
      checkedBy: x.checkedBy,
      checkedOn: x.checkedOn,
    });
    const recorded = record({ ...f });
    if (correcting) {
      const was = record({
        document: before.idDocument,
        note: before.idDocumentNote,
        mandateDocument: before.mandateDocument,
        agentDocument: before.agentDocument,
        checkedBy: before.idCheckedBy,
        checkedOn: before.idCheckedOn ? dateDay(before.idCheckedOn) : null,
      });
      await appendAudit(tx, {
        at: now,
        actorId: input.actorId,
        action: "dsr.identity_corrected",
        subject: dsrSubject(before.code),
        data: { before: was, after: recorded },
      });
    } else {
      await appendAudit(tx, {
        at: now,
        actorId: input.actorId,
        action: "dsr.identity_checked",
        subject: dsrSubject(before.code),
        data: { ...recorded, from: before.status, to: "verified" },
      });
    }
    const t = dsrMessages(CHANNEL_LANG);
    const text = correcting
      ? t.thread.identityCorrected(mention(input.actorId), identityText(before, CHANNEL_LANG), identityText(after, CHANNEL_LANG))
      : t.thread.identity(mention(input.actorId), identityText(after, CHANNEL_LANG), mention(f.checkedBy), dayText(f.checkedOn, CHANNEL_LANG));
    await s.outbox.enqueue(tx, [...some([parentUpdate(after), threadPost(after, text)]), ...(await ownerDmUpdates(tx, s, after, input.actorId, "identity"))]);
    return { ok: true, code: before.code, corrected: correcting };
  });
  return finish(s, input.actorId, input.caseId, "identity", r);
}

// ---- the answer ------------------------------------------------------------------------------

/**
 * The outcome. Only after the identity check (the gate, checked here on the server whatever
 * the button showed). Done: answered. Partly / not done: a refusal proposal that waits for
 * the chief or deputy (approval request in the thread and by DM).
 */
export async function recordAnswer(
  s: Services,
  input: { caseId: string; rev: number | null; actorId: string; form: AnswerInput },
): Promise<FlowResult<{ code: string; status: DsrStatus }>> {
  const r = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; status: DsrStatus }>> => {
    const l = await lockFor(tx, input.caseId, input.actorId, null);
    if (!l.ok) return l;
    const before = l.c;
    const gate = answerGate(before.status as DsrStatus);
    if (gate) return { ok: false, refusal: gate };
    if (input.rev !== null && before.rev !== input.rev) return { ok: false, refusal: "stale" };
    const now = s.clock.now();
    const f = input.form;
    const status = statusAfterOutcome(f.outcome);
    const refusing = REFUSALS.includes(f.outcome);
    const after = await tx.subjectRequest.update({
      where: { id: before.id },
      data: {
        status,
        outcome: f.outcome,
        grounds: f.grounds,
        reasonToPerson: f.reasonToPerson,
        actionTaken: f.actionTaken,
        actionOn: f.actionOn ? dayDate(f.actionOn) : null,
        statutoryBasis: f.statutoryBasis,
        methodUsed: f.methodUsed,
        proposedBy: input.actorId,
        proposedAt: now,
        approvedBy: null,
        approvedAt: null,
        ...(refusing ? {} : { decidedAt: now }),
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: refusing ? "dsr.refusal_proposed" : "dsr.answered",
      subject: dsrSubject(before.code),
      // codes and the fields' presence: what was done and the reason are free text (on the case row)
      data: {
        outcome: f.outcome,
        grounds: f.grounds,
        statutoryBasis: f.statutoryBasis,
        methodUsed: f.methodUsed,
        actionOn: f.actionOn,
        actionTakenGiven: f.actionTaken !== null,
        reasonGiven: f.reasonToPerson !== null,
        from: before.status,
        to: status,
      },
    });
    const t = dsrMessages(CHANNEL_LANG);
    const who = mention(input.actorId);
    const calls: (OutgoingCall | null)[] = [parentUpdate(after)];
    if (!refusing) {
      calls.push(
        threadPost(after, `${t.thread.answered(who, f.actionTaken ?? "", f.actionOn ? dayText(f.actionOn, CHANNEL_LANG) : "")}\n${t.thread.decidedDone}`),
      );
    } else {
      const o = await officersOf(tx, s.settings?.governance.deputyChief);
      const approvers = refusalApprovers(input.actorId, o.chiefs, o.deputies);
      const lines = [
        t.thread.proposed(who, t.outcome[f.outcome], groundsText(f.grounds, CHANNEL_LANG), approvers.people.length ? mentions(approvers.people) : "—"),
      ];
      if (approvers.none) {
        // nobody may approve it (nobody approves their own proposal): said now, and compliance told, logged
        lines.push(t.thread.noApprover(mentions(o.compliance)));
        await appendAudit(tx, {
          at: now,
          actorId: "system",
          action: "dsr.no_approver",
          subject: dsrSubject(before.code),
          data: { proposedBy: input.actorId, outcome: f.outcome, why: approvers.none, to: o.compliance },
        });
        for (const p of o.compliance)
          calls.push(await dm(tx, p, (lang) => ({ text: dsrMessages(lang).dm.noApproverToCompliance(after.code, dsrMessages(lang).outcome[f.outcome], who) })));
      }
      calls.push(threadPost(after, lines.join("\n")));
      if (after.channelId) {
        const msg = approvalMessage(after, CHANNEL_LANG);
        calls.push(
          post(
            orderKey(after.id),
            after.channelId,
            ref("dsrTs", after.id),
            { text: msg.text, blocks: msg.blocks },
            { onSent: { type: "dsrApproval", caseId: after.id } },
          ),
        );
      }
      for (const p of approvers.people) {
        const lang = await langOf(tx, p);
        const msg = approvalMessage(after, lang);
        const text = dsrMessages(lang).dm.toApprovers(after.code, dsrMessages(lang).outcome[f.outcome], who);
        calls.push(
          await trackedDm(tx, now, approvalDmKey(after.id), p, { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }, ...msg.blocks] }),
        );
      }
    }
    calls.push(...(await ownerDmUpdates(tx, s, after, input.actorId, status === "awaiting_approval" ? "proposed" : "answered")));
    await s.outbox.enqueue(tx, some(calls));
    return { ok: true, code: before.code, status };
  });
  return finish(s, input.actorId, input.caseId, "answer", r);
}

// ---- the chief's decision on a refusal -------------------------------------------------------

export type RefusalDecision = { decision: "approve" } | { decision: "send_back"; reason: string };

/**
 * 不実施を承認 / 差し戻し by the chief or deputy, on the revision the buttons were made for.
 * Nobody decides their own proposal (rules.ts refusalApprovers): the proposer is refused,
 * and told so when nobody else can (`no_other_approver`). Approved: answered. Sent back:
 * verified again, the proposal kept in the log, the owner told why.
 */
export async function decideRefusal(
  s: Services,
  input: { caseId: string; rev: number; actorId: string } & RefusalDecision,
): Promise<FlowResult<{ code: string }>> {
  const r = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string }>> => {
    await tx.$queryRaw`SELECT id FROM "SubjectRequest" WHERE id = ${input.caseId} FOR UPDATE`;
    const before = await loadCase(tx, input.caseId);
    if (!before) return { ok: false, refusal: "not_found" };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayApproveRefusals(actor)) return { ok: false, refusal: "not_approver" };
    if (before.status !== "awaiting_approval") return { ok: false, refusal: "not_awaiting" };
    if (before.rev !== input.rev) return { ok: false, refusal: "stale" };
    const o = await officersOf(tx, s.settings?.governance.deputyChief);
    const approvers = refusalApprovers(before.proposedBy ?? "", o.chiefs, o.deputies);
    if (!approvers.people.includes(input.actorId))
      return { ok: false, refusal: input.actorId === before.proposedBy ? (approvers.none ? "no_other_approver" : "own_proposal") : "not_approver" };
    const now = s.clock.now();
    const t = dsrMessages(CHANNEL_LANG);
    const who = mention(input.actorId);
    const outcome = before.outcome as Outcome;
    const calls: (OutgoingCall | null)[] = [];
    let after: CaseRow;
    if (input.decision === "approve") {
      after = await tx.subjectRequest.update({
        where: { id: before.id },
        data: { status: "decided", approvedBy: input.actorId, approvedAt: now, decidedAt: now, rev: { increment: 1 }, updatedAt: now },
      });
      await appendAudit(tx, {
        at: now,
        actorId: input.actorId,
        action: "dsr.refusal_approved",
        subject: dsrSubject(before.code),
        data: { outcome, grounds: before.grounds, proposedBy: before.proposedBy },
      });
      calls.push(threadPost(after, t.thread.approved(who, t.outcome[outcome])));
      calls.push(await dm(tx, after.ownerId, (lang) => ({ text: dsrMessages(lang).dm.approvedToOwner(after.code, who) })));
    } else {
      after = await tx.subjectRequest.update({
        where: { id: before.id },
        data: {
          status: "verified",
          outcome: null,
          grounds: [],
          reasonToPerson: null,
          actionTaken: null,
          actionOn: null,
          statutoryBasis: null,
          methodUsed: null,
          proposedBy: null,
          proposedAt: null,
          rev: { increment: 1 },
          updatedAt: now,
        },
      });
      await appendAudit(tx, {
        at: now,
        actorId: input.actorId,
        action: "dsr.refusal_sent_back",
        subject: dsrSubject(before.code),
        // the reasons are free text (in the thread and on the case row): their presence here
        data: { reasonGiven: true, proposal: { outcome, grounds: before.grounds, reasonGiven: before.reasonToPerson !== null, proposedBy: before.proposedBy } },
      });
      calls.push(threadPost(after, t.thread.sentBack(who, input.reason)));
      calls.push(await dm(tx, after.ownerId, (lang) => ({ text: dsrMessages(lang).dm.sentBackToOwner(after.code, who, input.reason) })));
    }
    calls.push(parentUpdate(after));
    if (before.channelId) {
      // the approval request in the thread loses its buttons (its ts is known once it was posted: same order key)
      const what = input.decision === "approve" ? t.thread.approveButton : t.thread.sendBackButton;
      const msg = approvalMessage(before, CHANNEL_LANG, { by: input.actorId, what });
      calls.push(messageUpdate(orderKey(before.id), before.channelId, ref("dsrApprovalTs", before.id), { text: msg.text, blocks: msg.blocks }));
    }
    // the approvers' DMs lose their buttons too, whoever decided
    const decidedWhat = (lang: Lang) => (input.decision === "approve" ? dsrMessages(lang).thread.approveButton : dsrMessages(lang).thread.sendBackButton);
    calls.push(
      ...(await updateTrackedDms(tx, approvalDmKey(before.id), async (p) => {
        const lang = await langOf(tx, p);
        const msg = approvalMessage(before, lang, { by: input.actorId, what: decidedWhat(lang) });
        const text = dsrMessages(lang).dm.toApprovers(before.code, dsrMessages(lang).outcome[outcome], before.proposedBy ? mention(before.proposedBy) : "—");
        return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }, ...msg.blocks] };
      })),
    );
    calls.push(...(await ownerDmUpdates(tx, s, after, input.actorId, input.decision === "approve" ? "approved" : "sentBack")));
    await s.outbox.enqueue(tx, some(calls));
    return { ok: true, code: before.code };
  });
  return finish(s, input.actorId, input.caseId, input.decision === "approve" ? "approve_refusal" : "send_back", r);
}

// ---- the notice to the person ------------------------------------------------------------------

/**
 * 本人への通知: every outcome is told to the person (Art.32(3), 33(3), 34(3), 35(7); seeds 002/004
 * §5(3)), with the reasons of a refusal explained as an effort (Art.36). Only once the outcome is
 * settled (decided); recording it closes the case (answered). The day and how, never what was said.
 */
export async function recordNotice(
  s: Services,
  input: { caseId: string; rev: number | null; actorId: string; form: NoticeInput },
): Promise<FlowResult<{ code: string }>> {
  const r = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string }>> => {
    const l = await lockFor(tx, input.caseId, input.actorId, input.rev);
    if (!l.ok) return l;
    const before = l.c;
    const gate = noticeGate(before.status as DsrStatus);
    if (gate) return { ok: false, refusal: gate };
    const now = s.clock.now();
    const f = input.form;
    const basis = caseNoticeBasis(before);
    const after = await tx.subjectRequest.update({
      where: { id: before.id },
      data: {
        status: "answered",
        noticeOn: dayDate(f.noticeOn),
        noticeVia: f.via,
        noticeBy: input.actorId,
        noticeRecordedAt: now,
        reasonExplained: f.reasonExplained,
        answeredAt: now,
        closedAt: now,
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "dsr.notified",
      subject: dsrSubject(before.code),
      data: { noticeOn: f.noticeOn, via: f.via, basis, outcome: before.outcome, reasonExplained: f.reasonExplained, from: before.status, to: "answered" },
    });
    const t = dsrMessages(CHANNEL_LANG);
    const text = t.thread.noticed(mention(input.actorId), dayText(f.noticeOn, CHANNEL_LANG), t.via[f.via], t.noticeBasis[basis]);
    await s.outbox.enqueue(tx, [...some([parentUpdate(after), threadPost(after, text)]), ...(await ownerDmUpdates(tx, s, after, input.actorId, "noticed"))]);
    return { ok: true, code: before.code };
  });
  return finish(s, input.actorId, input.caseId, "notice", r);
}

// ---- withdrawal ---------------------------------------------------------------------------------

export async function withdrawCase(
  s: Services,
  input: { caseId: string; rev: number | null; actorId: string; note: string | null },
): Promise<FlowResult<{ code: string }>> {
  const r = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string }>> => {
    const l = await lockFor(tx, input.caseId, input.actorId, input.rev);
    if (!l.ok) return l;
    const before = l.c;
    if (before.status === "answered" || before.status === "withdrawn") return { ok: false, refusal: "closed" };
    if (before.status === "awaiting_approval") return { ok: false, refusal: "awaiting_approval" };
    if (before.status === "decided") return { ok: false, refusal: "awaiting_notice" };
    const now = s.clock.now();
    const after = await tx.subjectRequest.update({
      where: { id: before.id },
      data: { status: "withdrawn", withdrawnNote: input.note, closedAt: now, rev: { increment: 1 }, updatedAt: now },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "dsr.withdrawn",
      subject: dsrSubject(before.code),
      data: { from: before.status, noteGiven: input.note !== null },
    });
    await s.outbox.enqueue(tx, [
      ...some([parentUpdate(after), threadPost(after, dsrMessages(CHANNEL_LANG).thread.withdrawn(mention(input.actorId), input.note))]),
      ...(await ownerDmUpdates(tx, s, after, input.actorId, "withdrawn")),
    ]);
    return { ok: true, code: before.code };
  });
  return finish(s, input.actorId, input.caseId, "withdraw", r);
}

// ---- outbox wiring ------------------------------------------------------------------------------

/** Lets the outbox fill in the register post's ts and permalink, and record them once posted. */
export function registerDsrOutbox(s: Services): void {
  registerParentMessage(
    s,
    { ts: "dsrTs", permalink: "dsrPermalink", posted: "dsrMessage", idKey: "caseId" },
    {
      find: (tx, id) => tx.subjectRequest.findUnique({ where: { id }, select: { channelId: true, messageTs: true } }),
      posted: (tx, id, at) => tx.subjectRequest.update({ where: { id }, data: at }),
    },
  );
  s.outbox.registerRef(
    "dsrApprovalTs",
    async (tx, r) => (await tx.subjectRequest.findUnique({ where: { id: String(r.id) }, select: { approvalTs: true } }))?.approvalTs ?? undefined,
  );
  s.outbox.onSent("dsrApproval", async (tx, onSent, response) => {
    await tx.subjectRequest.update({ where: { id: String(onSent.caseId) }, data: { approvalTs: String(response.ts) } });
  });
}
