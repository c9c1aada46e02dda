// Personal data typed into every free-text field of an incident's life: the report
// (summary, contact), the assessment (cause) and a reassessment's reason, the regulator
// report's items 5-9, a report's reference, the reasons a task does not apply and the
// recurrence prevention that closes it. The chain, its export and the digest hold none of
// it; the incident, its tasks and AuditText (all erasable) hold what the work needs. The
// fields that describe data (the report's data, the assessment's items) refuse values.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { AssessBlocks, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { incidentSlackMessages } from "../../src/incidents/slackMessages.js";
import { assessIncident } from "../../src/incidents/report/flows.js";
import { updateDetails } from "../../src/incidents/details/flows.js";
import { moveIncident } from "../../src/incidents/status/flows.js";
import { closeIncident, updateTask } from "../../src/incidents/tasks/flows.js";
import { eraseKeptTexts, sealOf } from "../../src/platform/pii/index.js";
import { verifyChain } from "../../src/platform/audit/chain.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, newView } from "../support/clock.js";
import { reportAndTriage } from "../incidents/fixture.js";
import { expectNothingKept, personal } from "./piiSupport.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const typed: string[] = [];
const t = (label: string, n: number) => {
  const v = personal(label, n);
  typed.push(v);
  return v;
};

let id: string;
let code: string;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("personal data in every free-text field of an incident", () => {
  it("the report's data refuses the customer's details (kinds, not values); the summary and contact keep them on the incident", async () => {
    const view = await newView(h, P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee, view.id, {
      [ReportBlocks.summary]: "x",
      [ReportBlocks.discoveredOn]: "2026-11-24",
      [ReportBlocks.discoveredTime]: "09:30",
      [ReportBlocks.affected]: "1-9",
      [ReportBlocks.ongoing]: "no",
      [ReportBlocks.processor]: "no",
      [ReportBlocks.data]: personal("データ", 1),
    });
    expect(h.fake.viewErrors(view.id)?.[ReportBlocks.data]).toBe(incidentSlackMessages("ja").problem.categoriesNotValues);
    expect(await db().incident.count()).toBe(0);

    const summary = t("概要", 0);
    const contact = t("連絡先", 1).slice(0, 200);
    const cause = t("原因", 2);
    ({ code, id } = await reportAndTriage(
      h,
      clock,
      { [ReportBlocks.summary]: summary, [ReportBlocks.data]: "顧客の氏名・電話番号", [ReportBlocks.processor]: "no", [ReportBlocks.contact]: contact },
      { [AssessBlocks.categories]: [], [AssessBlocks.affectedCount]: "5", [AssessBlocks.processor]: "no", [AssessBlocks.cause]: cause },
    ));
    typed.push(contact);
    expect(await db().incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ summary, contact, cause });
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.reported", subject: `incident:${code}` } });
    expect(entry.data).toMatchObject({ summary: sealOf(h.bot.services)(summary), contact: sealOf(h.bot.services)(contact), affectedEstimate: "100-1000" });
  });

  it("a reassessment's reason, items 5-9 (twice, so earlier values exist), a reference, task reasons and the closing", async () => {
    const s = h.bot.services;
    const assessment = { sensitive: false, financialLoss: false, malicious: false, affectedCount: 5, stronglyEncrypted: false, asProcessor: false };
    const reason = t("再評価理由", 0);
    expect(
      await assessIncident(s, { incidentId: id, actorId: P.chief, answers: { assessment, dataItems: "氏名、電話番号", cause: t("原因2", 1), reason } }),
    ).toMatchObject({
      ok: true,
      reassessed: true,
    });
    const items = (n: number) => ({
      secondaryHarm: t(`二次被害${n}`, n),
      responseToPeople: t(`本人対応${n}`, n + 1),
      publication: t(`公表${n}`, n + 2),
      recurrencePrevention: t(`再発防止${n}`, n),
      otherMatters: t(`その他${n}`, n + 1),
    });
    const first = items(0);
    expect(await updateDetails(s, { incidentId: id, actorId: P.chief, details: first, opened: null })).toMatchObject({ ok: true });
    expect(await updateDetails(s, { incidentId: id, actorId: P.chief, details: items(1), opened: null })).toMatchObject({ ok: true });
    expect(await moveIncident(s, { incidentId: id, actorId: P.chief, event: "contain" })).toMatchObject({ ok: true });
    const reference = t("受付番号", 2).slice(0, 200);
    typed.push(reference);
    expect(await moveIncident(s, { incidentId: id, actorId: P.chief, event: "reportPreliminary", submittedAt: clock.now(), reference })).toMatchObject({
      ok: true,
    });
    const finalRef = t("確報番号", 0).slice(0, 200);
    typed.push(finalRef);
    expect(await moveIncident(s, { incidentId: id, actorId: P.chief, event: "reportFinal", submittedAt: clock.now(), reference: finalRef })).toMatchObject({
      ok: true,
    });
    const open = await db().incidentTask.findMany({ where: { incidentId: id, status: "open" } });
    for (const [n, task] of open.entries())
      expect(await updateTask(s, { incidentId: id, key: task.key, actorId: P.chief, to: "na", reason: t(`該当なし${task.key}`, n) })).toMatchObject({
        ok: true,
      });
    const closing = t("再発防止策", 1);
    expect(await closeIncident(s, { incidentId: id, actorId: P.chief, recurrencePrevention: closing })).toMatchObject({ ok: true });
    await s.outbox.flush();

    // the erasable records hold the texts the work needs
    expect(await db().incident.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "closed", recurrencePrevention: closing });
    for (const task of open) expect((await db().incidentTask.findUniqueOrThrow({ where: { id: task.id } })).naReason).toContain(`該当なし${task.key}`);
    const kept = await db().auditText.findMany({ where: { subject: `incident:${code}` } });
    expect(kept.map((k) => k.text)).toEqual(expect.arrayContaining([reason, reference, first.secondaryHarm, first.publication]));
    expect(open.length).toBeGreaterThan(0);
  });

  it("none of it is in the chain, its export or the digest", async () => {
    await expectNothingKept(h, typed);
  });

  it("on a data subject's request the texts are erased from the rows; the chain still verifies and keeps the seals", async () => {
    const before = await db().auditEntry.count();
    await db().$transaction(async (tx) => {
      expect(await eraseKeptTexts(tx, `incident:${code}`, clock.now())).toBeGreaterThan(3);
      await tx.incident.update({ where: { id }, data: { summary: "（消去済み）", contact: null, cause: null } });
    });
    expect(await db().auditText.count({ where: { subject: `incident:${code}`, text: { not: null } } })).toBe(0);
    expect(await db().auditEntry.count()).toBe(before);
    expect(await verifyChain(db())).toMatchObject({ ok: true });
    const reported = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.reported", subject: `incident:${code}` } });
    expect((reported.data as { summary: { hmac: string } }).summary.hmac).toMatch(/^[0-9a-f]{32}$/);
  });
});
