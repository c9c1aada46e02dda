// Provision and receipt records over signed HTTP (APPI Art.29, 30, 33(5); 施行規則 第19-25条):
// each actual provision logged against an approval, in each form of record, with its
// keep-until day; the retention reminder and the disposal; the provisions that need no record
// (記録不要, with their article); a receipt with its confirmation, and one refused; the listing
// for a request for disclosure of the records.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage, SimpleInputs } from "../../src/platform/slack/fake/index.js";
import { DsrActions } from "../../src/dsr/ids.js";
import { ProcessorViews } from "../../src/processors/ids.js";
import { RecordActions, RecordViews } from "../../src/records/ids.js";
import { listForDisclosure } from "../../src/records/flows.js";
import { recordMessages } from "../../src/records/messages.js";
import { RequestActions } from "../../src/requests/ids.js";
import { JAPANESE, shown, privacy } from "../support/commands.js";
import { drain, jst, newView, pumping as pumpingOutbox, runJobAt } from "../support/clock.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { logCase } from "../dsr/helpers.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-04-01T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);
/** The keep-until day of a stored moment (the day before it, in Tokyo). */
const keptUntil = (d: Date) => new Date(d.getTime() - 1 + 9 * 3600_000).toISOString().slice(0, 10);

async function approveAndComplete(kind: "entrust" | "provide", inputs: Record<string, string | string[]>) {
  const r = await pumping(fileRequest(h, P.employee, kind, inputs));
  await press(h, P.manager, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "第2段階"));
  await press(h, P.chief, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "必要な措置の実施中"));
  await pumping(completeMeasures(h, P.chief, r.id));
  await pumping(parentShows(h, r.parent, "有効"));
  await drain(h, clock);
  return r;
}

/** The thread note of the approval that carries the 「提供を記録」 button. */
function logButtonNote(parent: FakeMessage): FakeMessage | undefined {
  return h.fake.thread(parent.channel, parent.ts).find((m) => JSON.stringify(m.blocks ?? []).includes(RecordActions.log));
}

/** Presses 「提供を記録」 in the request's thread and fills the modal; returns the modal's id. */
async function logByButton(user: string, parent: FakeMessage, inputs: SimpleInputs) {
  const note = await h.fake.waitFor(() => logButtonNote(parent));
  const view = await newView(h, user, RecordViews.log, () =>
    h.slack.blockAction(user, { actionId: RecordActions.log, message: { channel: note.channel, ts: note.ts } }),
  );
  await h.slack.fillAndSubmit(user, view.id, inputs);
  await drain(h, clock);
  return view;
}

async function logByCommand(user: string, code: string, inputs: SimpleInputs) {
  const view = await newView(h, user, RecordViews.log, () => h.slack.command(user, "/privacy", `provision log ${code}`));
  await h.slack.fillAndSubmit(user, view.id, inputs);
  await drain(h, clock);
  return view;
}

const threadText = (parent: FakeMessage) =>
  h.fake
    .thread(parent.channel, parent.ts)
    .map((m) => shown(m))
    .join("\n");

let combined: Awaited<ReturnType<typeof fileRequest>>;
let perProvision: Awaited<ReturnType<typeof fileRequest>>;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("/privacy provision", () => {
  it("answers its usage, in English for an English speaker; the receipt form too", async () => {
    expect((await privacy(h, P.employee, "provision")).shown).toContain("`/privacy provision log PRV-2026-0001` 承認済みの第三者提供について");
    const en = await privacy(h, P.english, "provision");
    expect(en.shown).toContain("`/privacy provision receipt` confirm and record a receipt of personal data from a third party (Art.30)");
    expect(en.shown).not.toMatch(JAPANESE);
    const view = await newView(h, P.english, RecordViews.receipt, () => h.slack.command(P.english, "/privacy", "provision receipt"));
    expect(JSON.stringify(view.view.title)).toContain("Confirm a receipt");
    expect(shown({ blocks: view.view.blocks })).toContain("How the provider obtained the data (APPI Art.30(1)(2))");
  });
});

describe("a standing approval used many times: one combined record (施行規則 第19条2項ただし書)", () => {
  it("the approval's record waits for its provisions; the thread offers 「提供を記録」", async () => {
    combined = await approveAndComplete("provide", { ...VALID_INPUTS.provide, retentionYears: "3" });
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: combined.id } });
    expect(rec).toMatchObject({ form: "per_provision", recordBasis: "consent", provisions: 0 });
    expect(logButtonNote(combined.parent)).toBeDefined();
    expect((await privacy(h, P.employee, `provision records ${combined.code}`)).shown).toContain("まだ提供の記録がありません");
  });

  it("the first provision, logged from the button, makes it a combined record kept three years from the last provision", async () => {
    clock.set(jst("2026-04-10T11:00:00"));
    const view = await logByButton(P.employee, combined.parent, {
      providedOn: "2026-04-10",
      subjectsRef: "事故受付番号の一覧（保険連携ファイル EX-0410）",
      form: "combined",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: combined.id } });
    expect(rec).toMatchObject({ form: "combined", provisions: 1 });
    expect(day(rec.firstProvidedOn)).toBe("2026-04-10");
    expect(keptUntil(rec.retainUntil)).toBe("2029-04-09");
    await h.fake.waitFor(() => (threadText(combined.parent).includes("継続的・反復的な提供の一括記録") ? true : undefined));
    expect(threadText(combined.parent)).toContain("本人の同意を得ている旨");
    expect(threadText(combined.parent)).toContain("2029年4月9日");
    // what identifies the persons stays on the entry: never in the thread or the audit chain
    expect(threadText(combined.parent)).not.toContain("EX-0410");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "provision_record.provision_logged", subject: `request:${combined.code}` } });
    expect(JSON.stringify(audit.data)).not.toContain("EX-0410");
    expect(audit.data).toMatchObject({ form: "combined", providedOn: "2026-04-10", retainUntil: "2029-04-09" });
  });

  it("a later provision extends it: the keep-until day follows the last provision (第21条2号); the form stays", async () => {
    clock.set(jst("2026-07-01T10:00:00"));
    const view = await logByButton(P.manager, combined.parent, { providedOn: "2026-07-01", subjectsRef: "事故受付番号の一覧（EX-0701）" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: combined.id } });
    expect(rec).toMatchObject({ form: "combined", provisions: 2 });
    expect(day(rec.lastProvidedOn)).toBe("2026-07-01");
    expect(keptUntil(rec.retainUntil)).toBe("2029-06-30");
    expect(await db().provisionEntry.count({ where: { requestId: combined.id } })).toBe(2);
    expect((await privacy(h, P.employee, `provision records ${combined.code}`)).shown).toContain("提供 2 回");
  });

  it("someone else may not log against it; a name where the identifying items go is a field error", async () => {
    const r = await privacy(h, P.employee2, `provision log ${combined.code}`);
    expect(r.shown).toContain("提供を記録できるのは、届出者");
    const view = await newView(h, P.employee, RecordViews.log, () => h.slack.command(P.employee, "/privacy", `provision log ${combined.code}`));
    await h.slack.fillAndSubmit(P.employee, view.id, { providedOn: "2026-07-01", subjectsRef: "山田太郎様ほか" });
    expect(h.fake.viewErrors(view.id)?.subjectsRef).toContain("本人の氏名・住所・電話番号などは書けません");
    expect(await db().provisionEntry.count({ where: { requestId: combined.id } })).toBe(2);
  });
});

describe("one record per provision (施行規則 第19条2項本文), and the contract as the record (第19条3項)", () => {
  it("per provision: kept three years from the record's making (第21条3号)", async () => {
    clock.set(jst("2026-08-03T10:00:00"));
    perProvision = await approveAndComplete("provide", { ...VALID_INPUTS.provide, recipientName: "東都信販株式会社", retentionYears: "3" });
    clock.set(jst("2026-08-05T10:00:00"));
    const view = await logByCommand(P.employee, perProvision.code, {
      providedOn: "2026-08-04",
      subjectsRef: "延滞顧客の契約番号（回収システム 抽出 R-0804）",
      form: "per_provision",
      exclusion: "harm",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: perProvision.id } });
    expect(rec).toMatchObject({ form: "per_provision", provisions: 1, disclosureExclusion: "harm" });
    expect(keptUntil(rec.retainUntil)).toBe("2029-08-05");
  });

  it("the contract: consent-based, with the contract's reference; kept one year from the last provision (第21条1号)", async () => {
    clock.set(jst("2026-09-01T10:00:00"));
    const contract = await approveAndComplete("provide", { ...VALID_INPUTS.provide, recipientName: "東都リース株式会社", retentionYears: "1" });
    expect(await db().provisionRecord.findUniqueOrThrow({ where: { requestId: contract.id } })).toMatchObject({ form: "contract" });
    const missing = await logByCommand(P.employee, contract.code, { providedOn: "2026-09-01", subjectsRef: "申込書番号", form: "contract" });
    expect(h.fake.viewErrors(missing.id)?.contractRef).toContain("施行規則第19条第3項");
    await logByCommand(P.employee, contract.code, {
      providedOn: "2026-09-01",
      subjectsRef: "リース申込書の申込番号",
      form: "contract",
      contractRef: "リース契約書 L-2026-0901（法務部保管）",
    });
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: contract.id } });
    expect(rec).toMatchObject({ form: "contract", provisions: 1, contractRef: "リース契約書 L-2026-0901（法務部保管）" });
    expect(keptUntil(rec.retainUntil)).toBe("2027-08-31");
  });
});

describe("an opt-out provision (施行規則 第20条1項1号)", () => {
  it("records the days of provision; the contract form is not offered", async () => {
    const optout = await approveAndComplete("provide", {
      ...VALID_INPUTS.provide,
      recipientName: "東都名簿株式会社",
      legalBasis: "optout",
      optoutChecks: ["filed", "lawful", "not_optout"],
    });
    expect(await db().provisionRecord.findUniqueOrThrow({ where: { requestId: optout.id } })).toMatchObject({ recordBasis: "optout", form: "per_provision" });
    const view = await newView(h, P.employee, RecordViews.log, () => h.slack.command(P.employee, "/privacy", `provision log ${optout.code}`));
    expect(JSON.stringify(view.view.blocks)).not.toContain('"value":"contract"');
    await h.slack.fillAndSubmit(P.employee, view.id, { providedOn: "2026-09-01", subjectsRef: "名簿ファイル OPT-0901 の会員番号", form: "per_provision" });
    await drain(h, clock);
    await h.fake.waitFor(() => (threadText(optout.parent).includes("オプトアウトによる提供（提供した年月日を記録") ? true : undefined));
    const entry = await db().provisionEntry.findFirstOrThrow({ where: { requestId: optout.id } });
    expect(day(entry.providedOn)).toBe("2026-09-01");
  });
});

describe("provisions that need no record are marked 記録不要 with their article", () => {
  it("an Art.27(1) exception: logged, no Art.29 record", async () => {
    const exc = await approveAndComplete("provide", { ...VALID_INPUTS.provide, recipientName: "〇〇税務署", legalBasis: "exception", exception: "law" });
    await parentShows(h, exc.parent, "記録不要：法第27条第1項第1号");
    expect(await db().provisionRecord.findUnique({ where: { requestId: exc.id } })).toBeNull();
    const note = await h.fake.waitFor(() => logButtonNote(exc.parent));
    const view = await newView(h, P.employee, RecordViews.log, () =>
      h.slack.blockAction(P.employee, { actionId: RecordActions.log, message: { channel: note.channel, ts: note.ts } }),
    );
    expect(shown({ blocks: view.view.blocks })).toContain("記録不要：法第27条第1項第1号（法令に基づく場合）による提供（法第29条第1項ただし書）");
    await h.slack.fillAndSubmit(P.employee, view.id, { providedOn: "2026-09-01", subjectsRef: "照会書記載の契約番号" });
    await drain(h, clock);
    const entry = await db().provisionEntry.findFirstOrThrow({ where: { requestId: exc.id } });
    expect(entry).toMatchObject({ exemption: "art27_1_1", recordId: null });
    expect(await db().provisionRecord.findUnique({ where: { requestId: exc.id } })).toBeNull();
    await h.fake.waitFor(() => (threadText(exc.parent).includes("記録不要：法第27条第1項第1号") ? true : undefined));
  });

  it("a public body of Art.16(2): 記録不要, also on the approval", async () => {
    const pub = await approveAndComplete("provide", { ...VALID_INPUTS.provide, recipientName: "〇〇市役所", recipientPublicBody: ["public_body"] });
    await parentShows(h, pub.parent, "記録不要：法第16条第2項各号に掲げる者への提供（法第29条第1項括弧書）");
    expect(await db().provisionRecord.findUnique({ where: { requestId: pub.id } })).toBeNull();
    await logByCommand(P.employee, pub.code, { providedOn: "2026-09-01", subjectsRef: "市からの依頼文書記載の受付番号" });
    expect(await db().provisionEntry.findFirstOrThrow({ where: { requestId: pub.id } })).toMatchObject({ exemption: "art16_2", recordId: null });
  });

  it("entrustment: 記録不要 under Art.27(5)(1), not an Art.29 record", async () => {
    const ent = await approveAndComplete("entrust", VALID_INPUTS.entrust as Record<string, string | string[]>);
    await logByCommand(P.employee, ent.code, { providedOn: "2026-09-01", subjectsRef: "会員番号の全件（会員DB）" });
    expect(await db().provisionEntry.findFirstOrThrow({ where: { requestId: ent.id } })).toMatchObject({ exemption: "art27_5_1", recordId: null });
    expect(await db().provisionRecord.findUnique({ where: { requestId: ent.id } })).toBeNull();
    expect((await privacy(h, P.employee, `provision records ${ent.code}`)).shown).toContain("記録不要：法第27条第5項第1号（委託）（法第29条第1項ただし書）");
  });
});

describe("receiving personal data from a third party (法第30条)", () => {
  const GOOD: SimpleInputs = {
    basis: "consent",
    providerName: "株式会社サンプル販売",
    providerKind: "corporation",
    providerAddress: "東京都港区芝公園1-1-1",
    providerRepresentative: "代表取締役 山本 一郎",
    acquisition: "自社サービスの申込時に本人から取得（申込書に第三者提供の同意欄あり）",
    items: "氏名、住所、購入履歴",
    subjectsRef: "提供ファイル SUP-2026-09 の顧客番号",
    receivedOn: "2026-09-01",
  };
  const openReceipt = () => newView(h, P.employee, RecordViews.receipt, () => h.slack.command(P.employee, "/privacy", "provision receipt"));

  it("refused without the corporation's representative: a field error, nothing kept", async () => {
    const view = await openReceipt();
    await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD, providerRepresentative: "" });
    expect(h.fake.viewErrors(view.id)?.providerRepresentative).toBe("法人の代表者の氏名を確認して入力してください（法第30条第1項第1号）");
    expect(await db().receiptRecord.count()).toBe(0);
  });

  it("confirmed and recorded, kept per 施行規則 第25条; the manager is told; the audit chain holds codes", async () => {
    const view = await openReceipt();
    await h.slack.fillAndSubmit(P.employee, view.id, GOOD);
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const r = await db().receiptRecord.findFirstOrThrow();
    expect(r).toMatchObject({
      code: "RCV-2026-0001",
      departmentId: "sales",
      filedBy: P.employee,
      providerRepresentative: "代表取締役 山本 一郎",
      exemption: null,
      form: "per_provision",
    });
    expect(keptUntil(r.retainUntil!)).toBe("2029-09-01");
    await drain(h, clock);
    const dm = await h.fake.waitFor(() => h.fake.dms(P.manager).find((m) => m.text.includes("RCV-2026-0001")));
    expect(dm.text).toContain("株式会社サンプル販売");
    expect(dm.text).not.toContain("山本");
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "receipt.recorded", subject: "receipt:RCV-2026-0001" } });
    expect(audit.data).toMatchObject({ basis: "consent", confirmed: ["name", "address", "representative", "acquisition"], retainUntil: "2029-09-01" });
    expect(JSON.stringify(audit.data)).not.toContain("山本");
    expect(JSON.stringify(audit.data)).not.toContain("SUP-2026-09");
  });

  it("its disposal waits for the end of its retention", async () => {
    expect((await privacy(h, P.manager, "provision dispose RCV-2026-0001")).shown).toContain("2029年9月1日 まで保存します（施行規則第25条）");
  });

  it("an exempt receipt (joint use) is noted as 確認・記録不要 with its article", async () => {
    const view = await openReceipt();
    await h.slack.fillAndSubmit(P.employee, view.id, {
      basis: "art27_5_3",
      providerName: "株式会社サンプル",
      items: "氏名、購入履歴",
      receivedOn: "2026-09-01",
    });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const r = await db().receiptRecord.findUniqueOrThrow({ where: { code: "RCV-2026-0002" } });
    expect(r).toMatchObject({ exemption: "art27_5_3", retainUntil: null });
    expect((await privacy(h, P.employee, "provision receipt RCV-2026-0002")).shown).toContain(
      "確認・記録不要：法第27条第5項第3号（共同利用）（法第30条第1項ただし書）",
    );
  });
});

describe("a request for disclosure of the provision records (法第33条第5項)", () => {
  it("the desk lists the matching records by counterpart and period in the request's thread, less those 施行令 第11条 excludes", async () => {
    const c = await logCase(h, clock, P.employee, { kind: "provision_records" });
    // 「提供記録の一覧」 on the request's register post
    const post = h.fake.message(c.parent.channel, c.parent.ts)!;
    const view = await newView(h, P.employee, RecordViews.disclose, () =>
      h.slack.blockAction(P.employee, { actionId: DsrActions.provisionRecords, message: { channel: post.channel, ts: post.ts } }),
    );
    await h.slack.fillAndSubmit(P.employee, view.id, { counterpart: "東都", from: "2026-04-01", to: "2026-12-31" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    await drain(h, clock);
    const listing = await h.fake.waitFor(() => h.fake.thread(c.parent.channel, c.parent.ts).find((m) => m.text.includes("第三者提供記録の一覧")));
    const t = shown(listing);
    expect(t).toContain(`提供記録 ${combined.code}`);
    expect(t).toContain("東都損害保険株式会社");
    expect(t).not.toContain(perProvision.code); // excluded by 施行令 第11条第1号
    expect(t).toContain("施行令第11条により開示の対象外とされた記録：1件");
    expect(t).not.toContain("〇〇税務署"); // no record: not a 第三者提供記録
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "dsr.provision_records_listed", subject: `dsr:${c.code}` } });
    expect(audit.data).toMatchObject({ excluded: 1 });
    expect((audit.data as { records: string[] }).records).toContain(combined.code);
    // the receipt is found by its provider
    const v2 = await newView(h, P.employee, RecordViews.disclose, () => h.slack.command(P.employee, "/privacy", `provision disclose ${c.code}`));
    await h.slack.fillAndSubmit(P.employee, v2.id, { counterpart: "サンプル販売" });
    await drain(h, clock);
    await h.fake.waitFor(() => h.fake.thread(c.parent.channel, c.parent.ts).find((m) => m.text.includes("受領記録 RCV-2026-0001")));
  });

  it("a long listing goes to the thread in several posts, in order; more records than one listing holds is a field error and posts nothing", async () => {
    const c = await logCase(h, clock, P.employee, { kind: "provision_records" });
    const thread = () => h.fake.thread(c.parent.channel, c.parent.ts);
    const before = thread().length;
    const dsrId = (await db().subjectRequest.findFirstOrThrow({ where: { code: c.code } })).id;
    const input = { dsrId, actorId: P.employee, counterpart: null, from: null, to: null, allowed: true };
    const refused = await listForDisclosure(h.bot.services, input, { maxRecords: 1 });
    expect(refused).toMatchObject({ ok: false, refusal: "too_many" });
    expect(recordMessages("ja").discloseTooMany((refused as { count: number }).count, 1)).toMatch(
      /^条件に当たる記録が\d+件あり、一度に記録できる1件を超えます/,
    );
    const r = await listForDisclosure(h.bot.services, input, { postChars: 200 });
    expect(r).toMatchObject({ ok: true });
    const posts = (r as { posts: number }).posts;
    expect(posts).toBeGreaterThan(1);
    await drain(h, clock);
    await h.fake.waitFor(() => thread().length >= before + posts || undefined);
    const added = thread().slice(before);
    expect(added).toHaveLength(posts);
    expect(added[0]!.text).toContain("第三者提供記録の一覧");
    added.slice(1).forEach((m, i) => expect(m.text.startsWith(`（続き ${i + 2}/${posts}）`)).toBe(true));
    expect(added.every((m) => m.text.length <= 200)).toBe(true);
    expect(added.map((m) => m.text).join("\n")).toContain(`提供記録 ${combined.code}`);
  });

  it("only the desk, and only for that kind of request", async () => {
    expect((await privacy(h, P.employee2, "provision disclose DSR-2026-0001")).shown).toContain("開示等の請求の窓口");
    const d = await logCase(h, clock, P.employee, { kind: "disclosure" });
    expect((await privacy(h, P.employee, `provision disclose ${d.code}`)).shown).toContain("「第三者提供記録の開示」の請求ではありません");
  });
});

describe("retention ends: reminder and disposal", () => {
  it("the combined record is listed for disposal after its keep-until day, and its disposal is recorded (who, when, how)", async () => {
    const disposalDms = () => h.fake.dms(P.chief).filter((m) => shown(m).includes(combined.code) && shown(m).includes("/privacy processors disposal"));
    // on its keep-until day (30 June 2029) it is still kept
    await runJobAt(h, clock, "processors.reminders", "2029-06-29T09:30:00");
    expect(disposalDms()).toHaveLength(0);
    await runJobAt(h, clock, "processors.reminders", "2029-07-02T09:30:00");
    const dm = await h.fake.waitFor(() => disposalDms()[0]);
    expect(shown(dm)).toContain("/privacy processors disposal");
    const view = await newView(h, P.chief, ProcessorViews.disposal, () => h.slack.command(P.chief, "/privacy", `processors disposal ${combined.code}`));
    await h.slack.fillAndSubmit(P.chief, view.id, { method: "erase", performedBy: P.employee, disposedOn: "2029-07-02" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const rec = await db().provisionRecord.findUniqueOrThrow({ where: { requestId: combined.id } });
    expect(rec).toMatchObject({ disposalMethod: "erase", disposedBy: P.employee, disposalRecordedBy: P.chief });
    expect(day(rec.disposedOn)).toBe("2029-07-02");
  });

  it("the owners are reminded weekly (records.retention) until the disposal is recorded; a receipt's by its department's manager", async () => {
    const reminders = (user: string, code: string) =>
      h.fake.dms(user).filter((m) => shown(m).includes("保存期間が終わった第三者提供の記録") && shown(m).includes(code));
    await runJobAt(h, clock, "records.retention", "2029-07-02T09:50:00");
    // the combined record is disposed of: not reminded; the receipt is still kept
    expect(reminders(P.employee, combined.code)).toHaveLength(0);
    expect(reminders(P.employee, "RCV-2026-0001")).toHaveLength(0);
    await runJobAt(h, clock, "records.retention", "2029-09-03T09:50:00");
    const dm = await h.fake.waitFor(() => reminders(P.employee, "RCV-2026-0001")[0]);
    expect(shown(dm)).toContain("/privacy provision dispose RCV-2026-0001");
    expect(shown(dm)).not.toContain("RCV-2026-0002"); // exempt: no retention
    // not again the same week; again the next
    await runJobAt(h, clock, "records.retention", "2029-09-04T09:50:00");
    expect(reminders(P.employee, "RCV-2026-0001")).toHaveLength(1);
    await runJobAt(h, clock, "records.retention", "2029-09-10T09:50:00");
    expect(reminders(P.employee, "RCV-2026-0001")).toHaveLength(2);

    expect((await privacy(h, P.employee, "provision dispose RCV-2026-0001")).shown).toContain("受領記録の廃棄を記録できるのは");
    const view = await newView(h, P.manager, RecordViews.dispose, () => h.slack.command(P.manager, "/privacy", "provision dispose RCV-2026-0001"));
    await h.slack.fillAndSubmit(P.manager, view.id, { method: "other", performedBy: P.employee, disposedOn: "2029-09-10" });
    expect(h.fake.viewErrors(view.id)?.note).toBe("入力してください");
    await h.slack.fillAndSubmit(P.manager, view.id, { method: "erase", performedBy: P.employee, disposedOn: "2029-09-10" });
    expect(h.fake.viewErrors(view.id)).toBeUndefined();
    const r = await db().receiptRecord.findUniqueOrThrow({ where: { code: "RCV-2026-0001" } });
    expect(r).toMatchObject({ disposalMethod: "erase", disposedBy: P.employee, disposalRecordedBy: P.manager });
    expect(day(r.disposedOn)).toBe("2029-09-10");
    expect(await db().auditEntry.findFirst({ where: { action: "receipt.disposed", subject: "receipt:RCV-2026-0001" } })).not.toBeNull();
    await runJobAt(h, clock, "records.retention", "2029-09-17T09:50:00");
    expect(reminders(P.employee, "RCV-2026-0001")).toHaveLength(2);
  });
});
