// Block Kit builders of the requests feature: pure functions from domain objects to blocks.
import type { KnownBlock, View, Button, ActionsBlock } from "@slack/types";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { KINDS, REQUEST_KINDS, type RequestKind, type RequestData } from "./kinds/index.js";
import { RequestActions, RequestViews, ReasonBlock, KindPickBlock, EvidenceBlocks, encodePress } from "./ids.js";
import { EVIDENCE_NOTE_MAX, EVIDENCE_URL_MAX } from "./evidence.js";
import { requestMessages } from "./messages.js";
import type { RequestSnapshot } from "./store.js";
import { AUTO_MEASURES, blockedReason, eligibleDeciders, fellToChiefReason, stageOf, type Approvers, type Decision } from "./workflow.js";
import { mention } from "../platform/slack/calls.js";
import { type SlackMessage, clip, plain, modalView } from "../platform/slack/text.js";
import { delegationMessages } from "../routes/delegation/messages.js";
import { circulationFormBlock } from "../routes/circulation/blocks.js";
// approval routes (issue 17): the documents of the version, the chief's 承認者の追加 button
import { documentInputs, documentsSection } from "../routes/documents/blocks.js";
import type { StoredDocument } from "../routes/documents/store.js";
import { addButton, consultationLine } from "../routes/consultation/blocks.js";

export type { SlackMessage };

function button(text: string, actionId: string, value: string, style?: "primary" | "danger"): Button {
  return { type: "button", text: plain(text), action_id: actionId, value, ...(style ? { style } : {}) };
}

/** The kinds's name and article, e.g. 新しい収集目的 / 第4条. */
export function kindLabel(kind: RequestKind, lang: Lang): { name: string; article: string } {
  const k = KINDS[kind];
  return { name: k.name(lang), article: requestMessages(lang).article(k.article) };
}

const MAX_HISTORY = 8;

/** What a history event says: a measure's event names the measure (「措置『…』を完了」). */
export function eventText(r: Pick<RequestSnapshot, "kind" | "data">, e: { action: string; detail?: string | null }, lang: Lang): string {
  const m = requestMessages(lang);
  if ((e.action === "measure_done" || e.action === "measure_undone") && e.detail) {
    const def = KINDS[r.kind].measures(r.data as RequestData).find((d) => d.key === e.detail);
    const label = def ? def.label(lang) : e.detail;
    return e.action === "measure_undone" ? m.measureEvent.undone(label) : m.measureEvent.done(label);
  }
  return m.event[e.action] ?? e.action;
}

/** The parent message in the approvals channel: summary, status, history and the buttons of the current stage. */
export function requestMessage(r: RequestSnapshot, approvers: Approvers, lang: Lang, timeZone: string): SlackMessage {
  const m = requestMessages(lang);
  const { name, article } = kindLabel(r.kind, lang);
  const status = `${m.statusEmoji[r.status]} ${m.status[r.status]}`;
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.header(r.code, name, article), 150) },
    { type: "section", text: { type: "mrkdwn", text: clip(`*${r.title}*`, 3000) } },
    {
      type: "section",
      fields: [
        { type: "mrkdwn", text: `*${m.field.requester}*\n${mention(r.requesterId)}` },
        { type: "mrkdwn", text: `*${m.field.department}*\n${clip(r.departmentName, 200)}` },
        { type: "mrkdwn", text: `*${m.field.kind}*\n${clip(m.kindWithArticle(name, article), 200)}` },
        { type: "mrkdwn", text: `*${m.field.version}*\n${r.version}` },
        { type: "mrkdwn", text: `*${m.field.status}*\n${status}` },
      ],
    },
  ];
  const summary = KINDS[r.kind].summaryFields(r.data as RequestData, lang).slice(0, 10);
  if (summary.length > 0)
    blocks.push({
      type: "section",
      fields: summary.map((f) => ({ type: "mrkdwn" as const, text: clip(`*${f.label}*\n${f.value || "—"}`, 2000) })),
    });
  blocks.push(...documentsSection(r.documents ?? [], lang));

  const stage = stageOf(r.status);
  if (stage !== null) {
    const e = eligibleDeciders(r, approvers)!;
    const blocked = blockedReason(r, approvers);
    const who = e.people.length > 0 ? e.people.map(mention).join(" ") : m.thread.nobodyYet;
    const lines = [`*${m.field.approvers}*: ${clip(who, 1500)}`];
    if (e.fellToChief && e.people.length > 0) lines.push(fellToChiefReason(r, approvers) === "only_manager" ? m.fellToChief : m.fellToChiefNoManager);
    if (blocked) lines.push(m.nobodyCanDecide[blocked]!);
    if (e.people.some((p) => approvers.deputies.includes(p))) lines.push(m.deputyNote);
    const confirming = r.status === "rejection_pending_chief";
    if (confirming) lines.push(m.rejectionPending);
    const consulting = r.status === "pending_chief" ? consultationLine(r, lang) : null; // 合議 (src/routes/consultation)
    if (consulting) lines.push(consulting);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } });
    const v = encodePress({ id: r.id, rev: r.rev });
    const approve = button(confirming ? m.button.overrideRejection : m.button.approve, RequestActions.approve, v, "primary");
    approve.confirm = {
      title: plain(m.confirm.approveTitle, 100),
      text: { type: "plain_text", text: confirming ? m.confirm.overrideText(r.code) : m.confirm.approveText(r.code) },
      confirm: plain(m.confirm.yes, 30),
      deny: plain(m.confirm.no, 30),
    };
    const withdraw = button(m.button.withdraw, RequestActions.withdraw, v);
    withdraw.confirm = {
      title: plain(m.confirm.withdrawTitle, 100),
      text: { type: "plain_text", text: m.confirm.withdrawText(r.code) },
      confirm: plain(m.confirm.yes, 30),
      deny: plain(m.confirm.no, 30),
      style: "danger",
    };
    blocks.push({
      type: "actions",
      block_id: `decide-${r.rev}`,
      elements: [
        approve,
        button(m.button.requestChanges, RequestActions.requestChanges, v),
        button(confirming ? m.button.confirmRejection : m.button.reject, RequestActions.reject, v, "danger"),
        withdraw,
        ...(r.status === "pending_chief" ? [addButton(r, lang)] : []),
      ],
    } satisfies ActionsBlock);
  } else if (r.status === "changes_requested") {
    const v = encodePress({ id: r.id, rev: r.rev });
    const withdraw = button(m.button.withdraw, RequestActions.withdraw, v);
    blocks.push({ type: "actions", block_id: `revise-${r.rev}`, elements: [button(m.button.revise, RequestActions.revise, v, "primary"), withdraw] });
  } else if (r.status === "approved" || r.status === "effective") {
    const done = r.measures.filter((x) => x.doneAt).length;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.measuresProgress(done, r.measures.length) }] });
  }

  if (r.events.length > 0) {
    const shown = r.events.slice(-MAX_HISTORY);
    const lines = shown.map((e) => {
      const who = e.onBehalfOf ? delegationMessages(lang).actingFor(mention(e.actorId), mention(e.onBehalfOf)) : mention(e.actorId);
      const base = m.historyLine(formatDateTime(e.at, lang, timeZone), who, eventText(r, e, lang), e.version);
      return e.reason ? `${base}\n      ${m.reasonLine(clip(e.reason.replace(/\n/g, " "), 300))}` : base;
    });
    blocks.push({ type: "divider" });
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(`*${m.history}*\n${lines.join("\n")}`, 3000) }] });
  }
  return { text: m.fallbackText(r.code, r.title, m.status[r.status]), blocks };
}

/** The checklist of necessary measures, posted in the thread after the final approval and edited in place. */
export function checklistMessage(r: RequestSnapshot, lang: Lang, timeZone: string): SlackMessage {
  const m = requestMessages(lang);
  const defs = KINDS[r.kind].measures(r.data as RequestData);
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.checklistHeader(r.code), 150) },
    { type: "context", elements: [{ type: "mrkdwn", text: m.checklistIntro }] },
  ];
  for (const d of defs) {
    const state = r.measures.find((x) => x.key === d.key);
    const done = Boolean(state?.doneAt);
    const v = encodePress({ id: r.id, rev: r.rev, key: d.key });
    const auto = AUTO_MEASURES.has(d.key);
    const at = done ? formatDateTime(state!.doneAt!, lang, timeZone) : "";
    const lines = [
      done ? (auto && state!.note ? m.measureDoneAuto(state!.note, at) : m.measureDone(mention(state!.doneBy!), at)) : auto ? m.measureAuto : m.measureOpen,
    ];
    if (done && state?.evidenceUrl) lines.push(`${m.evidence.link}：<${state.evidenceUrl}|${m.evidence.linkText}>`);
    if (done && state?.evidenceNote) lines.push(`${m.evidence.note}：${escapeMrkdwn(state.evidenceNote.replace(/\s+/g, " "))}`);
    const section: KnownBlock = {
      type: "section",
      block_id: `measure-${d.key}`.slice(0, 255),
      text: { type: "mrkdwn", text: clip(`${done ? ":white_check_mark:" : ":white_large_square:"} *${d.label(lang)}*\n${lines.join("\n")}`, 3000) },
    };
    if (r.status === "approved" && !auto)
      section.accessory = done ? button(m.button.undo, RequestActions.untickMeasure, v) : button(m.button.done, RequestActions.tickMeasure, v, "primary");
    blocks.push(section);
    // 「証跡を添えて完了」: the same tick, with a link or a note (the evidence modal)
    if (r.status === "approved" && !done && !auto)
      blocks.push({
        type: "actions",
        block_id: `evidence-${d.key}`.slice(0, 255),
        elements: [button(m.evidence.button, RequestActions.tickMeasureWithEvidence, v)],
      });
  }
  const done = r.measures.filter((x) => x.doneAt).length;
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.measuresProgress(done, r.measures.length) }] });
  return { text: m.checklistHeader(r.code), blocks };
}

const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What the evidence modal carries: the request, its revision and the measure. */
export interface EvidenceMeta {
  id: string;
  rev: number;
  key: string;
}

/** 「証跡を添えて完了」: a link and/or a note, then the tick. */
export function evidenceModal(meta: EvidenceMeta, code: string, label: string, lang: Lang): View {
  const m = requestMessages(lang).evidence;
  return modalView({
    callbackId: RequestViews.evidence,
    meta,
    title: m.title,
    submit: m.submit,
    close: requestMessages(lang).modal.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(m.intro(code, label), 3000) } },
      {
        type: "input",
        block_id: EvidenceBlocks.link,
        optional: true,
        label: plain(m.linkLabel, 2000),
        hint: plain(m.linkHint, 2000),
        element: { type: "plain_text_input", action_id: EvidenceBlocks.link, max_length: EVIDENCE_URL_MAX, placeholder: plain("https://", 150) },
      },
      {
        type: "input",
        block_id: EvidenceBlocks.note,
        optional: true,
        label: plain(m.noteLabel, 2000),
        hint: plain(m.noteHint, 2000),
        element: { type: "plain_text_input", action_id: EvidenceBlocks.note, multiline: true, max_length: EVIDENCE_NOTE_MAX },
      },
    ],
  });
}

/** A DM with a link button to the request's thread (the URL is filled in by the outbox when sent). */
export function dmWithLink(text: string, lang: Lang, link: unknown, extra?: Button): { text: string; blocks: unknown[] } {
  const m = requestMessages(lang);
  const elements: unknown[] = [{ type: "button", text: plain(m.button.open), action_id: RequestActions.openLink, url: link }];
  if (extra) elements.unshift(extra);
  return {
    text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
      { type: "actions", elements },
    ],
  };
}

export function reviseButton(r: { id: string; rev: number }, lang: Lang): Button {
  return button(requestMessages(lang).button.revise, RequestActions.revise, encodePress({ id: r.id, rev: r.rev }), "primary");
}

/** The first modal of /privacy request: pick the kind; the form replaces it in place. */
export function pickKindModal(lang: Lang): View {
  const m = requestMessages(lang);
  return modalView({
    callbackId: RequestViews.pickKind,
    title: m.modal.pickTitle,
    close: m.modal.close,
    blocks: [
      {
        type: "section",
        block_id: KindPickBlock,
        text: { type: "mrkdwn", text: m.modal.pickHint },
        accessory: {
          type: "static_select",
          action_id: RequestActions.pickKind,
          placeholder: plain(m.modal.pickPlaceholder, 150),
          options: REQUEST_KINDS.map((k) => ({ text: plain(m.kindWithArticle(KINDS[k].name(lang), m.article(KINDS[k].article))), value: k })),
        },
      },
      ...REQUEST_KINDS.map(
        (k): KnownBlock => ({
          type: "context",
          elements: [
            {
              type: "mrkdwn",
              text: clip(`${m.kindWithArticle(`*${KINDS[k].name(lang)}*`, m.article(KINDS[k].article))}: ${KINDS[k].description(lang)}`, 3000),
            },
          ],
        }),
      ),
    ],
  });
}

export interface FormMeta {
  kind: RequestKind;
  /** when revising */
  requestId?: string;
  rev?: number;
}

/** The form of one kind (new, or pre-filled to revise a request sent back). */
export function requestFormModal(
  kind: RequestKind,
  lang: Lang,
  revise?: { code: string; version: number; data: RequestData; requestId: string; rev: number; documents?: readonly StoredDocument[] },
): View {
  const m = requestMessages(lang);
  const k = KINDS[kind];
  const meta: FormMeta = revise ? { kind, requestId: revise.requestId, rev: revise.rev } : { kind };
  const intro: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: m.modal.intro(k.name(lang), m.article(k.article)) } }];
  if (revise) intro.push({ type: "context", elements: [{ type: "mrkdwn", text: m.modal.reviseIntro(revise.version) }] });
  return modalView({
    callbackId: revise ? RequestViews.revise : RequestViews.form,
    meta,
    title: revise ? m.modal.reviseTitle(revise.code) : m.modal.formTitle,
    submit: revise ? m.modal.resubmit : m.modal.submit,
    close: m.modal.close,
    // a new request may name people to circulate it to (回覧, routes/circulation)
    // and carries its documents (routes/documents)
    blocks: [
      ...intro,
      ...k.formBlocks(lang, revise?.data),
      ...documentInputs(lang, revise ? (revise.documents ?? []) : undefined),
      ...(revise ? [] : [circulationFormBlock(lang)]),
    ],
  });
}

export interface ReasonMeta {
  id: string;
  rev: number;
  decision: Exclude<Decision, "approve">;
  /** where the press came from, so a refusal can be shown there */
  channel?: string;
}

/** The longest reason for sending a request back or rejecting it (its input's max_length, checked again on submission). */
export const REASON_MAX = 2000;

export function reasonModal(meta: ReasonMeta, code: string, title: string, lang: Lang): View {
  const m = requestMessages(lang);
  const reject = meta.decision === "reject";
  return modalView({
    callbackId: RequestViews.reason,
    meta,
    title: reject ? m.modal.reasonTitleReject : m.modal.reasonTitleChanges,
    submit: reject ? m.modal.reasonSubmitReject : m.modal.reasonSubmitChanges,
    close: m.modal.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(m.reasonModalIntro(code, title), 3000) } },
      {
        type: "input",
        block_id: ReasonBlock.block,
        label: plain(m.modal.reasonLabel, 2000),
        hint: plain(reject ? m.modal.reasonHintReject : m.modal.reasonHint, 2000),
        element: { type: "plain_text_input", action_id: ReasonBlock.action, multiline: true, max_length: REASON_MAX },
      },
    ],
  });
}
