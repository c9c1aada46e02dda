// Complaints and inquiries (第22条) with their links to a subject request or an incident,
// validated to exist; closing them as resolved or referred; and the digest section of
// subject requests and complaints (open, overdue, answered, refusals by ground).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { AnswerBlocks, ComplaintBlocks, ComplaintCloseBlocks, DsrActions, DsrViews, IdentityBlocks, LogBlocks, NoticeBlocks } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { buildDigest } from "../../src/digest/build.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { drain, jst, newView, pumping, until } from "../support/clock.js";
import { openHome, privacy, shown } from "../support/commands.js";
import { HOME_NOTICE_VIEW } from "../../src/platform/slack/homeTell.js";
import { COMPLIANCE, latest, logCase, notifyPerson, pressForModal, pressOn, threadHas, told } from "./helpers.js";

const P = ORG.people;
const ja = dsrMessages("ja");
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
let dsr: Awaited<ReturnType<typeof logCase>>;

const GOOD = {
  [ComplaintBlocks.kind]: "complaint",
  [ComplaintBlocks.via]: "email",
  [ComplaintBlocks.summary]: "停止を求めたのにDMが届き続けているとの苦情",
};
const openComplaint = (user: string) => newView(h, user, DsrViews.complaint, () => h.slack.command(user, "/privacy", "complaint"));

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  dsr = await logCase(h, clock, P.employee, { [LogBlocks.receivedOn]: "2026-11-24", [LogBlocks.kind]: "stop_use" });
  await db().incident.create({
    data: {
      code: "INC-2026-0007",
      status: "open",
      summary: "誤送信",
      discoveredAt: jst("2026-11-20T10:00:00"),
      reportedAt: jst("2026-11-20T10:30:00"),
      reporterId: P.employee,
      dataDescription: "氏名",
      affectedEstimate: "1-9",
      ongoing: "no",
      asProcessor: false,
      createdAt: jst("2026-11-20T10:30:00"),
      updatedAt: jst("2026-11-20T10:30:00"),
    },
  });
});
afterAll(async () => h?.close());

describe("logging a complaint", () => {
  it("bad input: personal details in the summary, a future day, a link that is no code", async () => {
    const view = await openComplaint(P.employee);
    await h.slack.fillAndSubmit(P.employee, view.id, {
      ...GOOD,
      [ComplaintBlocks.summary]: "山田様（yamada@example.com）から苦情",
      [ComplaintBlocks.receivedOn]: "2026-11-25",
      [ComplaintBlocks.link]: "PRV-2026-0001",
    });
    expect(h.fake.viewErrors(view.id)).toEqual({
      [ComplaintBlocks.summary]: ja.problem.personalData,
      [ComplaintBlocks.receivedOn]: ja.problem.future,
      [ComplaintBlocks.link]: ja.problem.badLink,
    });
    expect(await db().complaint.count()).toBe(0);
  });

  it("a link to a request or incident that does not exist is a field error, and nothing is recorded", async () => {
    const view = await openComplaint(P.employee);
    for (const code of ["DSR-2026-0099", "INC-2026-0099"]) {
      await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD, [ComplaintBlocks.link]: code });
      expect(h.fake.viewErrors(view.id)).toEqual({ [ComplaintBlocks.link]: ja.problem.linkNotFound(code) });
    }
    expect(await db().complaint.count()).toBe(0);
  });

  let c: { id: string; code: string };
  it("linked to the subject request: a code, its post with the link to the request's post, the owner's DM, the log", async () => {
    const view = await openComplaint(P.employee);
    await h.slack.fillAndSubmit(P.employee, view.id, { ...GOOD, [ComplaintBlocks.link]: dsr.code.toLowerCase(), [ComplaintBlocks.owner]: P.manager });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    c = await db().complaint.findFirstOrThrow({ where: { linkedCode: dsr.code } });
    expect(c.code).toBe("CMP-2026-0001");
    expect(await db().complaint.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "open",
      ownerId: P.manager,
      loggedBy: P.employee,
      kind: "complaint",
      via: "email",
    });
    const post = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.messages(COMPLIANCE).find((m) => m.text.includes(c.code))),
    );
    expect(shown(post)).toContain(`archives/${COMPLIANCE}/p${dsr.parent.ts.replace(".", "")}|${dsr.code}>`);
    await threadHas(h, clock, post, "CMP-2026-0001 を受け付けました");
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.manager).find((m) => m.text.includes(c.code))),
    );
    expect(await db().auditEntry.count({ where: { action: "complaint.logged", subject: "complaint:CMP-2026-0001" } })).toBe(1);
  });

  it("linked to an incident, an inquiry by phone", async () => {
    const view = await openComplaint(P.compliance);
    await h.slack.fillAndSubmit(P.compliance, view.id, {
      ...GOOD,
      [ComplaintBlocks.kind]: "inquiry",
      [ComplaintBlocks.via]: "phone",
      [ComplaintBlocks.link]: "INC-2026-0007",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().complaint.findFirstOrThrow({ where: { linkedCode: "INC-2026-0007" } })).toMatchObject({
      kind: "inquiry",
      ownerId: P.compliance,
      code: "CMP-2026-0002",
    });
  });

  it("closing: someone outside the desk is refused; referred needs to whom; resolved is recorded", async () => {
    const post = h.fake.messages(COMPLIANCE).find((m) => m.text.includes(c.code))!;
    await pressOn(h, P.employee2, post, DsrActions.complaintClose);
    await told(h, P.employee2, ja.refusal.notAllowed);
    const view = await pressForModal(h, P.manager, post, DsrActions.complaintClose, DsrViews.complaintClose);
    await h.slack.fillAndSubmit(P.manager, view.id, { [ComplaintCloseBlocks.outcome]: "referred", [ComplaintCloseBlocks.text]: "営業部に回付" });
    expect(h.fake.viewErrors(view.id)).toEqual({ [ComplaintCloseBlocks.referredTo]: ja.problem.referredTo });
    await h.slack.fillAndSubmit(P.manager, view.id, {
      [ComplaintCloseBlocks.outcome]: "resolved",
      [ComplaintCloseBlocks.text]: "DM停止を確認し、お詫びの連絡をした",
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    expect(await db().complaint.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      status: "resolved",
      closedBy: P.manager,
      outcomeText: "DM停止を確認し、お詫びの連絡をした",
    });
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => (shown(latest(h, post)).includes("DM停止を確認") ? true : undefined)),
    );
    expect(JSON.stringify(latest(h, post).blocks ?? [])).not.toContain(DsrActions.complaintClose);
    await threadHas(h, clock, post, "対応結果を記録しました：解決");
    const resolved = await db().auditEntry.findFirstOrThrow({ where: { action: "complaint.resolved", subject: `complaint:${c.code}` } });
    expect(resolved.data).toMatchObject({ outcome: "resolved", textGiven: true, referredToGiven: false });
    // free text by its presence only, in the append-only log
    expect(JSON.stringify(resolved.data)).not.toContain("DM停止");
    const logged = await db().auditEntry.findFirstOrThrow({ where: { action: "complaint.logged", subject: `complaint:${c.code}` } });
    expect(logged.data).toMatchObject({ kind: "complaint", summaryGiven: true, linkedCode: dsr.code });
    expect(JSON.stringify(logged.data)).not.toContain("DMが届き続けている");
  });

  it("the owner's DM is edited in place (issue 16): the outcome, a stamp, no 「対応結果を記録」; a stale press from Home is refused and logged", async () => {
    // recorded from the channel post: the owner's DM (chat.update on its channel and ts) follows
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.manager).find((m) => m.text.includes(c.code) && shown(m).includes("✅ 対応結果を記録済み：解決"))),
    );
    expect(shown(dm)).toMatch(new RegExp(`✅ 対応結果を記録済み：解決（\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} <@${P.manager}>）`));
    expect(shown(dm)).toContain("DM停止を確認し、お詫びの連絡をした");
    expect(JSON.stringify(dm.blocks ?? [])).not.toContain(DsrActions.complaintClose);
    expect(h.fake.calls.some((x) => x.method === "chat.update" && x.args.channel === dm.channel && x.args.ts === dm.ts)).toBe(true);
    expect(h.fake.dms(P.manager).filter((m) => m.text.includes(c.code))).toHaveLength(1);

    // a press from a Home tab drawn before the complaint was closed: told in a modal, nothing opened to record again
    await openHome(h, P.manager);
    const home = await h.fake.waitFor(() => h.fake.homeView(P.manager));
    const views = h.fake.openViews(P.manager).length;
    await h.slack.blockAction(P.manager, { actionId: DsrActions.complaintClose, value: c.id, view: { ...h.fake.viewPayload(home.id), type: "home" } });
    const modal = await h.fake.waitFor(() => h.fake.openViews(P.manager).find((v) => v.view.callback_id === HOME_NOTICE_VIEW));
    expect(shown({ blocks: modal.view.blocks })).toBe(ja.complaint.alreadyClosed);
    expect(h.fake.openViews(P.manager)).toHaveLength(views + 1);
    await until(
      () =>
        db().auditEntry.count({
          where: { action: "dsr.refused", subject: `complaint:${c.code}`, actorId: P.manager, data: { path: ["refusal"], equals: "closed" } },
        }),
      (n) => n === 1,
    );
  });

  it("list and status for the desk", async () => {
    const list = await privacy(h, P.chief, "complaint list");
    expect(list.shown).toContain("対応中の苦情・相談（1件）");
    expect(list.shown).toContain("CMP-2026-0002");
    expect(list.shown).toContain("→ INC-2026-0007");
    const status = await privacy(h, P.chief, "complaint status cmp-2026-0001");
    expect(status.shown).toContain("解決");
    expect((await privacy(h, P.chief, "complaint status DSR-2026-0001")).shown).toContain(ja.command.badComplaintCode("DSR-2026-0001"));
  });
});

describe("the compliance digest", () => {
  it("has the section: received, answered, open and overdue, refusals by ground, complaints", async () => {
    // a refusal answered in the period on the grounds of Art.33(2) items 2 and 3
    clock.set(jst("2026-11-26T10:00:00"));
    const r = await logCase(h, clock, P.employee, { [LogBlocks.receivedOn]: "2026-11-26" });
    const idView = await pressForModal(h, P.employee, r.parent, DsrActions.identity, DsrViews.identity);
    await h.slack.fillAndSubmit(P.employee, idView.id, { [IdentityBlocks.document]: "license" });
    const answer = await pressForModal(h, P.employee, r.parent, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.employee, answer.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.grounds]: ["a33_2_2", "a33_2_3"],
      [AnswerBlocks.reason]: "業務に著しい支障",
    });
    expect(h.fake.viewErrors(answer.id) ?? {}).toEqual({});
    const approval = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.thread(COMPLIANCE, r.parent.ts).find((m) => JSON.stringify(m.blocks ?? []).includes(DsrActions.approveRefusal))),
    );
    await pressOn(h, P.chief, approval, DsrActions.approveRefusal);
    await until(
      () => db().subjectRequest.findUniqueOrThrow({ where: { id: r.id } }),
      (x) => x.status === "decided",
    );
    await notifyPerson(h, clock, P.employee, r.parent, { [NoticeBlocks.on]: "2026-11-26", [NoticeBlocks.reasonExplained]: "yes" });
    await drain(h, clock);

    // the first request (11/24) is past its target and ceiling (12/08) a week later
    clock.set(jst("2026-12-09T09:00:00"));
    const calendar = h.bot.calendar;
    const d = await buildDigest({
      services: h.bot.services,
      calendar,
      settings: h.bot.services.settings!,
      from: jst("2026-11-23T00:00:00"),
      to: jst("2026-12-09T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    const section = d.sections.find((s) => s.title === ja.digest.title)!;
    expect(section.lines.join("\n")).toContain(
      "請求：期間中の受付 *2* 件・回答 *1* 件、対応中 *1* 件（回答目標超過 *1* 件・社内上限超過 *1* 件。いずれも社内設定、法律上は「遅滞なく」）",
    );
    expect(section.lines.join("\n")).toContain("期間中の不実施・一部実施の事由：個人情報保護法 第33条第2項第2号 1・個人情報保護法 第33条第2項第3号 1");
    expect(section.lines.join("\n")).toContain(`|${dsr.code}>（利用停止・消去）回答目標 2026/12/08・社内上限 2026/12/08`);
    expect(section.lines.join("\n")).toContain("苦情・相談：期間中の受付 *2* 件・対応完了 *1* 件、対応中 *1* 件");

    // and compliance sees it with /privacy digest
    await h.slack.command(P.compliance, "/privacy", "digest");
    const e = await until(
      () => h.fake.ephemerals(P.compliance),
      (x) => x.some((m) => JSON.stringify(m.blocks ?? []).includes(ja.digest.title)),
    );
    expect(JSON.stringify(e.at(-1)!.blocks)).toContain("苦情・相談");
  });

  it("is left out when there is nothing to say", async () => {
    const empty = await startHarness({ clock, fake: { clock } });
    try {
      const d = await buildDigest({
        services: empty.bot.services,
        calendar: empty.bot.calendar,
        settings: empty.bot.services.settings!,
        from: jst("2026-11-23T00:00:00"),
        to: jst("2026-12-09T00:00:00"),
        now: clock.now(),
        lang: "ja",
      });
      expect(d.sections.find((s) => s.title === ja.digest.title)).toBeUndefined();
    } finally {
      await empty.close();
    }
  });
});
