// Delegation during an absence (代理承認) as plain rules: who may be a delegate, which absence
// is valid, and how a delegate joins the approvers of a request. No Slack, no database.
//
// A company extension of the rule: 規程 第3条 and 第20条 name the 個人情報管理者 and the
// 個人情報管理責任者 and no delegates. The audit lead (個人情報保護監査責任者) is independent of
// the chief (第21条) and can never be a delegate.
import { isAuditor, isChief, isManager, type HasRoles } from "../../directory/roles.js";
import { addDays, daysBetween, type Day } from "../../platform/day.js";
import { eligibleDeciders, type Approvers, type RequestState } from "../../requests/workflow.js";

/** An absence in force: `delegateId` decides in place of `absentId`. */
export interface Absence {
  absentId: string;
  delegateId: string;
}

/** Who may set an absence with a delegate: a 個人情報管理者 or the 個人情報管理責任者. */
export const maySetAbsence = (p: HasRoles): boolean => isManager(p) || isChief(p);

export type AbsenceProblem =
  | "off" // routes.delegation.enabled is false
  | "not_allowed" // neither a manager nor the chief
  | "self" // the delegate is the absent person
  | "unknown_delegate" // not in the directory
  | "audit_lead" // 第21条: the audit lead is never a delegate
  | "dates" // from after to
  | "past"; // the absence ended already

/** Checks an absence before it is stored: the person, the delegate, the days (YYYY-MM-DD). */
export function checkAbsence(o: {
  enabled: boolean;
  absent: HasRoles & { slackId: string };
  delegate: (HasRoles & { slackId: string }) | null;
  from: Day;
  to: Day;
  today: Day;
}): AbsenceProblem | null {
  if (!o.enabled) return "off";
  if (!maySetAbsence(o.absent)) return "not_allowed";
  if (o.from > o.to) return "dates";
  if (o.to < o.today) return "past";
  if (!o.delegate) return "unknown_delegate";
  if (o.delegate.slackId === o.absent.slackId) return "self";
  if (isAuditor(o.delegate)) return "audit_lead";
  return null;
}

/** The number of days of an absence, both ends counted. */
export const absenceDays = (from: Day, to: Day): number => daysBetween(from, addDays(to, 1));

/** The approvers with the delegates of absent ones, and what was added (to say whom a delegate decided for). */
export interface RoutedApprovers extends Approvers {
  /** the approvers as the directory has them, without delegates */
  base: Approvers;
  standIns: (Absence & { level: "manager" | "chief" })[];
}

/**
 * The approvers of a request while some of them are away: each absent manager's delegate
 * joins the managers (stage 1), the absent chief's delegate joins the chiefs (the final
 * approval). The absent person stays an approver (nothing stops them deciding when they can).
 * The requester is still never an eligible decider (workflow.ts): a delegate never decides
 * their own request, and it stays with the others who can. Nor does a delegate decide a
 * request the absent person filed (`requesterId`): that would be approving one's own request
 * by proxy.
 */
export function withStandIns(base: Approvers, absences: readonly Absence[], requesterId?: string): RoutedApprovers {
  const managers = [...base.managers];
  const chiefs = [...base.chiefs];
  const standIns: RoutedApprovers["standIns"] = [];
  for (const a of absences) {
    if (a.absentId === requesterId) continue;
    if (base.managers.includes(a.absentId)) {
      managers.push(a.delegateId);
      standIns.push({ ...a, level: "manager" });
    }
    if (base.chiefs.includes(a.absentId)) {
      chiefs.push(a.delegateId);
      standIns.push({ ...a, level: "chief" });
    }
  }
  return { managers: [...new Set(managers)], chiefs: [...new Set(chiefs)], deputies: base.deputies, base, standIns };
}

/** Whom `actor` decides for: the absent approver, when only standing in makes them a decider now; else null. */
export function actingFor(req: RequestState, a: Approvers | RoutedApprovers, actor: string): string | null {
  if (!("standIns" in a) || a.standIns.length === 0) return null;
  if (eligibleDeciders(req, a.base)?.people.includes(actor)) return null;
  const e = eligibleDeciders(req, a);
  if (!e?.people.includes(actor)) return null;
  const level = e.stage === 1 && !e.fellToChief ? "manager" : "chief";
  const mine = a.standIns.filter((x) => x.delegateId === actor);
  return (mine.find((x) => x.level === level) ?? mine[0])?.absentId ?? null;
}

/**
 * Who is told (reminders, escalations): an absent person's delegate instead of them, unless
 * the delegate filed the request (a delegate never decides their own: the absent person is
 * then told as before).
 */
export function remindInstead(people: readonly string[], absences: readonly Absence[], requesterId?: string): string[] {
  const to = people.map((p) => {
    const d = absences.find((a) => a.absentId === p)?.delegateId;
    return d && d !== requesterId ? d : p;
  });
  return [...new Set(to)].filter((p) => p !== requesterId);
}
