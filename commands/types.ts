// The contract of a /privacy subcommand: parse the text, check who may run it, then
// open a modal or answer. Nothing else lives in a command module.
import type { KnownBlock, View } from "@slack/types";
import type { Actor } from "../src/directory/actor.js";
import type { Lang } from "../src/platform/i18n.js";
import type { Services } from "../src/platform/services.js";

export interface CommandContext {
  actor: Actor;
  /** the words after the subcommand name */
  args: string[];
  /** the whole text after "/privacy" */
  text: string;
  channelId: string;
  triggerId: string;
  services: Services;
  /** an ephemeral answer to the person who typed the command */
  respond(message: { text: string; blocks?: KnownBlock[] }): Promise<void>;
  /** opens a modal (within the 3 s life of the trigger) */
  openModal(view: View): Promise<void>;
  /** uploads a file into the DM of the person who typed the command, or into `channel` (in the thread of `threadTs` when given) */
  uploadFile(file: { filename: string; title: string; content: string; comment?: string; channel?: string; threadTs?: string }): Promise<void>;
}

export interface PrivacyCommand {
  /** the first word after /privacy */
  name: string;
  /** one line per usage, in the person's language */
  usage(lang: Lang): string[];
  run(ctx: CommandContext): Promise<void>;
}
