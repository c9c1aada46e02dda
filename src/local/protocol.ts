// What the local Slack's page and its server say to each other (JSON over /local/api/*).
// The page never talks to the bot: the server turns each action into the signed request
// Slack would send (SlackRequestSender) and the bot answers through the fake Web API.
import type { Block, FakeEphemeral, FakeMessage, StoredView } from "../platform/slack/fake/server.js";
import type { SimpleInputs } from "../platform/slack/fake/sender.js";

export type { Block, FakeEphemeral, FakeMessage, StoredView, SimpleInputs };

export interface Persona {
  id: string;
  name: string;
  department: string;
  /** Japanese role names, e.g. 個人情報管理者 */
  roles: string[];
  /** the language the page speaks to this persona (their /privacy lang, else their Slack locale) */
  lang: "ja" | "en";
  /** the persona's Slack locale (dates and times as Slack shows them), e.g. ja-JP, en-US */
  locale: string;
}

export interface ChannelInfo {
  id: string;
  /** e.g. "privacy-approvals"; shown with a leading # */
  name: string;
  /** "channel", or "dm" for the persona's DM with the bot */
  kind: "channel" | "dm";
  /** a private channel (🔒): only its members see it and what is posted there */
  private?: boolean;
  /** the members of a private channel (Slack ids) */
  members?: string[];
}

/** A global shortcut of the app (the manifest's features.shortcuts), in the ⚡ menu. */
export interface ShortcutInfo {
  callbackId: string;
  name: string;
  description: string;
}

/** GET /local/api/workspace */
export interface Workspace {
  team: string;
  bot: { id: string; name: string };
  personas: Persona[];
  /** every member's display name by Slack id (for <@U…> mentions and users selects) */
  userNames: Record<string, string>;
  channels: ChannelInfo[];
  commands: { command: string; description: string; usageHint: string }[];
  /** the app's global shortcuts (the ⚡ menu beside the composer) */
  shortcuts: ShortcutInfo[];
}

/** POST /local/api/shortcut: the person picked a global shortcut from the ⚡ menu. */
export interface ShortcutBody {
  as: string;
  callbackId: string;
}

/**
 * GET /local/api/state?as=U…&channel=C…[&thread=ts]
 * Everything the persona sees right now: the channel's top-level messages, the open
 * thread's replies, the ephemerals meant for them in that channel, their modal stack
 * (bottom first) and their Home tab.
 */
export interface PersonaState {
  as: string;
  channel: string;
  messages: FakeMessage[];
  thread?: { parent: FakeMessage; replies: FakeMessage[] };
  ephemerals: FakeEphemeral[];
  modals: StoredView[];
  home: StoredView | null;
  /** the persona's DM channel with the bot */
  dmChannel: string;
  /** the channel is private and the persona is not a member: nothing of it is shown */
  denied?: boolean;
}

/** POST /local/api/command: what the person typed in the composer, e.g. "/privacy request provide". */
export interface CommandBody {
  as: string;
  channel: string;
  text: string;
}

/** POST /local/api/message: a plain message (or thread reply) typed by the person. */
export interface MessageBody {
  as: string;
  channel: string;
  text: string;
  threadTs?: string;
}

/** POST /local/api/action: a button, select, date picker… used in a message, a modal or the Home tab. */
export interface ActionBody {
  as: string;
  actionId: string;
  blockId?: string;
  /** the element was in a message (or an ephemeral) */
  message?: { channel: string; ts: string; ephemeral?: boolean };
  /** the element was in a modal or the Home tab */
  viewId?: string;
  value?: string;
  selectedOption?: string;
  selectedOptions?: string[];
  selectedDate?: string;
  selectedUser?: string;
  /** in a modal: what is typed in its inputs so far (sent as view.state.values) */
  inputs?: SimpleInputs;
}

/** POST /local/api/submit */
export interface SubmitBody {
  as: string;
  viewId: string;
  inputs: SimpleInputs;
}

/** POST /local/api/upload: a file picked in a modal's file input (the fake keeps it; its id goes in the submission) */
export interface UploadBody {
  as: string;
  name: string;
  /** the file's bytes, base64 (at most 10 MB, Slack's file input limit) */
  base64: string;
}

/** POST /local/api/close (the modal's Cancel or ×) */
export interface CloseBody {
  as: string;
  viewId: string;
}

/** POST /local/api/home: the persona opened the App Home tab (app_home_opened). */
export interface HomeBody {
  as: string;
}

/**
 * Every POST answers { ok: true } or { ok: false, error } — error is what Slack would
 * show the person (e.g. "/privacy failed with the error \"dispatch_failed\"").
 * /local/api/submit also returns `errors` (field errors by block_id) when the bot
 * answered response_action "errors".
 */
export interface PostAnswer {
  ok: boolean;
  error?: string;
  errors?: Record<string, string>;
  /** /local/api/upload: the id of the file the fake now keeps */
  fileId?: string;
}

/** GET /local/api/events: Server-Sent Events, one `change` event (JSON FakeSlackChange) per change. */
export const EVENTS_PATH = "/local/api/events";
