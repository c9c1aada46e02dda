// The digest's section on the annual audit and plan calendar, against the database:
// nothing when nothing is to report; otherwise the year's status with the documents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dutiesDigest } from "../../src/duties/digest.js";
import { dayDate } from "../../src/platform/day.js";
import { defaultPlan } from "../../src/duties/rules.js";
import { ManualClock } from "../../src/platform/clock.js";
import { silentLogger } from "../../src/platform/log.js";
import { BusinessCalendar } from "../../src/platform/schedule/calendar.js";
import type { Services } from "../../src/platform/services.js";
import { defaultSettings } from "../../src/settings.js";
import { testDatabase } from "../support/db.js";

const jst = (s: string) => new Date(`${s}+09:00`);
const calendar = new BusinessCalendar({ timeZone: "Asia/Tokyo" });
const settings = defaultSettings();
const PLAN = "https://docs.example.co.jp/privacy/2026/plan.pdf";
const AUDIT_PLAN = "https://docs.example.co.jp/privacy/2026/audit-plan.pdf";

let database: Awaited<ReturnType<typeof testDatabase>>;
let services: Services;

const digest = (now: string, from: string, lang: "ja" | "en" = "ja") =>
  dutiesDigest({ services, calendar, settings, from: jst(`${from}T00:00:00`), to: jst(`${now}T00:00:00`), now: jst(`${now}T09:00:00`), lang });

beforeAll(async () => {
  database = await testDatabase();
  const clock = new ManualClock(jst("2026-08-03T09:00:00"));
  services = { database, clock, log: silentLogger, timeZone: "Asia/Tokyo", calendar, settings } as unknown as Services;
  const now = clock.now();
  await database.prisma.dutyYear.create({
    data: {
      fiscalYear: 2026,
      startsOn: dayDate("2026-04-01"),
      endsOn: dayDate("2027-03-31"),
      channelId: "C0COMPLIANCE",
      messageTs: "1777777777.000100",
      createdAt: now,
    },
  });
  await database.prisma.dutyOccurrence.createMany({
    data: defaultPlan(2026, 4).map((p) => ({
      fiscalYear: 2026,
      kind: p.kind,
      dueOn: dayDate(p.dueOn),
      ownerRole: p.ownerRole,
      createdAt: now,
      updatedAt: now,
    })),
  });
  await database.prisma.dutyOccurrence.update({
    where: { fiscalYear_kind: { fiscalYear: 2026, kind: "protection-plan" } },
    data: { closedOn: dayDate("2026-04-24"), closedBy: "U0CHIEF", closedAt: jst("2026-04-24T15:00:00"), documentUrl: PLAN },
  });
  await database.prisma.dutyOccurrence.update({
    where: { fiscalYear_kind: { fiscalYear: 2026, kind: "audit-plan" } },
    data: { closedOn: dayDate("2026-05-27"), closedBy: "U0AUDITOR", closedAt: jst("2026-05-27T11:00:00"), documentUrl: AUDIT_PLAN },
  });
});
afterAll(async () => database?.dispose());

describe("dutiesDigest", () => {
  it("says nothing in a week with nothing done and nothing due within 30 days or overdue", async () => {
    expect(await digest("2026-08-03", "2026-07-27")).toBeNull();
  });

  it("reports the year's status with links when a duty was done in the period", async () => {
    const s = (await digest("2026-05-29", "2026-05-22"))!;
    expect(s.order).toBe(40);
    expect(s.title).toBe("年間の監査・計画（2026年度）");
    expect(s.lines[0]).toBe("完了 2/6");
    expect(s.lines.join("\n")).toContain(`<${AUDIT_PLAN}|文書>`);
    expect(s.lines.join("\n")).toContain(`<${PLAN}|文書>`);
    // linked to the year's message in the compliance channel
    expect(s.lines[1]).toContain("archives/C0COMPLIANCE/p1777777777000100");
  });

  it("reports a duty due within 30 days, and an overdue one", async () => {
    const soon = (await digest("2027-01-04", "2026-12-28"))!;
    expect(soon.lines.join("\n")).toContain("監査の実施（第30条1項・第21条2項）");
    expect(soon.lines.join("\n")).toContain("あと25日");
    const late = (await digest("2027-02-01", "2027-01-25", "en"))!;
    expect(late.title).toBe("Annual audits and plans (FY2026)");
    expect(late.lines.join("\n")).toContain("Audit carried out (Art. 30(1), 21(2))");
    expect(late.lines.join("\n")).toContain("3 days overdue");
    expect(late.lines.join("\n")).toContain("Audit report written and reported to the board");
  });

  it("reads a year not yet created as its default plan, without writing", async () => {
    const s = (await digest("2027-04-05", "2027-03-29"))!;
    expect(s.title).toBe("年間の監査・計画（2027年度）");
    expect(s.lines.join("\n")).toContain("2027年度 個人情報保護計画の立案・文書化（第25条）");
    expect(await database.prisma.dutyOccurrence.count({ where: { fiscalYear: 2027 } })).toBe(0);
    // the previous year's duties still open come along
    expect(s.lines.join("\n")).toContain("2026年度 監査の実施");
  });
});
