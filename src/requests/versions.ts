// A request's versions (issue 16): the change between two versions, field by field, and the
// blocks that show it (the thread message posted on resubmission, /privacy status) and an
// earlier version in a modal. Pure functions: no Slack client, no database.
import type { Button, KnownBlock, View } from "@slack/types";
import { formatDateTime, type Lang } from "../platform/i18n.js";
import { mention } from "../platform/slack/calls.js";
import { clip, modalView, plain } from "../platform/slack/text.js";
import { KINDS, type RequestData, type RequestKind } from "./kinds/index.js";
import { RequestActions, RequestViews } from "./ids.js";
import { requestMessages } from "./messages.js";

export interface FieldChange {
  id: string;
  label: string;
  from: string;
  to: string;
}

/** The fields whose value (in words) differs between two versions of the same kind, in the form's order. */
export function changesBetween(kind: RequestKind, before: RequestData, after: RequestData, lang: Lang): FieldChange[] {
  const k = KINDS[kind];
  const a = k.readable(before, lang);
  const b = new Map(k.readable(after, lang).map((f) => [f.id, f]));
  const out: FieldChange[] = [];
  for (const f of a) {
    const g = b.get(f.id);
    if (g && g.value !== f.value) out.push({ id: f.id, label: f.label, from: f.value, to: g.value });
  }
  return out;
}

const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const oneLine = (s: string, n: number) => clip(escapeMrkdwn(s.replace(/\s+/g, " ").trim()), n);

/** 「第1版からの変更点」 and one line per changed field (変更前 → 変更後), within a section's 3000 characters. */
export function changesText(changes: FieldChange[], from: number, to: number, lang: Lang, maxLines = 12): string {
  const m = requestMessages(lang).version;
  if (changes.length === 0) return `${m.changesHeader(from, to)}\n${m.none}`;
  const shown = changes.slice(0, maxLines).map((c) => m.changeLine(c.label, oneLine(c.from, 160) || m.empty, oneLine(c.to, 160) || m.empty));
  if (changes.length > maxLines) shown.push(m.more(changes.length - maxLines));
  return clip(`${m.changesHeader(from, to)}\n${shown.join("\n")}`, 3000);
}

/** What a version button carries: the request and the version to show. */
export interface VersionValue {
  id: string;
  version: number;
}

/** 「第N版を見る」 for each earlier version (the newest five), or nothing when there is only one. */
export function versionButtons(requestId: string, current: number, lang: Lang): Button[] {
  const m = requestMessages(lang).version;
  const out: Button[] = [];
  for (let v = current - 1; v >= 1 && out.length < 5; v--)
    out.push({
      type: "button",
      text: plain(m.view(v)),
      action_id: RequestActions.viewVersion,
      value: JSON.stringify({ id: requestId, version: v } satisfies VersionValue),
    });
  return out.reverse();
}

/** The thread message of a resubmission: who resubmitted, what changed, and the earlier versions' buttons. */
export function resubmittedMessage(
  r: { id: string; kind: RequestKind },
  intro: string,
  changes: FieldChange[],
  version: number,
  lang: Lang,
): { text: string; blocks: KnownBlock[] } {
  const diff = changesText(changes, version - 1, version, lang);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: clip(intro, 3000) } },
    { type: "section", text: { type: "mrkdwn", text: diff } },
  ];
  const buttons = versionButtons(r.id, version, lang);
  if (buttons.length > 0) blocks.push({ type: "actions", block_id: `versions-${version}`, elements: buttons });
  return { text: `${intro}\n${diff}`, blocks };
}

/** An earlier (or the current) version, read-only, in a modal. */
export function versionModal(
  r: { code: string; kind: RequestKind; version: number },
  v: { version: number; data: RequestData; createdAt: Date; createdBy: string },
  lang: Lang,
  timeZone: string,
): View {
  const m = requestMessages(lang).version;
  const fields = KINDS[r.kind].readable(v.data, lang);
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: m.modalIntro(r.code, v.version, formatDateTime(v.createdAt, lang, timeZone), mention(v.createdBy)) } },
    { type: "context", elements: [{ type: "mrkdwn", text: v.version < r.version ? m.superseded(v.version + 1) : m.current }] },
    { type: "divider" },
  ];
  // one section per field, at most 10 fields per section (Slack's limit), values escaped
  for (let i = 0; i < fields.length && blocks.length < 90; i += 10)
    blocks.push({
      type: "section",
      fields: fields
        .slice(i, i + 10)
        .map((f) => ({ type: "mrkdwn" as const, text: clip(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value) || "—"}`, 2000) })),
    });
  return modalView({ callbackId: RequestViews.version, title: m.modalTitle(v.version), close: m.close, blocks });
}
