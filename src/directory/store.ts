// Queries of the directory (departments, people, roles, channels). No decisions, no writes.
import type { Department, Person } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import { langFromLocale, type Lang } from "../platform/i18n.js";
import { CHANNEL_KINDS, type ChannelKind, type Org, type OrgPerson } from "./orgFile.js";
import { MANAGER_PREFIX, managerRole, ROLE, type RoleName } from "./roles.js";

type Q = Db | Tx;
export type { Department, Person };

export const channelKey = (kind: ChannelKind) => `channels.${kind}`;

export async function getPerson(q: Q, slackId: string): Promise<Person | null> {
  return q.person.findUnique({ where: { slackId } });
}

/** The people who are 個人情報管理者 of a department (roles.ts isManagerOf, asked of the database). */
export const managerOfWhere = (deptId: string) => [{ departmentId: deptId, roles: { has: ROLE.manager } }, { roles: { has: managerRole(deptId) } }];

export async function managersOf(q: Q, deptId: string): Promise<Person[]> {
  return q.person.findMany({ where: { OR: managerOfWhere(deptId) }, orderBy: { slackId: "asc" } });
}

/**
 * The officers of the rules: the chiefs, the deputy chiefs and compliance, by Slack id.
 * No deputy while the settings turn the deputy chief off (`governance.deputyChief`: a
 * company extension, 規程 第3条・第20条 name none): a role stored before holds no power
 * and is told nothing as one.
 */
export async function officersOf(q: Q, deputyChief = true): Promise<{ chiefs: string[]; deputies: string[]; compliance: string[] }> {
  const ids = async (role: RoleName) => (await peopleWithRole(q, role)).map((p) => p.slackId);
  return { chiefs: await ids(ROLE.chief), deputies: deputyChief ? await ids(ROLE.deputyChief) : [], compliance: await ids(ROLE.compliance) };
}

/** Everyone holding a role (for "manager": managers of any department), by Slack id. */
export async function peopleWithRole(q: Q, role: RoleName): Promise<Person[]> {
  if (role !== ROLE.manager) return q.person.findMany({ where: { roles: { has: role } }, orderBy: { slackId: "asc" } });
  const ids = await q.$queryRaw<{ slackId: string }[]>`
    SELECT "slackId" FROM "Person" WHERE EXISTS (SELECT 1 FROM unnest(roles) r WHERE r = ${ROLE.manager} OR r LIKE ${`${MANAGER_PREFIX}%`})`;
  if (ids.length === 0) return [];
  return q.person.findMany({ where: { slackId: { in: ids.map((r) => r.slackId) } }, orderBy: { slackId: "asc" } });
}

export const chiefs = (q: Q) => peopleWithRole(q, ROLE.chief);
export const deputyChiefs = (q: Q) => peopleWithRole(q, ROLE.deputyChief);
export const admins = (q: Q) => peopleWithRole(q, ROLE.admin);

export async function getChannels(q: Q): Promise<Partial<Record<ChannelKind, string>>> {
  const rows = await q.setting.findMany({ where: { key: { in: CHANNEL_KINDS.map(channelKey) } } });
  const out: Partial<Record<ChannelKind, string>> = {};
  for (const kind of CHANNEL_KINDS) {
    const v = rows.find((r) => r.key === channelKey(kind))?.value;
    if (v) out[kind] = v;
  }
  return out;
}

/** The department's own approvals channel, else the default one; null when neither is set. */
export async function approvalsChannelFor(q: Q, deptId: string): Promise<string | null> {
  const dept = await q.department.findUnique({ where: { id: deptId }, select: { approvalsChannel: true } });
  if (dept?.approvalsChannel) return dept.approvalsChannel;
  return (await q.setting.findUnique({ where: { key: channelKey("approvals") } }))?.value ?? null;
}

export async function listDepartments(q: Q): Promise<Department[]> {
  return q.department.findMany({ orderBy: { id: "asc" } });
}

export async function getDepartment(q: Q, id: string): Promise<Department | null> {
  return q.department.findUnique({ where: { id } });
}

/** The person's language: their explicit choice, else their Slack locale. */
export function langOfPerson(p: { lang: string | null; slackLocale: string | null } | null): Lang {
  if (p?.lang === "en" || p?.lang === "ja") return p.lang;
  return langFromLocale(p?.slackLocale);
}

export async function langOf(q: Q, slackId: string): Promise<Lang> {
  return langOfPerson(await q.person.findUnique({ where: { slackId }, select: { lang: true, slackLocale: true } }));
}

/** The languages of several people in one query; someone not stored is absent from the map. */
export async function langsOf(q: Q, slackIds: string[]): Promise<Map<string, Lang>> {
  const rows = await q.person.findMany({ where: { slackId: { in: slackIds } }, select: { slackId: true, lang: true, slackLocale: true } });
  return new Map(rows.map((p) => [p.slackId, langOfPerson(p)]));
}

/** How a stored person reads in the org file: roles without "manager:<dept>", those as manages. */
export function personToOrg(p: Pick<Person, "slackId" | "name" | "departmentId" | "roles">): OrgPerson {
  const roles = p.roles.filter((r) => !r.startsWith(MANAGER_PREFIX)) as RoleName[];
  const manages = p.roles.filter((r) => r.startsWith(MANAGER_PREFIX)).map((r) => r.slice(MANAGER_PREFIX.length));
  return {
    slackId: p.slackId,
    name: p.name,
    ...(p.departmentId ? { department: p.departmentId } : {}),
    roles,
    ...(manages.length > 0 ? { manages } : {}),
  };
}

/** The stored roles for an org-file person: roles, then "manager:<dept>" for each managed department. */
export function storedRoles(p: Pick<OrgPerson, "roles" | "manages">): string[] {
  return [...new Set([...p.roles, ...(p.manages ?? []).map(managerRole)])];
}

/** The whole directory as an org file (departments by id, people by department then Slack id). */
export async function readOrg(q: Q): Promise<Org> {
  // one after another: q may be a transaction
  const channels = await getChannels(q);
  const departments = await listDepartments(q);
  const people = await q.person.findMany({ orderBy: [{ departmentId: "asc" }, { slackId: "asc" }] });
  return {
    channels,
    departments: departments.map((d) => ({ id: d.id, name: d.name, ...(d.approvalsChannel ? { approvalsChannel: d.approvalsChannel } : {}) })),
    people: people.map(personToOrg),
  };
}
