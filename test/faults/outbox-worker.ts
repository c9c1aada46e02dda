// One outbox worker as a process of its own, for the kill -9 test: it sends what the
// table holds to the fake Slack, with a short lease, until it is killed.
//   tsx test/faults/outbox-worker.ts <apiUrl> <postgres URL | PGlite folder> <leaseMs>
import { systemClock } from "../../src/platform/clock.js";
import { openDatabase } from "../../src/platform/db.js";
import { createLogger } from "../../src/platform/log.js";
import { outboxWorker } from "./outbox-support.js";

const [apiUrl, where, leaseMs] = process.argv.slice(2);
const database = await openDatabase(where!.startsWith("postgres") ? { databaseUrl: where, poolSize: 4 } : { pgliteDir: where });
const log = createLogger("warn");
const outbox = outboxWorker({ database, clock: systemClock, log, apiUrl: apiUrl!, leaseMs: Number(leaseMs), pollMs: 50, workerId: "child" });
outbox.start();
process.stdout.write("started\n");
