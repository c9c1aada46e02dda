// Every action, view and block id of the provision and receipt records, in one place.
export const RecordActions = {
  /** 「提供を記録」 on the approved request's thread */
  log: "records-log-provision",
} as const;

export const RecordViews = {
  log: "records-log-view",
  receipt: "records-receipt-view",
  disclose: "records-disclose-view",
  dispose: "records-dispose-view",
} as const;

/** Input blocks of the receipt disposal modal. */
export const DisposeBlocks = {
  method: "method",
  performedBy: "performedBy",
  disposedOn: "disposedOn",
  note: "note",
} as const;

/** private_metadata of the disposal modal: the receipt record's id */
export interface DisposeMeta {
  receiptId: string;
}

/** Input blocks of the log modal (block_id; the element's action_id is INPUT). */
export const LogBlocks = {
  providedOn: "providedOn",
  subjectsRef: "subjectsRef",
  form: "form",
  contractRef: "contractRef",
  exclusion: "exclusion",
} as const;

/** Input blocks of the receipt modal. */
export const ReceiptBlocks = {
  providerName: "providerName",
  providerKind: "providerKind",
  providerAddress: "providerAddress",
  providerRepresentative: "providerRepresentative",
  acquisition: "acquisition",
  basis: "basis",
  ppcPublished: "ppcPublished",
  items: "items",
  subjectsRef: "subjectsRef",
  receivedOn: "receivedOn",
  form: "form",
  contractRef: "contractRef",
  exclusion: "exclusion",
} as const;

/** Input blocks of the disclosure listing modal. */
export const DiscloseBlocks = {
  counterpart: "counterpart",
  from: "from",
  to: "to",
} as const;

/** action_id of the one element of every input block */
export const INPUT = "value";

/** private_metadata of the log modal, and the log button's value: the request's id */
export interface LogMeta {
  requestId: string;
}

/** private_metadata of the disclosure modal: the data-subject request's id */
export interface DiscloseMeta {
  dsrId: string;
}
