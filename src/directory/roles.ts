// The roles of the directory and every question the code asks of them. Pure: a person
// comes in as its stored roles (Person.roles, a list of strings) and, for the questions
// about departments, its own department. Nothing outside this module looks inside the
// list: features ask these questions (and take role names for their queries from the
// constants below).
//
//   manager      個人情報管理者 of the person's own department (第4条3項; one or more per
//                department; first approver of requests)
//   manager:<d>  個人情報管理者 of department <d> (an org file's `manages`)
//   chief        個人情報管理責任者 (company-wide; final approver; keeps the documents)
//   deputyChief  its deputy (stands in for the chief). A company extension: 規程 第3条 and
//                第20条 name no deputy. SETTINGS_FILE governance.deputyChief: false turns it
//                off (rolesInForce drops it); the audit lead never holds it (第21条)
//   auditor      個人情報保護監査責任者 (independent of the chief, 第21条)
//   compliance   the compliance officer (sees everything, approves nothing)
//   handler      個人情報取扱担当者 (handles records and disposal, 第12条, 第31条)
//   admin        keeps the directory and imports training records
//   legal        legal affairs (法務担当): consulted on requests by the route rules (合議,
//                settings routes.consultation; a company extension of the rule)
//   infosec      information security (情報セキュリティ担当): likewise
//   telecom      the person in charge of telecom compliance (通信の秘密, 電気通信事業法): likewise
//
// A stored string that is none of these (a typo in a hand-edited database, a role of a
// later version) answers no question: parseRoles names it.

/** The role names of the org file and of `/privacy admin role`. */
export const ROLES = ["manager", "chief", "deputyChief", "auditor", "compliance", "handler", "admin", "legal", "infosec", "telecom"] as const;
/** The roles a consultation rule (合議, settings routes.consultation) may name as its reviewers. */
export const CONSULTANT_ROLES = [
  "legal",
  "infosec",
  "telecom",
  "compliance",
  "auditor",
  "chief",
  "deputyChief",
  "handler",
] as const satisfies readonly RoleName[];
export type RoleName = (typeof ROLES)[number];

/** The stored form of "個人情報管理者 of department <d>" (a department other than their own). */
export const MANAGER_PREFIX = "manager:";
export type ManagerOfRole = `${typeof MANAGER_PREFIX}${string}`;

/** A role as stored on a person. */
export type Role = RoleName | ManagerOfRole;

/** Each role name as a typed constant, for queries (`{ roles: { has: ROLE.compliance } }`). */
export const ROLE = Object.fromEntries(ROLES.map((r) => [r, r])) as { readonly [R in RoleName]: R };

/** The chief and the deputy chief: the company-wide deciders. */
export const CHIEF_OR_DEPUTY = [ROLE.chief, ROLE.deputyChief] as const satisfies readonly RoleName[];
/** The privacy officers: the chief, the deputy, compliance (the incident assessors of 第7条). */
export const PRIVACY_OFFICERS = [...CHIEF_OR_DEPUTY, ROLE.compliance] as const satisfies readonly RoleName[];
/** The officers and the audit lead: who sees every department. */
export const OVERSIGHT = [...PRIVACY_OFFICERS, ROLE.auditor] as const satisfies readonly RoleName[];
/** The desk of 第22条 (subject requests and complaints), besides every department's managers. */
const DSR_DESK = [ROLE.handler, ...PRIVACY_OFFICERS] as const satisfies readonly RoleName[];

/**
 * The roles that count, given the company's settings: with the deputy chief turned off
 * (governance.deputyChief: false) a stored deputyChief role answers no question.
 */
export function rolesInForce(stored: readonly string[], deputyChief: boolean): string[] {
  return deputyChief ? [...stored] : stored.filter((r) => r !== ROLE.deputyChief);
}

/** The stored role of a manager of `deptId` who does not belong to it. */
export const managerRole = (deptId: string): ManagerOfRole => `${MANAGER_PREFIX}${deptId}`;

/** A stored role string as a role; null when it is none. */
export function parseRole(stored: string): Role | null {
  if ((ROLES as readonly string[]).includes(stored)) return stored as RoleName;
  if (stored.startsWith(MANAGER_PREFIX) && stored.length > MANAGER_PREFIX.length) return stored as ManagerOfRole;
  return null;
}

/** A role name as a person types it, in any letter case ("deputychief" -> "deputyChief"); null when it is none. */
export function parseRoleName(input: string): RoleName | null {
  return ROLES.find((r) => r.toLowerCase() === input.trim().toLowerCase()) ?? null;
}

/** A person's stored roles: the roles, in their order, and the strings that are no role. */
export function parseRoles(stored: readonly string[]): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const s of stored) {
    const r = parseRole(s);
    if (r === null) unknown.push(s);
    else roles.push(r);
  }
  return { roles, unknown };
}

/** The department a "manager:<d>" role names; null for any other role. */
export function departmentManaged(role: Role): string | null {
  return role.startsWith(MANAGER_PREFIX) ? role.slice(MANAGER_PREFIX.length) : null;
}

/** What the questions need of a person: the roles as stored. */
export interface HasRoles {
  readonly roles: readonly string[];
}

/** What the questions about departments also need: the person's own department. */
export interface RoleHolder extends HasRoles {
  readonly departmentId: string | null;
}

/** Holds exactly this stored role (plain "manager" is a manager of their own department only). */
export function holds(p: HasRoles, role: Role): boolean {
  return p.roles.includes(role);
}

/** Holds one of these roles. */
export function holdsAny(p: HasRoles, roles: readonly Role[]): boolean {
  return p.roles.some((r) => (roles as readonly string[]).includes(r));
}

/** Holds a role stored elsewhere as text (a duty's owner role); false when the text is no role. */
export function holdsNamed(p: HasRoles, stored: string): boolean {
  const role = parseRole(stored);
  return role !== null && holds(p, role);
}

/** 個人情報管理者 of any department (plain "manager" or a "manager:<d>" role). */
export function isManager(p: HasRoles): boolean {
  return parseRoles(p.roles).roles.some((r) => r === ROLE.manager || departmentManaged(r) !== null);
}

/** 個人情報管理者 of this department: plain "manager" in it, or "manager:<deptId>". */
export function isManagerOf(p: RoleHolder, deptId: string): boolean {
  return (p.departmentId === deptId && holds(p, ROLE.manager)) || holds(p, managerRole(deptId));
}

/** The departments a person manages: their own when plain "manager", then each "manager:<d>" (once each). */
export function managedDepartments(p: RoleHolder): string[] {
  const out = new Set<string>();
  if (p.departmentId && holds(p, ROLE.manager)) out.add(p.departmentId);
  for (const r of parseRoles(p.roles).roles) {
    const d = departmentManaged(r);
    if (d !== null) out.add(d);
  }
  return [...out];
}

/**
 * Holds the role; for "manager", a manager of any department (use isManagerOf for one
 * department).
 */
export function hasRole(p: HasRoles, role: RoleName): boolean {
  return role === ROLE.manager ? isManager(p) : holds(p, role);
}

/** 個人情報管理責任者. */
export const isChief = (p: HasRoles): boolean => holds(p, ROLE.chief);
/** The chief's deputy. */
export const isDeputyChief = (p: HasRoles): boolean => holds(p, ROLE.deputyChief);
/** The chief or the deputy: the final approval of requests, refusals of subject requests, disposals, the incident lead. */
export const isChiefOrDeputy = (p: HasRoles): boolean => holdsAny(p, CHIEF_OR_DEPUTY);
/** The compliance officer. */
export const isCompliance = (p: HasRoles): boolean => holds(p, ROLE.compliance);
/** 個人情報保護監査責任者. */
export const isAuditor = (p: HasRoles): boolean => holds(p, ROLE.auditor);
/** 個人情報取扱担当者. */
export const isHandler = (p: HasRoles): boolean => holds(p, ROLE.handler);
/** Keeps the directory (`/privacy admin`) and imports training records. */
export const isAdmin = (p: HasRoles): boolean => holds(p, ROLE.admin);

/** May assess (triage) any incident: the chief, the deputy, compliance (第7条 "評価する"). */
export const mayTriageIncidents = (p: HasRoles): boolean => holdsAny(p, PRIVACY_OFFICERS);

/**
 * Sees every department: every request, processor and incident, the disposals due and
 * the compliance digest. The chief, the deputy, compliance and the audit lead.
 */
export const seesAllDepartments = (p: HasRoles): boolean => holdsAny(p, OVERSIGHT);

/** Sees every department's training (第28条): the chief, the deputy, compliance (a manager sees the departments they manage). */
export const seesAllTraining = (p: HasRoles): boolean => holdsAny(p, PRIVACY_OFFICERS);

/**
 * May log, see and work on subject requests and complaints (the desk of 第22条): a
 * handler, a manager of any department, the chief, the deputy, compliance.
 */
export const mayHandleDsr = (p: HasRoles): boolean => holdsAny(p, DSR_DESK) || isManager(p);

/** May export the audit log (`/privacy export`): compliance and the audit lead. */
export const mayExportAudit = (p: HasRoles): boolean => holdsAny(p, [ROLE.compliance, ROLE.auditor]);
