// Builds the compliance digest: every feature's section for the period, only those with
// content, as Block Kit (within Slack's 50 blocks and 3,000 characters per section).
import { formatDate, type Lang } from "../platform/i18n.js";
import { digestMessages } from "./messages.js";
import { digestProviders } from "./providers.js";
import type { DigestContext, DigestSection } from "../platform/digest.js";

export interface Digest {
  sections: DigestSection[];
  text: string;
  blocks: unknown[];
}

const MAX_TEXT = 3000;

/** Lines joined into section texts of at most 3,000 characters. */
function chunks(lines: string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const raw of lines) {
    const line = raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT - 1)}…` : raw;
    if (cur && cur.length + 1 + line.length > MAX_TEXT) {
      out.push(cur);
      cur = line;
    } else cur = cur ? `${cur}\n${line}` : line;
  }
  if (cur) out.push(cur);
  return out;
}

export function digestBlocks(sections: DigestSection[], from: Date, to: Date, lang: Lang, timeZone: string): { text: string; blocks: unknown[] } {
  const m = digestMessages(lang);
  const f = formatDate(from, lang, timeZone);
  const t = formatDate(new Date(to.getTime() - 1), lang, timeZone);
  const blocks: unknown[] = [{ type: "header", text: { type: "plain_text", text: m.title(f, t).slice(0, 150) } }];
  if (sections.length === 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: m.nothing } });
  // Slack allows 50 blocks: every section keeps its title and a fair share; a section cut
  // short says so (the full list is on demand with /privacy digest or in each feature)
  sections.forEach((s, i) => {
    const left = sections.length - i - 1;
    const room = 50 - blocks.length - 2 - left * 3 - 1; // 1: the note when cut
    const body = chunks(s.lines);
    const shown = body.slice(0, Math.max(1, room));
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: `*${s.title}*` } });
    for (const c of shown) blocks.push({ type: "section", text: { type: "mrkdwn", text: c } });
    if (shown.length < body.length && blocks.length < 50)
      blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.cut(body.length - shown.length) }] });
  });
  return { text: m.fallback(f, t, sections.length), blocks };
}

export async function buildDigest(o: DigestContext): Promise<Digest> {
  const ctx: DigestContext = { ...o };
  const sections = (await Promise.all(digestProviders().map((p) => p(ctx))))
    .filter((s): s is DigestSection => s !== null && s.lines.length > 0)
    .sort((a, b) => a.order - b.order);
  return { sections, ...digestBlocks(sections, o.from, o.to, o.lang, o.services.timeZone) };
}
