// Every action, view and block id of the requests feature, in one place.
export const RequestActions = {
  approve: "request-approve",
  requestChanges: "request-request-changes",
  reject: "request-reject",
  withdraw: "request-withdraw",
  revise: "request-revise",
  tickMeasure: "request-tick-measure",
  untickMeasure: "request-untick-measure",
  /** 「証跡を添えて完了」: the evidence modal, then the tick */
  tickMeasureWithEvidence: "request-tick-measure-evidence",
  /** 「第N版を見る」: an earlier version in a modal */
  viewVersion: "request-view-version",
  pickKind: "request-pick-kind",
  openLink: "request-open-link",
  /** 「届出を作成」 on the App Home tab: opens the kind picker, as /privacy request does */
  startFromHome: "request-start-from-home",
} as const;

export const RequestViews = {
  pickKind: "request-pick-kind-view",
  form: "request-form-view",
  revise: "request-revise-view",
  reason: "request-reason-view",
  evidence: "request-evidence-view",
  version: "request-version-view",
} as const;

/** The evidence modal's two inputs (block id = action id). */
export const EvidenceBlocks = { link: "evidence_link", note: "evidence_note" } as const;

export const ReasonBlock = { block: "reason", action: "value" } as const;
export const KindPickBlock = "kind";

/** The value carried by a decision button: which request, at which revision it was rendered. */
export interface PressValue {
  id: string;
  rev: number;
  key?: string;
}

export function encodePress(v: PressValue): string {
  return JSON.stringify(v);
}
