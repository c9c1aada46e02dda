// The metrics registry on its own: the process's figures when asked for, and a scrape
// that never hangs on a database that does not answer.
import { describe, expect, it } from "vitest";
import { Metrics } from "../../src/platform/metrics.js";

describe("the metrics registry", () => {
  it("with the process's figures: resident memory, event-loop delay, heap", async () => {
    const { body } = await new Metrics({ process: true }).scrape();
    expect(body).toMatch(/^mamori_process_resident_memory_bytes \d+/m);
    expect(body).toContain("# TYPE mamori_nodejs_eventloop_lag_seconds gauge");
    expect(body).toMatch(/^mamori_nodejs_heap_size_used_bytes \d+/m);
    // a bot's own registry has none of them unless asked
    expect((await new Metrics().scrape()).body).not.toContain("process_resident_memory_bytes");
  });

  it("a database that does not answer: the scrape answers within about 2 s, with the last figures and the failure counted", async () => {
    const m = new Metrics();
    let answer = true;
    m.watchOutbox(() => (answer ? Promise.resolve({ pending: 4, due: 3, oldestDueAgeSeconds: 42 }) : new Promise(() => undefined)));
    expect((await m.scrape()).body).toMatch(/^mamori_outbox_oldest_due_age_seconds 42$/m);
    answer = false;
    const started = Date.now();
    const { body } = await m.scrape();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(body).toMatch(/^mamori_outbox_pending_messages 4$/m);
    expect(body).toMatch(/^mamori_outbox_oldest_due_age_seconds 42$/m);
    // counted as it happens: the next scrape shows it
    answer = true;
    expect((await m.scrape()).body).toMatch(/^mamori_metrics_collect_errors_total 1$/m);
  });
});
