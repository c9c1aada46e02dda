// A fresh database for one test file: embedded PGlite in memory, or, when
// TEST_DATABASE_URL is set, a schema of its own on that PostgreSQL server.
import crypto from "node:crypto";
import { migrate, openDatabase, type Database } from "../../src/platform/db.js";

export const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export async function testDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ pgliteDir: "memory://" });
    await migrate(db);
    return Object.assign(db, { dispose: () => db.close() });
  }
  const schema = `t_${crypto.randomBytes(6).toString("hex")}`;
  const db = await openDatabase({ databaseUrl: url, schema, poolSize: 8 });
  await migrate(db);
  return Object.assign(db, {
    async dispose() {
      await db.close();
      const pg = await import("pg");
      const c = new pg.default.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    },
  });
}
