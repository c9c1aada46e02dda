// Delegation's section of the App Home tab: my absence and its delegate (managers and the
// chief), with the button that opens the absence form, and whom I stand in for.
import type { HomeSection } from "../../platform/home.js";
import { awayHomeBlocks } from "./blocks.js";
import { maySetAbsence } from "./rules.js";
import { absenceOf, standingInOf } from "./store.js";

export const delegationHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  if (!(s.settings?.routes.delegation.enabled ?? true)) return [];
  const now = s.clock.now();
  const standingIn = await standingInOf(db, actor.slackId, now);
  if (!maySetAbsence(actor) && standingIn.length === 0) return [];
  const mine = maySetAbsence(actor) ? await absenceOf(db, actor.slackId, now) : null;
  return awayHomeBlocks(actor.lang, mine, standingIn, maySetAbsence(actor));
};
