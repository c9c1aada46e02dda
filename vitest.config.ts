import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are memory-hungry; a few files at a time on a 2-core machine.
    maxWorkers: 2,
    fileParallelism: true,
  },
});
