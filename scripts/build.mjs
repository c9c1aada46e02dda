// npm run build: the production build. Compiles src/ and commands/ to dist/ with the
// TypeScript compiler (the same tree: dist/src, dist/commands) and copies what the code
// reads beside itself: the migrations, the app manifest, the PGlite worker, the local
// Slack's page and demo organisation. `npm run start:prod` (node dist/src/main.js) runs it
// with plain Node, no TypeScript loader.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
fs.rmSync(dist, { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
const copies = ["prisma/migrations", "manifest.yml", "src/platform/pgliteThread.mjs", "src/platform/pgliteInit.mjs", "src/local/web", "src/local/demo"];
for (const rel of copies) fs.cpSync(path.join(root, rel), path.join(dist, rel), { recursive: true });
process.stdout.write(`built dist/ (start it with: npm run start:prod)\n`);
