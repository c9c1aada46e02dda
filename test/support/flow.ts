// Steps a person takes in Slack, over the harness: file a request, press its buttons.
import { expect, vi } from "vitest";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { RequestActions, RequestViews, ReasonBlock } from "../../src/requests/ids.js";
import { AUTO_MEASURES } from "../../src/requests/workflow.js";
import type { RequestKind } from "../../src/requests/kinds/index.js";
import type { Harness } from "./harness.js";
import { ORG } from "./org.js";
import { VALID_INPUTS } from "./forms.js";

export const APPROVALS = ORG.channels.approvals;

export async function openForm(h: Harness, user: string, kind: RequestKind) {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  const r = await h.slack.command(user, "/privacy", `request ${kind}`);
  expect(r.status).toBe(200);
  return h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.form));
}

/** Files a request of `kind` with valid inputs; returns its code and parent message. */
export async function fileRequest(h: Harness, user: string, kind: RequestKind, inputs = VALID_INPUTS[kind], channel = APPROVALS) {
  const view = await openForm(h, user, kind);
  const res = await h.slack.fillAndSubmit(user, view.id, inputs);
  expect(res.status).toBe(200);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const req = await h.bot.services.database.prisma.request.findFirstOrThrow({ where: { requesterId: user, submissionKey: `view:${view.id}` } });
  const parent = await h.fake.waitFor(() => h.fake.messages(channel).find((m) => m.text.includes(req.code)));
  return { code: req.code, id: req.id, parent, viewId: view.id };
}

export function latest(h: Harness, channel: string, ts: string): FakeMessage {
  return h.fake.message(channel, ts)!;
}

/** Waits until the parent message shows `text` (edited in place). */
export async function parentShows(h: Harness, parent: FakeMessage, text: string): Promise<FakeMessage> {
  return h.fake.waitFor(() => {
    const m = h.fake.message(parent.channel, parent.ts);
    return m && JSON.stringify(m.blocks).includes(text) ? m : undefined;
  });
}

export async function press(h: Harness, user: string, parent: FakeMessage, actionId: string, blockId?: string) {
  const r = await h.slack.blockAction(user, { actionId, blockId, message: { channel: parent.channel, ts: parent.ts } });
  expect(r.status).toBe(200);
  return r;
}

/** Presses Reject or Request changes, and submits the reason modal. */
export async function decideWithReason(h: Harness, user: string, parent: FakeMessage, actionId: string, reason: string) {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  await press(h, user, parent, actionId);
  const view = await h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === RequestViews.reason));
  return { view, res: await h.slack.fillAndSubmit(user, view.id, { [ReasonBlock.block]: reason }) };
}

export async function ephemeralFor(h: Harness, user: string, includes: string) {
  return h.fake.waitFor(() => h.fake.ephemerals(user).find((e) => e.text.includes(includes)));
}

/** Ticks every measure in the checklist message in the thread, as `user`. */
export async function completeMeasures(h: Harness, user: string, requestId: string) {
  const db = h.bot.services.database.prisma;
  const r = await waitForDb(
    () => db.request.findUniqueOrThrow({ where: { id: requestId } }),
    (x) => Boolean(x.checklistTs),
  );
  // the ledger registration is ticked by the bot when the others are done (src/register/)
  const measures = (await db.requestMeasure.findMany({ where: { requestId }, orderBy: { position: "asc" } })).filter((m) => !AUTO_MEASURES.has(m.key));
  for (const m of measures) {
    await h.slack.blockAction(user, {
      actionId: RequestActions.tickMeasure,
      blockId: `measure-${m.key}`,
      message: { channel: r.channelId!, ts: r.checklistTs! },
    });
    await waitForDb(
      () => db.requestMeasure.findUniqueOrThrow({ where: { requestId_key: { requestId, key: m.key } } }),
      (x) => Boolean(x.doneAt),
    );
  }
  return r;
}

/** Reads until `ok` says yes (vitest's waitFor); fails with the last value read. */
export async function waitForDb<T>(read: () => Promise<T>, ok: (t: T) => boolean, timeoutMs = 8000): Promise<T> {
  return vi.waitFor(
    async () => {
      const v = await read();
      if (!ok(v)) throw new Error(`timed out waiting; last value ${JSON.stringify(v)}`);
      return v;
    },
    { timeout: timeoutMs, interval: 25 },
  );
}
