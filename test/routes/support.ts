// The organisation and settings of the route tests: the usual org plus the people the
// consultation rules name (legal, information security, telecom compliance).
import { expect } from "vitest";
import { parseSettings } from "../../src/settings.js";
import type { FakeMessage } from "../../src/platform/slack/fake/index.js";
import { RequestActions } from "../../src/requests/ids.js";
import { ConsultActions, ConsultViews } from "../../src/routes/consultation/ids.js";
import { fileRequest, parentShows, press } from "../support/flow.js";
import { VALID_INPUTS } from "../support/forms.js";
import { manifestScopes, startHarness, type Harness } from "../support/harness.js";
import { ORG, ORG_YAML } from "../support/org.js";

export const CONSULTANTS = {
  legal: "U0LEGAL", // 法務担当
  legal2: "U0LEGAL2", // 法務担当 (a second holder of the role)
  security: "U0SECURITY", // 情報セキュリティ担当
  telecom: "U0TELECOM", // 電気通信事業法・通信の秘密の担当
};

export const ROUTES_ORG_YAML = `${ORG_YAML.trimEnd()}
  - { slackId: U0LEGAL, name: 法務 一, department: legal, roles: [legal] }
  - { slackId: U0LEGAL2, name: 法務 二, department: legal, roles: [legal] }
  - { slackId: U0SECURITY, name: 情報 守, department: dev, roles: [infosec] }
  - { slackId: U0TELECOM, name: 通信 秘, department: legal, roles: [telecom] }
`;

/** One rule per condition, and both modes. */
export const ROUTES_SETTINGS = parseSettings(`
routes:
  consultation:
    rules:
      - { id: sensitive, when: sensitive, consult: [legal, infosec], mode: all }
      - { id: abroad, when: abroad, consult: [legal], mode: any }
      - { id: big, when: headcount, over: 1000, consult: [infosec] }
      - { id: secrecy, when: secrecy, consult: [telecom] }
      - { id: joint, when: kind, kinds: [joint], consult: [U0LEGAL2] }
`);

export async function startRoutesHarness(): Promise<Harness> {
  const ids = [...Object.values(ORG.people), ...Object.values(CONSULTANTS)];
  const users = ids.map((id) => ({ id, locale: id === ORG.people.english ? "en-US" : "ja-JP" }));
  return startHarness({ orgYaml: ROUTES_ORG_YAML, settings: ROUTES_SETTINGS, fake: { scopes: manifestScopes(), users } });
}

/** The consultation status block in the request's thread (edited in place). */
export function statusBlock(h: Harness, parent: FakeMessage): FakeMessage | undefined {
  return h.fake.thread(parent.channel, parent.ts).find((m) => m.text.startsWith("合議の状況"));
}

export async function statusShows(h: Harness, parent: FakeMessage, text: string): Promise<FakeMessage> {
  return h.fake.waitFor(() => {
    const m = statusBlock(h, parent);
    return m && JSON.stringify(m.blocks).includes(text) ? m : undefined;
  });
}

/** The consultant's DM about the request, with its 合議 buttons. */
export async function consultDm(h: Harness, user: string, code: string): Promise<FakeMessage> {
  return h.fake.waitFor(() => h.fake.dms(user).find((m) => m.text.includes(code) && JSON.stringify(m.blocks).includes(ConsultActions.approve)));
}

export async function consultApprove(h: Harness, user: string, msg: FakeMessage) {
  const r = await h.slack.blockAction(user, { actionId: ConsultActions.approve, message: { channel: msg.channel, ts: msg.ts } });
  expect(r.status).toBe(200);
}

/** Presses 合議：異議 and submits the reason modal. */
export async function consultObject(h: Harness, user: string, msg: FakeMessage, reason: string) {
  const before = new Set(h.fake.openViews(user).map((v) => v.id));
  await h.slack.blockAction(user, { actionId: ConsultActions.object, message: { channel: msg.channel, ts: msg.ts } });
  const view = await h.fake.waitFor(() => h.fake.openViews(user).find((v) => !before.has(v.id) && v.view.callback_id === ConsultViews.object));
  return { view, res: await h.slack.fillAndSubmit(user, view.id, { "consult-reason": reason }) };
}

/** Inputs that call for a consultation by the default rules: sensitive data, abroad, secrecy of communications. */
export const SENSITIVE = { ...VALID_INPUTS.purpose, sensitive: "yes", sensitiveConsent: "申込フォームで明示の同意を得る" };
export const ABROAD = { ...VALID_INPUTS.entrust, destination: "designated", country: "ドイツ", headcount: "40" };
export const SECRECY = { ...VALID_INPUTS.provide, secrecy: "yes", secrecyGround: "parties_consent" };

/** Files a request as the employee and has the manager approve stage 1. */
export async function toStage2(h: Harness, kind: Parameters<typeof fileRequest>[2], inputs?: Parameters<typeof fileRequest>[3]) {
  const filed = await fileRequest(h, ORG.people.employee, kind, inputs);
  await press(h, ORG.people.manager, filed.parent, RequestActions.approve);
  await parentShows(h, filed.parent, "第2段階");
  return filed;
}
