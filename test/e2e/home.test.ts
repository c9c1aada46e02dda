// The App Home tab end to end: app_home_opened over signed HTTP publishes the person's
// Home; every change to a request republishes the Home of everyone it concerns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { fileRequest, parentShows, press, waitForDb } from "../support/flow.js";
import { fakeUsers, homeSections, homeShows, lineOf, openHome } from "../support/commands.js";

const P = ORG.people;
const STRANGER = "U0STRANGER"; // a Slack user of the workspace, not in the directory
let h: Harness;
const db = () => h.bot.services.database.prisma;
const publishesTo = (user: string) => h.fake.callsTo("views.publish").filter((c) => c.args.user_id === user && c.status === 200);

beforeAll(async () => {
  h = await startHarness({ fake: { users: fakeUsers([{ id: STRANGER, locale: "ja-JP" }]) } });
});
afterAll(async () => {
  await h?.close();
});

let pending: { code: string; id: string; parent: Awaited<ReturnType<typeof fileRequest>>["parent"] };
let _withdrawn: { code: string };

describe("opening the Home tab", () => {
  it("someone with nothing yet sees both lists empty, and how to file", async () => {
    expect(h.fake.homeView(P.employee2)).toBeUndefined();
    await openHome(h, P.employee2);
    const home = await homeShows(h, P.employee2, () => true);
    expect(h.fake.homeView(P.employee2)!.type).toBe("home");
    expect(home.waiting).toContain("あなたを待っている届出はありません");
    expect(home.mine).toContain("届出はまだありません");
    expect(home.mine).toContain("/privacy request");
  });

  it("shows my requests by status (open ones first) and, for a manager, what waits for them", async () => {
    const a = await fileRequest(h, P.employee, "purpose");
    pending = { code: a.code, id: a.id, parent: a.parent };
    const b = await fileRequest(h, P.employee, "method");
    _withdrawn = { code: b.code };
    await press(h, P.employee, b.parent, RequestActions.withdraw);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: b.id } }),
      (r) => r.status === "withdrawn",
    );

    await openHome(h, P.employee);
    const mine = await homeShows(h, P.employee, (s) => s.mine.includes(a.code) && (lineOf(s.mine, b.code) ?? "").includes("取り下げ"));
    expect(lineOf(mine.mine, a.code)).toContain("第1段階：個人情報管理者の確認待ち");
    // the newer request is withdrawn: the open one comes first
    expect(mine.mine.indexOf(a.code)).toBeLessThan(mine.mine.indexOf(b.code));
    expect(mine.waiting).not.toContain(a.code);

    // (a Home the bot published while b was still pending may show briefly; the refresh after the withdrawal follows)
    await openHome(h, P.manager);
    const mgr = await homeShows(h, P.manager, (s) => s.waiting.includes(a.code) && !s.waiting.includes(b.code)); // withdrawn: waits for nobody
    expect(lineOf(mgr.waiting, a.code)).toContain("第1段階");
    expect(mgr.mine).not.toContain(a.code);

    // the chief does not decide stage 1 of a department that has managers
    await openHome(h, P.chief);
    const chief = await homeShows(h, P.chief, () => true);
    expect(chief.waiting).not.toContain(a.code);
  });
});

describe("the Home tab follows the request", () => {
  it("after the manager approves, the manager's, the chief's and the requester's Homes are republished", async () => {
    const events = h.fake.callsTo("views.publish").length;
    const chiefBefore = publishesTo(P.chief).length;
    await press(h, P.manager, pending.parent, RequestActions.approve);
    await parentShows(h, pending.parent, "第2段階");

    // nobody opened a tab again: these come from the bot
    const chief = await homeShows(h, P.chief, (s) => s.waiting.includes(pending.code));
    expect(lineOf(chief.waiting, pending.code)).toContain("第2段階：個人情報管理責任者の承認待ち");
    await homeShows(h, P.manager, (s) => !s.waiting.includes(pending.code) && s.waiting.includes("あなたを待っている届出はありません"));
    await homeShows(h, P.manager2, (s) => !s.waiting.includes(pending.code));
    await homeShows(h, P.employee, (s) => (lineOf(s.mine, pending.code) ?? "").includes("第2段階"));
    expect(publishesTo(P.chief).length).toBeGreaterThan(chiefBefore);
    expect(h.fake.callsTo("views.publish").length).toBeGreaterThan(events);
    // people the change does not concern are left alone
    expect(publishesTo(P.compliance)).toHaveLength(0);
  });

  it("after the final approval the chief's Home lists the measures still to do", async () => {
    await press(h, P.chief, pending.parent, RequestActions.approve);
    const chief = await homeShows(h, P.chief, (s) => (lineOf(s.waiting, pending.code) ?? "").includes("必要な措置の実施中"));
    expect(chief.waiting).toContain(pending.code);
    await homeShows(h, P.employee, (s) => (lineOf(s.mine, pending.code) ?? "").includes("必要な措置の実施中"));
  });
});

describe("someone missing from the directory", () => {
  it("opening the Home tab sees whom to ask; the admins are told once", async () => {
    await openHome(h, STRANGER);
    const home = await h.fake.waitFor(() => h.fake.homeView(STRANGER));
    const text = homeSections(home)!.all;
    expect(text).toContain("名簿にまだ登録されていません");
    expect(text).toContain(`<@${P.admin}>`);
    expect(text).not.toContain("自分の届出"); // no lists for someone the bot does not know

    await h.fake.waitFor(() => h.fake.dms(P.admin).find((m) => m.text.includes(`<@${STRANGER}>`)));
    await openHome(h, STRANGER);
    await h.fake.waitFor(() => publishesTo(STRANGER).length === 2);
    expect(await db().unknownUser.count({ where: { slackId: STRANGER } })).toBe(1);
    const toAdmin = await db().outboxMessage.findMany({ where: { orderKey: `dm:${P.admin}` } });
    expect(toAdmin.filter((m) => JSON.stringify(m.payload).includes(STRANGER))).toHaveLength(1);
    expect(h.fake.dms(P.admin).filter((m) => m.text.includes(STRANGER))).toHaveLength(1);
  });
});
