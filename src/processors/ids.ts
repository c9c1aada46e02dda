// Every action, view and block id of the processors feature, in one place.
export const ProcessorActions = {
  /** "record the disposal" next to an item of /privacy processors disposal */
  dispose: "processor-dispose",
  /** link buttons (to a request's thread) still send an interaction */
  openLink: "processor-open-link",
  /** 「調査を記録」 on the App Home tab: the inspection modal, as /privacy processors inspected opens it (value: the processor id) */
  inspect: "processor-inspect",
} as const;

export const ProcessorViews = {
  inspection: "processor-inspection-view",
  disposal: "processor-disposal-view",
} as const;

/** The input blocks of the inspection modal (block_id; the element's action_id is INPUT). */
export const InspectionBlocks = {
  inspectedOn: "inspectedOn",
  result: "result",
  note: "note",
  documentUrl: "documentUrl",
} as const;

/** The input blocks of the disposal modal. */
export const DisposalBlocks = {
  method: "method",
  performedBy: "performedBy",
  disposedOn: "disposedOn",
  note: "note",
} as const;

/** action_id of the one element of every input block */
export const INPUT = "value";

/** What a disposal is about: a processor's documents or a provision record. */
export interface DisposalTarget {
  kind: "processor" | "provision";
  id: string;
}

export function encodeTarget(t: DisposalTarget): string {
  return JSON.stringify({ k: t.kind, id: t.id });
}

/** private_metadata of the inspection modal */
export interface InspectionMeta {
  processorId: string;
}
