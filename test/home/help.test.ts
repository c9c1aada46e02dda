// /privacy help per role (issue 16): only what the person may use, one line each in one
// format (`command` what it does), in the person's language.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandMessages } from "../../commands/messages.js";
import { privacy } from "../support/commands.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const P = ORG.people;
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

const help = async (who: string) => (await privacy(h, who, "help")).text;
const commandsIn = (text: string) => text.split("\n").filter((l) => l.startsWith("`/privacy"));
/** The first words of each line: `/privacy dsr`, `/privacy processors disposal`, … */
const heads = (text: string) => commandsIn(text).map((l) => /^`(\/privacy [a-z]+(?: (?:status|report|details|disposal|import))?)/.exec(l)?.[1]);

describe("/privacy help", () => {
  it("an ordinary employee sees what anyone may use, and no admin, desk or audit commands", async () => {
    const text = await help(P.employee2);
    expect(heads(text)).toEqual([
      "/privacy request",
      "/privacy mine",
      "/privacy status",
      "/privacy incident",
      "/privacy incident status",
      "/privacy training",
      "/privacy register",
      "/privacy provision",
      "/privacy statement",
      "/privacy lang",
    ]);
    expect(text.split("\n")[0]).toBe(commandMessages("ja").help.title);
  });

  it("every line has one format: the command in code, then what it does", async () => {
    for (const who of [P.employee2, P.manager, P.chief, P.compliance, P.admin, P.auditor]) {
      const lines = commandsIn(await help(who));
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/^`\/privacy [^`]+` \S/);
    }
  });

  it("a manager sees the desk, training status and processors, not the chief's or compliance's", async () => {
    const hs = heads(await help(P.manager));
    expect(hs).toEqual(expect.arrayContaining(["/privacy dsr", "/privacy complaint", "/privacy training status", "/privacy processors"]));
    for (const no of ["/privacy processors disposal", "/privacy digest", "/privacy export", "/privacy admin", "/privacy duties", "/privacy incident report"])
      expect(hs).not.toContain(no);
  });

  it("the chief sees incidents' reports, disposal, duties and the digest, not the export or admin", async () => {
    const hs = heads(await help(P.chief));
    expect(hs).toEqual(
      expect.arrayContaining(["/privacy incident report", "/privacy incident details", "/privacy processors disposal", "/privacy duties", "/privacy digest"]),
    );
    expect(hs).not.toContain("/privacy export");
    expect(hs).not.toContain("/privacy admin");
  });

  it("compliance and the audit lead see the export; the admin sees the admin and the training import", async () => {
    expect(heads(await help(P.compliance))).toContain("/privacy export");
    expect(heads(await help(P.auditor))).toContain("/privacy export");
    const admin = heads(await help(P.admin));
    expect(admin).toEqual(expect.arrayContaining(["/privacy admin", "/privacy training import"]));
    expect(admin).not.toContain("/privacy export");
  });

  it("in English for an English speaker, with the same lines", async () => {
    const text = await help(P.english);
    expect(text.split("\n")[0]).toBe(commandMessages("en").help.title);
    expect(heads(text)).toEqual(heads(await help(P.employee2)));
    expect(text).not.toMatch(/[ぁ-んァ-ン]/);
  });
});
