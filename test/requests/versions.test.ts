// Versions of a request (issue 16): after a send-back and a resubmission version 1 stays
// readable (a button in the thread and in /privacy status opens it in a modal) and the change
// between versions is shown field by field (変更前 → 変更後) in the thread and in /privacy status.
// A request with only version 1 claims no earlier versions. Signed HTTP into the running app.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions, RequestViews } from "../../src/requests/ids.js";
import { KINDS } from "../../src/requests/kinds/index.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { APPROVALS, decideWithReason, fileRequest, parentShows, waitForDb } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { privacy, shown } from "../support/commands.js";

const P = ORG.people;
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const label = (id: string, lang: "ja" | "en" = "ja") => KINDS.purpose.readable({}, lang).find((f) => f.id === id)!.label;
const V1_PURPOSE = VALID_INPUTS.purpose.purpose as string;
const V2_PURPOSE = `${V1_PURPOSE}（対象を会員に限定）`;

describe("versions", () => {
  let filed: Awaited<ReturnType<typeof fileRequest>>;

  it("a request with only version 1 claims no earlier versions", async () => {
    filed = await fileRequest(h, P.employee, "purpose");
    const e = await privacy(h, P.employee, `status ${filed.code}`);
    expect(e.shown).toContain("版：第1版");
    expect(e.shown).not.toContain("記録されています");
    expect(e.shown).not.toContain("変更点");
    expect(JSON.stringify(e.blocks)).not.toContain(RequestActions.viewVersion);
  });

  it("a resubmission posts the change field by field in the thread, with a button to version 1", async () => {
    await decideWithReason(h, P.manager, filed.parent, RequestActions.requestChanges, "利用目的の対象を絞ってください");
    await parentShows(h, filed.parent, ":leftwards_arrow_with_hook:");
    const dm = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(filed.code) && m.text.includes("対象を絞って")));
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: dm.channel, ts: dm.ts } });
    const form = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === RequestViews.revise));
    await h.slack.fillAndSubmit(P.employee, form.id, { ...VALID_INPUTS.purpose, purpose: V2_PURPOSE, retention: "1y" });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id: filed.id } }),
      (r) => r.version === 2,
    );
    const post = await h.fake.waitFor(() => h.fake.thread(APPROVALS, filed.parent.ts).find((m) => shown(m).includes("第1版からの変更点")));
    const text = shown(post);
    expect(text).toContain("第2版");
    expect(text).toContain(`*${label("purpose")}*：変更前「${V1_PURPOSE}」→ 変更後「${V2_PURPOSE}」`);
    expect(text).toContain(`*${label("retention")}*：変更前「`);
    // only what changed
    expect(text).not.toContain(`*${label("dataItems")}*`);
    // the earlier version a press away: the reviewer opens version 1 from the thread
    await h.slack.blockAction(P.manager, { actionId: RequestActions.viewVersion, message: { channel: APPROVALS, ts: post.ts } });
    const v1 = await h.fake.waitFor(() => h.fake.openViews(P.manager).find((v) => v.view.callback_id === RequestViews.version));
    const body = shown(v1.view as never);
    expect(body).toContain("第1版");
    expect(body).toContain(V1_PURPOSE);
    expect(body).not.toContain(V2_PURPOSE);
    expect(body).toContain("この版は第2版で修正されています");
    // version 1 itself is untouched in the database
    const versions = await db().requestVersion.findMany({ where: { requestId: filed.id }, orderBy: { version: "asc" } });
    expect((versions[0]!.data as Record<string, unknown>).purpose).toBe(V1_PURPOSE);
    expect((versions[1]!.data as Record<string, unknown>).purpose).toBe(V2_PURPOSE);
    // the audit chain names the fields that changed, never their values
    const audit = await db().auditEntry.findFirstOrThrow({ where: { subject: `request:${filed.code}`, action: "request.resubmitted" } });
    expect((audit.data as { changed: string[] }).changed.sort()).toEqual(["purpose", "retention"]);
    expect(JSON.stringify(audit.data)).not.toContain(V2_PURPOSE);
  });

  it("/privacy status shows the versions, the change and opens version 1; the chief sees the change too", async () => {
    const e = await privacy(h, P.employee, `status ${filed.code}`);
    expect(e.shown).toContain("版：第2版（第1版も記録されています）");
    expect(e.shown).toContain(`変更前「${V1_PURPOSE}」→ 変更後「${V2_PURPOSE}」`);
    await h.slack.blockAction(P.employee, { actionId: RequestActions.viewVersion, message: { channel: e.channel, ts: e.ts, ephemeral: true } });
    const v1 = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === RequestViews.version));
    expect(shown(v1.view as never)).toContain(V1_PURPOSE);

    const chief = await privacy(h, P.chief, `status ${filed.code}`);
    expect(chief.shown).toContain("第1版からの変更点");
  });

  it("someone who may not see the request cannot open its earlier version", async () => {
    const post = h.fake.thread(APPROVALS, filed.parent.ts).find((m) => shown(m).includes("第1版からの変更点"))!;
    const before = h.fake.openViews(P.employee2).length;
    await h.slack.blockAction(P.employee2, { actionId: RequestActions.viewVersion, message: { channel: APPROVALS, ts: post.ts } });
    await h.fake.waitFor(() => h.fake.ephemerals(P.employee2).find((x) => x.text.includes("権限がありません")));
    expect(h.fake.openViews(P.employee2).length).toBe(before);
  });
});
