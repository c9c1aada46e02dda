// The kinds' registry (src/requests/kinds/index.ts) is the one list of request kinds: every
// kind has its folder and its texts, and everything that names the kinds (the picker and the
// `/privacy request <kind>` parsing, the help, the per-kind settings, the digest, the
// manifest's usage hint) offers exactly the registry's kinds, in its order. A kind added to
// the registry without its texts does not compile; one left out of a place fails here.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { View } from "@slack/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { helpText } from "../../../commands/help.js";
import { requestCommand } from "../../../commands/request.js";
import type { CommandContext } from "../../../commands/types.js";
import { requestsDigestMessages } from "../../../src/requests/digestMessages.js";
import type { DigestContext } from "../../../src/platform/digest.js";
import type { Services } from "../../../src/platform/services.js";
import { BusinessCalendar } from "../../../src/platform/schedule/calendar.js";
import { pickKindModal } from "../../../src/requests/blocks.js";
import { requestsOverdueDigest } from "../../../src/requests/digest.js";
import { KINDS, REQUEST_KINDS, RULE_ARTICLES, kindOf } from "../../../src/requests/kinds/index.js";
import { DEFAULT_APPROVALS, defaultSettings, parseSettings, SettingsError, type Settings } from "../../../src/settings.js";
import { testDatabase } from "../../support/db.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const KINDS_DIR = path.join(ROOT, "src/requests/kinds");
const LANGS = ["ja", "en"] as const;

describe("each kind is defined once, in its own folder", () => {
  it("the folders under src/requests/kinds are exactly the registered kinds, each with its definition and its catalogue", () => {
    const folders = fs
      .readdirSync(KINDS_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...REQUEST_KINDS].sort());
    for (const k of REQUEST_KINDS) {
      expect(fs.existsSync(path.join(KINDS_DIR, k, "index.ts")), `${k}/index.ts`).toBe(true);
      expect(fs.existsSync(path.join(KINDS_DIR, k, "messages.ts")), `${k}/messages.ts`).toBe(true);
    }
  });

  it("ids are unique, and each definition's texts come from its catalogue", () => {
    expect(new Set(REQUEST_KINDS).size).toBe(REQUEST_KINDS.length);
    expect(Object.keys(KINDS)).toEqual([...REQUEST_KINDS]);
    for (const k of REQUEST_KINDS)
      for (const lang of LANGS) {
        const m = KINDS[k].messages(lang);
        expect(KINDS[k].name(lang)).toBe(m.name);
        expect(KINDS[k].description(lang)).toBe(m.description);
      }
    expect(RULE_ARTICLES).toEqual([4, 5, 15, 16, 17]);
  });
});

describe("everything that names the kinds derives from the registry", () => {
  it("the kind picker offers every kind, in the registry's order", () => {
    for (const lang of LANGS) {
      const picker = JSON.stringify(pickKindModal(lang));
      const offered = [...picker.matchAll(/"value":"([a-z]+)"/g)].map((m) => m[1]);
      expect(offered).toEqual([...REQUEST_KINDS]);
    }
  });

  it("`/privacy request <kind>` opens that kind's form for every kind; anything else is answered with the list of kinds", async () => {
    const run = async (args: string[], lang: "ja" | "en") => {
      const opened: View[] = [];
      const answers: string[] = [];
      const ctx = {
        actor: { slackId: "U1", name: "someone", departmentId: null, roles: [], lang },
        args,
        text: `request ${args.join(" ")}`,
        openModal: async (v: View) => void opened.push(v),
        respond: async (m: { text: string }) => void answers.push(m.text),
      } as unknown as CommandContext;
      await requestCommand.run(ctx);
      return { opened, answers };
    };
    for (const k of REQUEST_KINDS) {
      expect(kindOf(k)).toBe(KINDS[k]);
      for (const typed of [k, k.toUpperCase()]) {
        const { opened, answers } = await run([typed], "ja");
        expect(answers).toEqual([]);
        expect(JSON.parse(opened[0]!.private_metadata!)).toEqual({ kind: k });
      }
    }
    for (const lang of LANGS) {
      const { opened, answers } = await run(["nope"], lang);
      expect(opened).toEqual([]);
      for (const k of REQUEST_KINDS) expect(answers[0]).toContain(k);
    }
  });

  it("the help lists every kind for `/privacy request` and every kind's article", () => {
    for (const lang of LANGS) {
      const help = helpText({ roles: [], departmentId: "sales" }, lang);
      expect(help).toContain(`/privacy request [${REQUEST_KINDS.join("|")}]`);
      const intro = help.split("\n")[1]!;
      for (const n of RULE_ARTICLES) expect(intro).toMatch(new RegExp(`\\b${n}\\b`));
    }
  });

  it("the manifest's usage hint offers the registry's kinds, in its order", () => {
    const manifest = YAML.parse(fs.readFileSync(path.join(ROOT, "manifest.yml"), "utf8")) as { features: { slash_commands: { usage_hint: string }[] } };
    const hint = manifest.features.slash_commands[0]!.usage_hint;
    expect(/request \[([^\]]+)\]/.exec(hint)?.[1]).toBe(REQUEST_KINDS.join("|"));
  });

  it("the settings take approval thresholds for every kind, and refuse a kind that does not exist", () => {
    for (const k of REQUEST_KINDS) {
      expect(defaultSettings().approvals(k)).toEqual(DEFAULT_APPROVALS);
      const s = parseSettings(`approvals:\n  ${k}: { remindAfter: 7 }\n`);
      expect(s.approvals(k)).toEqual({ ...DEFAULT_APPROVALS, remindAfter: 7 });
      for (const other of REQUEST_KINDS.filter((o) => o !== k)) expect(s.approvals(other)).toEqual(DEFAULT_APPROVALS);
    }
    expect(() => parseSettings("approvals:\n  nope: { remindAfter: 7 }\n")).toThrow(SettingsError);
    expect(() => parseSettings("approvals:\n  nope: { remindAfter: 7 }\n")).toThrow(/unknown key "nope"/);
  });
});

describe("the digest's overdue count looks at every kind with its own threshold", () => {
  let db: Awaited<ReturnType<typeof testDatabase>>;
  const now = new Date("2026-12-01T01:00:00Z"); // a Tuesday, 10:00 in Tokyo
  const calendar = new BusinessCalendar({ timeZone: "Asia/Tokyo" });

  beforeAll(async () => {
    db = await testDatabase();
    // one request of each kind, waiting at stage 1 for 30 days
    const since = new Date(now.getTime() - 30 * 86_400_000);
    for (const [i, kind] of REQUEST_KINDS.entries())
      await db.prisma.request.create({
        data: {
          code: `PRV-2026-${String(i + 1).padStart(4, "0")}`,
          kind,
          departmentId: "sales",
          requesterId: "U1",
          status: "pending_manager",
          title: kind,
          createdAt: since,
          updatedAt: since,
          stageSince: since,
        },
      });
  });
  afterAll(async () => db?.dispose());

  const overdue = async (settings: Settings) => {
    const ctx: DigestContext = {
      services: { database: db } as unknown as Services,
      calendar,
      settings,
      from: new Date(now.getTime() - 7 * 86_400_000),
      to: now,
      now,
      lang: "en",
    };
    return (await requestsOverdueDigest(ctx))?.lines ?? [];
  };

  it("by default every kind's request is overdue", async () => {
    expect(await overdue(defaultSettings())).toEqual([requestsDigestMessages("en").overdueApprovals(REQUEST_KINDS.length)]);
  });

  it("with a long threshold by default and a short one for one kind, only that kind's request is overdue", async () => {
    expect(await overdue(parseSettings("approvals:\n  default: { remindAfter: 60 }\n"))).toEqual([]);
    for (const k of REQUEST_KINDS) {
      const settings = parseSettings(`approvals:\n  default: { remindAfter: 60 }\n  ${k}: { remindAfter: 1 }\n`);
      expect(await overdue(settings), k).toEqual([requestsDigestMessages("en").overdueApprovals(1)]);
    }
  });
});
