// DMs of the requests feature edited in place once their thing is done (issue 16;
// platform/slack/trackedDm.ts): the sent-back DM's 「修正して再提出」 once the request is
// resubmitted or withdrawn, and a request's item in the morning reminders (its snooze
// menu) once the request leaves the state it was listed in (decided, withdrawn, effective),
// whoever did it and from wherever. Each with a stamp of what happened, who and when, in
// the person's language.
import type { Tx } from "../platform/db.js";
import { formatDateTime } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import type { Services } from "../platform/services.js";
import { mention, type MessageBody } from "../platform/slack/calls.js";
import { trackedDm, updateTrackedDms, withoutButtons } from "../platform/slack/trackedDm.js";
import { reminderItemDone as itemDone } from "../reminders/tracked.js";
import { RequestActions } from "./ids.js";
import { requestMessages } from "./messages.js";
import { langOf } from "./store.js";

/** The sent-back DM of a request (one at a time: a second send-back replaces the first's row). */
const sentBackKey = (requestId: string) => `request-revise:${requestId}`;
/** A request as an item of a reminder DM (also its snooze key, reminders/ids.ts). */
export const requestItem = (requestId: string) => `request:${requestId}`;

/** The DM telling the requester their request was sent back, with 「修正して再提出」: tracked. */
export function sentBackDm(tx: Tx, s: Services, requestId: string, to: string, body: MessageBody): Promise<OutgoingCall> {
  return trackedDm(tx, s.clock.now(), sentBackKey(requestId), to, body);
}

/** The sent-back DM once the request is resubmitted (as `version`) or withdrawn: no 「修正して再提出」, a stamp. */
export function sentBackDone(
  tx: Tx,
  s: Services,
  requestId: string,
  done: { action: "resubmitted"; version: number } | { action: "withdrawn" },
  actorId: string,
): Promise<OutgoingCall[]> {
  const at = s.clock.now();
  return updateTrackedDms(tx, sentBackKey(requestId), async (p, sent) => {
    const lang = await langOf(tx, p);
    const m = requestMessages(lang).stamp;
    const when = formatDateTime(at, lang, s.timeZone);
    const stamp = done.action === "resubmitted" ? m.resubmitted(done.version, when, mention(actorId)) : m.withdrawn(when, mention(actorId));
    return withoutButtons(sent, [RequestActions.revise], stamp);
  });
}

/** The request's item in every reminder still listing it: no menu, a stamp naming the step (`action`, a history event). */
export function reminderItemDone(tx: Tx, s: Services, requestId: string, action: string, actorId: string): Promise<OutgoingCall[]> {
  return itemDone(tx, s, requestItem(requestId), { actorId, what: (lang) => requestMessages(lang).event[action] ?? action });
}
