// Languages end to end: Alex's Slack is in English (en-US, read with users.info), so
// everything Mamori says to Alex is in English; the approvals channel is one place for
// everyone and stays in Japanese (CHANNEL_LANG in src/requests/flows.ts); a Japanese
// user who chooses English with /privacy lang en gets English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredView } from "../../src/platform/slack/fake/index.js";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { APPROVALS, decideWithReason, fileRequest, openForm, parentShows, press } from "../support/flow.js";
import { JAPANESE, homeShows, lineOf, openHome, privacy, shown, textsOf } from "../support/commands.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** The labels of a modal's inputs. */
const labels = (v: StoredView) => v.view.blocks.filter((b) => b.type === "input").map((b) => (b.label as { text: string }).text);
const titleOf = (v: StoredView) => (v.view.title as { text: string }).text;

describe("a person whose Slack is in English", () => {
  it("gets the help, the kind picker and the form in English; a Japanese user gets them in Japanese", async () => {
    expect((await privacy(h, P.english, "help")).text).not.toMatch(JAPANESE);
    const person = await db().person.findUniqueOrThrow({ where: { slackId: P.english } });
    expect(person.slackLocale).toBe("en-US"); // read from Slack (users.info), not chosen
    expect(person.lang).toBeNull();

    await h.slack.command(P.english, "/privacy", "request");
    const picker = await h.fake.waitFor(() => h.fake.openViews(P.english).find((v) => v.view.callback_id === RequestViews.pickKind));
    expect(titleOf(picker)).toBe("New request");
    expect(textsOf(picker.view.blocks).join("\n")).not.toMatch(JAPANESE);

    const form = await openForm(h, P.english, "purpose");
    expect(titleOf(form)).toBe("New request");
    expect((form.view.submit as { text: string }).text).toBe("Submit");
    expect(labels(form).length).toBeGreaterThan(5);
    for (const l of labels(form)) expect(l).not.toMatch(JAPANESE);
    expect(textsOf(form.view.blocks.filter((b) => b.type === "section")).join("\n")).not.toMatch(JAPANESE);

    const ja = await openForm(h, P.employee, "purpose");
    expect(titleOf(ja)).toMatch(JAPANESE);
    expect(labels(ja)).toHaveLength(labels(form).length);
    for (const l of labels(ja)) expect(l).toMatch(JAPANESE);
  });

  it("gets DMs, refusals and the revise form in English, while the approvals channel stays in Japanese", async () => {
    const { code, parent } = await fileRequest(h, P.english, "purpose");
    // the channel: Japanese, for everyone
    const header = textsOf(parent.blocks)[0]!;
    expect(header).toContain("新しい収集目的（規程 第4条）");
    expect(shown(parent)).toContain("第1段階：個人情報管理者の確認待ち");
    expect(shown(parent)).not.toContain("New collection purpose");
    const thread = await h.fake.waitFor(() => h.fake.thread(APPROVALS, parent.ts)[0]);
    expect(thread.text).toContain("さんが届出を提出しました");

    // the DM: English
    const received = await h.fake.waitFor(() => h.fake.dms(P.english).find((m) => m.text.includes(code)));
    expect(received.text).toContain(`Your request ${code}`);
    expect(received.text).toContain("was received");
    expect(received.text).not.toContain("受け付けました");
    expect(textsOf(received.blocks)).toContain("Open the request");

    // a refusal: English
    const before = h.fake.ephemerals(P.english).length;
    await press(h, P.english, parent, RequestActions.approve);
    const refusal = await h.fake.waitFor(() => h.fake.ephemerals(P.english)[before]);
    expect(refusal.text).toBe("You cannot decide on your own request (separation of duties).");

    // the manager's reason modal is in the manager's language; the DM it causes in Alex's
    const { view } = await decideWithReason(h, P.manager, parent, RequestActions.requestChanges, "Please state the retention basis.");
    expect(titleOf(view)).toMatch(JAPANESE);
    await parentShows(h, parent, "差し戻し（修正待ち）");
    const back = await h.fake.waitFor(() => h.fake.dms(P.english).find((m) => m.text.includes(code) && m.text.includes("Please state the retention basis.")));
    expect(back.text).toContain(`sent your request ${code} back for changes`);
    expect(textsOf(back.blocks)).toEqual(expect.arrayContaining(["Revise and resubmit", "Open the request"]));
    for (const t of textsOf(back.blocks).filter((t) => !t.includes(code))) expect(t).not.toMatch(JAPANESE);

    // the revise button opens the form, pre-filled, in English
    await h.slack.blockAction(P.english, { actionId: RequestActions.revise, message: { channel: back.channel, ts: back.ts } });
    const revise = await h.fake.waitFor(() => h.fake.openViews(P.english).find((v) => v.view.callback_id === RequestViews.revise));
    expect(titleOf(revise)).toBe(`Revise ${code}`);
    expect(textsOf(revise.view.blocks)).toContain("You are revising version 1. Earlier versions stay on record.");
    for (const l of labels(revise)) expect(l).not.toMatch(JAPANESE);

    // the Home tab: English headings and statuses
    await openHome(h, P.english);
    const home = await homeShows(h, P.english, (s) => (lineOf(s.mine, code) ?? "").includes("Changes requested"));
    expect(home.all).toContain("Waiting for your decision or measures");
    expect(lineOf(home.mine, code)).toContain("New collection purpose (Rule Art.4)");
  });
});

describe("a Japanese user who chooses English", () => {
  it("gets English from then on: help, form, DMs; the channel stays Japanese", async () => {
    const who = P.employee2;
    expect((await privacy(h, who, "help")).text).toContain("届出");
    expect((await privacy(h, who, "lang en")).text).toBe("Language set to English.");
    expect((await db().person.findUniqueOrThrow({ where: { slackId: who } })).lang).toBe("en");
    expect((await privacy(h, who, "help")).text).not.toMatch(JAPANESE);

    const form = await openForm(h, who, "joint");
    expect(titleOf(form)).toBe("New request");
    for (const l of labels(form)) expect(l).not.toMatch(JAPANESE);
    const { code, parent } = await fileRequest(h, who, "joint");
    expect(shown(parent)).toContain("共同利用");
    expect(shown(parent)).toContain("第1段階");
    const dm = await h.fake.waitFor(() => h.fake.dms(who).find((m) => m.text.includes(code)));
    expect(dm.text).toContain("was received");
    expect(dm.text).not.toContain("受け付けました");
  });
});
