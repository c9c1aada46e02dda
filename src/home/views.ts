// The App Home tab's frame: the title, the buttons that start something (a request, an
// incident report), the features' sections in order, and at the foot the commands this
// person may use (the same lines as /privacy help). Pure builders.
import type { KnownBlock, View } from "@slack/types";
import { helpLines } from "../../commands/help.js";
import { commandMessages } from "../../commands/messages.js";
import type { Actor } from "../directory/actor.js";
import type { HomeStarter } from "../platform/home.js";
import { HOME_STARTER_VALUE } from "../platform/home.js";
import type { Lang } from "../platform/i18n.js";
import { clip } from "../platform/slack/text.js";

const TITLE = "Mamori（守り）";
/** Slack's limit for a Home tab */
export const HOME_MAX_BLOCKS = 100;

/** The Home tab of someone in the directory; `sections`: the features' blocks, in order. */
export function homeView(sections: KnownBlock[], actor: Pick<Actor, "roles" | "departmentId"> & { lang: Lang }, starters: HomeStarter[] = []): View {
  const lang = actor.lang;
  const c = commandMessages(lang);
  const buttons = starters.flatMap((st) => {
    const b = st(actor as Actor);
    return b
      ? [
          {
            type: "button",
            text: { type: "plain_text", text: clip(b.text, 75) },
            action_id: b.actionId,
            value: HOME_STARTER_VALUE,
            ...(b.style ? { style: b.style } : {}),
          },
        ]
      : [];
  });
  const head: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: TITLE } },
    { type: "context", elements: [{ type: "mrkdwn", text: c.helpIntro }] },
    ...(buttons.length ? [{ type: "actions", block_id: "home-start", elements: buttons } as KnownBlock] : []),
  ];
  const foot: KnownBlock[] = [{ type: "divider" }, { type: "context", elements: [{ type: "mrkdwn", text: clip(helpLines(actor, lang).join("\n"), 3000) }] }];
  // each section caps its own lists; should they still not fit, the last sections are cut and the foot stays
  const room = HOME_MAX_BLOCKS - head.length - foot.length;
  return { type: "home", blocks: [...head, ...sections.slice(0, room), ...foot] };
}

/** The Home tab of someone who is not in the directory: whom to ask. */
export function unknownHomeView(text: string): View {
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: TITLE } },
      { type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } },
    ],
  };
}
