// A process's or a thread's name and CPU time, as Linux's /proc/<pid>/stat (or
// /proc/<pid>/task/<tid>/stat) gives them, for the benchmark's CPU figures.
import fs from "node:fs";

/** The name (comm) and CPU time in seconds (user + system) of a stat file; undefined when it cannot be read (not Linux, or gone). */
export function statCpu(file: string): { name: string; seconds: number } | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  // the name is in parentheses and may hold spaces; utime and stime are fields 14 and 15, in clock ticks (100 a second)
  const close = stat.lastIndexOf(")");
  const f = stat.slice(close + 2).split(" ");
  return { name: stat.slice(stat.indexOf("(") + 1, close).trim(), seconds: (Number(f[11]) + Number(f[12])) / 100 };
}

/** CPU time of the PostgreSQL server's processes on this machine so far, ms (Linux: /proc; 0 elsewhere). */
export function serverCpuMs(): number {
  let pids: string[];
  try {
    pids = fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  let seconds = 0;
  for (const pid of pids) {
    const p = statCpu(`/proc/${pid}/stat`);
    if (p?.name === "postgres") seconds += p.seconds;
  }
  return seconds * 1000;
}
