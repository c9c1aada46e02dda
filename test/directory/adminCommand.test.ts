import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adminCommand, parseChannelRef, parseUserRef, tokenize } from "../../commands/admin.js";
import { parseOrgFile } from "../../src/directory/orgFile.js";
import { getChannels, getPerson } from "../../src/directory/store.js";
import { ORG } from "../support/org.js";
import { actorOf, auditEntries, auditMark, fakeContext, makeEnv, resetDirectory, type Env } from "./helpers.js";

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

/** Runs `/privacy <text>` as `who`; returns what was answered and uploaded. */
async function run(who: string, text: string, opts: { lang?: "ja" | "en"; uploadFails?: boolean } = {}) {
  const actor = await actorOf(env, who);
  if (opts.lang) actor.lang = opts.lang;
  const f = fakeContext(env, actor, text, opts);
  await adminCommand.run(f.ctx);
  return { texts: f.responses.map((r) => r.text), uploads: f.uploads };
}

describe("parsing Slack's escapes", () => {
  it("reads users and channels with or without a label", () => {
    expect(parseUserRef("<@U0ABC|taro>")).toBe("U0ABC");
    expect(parseUserRef("<@W0ABC>")).toBe("W0ABC");
    expect(parseUserRef("U0ABC")).toBe("U0ABC");
    expect(parseUserRef("@taro")).toBeNull();
    expect(parseUserRef("<#C0ABC|general>")).toBeNull();
    expect(parseChannelRef("<#C0ABC|general>")).toBe("C0ABC");
    expect(parseChannelRef("<#G0ABC>")).toBe("G0ABC");
    expect(parseChannelRef("#general")).toBeNull();
    expect(tokenize("admin role add <@U0ABC|山田 太郎> manager").map((t) => t.text)).toEqual(["admin", "role", "add", "<@U0ABC|山田 太郎>", "manager"]);
  });
});

describe("/privacy admin", () => {
  it("refuses non-admins, whatever they type", async () => {
    for (const text of ["admin", "admin role add <@U0EMPLOYEE2> admin", "admin org export"]) {
      const r = await run(P.chief, text);
      expect(r.texts).toEqual(["`/privacy admin` は管理者（admin）だけが使えます。"]);
      expect(r.uploads).toEqual([]);
    }
    expect(await getPerson(env.database.prisma, P.employee2)).toMatchObject({ roles: [] });
    expect(await auditEntries(env, undefined, mark)).toHaveLength(0);
  });

  it("without a subcommand, lists every usage line", async () => {
    const r = await run(P.admin, "admin");
    expect(r.texts).toHaveLength(1);
    expect(r.texts[0]).toContain("/privacy admin role add @ユーザー <役割> [部署ID]");
    expect(r.texts[0]).toContain("/privacy admin channel set approvals|incidents|compliance #チャンネル");
    expect(r.texts[0]).toContain("/privacy admin org export");
    expect(adminCommand.usage("en").join("\n")).toContain("`/privacy admin dept rename <id> <new name>`");
    expect(adminCommand.usage("ja")).toHaveLength(adminCommand.usage("en").length);
  });

  it("role add with a mention in either escape, and a department", async () => {
    expect((await run(P.admin, `admin role add <@${P.employee2}|tanaka> handler`)).texts).toEqual([`<@${P.employee2}> を個人情報取扱担当者にしました。`]);
    expect((await run(P.admin, `admin role add <@${P.employee2}> manager dev`)).texts).toEqual([`<@${P.employee2}> を個人情報管理者（開発部）にしました。`]);
    expect((await getPerson(env.database.prisma, P.employee2))?.roles).toEqual(["handler", "manager:dev"]);
    expect((await run(P.admin, `admin role remove <@${P.employee2}|tanaka> handler`, { lang: "en" })).texts).toEqual([
      `<@${P.employee2}> is no longer data handler.`,
    ]);
    expect((await getPerson(env.database.prisma, P.employee2))?.roles).toEqual(["manager:dev"]);
    const a = await auditEntries(env, undefined, mark);
    expect(a.map((e) => [e.actorId, e.action])).toEqual([
      [P.admin, "directory.role_added"],
      [P.admin, "directory.role_added"],
      [P.admin, "directory.role_removed"],
    ]);
  });

  it("answers refusals and bad mentions ephemerally", async () => {
    expect((await run(P.admin, "admin role add @tanaka handler")).texts).toEqual([expect.stringContaining("「@tanaka」からユーザーを特定できません")]);
    expect((await run(P.admin, `admin role add <@${P.chief}> auditor`)).texts).toEqual([expect.stringContaining("兼任できません")]);
    expect((await run(P.admin, `admin role add <@${P.employee2}> manager marketing`)).texts).toEqual([
      expect.stringContaining("部署「marketing」はありません"),
    ]);
    expect((await run(P.admin, "admin role add <@U0STRANGER> handler")).texts).toEqual([expect.stringContaining("名簿に登録されていません")]);
    expect((await run(P.admin, "admin channel set approvals #general")).texts).toEqual([expect.stringContaining("「#general」からチャンネルを特定できません")]);
    expect((await run(P.admin, "admin channel set random <#C0RANDOM|random>")).texts).toEqual([expect.stringContaining("「random」は指定できません")]);
    expect(await auditEntries(env, undefined, mark)).toHaveLength(0);
  });

  it("wrong usage gets the usage lines of that subcommand", async () => {
    const role = await run(P.admin, "admin role add");
    expect(role.texts).toEqual([
      [
        "`/privacy admin role add @ユーザー <役割> [部署ID]` 役割を追加（役割：manager, chief, deputyChief, auditor, compliance, handler, admin, legal, infosec, telecom。部署は manager のとき、自部署以外を管理させる場合）",
        "`/privacy admin role remove @ユーザー <役割> [部署ID]` 役割を外す",
      ].join("\n"),
    ]);
    expect((await run(P.admin, `admin role give <@${P.employee2}> handler`)).texts[0]).toContain("/privacy admin role remove");
    expect((await run(P.admin, `admin role add <@${P.employee2}> manager dev extra`)).texts[0]).toContain("/privacy admin role add");
    expect((await run(P.admin, "admin dept add hr")).texts[0]).toContain("/privacy admin dept rename");
    expect((await run(P.admin, "admin channel set approvals")).texts[0]).toContain("/privacy admin channel set");
    expect((await run(P.admin, "admin org import")).texts[0]).toContain("/privacy admin org export");
    expect((await run(P.admin, "admin person add <@U0NEW>", { lang: "en" })).texts[0]).toContain("/privacy admin person add @user <department id> <name>");
    expect((await run(P.admin, "admin frobnicate")).texts[0]).toContain("名簿の管理（管理者のみ）");
  });

  it("dept add and rename take names with spaces; channel set takes a channel escape", async () => {
    expect((await run(P.admin, "admin dept add hr 人事 総務部")).texts).toEqual(["部署「人事 総務部」（hr）を追加しました。"]);
    expect((await run(P.admin, "admin dept rename hr  Human Resources ")).texts).toEqual([
      "部署 hr の名前を「人事 総務部」から「Human Resources」に変えました。",
    ]);
    expect((await run(P.admin, "admin channel set incidents <#C0NEWINC|incidents>")).texts).toEqual([
      "インシデントチャンネルを <#C0NEWINC> にしました。Bot をそのチャンネルに招待してください。",
    ]);
    expect((await getChannels(env.database.prisma)).incidents).toBe("C0NEWINC");
    expect((await run(P.admin, `admin person add <@U0NEWHIRE|hanako> hr 新人 花子`)).texts).toEqual([
      "新人 花子（<@U0NEWHIRE>、Human Resources）を名簿に登録しました。",
    ]);
    expect(await getPerson(env.database.prisma, "U0NEWHIRE")).toMatchObject({ name: "新人 花子", departmentId: "hr", roles: [] });
    expect((await auditEntries(env, undefined, mark)).map((e) => e.action)).toEqual([
      "directory.department_added",
      "directory.department_renamed",
      "directory.channel_set",
      "directory.person_added",
    ]);
  });

  it("org export uploads org.yml to the admin and confirms", async () => {
    const r = await run(P.admin, "admin org export");
    expect(r.uploads).toHaveLength(1);
    expect(r.uploads[0]).toMatchObject({ filename: "org.yml", title: "Mamori 名簿（組織ファイル）" });
    const parsed = parseOrgFile(r.uploads[0]!.content);
    expect(parsed.ok).toBe(true);
    expect(r.uploads[0]!.content).toContain("name: 佐藤 健");
    expect(r.texts).toEqual(["現在の名簿（3 部署、11 人）を org.yml として DM に送りました。"]);
    expect(await auditEntries(env, "directory.exported", mark)).toHaveLength(1);

    const failed = await run(P.admin, "admin org export", { uploadFails: true, lang: "en" });
    expect(failed.texts).toEqual(["org.yml could not be sent. Please try again in a moment."]);
  });

  it("never throws: an unexpected failure becomes an ephemeral answer", async () => {
    const actor = await actorOf(env, P.admin);
    const f = fakeContext(env, actor, "admin dept add qa 品質保証部");
    const broken = { ...env.services, database: { ...env.services.database, prisma: { $transaction: () => Promise.reject(new Error("db down")) } } };
    f.ctx.services = broken as never;
    await expect(adminCommand.run(f.ctx)).resolves.toBeUndefined();
    expect(f.responses.map((r) => r.text)).toEqual(["処理中にエラーが発生しました。内容は記録されています。しばらくしてからもう一度お試しください。"]);
  });
});
