// Keeps the local Slack's messages, threads, modals and files in a JSON file beside the
// bot's database, so that both survive a restart together.
import fs from "node:fs";
import path from "node:path";
import type { FakeSlack, FakeSlackSnapshot } from "../platform/slack/fake/server.js";

export interface SnapshotKeeper {
  /** writes now if anything changed since the last write */
  flush(): void;
  stop(): void;
}

/** Restores `file` into `fake` when it exists, then writes it again shortly after every change. */
export function keepSnapshot(fake: FakeSlack, file: string, delayMs = 200): SnapshotKeeper {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (fs.existsSync(file)) {
    const snap = JSON.parse(fs.readFileSync(file, "utf8")) as FakeSlackSnapshot;
    fake.restore(snap);
  }
  let dirty = false;
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!dirty) return;
    dirty = false;
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(fake.snapshot()));
    fs.renameSync(tmp, file); // atomic: a crash leaves the old file or the new one
  };
  const onChange = () => {
    dirty = true;
    timer ??= setTimeout(flush, delayMs);
  };
  fake.on("change", onChange);
  return {
    flush,
    stop() {
      fake.off("change", onChange);
      flush();
    },
  };
}
