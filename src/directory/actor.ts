// Who is acting: a person in the directory, with their language. Found once per command
// or press (platform/slack/actor.ts) and handed to the feature that runs it.
import type { Lang } from "../platform/i18n.js";

export interface Actor {
  slackId: string;
  name: string;
  departmentId: string | null;
  /** the roles as stored (roles.ts Role); ask roles.ts's questions of the actor, never the list */
  roles: string[];
  lang: Lang;
}
