import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrgFile, OrgFileError, orgToYaml, parseOrgFile, type Org } from "../../src/directory/orgFile.js";
import { ORG_YAML } from "../support/org.js";

const VALID = `channels: { approvals: C0123ABCD, incidents: C0123ABCE, compliance: C0123ABCF }
departments:
  - { id: sales, name: 営業部, approvalsChannel: C0456ABCD }
  - { id: legal, name: 法務部 }
people:
  - { slackId: U0123ABCD, name: 山田 太郎, department: sales, roles: [manager] }
  - { slackId: U0456ABCD, name: 佐藤 花子, department: legal, roles: [chief, admin], manages: [sales] }
  - slackId: W0789ABCD
    name: Alex Smith
    department: legal
`;

function problems(text: string) {
  const r = parseOrgFile(text);
  if (r.ok) throw new Error("expected problems");
  return r.problems;
}

describe("parseOrgFile", () => {
  it("parses a valid file", () => {
    const r = parseOrgFile(VALID);
    expect(r).toEqual({
      ok: true,
      org: {
        channels: { approvals: "C0123ABCD", incidents: "C0123ABCE", compliance: "C0123ABCF" },
        departments: [
          { id: "sales", name: "営業部", approvalsChannel: "C0456ABCD" },
          { id: "legal", name: "法務部" },
        ],
        people: [
          { slackId: "U0123ABCD", name: "山田 太郎", department: "sales", roles: ["manager"] },
          { slackId: "U0456ABCD", name: "佐藤 花子", department: "legal", roles: ["chief", "admin"], manages: ["sales"] },
          { slackId: "W0789ABCD", name: "Alex Smith", department: "legal", roles: [] },
        ],
      },
    });
    expect(parseOrgFile(ORG_YAML).ok).toBe(true);
  });

  it("reports a YAML syntax error at its line", () => {
    const p = problems(VALID.replace("name: 山田 太郎,", "name: 山田: 太郎,"));
    expect(p).toHaveLength(1);
    expect(p[0]!.line).toBe(6);
    expect(p[0]!.message).toMatch(/YAML syntax error/);
    const dup = problems(`${VALID}people: []\n`);
    expect(dup[0]).toMatchObject({ line: 11 });
    expect(dup[0]!.message).toMatch(/unique/);
  });

  it("reports a bad role at the role's line", () => {
    const p = problems(VALID.replace("department: legal\n", "department: legal\n    roles:\n      - handler\n      - boss\n"));
    expect(p).toEqual([{ line: 13, message: expect.stringMatching(/unknown role "boss"/) }]);
    const q = problems(VALID.replace("roles: [manager]", "roles: [manger]"));
    expect(q).toEqual([{ line: 6, message: expect.stringMatching(/unknown role "manger"/) }]);
  });

  it("reports bad ids, missing and unknown keys", () => {
    const p = problems(
      VALID.replace("approvals: C0123ABCD", "approvals: general")
        .replace("id: legal", "id: Legal")
        .replace("slackId: W0789ABCD", "slackId: alex")
        .replace("    name: Alex Smith\n", "    nmae: Alex Smith\n"),
    );
    // (people of the department whose id is refused now point at an unknown department: said too)
    expect(p.map((x) => x.line)).toEqual([1, 4, 7, 8, 8, 9, 10]);
    expect(p[0]!.message).toMatch(/"general" is not a channel id/);
    expect(p[1]!.message).toMatch(/"Legal" is not a valid department id/);
    expect(p[2]!.message).toBe('department "legal" is not in departments');
    expect(
      p
        .slice(3, 5)
        .map((x) => x.message)
        .sort(),
    ).toEqual(['"alex" is not a Slack user id (U or W followed by capital letters and digits, e.g. U0123ABCD)', "name is required"].sort());
    expect(p[5]!.message).toMatch(/unknown key "nmae"/);
  });

  it("reports an unknown department, in department and in manages", () => {
    const p = problems(
      VALID.replace("department: sales, roles: [manager]", "department: marketing, roles: [manager]").replace("manages: [sales]", "manages: [sales, hr]"),
    );
    expect(p).toEqual([
      { line: 6, message: 'department "marketing" is not in departments' },
      { line: 7, message: 'department "hr" is not in departments' },
    ]);
  });

  it("reports duplicate ids with both lines", () => {
    const p = problems(
      VALID.replace("  - { id: legal, name: 法務部 }\n", "  - { id: legal, name: 法務部 }\n  - { id: sales, name: 販売部 }\n").replace(
        "slackId: W0789ABCD",
        "slackId: U0123ABCD",
      ),
    );
    expect(p).toEqual([
      { line: 5, message: 'department id "sales" appears twice (also on line 3)' },
      { line: 9, message: 'slackId "U0123ABCD" appears twice (also on line 7)' },
    ]);
  });

  it("refuses an auditor who is also chief or deputy", () => {
    const p = problems(VALID.replace("roles: [chief, admin]", "roles: [chief, admin, auditor]"));
    expect(p).toEqual([{ line: 7, message: expect.stringMatching(/auditor\) must not also be chief/) }]);
    const q = problems(VALID.replace("roles: [manager]", "roles: [deputyChief, auditor]"));
    expect(q[0]).toMatchObject({ line: 6, message: expect.stringMatching(/deputyChief/) });
  });

  it("requires a chief", () => {
    const p = problems(VALID.replace("roles: [chief, admin]", "roles: [admin]"));
    expect(p).toEqual([{ line: 5, message: "there is no chief privacy officer (chief)" }]);
    expect(problems("")).toEqual([{ line: 1, message: "there is no chief privacy officer (chief)" }]);
  });

  it("speaks Japanese when asked", () => {
    const r = parseOrgFile(VALID.replace("roles: [manager]", "roles: [boss]"), "ja");
    expect(r.ok ? [] : r.problems).toEqual([{ line: 6, message: expect.stringMatching(/不明な役割「boss」/) }]);
  });
});

describe("loadOrgFile", () => {
  it("returns the org and the file's hash, or throws with file:line: reason for every problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mamori-org-"));
    try {
      const good = path.join(dir, "org.yml");
      fs.writeFileSync(good, VALID);
      const { org, hash } = loadOrgFile(good);
      expect(org.people).toHaveLength(3);
      expect(hash).toMatch(/^[0-9a-f]{64}$/);

      const bad = path.join(dir, "bad.yml");
      fs.writeFileSync(bad, VALID.replace("roles: [manager]", "roles: [boss]").replace("department: legal\n", "department: hr\n"));
      let err: unknown;
      try {
        loadOrgFile(bad);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(OrgFileError);
      const msg = (err as Error).message;
      expect(msg).toContain(`${bad}:6: unknown role "boss"`);
      expect(msg).toContain(`${bad}:10: department "hr" is not in departments`);
      expect((err as OrgFileError).problems).toHaveLength(2);

      expect(() => loadOrgFile(path.join(dir, "missing.yml"))).toThrow(OrgFileError);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("orgToYaml", () => {
  it("round-trips, keeps Japanese as is and quotes what needs quoting", () => {
    for (const text of [VALID, ORG_YAML]) {
      const r = parseOrgFile(text);
      if (!r.ok) throw new Error("invalid");
      const yaml = orgToYaml(r.org);
      expect(parseOrgFile(yaml)).toEqual(r);
    }
    const tricky: Org = {
      channels: {},
      departments: [{ id: "0123", name: "#1: 本社 [東京]" }],
      people: [
        { slackId: "U1AB", name: "yes", department: "0123", roles: ["chief"] },
        { slackId: "U2AB", name: '- 田中 "一郎"', roles: ["compliance", "admin"], manages: [] },
      ],
    };
    const yaml = orgToYaml(tricky);
    expect(yaml).toContain("本社");
    expect(parseOrgFile(yaml)).toEqual({ ok: true, org: tricky });
  });

  it("writes keys in a fixed order, one line per department and person", () => {
    const r = parseOrgFile(VALID);
    if (!r.ok) throw new Error("invalid");
    expect(orgToYaml(r.org)).toBe(`channels: { approvals: C0123ABCD, incidents: C0123ABCE, compliance: C0123ABCF }
departments:
  - { id: sales, name: 営業部, approvalsChannel: C0456ABCD }
  - { id: legal, name: 法務部 }
people:
  - { slackId: U0123ABCD, name: 山田 太郎, department: sales, roles: [ manager ] }
  - { slackId: U0456ABCD, name: 佐藤 花子, department: legal, roles: [ chief, admin ], manages: [ sales ] }
  - { slackId: W0789ABCD, name: Alex Smith, department: legal, roles: [] }
`);
  });
});
