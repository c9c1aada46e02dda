// Block Kit builders of the consultation route (合議): pure functions.
import type { Button, KnownBlock, View } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { mention } from "../../platform/slack/calls.js";
import { clip, modalView, plain, type SlackMessage } from "../../platform/slack/text.js";
import { AddBlocks, ConsultActions, ConsultViews, encodeConsult, ObjectBlock } from "./ids.js";
import { consultMessages } from "./messages.js";
import { type Condition, type RoundAnswer, type RoundRule, ruleSatisfied, waitingFor } from "./rules.js";
import type { Round, StoredRule } from "./store.js";

const button = (text: string, actionId: string, value: string, style?: "primary" | "danger"): Button => ({
  type: "button",
  text: plain(text),
  action_id: actionId,
  value,
  ...(style ? { style } : {}),
});

/** A rule's label: its condition (stored as "headcount:<over>" for a headcount rule, with its threshold). */
export function ruleLabel(rule: Pick<StoredRule, "condition" | "ruleId">, lang: Lang): string {
  const m = consultMessages(lang);
  const [condition, over] = rule.condition.split(":");
  const label = m.condition[condition as Condition | "added"] ?? rule.ruleId;
  return condition === "headcount" && over ? `${label}${m.headcountOver(Number(over))}` : label;
}

/** The parent message's line at the final-approval stage: who the final approval waits for (null: nobody, or no consultation). */
export function consultationLine(r: { consultation?: { rules: RoundRule[]; answers: RoundAnswer[] } | null }, lang: Lang): string | null {
  if (!r.consultation) return null;
  const waiting = waitingFor(r.consultation.rules, r.consultation.answers);
  const m = consultMessages(lang);
  return waiting.length > 0 ? m.parentWaiting(clip(waiting.map(mention).join(" "), 1500)) : m.parentSatisfied;
}

/** The approve and object buttons of a consultant. */
export function answerButtons(r: { id: string; version: number }, lang: Lang): Button[] {
  const m = consultMessages(lang);
  const v = encodeConsult({ id: r.id, v: r.version });
  return [button(m.button.approve, ConsultActions.approve, v, "primary"), button(m.button.object, ConsultActions.object, v, "danger")];
}

/** The chief's 承認者の追加 button (on the parent message at the final-approval stage, and on the status block). */
export function addButton(r: { id: string; version: number }, lang: Lang): Button {
  return button(consultMessages(lang).button.add, ConsultActions.add, encodeConsult({ id: r.id, v: r.version }));
}

/**
 * The consultation status block in the thread, edited in place: each rule, whether it is
 * satisfied, who was consulted, who answered and what they said; the buttons while open.
 */
export function statusMessage(r: { id: string; code: string; version: number; status: string }, round: Round, lang: Lang): SlackMessage {
  const m = consultMessages(lang);
  const open = r.status === "pending_chief" && r.version === round.version;
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(m.header(r.code), 150) },
    { type: "context", elements: [{ type: "mrkdwn", text: `${m.version(round.version)} · ${m.companyNote}` }] },
  ];
  for (const rule of round.rules.slice(0, 20)) {
    const lines = [m.ruleLine(ruleLabel(rule, lang), m.mode[rule.mode], ruleSatisfied(rule, round.answers))];
    for (const p of rule.reviewers) {
      const a = round.answers.find((x) => x.reviewerId === p);
      lines.push(m.answerLine(mention(p), a?.answer ? m.answer[a.answer] : m.answer.waiting));
      if (a?.reason) lines.push(m.reasonLine(clip(a.reason.replace(/\n/g, " "), 300)));
    }
    blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(lines.join("\n"), 3000) } });
  }
  const waiting = waitingFor(round.rules, round.answers);
  const summary = !open ? m.closed : waiting.length === 0 ? m.satisfied : m.notSatisfied(waiting.map(mention).join(" "));
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(summary, 3000) }] });
  if (open) blocks.push({ type: "actions", block_id: `consult-${round.version}`, elements: [...answerButtons(r, lang), addButton(r, lang)] });
  return { text: m.header(r.code), blocks };
}

/** The objection modal: one reason. */
export function objectModal(meta: { id: string; v: number }, code: string, title: string, lang: Lang): View {
  const m = consultMessages(lang).modal;
  return modalView({
    callbackId: ConsultViews.object,
    meta,
    title: m.objectTitle,
    submit: m.objectSubmit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(m.objectIntro(code, title), 3000) } },
      {
        type: "input",
        block_id: ObjectBlock.block,
        label: plain(m.reasonLabel, 2000),
        hint: plain(m.reasonHint, 2000),
        element: { type: "plain_text_input", action_id: ObjectBlock.action, multiline: true, max_length: REASON_MAX },
      },
    ],
  });
}

export const REASON_MAX = 2000;

/** 承認者の追加: who, and why. */
export function addModal(meta: { id: string; v: number }, code: string, title: string, lang: Lang): View {
  const m = consultMessages(lang).modal;
  return modalView({
    callbackId: ConsultViews.add,
    meta,
    title: m.addTitle,
    submit: m.addSubmit,
    close: m.close,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: clip(m.addIntro(code, title), 3000) } },
      {
        type: "input",
        block_id: AddBlocks.person.block,
        label: plain(m.personLabel, 2000),
        element: { type: "users_select", action_id: AddBlocks.person.action },
      },
      {
        type: "input",
        block_id: AddBlocks.reason.block,
        label: plain(m.reasonLabel, 2000),
        hint: plain(m.reasonHint, 2000),
        element: { type: "plain_text_input", action_id: AddBlocks.reason.action, multiline: true, max_length: REASON_MAX },
      },
    ],
  });
}
