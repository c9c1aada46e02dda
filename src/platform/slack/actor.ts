// Who is pressing or typing: the person in the directory, with their language.
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../../commands/types.js";
import { langOfPerson } from "../../directory/store.js";
import type { Lang } from "../i18n.js";
import type { Services } from "../services.js";

const LOCALE_TTL_MS = 7 * 24 * 3600 * 1000;

/** The person in the directory, or null. Reads the Slack locale (users.info) at most once a week. */
export async function resolveActor(s: Services, client: WebClient, userId: string): Promise<Actor | null> {
  const p = await s.database.prisma.person.findUnique({ where: { slackId: userId } });
  if (!p) return null;
  let slackLocale = p.slackLocale;
  if (!p.lang && (!p.localeCheckedAt || s.clock.now().getTime() - p.localeCheckedAt.getTime() > LOCALE_TTL_MS)) {
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      slackLocale = (info.user as { locale?: string } | undefined)?.locale ?? null;
    } catch (e) {
      s.log.warn("users.info failed; using the default language", { user: userId, error: String((e as Error).message) });
    }
    await s.database.prisma.person.update({ where: { slackId: userId }, data: { slackLocale, localeCheckedAt: s.clock.now() } });
  }
  const lang: Lang = langOfPerson({ lang: p.lang, slackLocale });
  return { slackId: p.slackId, name: p.name, departmentId: p.departmentId, roles: p.roles, lang };
}

/** Records a delivery; false when it was seen already (a Slack retry or a duplicate). */
export async function firstDelivery(s: Services, key: string): Promise<boolean> {
  const r = await s.database.prisma.slackDelivery.createMany({ data: [{ key, receivedAt: s.clock.now() }], skipDuplicates: true });
  return r.count === 1;
}

/**
 * The delivery key of a block action: the same for Slack's retries of one press,
 * different for two presses (even two in the same microsecond on different messages).
 */
export function actionDeliveryKey(body: {
  user: { id: string };
  actions: { action_ts?: string; action_id: string; block_id?: string; value?: string; selected_option?: { value?: string } | null }[];
  container?: { message_ts?: string; view_id?: string };
}): string {
  const a = body.actions[0]!;
  const where = body.container?.message_ts ?? body.container?.view_id ?? "";
  // not the value: a retry carries the same press, and the message may have been edited since
  return `action:${body.user.id}:${a.action_ts ?? ""}:${a.action_id}:${a.block_id ?? ""}:${where}`;
}
