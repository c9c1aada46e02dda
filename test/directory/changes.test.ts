import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addDepartment, addPerson, addRole, exportOrg, removeRole, renameDepartment, setChannel } from "../../src/directory/changes.js";
import { parseOrgFile } from "../../src/directory/orgFile.js";
import { getChannels, getPerson } from "../../src/directory/store.js";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { ORG } from "../support/org.js";
import { auditEntries, auditMark, makeEnv, resetDirectory, type Env } from "./helpers.js";

const P = ORG.people;
let env: Env;
let mark = 0;
beforeAll(async () => {
  env = await makeEnv();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await resetDirectory(env);
  mark = await auditMark(env);
});

const s = () => env.services;
const roles = async (id: string) => (await getPerson(env.database.prisma, id))?.roles;
const audit = () => auditEntries(env, undefined, mark);

describe("addRole / removeRole", () => {
  it("adds a role, with an audit entry", async () => {
    const r = await addRole(s(), P.admin, P.employee2, "compliance");
    expect(r).toEqual({ ok: true, summary: `<@${P.employee2}> をコンプライアンス担当にしました。` });
    expect(await roles(P.employee2)).toEqual(["compliance"]);
    const a = await audit();
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({
      actorId: P.admin,
      action: "directory.role_added",
      subject: `person:${P.employee2}`,
      data: { role: "compliance", entry: "compliance", before: [], after: ["compliance"] },
    });
    expect(await verifyChain(env.database.prisma)).toMatchObject({ ok: true });
  });

  it("a manager of their own department is plain manager; of another, manager:<dept>", async () => {
    expect(await addRole(s(), P.admin, P.employee2, "manager")).toMatchObject({ ok: true, summary: expect.stringContaining("個人情報管理者（営業部）") });
    expect(await addRole(s(), P.admin, P.employee2, "manager", "dev")).toMatchObject({ ok: true });
    expect(await roles(P.employee2)).toEqual(["manager", "manager:dev"]);
    // naming their own department explicitly is the same plain manager
    expect(await addRole(s(), P.admin, P.english, "manager", "sales")).toMatchObject({ ok: true });
    expect(await roles(P.english)).toEqual(["manager"]);
    expect((await audit()).map((e) => (e.data as { entry: string }).entry)).toEqual(["manager", "manager:dev", "manager"]);

    expect(await removeRole(s(), P.admin, P.employee2, "manager", "dev")).toMatchObject({ ok: true });
    expect(await roles(P.employee2)).toEqual(["manager"]);
    expect(await removeRole(s(), P.admin, P.employee2, "manager")).toMatchObject({ ok: true });
    expect(await roles(P.employee2)).toEqual([]);
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ action: "directory.role_removed", data: { role: "manager", department: "sales", before: ["manager"], after: [] } });
  });

  it("removes a role", async () => {
    const r = await removeRole(s(), P.admin, P.employee, "handler", undefined, { lang: "en" });
    expect(r).toEqual({ ok: true, summary: `<@${P.employee}> is no longer data handler.` });
    expect(await roles(P.employee)).toEqual([]);
    expect(await audit()).toHaveLength(1);
  });

  it("accepts role names in any case", async () => {
    expect(await addRole(s(), P.admin, P.employee2, "DEPUTYCHIEF")).toMatchObject({ ok: true });
    expect(await roles(P.employee2)).toEqual(["deputyChief"]);
  });

  it("refuses people who are not admins", async () => {
    const r = await addRole(s(), P.chief, P.employee2, "admin");
    expect(r).toEqual({ ok: false, error: "名簿の変更は管理者（admin）だけができます。" });
    expect(await addRole(s(), "U0NOBODY", P.employee2, "admin")).toMatchObject({ ok: false });
    expect(await roles(P.employee2)).toEqual([]);
    expect(await audit()).toHaveLength(0);
  });

  it("refuses an auditor who would be chief or deputy, and a chief who would be auditor", async () => {
    const a = await addRole(s(), P.admin, P.chief, "auditor");
    expect(a).toMatchObject({ ok: false, error: expect.stringContaining("個人情報管理責任者なので、個人情報保護監査責任者を兼任できません") });
    const b = await addRole(s(), P.admin, P.auditor, "chief", undefined, { lang: "en" });
    expect(b).toMatchObject({ ok: false, error: expect.stringContaining("is the privacy audit lead, so they cannot also be chief privacy officer") });
    expect(await addRole(s(), P.admin, P.auditor, "deputyChief")).toMatchObject({ ok: false });
    expect(await addRole(s(), P.admin, P.deputy, "auditor")).toMatchObject({ ok: false });
    expect(await roles(P.chief)).toEqual(["chief"]);
    expect(await roles(P.auditor)).toEqual(["auditor"]);
    expect(await audit()).toHaveLength(0);
  });

  it("refuses unknown people, roles and departments, and duplicates", async () => {
    expect(await addRole(s(), P.admin, "U0STRANGER", "handler")).toEqual({
      ok: false,
      error: expect.stringContaining("<@U0STRANGER> は名簿に登録されていません。先に `/privacy admin person add <@U0STRANGER> <部署ID> <氏名>`"),
    });
    expect(await addRole(s(), P.admin, P.employee2, "boss")).toMatchObject({ ok: false, error: expect.stringContaining("不明な役割「boss」") });
    expect(await addRole(s(), P.admin, P.employee2, "manager", "marketing")).toMatchObject({
      ok: false,
      error: expect.stringContaining("部署「marketing」はありません"),
    });
    expect(await addRole(s(), P.admin, P.employee2, "handler", "sales")).toMatchObject({
      ok: false,
      error: expect.stringContaining("manager（個人情報管理者）のときだけ"),
    });
    expect(await addRole(s(), P.admin, P.employee, "handler")).toMatchObject({ ok: false, error: `<@${P.employee}> はすでに個人情報取扱担当者です。` });
    expect(await addRole(s(), P.admin, P.manager, "manager")).toMatchObject({ ok: false });
    expect(await removeRole(s(), P.admin, P.employee2, "handler")).toMatchObject({ ok: false, error: expect.stringContaining("ではありません") });
    expect(await removeRole(s(), P.admin, P.manager, "manager", "dev")).toMatchObject({ ok: false });
    expect(await audit()).toHaveLength(0);
  });

  it("keeps at least one chief and one admin", async () => {
    expect(await removeRole(s(), P.admin, P.chief, "chief")).toMatchObject({ ok: false, error: expect.stringContaining("最後の個人情報管理責任者") });
    expect(await removeRole(s(), P.admin, P.admin, "admin")).toMatchObject({ ok: false, error: expect.stringContaining("最後の管理者") });
    expect(await addRole(s(), P.admin, P.deputy, "chief")).toMatchObject({ ok: true });
    expect(await removeRole(s(), P.admin, P.chief, "chief")).toMatchObject({ ok: true });
  });

  it("serialises concurrent changes: none is lost", async () => {
    const rs = await Promise.all(["handler", "compliance", "admin", "deputyChief"].map((r) => addRole(s(), P.admin, P.employee2, r)));
    expect(rs.every((r) => r.ok)).toBe(true);
    expect(new Set(await roles(P.employee2))).toEqual(new Set(["handler", "compliance", "admin", "deputyChief"]));
    expect(await audit()).toHaveLength(4);
    expect(await verifyChain(env.database.prisma)).toMatchObject({ ok: true });
  });
});

describe("people, departments and channels", () => {
  it("registers a person", async () => {
    expect(await addPerson(s(), P.admin, "U0NEWHIRE", "dev", " 新人 花子 ")).toEqual({
      ok: true,
      summary: "新人 花子（<@U0NEWHIRE>、開発部）を名簿に登録しました。",
    });
    expect(await getPerson(env.database.prisma, "U0NEWHIRE")).toMatchObject({ name: "新人 花子", departmentId: "dev", roles: [] });
    expect(await audit()).toMatchObject([{ action: "directory.person_added", subject: "person:U0NEWHIRE", data: { name: "新人 花子", department: "dev" } }]);
    expect(await addPerson(s(), P.admin, "U0NEWHIRE", "dev", "x")).toMatchObject({ ok: false, error: expect.stringContaining("すでに名簿") });
    expect(await addPerson(s(), P.admin, "U0OTHER", "nowhere", "x")).toMatchObject({ ok: false });
    expect(await addPerson(s(), P.admin, "U0OTHER", "dev", "  ")).toMatchObject({ ok: false });
    expect(await addPerson(s(), P.admin, "not-a-user", "dev", "x")).toMatchObject({ ok: false });
    expect(await addPerson(s(), P.employee, "U0OTHER", "dev", "x")).toMatchObject({ ok: false });
    expect(await audit()).toHaveLength(1);
  });

  it("adds and renames departments", async () => {
    expect(await addDepartment(s(), P.admin, "hr", "人事部")).toEqual({ ok: true, summary: "部署「人事部」（hr）を追加しました。" });
    expect(await renameDepartment(s(), P.admin, "hr", "人事総務部")).toEqual({
      ok: true,
      summary: "部署 hr の名前を「人事部」から「人事総務部」に変えました。",
    });
    expect(await env.database.prisma.department.findUnique({ where: { id: "hr" } })).toMatchObject({ name: "人事総務部", approvalsChannel: null });
    expect(await audit()).toMatchObject([
      { action: "directory.department_added", subject: "department:hr", data: { name: "人事部" } },
      { action: "directory.department_renamed", subject: "department:hr", data: { before: "人事部", after: "人事総務部" } },
    ]);
    expect(await addDepartment(s(), P.admin, "hr", "x")).toMatchObject({ ok: false, error: expect.stringContaining("すでにあります") });
    expect(await addDepartment(s(), P.admin, "HR!", "x")).toMatchObject({ ok: false, error: expect.stringContaining("部署 ID に使えません") });
    expect(await addDepartment(s(), P.admin, "ok", "")).toMatchObject({ ok: false });
    expect(await renameDepartment(s(), P.admin, "marketing", "x")).toMatchObject({
      ok: false,
      error: expect.stringContaining("部署「marketing」はありません"),
    });
    expect(await addDepartment(s(), P.manager, "qa", "品質保証部")).toMatchObject({ ok: false });
    expect(await audit()).toHaveLength(2);
  });

  it("sets channels", async () => {
    expect(await setChannel(s(), P.admin, "incidents", "C0NEWINC")).toEqual({
      ok: true,
      summary: "インシデントチャンネルを <#C0NEWINC> にしました。Bot をそのチャンネルに招待してください。",
    });
    expect(await setChannel(s(), P.admin, "approvals", "G0PRIVATE", { lang: "en" })).toEqual({
      ok: true,
      summary: "The approvals channel is now <#G0PRIVATE>. Invite the bot to that channel.",
    });
    expect(await getChannels(env.database.prisma)).toEqual({ approvals: "G0PRIVATE", incidents: "C0NEWINC", compliance: "C0COMPLIANCE" });
    expect(await audit()).toMatchObject([
      { action: "directory.channel_set", data: { which: "incidents", channel: "C0NEWINC", previous: "C0INCIDENTS" } },
      { action: "directory.channel_set", data: { which: "approvals", channel: "G0PRIVATE", previous: "C0APPROVALS" } },
    ]);
    expect(await setChannel(s(), P.admin, "general", "C0X1")).toMatchObject({ ok: false });
    expect(await setChannel(s(), P.admin, "approvals", "#general")).toMatchObject({ ok: false });
    expect(await setChannel(s(), P.compliance, "compliance", "C0X1")).toMatchObject({ ok: false });
    expect(await audit()).toHaveLength(2);
  });

  it("exports the directory as an org file that parses back, and logs the export", async () => {
    await addRole(s(), P.admin, P.english, "manager", "dev");
    const r = await exportOrg(s(), P.admin);
    if (!r.ok) throw new Error(r.error);
    expect(r).toMatchObject({ people: 11, departments: 3 });
    const parsed = parseOrgFile(r.yaml);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.org.people.find((p) => p.slackId === P.english)).toEqual({
        slackId: P.english,
        name: "Alex Smith",
        department: "sales",
        roles: [],
        manages: ["dev"],
      });
    expect((await audit()).at(-1)).toMatchObject({ action: "directory.exported", actorId: P.admin, data: { people: 11, departments: 3 } });
    expect(await exportOrg(s(), P.employee)).toMatchObject({ ok: false });
  });
});
