// Resetting the local Slack's demo data (`npm run reset`): the embedded database folder
// (PGLITE_DIR, ./.data/pglite by default) and the local Slack's messages beside it
// (local-slack.json, see persist.ts). The next `npm start` loads the demo organisation
// afresh. A PostgreSQL database (DATABASE_URL) is never touched: that is the operator's.
import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";

export type ResetResult =
  | { ok: true; removed: string[]; kept: string[] }
  | { ok: false; reason: "running"; url: string }
  | { ok: false; reason: "postgres"; removed: string[] };

/** Where the local mode keeps its data (the same paths run.ts uses). */
export function localDataPaths(config: Pick<Config, "pgliteDir">): { pglite: string; slack: string } {
  const pglite = path.resolve(config.pgliteDir);
  return { pglite, slack: path.join(path.dirname(pglite), "local-slack.json") };
}

/**
 * Removes the demo data. Refuses while a bot answers on the port (stop it first: Ctrl-C or
 * SIGTERM); with DATABASE_URL set removes only the local Slack's messages.
 */
export async function resetLocalData(
  config: Pick<Config, "pgliteDir" | "port" | "databaseUrl">,
  isRunning: (url: string) => Promise<boolean>,
): Promise<ResetResult> {
  const url = `http://127.0.0.1:${config.port}/healthz`;
  if (await isRunning(url)) return { ok: false, reason: "running", url };
  const { pglite, slack } = localDataPaths(config);
  const removed: string[] = [];
  const kept: string[] = [];
  const remove = (p: string) => {
    if (!fs.existsSync(p)) return;
    fs.rmSync(p, { recursive: true, force: true });
    removed.push(p);
  };
  remove(slack);
  if (config.databaseUrl) return { ok: false, reason: "postgres", removed };
  remove(pglite);
  for (const p of [pglite, slack]) if (!removed.includes(p)) kept.push(p);
  return { ok: true, removed, kept };
}
