// Business operations of the register of personal data. Each runs in one transaction
// holding the change, its version, its audit entry and the Home refreshes it causes (through
// the outbox); who may do it is checked again here, whatever the caller checked. The
// requests feature calls registerFromRequest inside the transaction that makes a request
// effective.
import { isChiefOrDeputy, managedDepartments } from "../directory/roles.js";
import { dateDay, dayIn } from "../platform/day.js";
import { transact, type Tx } from "../platform/db.js";
import { refusalLog } from "../platform/refusals.js";
import { homeRefresh } from "../platform/slack/calls.js";
import { reminderItemDone } from "../reminders/tracked.js";
import { RegisterActions, registerItem } from "./ids.js";
import { registerMessages } from "./messages.js";
import type { Services } from "../platform/services.js";
import { chosenEntry, entryAfterRequest, type EffectiveRequestForRegister } from "./fromRequest.js";
import { mayCreateFor, mayEdit, type Day, type EntryField, type FormValue } from "./rules.js";
import { fieldsOf, findEntry, lockEntry, writeVersion, type RegisterEntry } from "./store.js";

export type Refusal = "not_found" | "not_allowed" | "not_allowed_for_department" | "stale" | "owner_unknown" | "department_unknown";
export type FlowResult<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal; ownerId?: string };

/** A refused attempt changes nothing but is logged. */
export const logRefusal = refusalLog("register.refused");

const today = (s: Services): Day => dayIn(s.clock.now(), s.timeZone);

/**
 * An effective request updates the register, in the transaction that makes it effective:
 * the entry the requester chose (REG-… on the form) is amended, or a new one is made from
 * the request. Returns the entry's code (what satisfies the measure "registered in the
 * ledger"), or null for a kind that does not touch the register.
 */
export async function registerFromRequest(tx: Tx, s: Services, r: EffectiveRequestForRegister & { id: string }): Promise<string | null> {
  const chosen = chosenEntry(r.data);
  let before: RegisterEntry | null = null;
  if (chosen) {
    before = await findEntry(tx, { code: chosen });
    if (before) await lockEntry(tx, before.id);
    before = before ? await findEntry(tx, { id: before.id }) : null;
  }
  // the processor record is made in the same transaction, just before (第15条)
  const processorId = r.kind === "entrust" ? ((await tx.processor.findUnique({ where: { requestId: r.id }, select: { id: true } }))?.id ?? null) : null;
  const fields = entryAfterRequest(r, before ? fieldsOf(before) : null, processorId);
  if (!fields) return null;
  const written = await writeVersion(tx, {
    before,
    fields,
    source: "request",
    sourceRef: r.code,
    actorId: "system",
    now: s.clock.now(),
    timeZone: s.timeZone,
  });
  const entry = written?.entry ?? before!;
  await s.outbox.enqueue(tx, [homeRefresh(entry.ownerId)]);
  return entry.code;
}

async function actorOf(tx: Tx, slackId: string) {
  return tx.person.findUnique({ where: { slackId }, select: { slackId: true, roles: true, departmentId: true } });
}

/**
 * A manual change: a new entry (id null) or an edit of the version the form was opened at.
 * The owner or the chief edits; the chief or a manager of the department creates. A form
 * opened on an older version is refused (stale), so nobody overwrites a change unseen.
 */
export async function saveEntry(
  s: Services,
  input: { id: string | null; version: number; actorId: string; value: FormValue },
): Promise<FlowResult<{ entry: RegisterEntry; changed: EntryField[] }>> {
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ entry: RegisterEntry; changed: EntryField[] }>> => {
    const actor = await actorOf(tx, input.actorId);
    if (!actor) return { ok: false, refusal: "not_allowed" };
    let before: RegisterEntry | null = null;
    if (input.id) {
      await lockEntry(tx, input.id);
      before = await findEntry(tx, { id: input.id });
      if (!before) return { ok: false, refusal: "not_found" };
      if (!mayEdit(actor, before)) return { ok: false, refusal: "not_allowed", ownerId: before.ownerId };
      if (before.version !== input.version) return { ok: false, refusal: "stale" };
    } else if (!mayCreateFor(actor, input.value.departmentId)) {
      return { ok: false, refusal: isChiefOrDeputy(actor) || managedDepartments(actor).length > 0 ? "not_allowed_for_department" : "not_allowed" };
    }
    if (!(await tx.department.findUnique({ where: { id: input.value.departmentId }, select: { id: true } })))
      return { ok: false, refusal: "department_unknown" };
    if (!(await tx.person.findUnique({ where: { slackId: input.value.ownerId }, select: { slackId: true } }))) return { ok: false, refusal: "owner_unknown" };
    const keep = before ? fieldsOf(before) : { purposeRequests: [], processors: [], recipients: [] };
    const written = await writeVersion(tx, {
      before,
      fields: { ...input.value, purposeRequests: keep.purposeRequests, processors: keep.processors, recipients: keep.recipients },
      source: "manual",
      actorId: input.actorId,
      now: s.clock.now(),
      timeZone: s.timeZone,
    });
    if (!written) return { ok: true, entry: before!, changed: [] };
    const people = new Set([written.entry.ownerId, ...(before ? [before.ownerId] : [])]);
    await s.outbox.enqueue(tx, [...people].map(homeRefresh));
    return { ok: true, entry: written.entry, changed: written.changed };
  });
  if (!result.ok && result.refusal.startsWith("not_allowed"))
    await logRefusal(s, input.actorId, input.id ? `register:${input.id}` : "register:new", input.id ? "amend" : "create", result.refusal);
  s.outbox.kick();
  return result;
}

/** The annual review: the owner (or the chief) confirms the entry; a version records it. */
export async function markReviewed(s: Services, input: { id: string; actorId: string }): Promise<FlowResult<{ entry: RegisterEntry; day: Day }>> {
  const day = today(s);
  const result = await transact(s.database.prisma, async (tx): Promise<FlowResult<{ entry: RegisterEntry; day: Day }>> => {
    await lockEntry(tx, input.id);
    const before = await findEntry(tx, { id: input.id });
    if (!before) return { ok: false, refusal: "not_found" };
    const actor = await actorOf(tx, input.actorId);
    if (!actor || !mayEdit(actor, before)) return { ok: false, refusal: "not_allowed", ownerId: before.ownerId };
    // reviewed today already (a second press, from the DM and the modal): nothing new to record
    if (before.lastReviewedOn && dateDay(before.lastReviewedOn) === day) return { ok: true, entry: before, day };
    const written = await writeVersion(tx, {
      before,
      fields: fieldsOf(before),
      source: "review",
      actorId: input.actorId,
      now: s.clock.now(),
      timeZone: s.timeZone,
      reviewedOn: day,
    });
    // the entry's item in the review reminders loses its menu and its 「確認済み」, with a stamp
    const reminders = await reminderItemDone(tx, s, registerItem(before.id), {
      actorId: input.actorId,
      what: (l) => registerMessages(l).reminderDone,
      alsoDrop: (e) => e.action_id === RegisterActions.reviewed && e.value === before.id,
    });
    await s.outbox.enqueue(tx, [homeRefresh(before.ownerId), ...reminders]);
    return { ok: true, entry: written!.entry, day };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, `register:${input.id}`, "review", result.refusal);
  s.outbox.kick();
  return result;
}
