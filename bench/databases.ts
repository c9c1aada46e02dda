// The two databases every scheduled-work bench runs on: a fresh PGlite folder, and a schema
// of its own on the PostgreSQL server (BENCH_DATABASE_URL), dropped afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrate, openDatabase, type Database } from "../src/platform/db.js";

export const PG_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface Target {
  name: "PGlite" | "PostgreSQL";
  open(): Promise<{ db: Database; drop(): Promise<void> }>;
}

/** PGlite and PostgreSQL, each opened empty; `label` names the temporary folder and schema. */
export function benchTargets(label: string): Target[] {
  return [
    {
      name: "PGlite",
      async open() {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mamori-bench-${label}-`));
        const db = await openDatabase({ pgliteDir: path.join(dir, "pglite") });
        return { db, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
      },
    },
    {
      name: "PostgreSQL",
      async open() {
        const schema = `bench_${label}_${crypto.randomBytes(4).toString("hex")}`;
        const db = await openDatabase({ databaseUrl: PG_URL, schema });
        return {
          db,
          async drop() {
            const c = new pg.Client({ connectionString: PG_URL });
            await c.connect();
            await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
            await c.end();
          },
        };
      },
    },
  ];
}

/** Whether the PostgreSQL server answers (the PostgreSQL rows are skipped, and say so, when not). */
export async function pgAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `bench` on each database, migrated and empty, closed and dropped afterwards; a
 * PostgreSQL server that does not answer gets a row saying it was skipped.
 */
export async function eachDatabase(label: string, rows: (string | number)[][], bench: (t: Target, db: Database) => Promise<void>): Promise<void> {
  for (const t of await answeringTargets(label, rows)) await freshDatabase(t, (db) => bench(t, db));
}

/** The databases to bench on: PostgreSQL only when its server answers, else a row says it was skipped. */
export async function answeringTargets(label: string, rows: (string | number)[][]): Promise<Target[]> {
  const withPg = await pgAnswers();
  return benchTargets(label).filter((t) => {
    if (t.name !== "PostgreSQL" || withPg) return true;
    rows.push(["-", `skipped: PostgreSQL does not answer at ${PG_URL}`, t.name, "", "", ""]);
    return false;
  });
}

/** Runs `bench` on a new database of `t`, migrated and empty, closed and dropped afterwards. */
export async function freshDatabase<T>(t: Target, bench: (db: Database) => Promise<T>): Promise<T> {
  const { db, drop } = await t.open();
  try {
    await migrate(db);
    return await bench(db);
  } finally {
    await db.close();
    await drop();
  }
}
