// The documents of a request's versions: what is stored, and the queries (no Slack).
import type { Db, Tx } from "../../platform/db.js";

type Q = Db | Tx;

/** A document as it is recorded with a version: a Slack file or a link, its name, size and hash. */
export interface DocumentInput {
  source: "slack_file" | "link";
  fileId?: string;
  name: string;
  size?: number;
  url?: string;
  /** hex SHA-256 */
  sha256: string;
  /** what was hashed: the content, Slack's file id + size + name (content not fetched), or the link's URL */
  hashOf: "content" | "file_metadata" | "link";
}

export interface StoredDocument extends DocumentInput {
  version: number;
  position: number;
}

export async function saveDocuments(tx: Tx, requestId: string, version: number, docs: readonly DocumentInput[], by: string, now: Date): Promise<void> {
  if (docs.length === 0) return;
  await tx.requestDocument.createMany({
    data: docs.map((d, position) => ({
      requestId,
      version,
      position,
      source: d.source,
      fileId: d.fileId ?? null,
      name: d.name.slice(0, 500),
      size: d.size ?? null,
      url: d.url ?? null,
      sha256: d.sha256,
      hashOf: d.hashOf,
      createdAt: now,
      createdBy: by,
    })),
  });
}

/** A resubmission without new documents keeps the previous version's (recorded again with the new version). */
export async function carryDocuments(tx: Tx, requestId: string, from: number, to: number, by: string, now: Date): Promise<DocumentInput[]> {
  const prev = await documentsOf(tx, requestId, from);
  await saveDocuments(tx, requestId, to, prev, by, now);
  return prev;
}

export async function documentsOf(q: Q, requestId: string, version: number): Promise<StoredDocument[]> {
  const rows = await q.requestDocument.findMany({ where: { requestId, version }, orderBy: { position: "asc" } });
  return rows.map((r) => ({
    version: r.version,
    position: r.position,
    source: r.source as DocumentInput["source"],
    ...(r.fileId ? { fileId: r.fileId } : {}),
    name: r.name,
    ...(r.size !== null ? { size: r.size } : {}),
    ...(r.url ? { url: r.url } : {}),
    sha256: r.sha256,
    hashOf: r.hashOf as DocumentInput["hashOf"],
  }));
}

/** What the audit chain keeps of a document: no name (it may name a person), its hash, size and source. */
export function auditDocuments(docs: readonly DocumentInput[], seal: (s: string) => unknown): Record<string, unknown>[] {
  return docs.map((d) => ({
    source: d.source,
    ...(d.fileId ? { fileId: d.fileId } : {}),
    name: seal(d.name),
    size: d.size ?? null,
    sha256: d.sha256,
    hashOf: d.hashOf,
  }));
}
