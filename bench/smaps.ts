// Where a process's resident memory is (Linux only: /proc/self/smaps), for the memory rows
// of bench/run.ts. process.memoryUsage() says how much is resident and how much of it is
// V8's heap; this says what the rest is:
// - wasm: WebAssembly memories (V8 reserves several GB of address space for each; only
//   the pages touched are resident), here PGlite's;
// - arenas: glibc malloc's per-thread arenas (64 MB-aligned regions) and its main heap
//   ([heap]): memory malloc keeps after it was freed counts here;
// - other anonymous: V8's heap pages, thread stacks, large malloc blocks;
// - files: the node binary, shared libraries and other mapped files.
import fs from "node:fs";

export interface Resident {
  rss: number;
  wasm: number;
  arenas: number;
  otherAnon: number;
  files: number;
}

const ARENA = 64 * 2 ** 20;

interface Mapping {
  start: number;
  end: number;
  perms: string;
  anon: boolean;
  name: string;
  rss: number;
}

export function resident(): Resident | undefined {
  let text: string;
  try {
    text = fs.readFileSync("/proc/self/smaps", "utf8");
  } catch {
    return undefined;
  }
  const maps: Mapping[] = [];
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (head) {
      const name = head[5]!;
      maps.push({
        start: Number.parseInt(head[1]!, 16),
        end: Number.parseInt(head[2]!, 16),
        perms: head[3]!,
        anon: head[4] === "0" && !name.startsWith("/"),
        name,
        rss: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps[maps.length - 1]!.rss = Number(rss[1]) * 1024;
  }
  const out: Resident = { rss: 0, wasm: 0, arenas: 0, otherAnon: 0, files: 0 };
  maps.forEach((m, i) => {
    out.rss += m.rss;
    if (!m.anon) return void (out.files += m.rss);
    if (m.name === "[heap]") return void (out.arenas += m.rss);
    if (m.name.startsWith("[")) return void (out.otherAnon += m.rss);
    // the inaccessible rest of the region this mapping starts
    const next = maps[i + 1];
    const rest = next && next.start === m.end && next.anon && next.perms.startsWith("---") ? next.end : m.end;
    // a WebAssembly memory: readable pages followed by gigabytes reserved to grow into (and guard)
    if (rest - m.end >= 2 ** 30) return void (out.wasm += m.rss);
    // a malloc arena: one 64 MB-aligned region of 64 MB, partly in use
    if (m.start % ARENA === 0 && rest - m.start === ARENA) return void (out.arenas += m.rss);
    out.otherAnon += m.rss;
  });
  return out;
}
