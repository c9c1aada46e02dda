// The documents of a submitted request form: the files of Slack's file_input (its
// view_submission state holds `files`: id, name, size, url_private, …) and the links typed
// one a line. Each is hashed: a file's content when the bot can fetch it with its token
// through url_private, else Slack's file id + size + name (and the record says which).
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Lang } from "../../platform/i18n.js";
import { detectPii } from "../../platform/pii/index.js";
import { DocumentBlocks, MAX_FILES, MAX_LINKS } from "./ids.js";
import { documentMessages } from "./messages.js";
import type { DocumentInput } from "./store.js";

/** Slack's file size limit for file_input (10 MB). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** One file of a file_input's state, as Slack sends it (the fields the bot reads). */
const SlackFile = z.object({
  id: z.string().regex(/^F[A-Z0-9]+$/),
  name: z.string().min(1).max(500),
  size: z.number().int().min(0),
  url_private: z.url().optional(),
});
export type SlackFile = z.output<typeof SlackFile>;

export interface SubmittedDocuments {
  files: SlackFile[];
  links: string[];
}

type Values = Record<string, Record<string, unknown>>;

/** The documents in a form's state; errors keyed by block id (Slack's `response_action: "errors"`). */
export function readDocuments(values: Values, lang: Lang): { ok: true; docs: SubmittedDocuments } | { ok: false; errors: Record<string, string> } {
  const m = documentMessages(lang).errors;
  const fileState = values[DocumentBlocks.files.block]?.[DocumentBlocks.files.action] as { files?: unknown } | undefined;
  const files = z.array(SlackFile).safeParse(fileState?.files ?? []);
  if (!files.success) return { ok: false, errors: { [DocumentBlocks.files.block]: m.tooManyFiles } };
  if (files.data.length > MAX_FILES) return { ok: false, errors: { [DocumentBlocks.files.block]: m.tooManyFiles } };
  if (files.data.some((f) => f.size > MAX_FILE_BYTES)) return { ok: false, errors: { [DocumentBlocks.files.block]: m.tooBig } };
  const raw = (values[DocumentBlocks.links.block]?.[DocumentBlocks.links.action] as { value?: string | null } | undefined)?.value ?? "";
  const links = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (links.length > MAX_LINKS) return { ok: false, errors: { [DocumentBlocks.links.block]: m.tooManyLinks } };
  if (links.some((l) => !z.url({ protocol: /^https$/ }).safeParse(l).success)) return { ok: false, errors: { [DocumentBlocks.links.block]: m.notUrl } };
  if (links.some((l) => detectPii(l).length > 0)) return { ok: false, errors: { [DocumentBlocks.links.block]: m.pii } };
  return { ok: true, docs: { files: files.data, links } };
}

const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

/** Hosts the bot sends its token to: Slack's own, or the Slack API it is configured with (a fake or GovSlack). */
function mayCarryToken(url: string, apiUrl: string | undefined): boolean {
  const u = new URL(url);
  if (u.protocol === "https:" && (/(^|\.)slack\.com$/.test(u.hostname) || /(^|\.)slack-gov\.com$/.test(u.hostname))) return true;
  return apiUrl !== undefined && new URL(apiUrl).origin === u.origin;
}

/** The content of a Slack file through url_private with the bot's token; null when it cannot be had in time. */
async function fetchContent(f: SlackFile, o: { token?: string; apiUrl?: string; timeoutMs: number }): Promise<Buffer | null> {
  if (!f.url_private || !o.token || !mayCarryToken(f.url_private, o.apiUrl)) return null;
  try {
    const res = await fetch(f.url_private, { headers: { Authorization: `Bearer ${o.token}` }, signal: AbortSignal.timeout(o.timeoutMs), redirect: "error" });
    if (!res.ok) return null;
    const bytes = Buffer.from(await res.arrayBuffer());
    return bytes.length <= MAX_FILE_BYTES ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * The documents as recorded: each file's SHA-256 of its content when fetched, else of
 * "<file id>\n<size>\n<name>" (hashOf says which); each link's SHA-256 of its URL.
 * The fetches run together, each cut off at `timeoutMs` (the modal must be answered within 3 s).
 */
export async function hashDocuments(docs: SubmittedDocuments, o: { token?: string; apiUrl?: string; timeoutMs?: number }): Promise<DocumentInput[]> {
  const timeoutMs = o.timeoutMs ?? 1000;
  const files = await Promise.all(
    docs.files.map(async (f): Promise<DocumentInput> => {
      const bytes = await fetchContent(f, { ...o, timeoutMs });
      return {
        source: "slack_file",
        fileId: f.id,
        name: f.name,
        size: bytes?.length ?? f.size,
        ...(f.url_private ? { url: f.url_private } : {}),
        sha256: bytes ? sha256(bytes) : sha256(`${f.id}\n${f.size}\n${f.name}`),
        hashOf: bytes ? "content" : "file_metadata",
      };
    }),
  );
  const links = docs.links.map((url): DocumentInput => {
    const u = new URL(url);
    const name = decodeURIComponent(u.pathname.split("/").filter(Boolean).pop() ?? "") || u.hostname;
    return { source: "link", name: `${u.hostname}: ${name}`.slice(0, 500), url, sha256: sha256(url), hashOf: "link" };
  });
  return [...files, ...links];
}
