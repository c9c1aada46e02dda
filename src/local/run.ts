// Local mode: no Slack app, the bot runs against the local Slack (the fake Web API plus
// a page at http://localhost:PORT). The bot itself runs unchanged: its own HTTP
// receiver on an internal port, signed requests in, Web API calls out.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { createBot, type Bot } from "../bot.js";
import type { Config } from "../config.js";
import type { Clock } from "../platform/clock.js";
import type { Database } from "../platform/db.js";
import type { Logger } from "../platform/log.js";
import { FakeSlack, SlackRequestSender } from "../platform/slack/fake/index.js";
import { directoryMessages } from "../directory/messages.js";
import { getChannels, officersOf } from "../directory/store.js";
import { keepSnapshot } from "./persist.js";
import type { ChannelInfo, Workspace } from "./protocol.js";
import { startLocalSlack, type LocalSlack, type OperatorPath } from "./server.js";
import { freePort } from "../platform/net.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
export const DEMO_ORG_FILE = path.join(import.meta.dirname, "demo", "org.yml");
/** Slack locales of demo people who read English (everyone else: ja-JP). */
const DEMO_LOCALES: Record<string, string> = { U0EMILY: "en-US" };
const GENERAL = { id: "C0GENERAL", name: "general", kind: "channel" } as const;

export interface LocalRun {
  bot: Bot;
  fake: FakeSlack;
  slack: LocalSlack;
  url: string;
  stop(): Promise<void>;
}

export interface LocalOptions {
  log: Logger;
  clock?: Clock;
  database?: Database;
  /** where the local Slack keeps its messages (default: beside PGlite's folder) */
  stateFile?: string;
  outboxPollMs?: number;
  /** also count the process's own figures on /metrics (memory, event loop, GC) */
  processMetrics?: boolean;
}

export function manifest(): { scopes: string[]; commands: Workspace["commands"]; shortcuts: Workspace["shortcuts"] } {
  const m = YAML.parse(fs.readFileSync(path.join(ROOT, "manifest.yml"), "utf8"));
  return {
    scopes: m.oauth_config.scopes.bot as string[],
    shortcuts: ((m.features.shortcuts ?? []) as { name: string; type: string; callback_id: string; description: string }[])
      .filter((x) => x.type === "global")
      .map((x) => ({ callbackId: x.callback_id, name: x.name, description: x.description })),
    commands: (m.features.slash_commands as { command: string; description: string; usage_hint?: string }[]).map((c) => ({
      command: c.command,
      description: c.description,
      usageHint: c.usage_hint ?? "",
    })),
  };
}

export async function startLocal(config: Config, o: LocalOptions): Promise<LocalRun> {
  const { scopes, commands, shortcuts } = manifest();
  const publicUrl = `http://localhost:${config.port}/`;
  // Slack's rules, as Slack applies them: the manifest's scopes, Block Kit limits,
  // trigger expiry, one message per second per channel.
  const fake = new FakeSlack({ scopes, clock: o.clock, publicUrl, defaultLocale: "ja-JP" });
  const stateFile = o.stateFile ?? path.join(path.dirname(path.resolve(config.pgliteDir)), "local-slack.json");
  const keeper = keepSnapshot(fake, stateFile);
  await fake.start();

  const signingSecret = randomBytes(16).toString("hex");
  const botPort = await freePort();
  const botConfig: Config = {
    ...config,
    mode: "http",
    slackBotToken: `xoxb-local-${randomBytes(6).toString("hex")}`,
    slackSigningSecret: signingSecret,
    slackAppToken: undefined,
    slackApiUrl: fake.apiUrl,
    port: botPort,
    orgFile: config.orgFile ?? DEMO_ORG_FILE,
  };
  const bot = await createBot({
    config: botConfig,
    log: o.log,
    clock: o.clock,
    database: o.database,
    outboxPollMs: o.outboxPollMs,
    processMetrics: o.processMetrics,
  });
  await bot.start();
  const sender = new SlackRequestSender({ appUrl: `http://127.0.0.1:${botPort}/slack/events`, signingSecret, fake, clock: o.clock });

  const db = bot.services.database.prisma;
  const roleNames = directoryMessages("ja").role as Record<string, string>;
  async function workspace(): Promise<Workspace> {
    const people = await db.person.findMany({ include: { department: true }, orderBy: [{ departmentId: "asc" }, { slackId: "asc" }] });
    for (const p of people) fake.setUser({ id: p.slackId, name: p.name, realName: p.name, locale: DEMO_LOCALES[p.slackId] });
    const channels: ChannelInfo[] = [GENERAL];
    const named = await getChannels(db);
    const add = (id: string | null | undefined, name: string) => {
      if (id && !channels.some((c) => c.id === id)) channels.push({ id, name, kind: "channel" });
    };
    add(named.approvals, "privacy-approvals");
    for (const d of await db.department.findMany({ orderBy: { id: "asc" } })) add(d.approvalsChannel, `privacy-approvals-${d.id}`);
    // the incidents and compliance channels are private: only the officers (and, for the
    // compliance channel, the audit lead) are members, as a company would set them up
    const officers = await officersOf(db);
    const responders = [...officers.chiefs, ...officers.deputies, ...officers.compliance];
    const auditors = people.filter((p) => p.roles.includes("auditor")).map((p) => p.slackId);
    const addPrivate = (id: string | null | undefined, name: string, members: string[]) => {
      if (id && !channels.some((c) => c.id === id)) channels.push({ id, name, kind: "channel", private: true, members: [...new Set(members)] });
    };
    addPrivate(named.incidents, "privacy-incidents", responders);
    addPrivate(named.compliance, "privacy-compliance", [...responders, ...auditors]);
    return {
      team: "Mamori デモ株式会社",
      bot: { id: fake.botUserId, name: "mamori" },
      personas: people.map((p) => {
        const locale = DEMO_LOCALES[p.slackId] ?? p.slackLocale ?? "ja-JP";
        const lang = p.lang === "en" || p.lang === "ja" ? p.lang : locale.toLowerCase().startsWith("en") ? "en" : "ja";
        return {
          id: p.slackId,
          name: p.name,
          department: p.department?.name ?? "",
          roles: p.roles.filter((r) => !r.includes(":")).map((r) => roleNames[r] ?? r),
          lang,
          locale,
        };
      }),
      userNames: Object.fromEntries([[fake.botUserId, "mamori"], ...people.map((p) => [p.slackId, p.name])]),
      channels,
      commands,
      shortcuts,
    };
  }
  await workspace(); // names and locales into the fake before anyone acts

  const health = async (p: OperatorPath) => {
    const r = await fetch(`http://127.0.0.1:${botPort}${p}`, { signal: AbortSignal.timeout(5000) });
    return { status: r.status, body: await r.text(), type: r.headers.get("content-type") ?? undefined };
  };
  let slack: Awaited<ReturnType<typeof startLocalSlack>>;
  try {
    slack = await startLocalSlack({ port: config.port, fake, sender, workspace, log: o.log, health });
  } catch (e) {
    // PORT taken, say: nothing started here is left running behind the error, which is the one reported
    await bot.stop().catch(() => undefined);
    keeper.stop();
    await fake.stop().catch(() => undefined);
    throw e;
  }
  return {
    bot,
    fake,
    slack,
    url: slack.url,
    async stop() {
      await slack.stop();
      await bot.stop();
      keeper.stop();
      await fake.stop();
    },
  };
}
