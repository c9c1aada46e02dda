// Steps of the subject-request desk over the harness: log a request from the modal, press
// the buttons of its register post, its thread or a DM, fill the modals.
import { expect } from "vitest";
import type { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage, SimpleInputs } from "../../src/platform/slack/fake/index.js";
import { DsrActions, DsrViews, LogBlocks, NoticeBlocks } from "../../src/dsr/ids.js";
import type { Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { newView, pumping } from "../support/clock.js";
import { shown } from "../support/commands.js";

export const COMPLIANCE = ORG.channels.compliance;

export const GOOD_LOG: SimpleInputs = {
  [LogBlocks.kind]: "disclosure",
  [LogBlocks.via]: "phone",
  [LogBlocks.requester]: "self",
  [LogBlocks.customerRef]: "CUST-001234",
  [LogBlocks.method]: "electronic",
};

/** GOOD_LOG with `inputs`; the disclosure method only where the kind takes one (Art.33(1)). */
export function logInputs(inputs: SimpleInputs = {}): SimpleInputs {
  const all: SimpleInputs = { ...GOOD_LOG, ...inputs };
  const kind = all[LogBlocks.kind];
  if (kind !== "disclosure" && kind !== "provision_records" && !(LogBlocks.method in inputs)) delete all[LogBlocks.method];
  return all;
}

/** Opens /privacy dsr as `user`; returns the modal. */
export function openLog(h: Harness, user: string) {
  return newView(h, user, DsrViews.log, () => h.slack.command(user, "/privacy", "dsr"));
}

/** Logs a request with `inputs` (over GOOD_LOG) and waits for its register post. */
export async function logCase(h: Harness, clock: ManualClock, user: string, inputs: SimpleInputs = {}) {
  const view = await openLog(h, user);
  const r = await h.slack.fillAndSubmit(user, view.id, logInputs(inputs));
  expect(r.status).toBe(200);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  const c = await h.bot.services.database.prisma.subjectRequest.findUniqueOrThrow({ where: { submissionKey: `view:${view.id}` } });
  const parent = await pumping(
    h,
    clock,
    h.fake.waitFor(() => h.fake.messages(COMPLIANCE).find((m) => m.text.includes(c.code))),
  );
  return { id: c.id, code: c.code, parent };
}

export const latest = (h: Harness, m: FakeMessage) => h.fake.message(m.channel, m.ts)!;

/** Presses `actionId` on a message (the register post, a thread reply or a DM). */
export async function pressOn(h: Harness, user: string, m: FakeMessage, actionId: string) {
  const r = await h.slack.blockAction(user, { actionId, message: { channel: m.channel, ts: m.ts } });
  expect(r.status).toBe(200);
}

/** Presses a button that opens a modal with `callbackId`; returns the modal. */
export function pressForModal(h: Harness, user: string, m: FakeMessage, actionId: string, callbackId: string) {
  return newView(h, user, callbackId, () => pressOn(h, user, latest(h, m), actionId));
}

/** The ephemeral answer `user` got that includes `text`. */
export function told(h: Harness, user: string, text: string) {
  return h.fake.waitFor(() => h.fake.ephemerals(user).find((e) => shown(e).includes(text)));
}

export function threadHas(h: Harness, clock: ManualClock, m: FakeMessage, text: string) {
  return pumping(
    h,
    clock,
    h.fake.waitFor(() => h.fake.thread(m.channel, m.ts).find((r) => shown(r).includes(text))),
  );
}

export function parentShows(h: Harness, clock: ManualClock, m: FakeMessage, text: string) {
  return pumping(
    h,
    clock,
    h.fake.waitFor(() => (shown(latest(h, m)).includes(text) ? latest(h, m) : undefined)),
  );
}

/** Records the notice to the person from the register post (the case must be decided); waits for the case to close. */
export async function notifyPerson(h: Harness, clock: ManualClock, user: string, parent: FakeMessage, inputs: SimpleInputs = {}) {
  await pumping(
    h,
    clock,
    h.fake.waitFor(() => (JSON.stringify(latest(h, parent).blocks ?? []).includes(DsrActions.notice) ? true : undefined)),
  );
  const view = await pressForModal(h, user, parent, DsrActions.notice, DsrViews.notice);
  const r = await h.slack.fillAndSubmit(user, view.id, { [NoticeBlocks.via]: "mail", ...inputs });
  expect(r.status).toBe(200);
  expect(h.fake.viewErrors(view.id) ?? {}).toEqual({});
  await pumping(h, clock, Promise.resolve());
  return view;
}
