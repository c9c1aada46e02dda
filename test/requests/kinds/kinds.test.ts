import { describe, expect, it } from "vitest";
import { KINDS, REQUEST_KINDS, kindOf, type FormValues, type RequestData } from "../../../src/requests/kinds/index.js";
import { kindMessages as sharedMessages } from "../../../src/requests/kinds/messages.js";
import { validateView } from "../../../src/platform/slack/fake/limits.js";
import { slackProblems, stateFor, TODAY } from "./helpers.js";

const LANGS = ["ja", "en"] as const;

describe("the registry", () => {
  it("lists the five kinds in the rule's order", () => {
    expect(REQUEST_KINDS).toEqual(["purpose", "method", "entrust", "provide", "joint"]);
    for (const k of REQUEST_KINDS) {
      expect(KINDS[k].kind).toBe(k);
      expect(kindOf(k)).toBe(KINDS[k]);
      expect(KINDS[k].article).toMatch(/^第\d+条/);
      for (const lang of LANGS) {
        expect(KINDS[k].name(lang).length).toBeGreaterThan(0);
        expect(KINDS[k].description(lang).length).toBeGreaterThan(0);
      }
    }
    expect(KINDS.purpose.name("ja")).toBe("新しい収集目的");
    expect(KINDS.purpose.name("en")).toBe("New collection purpose");
    expect(kindOf("nope")).toBeUndefined();
    expect(kindOf("toString")).toBeUndefined();
    expect(kindOf("__proto__")).toBeUndefined();
  });
});

describe("forms within Slack's limits", () => {
  it.each(REQUEST_KINDS.map((k) => [k]))("%s", (k) => {
    for (const lang of LANGS) {
      const blocks = KINDS[k].formBlocks(lang);
      expect(blocks.length).toBeGreaterThan(0);
      expect(slackProblems(blocks)).toEqual([]);
      // the fake Slack's own validator agrees, with room for the modal's intro blocks
      expect(validateView({ type: "modal", title: { type: "plain_text", text: "届出" }, submit: { type: "plain_text", text: "送信" }, blocks })).toEqual([]);
      expect(blocks.length).toBeLessThanOrEqual(90);
      // every block is an input whose block_id is a field name and whose action_id is "value"
      for (const b of blocks) {
        expect(b.type).toBe("input");
        expect((b as { block_id?: string }).block_id).toMatch(/^[a-zA-Z]+$/);
      }
    }
  });

  it("stay valid when prefilled with odd or oversized stored data", () => {
    const odd: RequestData = {};
    for (const k of REQUEST_KINDS)
      for (const b of KINDS[k].formBlocks("ja")) {
        const id = (b as { block_id: string }).block_id;
        odd[id] = "x".repeat(5000);
      }
    odd.startDate = "not a date";
    odd.headcount = { nested: true };
    odd.contractItems = ["c1", 7, null, "bogus"];
    for (const k of REQUEST_KINDS)
      for (const lang of LANGS) {
        expect(slackProblems(KINDS[k].formBlocks(lang, odd))).toEqual([]);
        expect(slackProblems(KINDS[k].formBlocks(lang, null as unknown as RequestData))).toEqual([]);
      }
  });
});

describe("odd submissions never throw", () => {
  const odd: unknown[] = [
    null,
    undefined,
    {},
    "text",
    [],
    { purpose: null, method: { value: { type: "x" } }, processorName: { other: { type: "plain_text_input", value: 5 } } },
    { dataItems: { value: { type: "plain_text_input", value: null } }, startDate: { value: { type: "datepicker", selected_date: "2026-99-99" } } },
    {
      direction: { value: { type: "radio_buttons", selected_option: { value: "sideways" } } },
      legalBasis: { value: { type: "radio_buttons", selected_option: "consent" } },
    },
    {
      contractItems: { value: { type: "checkboxes", selected_options: [{ value: "c9" }, null, 3] } },
      dueDiligence: { value: { type: "checkboxes", selected_options: "all" } },
    },
  ];
  it.each(REQUEST_KINDS.map((k) => [k]))("%s", (k) => {
    for (const values of odd)
      for (const lang of LANGS) {
        const r = KINDS[k].parse(values as FormValues, lang, TODAY);
        expect(r.ok).toBe(false);
        if (!r.ok) {
          const ids = KINDS[k].formBlocks(lang).map((b) => (b as { block_id: string }).block_id);
          for (const [id, message] of Object.entries(r.errors)) {
            expect(ids).toContain(id);
            expect(message.length).toBeGreaterThan(0);
          }
        }
      }
  });

  it("an action_id other than 'value' is still read", () => {
    const blocks = KINDS.joint.formBlocks("ja");
    const values = stateFor(blocks, { dataItems: "氏名" });
    values.dataItems = { renamed: values.dataItems!.value! };
    const r = KINDS.joint.parse(values, "ja", TODAY);
    expect(r.ok ? {} : r.errors).not.toHaveProperty("dataItems");
  });

  it("measures, titles and summaries cope with empty stored data", () => {
    for (const k of REQUEST_KINDS) {
      expect(KINDS[k].title({})).toBe(KINDS[k].title({}).slice(0, 120));
      expect(KINDS[k].measures({}).length).toBeGreaterThan(0);
      for (const lang of LANGS) for (const f of KINDS[k].summaryFields({}, lang)) expect(f.value).toBe("—");
    }
  });
});

describe("summaries and titles fit", () => {
  it("<= 10 pairs, each within 2000 characters; titles within 120", () => {
    const long: RequestData = {};
    for (const k of REQUEST_KINDS) for (const b of KINDS[k].formBlocks("ja")) long[(b as { block_id: string }).block_id] = "長".repeat(4000);
    Object.assign(long, { sensitive: true, direction: "indirect", foreign: true, legalBasis: "exception", sourceLawful: true });
    for (const k of REQUEST_KINDS) {
      expect(KINDS[k].title(long).length).toBeLessThanOrEqual(120);
      expect(KINDS[k].title({ ...long, purpose: "一行目\n二行目", method: "a\nb" })).not.toContain("\n");
      for (const lang of LANGS) {
        const fields = KINDS[k].summaryFields(long, lang);
        expect(fields.length).toBeLessThanOrEqual(10);
        for (const f of fields) expect(`*${f.label}*\n${f.value}`.length).toBeLessThanOrEqual(2000);
      }
    }
  });

  it("every measure has a stable key and a label in both languages", () => {
    const seen = new Set<string>();
    const samples = [
      {
        sensitive: true,
        direction: "indirect",
        destination: "equivalent",
        secrecy: true,
        secrecyGround: "warrant",
        minors: true,
        country: "USA",
        legalBasis: "optout",
        contractEnd: "2027-03-31",
        inspectionCycle: 12,
        collection: "face_to_face",
      },
      { destination: "other", country: "USA", legalBasis: "consent", exception: "state", collection: "web_form", direction: "direct", medium: "other" },
      { legalBasis: "exception", exception: "state", collection: "other" },
    ];
    for (const k of REQUEST_KINDS)
      for (const m of samples.flatMap((data) => KINDS[k].measures(data))) {
        expect(m.key).toMatch(/^[a-z_]+$/);
        seen.add(m.key);
        expect(m.label("ja")).toMatch(/[ぁ-んァ-ヶ一-龯]/);
        expect(m.label("en")).not.toMatch(/[ぁ-んァ-ヶ一-龯]/);
      }
    expect([...seen].sort()).toEqual(
      [
        "purpose_published",
        "purpose_stated",
        "face_to_face_notice",
        "website_rule_notice",
        "purpose_notified_after",
        "state_exception",
        "ledger_registered",
        "sensitive_consent",
        "source_statement_filed",
        "website_notice",
        "contract_signed",
        "individual_contract_signed",
        "notice_to_processor",
        "inspection_scheduled",
        "documents_retention",
        "basis_confirmed",
        "provision_record",
        "cross_border_info",
        "optout_notified",
        "secrecy_legal_review",
        "minor_guardian_consent",
        "equivalent_checks",
        "equivalent_info",
        "joint_notice_published",
        "joint_agreement",
      ].sort(),
    );
  });
});

describe("the catalogue", () => {
  /** The shared catalogue and every kind's own (its folder's messages.ts), as one tree: kind id -> its texts. */
  const kindMessages = (lang: "ja" | "en") => ({ ...sharedMessages(lang), ...Object.fromEntries(REQUEST_KINDS.map((k) => [k, KINDS[k].messages(lang)])) });

  /** Every leaf as path -> string (functions called with sample arguments). */
  function leaves(v: unknown, path = ""): Record<string, string> {
    if (typeof v === "string") return { [path]: v };
    if (typeof v === "function") return { [path]: String((v as (...a: unknown[]) => unknown)(3, 4, 5)) };
    if (typeof v === "object" && v !== null) return Object.assign({}, ...Object.entries(v).map(([k, x]) => leaves(x, path ? `${path}.${k}` : k)));
    throw new Error(`unexpected ${typeof v} at ${path}`);
  }

  it("Japanese and English have the same keys and no empty strings", () => {
    const ja = leaves(kindMessages("ja"));
    const en = leaves(kindMessages("en"));
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const [path, s] of [...Object.entries(ja), ...Object.entries(en)]) expect(s.trim().length, path).toBeGreaterThan(0);
    expect(Object.keys(ja).length).toBeGreaterThan(150);
  });

  it("the English catalogue is English and the Japanese one Japanese", () => {
    const japanese = /[ぁ-んァ-ヶ]/;
    const en = leaves(kindMessages("en"));
    // the hint on sensitive data names the Japanese term on purpose
    for (const [path, s] of Object.entries(en)) if (path !== "purpose.fields.sensitive.hint") expect(s, path).not.toMatch(japanese);
    const ja = leaves(kindMessages("ja"));
    const labels = Object.entries(ja).filter(([p]) => p.endsWith(".label"));
    for (const [path, s] of labels) expect(s, path).toMatch(/[ぁ-んァ-ヶ一-龯]/);
  });
});
