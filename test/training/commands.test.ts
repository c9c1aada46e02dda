// /privacy training over signed HTTP: recording my completion (and what a wrong word
// gets), my courses, a manager's departments (percent, overdue names; others refused),
// the admin's CSV import modal (all or nothing, field error naming the lines, audit
// log), and the digest section built from an aggregate query.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOf } from "../../src/platform/pii/index.js";
import { ManualClock } from "../../src/platform/clock.js";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { TrainingViews } from "../../src/training/ids.js";
import { trainingDigest } from "../../src/training/digest.js";
import { recordCompletion } from "../../src/training/flows.js";
import { startHarness, type Harness } from "../support/harness.js";
import { JAPANESE, privacy, shown } from "../support/commands.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const jst = (s: string) => new Date(`${s}+09:00`);
const clock = new ManualClock(jst("2026-11-20T10:00:00"));
let h: Harness;

const db = () => h.bot.services.database.prisma;
const completions = (personId: string) => db().trainingCompletion.findMany({ where: { personId }, orderBy: { completedOn: "asc" } });

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("/privacy training done", () => {
  it("records my completion with its date and evidence link, says until when it is valid, and logs it", async () => {
    const a = await privacy(h, P.employee, "training done basic 2026-01-10 https://learn.example.com/cert/42");
    expect(a.shown).toContain("個人情報保護基礎研修 の受講（2026/01/10）を記録しました");
    expect(a.shown).toContain("有効期限は 2027/01/10");
    const rows = await completions(P.employee);
    expect(rows).toMatchObject([{ courseId: "basic", evidence: "https://learn.example.com/cert/42", source: "self", recordedBy: P.employee }]);
    expect(rows[0]!.completedOn.toISOString().slice(0, 10)).toBe("2026-01-10");
    const audit = await db().auditEntry.findFirst({ where: { action: "training.completed" }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({
      actorId: P.employee,
      subject: `person:${P.employee}`,
      data: { course: "basic", completedOn: "2026-01-10", evidence: sealOf(h.bot.services)("https://learn.example.com/cert/42") },
    });
  });

  it("the date defaults to today in Asia/Tokyo; the same completion twice is recorded once", async () => {
    clock.set(jst("2026-11-20T23:30:00")); // 14:30 UTC: still the 20th in Tokyo
    expect((await privacy(h, P.employee, "training done handler")).shown).toContain("2026/11/20");
    expect((await privacy(h, P.employee, "training done handler 2026-11-20")).shown).toContain("すでに記録されています");
    expect((await completions(P.employee)).filter((c) => c.courseId === "handler")).toHaveLength(1);
    clock.set(jst("2026-11-20T10:00:00"));
  });

  it("explains each wrong word and records nothing", async () => {
    const before = await db().trainingCompletion.count();
    const cases: [string, string][] = [
      ["training done", "コース：basic, manager, handler"],
      ["training done basics", "コース「basics」はありません。次のいずれかを指定してください：basic, manager, handler"],
      ["training done basic 2026-02-30", "「2026-02-30」は存在しない日付です"],
      ["training done basic 2026-11-21", "受講日 2026-11-21 は未来の日付です"],
      ["training done basic 2026-01-10 http://learn.example.com/cert", "https:// で始まる URL"],
      ["training done basic 2026-01-10 2026-01-11", "指定が多すぎます"],
      ["training fly", "/privacy training done <コース>"],
    ];
    for (const [text, expected] of cases) expect((await privacy(h, P.employee2, text)).shown, text).toContain(expected);
    expect(await db().trainingCompletion.count()).toBe(before);
  });

  it("answers in English for an English speaker; a course outside my audience is recorded with a note", async () => {
    const bad = await privacy(h, P.english, "training done basic 2026-13-01");
    expect(bad.shown).toContain('"2026-13-01" is not a date that exists');
    expect(bad.shown).not.toMatch(JAPANESE);
    const ok = await privacy(h, P.english, "training done manager 2026-11-01");
    expect(ok.shown).toContain("Recorded Privacy manager curriculum, completed 01/11/2026. Valid until 01/11/2027.");
    expect(ok.shown).toContain("You are not required to take this course");
  });
});

describe("/privacy training (mine)", () => {
  it("shows each course I must take: state, completed on, valid until, what to do", async () => {
    await recordCompletion(h.bot.services, { personId: P.manager, courseId: "basic", completedOn: "2025-12-10", evidence: null });
    const a = await privacy(h, P.manager, "training");
    expect(a.shown).toContain("研修の受講状況（規程 第28条）");
    expect(a.shown).toMatch(/個人情報保護基礎研修.*まもなく期限/);
    expect(a.shown).toContain("受講日：2025/12/10 · 有効期限：2026/12/10");
    expect(a.shown).toMatch(/個人情報管理者研修.*未受講/);
    expect(a.shown).toContain("受講記録なし · 受講期限：2026/12/20");
    expect(a.shown).toContain("/privacy training done manager");
    expect(a.shown).not.toContain("取扱担当者研修"); // not a handler
  });
});

describe("/privacy training status", () => {
  beforeAll(async () => {
    const s = h.bot.services;
    await recordCompletion(s, { personId: P.employee2, courseId: "basic", completedOn: "2025-10-01", evidence: null }); // expired 2026-10-01
    // Alex was first required on 2026-09-01 and never took basic: overdue since 10/2
    await db().trainingAssignment.create({ data: { personId: P.english, courseId: "basic", since: new Date("2026-09-01T00:00:00Z") } });
  });

  it("a manager sees their department: per course the percent complete and who is overdue", async () => {
    // 営業部: employee (valid), manager (valid), employee2 (expired), Alex (overdue, never), manager2 (not yet due)
    const a = await privacy(h, P.manager, "training status");
    expect(a.shown).toContain("*営業部*");
    expect(a.shown).toContain("個人情報保護基礎研修：40%（2/5人）");
    expect(a.shown).toContain("期限切れ：Alex Smith、田中 一郎");
    expect(a.shown).toContain("個人情報管理者研修：0%（0/2人）");
    expect(a.shown).toContain("個人情報取扱担当者研修：100%（1/1人）");
    expect(a.shown).not.toContain("開発部");
    expect(a.shown).not.toContain("法務部");
  });

  it("the chief sees every department; someone who manages none is refused", async () => {
    const chief = await privacy(h, P.chief, "training status");
    for (const d of ["営業部", "開発部", "法務部"]) expect(chief.shown).toContain(`*${d}*`);
    expect(chief.shown).toContain("個人情報保護基礎研修：0%（0/1人）"); // 開発部
    const refused = await privacy(h, P.employee, "training status");
    expect(refused.shown).toContain("部署の受講状況を見られるのは");
    expect(refused.shown).not.toContain("%");
  });

  it("the digest section: per department the percent and the overdue people, from one aggregate query", async () => {
    const b = h.bot;
    const section = await trainingDigest({
      services: b.services,
      calendar: b.calendar,
      settings: b.services.settings!,
      from: jst("2026-11-13T00:00:00"),
      to: jst("2026-11-20T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    expect(section).toMatchObject({ order: 30, title: "研修の受講率（規程 第28条）" });
    const text = section!.lines.join("\n");
    expect(text).toContain("*営業部*\n• 個人情報保護基礎研修：40%（2/5人）\n　期限切れ：Alex Smith、田中 一郎");
    expect(text).toContain("*法務部*\n• 個人情報保護基礎研修：0%（0/5人）");
  });
});

describe("/privacy training import", () => {
  const openModal = async () => {
    const seen = new Set(h.fake.openViews(P.admin).map((v) => v.id));
    const r = await h.slack.command(P.admin, "/privacy", "training import");
    expect(r.status).toBe(200);
    return h.fake.waitFor(() => h.fake.openViews(P.admin).find((v) => !seen.has(v.id) && v.view.callback_id === TrainingViews.import));
  };

  it("is for admins only", async () => {
    expect((await privacy(h, P.manager, "training import")).shown).toContain("管理者（admin）だけ");
    expect(h.fake.openViews(P.manager)).toEqual([]);
  });

  it("one bad line: a field error naming the line, and nothing is stored", async () => {
    const view = await openModal();
    const before = await db().trainingCompletion.count();
    const auditBefore = await db().auditEntry.count();
    const csv = ["slackId,course,completedOn,evidence", `${P.chief},basic,2026-04-01,`, `${P.deputy},basic,2026/4/31,`, `U0NOBODY,basic,2026-04-01,`].join(
      "\n",
    );
    const res = await h.slack.fillAndSubmit(P.admin, view.id, { csv });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_action: "errors" });
    expect(res.problems ?? []).toEqual([]);
    const error = h.fake.viewErrors(view.id)!.csv!;
    expect(error).toContain("何も取り込んでいません");
    expect(error).toContain("3行目：「2026/4/31」は存在しない日付です");
    expect(error).toContain("4行目：U0NOBODY は名簿にいません");
    expect(error).not.toContain("2行目");
    expect(await db().trainingCompletion.count()).toBe(before);
    expect(await db().auditEntry.count()).toBe(auditBefore);
  });

  it("a good CSV: every completion stored, the modal says how many, the import is in the decision log; a second part skips what is known", async () => {
    const view = await openModal();
    const csv = [
      "slackId,course,completedOn,evidence",
      `${P.chief},basic,2026-04-01,https://learn.example.com/c/1`,
      `${P.deputy},basic,2026-04-02,`,
      `"${P.compliance}",basic,"2026/04/03",`,
      `${P.soloManager},manager,2026-05-01,`,
    ].join("\n");
    const res = await h.slack.fillAndSubmit(P.admin, view.id, { csv });
    expect(res.body).toMatchObject({ response_action: "update" });
    expect(res.problems ?? []).toEqual([]);
    expect(shown(h.fake.view(view.id)!.view)).toContain("4 件の受講記録を取り込みました");
    expect(await completions(P.compliance)).toMatchObject([{ courseId: "basic", source: "import", recordedBy: P.admin }]);
    const audit = await db().auditEntry.findFirst({ where: { action: "training.imported" }, orderBy: { seq: "desc" } });
    expect(audit).toMatchObject({ actorId: P.admin, subject: "training:import", data: { lines: 4, recorded: 4, already: 0 } });
    // the evidence (free text) is on the completion row; the chain keeps its keyed hash
    expect((audit!.data as { completions: string[][] }).completions).toContainEqual([
      P.chief,
      "basic",
      "2026-04-01",
      sealOf(h.bot.services)("https://learn.example.com/c/1")!.hmac,
    ]);

    const second = await openModal();
    const part2 = ["course,slackId,completedOn", `basic,${P.chief},2026-04-01`, `basic,${P.auditor},2026-04-05`].join("\n");
    await h.slack.fillAndSubmit(P.admin, second.id, { csv: part2 });
    expect(shown(h.fake.view(second.id)!.view)).toContain("1 件の受講記録を取り込みました。1 件はすでに記録済みでした。");
    expect(await db().trainingCompletion.count({ where: { personId: P.chief } })).toBe(1);
    expect(await verifyChain(db())).toMatchObject({ ok: true });

    // the chief's department status reflects it
    expect((await privacy(h, P.chief, "training status")).shown).toContain("個人情報保護基礎研修：80%（4/5人）");
  });
});
