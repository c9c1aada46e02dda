// Action ids of the reminders feature.
import { z } from "zod";

export const ReminderActions = {
  /** the overflow menu of one item in a reminder DM: snooze 1 or 3 days */
  itemMenu: "reminder-item-menu",
  openItem: "reminder-open-item",
} as const;

/** block id of an item's section in a reminder DM */
export const itemBlockId = (item: string) => `item:${item}`.slice(0, 255);

/** value of a snooze option: days and the item key, e.g. "1|request:<uuid>" */
export function encodeSnooze(days: number, item: string): string {
  return `${days}|${item}`;
}

/** A snooze option's value (encodeSnooze): 1 or 3 days and the item. */
export const snoozeValue = z
  .string()
  .regex(/^(\d{1,2})\|(.+)$/)
  .transform((v) => {
    const [days = "", ...item] = v.split("|");
    return { days: Number(days), item: item.join("|") };
  })
  .refine((v) => v.days === 1 || v.days === 3);
