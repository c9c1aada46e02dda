// The .env file .env.example promises: read when present, the environment wins.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { readEnvFile } from "../../src/platform/envFile.js";

const dirs: string[] = [];
function envFile(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-env-"));
  dirs.push(dir);
  const file = path.join(dir, ".env");
  fs.writeFileSync(file, text);
  return file;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("the .env file", () => {
  it("fills what the environment does not have, and the environment wins", () => {
    const file = envFile('# Slack\nSLACK_BOT_TOKEN=xoxb-from-file\nSLACK_SIGNING_SECRET="from file"\nPORT=3100\nTZ=Asia/Tokyo\n');
    const env: Record<string, string | undefined> = { ENV_FILE: file, PORT: "4000" };
    const r = readEnvFile(env);
    expect(r).toEqual({ file, taken: ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "TZ"], kept: ["PORT"] });
    const config = loadConfig(env);
    expect(config).toMatchObject({ mode: "http", slackBotToken: "xoxb-from-file", slackSigningSecret: "from file", port: 4000, timeZone: "Asia/Tokyo" });
  });

  it("no .env in the working directory: nothing read, nothing changed", () => {
    const cwd = process.cwd();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-env-"));
    dirs.push(dir);
    process.chdir(dir);
    try {
      const env: Record<string, string | undefined> = { PORT: "4000" };
      expect(readEnvFile(env)).toEqual({ file: null, taken: [], kept: [] });
      expect(env).toEqual({ PORT: "4000" });
    } finally {
      process.chdir(cwd);
    }
  });

  it("an ENV_FILE that does not exist is an error naming the file, not a silent default", () => {
    expect(() => readEnvFile({ ENV_FILE: "/nonexistent/mamori.env" })).toThrow(/\/nonexistent\/mamori\.env/);
  });

  it(".env.example copied as it is starts the local mode (its placeholders are empty)", () => {
    const env: Record<string, string | undefined> = { ENV_FILE: envFile(fs.readFileSync(".env.example", "utf8")) };
    readEnvFile(env);
    expect(loadConfig(env).mode).toBe("local");
  });
});
