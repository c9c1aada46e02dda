// The local Slack when PORT is taken: the start fails with the port's own error (what it had
// started before, the bot and the fake Slack, is stopped: src/local/run.ts), and a start on a
// free port then works with the same database.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startLocal } from "../../src/local/run.js";
import { silentLogger } from "../../src/platform/log.js";
import { testDatabase } from "../support/db.js";
import { freePort } from "../support/harness.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-local-port-"));
let db: Awaited<ReturnType<typeof testDatabase>> | undefined;
const holder = net.createServer();
afterAll(async () => {
  await new Promise((r) => holder.close(r));
  await db?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("a taken PORT fails the start with EADDRINUSE, and a free one then starts", async () => {
  db = await testDatabase();
  await new Promise<void>((r) => holder.listen(0, "0.0.0.0", () => r()));
  const taken = (holder.address() as net.AddressInfo).port;
  const config = (port: number) => loadConfig({ PORT: String(port), PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" });
  await expect(startLocal(config(taken), { log: silentLogger, database: db })).rejects.toMatchObject({ code: "EADDRINUSE" });
  const port = await freePort();
  const run = await startLocal(config(port), { log: silentLogger, database: db });
  try {
    const r = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(r.status).toBe(200);
  } finally {
    await run.stop();
  }
});
