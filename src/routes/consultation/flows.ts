// Business operations of the consultation route (合議). Each runs in one transaction with
// its state change, its history event, its audit entry and the Slack calls it causes.
// The request workflow calls two of them: startConsultation when stage 1 is approved, and
// consultationWaiting as the gate before the chief's final approval (src/requests/flows.ts).
import type { Button } from "@slack/types";
import { reminderItemDone, sentBackDm } from "../../requests/trackedDms.js";
import { appendAudit, type AuditInput } from "../../platform/audit/chain.js";
import { transact, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG, formatDateTime, type Lang } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { refusalLog } from "../../platform/refusals.js";
import type { Services } from "../../platform/services.js";
import { homeRefresh, mention, mentions, messageUpdate, ref, threadPost as post } from "../../platform/slack/calls.js";
import { trackedDm, updateTrackedItems, withoutButtons } from "../../platform/slack/trackedDm.js";
import { clip, plain } from "../../platform/slack/text.js";
import { reviseButton } from "../../requests/blocks.js";
import { decidersMention, deputyOn, homeRefreshes, orderKey, parentUpdate, recordEvent, threadPost } from "../../requests/flows.js";
import { RequestActions } from "../../requests/ids.js";
import { requestMessages } from "../../requests/messages.js";
import { approversFor, langOf, loadRequest, type RequestSnapshot } from "../../requests/store.js";
import { answerButtons, ruleLabel, statusMessage } from "./blocks.js";
import { ConsultActions } from "./ids.js";
import { consultMessages } from "./messages.js";
import {
  type Answer,
  canAddConsultant,
  canAnswer,
  type ConsultRefusal,
  DEFAULT_CONSULTATION_RULES,
  factsOf,
  matchingRules,
  reviewersOf,
  waitingFor,
} from "./rules.js";
import { loadRound, personExists, type Round, roleHolders } from "./store.js";

export type ConsultResult<T = object> = ({ ok: true } & T) | { ok: false; refusal: ConsultRefusal | "not_found" };

/** A refused press changes nothing but is logged. */
export const logConsultRefusal = refusalLog("request.consultation_refused");

const STATUS_REF = "consultStatusTs";
const roundKey = (requestId: string, version: number) => `${requestId}:${version}`;

/** Who the chief's final approval of the request's current version still waits for (empty: nobody, or no consultation). */
export async function consultationWaiting(tx: Tx, r: { id: string; version: number }): Promise<string[]> {
  const round = await loadRound(tx, r.id, r.version);
  return round ? waitingFor(round.rules, round.answers) : [];
}

/** The status block: posted in the thread when the round starts, edited in place after. */
function statusCall(r: RequestSnapshot, round: Round, first: boolean): OutgoingCall {
  const msg = statusMessage(r, round, CHANNEL_LANG);
  const body = { text: msg.text, blocks: msg.blocks };
  return first
    ? post(orderKey(r.id), r.channelId, ref("requestTs", r.id), body, { onSent: { type: "consultStatus", requestId: r.id, version: round.version } })
    : messageUpdate(orderKey(r.id), r.channelId, ref(STATUS_REF, roundKey(r.id, round.version)), body);
}

/**
 * A consultant's DM about one version, tracked with itself as its one item
 * (platform/slack/trackedDm.ts): its 合議 buttons go once they answer, or once the round
 * closes without their answer (decided, sent back, withdrawn), whoever did it.
 */
const consultItem = (requestId: string, version: number) => `consult:${requestId}:${version}`;

/** A consultant's DM: why they are asked, the two answer buttons and the link to the thread. */
async function consultantDm(tx: Tx, s: Services, r: RequestSnapshot, to: string, reasons: (lang: Lang) => string): Promise<OutgoingCall> {
  const lang = await langOf(tx, to);
  const text = consultMessages(lang).dm.consulted(r.code, r.title, reasons(lang));
  const open: Button = {
    type: "button",
    text: plain(requestMessages(lang).button.open),
    action_id: RequestActions.openLink,
    url: ref("requestPermalink", r.id) as never,
  };
  const item = consultItem(r.id, r.version);
  const body = {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
      { type: "actions", elements: [...answerButtons(r, lang), open] },
    ],
  };
  return trackedDm(tx, s.clock.now(), item, to, body, { orderKey: `dm:${to}`, items: [item] });
}

/**
 * The consultants' DMs of the round still showing their 合議 buttons (only `personId`'s
 * when given) lose them, stamped in the reader's language (`stamp`: what, when, who).
 */
function consultDmsDone(
  tx: Tx,
  s: Services,
  r: { id: string; version: number },
  stamp: (lang: Lang, at: string) => string,
  personId?: string,
): Promise<OutgoingCall[]> {
  const at = s.clock.now();
  return updateTrackedItems(
    tx,
    consultItem(r.id, r.version),
    async (p, sent) => {
      const lang = await langOf(tx, p);
      return withoutButtons(sent, [ConsultActions.approve, ConsultActions.object], stamp(lang, formatDateTime(at, lang, s.timeZone)));
    },
    personId,
  );
}

/**
 * Stage 1 was approved (inside decide's transaction): the settings rules the request's
 * version matches start a round of consultation. Rules that name nobody (no holder of the
 * role, or only the requester) are said in the thread and logged; they hold nothing.
 */
export async function startConsultation(tx: Tx, s: Services, r: RequestSnapshot): Promise<{ calls: OutgoingCall[]; audits: AuditInput[] }> {
  const rules = matchingRules(s.settings?.routes.consultation.rules ?? DEFAULT_CONSULTATION_RULES, factsOf(r.kind, r.data));
  if (rules.length === 0) return { calls: [], audits: [] };
  const roles = [...new Set(rules.flatMap((x) => x.consult).filter((c) => !/^[UW]/.test(c)))];
  const holders = await roleHolders(tx, roles);
  const m = consultMessages(CHANNEL_LANG);
  const calls: OutgoingCall[] = [];
  const staffed: { ruleId: string; condition: string; mode: "all" | "any"; reviewers: string[] }[] = [];
  for (const rule of rules) {
    const condition = rule.when === "headcount" ? `headcount:${rule.over}` : rule.when;
    const reviewers = reviewersOf(rule, (role) => holders.get(role) ?? [], r.requesterId);
    if (reviewers.length > 0) staffed.push({ ruleId: rule.id, condition, mode: rule.mode, reviewers });
    else {
      s.log.warn("a consultation rule names nobody", { rule: rule.id, request: r.code });
      calls.push(threadPost(r, m.thread.unstaffed(ruleLabel({ condition, ruleId: rule.id }, CHANNEL_LANG))));
    }
  }
  if (staffed.length === 0) return { calls, audits: [] };
  const now = s.clock.now();
  await tx.requestConsultRound.create({ data: { requestId: r.id, version: r.version, createdAt: now } });
  await tx.requestConsultRule.createMany({ data: staffed.map((x) => ({ requestId: r.id, version: r.version, ...x, createdAt: now })) });
  const people = [...new Set(staffed.flatMap((x) => x.reviewers))];
  await tx.requestConsultAnswer.createMany({ data: people.map((reviewerId) => ({ requestId: r.id, version: r.version, reviewerId, createdAt: now })) });
  // started by the stage-1 approval: the history names its approver (a real person, so the line renders as a mention)
  const audit = await recordEvent(tx, s, r, r.stage1By ?? r.requesterId, "consultation_started", null, {
    version: r.version,
    rules: staffed.map((x) => ({ rule: x.ruleId, condition: x.condition, mode: x.mode, reviewers: x.reviewers })),
  });
  const round = (await loadRound(tx, r.id, r.version))!;
  // the parent message again, now naming who the final approval waits for
  calls.push(parentUpdate(s, (await loadRequest(tx, r.id))!, await approversFor(tx, r.departmentId, deputyOn(s))));
  calls.push(statusCall(r, round, true));
  calls.push(threadPost(r, m.thread.started(mentions(people))));
  for (const p of people) {
    const mine = staffed.filter((x) => x.reviewers.includes(p));
    calls.push(await consultantDm(tx, s, r, p, (l) => mine.map((x) => ruleLabel(x, l)).join(l === "en" ? "; " : "、")));
    calls.push(homeRefresh(p)); // their Home lists it as waiting for them
  }
  return { calls, audits: [audit] };
}

/**
 * The request left the final-approval stage (decided, sent back, withdrawn: `action`, a
 * history event, by `actorId`): its status block shows the round closed, and the consultants
 * who had not answered see in their DM that no answer is needed any more.
 */
export async function consultationClosed(tx: Tx, s: Services, r: RequestSnapshot, action: string, actorId: string): Promise<OutgoingCall[]> {
  const round = await loadRound(tx, r.id, r.version);
  if (!round) return [];
  const moot = await consultDmsDone(tx, s, r, (lang, at) =>
    consultMessages(lang).stamp.moot(requestMessages(lang).event[action] ?? action, at, mention(actorId)),
  );
  return [statusCall(r, round, false), ...moot];
}

// ---- answer ---------------------------------------------------------------------------

/**
 * A consultant answers. An approval updates the status block (and says so when the round
 * is satisfied); an objection sends the request back to the requester like a send-back:
 * they revise and resubmit, and the consultation starts again on the new version.
 */
export async function answerConsultation(
  s: Services,
  input: { requestId: string; actorId: string; version: number; answer: Answer; reason?: string },
): Promise<ConsultResult<{ code: string }>> {
  const reason = input.reason?.trim();
  if (input.answer === "object" && !reason) return { ok: false, refusal: "reason_required" };
  const result = await transact(s.database.prisma, async (tx): Promise<ConsultResult<{ code: string }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const round = await loadRound(tx, before.id, before.version);
    const check = canAnswer(before, input.actorId, input.version, round?.answers ?? []);
    if (!check.ok) return check;
    const now = s.clock.now();
    await tx.requestConsultAnswer.update({
      where: { requestId_version_reviewerId: { requestId: before.id, version: before.version, reviewerId: input.actorId } },
      data: { answer: input.answer, reason: reason ?? null, answeredAt: now },
    });
    const approvers = await approversFor(tx, before.departmentId, deputyOn(s));
    const m = consultMessages(CHANNEL_LANG);
    const who = mention(input.actorId);
    const calls: OutgoingCall[] = [];
    let audit: AuditInput;
    if (input.answer === "approve") {
      audit = await recordEvent(tx, s, before, input.actorId, "consultation_approved", null, { version: before.version });
      const after = (await loadRound(tx, before.id, before.version))!;
      const r = (await loadRequest(tx, before.id))!;
      calls.push(
        parentUpdate(s, r, approvers),
        statusCall(before, after, false),
        threadPost(before, m.thread.approved(who)),
        // their DM loses its 合議 buttons
        ...(await consultDmsDone(tx, s, before, (lang, at) => consultMessages(lang).stamp.approved(at, who), input.actorId)),
        homeRefresh(input.actorId),
      );
      if (waitingFor(after.rules, after.answers).length === 0) calls.push(threadPost(before, m.thread.satisfied(decidersMention(before, approvers))));
    } else {
      await tx.request.update({ where: { id: before.id }, data: { status: "changes_requested", stageSince: now, rev: { increment: 1 }, updatedAt: now } });
      audit = await recordEvent(tx, s, before, input.actorId, "consultation_objected", reason, {
        version: before.version,
        from: before.status,
        to: "changes_requested",
      });
      const r = (await loadRequest(tx, before.id))!;
      const after = (await loadRound(tx, before.id, before.version))!;
      const requesterLang = await langOf(tx, r.requesterId);
      const text = consultMessages(requesterLang).dm.objected(r.code, who, reason!);
      const revise = reviseButton(r, requesterLang);
      const open: Button = {
        type: "button",
        text: plain(requestMessages(requesterLang).button.open),
        action_id: RequestActions.openLink,
        url: ref("requestPermalink", r.id) as never,
      };
      calls.push(
        parentUpdate(s, r, approvers),
        statusCall(r, after, false),
        threadPost(r, m.thread.objected(who, reason!)),
        // the sent-back DM, edited once the request is resubmitted or withdrawn (requests/trackedDms.ts)
        await sentBackDm(tx, s, r.id, r.requesterId, {
          text,
          blocks: [
            { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
            { type: "actions", elements: [revise, open] },
          ],
        }),
        ...(await reminderItemDone(tx, s, r.id, "consultation_objected", input.actorId)),
        // the objector's DM says so; the others' say no answer is needed any more
        ...(await consultDmsDone(tx, s, before, (lang, at) => consultMessages(lang).stamp.objected(at, who), input.actorId)),
        ...(await consultDmsDone(tx, s, before, (lang, at) =>
          consultMessages(lang).stamp.moot(requestMessages(lang).event.consultation_objected ?? "", at, who),
        )),
        ...homeRefreshes(r, approvers, input.actorId, before),
      );
    }
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, audit);
    return { ok: true, code: before.code };
  });
  if (!result.ok && result.refusal !== "reason_required")
    await logConsultRefusal(s, input.actorId, `request:${input.requestId}`, `consult_${input.answer}`, result.refusal);
  s.outbox.kick();
  return result;
}

// ---- 承認者の追加 ------------------------------------------------------------------------

/** The chief (or deputy) adds a consultant to the request in flight, with a reason; logged. */
export async function addConsultant(
  s: Services,
  input: { requestId: string; actorId: string; version: number; person: string; reason: string },
): Promise<ConsultResult<{ code: string }>> {
  const reason = input.reason.trim();
  if (!reason) return { ok: false, refusal: "reason_required" };
  const result = await transact(s.database.prisma, async (tx): Promise<ConsultResult<{ code: string }>> => {
    const before = await loadRequest(tx, input.requestId, { lock: true });
    if (!before) return { ok: false, refusal: "not_found" };
    const approvers = await approversFor(tx, before.departmentId, deputyOn(s));
    const round = await loadRound(tx, before.id, before.version);
    const check = canAddConsultant(before, input.actorId, input.person, input.version, [...approvers.chiefs, ...approvers.deputies], round?.answers ?? []);
    if (!check.ok) return check;
    if (!(await personExists(tx, input.person))) return { ok: false, refusal: "unknown_person" };
    const now = s.clock.now();
    if (!round) await tx.requestConsultRound.create({ data: { requestId: before.id, version: before.version, createdAt: now } });
    const n = (round?.rules.filter((x) => x.condition === "added").length ?? 0) + 1;
    await tx.requestConsultRule.create({
      data: {
        requestId: before.id,
        version: before.version,
        ruleId: `added-${n}`,
        condition: "added",
        mode: "all",
        reviewers: [input.person],
        addedBy: input.actorId,
        createdAt: now,
      },
    });
    await tx.requestConsultAnswer.create({ data: { requestId: before.id, version: before.version, reviewerId: input.person, createdAt: now } });
    const audit = await recordEvent(tx, s, before, input.actorId, "consultant_added", reason, { version: before.version, consultant: input.person });
    const after = (await loadRound(tx, before.id, before.version))!;
    const m = consultMessages(CHANNEL_LANG);
    const r = (await loadRequest(tx, before.id))!;
    await s.outbox.enqueue(tx, [
      parentUpdate(s, r, approvers),
      statusCall(before, after, !round),
      threadPost(before, m.thread.added(mention(input.actorId), mention(input.person), reason)),
      await consultantDm(tx, s, before, input.person, (l) => consultMessages(l).condition.added),
      homeRefresh(input.person),
    ]);
    await appendAudit(tx, audit);
    return { ok: true, code: before.code };
  });
  if (!result.ok && result.refusal !== "reason_required")
    await logConsultRefusal(s, input.actorId, `request:${input.requestId}`, "consult_add", result.refusal);
  s.outbox.kick();
  return result;
}

/** What the chief is told on pressing the held final approval: who has not answered yet. */
export async function heldText(s: Services, requestId: string, lang: Lang): Promise<string> {
  const r = await loadRequest(s.database.prisma, requestId);
  const round = r ? await loadRound(s.database.prisma, r.id, r.version) : null;
  const waiting = round ? waitingFor(round.rules, round.answers) : [];
  return waiting.length ? consultMessages(lang).held(mentions(waiting)) : requestMessages(lang).refusal.consultation_pending;
}

// ---- outbox wiring ----------------------------------------------------------------------

/** Lets the outbox fill in the status block's ts, and record it once posted. */
export function registerConsultationOutbox(s: Services): void {
  s.outbox.registerRef(STATUS_REF, async (tx, r) => {
    const [requestId, version] = String(r.id).split(":");
    const round = await tx.requestConsultRound.findUnique({ where: { requestId_version: { requestId: requestId!, version: Number(version) } } });
    return round?.statusTs ?? undefined;
  });
  s.outbox.onSent("consultStatus", async (tx, onSent, response) => {
    await tx.requestConsultRound.update({
      where: { requestId_version: { requestId: String(onSent.requestId), version: Number(onSent.version) } },
      data: { statusTs: String(response.ts) },
    });
  });
}
