// Which test files open a database. vitest.config.ts runs these on PostgreSQL as well as
// on PGlite; a file that opens none (a pure rule, a Block Kit builder, the fake Slack's
// limits) would run the same code twice, so it runs once.
//
// A file is a database test when its own text calls one of the functions that open a
// database, or when a test/ module it imports (not `import type`) is one: the harness
// opens one through test/support/db.ts, so every file that starts the harness counts.
// A file that opens only PGlite folders of its own (the embedded database's own test)
// says "It runs on PGlite only" in its header. testDatabase() checks at run time that its caller is in this set, so a file this scan
// misses fails loudly instead of silently skipping PostgreSQL.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TEST = path.join(ROOT, "test");

/** Calls that open a database (or start the bot on one in a child process). */
const OPENS = /\b(testDatabase|startHarness|openDatabase|postgresDatabase|migratedPgliteFolder)\s*\(|\bonPostgres\b/;
/** A file that opens only embedded PGlite databases of its own says so in a line of its header. */
const PGLITE_ONLY = /^\/\/ It runs on PGlite only\b/m;
/** `import … from "./x.js"`, `export … from "../support/db.js"`; not `import type`. */
const RELATIVE_IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["'](\.{1,2}\/[^"']+)["']/gm;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

let cached: Set<string> | undefined;

/** The database test files, as paths relative to the repository (test/…/x.test.ts). */
export function databaseTestFiles(): Set<string> {
  if (cached) return cached;
  const memo = new Map<string, boolean>();
  const opens = (file: string, seen: Set<string>): boolean => {
    const known = memo.get(file);
    if (known !== undefined) return known;
    if (seen.has(file) || !fs.existsSync(file)) return false;
    seen.add(file);
    // the helper that decides is not itself a reason (its comment names the calls)
    const text = file === import.meta.filename ? "" : fs.readFileSync(file, "utf8");
    let result = OPENS.test(text);
    for (const m of text.matchAll(RELATIVE_IMPORT)) {
      if (result) break;
      const target = path.resolve(path.dirname(file), m[1]!.replace(/\.js$/, ".ts"));
      if (target.startsWith(TEST + path.sep)) result = opens(target, seen);
    }
    memo.set(file, result);
    return result;
  };
  cached = new Set(
    walk(TEST)
      .filter((f) => f.endsWith(".test.ts") && opens(f, new Set()) && !PGLITE_ONLY.test(fs.readFileSync(f, "utf8")))
      .map((f) => path.relative(ROOT, f).split(path.sep).join("/")),
  );
  return cached;
}

/** Throws when `testPath` opens a database but the scan above does not count it. */
export function assertCountedAsDatabaseTest(testPath: string | undefined): void {
  if (!testPath) return;
  const rel = path.relative(ROOT, testPath).split(path.sep).join("/");
  if (!rel.endsWith(".test.ts") || databaseTestFiles().has(rel)) return;
  throw new Error(
    `${rel} opens a database, but test/support/databaseFiles.ts does not count it as a database test, so it would never run on PostgreSQL. ` +
      "Call testDatabase()/startHarness() in the file itself or import the helper that does.",
  );
}
