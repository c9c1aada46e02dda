// vitest's globalSetup: migrates two template databases once per run, which every test
// file then clones (test/support/db.ts) instead of running initdb and every migration
// of its own:
// - embedded PGlite: a migrated database dumped as a tarball (PGlite's dumpDataDir), which
//   openDatabase's `pgliteTemplate` loads into a new database;
// - PostgreSQL (TEST_DATABASE_URL): a database of its own, copied by CREATE DATABASE …
//   TEMPLATE. Other suites may run on the same server at the same time: the name is
//   random, and nobody stays connected to it (a template with connections cannot be copied).
// The tests of migrations themselves (embedded.test.ts) still migrate an empty database.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { migrate, openDatabase, type Database } from "../../src/platform/db.js";
import { admin, urlOf } from "./postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** the migrated PGlite tarball (openDatabase's pgliteTemplate) */
    pgliteTemplate: string;
    /** the migrated PostgreSQL database to copy, when the project runs on PostgreSQL */
    postgresTemplate: string | undefined;
  }
}

const run = crypto.randomBytes(5).toString("hex");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-templates-"));
let pglite: Promise<string> | undefined;
let postgres: Promise<string> | undefined;

/** A migrated PGlite database, dumped once for the whole run (both projects use it). */
async function pgliteTemplate(): Promise<string> {
  const db = new PGlite("memory://");
  try {
    await db.waitReady;
    // the same migrate() the bot runs, on PGlite itself (no socket thread needed here)
    const database = {
      kind: "pglite",
      exec: async (sql: string) => void (await db.exec(sql)),
      query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows,
    } as unknown as Database;
    await migrate(database);
    await db.exec("CHECKPOINT");
    const file = path.join(dir, "pglite-migrated.tar");
    fs.writeFileSync(file, Buffer.from(await (await db.dumpDataDir("none")).arrayBuffer()));
    return file;
  } finally {
    await db.close();
  }
}

/** A migrated database on the PostgreSQL server, closed to connections so it can be copied. */
async function postgresTemplate(serverUrl: string): Promise<string> {
  const name = `mamori_template_${run}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  const db = await openDatabase({ databaseUrl: urlOf(serverUrl, name), poolSize: 1 });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  await admin(serverUrl, (c) => c.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`));
  return name;
}

export default async function setup(project: TestProject) {
  const serverUrl = (project.config.env?.TEST_DATABASE_URL as string | undefined) || undefined;
  pglite ??= pgliteTemplate();
  if (serverUrl) postgres ??= postgresTemplate(serverUrl);
  project.provide("pgliteTemplate", await pglite);
  project.provide("postgresTemplate", serverUrl ? await postgres : undefined);
  return async () => {
    const name = postgres && (await postgres.catch(() => undefined));
    postgres = undefined;
    if (serverUrl && name) await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${name}"`));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
