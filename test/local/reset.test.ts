// `npm run reset` (src/local/reset.ts): removes the embedded database and the local Slack's
// messages, refuses while a bot answers on the port, and never touches PostgreSQL.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { localDataPaths, resetLocalData } from "../../src/local/reset.js";

function demoData() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-reset-"));
  const config = { pgliteDir: path.join(dir, ".data", "pglite"), port: 3999, databaseUrl: undefined as string | undefined };
  const { pglite, slack } = localDataPaths(config);
  fs.mkdirSync(pglite, { recursive: true });
  fs.writeFileSync(path.join(pglite, "PG_VERSION"), "17");
  fs.writeFileSync(slack, "{}");
  return { config, pglite, slack };
}

describe("npm run reset", () => {
  it("removes the embedded database and the local Slack's messages", async () => {
    const { config, pglite, slack } = demoData();
    const r = await resetLocalData(config, async () => false);
    expect(r).toEqual({ ok: true, removed: [slack, pglite], kept: [] });
    expect(fs.existsSync(pglite)).toBe(false);
    expect(fs.existsSync(slack)).toBe(false);
  });

  it("refuses while a bot answers on the port, and removes nothing", async () => {
    const { config, pglite, slack } = demoData();
    const r = await resetLocalData(config, async (url) => url === "http://127.0.0.1:3999/healthz");
    expect(r).toMatchObject({ ok: false, reason: "running" });
    expect(fs.existsSync(pglite) && fs.existsSync(slack)).toBe(true);
  });

  it("with DATABASE_URL set leaves the database alone (only the local Slack's messages go)", async () => {
    const { config, pglite, slack } = demoData();
    const r = await resetLocalData({ ...config, databaseUrl: "postgresql://x@127.0.0.1/db" }, async () => false);
    expect(r).toEqual({ ok: false, reason: "postgres", removed: [slack] });
    expect(fs.existsSync(pglite)).toBe(true);
  });
});
