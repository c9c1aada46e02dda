// Slack handlers of the requests feature: parse, call the flows, render. Each handler is a
// named function the registry (platform/slack/handlers.ts) calls once the press or the
// submission has been checked: the value or metadata it carries fits its schema.
import { z } from "zod";
import { json, link, press, submit, type HandlerDef, type PressContext, type SubmitContext } from "../platform/slack/handlers.js";
import { checkedBy, maxText, readModal } from "../platform/slack/modal.js";
import type { Actor } from "../directory/actor.js";
import { DEFAULT_LANG, type Lang } from "../platform/i18n.js";
import { kindOf, type FormValues, type KindDefinition, type RequestData, type RequestKind } from "./kinds/index.js";
import { evidenceModal, pickKindModal, REASON_MAX, reasonModal, requestFormModal, type EvidenceMeta, type ReasonMeta } from "./blocks.js";
import { checkEvidence, type EvidenceProblem } from "./evidence.js";
import { versionModal, type VersionValue } from "./versions.js";
import { canSeeRequest } from "./access.js";
import { KINDS } from "./kinds/index.js";
import { HOME_STARTER_VALUE } from "../platform/home.js";
import { decide, logRefusal, resubmit, setMeasure, submitRequest, withdraw } from "./flows.js";
import { EvidenceBlocks, ReasonBlock, RequestActions, RequestViews, type PressValue } from "./ids.js";
import { requestMessages } from "./messages.js";
import { approversFor, loadRequest, loadVersions } from "./store.js";
import { canDecide, canResubmit, canTickMeasure, type Decision } from "./workflow.js";
import { dayIn } from "../platform/day.js";
import { errorText } from "../platform/log.js";
import { routedApprovers } from "../routes/delegation/flows.js";
import { readCirculateTo } from "../routes/circulation/blocks.js";
import { notInDirectory } from "../routes/circulation/flows.js";
import { CirculateBlock } from "../routes/circulation/ids.js";
import { circulationMessages } from "../routes/circulation/messages.js";
import { mentions } from "../platform/slack/calls.js";
// approval routes (issue 17): the held final approval says who has not answered; the form's documents
import { heldText } from "../routes/consultation/flows.js";
import { documentsFor } from "../routes/documents/slack.js";
import { documentsOf } from "../routes/documents/store.js";

/** The block id of the first input of a view, where errors that concern the whole form are shown. */
function firstInputBlock(view: { blocks: unknown[] }): string {
  const b = (view.blocks as { type: string; block_id?: string }[]).find((x) => x.type === "input");
  return b?.block_id ?? "";
}

// ---- what the buttons and modals carry ---------------------------------------------------

/** A kind's id, as the kind's definition. */
const kindId = z.string().transform((v, ctx): KindDefinition<RequestKind> => {
  const kind = kindOf(v);
  if (!kind) {
    ctx.addIssue({ code: "custom", message: "unknown kind" });
    return z.NEVER;
  }
  return kind;
});

/** A decision button's value (encodePress): which request, at which revision it was rendered. */
const pressValue = json(z.object({ id: z.string(), rev: z.number(), key: z.string().optional().catch(undefined) }));
/** A measure's button: the same, with the measure's key. */
const measureValue = json(z.object({ id: z.string(), rev: z.number(), key: z.string().min(1) }));
/** The form's private_metadata (FormMeta). */
const formMeta = json(z.object({ kind: kindId, requestId: z.string().optional(), rev: z.number().optional() }));
/** The revised form's private_metadata: the request is named. */
const reviseMeta = json(z.object({ kind: kindId, requestId: z.string(), rev: z.number().optional() }));
/** 「第N版を見る」's value (VersionValue). */
const versionValue = json(z.object({ id: z.string(), version: z.number().int().min(1) })) satisfies z.ZodType<VersionValue, unknown>;
/** The evidence modal's private_metadata (EvidenceMeta). */
const evidenceMeta = json(z.object({ id: z.string(), rev: z.number(), key: z.string().min(1) })) satisfies z.ZodType<EvidenceMeta, unknown>;
/** The reason modal's private_metadata (ReasonMeta). */
const reasonMeta = json(
  z.object({ id: z.string(), rev: z.number(), decision: z.enum(["reject", "request_changes"]), channel: z.string().optional() }),
) satisfies z.ZodType<ReasonMeta, unknown>;

const notFound = ({ lang }: { lang: Lang }) => requestMessages(lang).refusal.not_found;

// ---- presses -------------------------------------------------------------------------------

/**
 * Runs a flow after the press was acknowledged. If it fails (the database could not
 * take it even after retries), the presser is told that nothing changed and to press
 * again: a press is never silently lost.
 */
async function afterAck<T>(c: PressContext<unknown>, what: string, flow: () => Promise<T>): Promise<T | undefined> {
  try {
    return await flow();
  } catch (e) {
    c.s.log.error("a press could not be recorded", { what, user: c.actor.slackId, error: errorText(e) });
    await c.tell(requestMessages(c.actor.lang).pressFailed);
    return undefined;
  }
}

/** Picking the kind replaces the picker with that kind's form, in place. */
export async function pickKind(c: PressContext<KindDefinition<RequestKind>, Actor | null>): Promise<void> {
  const view = c.body.view;
  if (!view) return;
  await c.client.views.update({ view_id: view.id, hash: view.hash, view: requestFormModal(c.value.kind, c.actor?.lang ?? DEFAULT_LANG) });
}

export async function approveRequest(c: PressContext<PressValue>): Promise<void> {
  const { actor, value } = c;
  const r = await afterAck(c, "approve", () => decide(c.s, { requestId: value.id, actorId: actor.slackId, decision: "approve", pressedRev: value.rev }));
  if (r && !r.ok)
    await c.tell(r.refusal === "consultation_pending" ? await heldText(c.s, value.id, actor.lang) : requestMessages(actor.lang).refusal[r.refusal]);
}

/** Reject or Request changes: the reason modal, once the presser may decide. */
async function openReason(c: PressContext<PressValue>, decision: Exclude<Decision, "approve">): Promise<void> {
  const { s, actor, value } = c;
  const req = await loadRequest(s.database.prisma, value.id);
  const m = requestMessages(actor.lang);
  if (!req) return void (await c.tell(m.refusal.not_found));
  const base = await approversFor(s.database.prisma, req.departmentId, s.settings?.governance.deputyChief ?? true);
  const check = canDecide(req, actor.slackId, value.rev, await routedApprovers(s.database.prisma, s, base, req.requesterId)); // with delegates (routes/delegation)
  if (!check.ok) {
    await logRefusal(s, actor.slackId, `request:${req.code}`, decision, check.refusal);
    return void (await c.tell(m.refusal[check.refusal]));
  }
  const meta: ReasonMeta = { id: req.id, rev: value.rev, decision, channel: c.body.channel?.id };
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: reasonModal(meta, req.code, req.title, actor.lang) });
}

export const rejectRequest = (c: PressContext<PressValue>) => openReason(c, "reject");
export const requestChanges = (c: PressContext<PressValue>) => openReason(c, "request_changes");

export async function withdrawRequest(c: PressContext<PressValue>): Promise<void> {
  const { actor, value } = c;
  const r = await afterAck(c, "withdraw", () => withdraw(c.s, { requestId: value.id, actorId: actor.slackId, pressedRev: value.rev }));
  const m = requestMessages(actor.lang);
  if (r) await c.tell(r.ok ? m.withdrawn(r.code) : m.refusal[r.refusal]);
}

/** 「届出を作成」 on the Home tab: the kind picker, the same modal as `/privacy request`. */
export async function startFromHome(c: PressContext<string>): Promise<void> {
  await c.client.views.open({ trigger_id: c.body.trigger_id, view: pickKindModal(c.actor.lang) });
}

/** Revise (on the sent-back DM): the form again, pre-filled with the stored version. */
export async function reviseRequest(c: PressContext<PressValue>): Promise<void> {
  const { s, actor, value } = c;
  const req = await loadRequest(s.database.prisma, value.id);
  const m = requestMessages(actor.lang);
  if (!req) return void (await c.tell(m.refusal.not_found));
  const check = canResubmit(req, actor.slackId);
  if (!check.ok) {
    await logRefusal(s, actor.slackId, `request:${req.code}`, "revise", check.refusal);
    return void (await c.tell(m.refusal[check.refusal]));
  }
  await c.client.views.open({
    trigger_id: c.body.trigger_id,
    view: requestFormModal(req.kind, actor.lang, {
      code: req.code,
      version: req.version,
      data: req.data as RequestData,
      requestId: req.id,
      rev: req.rev,
      documents: await documentsOf(s.database.prisma, req.id, req.version),
    }),
  });
}

async function measure(c: PressContext<{ id: string; key: string }>, done: boolean): Promise<void> {
  const { actor, value } = c;
  const r = await afterAck(c, done ? "tick" : "untick", () => setMeasure(c.s, { requestId: value.id, actorId: actor.slackId, key: value.key, done }));
  if (r && !r.ok) await c.tell(requestMessages(actor.lang).refusal[r.refusal]);
}
export const tickMeasure = (c: PressContext<{ id: string; key: string }>) => measure(c, true);

/** 「証跡を添えて完了」: the evidence modal, once the presser may tick this request's measures. */
export async function openEvidence(c: PressContext<{ id: string; rev: number; key: string }>): Promise<void> {
  const { s, actor, value } = c;
  const req = await loadRequest(s.database.prisma, value.id);
  const m = requestMessages(actor.lang);
  if (!req) return void (await c.tell(m.refusal.not_found));
  const check = canTickMeasure(req, actor.slackId, await approversFor(s.database.prisma, req.departmentId, s.settings?.governance.deputyChief ?? true));
  if (!check.ok) {
    await logRefusal(s, actor.slackId, `request:${req.code}`, "measure_done", check.refusal);
    return void (await c.tell(m.refusal[check.refusal]));
  }
  const def = KINDS[req.kind].measures(req.data as RequestData).find((d) => d.key === value.key);
  const state = req.measures.find((x) => x.key === value.key);
  if (!def || !state) return void (await c.tell(m.refusal.not_found));
  if (state.doneAt) return void (await c.tell(m.refusal.already));
  await c.client.views.open({
    trigger_id: c.body.trigger_id,
    view: evidenceModal({ id: req.id, rev: req.rev, key: value.key }, req.code, def.label(actor.lang), actor.lang),
  });
}

/** 「第N版を見る」: that version, read-only, for whoever may see the request. */
export async function viewVersion(c: PressContext<VersionValue>): Promise<void> {
  const { s, actor, value } = c;
  const db = s.database.prisma;
  const m = requestMessages(actor.lang);
  const req = await loadRequest(db, value.id);
  if (!req) return void (await c.tell(m.refusal.not_found));
  if (!(await canSeeRequest(db, actor, req))) return void (await c.tell(m.version.notAllowed));
  const v = (await loadVersions(db, req.id)).find((x) => x.version === value.version);
  if (!v) return void (await c.tell(m.version.notFound));
  await c.client.views.open({
    trigger_id: c.body.trigger_id,
    view: versionModal(req, { version: v.version, data: v.data as RequestData, createdAt: v.createdAt, createdBy: v.createdBy }, actor.lang, s.timeZone),
  });
}
export const untickMeasure = (c: PressContext<{ id: string; key: string }>) => measure(c, false);

// ---- modals ----------------------------------------------------------------------------------

type FormMetaValue = z.output<typeof formMeta>;

export async function submitForm(c: SubmitContext<FormMetaValue>): Promise<void> {
  const {
    s,
    actor,
    meta: { kind },
  } = c;
  const parsed = kind.parse(c.view.state.values as unknown as FormValues, actor.lang, dayIn(s.clock.now(), s.timeZone));
  if (!parsed.ok) return c.ack({ response_action: "errors", errors: parsed.errors });
  // 回覧 (routes/circulation): the optional people picker; someone not in the directory is a field error
  const circulateTo = readCirculateTo(c.view.state.values);
  const unknown = await notInDirectory(s.database.prisma, circulateTo);
  if (unknown.length > 0) return c.fail(circulationMessages(actor.lang).unknownPeople(mentions(unknown)), CirculateBlock.block);
  const docs = await documentsFor(s, c.view.state.values, actor.lang);
  if (!docs.ok) return c.ack({ response_action: "errors", errors: docs.errors });
  const r = await submitRequest(s, {
    requesterId: actor.slackId,
    kind: kind.kind,
    data: parsed.data,
    submissionKey: `view:${c.view.id}`,
    circulateTo,
    documents: docs.documents,
  });
  if (!r.ok) {
    const m = requestMessages(actor.lang).modal;
    return c.fail(r.problem === "no_channel" ? m.noChannel : m.noDepartment);
  }
  await c.ack();
}

export async function submitRevision(c: SubmitContext<z.output<typeof reviseMeta>, Actor | null>): Promise<void> {
  const { s, actor, lang, meta } = c;
  if (!actor) return c.fail(requestMessages(lang).refusal.not_requester);
  const parsed = meta.kind.parse(c.view.state.values as unknown as FormValues, lang, dayIn(s.clock.now(), s.timeZone));
  if (!parsed.ok) return c.ack({ response_action: "errors", errors: parsed.errors });
  const docs = await documentsFor(s, c.view.state.values, lang);
  if (!docs.ok) return c.ack({ response_action: "errors", errors: docs.errors });
  const r = await resubmit(s, { requestId: meta.requestId, actorId: actor.slackId, data: parsed.data, pressedRev: meta.rev ?? -1, documents: docs.documents });
  if (!r.ok) return c.fail(requestMessages(lang).refusal[r.refusal]);
  await c.ack();
}

/** The evidence modal's two fields, checked by the rule of evidence.ts (a link and/or a note). */
const evidenceForm = (lang: Lang) =>
  ({
    fields: {
      link: { block: EvidenceBlocks.link, action: EvidenceBlocks.link, read: "text" },
      note: { block: EvidenceBlocks.note, action: EvidenceBlocks.note, read: "text" },
    },
    schema: checkedBy(
      z.object({ link: z.string().optional(), note: z.string().optional() }),
      (i) => {
        const r = checkEvidence(i);
        return r.ok ? { ok: true as const, value: r.evidence } : r;
      },
      (p: EvidenceProblem) => requestMessages(lang).evidence.problem[p],
    ),
    lang,
  }) as const;

/** The evidence modal: a link and/or a note (evidence.ts checks them), then the tick. */
export async function submitEvidence(c: SubmitContext<EvidenceMeta>): Promise<void> {
  const { s, actor, meta } = c;
  const m = requestMessages(actor.lang);
  const form = readModal(c.view.state.values, evidenceForm(actor.lang));
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  let r: Awaited<ReturnType<typeof setMeasure>>;
  try {
    r = await setMeasure(s, { requestId: meta.id, actorId: actor.slackId, key: meta.key, done: true, evidence: form.data });
  } catch (e) {
    s.log.error("a measure could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(m.pressFailed);
  }
  if (!r.ok) return c.fail(m.refusal[r.refusal]);
  await c.ack();
}

/** The reason modal's one field, at most what its input takes (REASON_MAX, blocks.ts). */
const reasonForm = (lang: Lang) =>
  ({
    fields: { reason: { block: ReasonBlock.block, action: ReasonBlock.action, read: "text" } },
    schema: z.object({ reason: maxText(REASON_MAX, lang).optional() }),
    lang,
  }) as const;

export async function submitReason(c: SubmitContext<ReasonMeta, Actor | null>): Promise<void> {
  const { s, actor, meta } = c;
  const m = requestMessages(c.lang);
  const form = readModal(c.view.state.values, reasonForm(c.lang));
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const reason = form.data.reason?.trim() ?? "";
  if (!reason) return c.fail(m.refusal.reason_required);
  if (!actor) return c.fail(m.refusal.not_approver);
  let r: Awaited<ReturnType<typeof decide>>;
  try {
    r = await decide(s, { requestId: meta.id, actorId: actor.slackId, decision: meta.decision, pressedRev: meta.rev, reason });
  } catch (e) {
    s.log.error("a decision could not be recorded", { user: actor.slackId, error: errorText(e) });
    return c.fail(m.pressFailed);
  }
  if (!r.ok) return c.fail(m.refusal[r.refusal]);
  await c.ack();
}

/** Every button and modal of the requests feature. */
export const requestHandlers: readonly HandlerDef[] = [
  press(RequestActions.pickKind, { value: kindId, anyone: true, once: false }, pickKind),
  press(RequestActions.approve, { value: pressValue, patient: true, invalid: notFound }, approveRequest),
  press(RequestActions.reject, { value: pressValue, invalid: notFound }, rejectRequest),
  press(RequestActions.requestChanges, { value: pressValue, invalid: notFound }, requestChanges),
  press(RequestActions.withdraw, { value: pressValue, patient: true, invalid: notFound }, withdrawRequest),
  press(RequestActions.revise, { value: pressValue, invalid: notFound }, reviseRequest),
  press(RequestActions.tickMeasure, { value: measureValue, patient: true, invalid: notFound }, tickMeasure),
  press(RequestActions.untickMeasure, { value: measureValue, patient: true, invalid: notFound }, untickMeasure),
  press(RequestActions.tickMeasureWithEvidence, { value: measureValue, invalid: notFound }, openEvidence),
  press(RequestActions.viewVersion, { value: versionValue, invalid: notFound }, viewVersion),
  link(RequestActions.openLink),
  submit(RequestViews.evidence, { meta: evidenceMeta, block: EvidenceBlocks.link, invalid: (lang) => requestMessages(lang).refusal.not_found }, submitEvidence),
  press(RequestActions.startFromHome, { value: z.literal(HOME_STARTER_VALUE) }, startFromHome),
  submit(RequestViews.form, { meta: formMeta, block: firstInputBlock, invalid: (lang) => requestMessages(lang).refusal.not_found }, submitForm),
  submit(
    RequestViews.revise,
    { meta: reviseMeta, block: firstInputBlock, invalid: (lang) => requestMessages(lang).refusal.not_requester, anyone: true },
    submitRevision,
  ),
  submit(
    RequestViews.reason,
    { meta: reasonMeta, block: ReasonBlock.block, invalid: (lang) => requestMessages(lang).refusal.not_found, anyone: true },
    submitReason,
  ),
];
