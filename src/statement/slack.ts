// Slack handlers of the statement feature: the publish button. Parse, call the flow, answer.
import { z } from "zod";
import { json, press, type HandlerDef, type PressContext } from "../platform/slack/handlers.js";
import { publishStatement } from "./flows.js";
import { StatementActions, type PublishValue } from "./ids.js";
import { statementMessages } from "./messages.js";

const publishValue = json(z.object({ h: z.string().regex(/^[0-9a-f]{64}$/) }).transform((v): PublishValue => ({ hash: v.h })));

export async function publish(c: PressContext<PublishValue>): Promise<void> {
  const m = statementMessages(c.actor.lang);
  const r = await publishStatement(c.s, { actorId: c.actor.slackId, hash: c.value.hash });
  if (r.ok) return void (await c.tell(m.published(r.version)));
  const extra = r.refusal === "incomplete" && r.missing ? `\n${r.missing.map((k) => `• ${m.missing[k]}`).join("\n")}` : "";
  await c.tell(`${m.refused[r.refusal]}${extra}`);
}

export const statementHandlers: readonly HandlerDef[] = [
  press(StatementActions.publish, { value: publishValue, patient: true, invalid: ({ lang }) => statementMessages(lang).refused.changed }, publish),
];
