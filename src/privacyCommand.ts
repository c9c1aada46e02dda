// The /privacy slash command: record it, ack, find the person, hand the words to the
// subcommand module (commands/<name>.ts), answer ephemerally when something is wrong.
import type { App } from "@slack/bolt";
import { commandTextProblem } from "../commands/bounds.js";
import { COMMANDS, findCommand, helpCommand } from "../commands/index.js";
import { commandMessages } from "../commands/messages.js";
import type { CommandContext } from "../commands/types.js";
import { noteUnknownUser } from "./directory/unknownUser.js";
import { DEFAULT_LANG } from "./platform/i18n.js";
import type { Services } from "./platform/services.js";
import type { Actor } from "./directory/actor.js";
import { errorText } from "./platform/log.js";
import { actorOf } from "./platform/slack/actor.js";
import type { Inbox } from "./platform/slack/inbox.js";

export function registerPrivacyCommand(app: App, s: Services, inbox: Inbox): void {
  app.command("/privacy", async ({ ack, command, client, respond }) => {
    // over a bound (length, control characters): answered in the ack, nothing recorded
    const overBound = commandTextProblem(command.text);
    if (overBound) {
      s.log.warn("a /privacy command over its bounds; answered without repeating it", { user: command.user_id, length: command.text.length });
      return void (await ack({ response_type: "ephemeral", text: overBound }));
    }
    const answer = (message: { text: string; blocks?: unknown[] }) =>
      respond({ response_type: "ephemeral", text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) }).then(() => undefined);
    const tell = (text: string) => answer({ text }).catch((e) => s.log.warn("ephemeral failed", { error: errorText(e) }));
    // recorded with what it asks for before the ack (inbox.ts): a command is not replayed
    // after a crash (its modal's trigger_id has expired), its person is told instead
    const key = `command:${command.trigger_id}`;
    const what = `/privacy ${(command.text.trim().split(/\s+/)[0] ?? "").slice(0, 40)}`.trim();
    const recorded = await inbox.receive(
      s,
      "command",
      key,
      { userId: command.user_id, responseUrl: command.response_url, replay: false, what, body: command },
      () => ack(),
      tell,
    );
    if (!recorded) return;
    const { person } = recorded;
    await inbox.work(
      key,
      s,
      "/privacy",
      tell,
      async (ws, lang) => {
        const actor = person && (await actorOf(ws, client, person));
        lang.lang = actor?.lang;
        await run(ws, actor);
      },
      "later",
    );

    async function run(s: Services, actor: Actor | null): Promise<void> {
      if (!actor) {
        const { text } = await noteUnknownUser(s, command.user_id, DEFAULT_LANG);
        return void (await answer({ text }));
      }
      const words = command.text.trim().split(/\s+/).filter(Boolean);
      const cmd = words.length === 0 ? helpCommand : findCommand(words[0]);
      if (!cmd) {
        const m = commandMessages(actor.lang);
        return void (await answer({ text: `${m.unknownCommand(words[0]!)}\n\n${COMMANDS.flatMap((c) => c.usage(actor.lang)).join("\n")}` }));
      }
      const ctx: CommandContext = {
        actor,
        args: words.slice(1),
        text: command.text,
        channelId: command.channel_id,
        triggerId: command.trigger_id,
        services: s,
        respond: answer,
        async openModal(view) {
          await client.views.open({ trigger_id: command.trigger_id, view });
        },
        async uploadFile(file) {
          const channel = file.channel ?? (await client.conversations.open({ users: actor.slackId })).channel!.id!;
          const upload = { filename: file.filename, title: file.title, content: file.content, ...(file.comment ? { initial_comment: file.comment } : {}) };
          // a reply in a thread (thread_ts goes with channel_id), or a plain post
          await client.files.uploadV2(
            file.channel && file.threadTs ? { ...upload, channel_id: channel, thread_ts: file.threadTs } : { ...upload, channel_id: channel },
          );
        },
      };
      try {
        await cmd.run(ctx);
      } catch (e) {
        s.log.error("command failed", { command: cmd.name, error: String((e as Error).stack ?? e) });
        await answer({ text: commandMessages(actor.lang).error }).catch(() => undefined);
      }
    }
  });
}
