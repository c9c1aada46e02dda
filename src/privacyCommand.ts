// The /privacy slash command: ack at once, find the person, hand the words to the
// subcommand module (commands/<name>.ts), answer ephemerally when something is wrong.
import type { App } from "@slack/bolt";
import { commandTextProblem } from "../commands/bounds.js";
import { COMMANDS, findCommand, helpCommand } from "../commands/index.js";
import { commandMessages } from "../commands/messages.js";
import type { CommandContext } from "../commands/types.js";
import { noteUnknownUser } from "./directory/unknownUser.js";
import { DEFAULT_LANG } from "./platform/i18n.js";
import type { Services } from "./platform/services.js";
import { firstDeliveryBy } from "./platform/slack/actor.js";

export function registerPrivacyCommand(app: App, s: Services): void {
  app.command("/privacy", async ({ ack, command, client, respond }) => {
    // over a bound (length, control characters): answered in the ack, nothing recorded
    const overBound = commandTextProblem(command.text);
    if (overBound) {
      s.log.warn("a /privacy command over its bounds; answered without repeating it", { user: command.user_id, length: command.text.length });
      return void (await ack({ response_type: "ephemeral", text: overBound }));
    }
    await ack();
    const delivery = await firstDeliveryBy(s, client, `command:${command.trigger_id}`, command.user_id);
    if (!delivery.first) return;
    const answer = (message: { text: string; blocks?: unknown[] }) =>
      respond({ response_type: "ephemeral", text: message.text, ...(message.blocks ? { blocks: message.blocks as never } : {}) }).then(() => undefined);
    const { actor } = delivery;
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
  });
}
