// The Slack calls every part of the incidents feature writes to the outbox about one
// incident: a reply in its thread, the parent message brought up to date, and the Home tabs
// that list it refreshed.
import type { Tx } from "../platform/db.js";
import { CHANNEL_LANG } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import type { Services } from "../platform/services.js";
import { homeRefresh, messageUpdate, ref, threadPost as post } from "../platform/slack/calls.js";
import { deadlineProgress, incidentMessage } from "./blocks.js";
import { officersOf } from "../directory/store.js";
import type { IncidentRow } from "./store.js";
import { companyProfile } from "./config.js";

const orderKey = (id: string) => `incident:${id}`;

export function threadPost(i: IncidentRow, text: string): OutgoingCall {
  return post(orderKey(i.id), i.channelId, ref("incidentTs", i.id), { text });
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
