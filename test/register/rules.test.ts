// The register's rules without database or Slack: the form's checks, who may, what needs
// attention, the annual review, search words, CSV, and what each effective request changes.
import { describe, expect, it } from "vitest";
import { chosenEntry, entryAfterRequest, fromEntrust, fromPurpose, fromRecipient } from "../../src/register/fromRequest.js";
import {
  attentionOf,
  bandOf,
  changedFields,
  checkForm,
  csvCell,
  emptyEntry,
  mayCreateFor,
  mayEdit,
  mayExport,
  parseCountries,
  reviewDue,
  searchTextOf,
  searchWords,
  toCsv,
  widerBand,
} from "../../src/register/rules.js";

const person = (slackId: string, roles: string[] = []) => ({ slackId, roles, departmentId: "sales" });
const req = (kind: string, data: Record<string, unknown>, code = "PRV-2026-0001") => ({
  code,
  kind,
  title: "顧客向けメール配信",
  departmentId: "sales",
  requesterId: "U1",
  data,
});

describe("the form", () => {
  it("needs a name, a department and an owner; the rest may wait", () => {
    const r = checkForm({});
    expect(r).toEqual({ ok: false, problems: { name: "required", departmentId: "required", ownerId: "required" } });
    const ok = checkForm({ name: " 顧客名簿 ", departmentId: "sales", ownerId: "U1", sensitive: "no" });
    expect(ok.ok && ok.value).toMatchObject({ name: "顧客名簿", sensitive: false, peopleBand: null, retentionUntil: null, countries: [] });
  });

  it("refuses personal data itself in any text: the register names kinds of data", () => {
    const r = checkForm({ name: "名簿", departmentId: "d", ownerId: "U1", dataItems: "山田太郎様の電話 03-1234-5678", storage: "x@example.com" });
    expect(r).toMatchObject({ ok: false, problems: { dataItems: "personal_data", storage: "personal_data" } });
    expect(checkForm({ name: "名簿", departmentId: "d", ownerId: "U1", dataItems: "氏名、電話番号、メールアドレス" }).ok).toBe(true);
  });

  it("checks lengths, choices, the day and the countries", () => {
    const r = checkForm({
      name: "x".repeat(151),
      departmentId: "d",
      ownerId: "U1",
      peopleBand: "lots",
      transmissionNotice: "maybe",
      retentionUntil: "2026-02-30",
      countries: Array.from({ length: 21 }, (_, i) => `国${i}`).join(","),
    });
    expect(r).toEqual({
      ok: false,
      problems: { name: "too_long", peopleBand: "bad_choice", transmissionNotice: "bad_choice", retentionUntil: "bad_day", countries: "too_many_countries" },
    });
    expect(parseCountries("シンガポール、米国,  米国\nドイツ")).toEqual(["シンガポール", "米国", "ドイツ"]);
  });
});

describe("who may", () => {
  it("the owner or the chief (or the deputy) edits; nobody else, not even a manager", () => {
    const entry = { ownerId: "U1" };
    expect(mayEdit(person("U1"), entry)).toBe(true);
    expect(mayEdit(person("U9", ["chief"]), entry)).toBe(true);
    expect(mayEdit(person("U9", ["deputyChief"]), entry)).toBe(true);
    expect(mayEdit(person("U9", ["manager:sales"]), entry)).toBe(false);
    expect(mayEdit(person("U9", ["compliance"]), entry)).toBe(false);
  });

  it("a new entry: the chief anywhere, a manager in their departments; export: compliance, audit lead, chief", () => {
    expect(mayCreateFor(person("U9", ["chief"]), "dev")).toBe(true);
    expect(mayCreateFor(person("U9", ["manager:sales"]), "sales")).toBe(true);
    expect(mayCreateFor(person("U9", ["manager:sales"]), "dev")).toBe(false);
    expect(mayCreateFor(person("U9"), "sales")).toBe(false);
    expect(["compliance", "auditor", "chief", "manager:sales", "handler"].map((r) => mayExport(person("U", [r])))).toEqual([true, true, true, false, false]);
  });
});

describe("attention and the annual review", () => {
  const e = { ...emptyEntry("sales", "U1"), retention: "3年" };
  it("due when never reviewed, or reviewed a year or more ago", () => {
    expect(reviewDue(null, "2026-12-03")).toBe(true);
    expect(reviewDue("2025-12-04", "2026-12-03")).toBe(false);
    expect(reviewDue("2025-12-03", "2026-12-03")).toBe(true);
    // 29 February: a year later is 28 February
    expect(reviewDue("2028-02-29", "2029-02-27")).toBe(false);
    expect(reviewDue("2028-02-29", "2029-02-28")).toBe(true);
  });

  it("names what needs attention: the review, a missing retention, the telecom notice, the Art.31 confirmation", () => {
    expect(attentionOf(e, "2026-06-01", "2026-12-03", true)).toEqual([]);
    expect(attentionOf({ ...e, retention: "" }, null, "2026-12-03", true)).toEqual(["never_reviewed", "retention_missing"]);
    expect(attentionOf(e, "2025-01-01", "2026-12-03", true)).toEqual(["review_due"]);
    const tx = { ...e, externalTransmissions: "広告タグ" };
    expect(attentionOf(tx, "2026-06-01", "2026-12-03", true)).toEqual(["notice_missing"]);
    expect(attentionOf({ ...tx, transmissionNotice: "published" as const }, "2026-06-01", "2026-12-03", true)).toEqual([]);
    // not a telecom carrier: 電気通信事業法 第27条の12 does not apply
    expect(attentionOf(tx, "2026-06-01", "2026-12-03", false)).toEqual([]);
    const rel = { ...e, relatedInfoProvision: "閲覧履歴（クッキーID）" };
    expect(attentionOf(rel, "2026-06-01", "2026-12-03", false)).toEqual(["confirmation_missing"]);
    expect(attentionOf({ ...rel, relatedInfoConfirmation: "confirmed_recorded" as const }, "2026-06-01", "2026-12-03", false)).toEqual([]);
  });
});

describe("search and CSV", () => {
  it("words are normalized (case, full width), at most five; the column holds code, name, items, department", () => {
    expect(searchWords(["ＣＲＭ", "顧客", "  ", "crm"])).toEqual(["crm", "顧客"]);
    expect(searchWords(["a", "b", "c", "d", "e", "f"])).toHaveLength(5);
    expect(searchTextOf({ name: "顧客CRM", dataItems: "氏名、住所", departmentId: "sales" }, "REG-2026-0001", "営業部")).toBe(
      "reg-2026-0001 顧客crm 氏名、住所 sales 営業部",
    );
  });

  it("CSV: a BOM, CRLF, quotes where needed, and formulas defused", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["1,2", 'say "hi"'],
          ["=SUM(A1)", "-1"],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"1,2","say ""hi"""\r\n\'=SUM(A1),\'-1\r\n');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
  });
});

describe("what each effective request changes", () => {
  const purposeData = {
    purpose: "案内メールの配信",
    dataItems: "氏名、メールアドレス",
    dataSubjects: "customers",
    collection: "web_form",
    retention: "other",
    retentionDetails: "解約後2年",
    sensitive: false,
  };

  it("a purpose makes a new entry named by the request, owned by the requester", () => {
    const e = fromPurpose(req("purpose", purposeData), null);
    expect(e).toMatchObject({
      name: "顧客向けメール配信",
      ownerId: "U1",
      departmentId: "sales",
      purposes: "案内メールの配信",
      purposeRequests: ["PRV-2026-0001"],
      dataItems: "氏名、メールアドレス",
      source: "顧客",
      collectionMethod: "本人からWebフォームで直接",
      retention: "その他（解約後2年）",
    });
  });

  it("a second purpose amends: texts added once, never replaced; sensitive stays once set", () => {
    const first = fromPurpose(req("purpose", { ...purposeData, sensitive: true }), null);
    const second = fromPurpose(req("purpose", { ...purposeData, purpose: "アンケート", retention: "3y", retentionDetails: "" }, "PRV-2026-0002"), first);
    expect(second.purposes).toBe("案内メールの配信\nアンケート");
    expect(second.purposeRequests).toEqual(["PRV-2026-0001", "PRV-2026-0002"]);
    expect(second.dataItems).toBe("氏名、メールアドレス");
    expect(second.retention).toBe("その他（解約後2年）\n3年");
    expect(second.sensitive).toBe(true);
    expect(changedFields(first, second)).toEqual(["purposes", "purposeRequests", "retention"]);
  });

  it("entrustment links the processor and its country abroad; provision and joint use add recipients, once", () => {
    const base = fromPurpose(req("purpose", purposeData), null);
    const entrusted = fromEntrust(
      req("entrust", { processorName: "データ処理株式会社", headcount: 25000, destination: "equivalent", country: "米国" }, "PRV-2026-0003"),
      base,
      "p1",
    );
    expect(entrusted.processors).toEqual([{ code: "PRV-2026-0003", kind: "entrust", name: "データ処理株式会社", processorId: "p1" }]);
    expect(entrusted.countries).toEqual(["米国"]);
    expect(entrusted.peopleBand).toBe("10000_99999");
    const provided = fromRecipient(req("provide", { recipientName: "保険会社", headcount: "40", destination: "domestic" }, "PRV-2026-0004"), entrusted);
    const joint = fromRecipient(req("joint", { jointUsers: "グループ各社", destination: "designated", country: "ドイツ" }, "PRV-2026-0005"), provided);
    expect(joint.recipients.map((r) => [r.code, r.kind, r.name])).toEqual([
      ["PRV-2026-0004", "provide", "保険会社"],
      ["PRV-2026-0005", "joint", "グループ各社"],
    ]);
    expect(joint.countries).toEqual(["米国", "ドイツ"]);
    // the band never narrows
    expect(joint.peopleBand).toBe("10000_99999");
    expect(fromRecipient(req("joint", { jointUsers: "グループ各社" }, "PRV-2026-0005"), joint).recipients).toHaveLength(2);
  });

  it("a method request does not touch the register; the chosen entry is read from the form's code", () => {
    expect(entryAfterRequest(req("method", {}), null, null)).toBeNull();
    expect(chosenEntry({ registerEntry: " reg-2026-0007 " })).toBe("REG-2026-0007");
    expect(chosenEntry({ registerEntry: "PRV-2026-0001" })).toBeNull();
    expect(chosenEntry({})).toBeNull();
  });

  it("bands from head counts", () => {
    expect([0, 999, 1000, 9999, 10_000, 100_000, 1_000_000, "12", "x", -1].map(bandOf)).toEqual([
      "under_1000",
      "under_1000",
      "1000_9999",
      "1000_9999",
      "10000_99999",
      "100000_999999",
      "over_1m",
      "under_1000",
      null,
      null,
    ]);
    expect(widerBand("under_1000", null)).toBe("under_1000");
    expect(widerBand("1000_9999", "under_1000")).toBe("1000_9999");
  });
});
