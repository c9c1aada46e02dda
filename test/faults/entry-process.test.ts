// The bot as `npm start` runs it (src/main.ts, a process of its own) when something escapes
// every handler. A promise nobody waited for fails: logged, and the process keeps serving.
// An exception nothing caught: logged, and the process exits with status 1 within 5 s (its
// state is unknown; a supervisor starts it again), and a new process serves the same
// database. The faults are caused inside the process by a preloaded module (entry-faults.mjs).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeSlack, SlackRequestSender } from "../../src/platform/slack/fake/index.js";
import { migratedPgliteFolder, postgresDatabase } from "../support/db.js";
import { freePort, manifestScopes, SIGNING_SECRET } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const P = ORG.people;

let fake: FakeSlack;
let dir: string;
let env: Record<string, string>;
let dropDatabase: (() => Promise<void>) | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = new FakeSlack({ scopes: manifestScopes(), users: Object.values(P).map((id) => ({ id, locale: "ja-JP" })), postMessagePerChannel: false });
  await fake.start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-entry-"));
  fs.writeFileSync(path.join(dir, "org.yml"), ORG_YAML);
  env = {
    PATH: process.env.PATH ?? "",
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    ORG_FILE: path.join(dir, "org.yml"),
    TZ: "Asia/Tokyo",
    LOG_LEVEL: "info",
  };
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const db = await postgresDatabase(server);
    env.DATABASE_URL = db.url;
    dropDatabase = db.drop;
  } else {
    env.PGLITE_DIR = path.join(dir, "pglite");
    await migratedPgliteFolder(env.PGLITE_DIR);
  }
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await fake?.stop();
  await dropDatabase?.();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface Bot {
  child: ChildProcess;
  port: number;
  /** the process's log lines so far (JSON, one a line, on stderr) */
  log: () => { level: string; msg: string; error?: string }[];
  exited: Promise<number | null>;
}

async function startBot(): Promise<Bot> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", pathToFileURL(path.join(import.meta.dirname, "entry-faults.mjs")).href, "src/main.ts"],
    {
      cwd: ROOT,
      env: { ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  let err = "";
  child.stderr!.on("data", (d) => {
    err += String(d);
  });
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const log = () =>
    err
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as { level: string; msg: string; error?: string });
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`the bot exited at start: ${err}`);
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status !== 200) throw new Error("not ready");
    },
    { timeout: 20_000, interval: 50 },
  );
  return { child, port, log, exited };
}

/** `/privacy help` over signed HTTP: 200, and the help arrives as an ephemeral. */
async function answersHelp(bot: Bot): Promise<void> {
  const slack = new SlackRequestSender({ appUrl: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET, fake });
  const before = fake.ephemerals(P.employee).length;
  const r = await slack.command(P.employee, "/privacy", "help");
  expect(r.status).toBe(200);
  await fake.waitFor(() => fake.ephemerals(P.employee)[before]);
}

describe("faults that escape every handler, in the bot's own process", () => {
  // one process for both faults, the second test after the first (a start costs seconds)
  let bot: Bot;

  it("a promise nobody waited for fails: logged, and the same process keeps serving", async () => {
    bot = await startBot();
    await answersHelp(bot);
    bot.child.kill("SIGUSR2");
    const line = await vi.waitFor(
      () => {
        const l = bot.log().find((x) => x.error?.includes("injected: a promise nobody waited for"));
        if (!l) throw new Error("not logged yet");
        return l;
      },
      { timeout: 5000, interval: 20 },
    );
    expect(line).toMatchObject({ level: "error", msg: expect.stringContaining("keeps serving") });
    await answersHelp(bot);
    expect(bot.child.exitCode).toBeNull();
  });

  it("an exception nothing caught: logged, exit status 1 within 5 s, and a restarted process serves the same database", async () => {
    expect(bot.child.exitCode).toBeNull();
    const thrownAt = Date.now();
    bot.child.kill("SIGHUP");
    expect(await bot.exited).toBe(1);
    expect(Date.now() - thrownAt).toBeLessThan(5500);
    expect(bot.log().find((x) => x.error?.includes("injected: an exception nothing caught"))).toMatchObject({
      level: "error",
      msg: expect.stringContaining("exits (status 1)"),
    });
    // what a supervisor does: start it again, on the same database
    const again = await startBot();
    await answersHelp(again);
    again.child.kill("SIGTERM");
    expect(await again.exited).toBe(0);
  });
});
