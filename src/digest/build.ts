// Builds the compliance digest: every feature's section for the period, only those with
// content, as Block Kit (within Slack's 50 blocks and 3,000 characters per section).
import { formatDate, type Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import type { BusinessCalendar } from "../platform/schedule/calendar.js";
import type { Settings } from "../settings.js";
import { digestMessages } from "./messages.js";
import { digestProviders } from "./providers.js";
import type { DigestContext, DigestSection } from "./types.js";

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
  for (const s of sections) {
    const body = chunks(s.lines);
    // leave room for the rest: a section never takes more than its share of the 50 blocks
    if (blocks.length + 2 + body.length > 50) break;
    blocks.push({ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: `*${s.title}*` } });
    for (const c of body) blocks.push({ type: "section", text: { type: "mrkdwn", text: c } });
  }
  return { text: m.fallback(f, t, sections.length), blocks };
}

export async function buildDigest(
  o: { services: Services; calendar: BusinessCalendar; settings: Settings; from: Date; to: Date; now: Date; lang: Lang },
): Promise<Digest> {
  const ctx: DigestContext = { ...o };
  const sections = (await Promise.all(digestProviders().map((p) => p(ctx))))
    .filter((s): s is DigestSection => s !== null && s.lines.length > 0)
    .sort((a, b) => a.order - b.order);
  return { sections, ...digestBlocks(sections, o.from, o.to, o.lang, o.services.timeZone) };
}
