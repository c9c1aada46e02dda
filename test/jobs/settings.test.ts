// The settings file: defaults from the rules, overrides per request kind, and every
// problem reported with its line.
import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings, SettingsError } from "../../src/settings.js";

describe("settings", () => {
  it("defaults: remind after 2 business days, escalate after 5, measures after 10, quiet 20:00-08:00", () => {
    const s = defaultSettings();
    expect(s.approvals("provide")).toEqual({ remindAfter: 2, escalateAfter: 5 });
    expect(s.measuresRemindAfter).toBe(10);
    expect(s.quietHours).toEqual({ start: "20:00", end: "08:00" });
  });

  it("reads thresholds per kind over the default, closed days and job schedules", () => {
    const s = parseSettings(
      [
        "closedDays: [2026-12-29, '2026-12-30']",
        "jobs:",
        '  requests.morning: "0 10 * * 1-5"',
        "approvals:",
        "  default: { remindAfter: 3 }",
        "  provide: { escalateAfter: 4 }",
        "measures: { remindAfter: 7 }",
      ].join("\n"),
    );
    expect(s.closedDays).toEqual(["2026-12-29", "2026-12-30"]);
    expect(s.jobs).toEqual({ "requests.morning": "0 10 * * 1-5" });
    expect(s.approvals("provide")).toEqual({ remindAfter: 3, escalateAfter: 4 });
    expect(s.approvals("purpose")).toEqual({ remindAfter: 3, escalateAfter: 5 });
    expect(s.measuresRemindAfter).toBe(7);
  });

  it("names the line and the reason of every problem", () => {
    const text = [
      "closedDays: [2026-13-45]",
      "quietHours: { start: '25:00', end: '08:00' }",
      "jobs:",
      '  requests.morning: "every morning"',
      "approvals:",
      "  provide: { remindAfter: -1 }",
      "colour: blue",
    ].join("\n");
    let err: SettingsError | undefined;
    try {
      parseSettings(text, "settings.yml");
    } catch (e) {
      err = e as SettingsError;
    }
    expect(err).toBeInstanceOf(SettingsError);
    const lines = err!.problems.map((p) => [p.line, p.message]);
    expect(lines).toEqual(
      expect.arrayContaining([
        [1, expect.stringContaining("2026-13-45")],
        [2, expect.stringContaining("HH:MM")],
        [4, expect.stringContaining("cron")],
        [6, expect.stringContaining("remindAfter")],
        [1, expect.stringContaining('unknown key "colour"')],
      ]),
    );
    expect(err!.message).toMatch(/^settings\.yml: line/);
  });
});
