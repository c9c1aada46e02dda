// kill -9 in the middle of a burst of approvals: the bot runs in a child process, the
// fake Slack in this one. Every press was acknowledged (HTTP 200) before the kill; the
// restarted bot finds the presses whose work the dead process had not finished (their
// lease ended) and decides them. Afterwards each request was decided exactly once
// (history and audit chain), nobody was told to press again, and no Slack message was
// posted twice. Slack's Web API answers 503 from the burst until the restart, so the
// dead process cannot have left a message half-sent: re-sending those is the outbox's
// matter, not this test's.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inboxMessages } from "../../src/platform/slack/inbox.js";
import { RequestActions } from "../../src/requests/ids.js";
import { ORG } from "../support/org.js";
import { BotProcess, type BurstRig, burstRig, expectDecidedOnce, expectNoPostTwice, fileRequests } from "./inbox-process.js";

const N = 20;
const { manager } = ORG.people;
let rig: BurstRig;
const cleanup: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  rig = await burstRig();
});
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c().catch(() => undefined);
  await rig?.close();
});

describe("kill -9 during a burst of approvals", () => {
  it(`${N} acknowledged presses: each decided exactly once after the restart, nobody told to press again, no message twice`, async () => {
    const { fake, slack } = rig;
    let bot = await BotProcess.start(rig.env);
    cleanup.push(() => bot.kill("SIGKILL"));
    // N requests filed through their modals, each posted with its stage-1 buttons
    const parents = await fileRequests(rig, bot, N);

    // Slack goes down; the burst; every press acknowledged; kill -9
    fake.down(true);
    const sent = await Promise.all(
      parents.map((p) => slack.blockAction(manager, { actionId: RequestActions.approve, message: { channel: p.channel, ts: p.ts } })),
    );
    expect(sent.map((r) => r.status)).toEqual(parents.map(() => 200));
    // once a few are decided (so the kill falls between decisions, not before the first)
    const decided = async () => (await bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "RequestEvent" WHERE "action" = 'approved_stage1'`))[0]!.n;
    await vi.waitFor(async () => expect(await decided()).toBeGreaterThanOrEqual(2), { timeout: 20_000, interval: 10 });
    await bot.kill("SIGKILL");
    fake.down(false);

    // the same bot started again on the same database: its recovery pass takes up the presses whose lease ended
    bot = await BotProcess.start(rig.env);
    const open = () => bot.ask<{ n: number }>(`SELECT count(*)::int AS n FROM "SlackDelivery" WHERE "kind" = 'press' AND "leaseUntil" IS NOT NULL`);
    await vi.waitFor(async () => expect((await open())[0]!.n).toBe(0), { timeout: 20_000, interval: 100 });

    // each request decided exactly once, in its history and in the audit chain
    await expectDecidedOnce(bot, N);

    // the kill did hit the burst: the restarted process replayed presses the dead one had acknowledged
    const rows = await bot.ask<{ outcome: string; attempts: number; payload: unknown }>(
      `SELECT "outcome", "attempts", "payload" FROM "SlackDelivery" WHERE "kind" = 'press'`,
    );
    expect(rows).toHaveLength(N);
    const replayed = rows.filter((r) => r.attempts > 0 && r.outcome === "done").length;
    expect(replayed).toBeGreaterThan(0);
    expect(rows.every((r) => ["done", "decided"].includes(r.outcome) && r.payload === null)).toBe(true);

    // nobody was told to press again, or that it failed
    const m = inboxMessages("ja");
    expect(fake.ephemerals(manager).filter((e) => [m.notDone, m.failed, m.notRecorded].some((t) => e.text.includes(t)))).toEqual([]);
    // no message twice: each request's stage-1 reply in its thread at most once, and no post repeated
    await bot.flush();
    expectNoPostTwice(rig, parents);
    const closedByReplay = rows.filter((r) => r.attempts > 0 && r.outcome === "decided").length;
    process.stdout.write(`inbox-kill: ${replayed} of ${N} presses replayed by the restarted process, ${closedByReplay} found decided and closed\n`);
  }, 90_000);
});
