// Block Kit of the retention feature: the disposal modal, the "record disposal" buttons,
// the reminder DM, the App Home section. Pure functions of rows and language.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../platform/i18n.js";
import { mrkdwn, modalView, plain } from "../platform/slack/text.js";
import { reminderDm, type ReminderSection } from "../reminders/blocks.js";
import { itemBlockId } from "../reminders/ids.js";
import { DisposalBlocks, encodeSubject, INPUT, RetentionActions, RetentionViews } from "./ids.js";
import { retentionMessages, showDay } from "./messages.js";
import { dateDay, daysBetween, DISPOSAL_METHODS, retentionItemKey, type Basis, type Day, type SubjectKind } from "./rules.js";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** What the blocks need of an item. */
export interface ItemView {
  subjectKind: string;
  subjectRef: string;
  label: string;
  endDay: Date | null;
  basis: string;
  ownerId: string;
}

/** mrkdwn link to an item's request thread, or its code: given by the caller. */
export type LinkOf = (i: ItemView) => string;

/** Items (with their buttons) shown at most in a DM section or on the Home tab. */
export const BUTTONS_MAX = 10;

function disposeButton(i: ItemView, lang: Lang) {
  return {
    type: "button" as const,
    action_id: RetentionActions.dispose,
    text: plain(retentionMessages(lang).disposeButton(i.subjectRef)),
    value: encodeSubject({ kind: i.subjectKind as SubjectKind, ref: i.subjectRef }),
  };
}

function itemText(i: ItemView, today: Day, lang: Lang, link: LinkOf): string {
  const m = retentionMessages(lang);
  const end = i.endDay ? dateDay(i.endDay) : null;
  const days = end ? daysBetween(end, today) : 0;
  const shownEnd = end ? showDay(end, lang) : "—";
  return i.subjectKind === "processor_return"
    ? m.returnItem(link(i), esc(i.label), shownEnd, days)
    : m.item(link(i), esc(i.label), shownEnd, days, m.basis[i.basis as Basis] ?? i.basis);
}

/** One person's weekly reminder: purposes, processor returns, entries; a button per item. */
export function reminderBlocks(items: ItemView[], today: Day, lang: Lang, link: LinkOf): { text: string; blocks: unknown[] } {
  const m = retentionMessages(lang);
  const of = (k: SubjectKind) => items.filter((i) => i.subjectKind === k);
  const section = (title: (n: number) => string, list: ItemView[]): ReminderSection => ({
    title: title(list.length),
    items: list
      .slice(0, BUTTONS_MAX)
      .map((i) => ({ item: retentionItemKey(i.subjectKind as SubjectKind, i.subjectRef), text: itemText(i, today, lang, link) })),
  });
  const dm = reminderDm(
    m.reminderIntro(items.length),
    [section(m.purposeTitle, of("purpose")), section(m.returnTitle, of("processor_return")), section(m.entryTitle, of("entry"))],
    lang,
  );
  // a button under each item shown (its own actions block: action ids are unique per block)
  const byBlock = new Map(items.map((i) => [itemBlockId(retentionItemKey(i.subjectKind as SubjectKind, i.subjectRef)), i]));
  const blocks: unknown[] = [];
  for (const b of dm.blocks) {
    blocks.push(b);
    const i = byBlock.get((b as { block_id?: string }).block_id ?? "");
    if (i) blocks.push({ type: "actions", block_id: `dispose:${i.subjectKind}:${i.subjectRef}`.slice(0, 255), elements: [disposeButton(i, lang)] });
  }
  return { text: dm.text, blocks };
}

/** The App Home section: what this person has to dispose of. */
export function homeBlocks(rows: ItemView[], total: number, today: Day, lang: Lang, link: LinkOf): KnownBlock[] {
  if (total === 0) return [];
  const m = retentionMessages(lang);
  const blocks: KnownBlock[] = [{ type: "divider" }, { type: "section", text: mrkdwn(m.homeTitle(total)) }];
  for (const r of rows.slice(0, BUTTONS_MAX)) blocks.push({ type: "section", text: mrkdwn(itemText(r, today, lang, link)), accessory: disposeButton(r, lang) });
  if (total > Math.min(rows.length, BUTTONS_MAX)) blocks.push({ type: "context", elements: [mrkdwn(m.homeMore(total - Math.min(rows.length, BUTTONS_MAX)))] });
  return blocks;
}

export function disposalModal(i: ItemView, lang: Lang, today: Day): View {
  const m = retentionMessages(lang);
  const end = i.endDay ? showDay(dateDay(i.endDay), lang) : "—";
  return {
    type: "modal",
    callback_id: RetentionViews.disposal,
    private_metadata: encodeSubject({ kind: i.subjectKind as SubjectKind, ref: i.subjectRef }),
    title: plain(m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    blocks: [
      { type: "section", text: mrkdwn(m.modalIntro(m.kinds[i.subjectKind as SubjectKind] ?? i.subjectKind, i.subjectRef, esc(i.label), end)) },
      {
        type: "input",
        block_id: DisposalBlocks.method,
        label: plain(m.method, 2000),
        hint: plain(m.methodHint, 2000),
        element: { type: "static_select", action_id: INPUT, options: DISPOSAL_METHODS.map((k) => ({ text: plain(m.methods[k]), value: k })) },
      },
      {
        type: "input",
        block_id: DisposalBlocks.disposedOn,
        label: plain(m.disposedOn, 2000),
        element: { type: "datepicker", action_id: INPUT, initial_date: today },
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
        block_id: DisposalBlocks.evidenceUrl,
        label: plain(m.evidenceUrl, 2000),
        hint: plain(m.evidenceHint, 2000),
        element: { type: "plain_text_input", action_id: INPUT, max_length: 2000 },
      },
      {
        type: "input",
        block_id: DisposalBlocks.note,
        optional: true,
        label: plain(m.note, 2000),
        hint: plain(m.noteHint, 2000),
        element: { type: "plain_text_input", action_id: INPUT, multiline: true, max_length: 1000 },
      },
    ],
  };
}

export function doneView(text: string, lang: Lang): View {
  const m = retentionMessages(lang);
  return modalView({ title: m.doneTitle, close: m.close, blocks: [{ type: "section", text: mrkdwn(text) }] });
}
