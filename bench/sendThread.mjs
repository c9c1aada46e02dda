// The benchmark's HTTP client, in a thread of its own (bench/lib.ts ThreadedFetch): it
// sends each request and times it from just before sending to the whole answer read,
// so the figure does not include the time the main thread spends being Slack (the fake
// Web API answering the bot's calls) before it could look at the answer.
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";

parentPort.on("message", async ({ id, url, init }) => {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    const ms = performance.now() - t0;
    parentPort.postMessage({ id, status: res.status, headers: Object.fromEntries(res.headers), text, ms });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e) });
  }
});
