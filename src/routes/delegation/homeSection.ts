// Delegation's section of the App Home tab: my absence and its delegate (managers and the
// chief), with the button that opens the absence form; whom I stand in for, and the requests
// I can decide in their place now.
import type { Db } from "../../platform/db.js";
import type { HomeSection } from "../../platform/home.js";
import { messageLink, type Services } from "../../platform/services.js";
import { openRequestsForApprover, approversFor } from "../../requests/store.js";
import type { RequestStatus } from "../../requests/workflow.js";
import { awayHomeBlocks, type DelegateItem } from "./blocks.js";
import { actingFor, maySetAbsence, withStandIns } from "./rules.js";
import { absenceOf, activeAbsences, standingInOf } from "./store.js";

/** The requests `delegateId` can decide now in the place of someone away (at most 20). */
async function decidableAsDelegate(db: Db, s: Services, delegateId: string): Promise<DelegateItem[]> {
  const now = s.clock.now();
  const active = await activeAbsences(db, now);
  const mine = active.filter((a) => a.delegateId === delegateId);
  if (mine.length === 0) return [];
  const deputyChief = s.settings?.governance.deputyChief ?? true;
  const out: DelegateItem[] = [];
  const seen = new Set<string>();
  for (const a of mine) {
    const absent = await db.person.findUnique({ where: { slackId: a.absentId } });
    if (!absent) continue;
    for (const c of await openRequestsForApprover(db, absent.roles, absent.departmentId, 50)) {
      if (c.status === "approved" || seen.has(c.id)) continue;
      const routed = withStandIns(await approversFor(db, c.departmentId, deputyChief), active, c.requesterId);
      const req = { status: c.status as RequestStatus, requesterId: c.requesterId, stage1By: c.stage1By };
      if (actingFor(req, routed, delegateId) !== a.absentId) continue;
      seen.add(c.id);
      out.push({ code: c.code, title: c.title, absentId: a.absentId, link: c.channelId && c.messageTs ? messageLink(s, c.channelId, c.messageTs) : null });
    }
  }
  return out.slice(0, 20);
}

export const delegationHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  if (!(s.settings?.routes.delegation.enabled ?? true)) return [];
  const now = s.clock.now();
  const standingIn = await standingInOf(db, actor.slackId, now);
  if (!maySetAbsence(actor) && standingIn.length === 0) return [];
  const mine = maySetAbsence(actor) ? await absenceOf(db, actor.slackId, now) : null;
  const decidable = standingIn.length > 0 ? await decidableAsDelegate(db, s, actor.slackId) : [];
  return awayHomeBlocks(actor.lang, mine, standingIn, maySetAbsence(actor), decidable);
};
