// Block Kit builders of the incidents feature: pure functions from an incident to blocks (the
// parent message in the incidents channel, its buttons, a DM with a link). The report and
// assessment modals are in report/blocks.ts.
import type { Button, KnownBlock } from "@slack/types";
import { formatDate, formatDateTime, type Lang } from "../platform/i18n.js";
import { IncidentActions } from "./ids.js";
import { describeReportability, formatDue, incidentMessages } from "./messages.js";
import { canMove, DEADLINE_KEYS, reportability, secrecyTrack, timeLeft, type DeadlineKey, type IncidentDeadlines, type IncidentStatus } from "./rules.js";
import { DEADLINE_TASK, deadlineMet } from "./overview.js";
import { incidentEscalationMessages } from "./escalationMessages.js";
import { incidentSlackMessages, type AffectedEstimate, type Ongoing } from "./slackMessages.js";
import { assessmentOf, deadlinesOf, type IncidentRow } from "./store.js";
import { deadlineLabelFor, reportTracks, trackLines, trackMessages } from "./trackMessages.js";
import type { TrackProfile } from "./tracks.js";
import { statusButtons } from "./status/blocks.js";
import { closeButton } from "./tasks/blocks.js";
import { detailsButton } from "./details/blocks.js";
import { leadButton } from "./assign/blocks.js";
import { incidentAssignMessages } from "./assign/messages.js";
import { mention } from "../platform/slack/calls.js";
import { type SlackMessage, clip, plain } from "../platform/slack/text.js";
import { factPairs, factsOfRow } from "./intake/facts.js";

export type { SlackMessage };

// ---- the parent message -------------------------------------------------------------

/** Where each deadline stands on the card: met (a report submitted on a day, a task done or not applicable) or still running. */
export type DeadlineState = { kind: "submitted"; at: Date } | { kind: "done" } | { kind: "na" } | null;

/** What the card knows of the deadlines' progress: now (for how long is left) and each deadline's state. */
export interface DeadlineProgress {
  now: Date;
  state: (k: DeadlineKey) => DeadlineState;
}

/**
 * Each deadline that applies, one line each, in the company's time zone; with `progress`, a met
 * deadline says so (提出済み and its day, 対応済み, 該当なし) and a running one how long is left
 * (あと2日, 1日超過), standing out when a day or less is left (⚠️) or it has passed (🚨).
 */
export function deadlineLines(d: IncidentDeadlines, lang: Lang, timeZone: string, profile?: TrackProfile | null, progress?: DeadlineProgress): string[] {
  const m = incidentSlackMessages(lang).parent;
  return DEADLINE_KEYS.filter((k) => d[k]).map((k) => {
    const label = deadlineLabelFor(k, lang, profile);
    const due = formatDue(d[k], lang, timeZone);
    if (!progress) return `• ${label}：${due}`;
    const state = progress.state(k);
    if (state?.kind === "submitted") return `• ${label}：${due} — ✅ ${m.submitted(formatDate(state.at, lang, timeZone))}`;
    if (state?.kind === "done") return `• ${label}：${due} — ✅ ${m.taskDone}`;
    if (state?.kind === "na") return `• ${label}：${due} — ${m.taskNa}`;
    const t = timeLeft(d[k]!, progress.now);
    const left = incidentMessages(lang).timeLeft(t);
    if (t.overdue) return `• 🚨 *${label}：${due}（${left}）*`;
    if (t.near) return `• ⚠️ *${label}：${due}（${left}）*`;
    return `• ${label}：${due}（${left}）`;
  });
}

/** The progress of an incident's deadlines: the reports' submission days, else its tasks, else its status (without task rows). */
export function deadlineProgress(i: IncidentRow, now: Date, tasks?: readonly { key: string; status: string }[] | null): DeadlineProgress {
  return {
    now,
    state(k) {
      if (k === "preliminaryReportDueAt" && i.preliminarySubmittedAt) return { kind: "submitted", at: i.preliminarySubmittedAt };
      if (k === "finalReportDueAt" && i.finalSubmittedAt) return { kind: "submitted", at: i.finalSubmittedAt };
      const task = tasks?.find((t) => t.key === DEADLINE_TASK[k]);
      if (task) return task.status === "done" ? { kind: "done" } : task.status === "na" ? { kind: "na" } : null;
      if (tasks && tasks.length > 0) return null;
      return deadlineMet(i.status, k) ? { kind: "done" } : null;
    },
  };
}

/** The reportability decision and the deadlines of an assessed incident, as mrkdwn lines. */
export function assessmentText(i: IncidentRow, lang: Lang, timeZone: string, profile?: TrackProfile | null, progress?: DeadlineProgress): string | null {
  const a = assessmentOf(i);
  if (!a) return null;
  const m = incidentSlackMessages(lang).parent;
  const r = reportability(a);
  // once closed, nothing is left to count down
  const lines = deadlineLines(deadlinesOf(i), lang, timeZone, profile, i.status === "closed" ? undefined : progress);
  const out = [`*${m.reportable}*：${describeReportability(r, lang)}`];
  if (!r.reportable && secrecyTrack(a)) out.push(trackMessages(lang).despite);
  out.push(`*${m.deadlines}*`, ...(lines.length ? lines : [m.noDeadlines]));
  if (progress && lines.length && i.status !== "closed") out.push(`_${m.asOf(formatDateTime(progress.now, lang, timeZone))}_`);
  // one event can need several reports: each track with its recipient (tracks.ts)
  if (profile) out.push(`*${trackMessages(lang).header}*`, ...trackLines(reportTracks(a, profile), deadlinesOf(i), lang, timeZone, profile));
  return out.join("\n");
}

export function assessButton(i: { id: string; assessment: unknown }, lang: Lang): Button {
  const m = incidentSlackMessages(lang).parent;
  return {
    type: "button",
    text: plain(i.assessment ? m.reassess : m.assess),
    action_id: IncidentActions.assess,
    value: i.id,
    ...(i.assessment ? {} : { style: "primary" as const }),
  };
}

/** 「受領しました（対応開始）」: the incident id is its value. */
export function acknowledgeButton(incidentId: string, lang: Lang): Button {
  return {
    type: "button",
    text: plain(incidentEscalationMessages(lang).ack.button),
    action_id: IncidentActions.acknowledge,
    value: incidentId,
    style: "danger",
  };
}

/** The incident's post in the incidents channel: the report, the status, the assessment or what is still unknown. */
export function incidentMessage(i: IncidentRow, lang: Lang, timeZone: string, profile?: TrackProfile | null, progress?: DeadlineProgress): SlackMessage {
  const m = incidentSlackMessages(lang).parent;
  const mm = incidentSlackMessages(lang).modal;
  const status = incidentMessages(lang).status[i.status as IncidentStatus] ?? i.status;
  // after the assessment the card shows the assessed number, the reporter's first estimate beside it
  const assessed = assessmentOf(i);
  const estimate = mm.affectedOption[i.affectedEstimate as AffectedEstimate] ?? i.affectedEstimate;
  const affected = assessed
    ? `*${m.affectedAssessed}*\n${
        assessed.affectedCount !== null
          ? incidentMessages(lang).people(assessed.affectedCount)
          : assessed.mayExceedThousand
            ? m.mayExceedThousand
            : m.affectedUnknown
      }${assessed.affectedCount !== null && assessed.mayExceedThousand ? `（${m.mayExceedThousand}）` : ""}\n_${m.firstEstimate(estimate)}_`
    : `*${m.affected}*\n${estimate}`;
  const fields = [
    `*${m.status}*\n${status}`,
    `*${m.reporter}*\n${mention(i.reporterId)}`,
    `*${m.discoveredAt}*\n${formatDateTime(i.discoveredAt, lang, timeZone)}`,
    `*${m.reportedAt}*\n${formatDateTime(i.reportedAt, lang, timeZone)}`,
    `*${m.data}*\n${clip(i.dataDescription, 500)}`,
    affected,
    `*${m.ongoing}*\n${mm.ongoingOption[i.ongoing as Ongoing] ?? i.ongoing}`,
    `*${m.processor}*\n${i.asProcessor ? m.yes : m.no}`,
    ...(i.contact ? [`*${m.contact}*\n${clip(i.contact, 200)}`] : []),
    `*${incidentAssignMessages(lang).lead.field}*\n${i.leadId ? mention(i.leadId) : incidentAssignMessages(lang).lead.none}`,
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.header(i.code), 150) },
    { type: "section", text: { type: "mrkdwn", text: clip(i.summary, 3000) } },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn" as const, text: clip(text, 2000) })) },
    // the regulator form's facts (intake/facts.ts): occurrence day, how it came to light, kind, medium, a partner's report
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: clip(
            factPairs(factsOfRow(i), lang)
              .map(([k, v]) => `*${k}*：${v}`)
              .join("　"),
            3000,
          ),
        },
      ],
    },
  ];
  if (i.asProcessor) blocks.push({ type: "section", text: { type: "mrkdwn", text: m.processorFirst } });
  const assessedText = assessmentText(i, lang, timeZone, profile, progress);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(assessedText ?? m.notAssessed, 3000) } });
  if (i.assessedBy && i.assessedAt)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.assessedBy(mention(i.assessedBy), formatDateTime(i.assessedAt, lang, timeZone)) }] });
  const ack = incidentEscalationMessages(lang).ack;
  const acked =
    i.acknowledgedBy && i.acknowledgedAt
      ? ack.parent(mention(i.acknowledgedBy), formatDateTime(i.acknowledgedAt, lang, timeZone))
      : i.status === "closed"
        ? null
        : ack.notYet;
  if (acked) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: acked }] });
  if (i.status !== "closed") {
    const elements: Button[] = i.acknowledgedAt ? [assessButton(i, lang)] : [acknowledgeButton(i.id, lang), assessButton(i, lang)];
    elements.push(...statusButtons(i, lang));
    // 「終了する」 only where closing is a move the status allows (after containment or the 確報)
    if (canMove(i.status as IncidentStatus, "closed")) elements.push(closeButton(i, lang));
    elements.push(detailsButton(i, lang), leadButton(i, lang));
    blocks.push({ type: "actions", block_id: `assess-${i.rev}`, elements });
  }
  return { text: `${m.header(i.code)}: ${clip(i.summary, 200)}`, blocks };
}

/** A DM with a link button to the incident's thread (the URL is filled in by the outbox when sent). */
export function dmWithLink(text: string, lang: Lang, link: unknown, acknowledge?: { incidentId: string }): { text: string; blocks: unknown[] } {
  const open = { type: "button", text: plain(incidentSlackMessages(lang).dm.open), action_id: IncidentActions.openLink, url: link };
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
      { type: "actions", elements: acknowledge ? [acknowledgeButton(acknowledge.incidentId, lang), open] : [open] },
    ],
  };
}
