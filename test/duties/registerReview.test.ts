// The register's annual review as a duty of the audit calendar (issue 14): its place in the
// fiscal year with its article and the company-practice label, the chief's reminder with the
// number of entries not reviewed within the year, Home and the digest saying the same, the
// list of those entries, and the refusal to record it as done while some are left (the
// owners' own weekly DMs of the register go on beside it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DoneBlocks, DutyActions, DutyViews } from "../../src/duties/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import { RegisterActions } from "../../src/register/ids.js";
import { homeShows, JAPANESE, openHome, privacy, shown } from "../support/commands.js";
import { drain, jst, runJobAt, until } from "../support/clock.js";
import { waitForDb } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";

const { employee, manager, chief, compliance, english } = ORG.people;
const COMPLIANCE = ORG.channels.compliance;
const LINK = "https://docs.example.co.jp/privacy/2026/register-review.pdf";

let h: Harness;
// Wednesday 27 January 2027: the review is due Sunday 28 February, so by Friday the 26th; 30 days before
const clock = new ManualClock(jst("2027-01-27T08:30:00"));
const db = () => h.bot.services.database.prisma;

const dutyReminders = (user: string) => h.fake.dms(user).filter((m) => m.text.includes("年間の監査・計画（規程"));
const duty = () => db().dutyOccurrence.findUniqueOrThrow({ where: { fiscalYear_kind: { fiscalYear: 2026, kind: "register-review" } } });

async function entry(code: string, ownerId: string, lastReviewedOn: string | null) {
  const now = clock.now();
  await db().registerEntry.create({
    data: {
      code,
      name: `顧客管理システム ${code}`,
      departmentId: "sales",
      ownerId,
      retention: "契約終了後5年",
      lastReviewedOn: lastReviewedOn ? new Date(`${lastReviewedOn}T00:00:00Z`) : null,
      lastReviewedBy: lastReviewedOn ? ownerId : null,
      searchText: code.toLowerCase(),
      createdAt: now,
      updatedAt: now,
    },
  });
}

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock } });
  await entry("REG-2026-0101", employee, "2026-06-01"); // reviewed within the year
  await entry("REG-2026-0102", employee, "2025-12-01"); // more than a year ago
  await entry("REG-2026-0103", manager, null); // never
});
afterAll(async () => h?.close());

describe("the register's review in the audit calendar", () => {
  it("is a duty of the fiscal year, with 第23条1項, the chief, its due date, the count left, and the company-practice label", async () => {
    const s = (await privacy(h, chief, "duties")).shown;
    expect(s).toContain("*個人データ管理台帳の見直し*（第23条1項）");
    expect(s).toContain(`個人情報管理責任者 <@${chief}>`);
    expect(s).toContain("2027/02/28（日） → 休業日のため 2027/02/26（金） まで");
    expect(s).toContain("期限まで30日");
    expect(s).toContain("台帳の3項目のうち *2件* が1年以内に見直されていません（`/privacy register review` で一覧）");
    expect(s).toContain("年1回の見直しは当社の運用です。規程第23条1項は");
    expect(s).toContain("個人データの取扱状況を確認する手段の整備");
    expect(s).toContain("register-review（register）");
    const row = await duty();
    expect(row).toMatchObject({ ownerRole: "chief", closedOn: null });
    expect(row.dueOn.toISOString().slice(0, 10)).toBe("2027-02-28");

    const en = (await privacy(h, english, "duties")).shown;
    expect(en).toContain("*Review of the register of personal data* (Art. 23(1))");
    expect(en).toContain("*2* of the register's 3 entries were not reviewed within a year");
    expect(en).toContain("Reviewing it once a year is the company's practice");
    expect(en).not.toMatch(JAPANESE);
  });

  it("its 30-day reminder reaches the chief with the number of entries not reviewed and the way to list them", async () => {
    const r = await runJobAt(h, clock, "duties.reminders", "2027-01-27T09:15:00");
    expect(r.ran).toBe(true);
    const dm = await until(
      () => dutyReminders(chief),
      (l) => l.some((m) => shown(m).includes("個人データ管理台帳の見直し")),
    );
    const text = shown(dm.find((m) => shown(m).includes("個人データ管理台帳の見直し")));
    expect(text).toContain("2026年度 個人データ管理台帳の見直し（第23条1項）");
    expect(text).toContain("あと30日");
    expect(text).toContain("台帳の3項目のうち *2件* が1年以内に見直されていません");
    expect(text).toContain("/privacy register review");
    expect(text).toContain("/privacy duties done register-review");
    expect(text).toContain("当社の運用");
    // the chief's duty only: the audit lead is not reminded of it
    expect(dutyReminders(ORG.people.auditor).some((m) => shown(m).includes("個人データ管理台帳の見直し"))).toBe(false);
  });

  it("the chief's Home and the compliance digest say it too", async () => {
    await openHome(h, chief);
    const home = await homeShows(h, chief, (s) => JSON.stringify(s).includes("個人データ管理台帳の見直し"));
    expect(JSON.stringify(home)).toContain("*2件* が1年以内に見直されていません");

    const d = (await privacy(h, compliance, "digest")).shown;
    expect(d).toContain("2026年度 個人データ管理台帳の見直し（第23条1項）");
    expect(d).toContain("（あと30日）");
    expect(d).toContain("台帳の3項目のうち *2件* が1年以内に見直されていません");
    // and the register's own line
    expect(d).toContain("1年以上見直されていない項目：2件（全3件）");
  });

  it("/privacy register review lists the entries left, longest unreviewed first", async () => {
    const s = (await privacy(h, chief, "register review")).shown;
    expect(s).toContain("個人データ管理台帳：1年以内に見直されていない項目");
    expect(s).toContain("2件");
    expect(s.indexOf("REG-2026-0103")).toBeGreaterThan(-1);
    expect(s.indexOf("REG-2026-0103")).toBeLessThan(s.indexOf("REG-2026-0102"));
    expect(s).not.toContain("REG-2026-0101");
  });
});

describe("recording the register's review as done", () => {
  it("is refused while entries are left, by the command and by the year's button, and the refusal is logged", async () => {
    const before = h.fake.openViews(chief).length;
    const r = await privacy(h, chief, "duties done register");
    expect(r.text).toContain("1年以内に見直されていない項目が2件あります");
    expect(r.text).toContain("完了にできません");
    expect(r.text).toContain("/privacy register review");
    expect(h.fake.openViews(chief)).toHaveLength(before);

    await drain(h, clock);
    const msg = h.fake.messages(COMPLIANCE).find((m) => m.text.includes("2026年度 個人情報保護 年間の監査・計画"))!;
    expect(shown(msg)).toContain("年1回の見直しは当社の運用です");
    const told = h.fake.ephemerals(chief).length;
    await h.slack.blockAction(chief, { actionId: DutyActions.close, blockId: "duty-register-review", message: { channel: msg.channel, ts: msg.ts } });
    await h.fake.waitFor(() =>
      h.fake
        .ephemerals(chief)
        .slice(told)
        .find((e) => e.text.includes("完了にできません")),
    );
    expect(h.fake.openViews(chief)).toHaveLength(before);

    const refusals = await db().auditEntry.findMany({ where: { action: "duty.refused", subject: "duty:2026:register-review" } });
    expect(refusals.map((e) => e.data)).toEqual([
      { attempted: "close", refusal: "register_unreviewed" },
      { attempted: "close", refusal: "register_unreviewed" },
    ]);
    expect((await duty()).closedOn).toBeNull();
  });

  it("the owners' weekly DMs go on; once every entry is reviewed the chief records it, checked again at the submission", async () => {
    const r = await runJobAt(h, clock, "register.review", "2027-02-01T09:30:00");
    expect(r.result).toMatchObject({ dms: 2, items: 2 });
    for (const [owner, code] of [
      [employee, "REG-2026-0102"],
      [manager, "REG-2026-0103"],
    ] as const) {
      const dm = h.fake.dms(owner).find((m) => m.text.includes("年次見直し"))!;
      expect(shown(dm)).toContain(code);
      const e = await db().registerEntry.findUniqueOrThrow({ where: { code } });
      await h.slack.blockAction(owner, { actionId: RegisterActions.reviewed, blockId: `reg-review-${e.id}`, message: { channel: dm.channel, ts: dm.ts } });
      await waitForDb(
        () => db().registerEntry.findUniqueOrThrow({ where: { code } }),
        (x) => x.lastReviewedOn?.toISOString().startsWith("2027-02-01") === true,
      );
    }
    expect((await privacy(h, chief, "duties")).shown).toContain("台帳の全3項目が1年以内に見直されています。");

    const before = new Set(h.fake.openViews(chief).map((v) => v.id));
    expect((await h.slack.command(chief, "/privacy", "duties done register")).status).toBe(200);
    const view = await h.fake.waitFor(() => h.fake.openViews(chief).find((v) => !before.has(v.id) && v.view.callback_id === DutyViews.done));
    expect(shown({ blocks: view.view.blocks })).toContain("2026年度 個人データ管理台帳の見直し（第23条1項）");

    // a holding registered while the modal was open, not yet reviewed: the submission is refused in the modal
    await entry("REG-2026-0104", manager, null);
    await h.slack.fillAndSubmit(chief, view.id, { [DoneBlocks.link]: LINK });
    const errors = Object.values(h.fake.viewErrors(view.id) ?? {}).join("\n");
    expect(errors).toContain("1年以内に見直されていない項目が1件あります");
    expect((await duty()).closedOn).toBeNull();

    // the chief reviews it (the chief may review any entry) and records the duty
    await db().registerEntry.update({ where: { code: "REG-2026-0104" }, data: { lastReviewedOn: new Date("2027-02-01T00:00:00Z"), lastReviewedBy: chief } });
    const res = await h.slack.fillAndSubmit(chief, view.id, { [DoneBlocks.link]: LINK });
    expect(res.status).toBe(200);
    const done = await waitForDb(duty, (d) => d.closedOn !== null);
    expect(done).toMatchObject({ closedBy: chief, documentUrl: LINK });
    expect(done.closedOn!.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(await db().auditEntry.count({ where: { action: "duty.closed", subject: "duty:2026:register-review" } })).toBe(1);
    // a duty done is no longer reminded, and its count is no longer shown
    const mark = dutyReminders(chief).length;
    await runJobAt(h, clock, "duties.reminders", "2027-02-19T09:15:00");
    expect(
      dutyReminders(chief)
        .slice(mark)
        .some((m) => shown(m).includes("個人データ管理台帳の見直し")),
    ).toBe(false);
  });
});
