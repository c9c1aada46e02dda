// Block Kit builders of the documents of a request: the form's inputs and the list the
// approver sees on the parent message. Pure.
import type { KnownBlock } from "@slack/types";
import type { Lang } from "../../platform/i18n.js";
import { clip, plain } from "../../platform/slack/text.js";
import { DocumentBlocks, MAX_FILES } from "./ids.js";
import { documentMessages } from "./messages.js";
import type { StoredDocument } from "./store.js";

/** The form's two optional inputs: Slack's file input and links kept elsewhere. */
export function documentInputs(lang: Lang, current?: readonly Pick<StoredDocument, "name">[]): KnownBlock[] {
  const m = documentMessages(lang);
  const blocks: KnownBlock[] = [
    {
      type: "input",
      block_id: DocumentBlocks.files.block,
      optional: true,
      label: plain(m.filesLabel, 2000),
      hint: plain(current ? m.filesHintRevise : m.filesHint, 2000),
      element: { type: "file_input", action_id: DocumentBlocks.files.action, max_files: MAX_FILES },
    } as KnownBlock,
    {
      type: "input",
      block_id: DocumentBlocks.links.block,
      optional: true,
      label: plain(m.linksLabel, 2000),
      hint: plain(m.linksHint, 2000),
      element: { type: "plain_text_input", action_id: DocumentBlocks.links.action, multiline: true, max_length: 2000 },
    },
  ];
  if (current && current.length > 0)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(m.currentDocs(current.map((d) => d.name).join(", ")), 3000) }] });
  return blocks;
}

const esc = (s: string) => s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));

/** The documents of the version the approver decides on: name (linked), size, hash and what was hashed. */
export function documentsSection(docs: readonly StoredDocument[], lang: Lang): KnownBlock[] {
  if (docs.length === 0) return [];
  const m = documentMessages(lang);
  const lines = docs.map((d) => {
    const name = d.url ? `<${d.url}|${esc(d.name).replace(/\|/g, "¦")}>` : esc(d.name);
    const size = d.size !== undefined ? m.sizeKb((d.size / 1024).toFixed(1)) : "";
    return m.line(name, size, d.sha256, m.hashOf[d.hashOf] ?? d.hashOf);
  });
  return [{ type: "section", text: { type: "mrkdwn", text: clip(`*${m.header}*\n${lines.join("\n")}`, 3000) } }];
}
