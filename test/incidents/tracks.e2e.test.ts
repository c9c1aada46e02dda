// The report tracks of a telecom carrier over signed HTTP (issue 13; legal cases L2 and L9
// of ../shared/docs/legal-cases.md). The company is a carrier of the Kanto region
// (settings company:). L2: 1,200 customers' names and addresses mailed to a wrong partner:
// reportable (第7条4号), 速報 and 確報 (30 days) to the 関東総合通信局, named in the triage,
// the card, the checklist, the reminders, App Home, the digest, the draft and the 「速報を提出」
// modal; the ministry promise of seed 004 §11(1)[3] its own task, labelled as the company's.
// L9: 3 subscribers' e-mail contents exposed: 通信の秘密, a 第28条 report (第一報 promptly, 詳報 in
// 30 days) with its own tasks and draft whatever 第7条 says; the personal-data track only
// once 第7条 applies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { buildDigest } from "../../src/digest/build.js";
import { parseSettings } from "../../src/settings.js";
import { homeShows } from "./fixture.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { jst, runJobAt, pumping as pumpingOutbox, newView as openedView } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
const INCIDENTS = ORG.channels.incidents;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
const settings = parseSettings('company: { bureau: kanto, name: 株式会社テスト通信, registrationNumber: "第123号" }\n');
let h: Harness;
const db = () => h.bot.services.database.prisma;
const endOf = (day: string) => new Date(jst(`${day}T00:00:00`).getTime() + 86_400_000 - 1).toISOString();

const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);
const newView = (user: string, callbackId: string, open: () => Promise<unknown>) => openedView(h, user, callbackId, open);
const latest = (m: FakeMessage) => h.fake.message(m.channel, m.ts)!;
const shows = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => (shown(latest(m)).includes(text) ? latest(m) : undefined)));
const threadHas = (m: FakeMessage, text: string) => pumping(h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))));
const task = async (code: string, key: string) => {
  const i = await db().incident.findUniqueOrThrow({ where: { code } });
  return db().incidentTask.findUniqueOrThrow({ where: { incidentId_key: { incidentId: i.id, key } } });
};
const reminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("個人情報の事故の期限"));

/** `reporter` reports with /privacy incident (discovered 2026-11-24 09:30); returns its code and post. */
async function report(reporter: string, inputs: Record<string, string>): Promise<{ code: string; parent: FakeMessage }> {
  const view = await newView(reporter, IncidentViews.report, () => h.slack.command(reporter, "/privacy", "incident"));
  expect(JSON.stringify(view.view.blocks)).toContain("通信の秘密");
  await h.slack.fillAndSubmit(reporter, view.id, {
    [ReportBlocks.discoveredOn]: "2026-11-24",
    [ReportBlocks.discoveredTime]: "09:30",
    [ReportBlocks.ongoing]: "no",
    [ReportBlocks.processor]: "no",
    ...inputs,
  });
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const { code } = await db().incident.findFirstOrThrow({ where: { reporterId: reporter }, orderBy: { reportedAt: "desc" } });
  const parent = await pumping(h.fake.waitFor(() => h.fake.messages(INCIDENTS).find((m) => shown(m).includes(code))));
  return { code, parent };
}

/** The chief assesses (or reassesses) from the post. */
async function assess(parent: FakeMessage, inputs: Record<string, string | string[]>) {
  const view = await newView(P.chief, IncidentViews.assess, async () => {
    const block = (latest(parent).blocks ?? []).find((b) => b.type === "actions");
    const r = await h.slack.blockAction(P.chief, {
      actionId: IncidentActions.assess,
      blockId: block?.block_id as string,
      message: { channel: parent.channel, ts: parent.ts },
    });
    expect(r.status).toBe(200);
  });
  await h.slack.fillAndSubmit(P.chief, view.id, { [AssessBlocks.encrypted]: "no", [AssessBlocks.processor]: "no", ...inputs });
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  return view;
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings });
});
afterAll(async () => {
  await h?.close();
});

describe("L2: 1,200 customers, a carrier of the Kanto region", () => {
  let code: string;
  let parent: FakeMessage;

  it("reportable (第7条4号): 速報 and 確報 (30 days) to the 関東総合通信局, and the company's own ministry promise apart", async () => {
    ({ code, parent } = await report(P.employee, {
      [ReportBlocks.summary]: "顧客1,200名の氏名とメールアドレスを記載したファイルを取引先1社に誤送信した",
      [ReportBlocks.data]: "顧客の氏名・メールアドレス",
      [ReportBlocks.affected]: "over-1000",
      [ReportBlocks.secrecy]: "no",
    }));
    await assess(parent, {
      [AssessBlocks.categories]: ["over-1000"],
      [AssessBlocks.affectedCount]: "1200",
      [AssessBlocks.secrecy]: "no",
      [AssessBlocks.dataItems]: "氏名、メールアドレス",
    });
    const reply = shown(await threadHas(parent, "が評価しました"));
    expect(reply).toContain("本人の数が1,000人を超える漏えい等（第7条4号）");
    expect(reply).toContain("速報（関東総合通信局）：2026/11/26 23:59");
    expect(reply).toContain("確報（関東総合通信局）：2026/12/23 23:59");
    expect(reply).toContain("総務省への報告（当社の方針）：2026/11/24 23:59");
    expect(reply).not.toContain("個人情報保護委員会");

    const card = shown(await shows(parent, "報告の系統"));
    expect(card).toContain("個人データの漏えい等（個人情報保護法第26条1項、施行規則第7条・第8条）");
    expect(card).toContain("報告先：関東総合通信局");
    expect(card).toContain("関東総合通信局への速報（個人データ）：2026/11/26 23:59");
    // the 3 days are the company's target, labelled so (legal case L2)
    expect(card).toContain("速報の期限は当社の設定（法令は「速やかに」：委員会のガイドラインでおおむね3〜5日）");
    expect(card).toContain("総務省への即時報告（当社の方針 §11(1)[3]：当社の約束であり法令上の義務ではない）");
    expect(card).not.toContain("通信の秘密の漏えい（");

    const i = await db().incident.findUniqueOrThrow({ where: { code } });
    expect(i.preliminaryReportDueAt?.toISOString()).toBe(endOf("2026-11-26"));
    expect(i.finalReportDueAt?.toISOString()).toBe(endOf("2026-12-23"));
    expect(i.secrecyFirstReportDueAt).toBeNull();
    expect((await task(code, "preliminary-report")).dueAt?.toISOString()).toBe(endOf("2026-11-26"));
    expect(await task(code, "final-report")).toMatchObject({ status: "open" });
    expect(await task(code, "people-notified")).toMatchObject({ status: "open" }); // Art.26(2)
    expect(await task(code, "ministry-report")).toMatchObject({ status: "open" });
    expect(await task(code, "secrecy-first-report")).toMatchObject({ status: "na", naReason: "no-secrecy" });
    const checklist = shown(await threadHas(parent, "対応タスク"));
    expect(checklist).toContain("関東総合通信局への速報（個人データ）");
    expect(checklist).toContain("関東総合通信局への確報（個人データ）");
    expect(checklist).toContain("総務省への報告（当社の方針 §11(1)[3]「直ちに」：当社の約束）");
  });

  it("the reminder, App Home, the digest, the draft and the 「速報を提出」 modal name the bureau", async () => {
    await runJobAt(h, clock, "incidents.escalations", "2026-11-25T00:05:00");
    const dm = reminders(P.chief)
      .map((m) => shown(m))
      .join("\n");
    expect(dm).toContain("速報（関東総合通信局）");
    expect(dm).toContain("期限まであと1日23時間"); // how long is actually left (issue 16)

    // the ministry promise and the notice done: the next deadline is the 速報 to the bureau
    for (const key of ["ministry-report", "people-notified"]) {
      const c = await threadHas(parent, "対応タスク");
      const r = await h.slack.blockAction(P.chief, { actionId: IncidentActions.taskDone, blockId: `task-${key}`, message: { channel: c.channel, ts: c.ts } });
      expect(r.status).toBe(200);
      await pumping(h.fake.waitFor(async () => ((await task(code, key)).status === "done" ? true : undefined)));
    }
    // (the tab refreshed after the first task may still show the notice's deadline: wait for the last one)
    const home = await homeShows(h, clock, P.chief, (t) => t.includes(code) && t.includes("次の期限：速報（関東総合通信局）"));
    expect(home).toContain("次の期限：速報（関東総合通信局） 2026/11/26 23:59");
    const s = h.bot.services;
    const digest = await buildDigest({
      services: s,
      calendar: h.bot.calendar,
      settings: s.settings!,
      from: jst("2026-11-23T00:00:00"),
      to: jst("2026-11-30T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    expect(digest.sections.find((x) => x.title.includes("個人情報の事故"))?.lines.join("\n")).toContain("次の期限：速報（関東総合通信局） 2026/11/26 23:59");

    const before = h.fake.files().length;
    await privacy(h, P.chief, `incident report ${code} preliminary`);
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.bytes!.toString("utf8")).toContain("- 報告先: 関東総合通信局");

    const modal = await newView(P.chief, IncidentViews.submitted, () =>
      h.slack.blockAction(P.chief, { actionId: IncidentActions.reportPreliminary, message: { channel: parent.channel, ts: parent.ts } }),
    );
    expect(JSON.stringify(modal.view.blocks)).toContain("速報を関東総合通信局へ提出した日時を記録します");
  });
});

describe("L9: 3 subscribers' e-mail contents exposed (通信の秘密)", () => {
  let code: string;
  let parent: FakeMessage;

  it("a 第28条 report whatever 第7条 says: 第一報 promptly (2 days, the company's setting) and 詳報 in 30 days, to the Minister", async () => {
    ({ code, parent } = await report(P.employee2, {
      [ReportBlocks.summary]: "メールサーバの設定誤りで利用者3名のメール本文が他の利用者から閲覧できる状態だった",
      [ReportBlocks.data]: "メール本文・送受信日時",
      [ReportBlocks.affected]: "1-9",
      [ReportBlocks.secrecy]: "yes",
    }));
    // the reporter's answer is pre-selected in the assessment; no 第7条 category
    const view = await assess(parent, { [AssessBlocks.affectedCount]: "3", [AssessBlocks.dataItems]: "メール本文、送受信日時" });
    expect(JSON.stringify(view.view.blocks)).toContain("電気通信事業法第28条");
    const i = await db().incident.findUniqueOrThrow({ where: { code } });
    expect(i.reportable).toBe(false);
    expect(i.secrecyFirstReportDueAt?.toISOString()).toBe(endOf("2026-11-25"));
    expect(i.secrecyDetailedReportDueAt?.toISOString()).toBe(endOf("2026-12-23"));
    expect(await task(code, "secrecy-first-report")).toMatchObject({ status: "open" });
    expect((await task(code, "secrecy-detailed-report")).dueAt?.toISOString()).toBe(endOf("2026-12-23"));
    expect(await task(code, "preliminary-report")).toMatchObject({ status: "na", naReason: "not-reportable" });

    const reply = shown(await threadHas(parent, "が評価しました"));
    expect(reply).toContain("報告対象外");
    expect(reply).toContain("通信の秘密の報告（電気通信事業法第28条）は必要です");
    expect(reply).toContain("通信の秘密の第一報：2026/11/25 23:59");
    expect(reply).toContain("通信の秘密の詳報：2026/12/23 23:59");
    const card = shown(await shows(parent, "報告の系統"));
    expect(card).toContain("通信の秘密の漏えい（電気通信事業法第28条、同法施行規則第57条");
    expect(card).toContain("報告先：総務大臣（提出窓口：関東総合通信局）");
    expect(card).toContain("第一報の期限は当社の設定（法令は「速やかに」とのみ定める）");
    expect(card).not.toContain("個人データの漏えい等（個人情報保護法第26条1項");
    const checklist = shown(await threadHas(parent, "対応タスク"));
    expect(checklist).toContain("通信の秘密の漏えい：総務大臣への第一報（電気通信事業法第28条）");
    expect(checklist).toContain("通信の秘密の漏えい：総務大臣への詳報（電気通信事業法施行規則第57条）");
  });

  it("the 第一報 draft carries its items; its reminder names it", async () => {
    const before = h.fake.files().length;
    const e = await privacy(h, P.chief, `incident report ${code} secrecy-first`);
    expect(e.shown).toContain("通信の秘密の第一報の草案をスレッドに投稿しました");
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    const md = file.bytes!.toString("utf8");
    expect(md).toContain("# 通信の秘密の漏えいに関する報告（第一報）草案");
    expect(md).toContain("報告先: 総務大臣（提出窓口：関東総合通信局）");
    expect(md).toContain("株式会社テスト通信");
    expect(md).toContain("第123号");
    expect(md).toContain("## 8. 影響を受けた人数\n\n3人");
    expect(md).toContain("法令は「速やかに」とのみ定める");
    // 24 hours before the 第一報 (due 2026/11/25 23:59)
    await runJobAt(h, clock, "incidents.escalations", "2026-11-25T00:10:00");
    expect(
      reminders(P.chief)
        .map((m) => shown(m))
        .join("\n"),
    ).toContain("通信の秘密の第一報");
    const drafted = await db().auditEntry.findFirstOrThrow({ where: { action: "incident.report_drafted", subject: `incident:${code}` } });
    expect(drafted.data).toMatchObject({ kind: "secrecy-first" });
  });

  it("once 第7条 applies (sensitive data among the e-mails) the personal-data track is added; the 第28条 track stays", async () => {
    clock.set(jst("2026-11-25T09:00:00"));
    await assess(parent, {
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "3",
      [AssessBlocks.reason]: "メール本文に病歴の記載があった",
    });
    expect(await task(code, "preliminary-report")).toMatchObject({ status: "open" });
    expect(await task(code, "secrecy-first-report")).toMatchObject({ status: "open" });
    const card = shown(await shows(parent, "個人データの漏えい等（個人情報保護法第26条1項"));
    expect(card).toContain("通信の秘密の漏えい（電気通信事業法第28条");
    expect(card).toContain("関東総合通信局への確報（個人データ）：2026/12/23 23:59");
    const timeline = shown(await threadHas(parent, "再評価しました"));
    expect(timeline).toContain("速報（関東総合通信局）の期限を設定：2026/11/26 23:59");
  });
});

describe("My Number (番号利用法 第29条の4): its own track, recipient and deadline 要確認", () => {
  it("a leak including My Number data gets its own report task, without a deadline the bot would have to invent", async () => {
    const { code, parent } = await report(P.manager, {
      [ReportBlocks.summary]: "従業員10名分の源泉徴収票の写しを誤って別の従業員に送付した",
      [ReportBlocks.data]: "従業員の氏名・個人番号",
      [ReportBlocks.affected]: "10-99",
      [ReportBlocks.secrecy]: "no",
    });
    await assess(parent, { [AssessBlocks.affectedCount]: "10", [AssessBlocks.secrecy]: "no", [AssessBlocks.tracks]: ["my-number"] });
    const t = await task(code, "my-number-report");
    expect(t).toMatchObject({ status: "open", dueAt: null });
    const card = shown(await shows(parent, "報告の系統"));
    expect(card).toContain("特定個人情報の漏えい等（番号利用法第29条の4）");
    expect(card).toContain("報告先は要確認");
    expect(card).toContain("報告先・期限は要確認（ボットは定めていません）");
    expect(shown(await threadHas(parent, "対応タスク"))).toContain("特定個人情報の漏えい等の報告（番号利用法第29条の4。報告先・期限は要確認）");
  });
});

describe("the company profile in Slack", () => {
  it("/privacy admin company shows the profile the bot applies; others are refused", async () => {
    const e = await privacy(h, P.admin, "admin company");
    expect(e.shown).toContain("電気通信事業者：はい");
    expect(e.shown).toContain("本店所在地を管轄する総合通信局等：関東総合通信局");
    expect(e.shown).toContain("登録番号又は届出番号：第123号");
    expect(e.shown).toContain("速報 3日（上限5日：施行規則第8条1項「速やかに」）");
    expect(e.shown).toContain("通信の秘密の第一報 2日（法令は「速やかに」とのみ定める）");
    expect((await privacy(h, P.employee, "admin company")).shown).toContain("管理者（admin）だけが使えます");
  });
});
