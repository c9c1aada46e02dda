// Business operations of complaints and inquiries (苦情・相談, 規程 第22条): logged with how
// they arrived, an owner and a summary without customer details, optionally linked to an
// incident (INC-…) or a subject request (DSR-…) that must exist; closed as resolved (what
// was done) or referred (to whom). Each change with its audit entry and its messages in one
// transaction, like the subject requests.
import { CHANNEL_LANG, formatDateTime, type Lang } from "../platform/i18n.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import { nextCode, yearIn } from "../platform/codes.js";
import { transact, type Tx, whenDuplicate } from "../platform/db.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { registerParentMessage } from "../platform/slack/parentMessage.js";
import { channelPost, mention, messageUpdate, ref, threadPost } from "../platform/slack/calls.js";
import { trackedDm, updateTrackedDms } from "../platform/slack/trackedDm.js";
import { messageLink, type Services } from "../platform/services.js";
import { getChannels, langOf } from "../directory/store.js";
import { complaintMessage } from "./blocks.js";
import { logRefusal } from "./flows.js";
import type { ComplaintCloseInput, ComplaintInput } from "./forms.js";
import { dsrMessages } from "./messages.js";
import { dayDate, mayHandle } from "./rules.js";
import { linkExists, loadComplaint, type ComplaintRow } from "./store.js";

export type ComplaintRefusal = "not_found" | "not_allowed" | "stale" | "closed" | "owner_not_handler" | "link_not_found";
export type ComplaintResult = { ok: true; id: string; code: string; duplicate: boolean } | { ok: false; refusal: ComplaintRefusal };

const orderKey = (id: string) => `complaint:${id}`;
export const complaintSubject = (code: string) => `complaint:${code}`;

/** The permalink of what a complaint is linked to, when it has a post. */
async function linkedPost(s: Services, code: string | null): Promise<string | undefined> {
  if (!code) return undefined;
  const db = s.database.prisma;
  const row = code.startsWith("INC-")
    ? await db.incident.findUnique({ where: { code }, select: { channelId: true, messageTs: true } })
    : await db.subjectRequest.findUnique({ where: { code }, select: { channelId: true, messageTs: true } });
  return row?.channelId && row.messageTs ? messageLink(s, row.channelId, row.messageTs) : undefined;
}

/** The owner's DM carries 「対応結果を記録」: remembered (TrackedDm) and edited in place once the outcome is recorded. */
const ownerDmKey = (id: string) => `complaint-owner:${id}`;

/** The owner's DM: who owns it, the complaint as it is now (its button while open), and a stamp once closed. */
function ownerDm(c: ComplaintRow, lang: Lang, link: string | undefined, stamp?: string) {
  const text = dsrMessages(lang).complaint.toOwner(c.code);
  const own = complaintMessage(c, lang, link);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text } }, ...own.blocks];
  if (stamp) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: stamp }] });
  return { text: stamp ? `${text}\n${stamp}` : text, blocks };
}

/** Every DM of the complaint's owner edited to the closed complaint, stamped (outcome, when, who) in the reader's language. */
function ownerDmClosed(tx: Tx, s: Services, c: ComplaintRow, link: string | undefined, actorId: string): Promise<OutgoingCall[]> {
  const at = s.clock.now();
  return updateTrackedDms(tx, ownerDmKey(c.id), async (p) => {
    const lang = await langOf(tx, p);
    const t = dsrMessages(lang);
    const status = t.complaintStatus[c.status as keyof typeof t.complaintStatus] ?? c.status;
    return ownerDm(c, lang, link, t.complaint.ownerStamp(status, formatDateTime(at, lang, s.timeZone), mention(actorId)));
  });
}

function parentUpdate(c: ComplaintRow, link: string | undefined): OutgoingCall | null {
  if (!c.channelId) return null;
  const msg = complaintMessage(c, CHANNEL_LANG, link);
  return messageUpdate(orderKey(c.id), c.channelId, ref("complaintTs", c.id), { text: msg.text, blocks: msg.blocks });
}

export async function logComplaint(s: Services, input: { actorId: string; form: ComplaintInput; submissionKey: string }): Promise<ComplaintResult> {
  const link = await linkedPost(s, input.form.linkedCode);
  const result = await transact(s.database.prisma, async (tx): Promise<ComplaintResult> => {
    const dup = await tx.complaint.findUnique({ where: { submissionKey: input.submissionKey } });
    if (dup) return { ok: true, id: dup.id, code: dup.code, duplicate: true };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayHandle(actor)) return { ok: false, refusal: "not_allowed" };
    const f = input.form;
    const ownerId = f.ownerId ?? input.actorId;
    if (ownerId !== input.actorId) {
      const owner = await tx.person.findUnique({ where: { slackId: ownerId }, select: { roles: true } });
      if (!owner || !mayHandle(owner)) return { ok: false, refusal: "owner_not_handler" };
    }
    if (f.linkedCode && !(await linkExists(tx, f.linkedCode))) return { ok: false, refusal: "link_not_found" };
    const now = s.clock.now();
    const channel = (await getChannels(tx)).compliance ?? null;
    const code = await nextCode(tx, "CMP", yearIn(now, s.timeZone));
    const c = await tx.complaint.create({
      data: {
        code,
        kind: f.kind,
        via: f.via,
        receivedOn: dayDate(f.receivedOn),
        summary: f.summary,
        customerRef: f.customerRef,
        linkedCode: f.linkedCode,
        ownerId,
        loggedBy: input.actorId,
        status: "open",
        channelId: channel,
        submissionKey: input.submissionKey,
        createdAt: now,
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "complaint.logged",
      subject: complaintSubject(code),
      data: {
        // codes, the fields' presence and the customer reference's seal: free text is on the complaint row (erasable)
        kind: f.kind,
        via: f.via,
        receivedOn: f.receivedOn,
        customerRef: sealOf(s)(f.customerRef),
        linkedCode: f.linkedCode,
        summaryGiven: true,
        ownerId,
        channel,
      },
    });
    const calls: OutgoingCall[] = [];
    if (channel) {
      const msg = complaintMessage(c, CHANNEL_LANG, link);
      calls.push(channelPost(orderKey(c.id), channel, { text: msg.text, blocks: msg.blocks }, { onSent: { type: "complaintMessage", complaintId: c.id } }));
      calls.push(
        threadPost(orderKey(c.id), channel, ref("complaintTs", c.id), {
          text: dsrMessages(CHANNEL_LANG).complaint.logged(code, mention(input.actorId), mention(ownerId)),
        }),
      );
    }
    calls.push(await trackedDm(tx, now, ownerDmKey(c.id), ownerId, ownerDm(c, await langOf(tx, ownerId), link)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, id: c.id, code, duplicate: false };
  }).catch(
    whenDuplicate(async () => {
      const dup = await s.database.prisma.complaint.findUniqueOrThrow({ where: { submissionKey: input.submissionKey } });
      return { ok: true as const, id: dup.id, code: dup.code, duplicate: true };
    }),
  );
  if (!result.ok) await logRefusal(s, input.actorId, "complaint:new", "log_complaint", result.refusal);
  s.outbox.kick();
  return result;
}

export async function closeComplaint(
  s: Services,
  input: { complaintId: string; rev: number | null; actorId: string; form: ComplaintCloseInput },
): Promise<{ ok: true; code: string } | { ok: false; refusal: ComplaintRefusal }> {
  const existing = await loadComplaint(s.database.prisma, input.complaintId);
  const link = await linkedPost(s, existing?.linkedCode ?? null);
  const r = await transact(s.database.prisma, async (tx): Promise<{ ok: true; code: string } | { ok: false; refusal: ComplaintRefusal }> => {
    await tx.$queryRaw`SELECT id FROM "Complaint" WHERE id = ${input.complaintId} FOR UPDATE`;
    const before = await loadComplaint(tx, input.complaintId);
    if (!before) return { ok: false, refusal: "not_found" };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayHandle(actor)) return { ok: false, refusal: "not_allowed" };
    if (before.status !== "open") return { ok: false, refusal: "closed" };
    if (input.rev !== null && before.rev !== input.rev) return { ok: false, refusal: "stale" };
    const now = s.clock.now();
    const f = input.form;
    const after = await tx.complaint.update({
      where: { id: before.id },
      data: {
        status: f.outcome,
        outcomeText: f.text,
        referredTo: f.referredTo,
        closedOn: dayDate(f.closedOn),
        closedBy: input.actorId,
        closedAt: now,
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: `complaint.${f.outcome}`,
      subject: complaintSubject(before.code),
      data: { outcome: f.outcome, closedOn: f.closedOn, textGiven: true, referredToGiven: f.referredTo !== null },
    });
    const t = dsrMessages(CHANNEL_LANG);
    const calls: OutgoingCall[] = [];
    const update = parentUpdate(after, link);
    if (update) {
      calls.push(update);
      calls.push(
        threadPost(orderKey(after.id), after.channelId, ref("complaintTs", after.id), {
          text: t.complaint.closed(mention(input.actorId), t.complaintStatus[f.outcome], f.text),
        }),
      );
    }
    // the owner's DM loses 「対応結果を記録」, whoever recorded it and from wherever
    calls.push(...(await ownerDmClosed(tx, s, after, link, input.actorId)));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, code: before.code };
  });
  if (!r.ok) await logRefusal(s, input.actorId, existing ? complaintSubject(existing.code) : `complaint:${input.complaintId}`, "close_complaint", r.refusal);
  s.outbox.kick();
  return r;
}

export function registerComplaintOutbox(s: Services): void {
  registerParentMessage(
    s,
    { ts: "complaintTs", posted: "complaintMessage", idKey: "complaintId" },
    {
      find: (tx, id) => tx.complaint.findUnique({ where: { id }, select: { channelId: true, messageTs: true } }),
      posted: (tx, id, at) => tx.complaint.update({ where: { id }, data: at }),
    },
  );
}
