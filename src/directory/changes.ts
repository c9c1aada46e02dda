// Changes to the directory: the org-file import and the changes admins make from Slack.
// Each runs in one transaction that also appends its audit entry; directory changes are
// serialised by an advisory lock so checks such as "the last chief" hold.
import type { Tx } from "../platform/db.js";
import { appendAudit } from "../platform/audit/chain.js";
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { directoryMessages, type DirectoryMessages } from "./messages.js";
import { CHANNEL_ID, CHANNEL_KINDS, DEPT_ID, orgToYaml, USER_ID, type ChannelKind, type Org } from "./orgFile.js";
import { CHIEF_OR_DEPUTY, holds, isAdmin, isManagerOf, managerRole, parseRoleName, ROLE, ROLES, type RoleName } from "./roles.js";
import { channelKey, langOfPerson, readOrg, storedRoles, type Person } from "./store.js";
import { transact } from "../platform/db.js";

/** The actor recorded for changes that come from the org file. */
export const ORG_FILE_ACTOR = "org-file";
/** Setting holding the hash of the last imported org file. */
export const FILE_HASH_KEY = "org.fileHash";
const DIRECTORY_LOCK = 727_002;

export type ChangeResult = { ok: true; summary: string } | { ok: false; error: string };
export interface ChangeOptions {
  /** the language of the answer; default: the actor's language in the directory */
  lang?: Lang;
}

async function lockDirectory(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK})`);
}

export function parseChannelKind(input: string): ChannelKind | null {
  return CHANNEL_KINDS.find((k) => k === input.trim().toLowerCase()) ?? null;
}

type Outcome = { error: string } | { summary: string; audit: { action: string; subject: string; data: Record<string, unknown> } };

/** Runs an admin's change: checks the actor is an admin, then the body; validation must come before writes. */
async function adminChange(
  s: Services,
  actorId: string,
  opts: ChangeOptions | undefined,
  body: (tx: Tx, m: DirectoryMessages) => Promise<Outcome>,
): Promise<ChangeResult> {
  return transact(s.database.prisma, async (tx): Promise<ChangeResult> => {
    await lockDirectory(tx);
    const actor = await tx.person.findUnique({ where: { slackId: actorId } });
    const m = directoryMessages(opts?.lang ?? langOfPerson(actor));
    if (!actor || !isAdmin(actor)) return { ok: false, error: m.change.notAdmin };
    const out = await body(tx, m);
    if ("error" in out) return { ok: false, error: out.error };
    await appendAudit(tx, { at: s.clock.now(), actorId, ...out.audit });
    return { ok: true, summary: out.summary };
  });
}

async function deptName(tx: Tx, id: string): Promise<string> {
  return (await tx.department.findUnique({ where: { id }, select: { name: true } }))?.name ?? id;
}

/**
 * What adding and taking away a role start with: the role by name, the person, and for
 * manager the department (`deptId`, default their own; it is undefined for any other role).
 */
async function roleChange(
  tx: Tx,
  m: DirectoryMessages,
  targetSlackId: string,
  role: string,
  deptId: string | undefined,
): Promise<{ error: string } | { r: RoleName; target: Person; dept: string | undefined }> {
  const r = parseRoleName(role);
  if (!r) return { error: m.change.unknownRole(role, [...ROLES]) };
  const target = await tx.person.findUnique({ where: { slackId: targetSlackId } });
  if (!target) return { error: m.change.unknownPerson(targetSlackId) };
  if (deptId !== undefined && r !== ROLE.manager) return { error: m.change.deptOnlyForManager };
  if (r !== ROLE.manager) return { r, target, dept: undefined };
  const dept = deptId ?? target.departmentId ?? undefined;
  if (!dept) return { error: m.change.needDept(target.slackId) };
  return { r, target, dept };
}

/**
 * Gives a person a role. For manager, `deptId` names the department they manage
 * (default: their own); a department other than their own is stored as "manager:<dept>".
 */
export async function addRole(s: Services, actorId: string, targetSlackId: string, role: string, deptId?: string, opts?: ChangeOptions): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    const w = await roleChange(tx, m, targetSlackId, role, deptId);
    if ("error" in w) return w;
    const { r, target, dept } = w;
    let entry: string = r;
    let label = m.role[r];
    if (dept !== undefined) {
      const d = await tx.department.findUnique({ where: { id: dept } });
      if (!d) return { error: m.change.unknownDept(dept) };
      label = m.roleIn(m.role.manager, d.name);
      if (isManagerOf(target, dept)) return { error: m.change.alreadyHas(target.slackId, label) };
      entry = dept === target.departmentId ? ROLE.manager : managerRole(dept);
    } else {
      if (holds(target, r)) return { error: m.change.alreadyHas(target.slackId, label) };
      if (r === ROLE.deputyChief && s.settings?.governance.deputyChief === false) return { error: m.change.deputyOff };
      if (r === ROLE.auditor) {
        const other = target.roles.filter((x): x is RoleName => (CHIEF_OR_DEPUTY as readonly string[]).includes(x));
        if (other.length > 0) return { error: m.change.auditorConflict(target.slackId, m.list(other.map((x) => m.role[x]))) };
      }
      if ((CHIEF_OR_DEPUTY as readonly RoleName[]).includes(r) && holds(target, ROLE.auditor)) return { error: m.change.chiefConflict(target.slackId, label) };
    }
    const after = [...target.roles, entry];
    await tx.person.update({ where: { slackId: target.slackId }, data: { roles: after } });
    return {
      summary: m.change.roleAdded(target.slackId, label),
      audit: {
        action: "directory.role_added",
        subject: `person:${target.slackId}`,
        data: { role: r, ...(dept ? { department: dept } : {}), entry, before: target.roles, after },
      },
    };
  });
}

/** Takes a role away. For manager, `deptId` names the department (default: their own). */
export async function removeRole(
  s: Services,
  actorId: string,
  targetSlackId: string,
  role: string,
  deptId?: string,
  opts?: ChangeOptions,
): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    const w = await roleChange(tx, m, targetSlackId, role, deptId);
    if ("error" in w) return w;
    const { r, target, dept } = w;
    let remove: string[] = [r];
    let label = m.role[r];
    if (dept !== undefined) {
      label = m.roleIn(m.role.manager, await deptName(tx, dept));
      remove = dept === target.departmentId ? [ROLE.manager, managerRole(dept)] : [managerRole(dept)];
    }
    if (!target.roles.some((x) => remove.includes(x))) return { error: m.change.doesNotHave(target.slackId, label) };
    if (r === ROLE.chief || r === ROLE.admin) {
      const others = await tx.person.count({ where: { roles: { has: r }, slackId: { not: target.slackId } } });
      if (others === 0) return { error: r === ROLE.chief ? m.change.lastChief : m.change.lastAdmin };
    }
    const after = target.roles.filter((x) => !remove.includes(x));
    await tx.person.update({ where: { slackId: target.slackId }, data: { roles: after } });
    return {
      summary: m.change.roleRemoved(target.slackId, label),
      audit: {
        action: "directory.role_removed",
        subject: `person:${target.slackId}`,
        data: { role: r, ...(dept ? { department: dept } : {}), before: target.roles, after },
      },
    };
  });
}

/** Registers an employee (no roles yet) in a department. */
export async function addPerson(s: Services, actorId: string, slackId: string, deptId: string, name: string, opts?: ChangeOptions): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    if (!USER_ID.test(slackId)) return { error: m.admin.badMention(slackId) };
    const clean = name.trim();
    if (!clean) return { error: m.change.emptyName };
    if (await tx.person.findUnique({ where: { slackId } })) return { error: m.change.personExists(slackId) };
    const d = await tx.department.findUnique({ where: { id: deptId } });
    if (!d) return { error: m.change.unknownDept(deptId) };
    await tx.person.create({ data: { slackId, name: clean, departmentId: deptId, roles: [] } });
    // registered now: should they vanish from the directory and come back, the admins hear of it again
    await tx.unknownUser.deleteMany({ where: { slackId } });
    return {
      summary: m.change.personAdded(slackId, clean, d.name),
      audit: { action: "directory.person_added", subject: `person:${slackId}`, data: { name: clean, department: deptId } },
    };
  });
}

export async function addDepartment(s: Services, actorId: string, id: string, name: string, opts?: ChangeOptions): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    if (!DEPT_ID.test(id)) return { error: m.change.badDeptId(id) };
    const clean = name.trim();
    if (!clean) return { error: m.change.emptyName };
    if (await tx.department.findUnique({ where: { id } })) return { error: m.change.deptExists(id) };
    await tx.department.create({ data: { id, name: clean } });
    return {
      summary: m.change.deptAdded(id, clean),
      audit: { action: "directory.department_added", subject: `department:${id}`, data: { name: clean } },
    };
  });
}

export async function renameDepartment(s: Services, actorId: string, id: string, newName: string, opts?: ChangeOptions): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    const clean = newName.trim();
    if (!clean) return { error: m.change.emptyName };
    const d = await tx.department.findUnique({ where: { id } });
    if (!d) return { error: m.change.unknownDept(id) };
    await tx.department.update({ where: { id }, data: { name: clean } });
    return {
      summary: m.change.deptRenamed(id, d.name, clean),
      audit: { action: "directory.department_renamed", subject: `department:${id}`, data: { before: d.name, after: clean } },
    };
  });
}

/** Sets the default approvals channel, the incidents channel or the compliance channel. */
export async function setChannel(s: Services, actorId: string, which: string, channelId: string, opts?: ChangeOptions): Promise<ChangeResult> {
  return adminChange(s, actorId, opts, async (tx, m) => {
    const kind = parseChannelKind(which);
    if (!kind) return { error: m.change.badChannelKind(which) };
    if (!CHANNEL_ID.test(channelId)) return { error: m.change.badChannelId(channelId) };
    const key = channelKey(kind);
    const previous = (await tx.setting.findUnique({ where: { key } }))?.value ?? null;
    await tx.setting.upsert({ where: { key }, create: { key, value: channelId }, update: { value: channelId } });
    return {
      summary: m.change.channelSet(m.channel[kind], channelId),
      audit: { action: "directory.channel_set", subject: `setting:${key}`, data: { which: kind, channel: channelId, previous } },
    };
  });
}

export type ExportResult = { ok: true; yaml: string; people: number; departments: number } | { ok: false; error: string };

/** The directory as an org file, for an admin; the export is logged. */
export async function exportOrg(s: Services, actorId: string, opts?: ChangeOptions): Promise<ExportResult> {
  let org: Org | undefined;
  const r = await adminChange(s, actorId, opts, async (tx) => {
    org = await readOrg(tx);
    return {
      summary: "",
      audit: { action: "directory.exported", subject: "directory", data: { people: org.people.length, departments: org.departments.length } },
    };
  });
  if (!r.ok || !org) return { ok: false, error: r.ok ? "" : r.error };
  return { ok: true, yaml: orgToYaml(org), people: org.people.length, departments: org.departments.length };
}

export interface ImportResult {
  imported: boolean;
  /** departments, people and channels added, changed or removed */
  changes: number;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Imports the org file when the directory is empty or the file changed since the last
 * import (its hash is kept in the setting org.fileHash). The file then wins: departments,
 * people and channels are made to match it; people no longer in it are removed; a
 * department no longer in it is removed unless a request refers to it. A person's
 * language choice and Slack locale are kept.
 */
export async function importOrg(s: Services, org: Org, o: { source: string; fileHash: string }): Promise<ImportResult> {
  return s.database.prisma.$transaction(
    async (tx): Promise<ImportResult> => {
      await lockDirectory(tx);
      const lastHash = (await tx.setting.findUnique({ where: { key: FILE_HASH_KEY } }))?.value;
      const populated = (await tx.person.count()) + (await tx.department.count()) > 0;
      if (populated && lastHash === o.fileHash) return { imported: false, changes: 0 };

      const depts = { added: 0, updated: 0, removed: 0, kept: [] as string[] };
      const people = { added: 0, updated: 0, removed: 0 };
      const channels = { set: 0, removed: 0 };

      const existingDepts = new Map((await tx.department.findMany()).map((d) => [d.id, d]));
      for (const d of org.departments) {
        const approvalsChannel = d.approvalsChannel ?? null;
        const cur = existingDepts.get(d.id);
        if (!cur) {
          await tx.department.create({ data: { id: d.id, name: d.name, approvalsChannel } });
          depts.added++;
        } else if (cur.name !== d.name || cur.approvalsChannel !== approvalsChannel) {
          await tx.department.update({ where: { id: d.id }, data: { name: d.name, approvalsChannel } });
          depts.updated++;
        }
      }

      const existingPeople = new Map<string, Person>((await tx.person.findMany()).map((p) => [p.slackId, p]));
      for (const p of org.people) {
        const roles = storedRoles(p);
        const departmentId = p.department ?? null;
        const cur = existingPeople.get(p.slackId);
        if (!cur) {
          await tx.person.create({ data: { slackId: p.slackId, name: p.name, departmentId, roles } });
          people.added++;
        } else if (cur.name !== p.name || cur.departmentId !== departmentId || !sameList(cur.roles, roles)) {
          await tx.person.update({ where: { slackId: p.slackId }, data: { name: p.name, departmentId, roles } });
          people.updated++;
        }
      }
      const inFile = org.people.map((p) => p.slackId);
      people.removed = (await tx.person.deleteMany({ where: { slackId: { notIn: inFile } } })).count;

      const goneDepts = [...existingDepts.keys()].filter((id) => !org.departments.some((d) => d.id === id));
      if (goneDepts.length > 0) {
        const used = await tx.request.findMany({ where: { departmentId: { in: goneDepts } }, select: { departmentId: true }, distinct: ["departmentId"] });
        depts.kept = used.map((u) => u.departmentId).sort();
        const remove = goneDepts.filter((id) => !depts.kept.includes(id));
        depts.removed = (await tx.department.deleteMany({ where: { id: { in: remove } } })).count;
      }

      for (const kind of CHANNEL_KINDS) {
        const key = channelKey(kind);
        const want = org.channels[kind];
        const cur = (await tx.setting.findUnique({ where: { key } }))?.value;
        if (want && want !== cur) {
          await tx.setting.upsert({ where: { key }, create: { key, value: want }, update: { value: want } });
          channels.set++;
        } else if (!want && cur !== undefined) {
          await tx.setting.delete({ where: { key } });
          channels.removed++;
        }
      }

      await tx.setting.upsert({ where: { key: FILE_HASH_KEY }, create: { key: FILE_HASH_KEY, value: o.fileHash }, update: { value: o.fileHash } });
      // everyone in the file is registered now; should they vanish and come back, admins hear of it again
      await tx.unknownUser.deleteMany({ where: { slackId: { in: inFile } } });

      const changes = depts.added + depts.updated + depts.removed + people.added + people.updated + people.removed + channels.set + channels.removed;
      await appendAudit(tx, {
        at: s.clock.now(),
        actorId: ORG_FILE_ACTOR,
        action: "directory.imported",
        subject: "directory",
        data: {
          source: o.source,
          fileHash: o.fileHash,
          previousHash: lastHash ?? null,
          departments: depts,
          people,
          channels,
          changes,
        },
      });
      return { imported: true, changes };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
