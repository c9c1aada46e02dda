// Two bot replicas on one PostgreSQL run `incidents.escalations`: for the same moment (the
// run is claimed once) and for two moments at once within the same step (the once-only
// notice keys race): every escalation and every deadline reminder DM goes out once.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onPostgres, testDatabase } from "../support/db.js";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const JOB = "incidents.escalations";
const jst = (s: string) => new Date(`${s}+09:00`);
const endOfDay = (day: string) => new Date(jst(`${day}T00:00:00`).getTime() + 86_400_000 - 1);
/** incidents nobody acknowledged, and incidents with a task owned by its own person, per batch */
const UNACKED = 15;
const OWNED = 25;
/** of the owned, the first few are past their deadline (the chief and compliance copied) */
const PASSED = 4;

type Db = Awaited<ReturnType<typeof testDatabase>>;
let db: Db;
let schema: string;

async function replica(slot: Date, ...extra: string[]): Promise<{ ran: boolean; result?: Record<string, number> }> {
  try {
    const r = await run(TSX, [path.join(ROOT, "test/incidents/replica.ts"), db.url!, schema, slot.toISOString(), ...extra], { cwd: ROOT, timeout: 90_000 });
    return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  } catch (e) {
    const err = e as { code?: number; stderr?: string };
    throw new Error(`replica failed (${err.code}): ${err.stderr?.slice(-2000)}`);
  }
}

/** The DMs queued for `person` whose text contains `text` (the outbox is what Slack will receive). */
async function dms(person: string, text: string): Promise<number> {
  const rows = await db.prisma.outboxMessage.findMany({ where: { orderKey: `dm:${person}`, method: "chat.postMessage" }, select: { payload: true } });
  return rows.filter((r) => String((r.payload as { text?: string }).text ?? "").includes(text)).length;
}
const ESCALATION = "まだ誰も受領していません";
const REMINDER = "個人情報の事故の期限";

/** A batch: UNACKED incidents reported at `reportedAt`, OWNED assessed ones whose 速報 task is due `due` (the first PASSED `passedDue`). */
async function seed(batch: string, reportedAt: Date, due: Date, passedDue: Date) {
  const base = {
    status: "open",
    summary: "誤送信",
    discoveredAt: reportedAt,
    reportedAt,
    reporterId: "UREP",
    dataDescription: "氏名",
    affectedEstimate: "10-99",
    ongoing: "no",
    asProcessor: false,
    channelId: "C0INCIDENTS",
    createdAt: reportedAt,
    updatedAt: reportedAt,
  };
  await db.prisma.incident.createMany({
    data: Array.from({ length: UNACKED }, (_, n) => ({
      ...base,
      code: `INC-2026-${batch}${String(n).padStart(3, "0")}`,
      messageTs: `1764600000.${batch}${String(n).padStart(5, "0")}`,
    })),
  });
  const assessment = { sensitive: true, financialLoss: false, malicious: false, affectedCount: 50, stronglyEncrypted: false, asProcessor: false };
  for (let n = 0; n < OWNED; n++) {
    const i = await db.prisma.incident.create({
      data: {
        ...base,
        code: `INC-2026-${batch}${String(500 + n)}`,
        status: "triaged",
        assessment,
        acknowledgedAt: reportedAt,
        acknowledgedBy: "UCHIEF",
        preliminaryReportDueAt: n < PASSED ? passedDue : due,
        messageTs: `1764600000.${batch}${String(500 + n).padStart(5, "0")}`,
      },
    });
    await db.prisma.incidentTask.createMany({
      data: [
        {
          incidentId: i.id,
          key: "preliminary-report",
          ownerId: `UO${batch}${n}`,
          dueAt: n < PASSED ? passedDue : due,
          status: "open",
          createdAt: reportedAt,
          updatedAt: reportedAt,
        },
        // done: never reminded
        {
          incidentId: i.id,
          key: "people-notified",
          ownerId: `UO${batch}${n}`,
          dueAt: due,
          status: "done",
          doneBy: "UCHIEF",
          doneAt: reportedAt,
          createdAt: reportedAt,
          updatedAt: reportedAt,
        },
      ],
    });
  }
  await db.prisma.person.createMany({
    data: Array.from({ length: OWNED }, (_, n) => ({ slackId: `UO${batch}${n}`, name: `担当${batch}-${n}`, departmentId: "legal", roles: [] })),
  });
}

describe.skipIf(!onPostgres)("incidents.escalations with two replicas on one PostgreSQL", () => {
  beforeAll(async () => {
    db = await testDatabase();
    schema = (await db.query<{ s: string }>("SELECT current_schema() AS s"))[0]!.s;
    await db.prisma.department.create({ data: { id: "legal", name: "法務部" } });
    await db.prisma.person.createMany({
      data: [
        { slackId: "UCHIEF", name: "責任者", departmentId: "legal", roles: ["chief"] },
        { slackId: "UDEPUTY", name: "副責任者", departmentId: "legal", roles: ["deputyChief"] },
        { slackId: "UCOMPLY", name: "コンプライアンス", departmentId: "legal", roles: ["compliance"] },
        { slackId: "UREP", name: "報告者", departmentId: "legal", roles: [] },
      ],
    });
    await seed("1", jst("2026-12-02T10:00:00"), endOfDay("2026-12-02"), endOfDay("2026-12-01"));
  }, 60_000);
  afterAll(async () => db?.dispose());

  it("the same moment on two replicas: one runs it; each escalation and each reminder DM once", async () => {
    const slot = jst("2026-12-02T10:31:00");
    const [a, b] = await Promise.all([replica(slot), replica(slot)]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect(await dms("UDEPUTY", ESCALATION)).toBe(UNACKED);
    expect(await dms("UCOMPLY", ESCALATION)).toBe(UNACKED);
    // the owner of each task, once; the task done is not in it
    for (let n = 0; n < OWNED; n++) expect(await dms(`UO1${n}`, REMINDER)).toBe(1);
    // the passed ones copy the chief and compliance: one DM each, listing them all
    expect(await dms("UCHIEF", REMINDER)).toBe(1);
    expect(await dms("UCOMPLY", REMINDER)).toBe(1);
    expect(await db.prisma.auditEntry.count({ where: { action: "incident.reminded" } })).toBe(OWNED);
    expect(await db.prisma.auditEntry.count({ where: { action: "incident.escalated" } })).toBe(UNACKED);
    expect(await db.prisma.jobRun.findMany({ where: { job: JOB }, select: { status: true } })).toEqual([{ status: "done" }]);
  }, 120_000);

  it("two moments at once at the same steps (two replicas, two slots, forced): still each once", async () => {
    await seed("2", jst("2026-12-02T11:00:00"), endOfDay("2026-12-03"), endOfDay("2026-12-01"));
    // 11:31 and 11:36: the new incidents are 31 and 36 minutes old (the 30-minute step), the
    // new tasks 24 hours before their deadline or past it; the first batch's keys are spent
    const [a, b] = await Promise.all([replica(jst("2026-12-02T11:31:00"), "--force"), replica(jst("2026-12-02T11:36:00"), "--force")]);
    expect(a.ran && b.ran).toBe(true);
    expect((a.result!.escalated ?? 0) + (b.result!.escalated ?? 0)).toBe(UNACKED);
    expect(await dms("UDEPUTY", ESCALATION)).toBe(2 * UNACKED);
    for (let n = 0; n < OWNED; n++) {
      expect(await dms(`UO2${n}`, REMINDER)).toBe(1);
      expect(await dms(`UO1${n}`, REMINDER)).toBe(1);
    }
    expect(await db.prisma.auditEntry.count({ where: { action: "incident.reminded" } })).toBe(2 * OWNED);
    expect(await db.prisma.auditEntry.count({ where: { action: "incident.escalated" } })).toBe(2 * UNACKED);
    // the chief: one more DM at most per run that found passed deadlines, never a repeat of an item
    const chiefItems = await db.prisma.auditEntry.count({ where: { action: "incident.reminded", data: { path: ["stage"], equals: "passed" } } });
    expect(chiefItems).toBe(2 * PASSED);
  }, 120_000);
});
