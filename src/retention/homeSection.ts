// The retention section of the App Home tab: what this person has to dispose of (their
// own items past retention, and those of departments they manage whose owner left).
import type { HomeSection } from "../platform/home.js";
import { managedDepartments } from "../directory/roles.js";
import { homeBlocks } from "./blocks.js";
import { linksOf } from "./links.js";
import { dayIn } from "./rules.js";
import { dueFor } from "./store.js";

export const retentionHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const today = dayIn(s.clock.now(), s.timeZone);
  const { rows, total } = await dueFor(db, actor.slackId, managedDepartments(actor), today);
  if (total === 0) return [];
  return homeBlocks(rows, total, today, actor.lang, await linksOf(db, s, rows));
};
