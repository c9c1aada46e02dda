// The Slack calls every part of the incidents feature writes to the outbox about one
// incident: a reply in its thread, the parent message brought up to date, and the Home tabs
// that list it refreshed.
import type { Tx } from "../platform/db.js";
import { CHANNEL_LANG, formatDateTime } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import type { Services } from "../platform/services.js";
import { homeRefresh, mention, messageUpdate, ref, threadPost as post } from "../platform/slack/calls.js";
import { updateTrackedDms, updateTrackedItems, withoutButtons } from "../platform/slack/trackedDm.js";
import { ownerTaskBlockId } from "./tasks/blocks.js";
import { langOf } from "../directory/store.js";
import { incidentEscalationMessages } from "./escalationMessages.js";
import { IncidentActions } from "./ids.js";
import { deadlineProgress, incidentMessage } from "./blocks.js";
import { officersOf } from "../directory/store.js";
import type { IncidentRow } from "./store.js";
import { companyProfile } from "./config.js";

const orderKey = (id: string) => `incident:${id}`;

export function threadPost(i: IncidentRow, text: string): OutgoingCall {
  return post(orderKey(i.id), i.channelId, ref("incidentTs", i.id), { text });
}

/** The DMs that carry 「受領しました」 (to the officers on a report, and the escalations): tracked, edited once acknowledged. */
export const ackDmKey = (incidentId: string) => `incident-ack:${incidentId}`;

/** Once acknowledged (by the button or by the first assessment): every such DM loses the button and says by whom. */
export async function ackDmUpdates(tx: Tx, s: Services, incidentId: string, by: string, at: Date): Promise<OutgoingCall[]> {
  return updateTrackedDms(tx, ackDmKey(incidentId), async (p, sent) => {
    const lang = await langOf(tx, p);
    return withoutButtons(sent, [IncidentActions.acknowledge], incidentEscalationMessages(lang).ack.dmStamp(formatDateTime(at, lang, s.timeZone), mention(by)));
  });
}

/** The DM that makes someone a task's owner carries the task's 「完了」「該当なし」: tracked, edited once the task is settled. */
export const taskDmKey = (incidentId: string, key: string) => `incident-task:${incidentId}:${key}`;

/**
 * Once the task is done or not applicable (from the DM, the checklist or by anyone allowed):
 * its owner's DM loses the buttons, and so does each deadline reminder that carried them
 * (jobs.ts: the task's buttons block there gives way to the stamp, the other tasks keep theirs).
 */
export async function taskDmUpdates(tx: Tx, s: Services, incidentId: string, key: string, stamp: (lang: "ja" | "en", at: string) => string, at: Date) {
  const dm = await updateTrackedDms(tx, taskDmKey(incidentId, key), async (p, sent) => {
    const lang = await langOf(tx, p);
    return withoutButtons(
      sent,
      [IncidentActions.taskDone, IncidentActions.taskNa, IncidentActions.taskEdit],
      stamp(lang, formatDateTime(at, lang, s.timeZone)),
    );
  });
  const block = ownerTaskBlockId(incidentId, key);
  const reminders = await updateTrackedItems(tx, taskDmKey(incidentId, key), async (p, sent) => {
    const lang = await langOf(tx, p);
    const context = { type: "context", block_id: block, elements: [{ type: "mrkdwn", text: stamp(lang, formatDateTime(at, lang, s.timeZone)) }] };
    return { text: sent.text, blocks: (sent.blocks ?? []).map((b) => ((b as { block_id?: string }).block_id === block ? context : b)) };
  });
  return [...dm, ...reminders];
}
/** The parent message brought up to date: its deadlines with how long is left and what is met (the incident's tasks). */
export async function parentUpdate(i: IncidentRow, s: Services, tx: Tx): Promise<OutgoingCall> {
  const tasks = await tx.incidentTask.findMany({ where: { incidentId: i.id }, select: { key: true, status: true } });
  const msg = incidentMessage(i, CHANNEL_LANG, s.timeZone, companyProfile(s), deadlineProgress(i, s.clock.now(), tasks));
  return messageUpdate(orderKey(i.id), i.channelId, ref("incidentTs", i.id), { text: msg.text, blocks: msg.blocks });
}

/**
 * Home tab refreshes for the people whose 「対応中の事故」 section lists the incident: the
 * chiefs, the deputy chiefs, compliance and its lead (and `others`, e.g. a former lead).
 */
export async function homeRefreshes(tx: Tx, i: { leadId: string | null }, ...others: (string | null)[]): Promise<OutgoingCall[]> {
  const team = await officersOf(tx);
  const people = new Set([...team.chiefs, ...team.deputies, ...team.compliance, ...(i.leadId ? [i.leadId] : []), ...others.filter((o): o is string => !!o)]);
  return [...people].sort().map(homeRefresh);
}
