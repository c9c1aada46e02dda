// The request kinds that need approval, listed once: each is defined in its own folder
// (id, article, form, schema, summary, measures, and its messages in both languages) and
// everything that names the kinds derives from this list: the kind picker and the
// `/privacy request <kind>` parsing, the help, the per-kind approval settings, the
// digest's overdue count (and test/requests/kinds/registry.test.ts checks the manifest's
// usage hint against it). docs/adding-a-kind.md says how to add one.
import { entrustKind } from "./entrust/index.js";
import { jointKind } from "./joint/index.js";
import { methodKind } from "./method/index.js";
import { provideKind } from "./provide/index.js";
import { purposeKind } from "./purpose/index.js";
import type { KindDefinition } from "./types.js";

export type { FieldText, FormValues, KindDefinition, KindTexts, MeasureDef, ProvisionRecordData, RequestData, SlackStateValue } from "./types.js";
export { PurposeFields } from "./purpose/index.js";
export { MethodFields } from "./method/index.js";
export { EntrustFields } from "./entrust/index.js";
export { ProvideFields } from "./provide/index.js";
export { JointFields } from "./joint/index.js";
export { ACTION_ID } from "./blocks.js";

/** The kinds, in the order of the rule's articles (規程 第4条, 第5条・第8条, 第15条, 第16条, 第17条). */
const DEFINITIONS = [purposeKind, methodKind, entrustKind, provideKind, jointKind] as const;

/** A kind's id, as stored in Request.kind: "purpose" | "method" | "entrust" | "provide" | "joint". */
export type RequestKind = (typeof DEFINITIONS)[number]["kind"];

/** The ids, in the rule's order. */
export const REQUEST_KINDS: readonly RequestKind[] = DEFINITIONS.map((d) => d.kind);

/** Each kind's definition by its id. */
export const KINDS = Object.fromEntries(DEFINITIONS.map((d) => [d.kind, d])) as { readonly [K in RequestKind]: KindDefinition<K> };

/** The definition of an id typed by a person or read from a payload (undefined when it is no kind). */
export function kindOf(kind: string): KindDefinition<RequestKind> | undefined {
  return Object.hasOwn(KINDS, kind) ? KINDS[kind as RequestKind] : undefined;
}

/** The main article of each kind, in the rule's order (4, 5, 15, 16, 17): the help names them. */
export const RULE_ARTICLES: readonly number[] = DEFINITIONS.map((d) => Number(/^第(\d+)条/.exec(d.article)?.[1]));
