// Items 5-9 of the regulator report written on the incident (「報告書の項目を記入」 or
// /privacy incident details). Like report/flows.ts: one transaction holds the change, its audit
// entry (the timeline, with each item's before and after) and the thread reply.
import { appendAudit } from "../../platform/audit/chain.js";
import { keepText, sealOf } from "../../platform/pii/index.js";
import { transact, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG } from "../../platform/i18n.js";
import type { Services } from "../../platform/services.js";
import { mention } from "../../platform/slack/calls.js";
import { mayRespond } from "../access.js";
import { detailChanges, detailsDigest, detailsOf, type DetailField, type IncidentDetails } from "./fields.js";
import { incidentDetailsMessages } from "./messages.js";
import { parentUpdate, threadPost } from "../calls.js";
import { logRefusal } from "../refusals.js";
import { lockIncident } from "../store.js";
import { clip } from "../../platform/slack/text.js";
import { factChanges, factPairs, factsOfRow, type IncidentFacts, type LaterFact } from "../intake/facts.js";

export type DetailsResult = { ok: true; code: string; changed: DetailField[] } | { ok: false; refusal: "not_found" | "not_allowed" | "closed" | "stale" };

/**
 * Writes the items. `opened` is what the modal was opened on (its revision and the items'
 * digest): when the incident moved on since and its items are no longer those the modal
 * showed, someone else changed them meanwhile and nothing is written ("stale"), so a
 * colleague's edits are never overwritten unseen. Null: no check (not from the modal).
 */
export async function updateDetails(
  s: Services,
  input: {
    incidentId: string;
    actorId: string;
    details: IncidentDetails;
    opened: { rev: number; items: string } | null;
    /** the regulator form's facts, when the modal carried them (intake/facts.ts) */
    facts?: Pick<IncidentFacts, LaterFact>;
  },
): Promise<DetailsResult> {
  const result = await transact(s.database.prisma, async (tx: Tx): Promise<DetailsResult> => {
    const lock = await lockIncident(tx, input.incidentId, input.actorId, mayRespond, "not_allowed");
    if (!lock.ok) return lock;
    const before = lock.before;
    if (before.status === "closed") return { ok: false, refusal: "closed" };
    if (input.opened && before.rev !== input.opened.rev && detailsDigest(detailsOf(before)) !== input.opened.items) return { ok: false, refusal: "stale" };
    const changes = detailChanges(detailsOf(before), input.details);
    const facts = input.facts ? factChanges(factsOfRow(before), input.facts) : [];
    if (changes.length === 0 && facts.length === 0) return { ok: true, code: before.code, changed: [] };
    const now = s.clock.now();
    // the new items are on the incident row (erasable), the earlier ones kept in AuditText: the chain keeps which
    // changed, with their seals
    const seal = sealOf(s);
    const sealedChanges = [];
    for (const c of changes)
      sealedChanges.push({ field: c.field, from: await keepText(tx, seal, now, `incident:${before.code}`, c.field, c.from), to: seal(c.to) });
    const after = await tx.incident.update({
      where: { id: before.id },
      data: {
        ...Object.fromEntries(changes.map((c) => [c.field, c.to])),
        ...(input.facts && facts.length
          ? {
              occurredOn: input.facts.occurredOn ? new Date(`${input.facts.occurredOn}T00:00:00Z`) : null,
              discoveryMethod: input.facts.discoveryMethod,
              eventKinds: input.facts.eventKinds,
              medium: input.facts.medium,
            }
          : {}),
        rev: { increment: 1 },
        updatedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "incident.details_updated",
      subject: `incident:${before.code}`,
      // the facts are codes and a day, never free text: kept as they are
      data: { changes: sealedChanges, ...(facts.length ? { facts } : {}) },
    });
    if (after.channelId) {
      const m = incidentDetailsMessages(CHANNEL_LANG);
      const items = changes.map((c) => `*${m.modal.label[c.field]}*：${c.to ? clip(c.to, 300) : m.thread.cleared}`);
      if (facts.length) items.push(...factPairs(factsOfRow(after), CHANNEL_LANG).map(([k, v]) => `*${k}*：${v}`));
      await s.outbox.enqueue(tx, [
        threadPost(after, clip(m.thread.updated(mention(input.actorId), items), 3000)),
        // the post shows the facts
        ...(facts.length ? [await parentUpdate(after, s, tx)] : []),
      ]);
    }
    return { ok: true, code: before.code, changed: changes.map((c) => c.field) };
  });
  if (!result.ok) await logRefusal(s, input.actorId, `incident:${input.incidentId}`, "details", result.refusal);
  s.outbox.kick();
  return result;
}
