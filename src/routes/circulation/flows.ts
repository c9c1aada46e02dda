// Business operations of circulation (回覧): the list on submission (settings rules and the
// requester's picks; called by src/requests at submission), people added later by the
// requester, and a person's "seen". Each change, its history event, its audit entry and its
// Slack messages in one transaction.
import { langOf, langsOf, managersOf, peopleWithRole } from "../../directory/store.js";
import { parseRoleName } from "../../directory/roles.js";
import { appendAudit } from "../../platform/audit/chain.js";
import { transact, type Db, type Tx } from "../../platform/db.js";
import { CHANNEL_LANG, DEFAULT_LANG, formatDateTime, type Lang } from "../../platform/i18n.js";
import type { OutgoingCall } from "../../platform/outbox.js";
import { refusalLog } from "../../platform/refusals.js";
import type { Services } from "../../platform/services.js";
import { directMessage, mention, mentions, messageUpdate, ref, threadPost } from "../../platform/slack/calls.js";
import { KINDS, kindOf } from "../../requests/kinds/index.js";
import { circulationDm, circulationThreadMessage, type CirculationSummary } from "./blocks.js";
import { circulationMessages } from "./messages.js";
import { MAX_ADDED, matchingRecipients, newRecipients } from "./rules.js";
import type { CirculationRole } from "./settings.js";

type Q = Db | Tx;
export const logCirculationRefusal = refusalLog("circulation.refused");

interface RequestRef {
  id: string;
  code: string;
  kind: string;
  title: string;
  version: number;
  requesterId: string;
  departmentId: string;
  channelId: string | null;
}

/** The people a rule's recipient names: a Slack id as it is, a role's holders (manager: the request's department's). */
async function resolve(q: Q, spec: string, departmentId: string): Promise<string[]> {
  if (spec === ("manager" satisfies CirculationRole)) return (await managersOf(q, departmentId)).map((p) => p.slackId);
  const role = parseRoleName(spec);
  if (role) return (await peopleWithRole(q, role)).map((p) => p.slackId);
  return [spec];
}

/** The Slack ids among `ids` that are not in the directory. */
export async function notInDirectory(q: Q, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await q.person.findMany({ where: { slackId: { in: [...ids] } }, select: { slackId: true } });
  return ids.filter((id) => !found.some((p) => p.slackId === id));
}

/** The DM's summary of a request; the department's name read once by the caller. */
function summaryOf(r: RequestRef, departmentName: string, lang: Lang): CirculationSummary {
  const kind = kindOf(r.kind);
  return {
    code: r.code,
    title: r.title,
    kind: kind ? KINDS[kind.kind].name(lang) : r.kind,
    requester: mention(r.requesterId),
    department: departmentName,
  };
}

/** Adds people to a request's list: rows, DMs, the thread message, the history event; the audit entry is returned. */
const departmentName = async (q: Q, r: RequestRef) =>
  (await q.department.findUnique({ where: { id: r.departmentId }, select: { name: true } }))?.name ?? r.departmentId;

/** Adds people to a request's list: rows, DMs, the thread message, the history event (a few statements whatever their number); the audit entry is returned. */
async function addPeople(tx: Tx, s: Services, r: RequestRef, people: string[], source: "rule" | "requester", by: string) {
  const now = s.clock.now();
  const calls: OutgoingCall[] = [];
  const rows = await tx.circulation.createManyAndReturn({
    data: people.map((p) => ({ requestId: r.id, personId: p, source, addedBy: by, addedAt: now })),
    select: { id: true, personId: true },
  });
  const langs = await langsOf(tx, people);
  const dept = await departmentName(tx, r);
  for (const c of rows) {
    const lang = langs.get(c.personId) ?? DEFAULT_LANG;
    calls.push(directMessage(c.personId, circulationDm(lang, c.id, summaryOf(r, dept, lang), ref("requestPermalink", r.id))));
  }
  const m = circulationMessages(CHANNEL_LANG);
  calls.unshift(
    threadPost(
      `request:${r.id}`,
      r.channelId,
      ref("requestTs", r.id),
      circulationThreadMessage(CHANNEL_LANG, mentions(people), source === "rule" ? m.byRule : m.byRequester(mention(by)), r.id),
    ),
  );
  await tx.requestEvent.create({ data: { requestId: r.id, at: now, actorId: by, action: "circulated", reason: null, version: r.version } });
  await s.outbox.enqueue(tx, calls);
  return { at: now, actorId: by, action: "circulation.added", subject: `request:${r.code}`, data: { people, source } };
}

/**
 * On submission (called by the requests feature inside its transaction, after its own audit
 * entry): the people of the matching settings rules, then those the requester picked on the form.
 */
export async function circulateOnSubmit(tx: Tx, s: Services, r: RequestRef, picked: readonly string[]): Promise<void> {
  const rules = s.settings?.routes.circulation.rules ?? [];
  const byRule: string[] = [];
  for (const spec of matchingRecipients(rules, r.kind, r.departmentId)) byRule.push(...(await resolve(tx, spec, r.departmentId)));
  const named = newRecipients(byRule, [], r.requesterId);
  // a Slack id in the settings that is not (or no longer) in the directory is left out, and said so in the log
  const missing = await notInDirectory(tx, named);
  if (missing.length > 0) s.log.warn("circulation rules name people not in the directory; left out", { request: r.code, people: missing });
  const ruled = named.filter((p) => !missing.includes(p));
  const chosen = newRecipients(picked, ruled, r.requesterId);
  if (ruled.length > 0) await appendAudit(tx, await addPeople(tx, s, r, ruled, "rule", "system"));
  if (chosen.length > 0) await appendAudit(tx, await addPeople(tx, s, r, chosen, "requester", r.requesterId));
}

export type AddResult =
  | { ok: true; code: string; added: number }
  | { ok: false; problem: "not_found" | "only_requester" | "unknown" | "too_many" | "nobody_new"; who?: string[] };

/** 回覧に追加: the requester adds people to the list of a request in flight. */
export async function addCirculation(s: Services, input: { actorId: string; requestId: string; people: string[] }): Promise<AddResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<AddResult> => {
    const r = await tx.request.findUnique({ where: { id: input.requestId } });
    if (!r) return { ok: false, problem: "not_found" };
    if (r.requesterId !== input.actorId) return { ok: false, problem: "only_requester" };
    if (input.people.length > MAX_ADDED) return { ok: false, problem: "too_many" };
    const unknown = await notInDirectory(tx, input.people);
    if (unknown.length > 0) return { ok: false, problem: "unknown", who: unknown };
    const already = (await tx.circulation.findMany({ where: { requestId: r.id }, select: { personId: true } })).map((c) => c.personId);
    const people = newRecipients(input.people, already, r.requesterId);
    if (people.length === 0) return { ok: false, problem: "nobody_new" };
    await appendAudit(tx, await addPeople(tx, s, r, people, "requester", input.actorId));
    return { ok: true, code: r.code, added: people.length };
  });
  if (!result.ok) await logCirculationRefusal(s, input.actorId, `request:${input.requestId}`, "circulation_add", result.problem);
  s.outbox.kick();
  return result;
}

export type SeenResult = { ok: true; code: string } | { ok: false; problem: "not_found" | "not_yours" | "already" };

/** 確認しました: recorded once (the history, the audit chain, the thread); the DM is edited in place to its done state. */
export async function markSeen(s: Services, input: { actorId: string; id: string; dm?: { channel: string; ts: string } }): Promise<SeenResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<SeenResult> => {
    const c = await tx.circulation.findUnique({ where: { id: input.id } });
    if (!c) return { ok: false, problem: "not_found" };
    if (c.personId !== input.actorId) return { ok: false, problem: "not_yours" };
    const now = s.clock.now();
    // a conditional update: two presses (or replicas) record it once
    const claimed = await tx.circulation.updateMany({ where: { id: c.id, seenAt: null }, data: { seenAt: now } });
    if (claimed.count === 0) return { ok: false, problem: "already" };
    const r = await tx.request.findUniqueOrThrow({ where: { id: c.requestId } });
    await tx.requestEvent.create({ data: { requestId: r.id, at: now, actorId: input.actorId, action: "circulation_seen", reason: null, version: r.version } });
    const all = await tx.circulation.findMany({ where: { requestId: r.id }, select: { seenAt: true } });
    const calls: OutgoingCall[] = [
      threadPost(`request:${r.id}`, r.channelId, ref("requestTs", r.id), {
        text: circulationMessages(CHANNEL_LANG).seenThread(mention(input.actorId), all.filter((x) => x.seenAt).length, all.length),
      }),
    ];
    if (input.dm) {
      const lang = await langOf(tx, input.actorId);
      const body = circulationDm(
        lang,
        c.id,
        summaryOf(r, await departmentName(tx, r), lang),
        ref("requestPermalink", r.id),
        formatDateTime(now, lang, s.timeZone),
      );
      calls.push(messageUpdate(`dm:${input.actorId}`, input.dm.channel, input.dm.ts, body));
    }
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, { at: now, actorId: input.actorId, action: "circulation.seen", subject: `request:${r.code}`, data: { circulation: c.id } });
    return { ok: true, code: r.code };
  });
  if (!result.ok && result.problem !== "already") await logCirculationRefusal(s, input.actorId, `circulation:${input.id}`, "seen", result.problem);
  s.outbox.kick();
  return result;
}
