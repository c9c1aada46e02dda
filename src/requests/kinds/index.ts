// The five request kinds that need approval (規程 第4条, 第5条・第8条, 第15条, 第16条, 第17条):
// their forms, validation, summaries and the necessary measures after final approval.
import { entrustKind } from "./entrust.js";
import { jointKind } from "./joint.js";
import { methodKind } from "./method.js";
import { provideKind } from "./provide.js";
import { purposeKind } from "./purpose.js";
import type { KindDefinition, RequestKind } from "./types.js";

export type { FormValues, KindDefinition, MeasureDef, ProvisionRecordData, RequestData, RequestKind, SlackStateValue } from "./types.js";
export { PurposeFields } from "./purpose.js";
export { MethodFields } from "./method.js";
export { EntrustFields } from "./entrust.js";
export { ProvideFields } from "./provide.js";
export { JointFields } from "./joint.js";
export { ACTION_ID } from "./blocks.js";

/** In the order of the rule's articles. */
export const REQUEST_KINDS: readonly RequestKind[] = ["purpose", "method", "entrust", "provide", "joint"];

export const KINDS: Record<RequestKind, KindDefinition> = {
  purpose: purposeKind,
  method: methodKind,
  entrust: entrustKind,
  provide: provideKind,
  joint: jointKind,
};

export function kindOf(kind: string): KindDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(KINDS, kind) ? KINDS[kind as RequestKind] : undefined;
}
