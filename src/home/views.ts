// The App Home tab's frame: the title and what the bot is for, the features' sections in
// order, and the commands at the foot. Pure builders.
import type { KnownBlock, View } from "@slack/types";
import { commandMessages } from "../../commands/messages.js";
import type { Lang } from "../platform/i18n.js";
import { clip } from "../platform/slack/text.js";

const TITLE = "Mamori（守り）";

/** The Home tab of someone in the directory; `sections`: the features' blocks, in order. Slack's limit: 100 blocks. */
export function homeView(sections: KnownBlock[], lang: Lang): View {
  const c = commandMessages(lang);
  return {
    type: "home",
    blocks: [
      { type: "header", text: { type: "plain_text", text: TITLE } },
      { type: "context", elements: [{ type: "mrkdwn", text: c.helpIntro }] },
      ...sections,
      { type: "divider" },
      { type: "context", elements: [{ type: "mrkdwn", text: clip(Object.values(c.usage).flat().join("\n"), 3000) }] },
    ].slice(0, 100) as KnownBlock[],
  };
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
