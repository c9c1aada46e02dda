// The /privacy subcommands end to end: signed slash commands into the running app, the
// answers as the person sees them (ephemerals, files in their DMs), the database after.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index.js";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { fileRequest, parentShows, press, waitForDb } from "../support/flow.js";
import { JAPANESE, lineOf, listSections, privacy, todayInTokyo } from "../support/commands.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;

/** One request of 営業部, approved at stage 1 by U0MANAGER: the subject of status and mine. */
let filed: { code: string; id: string };

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const SUBCOMMANDS = [
  "request",
  "status",
  "mine",
  "training",
  "lang",
  "export",
  "digest",
  "duties",
  "processors",
  "register",
  "provision",
  "incident",
  "dsr",
  "complaint",
  "statement",
  "away",
  "admin",
  "help",
];

describe("/privacy help", () => {
  it("lists what the person may use, in Japanese; everyone's together cover every subcommand (issue 16)", async () => {
    const e = await privacy(h, P.employee, "help");
    expect(COMMANDS.map((c) => c.name).sort()).toEqual([...SUBCOMMANDS].sort());
    expect(e.text).toContain("届出");
    expect(e.text).toContain("/privacy request [purpose|method|entrust|provide|joint]");
    // a handler: the desk, but no admin or audit commands
    expect(e.text).toContain("/privacy dsr");
    for (const no of ["/privacy admin", "/privacy export", "/privacy digest"]) expect(e.text).not.toContain(no);
    const all = (await Promise.all([P.employee, P.manager, P.chief, P.compliance, P.auditor, P.admin].map((p) => privacy(h, p, "help"))))
      .map((x) => x.text)
      .join("\n");
    for (const name of SUBCOMMANDS.filter((n) => n !== "help")) expect(all).toContain(`/privacy ${name}`);
  });

  it("is in English for the English user", async () => {
    const e = await privacy(h, P.english, "help");
    for (const name of ["request", "mine", "status", "incident", "training", "lang"]) expect(e.text).toContain(`/privacy ${name}`);
    expect(e.text).not.toMatch(JAPANESE);
    expect(e.text).toMatch(/request/i);
  });

  it("/privacy alone answers with the help, an unknown subcommand says so and lists the usage", async () => {
    const bare = await privacy(h, P.employee2, "");
    const help = await privacy(h, P.employee2, "help");
    expect(bare.text).toBe(help.text);
    const wrong = await privacy(h, P.employee2, "approve PRV-2026-0001");
    expect(wrong.text).toContain("「approve」というコマンドはありません");
    for (const name of SUBCOMMANDS) expect(wrong.text).toContain(`/privacy ${name}`);
    const en = await privacy(h, P.english, "frobnicate");
    expect(en.text).toContain('There is no command "frobnicate"');
    expect(en.text).not.toMatch(JAPANESE);
  });
});

describe("/privacy mine and status", () => {
  beforeAll(async () => {
    const r = await fileRequest(h, P.employee, "purpose");
    filed = { code: r.code, id: r.id };
  });

  it("mine: my requests, and a manager sees the pending request of their department", async () => {
    const own = listSections((await privacy(h, P.employee, "mine")).blocks);
    expect(lineOf(own.mine, filed.code)).toContain("第1段階");
    expect(own.waiting).not.toContain(filed.code);
    expect(own.waiting).toContain("あなたを待っている届出はありません");

    for (const m of [P.manager, P.manager2]) {
      const e = listSections((await privacy(h, m, "mine")).blocks);
      expect(lineOf(e.waiting, filed.code), m).toContain("第1段階");
      expect(e.mine, m).not.toContain(filed.code);
    }
    // not the manager of another department, not the chief before stage 1 is done
    for (const other of [P.soloManager, P.chief]) expect((await privacy(h, other, "mine")).shown, other).not.toContain(filed.code);
    // someone with no requests is told how to file one
    expect(listSections((await privacy(h, P.deputy, "mine")).blocks).mine).toContain("/privacy request");
  });

  it("status shows the status and history to the requester, approvers, compliance, auditor and chief", async () => {
    const { parent } = await fileRequestParent();
    await press(h, P.manager, parent, RequestActions.approve);
    await parentShows(h, parent, "第2段階");
    for (const who of [P.employee, P.manager, P.manager2, P.chief, P.deputy, P.compliance, P.auditor]) {
      const e = await privacy(h, who, `status ${filed.code}`);
      expect(e.shown, who).toContain(filed.code);
      expect(e.shown, who).toContain("第2段階：個人情報管理責任者の承認待ち");
      expect(e.shown, who).toMatch(/<@U0EMPLOYEE>：提出（第1版）/);
      expect(e.shown, who).toMatch(/<@U0MANAGER>：第1段階承認（個人情報管理者）（第1版）/);
    }
    // the code is case-insensitive
    expect((await privacy(h, P.employee, `status ${filed.code.toLowerCase()}`)).shown).toContain("第2段階");
    // and the chief now sees it waiting for them, the managers no longer
    expect(lineOf(listSections((await privacy(h, P.chief, "mine")).blocks).waiting, filed.code)).toContain("第2段階");
    expect((await privacy(h, P.manager, "mine")).shown).not.toContain(filed.code);
  });

  it("status refuses people unrelated to the request, and says why", async () => {
    for (const who of [P.employee2, P.soloManager, P.admin]) {
      const e = await privacy(h, who, `status ${filed.code}`);
      expect(e.shown, who).toContain("権限がありません");
      expect(e.shown, who).not.toContain("第2段階");
    }
    const en = await privacy(h, P.english, `status ${filed.code}`);
    expect(en.shown).toContain("You may not see this request");
  });

  it("status without a code, with a malformed code or an unknown one gets a clear message", async () => {
    expect((await privacy(h, P.employee, "status")).text).toContain("届出番号を指定してください");
    const unknown = await privacy(h, P.employee, "status PRV-2020-9999");
    expect(unknown.text).toContain("PRV-2020-9999");
    expect(unknown.text).toContain("見つかりません");
    const malformed = await privacy(h, P.employee, "status 12345");
    expect(malformed.text).toContain("12345");
    expect(malformed.text).toContain("PRV-2026-0001"); // shows what a code looks like
  });
});

describe("/privacy lang", () => {
  const langOf = async (id: string) => (await db().person.findUniqueOrThrow({ where: { slackId: id } })).lang;

  it("en switches the person to English, ja back, auto follows Slack (here Japanese)", async () => {
    const who = P.employee2;
    const en = await privacy(h, who, "lang en");
    expect(en.text).toBe("Language set to English.");
    expect(await langOf(who)).toBe("en");
    const help = await privacy(h, who, "help");
    expect(help.text).not.toMatch(JAPANESE);
    expect(help.text).toContain("/privacy lang");

    const ja = await privacy(h, who, "lang ja");
    expect(ja.text).toMatch(JAPANESE);
    expect(await langOf(who)).toBe("ja");
    expect((await privacy(h, who, "help")).text).toContain("届出");

    await privacy(h, who, "lang en");
    const auto = await privacy(h, who, "lang auto");
    expect(await langOf(who)).toBeNull();
    // told in the language now in effect: their Slack is Japanese
    expect(auto.text).toMatch(JAPANESE);
    expect((await privacy(h, who, "help")).text).toContain("届出");
    const audit = await db().auditEntry.findMany({ where: { action: "directory.lang_set", subject: `person:${who}` }, orderBy: { seq: "asc" } });
    expect(audit.map((a) => (a.data as { lang: string }).lang)).toEqual(["en", "ja", "en", "auto"]);
  });

  it("auto for the English user, after choosing Japanese, answers in English", async () => {
    await privacy(h, P.english, "lang ja");
    expect((await privacy(h, P.english, "help")).text).toContain("届出");
    const auto = await privacy(h, P.english, "lang auto");
    expect(auto.text).not.toMatch(JAPANESE);
    expect((await privacy(h, P.english, "help")).text).not.toMatch(JAPANESE);
  });

  it("a bad value or none gets the usage, and changes nothing", async () => {
    for (const text of ["lang fr", "lang"]) {
      const e = await privacy(h, P.employee, text);
      expect(e.text).toContain("/privacy lang ja");
      expect(e.text).toContain("/privacy lang auto");
    }
    expect(await langOf(P.employee)).toBeNull();
  });
});

describe("/privacy export", () => {
  it("gives compliance the audit log as a CSV in their DMs, with the decisions made here", async () => {
    const before = h.fake.files().length;
    const e = await privacy(h, P.compliance, "export");
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.name).toMatch(/^mamori-audit-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    expect(file.channel).toBe(h.fake.dmChannelOf(P.compliance));
    const csv = file.bytes!.toString("utf8");
    const rows = csv.trimEnd().split("\n");
    expect(rows[0]).toBe("seq,at,actor,action,subject,data,prev_hash,hash");
    const stage1 = rows.find((r) => r.includes("request.approved_stage1") && r.includes(`request:${filed.code}`));
    expect(stage1).toBeDefined();
    expect(stage1!.split(",")[2]).toBe(P.manager);
    // the answer gives the range and the number of entries in the file
    expect(e.text).toContain(`（${rows.length - 1} 件）`);
    expect(e.text).toContain(todayInTokyo());
    // the export itself is logged
    await waitForDb(
      () => db().auditEntry.findMany({ where: { action: "audit.exported", actorId: P.compliance } }),
      (x) => x.length === 1,
    );
  });

  it("the auditor exports a date range; a range without entries has only the header", async () => {
    const today = todayInTokyo();
    const before = h.fake.files().length;
    const e = await privacy(h, P.auditor, `export ${today} ${today}`);
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.name).toBe(`mamori-audit-${today}_${today}.csv`);
    expect(file.channel).toBe(h.fake.dmChannelOf(P.auditor));
    expect(file.bytes!.toString("utf8")).toContain(`request:${filed.code}`);
    expect(e.text).toContain(today);

    const old = await privacy(h, P.auditor, "export 2020-01-01 2020-01-31");
    const empty = await h.fake.waitFor(() => h.fake.files()[before + 1]);
    expect(empty.bytes!.toString("utf8")).toBe("seq,at,actor,action,subject,data,prev_hash,hash\n");
    expect(old.text).toContain("（0 件）");
  });

  it("refuses employees, managers and the chief", async () => {
    const before = h.fake.files().length;
    for (const who of [P.employee, P.manager, P.chief]) {
      const e = await privacy(h, who, "export");
      expect(e.text, who).toContain("コンプライアンス担当と監査責任者だけ");
    }
    expect((await privacy(h, P.english, "export")).text).toContain("Only compliance and the audit lead");
    expect(h.fake.files()).toHaveLength(before);
    expect(h.fake.callsTo("files.getUploadURLExternal")).toHaveLength(before);
  });

  it("a bad date or range gets a clear message and no file", async () => {
    const before = h.fake.files().length;
    for (const text of [
      "export yesterday",
      "export 2026/04/01",
      "export 2026-13-01 2026-12-31",
      "export 2026-02-30 2026-03-31",
      "export 2026-04-01 2026-04-31",
    ]) {
      const e = await privacy(h, P.compliance, text);
      expect(e.text, text).toContain("YYYY-MM-DD");
    }
    const reversed = await privacy(h, P.compliance, "export 2026-09-30 2026-04-01");
    expect(reversed.text).toContain("終了日は開始日以降");
    expect(h.fake.files()).toHaveLength(before);
  });
});

/** The parent message of the request filed in beforeAll. */
async function fileRequestParent() {
  const r = await db().request.findUniqueOrThrow({ where: { id: filed.id } });
  const parent = await h.fake.waitFor(() => h.fake.messages(r.channelId!).find((m) => m.text.includes(filed.code)));
  return { parent };
}
