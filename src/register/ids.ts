// Every action, view and block id of the register of personal data, in one place.
export const RegisterActions = {
  /** "Open" next to an entry in a list, the Home tab or a reminder */
  open: "register-open",
  /** "Edit" in an entry's modal */
  edit: "register-edit",
  /** "New entry" under the list */
  create: "register-new",
  /** "Mark reviewed" in an entry's modal, the Home tab or a reminder */
  reviewed: "register-reviewed",
} as const;

export const RegisterViews = {
  /** the entry with its history (read only) */
  entry: "register-entry-view",
  /** the form: a new entry or an edit */
  form: "register-form-view",
} as const;

/** action_id of the one element of every input block (block_id = the field's name) */
export const INPUT = "value";

/** The reminder and snooze key of an entry, e.g. "register:<uuid>". */
export const registerItem = (id: string) => `register:${id}`;

/** What the form carries: the entry being edited and the version it was opened at (null: a new entry). */
export interface FormMeta {
  id: string | null;
  version: number;
}
