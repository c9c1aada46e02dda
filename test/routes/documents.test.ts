// The documents of a request over signed HTTP: Slack's file input in the form (the fake
// serves the files at their url_private), links, hashes recorded with the version, a
// changed document making a new version, and the approver seeing them on the parent message.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestActions } from "../../src/requests/ids.js";
import { validateView } from "../../src/platform/slack/fake/limits.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";
import type { Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { decideWithReason, fileRequest, openForm, parentShows, waitForDb } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { startRoutesHarness } from "./support.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startRoutesHarness();
});
afterAll(async () => {
  await h?.close();
});
const db = () => h.bot.services.database.prisma;
const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const docsOf = (requestId: string, version: number) => db().requestDocument.findMany({ where: { requestId, version }, orderBy: { position: "asc" } });

describe("documents across versions", () => {
  it("records name, size and hash with each version; a changed document is a new version; the approver sees them", async () => {
    const draft = h.fake.addUserFile(P.employee, "委託契約書案_v1.pdf", "契約書案 第1版");
    const link = "https://docs.example.co.jp/contracts/risk-assessment-2026.xlsx";
    const { id, code, parent } = await fileRequest(h, P.employee, "entrust", { ...VALID_INPUTS.entrust, documents: [draft.id], "document-links": link });
    const v1 = await docsOf(id, 1);
    expect(v1.map((d) => [d.source, d.name, d.size, d.hashOf])).toEqual([
      ["slack_file", "委託契約書案_v1.pdf", Buffer.byteLength("契約書案 第1版"), "content"],
      ["link", "docs.example.co.jp: risk-assessment-2026.xlsx", null, "link"],
    ]);
    // the bot fetched the content through url_private with its token
    expect(v1[0]!.sha256).toBe(sha("契約書案 第1版"));
    expect(v1[1]!.sha256).toBe(sha(link));
    // the approver sees them on the parent message, with the hash
    const shown = await parentShows(h, parent, "委託契約書案_v1.pdf");
    expect(JSON.stringify(shown.blocks)).toContain(sha("契約書案 第1版"));
    expect(JSON.stringify(shown.blocks)).toContain("内容の SHA-256");
    // the audit chain keeps the hash, not the name
    const submitted = await db().auditEntry.findFirstOrThrow({ where: { subject: `request:${code}`, action: "request.submitted" } });
    expect(JSON.stringify(submitted.data)).toContain(sha("契約書案 第1版"));
    expect(JSON.stringify(submitted.data)).not.toContain("委託契約書案");

    // sent back; the requester attaches a changed draft: version 2 carries it, version 1 keeps the old one
    await decideWithReason(h, P.manager, parent, RequestActions.requestChanges, "再委託の条項を確認したい");
    const back = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("再委託の条項")));
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: back.channel, ts: back.ts } });
    const revise = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.view.callback_id === "request-revise-view"));
    expect(JSON.stringify(revise.view.blocks)).toContain("現在の文書：委託契約書案_v1.pdf");
    const draft2 = h.fake.addUserFile(P.employee, "委託契約書案_v2.pdf", "契約書案 第2版（再委託条項を追加）");
    await h.slack.fillAndSubmit(P.employee, revise.id, { ...VALID_INPUTS.entrust, documents: [draft2.id] });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.version === 2,
    );
    const v2 = await docsOf(id, 2);
    expect(v2.map((d) => [d.name, d.sha256])).toEqual([["委託契約書案_v2.pdf", sha("契約書案 第2版（再委託条項を追加）")]]);
    expect((await docsOf(id, 1)).map((d) => d.sha256)).toEqual(v1.map((d) => d.sha256));
    const now = await parentShows(h, parent, "委託契約書案_v2.pdf");
    expect(JSON.stringify(now.blocks)).not.toContain("委託契約書案_v1.pdf");

    // sent back again, resubmitted without new files: version 3 carries version 2's documents
    await decideWithReason(h, P.manager, now, RequestActions.requestChanges, "期間を見直してください");
    const back2 = await h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && m.text.includes("期間を見直して")));
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: back2.channel, ts: back2.ts } });
    const revise2 = await h.fake.waitFor(() => h.fake.openViews(P.employee).find((v) => v.id !== revise.id && v.view.callback_id === "request-revise-view"));
    await h.slack.fillAndSubmit(P.employee, revise2.id, { ...VALID_INPUTS.entrust });
    await waitForDb(
      () => db().request.findUniqueOrThrow({ where: { id } }),
      (r) => r.version === 3,
    );
    expect((await docsOf(id, 3)).map((d) => [d.name, d.sha256])).toEqual(v2.map((d) => [d.name, d.sha256]));
  });

  it("a file the bot cannot fetch is hashed from Slack's file id, size and name, and says so", async () => {
    const view = await openForm(h, P.employee, "joint");
    const values = await import("../../src/platform/slack/fake/sender.js").then((m) => m.stateFromInputs(view.view, VALID_INPUTS.joint));
    // a file elsewhere than Slack's hosts: the bot never sends its token there
    values.documents = {
      files: {
        type: "file_input",
        files: [{ id: "F0NOTFETCHED", name: "共同利用の通知文.docx", size: 2048, url_private: "https://files.example.com/F0NOTFETCHED" }],
      },
    };
    const res = await h.slack.submitView(P.employee, view.id, values);
    expect(res.status).toBe(200);
    const req = await waitForDb(
      () => db().request.findFirst({ where: { submissionKey: `view:${view.id}` } }),
      (r) => r !== null,
    );
    const docs = await docsOf(req!.id, 1);
    expect(docs.map((d) => [d.fileId, d.size, d.hashOf, d.sha256])).toEqual([
      ["F0NOTFETCHED", 2048, "file_metadata", sha("F0NOTFETCHED\n2048\n共同利用の通知文.docx")],
    ]);
    const parent = await h.fake.waitFor(() => h.fake.messages(ORG.channels.approvals).find((m) => m.text.includes(req!.code)));
    expect(JSON.stringify(parent.blocks)).toContain("内容は取得できませんでした");
  });

  it("a link that is not https is a field error, nothing is filed", async () => {
    const view = await openForm(h, P.employee, "purpose");
    const count = await db().request.count();
    await h.slack.fillAndSubmit(P.employee, view.id, { ...VALID_INPUTS.purpose, "document-links": "ftp://example.com/x" });
    expect(h.fake.viewErrors(view.id)).toHaveProperty("document-links");
    expect(await db().request.count()).toBe(count);
  });
});

describe("the fake Slack's file input", () => {
  const modal = (element: object) => ({
    type: "modal",
    title: { type: "plain_text", text: "t" },
    submit: { type: "plain_text", text: "s" },
    blocks: [{ type: "input", block_id: "f", label: { type: "plain_text", text: "l" }, element }],
  });
  it("is validated as Slack does: in input blocks, max_files 1-10", () => {
    expect(validateView(modal({ type: "file_input", action_id: "a", max_files: 5 }))).toEqual([]);
    expect(validateView(modal({ type: "file_input", action_id: "a", max_files: 11 })).join()).toContain("max_files");
    expect(validateView(modal({ type: "file_input", action_id: "a", filetypes: "pdf" })).join()).toContain("filetypes");
    const inActions = { type: "home", blocks: [{ type: "actions", elements: [{ type: "file_input", action_id: "a" }] }] };
    expect(validateView(inActions).join()).toContain('"file_input" is not allowed');
  });

  it("needs the files:read scope", async () => {
    const fake = new FakeSlack({ scopes: ["commands", "chat:write"] });
    await fake.start();
    try {
      const trigger = fake.issueTriggerId("U0EMPLOYEE");
      const r = await fetch(`${fake.apiUrl}views.open`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
        body: JSON.stringify({ trigger_id: trigger, view: modal({ type: "file_input", action_id: "a" }) }),
      });
      expect(await r.json()).toMatchObject({ ok: false, error: "missing_scope", needed: "files:read" });
      // and serves a picked file at its url_private
      const f = fake.addUserFile("U0EMPLOYEE", "a.txt", "hello");
      expect(await (await fetch(f.url_private, { headers: { authorization: "Bearer xoxb-test" } })).text()).toBe("hello");
      // like Slack's, only with an app's token
      expect((await fetch(f.url_private)).status).toBe(403);
    } finally {
      await fake.stop();
    }
  });
});
