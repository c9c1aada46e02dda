// Business operations of the incidents feature. Each runs in one database transaction
// holding the state change, its audit entry (the incident's timeline in the hash-chained
// log) and the Slack messages it causes (written to the outbox, sent after the commit).
import { appendAudit } from "../../platform/audit/chain.js";
import { keepText, sealOf } from "../../platform/pii/index.js";
import { nextCode, yearIn } from "../../platform/codes.js";
import { transact, whenDuplicate } from "../../platform/db.js";
import { CHANNEL_LANG, formatDateTime } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { channelPost, directMessage, mention, mentions, ref } from "../../platform/slack/calls.js";
import type { Services } from "../../platform/services.js";
import { registerParentMessage } from "../../platform/slack/parentMessage.js";
import { getChannels, langOf } from "../../directory/store.js";
import { mayRespond } from "../access.js";
import { companyProfile, deadlineOptions, profileFacts } from "../config.js";
import { deadlineLines, dmWithLink, incidentMessage } from "../blocks.js";
import type { AssessmentInput, IncidentReportInput } from "./forms.js";
import { describeReportability } from "../messages.js";
import { deadlines, reportability, secrecyTrack, statusAfter, type IncidentDeadlines, type IncidentStatus } from "../rules.js";
import { trackMessages } from "../trackMessages.js";
import { incidentEscalationMessages } from "../escalationMessages.js";
import { incidentSlackMessages } from "../slackMessages.js";
import { officersOf } from "../../directory/store.js";
import { assessmentOf, lockIncident } from "../store.js";
import { tasksAtAssessment } from "../tasks/flows.js";
import { reassess } from "../wording.js";
import { ackDmKey, ackDmUpdates, homeRefreshes, parentUpdate, threadPost } from "../calls.js";
import { trackedDm } from "../../platform/slack/trackedDm.js";
import { logRefusal, type FlowResult, type IncidentRefusal } from "../refusals.js";

const orderKey = (id: string) => `incident:${id}`;
const subject = (code: string) => `incident:${code}`;

const isoDeadlines = (d: IncidentDeadlines) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v ? v.toISOString() : null]));

// ---- report ---------------------------------------------------------------------

export type ReportResult = { ok: true; id: string; code: string; duplicate: boolean; channel: string | null };

/**
 * Records a new incident (INC-YYYY-NNNN, status open) and tells everyone at once: the
 * incidents channel (parent message and the first timeline reply), the chiefs and
 * compliance by DM with a link, and the reporter (thanks and what happens next). Without
 * an incidents channel the chiefs and compliance get the whole report by DM and are told so.
 */
export async function reportIncident(s: Services, input: { reporterId: string; report: IncidentReportInput; submissionKey: string }): Promise<ReportResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<ReportResult> => {
    const dup = await tx.incident.findUnique({ where: { submissionKey: input.submissionKey } });
    if (dup) return { ok: true, id: dup.id, code: dup.code, duplicate: true, channel: dup.channelId };
    const now = s.clock.now();
    const channel = (await getChannels(tx)).incidents ?? null;
    const code = await nextCode(tx, "INC", yearIn(now, s.timeZone));
    const r = input.report;
    const seal = sealOf(s);
    const i = await tx.incident.create({
      data: {
        code,
        status: "open",
        summary: r.summary,
        discoveredAt: r.discoveredAt,
        reportedAt: now,
        reporterId: input.reporterId,
        dataDescription: r.dataDescription,
        affectedEstimate: r.affectedEstimate,
        ongoing: r.ongoing,
        asProcessor: r.asProcessor,
        contact: r.contact,
        secrecyInvolved: r.secrecyInvolved,
        // the regulator form's facts and a partner's report (issue 13)
        occurredOn: r.facts.occurredOn ? new Date(`${r.facts.occurredOn}T00:00:00Z`) : null,
        discoveryMethod: r.facts.discoveryMethod,
        eventKinds: r.facts.eventKinds,
        medium: r.facts.medium,
        partnerName: r.facts.partnerName,
        channelId: channel,
        submissionKey: input.submissionKey,
        createdAt: now,
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.reporterId,
      action: "incident.reported",
      subject: subject(code),
      // what the reporter typed (summary, data, contact) is on the incident row, erasable: here its seals
      data: {
        ...r,
        summary: seal(r.summary),
        dataDescription: seal(r.dataDescription),
        contact: seal(r.contact),
        facts: { ...r.facts, partnerName: seal(r.facts.partnerName) },
        discoveredAt: r.discoveredAt.toISOString(),
        channel,
      },
    });
    const team = await officersOf(tx, s.settings?.governance.deputyChief);
    const told = [...new Set([...team.chiefs, ...team.compliance])];
    const calls: OutgoingCall[] = [];
    const m = incidentSlackMessages(CHANNEL_LANG);
    if (channel) {
      const msg = incidentMessage(i, CHANNEL_LANG, s.timeZone, companyProfile(s));
      calls.push(channelPost(orderKey(i.id), channel, { text: msg.text, blocks: msg.blocks }, { onSent: { type: "incidentMessage", incidentId: i.id } }));
      const assessors = team.chiefs.length ? mentions([...team.chiefs, ...team.deputies, ...team.compliance]) : m.thread.nobody;
      calls.push(threadPost(i, m.thread.reported(code, mention(i.reporterId), formatDateTime(i.discoveredAt, CHANNEL_LANG, s.timeZone), assessors)));
    }
    for (const to of told) {
      const lang = await langOf(tx, to);
      const dm = incidentSlackMessages(lang).dm;
      const text = dm.toResponders(code, mention(i.reporterId), r.summary.slice(0, 500));
      if (channel) calls.push(await trackedDm(tx, now, ackDmKey(i.id), to, dmWithLink(text, lang, ref("incidentPermalink", i.id), { incidentId: i.id })));
      else {
        const full = incidentMessage(i, lang, s.timeZone, companyProfile(s));
        calls.push(
          directMessage(to, {
            text: `${text}\n${dm.noChannel}`,
            blocks: [{ type: "section", text: { type: "mrkdwn", text: `${text}\n${dm.noChannel}` } }, ...full.blocks],
          }),
        );
      }
    }
    const reporterLang = await langOf(tx, i.reporterId);
    const contacts = team.chiefs.length ? mentions([...team.chiefs, ...team.compliance]) : mentions(team.compliance);
    calls.push(directMessage(i.reporterId, { text: incidentSlackMessages(reporterLang).dm.toReporter(code, contacts) }));
    calls.push(...(await homeRefreshes(tx, i)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, id: i.id, code, duplicate: false, channel };
  }).catch(
    whenDuplicate(async () => {
      const dup = await s.database.prisma.incident.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
      return { ok: true as const, id: dup.id, code: dup.code, duplicate: true, channel: dup.channelId };
    }),
  );
  s.outbox.kick();
  return result;
}

// ---- assess ---------------------------------------------------------------------

/**
 * The 第7条 assessment by the chief, the deputy chief or compliance: reportable or not and
 * why, the deadlines from the discovery (rules.ts), status open -> triaged. A later
 * assessment recomputes them; the timeline says what changed and why.
 */
export async function assessIncident(
  s: Services,
  input: { incidentId: string; actorId: string; answers: AssessmentInput },
): Promise<FlowResult<{ code: string; reassessed: boolean }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ code: string; reassessed: boolean }>> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayRespond, "not_assessor");
    if (!lock.ok) return lock;
    const before = lock.before;
    if (before.status === "closed") return { ok: false, refusal: "closed" };
    // the company's facts from the profile (settings): a telecom carrier also reports to the
    // ministry (seed 004 §11) and files 第28条 reports; designated carrier; 認定団体 member.
    // A partner's report (seed 000 第9条) brings the partner's two reports as tasks
    const next = { ...input.answers.assessment, ...profileFacts(s), atPartner: before.partnerName !== null };
    const previous = assessmentOf(before);
    const opts = deadlineOptions(s);
    const change = previous ? reassess(previous, next, before.discoveredAt, { ...opts, lang: CHANNEL_LANG, profile: companyProfile(s) }) : null;
    const due = change ? change.after.deadlines : deadlines(before.discoveredAt, next, opts);
    const r = reportability(next);
    const status: IncidentStatus = statusAfter(before.status as IncidentStatus, "triage") ?? (before.status as IncidentStatus);
    const now = s.clock.now();
    // the first assessment by a responder is also the acknowledgement, if nobody pressed 「受領しました」
    const acknowledges = before.acknowledgedAt === null;
    const after = await tx.incident.update({
      where: { id: before.id },
      data: {
        ...(acknowledges ? { acknowledgedAt: now, acknowledgedBy: input.actorId } : {}),
        status,
        assessment: next as object,
        dataItems: input.answers.dataItems,
        cause: input.answers.cause,
        asProcessor: next.asProcessor,
        assessedBy: input.actorId,
        assessedAt: now,
        // null while undetermined (要判断): never stored as "not reportable"
        reportable: r.undetermined ? null : r.reportable,
        reasons: r.reasons,
        reportedBy: r.reportedBy,
        ...due,
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: previous ? "incident.reassessed" : "incident.triaged",
      subject: subject(before.code),
      data: {
        from: before.status,
        to: status,
        assessment: next,
        dataItems: sealOf(s)(input.answers.dataItems),
        cause: sealOf(s)(input.answers.cause),
        reportable: r.undetermined ? null : r.reportable,
        reasons: r.reasons,
        reportedBy: r.reportedBy,
        deadlines: isoDeadlines(due),
        // the reason has no column of its own: kept erasable in AuditText, the entry points at it
        ...(change ? { reason: await keepText(tx, sealOf(s), now, subject(before.code), "reason", input.answers.reason), changes: change.lines } : {}),
      },
    });
    if (acknowledges) {
      await appendAudit(tx, { at: now, actorId: input.actorId, action: "incident.acknowledged", subject: subject(before.code), data: { by: "triage" } });
    }
    if (after.channelId) {
      const m = incidentSlackMessages(CHANNEL_LANG).thread;
      const who = mention(input.actorId);
      const lines = previous
        ? [m.reassessed(who, input.answers.reason ?? ""), ...(change!.lines.length ? change!.lines.map((l) => `• ${l}`) : [m.noChange])]
        : [m.triaged(who), describeReportability(r, CHANNEL_LANG), ...(!r.reportable && secrecyTrack(next) ? [trackMessages(CHANNEL_LANG).despite] : [])];
      if (acknowledges) lines.push(incidentEscalationMessages(CHANNEL_LANG).ack.byTriage(who));
      const dl = deadlineLines(due, CHANNEL_LANG, s.timeZone, companyProfile(s));
      if (dl.length) lines.push(m.deadlinesHeader, ...dl);
      await s.outbox.enqueue(tx, [await parentUpdate(after, s, tx), threadPost(after, lines.join("\n"))]);
    }
    if (acknowledges) await s.outbox.enqueue(tx, await ackDmUpdates(tx, s, before.id, input.actorId, now));
    // the task checklist: created at the first triage, updated by a reassessment (tasks/flows.ts)
    const tasks = await tasksAtAssessment(tx, s, after, next, due, input.actorId);
    await s.outbox.enqueue(tx, [...tasks.calls, ...(await homeRefreshes(tx, after))]);
    return { ok: true, code: before.code, reassessed: previous !== null };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, "assess", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- acknowledge ----------------------------------------------------------------

export type AcknowledgeResult =
  | { ok: true; code: string; already: false }
  | { ok: true; code: string; already: true; by: string; at: Date }
  | { ok: false; refusal: IncidentRefusal };

/**
 * 「受領しました（対応開始）」 by the chief, the deputy chief or compliance: records who took
 * the incident on and when, once (a second press changes nothing and says who it was),
 * which stops the escalation; edits the parent message and says so in the timeline.
 */
export async function acknowledgeIncident(s: Services, input: { incidentId: string; actorId: string }): Promise<AcknowledgeResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<AcknowledgeResult> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayRespond, "not_assessor");
    if (!lock.ok) return lock;
    const before = lock.before;
    if (before.acknowledgedAt && before.acknowledgedBy)
      return { ok: true, code: before.code, already: true, by: before.acknowledgedBy, at: before.acknowledgedAt };
    if (before.status === "closed") return { ok: false, refusal: "closed" };
    const now = s.clock.now();
    const after = await tx.incident.update({
      where: { id: before.id },
      data: { acknowledgedAt: now, acknowledgedBy: input.actorId, rev: { increment: 1 }, updatedAt: now },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "incident.acknowledged",
      subject: subject(before.code),
      data: { by: "button", minutesAfterReport: Math.floor((now.getTime() - before.reportedAt.getTime()) / 60_000) },
    });
    if (after.channelId) {
      await s.outbox.enqueue(tx, [
        await parentUpdate(after, s, tx),
        threadPost(after, incidentEscalationMessages(CHANNEL_LANG).ack.thread(mention(input.actorId))),
      ]);
    }
    await s.outbox.enqueue(tx, await ackDmUpdates(tx, s, before.id, input.actorId, now));
    return { ok: true, code: before.code, already: false };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, "acknowledge", result.refusal);
  s.outbox.kick();
  return result;
}

// ---- outbox wiring --------------------------------------------------------------

/** Lets the outbox fill in the parent message's ts and permalink, and record them once posted. */
export function registerIncidentOutbox(s: Services): void {
  registerParentMessage(
    s,
    { ts: "incidentTs", permalink: "incidentPermalink", posted: "incidentMessage", idKey: "incidentId" },
    {
      find: (tx, id) => tx.incident.findUnique({ where: { id }, select: { channelId: true, messageTs: true } }),
      posted: (tx, id, at) => tx.incident.update({ where: { id }, data: at }),
    },
  );
}
