import { defineConfig } from "vitest/config";
import { databaseTestFiles } from "./test/support/databaseFiles.js";

// The suite runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL server
// (.ci/run sets it when 127.0.0.1:5432 answers) every test file that opens a database
// runs there too (test/support/databaseFiles.ts says which; the rest would repeat
// the same code without a database).
const postgresUrl = process.env.TEST_DATABASE_URL;
const ALL = ["test/**/*.test.ts"];
// every plan answered from Prisma's plan cache (src/platform/planCache.ts) is checked against a fresh compile
const PLAN_CACHE = "verify";

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // Each worker keeps the modules it loaded from one test file to the next: Prisma's
    // client, Bolt and PGlite's compiled WebAssembly load once per worker instead of once
    // per file (about a third of the suite's time). Test files share no state through
    // modules: each starts its own database, bot and fake Slack, and src/ keeps none at
    // module level but caches of what never changes.
    isolate: false,
    // migrates the template databases every test file starts from, once per run
    globalSetup: ["test/support/templates.ts"],
    projects: [
      { extends: true as const, test: { name: "pglite", include: ALL, env: { TEST_DATABASE_URL: "", MAMORI_PLAN_CACHE: PLAN_CACHE } } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: { name: "postgres", include: [...databaseTestFiles()].sort(), env: { TEST_DATABASE_URL: postgresUrl, MAMORI_PLAN_CACHE: PLAN_CACHE } },
            },
          ]
        : []),
    ],
  },
});
