// Every action, view and block id of the retention feature, and what its buttons and modals carry.
import type { SubjectKind } from "./rules.js";

export const RetentionActions = {
  /** "record the disposal" next to an item (reminder DM, App Home) */
  dispose: "retention-dispose",
} as const;

export const RetentionViews = {
  disposal: "retention-disposal-view",
} as const;

/** The input blocks of the disposal modal (block_id; the element's action_id is INPUT). */
export const DisposalBlocks = {
  method: "method",
  disposedOn: "disposedOn",
  performedBy: "performedBy",
  evidenceUrl: "evidenceUrl",
  note: "note",
} as const;

export const INPUT = "value";

/** What a disposal button and modal carry: the item's subject. */
export interface SubjectRef {
  kind: SubjectKind;
  ref: string;
}

export const encodeSubject = (s: SubjectRef): string => JSON.stringify({ k: s.kind, r: s.ref });
