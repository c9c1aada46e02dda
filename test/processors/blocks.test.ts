// The processors' Block Kit without Slack: long lists stay within Slack's 50 blocks and
// say how many are left out; buttons only for those who may record; modals in both languages.
import { describe, expect, it } from "vitest";
import { disposalListBlocks, disposalModal, inspectionModal, processorListBlocks } from "../../src/processors/blocks.js";
import { ProcessorActions } from "../../src/processors/ids.js";
import type { DisposalItem, Processor } from "../../src/processors/store.js";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const processor = (i: number, o: Partial<Processor> = {}): Processor => ({
  id: `p${i}`,
  requestId: `r${i}`,
  requestCode: `PRV-2026-${String(i).padStart(4, "0")}`,
  name: `株式会社テスト${i} <script>`,
  departmentId: "sales",
  responsibleId: "U0MANAGER",
  contractStart: d("2026-01-05"),
  contractEnd: d("2029-12-31"),
  contractEndRecordedBy: null,
  contractEndRecordedAt: null,
  inspectionMonths: 12,
  nextInspectionDue: d("2026-12-23"),
  lastInspectedOn: null,
  retentionYears: 7,
  retainUntil: d("2036-12-31"),
  disposedOn: null,
  disposalMethod: null,
  disposedBy: null,
  disposalNote: null,
  disposalRecordedBy: null,
  disposalRecordedAt: null,
  createdAt: d("2025-12-23"),
  updatedAt: d("2025-12-23"),
  ...o,
});
const item = (i: number, kind: DisposalItem["kind"]): DisposalItem => ({
  kind,
  id: `${kind}${i}`,
  requestId: `r${i}`,
  code: `PRV-2030-${String(i).padStart(4, "0")}`,
  label: `相手先${i}`,
  retainUntil: "2034-03-31",
  from: "2034-04-01",
  disposedOn: null,
  channelId: null,
  messageTs: null,
});
const linkOf = (_id: string, code: string) => `<https://slack.example/archives/C1/p1|${code}>`;

describe("the processor list", () => {
  it("shows due dates, contract and retention, escapes names, and stays within 50 blocks", () => {
    const rows = Array.from({ length: 60 }, (_, i) => processor(i + 1));
    const m = processorListBlocks(rows, { total: 75, today: "2026-12-20", lang: "ja", departments: new Map([["sales", "営業部"]]), linkOf });
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    const all = JSON.stringify(m.blocks);
    expect(all).toContain("2026年12月23日（あと3日）");
    expect(all).toContain("契約：2026年1月5日〜2029年12月31日");
    expect(all).toContain("書類の保存期限：2036年12月31日");
    expect(all).toContain("&lt;script&gt;");
    expect(all).toContain("ほか 35 件");
  });

  it("an ended contract has no next inspection; a disposed processor says how", () => {
    const m = processorListBlocks(
      [processor(1, { contractEnd: d("2026-11-30"), retainUntil: d("2033-11-30"), disposedOn: d("2033-12-05"), disposalMethod: "erase" })],
      {
        total: 1,
        today: "2034-01-10",
        lang: "en",
        departments: new Map(),
        linkOf,
      },
    );
    const all = JSON.stringify(m.blocks);
    expect(all).toContain("Next inspection: none (contract ended)");
    expect(all).toContain("Documents disposed of on 2033-12-05 (Erased with dedicated software)");
  });
});

describe("the disposal list", () => {
  it("lists both kinds with their totals, buttons only for the chief, within 50 blocks", () => {
    const data = {
      documents: Array.from({ length: 25 }, (_, i) => item(i, "processor")),
      documentsTotal: 30,
      provisions: Array.from({ length: 25 }, (_, i) => item(i, "provision")),
      provisionsTotal: 400,
    };
    const chief = disposalListBlocks(data, { today: "2034-04-10", lang: "ja", canRecord: true, linkOf });
    expect(chief.blocks.length).toBeLessThanOrEqual(50);
    const all = JSON.stringify(chief.blocks);
    expect(all).toContain("*第三者提供の記録（APPI第29条）* 400件");
    expect(all).toContain("ほか 390 件");
    expect(all).toContain(ProcessorActions.dispose);
    expect(all).toContain("保存期限 2034年3月31日（10日経過）");
    const compliance = disposalListBlocks(data, { today: "2034-04-10", lang: "ja", canRecord: false, linkOf });
    expect(JSON.stringify(compliance.blocks)).not.toContain(ProcessorActions.dispose);
    expect(
      disposalListBlocks({ documents: [], documentsTotal: 0, provisions: [], provisionsTotal: 0 }, { today: "2034-04-10", lang: "en", canRecord: true, linkOf })
        .text,
    ).toBe("Nothing awaits disposal.");
  });
});

describe("modals", () => {
  it("titles within 24 characters, today's date preset, the methods of 第31条", () => {
    for (const lang of ["ja", "en"] as const) {
      const i = inspectionModal(processor(1), lang, "2026-12-28");
      const dsp = disposalModal(item(1, "provision"), lang, "2034-04-10");
      for (const v of [i, dsp]) expect((v as { title: { text: string } }).title.text.length).toBeLessThanOrEqual(24);
      expect(JSON.stringify(i)).toContain('"initial_date":"2026-12-28"');
      expect(JSON.stringify(dsp)).toContain('"type":"users_select"');
    }
    expect(JSON.stringify(disposalModal(item(1, "processor"), "ja", "2034-04-10"))).toContain("溶解処理");
  });
});
