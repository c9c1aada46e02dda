// The local Slack's state file: what is kept across a restart, written atomically.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { WebClient } from "@slack/web-api";
import { afterEach, describe, expect, it, vi } from "vitest";
import { keepSnapshot } from "../../src/local/persist.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";

const dirs: string[] = [];
const fakes: FakeSlack[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fake(opts: ConstructorParameters<typeof FakeSlack>[0] = {}) {
  const f = new FakeSlack({ postMessagePerChannel: false, ...opts });
  await f.start();
  fakes.push(f);
  return { f, client: new WebClient("xoxb-test", { slackApiUrl: f.apiUrl, retryConfig: { retries: 0 } }) };
}

describe("keepSnapshot", () => {
  it("restores messages, threads, edits, ephemerals, modals, Home tabs and files after a restart", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-snap-"));
    dirs.push(dir);
    const file = path.join(dir, "sub", "local-slack.json");
    const a = await fake();
    const keeper = keepSnapshot(a.f, file, 10);
    const parent = await a.client.chat.postMessage({ channel: "C1", text: "親メッセージ" });
    await a.client.chat.postMessage({ channel: "C1", text: "返信", thread_ts: parent.ts });
    a.f.postAsUser("C1", "U1", "人の返信", parent.ts);
    await a.client.chat.update({ channel: "C1", ts: parent.ts!, text: "編集済み" });
    await a.client.chat.postEphemeral({ channel: "C1", user: "U2", text: "あなただけ" });
    await a.client.views.publish({ user_id: "U1", view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "ホーム" } }] } });
    await a.client.filesUploadV2({ channel_id: "C1", filename: "log.csv", content: "a,b\n1,2\n" });
    await vi.waitFor(() => expect(fs.existsSync(file)).toBe(true), { interval: 10 });
    keeper.stop();
    const snapshot = JSON.stringify(a.f.snapshot());

    const b = await fake();
    keepSnapshot(b.f, file).stop();
    expect(JSON.stringify(b.f.snapshot())).toBe(snapshot);
    expect(b.f.message("C1", parent.ts!)).toMatchObject({ text: "編集済み", reply_count: 2, edited: expect.any(Object) });
    expect(b.f.thread("C1", parent.ts!).map((m) => [m.user, m.text])).toEqual([
      [b.f.botUserId, "返信"],
      ["U1", "人の返信"],
    ]);
    expect(b.f.ephemerals("U2").map((e) => e.text)).toEqual(["あなただけ"]);
    expect(JSON.stringify(b.f.homeView("U1")?.view.blocks)).toContain("ホーム");
    expect(b.f.files()[0]!.bytes?.toString()).toBe("a,b\n1,2\n");
    // new messages after the restart sort after the old ones
    const later = await b.client.chat.postMessage({ channel: "C1", text: "再起動後" });
    expect(Number(later.ts)).toBeGreaterThan(Number(b.f.messages("C1").at(-2)!.ts));
  });

  it("starts empty without a file, and refuses a file of another version", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-snap-"));
    dirs.push(dir);
    const a = await fake();
    keepSnapshot(a.f, path.join(dir, "none.json")).stop();
    expect(a.f.messages("C1")).toEqual([]);
    fs.writeFileSync(path.join(dir, "v9.json"), JSON.stringify({ version: 9 }));
    expect(() => keepSnapshot(a.f, path.join(dir, "v9.json"))).toThrow(/version 9/);
  });
});

describe("publicUrl", () => {
  it("puts the local Slack's address in permalinks, auth.test and file links", async () => {
    const { f, client } = await fake({ publicUrl: "http://localhost:3999" });
    expect((await client.auth.test()).url).toBe("http://localhost:3999/");
    const m = await client.chat.postMessage({ channel: "C1", text: "x" });
    const link = await client.chat.getPermalink({ channel: "C1", message_ts: m.ts! });
    expect(link.permalink).toBe(`http://localhost:3999/archives/C1/p${m.ts!.replace(".", "")}`);
    await client.filesUploadV2({ channel_id: "C1", filename: "a.txt", content: "hi" });
    expect(f.messages("C1").at(-1)!.files![0]!.url_private).toMatch(/^http:\/\/localhost:3999\/files\/F/);
  });
});
