// manifest.yml is what an admin pastes into api.slack.com: it must be a manifest Slack
// accepts, offer exactly the /privacy subcommands the code has, and ask for exactly the
// bot scopes the code needs (no unused scope, no missing one).
import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import ts from "typescript";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { COMMANDS } from "../commands/index.js";
import type { PrivacyCommand } from "../commands/types.js";
import { REQUEST_KINDS } from "../src/requests/kinds/index.js";
import { FakeSlack } from "../src/platform/slack/fake/index.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const read = (p: string) => fs.readFileSync(path.join(ROOT, p), "utf8");

type Manifest = {
  display_information: Record<string, unknown>;
  features: { slash_commands?: { command: string; url?: string; usage_hint?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions?: { request_url?: string; bot_events?: string[] }; interactivity?: { is_enabled?: boolean; request_url?: string } };
};
const manifest = YAML.parse(read("manifest.yml")) as Manifest;

// ---- the manifest is valid by Slack's own schema ----------------------------------------

// The schema is kept in the repository (test/fixtures, see its README) because .ci/run
// works on a clean clone where ../shared does not exist.
const SCHEMA_COPY = path.join(ROOT, "test/fixtures/slack-manifest.schema.1.0.0.json");
const SCHEMA_SHARED = path.resolve(ROOT, "../shared/slack/manifest.schema.1.0.0.json");

function manifestValidator(schemaFile: string) {
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
  // Draft-07 (Ajv's default). ajv-formats is not installed: the schema uses one format
  // ("uri"), defined here. "_note" is a comment and "regex" Slack's spelling of a pattern
  // (background_color): both are honoured rather than switching strict mode off.
  // strictTypes is off because the schema omits "type" next to minItems in places.
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addFormat("uri", (s: string) => URL.canParse(s));
  ajv.addKeyword({ keyword: "_note", schemaType: "string" });
  ajv.addKeyword({ keyword: "regex", type: "string", schemaType: "string", validate: (re: string, data: string) => new RegExp(re).test(data) });
  expect(schema.$schema ?? "http://json-schema.org/draft-07/schema#").toBe("http://json-schema.org/draft-07/schema#");
  const validate = ajv.compile(schema);
  return (m: unknown) => (validate(m) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`));
}

describe("manifest.yml against Slack's manifest schema", () => {
  const validate = manifestValidator(SCHEMA_COPY);

  it("is valid", () => {
    expect(validate(manifest)).toEqual([]);
  });

  it("the validator catches what Slack would refuse", () => {
    const broken = structuredClone(manifest) as Manifest & Record<string, unknown>;
    broken.display_information.background_color = "navy";
    broken.display_information.long_description = "too short";
    broken.features.slash_commands![0]!.usage_hint = "x".repeat(1001);
    broken.unknown_section = true;
    const problems = validate(broken);
    expect(problems.join("\n")).toMatch(/background_color/);
    expect(problems.join("\n")).toMatch(/long_description/);
    expect(problems.join("\n")).toMatch(/usage_hint/);
    expect(problems.join("\n")).toMatch(/additional properties/);
  });

  it.runIf(fs.existsSync(SCHEMA_SHARED))("the copy in test/fixtures is identical to ../shared's, which also accepts the manifest", () => {
    expect(fs.readFileSync(SCHEMA_COPY, "utf8")).toBe(fs.readFileSync(SCHEMA_SHARED, "utf8"));
    expect(manifestValidator(SCHEMA_SHARED)(manifest)).toEqual([]);
  });

  it("every request URL is the app's endpoint, /slack/events", () => {
    const urls = [
      ...(manifest.features.slash_commands ?? []).map((c) => c.url),
      manifest.settings.event_subscriptions?.request_url,
      manifest.settings.interactivity?.request_url,
    ];
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(new URL(u!).pathname).toBe("/slack/events");
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
  });
});

// ---- /privacy and its subcommands --------------------------------------------------------

const isCommand = (v: unknown): v is PrivacyCommand =>
  typeof v === "object" &&
  v !== null &&
  typeof (v as PrivacyCommand).name === "string" &&
  typeof (v as PrivacyCommand).run === "function" &&
  typeof (v as PrivacyCommand).usage === "function";

describe("slash commands", () => {
  it("the manifest offers exactly /privacy", () => {
    expect((manifest.features.slash_commands ?? []).map((c) => c.command)).toEqual(["/privacy"]);
  });

  it("the usage hint lists every subcommand in COMMANDS, once, and nothing else", () => {
    const hint = manifest.features.slash_commands![0]!.usage_hint!;
    const subcommands = hint.split(/\s+\|\s+/).map((part) => part.trim().split(/\s+/)[0]);
    expect([...subcommands].sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    // request lists every kind of request
    const kinds = /request \[([^\]]+)\]/.exec(hint)?.[1]?.split("|");
    expect([...(kinds ?? [])].sort()).toEqual([...REQUEST_KINDS].sort());
  });

  it("every commands/*.ts module is a subcommand registered in COMMANDS, and every subcommand has its module", async () => {
    const files = fs
      .readdirSync(path.join(ROOT, "commands"))
      .filter((f) => f.endsWith(".ts") && !["index.ts", "types.ts", "messages.ts", "bounds.ts"].includes(f));
    const names = files.map((f) => f.replace(/\.ts$/, ""));
    expect(names.sort()).toEqual(COMMANDS.map((c) => c.name).sort());
    for (const f of files) {
      const mod = (await import(path.join(ROOT, "commands", f))) as Record<string, unknown>;
      const exported = Object.values(mod).filter(isCommand);
      // a module exports its command object (help exports a factory that index.ts calls)
      for (const c of exported) expect(COMMANDS, `${f} exports ${c.name}, not in COMMANDS`).toContain(c);
      const factory = Object.entries(mod).some(([k, v]) => /^make\w*Command$/.test(k) && typeof v === "function");
      expect(exported.length > 0 || factory, `${f} exports no /privacy subcommand`).toBe(true);
    }
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
  });
});

// ---- bot scopes: exactly what the code needs --------------------------------------------

/** Slack Web API method families (the part before the dot). */
const FAMILIES = [
  "admin",
  "api",
  "apps",
  "assistant",
  "auth",
  "bookmarks",
  "bots",
  "calls",
  "canvases",
  "chat",
  "conversations",
  "dialog",
  "dnd",
  "emoji",
  "files",
  "functions",
  "oauth",
  "openid",
  "pins",
  "reactions",
  "reminders",
  "rtm",
  "search",
  "stars",
  "team",
  "tooling",
  "usergroups",
  "users",
  "views",
  "workflows",
];
const METHOD = new RegExp(`^(${FAMILIES.join("|")})\\.[a-zA-Z][a-zA-Z0-9.]*$`);
/** File names such as "files.csv" are not methods. */
const FILE_NAME = /\.(sql|csv|ya?ml|json|[cm]?[jt]s|txt|md)$/;

/**
 * The bot scope each Web API method the code may call needs (null: none; a list: one per
 * kind of conversation, public channel, private channel, DM, all of which the bot posts
 * to). Add a row when the code calls a new method.
 */
const HISTORY = ["channels:history", "groups:history", "im:history"];
const SCOPE_OF: Record<string, string | string[] | null> = {
  "auth.test": null,
  "chat.postMessage": "chat:write",
  "chat.update": "chat:write",
  "chat.postEphemeral": "chat:write",
  "chat.delete": "chat:write",
  "chat.getPermalink": null,
  "views.open": null,
  "views.push": null,
  "views.update": null,
  "views.publish": null,
  "users.info": "users:read",
  "conversations.open": "im:write",
  "files.uploadV2": "files:write",
  "files.getUploadURLExternal": "files:write",
  "files.completeUploadExternal": "files:write",
  // the audit anchors read the compliance channel; the outbox looks for a post that may
  // have gone out before posting it again (in a channel, a private channel or a DM)
  "conversations.history": HISTORY,
  "conversations.replies": HISTORY,
};

interface Usage {
  methods: Map<string, string[]>; // method -> where
  dynamic: string[]; // method names built at run time
  slashCommands: Set<string>;
  events: Set<string>;
  /** where a modal uses Slack's file input element (it needs files:read) */
  fileInput?: string[];
}

/** Names the Slack-facing calls in TypeScript source: `client.x.y(…)`, "x.y" strings (apiCall, outbox `method:`), `say(…)`, `app.command("/…")`, `app.event("…")`. */
function scanSource(file: string, text: string, into: Usage = { methods: new Map(), dynamic: [], slashCommands: new Set(), events: new Set() }): Usage {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const add = (method: string, n: ts.Node) => into.methods.set(method, [...(into.methods.get(method) ?? []), at(n)]);
  const nameOf = (e: ts.Expression): string | undefined =>
    ts.isIdentifier(e)
      ? e.text
      : ts.isPropertyAccessExpression(e)
        ? e.name.text
        : ts.isElementAccessExpression(e) && ts.isStringLiteral(e.argumentExpression)
          ? e.argumentExpression.text
          : undefined;
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && METHOD.test(n.text) && !FILE_NAME.test(n.text)) add(n.text, n);
    if (ts.isStringLiteral(n) && n.text === "file_input") into.fileInput = [...(into.fileInput ?? []), at(n)];
    if (ts.isTemplateExpression(n) && new RegExp(`^(${FAMILIES.join("|")})\\.`).test(n.head.text)) into.dynamic.push(at(n));
    if (ts.isCallExpression(n)) {
      const callee = n.expression;
      // client.<family>.<method>(…), whatever holds the client (client, args.client, app.client)
      if (ts.isPropertyAccessExpression(callee) && ts.isPropertyAccessExpression(callee.expression)) {
        const family = callee.expression.name.text;
        if (FAMILIES.includes(family) && nameOf(callee.expression.expression) === "client") add(`${family}.${callee.name.text}`, n);
      }
      // Bolt's say() posts with chat.postMessage
      if (nameOf(callee) === "say") add("chat.postMessage", n);
      const first = n.arguments[0];
      const literal = first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) ? first.text : undefined;
      if (ts.isPropertyAccessExpression(callee) && (callee.name.text === "command" || callee.name.text === "shortcut") && literal?.startsWith("/"))
        into.slashCommands.add(literal);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === "event" && nameOf(callee.expression) === "app" && literal) into.events.add(literal);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return into;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = path.join(dir, d.name);
    if (d.isDirectory()) {
      // generated Prisma client; the fake Slack answers the Web API, it does not call it
      if (rel === path.join("src", "generated") || rel === path.join("src", "platform", "slack", "fake")) return [];
      return sourceFiles(rel);
    }
    return d.name.endsWith(".ts") && !d.name.endsWith(".d.ts") ? [rel] : [];
  });
}

function scanCode(): Usage {
  const usage: Usage = { methods: new Map(), dynamic: [], slashCommands: new Set(), events: new Set() };
  for (const f of [...sourceFiles("src"), ...sourceFiles("commands")]) scanSource(f, read(f), usage);
  return usage;
}

function scopesNeeded(u: Usage): { scopes: string[]; unknown: string[] } {
  const unknown = [...u.methods.keys()].filter((m) => !(m in SCOPE_OF)).map((m) => `${m} (${u.methods.get(m)!.join(", ")})`);
  const scopes = new Set([...u.methods.keys()].flatMap((m) => SCOPE_OF[m] ?? []));
  if (u.slashCommands.size > 0) scopes.add("commands");
  if (u.fileInput?.length) scopes.add("files:read"); // Slack's file input element
  return { scopes: [...scopes].sort(), unknown };
}

describe("bot scopes", () => {
  const usage = scanCode();

  it("the scan sees the calls the bot makes", () => {
    // a floor, so a broken scanner cannot pass by seeing nothing
    for (const m of ["chat.postMessage", "chat.update", "views.open", "views.publish", "users.info", "conversations.open", "files.uploadV2"])
      expect([...usage.methods.keys()], m).toContain(m);
    expect([...usage.slashCommands]).toEqual(["/privacy"]);
  });

  it("every Web API method the code calls has a known scope and a literal name", () => {
    expect(scopesNeeded(usage).unknown, "add these methods and their scopes to SCOPE_OF").toEqual([]);
    expect(usage.dynamic, "method names built at run time cannot be checked").toEqual([]);
  });

  it("the manifest asks for exactly the scopes the code needs", () => {
    const { scopes } = scopesNeeded(usage);
    const granted = [...manifest.oauth_config.scopes.bot].sort();
    expect(
      granted.filter((s) => !scopes.includes(s)),
      "scopes in manifest.yml the code does not use",
    ).toEqual([]);
    expect(
      scopes.filter((s) => !granted.includes(s)),
      "scopes the code needs that manifest.yml lacks",
    ).toEqual([]);
    expect(new Set(granted).size).toBe(granted.length);
  });

  it("the slash commands and bot events the code listens to are the manifest's", () => {
    expect([...usage.slashCommands].sort()).toEqual((manifest.features.slash_commands ?? []).map((c) => c.command).sort());
    expect([...usage.events].sort()).toEqual([...(manifest.settings.event_subscriptions?.bot_events ?? [])].sort());
  });

  it("the scope table agrees with the fake Slack's, which answers missing_scope like Slack", () => {
    // biome-ignore lint/complexity/useLiteralKeys: the fake's private method table, read here on purpose
    const fakeMethods = new FakeSlack()["methods"];
    for (const [method, scope] of Object.entries(SCOPE_OF)) {
      if (!(method in fakeMethods)) continue;
      const fake = fakeMethods[method]!.scope ?? null;
      // a scope by kind of conversation: the same set
      if (Array.isArray(scope)) expect(typeof fake === "object" && fake ? Object.values(fake).sort() : fake, method).toEqual([...scope].sort());
      else expect(fake, method).toBe(scope);
    }
  });

  it("the scan would catch a new call that needs a new scope, however it is made", () => {
    const u = scanSource(
      "new.ts",
      `
      // client.reactions.remove in a comment is not a call
      await client.reactions.add({ channel, name: "eyes", timestamp });
      await args.client.pins.add({ channel, timestamp });
      await app.client.apiCall("usergroups.users.list", {});
      const call = { orderKey: "x", method: "bookmarks.add", payload: {} };
      await say("hello");
      await client.chat[\`\${verb}Message\`];
      await app.client.apiCall(\`conversations.\${what}\`, {});
      app.command("/privacy-admin", handler);
      app.event("member_joined_channel", handler);
      log.info("users.info failed; using the default language");
      fs.writeFileSync("files.csv", csv);
      `,
    );
    expect([...u.methods.keys()].sort()).toEqual(["bookmarks.add", "chat.postMessage", "pins.add", "reactions.add", "usergroups.users.list"]);
    expect(u.dynamic).toHaveLength(1);
    expect([...u.slashCommands]).toEqual(["/privacy-admin"]);
    expect([...u.events]).toEqual(["member_joined_channel"]);
    const needed = scopesNeeded(u);
    expect(needed.unknown.map((m) => m.split(" ")[0])).toEqual(["reactions.add", "pins.add", "usergroups.users.list", "bookmarks.add"]);
    expect(needed.scopes).toEqual(["chat:write", "commands"]);
  });
});
