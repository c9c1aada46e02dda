// The contract of an App Home section. The Home tab is assembled from sections, one per
// feature (src/home/ lists them and publishes the tab), as the digest is from its
// providers: each feature exports its section next to its code (e.g.
// src/requests/homeSection.ts, src/incidents/homeSection.ts), and none of them knows the
// others. A section returns blocks for this person, or none when it has nothing for them.
//
// Most sections list things waiting for the person: they build `HomeItem`s (what, by when,
// a button) and render them with `homeListBlocks`, so every section shows its deadlines the
// same way (「あと3日」, ⚠️ near, 🔴 past), most urgent first, capped (Slack allows 100
// blocks in a Home tab) with 「ほかN件」 and where to see the rest.
import type { KnownBlock } from "@slack/types";
import type { Actor } from "../directory/actor.js";
import { type Day, dayDate, dayIn, daysBetween } from "./day.js";
import type { Db } from "./db.js";
import { catalogue, formatDate, formatDateTime, type Lang } from "./i18n.js";
import type { Services } from "./services.js";
import { clip } from "./slack/text.js";

export interface HomeContext {
  /** the database, or the outbox's transaction when the tab is rendered as it is sent */
  db: Db;
  actor: Actor;
  services: Services;
}

export type HomeSection = (ctx: HomeContext) => Promise<KnownBlock[]>;

/**
 * A button at the top of the Home tab that starts something (a request, an incident
 * report): a feature contributes it, with its own action id and handler.
 */
export type HomeStarter = (actor: Actor) => { text: string; actionId: string; style?: "primary" | "danger" } | null;

/** The value every Home starter button carries (its handler needs nothing more). */
export const HOME_STARTER_VALUE = "home";

/** When something is due: a calendar day (in the company's time zone) or a moment. */
export type HomeDue = { day: Day } | { at: Date };

/** A button of an item: a link (to the record's post) or an action of the feature. */
export type HomeButton = { text: string; url: unknown; actionId: string } | { text: string; actionId: string; value: string; style?: "primary" };

/** One thing waiting for the person. */
export interface HomeItem {
  /** mrkdwn: what it is, with its code (one or two short lines) */
  text: string;
  due: HomeDue | null;
  button?: HomeButton;
}

export interface HomeList {
  /** the section's title (mrkdwn, bold) */
  title: string;
  /** a note under the title (mrkdwn), e.g. whose deadlines these are */
  note?: string;
  items: HomeItem[];
  /** what is said when the list is empty (null: the section is left out) */
  none: string | null;
  /** where to see all of them (a command), said after 「ほかN件」 */
  seeAll: string;
}

/** Items a list shows at most: the Home tab holds 100 blocks for every section together. */
export const HOME_LIST_MAX = 5;
/** A deadline this close (days) stands out with ⚠️. */
export const NEAR_DAYS = 3;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const messages = catalogue(
  {
    left: (n: string) => `あと${n}`,
    over: (n: string) => `${n}超過`,
    today: "本日期限",
    days: (n: number) => `${n}日`,
    hours: (n: number) => `${n}時間`,
    due: (what: string, when: string) => `${what}（${when}）`,
    more: (n: number, seeAll: string) => `ほか${n}件：${seeAll}`,
  },
  {
    left: (n: string) => `${n} left`,
    over: (n: string) => `${n} overdue`,
    today: "due today",
    days: (n: number) => (n === 1 ? "1 day" : `${n} days`),
    hours: (n: number) => (n === 1 ? "1 hour" : `${n} hours`),
    due: (what: string, when: string) => `${what} (${when})`,
    more: (n: number, seeAll: string) => `${n} more: ${seeAll}`,
  },
);

/** How far away a deadline is, in ms from now (negative: past); a day counts until its end. */
export function untilDue(due: HomeDue, now: Date, timeZone: string): number {
  if ("at" in due) return due.at.getTime() - now.getTime();
  return daysBetween(dayIn(now, timeZone), due.day) * DAY_MS + DAY_MS / 2;
}

/** How long is left (or how far past), standing out when near (⚠️) or past (🔴), with the date. */
export function dueText(due: HomeDue, now: Date, lang: Lang, timeZone: string): string {
  const m = messages(lang);
  if ("day" in due) {
    const days = daysBetween(dayIn(now, timeZone), due.day);
    const date = formatDate(dayDate(due.day), lang, "UTC");
    if (days < 0) return `🔴 *${m.due(m.over(m.days(-days)), date)}*`;
    if (days === 0) return `⚠️ *${m.due(m.today, date)}*`;
    if (days <= NEAR_DAYS) return `⚠️ *${m.due(m.left(m.days(days)), date)}*`;
    return m.due(m.left(m.days(days)), date);
  }
  const ms = due.at.getTime() - now.getTime();
  const when = formatDateTime(due.at, lang, timeZone);
  const span = (x: number) => (x < 2 * DAY_MS ? m.hours(Math.max(1, Math.floor(x / HOUR_MS))) : m.days(Math.floor(x / DAY_MS)));
  if (ms < 0) return `🔴 *${m.due(m.over(span(-ms)), when)}*`;
  if (ms <= NEAR_DAYS * DAY_MS) return `⚠️ *${m.due(m.left(span(ms)), when)}*`;
  return m.due(m.left(span(ms)), when);
}

/** Most urgent first: past, then nearest; items without a deadline last, in their order. */
export function byUrgency(items: HomeItem[], now: Date, timeZone: string): HomeItem[] {
  const key = (i: HomeItem) => (i.due ? untilDue(i.due, now, timeZone) : Number.POSITIVE_INFINITY);
  return items
    .map((i, n) => ({ i, n, k: key(i) }))
    .sort((a, b) => a.k - b.k || a.n - b.n)
    .map((x) => x.i);
}

/** A list of waiting things: title, items (most urgent first, at most `max`), each with its deadline and button, 「ほかN件」. */
export function homeListBlocks(ctx: { lang: Lang; now: Date; timeZone: string }, list: HomeList, max = HOME_LIST_MAX): KnownBlock[] {
  if (list.items.length === 0 && list.none === null) return [];
  const blocks: KnownBlock[] = [{ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: clip(list.title, 3000) } }];
  if (list.note && list.items.length) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(list.note, 3000) }] });
  if (list.items.length === 0) return [...blocks, { type: "context", elements: [{ type: "mrkdwn", text: list.none ?? "" }] }];
  const sorted = byUrgency(list.items, ctx.now, ctx.timeZone);
  for (const it of sorted.slice(0, max)) {
    const text = it.due ? `${it.text}\n${dueText(it.due, ctx.now, ctx.lang, ctx.timeZone)}` : it.text;
    const b = it.button;
    const accessory = b
      ? "url" in b
        ? { type: "button", text: { type: "plain_text", text: clip(b.text, 75) }, action_id: b.actionId, url: b.url }
        : {
            type: "button",
            text: { type: "plain_text", text: clip(b.text, 75) },
            action_id: b.actionId,
            value: b.value,
            ...(b.style ? { style: b.style } : {}),
          }
      : undefined;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) }, ...(accessory ? { accessory } : {}) } as KnownBlock);
  }
  if (sorted.length > max) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: messages(ctx.lang).more(sorted.length - max, list.seeAll) }] });
  return blocks;
}
