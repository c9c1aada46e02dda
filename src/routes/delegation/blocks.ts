// Block Kit builders of delegation: pure functions from domain objects to blocks.
import type { KnownBlock, View } from "@slack/types";
import type { Day } from "../../platform/day.js";
import type { Lang } from "../../platform/i18n.js";
import { mention } from "../../platform/slack/calls.js";
import { clip, modalView, mrkdwn, plain } from "../../platform/slack/text.js";
import { AwayBlocks, CommentBlock, DelegationActions, DelegationViews, type ReviewValue } from "./ids.js";
import { delegationMessages } from "./messages.js";

/** The absence form (/privacy away, the Home button): two date pickers and the delegate. */
export function awayModal(lang: Lang, today: Day): View {
  const m = delegationMessages(lang).modal;
  return modalView({
    callbackId: DelegationViews.away,
    title: m.title,
    submit: m.submit,
    close: m.close,
    blocks: [
      { type: "section", text: mrkdwn(m.intro) },
      {
        type: "input",
        block_id: AwayBlocks.from.block,
        label: plain(m.from, 2000),
        element: { type: "datepicker", action_id: AwayBlocks.from.action, initial_date: today },
      },
      {
        type: "input",
        block_id: AwayBlocks.to.block,
        label: plain(m.to, 2000),
        element: { type: "datepicker", action_id: AwayBlocks.to.action, initial_date: today },
      },
      {
        type: "input",
        block_id: AwayBlocks.delegate.block,
        label: plain(m.delegate, 2000),
        hint: plain(m.delegateHint, 2000),
        element: { type: "users_select", action_id: AwayBlocks.delegate.action },
      },
    ],
  });
}

export interface ReviewItem {
  requestId: string;
  code: string;
  what: string;
  delegateId: string;
  at: string;
}

/** 後閲: the DM to the absent person, back, with each decision taken for them and a comment button. */
export function reviewDm(lang: Lang, delegationId: string, from: Day, to: Day, items: ReviewItem[]): { text: string; blocks: KnownBlock[] } {
  const m = delegationMessages(lang).review;
  const shown = items.slice(0, 45);
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(m.intro(from, to, items.length)) }];
  for (const i of shown) {
    const value: ReviewValue = { requestId: i.requestId, delegationId };
    blocks.push({
      type: "section",
      text: mrkdwn(clip(m.item(i.code, i.what, mention(i.delegateId), i.at), 3000)),
      accessory: { type: "button", text: plain(m.comment), action_id: DelegationActions.reviewComment, value: JSON.stringify(value) },
    });
  }
  return { text: m.intro(from, to, items.length), blocks };
}

/** The comment modal of 後閲. */
export function commentModal(lang: Lang, value: ReviewValue, code: string): View {
  const m = delegationMessages(lang).review;
  return modalView({
    callbackId: DelegationViews.comment,
    meta: value,
    title: m.modalTitle,
    submit: m.modalSubmit,
    close: delegationMessages(lang).modal.close,
    blocks: [
      { type: "section", text: mrkdwn(`*${code}*`) },
      {
        type: "input",
        block_id: CommentBlock.block,
        label: plain(m.modalLabel, 2000),
        hint: plain(m.modalHint, 2000),
        element: { type: "plain_text_input", action_id: CommentBlock.action, multiline: true, max_length: 2000 },
      },
    ],
  });
}

/** A request a delegate can decide now, in someone's place. */
export interface DelegateItem {
  code: string;
  title: string;
  absentId: string;
  link: string | null;
}

/** The Home section: my absence (or none) with its buttons, whom I stand in for, and what I can decide in their place. */
export function awayHomeBlocks(
  lang: Lang,
  mine: { fromDay: string; toDay: string; delegateId: string } | null,
  standingIn: { absentId: string; fromDay: string; toDay: string }[],
  maySet: boolean,
  decidable: DelegateItem[] = [],
): KnownBlock[] {
  const m = delegationMessages(lang).home;
  const lines = [
    mine ? m.current(mine.fromDay, mine.toDay, mention(mine.delegateId)) : m.none,
    ...standingIn.map((x) => m.standingIn(mention(x.absentId), x.fromDay, x.toDay)),
  ];
  const elements: { type: "button"; text: ReturnType<typeof plain>; action_id: string; value: string }[] = [];
  if (maySet) elements.push({ type: "button", text: plain(m.set), action_id: DelegationActions.openAway, value: "open" });
  if (maySet && mine) elements.push({ type: "button", text: plain(m.end), action_id: DelegationActions.endAway, value: "end" });
  const items = decidable.map((d) => m.decidable(d.link ? `<${d.link}|${d.code}>` : d.code, clip(d.title, 80), mention(d.absentId)));
  return [
    { type: "divider" },
    { type: "section", text: mrkdwn(`*${m.title}*\n${lines.join("\n")}`) },
    ...(items.length > 0 ? [{ type: "section" as const, text: mrkdwn(`*${m.decidableTitle(items.length)}*\n${items.join("\n")}`) }] : []),
    { type: "context", elements: [mrkdwn(delegationMessages(lang).extension)] },
    ...(elements.length > 0 ? [{ type: "actions" as const, elements }] : []),
  ];
}
