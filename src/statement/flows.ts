// Publishing the public statement: one transaction (the version, its audit entry, the note
// to the compliance channel).
import { appendAudit } from "../platform/audit/chain.js";
import { transact } from "../platform/db.js";
import { CHANNEL_LANG } from "../platform/i18n.js";
import { refusalLog } from "../platform/refusals.js";
import type { Services } from "../platform/services.js";
import { channelPost, mention } from "../platform/slack/calls.js";
import { getChannels } from "../directory/store.js";
import { rolesInForce } from "../directory/roles.js";
import { defaultSettings } from "../settings.js";
import { statementMessages } from "./messages.js";
import { mayPublishStatement, type Missing, type Refusal } from "./rules.js";
import { currentStatement, latestPublished } from "./store.js";

export const logRefusal = refusalLog("statement.publish_refused");

export type PublishResult = { ok: true; version: number; hash: string } | { ok: false; refusal: Refusal; missing?: Missing[]; version?: number };

/**
 * Publishes the statement as its inputs are now, as the next version, if it is the one the
 * officer saw (`hash`), it differs from the last published one and nothing required is
 * missing. The chief, the deputy or compliance only.
 */
export async function publishStatement(s: Services, input: { actorId: string; hash: string }): Promise<PublishResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<PublishResult> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(7140032)`;
    const actor = await tx.person.findUnique({ where: { slackId: input.actorId }, select: { roles: true } });
    if (!actor || !mayPublishStatement({ roles: rolesInForce(actor.roles, (s.settings ?? defaultSettings()).governance.deputyChief) }))
      return { ok: false, refusal: "not_allowed" };
    const now = await currentStatement(tx, s.settings ?? defaultSettings());
    const last = await latestPublished(tx);
    if (now.hash !== input.hash) return { ok: false, refusal: "changed" };
    if (last?.hash === now.hash) return { ok: false, refusal: "unchanged", version: last.version };
    if (now.missing.length > 0) return { ok: false, refusal: "incomplete", missing: now.missing };
    const version = (last?.version ?? 0) + 1;
    const at = s.clock.now();
    await tx.publicStatement.create({ data: { version, hash: now.hash, markdown: now.markdown, publishedBy: input.actorId, publishedAt: at } });
    const channel = (await getChannels(tx)).compliance;
    if (channel) {
      const m = statementMessages(CHANNEL_LANG);
      await s.outbox.enqueue(tx, [
        channelPost(`statement:${version}`, channel, { text: m.publishedPost(version, now.hash.slice(0, 12), mention(input.actorId)) }),
      ]);
    }
    await appendAudit(tx, {
      at,
      actorId: input.actorId,
      action: "statement.published",
      subject: `statement:v${version}`,
      data: { version, hash: now.hash, previousVersion: last?.version ?? null, previousHash: last?.hash ?? null },
    });
    return { ok: true, version, hash: now.hash };
  });
  if (!result.ok && result.refusal === "not_allowed") await logRefusal(s, input.actorId, "statement", "publish", result.refusal);
  s.outbox.kick();
  return result;
}
