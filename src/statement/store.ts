// Queries of the statement feature: the published versions.
import type { PublicStatement } from "../generated/prisma/client.js";
import type { Db, Tx } from "../platform/db.js";
import type { Settings } from "../settings.js";
import { buildStatement, statementHash, type Missing } from "./rules.js";
import { statementInput } from "./sources.js";

type Q = Db | Tx;
export type { PublicStatement };

export async function latestPublished(q: Q): Promise<PublicStatement | null> {
  return q.publicStatement.findFirst({ orderBy: { version: "desc" } });
}

/** The statement as its inputs are now (the draft), with its hash. */
export async function currentStatement(q: Q, settings: Settings): Promise<{ markdown: string; hash: string; missing: Missing[] }> {
  const { markdown, missing } = buildStatement(await statementInput(q, settings));
  return { markdown, hash: statementHash(markdown), missing };
}
