// The small pieces every Block Kit builder uses: text cut to Slack's limits, plain_text
// and mrkdwn objects, select options, a message as text and blocks, and a modal. Pure.
import type { KnownBlock, View } from "@slack/types";

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

/**
 * A modal: the callback id its submission comes back under, the metadata it carries (as JSON),
 * its title and buttons cut to Slack's 24 characters; no submit button when `submit` is absent.
 */
export function modalView(o: { callbackId?: string; meta?: unknown; title: string; submit?: string; close: string; blocks: KnownBlock[] }): View {
  return {
    type: "modal",
    ...(o.callbackId !== undefined ? { callback_id: o.callbackId } : {}),
    ...(o.meta !== undefined ? { private_metadata: JSON.stringify(o.meta) } : {}),
    title: plain(o.title, 24),
    ...(o.submit !== undefined ? { submit: plain(o.submit, 24) } : {}),
    close: plain(o.close, 24),
    blocks: o.blocks,
  };
}

/** Lines as posts of at most `max` characters, in order; each after the first starts with `continued(part, parts)`. */
export function inPosts(lines: string[], max: number, continued: (part: number, parts: number) => string): string[] {
  const chunks: string[][] = [[]];
  let size = 0;
  for (const line of lines) {
    const current = chunks[chunks.length - 1]!;
    if (current.length > 0 && size + line.length + 1 > max - 40) {
      chunks.push([line]);
      size = line.length;
    } else {
      current.push(line);
      size += line.length + 1;
    }
  }
  return chunks.map((c, i) => (i === 0 ? c : [continued(i + 1, chunks.length), ...c]).join("\n"));
}
