// The operations of the provision and receipt records, one transaction each: state, audit
// entry (codes and keyed hashes, never the texts) and the Slack messages they cause.
import { managersOf, langOf } from "../directory/store.js";
import { appendAudit } from "../platform/audit/chain.js";
import { transact } from "../platform/db.js";
import { dayDate, dayIn, yearIn, type Day } from "../platform/day.js";
import { CHANNEL_LANG, type Lang } from "../platform/i18n.js";
import type { OutgoingCall } from "../platform/outbox.js";
import { sealOf } from "../platform/pii/index.js";
import { refusalLog } from "../platform/refusals.js";
import type { Services } from "../platform/services.js";
import { directMessage, mention, ref, threadPost } from "../platform/slack/calls.js";
import { inPosts } from "../platform/slack/text.js";
import { recordMessages } from "./messages.js";
import {
  checkDisposal,
  mayDisposeReceipt,
  checkLog,
  checkReceipt,
  exemptionCode,
  inPeriod,
  keepUntil,
  mayLogProvision,
  nameMatches,
  recordDuty,
  type Exemption,
  type LogInput,
  type Problem,
  type ReceiptInput,
  type RecordBasis,
  type RecordForm,
} from "./rules.js";
import { dayOf, factsOf, lockRecordRow, lockRequestRow, nextReceiptCode, recordsForDisclosure, requestData, retainMoment, untilDay } from "./store.js";

export const logRecordRefusal = refusalLog("records.refused");

const PROVISION_KINDS = ["provide", "entrust", "joint"];

/** A day as people read it. */
export function showDay(day: Day, lang: Lang): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return recordMessages(lang).date(y, m, d);
}

/** What a record is, in words: its form and what its contents rest on (施行規則 第19条, 第20条). */
export function recordLabel(form: RecordForm, basis: RecordBasis, lang: Lang): string {
  const m = recordMessages(lang);
  return `${m.forms[form]}／${basis === "consent" ? m.consentFact : m.optoutFact}`;
}

export type LogRefusal = "not_found" | "not_effective" | "not_provision" | "not_allowed" | "duplicate";

/** What the log modal needs to know before it opens (and the command before it opens it). */
export async function logContext(s: Services, requestId: string, actor: { slackId: string; roles: string[]; departmentId: string | null }) {
  const db = s.database.prisma;
  const r = await db.request.findUnique({ where: { id: requestId } });
  if (!r) return { ok: false as const, refusal: "not_found" as LogRefusal };
  if (!PROVISION_KINDS.includes(r.kind)) return { ok: false as const, refusal: "not_provision" as LogRefusal, code: r.code };
  if (r.status !== "effective") return { ok: false as const, refusal: "not_effective" as LogRefusal, code: r.code };
  if (!mayLogProvision(actor, r)) return { ok: false as const, refusal: "not_allowed" as LogRefusal, code: r.code };
  const data = await requestData(db, r.id);
  const duty = recordDuty(factsOf(r.kind, data));
  const record = await db.provisionRecord.findUnique({ where: { requestId: r.id } });
  const recipient = String(data.recipientName ?? data.processorName ?? data.jointUsers ?? "");
  const items = String(data.dataItems ?? "");
  return { ok: true as const, request: r, duty, record, recipient, items };
}

export type LogResult =
  | { ok: true; code: string; providedOn: Day; label: string; until: Day | null }
  | { ok: false; refusal: LogRefusal }
  | { ok: false; problems: Partial<Record<string, Problem>> };

/**
 * Logs one actual provision against an approved request (APPI Art.29). With a record needed,
 * it makes or extends the record: its first provision fixes the form (施行規則 第19条), each one
 * moves the last provision and the keep-until day (第21条); under an exemption it is logged and
 * marked 記録不要 with its article.
 */
export async function logProvision(s: Services, input: { requestId: string; actorId: string; raw: LogInput; submissionKey: string }): Promise<LogResult> {
  const seal = sealOf(s);
  const result = await transact(s.database.prisma, async (tx): Promise<LogResult> => {
    const done = await tx.provisionEntry.findUnique({ where: { submissionKey: input.submissionKey } });
    // the same modal submitted twice (a Slack retry): logged once
    if (done) return { ok: false, refusal: "duplicate" };
    await lockRequestRow(tx, input.requestId);
    const r = await tx.request.findUnique({ where: { id: input.requestId } });
    if (!r) return { ok: false, refusal: "not_found" };
    if (!PROVISION_KINDS.includes(r.kind)) return { ok: false, refusal: "not_provision" };
    if (r.status !== "effective") return { ok: false, refusal: "not_effective" };
    const person = await tx.person.findUnique({ where: { slackId: input.actorId } });
    if (!person || !mayLogProvision(person, r)) return { ok: false, refusal: "not_allowed" };
    const now = s.clock.now();
    const today = dayIn(now, s.timeZone);
    const approvedOn = dayIn(r.effectiveAt ?? r.createdAt, s.timeZone);
    const data = await requestData(tx, r.id);
    const duty = recordDuty(factsOf(r.kind, data));
    const record = duty.needed ? await tx.provisionRecord.findUnique({ where: { requestId: r.id } }) : null;
    if (record) await lockRecordRow(tx, record.id);
    const checked = checkLog(input.raw, {
      today,
      approvedOn,
      basis: duty.needed ? duty.basis : null,
      current: record ? (record.form as RecordForm) : null,
      provisions: record?.provisions ?? 0,
    });
    if (!checked.ok) return checked;
    const v = checked.value;
    const m = recordMessages(CHANNEL_LANG);
    let label: string;
    let until: Day | null = null;
    let recordId: string | null = null;
    const exemption: Exemption | null = duty.needed ? null : duty.exemption;
    if (duty.needed) {
      const form = record && record.provisions > 0 ? (record.form as RecordForm) : v.form;
      const first = record?.firstProvidedOn ? dayOf(record.firstProvidedOn)! : v.providedOn;
      const last = record?.lastProvidedOn ? dayOf(record.lastProvidedOn)! : v.providedOn;
      const [firstOn, lastOn] = [[v.providedOn, first].sort()[0]!, [v.providedOn, last].sort()[1]!];
      // per provision: this provision's record is made today and kept three years; the
      // approval's record keeps the latest of its provisions' days
      const madeOn = form === "per_provision" ? today : dayIn(record?.createdAt ?? now, s.timeZone);
      until = keepUntil(form, madeOn, lastOn);
      const earlier = record ? untilDay(record.retainUntil, s.timeZone) : null;
      if (form === "per_provision" && earlier && earlier > until) until = earlier;
      const retainUntil = retainMoment(until, s.timeZone);
      const fields = {
        form,
        contractRef: form === "contract" ? (v.contractRef ?? record?.contractRef ?? null) : null,
        firstProvidedOn: dayDate(firstOn),
        lastProvidedOn: dayDate(lastOn),
        retainUntil,
        ...(v.exclusion ? { disclosureExclusion: v.exclusion } : {}),
      };
      if (record) {
        await tx.provisionRecord.update({ where: { id: record.id }, data: { ...fields, provisions: { increment: 1 }, rev: { increment: 1 } } });
        recordId = record.id;
      } else {
        // an approval made before records existed, or one whose record was disposed of
        const created = await tx.provisionRecord.create({
          data: {
            requestId: r.id,
            recipient: String(data.recipientName ?? ""),
            dataSubjects: String(data.dataSubjects ?? ""),
            items: String(data.dataItems ?? ""),
            basis: duty.basis === "consent" ? m.bases.consent : m.bases.optout,
            recordBasis: duty.basis,
            consentOrProvisionDate: dayDate(v.providedOn),
            createdAt: now,
            provisions: 1,
            ...fields,
          },
        });
        recordId = created.id;
      }
      label = recordLabel(form, duty.basis, CHANNEL_LANG);
    } else {
      label = exemption ? m.exemption(exemption) : "";
    }
    await tx.provisionEntry.create({
      data: {
        requestId: r.id,
        recordId,
        providedOn: dayDate(v.providedOn),
        subjectsRef: v.subjectsRef,
        exemption: exemption ? exemptionCode(exemption) : null,
        loggedBy: input.actorId,
        loggedAt: now,
        submissionKey: input.submissionKey,
      },
    });
    const calls: OutgoingCall[] = [];
    if (r.channelId)
      calls.push(
        threadPost(`request:${r.id}`, r.channelId, ref("requestTs", r.id), {
          text: m.thread(mention(input.actorId), showDay(v.providedOn, CHANNEL_LANG), label, until ? showDay(until, CHANNEL_LANG) : null),
        }),
      );
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: duty.needed ? "provision_record.provision_logged" : "provision.logged_exempt",
      subject: `request:${r.code}`,
      data: {
        recordId,
        providedOn: v.providedOn,
        ...(duty.needed
          ? { form: record && record.provisions > 0 ? record.form : v.form, basis: duty.basis, retainUntil: until }
          : { exemption: exemption ? exemptionCode(exemption) : null }),
        ...(v.exclusion ? { disclosureExclusion: v.exclusion } : {}),
        subjectsRef: seal(v.subjectsRef),
        ...(v.contractRef ? { contractRef: seal(v.contractRef) } : {}),
      },
    });
    return { ok: true, code: r.code, providedOn: v.providedOn, label, until };
  });
  if (!result.ok && "refusal" in result && result.refusal !== "not_found" && result.refusal !== "duplicate")
    await logRecordRefusal(s, input.actorId, `request:${input.requestId}`, "provision_log", result.refusal);
  s.outbox.kick();
  return result;
}

export type ReceiptResult =
  | { ok: true; code: string; label: string; until: Day | null }
  | { ok: false; problems: Partial<Record<string, Problem>> }
  | { ok: false; refusal: "duplicate" };

/**
 * A receipt of personal data from a third party (APPI Art.30): the confirmation of the
 * provider and how it obtained the data, and the receipt record kept per 施行規則 第25条; under
 * an exemption (Art.30(1) proviso, Art.16(2)) it is kept as a note marked 確認・記録不要. The
 * department's managers are told by DM (the review of the company's own practice).
 */
export async function fileReceipt(
  s: Services,
  input: { actorId: string; departmentId: string; raw: ReceiptInput; submissionKey: string },
): Promise<ReceiptResult> {
  const seal = sealOf(s);
  const now = s.clock.now();
  const today = dayIn(now, s.timeZone);
  const checked = checkReceipt(input.raw, today);
  if (!checked.ok) return checked;
  const v = checked.value;
  const result = await transact(s.database.prisma, async (tx): Promise<ReceiptResult> => {
    if (await tx.receiptRecord.findUnique({ where: { submissionKey: input.submissionKey } })) return { ok: false, refusal: "duplicate" };
    const code = await nextReceiptCode(tx, yearIn(now, s.timeZone));
    const until = v.exemption ? null : keepUntil(v.form, today, v.receivedOn);
    await tx.receiptRecord.create({
      data: {
        code,
        departmentId: input.departmentId,
        filedBy: input.actorId,
        createdAt: now,
        providerName: v.providerName,
        providerKind: v.providerKind,
        providerAddress: v.providerAddress,
        providerRepresentative: v.providerRepresentative,
        acquisition: v.acquisition,
        basis: v.basis,
        exemption: v.exemption ? exemptionCode(v.exemption) : null,
        ppcPublished: v.ppcPublished,
        items: v.items,
        subjectsRef: v.subjectsRef,
        form: v.form,
        contractRef: v.contractRef,
        firstReceivedOn: dayDate(v.receivedOn),
        lastReceivedOn: dayDate(v.receivedOn),
        retainUntil: until ? retainMoment(until, s.timeZone) : null,
        disclosureExclusion: v.exclusion,
        submissionKey: input.submissionKey,
      },
    });
    const labelIn = (lang: Lang) => {
      const m = recordMessages(lang);
      return v.exemption ? m.receiptExemption(v.exemption) : `${m.receiptRecordLabel}／${m.receiptForms[v.form]}／${m.bases[v.basis]}`;
    };
    const calls: OutgoingCall[] = [];
    for (const manager of await managersOf(tx, input.departmentId)) {
      if (manager.slackId === input.actorId) continue;
      const lang = await langOf(tx, manager.slackId);
      calls.push(directMessage(manager.slackId, { text: recordMessages(lang).receiptToManager(mention(input.actorId), code, v.providerName, labelIn(lang)) }));
    }
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: v.exemption ? "receipt.exempt_noted" : "receipt.recorded",
      subject: `receipt:${code}`,
      data: {
        basis: v.basis,
        exemption: v.exemption ? exemptionCode(v.exemption) : null,
        providerKind: v.providerKind,
        // what was confirmed (Art.30(1)): codes, the texts stay on the record
        confirmed: v.exemption
          ? []
          : ["name", "address", ...(v.providerRepresentative ? ["representative"] : []), "acquisition", ...(v.basis === "optout" ? ["ppc_published"] : [])],
        form: v.form,
        receivedOn: v.receivedOn,
        retainUntil: until,
        ...(v.exclusion ? { disclosureExclusion: v.exclusion } : {}),
        providerName: seal(v.providerName),
        subjectsRef: seal(v.subjectsRef),
        items: seal(v.items),
      },
    });
    return { ok: true, code, label: labelIn(CHANNEL_LANG), until };
  });
  s.outbox.kick();
  return result;
}

export type DiscloseResult =
  | { ok: true; code: string; lines: number; excluded: number; posts: number }
  | { ok: false; refusal: "not_found" | "not_records_kind" | "not_allowed" }
  | { ok: false; refusal: "too_many"; count: number };

/**
 * One listing holds at most this many records: it goes to the thread as posts of at most
 * DISCLOSE_POST_CHARS characters each (Slack cuts a message's text at 40,000 characters and
 * shows long ones folded), so at most about a dozen posts.
 */
export const DISCLOSE_MAX_RECORDS = 300;
export const DISCLOSE_POST_CHARS = 3_500;

/**
 * The records a request for disclosure of provision records (APPI Art.33(5)) covers: the Art.29
 * and Art.30 records whose counterpart matches and whose provisions fall in the period, less
 * those 施行令 第11条 excludes (counted for the desk, never shown to the person). Posted in
 * the request's thread (or the owner's DM) and logged with the records' codes.
 */
export async function listForDisclosure(
  s: Services,
  input: { dsrId: string; actorId: string; counterpart: string | null; from: Day | null; to: Day | null; allowed: boolean },
  limits: { maxRecords?: number; postChars?: number } = {},
): Promise<DiscloseResult> {
  const maxRecords = limits.maxRecords ?? DISCLOSE_MAX_RECORDS;
  const result = await transact(s.database.prisma, async (tx): Promise<DiscloseResult> => {
    const c = await tx.subjectRequest.findUnique({ where: { id: input.dsrId } });
    if (!c) return { ok: false, refusal: "not_found" };
    if (!input.allowed) return { ok: false, refusal: "not_allowed" };
    if (c.kind !== "provision_records") return { ok: false, refusal: "not_records_kind" };
    const { provisions, receipts } = await recordsForDisclosure(tx, { from: input.from, to: input.to });
    const m = recordMessages(CHANNEL_LANG);
    const lines: string[] = [];
    const listed: string[] = [];
    let excluded = 0;
    for (const p of provisions) {
      if (!nameMatches(p.recipient, input.counterpart)) continue;
      if (!inPeriod(dayOf(p.firstProvidedOn), dayOf(p.lastProvidedOn), input.from, input.to)) continue;
      if (p.disclosureExclusion) {
        excluded++;
        continue;
      }
      listed.push(p.code);
      lines.push(
        m.discloseProvision(
          p.code,
          p.recipient,
          p.items,
          m.forms[p.form as RecordForm] ?? p.form,
          showDay(dayOf(p.firstProvidedOn)!, CHANNEL_LANG),
          showDay(dayOf(p.lastProvidedOn)!, CHANNEL_LANG),
        ),
      );
    }
    for (const r of receipts) {
      if (!nameMatches(r.providerName, input.counterpart)) continue;
      if (!inPeriod(dayOf(r.firstReceivedOn), dayOf(r.lastReceivedOn), input.from, input.to)) continue;
      if (r.disclosureExclusion) {
        excluded++;
        continue;
      }
      listed.push(r.code);
      lines.push(
        m.discloseReceipt(r.code, r.providerName, r.items, showDay(dayOf(r.firstReceivedOn)!, CHANNEL_LANG), showDay(dayOf(r.lastReceivedOn)!, CHANNEL_LANG)),
      );
    }
    if (lines.length > maxRecords) return { ok: false, refusal: "too_many", count: lines.length };
    const now = s.clock.now();
    const period = m.disclosePeriod(input.from ? showDay(input.from, CHANNEL_LANG) : "", input.to ? showDay(input.to, CHANNEL_LANG) : "");
    const posts = inPosts(
      [
        m.discloseHeader(c.code, input.counterpart ?? m.discloseAll, period),
        ...(lines.length > 0 ? lines : [m.discloseNone]),
        ...(excluded > 0 ? [m.discloseExcluded(excluded)] : []),
        m.discloseNote,
      ],
      limits.postChars ?? DISCLOSE_POST_CHARS,
      m.discloseContinued,
    );
    const calls: OutgoingCall[] = posts.map((text) =>
      c.channelId ? threadPost(`dsr:${c.id}`, c.channelId, ref("dsrTs", c.id), { text }) : directMessage(input.actorId, { text }),
    );
    await s.outbox.enqueue(tx, calls);
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "dsr.provision_records_listed",
      subject: `dsr:${c.code}`,
      data: { records: listed, excluded, from: input.from, to: input.to, counterpart: input.counterpart ? sealOf(s)(input.counterpart) : null },
    });
    return { ok: true, code: c.code, lines: lines.length, excluded, posts: posts.length };
  });
  if (!result.ok) await logRecordRefusal(s, input.actorId, `dsr:${input.dsrId}`, "provision_records_list", result.refusal);
  s.outbox.kick();
  return result;
}

export type DisposeResult =
  | { ok: true; code: string; disposedOn: Day; method: string }
  | { ok: false; problems: Partial<Record<string, Problem>> }
  | { ok: false; refusal: "not_found" | "not_allowed" | "exempt" | "already" | "not_yet"; detail?: Day };

/**
 * Records the disposal of a receipt record past its retention (施行規則 第25条, 規程 第31条):
 * how, the data handler who did it, the day; who recorded it and when. Checked again in the
 * transaction (roles, retention, not twice).
 */
export async function disposeReceipt(
  s: Services,
  input: { receiptId: string; actorId: string; raw: { method?: string; performedBy?: string; disposedOn?: string; note?: string } },
): Promise<DisposeResult> {
  const result = await transact(s.database.prisma, async (tx): Promise<DisposeResult> => {
    await tx.$queryRaw`SELECT id FROM "ReceiptRecord" WHERE id = ${input.receiptId} FOR UPDATE`;
    const r = await tx.receiptRecord.findUnique({ where: { id: input.receiptId } });
    if (!r) return { ok: false, refusal: "not_found" };
    const person = await tx.person.findUnique({ where: { slackId: input.actorId } });
    if (!person || !mayDisposeReceipt(person, r)) return { ok: false, refusal: "not_allowed" };
    if (!r.retainUntil) return { ok: false, refusal: "exempt" };
    if (r.disposedOn) return { ok: false, refusal: "already", detail: dayOf(r.disposedOn)! };
    const now = s.clock.now();
    const today = dayIn(now, s.timeZone);
    const from = dayIn(r.retainUntil, s.timeZone);
    if (today < from) return { ok: false, refusal: "not_yet", detail: untilDay(r.retainUntil, s.timeZone) };
    const checked = checkDisposal(input.raw, { today, disposableFrom: from });
    if (!checked.ok) return checked;
    const v = checked.value;
    await tx.receiptRecord.update({
      where: { id: r.id },
      data: {
        disposedOn: dayDate(v.disposedOn),
        disposalMethod: v.method,
        disposedBy: v.performedBy,
        disposalRecordedBy: input.actorId,
        disposalRecordedAt: now,
      },
    });
    await appendAudit(tx, {
      at: now,
      actorId: input.actorId,
      action: "receipt.disposed",
      subject: `receipt:${r.code}`,
      data: { method: v.method, disposedOn: v.disposedOn, disposedBy: v.performedBy, note: v.note ? sealOf(s)(v.note) : null },
    });
    return { ok: true, code: r.code, disposedOn: v.disposedOn, method: v.method };
  });
  if (!result.ok && "refusal" in result) await logRecordRefusal(s, input.actorId, `receipt:${input.receiptId}`, "dispose", result.refusal);
  return result;
}
