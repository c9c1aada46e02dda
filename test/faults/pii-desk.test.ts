// Personal data at the desks: the data-subject forms refuse a customer's details however
// they are spelled (spaces, dots, kanji numerals, full-width, "at"/"dot"); a case, a
// complaint, a processor's inspection and disposal, a duty and a training completion
// carry typed text (as a form that missed it, or a forged submission, would) and the
// chain, its export and the digest hold none of it while their rows keep it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerBlocks, ComplaintBlocks, ComplaintCloseBlocks, IdentityBlocks, INPUT, LogBlocks, SendBackBlocks, WithdrawBlocks } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import {
  parseAnswer,
  parseComplaint,
  parseComplaintClose,
  parseIdentity,
  parseLog,
  parseSendBack,
  parseWithdraw,
  type ViewValues,
} from "../../src/dsr/forms.js";
import { logRequest, withdrawCase } from "../../src/dsr/flows.js";
import { closeComplaint, logComplaint } from "../../src/dsr/complaints.js";
import { submitRequest, decide, setMeasure } from "../../src/requests/flows.js";
import { recordDisposal, recordInspection } from "../../src/processors/flows.js";
import { closeDuty, ensureYear } from "../../src/duties/flows.js";
import { fiscalYearOf } from "../../src/duties/rules.js";
import { recordCompletion } from "../../src/training/flows.js";
import { dayIn } from "../../src/platform/day.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { openLog } from "../dsr/helpers.js";
import { CUSTOMER, expectNothingKept, personal } from "./piiSupport.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;
const typed: string[] = [];
const t = (label: string, n: number, max = 3000) => {
  const v = personal(label, n).slice(0, max);
  typed.push(v);
  return v;
};

const v = (o: Record<string, unknown>): ViewValues => Object.fromEntries(Object.entries(o).map(([k, x]) => [k, { [INPUT]: x as never }]));
const opt = (value: string) => ({ selected_option: { value } });
const text = (value: string) => ({ type: "plain_text_input", value });
const ALL_SPELLINGS = Object.values(CUSTOMER).flat();
const today = () => dayIn(new Date(), "Asia/Tokyo");

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe("the data-subject forms refuse a customer's details in every spelling", () => {
  const p = dsrMessages("ja").problem;
  it(`every free-text field, each of ${ALL_SPELLINGS.length} spellings`, () => {
    const d = today();
    for (const x of ALL_SPELLINGS) {
      const log = parseLog(
        v({
          [LogBlocks.kind]: opt("disclosure"),
          [LogBlocks.via]: opt("phone"),
          [LogBlocks.receivedOn]: { selected_date: d },
          [LogBlocks.requester]: opt("self"),
          [LogBlocks.customerRef]: text(x),
          [LogBlocks.scope]: text(x),
          [LogBlocks.method]: opt("written"),
        }),
        "ja",
        d,
      );
      expect(log.ok ? {} : log.errors, x).toEqual({ [LogBlocks.customerRef]: p.personalData, [LogBlocks.scope]: p.personalData });
      const answer = parseAnswer(
        v({
          [AnswerBlocks.outcome]: opt("not_done"),
          [AnswerBlocks.actionTaken]: text(x),
          [AnswerBlocks.grounds]: { selected_options: [{ value: "d1" }] },
          [AnswerBlocks.reason]: text(x),
        }),
        "ja",
        d,
        { receivedOn: d, kind: "disclosure", disclosureMethod: null },
      );
      expect(answer.ok ? {} : answer.errors, x).toMatchObject({ [AnswerBlocks.actionTaken]: p.personalData, [AnswerBlocks.reason]: p.personalData });
      const withdraw = parseWithdraw(v({ [WithdrawBlocks.note]: text(x) }), "ja");
      expect(withdraw.ok ? {} : withdraw.errors, x).toEqual({ [WithdrawBlocks.note]: p.personalData });
      const sendBack = parseSendBack(v({ [SendBackBlocks.reason]: text(x) }), "ja");
      expect(sendBack.ok ? {} : Object.keys(sendBack.errors), x).toEqual([SendBackBlocks.reason]);
      const complaint = parseComplaint(
        v({
          [ComplaintBlocks.kind]: opt("complaint"),
          [ComplaintBlocks.via]: opt("phone"),
          [ComplaintBlocks.receivedOn]: { selected_date: d },
          [ComplaintBlocks.summary]: text(x),
          [ComplaintBlocks.customerRef]: text(x),
        }),
        "ja",
        d,
      );
      expect(complaint.ok ? {} : complaint.errors, x).toEqual({ [ComplaintBlocks.summary]: p.personalData, [ComplaintBlocks.customerRef]: p.personalData });
      const close = parseComplaintClose(
        v({
          [ComplaintCloseBlocks.outcome]: opt("referred"),
          [ComplaintCloseBlocks.text]: text(x),
          [ComplaintCloseBlocks.referredTo]: text(x),
          [ComplaintCloseBlocks.closedOn]: { selected_date: d },
        }),
        "ja",
        d,
        { receivedOn: d },
      );
      expect(close.ok ? {} : Object.keys(close.errors).sort(), x).toEqual([ComplaintCloseBlocks.referredTo, ComplaintCloseBlocks.text].sort());
      const identity = parseIdentity(
        v({
          [IdentityBlocks.document]: opt("other"),
          [IdentityBlocks.otherDocument]: opt("other"),
          [IdentityBlocks.note]: text(x.slice(0, 30)),
          [IdentityBlocks.checkedBy]: { selected_user: P.chief },
          [IdentityBlocks.checkedOn]: { selected_date: d },
        }),
        "ja",
        d,
        { requester: "self", receivedOn: d },
      );
      expect(identity.ok ? {} : Object.keys(identity.errors), x).toEqual([IdentityBlocks.note]);
    }
  });

  it("over Slack: a customer's name with an honorific as the reference, and numbers in kanji in the scope, are field errors; nothing is logged", async () => {
    const view = await openLog(h, P.chief);
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [LogBlocks.kind]: "disclosure",
      [LogBlocks.via]: "phone",
      [LogBlocks.requester]: "self",
      [LogBlocks.method]: "written",
      [LogBlocks.customerRef]: "松本花子様",
      [LogBlocks.scope]: "カード 四一一一 一一一一 一一一一 一一一一 の利用明細",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({ [LogBlocks.customerRef]: p.personalData, [LogBlocks.scope]: p.personalData });
    expect(await db().subjectRequest.count()).toBe(0);
  });
});

describe("typed text that reaches a record stays on it, never in the chain", () => {
  it("a case and a complaint: the customer reference and the texts on their rows, seals in the chain", async () => {
    const s = h.bot.services;
    const d = today();
    const customerRef = t("参照", 0, 100);
    const scope = t("範囲", 1, 500);
    const c = await logRequest(s, {
      actorId: P.chief,
      form: {
        kind: "disclosure",
        via: "phone",
        receivedOn: d,
        requester: "self",
        mandate: null,
        customerRef,
        scope,
        disclosureMethod: "written",
        feeYen: null,
        ownerId: null,
      },
      submissionKey: "pii-case",
    });
    expect(c).toMatchObject({ ok: true });
    const row = await db().subjectRequest.findUniqueOrThrow({ where: { submissionKey: "pii-case" } });
    expect(row).toMatchObject({ customerRef, scope });
    expect(await withdrawCase(s, { caseId: row.id, rev: null, actorId: P.chief, note: t("取下げ", 2, 500) })).toMatchObject({ ok: true });

    const summary = t("苦情", 1, 2000);
    const complaintRef = t("顧客", 2, 100);
    expect(
      await logComplaint(s, {
        actorId: P.chief,
        form: { kind: "complaint", via: "phone", receivedOn: d, summary, customerRef: complaintRef, linkedCode: null, ownerId: null },
        submissionKey: "pii-complaint",
      }),
    ).toMatchObject({ ok: true });
    const complaint = await db().complaint.findUniqueOrThrow({ where: { submissionKey: "pii-complaint" } });
    expect(complaint).toMatchObject({ summary, customerRef: complaintRef });
    const outcome = t("対応", 0, 2000);
    expect(
      await closeComplaint(s, {
        complaintId: complaint.id,
        rev: null,
        actorId: P.chief,
        form: { outcome: "referred", text: outcome, referredTo: t("回付先", 1, 200), closedOn: d },
      }),
    ).toMatchObject({ ok: true });
  });

  it("a processor's name, an inspection's note and link, a disposal's note; the digest leaves out the name", async () => {
    const s = h.bot.services;
    const d = today();
    const future = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), "Asia/Tokyo");
    const entrust = async (key: string, name: string) => {
      const data = {
        processorName: name,
        processorAddress: "東京都千代田区1-1-1",
        work: "集計",
        dataItems: "氏名",
        headcount: 10,
        dueDiligence: ["site_check", "security_level", "financial_stability"],
        contractItems: ["c1", "c2", "c3", "c4", "c5", "c6", "c7"],
        contractStart: future(1),
        contractEnd: future(400),
        subcontracting: false,
        inspectionCycle: 12,
      };
      const filed = await submitRequest(s, { requesterId: P.employee, kind: "entrust", data, submissionKey: key });
      if (!filed.ok) throw new Error("not filed");
      const rev = async () => (await db().request.findUniqueOrThrow({ where: { id: filed.id } })).rev;
      expect(await decide(s, { requestId: filed.id, actorId: P.manager, decision: "approve", pressedRev: await rev() })).toMatchObject({ ok: true });
      expect(await decide(s, { requestId: filed.id, actorId: P.chief, decision: "approve", pressedRev: await rev() })).toMatchObject({ ok: true });
      for (const m of await db().requestMeasure.findMany({ where: { requestId: filed.id } }))
        expect(await setMeasure(s, { requestId: filed.id, actorId: P.chief, key: m.key, done: true })).toMatchObject({ ok: true });
      return filed;
    };
    const name = t("委託先", 0, 200);
    const filed = await entrust("pii-entrust", name);
    // a second processor, its inspection overdue: the digest lists it, without its name
    const overdue = await entrust("pii-entrust-2", t("委託先2", 1, 200));
    await db().processor.update({ where: { requestId: overdue.id }, data: { nextInspectionDue: new Date(Date.now() - 10 * 86_400_000) } });
    const p = await db().processor.findUniqueOrThrow({ where: { requestId: filed.id } });
    expect(p.name).toBe(name);
    const note = t("点検", 1, 1000);
    const inspected = await recordInspection(s, {
      processorId: p.id,
      actorId: P.chief,
      value: { inspectedOn: d, result: "findings", note, documentUrl: "https://docs.example.com/u/hanako.m@example.jp/check.pdf" },
    });
    expect(inspected).toMatchObject({ ok: true });
    typed.push("hanako.m@example.jp");
    expect(await db().processorInspection.findFirstOrThrow({ where: { processorId: p.id } })).toMatchObject({ note });
    // its documents past their retention: the disposal's note on the row, and the processor overdue for the digest
    await db().processor.update({
      where: { id: p.id },
      data: { contractEnd: new Date("2010-01-31"), retainUntil: new Date("2017-01-31"), nextInspectionDue: new Date("2020-01-01") },
    });
    const disposalNote = t("廃棄", 2, 500);
    const disposed = await recordDisposal(s, {
      target: { kind: "processor", id: p.id },
      actorId: P.chief,
      value: { method: "shred", performedBy: P.employee, disposedOn: d, note: disposalNote } as never,
    });
    expect(disposed).toMatchObject({ ok: true });
    expect(await db().processor.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ disposalNote });
  });

  it("a duty's note and link, a training completion's evidence", async () => {
    const s = h.bot.services;
    const d = today();
    const fy = fiscalYearOf(d, s.settings!.fiscalYearStartMonth);
    await ensureYear(s, fy);
    const duty = await db().dutyOccurrence.findFirstOrThrow({ where: { fiscalYear: fy, kind: "protection-plan" } });
    const url = "https://docs.example.com/090-8765-4321/plan.pdf";
    const note = t("議事", 0, 500);
    expect(await closeDuty(s, { id: duty.id, actorId: P.chief, closedOn: d, documentUrl: url, note })).toMatchObject({ ok: true });
    typed.push("090-8765-4321");
    expect(await db().dutyOccurrence.findUniqueOrThrow({ where: { id: duty.id } })).toMatchObject({ documentUrl: url, note });
    const evidence = "https://learn.example.com/cert/hanako.m@example.jp";
    expect(await recordCompletion(s, { personId: P.employee, courseId: "basic", completedOn: d, evidence })).toEqual({ created: true });
    await s.outbox.flush();
  });

  it("none of it is in the chain, its export or the digest", async () => {
    await expectNothingKept(h, typed);
    // the overdue processor is listed, its name left out; the duty done is listed, its link left out
    const { buildDigest } = await import("../../src/digest/build.js");
    const s = h.bot.services;
    const now = s.clock.now();
    const digest = await buildDigest({
      services: s,
      calendar: s.calendar!,
      settings: s.settings!,
      from: new Date(now.getTime() - 86_400_000),
      to: now,
      now,
      lang: "ja",
    });
    const shown = JSON.stringify(digest.blocks);
    expect(shown).toContain("（個人情報を含む可能性があるため省略）");
    expect(shown).not.toContain("docs.example.com/090");
  });
});
