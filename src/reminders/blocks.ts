// Block Kit of a reminder DM: one message per person per run, grouped in sections,
// each item with its link and a menu to snooze it. Pure functions.
import type { Lang } from "../platform/i18n.js";
import { encodeSnooze, itemBlockId, ReminderActions } from "./ids.js";
import { reminderMessages } from "./messages.js";
import { clip } from "../platform/slack/text.js";

export interface ReminderItem {
  /** the snooze key, e.g. "request:<id>" */
  item: string;
  /** mrkdwn, including the link to the item */
  text: string;
}

export interface ReminderSection {
  title: string;
  items: ReminderItem[];
}

/** Items shown at most in one DM (the rest is counted). */
export const MAX_ITEMS = 40;
/** Slack refuses a message of more than 50 blocks: headings and notes count too. */
const MAX_BLOCKS = 50;

export function reminderDm(intro: string, sections: ReminderSection[], lang: Lang): { text: string; blocks: unknown[] } {
  const m = reminderMessages(lang);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: clip(intro, 3000) } }];
  let shown = 0;
  let hidden = 0;
  for (const s of sections) {
    if (s.items.length === 0) continue;
    // what is left of the items' allowance and of the blocks (this section's divider and
    // title, and the closing note, take three)
    const room = Math.min(MAX_ITEMS - shown, MAX_BLOCKS - blocks.length - 3);
    if (room <= 0) {
      hidden += s.items.length;
      continue;
    }
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: clip(`*${s.title}*`, 3000) } });
    for (const it of s.items.slice(0, room)) {
      blocks.push({
        type: "section",
        block_id: itemBlockId(it.item),
        text: { type: "mrkdwn", text: clip(it.text, 3000) },
        accessory: {
          type: "overflow",
          action_id: ReminderActions.itemMenu,
          options: [
            { text: { type: "plain_text", text: m.snooze1 }, value: encodeSnooze(1, it.item) },
            { text: { type: "plain_text", text: m.snooze3 }, value: encodeSnooze(3, it.item) },
          ],
        },
      });
    }
    shown += Math.min(room, s.items.length);
    hidden += Math.max(0, s.items.length - room);
  }
  const notes = [m.snoozeHelp, ...(hidden > 0 ? [m.more(hidden)] : [])];
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: notes.join("\n") }] });
  return { text: clip(intro.replace(/[*_~]/g, ""), 3000), blocks };
}

/** The DM after a snooze: the item's section keeps its text and loses its menu; a note says until when. */
export function snoozedDm(blocks: unknown[], item: string, untilText: string, lang: Lang): unknown[] {
  const id = itemBlockId(item);
  const out: unknown[] = [];
  for (const b of blocks as { block_id?: string; type: string }[]) {
    if (b.block_id === id) {
      const { accessory: _accessory, ...rest } = b as { accessory?: unknown };
      out.push(rest);
      out.push({ type: "context", block_id: `${id}:snoozed`.slice(0, 255), elements: [{ type: "mrkdwn", text: reminderMessages(lang).snoozed(untilText) }] });
    } else if (b.block_id !== `${id}:snoozed`.slice(0, 255)) out.push(b);
  }
  return out;
}

/** Which further buttons of a done item go: the element, and the block it is in. */
export type DropButton = (element: { action_id?: string; value?: string }, blockId: string | undefined) => boolean;

/**
 * The DM once `item` is done (decided, completed, withdrawn): its section keeps its text
 * and loses its menu, a stamp under it says what happened (and a snooze note, now moot,
 * goes). `alsoDrop` names further buttons of the item (a 「確認済み」 after the list) to
 * take out; an actions block left empty goes.
 */
export function itemDoneDm(blocks: unknown[], item: string, stamp: string, alsoDrop?: DropButton): unknown[] {
  const id = itemBlockId(item);
  const out: unknown[] = [];
  for (const b of blocks as { block_id?: string; type: string; elements?: { action_id?: string; value?: string }[] }[]) {
    if (b.block_id === id) {
      const { accessory: _accessory, ...rest } = b as { accessory?: unknown };
      out.push(rest);
      out.push({ type: "context", block_id: `${id}:done`.slice(0, 255), elements: [{ type: "mrkdwn", text: stamp }] });
    } else if (b.block_id === `${id}:snoozed`.slice(0, 255) || b.block_id === `${id}:done`.slice(0, 255)) {
      // the snooze note is moot, an earlier stamp is replaced
    } else if (alsoDrop && b.type === "actions") {
      const elements = (b.elements ?? []).filter((e) => !alsoDrop(e, b.block_id));
      if (elements.length) out.push({ ...b, elements });
    } else out.push(b);
  }
  return out;
}

/** The items a reminder DM shows (with their menus): what it is tracked for. */
export function listedItems(blocks: unknown[]): string[] {
  const out: string[] = [];
  for (const b of blocks as { block_id?: string; accessory?: unknown }[]) if (b.block_id?.startsWith("item:") && b.accessory) out.push(b.block_id.slice(5));
  return out;
}
