// The statement's rules without database or Slack: what it says, what is missing, the
// 認定個人情報保護団体 only for a member, the diff, who may publish.
import { describe, expect, it } from "vitest";
import { statementBlocks } from "../../src/statement/blocks.js";
import { buildStatement, lineDiff, mayPublishStatement, statementHash, type StatementInput } from "../../src/statement/rules.js";

const full: StatementInput = {
  name: "株式会社テスト通信",
  address: "東京都千代田区丸の内9-9-9",
  representative: "代表取締役 山本 一郎",
  purposes: ["料金の請求", "料金の請求", "サービスのご案内"],
  requestDesk: "窓口へ所定の書式で",
  requestFee: null,
  complaintsDesk: "お客さま窓口",
  securityMeasures: ["基本方針の策定"],
  accreditedBody: null,
  accreditedBodyDesk: null,
  countries: [],
  foreignEnvironment: {},
};

describe("buildStatement", () => {
  it("a non-member: no accredited-body section; no fee said as none; purposes once each; nothing missing", () => {
    const { markdown, missing } = buildStatement(full);
    expect(missing).toEqual([]);
    expect(markdown).not.toContain("認定個人情報保護団体");
    expect(markdown).toContain("手数料（法第38条）：いただいておりません");
    expect(markdown.match(/- 料金の請求/g)).toHaveLength(1);
    expect(markdown).toContain("## 6. 保存期間と廃棄の基準（当社規程第31条第5項）");
  });
  it("a member: the body's name and desk (and its desk is required)", () => {
    const { markdown, missing } = buildStatement({ ...full, accreditedBody: "一般財団法人テスト協会" });
    expect(markdown).toContain("## 6. 認定個人情報保護団体（施行令第10条第3号）");
    expect(markdown).toContain("## 7. 保存期間と廃棄の基準");
    expect(missing).toEqual(["accreditedBodyDesk"]);
  });
  it("what is missing is marked 【未設定】 and listed", () => {
    const { markdown, missing } = buildStatement({
      ...full,
      address: null,
      representative: " ",
      purposes: [],
      securityMeasures: [],
      countries: [{ country: "米国", via: ["entrust", "provide"] }],
    });
    expect(missing).toEqual(["address", "representative", "purposes", "securityMeasures", "foreignEnvironment"]);
    expect(markdown).toContain("住所：【未設定】");
    expect(markdown).toContain("- 米国（委託先・提供先）：【未設定】");
  });
  it("the same inputs give the same hash; a change gives another", () => {
    expect(statementHash(buildStatement(full).markdown)).toBe(statementHash(buildStatement({ ...full }).markdown));
    expect(statementHash(buildStatement(full).markdown)).not.toBe(statementHash(buildStatement({ ...full, purposes: ["x"] }).markdown));
  });
});

describe("lineDiff", () => {
  it("the lines removed and added", () => {
    expect(lineDiff("a\nb\nc", "a\nc\nd")).toEqual(["- b", "+ d"]);
    expect(lineDiff("a", "a")).toEqual([]);
  });
});

describe("mayPublishStatement", () => {
  it("the chief, the deputy and compliance", () => {
    expect(mayPublishStatement({ roles: ["chief"] })).toBe(true);
    expect(mayPublishStatement({ roles: ["deputyChief"] })).toBe(true);
    expect(mayPublishStatement({ roles: ["compliance"] })).toBe(true);
    expect(mayPublishStatement({ roles: ["manager"] })).toBe(false);
    expect(mayPublishStatement({ roles: ["auditor"] })).toBe(false);
  });
});

describe("statementBlocks", () => {
  it("a long statement stays within Slack's 50 blocks and 3,000 characters a section, and says where the rest is", () => {
    const now = buildStatement({ ...full, purposes: Array.from({ length: 3000 }, (_, i) => `目的その${i}：サービスの提供に必要な範囲でのご連絡`) });
    const b = statementBlocks({ ...now, hash: statementHash(now.markdown) }, null, { lang: "ja", timeZone: "Asia/Tokyo", canPublish: true });
    expect(b.blocks.length).toBeLessThanOrEqual(50);
    for (const x of b.blocks) if (x.type === "section") expect(x.text!.text.length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(b.blocks)).toContain("/privacy statement file");
    expect(JSON.stringify(b.blocks)).toContain("長いため途中までを表示しています");
    expect(JSON.stringify(b.blocks)).toContain("statement-publish");
  });
});
