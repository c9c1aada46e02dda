import { defineConfig } from "vitest/config";
import { databaseTestFiles } from "./test/support/databaseFiles.js";

// The suite runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL server
// (.ci/run sets it when 127.0.0.1:5432 answers) every test file that opens a database
// runs there too (test/support/databaseFiles.ts says which; the rest would repeat
// the same code without a database).
const postgresUrl = process.env.TEST_DATABASE_URL;
const ALL = ["test/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // migrates the template databases every test file starts from, once per run
    globalSetup: ["test/support/templates.ts"],
    projects: [
      { extends: true as const, test: { name: "pglite", include: ALL, env: { TEST_DATABASE_URL: "" } } },
      ...(postgresUrl
        ? [{ extends: true as const, test: { name: "postgres", include: [...databaseTestFiles()].sort(), env: { TEST_DATABASE_URL: postgresUrl } } }]
        : []),
    ],
  },
});
