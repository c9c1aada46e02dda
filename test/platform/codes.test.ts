import { describe, expect, it } from "vitest";
import { codePattern, formatCode } from "../../src/platform/codes.js";

describe("codes", () => {
  it("writes a prefix, the year and a counter of four digits at least", () => {
    expect(formatCode("PRV", 2026, 1)).toBe("PRV-2026-0001");
    expect(formatCode("INC", 2027, 42)).toBe("INC-2027-0042");
    expect(formatCode("CMP", 2026, 12345)).toBe("CMP-2026-12345");
  });

  it("recognises the codes of one prefix only", () => {
    expect(codePattern("DSR").test("DSR-2026-0001")).toBe(true);
    expect(codePattern("DSR").test("DSR-2026-12345")).toBe(true);
    expect(codePattern("DSR").test("CMP-2026-0001")).toBe(false);
    expect(codePattern("INC").test("INC-2026-001")).toBe(false);
    expect(codePattern("INC").test("xINC-2026-0001")).toBe(false);
  });
});
