// The words of issue 16, each asserted on what the person sees (modals, messages, ephemeral
// answers) over signed HTTP.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerBlocks, ComplaintBlocks, DsrActions, DsrViews, IdentityBlocks, LogBlocks, WithdrawBlocks } from "../../src/dsr/ids.js";
import { AssessBlocks, IncidentActions, IncidentViews, ReportBlocks } from "../../src/incidents/ids.js";
import { ManualClock } from "../../src/platform/clock.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { RequestActions, ReasonBlock, RequestViews } from "../../src/requests/ids.js";
import { parseSettings } from "../../src/settings.js";
import { jst, newView, pumping } from "../support/clock.js";
import { privacy, shown } from "../support/commands.js";
import { decideWithReason, fileRequest, press } from "../support/flow.js";
import { startHarness, type Harness } from "../support/harness.js";
import { ORG } from "../support/org.js";
import { logCase, threadHas } from "../dsr/helpers.js";

const P = ORG.people;
const clock = new ManualClock(jst("2026-11-24T10:00:00"));
let h: Harness;
const db = () => h.bot.services.database.prisma;

beforeAll(async () => {
  h = await startHarness({ clock, fake: { clock }, settings: parseSettings("company: { telecomCarrier: false }\n") });
});
afterAll(async () => h?.close());

type Input = { type: string; block_id?: string; optional?: boolean; label?: { text: string }; hint?: { text: string } };
const inputOf = (view: { view: { blocks: unknown[] } }, block: string) => (view.view.blocks as Input[]).find((b) => b.block_id === block)!;
const pressFor = (user: string, on: FakeMessage, actionId: string, callbackId: string, blockId?: string) =>
  newView(h, user, callbackId, () => h.slack.blockAction(user, { actionId, ...(blockId ? { blockId } : {}), message: { channel: on.channel, ts: on.ts } }));

describe("optional fields say so once (Slack adds its own 「(任意)」)", () => {
  it("the subject-request, withdrawal, complaint and incident forms carry no （任意） of their own", async () => {
    const log = await newView(h, P.employee, DsrViews.log, () => h.slack.command(P.employee, "/privacy", "dsr"));
    expect(inputOf(log, LogBlocks.scope)).toMatchObject({ optional: true, label: { text: "請求の内容（個人情報を含めない）" } });
    const complaint = await newView(h, P.employee, DsrViews.complaint, () => h.slack.command(P.employee, "/privacy", "complaint"));
    expect(inputOf(complaint, ComplaintBlocks.link)).toMatchObject({ optional: true, label: { text: "関連する事故・請求の番号（INC-… または DSR-…）" } });
    const incident = await newView(h, P.employee2, IncidentViews.report, () => h.slack.command(P.employee2, "/privacy", "incident"));
    expect(inputOf(incident, ReportBlocks.contact)).toMatchObject({ optional: true, label: { text: "連絡先" } });
    const a = await logCase(h, clock, P.employee);
    const withdraw = await pressFor(P.employee, a.parent, DsrActions.withdraw, DsrViews.withdraw);
    expect(inputOf(withdraw, WithdrawBlocks.note)).toMatchObject({ optional: true, label: { text: "取り下げの経緯" } });
    for (const v of [log, complaint, incident, withdraw])
      for (const b of v.view.blocks as Input[]) if (b.type === "input") expect(b.label!.text).not.toMatch(/（任意|\(optional/);
  });

  it("a complaint asks for the day the complaint or inquiry was received, not a 「請求」", async () => {
    const complaint = await newView(h, P.employee, DsrViews.complaint, () => h.slack.command(P.employee, "/privacy", "complaint"));
    expect(inputOf(complaint, ComplaintBlocks.receivedOn).label!.text).toBe("受付日（苦情・相談を受けた日）");
    expect(inputOf(complaint, ComplaintBlocks.receivedOn).label!.text).not.toContain("請求");
  });
});

describe("identity documents", () => {
  it("offer the 資格確認書 and the マイナ保険証, not the 健康保険証 no longer issued", async () => {
    const a = await logCase(h, clock, P.employee);
    const view = await pressFor(P.employee, a.parent, DsrActions.identity, DsrViews.identity);
    const text = shown({ blocks: view.view.blocks });
    expect(text).toContain("資格確認書（従来の健康保険証は有効期限まで）");
    expect(text).toContain("個人番号カード（マイナ保険証を含む。番号は記録しない）");
    expect(text).toContain("被保険者等記号・番号");
    const options = JSON.stringify(inputOf(view, IdentityBlocks.document));
    expect(options).not.toMatch(/"text":"健康保険証"/);
  });
});

describe("a refusal of a subject request is 不実施 throughout", () => {
  it("the approval request's button says 「不実施を承認」, as the status says 不実施の承認待ち", async () => {
    const a = await logCase(h, clock, P.employee, { [LogBlocks.kind]: "stop_use" });
    const id = await pressFor(P.employee, a.parent, DsrActions.identity, DsrViews.identity);
    await h.slack.fillAndSubmit(P.employee, id.id, { [IdentityBlocks.document]: "license", [IdentityBlocks.checkedOn]: "2026-11-24" });
    const parent = await pumping(
      h,
      clock,
      h.fake.waitFor(() =>
        JSON.stringify(h.fake.message(a.parent.channel, a.parent.ts)?.blocks).includes(DsrActions.answer)
          ? h.fake.message(a.parent.channel, a.parent.ts)
          : undefined,
      ),
    );
    const answer = await pressFor(P.employee, parent!, DsrActions.answer, DsrViews.answer);
    await h.slack.fillAndSubmit(P.employee, answer.id, {
      [AnswerBlocks.outcome]: "not_done",
      [AnswerBlocks.basis]: "none",
      [AnswerBlocks.grounds]: ["r19_legal_duty"],
      [AnswerBlocks.reason]: "法令上の保存義務があるため消去できません",
    });
    expect(h.fake.viewErrors(answer.id) ?? {}).toEqual({});
    const req = await threadHas(h, clock, a.parent, "承認依頼");
    expect(JSON.stringify(req.blocks)).toContain('"text":"不実施を承認"');
    const post = await pumping(
      h,
      clock,
      h.fake.waitFor(() => (shown(h.fake.message(a.parent.channel, a.parent.ts)).includes("不実施の承認待ち") ? true : undefined)),
    );
    expect(post).toBe(true);
    expect(shown(req)).not.toContain("拒否");
  });
});

describe("requests", () => {
  it("the reject modal says a rejection is final and points to sending back instead", async () => {
    const { parent } = await fileRequest(h, P.employee, "purpose");
    await press(h, P.manager, parent, RequestActions.reject);
    const view = await h.fake.waitFor(() => h.fake.openViews(P.manager).find((v) => v.view.callback_id === RequestViews.reason));
    const hint = inputOf(view, ReasonBlock.block).hint!.text;
    expect(hint).toContain("修正して再提出することはできません");
    expect(hint).toContain("「差し戻し」");
    expect(hint).not.toContain("何を直せば");
    // sending back still asks what to change
    const changes = await decideWithReason(h, P.manager2, parent, RequestActions.requestChanges, "保存期間を書いてください");
    expect(inputOf(changes.view, ReasonBlock.block).hint!.text).toContain("何を直せばよいか");
  });

  it("a button left on a withdrawn request says it was withdrawn, not that it cannot be decided", async () => {
    const { parent, code, id } = await fileRequest(h, P.employee, "method");
    await decideWithReason(h, P.manager, parent, RequestActions.requestChanges, "収集元を書いてください");
    const dm = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.dms(P.employee).find((m) => m.text.includes(code) && JSON.stringify(m.blocks ?? []).includes(RequestActions.revise))),
    );
    // the DM as the requester's screen still shows it (its edit, issue 16, has not reached them yet)
    const asShown = JSON.parse(JSON.stringify(dm.blocks)) as unknown[];
    await press(h, P.employee, parent, RequestActions.withdraw);
    for (let i = 0; i < 100 && (await db().request.findUniqueOrThrow({ where: { id } })).status !== "withdrawn"; i++)
      await new Promise((r) => setTimeout(r, 50));
    await h.slack.blockAction(P.employee, { actionId: RequestActions.revise, message: { channel: dm.channel, ts: dm.ts, blocks: asShown } });
    const e = await h.fake.waitFor(() => h.fake.ephemerals(P.employee).find((x) => x.text.includes("取り下げた")));
    expect(e.text).toBe("この届出は届出者が取り下げたため、終了しています。このボタンで行う操作はありません。");
    expect(e.text).not.toContain("判断");
  });
});

describe("incidents", () => {
  it("the report names the partners' rule it cites (no unexplained 「外部規程」)", async () => {
    const view = await newView(h, P.employee2, IncidentViews.report, () => h.slack.command(P.employee2, "/privacy", "incident"));
    const text = shown({ blocks: view.view.blocks });
    expect(text).toContain("ビジネスパートナー規約別紙「お客様情報の保護に関する細則」第9条");
    expect(text).not.toContain("外部規程");
  });

  it("the reassessment reason is required, and labelled so (no 「(任意)」 from Slack)", async () => {
    const view = await newView(h, P.employee2, IncidentViews.report, () => h.slack.command(P.employee2, "/privacy", "incident"));
    await h.slack.fillAndSubmit(P.employee2, view.id, {
      [ReportBlocks.summary]: "顧客リストを誤って社外に送信した",
      [ReportBlocks.discoveredOn]: "2026-11-24",
      [ReportBlocks.discoveredTime]: "09:00",
      [ReportBlocks.data]: "顧客の氏名・メールアドレス",
      [ReportBlocks.affected]: "100-1000",
      [ReportBlocks.ongoing]: "no",
      [ReportBlocks.processor]: "no",
    });
    const i = await db().incident.findFirstOrThrow({ where: { reporterId: P.employee2 } });
    const parent = await pumping(
      h,
      clock,
      h.fake.waitFor(() => h.fake.messages(ORG.channels.incidents).find((m) => shown(m).includes(i.code))),
    );
    const assess = async () => {
      const p = h.fake.message(parent.channel, parent.ts)!;
      const block = (p.blocks ?? []).find((b) => b.type === "actions" && JSON.stringify(b).includes(IncidentActions.assess));
      return pressFor(P.chief, p, IncidentActions.assess, IncidentViews.assess, block?.block_id as string);
    };
    const first = await assess();
    expect(inputOf(first, AssessBlocks.reason)).toBeUndefined();
    await h.slack.fillAndSubmit(P.chief, first.id, {
      [AssessBlocks.encrypted]: "no",
      [AssessBlocks.categories]: ["sensitive"],
      [AssessBlocks.affectedCount]: "300",
      [AssessBlocks.processor]: "no",
      [AssessBlocks.dataItems]: "氏名、メールアドレス",
      [AssessBlocks.cause]: "宛先の選択誤り",
    });
    await pumping(
      h,
      clock,
      h.fake.waitFor(() => (JSON.stringify(h.fake.message(parent.channel, parent.ts)?.blocks).includes("再評価") ? true : undefined)),
    );
    const again = await assess();
    const reason = inputOf(again, AssessBlocks.reason);
    expect(reason.optional).toBe(false);
    expect(reason.label!.text).toBe("評価を変更する理由");
    expect(reason.hint!.text).toBe("評価を変更する理由はタイムラインに記録されます。");
  });

  it("the deputy is 個人情報管理責任者代理, as everywhere else (never 「副責任者」)", async () => {
    const e = await privacy(h, P.employee2, "training status");
    expect(e.shown).toContain("個人情報管理責任者（代理を含む）");
    expect(e.shown).not.toContain("副責任者");
    // nor in any feature's texts (the provision records, retention and the public statement said it)
    const catalogues = fs
      .readdirSync(path.resolve(import.meta.dirname, "../../src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith("messages.ts"));
    expect(catalogues.length).toBeGreaterThan(20);
    const saying = catalogues.filter((f) => fs.readFileSync(path.resolve(import.meta.dirname, "../../src", f), "utf8").includes("副責任者"));
    expect(saying).toEqual([]);
    expect(await privacy(h, P.employee2, "statement")).not.toMatchObject({ shown: expect.stringContaining("副責任者") });
  });
});
