// Lists and status views (ephemeral answers and the requests' App Home section): pure builders.
import type { KnownBlock } from "@slack/types";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { KINDS, type RequestData, type RequestKind } from "./kinds/index.js";
import { eventText } from "./blocks.js";
import { changesBetween, changesText, versionButtons } from "./versions.js";
import { requestMessages } from "./messages.js";
import type { RequestListItem, RequestSnapshot } from "./store.js";
import type { WaitingItem } from "./access.js";
import type { RequestStatus } from "./workflow.js";
import { clip } from "../platform/slack/text.js";

function line(r: { code: string; kind: string; status: string; title: string }, lang: Lang): string {
  const m = requestMessages(lang);
  const k = KINDS[r.kind as RequestKind];
  const status = r.status as RequestStatus;
  return `${m.statusEmoji[status]} *${r.code}* ${clip(r.title, 80)}\n      ${k ? m.kindWithArticle(k.name(lang), m.article(k.article)) : r.kind} · ${m.status[status]}`;
}

/** Up to `max` lines per section block, within Slack's 3000 characters. */
function listSections(lines: string[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < lines.length; i += 8) out.push({ type: "section", text: { type: "mrkdwn", text: clip(lines.slice(i, i + 8).join("\n"), 3000) } });
  return out;
}

export function requestListBlocks(
  mine: RequestListItem[],
  waiting: WaitingItem[],
  lang: Lang,
  surface: "ephemeral" | "home",
): { text: string; blocks: KnownBlock[] } {
  const c = requestMessages(lang).list;
  const blocks: KnownBlock[] = [];
  blocks.push({ type: "section", text: { type: "mrkdwn", text: c.waiting } });
  if (waiting.length === 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: c.noneWaiting }] });
  else blocks.push(...listSections(waiting.slice(0, 40).map((w) => line(w, lang))));
  blocks.push(...myRequestsBlocks(mine, lang));
  const max = surface === "home" ? 100 : 50;
  return { text: `${c.title} ${mine.length}`, blocks: blocks.slice(0, max) };
}

/** One line of a request (code, title; kind and status), as the lists show it. */
export const requestLine = line;

/** 「自分の届出」: my requests grouped by status, open ones first. */
export function myRequestsBlocks(mine: RequestListItem[], lang: Lang): KnownBlock[] {
  const c = requestMessages(lang).list;
  const blocks: KnownBlock[] = [{ type: "divider" }, { type: "section", text: { type: "mrkdwn", text: c.title } }];
  if (mine.length === 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: c.none }] });
  else {
    // grouped by status, open ones first
    const order: RequestStatus[] = [
      "changes_requested",
      "pending_manager",
      "pending_chief",
      "rejection_pending_chief",
      "approved",
      "effective",
      "rejected",
      "withdrawn",
    ];
    const sorted = [...mine].sort((a, b) => order.indexOf(a.status as RequestStatus) - order.indexOf(b.status as RequestStatus));
    blocks.push(...listSections(sorted.map((r) => line(r, lang))));
  }
  return blocks;
}

/**
 * /privacy status PRV-…: the request, its versions (with the change from the one before, field
 * by field, and a button to each earlier version, only when there are earlier versions), its
 * measures and its history.
 */
export function requestStatusBlocks(
  r: RequestSnapshot,
  versions: readonly { version: number; data: unknown }[],
  lang: Lang,
  timeZone: string,
): { text: string; blocks: KnownBlock[] } {
  const m = requestMessages(lang);
  const k = KINDS[r.kind];
  const history = r.events.slice(-15).map((e) => {
    const base = m.historyLine(formatDateTime(e.at, lang, timeZone), `<@${e.actorId}>`, eventText(r, e, lang), e.version);
    return e.reason ? `${base}\n      ${m.reasonLine(clip(e.reason, 300))}` : base;
  });
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: clip(`*${r.code}* ${r.title}\n${m.kindWithArticle(k.name(lang), m.article(k.article))} · ${m.statusEmoji[r.status]} ${m.status[r.status]}`, 3000),
      },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `${m.field.requester}: <@${r.requesterId}> · ${m.field.department}: ${clip(r.departmentName, 100)} · ${m.versions(versions.length)}`,
        },
      ],
    },
  ];
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const last = sorted.at(-1);
  const prev = sorted.at(-2);
  if (last && prev) {
    const changes = changesBetween(r.kind, prev.data as RequestData, last.data as RequestData, lang);
    blocks.push({ type: "section", text: { type: "mrkdwn", text: changesText(changes, prev.version, last.version, lang) } });
    const buttons = versionButtons(r.id, last.version, lang);
    if (buttons.length > 0) blocks.push({ type: "actions", block_id: `status-versions-${last.version}`, elements: buttons });
  }
  if (r.measures.length > 0)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: m.measuresProgress(r.measures.filter((x) => x.doneAt).length, r.measures.length) }] });
  if (history.length > 0) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(`*${m.history}*\n${history.join("\n")}`, 3000) } });
  return { text: `${r.code}: ${m.status[r.status]}`, blocks };
}
