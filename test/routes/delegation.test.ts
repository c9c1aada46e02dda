// Delegation during an absence (代理承認 and 後閲), issue 17, over signed HTTP: a manager sets an
// absence with a delegate; the delegate decides in their place and the thread and history say
// 代理; a delegate who filed the request is refused; the audit lead cannot be a delegate;
// outside the period the delegate cannot decide; the reminders go to the delegate; back, the
// absent manager gets the 後閲 DM and comments in the thread; settings can turn it off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { RequestActions } from "../../src/requests/ids.js";
import { requestMessages } from "../../src/requests/messages.js";
import { AwayBlocks, CommentBlock, DelegationActions, DelegationViews } from "../../src/routes/delegation/ids.js";
import { delegationDigest } from "../../src/routes/delegation/digest.js";
import { calendarOf } from "../../src/platform/services.js";
import { defaultSettings, parseSettings } from "../../src/settings.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { APPROVALS, fileRequest, parentShows, press } from "../support/flow.js";
import { openHome, privacy, shown } from "../support/commands.js";
import { drain, jst, runJobAt } from "../support/clock.js";

const { employee, employee2, manager, manager2, auditor, chief, english } = ORG.people;
const ja = requestMessages("ja");

let h: Harness;
const clock = new ManualClock(jst("2026-12-01T10:00:00")); // a Tuesday

const remindersTo = (user: string) => h.fake.dms(user).filter((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.itemMenu));
const db = () => h.bot.services.database.prisma;

async function approveAs(user: string, parent: { channel: string; ts: string }) {
  const before = h.fake.ephemerals(user).length;
  await press(h, user, h.fake.message(parent.channel, parent.ts)!, RequestActions.approve);
  return before;
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

describe("delegation (代理承認)", () => {
  let a: Awaited<ReturnType<typeof fileRequest>>;
  let b: Awaited<ReturnType<typeof fileRequest>>;

  it("refuses the audit lead as a delegate, in the command and in the form (規程 第21条)", async () => {
    const r = await privacy(h, manager, `away 2026-12-01 2026-12-03 <@${auditor}|加藤>`);
    expect(r.shown).toContain("第21条");
    // the form: /privacy away opens it; the delegate field says why
    const before = new Set(h.fake.openViews(manager).map((v) => v.id));
    await h.slack.command(manager, "/privacy", "away");
    const view = await h.fake.waitFor(() => h.fake.openViews(manager).find((v) => !before.has(v.id) && v.view.callback_id === DelegationViews.away));
    // the form says delegation is the company's own extension of the rules
    expect(shown({ blocks: view.view.blocks })).toContain("当社の拡張：規程 第3条・第20条は代理を定めていません");
    await h.slack.fillAndSubmit(manager, view.id, {
      [AwayBlocks.from.block]: "2026-12-01",
      [AwayBlocks.to.block]: "2026-12-03",
      [AwayBlocks.delegate.block]: auditor,
    });
    const errors = await h.fake.waitFor(() => h.fake.viewErrors(view.id));
    expect(errors[AwayBlocks.delegate.block]).toContain("第21条");
    expect(await db().delegation.count()).toBe(0);
    // an employee cannot set an absence
    expect((await privacy(h, employee, `away 2026-12-01 2026-12-03 <@${employee2}>`)).shown).toContain("個人情報管理者と個人情報管理責任者だけ");
  });

  it("sets an absence with a delegate through the form; the delegate is told, and the audit chain holds it", async () => {
    const before = new Set(h.fake.openViews(manager).map((v) => v.id));
    await h.slack.command(manager, "/privacy", "away");
    const view = await h.fake.waitFor(() => h.fake.openViews(manager).find((v) => !before.has(v.id) && v.view.callback_id === DelegationViews.away));
    await h.slack.fillAndSubmit(manager, view.id, {
      [AwayBlocks.from.block]: "2026-12-01",
      [AwayBlocks.to.block]: "2026-12-03",
      [AwayBlocks.delegate.block]: employee2,
    });
    expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
    const d = await h.fake.waitFor(async () => db().delegation.findFirst({ where: { absentId: manager } }));
    expect(d).toMatchObject({ delegateId: employee2, fromDay: "2026-12-01", toDay: "2026-12-03" });
    await drain(h, clock);
    const dm = await h.fake.waitFor(() => h.fake.dms(employee2).find((m) => m.text.includes("代理人")));
    expect(dm.text).toContain(`<@${manager}>`);
    expect(dm.text).toContain("当社の拡張");
    const entry = await db().auditEntry.findFirst({ where: { action: "delegation.set" } });
    expect(entry?.data).toMatchObject({ delegateId: employee2, from: "2026-12-01", to: "2026-12-03" });
  });

  it("shows the absence on App Home, whose button opens the same form; the delegate's Home says whom they stand in for", async () => {
    await openHome(h, manager);
    const home = await h.fake.waitFor(() => {
      const v = h.fake.homeView(manager);
      return v && shown({ blocks: v.view.blocks }).includes("不在 2026-12-01〜2026-12-03") ? v : undefined;
    });
    const text = shown({ blocks: home.view.blocks });
    expect(text).toContain(`代理人 <@${employee2}>`);
    expect(text).toContain("当社の拡張");
    const before = new Set(h.fake.openViews(manager).map((v) => v.id));
    await h.slack.blockAction(manager, { actionId: DelegationActions.openAway, viewId: home.id });
    await h.fake.waitFor(() => h.fake.openViews(manager).find((v) => !before.has(v.id) && v.view.callback_id === DelegationViews.away));
    await openHome(h, employee2);
    const theirs = await h.fake.waitFor(() => h.fake.homeView(employee2));
    await h.fake.waitFor(
      () => shown({ blocks: h.fake.homeView(employee2)?.view.blocks }).includes(`<@${manager}> の代理（2026-12-01〜2026-12-03）`) || undefined,
    );
    // the delegate is no manager: no button to set an absence of their own
    expect(JSON.stringify(h.fake.homeView(employee2)?.view.blocks ?? theirs.view.blocks)).not.toContain(DelegationActions.openAway);
  });

  it("lets the delegate decide stage 1 in the manager's place: the thread and the history say 代理", async () => {
    a = await fileRequest(h, employee, "purpose");
    await approveAs(employee2, a.parent);
    const label = `代理：<@${employee2}>（<@${manager}>の不在中）`;
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, a.parent.ts).find((m) => m.text.includes(label) && m.text.includes("第1段階")));
    await parentShows(h, a.parent, label);
    // the thread says delegation is the company's own extension, and that the manager reviews it when back
    const note = await h.fake.waitFor(() => h.fake.thread(APPROVALS, a.parent.ts).find((m) => m.text.includes("代理による決定です")));
    expect(note.text).toContain("当社の拡張：規程 第3条・第20条は代理を定めていません");
    expect(note.text).toContain(`<@${manager}> には不在明けに後閲のDMが届きます`);
    const r = await db().request.findUniqueOrThrow({ where: { id: a.id } });
    expect(r).toMatchObject({ status: "pending_chief", stage1By: employee2 });
    const ev = await db().requestEvent.findFirstOrThrow({ where: { requestId: a.id, action: "approved_stage1" } });
    expect(ev).toMatchObject({ actorId: employee2, onBehalfOf: manager });
    const entry = await db().auditEntry.findFirst({ where: { action: "request.approved_stage1", subject: `request:${a.code}` } });
    expect(entry?.data).toMatchObject({ onBehalfOf: manager });
  });

  it("never lets a delegate decide their own request: refused, and it stays with the others", async () => {
    // manager2 is away too, with the requester as delegate
    const r = await privacy(h, manager2, `away 2026-12-01 2026-12-03 <@${employee}>`);
    expect(r.shown).toContain("不在期間 2026-12-01〜2026-12-03");
    b = await fileRequest(h, employee, "method");
    await approveAs(employee, b.parent);
    await h.fake.waitFor(() => h.fake.ephemerals(employee).find((e) => e.text === ja.refusal.own_request));
    expect((await db().request.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("pending_manager");
    // the others can still decide: the request names them, not the requester
    const parent = await parentShows(h, b.parent, `<@${employee2}>`);
    const approversLine =
      shown(parent)
        .split("\n")
        .find((l) => l.includes(ja.field.approvers)) ?? "";
    expect(approversLine).toContain(`<@${manager}>`);
    expect(approversLine).not.toContain(`<@${employee}>`);
    // nor does a delegate decide a request of the person they stand in for (their own by proxy)
    const own = await fileRequest(h, manager, "purpose");
    await approveAs(employee2, own.parent);
    await h.fake.waitFor(() => h.fake.ephemerals(employee2).find((e) => e.text === ja.refusal.not_approver));
    expect((await db().request.findUniqueOrThrow({ where: { id: own.id } })).status).toBe("pending_manager");
  });

  it("lists on the delegate's Home what they can decide in someone's place, never their own or the absent person's", async () => {
    const home = async (user: string) => {
      await openHome(h, user);
      return h.fake.waitFor(() => {
        const t = shown({ blocks: h.fake.homeView(user)?.view.blocks });
        return t.includes("代理で決定できる届出") ? t : undefined;
      });
    };
    const own = await db().request.findFirstOrThrow({ where: { requesterId: manager } });
    const e2 = await home(employee2);
    expect(e2).toContain(b.code);
    expect(e2).not.toContain(own.code);
    const e1 = await home(employee);
    expect(e1).toContain(`${own.code}`);
    expect(e1.split("代理で決定できる届出")[1]).not.toContain(b.code);
  });

  it("sends the reminders of an absent manager to the delegate", async () => {
    await runJobAt(h, clock, "requests.morning", "2026-12-02T09:00:00");
    expect(remindersTo(employee2).map(shown).join("\n")).toContain(b.code);
    expect(remindersTo(manager)).toEqual([]);
    // manager2's delegate filed it: manager2 is reminded as before, the requester never
    expect(remindersTo(manager2).map(shown).join("\n")).toContain(b.code);
    expect(remindersTo(employee).map(shown).join("\n")).not.toContain(b.code);
  });

  it("shows the absences in the digest", async () => {
    const s = h.bot.services;
    const section = await delegationDigest({
      services: s,
      calendar: calendarOf(s),
      settings: s.settings ?? defaultSettings(),
      from: jst("2026-11-30T00:00:00"),
      to: jst("2026-12-07T00:00:00"),
      now: clock.now(),
      lang: "ja",
    });
    expect(section?.title).toContain("当社の拡張");
    expect(section?.lines.join("\n")).toContain(`<@${manager}> → 代理 <@${employee2}>（2026-12-01〜2026-12-03）：代理決定 1 件`);
  });

  it("after the period the delegate cannot decide", async () => {
    clock.set(jst("2026-12-04T10:00:00"));
    await approveAs(employee2, b.parent);
    await h.fake.waitFor(() => h.fake.ephemerals(employee2).find((e) => e.text === ja.refusal.not_approver));
    expect((await db().request.findUniqueOrThrow({ where: { id: b.id } })).status).toBe("pending_manager");
  });

  it("back, the manager gets the 後閲 DM listing what was decided, and comments in the thread", async () => {
    await runJobAt(h, clock, "delegation.review", "2026-12-04T09:00:00");
    const dm = await h.fake.waitFor(() => h.fake.dms(manager).find((m) => m.text.includes("後閲")));
    expect(shown(dm)).toContain(a.code);
    expect(shown(dm)).toContain(`代理：<@${employee2}>`);
    expect(shown(dm)).not.toContain(b.code);
    // once only
    await runJobAt(h, clock, "delegation.review", "2026-12-05T09:00:00");
    expect(h.fake.dms(manager).filter((m) => m.text.includes("後閲"))).toHaveLength(1);
    const before = new Set(h.fake.openViews(manager).map((v) => v.id));
    await h.slack.blockAction(manager, { actionId: DelegationActions.reviewComment, message: { channel: dm.channel, ts: dm.ts } });
    const view = await h.fake.waitFor(() => h.fake.openViews(manager).find((v) => !before.has(v.id) && v.view.callback_id === DelegationViews.comment));
    // an empty comment is a field error
    await h.slack.fillAndSubmit(manager, view.id, { [CommentBlock.block]: "  " });
    expect((await h.fake.waitFor(() => h.fake.viewErrors(view.id)))[CommentBlock.block]).toBeTruthy();
    await h.slack.fillAndSubmit(manager, view.id, { [CommentBlock.block]: "判断に同意します。次回は措置の期限も確認してください。" });
    await drain(h, clock);
    const posted = await h.fake.waitFor(() => h.fake.thread(APPROVALS, a.parent.ts).find((m) => m.text.includes("後閲（")));
    expect(posted.text).toContain("判断に同意します");
    expect(posted.text).toContain(`<@${manager}>`);
    const ev = await db().requestEvent.findFirstOrThrow({ where: { requestId: a.id, action: "review_comment" } });
    expect(ev).toMatchObject({ actorId: manager, reason: "判断に同意します。次回は措置の期限も確認してください。" });
    // the chain keeps the comment's seal, never its text
    const entry = await db().auditEntry.findFirstOrThrow({ where: { action: "delegation.review_comment" } });
    expect(JSON.stringify(entry.data)).not.toContain("判断に同意します");
    // someone else cannot comment on the manager's 後閲
    await h.slack.blockAction(employee2, { actionId: DelegationActions.reviewComment, message: { channel: dm.channel, ts: dm.ts } });
    await h.fake.waitFor(() => h.fake.ephemerals(employee2).find((e) => e.text.includes("あなた宛てではありません")));
  });

  it("the chief's delegate gives the final approval in the chief's place", async () => {
    expect((await privacy(h, chief, `away 2026-12-04 2026-12-10 <@${manager2}>`)).shown).toContain("不在期間");
    // request a waits for the chief; manager2 did not decide its stage 1
    await approveAs(manager2, a.parent);
    const label = `代理：<@${manager2}>（<@${chief}>の不在中）`;
    await h.fake.waitFor(() => h.fake.thread(APPROVALS, a.parent.ts).find((m) => m.text.includes(label)));
    expect((await db().request.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("approved");
    // `away off` ends it
    expect((await privacy(h, chief, "away off")).shown).toContain("不在を終了しました");
    expect((await db().delegation.findFirstOrThrow({ where: { absentId: chief } })).endsAt.getTime()).toBe(clock.now().getTime());
  });

  it("ends an absence from the Home button too, and answers in English to an English speaker", async () => {
    expect((await privacy(h, manager2, "away 2026-12-04 2026-12-06 <@U0EMPLOYEE2>")).shown).toContain("不在期間");
    await openHome(h, manager2);
    const home = await h.fake.waitFor(() => {
      const v = h.fake.homeView(manager2);
      return v && JSON.stringify(v.view.blocks).includes(DelegationActions.endAway) ? v : undefined;
    });
    await h.slack.blockAction(manager2, { actionId: DelegationActions.endAway, viewId: home.id });
    // the Home tab is the answer (a Home press has no response_url): republished without the absence
    await drain(h, clock);
    await h.fake.waitFor(() => {
      const t = shown({ blocks: h.fake.homeView(manager2)?.view.blocks });
      return t.includes("不在の設定はありません。") || undefined;
    });
    expect(await db().delegation.count({ where: { absentId: manager2, endsAt: { gt: clock.now() } } })).toBe(0);
    // an English speaker (no manager) is told in English, with the rule's terms
    const r = await privacy(h, english, "away 2026-12-04 2026-12-06 <@U0EMPLOYEE2>");
    expect(r.shown).toContain("Only a 個人情報管理者 (privacy manager) or the 個人情報管理責任者 (chief)");
  });
});

describe("delegation turned off by the settings (routes.delegation.enabled: false)", () => {
  let off: Harness;
  const clock2 = new ManualClock(jst("2026-12-01T10:00:00"));
  beforeAll(async () => {
    off = await startHarness({ clock: clock2, fake: { clock: clock2 }, settings: parseSettings("routes:\n  delegation: { enabled: false }\n") });
  });
  afterAll(async () => off?.close());

  it("/privacy away says it is off, and a stored absence lets nobody decide", async () => {
    const before = off.fake.ephemerals(manager).length;
    await off.slack.command(manager, "/privacy", `away 2026-12-01 2026-12-03 <@${employee2}>`);
    const e = await off.fake.waitFor(() => off.fake.ephemerals(manager)[before]);
    expect(e.text).toContain("routes.delegation.enabled: false");
    const now = clock2.now();
    await off.bot.services.database.prisma.delegation.create({
      data: {
        absentId: manager,
        delegateId: employee2,
        fromDay: "2026-12-01",
        toDay: "2026-12-03",
        startsAt: jst("2026-12-01T00:00:00"),
        endsAt: jst("2026-12-04T00:00:00"),
        createdAt: now,
        createdBy: manager,
      },
    });
    const r = await fileRequest(off, employee, "purpose");
    await press(off, employee2, r.parent, RequestActions.approve);
    await off.fake.waitFor(() => off.fake.ephemerals(employee2).find((x) => x.text === ja.refusal.not_approver));
    expect((await off.bot.services.database.prisma.request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending_manager");
  });

  it("rejects a settings file with an unknown key under routes", () => {
    expect(() => parseSettings("routes:\n  delegation: { enabled: maybe }\n")).toThrow(/routes\.delegation\.enabled/);
    expect(() => parseSettings("routes:\n  circulation: { rules: [{ kinds: [nope], to: [auditor] }] }\n")).toThrow(/routes\.circulation/);
    expect(() => parseSettings("routes:\n  circulation: { rules: [{ to: [someone] }] }\n")).toThrow(/Slack user id/);
  });
});
