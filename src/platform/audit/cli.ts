// npm run audit:verify            checks the whole chain; exits 1 at the first broken link
// npm run audit:export -- --from 2026-04-01 --to 2026-09-30 [--out file.csv]
// Uses DATABASE_URL or PGLITE_DIR like the bot (PGlite: stop the bot first; one process at a time).
import fs from "node:fs";
import { migrate, openDatabase } from "../db.js";
import { exportCsv, verifyChain } from "./chain.js";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<number> {
  const cmd = process.argv[2];
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, pgliteDir: process.env.PGLITE_DIR || "./.data/pglite" });
  try {
    await migrate(db);
    if (cmd === "verify") {
      const r = await verifyChain(db.prisma);
      if (r.ok) {
        process.stdout.write(`audit log OK: ${r.entries} entries, head ${r.head}\n`);
        return 0;
      }
      process.stdout.write(`audit log BROKEN at entry ${r.brokenAt}: ${r.reason} (${r.entries} entries verified before it)\n`);
      return 1;
    }
    if (cmd === "export") {
      const from = arg("from") ?? "1970-01-01";
      const to = arg("to") ?? "9999-12-31";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
        process.stderr.write("dates are YYYY-MM-DD: --from 2026-04-01 --to 2026-09-30\n");
        return 2;
      }
      // the range is inclusive of both days, in Japan time
      const csv = await exportCsv(db.prisma, new Date(`${from}T00:00:00+09:00`), new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000));
      const out = arg("out");
      if (out) {
        fs.writeFileSync(out, csv);
        process.stderr.write(`wrote ${csv.trimEnd().split("\n").length - 1} entries to ${out}\n`);
      } else process.stdout.write(csv);
      return 0;
    }
    process.stderr.write("usage: audit:verify | audit:export -- --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]\n");
    return 2;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  },
);
