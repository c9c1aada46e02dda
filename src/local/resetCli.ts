// `npm run reset`: removes the local mode's demo data (see reset.ts). Stop the bot first.
import { loadConfig } from "../config.js";
import { readEnvFile } from "../platform/envFile.js";
import { resetLocalData } from "./reset.js";

readEnvFile();
const config = loadConfig();
const running = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
};
const r = await resetLocalData(config, running);
if (!r.ok && r.reason === "running") {
  console.error(`A bot is running (${r.url} answers). Stop it first (Ctrl-C, or SIGTERM to its process), then run npm run reset again.`);
  process.exit(1);
}
for (const p of r.removed) console.log(`removed ${p}`);
if (!r.ok) {
  console.log("DATABASE_URL is set: the PostgreSQL database was left as it is (reset it yourself if you mean to).");
} else if (r.removed.length === 0) console.log("nothing to remove: the demo data is already fresh");
else console.log("done: the next npm start loads the demo organisation afresh");
