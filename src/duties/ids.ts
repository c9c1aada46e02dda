// Every action, view and block id of the annual audit and plan calendar, in one place.
export const DutyActions = {
  /** "Record as done" on a duty in the compliance channel's calendar message */
  close: "duty-close",
} as const;

export const DutyViews = {
  done: "duty-done-view",
} as const;

/** The input blocks of the closing modal (block id = action id). */
export const DoneBlocks = {
  date: "duty_done_on",
  link: "duty_document",
  note: "duty_note",
} as const;

/** The reminder and snooze key of a duty, e.g. "duty:<uuid>". */
export const dutyItem = (id: string) => `duty:${id}`;

/** What the closing modal carries. */
export interface DoneMeta {
  id: string;
}
