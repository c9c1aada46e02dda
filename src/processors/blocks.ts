// Block Kit of the processors feature: the list, what awaits disposal, the inspection
// and disposal modals. Pure functions from domain rows to blocks.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../platform/i18n.js";
import { DisposalBlocks, encodeTarget, InspectionBlocks, INPUT, ProcessorActions, ProcessorViews, type InspectionMeta } from "./ids.js";
import { processorMessages, showDay } from "./messages.js";
import { daysBetween, DISPOSAL_METHODS, INSPECTION_RESULTS, inspectionsRunning, dateDay, type Day, type DisposalMethod } from "./rules.js";
import type { DisposalItem, Processor } from "./store.js";
import { mrkdwn, plain, modalView } from "../platform/slack/text.js";

const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** mrkdwn link to a request's thread (the code alone when it has none): given by the caller, which knows the workspace. */
export type LinkOf = (requestId: string, code: string) => string;

/** Items shown at most in the list (Slack allows 50 blocks in a message). */
export const LIST_MAX = 40;
/** Items of each kind shown at most in the disposal list. */
export const DISPOSAL_MAX = 20;

export function whenText(due: Day, today: Day, lang: Lang): string {
  const m = processorMessages(lang);
  const left = daysBetween(today, due);
  return left < 0 ? m.overdueBy(-left) : m.dueIn(left);
}

// ---- /privacy processors --------------------------------------------------------------

export function processorListBlocks(
  rows: Processor[],
  o: { total: number; today: Day; lang: Lang; departments: Map<string, string>; linkOf: LinkOf },
): { text: string; blocks: KnownBlock[] } {
  const m = processorMessages(o.lang);
  const title = m.listTitle(o.total);
  if (rows.length === 0) return { text: m.listEmpty, blocks: [{ type: "section", text: mrkdwn(m.listEmpty) }] };
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(title) }];
  for (const p of rows.slice(0, LIST_MAX)) {
    const due = dateDay(p.nextInspectionDue);
    const end = p.contractEnd ? dateDay(p.contractEnd) : null;
    const until = p.retainUntil ? dateDay(p.retainUntil) : null;
    const lines = [m.listItem(o.linkOf(p.requestId, p.requestCode), escapeMrkdwn(p.name), escapeMrkdwn(o.departments.get(p.departmentId) ?? p.departmentId))];
    lines.push(
      inspectionsRunning({ contractEnd: end, nextInspectionDue: due, disposed: Boolean(p.disposedOn) }, o.today)
        ? m.listInspection(showDay(due, o.lang), whenText(due, o.today, o.lang), `<@${p.responsibleId}>`)
        : m.listNoInspection,
    );
    const start = p.contractStart ? showDay(dateDay(p.contractStart), o.lang) : m.none;
    const parts = [m.listContract(start, end ? showDay(end, o.lang) : m.none)];
    if (p.disposedOn)
      parts.push(m.listDisposed(showDay(dateDay(p.disposedOn), o.lang), m.methods[p.disposalMethod as DisposalMethod] ?? p.disposalMethod ?? ""));
    else if (until) parts.push(until < o.today ? m.listRetentionPast(showDay(until, o.lang)) : m.listRetention(showDay(until, o.lang)));
    lines.push(parts.join(" · "));
    blocks.push({ type: "section", text: mrkdwn(lines.join("\n")) });
  }
  const notes = [...(o.total > Math.min(rows.length, LIST_MAX) ? [m.listMore(o.total - Math.min(rows.length, LIST_MAX))] : []), ...m.usage.slice(1)];
  blocks.push({ type: "context", elements: [mrkdwn(notes.join("\n"))] });
  return { text: title.replace(/\*/g, ""), blocks };
}

// ---- /privacy processors disposal ----------------------------------------------------------

export function disposalListBlocks(
  d: { documents: DisposalItem[]; documentsTotal: number; provisions: DisposalItem[]; provisionsTotal: number },
  o: { today: Day; lang: Lang; canRecord: boolean; linkOf: LinkOf },
): { text: string; blocks: KnownBlock[] } {
  const m = processorMessages(o.lang);
  if (d.documentsTotal + d.provisionsTotal === 0) return { text: m.disposalNone, blocks: [{ type: "section", text: mrkdwn(m.disposalNone) }] };
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(m.disposalTitle) },
    { type: "context", elements: [mrkdwn(m.disposalHowTo)] },
  ];
  const item = (i: DisposalItem): KnownBlock => {
    const days = i.retainUntil ? Math.max(0, daysBetween(i.retainUntil, o.today)) : 0;
    const until = i.retainUntil ? showDay(i.retainUntil, o.lang) : m.none;
    const text =
      i.kind === "processor"
        ? m.disposalProcessorItem(o.linkOf(i.requestId, i.code), escapeMrkdwn(i.label), until, days)
        : m.disposalProvisionItem(o.linkOf(i.requestId, i.code), escapeMrkdwn(i.label), until, days);
    return {
      type: "section",
      block_id: `dispose:${i.kind}:${i.id}`.slice(0, 255),
      text: mrkdwn(text),
      ...(o.canRecord
        ? { accessory: { type: "button", text: plain(m.disposalButton), action_id: ProcessorActions.dispose, value: encodeTarget({ kind: i.kind, id: i.id }) } }
        : {}),
    };
  };
  let hidden = 0;
  if (d.documentsTotal > 0) {
    blocks.push({ type: "section", text: mrkdwn(m.disposalProcessors(d.documentsTotal)) });
    for (const i of d.documents.slice(0, DISPOSAL_MAX)) blocks.push(item(i));
    hidden += d.documentsTotal - Math.min(d.documents.length, DISPOSAL_MAX);
  }
  if (d.provisionsTotal > 0) {
    blocks.push({ type: "section", text: mrkdwn(m.disposalProvisions(d.provisionsTotal)) });
    for (const i of d.provisions.slice(0, DISPOSAL_MAX)) blocks.push(item(i));
    hidden += d.provisionsTotal - Math.min(d.provisions.length, DISPOSAL_MAX);
  }
  if (hidden > 0) blocks.push({ type: "context", elements: [mrkdwn(m.disposalMore(hidden))] });
  return { text: m.disposalTitle.replace(/\*/g, ""), blocks };
}

// ---- modals ---------------------------------------------------------------------------

export function inspectionModal(p: Processor, lang: Lang, today: Day): View {
  const m = processorMessages(lang);
  const meta: InspectionMeta = { processorId: p.id };
  return modalView({
    callbackId: ProcessorViews.inspection,
    meta,
    title: m.inspectionTitle,
    submit: m.submit,
    close: m.close,
    blocks: [
      {
        type: "section",
        text: mrkdwn(m.inspectionIntro(escapeMrkdwn(p.name), p.requestCode, showDay(dateDay(p.nextInspectionDue), lang), p.inspectionMonths)),
      },
      {
        type: "input",
        block_id: InspectionBlocks.inspectedOn,
        label: plain(m.inspectedOn, 2000),
        element: { type: "datepicker", action_id: INPUT, initial_date: today },
      },
      {
        type: "input",
        block_id: InspectionBlocks.result,
        label: plain(m.result, 2000),
        element: { type: "radio_buttons", action_id: INPUT, options: INSPECTION_RESULTS.map((r) => ({ text: plain(m.results[r]), value: r })) },
      },
      {
        type: "input",
        block_id: InspectionBlocks.note,
        optional: true,
        label: plain(m.inspectionNote, 2000),
        hint: plain(m.inspectionNoteHint, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: 1000 },
      },
      {
        type: "input",
        block_id: InspectionBlocks.documentUrl,
        label: plain(m.documentUrl, 2000),
        hint: plain(m.documentUrlHint, 2000),
        element: { type: "plain_text_input", action_id: INPUT, placeholder: plain("https://"), max_length: 2000 },
      },
    ],
  });
}

export function disposalModal(i: DisposalItem, lang: Lang, today: Day): View {
  const m = processorMessages(lang);
  const until = i.retainUntil ? showDay(i.retainUntil, lang) : m.none;
  return {
    type: "modal",
    callback_id: ProcessorViews.disposal,
    private_metadata: encodeTarget({ kind: i.kind, id: i.id }),
    title: plain(m.disposalModalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      {
        type: "section",
        text: mrkdwn(
          i.kind === "processor"
            ? m.disposalIntroProcessor(escapeMrkdwn(i.label), i.code, until)
            : m.disposalIntroProvision(i.code, escapeMrkdwn(i.label), until),
        ),
      },
      {
        type: "input",
        block_id: DisposalBlocks.method,
        label: plain(m.method, 2000),
        element: { type: "static_select", action_id: INPUT, options: DISPOSAL_METHODS.map((k) => ({ text: plain(m.methods[k]), value: k })) },
      },
      {
        type: "input",
        block_id: DisposalBlocks.performedBy,
        label: plain(m.performedBy, 2000),
        hint: plain(m.performedByHint, 2000),
        element: { type: "users_select", action_id: INPUT },
      },
      {
        type: "input",
        block_id: DisposalBlocks.disposedOn,
        label: plain(m.disposedOn, 2000),
        element: { type: "datepicker", action_id: INPUT, initial_date: today },
      },
      {
        type: "input",
        block_id: DisposalBlocks.note,
        optional: true,
        label: plain(m.disposalNote, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: 1000 },
      },
    ],
  };
}

/** What a modal turns into once its submission is recorded. */
export function doneView(text: string, lang: Lang): View {
  const m = processorMessages(lang);
  return modalView({ title: m.doneTitle, close: m.close, blocks: [{ type: "section", text: mrkdwn(text) }] });
}
