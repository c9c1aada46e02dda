// What the outbox fault tests share: a worker wired like the bot's (the Web API client
// with the bot's options, against the fake Slack), and the record a post leaves when it
// is sent (its ts, as a request's parent message records its own).
import { WebClient } from "@slack/web-api";
import type { Clock } from "../../src/platform/clock.js";
import type { Database } from "../../src/platform/db.js";
import type { Logger } from "../../src/platform/log.js";
import { Outbox, type OutboxOptions, type OutgoingCall } from "../../src/platform/outbox.js";
import { webClientOptions } from "../../src/platform/slack/clientOptions.js";

/** The Setting row where the post of call `name` records its ts. */
export const tsKey = (name: string) => `posted:${name}`;

export function outboxWorker(o: { database: Database; clock: Clock; log: Logger; apiUrl: string; clientTimeoutMs?: number } & Partial<OutboxOptions>): Outbox {
  const client = new WebClient("xoxb-test-token", webClientOptions(o.apiUrl, o.clientTimeoutMs));
  const outbox = new Outbox({ ...o, slack: { apiCall: (method, args) => client.apiCall(method, args) as unknown as Promise<Record<string, unknown>> } });
  outbox.onSent("recordTs", async (tx, onSent, response) => {
    const key = tsKey(String(onSent.name));
    await tx.setting.upsert({ where: { key }, create: { key, value: String(response.ts) }, update: { value: String(response.ts) } });
  });
  outbox.registerRef("postedTs", async (tx, r) => (await tx.setting.findUnique({ where: { key: tsKey(String(r.name)) } }))?.value);
  return outbox;
}

/** A post that records its ts under `name` once sent. */
export function recordedPost(orderKey: string, name: string, payload: Record<string, unknown>): OutgoingCall {
  return { orderKey, method: "chat.postMessage", payload, onSent: { type: "recordTs", name } };
}
