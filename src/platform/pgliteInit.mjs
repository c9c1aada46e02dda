// Creates the embedded database's folder (PostgreSQL's initdb, in WebAssembly) in a
// process of its own, which then exits. initdb is the most memory PGlite ever needs, and
// a process keeps much of what it once used: run in the bot's own process it left about
// 200 MB behind for the process's whole life (issue 15). Plain JavaScript, run with node.
//   node pgliteInit.mjs <folder>
import { PGlite } from "@electric-sql/pglite";

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: node pgliteInit.mjs <folder>\n");
  process.exit(2);
}
const db = new PGlite(dir);
await db.waitReady;
await db.close();
