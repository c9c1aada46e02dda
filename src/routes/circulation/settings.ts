// Settings of circulation (settings `routes.circulation`), validated at start-up with the rest
// of the settings file (src/settings.ts):
//
//   routes:
//     circulation:
//       rules:
//         - { kinds: [provide, entrust], to: [auditor] }          # every provision and entrustment
//         - { departments: [sales], to: [manager, U0123ABCD] }    # the department's managers, a named person
//
// A rule matches a request when its kind is in `kinds` and its department in `departments`
// (a list left out matches all); `to` names Slack ids or roles (auditor, compliance, chief,
// deputyChief, handler, or manager: the managers of the request's department).
import { z } from "zod";
import { REQUEST_KINDS } from "../../requests/kinds/index.js";

export const CIRCULATION_ROLES = ["auditor", "compliance", "chief", "deputyChief", "handler", "manager"] as const;
export type CirculationRole = (typeof CIRCULATION_ROLES)[number];
const SLACK_ID = /^[UW][A-Z0-9]{2,}$/;

const recipient = z.string().refine((v) => SLACK_ID.test(v) || (CIRCULATION_ROLES as readonly string[]).includes(v), {
  message: `use a Slack user id (U…) or one of ${CIRCULATION_ROLES.join(", ")}`,
});

const rule = z
  .object({
    kinds: z.array(z.enum(REQUEST_KINDS)).min(1).optional(),
    departments: z.array(z.string().min(1)).min(1).optional(),
    to: z.array(recipient).min(1),
  })
  .strict();

export const circulationSettingsSchema = z.object({ rules: z.array(rule).optional() }).strict();

export interface CirculationRule {
  kinds: string[] | null;
  departments: string[] | null;
  to: string[];
}

export interface CirculationSettings {
  /** who is informed of which requests (none by default) */
  rules: CirculationRule[];
}

export function circulationSettings(p: z.infer<typeof circulationSettingsSchema> | undefined): CirculationSettings {
  return { rules: (p?.rules ?? []).map((r) => ({ kinds: r.kinds ?? null, departments: r.departments ?? null, to: r.to })) };
}
