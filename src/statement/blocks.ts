// Block Kit of the statement feature: the statement as it is now (Markdown in code blocks:
// Slack's mrkdwn is not Markdown), its state against the last published version with the
// changed lines, and the publish button. Pure.
import type { KnownBlock } from "@slack/types";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { mrkdwn, plain } from "../platform/slack/text.js";
import { encodePublish, StatementActions } from "./ids.js";
import { statementMessages } from "./messages.js";
import { lineDiff, type Missing } from "./rules.js";

/** characters of a section's text (Slack allows 3,000), less the code fences */
const CHUNK = 2900;
/** pieces of the statement shown at most (a message holds 50 blocks); the file has it all */
const PIECES_MAX = 30;
/** changed lines shown at most */
const DIFF_MAX = 40;

const fence = (s: string) => `\`\`\`\n${s.replace(/```/g, "'''")}\n\`\`\``;

/** Splits Markdown into pieces of at most CHUNK characters, at headings or lines. */
export function chunks(markdown: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const line of markdown.trimEnd().split("\n")) {
    const piece = line.length > CHUNK ? `${line.slice(0, CHUNK - 1)}…` : line;
    if (cur && (cur.length + piece.length + 1 > CHUNK || (piece.startsWith("## ") && cur.length > 0))) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur}\n${piece}` : piece;
  }
  if (cur) out.push(cur);
  return out;
}

export function statementBlocks(
  now: { markdown: string; hash: string; missing: Missing[] },
  last: { version: number; hash: string; markdown: string; publishedAt: Date } | null,
  o: { lang: Lang; timeZone: string; canPublish: boolean },
): { text: string; blocks: KnownBlock[] } {
  const m = statementMessages(o.lang);
  const blocks: KnownBlock[] = [{ type: "section", text: mrkdwn(m.title) }];
  const changed = !last || last.hash !== now.hash;
  const status = !last
    ? m.neverPublished
    : changed
      ? m.changed(last.version, formatDateTime(last.publishedAt, o.lang, o.timeZone), last.hash.slice(0, 12))
      : m.unchanged(last.version, formatDateTime(last.publishedAt, o.lang, o.timeZone), last.hash.slice(0, 12));
  blocks.push({ type: "section", text: mrkdwn(status) });
  if (last && changed) {
    const diff = lineDiff(last.markdown, now.markdown);
    const shown = diff.slice(0, DIFF_MAX);
    const more = diff.length - shown.length;
    blocks.push({
      type: "section",
      text: mrkdwn(`*${m.diffTitle(last.version)}*\n${fence(shown.join("\n").slice(0, CHUNK - 200))}${more > 0 ? `\n${m.diffMore(more)}` : ""}`),
    });
  }
  if (now.missing.length > 0) blocks.push({ type: "section", text: mrkdwn(`*${m.missingTitle}*\n${now.missing.map((k) => `• ${m.missing[k]}`).join("\n")}`) });
  blocks.push({ type: "divider" });
  const pieces = chunks(now.markdown);
  for (const c of pieces.slice(0, PIECES_MAX)) blocks.push({ type: "section", text: mrkdwn(fence(c)) });
  if (pieces.length > PIECES_MAX) blocks.push({ type: "context", elements: [mrkdwn(m.truncated)] });
  blocks.push({ type: "divider" });
  if (o.canPublish && changed && now.missing.length === 0)
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          style: "primary",
          action_id: StatementActions.publish,
          text: plain(m.publish((last?.version ?? 0) + 1)),
          value: encodePublish({ hash: now.hash }),
        },
      ],
    });
  blocks.push({ type: "context", elements: [mrkdwn([m.fileHint, m.publishNote, m.unclear].join("\n"))] });
  return { text: status.replace(/\*/g, ""), blocks };
}
