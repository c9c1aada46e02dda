// App Home across features (issue 16), over signed HTTP: what waits for each person, with
// its deadline (how long is left, ⚠️ near, 🔴 past) and a button that acts or opens it; the
// employee's buttons that start a request or an incident report; the cap with 「ほかN件」.
import type { KnownBlock } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DsrActions, DsrViews } from "../../src/dsr/ids.js";
import { dsrMessages } from "../../src/dsr/messages.js";
import { AssignBlocks, IncidentActions, IncidentViews, ReportBlocks, AssessBlocks } from "../../src/incidents/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import { parseSettings } from "../../src/settings.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { requestMessages } from "../../src/requests/messages.js";
import { jst, newView, pumping, until } from "../support/clock.js";
import { openHome, shown } from "../support/commands.js";
import { fileRequest, press } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { logCase } from "../dsr/helpers.js";
import { reportAndTriage } from "../incidents/fixture.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings("company: { telecomCarrier: false }\n") });
});
afterAll(async () => h?.close());

type Section = { type: string; text?: { text: string }; accessory?: { action_id: string; url?: string; value?: string; text: { text: string } } };

type HomeView = NonNullable<ReturnType<Harness["fake"]["homeView"]>>;

/** Opens the person's Home (again, until it shows what `ok` wants: a link may be known only once a post is recorded); returns the view. */
async function home(user: string, ok: (text: string) => boolean, okView: (v: HomeView) => boolean = () => true) {
  const fits = (v: HomeView | undefined) => Boolean(v && ok(shown({ blocks: v.view.blocks })) && okView(v));
  const v = await pumping(
    h,
    clock,
    until(
      async () => {
        await openHome(h, user);
        await new Promise((r) => setTimeout(r, 150));
        return h.fake.homeView(user);
      },
      fits,
      15_000,
    ),
  );
  return v!;
}
const blocksOf = (v: { view: { blocks: unknown[] } }) => v.view.blocks as Section[];
/** The section (an item) whose text names `code`. */
const itemOf = (v: { view: { blocks: unknown[] } }, code: string) => blocksOf(v).find((b) => b.type === "section" && b.text?.text.includes(code));

describe("an ordinary employee", () => {
  it("has buttons to file a request and to report an incident, and sees only the commands they may use", async () => {
    const v = await home(P.employee2, (t) => t.includes("届出を作成"));
    const actions = (v.view.blocks as KnownBlock[]).find((b) => b.type === "actions") as { elements: { action_id: string; text: { text: string } }[] };
    expect(actions.elements.map((e) => [e.action_id, e.text.text])).toEqual([
      [RequestActions.startFromHome, "届出を作成"],
      [IncidentActions.reportFromHome, "事故を報告"],
    ]);
    const text = shown({ blocks: v.view.blocks });
    expect(text).toContain("`/privacy request");
    expect(text).toContain("`/privacy incident`");
    for (const admin of ["/privacy admin", "/privacy export", "/privacy dsr", "/privacy digest", "/privacy duties", "/privacy training import"])
      expect(text).not.toContain(admin);
  });

  it("「届出を作成」 opens the kind picker, as /privacy request does", async () => {
    const v = h.fake.homeView(P.employee2)!;
    const picker = await newView(h, P.employee2, RequestViews.pickKind, () =>
      h.slack.blockAction(P.employee2, { actionId: RequestActions.startFromHome, viewId: v.id }),
    );
    expect(shown({ blocks: picker.view.blocks })).toContain(requestMessages("ja").modal.pickHint);
  });

  it("「事故を報告」 opens the incident report, as the shortcut does", async () => {
    const v = h.fake.homeView(P.employee2)!;
    const report = await newView(h, P.employee2, IncidentViews.report, () =>
      h.slack.blockAction(P.employee2, { actionId: IncidentActions.reportFromHome, viewId: v.id }),
    );
    expect(report.view.callback_id).toBe(IncidentViews.report);
  });
});

describe("requests waiting for a decision", () => {
  let code: string;
  let parent: Awaited<ReturnType<typeof fileRequest>>["parent"];

  it("the manager sees the request to decide, with the company target and a button to its thread", async () => {
    ({ code, parent } = await fileRequest(h, P.employee, "purpose"));
    const v = await home(
      P.manager,
      (t) => t.includes(code),
      (x) => Boolean(itemOf(x, code)?.accessory),
    );
    const item = itemOf(v, code)!;
    // filed on Tuesday 24 Nov: stage 1's company target is two business days later
    expect(item.text!.text).toContain("⚠️ *あと2日（2026/11/26）*");
    expect(item.accessory).toMatchObject({ action_id: RequestActions.openLink, text: { text: "判断する" } });
    expect(item.accessory!.url).toContain(`archives/${ORG.channels.approvals}/p${parent.ts.replace(".", "")}`);
    expect(shown({ blocks: v.view.blocks })).toContain(requestMessages("ja").home.note);
  });

  it("past its target the deadline stands out in red", async () => {
    clock.set(jst("2026-11-27T10:00:00"));
    const v = await home(P.manager, (t) => t.includes("超過"));
    expect(itemOf(v, code)!.text!.text).toContain("🔴 *1日超過（2026/11/26）*");
    clock.set(jst("2026-11-24T11:00:00"));
  });

  it("after stage 1 the chief sees it for the final approval", async () => {
    await press(h, P.manager, parent, RequestActions.approve);
    const v = await home(P.chief, (t) => t.includes(code));
    expect(itemOf(v, code)!.text!.text).toContain("第2段階");
    expect(itemOf(v, code)!.text!.text).toContain("あと2日（2026/11/26）");
    expect(itemOf(v, code)!.accessory).toMatchObject({ action_id: RequestActions.openLink });
    // the chief's foot lists the chief's commands, not the admin's
    const text = shown({ blocks: v.view.blocks });
    expect(text).toContain("/privacy digest");
    expect(text).toContain("/privacy processors disposal");
    expect(text).not.toContain("/privacy admin");
  });
});

describe("data-subject requests", () => {
  it("the owner sees each case with its answer target and the button of its next step, which acts", async () => {
    const a = await logCase(h, clock, P.employee);
    const v = await home(P.employee, (t) => t.includes(a.code));
    const item = itemOf(v, a.code)!;
    expect(item.text!.text).toContain("あと14日（2026/12/08）");
    expect(item.text!.text).toContain("社内上限");
    expect(item.accessory).toMatchObject({ action_id: DsrActions.identity, value: a.id, text: { text: dsrMessages("ja").parent.identityButton } });
    const modal = await newView(h, P.employee, DsrViews.identity, () => h.slack.blockAction(P.employee, { actionId: DsrActions.identity, viewId: v.id }));
    expect(modal.view.callback_id).toBe(DsrViews.identity);
  });

  it("at most five a section, most urgent first, then 「ほかN件」 and where to see them all", async () => {
    for (let i = 0; i < 5; i++) await logCase(h, clock, P.employee);
    const v = await home(P.employee, (t) => t.includes("ほか1件"));
    const text = shown({ blocks: v.view.blocks });
    expect(text).toContain("ほか1件：`/privacy dsr list`");
    expect(v.view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe("incident tasks", () => {
  it("an employee who owns a task sees it with its due time and a button to the checklist, not the incidents themselves", async () => {
    const { code } = await reportAndTriage(
      h,
      clock,
      { [ReportBlocks.summary]: "顧客一覧を社外に誤送信した", [ReportBlocks.data]: "顧客の氏名・住所", [ReportBlocks.processor]: "no" },
      {
        [AssessBlocks.categories]: ["sensitive"],
        [AssessBlocks.affectedCount]: "300",
        [AssessBlocks.processor]: "no",
        [AssessBlocks.dataItems]: "氏名、住所",
        [AssessBlocks.cause]: "宛先の選択誤り",
      },
    );
    const checklist = await pumping(
      h,
      clock,
      h.fake.waitFor(() => {
        const i = h.fake.messages(ORG.channels.incidents).find((m) => shown(m).includes(code));
        return i ? h.fake.thread(ORG.channels.incidents, i.ts).find((m) => shown(m).includes("対応タスク")) : undefined;
      }),
    );
    const edit = await newView(h, P.chief, IncidentViews.taskEdit, () =>
      h.slack.blockAction(P.chief, {
        actionId: IncidentActions.taskEdit,
        blockId: "task-cause-found",
        message: { channel: checklist.channel, ts: checklist.ts },
      }),
    );
    await h.slack.fillAndSubmit(P.chief, edit.id, { [AssignBlocks.owner]: P.employee2, [AssignBlocks.dueOn]: "2026-11-25", [AssignBlocks.dueTime]: "18:00" });
    expect(h.fake.viewErrors(edit.id) ?? {}).toEqual({});
    const v = await home(P.employee2, (t) => t.includes(code));
    const text = shown({ blocks: v.view.blocks });
    expect(text).toContain("あなたの事故対応タスク");
    expect(text).not.toContain("対応中の事故");
    const item = itemOf(v, code)!;
    // 24 Nov 11:00 to 25 Nov 18:00: near, in hours
    expect(item.text!.text).toContain("⚠️ *あと31時間（2026/11/25 18:00）*");
    expect(item.accessory).toMatchObject({ action_id: IncidentActions.openLink, text: { text: "チェックリストを開く" } });
    // the chief sees every open incident, with its next deadline
    const chief = await home(P.chief, (t) => t.includes(code));
    expect(shown({ blocks: chief.view.blocks })).toContain("対応中の事故");
  });
});
