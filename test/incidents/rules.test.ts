// The incident rules without Slack or a database: reportability (施行規則 第7条) for every
// combination of categories, the deadlines counted from the discovery in Japanese days,
// the encrypted exclusion, the 1,000-person threshold, the processor and telecom cases,
// reassessment, the task checklist, closing, the status flow, escalation and reminders.
import { describe, expect, it } from "vitest";
import {
  canClose,
  canMove,
  deadlineReminders,
  deadlines,
  dueAfterDays,
  escalationsDue,
  incidentNoticeKey,
  INCIDENT_EVENTS,
  INCIDENT_STATUSES,
  initialTasks,
  markDone,
  markNotApplicable,
  reportability,
  statusAfter,
  tasksAfterReassessment,
  TASK_KEYS,
  type Assessment,
  type IncidentStatus,
  type IncidentTask,
  type ReasonCode,
} from "../../src/incidents/rules.js";
import { reassess, taskDefinitions } from "../../src/incidents/wording.js";

// 2026-04-01 10:00 JST (a Wednesday)
const discoveredAt = new Date("2026-04-01T01:00:00Z");
/** the end of a Japanese day, 23:59:59.999 JST */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+09:00`);

const base: Assessment = {
  sensitive: false,
  financialLoss: false,
  malicious: false,
  affectedCount: 10,
  stronglyEncrypted: false,
  asProcessor: false,
};
const assess = (over: Partial<Assessment>): Assessment => ({ ...base, ...over });

describe("reportability and deadlines for each combination of the four categories", () => {
  const combos: { sensitive: boolean; financialLoss: boolean; malicious: boolean; over1000: boolean }[] = [];
  for (let i = 0; i < 16; i++) combos.push({ sensitive: !!(i & 1), financialLoss: !!(i & 2), malicious: !!(i & 4), over1000: !!(i & 8) });

  it.each(combos)("sensitive=$sensitive financialLoss=$financialLoss malicious=$malicious over1000=$over1000", (c) => {
    const a = assess({ sensitive: c.sensitive, financialLoss: c.financialLoss, malicious: c.malicious, affectedCount: c.over1000 ? 1500 : 20 });
    const expectedReasons: ReasonCode[] = [];
    if (c.sensitive) expectedReasons.push("sensitive");
    if (c.financialLoss) expectedReasons.push("financial-loss");
    if (c.malicious) expectedReasons.push("malicious");
    if (c.over1000) expectedReasons.push("over-1000");
    const reportable = expectedReasons.length > 0;

    const r = reportability(a);
    expect(r).toEqual({ reportable, reasons: expectedReasons, reportedBy: reportable ? "company" : null, countUnknown: false, undetermined: false });

    const d = deadlines(discoveredAt, a);
    expect(d).toEqual({
      preliminaryReportDueAt: reportable ? endOf("2026-04-03") : null,
      // day 1 is the day of discovery: 30 days end on 30 April, 60 days on 30 May
      finalReportDueAt: reportable ? endOf(c.malicious ? "2026-05-30" : "2026-04-30") : null,
      // the company's policies: notice for every leak (seed 002 §7(1)[1], 004 §11(1)[1])
      peopleNoticeDueAt: endOf("2026-04-03"),
      clientToldDueAt: null,
      ministryReportDueAt: null,
      secrecyFirstReportDueAt: null,
      secrecyDetailedReportDueAt: null,
      partnerInvestigationDueAt: null,
      partnerRecurrenceDueAt: null,
    });

    // strongly encrypted: excluded from every category, the reasons say which and why
    const enc = { ...a, stronglyEncrypted: true };
    expect(reportability(enc)).toEqual({
      reportable: false,
      reasons: reportable ? [...expectedReasons, "encrypted"] : [],
      reportedBy: null,
      countUnknown: false,
      undetermined: false,
    });
    const { peopleNoticeDueAt, ...regulator } = deadlines(discoveredAt, enc);
    expect(Object.values(regulator).every((x) => x === null)).toBe(true);
    expect(peopleNoticeDueAt).toEqual(endOf("2026-04-03"));
  });
});

describe("the number of people", () => {
  it("more than 1,000 is reportable; exactly 1,000 is not (第7条4号 '1,000人を超える')", () => {
    expect(reportability(assess({ affectedCount: 1001 }))).toMatchObject({ reportable: true, reasons: ["over-1000"] });
    expect(reportability(assess({ affectedCount: 1000 }))).toMatchObject({ reportable: false, reasons: [] });
    expect(deadlines(discoveredAt, assess({ affectedCount: 1000 })).finalReportDueAt).toBeNull();
    expect(deadlines(discoveredAt, assess({ affectedCount: 1001 })).finalReportDueAt).toEqual(endOf("2026-04-30"));
  });

  it("an unknown count is undetermined (要判断), never 'not reportable'; another category still makes it reportable", () => {
    expect(reportability(assess({ affectedCount: null }))).toEqual({
      reportable: false,
      reasons: [],
      reportedBy: null,
      countUnknown: true,
      undetermined: true,
    });
    expect(deadlines(discoveredAt, assess({ affectedCount: null })).preliminaryReportDueAt).toEqual(endOf("2026-04-03"));
    expect(reportability(assess({ affectedCount: null, sensitive: true }))).toEqual({
      reportable: true,
      reasons: ["sensitive"],
      reportedBy: "company",
      countUnknown: true,
      undetermined: false,
    });
    expect(deadlines(discoveredAt, assess({ affectedCount: null, malicious: true })).finalReportDueAt).toEqual(endOf("2026-05-30"));
  });
});

describe("counting days", () => {
  it("counts Japanese days: found at 08:30 JST (23:30 UTC the day before) counts from the Japanese day", () => {
    const early = new Date("2026-03-31T23:30:00Z");
    expect(deadlines(early, assess({ sensitive: true }))).toEqual(deadlines(discoveredAt, assess({ sensitive: true })));
    // found at 23:50 JST: day 1 is nearly over, the 速報 is still due by the end of day 3
    expect(dueAfterDays(new Date("2026-04-01T14:50:00Z"), 3)).toEqual(endOf("2026-04-03"));
  });

  it("includes weekends and holidays and never moves a deadline later (Golden Week included)", () => {
    // found Thursday 30 April; day 3 is Saturday 2 May
    expect(dueAfterDays(new Date("2026-04-30T03:00:00Z"), 3)).toEqual(endOf("2026-05-02"));
  });

  it("the Civil Code reading (day 1 is the next day) is an option, one day later", () => {
    expect(deadlines(discoveredAt, assess({ sensitive: true }), { countFrom: "next-day" }).finalReportDueAt).toEqual(endOf("2026-05-01"));
  });

  it("the periods are configurable and must be whole days of at least 1", () => {
    const d = deadlines(discoveredAt, assess({ malicious: true }), { preliminaryDays: 5, noticeDays: 7, finalDaysMalicious: 45 });
    expect(d.preliminaryReportDueAt).toEqual(endOf("2026-04-05"));
    expect(d.peopleNoticeDueAt).toEqual(endOf("2026-04-07"));
    expect(d.finalReportDueAt).toEqual(endOf("2026-05-15"));
    expect(() => deadlines(discoveredAt, base, { preliminaryDays: 0 })).toThrow(RangeError);
    expect(() => deadlines(discoveredAt, base, { finalDays: 2.5 })).toThrow(RangeError);
  });
});

describe("the processor case (APPI Art.26(1) proviso)", () => {
  it("a reportable incident is reported by the client: we tell the client instead of the PPC and the people", () => {
    const a = assess({ asProcessor: true, sensitive: true, malicious: true });
    expect(reportability(a)).toEqual({
      reportable: true,
      reasons: ["sensitive", "malicious", "processor"],
      reportedBy: "client",
      countUnknown: false,
      undetermined: false,
    });
    expect(deadlines(discoveredAt, a)).toEqual({
      preliminaryReportDueAt: null,
      finalReportDueAt: null,
      peopleNoticeDueAt: null,
      clientToldDueAt: endOf("2026-04-02"),
      ministryReportDueAt: null,
      secrecyFirstReportDueAt: null,
      secrecyDetailedReportDueAt: null,
      partnerInvestigationDueAt: null,
      partnerRecurrenceDueAt: null,
    });
  });

  it("the client is told of every incident with its data, reportable or not, by its own configurable day", () => {
    const a = assess({ asProcessor: true });
    expect(reportability(a).reportable).toBe(false);
    expect(deadlines(discoveredAt, a).clientToldDueAt).toEqual(endOf("2026-04-02"));
    expect(deadlines(discoveredAt, a, { clientDays: 1 }).clientToldDueAt).toEqual(endOf("2026-04-01"));
  });
});

describe("telecom (seed 004 §11 [3])", () => {
  it("adds the ministry report, due 'immediately' (by the end of the day of discovery), for every leak", () => {
    expect(deadlines(discoveredAt, assess({ telecom: true })).ministryReportDueAt).toEqual(endOf("2026-04-01"));
    expect(deadlines(discoveredAt, assess({ telecom: true, stronglyEncrypted: true, sensitive: true })).ministryReportDueAt).toEqual(endOf("2026-04-01"));
    const both = deadlines(discoveredAt, assess({ telecom: true, financialLoss: true }), { ministryDays: 2 });
    expect(both.ministryReportDueAt).toEqual(endOf("2026-04-02"));
    expect(both.finalReportDueAt).toEqual(endOf("2026-04-30"));
    expect(deadlines(discoveredAt, assess({ telecom: false })).ministryReportDueAt).toBeNull();
  });
});

describe("reassessment", () => {
  it("malicious turned on moves the final report from 30 to 60 days and says why", () => {
    const r = reassess(assess({ sensitive: true }), assess({ sensitive: true, malicious: true }), discoveredAt);
    expect(r.assessmentChanges).toEqual([{ field: "malicious", from: false, to: true }]);
    expect(r.changes).toEqual([
      { deadline: "finalReportDueAt", kind: "moved", from: endOf("2026-04-30"), to: endOf("2026-05-30"), because: ["malicious"], days: { from: 30, to: 60 } },
    ]);
    expect(r.after.deadlines.finalReportDueAt).toEqual(endOf("2026-05-30"));
    expect(r.lines).toEqual([
      "不正の目的のおそれ：なし → あり",
      "報告の要否：報告対象（要配慮個人情報の漏えい等（施行規則第7条1号）） → 報告対象（要配慮個人情報の漏えい等（施行規則第7条1号）、不正の目的をもって行われたおそれがある漏えい等（第7条3号））",
      "確報の期限：2026/04/30 23:59 → 2026/05/30 23:59（30日以内 → 60日以内、不正の目的のおそれの変更による）",
    ]);
    const en = reassess(assess({ sensitive: true }), assess({ sensitive: true, malicious: true }), discoveredAt, { lang: "en" });
    expect(en.lines[2]).toBe("Final report due: 30/04/2026, 23:59 → 30/05/2026, 23:59 (within 30 days → within 60 days; because of: Possibly malicious)");
  });

  it("a count found to exceed 1,000 makes it reportable: the regulator deadlines appear (the notice was already due)", () => {
    const r = reassess(assess({ affectedCount: 800 }), assess({ affectedCount: 1200 }), discoveredAt);
    expect(r.before.reportability.reportable).toBe(false);
    expect(r.after.reportability.reportable).toBe(true);
    expect(r.changes.map((c) => [c.deadline, c.kind, c.because])).toEqual([
      ["preliminaryReportDueAt", "added", ["affectedCount"]],
      ["finalReportDueAt", "added", ["affectedCount"]],
    ]);
    expect(r.lines[0]).toBe("本人の数：800人 → 1,200人");
    expect(r.lines).toContain("速報の期限を設定：2026/04/03 23:59（本人の数の変更による）");
  });

  it("strong encryption confirmed removes them; a count that changes nothing else only records the count", () => {
    const off = reassess(assess({ financialLoss: true }), assess({ financialLoss: true, stronglyEncrypted: true }), discoveredAt);
    expect(off.changes.map((c) => c.kind)).toEqual(["removed", "removed"]);
    expect(off.changes.every((c) => c.to === null && c.because.join() === "stronglyEncrypted")).toBe(true);
    expect(off.lines.at(-1)).toBe("確報の期限（2026/04/30 23:59）は不要になりました（高度な暗号化の変更による）");

    const same = reassess(assess({ affectedCount: 1200 }), assess({ affectedCount: 1500 }), discoveredAt);
    expect(same.changes).toEqual([]);
    expect(same.lines).toEqual(["本人の数：1,200人 → 1,500人"]);
    expect(reassess(base, { ...base }, discoveredAt).lines).toEqual([]);
  });

  it("becoming a processor swaps the regulator deadlines for telling the client; telecom adds the ministry", () => {
    const r = reassess(assess({ sensitive: true }), assess({ sensitive: true, asProcessor: true, telecom: true }), discoveredAt);
    expect(r.after.reportability.reportedBy).toBe("client");
    expect(r.changes.map((c) => [c.deadline, c.kind, c.because])).toEqual([
      ["clientToldDueAt", "added", ["asProcessor"]],
      ["ministryReportDueAt", "added", ["telecom"]],
      ["preliminaryReportDueAt", "removed", ["asProcessor"]],
      ["peopleNoticeDueAt", "removed", ["asProcessor"]],
      ["finalReportDueAt", "removed", ["asProcessor"]],
    ]);
  });
});

describe("tasks", () => {
  const applying = (a: Assessment) =>
    taskDefinitions(a)
      .filter((t) => t.applies)
      .map((t) => t.key);
  const because = (a: Assessment) =>
    Object.fromEntries(
      taskDefinitions(a)
        .filter((t) => !t.applies)
        .map((t) => [t.key, t.notApplicableBecause]),
    );

  it("every task has a key, Japanese and English labels and the deadline it follows", () => {
    const defs = taskDefinitions(base);
    expect(defs.map((d) => d.key)).toEqual([...TASK_KEYS]);
    for (const d of defs) expect(d.label.ja && d.label.en).toBeTruthy();
    const byKey = Object.fromEntries(defs.map((d) => [d.key, d]));
    expect(byKey["cause-found"]!.label.ja).toBe("原因の特定");
    expect(byKey["preliminary-report"]!.deadline).toBe("preliminaryReportDueAt");
    expect(byKey["final-report"]!.deadline).toBe("finalReportDueAt");
    expect(byKey["people-notified"]!.deadline).toBe("peopleNoticeDueAt");
    expect(byKey["client-told"]!.deadline).toBe("clientToldDueAt");
    expect(byKey.containment!.deadline).toBeNull();
  });

  it("a reportable incident of our own: everything but the client and the ministry", () => {
    expect(applying(assess({ sensitive: true }))).toEqual([
      "containment",
      "cause-found",
      "damage-assessed",
      "preliminary-report",
      "people-notified",
      "publication",
      "final-report",
      "recurrence-prevention",
      "complaints-handled",
    ]);
    expect(because(assess({ sensitive: true }))).toEqual({
      "client-told": "not-processor",
      "ministry-report": "not-telecom",
      "secrecy-first-report": "not-telecom",
      "secrecy-detailed-report": "not-telecom",
      "my-number-report": "no-my-number",
      "specified-user-info-report": "not-designated",
      "accredited-body-report": "no-accredited-body",
      "partner-investigation": "not-partner",
      "partner-recurrence": "not-partner",
    });
  });

  it("not reportable, or encrypted: no regulator reports, each with the reason; notice and publication stay (company policy)", () => {
    expect(because(base)).toMatchObject({
      "preliminary-report": "not-reportable",
      "final-report": "not-reportable",
    });
    expect(because(assess({ sensitive: true, stronglyEncrypted: true }))["final-report"]).toBe("encrypted");
    expect(applying(base)).toEqual([
      "containment",
      "cause-found",
      "damage-assessed",
      "people-notified",
      "publication",
      "recurrence-prevention",
      "complaints-handled",
    ]);
  });

  it("as a processor: the client is told, the client reports", () => {
    const a = assess({ asProcessor: true, malicious: true });
    expect(applying(a)).toContain("client-told");
    expect(because(a)).toEqual({
      "ministry-report": "not-telecom",
      "preliminary-report": "reported-by-client",
      "people-notified": "reported-by-client",
      publication: "reported-by-client",
      "final-report": "reported-by-client",
      "secrecy-first-report": "not-telecom",
      "secrecy-detailed-report": "not-telecom",
      "my-number-report": "no-my-number",
      "specified-user-info-report": "not-designated",
      "accredited-body-report": "no-accredited-body",
      "partner-investigation": "not-partner",
      "partner-recurrence": "not-partner",
    });
  });

  it("telecom: the ministry report, and publication even when not reportable (seed 004 §11 [2])", () => {
    expect(applying(assess({ telecom: true }))).toEqual(expect.arrayContaining(["ministry-report", "publication"]));
    expect(applying(assess({ telecom: true }))).not.toContain("preliminary-report");
  });

  it("initial tasks set aside what does not apply; a reassessment reopens them but keeps what people did", () => {
    const tasks = initialTasks(base);
    expect(tasks.find((t) => t.key === "final-report")).toEqual({ key: "final-report", status: "not-applicable", notApplicable: { code: "not-reportable" } });
    const worked = tasks.map((t) => (t.key === "containment" ? markDone(t) : t.key === "complaints-handled" ? markNotApplicable(t, "苦情なし", "U1") : t));
    const after = tasksAfterReassessment(worked, assess({ sensitive: true }));
    const by = Object.fromEntries(after.map((t) => [t.key, t]));
    expect(by["final-report"]!.status).toBe("open");
    expect(by.publication!.status).toBe("open");
    expect(by.containment!.status).toBe("done");
    expect(by["complaints-handled"]).toMatchObject({ status: "not-applicable", notApplicable: { reason: "苦情なし", by: "U1" } });
    expect(by["client-told"]).toMatchObject({ status: "not-applicable", notApplicable: { code: "not-processor" } });
    // and back: open regulator tasks are set aside again as the client's
    const back = Object.fromEntries(tasksAfterReassessment(after, assess({ sensitive: true, asProcessor: true })).map((t) => [t.key, t]));
    expect(back["final-report"]).toMatchObject({ status: "not-applicable", notApplicable: { code: "reported-by-client" } });
    expect(back["client-told"]!.status).toBe("open");
  });

  it("marking a task not applicable needs a reason", () => {
    const t = initialTasks(base)[0]!;
    expect(() => markNotApplicable(t, "   ", "U1")).toThrow();
    expect(markNotApplicable(t, " 不要 ", "U1").notApplicable).toEqual({ reason: "不要", by: "U1" });
  });
});

describe("canClose", () => {
  const all = (status: IncidentTask["status"]): IncidentTask[] => TASK_KEYS.map((key) => ({ key, status, notApplicable: null }));

  it("needs every task done or not applicable and a recurrence-prevention entry", () => {
    expect(canClose(all("done"), true)).toEqual({ ok: true, openTasks: [], recurrencePreventionMissing: false });
    expect(
      canClose(
        initialTasks(base).map((t) => (t.status === "open" ? markDone(t) : t)),
        true,
      ).ok,
    ).toBe(true);
    expect(canClose(all("done"), false)).toEqual({ ok: false, openTasks: [], recurrencePreventionMissing: true });
    const one = all("done").map((t) => (t.key === "final-report" ? { ...t, status: "open" as const } : t));
    expect(canClose(one, true)).toEqual({ ok: false, openTasks: ["final-report"], recurrencePreventionMissing: false });
    expect(canClose(initialTasks(assess({ sensitive: true })), false).openTasks).toContain("preliminary-report");
  });
});

describe("status", () => {
  const allowed: [IncidentStatus, IncidentStatus][] = [
    ["open", "triaged"],
    ["triaged", "contained"],
    ["triaged", "reported_preliminary"],
    ["triaged", "reported_final"],
    ["contained", "reported_preliminary"],
    ["contained", "reported_final"],
    ["contained", "closed"],
    ["reported_preliminary", "reported_final"],
    ["reported_final", "closed"],
  ];

  it("moves forward only, along the allowed moves", () => {
    for (const from of INCIDENT_STATUSES)
      for (const to of INCIDENT_STATUSES) {
        const ok = allowed.some(([f, t]) => f === from && t === to);
        expect(canMove(from, to), `${from} -> ${to}`).toBe(ok);
      }
  });

  it("events move it, stay put when already past, and are refused out of order", () => {
    expect(Object.values(INCIDENT_EVENTS)).toEqual(["triaged", "contained", "reported_preliminary", "reported_final", "closed"]);
    expect(statusAfter("open", "triage")).toBe("triaged");
    expect(statusAfter("triaged", "contain")).toBe("contained");
    expect(statusAfter("contained", "reportPreliminary")).toBe("reported_preliminary");
    expect(statusAfter("reported_preliminary", "reportFinal")).toBe("reported_final");
    expect(statusAfter("reported_final", "close")).toBe("closed");
    // containment finished after the 速報: still reported_preliminary
    expect(statusAfter("reported_preliminary", "contain")).toBe("reported_preliminary");
    expect(statusAfter("triaged", "triage")).toBe("triaged");
    expect(statusAfter("open", "close")).toBeNull();
    expect(statusAfter("open", "reportPreliminary")).toBeNull();
    expect(statusAfter("reported_preliminary", "close")).toBeNull();
    expect(statusAfter("closed", "triage")).toBeNull();
    expect(statusAfter("closed", "close")).toBeNull();
  });
});

describe("escalation ladder", () => {
  const reportedAt = new Date("2026-04-01T01:00:00Z");
  const at = (minutes: number) => new Date(reportedAt.getTime() + minutes * 60_000);
  const steps = (minutes: number, acknowledgedAt: Date | null = null) => escalationsDue({ reportedAt, acknowledgedAt }, at(minutes)).map((e) => e.key);

  it("nobody acknowledges: nothing at 29 minutes, the deputy chief and compliance at 30 and 31, again with the channel at 2 hours", () => {
    expect(steps(29)).toEqual([]);
    expect(steps(30)).toEqual(["escalation:30m"]);
    expect(steps(31)).toEqual(["escalation:30m"]);
    expect(steps(119)).toEqual(["escalation:30m"]);
    expect(steps(120)).toEqual(["escalation:2h"]);
    expect(steps(600)).toEqual(["escalation:2h"]);
    const [first] = escalationsDue({ reportedAt, acknowledgedAt: null }, at(30));
    expect(first).toEqual({ step: "30m", key: "escalation:30m", dueAt: at(30), notify: ["deputyChief", "compliance"] });
    expect(escalationsDue({ reportedAt, acknowledgedAt: null }, at(120))[0]!.notify).toEqual(["deputyChief", "compliance", "complianceChannel"]);
  });

  it("acknowledged: nothing more", () => {
    expect(steps(31, at(20))).toEqual([]);
    expect(steps(30, at(30))).toEqual([]);
    expect(steps(120, at(45))).toEqual([]);
    // acknowledged later than now (a replica's clock): not yet
    expect(steps(31, at(45))).toEqual(["escalation:30m"]);
  });

  it("the same moment gives the same keys; scoped by incident for the outbox", () => {
    expect(steps(31)).toEqual(steps(31));
    expect(incidentNoticeKey("INC-2026-0001", "escalation:30m")).toBe("incident:INC-2026-0001:escalation:30m");
  });
});

describe("deadline reminders", () => {
  const due = endOf("2026-04-03");
  const iso = due.toISOString();
  const H = 3_600_000;
  const at = (hours: number) => new Date(due.getTime() + hours * H);
  const r = (hours: number) => deadlineReminders(due, at(hours), "preliminary-report");

  it("48 h and 24 h before (owner), at the moment it passes and every 24 h after (chief and compliance copied)", () => {
    expect(r(-49)).toEqual([]);
    expect(r(-48)).toEqual([{ stage: "48h", key: `preliminary-report:${iso}:48h`, to: ["owner"] }]);
    expect(r(-25)).toEqual([{ stage: "48h", key: `preliminary-report:${iso}:48h`, to: ["owner"] }]);
    expect(r(-24)).toEqual([{ stage: "24h", key: `preliminary-report:${iso}:24h`, to: ["owner"] }]);
    expect(r(-0.001)).toEqual([{ stage: "24h", key: `preliminary-report:${iso}:24h`, to: ["owner"] }]);
    expect(r(0)).toEqual([{ stage: "passed", key: `preliminary-report:${iso}:passed`, to: ["owner", "chief", "compliance"] }]);
    expect(r(23.9)).toEqual([{ stage: "passed", key: `preliminary-report:${iso}:passed`, to: ["owner", "chief", "compliance"] }]);
    expect(r(24)).toEqual([{ stage: "overdue", overdueDays: 1, key: `preliminary-report:${iso}:overdue:1`, to: ["owner", "chief", "compliance"] }]);
    expect(r(72.1)[0]!.key).toBe(`preliminary-report:${iso}:overdue:3`);
  });

  it("keys are stable: twice at the same moment gives the same keys; a moved deadline gets new ones", () => {
    for (const h of [-48, -24, 0, 24, 50]) expect(r(h)).toEqual(r(h));
    const moved = new Date(due.getTime() + 30 * 24 * H);
    expect(deadlineReminders(moved, new Date(moved.getTime() - 24 * H), "preliminary-report")[0]!.key).not.toBe(r(-24)[0]!.key);
  });

  it("a deadline first seen inside 24 hours gets the 24-hour reminder only", () => {
    expect(r(-10).map((x) => x.stage)).toEqual(["24h"]);
  });
});
