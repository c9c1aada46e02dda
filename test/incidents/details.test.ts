// The pure parts added for the report items, the incident lead and the settings: the
// items 5-9 modal's answers and what changed, who may act on an incident, a task's due
// date after a reassessment, the `incidents` settings.
import { describe, expect, it } from "vitest";
import { detailChanges, detailsDigest, parseDetails, type IncidentDetails } from "../../src/incidents/details/fields.js";
import { DetailsBlocks, INPUT } from "../../src/incidents/ids.js";
import { mayAssignLead, mayRespond, maySee, maySeeStatus } from "../../src/incidents/access.js";
import { taskDueAfterAssessment } from "../../src/incidents/rules.js";
import { parseSettings, type SettingsError } from "../../src/settings.js";

const values = (v: Partial<Record<keyof typeof DetailsBlocks, string | null>>) =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [DetailsBlocks[k as keyof typeof DetailsBlocks], { [INPUT]: { value: x } }]));
const empty: IncidentDetails = { secondaryHarm: null, responseToPeople: null, publication: null, recurrencePrevention: null, otherMatters: null };

describe("the report items 5-9", () => {
  it("trims, turns blanks into null, and refuses an entry over 3,000 characters with a field error", () => {
    const r = parseDetails(values({ secondaryHarm: "  なし  ", publication: "   ", otherMatters: null }), "ja");
    expect(r).toEqual({ ok: true, value: { ...empty, secondaryHarm: "なし" } });
    const long = parseDetails(values({ responseToPeople: "あ".repeat(3001) }), "ja");
    expect(long).toEqual({ ok: false, errors: { [DetailsBlocks.responseToPeople]: "3000文字以内で入力してください。" } });
  });

  it("says which items change, in the report's order, with before and after", () => {
    const before = { ...empty, publication: "公表済み", otherMatters: "警察へ相談" };
    const after = { ...before, secondaryHarm: "なし", otherMatters: null };
    expect(detailChanges(before, after)).toEqual([
      { field: "secondaryHarm", from: null, to: "なし" },
      { field: "otherMatters", from: "警察へ相談", to: null },
    ]);
    expect(detailChanges(before, before)).toEqual([]);
  });

  it("a digest that changes with any item (a stale modal is told apart from a revision bumped by a task)", () => {
    const d = detailsDigest(empty);
    expect(detailsDigest({ ...empty })).toBe(d);
    expect(detailsDigest({ ...empty, otherMatters: "警察へ相談" })).not.toBe(d);
    expect(detailsDigest({ ...empty, secondaryHarm: "a", publication: null })).not.toBe(detailsDigest({ ...empty, secondaryHarm: null, publication: "a" }));
    expect(d.length).toBeLessThanOrEqual(16);
  });
});

describe("a task's owner", () => {
  const owner = { slackId: "U7", roles: [] as string[] };
  it("sees the incident's status (not more: maySee, the report draft, stays closed), and acts as no responder", () => {
    const i = { reporterId: "U9", leadId: "U1" };
    expect(maySeeStatus(owner, i, ["U0CHIEF", "U7"])).toBe(true);
    expect(maySeeStatus(owner, i, ["U0CHIEF"])).toBe(false);
    expect(maySee(owner, i)).toBe(false);
    expect(mayRespond(owner, i)).toBe(false);
    expect(maySeeStatus({ slackId: "U9", roles: [] }, i, [])).toBe(true); // the reporter, as before
  });
});

describe("the incident lead", () => {
  const lead = { slackId: "U1", roles: ["manager"] };
  it("acts as a responder on the incident they lead, and only there; sees it", () => {
    expect(mayRespond(lead, { leadId: "U1" })).toBe(true);
    expect(mayRespond(lead, { leadId: "U2" })).toBe(false);
    expect(mayRespond(lead, { leadId: null })).toBe(false);
    expect(maySee(lead, { reporterId: "U9", leadId: "U1" })).toBe(true);
    expect(maySee(lead, { reporterId: "U9", leadId: null })).toBe(false);
    expect(mayRespond({ slackId: "U3", roles: ["compliance"] }, { leadId: null })).toBe(true);
    expect(mayRespond({ slackId: "U4", roles: ["auditor"] }, { leadId: null })).toBe(false);
  });
  it("is assigned by the chief or the deputy chief only", () => {
    expect(mayAssignLead({ slackId: "U", roles: ["chief"] })).toBe(true);
    expect(mayAssignLead({ slackId: "U", roles: ["deputyChief"] })).toBe(true);
    expect(mayAssignLead({ slackId: "U", roles: ["compliance"] })).toBe(false);
    expect(mayAssignLead(lead)).toBe(false);
  });
});

describe("a task's due date after a reassessment", () => {
  const d = (s: string) => new Date(s);
  it("follows the deadline, keeps an earlier date set by hand, keeps a date of a task without deadline", () => {
    expect(taskDueAfterAssessment({ dueAt: d("2026-12-20T00:00:00Z"), setByHand: false }, d("2027-01-20T00:00:00Z"), true)).toEqual(d("2027-01-20T00:00:00Z"));
    expect(taskDueAfterAssessment({ dueAt: d("2026-12-10T00:00:00Z"), setByHand: true }, d("2027-01-20T00:00:00Z"), true)).toEqual(d("2026-12-10T00:00:00Z"));
    // the deadline moved before the date set by hand: the deadline wins
    expect(taskDueAfterAssessment({ dueAt: d("2026-12-10T00:00:00Z"), setByHand: true }, d("2026-12-05T00:00:00Z"), true)).toEqual(d("2026-12-05T00:00:00Z"));
    expect(taskDueAfterAssessment({ dueAt: d("2026-12-10T00:00:00Z"), setByHand: true }, null, true)).toBeNull();
    expect(taskDueAfterAssessment({ dueAt: d("2026-12-10T00:00:00Z"), setByHand: true }, null, false)).toEqual(d("2026-12-10T00:00:00Z"));
  });
});

describe("the incidents settings", () => {
  it("default: a telecom carrier (issue 13), 速報 and the notice in 3 days, the 通信の秘密 第一報 in 2", () => {
    expect(parseSettings("").incidents).toEqual({ telecom: true, preliminaryDays: 3, peopleNoticeDays: 3, secrecyFirstReportDays: 2 });
    expect(parseSettings("incidents: { telecom: false, preliminaryDays: 5 }").incidents).toEqual({
      telecom: false,
      preliminaryDays: 5,
      peopleNoticeDays: 3,
      secrecyFirstReportDays: 2,
    });
  });
  it("a bad value stops the bot with the line and the reason", () => {
    const problems = (text: string) => {
      try {
        parseSettings(text, "settings.yml");
      } catch (e) {
        return (e as SettingsError).problems;
      }
      return [];
    };
    expect(problems("closedDays: []\nincidents:\n  preliminaryDays: 0\n")).toEqual([
      { line: 3, message: expect.stringContaining("incidents.preliminaryDays") },
    ]);
    expect(problems("incidents: { telecom: yes please }")[0]?.message).toContain("incidents.telecom");
    expect(problems("incidents: { finalDays: 20 }")[0]?.message).toContain('unknown key "finalDays"');
  });
});
