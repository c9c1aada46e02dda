// The small pieces every Block Kit builder uses: text cut to Slack's limits, plain_text
// and mrkdwn objects, select options, and a message as text and blocks. Pure.
import type { KnownBlock } from "@slack/types";

/** A message: its text (notifications, screen readers) and its blocks. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** `s` cut to `n` characters, an ellipsis at the end when cut. */
export const clip = (s: string, n: number): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A plain_text object of at most `n` characters (75: a button's or an option's limit). */
export const plain = (text: string, n = 75) => ({ type: "plain_text" as const, text: clip(text, n), emoji: true });

/** A mrkdwn object of at most 3000 characters (a section's limit). */
export const mrkdwn = (text: string) => ({ type: "mrkdwn" as const, text: clip(text, 3000) });

/** An option of a select or radio buttons. */
export const option = (text: string, value: string) => ({ text: plain(text), value });
