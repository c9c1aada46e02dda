// How the bot's Web API client (Bolt's WebClient) waits and retries.
//
// Every call has a timeout: a Slack that does not answer must not hold anything for
// minutes. The client retries once, and only when the request surely never reached
// Slack (the connection was refused, the name did not resolve). A call that timed out,
// whose connection broke, or that Slack answered with a server error may have been
// carried out: sent again, a post would appear twice. The outbox retries those itself,
// after looking for the message it may already have posted (outbox.ts); a call made on
// the hot path (views.open) fails and the person is told.
import type { webApi } from "@slack/bolt";

/** A Web API call not answered within this is abandoned (the outbox allows a little more: outbox.ts). */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

/** Errors of a request that never left this machine. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/** p-retry's hook: throwing ends the retries with that error. */
function retryOnlyWhenNotSent(error: unknown): void {
  const e = error as { code?: string; original?: { cause?: { code?: string } } };
  const cause = e.original?.cause?.code;
  if (e.code === "slack_webapi_request_error" && cause && NOT_SENT.has(cause)) return;
  throw error;
}

export function webClientOptions(apiUrl?: string, timeoutMs = SLACK_CALL_TIMEOUT_MS): webApi.WebClientOptions {
  // the client hands retryConfig to p-retry whole, which calls onFailedAttempt (not in the client's type)
  const retryConfig = { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 500, onFailedAttempt: retryOnlyWhenNotSent } as webApi.RetryOptions;
  return {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    timeout: timeoutMs,
    retryConfig,
    // the outbox honours Retry-After itself; a call on the hot path fails fast
    rejectRateLimitedCalls: true,
  };
}

/** Arguments the client would send as JSON text anyway, and walks in full first (below). */
const JSON_FIELDS = ["blocks", "view"] as const;

/**
 * The arguments of a Web API call with `blocks` and `view` already JSON text. The client
 * sends a form body in which every argument that is not a string is JSON text, so the
 * request is the same byte for byte; but before sending, the client copies every argument
 * in full for a debug line (its `redact`, built even when debug is off) and serializes the
 * objects again: for a message of 50 blocks that is most of what a call allocates.
 * `attachments` stays as it is (the client reads it for a warning).
 */
export function forTheWire(args: Record<string, unknown>): Record<string, unknown> {
  if (!JSON_FIELDS.some((k) => args[k] !== undefined && typeof args[k] !== "string")) return args;
  const out: Record<string, unknown> = { ...args };
  for (const k of JSON_FIELDS) if (out[k] !== undefined && out[k] !== null && typeof out[k] !== "string") out[k] = JSON.stringify(out[k]);
  return out;
}
