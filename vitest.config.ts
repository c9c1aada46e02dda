import { defineConfig } from "vitest/config";

// The suite runs on embedded PGlite; when TEST_DATABASE_URL names a PostgreSQL server
// (.ci/run sets it when 127.0.0.1:5432 answers) the database tests run there too.
const postgresUrl = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
    // migrates the template databases every test file starts from, once per run
    globalSetup: ["test/support/templates.ts"],
    projects: [
      { extends: true as const, test: { name: "pglite", env: { TEST_DATABASE_URL: "" } } },
      ...(postgresUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                env: { TEST_DATABASE_URL: postgresUrl },
                include: [
                  "test/e2e/**/*.test.ts",
                  "test/platform/**/*.test.ts",
                  "test/directory/**/*.test.ts",
                  "test/jobs/**/*.test.ts",
                  "test/training/**/*.test.ts",
                  "test/duties/**/*.test.ts",
                  "test/processors/**/*.test.ts",
                  "test/digest/**/*.test.ts",
                  "test/incidents/**/*.test.ts",
                  "test/dsr/**/*.test.ts",
                  "test/faults/**/*.test.ts",
                ],
              },
            },
          ]
        : []),
    ],
  },
});
