// Block Kit builders of subject requests and complaints: pure functions from a case to blocks.
import type { Button, KnownBlock, View } from "@slack/types";
import { formatDate, type Lang } from "../platform/i18n.js";
import {
  AnswerBlocks,
  ComplaintBlocks,
  ComplaintCloseBlocks,
  DsrActions,
  DsrViews,
  encodeCaseRev,
  IdentityBlocks,
  INPUT,
  LogBlocks,
  NoticeBlocks,
  SendBackBlocks,
  WithdrawBlocks,
  type CaseMeta,
} from "./ids.js";
import { dsrMessages } from "./messages.js";
import {
  basesFor,
  caseNoticeBasis,
  reasonsDue,
  COMPLAINT_KINDS,
  DISCLOSURE_METHODS,
  DSR_KINDS,
  groundsFor,
  isCompanyRule,
  NOT_RETAINED_GROUNDS,
  outcomesFor,
  takesDisclosureMethod,
  type DisclosureMethod,
  type StatutoryBasis,
  MANDATE_DOCUMENTS,
  MANDATES,
  OPEN_DSR_STATUSES,
  OTHER_ID_DOCUMENTS,
  PRIMARY_ID_DOCUMENTS,
  REQUESTERS,
  VIAS,
  dateDay,
  dayDate,
  type ComplaintKind,
  type ComplaintStatus,
  type Day,
  type DsrKind,
  type DsrStatus,
  type IdDocument,
  type Mandate,
  type MandateDocument,
  type Outcome,
  type Requester,
  type Via,
} from "./rules.js";
import type { CaseRow, ComplaintRow } from "./store.js";
import { mention } from "../platform/slack/calls.js";
import { type SlackMessage, clip, option, plain, modalView } from "../platform/slack/text.js";

export type { SlackMessage };

/** mrkdwn from a person's words: no links, mentions or formatting injected */
const safe = (t: string) => t.replace(/[<>&]/g, "");

/** A day as the person reads it (2026/11/30, or 30/11/2026 in English). */
export function dayText(day: Day | Date, lang: Lang): string {
  return formatDate(dayDate(typeof day === "string" ? day : dateDay(day)), lang, "UTC");
}

/** The grounds as their provisions (第33条第2項第3号, 規程 第19条ただし書（社内規程）, …). */
export function groundsText(grounds: string[], lang: Lang): string {
  return [...new Set(grounds.map((g) => dsrMessages(lang).groundLabel(g)))].join("、");
}

/** A ground as it is shown: its provision, then the provision's words. */
export function groundLine(g: string, lang: Lang): string {
  const t = dsrMessages(lang);
  return t.groundLine(t.groundLabel(g), t.ground[g] ?? g);
}

// ---- modals ----------------------------------------------------------------------------------

const select = (values: readonly string[], labels: Record<string, string>, initial?: string | null) => {
  const options = values.map((v) => option(labels[v]!, v));
  const init = options.find((o) => o.value === initial);
  return { type: "static_select" as const, action_id: INPUT, options, ...(init ? { initial_option: init } : {}) };
};
const radio = (values: readonly string[], labels: Record<string, string>, initial?: string) => {
  const options = values.map((v) => option(labels[v]!, v));
  const init = options.find((o) => o.value === initial);
  return { type: "radio_buttons" as const, action_id: INPUT, options, ...(init ? { initial_option: init } : {}) };
};
const textInput = (
  block: string,
  label: string,
  o: { optional?: boolean; multiline?: boolean; max?: number; hint?: string; placeholder?: string; initial?: string | null } = {},
): KnownBlock => ({
  type: "input",
  block_id: block,
  optional: o.optional ?? false,
  label: plain(label, 2000),
  ...(o.hint ? { hint: plain(o.hint, 2000) } : {}),
  element: {
    type: "plain_text_input",
    action_id: INPUT,
    multiline: o.multiline ?? false,
    max_length: o.max ?? 3000,
    ...(o.placeholder ? { placeholder: plain(o.placeholder, 150) } : {}),
    ...(o.initial ? { initial_value: o.initial } : {}),
  },
});
const dateInput = (block: string, label: string, initial: Day | null, o: { optional?: boolean; hint?: string } = {}): KnownBlock => ({
  type: "input",
  block_id: block,
  optional: o.optional ?? false,
  label: plain(label, 2000),
  ...(o.hint ? { hint: plain(o.hint, 2000) } : {}),
  element: { type: "datepicker", action_id: INPUT, ...(initial ? { initial_date: initial } : {}) },
});
const userInput = (block: string, label: string, initial: string | null, optional: boolean): KnownBlock => ({
  type: "input",
  block_id: block,
  optional,
  label: plain(label, 2000),
  element: { type: "users_select", action_id: INPUT, ...(initial ? { initial_user: initial } : {}) },
});

function modal(callbackId: string, title: string, lang: Lang, blocks: KnownBlock[], meta?: CaseMeta): View {
  const m = dsrMessages(lang).modal;
  return modalView({
    callbackId,
    meta,
    title,
    submit: m.submit,
    close: m.close,
    blocks,
  });
}

/** `/privacy dsr`: log a request from a data subject. */
export function logModal(lang: Lang, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  return modal(DsrViews.log, m.logTitle, lang, [
    { type: "context", elements: [{ type: "mrkdwn", text: m.logIntro }] },
    { type: "input", block_id: LogBlocks.kind, label: plain(m.kind, 2000), element: select(DSR_KINDS, t.kind) },
    { type: "input", block_id: LogBlocks.via, label: plain(m.via, 2000), element: select(VIAS, t.via) },
    dateInput(LogBlocks.receivedOn, m.receivedOn, today, { hint: m.receivedOnHint }),
    { type: "input", block_id: LogBlocks.requester, label: plain(m.requester, 2000), element: radio(REQUESTERS, t.requester, "self") },
    { type: "input", block_id: LogBlocks.mandate, optional: true, label: plain(m.mandate, 2000), element: radio(MANDATES, t.mandate) },
    textInput(LogBlocks.customerRef, m.customerRef, { max: 100, hint: m.customerRefHint }),
    textInput(LogBlocks.scope, m.scope, { optional: true, max: 500, placeholder: m.scopeHint }),
    {
      type: "input",
      block_id: LogBlocks.method,
      optional: true,
      label: plain(m.method, 2000),
      hint: plain(m.methodHint, 2000),
      element: radio(DISCLOSURE_METHODS, t.method),
    },
    textInput(LogBlocks.fee, m.fee, { optional: true, max: 7, hint: m.feeHint }),
    userInput(LogBlocks.owner, m.owner, null, true),
  ]);
}

/**
 * 本人確認: which document (licence, insurance card, passport, or 「その他」 picked from a list
 * with an optional short label), never its number. Once verified, the same modal corrects
 * the record, filled in with what was recorded.
 */
export function identityModal(c: CaseRow, lang: Lang, presser: string, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  const correcting = c.status === "verified";
  const doc = c.idDocument as IdDocument | null;
  const primary = doc && (PRIMARY_ID_DOCUMENTS as readonly string[]).includes(doc) && doc !== "other" ? doc : doc ? "other" : undefined;
  const other = primary === "other" ? doc : null;
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: correcting ? m.identityCorrectIntro(c.code) : m.identityIntro(c.code) } },
    { type: "input", block_id: IdentityBlocks.document, label: plain(m.idDocument, 2000), element: radio(PRIMARY_ID_DOCUMENTS, t.idDocument, primary) },
    {
      type: "input",
      block_id: IdentityBlocks.otherDocument,
      optional: true,
      label: plain(m.idOtherDocument, 2000),
      element: select(OTHER_ID_DOCUMENTS, t.otherIdDocument, other),
    },
    textInput(IdentityBlocks.note, m.idDocumentNote, { optional: true, max: 30, hint: m.idDocumentNoteHint, initial: correcting ? c.idDocumentNote : null }),
  ];
  if (c.requester === "agent") {
    blocks.push(
      {
        type: "input",
        block_id: IdentityBlocks.mandateDocument,
        label: plain(m.mandateDocument, 2000),
        element: radio(MANDATE_DOCUMENTS, t.mandateDocument, c.mandateDocument ?? undefined),
      },
      {
        type: "input",
        block_id: IdentityBlocks.agentDocument,
        label: plain(m.agentDocument, 2000),
        element: radio(PRIMARY_ID_DOCUMENTS, t.idDocument, c.agentDocument ?? undefined),
      },
    );
  }
  blocks.push(
    userInput(IdentityBlocks.checkedBy, m.checkedBy, correcting && c.idCheckedBy ? c.idCheckedBy : presser, false),
    dateInput(IdentityBlocks.checkedOn, m.checkedOn, correcting && c.idCheckedOn ? dateDay(c.idCheckedOn) : today),
  );
  return modal(DsrViews.identity, correcting ? m.identityCorrectTitle : m.identityTitle, lang, blocks, { id: c.id, rev: c.rev });
}

/**
 * The answer to one case: only the outcomes and the grounds of its kind (rules.ts groundsFor), their
 * provisions' words above the boxes; the no-保有個人データ finding apart; the Art.35 condition of a
 * stop request; the method of a disclosure.
 */
export function answerModal(c: CaseRow, lang: Lang, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  const kind = c.kind as DsrKind;
  const grounds = groundsFor(kind);
  const company = grounds.some(isCompanyRule);
  const box = (block: string, label: string, values: readonly string[]): KnownBlock => ({
    type: "input",
    block_id: block,
    optional: true,
    label: plain(label, 2000),
    element: {
      type: "checkboxes",
      action_id: INPUT,
      options: values.map((g) => ({ text: plain(t.groundLabel(g), 75), description: plain(t.ground[g] ?? g, 75), value: g })),
    },
  });
  const groundsHelp = [m.groundsIntro, ...grounds.map((g) => `• ${groundLine(g, lang)}`)];
  if (kind === "disclosure" || kind === "provision_records") groundsHelp.push(m.secrecyNote);
  if (company) groundsHelp.push(m.stopNote);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: m.answerIntro(c.code) } },
    { type: "input", block_id: AnswerBlocks.outcome, label: plain(m.outcome, 2000), element: radio(outcomesFor(kind), t.outcome) },
    textInput(AnswerBlocks.actionTaken, m.actionTaken, { optional: true, multiline: true, max: 2000 }),
    dateInput(AnswerBlocks.actionOn, m.actionOn, today, { optional: true }),
  ];
  if (takesDisclosureMethod(kind)) {
    const asked = c.disclosureMethod as DisclosureMethod | null;
    blocks.push({
      type: "input",
      block_id: AnswerBlocks.methodUsed,
      optional: true,
      label: plain(m.methodUsed, 2000),
      element: radio(DISCLOSURE_METHODS, t.method, asked ?? undefined),
    });
  }
  const bases = basesFor(kind);
  if (bases.length) blocks.push({ type: "input", block_id: AnswerBlocks.basis, label: plain(m.basis, 2000), element: radio(bases, t.basis) });
  blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(groundsHelp.join("\n"), 3000) } }, box(AnswerBlocks.grounds, m.grounds, grounds));
  if (outcomesFor(kind).includes("not_retained")) {
    blocks.push(
      {
        type: "section",
        text: { type: "mrkdwn", text: clip([m.notRetainedIntro, ...NOT_RETAINED_GROUNDS.map((g) => `• ${groundLine(g, lang)}`)].join("\n"), 3000) },
      },
      box(AnswerBlocks.notRetained, m.notRetained, NOT_RETAINED_GROUNDS),
    );
  }
  blocks.push(textInput(AnswerBlocks.reason, m.reason, { optional: true, multiline: true, max: 2000 }));
  return modal(DsrViews.answer, m.answerTitle, lang, blocks, { id: c.id, rev: c.rev });
}

/** 本人への通知: the day and how; for a refusal, whether its reasons were explained (Art.36). */
export function noticeModal(c: CaseRow, lang: Lang, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  const basis = caseNoticeBasis(c);
  const refused = reasonsDue(c);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: clip(m.noticeIntro(c.code, t.noticeBasis[basis]), 3000) } },
    dateInput(NoticeBlocks.on, m.noticeOn, today),
    { type: "input", block_id: NoticeBlocks.via, label: plain(m.noticeVia, 2000), element: select(VIAS, t.via) },
  ];
  if (refused)
    blocks.push(
      { type: "context", elements: [{ type: "mrkdwn", text: t.reasonsRule(basis === "company") }] },
      { type: "input", block_id: NoticeBlocks.reasonExplained, label: plain(m.reasonExplained, 2000), element: radio(["yes", "no"], t.yesNo) },
    );
  return modal(DsrViews.notice, m.noticeTitle, lang, blocks, { id: c.id, rev: c.rev });
}

export function withdrawModal(c: CaseRow, lang: Lang): View {
  const m = dsrMessages(lang).modal;
  return modal(
    DsrViews.withdraw,
    m.withdrawTitle,
    lang,
    [
      { type: "section", text: { type: "mrkdwn", text: `*${c.code}*` } },
      textInput(WithdrawBlocks.note, m.withdrawNote, { optional: true, multiline: true, max: 500 }),
    ],
    {
      id: c.id,
      rev: c.rev,
    },
  );
}

export function sendBackModal(c: CaseRow, lang: Lang): View {
  const m = dsrMessages(lang).modal;
  return modal(
    DsrViews.sendBack,
    m.sendBackTitle,
    lang,
    [{ type: "section", text: { type: "mrkdwn", text: `*${c.code}*` } }, textInput(SendBackBlocks.reason, m.sendBackReason, { multiline: true, max: 1000 })],
    {
      id: c.id,
      rev: c.rev,
    },
  );
}

/** A modal that only says something. */
export function noticeView(text: string, lang: Lang): View {
  const m = dsrMessages(lang).modal;
  return modalView({
    title: m.notice,
    close: m.closeButton,
    blocks: [{ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } }],
  });
}

// ---- the register post -------------------------------------------------------------------------

export function identityText(c: CaseRow, lang: Lang): string {
  const t = dsrMessages(lang);
  if (!c.idDocument || !c.idCheckedBy || !c.idCheckedOn) return t.parent.identityNone;
  const doc = t.idDocument[c.idDocument as IdDocument] ?? c.idDocument;
  const docs = [c.idDocumentNote ? t.parent.docWithNote(doc, safe(c.idDocumentNote)) : doc];
  if (c.mandateDocument) docs.push(t.mandateDocument[c.mandateDocument as MandateDocument]);
  if (c.agentDocument) docs.push(t.idDocument[c.agentDocument as IdDocument]);
  return t.parent.identityDone(docs.join(" / "), mention(c.idCheckedBy), dayText(c.idCheckedOn, lang));
}

function requesterText(c: CaseRow, lang: Lang): string {
  const t = dsrMessages(lang);
  const who = t.requester[c.requester as Requester] ?? c.requester;
  return c.mandate ? t.parent.requesterWithMandate(who, t.mandate[c.mandate as Mandate]) : who;
}

/** The outcome lines of a case with an outcome (answered, or a refusal waiting for approval). */
export function outcomeLines(c: CaseRow, lang: Lang): string[] {
  if (!c.outcome) return [];
  const t = dsrMessages(lang);
  const p = t.parent;
  const lines = [p.line(p.outcome, p.outcomeValue(t.outcome[c.outcome as Outcome], c.status === "awaiting_approval" ? t.status.awaiting_approval : null))];
  if (c.actionTaken) {
    const what = safe(clip(c.actionTaken, 1000));
    lines.push(p.line(p.actionTaken, c.actionOn ? p.withDay(what, dayText(c.actionOn, lang)) : what));
  }
  if (c.statutoryBasis) lines.push(p.line(p.basis, t.basis[c.statutoryBasis as StatutoryBasis] ?? c.statutoryBasis));
  if (c.methodUsed) {
    const used = t.method[c.methodUsed as DisclosureMethod] ?? c.methodUsed;
    lines.push(p.line(p.methodUsed, c.disclosureMethod && c.disclosureMethod !== c.methodUsed ? p.methodChanged(used) : used));
  }
  if (c.grounds.length) lines.push(`*${c.outcome === "not_retained" ? p.notRetainedGrounds : p.grounds}*`, ...c.grounds.map((g) => groundLine(g, lang)));
  if (c.reasonToPerson) lines.push(p.line(p.reason, safe(clip(c.reasonToPerson, 1000))));
  if (c.approvedBy) lines.push(t.parent.approvedBy(mention(c.approvedBy)));
  if (c.status === "decided" || c.status === "answered") {
    const basis = t.noticeBasis[caseNoticeBasis(c)];
    lines.push(
      p.line(
        p.notice,
        c.noticeOn && c.noticeVia && c.noticeBy
          ? p.noticeDone(dayText(c.noticeOn, lang), t.via[c.noticeVia as Via] ?? c.noticeVia, mention(c.noticeBy), basis)
          : p.noticePending(basis),
      ),
    );
    if (typeof c.reasonExplained === "boolean") lines.push(p.reasonExplained(c.reasonExplained));
  }
  return lines;
}

export function caseButtons(c: CaseRow, lang: Lang): Button[] {
  const p = dsrMessages(lang).parent;
  const out: Button[] = [];
  // the outcome is settled: the notice to the person is the one step left
  if (c.status === "decided") return [{ type: "button", text: plain(p.noticeButton), action_id: DsrActions.notice, value: c.id, style: "primary" }];
  if (c.status === "open") out.push({ type: "button", text: plain(p.identityButton), action_id: DsrActions.identity, value: c.id, style: "primary" });
  out.push({
    type: "button",
    text: plain(p.answerButton),
    action_id: DsrActions.answer,
    value: c.id,
    ...(c.status === "verified" ? { style: "primary" as const } : {}),
  });
  // a request for disclosure of provision records (Art.33(5)): the records it covers, listed in the thread
  if (c.kind === "provision_records") out.push({ type: "button", text: plain(p.recordsButton), action_id: DsrActions.provisionRecords, value: c.id });
  out.push({ type: "button", text: plain(p.withdrawButton), action_id: DsrActions.withdraw, value: c.id });
  // a correction of the identity check, while it may still change the answer
  if (c.status === "verified") out.push({ type: "button", text: plain(p.identityCorrectButton), action_id: DsrActions.identity, value: c.id });
  return out;
}

/** The case's register entry: its post in the compliance channel, edited in place. */
export function caseMessage(c: CaseRow, lang: Lang): SlackMessage {
  const t = dsrMessages(lang);
  const p = t.parent;
  const fields = [
    `*${p.kind}*\n${t.kind[c.kind as DsrKind] ?? c.kind}`,
    `*${p.status}*\n${t.status[c.status as DsrStatus] ?? c.status}`,
    `*${p.via}*\n${t.via[c.via as Via] ?? c.via}`,
    `*${p.receivedOn}*\n${dayText(c.receivedOn, lang)}`,
    `*${p.requester}*\n${requesterText(c, lang)}`,
    `*${p.customerRef}*\n${safe(c.customerRef)}`,
    `*${p.owner}*\n${mention(c.ownerId)}`,
    `*${p.identity}*\n${identityText(c, lang)}`,
    `*${p.target}*\n${dayText(c.targetOn, lang)}`,
    `*${p.ceiling}*\n${dayText(c.ceilingOn, lang)}`,
  ];
  // Art.33(1) and Art.38: how the person asked to receive it, and the fee (a section of their own: at most 10 fields)
  const asked = [
    ...(c.disclosureMethod ? [`*${p.method}*\n${t.method[c.disclosureMethod as DisclosureMethod] ?? c.disclosureMethod}`] : []),
    ...(typeof c.feeYen === "number" ? [`*${p.fee}*\n${p.feeValue(c.feeYen)}`] : []),
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(p.header(c.code), 150) },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn" as const, text: clip(text, 2000) })) },
    { type: "context", elements: [{ type: "mrkdwn", text: p.deadlineNote }] },
  ];
  if (asked.length) blocks.push({ type: "section", fields: asked.map((text) => ({ type: "mrkdwn" as const, text: clip(text, 2000) })) });
  if (c.scope) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(p.line(p.scope, safe(c.scope)), 3000) } });
  const outcome = outcomeLines(c, lang);
  if (outcome.length) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(outcome.join("\n"), 3000) } });
  if (c.status === "withdrawn" && c.withdrawnNote) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(safe(c.withdrawnNote), 2000) }] });
  if ((OPEN_DSR_STATUSES as readonly string[]).includes(c.status) && c.status !== "awaiting_approval") {
    blocks.push({ type: "actions", block_id: `dsr-${c.rev}`, elements: caseButtons(c, lang) });
  }
  return { text: p.summary(p.header(c.code), t.kind[c.kind as DsrKind] ?? c.kind, t.status[c.status as DsrStatus] ?? c.status), blocks };
}

/** The DM to the owner: what the case is, its buttons and a link to the register post. */
export function ownerDm(c: CaseRow, lang: Lang, link: unknown, done?: string): { text: string; blocks: unknown[] } {
  const t = dsrMessages(lang);
  const text = t.dm.toOwner(c.code, t.kind[c.kind as DsrKind], dayText(c.targetOn, lang), dayText(c.ceilingOn, lang));
  // the buttons the case has now: none once it waits for the chief or is closed
  const open = (OPEN_DSR_STATUSES as readonly string[]).includes(c.status) && c.status !== "awaiting_approval";
  const elements: unknown[] = open ? [...caseButtons(c, lang)] : [];
  if (link) elements.push({ type: "button", text: plain(t.parent.open), action_id: DsrActions.openLink, url: link });
  return {
    text: done ? `${text}\n${done}` : text,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text } },
      ...(done ? [{ type: "context", elements: [{ type: "mrkdwn", text: done }] }] : []),
      ...(elements.length ? [{ type: "actions", block_id: `dsr-dm-${c.rev}`, elements }] : []),
    ],
  };
}

/** The approval request of a refusal: in the thread and in the approvers' DMs, with its buttons until decided. */
export function approvalMessage(c: CaseRow, lang: Lang, decided?: { by: string; what: string }): SlackMessage {
  const t = dsrMessages(lang);
  const head = t.thread.approvalRequest(c.code, t.outcome[c.outcome as Outcome]);
  const body = [head, ...outcomeLines({ ...c, approvedBy: null }, lang).slice(1)].join("\n");
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: clip(body, 3000) } }];
  if (decided) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.thread.decided(mention(decided.by), decided.what) }] });
  else
    blocks.push({
      type: "actions",
      block_id: `dsr-approval-${c.rev}`,
      elements: [
        { type: "button", text: plain(t.thread.approveButton), action_id: DsrActions.approveRefusal, value: encodeCaseRev(c.id, c.rev), style: "primary" },
        { type: "button", text: plain(t.thread.sendBackButton), action_id: DsrActions.sendBack, value: encodeCaseRev(c.id, c.rev) },
      ],
    });
  return { text: head.replace(/\*/g, ""), blocks };
}

// ---- complaints ----------------------------------------------------------------------------------

export function complaintModal(lang: Lang, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  return modal(DsrViews.complaint, m.complaintTitle, lang, [
    { type: "context", elements: [{ type: "mrkdwn", text: m.complaintIntro }] },
    { type: "input", block_id: ComplaintBlocks.kind, label: plain(m.complaintKind, 2000), element: radio(COMPLAINT_KINDS, t.complaintKind, "complaint") },
    { type: "input", block_id: ComplaintBlocks.via, label: plain(m.via, 2000), element: select(VIAS, t.via) },
    dateInput(ComplaintBlocks.receivedOn, m.complaintReceivedOn, today),
    textInput(ComplaintBlocks.summary, m.summary, { multiline: true, max: 2000 }),
    textInput(ComplaintBlocks.customerRef, m.customerRef, { optional: true, max: 100, hint: m.customerRefHint }),
    textInput(ComplaintBlocks.link, m.link, { optional: true, max: 30 }),
    userInput(ComplaintBlocks.owner, m.owner, null, true),
  ]);
}

export function complaintCloseModal(c: ComplaintRow, lang: Lang, today: Day): View {
  const t = dsrMessages(lang);
  const m = t.modal;
  return modal(
    DsrViews.complaintClose,
    m.complaintCloseTitle,
    lang,
    [
      { type: "section", text: { type: "mrkdwn", text: `*${c.code}*` } },
      {
        type: "input",
        block_id: ComplaintCloseBlocks.outcome,
        label: plain(m.complaintOutcome, 2000),
        element: radio(["resolved", "referred"], t.complaintOutcome),
      },
      textInput(ComplaintCloseBlocks.text, m.outcomeText, { multiline: true, max: 2000 }),
      textInput(ComplaintCloseBlocks.referredTo, m.referredTo, { optional: true, max: 200 }),
      dateInput(ComplaintCloseBlocks.closedOn, m.closedOn, today),
    ],
    { id: c.id, rev: c.rev },
  );
}

export function complaintMessage(c: ComplaintRow, lang: Lang, linkUrl?: string): SlackMessage {
  const t = dsrMessages(lang);
  const p = t.parent;
  const k = t.complaint;
  const fields = [
    `*${p.kind}*\n${t.complaintKind[c.kind as ComplaintKind] ?? c.kind}`,
    `*${p.status}*\n${t.complaintStatus[c.status as ComplaintStatus] ?? c.status}`,
    `*${p.via}*\n${t.via[c.via as Via] ?? c.via}`,
    `*${p.receivedOn}*\n${dayText(c.receivedOn, lang)}`,
    `*${p.owner}*\n${mention(c.ownerId)}`,
    ...(c.customerRef ? [`*${p.customerRef}*\n${safe(c.customerRef)}`] : []),
    ...(c.linkedCode ? [`*${k.link}*\n${linkUrl ? `<${linkUrl}|${c.linkedCode}>` : c.linkedCode}`] : []),
  ];
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(k.header(c.code), 150) },
    { type: "section", text: { type: "mrkdwn", text: clip(`*${k.summary}*\n${safe(c.summary)}`, 3000) } },
    { type: "section", fields: fields.map((text) => ({ type: "mrkdwn" as const, text: clip(text, 2000) })) },
  ];
  if (c.status !== "open" && c.outcomeText) {
    const status = t.complaintStatus[c.status as ComplaintStatus];
    const lines = [p.line(k.outcome, c.closedOn ? p.withDay(status, dayText(c.closedOn, lang)) : status), safe(c.outcomeText)];
    if (c.referredTo) lines.push(p.line(k.referredTo, safe(c.referredTo)));
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(lines.join("\n"), 3000) } });
  }
  if (c.status === "open")
    blocks.push({
      type: "actions",
      block_id: `complaint-${c.rev}`,
      elements: [{ type: "button", text: plain(k.closeButton), action_id: DsrActions.complaintClose, value: c.id, style: "primary" }],
    });
  return { text: `${k.header(c.code)}: ${t.complaintStatus[c.status as ComplaintStatus] ?? c.status}`, blocks };
}
