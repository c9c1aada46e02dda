// Settings of delegation (settings `routes.delegation`), validated at start-up with the rest
// of the settings file (src/settings.ts). Delegating a manager's or the chief's decisions is
// a company extension of the rule (規程 第3条, 第20条 name no delegates): `enabled: false`
// turns it off.
import { z } from "zod";

export const delegationSettingsSchema = z.object({ enabled: z.boolean().optional() }).strict();

export interface DelegationSettings {
  /** delegates may decide for an absent manager or chief (default true; a company extension) */
  enabled: boolean;
}

export function delegationSettings(p: z.infer<typeof delegationSettingsSchema> | undefined): DelegationSettings {
  return { enabled: p?.enabled ?? true };
}
