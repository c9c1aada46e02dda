// Prisma CLI configuration (Prisma 6.19, JavaScript schema engine, driver adapters).
// Without DATABASE_URL the schema still needs a postgresql:// URL to parse, so a placeholder is set and the adapter points at PGlite.
//
// The embedded database is opened only when a command runs a statement (migrate, db, studio),
// never for `prisma -v`, `prisma generate` or the install scripts that run them, and it is
// closed again once no statement has run for a second: an open PGlite keeps Node running and
// the CLI never disposes its adapter, so a command that left it open would never end (issue
// 15: `npm ci` with npm 10 hung for ever after the bot had been started once).
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PrismaConfig } from "prisma";

const realUrl = process.env.DATABASE_URL;
if (!realUrl) process.env.DATABASE_URL = "postgresql://embedded@localhost/pglite";

const IDLE_CLOSE_MS = 1000;

/** The part of PGlite the adapter calls, opening the database on the first statement and closing it when idle. */
class OpenWhileUsed {
  private db: Promise<PGlite> | null = null;
  private running = 0;
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly dataDir: string) {}

  private async use<T>(run: (db: PGlite) => Promise<T>): Promise<T> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.running++;
    try {
      this.db ??= this.open();
      return await run(await this.db);
    } finally {
      this.running--;
      if (this.running === 0) this.idle = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    }
  }

  private async open(): Promise<PGlite> {
    const { PGlite } = await import("@electric-sql/pglite");
    if (!this.dataDir.startsWith("memory://")) fs.mkdirSync(path.dirname(path.resolve(this.dataDir)), { recursive: true });
    const db = new PGlite(this.dataDir);
    await db.waitReady;
    return db;
  }

  private async close(): Promise<void> {
    const db = this.db;
    if (this.running > 0 || !db) return;
    this.db = null;
    await (await db).close();
  }

  query: PGlite["query"] = (...args) => this.use((db) => db.query(...args));
  exec: PGlite["exec"] = (...args) => this.use((db) => db.exec(...args));
  transaction: PGlite["transaction"] = (callback) => this.use((db) => db.transaction(callback));
}

export default {
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (realUrl) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: realUrl });
    }
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = process.env.PGLITE_DIR ?? "./.data/pglite";
    return {
      provider: "postgres",
      adapterName: "pglite-prisma-adapter",
      connect: () => new PrismaPGlite(new OpenWhileUsed(dir) as unknown as PGlite).connect(),
      connectToShadowDb: () => new PrismaPGlite(new OpenWhileUsed("memory://shadow") as unknown as PGlite).connect(),
    };
  },
} as PrismaConfig;
