// Issue 13 (intake), over signed HTTP: the legal cases of legal-cases.md (the shared docs beside this repository)
// this branch owns, as a person sees them. L1 (800 customers: not reportable, but the
// company's policies still ask notice and publication), L2/L3 (1,200 / exactly 1,000), L4-L6
// (第7条3号 and 2号, the 60-day 確報), L7 (strong encryption), L8 (a count that may exceed
// 1,000; an unknown count is 要判断, never "not reportable"), L10 (a business partner's
// report: our clock starts when we learn, the partner's two reports become tasks), the
// regulator form's facts in the post and the draft, and the notice draft (施行規則 第10条).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks, TaskBlocks } from "../../src/incidents/ids.js";
import { IntakeBlocks } from "../../src/incidents/intake/facts.js";
import { NA_GROUND_BLOCK } from "../../src/incidents/intake/exceptions.js";
import { startHarness, type Harness } from "../support/harness.js";
import { parseSettings } from "../../src/settings.js";

/** A company that is not a telecom carrier: the PPC path of APPI Art.26 (the carrier's tracks: tracks.e2e.test.ts). */
const PPC_COMPANY = parseSettings("company: { telecomCarrier: false }\n");
import { ORG } from "../support/org.js";
import { jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const INCIDENTS = ORG.channels.incidents;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);
const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const parentShows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))));
/** the end of a Japanese day */
const endOf = (day: string) => new Date(jst(`${day}T00:00:00`).getTime() + 86_400_000 - 1);

const REPORT = {
  [ReportBlocks.summary]: "顧客の氏名とメールアドレスの一覧を添付したメールを取引先1社に誤送信した（先方で削除済み）",
  [ReportBlocks.discoveredOn]: "2026-11-24",
  [ReportBlocks.discoveredTime]: "09:30",
  [ReportBlocks.data]: "顧客の氏名・メールアドレス",
  [ReportBlocks.affected]: "100-1000",
  [ReportBlocks.ongoing]: "no",
  [ReportBlocks.processor]: "no",
};

/** An employee files a report; returns the incident row and its post in the incidents channel. */
async function file(extra: Record<string, string | string[]> = {}) {
  const view = await newView(P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
  const r = await h.slack.fillAndSubmit(P.employee, view.id, { ...REPORT, ...extra });
  expect(r.status).toBe(200);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const i = await db().incident.findFirstOrThrow({ orderBy: { code: "desc" } });
  const parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(i.code))));
  return { i, parent };
}

/** The chief assesses from the post; returns the incident row after it and the timeline reply. */
async function assess(parent: FakeMessage, answers: Record<string, string | string[]>) {
  const msg = latest(parent);
  const block = (msg.blocks ?? []).find((b) => b.type === "actions");
  const view = await newView(P.chief, IncidentViews.assess, () =>
    h.slack.blockAction(P.chief, { actionId: IncidentActions.assess, blockId: block?.block_id as string, message: { channel: parent.channel, ts: parent.ts } }),
  );
  await h.slack.fillAndSubmit(P.chief, view.id, { [AssessBlocks.encrypted]: "no", [AssessBlocks.processor]: "no", ...answers });
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const code = shown(parent).match(/INC-\d{4}-\d{4}/)![0];
  const i = await db().incident.findUniqueOrThrow({ where: { code } });
  expect(i.status).toBe("triaged");
  const reply = shown(await threadHas(parent, "が評価しました"));
  return { i, reply };
}

async function tasks(incidentId: string) {
  const rows = await db().incidentTask.findMany({ where: { incidentId } });
  return Object.fromEntries(rows.map((t) => [t.key, t]));
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: PPC_COMPANY });
});
afterAll(async () => {
  await h?.close();
});

describe("L1: 800 customers, no 第7条 category", () => {
  let parent: FakeMessage;
  let id: string;
  it("is not reportable under 施行規則 第7条, yet the notice and publication the company's policies promise are open tasks", async () => {
    ({ parent } = await file());
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: [], [AssessBlocks.affectedCount]: "800" });
    id = i.id;
    expect(i.reportable).toBe(false);
    expect(reply).toContain("報告対象外（第7条の事態に当たらない）");
    expect(i.preliminaryReportDueAt).toBeNull();
    expect(i.finalReportDueAt).toBeNull();
    // the company's rule: notice for every leak, by the notice period (3 days from learning)
    expect(i.peopleNoticeDueAt?.toISOString()).toBe(endOf("2026-11-26").toISOString());
    const t = await tasks(i.id);
    expect(t["preliminary-report"]).toMatchObject({ status: "na", naReason: "not-reportable" });
    expect(t["final-report"]).toMatchObject({ status: "na", naReason: "not-reportable" });
    expect(t["people-notified"]).toMatchObject({ status: "open" });
    expect(t["people-notified"]!.dueAt?.toISOString()).toBe(endOf("2026-11-26").toISOString());
    expect(t.publication).toMatchObject({ status: "open" });
    // the checklist labels them as the company's rules and cites the policies
    const checklist = shown(await threadHas(parent, "対応タスク"));
    expect(checklist).toContain("本人への通知（当社の基本方針：全ての漏えい〔002 §7(1)[1]・004 §11(1)[1]〕");
    expect(checklist).toContain("公表（当社の基本方針：全ての漏えい〔002 §7(1)[2]・004 §11(1)[2]〕。例外は002 §7(2)・004 §11(2)）");
  });

  const naView = async (key: string) => {
    const checklist = await threadHas(parent, "対応タスク");
    return newView(P.chief, IncidentViews.taskNa, () =>
      h.slack.blockAction(P.chief, { actionId: IncidentActions.taskNa, blockId: `task-${key}`, message: { channel: checklist.channel, ts: checklist.ts } }),
    );
  };

  it("publication is set aside only on a ground the policies state (002 §7(2), 004 §11(2)) or another reason, recorded", async () => {
    const view = await naView("publication");
    const modal = JSON.stringify(view.view.blocks);
    expect(modal).toContain("当社の基本方針の例外（002 §7(2)・004 §11(2)）");
    expect(modal).toContain("[1] 生命・身体・財産等の権利利益を害するおそれ");
    // no ground: refused in the modal, nothing recorded
    await h.slack.fillAndSubmit(P.chief, view.id, { [TaskBlocks.naReason]: "取引先が削除済み" });
    expect(h.fake.viewErrors(view.id)?.[NA_GROUND_BLOCK]).toContain("根拠を選んで");
    expect((await tasks(id)).publication!.status).toBe("open");
    await h.slack.fillAndSubmit(P.chief, view.id, { [NA_GROUND_BLOCK]: "policy-1", [TaskBlocks.naReason]: "公表すると誤送信先の取引先が特定されるおそれ" });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const t = (await tasks(id)).publication!;
    expect(t.status).toBe("na");
    expect(t.naReason).toContain("（基本方針 5(1)[1]、002 §7(2)・004 §11(2)）：公表すると誤送信先の取引先が特定されるおそれ");
  });

  it("the notice has no exception in the policies: the modal offers only the substitutes where notice is difficult (Art.26(2) proviso)", async () => {
    const view = await naView("people-notified");
    const modal = JSON.stringify(view.view.blocks);
    expect(modal).toContain("基本方針は本人への通知に例外を定めていません");
    expect(modal).toContain("通知が困難：代替措置として公表（法第26条2項ただし書）");
    expect(modal).toContain("通知が困難：代替措置として問合せ窓口（法第26条2項ただし書）");
    expect(modal).not.toContain("[1] 生命");
  });
});

describe("completing the facts later", () => {
  it("a responder adds the occurrence day, the kind and the medium in 「報告書の項目を記入」; the post shows them, the timeline records them", async () => {
    const i = await db().incident.findFirstOrThrow({ where: { code: "INC-2026-0001" } });
    const parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(i.code))));
    expect(shown(parent)).toContain("発生日*：未確認");
    const view = await newView(P.chief, IncidentViews.details, () => h.slack.command(P.chief, "/privacy", `incident details ${i.code}`));
    await h.slack.fillAndSubmit(P.chief, view.id, { [IntakeBlocks.occurredOn]: "2026-11-25" });
    expect(h.fake.viewErrors(view.id)?.[IntakeBlocks.occurredOn]).toContain("気づいた日より後");
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [IntakeBlocks.occurredOn]: "2026-11-23",
      [IntakeBlocks.eventKinds]: ["leak"],
      [IntakeBlocks.medium]: "electronic",
      [IntakeBlocks.discoveryMethod]: "external",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const after = await db().incident.findUniqueOrThrow({ where: { id: i.id } });
    expect(after).toMatchObject({ eventKinds: ["leak"], medium: "electronic", discoveryMethod: "external" });
    expect(after.occurredOn?.toISOString().slice(0, 10)).toBe("2026-11-23");
    const p = shown(await parentShows(parent, "発生日*：2026/11/23"));
    expect(p).toContain("漏えい");
    expect(p).toContain("電子データ");
    const a = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.details_updated", subject: `incident:${i.code}` } });
    expect((a.data as { facts: { fact: string }[] }).facts.map((f) => f.fact)).toEqual(["occurredOn", "discoveryMethod", "eventKinds", "medium"]);
  });
});

describe("the number of people (第7条4号 and 発生したおそれ)", () => {
  it("L2: 1,200 customers is reportable (第7条4号), 速報 and 確報 within 30 days of learning", async () => {
    const { parent } = await file();
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: ["over-1000"], [AssessBlocks.affectedCount]: "1200" });
    expect(i.reportable).toBe(true);
    expect(i.reasons).toEqual(["over-1000"]);
    expect(reply).toContain("本人の数が1,000人を超える漏えい等（第7条4号）");
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2026-12-23").toISOString());
    expect(reply).toContain("確報（個人情報保護委員会）：2026/12/23 23:59");
  });

  it("L3: exactly 1,000 is not reportable under 第7条4号", async () => {
    const { parent } = await file();
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: [], [AssessBlocks.affectedCount]: "1000" });
    expect(i.reportable).toBe(false);
    expect(reply).toContain("報告対象外");
    expect(i.finalReportDueAt).toBeNull();
  });

  it("L8: a number not known but that may exceed 1,000 is answered as such and is reportable", async () => {
    const { parent } = await file({ [ReportBlocks.affected]: "unknown" });
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: ["over-1000"] });
    expect(i.reportable).toBe(true);
    expect(i.reasons).toEqual(["over-1000"]);
    expect(reply).toContain("報告対象（本人の数が1,000人を超える漏えい等（第7条4号））");
    expect(reply).toContain("速報（個人情報保護委員会）：2026/11/26 23:59");
  });

  it("an unknown number with no other category shows 要判断 and keeps the 速報 and 確報 open, never 'not reportable'", async () => {
    const { parent } = await file({ [ReportBlocks.affected]: "unknown" });
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: [] });
    expect(i.reportable).toBeNull();
    expect(reply).toContain("要判断（本人の数が未確定");
    expect(reply).not.toContain("報告対象外");
    const p = shown(await parentShows(parent, "要判断"));
    expect(p).toContain("速報（個人情報保護委員会）：2026/11/26 23:59");
    const t = await tasks(i.id);
    expect(t["preliminary-report"]!.status).toBe("open");
    expect(t["final-report"]!.status).toBe("open");
  });
});

describe("第7条3号 and 2号, the encryption exclusion", () => {
  it("L4: an intrusion into a server with 10 customers' records is reportable (3号); the 確報 is due in 60 days", async () => {
    const { parent } = await file({ [ReportBlocks.summary]: "顧客管理サーバへの不正アクセスを検知した" });
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: ["malicious"], [AssessBlocks.affectedCount]: "10" });
    expect(i.reasons).toEqual(["malicious"]);
    expect(reply).toContain("不正の目的をもって行われたおそれがある漏えい等（第7条3号）");
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2027-01-22").toISOString());
  });

  it("L5: a web form skimmed before the data reached us is offered as 3号 (personal information being acquired) and is reportable, 60 days", async () => {
    const { parent } = await file({ [ReportBlocks.summary]: "申込Webフォームが改ざんされ、入力内容が外部に送信されていた" });
    const msg = latest(parent);
    const block = (msg.blocks ?? []).find((b) => b.type === "actions");
    const view = await newView(P.chief, IncidentViews.assess, () =>
      h.slack.blockAction(P.chief, {
        actionId: IncidentActions.assess,
        blockId: block?.block_id as string,
        message: { channel: parent.channel, ts: parent.ts },
      }),
    );
    expect(JSON.stringify(view.view.blocks)).toContain("取得しようとしている個人情報への行為を含む。例：Webフォームの改ざん");
    await h.slack.fillAndSubmit(P.chief, view.id, {
      [AssessBlocks.categories]: ["malicious"],
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.affectedCount]: "40",
    });
    const i = await db().incident.findFirstOrThrow({ orderBy: { code: "desc" } });
    expect(i.reportable).toBe(true);
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2027-01-22").toISOString());
  });

  it("L6: 5 customers' card numbers are reportable (第7条2号)", async () => {
    const { parent } = await file({ [ReportBlocks.data]: "顧客のクレジットカード番号" });
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: ["financial-loss"], [AssessBlocks.affectedCount]: "5" });
    expect(i.reasons).toEqual(["financial-loss"]);
    expect(reply).toContain("財産的被害が生じるおそれがある漏えい等（第7条2号）");
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2026-12-23").toISOString());
  });

  it("L7: strongly encrypted with the key safe is not reportable; the company's notice is still considered", async () => {
    const { parent } = await file({ [ReportBlocks.summary]: "暗号化したノートPCを紛失した（鍵は別管理で無事）" });
    const { i, reply } = await assess(parent, {
      [AssessBlocks.categories]: ["over-1000"],
      [AssessBlocks.affectedCount]: "3000",
      [AssessBlocks.encrypted]: "yes",
    });
    expect(i.reportable).toBe(false);
    expect(reply).toContain("高度な暗号化等の措置が講じられているため報告対象外");
    const t = await tasks(i.id);
    expect(t["preliminary-report"]).toMatchObject({ status: "na", naReason: "encrypted" });
    expect(t["people-notified"]!.status).toBe("open");
  });
});

describe("L10: a leak at a business partner, and the regulator form's facts", () => {
  let parent: FakeMessage;
  let code: string;
  it("the report refuses a partner without a name and an occurrence after the discovery", async () => {
    const view = await newView(P.employee, IncidentViews.report, () => h.slack.command(P.employee, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee, view.id, { ...REPORT, [IntakeBlocks.where]: "partner", [IntakeBlocks.occurredOn]: "2026-11-24" });
    expect(h.fake.viewErrors(view.id)?.[IntakeBlocks.partnerName]).toContain("名称を入力");
    await h.slack.fillAndSubmit(P.employee, view.id, {
      ...REPORT,
      [IntakeBlocks.where]: "partner",
      [IntakeBlocks.partnerName]: "株式会社サンプル代理店",
      [IntakeBlocks.occurredOn]: "2026-11-25",
    });
    expect(h.fake.viewErrors(view.id)?.[IntakeBlocks.occurredOn]).toContain("気づいた日より後");
  });

  it("a partner's report: stored with the facts, our deadlines count from when we learned, the partner's two reports are tasks", async () => {
    ({ parent } = await file({
      [ReportBlocks.summary]: "代理店が当社顧客の申込書の写しを紛失したと報告してきた",
      [IntakeBlocks.where]: "partner",
      [IntakeBlocks.partnerName]: "株式会社サンプル代理店",
      [IntakeBlocks.occurredOn]: "2026-11-20",
      [IntakeBlocks.eventKinds]: ["loss"],
      [IntakeBlocks.medium]: "paper",
    }));
    const row = await db().incident.findFirstOrThrow({ orderBy: { code: "desc" } });
    code = row.code;
    expect(row).toMatchObject({ partnerName: "株式会社サンプル代理店", discoveryMethod: "partner", eventKinds: ["loss"], medium: "paper" });
    expect(row.occurredOn?.toISOString().slice(0, 10)).toBe("2026-11-20");
    const p = shown(parent);
    expect(p).toContain("発生日*：2026/11/20");
    expect(p).toContain("滅失");
    expect(p).toContain("株式会社サンプル代理店（パートナー細則 第9条");
    // the partner's name is sealed in the chain, never copied there
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.reported", subject: `incident:${code}` } });
    expect(JSON.stringify(audit.data)).not.toContain("サンプル代理店");

    // the company's own 第7条 assessment decides the regulator report: here sensitive data, so reportable,
    // with the 速報 counted from 24 Nov (when we learned), not from 20 Nov (when it happened)
    const { i, reply } = await assess(parent, { [AssessBlocks.categories]: ["sensitive"], [AssessBlocks.affectedCount]: "12" });
    expect(i.preliminaryReportDueAt?.toISOString()).toBe(endOf("2026-11-26").toISOString());
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2026-12-23").toISOString());
    expect(reply).toContain("パートナーの調査報告（当社の設定）：2026/11/30 23:59");
    expect(reply).toContain("パートナーの再発防止策の報告（当社の設定）：2026/12/23 23:59");
    const t = await tasks(i.id);
    expect(t["partner-investigation"]).toMatchObject({ status: "open" });
    expect(t["partner-investigation"]!.dueAt?.toISOString()).toBe(endOf("2026-11-30").toISOString());
    expect(t["partner-recurrence"]!.dueAt?.toISOString()).toBe(endOf("2026-12-23").toISOString());
    const checklist = shown(await threadHas(parent, "対応タスク"));
    expect(checklist).toContain("ビジネスパートナーからの調査結果・対処状況の報告（パートナー細則 第9条1項。期限は当社の設定）");
    // not described as our own duty as a processor: the client-told task does not apply
    expect(t["client-told"]).toMatchObject({ status: "na", naReason: "not-processor" });
  });

  it("the regulator report draft carries the facts; the notice draft carries the items of 施行規則 第10条", async () => {
    const before = h.fake.files().length;
    await privacy(h, P.chief, `incident report ${code} preliminary`);
    const draft = (await h.fake.waitFor(() => h.fake.files()[before])).bytes!.toString("utf8");
    expect(draft).toContain("- 発生日: 2026/11/20");
    expect(draft).toContain("- 事態の区分: 滅失");
    expect(draft).toContain("- 媒体: 紙");
    expect(draft).toContain("- 発覚の経緯: ビジネスパートナー（代理店・委託先）からの報告");

    const e = await privacy(h, P.chief, `incident report ${code} notice`);
    expect(e.shown).toContain("本人への通知の草案をスレッドに投稿しました");
    const notice = (await h.fake.waitFor(() => h.fake.files()[before + 1])).bytes!.toString("utf8");
    expect(notice).toContain("施行規則 第10条");
    for (const heading of [
      "## 1. 概要",
      "## 2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
      "## 3. 原因",
      "## 4. 二次被害又はそのおそれの有無及びその内容",
      "## 5. その他参考となる事項",
    ])
      expect(notice).toContain(heading);
    expect(notice).not.toContain("本人の数");
    expect(notice).toContain("公表、又は問合せ窓口の設置");
    expect(await db().auditEntry.count({ where: { action: "incident.notice_drafted", subject: `incident:${code}` } })).toBe(1);

    // someone outside the incident gets nothing
    const out = await privacy(h, P.employee2, `incident report ${code} notice`);
    expect(out.shown).toContain("報告者と対応者");
  });
});

describe("L10: the partner's reports are reminded like any deadline", () => {
  it("48 hours before the partner's investigation report is due, its owner is reminded, labelled as a company setting", async () => {
    const i = await db().incident.findFirstOrThrow({ where: { partnerName: { not: null } } });
    await runJobAt(h, clock, "incidents.escalations", "2026-11-29T00:05:00");
    const dm = await pumping(
      h.fake.waitFor(() => h.fake.dms(P.chief).find((m) => shown(m).includes(i.code) && shown(m).includes("パートナーの調査報告（当社の設定）"))),
    );
    expect(shown(dm)).toContain("2026/11/30 23:59");
    const reminded = await db().auditEntry.findMany({ where: { action: "incident.reminded", subject: `incident:${i.code}` } });
    expect(reminded.map((x) => (x.data as { task: string }).task)).toContain("partner-investigation");
  });
});
