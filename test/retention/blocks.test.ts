// The retention feature's Block Kit, pure: the reminder DM in both languages (a button
// under each item, the snooze menu, Slack's limits), the disposal modal's methods.
import { describe, expect, it } from "vitest";
import { disposalModal, reminderBlocks, type ItemView } from "../../src/retention/blocks.js";
import { RetentionActions } from "../../src/retention/ids.js";
import { JAPANESE, shown } from "../support/commands.js";

const items: ItemView[] = [
  {
    subjectKind: "purpose",
    subjectRef: "PRV-2027-0001",
    label: "新サービスの案内",
    endDay: new Date("2027-03-31T00:00:00Z"),
    basis: "explicit",
    ownerId: "U1",
  },
  {
    subjectKind: "processor_return",
    subjectRef: "PRV-2027-0002",
    label: "Data Center Inc.",
    endDay: new Date("2027-03-31T00:00:00Z"),
    basis: "contract_end",
    ownerId: "U1",
  },
];
const link = (i: ItemView) => i.subjectRef;

describe("reminderBlocks", () => {
  it("in English: no Japanese of its own, a button under each item, the snooze menu", () => {
    const dm = reminderBlocks(items, "2027-04-05", "en", link);
    const text = shown(dm as { text: string; blocks: unknown[] });
    expect(text).toContain("Personal information past its retention");
    expect(text).toContain("Kept until 2027-03-31 (5 days ago)");
    expect(text).toContain("Processor contracts ended: return or erasure");
    // the labels are the requests' own text; everything else is English
    expect(text.replace("新サービスの案内", "")).not.toMatch(JAPANESE);
    const json = JSON.stringify(dm.blocks);
    expect(json.match(new RegExp(RetentionActions.dispose, "g"))).toHaveLength(2);
    expect(json).toContain("reminder-item-menu");
    expect(dm.blocks.length).toBeLessThanOrEqual(50);
  });
  it("in Japanese, with the basis of the end day", () => {
    const text = shown(reminderBlocks([{ ...items[0]!, basis: "from_start" }], "2027-04-05", "ja", link) as { text: string; blocks: unknown[] });
    expect(text).toContain("保存期限：2027年3月31日（5日経過）・収集開始日から起算（起算日は届出に書かれていないため要確認）");
  });
});

describe("disposalModal", () => {
  it("offers the methods of 第31条 and the return, and asks for evidence", () => {
    const v = disposalModal(items[1]!, "ja", "2027-04-05");
    const text = shown({ blocks: v.blocks });
    for (const m of ["消去", "溶解", "破砕・シュレッダー", "記憶媒体の物理的破壊", "返却", "その他"]) expect(text).toContain(m);
    expect(text).toContain("証跡のリンク");
    expect(text).toContain("預託先からの返却・消去");
  });
});
