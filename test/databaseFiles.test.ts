// Which files the postgres project runs: those that open a database, directly or through the harness.
import { describe, expect, it } from "vitest";
import { assertCountedAsDatabaseTest, databaseTestFiles } from "./support/databaseFiles.js";

describe("the database test files", () => {
  const files = databaseTestFiles();

  it("count a file that starts the harness, one that calls testDatabase, and one that reaches a database through a helper it imports", () => {
    expect(files.has("test/e2e/approval.test.ts")).toBe(true); // startHarness
    expect(files.has("test/platform/audit.test.ts")).toBe(true); // testDatabase
    expect(files.has("test/jobs/cli.test.ts")).toBe(true); // the jobs CLI on a database from test/support/db.ts
  });

  it("leave out pure rules, builders and the PGlite-only test", () => {
    expect(files.has("test/platform/day.test.ts")).toBe(false);
    expect(files.has("test/requests/kinds/purpose.test.ts")).toBe(false);
    expect(files.has("test/platform/embedded.test.ts")).toBe(false);
  });

  it("refuse a file the scan does not count when it opens a database", () => {
    expect(() => assertCountedAsDatabaseTest(`${process.cwd()}/test/platform/day.test.ts`)).toThrow(/would never run on PostgreSQL/);
    expect(() => assertCountedAsDatabaseTest(`${process.cwd()}/test/e2e/approval.test.ts`)).not.toThrow();
  });
});
