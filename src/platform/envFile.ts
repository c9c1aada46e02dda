// The `.env` file (.env.example shows its keys): read at start when present, in the
// working directory or at ENV_FILE. The environment wins: a variable already set is never
// replaced by the file's value. Parsed by Node's own parser (util.parseEnv, the one behind
// `node --env-file`), so quoting and comments follow Node's rules.
import fs from "node:fs";
import { parseEnv } from "node:util";

export interface EnvFileResult {
  /** the file read, or null when there is none */
  file: string | null;
  /** the keys taken from the file */
  taken: string[];
  /** the keys the file sets that the environment already had (the environment wins) */
  kept: string[];
}

/** Fills `env` from the .env file: only keys `env` does not have. */
export function readEnvFile(env: Record<string, string | undefined> = process.env, file = env.ENV_FILE ?? ".env"): EnvFileResult {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && env.ENV_FILE === undefined) return { file: null, taken: [], kept: [] };
    throw new Error(`${file}: ${(e as Error).message}`);
  }
  const taken: string[] = [];
  const kept: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (env[key] !== undefined) kept.push(key);
    else {
      env[key] = value;
      taken.push(key);
    }
  }
  return { file, taken, kept };
}
