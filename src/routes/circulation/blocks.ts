// Block Kit builders of circulation (回覧): pure functions from domain objects to blocks.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { clip, modalView, mrkdwn, plain } from "../../platform/slack/text.js";
import { CirculateBlock, CirculationActions, CirculationViews, type AddValue, type SeenValue } from "./ids.js";
import { circulationMessages } from "./messages.js";

/** The request form's optional people picker (new requests only). */
export function circulationFormBlock(lang: Lang): KnownBlock {
  const m = circulationMessages(lang);
  return {
    type: "input",
    block_id: CirculateBlock.block,
    optional: true,
    label: plain(m.formLabel, 2000),
    hint: plain(m.formHint, 2000),
    element: { type: "multi_users_select", action_id: CirculateBlock.action, max_selected_items: 20 },
  };
}

/** The people picked in a view's people picker (none when the view has no picker). */
export function readCirculateTo(values: unknown): string[] {
  const v = (values as Record<string, Record<string, { selected_users?: unknown }>> | undefined)?.[CirculateBlock.block]?.[CirculateBlock.action];
  const users = v?.selected_users;
  return Array.isArray(users) ? users.filter((u): u is string => typeof u === "string") : [];
}

export interface CirculationSummary {
  code: string;
  title: string;
  kind: string;
  requester: string;
  department: string;
}

/** The DM to a person on the list: the summary, 確認しました (or its done state), the link to the thread. */
export function circulationDm(lang: Lang, id: string, r: CirculationSummary, link: unknown, seenAt?: string): { text: string; blocks: unknown[] } {
  const m = circulationMessages(lang);
  const text = m.dm(r.code, clip(r.title, 200), r.kind, r.requester, clip(r.department, 100));
  const open = { type: "button", text: plain(m.open), action_id: CirculationActions.openLink, url: link };
  const value: SeenValue = { id };
  const blocks: unknown[] = [{ type: "section", text: mrkdwn(text) }];
  if (seenAt) {
    blocks.push({ type: "context", elements: [mrkdwn(m.seenDone(seenAt))] });
    blocks.push({ type: "actions", elements: [open] });
  } else {
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: plain(m.seenButton), action_id: CirculationActions.seen, value: JSON.stringify(value), style: "primary" }, open],
    });
  }
  return { text, blocks };
}

/** The thread message naming who the request is circulated to, with 回覧に追加 for the requester. */
export function circulationThreadMessage(lang: Lang, people: string, by: string, requestId: string): { text: string; blocks: unknown[] } {
  const m = circulationMessages(lang);
  const text = m.thread(people, by);
  const value: AddValue = { requestId };
  return {
    text,
    blocks: [
      { type: "section", text: mrkdwn(text) },
      { type: "actions", elements: [{ type: "button", text: plain(m.addButton), action_id: CirculationActions.add, value: JSON.stringify(value) }] },
    ],
  };
}

/** 回覧に追加: the people picker. */
export function addModal(lang: Lang, requestId: string, code: string): View {
  const m = circulationMessages(lang);
  const meta: AddValue = { requestId };
  return modalView({
    callbackId: CirculationViews.add,
    meta,
    title: m.addTitle,
    submit: m.addSubmit,
    close: m.close,
    blocks: [
      { type: "section", text: mrkdwn(m.addIntro(code)) },
      {
        type: "input",
        block_id: CirculateBlock.block,
        label: plain(m.formLabel, 2000),
        hint: plain(m.formHint, 2000),
        element: { type: "multi_users_select", action_id: CirculateBlock.action, max_selected_items: 20 },
      },
    ],
  });
}
