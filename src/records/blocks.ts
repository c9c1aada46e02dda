// Block Kit builders of the provision and receipt records: pure functions of data and language.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../platform/i18n.js";
import { mrkdwn, plain } from "../platform/slack/text.js";
import {
  DiscloseBlocks,
  DisposeBlocks,
  INPUT,
  LogBlocks,
  ReceiptBlocks,
  RecordActions,
  RecordViews,
  type DiscloseMeta,
  type DisposeMeta,
  type LogMeta,
} from "./ids.js";
import { recordMessages } from "./messages.js";
import {
  DISCLOSURE_EXCLUSIONS,
  DISPOSAL_METHODS,
  PROVIDER_KINDS,
  RECEIPT_BASES,
  RECORD_FORMS,
  type Exemption,
  type RecordBasis,
  type RecordForm,
} from "./rules.js";

const opt = (text: string, value: string) => ({ text: plain(text, 75), value });

/** The 「提供を記録」 button under an approved request's thread note (its value: the request's id). */
export function logButtonBlocks(requestId: string, text: string, lang: Lang): KnownBlock[] {
  const m = recordMessages(lang);
  const value: LogMeta = { requestId };
  return [
    { type: "section", text: mrkdwn(`${text}\n${m.logPrompt}`) },
    { type: "actions", elements: [{ type: "button", action_id: RecordActions.log, text: plain(m.logButton), value: JSON.stringify(value) }] },
  ];
}

function input(block: string, label: string, element: Record<string, unknown>, o: { optional?: boolean; hint?: string } = {}): KnownBlock {
  return {
    type: "input",
    block_id: block,
    label: plain(label, 2000),
    ...(o.optional ? { optional: true } : {}),
    ...(o.hint ? { hint: plain(o.hint, 2000) } : {}),
    element: { action_id: INPUT, ...element },
  } as KnownBlock;
}

const exclusionSelect = (lang: Lang) => {
  const m = recordMessages(lang);
  return { type: "static_select", options: DISCLOSURE_EXCLUSIONS.map((k) => opt(m.exclusions[k], k)) };
};

/**
 * The log modal of one provision: the day, what identifies the persons, and (with a record)
 * how the record is made, fixed once its first provision is logged.
 */
export function logModal(o: {
  requestId: string;
  code: string;
  recipient: string;
  items: string;
  exemption: Exemption | null;
  basis: RecordBasis | null;
  fixedForm: RecordForm | null;
  today: string;
  lang: Lang;
}): View {
  const m = recordMessages(o.lang);
  const meta: LogMeta = { requestId: o.requestId };
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(m.logIntro(o.code, o.recipient, o.items)) }];
  if (o.exemption) blocks.push({ type: "context", elements: [mrkdwn(m.logExempt(m.exemption(o.exemption)))] });
  blocks.push(input(LogBlocks.providedOn, m.providedOn, { type: "datepicker", initial_date: o.today }));
  blocks.push(input(LogBlocks.subjectsRef, m.subjectsRef, { type: "plain_text_input", max_length: 500 }, { hint: m.subjectsRefHint }));
  if (!o.exemption) {
    if (o.fixedForm) blocks.push({ type: "context", elements: [mrkdwn(m.formFixed(m.forms[o.fixedForm]))] });
    else {
      const forms = RECORD_FORMS.filter((f) => f !== "contract" || o.basis === "consent");
      blocks.push(input(LogBlocks.form, m.form, { type: "radio_buttons", options: forms.map((f) => opt(m.forms[f], f)) }));
      if (o.basis === "consent")
        blocks.push(input(LogBlocks.contractRef, m.contractRef, { type: "plain_text_input", max_length: 300 }, { optional: true, hint: m.contractRefHint }));
    }
    blocks.push(input(LogBlocks.exclusion, m.exclusion, exclusionSelect(o.lang), { optional: true, hint: m.exclusionHint }));
  }
  return {
    type: "modal",
    callback_id: RecordViews.log,
    private_metadata: JSON.stringify(meta),
    title: plain(m.logTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks,
  };
}

/** The receipt modal (APPI Art.30, 施行規則 第22-24条). */
export function receiptModal(today: string, lang: Lang): View {
  const m = recordMessages(lang);
  const B = ReceiptBlocks;
  return {
    type: "modal",
    callback_id: RecordViews.receipt,
    title: plain(m.receiptTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: "section", text: mrkdwn(m.receiptIntro) },
      input(B.basis, m.basis, { type: "static_select", options: RECEIPT_BASES.map((b) => opt(m.bases[b], b)) }),
      input(B.providerName, m.providerName, { type: "plain_text_input", max_length: 200 }),
      input(B.providerKind, m.providerKind, { type: "radio_buttons", options: PROVIDER_KINDS.map((k) => opt(m.providerKinds[k] ?? k, k)) }, { optional: true }),
      input(B.providerAddress, m.providerAddress, { type: "plain_text_input", max_length: 300 }, { optional: true }),
      input(B.providerRepresentative, m.providerRepresentative, { type: "plain_text_input", max_length: 100 }, { optional: true }),
      input(B.acquisition, m.acquisition, { type: "plain_text_input", multiline: true, max_length: 1000 }, { optional: true, hint: m.acquisitionHint }),
      input(B.ppcPublished, m.ppcPublished, { type: "checkboxes", options: [opt(m.ppcPublishedOption, "published")] }, { optional: true }),
      input(B.items, m.items, { type: "plain_text_input", max_length: 500 }),
      input(B.subjectsRef, m.subjectsRef, { type: "plain_text_input", max_length: 500 }, { optional: true, hint: m.subjectsRefHint }),
      input(B.receivedOn, m.receivedOn, { type: "datepicker", initial_date: today }),
      input(B.form, m.receiptForm, { type: "radio_buttons", options: RECORD_FORMS.map((f) => opt(m.receiptForms[f], f)) }, { optional: true }),
      input(B.contractRef, m.contractRef, { type: "plain_text_input", max_length: 300 }, { optional: true, hint: m.contractRefHint }),
      input(B.exclusion, m.exclusion, exclusionSelect(lang), { optional: true, hint: m.exclusionHint }),
    ],
  };
}

/** The disclosure listing modal of a data-subject request (APPI Art.33(5)). */
export function discloseModal(dsrId: string, code: string, lang: Lang): View {
  const m = recordMessages(lang);
  const meta: DiscloseMeta = { dsrId };
  return {
    type: "modal",
    callback_id: RecordViews.disclose,
    private_metadata: JSON.stringify(meta),
    title: plain(m.discloseTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: "section", text: mrkdwn(m.discloseIntro(code)) },
      input(DiscloseBlocks.counterpart, m.counterpart, { type: "plain_text_input", max_length: 200 }, { optional: true }),
      input(DiscloseBlocks.from, m.from, { type: "datepicker" }, { optional: true }),
      input(DiscloseBlocks.to, m.to, { type: "datepicker" }, { optional: true }),
    ],
  };
}

/** A modal once its submission is recorded. */
export function doneView(text: string, lang: Lang): View {
  const m = recordMessages(lang);
  return { type: "modal", title: plain(m.logTitle, 24), close: plain(m.close, 24), blocks: [{ type: "section", text: mrkdwn(text) }] };
}

/** The disposal modal of a receipt record past its retention (規程 第31条). */
export function disposeModal(o: { receiptId: string; code: string; provider: string; until: string; today: string; lang: Lang }): View {
  const m = recordMessages(o.lang);
  const meta: DisposeMeta = { receiptId: o.receiptId };
  return {
    type: "modal",
    callback_id: RecordViews.dispose,
    private_metadata: JSON.stringify(meta),
    title: plain(m.disposeTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: "section", text: mrkdwn(m.disposeIntro(o.code, o.provider, o.until)) },
      input(DisposeBlocks.method, m.method, { type: "static_select", options: DISPOSAL_METHODS.map((k) => opt(m.methods[k], k)) }),
      input(DisposeBlocks.performedBy, m.performedBy, { type: "users_select" }),
      input(DisposeBlocks.disposedOn, m.disposedOn, { type: "datepicker", initial_date: o.today }),
      input(DisposeBlocks.note, m.disposalNote, { type: "plain_text_input", multiline: true, max_length: 1000 }, { optional: true }),
    ],
  };
}
