// A press on the App Home tab that is refused (issue 16), over signed HTTP: Slack sends such
// a press no response_url and no channel (container.type "view", view.type "home"), so the
// answer opens a small modal with the refusal (views.open with the press's trigger_id), in
// the person's language; the person's Home is refreshed, and nothing changes in the database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DsrActions } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { ManualClock } from "../../src/platform/clock.js";
import { HOME_NOTICE_VIEW } from "../../src/platform/slack/homeTell.js";
import { parseSettings } from "../../src/settings.js";
import { jst, pumping, until } from "../support/clock.js";
import { openHome, shown } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { logCase } from "../dsr/helpers.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings("company: { telecomCarrier: false }\n") });
});
afterAll(async () => h?.close());

/** The person's Home as the fake shows it once it says `text`. */
const homeShowing = (user: string, text: string) =>
  pumping(
    h,
    clock,
    until(
      async () => {
        await openHome(h, user);
        await new Promise((r) => setTimeout(r, 150));
        return h.fake.homeView(user);
      },
      (v) => Boolean(v && shown({ blocks: v.view.blocks }).includes(text)),
      15_000,
    ),
  );
/** The notice modal the press opened for `user`. */
const notice = (user: string) => h.fake.waitFor(() => h.fake.openViews(user).find((v) => v.view.callback_id === HOME_NOTICE_VIEW));
const publishesTo = (user: string) => h.fake.calls.filter((c) => c.method === "views.publish" && c.args.user_id === user).length;

describe("a refused press on Home", () => {
  it("not allowed any more (the person lost the handler role): a modal says why, Home is refreshed, nothing recorded", async () => {
    const a = await logCase(h, clock, P.employee);
    const home = (await homeShowing(P.employee, a.code))!;
    expect(JSON.stringify(home.view.blocks)).toContain(DsrActions.identity);
    const roles = (await db().person.findUniqueOrThrow({ where: { slackId: P.employee } })).roles;
    await db().person.update({ where: { slackId: P.employee }, data: { roles: [] } });
    const published = publishesTo(P.employee);
    const before = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    const audited = await db().auditEntry.findMany({ where: { subject: `dsr:${a.code}` }, select: { action: true } });

    const r = await h.slack.blockAction(P.employee, { actionId: DsrActions.identity, viewId: home.id });
    expect(r.status).toBe(200);
    const modal = await notice(P.employee);
    expect(modal.view.type).toBe("modal");
    expect((modal.view.title as { text: string }).text).toBe("お知らせ");
    expect(shown({ blocks: modal.view.blocks })).toBe(dsrMessages("ja").refusal.notAllowed);
    // no ephemeral had anywhere to go; the Home tab is published again
    await pumping(
      h,
      clock,
      until(
        () => publishesTo(P.employee),
        (n) => n > published,
      ),
    );
    // nothing changed: the case is as it was, no identity check recorded
    const after = await db().subjectRequest.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toEqual(before);
    // the audit log has the refusal (who tried what, why), nothing else new
    const now = await db().auditEntry.findMany({ where: { subject: `dsr:${a.code}` }, select: { action: true, data: true }, orderBy: { seq: "asc" } });
    expect(now.slice(audited.length)).toEqual([{ action: "dsr.refused", data: { attempted: "identity", refusal: "not_allowed" } }]);
    await db().person.update({ where: { slackId: P.employee }, data: { roles } });
  });

  it("a value that finds nothing, in English for an English reader", async () => {
    await openHome(h, P.english);
    const home = await h.fake.waitFor(() => h.fake.homeView(P.english));
    const cases = await db().subjectRequest.count();
    const r = await h.slack.blockAction(P.english, {
      actionId: DsrActions.identity,
      value: "no-such-case",
      view: { ...h.fake.viewPayload(home.id), type: "home" },
    });
    expect(r.status).toBe(200);
    const modal = await notice(P.english);
    expect((modal.view.title as { text: string }).text).toBe("Notice");
    expect(shown({ blocks: modal.view.blocks })).toBe(dsrMessages("en").refusal.notFound);
    expect(await db().subjectRequest.count()).toBe(cases);
  });
});

describe("a refused press on Home whose modal cannot open", () => {
  it("the trigger_id expired (a press that waited its turn) or is unknown to Slack: the refusal comes by DM, Home is refreshed, nothing changes", async () => {
    await openHome(h, P.employee);
    const home = await h.fake.waitFor(() => h.fake.homeView(P.employee));
    const cases = await db().subjectRequest.count();
    // a trigger_id lives 3 s: this one was issued with the press and is past its life when the app answers
    const expired = h.fake.issueTriggerId(P.employee);
    clock.set(new Date(clock.now().getTime() + 4_000));
    for (const [trigger, error] of [
      [expired, "expired_trigger_id"],
      ["0.T0FAKETEAM.neverissued", "invalid_trigger_id"],
    ] as const) {
      const dms = new Set(h.fake.dms(P.employee).map((m) => m.ts));
      const calls = h.fake.calls.length;
      const published = publishesTo(P.employee);
      const notices = h.fake.openViews(P.employee).filter((v) => v.view.callback_id === HOME_NOTICE_VIEW).length;
      const r = await h.slack.blockAction(P.employee, {
        actionId: DsrActions.identity,
        value: "no-such-case",
        view: { ...h.fake.viewPayload(home.id), type: "home" },
        triggerId: trigger,
      });
      expect(r.status).toBe(200);
      // Slack refused the modal, as it does
      const open = await h.fake.waitFor(() => h.fake.calls.slice(calls).find((c) => c.method === "views.open" && c.args.trigger_id === trigger));
      expect(open.response).toMatchObject({ ok: false, error });
      // the person gets the refusal by DM instead, and no modal
      const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => !dms.has(m.ts)));
      expect(shown(dm)).toBe(dsrMessages("ja").refusal.notFound);
      expect(h.fake.openViews(P.employee).filter((v) => v.view.callback_id === HOME_NOTICE_VIEW)).toHaveLength(notices);
      // Home is published again
      await pumping(
        h,
        clock,
        until(
          () => publishesTo(P.employee),
          (n) => n > published,
        ),
      );
    }
    expect(await db().subjectRequest.count()).toBe(cases);
  });
});
