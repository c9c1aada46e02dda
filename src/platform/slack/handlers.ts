// One registry for the bot's buttons, menus and modal submissions.
//
// A feature declares each of its handlers with `press` (a block action: a button, an
// overflow or select menu) or `submit` (a modal's submission), naming the id, the zod
// schema of what the button carries (its value) or the modal carries (its
// private_metadata), and a named function. The registry does the common start once: for a
// press the record of its delivery with what it asks for (inbox.ts; before the ack, so a
// restarted process or a replica finishes what this one acknowledged), the ack, the
// delivery seen before (a Slack retry: nothing more is done), the presser looked up in
// the directory (someone unknown is told whom to ask); for a
// submission the person; then the value or metadata is checked against its schema. One
// that does not fit (tampered with, or from an older message) is refused, never cast:
// logged, and answered ephemerally (a press) or as a field error (a modal). An exception a
// handler throws is caught here, logged, and the person told.
//
// Bolt runs every incoming request through every registered listener's middleware, one
// after the other on the event loop, before the one that matches acknowledges it. So the
// registry registers one Bolt listener per kind (`block_actions`, `view_submission`)
// and looks the id up in a map: about fifty handlers, found in one step.
import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewOutput, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { z } from "zod";
import type { Actor } from "../../directory/actor.js";
import { noteUnknownUser } from "../../directory/unknownUser.js";
import { DEFAULT_LANG, type Lang } from "../i18n.js";
import type { Services } from "../services.js";
import { errorText } from "../log.js";
import { actionDeliveryKey, actorOf, resolveActor } from "./actor.js";
import { fromHome, homeTell } from "./homeTell.js";
import { type Inbox, inboxMessages, type Tell } from "./inbox.js";

/** A schema of what a button or a modal carries: the raw string (or undefined) in. */
export type Carried<T> = z.ZodType<T, unknown>;

/** A JSON string that parses into `schema` (a malformed string is an issue like any other). */
export function json<T>(schema: z.ZodType<T>): Carried<T> {
  return z
    .string()
    .transform((raw, ctx) => {
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "not JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema) as unknown as Carried<T>;
}

export type { Tell };

/** What a press's handler is given. */
export interface PressContext<V, A extends Actor | null = Actor> {
  s: Services;
  /** who pressed (null only for a press declared `anyone`) */
  actor: A;
  /** the value the element carried, checked against the press's schema */
  value: V;
  tell: Tell;
  /** the block_actions payload as Slack sent it (trigger_id, channel, message, view) */
  body: BlockAction;
  client: WebClient;
}

export interface PressOptions<V> {
  /** the schema of the element's value (a button's value, a menu's selected option) */
  value: Carried<V>;
  /**
   * Its work after the ack opens no modal (an approval, a tick): in a burst it waits its
   * turn for a slot instead of starting after a second (ackFirst.ts).
   */
  patient?: boolean;
  /**
   * What the presser is told when the value does not fit (null: nothing); it may log the
   * refusal where the feature does (the audit chain). The registry logs it anyway.
   */
  invalid?: (c: { s: Services; actor: Actor | null; lang: Lang }) => Promise<string | null> | string | null;
  /** someone missing from the directory goes on too (actor null), instead of being told whom to ask */
  anyone?: boolean;
  /** false: no delivery record (a menu inside a modal, whose retry does no harm) */
  once?: boolean;
}

/** What a modal submission's handler is given. */
export interface SubmitContext<M, A extends Actor | null = Actor> {
  s: Services;
  /** who submitted (null only for a submission declared `anyone`) */
  actor: A;
  /** the person's language (the default one for someone unknown) */
  lang: Lang;
  /** private_metadata, checked against the submission's schema */
  meta: M;
  view: ViewOutput;
  body: ViewSubmitAction;
  client: WebClient;
  /** Slack's ack: no argument closes the modal; `response_action` errors or update */
  ack: (response?: object) => Promise<void>;
  /** answers with one field error: `text` on `block` (default: the submission's error block) */
  fail: (text: string, block?: string) => Promise<void>;
}

export interface SubmitOptions<M> {
  /** the schema of private_metadata (an empty one reads as "{}"); none: the modal carries nothing the handler reads */
  meta?: Carried<M>;
  /** the block whose field shows an error about the whole form */
  block: string | ((view: ViewOutput) => string);
  /** the error shown when the metadata does not fit (required with `meta`) */
  invalid?: (lang: Lang) => string;
  /** someone missing from the directory goes on too (actor null), instead of the "whom to ask" error */
  anyone?: boolean;
}

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

interface PressDef {
  kind: "press";
  id: string;
  patient: boolean;
  run: (s: Services, args: ActionArgs, inbox: Inbox) => Promise<void>;
  /** runs the press again from its stored payload (a patient press whose process stopped) */
  replay?: (s: Services, client: WebClient, body: BlockAction, tell: Tell, lang: { lang: Lang | undefined }) => Promise<void>;
}
interface SubmitDef {
  kind: "submit";
  id: string;
  run: (s: Services, args: ViewArgs) => Promise<void>;
}
/** One declared handler, as the registry keeps it. */
export type HandlerDef = PressDef | SubmitDef;

const clip = (v: unknown) => (typeof v === "string" ? v.slice(0, 200) : v);

/** What a block action's element carries: a button's value, a menu's selected option. */
function carriedValue(body: BlockAction): string | undefined {
  const a = body.actions[0] as { value?: string; selected_option?: { value?: string } | null } | undefined;
  return a?.value ?? a?.selected_option?.value ?? undefined;
}

export function press<V>(id: string, o: PressOptions<V> & { anyone: true }, handler: (c: PressContext<V, Actor | null>) => Promise<unknown>): HandlerDef;
export function press<V>(id: string, o: PressOptions<V>, handler: (c: PressContext<V>) => Promise<unknown>): HandlerDef;
export function press<V>(id: string, o: PressOptions<V>, handler: (c: PressContext<V, never>) => Promise<unknown>): HandlerDef {
  const patient = o.patient ?? false;
  /** From the person to the handler: someone unknown is told whom to ask, the value is checked against its schema. */
  async function proceed(s: Services, client: WebClient, body: BlockAction, actor: Actor | null, tell: Tell, lang: { lang: Lang | undefined }): Promise<void> {
    lang.lang = actor?.lang;
    if (!actor && !o.anyone) {
      await tell((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
      return;
    }
    const raw = carriedValue(body);
    const parsed = o.value.safeParse(raw);
    if (!parsed.success) {
      s.log.warn("a press carried a value that does not fit; refused", { action: id, user: body.user.id, value: clip(raw) });
      const text = o.invalid ? await o.invalid({ s, actor, lang: actor?.lang ?? DEFAULT_LANG }) : null;
      if (text) await tell(text);
      return;
    }
    // actor is null only for a press declared `anyone` (the overloads say so)
    await handler({ s, actor: actor as never, value: parsed.data, tell, body, client });
  }
  return {
    kind: "press",
    id,
    patient,
    async run(s, args, inbox) {
      const { body, client } = args;
      // a press on the App Home tab has no response_url: its answer opens a modal (homeTell.ts)
      const tell = fromHome(body) ? homeTell(s, client, body) : tellBy(s, args.respond);
      if (o.once === false) {
        // nothing worth keeping (a menu inside a modal): no record, and a retry does no harm
        await args.ack();
        await guard(s, id, tell, async (lang) => proceed(s, client, body, await resolveActor(s, client, body.user.id), tell, lang));
        return;
      }
      const key = actionDeliveryKey(body as Parameters<typeof actionDeliveryKey>[0]);
      const recorded = await inbox.receive(
        s,
        "press",
        key,
        { userId: body.user.id, responseUrl: body.response_url, replay: patient, what: id, body: kept(body) },
        () => args.ack(),
        tell,
      );
      // not recorded (the presser told), or a Slack retry or a duplicate delivery: the first one does the work
      if (!recorded) return;
      const { person } = recorded;
      await inbox.work(key, s, id, tell, async (ws, lang) => proceed(ws, client, body, person && (await actorOf(ws, client, person)), tell, lang), "later");
    },
    replay: patient ? async (s, client, body, tell, lang) => proceed(s, client, body, await resolveActor(s, client, body.user.id), tell, lang) : undefined,
  };
}

/** An ephemeral answer through the request's response_url (Bolt's respond); a press in a modal has none (one on Home: homeTell.ts). */
function tellBy(s: Services, respond: ActionArgs["respond"] | undefined): Tell {
  return async (text) => {
    if (!respond) return s.log.warn("no response_url to answer on", { text: clip(text) });
    return respond({ response_type: "ephemeral", replace_original: false, text }).catch((e) => s.log.warn("ephemeral failed", { error: String(e) }));
  };
}

/** Runs work that has no inbox row: an exception is logged and the person told. */
async function guard(s: Services, what: string, tell: Tell, fn: (lang: { lang: Lang | undefined }) => Promise<void>): Promise<void> {
  const lang: { lang: Lang | undefined } = { lang: undefined };
  try {
    await fn(lang);
  } catch (e) {
    s.log.error("the work after an ack failed; the person is told", { what, error: errorText(e) });
    await tell(inboxMessages(lang.lang ?? DEFAULT_LANG).failed);
  }
}

/**
 * What is kept of a press's payload until its work is done: everything a handler reads,
 * without the message's or view's blocks (large, and nothing a handler reads from them).
 */
function kept(body: BlockAction): unknown {
  const { message, view, ...rest } = body as BlockAction & { message?: Record<string, unknown>; view?: Record<string, unknown> };
  const out: Record<string, unknown> = { ...rest };
  if (message) out.message = { ts: message.ts, ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}) };
  if (view) {
    const { blocks: _blocks, ...v } = view;
    out.view = v;
  }
  return out;
}

export function submit<M = undefined>(
  id: string,
  o: SubmitOptions<M> & { anyone: true },
  handler: (c: SubmitContext<M, Actor | null>) => Promise<unknown>,
): HandlerDef;
export function submit<M = undefined>(id: string, o: SubmitOptions<M>, handler: (c: SubmitContext<M>) => Promise<unknown>): HandlerDef;
export function submit<M>(id: string, o: SubmitOptions<M>, handler: (c: SubmitContext<M, never>) => Promise<unknown>): HandlerDef {
  return {
    kind: "submit",
    id,
    async run(s, args) {
      const { body, view, client } = args;
      const actor = await resolveActor(s, client, body.user.id);
      const lang = actor?.lang ?? DEFAULT_LANG;
      const ack = args.ack as (response?: object) => Promise<void>;
      const errorBlock = typeof o.block === "string" ? o.block : o.block(view);
      const fail = (text: string, block: string = errorBlock) => ack({ response_action: "errors", errors: { [block]: text } });
      const raw = view.private_metadata || "{}";
      const parsed = o.meta ? o.meta.safeParse(raw) : { success: true as const, data: undefined as M };
      if (!parsed.success) {
        s.log.warn("a modal carried metadata that does not fit; refused", { view: id, user: body.user.id, meta: clip(raw) });
        return fail(o.invalid?.(lang) ?? "");
      }
      if (!actor && !o.anyone) return fail((await noteUnknownUser(s, body.user.id, DEFAULT_LANG)).text);
      let acked = false;
      const acking = (response?: object) => {
        acked = true;
        return ack(response);
      };
      const failing = (text: string, block: string = errorBlock) => acking({ response_action: "errors", errors: { [block]: text } });
      try {
        await handler({ s, actor: actor as never, lang, meta: parsed.data, view, body, client, ack: acking, fail: failing });
      } catch (e) {
        // the modal stays open with the error when it can; after its ack the person hears of it in a DM
        s.log.error("a modal submission's handler failed; the person is told", { view: id, user: body.user.id, error: errorText(e) });
        const text = inboxMessages(lang).failed;
        if (!acked) await failing(text);
        else await client.chat.postMessage({ channel: body.user.id, text }).catch((err) => s.log.warn("telling the person failed", { error: errorText(err) }));
      }
    },
  };
}

/** A link button: Slack still sends an interaction, which needs an ack and nothing else. */
export function link(id: string): HandlerDef {
  return {
    kind: "press",
    id,
    patient: false,
    async run(_s, args) {
      await args.ack();
    },
  };
}

/** Every handler of the bot by id, dispatched from one Bolt listener per kind. */
export class SlackHandlers {
  private readonly presses = new Map<string, PressDef>();
  private readonly submits = new Map<string, SubmitDef>();

  add(...sets: readonly (readonly HandlerDef[])[]): this {
    for (const def of sets.flat()) {
      const map: Map<string, HandlerDef> = def.kind === "press" ? this.presses : this.submits;
      if (map.has(def.id)) throw new Error(`two handlers for ${def.kind} ${def.id}`);
      map.set(def.id, def);
    }
    return this;
  }

  /** The press's work after its ack opens no modal (ackFirst.ts's gate lets it wait its turn). */
  isPatient(actionId: string): boolean {
    return this.presses.get(actionId)?.patient ?? false;
  }

  /**
   * Registers the two listeners on the app, and the replay of patient presses whose
   * process stopped (inbox.ts). An id nobody declared is left unacknowledged, as Bolt leaves it.
   */
  listen(app: App, s: Services, inbox: Inbox): void {
    app.action({ type: "block_actions" }, async (args) => {
      const a = args as unknown as ActionArgs;
      const def = this.presses.get(a.body.actions[0]?.action_id ?? "");
      if (def) await def.run(s, a, inbox);
    });
    this.replayOn(inbox, app.client, s);
    app.view({ type: "view_submission" }, async (args) => {
      const def = this.submits.get(args.view.callback_id);
      if (def) await def.run(s, args as ViewArgs);
    });
  }

  /** Lets `inbox` replay the patient presses of this registry (each replica's inbox, on start-up and in its passes). */
  replayOn(inbox: Inbox, client: WebClient, s: Services): void {
    inbox.onReplay("press", async (c, tell, work) => {
      const body = c.payload.body as BlockAction;
      const def = this.presses.get(body.actions?.[0]?.action_id ?? "");
      if (!def?.replay) return false;
      const replay = def.replay;
      await work(s, (ws, lang) => replay(ws, client, body, tell, lang));
      return true;
    });
  }
}
