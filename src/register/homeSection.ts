// The register's section of the App Home tab (src/home/): the entries this person owns that
// need attention (never reviewed, not reviewed in a year, no retention period), each with a button.
import { dayIn } from "../platform/day.js";
import type { HomeSection } from "../platform/home.js";
import { homeBlocks } from "./blocks.js";
import { ownedNeedingAttention } from "./store.js";

/** Entries shown at most (each one block). */
export const HOME_MAX = 10;

export const registerHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const today = dayIn(s.clock.now(), s.timeZone);
  const { rows, total } = await ownedNeedingAttention(db, actor.slackId, today, HOME_MAX);
  return homeBlocks(rows, total, actor.lang, today, s.settings?.company.telecomCarrier ?? true);
};
