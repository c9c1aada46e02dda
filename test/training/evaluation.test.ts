// 規程 第28条 over signed HTTP: training is evaluated (passed, score) and reaches the
// processors' staff ("預託先等の関係者"), who are recorded by the processor's code and a
// reference the processor gives, never by name, and never in the clear in the audit chain.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { ManualClock } from "../../src/platform/clock.js";
import { sealOf } from "../../src/platform/pii/index.js";
import { TrainingViews } from "../../src/training/ids.js";
import { privacy, shown } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const jst = (s: string) => new Date(`${s}+09:00`);
const clock = new ManualClock(jst("2026-11-20T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const PROCESSOR = "PRV-2026-0009";

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  // a processor the company entrusted (created when an entrustment request becomes effective)
  await db().processor.create({
    data: {
      requestId: "r-processor",
      requestCode: PROCESSOR,
      name: "株式会社アクメ",
      departmentId: "sales",
      responsibleId: P.manager,
      inspectionMonths: 12,
      nextInspectionDue: new Date("2027-11-20T00:00:00Z"),
      retentionYears: 7,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    },
  });
});
afterAll(async () => h?.close());

async function importCsv(csv: string) {
  const seen = new Set(h.fake.openViews(P.admin).map((v) => v.id));
  await h.slack.command(P.admin, "/privacy", "training import");
  const view = await h.fake.waitFor(() => h.fake.openViews(P.admin).find((v) => !seen.has(v.id) && v.view.callback_id === TrainingViews.import));
  const res = await h.slack.fillAndSubmit(P.admin, view.id, { csv });
  expect(res.status).toBe(200);
  return { view, res };
}

describe("the evaluation of 第28条", () => {
  it("is recorded with the completion; a failed evaluation does not count as done", async () => {
    const before = (await privacy(h, P.employee, "training")).shown;
    const { view } = await importCsv(
      ["slackId,course,completedOn,passed,score", `${P.employee},basic,2026-11-02,不合格,40`, `${P.employee2},basic,2026-11-02,yes,85`].join("\n"),
    );
    expect(shown(h.fake.view(view.id)!.view)).toContain("2 件の受講記録を取り込みました");
    const rows = await db().trainingCompletion.findMany({ where: { personId: { in: [P.employee, P.employee2] } }, orderBy: { personId: "asc" } });
    expect(rows.map((r) => [r.personId, r.passed, r.score])).toEqual([
      [P.employee, false, 40],
      [P.employee2, true, 85],
    ]);
    // the one who failed still has the course to take, and sees why; the one who passed has it until 2027/11/02
    const failed = (await privacy(h, P.employee, "training")).shown;
    expect(failed).toContain("評価（規程 第28条）：不合格・40点（2026/11/02");
    expect(failed).toContain("不合格の受講は受講済みに数えません");
    expect(failed.replace(/\n?評価（規程 第28条）[^\n"]*/, "")).toBe(before);
    const passed = (await privacy(h, P.employee2, "training")).shown;
    expect(passed).toContain("2027/11/02");
    expect(passed).toContain("評価（規程 第28条）：合格・85点");
    const audit = await db().auditEntry.findFirst({ where: { action: "training.imported" }, orderBy: { seq: "desc" } });
    expect((audit!.data as { completions: string[][] }).completions).toContainEqual([P.employee, "basic", "2026-11-02", "passed=false", "score=40"]);
  });

  it("refuses an evaluation that is not one", async () => {
    const { view, res } = await importCsv(["slackId,course,completedOn,passed,score", `${P.chief},basic,2026-11-02,maybe,101`].join("\n"));
    expect(res.body).toMatchObject({ response_action: "errors" });
    const error = h.fake.viewErrors(view.id)!.csv!;
    expect(error).toContain("2行目：passed「maybe」は 合格/不合格（yes/no）ではありません");
    expect(error).toContain("2行目：score「101」は 0〜100 の整数ではありません");
  });
});

describe("processors' staff (第28条 預託先等の関係者)", () => {
  it("are recorded by the processor's code and its reference, and the chain keeps only the reference's keyed hash", async () => {
    const { view } = await importCsv(
      ["slackId,processor,staffRef,course,completedOn,passed,score", `,${PROCESSOR},ACME-017,basic,2026-11-10,合格,92`].join("\n"),
    );
    expect(shown(h.fake.view(view.id)!.view)).toContain("1 件の受講記録を取り込みました");
    const row = await db().trainingCompletion.findFirstOrThrow({ where: { processorCode: PROCESSOR } });
    expect(row).toMatchObject({ personId: `${PROCESSOR}:ACME-017`, courseId: "basic", passed: true, score: 92, source: "import" });
    const audit = await db().auditEntry.findFirst({ where: { action: "training.imported" }, orderBy: { seq: "desc" } });
    expect(JSON.stringify(audit!.data)).not.toContain("ACME-017");
    expect((audit!.data as { completions: string[][] }).completions).toEqual([
      [`${PROCESSOR}:${sealOf(h.bot.services)("ACME-017")!.hmac}`, "basic", "2026-11-10", "passed=true", "score=92"],
    ]);
    expect(await verifyChain(db())).toMatchObject({ ok: true });
  });

  it("refuses a processor the company has no record of, and a name instead of a reference", async () => {
    const before = await db().trainingCompletion.count();
    const { view } = await importCsv(
      ["slackId,processor,staffRef,course,completedOn", `,PRV-2026-0999,ACME-018,basic,2026-11-10`, `,${PROCESSOR},山田 太郎,basic,2026-11-10`].join("\n"),
    );
    const error = h.fake.viewErrors(view.id)!.csv!;
    expect(error).toContain("2行目：委託先「PRV-2026-0999」は記録にありません");
    expect(error).toContain("3行目：staffRef「山田 太郎」は委託先が付けた番号");
    expect(error).toContain("氏名は記録しません");
    expect(await db().trainingCompletion.count()).toBe(before);
  });
});
