// Circulation (回覧) as plain rules: which settings rules match a request, and who is on the
// list in the end. People informed without deciding: they never join the approvers.
import type { CirculationRule } from "./settings.js";

/** The recipients (Slack ids and role names) of the rules that match a request's kind and department. */
export function matchingRecipients(rules: readonly CirculationRule[], kind: string, departmentId: string): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (r.kinds && !r.kinds.includes(kind)) continue;
    if (r.departments && !r.departments.includes(departmentId)) continue;
    out.push(...r.to);
  }
  return [...new Set(out)];
}

/** The most people a requester adds at once. */
export const MAX_ADDED = 20;

/** Who is added: those not on the list yet, never the requester (they know). */
export function newRecipients(candidates: readonly string[], already: readonly string[], requesterId: string): string[] {
  return [...new Set(candidates)].filter((p) => p !== requesterId && !already.includes(p));
}
