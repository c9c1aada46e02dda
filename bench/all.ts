// npm run bench [-- --quick]: the request path (bench/run.ts), then the scheduled work
// (bench/jobs.ts), the retention runs (bench/retention.ts), the register search
// (bench/register.ts), the provision records (bench/records.ts) and the record before an ack
// on PostgreSQL (bench/ackRecord.ts), each in its own process, with the same options.
import { spawnSync } from "node:child_process";
import path from "node:path";

const tsx = path.resolve(import.meta.dirname, "../node_modules/.bin/tsx");
let code = 0;
for (const part of ["run.ts", "jobs.ts", "retention.ts", "register.ts", "records.ts", "ackRecord.ts"]) {
  const r = spawnSync(tsx, [path.join(import.meta.dirname, part), ...process.argv.slice(2)], { stdio: "inherit" });
  if (r.status !== 0) code = r.status ?? 1;
}
process.exit(code);
