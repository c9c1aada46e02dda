// Prisma CLI configuration (Prisma 6.19, JavaScript schema engine, driver adapters).
// Without DATABASE_URL the schema still needs a postgresql:// URL to parse, so a placeholder is set and the adapter points at PGlite.
import fs from "node:fs";
import path from "node:path";
import type { PrismaConfig } from "prisma";

const realUrl = process.env.DATABASE_URL;
if (!realUrl) process.env.DATABASE_URL = "postgresql://embedded@localhost/pglite";

export default {
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (realUrl) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: realUrl });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const dir = process.env.PGLITE_DIR ?? "./.data/pglite";
    fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite(dir));
  },
} as PrismaConfig;
