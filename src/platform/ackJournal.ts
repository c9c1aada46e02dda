// The ack journal of the embedded database (issue 12: durable from the ack, at the ack
// times of before).
//
// With PGlite the database has one session: the record an ack waits for (inbox.ts) queued
// behind whatever transaction held it, so an approve press took twice the bare Bolt app's
// time to acknowledge. Here the record is first appended to a file in the database's own
// folder, synchronously, before the ack; the statement that writes it to the inbox table
// runs right after the ack, and the work starts once it has. A line is as durable as
// PGlite itself: both are written to the operating system without fsync (PGlite runs
// PostgreSQL with -F), so both survive kill -9 and neither a power cut.
//
// When the process dies between the ack and that statement, the line is all that is left:
// the next process to open the folder (only one process can have a PGlite folder open)
// writes those lines to the inbox table, due at once, and the recovery pass replays them
// or tells their person, as for any other acknowledged work. A line whose statement failed
// after its ack (its person was told nothing was done) is followed by an "abandoned" line
// and is not taken up again. The file is emptied whenever every line it holds has reached
// the database.
//
// A PostgreSQL server has no journal: replicas on other machines could not read it, and
// there the record goes to the server before the ack, through the pool's "ack" lane.
import fs from "node:fs";
import path from "node:path";

/** One acknowledged delivery, as the inbox would have written it to the database. */
export interface JournalEntry {
  key: string;
  kind: string;
  userId: string;
  payload: unknown;
  /** when it was received (ISO) */
  at: string;
}

type Line = { e: JournalEntry } | { abandoned: string };

export const JOURNAL_FILE = "mamori-ack-journal.jsonl";
/** The file is emptied, once nothing in it waits for the database, when it is larger than this. */
const EMPTY_ABOVE_BYTES = 64 * 1024;

export class AckJournal {
  private fd: number | undefined;
  private bytes = 0;
  /** lines appended whose statement has not yet ended */
  private outstanding = 0;
  /** what a process that stopped left, until it is in the database */
  private left: JournalEntry[] = [];

  constructor(readonly file: string) {}

  /** The journal of a PGlite folder. */
  static of(dataDir: string): AckJournal {
    return new AckJournal(path.join(dataDir, JOURNAL_FILE));
  }

  get isOpen(): boolean {
    return this.fd !== undefined;
  }

  /** Opens the file for appending; what an earlier process left in it is kept for `leftOver`. */
  open(): void {
    if (this.fd !== undefined) return;
    this.left = readEntries(this.file);
    this.fd = fs.openSync(this.file, "a");
    this.bytes = fs.fstatSync(this.fd).size;
  }

  /** Appends a delivery before its ack (throws when the file cannot be written: the ack then says so). */
  append(entry: JournalEntry): void {
    this.write({ e: entry });
    this.outstanding++;
  }

  /** The statement of an appended delivery ended: its row is in the database, or it was abandoned first. */
  ended(): void {
    this.outstanding = Math.max(0, this.outstanding - 1);
    this.emptyIfDone();
  }

  /** An appended delivery whose person was told that nothing was done: never taken up again. */
  abandon(key: string): void {
    try {
      this.write({ abandoned: key });
    } catch {
      // the row, should it ever be written, is closed as abandoned by the inbox
    }
  }

  /** What a process that stopped left (deliveries acknowledged, perhaps never written to the database). */
  leftOver(): readonly JournalEntry[] {
    return this.left;
  }

  /** The left-over deliveries are in the database now. */
  leftWritten(): void {
    this.left = [];
    this.emptyIfDone();
  }

  close(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
  }

  private write(line: Line): void {
    if (this.fd === undefined) throw new Error("the ack journal is not open");
    const text = `${JSON.stringify(line)}\n`;
    fs.writeSync(this.fd, text);
    this.bytes += Buffer.byteLength(text);
  }

  private emptyIfDone(): void {
    if (this.fd === undefined || this.outstanding > 0 || this.left.length > 0 || this.bytes <= EMPTY_ABOVE_BYTES) return;
    fs.ftruncateSync(this.fd, 0);
    this.bytes = 0;
  }
}

/** The deliveries a journal file holds that were not abandoned; a line cut short by a crash is skipped. */
export function readEntries(file: string): JournalEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const entries = new Map<string, JournalEntry>();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    let line: Line;
    try {
      line = JSON.parse(raw) as Line;
    } catch {
      continue;
    }
    if ("abandoned" in line) entries.delete(line.abandoned);
    else if (line.e && typeof line.e.key === "string" && !entries.has(line.e.key)) entries.set(line.e.key, line.e);
  }
  return [...entries.values()];
}
