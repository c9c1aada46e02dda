// Block Kit of the annual audit and plan calendar: the calendar as /privacy duties shows
// it, the year's message in the compliance channel, the closing modal, the texts of
// reminder items. Pure functions from duties to blocks.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../platform/i18n.js";
import type { BusinessCalendar, Day } from "../platform/schedule/calendar.js";
import { DoneBlocks, DutyActions, DutyViews, type DoneMeta } from "./ids.js";
import { dutyMessages, formatDay } from "./messages.js";
import { DUTIES, dutyStatus, effectiveDue, MAX_NOTE, MAX_URL, type DutyRefusal } from "./rules.js";
import type { DutyRow } from "./store.js";
import { mentions } from "../platform/slack/calls.js";
import { clip, mrkdwn, modalView } from "../platform/slack/text.js";

const plain = (text: string, max = 75) => ({ type: "plain_text" as const, text: clip(text, max) });

/** The duty in the rule's words, with its year and articles. */
export function dutyTitle(d: Pick<DutyRow, "fiscalYear" | "kind">, lang: Lang): string {
  const m = dutyMessages(lang);
  const def = DUTIES[d.kind];
  return m.duty(d.fiscalYear, m.name[d.kind], lang === "en" ? def.articlesEn : def.articles);
}

/** The due date, and the business day before it when it falls on a day off. */
export function dueText(cal: BusinessCalendar, dueOn: Day, lang: Lang): string {
  const eff = effectiveDue(cal, dueOn);
  if (eff === dueOn) return formatDay(dueOn, lang);
  return dutyMessages(lang).due(formatDay(dueOn, lang), formatDay(eff, lang), cal.holidayName(dueOn, lang) ?? null);
}

const docLink = (d: DutyRow, lang: Lang) => (d.documentUrl ? `<${d.documentUrl}|${dutyMessages(lang).document}>` : "");

/** The status on `today`: done (date, document, who), overdue, due soon, open. */
export function statusText(cal: BusinessCalendar, d: DutyRow, today: Day, lang: Lang): string {
  const m = dutyMessages(lang);
  const st = dutyStatus(cal, d, today);
  if (st.status === "done") return m.status.done(formatDay(st.closedOn, lang), docLink(d, lang), d.closedBy ? `<@${d.closedBy}>` : "");
  return m.status[st.status](st.days);
}

function ownerText(d: DutyRow, owners: Map<string, string[]>, lang: Lang): string {
  const m = dutyMessages(lang);
  const people = owners.get(d.ownerRole) ?? [];
  return m.ownerLine(m.owner[d.ownerRole] ?? d.ownerRole, people.length ? mentions(people) : m.noOwner);
}

/** The register's review: how many entries were not reviewed within the year (an open duty only), and that the yearly cycle is the company's practice. */
export function dutyNotes(d: Pick<DutyRow, "kind" | "closedOn">, register: RegisterReviewState | undefined, lang: Lang): string[] {
  const m = dutyMessages(lang);
  const out: string[] = [];
  if (d.kind === "register-review" && register && !d.closedOn) out.push(m.registerState(register.due, register.total));
  if (DUTIES[d.kind].practice) out.push(`_${m.practice}_`);
  return out;
}

/** Entries of the register not reviewed within the year, of all (duties/store.ts registerReviewState). */
export interface RegisterReviewState {
  due: number;
  total: number;
}

function dutySection(
  cal: BusinessCalendar,
  d: DutyRow,
  owners: Map<string, string[]>,
  today: Day,
  lang: Lang,
  withYear: boolean,
  register: RegisterReviewState | undefined,
): KnownBlock {
  const m = dutyMessages(lang);
  const def = DUTIES[d.kind];
  const head = withYear ? `*${dutyTitle(d, lang)}*` : m.dutyLine(m.name[d.kind], lang === "en" ? def.articlesEn : def.articles);
  const lines = [
    head,
    ownerText(d, owners, lang),
    m.dueLine(dueText(cal, d.dueOn, lang)),
    statusText(cal, d, today, lang),
    ...dutyNotes(d, register, lang),
    `\`${d.kind}\``,
  ];
  return { type: "section", text: mrkdwn(lines.join("\n")) };
}

export interface CalendarViewInput {
  fiscalYear: number;
  range: { start: Day; end: Day };
  duties: DutyRow[];
  /** duties of earlier years still open */
  previous: DutyRow[];
  owners: Map<string, string[]>;
  /** the register's entries not reviewed within the year (shown on the register's review) */
  register?: RegisterReviewState;
  calendar: BusinessCalendar;
  today: Day;
  lang: Lang;
}

/** /privacy duties: the year's calendar, each duty with its owner, due date and status. */
export function calendarView(v: CalendarViewInput): { text: string; blocks: KnownBlock[] } {
  const m = dutyMessages(v.lang);
  const title = m.calendarTitle(v.fiscalYear, formatDay(v.range.start, v.lang), formatDay(v.range.end, v.lang));
  const blocks: KnownBlock[] = [
    { type: "section", text: mrkdwn(title) },
    { type: "context", elements: [mrkdwn(m.calendarIntro)] },
  ];
  for (const d of v.duties) blocks.push({ type: "divider" }, dutySection(v.calendar, d, v.owners, v.today, v.lang, false, v.register));
  const years = [...new Set(v.previous.map((d) => d.fiscalYear))];
  for (const fy of years) {
    blocks.push({ type: "divider" }, { type: "section", text: mrkdwn(m.previousOpen(fy)) });
    for (const d of v.previous.filter((x) => x.fiscalYear === fy)) blocks.push(dutySection(v.calendar, d, v.owners, v.today, v.lang, true, v.register));
  }
  blocks.push({ type: "divider" }, { type: "context", elements: [mrkdwn(m.footer.join("\n"))] });
  return { text: title.replace(/[*_~]/g, ""), blocks };
}

/**
 * The year's message in the compliance channel: each duty with its owner, due date and
 * whether it is done (with the document), and a button to record it. Edited in place
 * when a duty is closed or its due date changes; days left are not shown (they would
 * go stale), /privacy duties and the reminders say them.
 */
export function yearMessage(
  cal: BusinessCalendar,
  fy: number,
  range: { start: Day; end: Day },
  duties: DutyRow[],
  owners: Map<string, string[]>,
  lang: Lang,
): { text: string; blocks: KnownBlock[] } {
  const m = dutyMessages(lang);
  const title = m.yearMessageTitle(fy, formatDay(range.start, lang), formatDay(range.end, lang));
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(title) }];
  for (const d of duties) {
    const def = DUTIES[d.kind];
    const status = d.closedOn ? m.status.done(formatDay(d.closedOn, lang), docLink(d, lang), d.closedBy ? `<@${d.closedBy}>` : "") : m.status.pending;
    const text = [
      m.dutyLine(m.name[d.kind], lang === "en" ? def.articlesEn : def.articles),
      ownerText(d, owners, lang),
      m.dueLine(dueText(cal, d.dueOn, lang)),
      status,
      // the practice note only: a count of entries would go stale in a message edited rarely
      ...dutyNotes(d, undefined, lang),
    ].join("\n");
    blocks.push({
      type: "section",
      block_id: `duty-${d.kind}`,
      text: mrkdwn(text),
      ...(d.closedOn ? {} : { accessory: { type: "button", action_id: DutyActions.close, text: plain(m.closeButton), value: d.id } }),
    });
  }
  blocks.push({ type: "context", elements: [mrkdwn(m.yearMessageFooter)] });
  return { text: title.replace(/^:calendar:\s*/, "").replace(/[*_~]/g, ""), blocks };
}

/** The modal to record a duty as done: the date (today by default), the document's link, a note. */
export function doneModal(cal: BusinessCalendar, d: DutyRow, today: Day, lang: Lang): View {
  const m = dutyMessages(lang);
  const meta: DoneMeta = { id: d.id };
  return modalView({
    callbackId: DutyViews.done,
    meta,
    title: m.modalTitle,
    submit: m.modalSubmit,
    close: m.modalClose,
    blocks: [
      { type: "section", text: mrkdwn(m.modalIntro(dutyTitle(d, lang), dueText(cal, d.dueOn, lang), m.owner[d.ownerRole] ?? d.ownerRole)) },
      {
        type: "input",
        block_id: DoneBlocks.date,
        label: plain(m.dateLabel, 2000),
        element: { type: "datepicker", action_id: DoneBlocks.date, initial_date: today },
      },
      {
        type: "input",
        block_id: DoneBlocks.link,
        label: plain(m.linkLabel, 2000),
        hint: plain(m.linkHint, 2000),
        element: { type: "plain_text_input", action_id: DoneBlocks.link, max_length: MAX_URL, placeholder: plain(m.linkPlaceholder, 150) },
      },
      {
        type: "input",
        block_id: DoneBlocks.note,
        optional: true,
        label: plain(m.noteLabel, 2000),
        hint: plain(m.noteHint, 2000),
        element: { type: "plain_text_input", action_id: DoneBlocks.note, multiline: true, max_length: MAX_NOTE },
      },
    ],
  });
}

/** What a refusal says to the person (`unreviewed`: the register's entries left, for register_unreviewed). */
export function refusalText(refusal: DutyRefusal, d: DutyRow | null | undefined, lang: "ja" | "en", unreviewed = 0): string {
  const m = dutyMessages(lang);
  switch (refusal) {
    case "register_unreviewed":
      return m.registerUnreviewed(unreviewed);
    case "already_done":
      return d?.closedOn ? m.alreadyDone(dutyTitle(d, lang), formatDay(d.closedOn, lang)) : m.alreadyDone("", "");
    case "not_owner":
      return !d || d.ownerRole === "chief" ? m.notClosableChief : m.notClosable(m.owner[d.ownerRole] ?? d.ownerRole);
    case "not_due_owner":
      return !d || d.ownerRole === "chief" ? m.dueNotChief : m.dueAuditLeadOnly;
    case "not_found":
      return m.notFound;
  }
}
