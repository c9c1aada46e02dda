import { describe, expect, it } from "vitest";
import { KINDS, MethodFields as F } from "../../../src/requests/kinds/index.js";
import { expectRequired, expectRoundTrip, invalid, JAPANESE, valid, type Inputs } from "./helpers.js";

const kind = KINDS.method;

const DIRECT: Inputs = {
  [F.method]: "展示会で名刺をスキャンするアプリを使う",
  [F.direction]: "direct",
  [F.medium]: "web_form",
  [F.dataItems]: "氏名、会社名、メールアドレス",
  [F.startDate]: "2026-04-10",
};
const INDIRECT: Inputs = {
  ...DIRECT,
  [F.direction]: "indirect",
  [F.sourceName]: "株式会社サンプル",
  [F.sourceLawful]: ["confirmed"],
  [F.sourceStatement]: ["received"],
};

describe("method (第5条・第8条)", () => {
  it("parses direct and indirect submissions", () => {
    expect(valid(kind, DIRECT)).toEqual({
      method: DIRECT[F.method],
      direction: "direct",
      medium: "web_form",
      dataItems: DIRECT[F.dataItems],
      startDate: "2026-04-10",
    });
    expect(valid(kind, INDIRECT)).toEqual({
      method: DIRECT[F.method],
      direction: "indirect",
      sourceName: "株式会社サンプル",
      sourceLawful: true,
      sourceStatement: true,
      dataItems: DIRECT[F.dataItems],
      startDate: "2026-04-10",
    });
  });

  it("each required field missing gives an error on its block", () => {
    expectRequired(kind, DIRECT, { [F.method]: null, [F.direction]: null, [F.medium]: null, [F.dataItems]: null, [F.startDate]: null });
    expectRequired(kind, INDIRECT, { [F.sourceName]: "", [F.sourceLawful]: [], [F.sourceStatement]: [] });
  });

  it("indirect collection needs the source, the lawful-collection check (第8条(2)) and the written statement (第8条(3))", () => {
    const errors = invalid(kind, { ...DIRECT, [F.direction]: "indirect" });
    expect(Object.keys(errors).sort()).toEqual([F.sourceLawful, F.sourceName, F.sourceStatement].sort());
    expect(errors[F.sourceLawful]).toContain("第8条(2)");
    expect(errors[F.sourceStatement]).toContain("第8条(3)");
    const en = invalid(kind, { ...DIRECT, [F.direction]: "indirect" }, "en");
    for (const m of Object.values(en)) expect(m).not.toMatch(JAPANESE);
  });

  it("direct collection ignores leftover source fields", () => {
    const data = valid(kind, { ...INDIRECT, [F.direction]: "direct" });
    expect(data).not.toHaveProperty(F.sourceName);
    expect(data).not.toHaveProperty(F.sourceLawful);
  });

  it("round-trips through the prefilled form", () => {
    expectRoundTrip(kind, valid(kind, DIRECT));
    expectRoundTrip(kind, valid(kind, INDIRECT), "en");
  });

  it("measures: the notice by the method (APPI Art.21); for indirect also the statement on file and the website notice", () => {
    expect(kind.measures(valid(kind, DIRECT)).map((m) => m.key)).toEqual(["purpose_stated"]);
    expect(kind.measures(valid(kind, { ...DIRECT, [F.medium]: "face_to_face" })).map((m) => m.key)).toEqual(["face_to_face_notice", "website_rule_notice"]);
    expect(kind.measures(valid(kind, { ...DIRECT, [F.medium]: "other" })).map((m) => m.key)).toEqual(["purpose_published"]);
    const indirect = kind.measures(valid(kind, INDIRECT));
    expect(indirect.map((m) => m.key)).toEqual(["purpose_notified_after", "source_statement_filed", "website_notice"]);
    expect(indirect[0]!.label("ja")).toContain("取得後速やかに");
    expect(indirect[1]!.label("ja")).toContain("第8条(3)");
    expect(indirect[2]!.label("ja")).toContain("ホームページ");
  });

  it("title and summary", () => {
    const data = valid(kind, INDIRECT);
    expect(kind.title(data)).toBe("展示会で名刺をスキャンするアプリを使う");
    const fields = kind.summaryFields(data, "ja");
    expect(fields).toContainEqual({ label: "提供元", value: "株式会社サンプル" });
    expect(fields.length).toBeLessThanOrEqual(10);
    expect(kind.summaryFields(valid(kind, DIRECT), "en").map((f) => f.label)).not.toContain("Provider");
  });
});
