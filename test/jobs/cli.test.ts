// npm run jobs: the operator's list of jobs and a run for a given moment, claimed like
// a scheduled run (a second run of the same slot is refused unless forced).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { jobsCli } from "../../src/jobsCli.js";
import { migratedPgliteFolder } from "../support/db.js";

describe("npm run jobs", () => {
  it("lists the jobs, runs one for a moment once, and says so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-jobs-"));
    const env = { PGLITE_DIR: path.join(dir, "pglite"), TZ: "Asia/Tokyo" };
    const said: string[] = [];
    const out = (s: string) => said.push(s);
    const argv = process.argv;
    await migratedPgliteFolder(env.PGLITE_DIR);
    try {
      expect(await jobsCli(["list"], env, out)).toBe(0);
      expect(said.join("")).toMatch(/requests\.morning\n {2}schedule: 0 9 \* \* 1-5 \(Asia\/Tokyo\)[\s\S]*last run: never/);
      said.length = 0;
      process.argv = [...argv.slice(0, 2), "run", "requests.morning", "--at", "2026-11-20T09:00:00+09:00"];
      expect(await jobsCli(["run", "requests.morning"], env, out)).toBe(0);
      expect(said.join("")).toContain("requests.morning ran for 2026-11-20T00:00:00.000Z");
      said.length = 0;
      expect(await jobsCli(["run", "requests.morning"], env, out)).toBe(1);
      expect(said.join("")).toContain("ran already");
      said.length = 0;
      process.argv = [...process.argv, "--force"];
      expect(await jobsCli(["run", "requests.morning"], env, out)).toBe(0);
      said.length = 0;
      process.argv = [...argv.slice(0, 2), "run", "requests.morning", "--at", "2099-01-01T09:00:00+09:00"];
      expect(await jobsCli(["run", "requests.morning"], env, out)).toBe(2);
      expect(said.join("")).toContain("is in the future");
      said.length = 0;
      process.argv = argv;
      expect(await jobsCli(["run", "no.such"], env, out)).toBe(2);
      expect(said.join("")).toContain("no job named no.such; jobs: requests.morning");
      said.length = 0;
      process.argv = argv;
      expect(await jobsCli(["list"], env, out)).toBe(0);
      expect(said.join("")).toMatch(/last run: 2026-11-20 09:00 done/);
    } finally {
      process.argv = argv;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
