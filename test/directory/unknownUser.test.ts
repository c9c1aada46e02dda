import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { addPerson } from "../../src/directory/changes.js";
import { noteUnknownUser } from "../../src/directory/unknownUser.js";
import { ORG, ORG_YAML } from "../support/org.js";
import { makeEnv, resetDirectory, type Env } from "./helpers.js";

const P = ORG.people;
const TWO_ADMINS = ORG_YAML.replace("roles: [chief] }", "roles: [chief, admin] }");

let env: Env;
beforeAll(async () => {
  env = await makeEnv();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await resetDirectory(env, TWO_ADMINS);
});

const dms = () => env.database.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });

describe("noteUnknownUser", () => {
  it("names the admins and tells each admin once, by DM through the outbox", async () => {
    await env.database.prisma.person.update({ where: { slackId: P.chief }, data: { lang: "en" } });
    const r = await noteUnknownUser(env.services, "U0STRANGER", "ja");
    expect(r.text).toBe(`この Bot の名簿にまだ登録されていません。管理者（<@${P.admin}>、<@${P.chief}>）に登録を依頼してください。`);
    const rows = await dms();
    expect(rows.map((m) => [m.method, (m.payload as { channel: string }).channel, m.orderKey])).toEqual([
      ["chat.postMessage", P.admin, `dm:${P.admin}`],
      ["chat.postMessage", P.chief, `dm:${P.chief}`],
    ]);
    const [toAdmin, toChief] = rows.map((m) => m.payload as { text: string; blocks: unknown[] });
    expect(toAdmin!.text).toContain("<@U0STRANGER> さんが Mamori を使おうとしましたが、名簿に登録されていません。");
    expect(toAdmin!.text).toContain("/privacy admin person add <@U0STRANGER> <部署ID> <氏名>");
    expect(toAdmin!.blocks).toHaveLength(1);
    expect(toChief!.text).toContain("<@U0STRANGER> tried to use Mamori but is not in the directory.");

    // the same person again: the same answer, no more DMs
    const again = await noteUnknownUser(env.services, "U0STRANGER", "en");
    expect(again.text).toBe(`You are not in this bot's directory yet. Ask an admin (<@${P.admin}>, <@${P.chief}>) to register you.`);
    expect(await dms()).toHaveLength(2);
    expect(await env.database.prisma.unknownUser.count()).toBe(1);

    await env.outbox.flush();
    expect(env.slackCalls.map((c) => c.args.channel).sort()).toEqual([P.admin, P.chief].sort());
  });

  it("noted concurrently, still one DM per admin", async () => {
    const rs = await Promise.all(Array.from({ length: 5 }, () => noteUnknownUser(env.services, "U0RACER", "ja")));
    expect(new Set(rs.map((r) => r.text)).size).toBe(1);
    const rows = await dms();
    expect(rows.map((m) => (m.payload as { channel: string }).channel).sort()).toEqual([P.admin, P.chief].sort());
    // another unknown person is reported on their own
    await noteUnknownUser(env.services, "U0OTHER", "ja");
    expect(await dms()).toHaveLength(4);
  });

  it("without admins, says whom else to ask and remembers nothing (so admins hear of it later)", async () => {
    await resetDirectory(env, ORG_YAML.replace("roles: [admin] }", "roles: [] }"));
    const r = await noteUnknownUser(env.services, "U0STRANGER", "ja");
    expect(r.text).toBe("この Bot の名簿にまだ登録されていません。社内の個人情報管理責任者に、組織ファイルへの登録を依頼してください。");
    expect(await dms()).toHaveLength(0);
    expect(await env.database.prisma.unknownUser.count()).toBe(0);
  });

  it("once registered, a person who is removed and comes back is reported again", async () => {
    await noteUnknownUser(env.services, "U0STRANGER", "ja");
    expect(await addPerson(env.services, P.admin, "U0STRANGER", "sales", "見知らぬ 人")).toMatchObject({ ok: true });
    expect(await env.database.prisma.unknownUser.count()).toBe(0);
  });
});
