import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { FILE_HASH_KEY, importOrg, ORG_FILE_ACTOR } from "../../src/directory/changes.js";
import { fileHash, parseOrgFile, type Org } from "../../src/directory/orgFile.js";
import {
  admins,
  approvalsChannelFor,
  chiefs,
  deputyChiefs,
  getChannels,
  getPerson,
  listDepartments,
  managersOf,
  peopleWithRole,
  readOrg,
} from "../../src/directory/store.js";
import { hasRole, isManagerOf } from "../../src/directory/roles.js";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { ORG_YAML } from "../support/org.js";
import { auditEntries, auditMark, makeEnv, resetDirectory, type Env } from "./helpers.js";

let env: Env;
let mark = 0;
beforeAll(async () => {
  env = await makeEnv({ orgYaml: null });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await resetDirectory(env, null);
  mark = await auditMark(env);
});

function org(text: string): Org {
  const r = parseOrgFile(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.org;
}
const importText = (e: Env, text: string) => importOrg(e.services, org(text), { source: "org.yml", fileHash: fileHash(text) });

describe("importOrg", () => {
  it("fills an empty database, then imports the same file never again", async () => {
    const first = await importText(env, ORG_YAML);
    expect(first.imported).toBe(true);
    expect(first.changes).toBe(3 + 11 + 3);
    const db = env.database.prisma;
    expect(await db.department.count()).toBe(3);
    expect(await db.person.count()).toBe(11);
    expect(await getChannels(db)).toEqual({ approvals: "C0APPROVALS", incidents: "C0INCIDENTS", compliance: "C0COMPLIANCE" });
    expect((await db.setting.findUnique({ where: { key: FILE_HASH_KEY } }))?.value).toBe(fileHash(ORG_YAML));
    const chief = await getPerson(db, "U0CHIEF");
    expect(chief).toMatchObject({ name: "佐藤 健", departmentId: "legal", roles: ["chief"] });

    const audit = await auditEntries(env, "directory.imported", mark);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(ORG_FILE_ACTOR);
    expect(audit[0]!.data).toMatchObject({
      source: "org.yml",
      fileHash: fileHash(ORG_YAML),
      departments: { added: 3, updated: 0, removed: 0 },
      people: { added: 11, updated: 0, removed: 0 },
      channels: { set: 3, removed: 0 },
      changes: 17,
    });

    expect(await importText(env, ORG_YAML)).toEqual({ imported: false, changes: 0 });
    expect(await auditEntries(env, "directory.imported", mark)).toHaveLength(1);
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  it("re-imports a changed file: the file wins, languages are kept, people who left are removed", async () => {
    await importText(env, ORG_YAML);
    const db = env.database.prisma;
    await db.person.update({ where: { slackId: "U0ENGLISH" }, data: { lang: "en", slackLocale: "en-US" } });
    await db.person.update({ where: { slackId: "U0EMPLOYEE" }, data: { roles: ["handler", "admin"] } }); // a change made in Slack

    const changed = ORG_YAML.replace("{ id: legal, name: 法務部 }", "{ id: legal, name: 法務・コンプライアンス部 }")
      .replace("  - { id: dev, name: 開発部, approvalsChannel: C0DEVAPPROVALS }\n", "")
      .replace("  - { slackId: U0SOLOMGR, name: 伊藤 美咲, department: dev, roles: [manager] }\n", "")
      .replace(
        "{ slackId: U0ENGLISH, name: Alex Smith, department: sales, roles: [] }",
        "{ slackId: U0ENGLISH, name: Alex Smith, department: legal, roles: [handler], manages: [sales] }",
      )
      .replace("channels: { approvals: C0APPROVALS, incidents: C0INCIDENTS, compliance: C0COMPLIANCE }", "channels: { approvals: C0NEWAPPROVALS }")
      .concat("  - { slackId: U0NEWHIRE, name: 新人 花子, department: sales, roles: [] }\n");
    const r = await importText(env, changed);
    // legal renamed, dev removed; U0EMPLOYEE, U0ENGLISH updated, U0SOLOMGR removed, U0NEWHIRE added; approvals set, 2 channels removed
    expect(r).toEqual({ imported: true, changes: 2 + 4 + 3 });

    expect((await listDepartments(db)).map((d) => [d.id, d.name])).toEqual([
      ["legal", "法務・コンプライアンス部"],
      ["sales", "営業部"],
    ]);
    expect(await getPerson(db, "U0SOLOMGR")).toBeNull();
    expect(await getPerson(db, "U0NEWHIRE")).toMatchObject({ name: "新人 花子", departmentId: "sales", roles: [] });
    expect(await getPerson(db, "U0EMPLOYEE")).toMatchObject({ roles: ["handler"] });
    const alex = await getPerson(db, "U0ENGLISH");
    expect(alex).toMatchObject({ departmentId: "legal", roles: ["handler", "manager:sales"], lang: "en", slackLocale: "en-US" });
    expect(await getChannels(db)).toEqual({ approvals: "C0NEWAPPROVALS" });

    const audit = await auditEntries(env, "directory.imported", mark);
    expect(audit).toHaveLength(2);
    expect(audit[1]!.data).toMatchObject({
      previousHash: fileHash(ORG_YAML),
      departments: { added: 0, updated: 1, removed: 1, kept: [] },
      people: { added: 1, updated: 2, removed: 1 },
      channels: { set: 1, removed: 2 },
    });
    expect(await verifyChain(db)).toMatchObject({ ok: true });
  });

  it("keeps a department a request still refers to", async () => {
    await importText(env, ORG_YAML);
    const db = env.database.prisma;
    const at = env.clock.now();
    await db.request.create({
      data: {
        code: "PRV-2026-0001",
        kind: "purpose",
        departmentId: "dev",
        requesterId: "U0SOLOMGR",
        status: "pending_chief",
        title: "t",
        createdAt: at,
        updatedAt: at,
      },
    });
    const changed = ORG_YAML.replace("  - { id: dev, name: 開発部, approvalsChannel: C0DEVAPPROVALS }\n", "").replace(
      "  - { slackId: U0SOLOMGR, name: 伊藤 美咲, department: dev, roles: [manager] }\n",
      "",
    );
    await importText(env, changed);
    expect((await listDepartments(db)).map((d) => d.id)).toEqual(["dev", "legal", "sales"]);
    const audit = await auditEntries(env, "directory.imported", mark);
    expect(audit[1]!.data).toMatchObject({ departments: { removed: 0, kept: ["dev"] }, people: { removed: 1 } });
  });

  it("imports a file whose hash changed even when nothing in it did (comments), and counts no changes", async () => {
    await importText(env, ORG_YAML);
    expect(await importText(env, `# a comment\n${ORG_YAML}`)).toEqual({ imported: true, changes: 0 });
    expect(await auditEntries(env, "directory.imported", mark)).toHaveLength(2);
  });

  it("imports when the directory is empty even if the hash is the last one", async () => {
    await env.database.prisma.setting.create({ data: { key: FILE_HASH_KEY, value: fileHash(ORG_YAML) } });
    expect((await importText(env, ORG_YAML)).imported).toBe(true);
  });

  it("two imports at once import once", async () => {
    const rs = await Promise.all([importText(env, ORG_YAML), importText(env, ORG_YAML)]);
    expect(rs.filter((r) => r.imported)).toHaveLength(1);
    expect(await auditEntries(env, "directory.imported", mark)).toHaveLength(1);
  });
});

describe("directory queries", () => {
  it("answers who holds which role, which channel and the whole org", async () => {
    await resetDirectory(
      env,
      ORG_YAML.replace(
        "{ slackId: U0DEPUTY, name: 渡辺 直子, department: legal, roles: [deputyChief] }",
        "{ slackId: U0DEPUTY, name: 渡辺 直子, department: legal, roles: [deputyChief], manages: [dev] }",
      ),
    );
    const db = env.database.prisma;
    expect((await managersOf(db, "sales")).map((p) => p.slackId)).toEqual(["U0MANAGER", "U0MANAGER2"]);
    expect((await managersOf(db, "dev")).map((p) => p.slackId)).toEqual(["U0DEPUTY", "U0SOLOMGR"]);
    expect((await managersOf(db, "legal")).map((p) => p.slackId)).toEqual([]);
    expect((await chiefs(db)).map((p) => p.slackId)).toEqual(["U0CHIEF"]);
    expect((await deputyChiefs(db)).map((p) => p.slackId)).toEqual(["U0DEPUTY"]);
    expect((await admins(db)).map((p) => p.slackId)).toEqual(["U0ADMIN"]);
    expect((await peopleWithRole(db, "manager")).map((p) => p.slackId)).toEqual(["U0DEPUTY", "U0MANAGER", "U0MANAGER2", "U0SOLOMGR"]);
    expect((await peopleWithRole(db, "handler")).map((p) => p.slackId)).toEqual(["U0EMPLOYEE"]);
    expect(await approvalsChannelFor(db, "dev")).toBe("C0DEVAPPROVALS");
    expect(await approvalsChannelFor(db, "sales")).toBe("C0APPROVALS");

    const deputy = (await getPerson(db, "U0DEPUTY"))!;
    expect(hasRole(deputy, "manager")).toBe(true);
    expect(hasRole(deputy, "deputyChief")).toBe(true);
    expect(hasRole(deputy, "chief")).toBe(false);
    expect(isManagerOf(deputy, "dev")).toBe(true);
    expect(isManagerOf(deputy, "legal")).toBe(false);
    const manager = (await getPerson(db, "U0MANAGER"))!;
    expect(isManagerOf(manager, "sales")).toBe(true);
    expect(isManagerOf(manager, "dev")).toBe(false);

    const exported = await readOrg(db);
    expect(exported.departments.map((d) => d.id)).toEqual(["dev", "legal", "sales"]);
    expect(exported.people.find((p) => p.slackId === "U0DEPUTY")).toEqual({
      slackId: "U0DEPUTY",
      name: "渡辺 直子",
      department: "legal",
      roles: ["deputyChief"],
      manages: ["dev"],
    });
    // what is read back imports to the same directory
    const again = org(ORG_YAML);
    expect(new Set(exported.people.map((p) => p.slackId))).toEqual(new Set(again.people.map((p) => p.slackId)));
  });
});
