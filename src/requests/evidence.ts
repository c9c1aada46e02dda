// The evidence a measure can carry when it is ticked (issue 16): a link (https) and/or a
// short note. Pure: no Slack, no database. The note and the link are checked for personal
// data (platform/pii): evidence names a document, never a customer.
import { detectPii } from "../platform/pii/index.js";

export const EVIDENCE_URL_MAX = 500;
export const EVIDENCE_NOTE_MAX = 500;

export type EvidenceProblem = "empty" | "link_invalid" | "link_not_https" | "link_too_long" | "link_pii" | "note_too_long" | "note_pii";

export interface Evidence {
  url: string | null;
  note: string | null;
}

export function checkEvidence(input: {
  link?: string | null;
  note?: string | null;
}): { ok: true; evidence: Evidence } | { ok: false; problems: Partial<Record<"link" | "note", EvidenceProblem>> } {
  const problems: Partial<Record<"link" | "note", EvidenceProblem>> = {};
  const url = (input.link ?? "").trim();
  const note = (input.note ?? "").trim();
  if (!url && !note) return { ok: false, problems: { link: "empty" } };
  if (url) {
    if (url.length > EVIDENCE_URL_MAX) problems.link = "link_too_long";
    else if (/\s/.test(url) || !URL.canParse(url)) problems.link = /^https?:/i.test(url) ? "link_invalid" : "link_not_https";
    else {
      const u = new URL(url);
      if (u.protocol !== "https:") problems.link = "link_not_https";
      else if (!u.hostname || u.username || u.password) problems.link = "link_invalid";
      else if (detectPii(decodeURIComponentSafe(url)).length > 0) problems.link = "link_pii";
    }
  }
  if (note) {
    if (note.length > EVIDENCE_NOTE_MAX) problems.note = "note_too_long";
    else if (detectPii(note).length > 0) problems.note = "note_pii";
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, evidence: { url: url || null, note: note || null } };
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
