// The public statement (保有個人データに関する事項, APPI Art.32, 施行令 第10条) end to end over
// signed HTTP: every required item from the settings and the effective requests, the
// 認定個人情報保護団体 of a member, the foreign countries; publishing by compliance or the
// chief (a version with its hash, on the audit chain, noted in the compliance channel);
// a new effective purpose makes a visible change against the published version; the file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ManualClock } from "../../src/platform/clock.js";
import { RequestActions } from "../../src/requests/ids.js";
import { StatementActions } from "../../src/statement/ids.js";
import { publishStatement } from "../../src/statement/flows.js";
import { parseSettings } from "../../src/settings.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { VALID_INPUTS } from "../support/forms.js";
import { completeMeasures, fileRequest, parentShows, press } from "../support/flow.js";
import { JAPANESE, privacy, shown } from "../support/commands.js";
import { drain, jst, pumping as pumpingOutbox } from "../support/clock.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-12-01T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;
const pumping = <T>(work: Promise<T>) => pumpingOutbox(h, clock, work);

const SETTINGS = `
company: { name: 株式会社テスト通信, accreditedBody: 一般財団法人テスト協会 }
statement:
  address: 東京都千代田区丸の内9-9-9
  representative: 代表取締役 山本 一郎
  requestDesk: 個人情報お問い合わせ窓口へ所定の書式によりご請求ください。ご本人又は代理人であることを確認します。
  requestFee: 開示の請求1件につき1,000円
  complaintsDesk: 個人情報お問い合わせ窓口（0120-000-000、平日10時から17時）
  accreditedBodyDesk: 一般財団法人テスト協会 苦情相談室
  securityMeasures: [個人情報保護方針を策定しています, 取扱規程を定め従業者を年1回教育しています]
  foreignEnvironment: { 米国: 連邦法として包括的な個人情報保護法はなく、州法（CCPA等）があります。 }
`;

async function effective(user: string, kind: "purpose" | "entrust", inputs: Record<string, string | string[]>) {
  const r = await pumping(fileRequest(h, user, kind, inputs));
  await press(h, P.manager, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "第2段階"));
  await press(h, P.chief, r.parent, RequestActions.approve);
  await pumping(parentShows(h, r.parent, "必要な措置の実施中"));
  await pumping(completeMeasures(h, P.chief, r.id));
  await pumping(parentShows(h, r.parent, "有効"));
  await drain(h, clock);
  return r;
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings(SETTINGS) });
  await effective(P.employee, "purpose", { ...VALID_INPUTS.purpose, startDate: "2027-01-04" });
  await effective(P.employee, "entrust", {
    ...VALID_INPUTS.entrust,
    destination: "equivalent",
    country: "米国",
    contractStart: "2027-01-04",
    contractEnd: "2028-03-31",
  });
}, 120_000);
afterAll(async () => h?.close());

describe("/privacy statement", () => {
  it("shows every required item, the accredited body of a member and the foreign country; anyone may read it, no button for them", async () => {
    const r = await privacy(h, P.employee, "statement");
    const t = r.shown;
    expect(t).toContain("保有個人データに関する事項");
    expect(t).toContain("まだ公開された版はありません");
    for (const s of [
      "名称：株式会社テスト通信",
      "住所：東京都千代田区丸の内9-9-9",
      "代表者：代表取締役 山本 一郎",
      "## 2. 保有個人データの利用目的",
      "- 新サービスの案内メール配信",
      "個人情報お問い合わせ窓口へ所定の書式によりご請求ください",
      "手数料（法第38条）：開示の請求1件につき1,000円",
      "- 取扱規程を定め従業者を年1回教育しています",
      "- 米国（委託先）：連邦法として包括的な個人情報保護法はなく",
      "## 5. 苦情の申出先（施行令第10条第2号）",
      "個人情報お問い合わせ窓口（0120-000-000",
      "## 6. 認定個人情報保護団体（施行令第10条第3号）",
      "名称：一般財団法人テスト協会",
      "苦情の解決の申出先：一般財団法人テスト協会 苦情相談室",
      "保存期間と廃棄の基準（当社規程第31条第5項）",
    ])
      expect(t).toContain(s);
    expect(t).not.toContain("【未設定】");
    expect(JSON.stringify(r.blocks)).not.toContain(StatementActions.publish);
    const en = await privacy(h, P.english, "statement");
    expect(en.shown).toContain("Statement on retained personal data (APPI Art.32");
    expect(en.shown).toContain("No version has been published yet");
  });

  it("compliance publishes it: version 1 with its hash, on the audit chain, noted in the compliance channel", async () => {
    const r = await privacy(h, P.compliance, "statement");
    expect(JSON.stringify(r.blocks)).toContain(StatementActions.publish);
    expect(r.shown).toContain("第1版として公開");
    const before = h.fake.ephemerals(P.compliance).length;
    await h.slack.blockAction(P.compliance, { actionId: StatementActions.publish, message: { channel: r.channel, ts: r.ts, ephemeral: true } });
    const answer = await h.fake.waitFor(() => h.fake.ephemerals(P.compliance)[before]);
    expect(shown(answer)).toContain("第1版として公開しました");
    const v1 = await db().publicStatement.findUniqueOrThrow({ where: { version: 1 } });
    expect(v1).toMatchObject({ publishedBy: P.compliance });
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.markdown).toContain("名称：株式会社テスト通信");
    expect(await db().auditEntry.findFirstOrThrow({ where: { action: "statement.published" } })).toMatchObject({
      actorId: P.compliance,
      subject: "statement:v1",
    });
    await drain(h, clock);
    expect(h.fake.messages(ORG.channels.compliance).some((m) => m.text.includes(`第1版が公開されました（${v1.hash.slice(0, 12)}`))).toBe(true);
    const again = await privacy(h, P.compliance, "statement");
    expect(again.shown).toContain("公開済みの第1版");
    expect(again.shown).toContain("から変更はありません");
    expect(JSON.stringify(again.blocks)).not.toContain(StatementActions.publish);
  });

  it("someone else cannot publish (refused and logged)", async () => {
    const v1 = await db().publicStatement.findUniqueOrThrow({ where: { version: 1 } });
    expect(await publishStatement(h.bot.services, { actorId: P.employee, hash: v1.hash })).toEqual({ ok: false, refusal: "not_allowed" });
    expect(await db().auditEntry.count({ where: { action: "statement.publish_refused", actorId: P.employee } })).toBe(1);
    expect(await publishStatement(h.bot.services, { actorId: P.compliance, hash: v1.hash })).toEqual({ ok: false, refusal: "unchanged", version: 1 });
    expect(await db().publicStatement.count()).toBe(1);
  });

  it("a new effective purpose changes it: the change against version 1 is shown, the chief publishes version 2; the old button is stale", async () => {
    const old = await privacy(h, P.chief, "statement");
    await effective(P.employee2, "purpose", { ...VALID_INPUTS.purpose, purpose: "ポイントプログラムの運営", startDate: "2027-01-04" });
    const r = await privacy(h, P.chief, "statement");
    expect(r.shown).toContain("公開済みの第1版");
    expect(r.shown).toContain("から変更があります");
    expect(r.shown).toContain("第1版からの変更");
    expect(r.shown).toContain("+ - ポイントプログラムの運営");
    expect(r.shown).toContain("第2版として公開");
    const before = h.fake.ephemerals(P.chief).length;
    await h.slack.blockAction(P.chief, { actionId: StatementActions.publish, message: { channel: r.channel, ts: r.ts, ephemeral: true } });
    expect(shown(await h.fake.waitFor(() => h.fake.ephemerals(P.chief)[before]))).toContain("第2版として公開しました");
    const v2 = await db().publicStatement.findUniqueOrThrow({ where: { version: 2 } });
    expect(v2.markdown).toContain("- ポイントプログラムの運営");
    expect(await db().auditEntry.findFirstOrThrow({ where: { subject: "statement:v2" } })).toMatchObject({ action: "statement.published", actorId: P.chief });
    // what was shown before the change publishes nothing
    expect(JSON.stringify(old.blocks)).not.toContain(StatementActions.publish); // version 1 was current then: no button
    const v1 = await db().publicStatement.findUniqueOrThrow({ where: { version: 1 } });
    expect(await publishStatement(h.bot.services, { actorId: P.chief, hash: v1.hash })).toEqual({ ok: false, refusal: "changed" });
    const unchanged = await privacy(h, P.chief, "statement");
    expect(unchanged.shown).toContain("公開済みの第2版");
  });

  it("a register entry made by hand adds its purposes (those of a purpose request are not repeated)", async () => {
    const owner = await db().person.findUniqueOrThrow({ where: { slackId: P.employee } });
    const now = h.bot.services.clock.now();
    const base = { departmentId: owner.departmentId!, ownerId: P.employee, createdAt: now, updatedAt: now };
    await db().registerEntry.create({ data: { ...base, code: "REG-2026-0901", name: "採用応募者ファイル", purposes: "採用選考および応募者への連絡" } });
    await db().registerEntry.create({
      data: { ...base, code: "REG-2026-0902", name: "ポイント会員台帳", purposes: "ポイントプログラムの運営", purposeRequests: ["PRV-2026-0002"] },
    });
    const r = await privacy(h, P.chief, "statement");
    expect(r.shown).toContain("+ - 採用選考および応募者への連絡");
    expect((r.shown.match(/- ポイントプログラムの運営/g) ?? []).length).toBe(1);
  });

  it("/privacy statement file uploads the Markdown", async () => {
    const before = h.fake.files().length;
    const r = await privacy(h, P.english, "statement file");
    expect(r.shown).toContain("The Markdown file is in your DM");
    expect(r.shown).not.toMatch(JAPANESE);
    const file = await h.fake.waitFor(() => h.fake.files()[before]);
    expect(file.name).toMatch(/^statement-[0-9a-f]{12}\.md$/);
    const text = file.bytes!.toString("utf8");
    expect(text).toContain("# 保有個人データに関する事項");
    expect(text).toContain("- ポイントプログラムの運営");
  });
});
