// Governance (issue 13) over signed HTTP: a manager's rejection at stage 1 is not the end
// of a request; the chief confirms or overrides it (規程 第4条3項).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { waitingFor } from "../../src/requests/access.js";
import { parseOrgFile } from "../../src/directory/orgFile.js";
import { ManualClock } from "../../src/platform/clock.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { drain, jst, runJobAt } from "../support/clock.js";
import { defaultSettings, parseSettings } from "../../src/settings.js";
import { privacy, shown } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";
import { APPROVALS, decideWithReason, ephemeralFor, fileRequest, parentShows, press, waitForDb } from "../support/flow.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;
const statusOf = (id: string) => db().request.findUniqueOrThrow({ where: { id } });
const actor = async (slackId: string) => ({ ...(await db().person.findUniqueOrThrow({ where: { slackId } })), lang: "ja" as const });

describe("a stage-1 rejection goes to the chief (規程 第4条3項)", () => {
  it("the manager's rejection waits for the chief, who confirms it", async () => {
    const { id, code, parent } = await fileRequest(h, P.employee, "purpose");
    await decideWithReason(h, P.manager, parent, RequestActions.reject, "目的が業務に必要とは言えません");
    // not final: the request waits for the chief
    await waitForDb(
      () => statusOf(id),
      (r) => r.status === "rejection_pending_chief",
    );
    const shown = await parentShows(h, parent, "却下の提案：個人情報管理責任者の確認待ち（規程 第4条3項）");
    expect(JSON.stringify(shown.blocks)).toContain("却下を確定");
    expect(JSON.stringify(shown.blocks)).toContain("却下せず承認");
    const thread = await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("却下を提案しました")));
    expect(thread.text).toContain("規程 第4条3項");
    expect(thread.text).toContain(`<@${P.chief}>`);
    const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("却下を提案")));
    expect(dm.text).toContain("結論は出ていません");
    // the chief sees it waiting on Home; the manager who proposed it does not decide it
    expect((await waitingFor(db(), await actor(P.chief))).map((w) => w.code)).toContain(code);
    expect((await waitingFor(db(), await actor(P.manager2))).map((w) => w.code)).not.toContain(code);
    await press(h, P.manager2, parent, RequestActions.reject);
    await ephemeralFor(h, P.manager2, "第2段階は個人情報管理責任者");
    // the chief confirms
    await decideWithReason(h, P.chief, parent, RequestActions.reject, "管理者の判断どおり");
    await waitForDb(
      () => statusOf(id),
      (r) => r.status === "rejected",
    );
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("却下を確定しました")));
    await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("却下されました")));
    const events = await db().requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["submitted", P.employee],
      ["rejection_proposed", P.manager],
      ["rejection_confirmed", P.chief],
    ]);
    const audit = await db().auditEntry.findMany({
      where: { subject: `request:${code}`, action: { startsWith: "request.rejection" } },
      orderBy: { seq: "asc" },
    });
    expect(audit.map((a) => [a.action, (a.data as { rule?: string }).rule, (a.data as { to?: string }).to])).toEqual([
      ["request.rejection_proposed", "規程第4条3項", "rejection_pending_chief"],
      ["request.rejection_confirmed", "規程第4条3項", "rejected"],
    ]);
  });

  it("the chief overrides: the chief's approval is the final approval, measures follow", async () => {
    const { id, code, parent } = await fileRequest(h, P.employee, "method");
    await decideWithReason(h, P.manager, parent, RequestActions.reject, "不要と考えます");
    await waitForDb(
      () => statusOf(id),
      (r) => r.status === "rejection_pending_chief",
    );
    await parentShows(h, parent, "却下せず承認");
    await press(h, P.chief, parent, RequestActions.approve);
    const r = await waitForDb(
      () => statusOf(id),
      (x) => x.status === "approved",
    );
    expect(r.approvedAt).not.toBeNull();
    expect(await db().requestMeasure.count({ where: { requestId: id } })).toBeGreaterThan(0);
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts).find((m) => m.text.includes("却下の提案を採らず、最終承認しました")));
    await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("最終承認")));
    const events = await db().requestEvent.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["submitted", "rejection_proposed", "rejection_overridden"]);
  });

  it("tells an English-speaking requester in English that nothing is decided yet", async () => {
    const { id, code, parent } = await fileRequest(h, P.english, "joint");
    await decideWithReason(h, P.manager, parent, RequestActions.reject, "Not needed");
    await waitForDb(
      () => statusOf(id),
      (r) => r.status === "rejection_pending_chief",
    );
    const dm = await h.fake.waitFor(() => h.fake.dms(P.english).find((m) => m.text.includes(code) && m.text.includes("proposed to reject")));
    expect(dm.text).toContain("Under Rule Art.4(3) nothing is decided until the chief privacy officer confirms.");
  });

  it("when stage 1 fell to the chief (the department's only manager files), the chief's rejection is final", async () => {
    const { id, parent } = await fileRequest(h, P.soloManager, "purpose", undefined, "C0DEVAPPROVALS");
    await decideWithReason(h, P.chief, parent, RequestActions.reject, "不要");
    await waitForDb(
      () => statusOf(id),
      (r) => r.status === "rejected",
    );
  });
});

describe("a rejection waiting for the chief is reminded like a stage-2 decision", () => {
  const clock = new ManualClock(jst("2026-11-20T10:00:00"));
  let r: Harness;
  beforeAll(async () => {
    r = await startHarness({ clock, fake: { clock } });
  });
  afterAll(async () => {
    await r?.close();
  });

  it("the chief and the deputy get it in their morning DM; the managers do not", async () => {
    const filed = await fileRequest(r, P.employee, "purpose");
    await drain(r, clock);
    await decideWithReason(r, P.manager, filed.parent, RequestActions.reject, "不要です");
    await waitForDb(
      () => r.bot.services.database.prisma.request.findUniqueOrThrow({ where: { id: filed.id } }),
      (x) => x.status === "rejection_pending_chief",
    );
    await drain(r, clock);
    await runJobAt(r, clock, "requests.morning", "2026-11-24T09:00:00");
    const remindersTo = (user: string) => r.fake.dms(user).filter((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.itemMenu));
    for (const who of [P.chief, P.deputy]) {
      const dm = remindersTo(who).at(-1);
      expect(JSON.stringify(dm?.blocks), who).toContain(filed.code);
    }
    for (const who of [P.manager, P.manager2]) expect(remindersTo(who).filter((m) => JSON.stringify(m.blocks).includes(filed.code))).toEqual([]);
  });
});

describe("the deputy chief is a company extension (規程 第3条, 第20条 name no deputy)", () => {
  const LABEL = "個人情報管理責任者代理（当社の拡張：規程に定めなし）";

  it("is labelled so where the deputy decides, and in the directory", async () => {
    const { parent } = await fileRequest(h, P.employee, "purpose");
    await press(h, P.manager, parent, RequestActions.approve);
    const stage2 = await parentShows(h, parent, "第2段階");
    expect(shown(stage2)).toContain(`${LABEL}：規程 第3条・第20条に代理の定めはなく、当社の拡張として置いている役割です。`);
    // the audit lead never holds it (第21条)
    const refused = await privacy(h, P.admin, `admin role add <@${P.auditor}> deputyChief`);
    expect(refused.text).toContain(`個人情報保護監査責任者なので、${LABEL}を兼任できません（規程 第21条`);
    expect((await actor(P.auditor)).roles).toEqual(["auditor"]);
  });

  it("the org file: the audit lead cannot be the deputy (第21条); with the deputy turned off nobody can", () => {
    const auditorDeputy = ORG_YAML.replace("roles: [auditor] }", "roles: [auditor, deputyChief] }");
    const a = parseOrgFile(auditorDeputy, "ja");
    expect(a.ok ? [] : a.problems.map((p) => p.message)).toContain("個人情報保護監査責任者（auditor）は deputyChief を兼任できません（規程 第21条）");
    const off = parseOrgFile(ORG_YAML, "ja", { deputyChief: false });
    expect(off.ok ? [] : off.problems.map((p) => p.message)).toEqual([
      `deputyChief（${LABEL}）は設定 governance.deputyChief: false により使えません（規程 第3条・第20条に代理の定めはありません）`,
    ]);
    expect(parseOrgFile(ORG_YAML, "ja").ok).toBe(true);
    expect(parseSettings("governance:\n  deputyChief: false\n").governance.deputyChief).toBe(false);
    expect(defaultSettings().governance.deputyChief).toBe(true);
  });
});

describe("governance.deputyChief: false turns the deputy off", () => {
  let g: Harness;
  const gdb = () => g.bot.services.database.prisma;
  beforeAll(async () => {
    const settings = { ...defaultSettings(), governance: { deputyChief: false } };
    g = await startHarness({ orgYaml: ORG_YAML.replace("roles: [deputyChief] }", "roles: [] }"), settings });
    // a role stored before the company turned the deputy off
    await gdb().person.update({ where: { slackId: P.deputy }, data: { roles: ["deputyChief"] } });
  });
  afterAll(async () => {
    await g?.close();
  });

  it("a stored deputy role decides nothing, and an admin cannot give it", async () => {
    const { id, parent } = await fileRequest(g, P.employee, "purpose");
    await press(g, P.manager, parent, RequestActions.approve);
    const stage2 = await parentShows(g, parent, "第2段階");
    expect(shown(stage2)).not.toContain(`<@${P.deputy}>`);
    await press(g, P.deputy, stage2, RequestActions.approve);
    await ephemeralFor(g, P.deputy, "第2段階は個人情報管理責任者");
    expect((await gdb().request.findUniqueOrThrow({ where: { id } })).status).toBe("pending_chief");
    const refused = await privacy(g, P.admin, `admin role add <@${P.employee2}> deputyChief`);
    expect(refused.text).toContain("governance.deputyChief: false により置かれていません。規程 第3条・第20条に代理の定めはなく、当社の拡張です。");
    expect((await gdb().person.findUniqueOrThrow({ where: { slackId: P.employee2 } })).roles).toEqual([]);
  });
});
