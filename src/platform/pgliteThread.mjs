// The embedded database in a thread of its own: PGlite (PostgreSQL in WebAssembly) runs
// here and speaks the PostgreSQL protocol on a Unix socket, and the bot talks to it with
// the same driver as to a PostgreSQL server (pg + @prisma/adapter-pg). PGlite computes
// on the thread that calls it; here that is not the thread that acknowledges Slack's
// requests, so a burst of database work no longer delays the acks.
//
// PGlite has one session, so this serves one connection at a time (the bot's pool has
// one); a second waits until the first closes. Each complete protocol message goes to
// PGlite as it is, and PGlite's answer goes back as it is, errors included (the
// connection stays usable after an error, as with a server). The answer is taken with
// execProtocolRawStream, not execProtocolRaw: PGlite 0.5's execProtocolRaw also parses
// every answer into a list of results that only its own execProtocol empties, so here,
// where nothing else calls that, the thread kept every row it ever sent (issue 15: its
// heap grew from 16 to 80 MB over the benchmark, without end). Plain JavaScript: a worker
// thread is not compiled by tsx or vitest.
import fs from "node:fs";
import net from "node:net";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const { dataDir, socketPath, pgliteWasmModule, initdbWasmModule, template } = workerData;

// Named for the operator (`top -H`, `ps -L`) and the benchmark's CPU by thread; Linux only, harmless elsewhere.
try {
  fs.writeFileSync("/proc/thread-self/comm", "mamori-pglite");
} catch {
  // not Linux, or no /proc
}

/** Splits a byte stream into protocol messages (the startup packet has no type byte). */
function framer(onMessage) {
  let buf = Buffer.alloc(0);
  let started = false;
  return (chunk) => {
    buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
    const out = [];
    for (;;) {
      if (!started) {
        if (buf.length < 8) break;
        const len = buf.readInt32BE(0);
        if (buf.length < len) break;
        const code = buf.readInt32BE(4);
        const msg = buf.subarray(0, len);
        buf = buf.subarray(len);
        if (code === SSL_REQUEST) out.push({ ssl: true });
        else if (code === CANCEL_REQUEST) out.push({ cancel: true });
        else {
          started = true;
          out.push({ msg });
        }
        continue;
      }
      if (buf.length < 5) break;
      const len = 1 + buf.readInt32BE(1);
      if (buf.length < len) break;
      out.push({ msg: buf.subarray(0, len) });
      buf = buf.subarray(len);
    }
    for (const m of out) onMessage(m);
  };
}

/**
 * PostgreSQL's memory settings for a bot's working set (issue 15). PGlite's memory is a
 * WebAssembly memory that grows and never shrinks, and the buffer pool is the largest
 * part of what PostgreSQL touches in it: PGlite's default of 128 MB made up about 100 MB
 * of the process's resident memory from the start; 32 MB, then 16 MB (2,048 pages of
 * 8 kB: the bot's hot rows and indexes; the rest is read through the file system's
 * cache) cut the WebAssembly memory in use from about 50 to about 38 MB. An index build,
 * rare here, gets 16 MB instead of 64.
 */
const MEMORY = ["-c", "shared_buffers=16MB", "-c", "maintenance_work_mem=16MB"];

/** A full collection of this thread's heap (node's gc() where it runs with --expose-gc). */
function collect() {
  if (typeof globalThis.gc === "function") return globalThis.gc();
  v8.setFlagsFromString("--expose-gc");
  runInNewContext("gc")();
}

let db;
let server;
/** one connection at a time: the others wait their turn */
let turn = Promise.resolve();

function serve(socket) {
  turn = turn.then(
    () =>
      new Promise((done) => {
        let chain = Promise.resolve();
        let open = true;
        const finish = async () => {
          if (!open) return;
          open = false;
          await chain.catch(() => undefined);
          // a connection that went away inside a transaction leaves none behind, nor its
          // prepared statements (the next connection is a new client that prepares its own)
          try {
            if (!db.closed && db.isInTransaction()) await db.exec("ROLLBACK");
            if (!db.closed) await db.exec("DEALLOCATE ALL");
          } catch {
            // the database is closing: nothing to roll back
          }
          done();
        };
        socket.on("close", () => void finish());
        socket.on("error", () => void finish());
        socket.on(
          "data",
          framer((m) => {
            chain = chain.then(async () => {
              if (!open) return;
              if (m.ssl) return void socket.write("N");
              if (m.cancel) return void socket.end();
              const reply = [];
              await db.execProtocolRawStream(new Uint8Array(m.msg.buffer, m.msg.byteOffset, m.msg.length), {
                // a view of PGlite's memory, overwritten by the next message: copied
                onRawData: (data) => reply.push(Buffer.from(data)),
              });
              if (reply.length > 0 && socket.writable) socket.write(reply.length === 1 ? reply[0] : Buffer.concat(reply));
            });
            chain.catch(() => socket.destroy());
          }),
        );
        socket.resume();
      }),
  );
}

try {
  // a template (a dumpDataDir tarball) fills an empty data directory instead of initdb;
  // a folder that already holds a database opens as it is
  const empty = !dataDir || dataDir.startsWith("memory://") || !fs.existsSync(`${dataDir}/PG_VERSION`);
  const loadDataDir = template && empty ? new Blob([await fs.promises.readFile(template)]) : undefined;
  db = new PGlite(dataDir, { pgliteWasmModule, initdbWasmModule, startParams: [...PGlite.defaultStartParams, ...MEMORY], ...(loadDataDir && { loadDataDir }) });
  await db.waitReady;
  server = net.createServer({ pauseOnConnect: true }, serve);
  await new Promise((resolve, reject) => server.listen(socketPath, resolve).once("error", reject));
  parentPort.postMessage({ ready: true });
} catch (e) {
  parentPort.postMessage({ error: String(e?.stack ?? e) });
}

parentPort.on("message", async (m) => {
  if (m?.memory) {
    // the WebAssembly memory PGlite runs in (it grows and never shrinks) and this thread's
    // own heap; `gc`: after a full collection of it (for the benchmark and the tests)
    if (m.gc) collect();
    const wasm = db?.Module?.wasmMemory?.buffer?.byteLength ?? db?.Module?.HEAPU8?.buffer?.byteLength ?? 0;
    const { heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    return void parentPort.postMessage({ memory: { wasm, heapUsed, heapTotal, external, arrayBuffers } });
  }
  if (m !== "stop") return;
  await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db?.close().catch(() => undefined);
  parentPort.postMessage({ stopped: true });
});
