// npm run audit:verify            checks the whole chain; exits 1 at the first broken link
//   -- --expect-head <count>:<hash>  and checks it still holds that head (from an anchor post,
//                                    the digest, or the operator's own note); exits 1 if not
//   -- --anchors slack [--channel C…] and checks it against the latest anchor the bot posted
//                                    in the compliance channel (read with SLACK_BOT_TOKEN,
//                                    SLACK_API_URL); exits 1 when there is none or it differs
//   -- --lang ja|en                  the language of what it prints (default: LANG's, else English)
// npm run audit:export -- --from 2026-04-01 --to 2026-09-30 [--out file.csv]
// Uses DATABASE_URL or PGLITE_DIR like the bot (PGlite: stop the bot first; one process at a time).
// Exit codes: 0 OK, 1 the log fails a check, 2 a usage error or Slack could not be read.
import fs from "node:fs";
import { getChannels } from "../../directory/store.js";
import { type Database, migrate, openDatabase } from "../db.js";
import { formatDateTime, type Lang } from "../i18n.js";
import { type Anchor, anchorLabel, anchorMismatch, brokenText, latestSlackAnchor, mismatchText, parseExpectHead, SlackReadError } from "./anchor.js";
import { exportCsv, verifyChain } from "./chain.js";
import { auditMessages } from "./messages.js";

type Env = Record<string, string | undefined>;
interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

function argOf(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

/** --lang, else the operator's LANG (ja_JP.UTF-8 → ja), else English as this command always printed. */
function langOf(argv: string[], env: Env): Lang {
  const l = argOf(argv, "lang") ?? env.LANG ?? "";
  return l.toLowerCase().startsWith("ja") ? "ja" : "en";
}

/** `audit:verify` on an open database: the chain, then the anchors asked for. */
export async function verifyCommand(db: Database, argv: string[], env: Env, io: Io): Promise<number> {
  const lang = langOf(argv, env);
  const m = auditMessages(lang).cli;
  const timeZone = env.TZ || "Asia/Tokyo";
  const expect = argOf(argv, "expect-head");
  const fromSlack = argOf(argv, "anchors");
  if (fromSlack !== undefined && fromSlack !== "slack") {
    io.err("usage: audit:verify [-- --expect-head <count>:<hash>] [-- --anchors slack [--channel C…]] [--lang ja|en]\n");
    return 2;
  }
  const anchors: Anchor[] = [];
  if (expect !== undefined) {
    const head = parseExpectHead(expect);
    if (!head) {
      io.err(`${m.badExpectHead(expect)}\n`);
      return 2;
    }
    anchors.push({ from: "operator", ...head });
  }

  const r = await verifyChain(db.prisma);
  if (!r.ok) {
    io.out(`${brokenText(lang, r)}\n`);
    return 1;
  }

  if (fromSlack) {
    const token = env.SLACK_BOT_TOKEN;
    if (!token) {
      io.err(`${m.noToken}\n`);
      return 2;
    }
    const channel = argOf(argv, "channel") ?? (await getChannels(db.prisma)).compliance;
    if (!channel) {
      io.err(`${m.noChannel}\n`);
      return 2;
    }
    try {
      const { anchor, scanned } = await latestSlackAnchor({ token, apiUrl: env.SLACK_API_URL || undefined, channel });
      if (!anchor) {
        io.out(`${m.noAnchor(channel, scanned)}\n`);
        return 1;
      }
      anchors.push(anchor);
    } catch (e) {
      if (!(e instanceof SlackReadError)) throw e;
      io.err(`${m.slackError(e.method, e.error)}\n`);
      return 2;
    }
  }

  const format = (d: Date) => formatDateTime(d, lang, timeZone);
  for (const a of anchors) {
    const x = await anchorMismatch(db.prisma, r, a);
    if (x) {
      io.out(`${mismatchText(lang, anchorLabel(lang, a, format), a, x)}\n`);
      return 1;
    }
  }
  // "up to which anchor": the furthest one checked
  const furthest = anchors.reduce<Anchor | undefined>((best, a) => (!best || a.count > best.count ? a : best), undefined);
  io.out(`${m.ok(r.entries, r.head)}${furthest ? m.okAnchor(anchorLabel(lang, furthest, format)) : ""}\n`);
  return 0;
}

export async function auditCli(argv: string[], env: Env, io: Io): Promise<number> {
  const cmd = argv[0];
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, pgliteDir: env.PGLITE_DIR || "./.data/pglite" });
  try {
    await migrate(db);
    if (cmd === "verify") return await verifyCommand(db, argv, env, io);
    if (cmd === "export") {
      const from = argOf(argv, "from") ?? "1970-01-01";
      const to = argOf(argv, "to") ?? "9999-12-31";
      if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) {
        io.err("dates are YYYY-MM-DD: --from 2026-04-01 --to 2026-09-30\n");
        return 2;
      }
      // the range is inclusive of both days, in Japan time
      const csv = await exportCsv(db.prisma, new Date(`${from}T00:00:00+09:00`), new Date(new Date(`${to}T00:00:00+09:00`).getTime() + 86_400_000));
      const out = argOf(argv, "out");
      if (out) {
        fs.writeFileSync(out, csv);
        io.err(`wrote ${csv.trimEnd().split("\n").length - 1} entries to ${out}\n`);
      } else io.out(csv);
      return 0;
    }
    io.err(
      "usage: audit:verify [-- --expect-head <count>:<hash> | --anchors slack [--channel C…]] | audit:export -- --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]\n",
    );
    return 2;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  auditCli(process.argv.slice(2), process.env, { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
