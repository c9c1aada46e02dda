// DMs of the requests feature edited in place once the thing is done (issue 16), over
// signed HTTP: the morning reminder's item loses its menu when the request is decided in
// its thread (by anyone), withdrawn or completed, the others keep theirs; the sent-back
// DM loses 「修正して再提出」 once the request is resubmitted or withdrawn. Each edit is a
// chat.update on the DM's own channel and ts, with a stamp (what, when, who) in the
// person's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { ReminderActions } from "../../src/reminders/ids.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { drain, jst, pumping, runJobAt, until } from "../support/clock.js";
import { shown } from "../support/commands.js";
import { decideWithReason, fileRequest, parentShows, press, waitForDb } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
const JOB = "requests.morning";
const clock = new ManualClock(jst("2026-11-20T10:00:00")); // a Friday
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
});
afterAll(async () => h?.close());

const reminders = (user: string) => h.fake.dms(user).filter((m) => JSON.stringify(m.blocks ?? []).includes(ReminderActions.itemMenu));
/** The snooze menu of one item, as the DM shows it now. */
const hasMenu = (m: FakeMessage, id: string) => JSON.stringify(m.blocks ?? []).includes(`1|request:${id}`);
/** The chat.update calls the fake Slack received on that message. */
const updatesOf = (m: FakeMessage) => h.fake.calls.filter((c) => c.method === "chat.update" && c.args.channel === m.channel && c.args.ts === m.ts);
/** Waits until the message (edited in place) shows `text`, sending what the outbox holds. */
const shows = (m: FakeMessage, text: string) =>
  pumping(
    h,
    clock,
    until(
      () => h.fake.message(m.channel, m.ts)!,
      (x) => shown(x).includes(text),
    ),
  );

describe("the morning reminder", () => {
  let a: Awaited<ReturnType<typeof fileRequest>>;
  let b: Awaited<ReturnType<typeof fileRequest>>;
  let c: Awaited<ReturnType<typeof fileRequest>>;

  it("approved in the thread by another manager: both managers' reminders lose that item's menu, with a stamp; the others keep theirs", async () => {
    a = await fileRequest(h, P.employee, "purpose");
    b = await fileRequest(h, P.employee, "method");
    c = await fileRequest(h, P.employee, "purpose");
    await drain(h, clock);
    await runJobAt(h, clock, JOB, "2026-11-24T09:00:00"); // Tuesday (Monday is a holiday)
    const mine = reminders(P.manager).at(-1)!;
    const theirs = reminders(P.manager2).at(-1)!;
    for (const dm of [mine, theirs]) for (const r of [a, b, c]) expect(hasMenu(dm, r.id)).toBe(true);

    clock.set(jst("2026-11-24T10:15:00"));
    await press(h, P.manager2, a.parent, RequestActions.approve);
    await parentShows(h, a.parent, "第2段階");
    for (const dm of [mine, theirs]) {
      const edited = await shows(dm, "✔️ 対応済み：第1段階承認（個人情報管理者）");
      expect(shown(edited)).toContain(`✔️ 対応済み：第1段階承認（個人情報管理者）（2026/11/24 10:15 <@${P.manager2}>）`);
      expect(hasMenu(edited, a.id)).toBe(false);
      expect(hasMenu(edited, b.id)).toBe(true);
      expect(hasMenu(edited, c.id)).toBe(true);
      // the item's text and link stay; the DM is edited in place, not posted again
      expect(shown(edited)).toContain(a.code);
      expect(updatesOf(dm).length).toBeGreaterThan(0);
    }
    expect(reminders(P.manager)).toHaveLength(1);
  });

  it("a snooze and then a withdrawal: both land on the DM, and the item done first stays done", async () => {
    const dm = reminders(P.manager).at(-1)!;
    await h.slack.blockAction(P.manager, {
      actionId: ReminderActions.itemMenu,
      blockId: `item:request:${b.id}`,
      message: { channel: dm.channel, ts: dm.ts },
      selectedOption: `1|request:${b.id}`,
    });
    await shows(dm, "まで再通知しません");
    clock.set(jst("2026-11-24T11:00:00"));
    await press(h, P.employee, c.parent, RequestActions.withdraw);
    const edited = await shows(dm, "✔️ 対応済み：取り下げ");
    expect(shown(edited)).toContain(`✔️ 対応済み：取り下げ（2026/11/24 11:00 <@${P.employee}>）`);
    expect(shown(edited)).toContain("✔️ 対応済み：第1段階承認"); // a's stamp kept
    expect(shown(edited)).toContain("まで再通知しません"); // b's snooze kept
    for (const r of [a, b, c]) expect(hasMenu(edited, r.id)).toBe(false);
    // the tracked DM no longer lists the things done
    const row = await db().trackedDm.findFirstOrThrow({ where: { personId: P.manager, key: { startsWith: "requests.morning:" } } });
    expect(row.items).toEqual([`request:${b.id}`]);
  });

  it("the chief's reminder of stage 2 is edited when the request is sent back, in English for an English reader", async () => {
    await db().person.update({ where: { slackId: P.chief }, data: { lang: "en" } });
    await runJobAt(h, clock, JOB, "2026-11-25T09:00:00");
    const dm = reminders(P.chief).at(-1)!;
    expect(hasMenu(dm, a.id)).toBe(true);
    clock.set(jst("2026-11-25T10:00:00"));
    await decideWithReason(h, P.deputy, a.parent, RequestActions.requestChanges, "保存期間を具体的に書いてください");
    const edited = await shows(dm, "✔️ Done: changes requested");
    expect(shown(edited)).toContain(`✔️ Done: changes requested (25/11/2026, 10:00, <@${P.deputy}>)`);
    expect(hasMenu(edited, a.id)).toBe(false);
    await db().person.update({ where: { slackId: P.chief }, data: { lang: null } });
  });
});

describe("the sent-back DM", () => {
  /** Sends `r` back and returns the requester's DM with 「修正して再提出」. */
  async function sentBack(r: Awaited<ReturnType<typeof fileRequest>>, reason: string) {
    await decideWithReason(h, P.manager, r.parent, RequestActions.requestChanges, reason);
    return pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(r.code) && JSON.stringify(m.blocks ?? []).includes(RequestActions.revise))),
    );
  }

  it("after resubmission: no 「修正して再提出」, a stamp with the version, when and who; the link to the request stays", async () => {
    const r = await fileRequest(h, P.employee, "purpose");
    const dm = await sentBack(r, "利用目的の対象を絞ってください");
    clock.set(jst("2026-11-25T14:30:00"));
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: dm.channel, ts: dm.ts } });
    const form = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === RequestViews.revise));
    await h.slack.fillAndSubmit(P.employee, form.id, { ...VALID_INPUTS.purpose, retention: "1y" });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: r.id } }),
      (x) => x.version === 2,
    );
    const edited = await shows(dm, "✅ 第2版を再提出済み");
    expect(shown(edited)).toContain(`✅ 第2版を再提出済み（2026/11/25 14:30 <@${P.employee}>）`);
    expect(JSON.stringify(edited.blocks)).not.toContain(RequestActions.revise);
    expect(JSON.stringify(edited.blocks)).toContain(RequestActions.openLink);
    expect(updatesOf(dm).length).toBeGreaterThan(0);
    expect((await db().request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("pending_manager");
  });

  it("after withdrawal (from the thread): no 「修正して再提出」, a stamp saying it was withdrawn", async () => {
    const r = await fileRequest(h, P.employee, "method");
    const dm = await sentBack(r, "収集元を書いてください");
    clock.set(jst("2026-11-25T15:00:00"));
    await press(h, P.employee, r.parent, RequestActions.withdraw);
    const edited = await shows(dm, "➖ 取り下げ済み");
    expect(shown(edited)).toContain(`➖ 取り下げ済み（2026/11/25 15:00 <@${P.employee}>）`);
    expect(JSON.stringify(edited.blocks)).not.toContain(RequestActions.revise);
    expect((await db().request.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("withdrawn");
  });
});
