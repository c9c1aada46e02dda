// Business operations of the annual audit and plan calendar. Each runs in one database
// transaction holding the change, its audit entry and the Slack messages it causes
// (written to the outbox, sent after the commit).
import { reminderItemDone } from "../reminders/tracked.js";
import { appendAudit } from "../platform/audit/chain.js";
import { sealOf } from "../platform/pii/index.js";
import type { Db, Tx } from "../platform/db.js";
import { CHANNEL_LANG } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import type { Day } from "../platform/day.js";
import { calendarOf, type Services } from "../platform/services.js";
import { defaultSettings, type Settings } from "../settings.js";
import { getChannels } from "../directory/store.js";
import { yearMessage, dutyTitle } from "./blocks.js";
import { dutyMessages, formatDay } from "./messages.js";
import { dayDate } from "../platform/day.js";
import { refusalAudit } from "../platform/refusals.js";
import { channelPost, mention, mentions, messageUpdate } from "../platform/slack/calls.js";
import { defaultPlan, fiscalYearOf, fiscalYearRange, mayChangeDue, mayClose, registerReviewBlocks, type DutyKind, type DutyRefusal } from "./rules.js";
import { getDuty, getYear, ownersByRole, registerReviewState, toDutyRow, yearDuties, type DutyRow } from "./store.js";
import { dutyItem } from "./ids.js";

const orderKey = (fy: number) => `duties:${fy}`;
const subject = (d: Pick<DutyRow, "fiscalYear" | "kind">) => `duty:${d.fiscalYear}:${d.kind}`;

/** The company calendar and settings the bot put into the services (defaults for bare test services). */
export { calendarOf };
export function settingsOf(s: Services): Settings {
  return s.settings ?? defaultSettings();
}

/** Today in the company's time zone, and its fiscal year. */
export function todayOf(s: Services): { today: Day; fiscalYear: number } {
  const today = calendarOf(s).day(s.clock.now());
  return { today, fiscalYear: fiscalYearOf(today, settingsOf(s).fiscalYearStartMonth) };
}

async function lockYear(tx: Tx, fy: number): Promise<void> {
  await tx.$queryRaw`SELECT "fiscalYear" FROM "DutyYear" WHERE "fiscalYear" = ${fy} FOR UPDATE`;
}

/** The year's message, posted the first time, edited in place after. */
async function yearMessageCall(tx: Tx, s: Services, fy: number, first: boolean): Promise<OutgoingCall | null> {
  const year = await getYear(tx, fy);
  if (!year?.channelId) return null;
  const msg = yearMessage(calendarOf(s), fy, { start: year.startsOn, end: year.endsOn }, await yearDuties(tx, fy), await ownersByRole(tx), CHANNEL_LANG);
  if (first) {
    return channelPost(orderKey(fy), year.channelId, { text: msg.text, blocks: msg.blocks }, { onSent: { type: "dutyYearMessage", fiscalYear: fy } });
  }
  return messageUpdate(orderKey(fy), year.channelId, { $ref: "dutyYearTs", fiscalYear: fy }, { text: msg.text, blocks: msg.blocks });
}

/**
 * Creates the duties of a fiscal year with their default due dates, once (idempotent,
 * safe when two replicas or a command and the job do it at the same moment), logs it,
 * and posts the year's calendar to the compliance channel when one is set.
 */
export async function ensureYear(s: Services, fy: number): Promise<boolean> {
  const db = s.database.prisma;
  if (await db.dutyYear.findUnique({ where: { fiscalYear: fy }, select: { fiscalYear: true } })) return false;
  const startMonth = settingsOf(s).fiscalYearStartMonth;
  const created = await db.$transaction(async (tx) => {
    const now = s.clock.now();
    const range = fiscalYearRange(fy, startMonth);
    const channel = (await getChannels(tx)).compliance ?? null;
    const ins = await tx.dutyYear.createMany({
      data: [{ fiscalYear: fy, startsOn: dayDate(range.start), endsOn: dayDate(range.end), channelId: channel, createdAt: now }],
      skipDuplicates: true,
    });
    if (ins.count === 0) return false;
    const plan = defaultPlan(fy, startMonth);
    await tx.dutyOccurrence.createMany({
      data: plan.map((p) => ({ fiscalYear: fy, kind: p.kind, dueOn: dayDate(p.dueOn), ownerRole: p.ownerRole, createdAt: now, updatedAt: now })),
      skipDuplicates: true,
    });
    await appendAudit(tx, {
      at: now,
      actorId: "system",
      action: "duty.year_opened",
      subject: `duties:${fy}`,
      data: { fiscalYear: fy, start: range.start, end: range.end, duties: plan },
    });
    const post = await yearMessageCall(tx, s, fy, true);
    if (post) await s.outbox.enqueue(tx, post);
    return true;
  });
  if (created) s.outbox.kick();
  return created;
}

async function refuse(
  tx: Tx,
  s: Services,
  actorId: string,
  d: Pick<DutyRow, "fiscalYear" | "kind"> | null,
  attempted: string,
  refusal: DutyRefusal,
): Promise<{ ok: false; refusal: DutyRefusal }> {
  await appendAudit(tx, refusalAudit(s.clock.now(), { action: "duty.refused", actorId, subject: d ? subject(d) : "duty:unknown", attempted, refusal }));
  return { ok: false, refusal };
}

/** Whether `actorId` may close the duty now (for the button and the command, before the modal opens). */
export async function checkClosable(
  s: Services,
  actorId: string,
  d: DutyRow,
  roles: string[],
): Promise<{ ok: true } | { ok: false; refusal: DutyRefusal; unreviewed?: number }> {
  if (d.closedOn) return { ok: false, refusal: "already_done" };
  if (!mayClose(roles, d.ownerRole)) return s.database.prisma.$transaction((tx) => refuse(tx, s, actorId, d, "close", "not_owner"));
  const unreviewed = await unreviewedBlocking(s.database.prisma, s, d);
  if (unreviewed !== null)
    return s.database.prisma.$transaction(async (tx) => ({ ...(await refuse(tx, s, actorId, d, "close", "register_unreviewed")), unreviewed }));
  return { ok: true };
}

/** The register's review: the number of entries not reviewed within the year when that forbids closing it (rules.ts registerReviewBlocks), else null. */
async function unreviewedBlocking(q: Db | Tx, s: Services, d: Pick<DutyRow, "kind">): Promise<number | null> {
  if (d.kind !== "register-review") return null;
  const { due } = await registerReviewState(q, todayOf(s).today);
  return registerReviewBlocks(d.kind, due) ? due : null;
}

export type CloseResult = { ok: true; duty: DutyRow; duplicate: boolean } | { ok: false; refusal: DutyRefusal; duty?: DutyRow; unreviewed?: number };

/**
 * Records a duty as done: the date, the document's link, a note. Only the owner role or
 * the chief; once (a repeated submission of the same record changes nothing). Logged,
 * confirmed in the compliance channel, and the year's message edited in place.
 */
export async function closeDuty(
  s: Services,
  input: { id: string; actorId: string; closedOn: Day; documentUrl: string; note: string | null },
): Promise<CloseResult> {
  const r = await s.database.prisma.$transaction(async (tx): Promise<CloseResult> => {
    const found = await getDuty(tx, input.id);
    if (!found) return refuse(tx, s, input.actorId, null, "close", "not_found");
    await lockYear(tx, found.fiscalYear);
    const d = (await getDuty(tx, input.id))!;
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (d.closedOn) {
      if (d.closedBy === input.actorId && d.documentUrl === input.documentUrl) return { ok: true, duty: d, duplicate: true };
      return { ok: false, refusal: "already_done", duty: d };
    }
    if (!actor || !mayClose(actor.roles, d.ownerRole)) return { ...(await refuse(tx, s, input.actorId, d, "close", "not_owner")), duty: d };
    // checked again here: entries may have become due since the modal opened
    const unreviewed = await unreviewedBlocking(tx, s, d);
    if (unreviewed !== null) return { ...(await refuse(tx, s, input.actorId, d, "close", "register_unreviewed")), duty: d, unreviewed };
    const now = s.clock.now();
    const updated = toDutyRow(
      await tx.dutyOccurrence.update({
        where: { id: d.id },
        data: { closedOn: dayDate(input.closedOn), closedBy: input.actorId, closedAt: now, documentUrl: input.documentUrl, note: input.note, updatedAt: now },
      }),
    );
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "duty.closed",
      subject: subject(d),
      // the link and the note are on the duty row: here their seals
      data: {
        dueOn: d.dueOn,
        ownerRole: d.ownerRole,
        closedOn: input.closedOn,
        documentUrl: sealOf(s)(input.documentUrl),
        ...(input.note ? { note: sealOf(s)(input.note) } : {}),
      },
    });
    const calls: OutgoingCall[] = [];
    const channel = (await getChannels(tx)).compliance;
    if (channel) {
      const m = dutyMessages(CHANNEL_LANG);
      let text = m.closedPost(dutyTitle(d, CHANNEL_LANG), mention(input.actorId), formatDay(input.closedOn, CHANNEL_LANG), input.documentUrl, input.note);
      if (d.kind === "audit-report") {
        const chiefs = (await ownersByRole(tx)).get("chief") ?? [];
        if (chiefs.length) text += `\n${m.keepReport(mentions(chiefs))}`;
      }
      calls.push(channelPost(orderKey(d.fiscalYear), channel, { text }));
    }
    const update = await yearMessageCall(tx, s, d.fiscalYear, false);
    if (update) calls.push(update);
    // the duty's item in the reminders sent about it loses its menu, with a stamp
    calls.push(...(await reminderItemDone(tx, s, dutyItem(d.id), { actorId: input.actorId, what: (l) => dutyMessages(l).reminderDone })));
    await s.outbox.enqueue(tx, calls);
    return { ok: true, duty: updated, duplicate: false };
  });
  s.outbox.kick();
  return r;
}

export type DueResult = { ok: true; duty: DutyRow; before: Day; same: boolean } | { ok: false; refusal: DutyRefusal; duty?: DutyRow };

/** The owner role moves a duty's due date (the audit lead's duties: only the audit lead, 第21条) (the year's duties exist: see ensureYear). Logged; the year's message is edited. */
export async function changeDue(s: Services, input: { actorId: string; fiscalYear: number; kind: DutyKind; dueOn: Day }): Promise<DueResult> {
  const r = await s.database.prisma.$transaction(async (tx): Promise<DueResult> => {
    await lockYear(tx, input.fiscalYear);
    const row = await tx.dutyOccurrence.findUnique({ where: { fiscalYear_kind: { fiscalYear: input.fiscalYear, kind: input.kind } } });
    const target = { fiscalYear: input.fiscalYear, kind: input.kind };
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayChangeDue(actor.roles, input.kind)) return refuse(tx, s, input.actorId, target, "change_due", "not_due_owner");
    if (!row) return { ok: false, refusal: "not_found" };
    const d = toDutyRow(row);
    if (d.closedOn) return { ok: false, refusal: "already_done", duty: d };
    if (d.dueOn === input.dueOn) return { ok: true, duty: d, before: d.dueOn, same: true };
    const now = s.clock.now();
    const updated = toDutyRow(await tx.dutyOccurrence.update({ where: { id: d.id }, data: { dueOn: dayDate(input.dueOn), updatedAt: now } }));
    await appendAudit(tx, { at: now, actorId: input.actorId, action: "duty.due_changed", subject: subject(d), data: { before: d.dueOn, after: input.dueOn } });
    const update = await yearMessageCall(tx, s, d.fiscalYear, false);
    if (update) await s.outbox.enqueue(tx, update);
    return { ok: true, duty: updated, before: d.dueOn, same: false };
  });
  s.outbox.kick();
  return r;
}

/** Outbox hooks: the year's message ts is stored when posted, and edits wait for it. */
export function registerDutyOutbox(s: Services): void {
  s.outbox.registerRef(
    "dutyYearTs",
    async (tx, r) => (await tx.dutyYear.findUnique({ where: { fiscalYear: Number(r.fiscalYear) }, select: { messageTs: true } }))?.messageTs ?? undefined,
  );
  s.outbox.onSent("dutyYearMessage", async (tx, onSent, response) => {
    await tx.dutyYear.update({
      where: { fiscalYear: Number(onSent.fiscalYear) },
      data: { channelId: String(response.channel), messageTs: String(response.ts) },
    });
  });
}
