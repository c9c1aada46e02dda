// How a press on the App Home tab is answered. Slack gives such a press no response_url
// and no channel, so the ephemeral answer a press in a message gets (handlers.ts `tellBy`)
// has nowhere to go, and a refusal (not allowed, already done, stale, not valid) would
// show nothing: the person would press again and wonder. What a well-made app does there,
// and what Slack's own guidance for Home suggests, is to answer in a small modal opened
// with the press's trigger_id: it appears where the person is looking, says why nothing
// happened, and closes with one click, leaving nothing behind in their DMs. A trigger_id
// lives 3 s and opens one view: when it is spent or expired (a patient press that waited
// its turn, a second answer to the same press) the answer goes by DM instead, so it is
// never lost. Either way the person's Home is refreshed, so a stale item (done by someone
// else meanwhile) disappears and the tab shows what is true now.
import type { BlockAction } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import { langOf } from "../../directory/store.js";
import { catalogue, type Lang } from "../i18n.js";
import { errorText } from "../log.js";
import type { Services } from "../services.js";
import { homeRefresh } from "./calls.js";
import { clip, modalView } from "./text.js";

/** The notice modal's callback id (it has no submit button: nothing comes back). */
export const HOME_NOTICE_VIEW = "home-notice";

export const homeTellMessages = catalogue({ title: "お知らせ", close: "閉じる" }, { title: "Notice", close: "Close" });

/** Whether the press happened on the App Home tab. */
export function fromHome(body: Pick<BlockAction, "container" | "view">): boolean {
  const c = body.container as { type?: string } | undefined;
  return c?.type === "view" && (body.view as { type?: string } | undefined)?.type === "home";
}

/** The small modal that carries an answer to a press on Home. Pure. */
export function homeNoticeModal(text: string, lang: Lang) {
  const m = homeTellMessages(lang);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } }];
  return modalView({ callbackId: HOME_NOTICE_VIEW, title: m.title, close: m.close, blocks });
}

/** Tells the person who pressed on Home: a modal (trigger_id), else a DM; then their Home is refreshed. */
export function homeTell(s: Services, client: WebClient, body: BlockAction): (text: string) => Promise<void> {
  const user = body.user.id;
  return async (text) => {
    const lang = await langOf(s.database.prisma, user);
    try {
      await client.views.open({ trigger_id: body.trigger_id, view: homeNoticeModal(text, lang) });
    } catch (e) {
      s.log.info("a Home answer could not open a modal; sent by DM", { user, error: errorText(e) });
      await client.chat.postMessage({ channel: user, text }).catch((err) => s.log.warn("telling the person failed", { error: errorText(err) }));
    }
    await s.database.prisma.$transaction((tx) => s.outbox.enqueue(tx, homeRefresh(user)));
    s.outbox.kick();
  };
}
