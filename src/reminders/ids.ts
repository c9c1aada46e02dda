// Action ids of the reminders feature.
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

export function decodeSnooze(v: string | undefined): { days: number; item: string } | null {
  const m = /^(\d{1,2})\|(.+)$/.exec(v ?? "");
  if (!m) return null;
  const days = Number(m[1]);
  return days === 1 || days === 3 ? { days, item: m[2] } : null;
}
