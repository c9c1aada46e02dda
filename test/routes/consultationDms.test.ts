// A consultant's DM (合議：承認 / 合議：異議) edited in place once it is done with (issue 16),
// over signed HTTP: once they answer (their own DM only), and once the round closes without
// their answer (another consultant's objection, the chief's decision, a withdrawal), whoever
// did it. Each edit is a chat.update on that DM's channel and ts, the 合議 buttons gone, the
// link to the request kept, a stamp (what, when, who) in the reader's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { RequestActions } from "../../src/requests/ids.js";
import { ConsultActions } from "../../src/routes/consultation/ids.js";
import { shown } from "../support/commands.js";
import { press, waitForDb } from "../support/flow.js";
import type { Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { ABROAD, CONSULTANTS as C, consultApprove, consultDm, consultObject, SECRECY, SENSITIVE, startRoutesHarness, toStage2 } from "./support.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startRoutesHarness();
});
afterAll(async () => h?.close());
const db = () => h.bot.services.database.prisma;

/** The DM as the fake shows it now, once it shows `text` (edited in place). */
const dmShows = (m: FakeMessage, text: string) =>
  h.fake.waitFor(() => {
    const now = h.fake.message(m.channel, m.ts);
    return now && shown(now).includes(text) ? now : undefined;
  });
/** The chat.update calls the fake Slack received on that message. */
const updatesOf = (m: FakeMessage) => h.fake.calls.filter((c) => c.method === "chat.update" && c.args.channel === m.channel && c.args.ts === m.ts);
const buttons = (m: FakeMessage) => JSON.stringify(m.blocks ?? []);

/** Asserts the DM was edited in place: no 合議 buttons, the link to the request kept. */
function edited(before: FakeMessage, after: FakeMessage) {
  expect(buttons(after)).not.toContain(ConsultActions.approve);
  expect(buttons(after)).not.toContain(ConsultActions.object);
  expect(buttons(after)).toContain(RequestActions.openLink);
  expect(updatesOf(before).length).toBeGreaterThan(0);
}

describe("a consultant's DM", () => {
  it("an approval: that consultant's DM loses its buttons with a stamp; the others keep theirs", async () => {
    const { code } = await toStage2(h, "purpose", SENSITIVE);
    const [legal, legal2, security] = await Promise.all([C.legal, C.legal2, C.security].map((u) => consultDm(h, u, code)));
    await consultApprove(h, C.legal, legal!);
    const after = await dmShows(legal!, "✅ 合議で承認しました");
    expect(shown(after)).toMatch(new RegExp(`✅ 合議で承認しました（\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2} <@${C.legal}>）`));
    edited(legal!, after);
    expect(shown(after)).toContain(code);
    for (const m of [legal2!, security!]) expect(buttons(h.fake.message(m.channel, m.ts)!)).toContain(ConsultActions.approve);

    // an objection: the objector's DM says so; the one who had not answered is told no answer is needed;
    // the one who approved keeps their stamp
    await consultObject(h, C.security, security!, "保管場所のアクセス制御が書かれていません");
    const objected = await dmShows(security!, "↩️ 合議で異議を述べました");
    expect(shown(objected)).toContain(`<@${C.security}>）`);
    edited(security!, objected);
    const moot = await dmShows(legal2!, "➖ 回答は不要になりました：合議：異議（差し戻し）");
    expect(shown(moot)).toContain(`<@${C.security}>）`);
    edited(legal2!, moot);
    const kept = h.fake.message(legal!.channel, legal!.ts)!;
    expect(shown(kept)).toContain("✅ 合議で承認しました");
    expect(shown(kept)).not.toContain("回答は不要");
  });

  it("mode any: the chief's final approval tells the consultant who never answered that no answer is needed", async () => {
    const { id, code, parent } = await toStage2(h, "entrust", ABROAD);
    const legal = await consultDm(h, C.legal, code);
    await consultApprove(h, C.legal2, await consultDm(h, C.legal2, code));
    await h.fake.waitFor(() => h.fake.thread(parent.channel, parent.ts).find((m) => m.text.includes("合議が整いました")));
    await press(h, P.chief, parent, RequestActions.approve);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "approved",
    );
    const moot = await dmShows(legal, "➖ 回答は不要になりました：最終承認（個人情報管理責任者）");
    expect(shown(moot)).toContain(`<@${P.chief}>）`);
    edited(legal, moot);
  });

  it("withdrawn while consulting: the consultant's DM says so, in English for an English reader", async () => {
    await db().person.update({ where: { slackId: C.telecom }, data: { lang: "en" } });
    const { id, code, parent } = await toStage2(h, "provide", SECRECY);
    const dm = await consultDm(h, C.telecom, code);
    await press(h, P.employee, parent, RequestActions.withdraw);
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.status === "withdrawn",
    );
    const moot = await dmShows(dm, "➖ No answer needed any more:");
    expect(shown(moot)).toMatch(new RegExp(`➖ No answer needed any more: .+ \\(.+, <@${P.employee}>\\)`));
    edited(dm, moot);
    await db().person.update({ where: { slackId: C.telecom }, data: { lang: null } });
  });
});
