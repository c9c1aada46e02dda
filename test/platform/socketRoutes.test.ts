// Socket Mode has no public URL, but its operator still reads /healthz, /readyz and
// /metrics on PORT, as in HTTP mode: Bolt's Socket Mode receiver serves them while its
// WebSocket connects (here it never does: the fake Slack has no Socket Mode).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "@slack/bolt";
import { silentLogger } from "../../src/platform/log.js";
import { Metrics } from "../../src/platform/metrics.js";
import { freePort } from "../../src/platform/net.js";
import { createSlackApp } from "../../src/platform/slack/app.js";
import { FakeSlack } from "../../src/platform/slack/fake/index.js";

let fake: FakeSlack;
let app: App;
let port: number;

beforeAll(async () => {
  fake = new FakeSlack({});
  await fake.start();
  port = await freePort();
  app = createSlackApp({
    botToken: "xoxb-test-token",
    appToken: "xapp-1-A0TEST-1-abcdef",
    apiUrl: fake.apiUrl,
    log: silentLogger,
    ready: async () => true,
    metrics: new Metrics(),
    port,
  });
  await app.init();
  // the HTTP server listens at once; the WebSocket keeps trying until stop
  void app.start().catch(() => undefined);
});
afterAll(async () => {
  await app?.stop().catch(() => undefined);
  await fake?.stop();
});

describe("Socket Mode", () => {
  it("answers /healthz, /readyz and /metrics on PORT", async () => {
    const get = (p: string) => fetch(`http://127.0.0.1:${port}${p}`);
    await expect.poll(async () => (await get("/healthz").catch(() => undefined))?.status, { timeout: 5000 }).toBe(200);
    const ready = await get("/readyz");
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true });
    const metrics = await get("/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await metrics.text()).toContain('mamori_slack_ack_seconds_count{kind="command"} 0');
  });
});
