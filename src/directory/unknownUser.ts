// A Slack user who is not in the directory used the bot: tell them whom to ask, and
// tell the admins once (the first time this user is seen), by DM through the outbox.
import type { Lang } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { directMessage } from "../platform/slack/calls.js";
import { directoryMessages } from "./messages.js";
import { admins, langOfPerson } from "./store.js";
import { transact } from "../platform/db.js";

export async function noteUnknownUser(s: Services, slackId: string, lang: Lang): Promise<{ text: string }> {
  const m = directoryMessages(lang).unknownUser;
  const list = await admins(s.database.prisma);
  if (list.length === 0) {
    // Nobody to tell: do not record the user, so the admins hear of them once there are some.
    return { text: m.textNoAdmins };
  }
  const text = m.text(list.map((a) => `<@${a.slackId}>`));
  const told = await transact(s.database.prisma, async (tx) => {
    // ON CONFLICT DO NOTHING: of concurrent first sightings exactly one inserts the row and sends the DMs.
    const inserted = await tx.unknownUser.createMany({ data: [{ slackId, firstSeenAt: s.clock.now() }], skipDuplicates: true });
    if (inserted.count !== 1) return false;
    await s.outbox.enqueue(
      tx,
      list.map((a) => {
        const dm = directoryMessages(langOfPerson(a)).unknownUser.adminDm(slackId);
        return directMessage(a.slackId, { text: dm, blocks: [{ type: "section", text: { type: "mrkdwn", text: dm } }] });
      }),
    );
    return true;
  });
  if (told) s.outbox.kick();
  return { text };
}
