// A fresh database for one test file: embedded PGlite in memory, or, when
// TEST_DATABASE_URL is set, a database of its own on that PostgreSQL server. Both start
// as a copy of the migrated template made once per run (test/support/templates.ts), so
// the bot's migrate() finds nothing to apply; without the templates (a file run outside
// this vitest config) they are migrated here.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, inject } from "vitest";
import { migrate, openDatabase, type Database } from "../../src/platform/db.js";
import { assertCountedAsDatabaseTest } from "./databaseFiles.js";
import { admin, urlOf } from "./postgres.js";

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export type TestDatabase = Database & {
  /** where another process reaches this database (PostgreSQL; its schema is public) */
  url?: string;
  dispose(): Promise<void>;
};

/** The migrated PGlite tarball for openDatabase's `pgliteTemplate` (undefined outside the suite's config). */
export function pgliteTemplate(): string | undefined {
  return inject("pgliteTemplate");
}

/** Fills the PGlite folder `dir` with a copy of the migrated template (as after the bot's first start). */
export async function migratedPgliteFolder(dir: string): Promise<void> {
  const template = pgliteTemplate();
  const db = await openDatabase({ pgliteDir: dir, pgliteTemplate: template });
  try {
    if (!template) await migrate(db);
  } finally {
    await db.close();
  }
}

/**
 * A new database on the test server, a copy of the migrated template; its name and a
 * function that drops it. Without the template it is empty.
 */
export async function postgresDatabase(serverUrl: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const template = inject("postgresTemplate");
  const name = `mamori_test_${crypto.randomBytes(6).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`));
  return {
    name,
    url: urlOf(serverUrl, name),
    // without FORCE: PostgreSQL waits a few seconds for closed connections to go away
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`)).then(() => undefined),
  };
}

export async function testDatabase(opts: { idleMs?: number } = {}): Promise<TestDatabase> {
  assertCountedAsDatabaseTest(expect.getState().testPath);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const template = pgliteTemplate();
    // in memory, but with an ack journal as a folder has: the acks take the path they take in use
    const ackJournal = path.join(os.tmpdir(), `mamori-ack-journal-${crypto.randomBytes(6).toString("hex")}.jsonl`);
    const db = await openDatabase({ pgliteDir: "memory://", pgliteTemplate: template, ackJournal, ...opts });
    if (!template) await migrate(db);
    return Object.assign(db, {
      async dispose() {
        await db.close();
        fs.rmSync(ackJournal, { force: true });
      },
    });
  }
  const created = await postgresDatabase(serverUrl);
  const db = await openDatabase({ databaseUrl: created.url, poolSize: 8, ...opts });
  if (!inject("postgresTemplate")) await migrate(db);
  return Object.assign(db, {
    url: created.url,
    async dispose() {
      await db.close();
      await created.drop();
    },
  });
}
