// The local Slack's file input: the page renders a file picker for Slack's file_input, the
// server takes the picked file (POST /local/api/upload, kept by the fake at a url_private)
// and the submission carries it; the bot records its hash with the request's version.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/config.js";
import type { PersonaState, PostAnswer } from "../../src/local/protocol.js";
import { startLocal, type LocalRun } from "../../src/local/run.js";
import { renderElement } from "../../src/local/web/render.js";
import { silentLogger } from "../../src/platform/log.js";
import { RequestViews } from "../../src/requests/ids.js";
import { freePort } from "../support/harness.js";
import { testDatabase } from "../support/db.js";
import { VALID_INPUTS } from "../support/forms.js";

const YAMADA = "U0YAMADA"; // 営業部 担当者 in the demo organisation

let dir: string;
let db: Awaited<ReturnType<typeof testDatabase>>;
let port: number;
let run: LocalRun;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-local-files-"));
  db = await testDatabase();
  port = await freePort();
  const config = loadConfig({ PORT: String(port), PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" });
  run = await startLocal(config, { log: silentLogger, database: db, outboxPollMs: 50 });
});
afterAll(async () => {
  await run?.stop();
  await db?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${port}`;
async function post(p: string, body: unknown): Promise<PostAnswer> {
  const r = await fetch(base() + p, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await r.json()) as PostAnswer;
}
const state = async (as: string) => (await (await fetch(`${base()}/local/api/state?as=${as}`)).json()) as PersonaState;

describe("the local Slack's file input", () => {
  it("renders a file picker", () => {
    const html = renderElement({ type: "file_input", action_id: "files", max_files: 5, filetypes: ["pdf", "docx"] }, "documents", { userNames: {} }, "input");
    expect(html).toMatch(/<input type="file"[^>]* data-role="files"/);
    expect(html).toContain("multiple");
    expect(html).toContain('accept=".pdf,.docx"');
  });

  it("the page's script (with the upload before the submission) builds", async () => {
    const js = await fetch(`${base()}/local/app.js`);
    expect(js.status).toBe(200);
    expect(await js.text()).toContain('input[type="file"][data-role="files"]');
  });

  it("uploads the picked file and submits it with the form; the bot records its hash", async () => {
    expect(await post("/local/api/command", { as: YAMADA, channel: "C0GENERAL", text: "/privacy request entrust" })).toEqual({ ok: true });
    const view = await vi.waitFor(
      async () => {
        const v = (await state(YAMADA)).modals.find((m) => m.view.callback_id === RequestViews.form);
        if (!v) throw new Error("no form yet");
        return v;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(JSON.stringify(view.view.blocks)).toContain('"file_input"');
    const content = "業務委託契約書（案）";
    const up = await post("/local/api/upload", { as: YAMADA, name: "契約書案.pdf", base64: Buffer.from(content).toString("base64") });
    expect(up).toMatchObject({ ok: true, fileId: expect.stringMatching(/^F/) });
    expect(await post("/local/api/submit", { as: YAMADA, viewId: view.id, inputs: { ...VALID_INPUTS.entrust, documents: [up.fileId!] } })).toEqual({
      ok: true,
    });
    const doc = await vi.waitFor(
      async () => {
        const d = await run.bot.services.database.prisma.requestDocument.findFirst({ where: { name: "契約書案.pdf" } });
        if (!d) throw new Error("not recorded yet");
        return d;
      },
      { timeout: 15_000, interval: 50 },
    );
    expect(doc).toMatchObject({ hashOf: "content", sha256: createHash("sha256").update(content).digest("hex"), size: Buffer.byteLength(content) });
  });
});
