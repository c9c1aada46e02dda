// One registry for the bot's buttons, menus and modal submissions.
//
// A feature declares each of its handlers with `press` (a block action: a button, an
// overflow or select menu) or `submit` (a modal's submission), naming the id, the zod
// schema of what the button carries (its value) or the modal carries (its
// private_metadata), and a named function. The registry does the common start once: for a
// press the ack, the delivery seen before (a Slack retry: nothing more is done), the
// presser looked up in the directory (someone unknown is told whom to ask); for a
// submission the person; then the value or metadata is checked against its schema. One
// that does not fit (tampered with, or from an older message) is refused, never cast:
// logged, and answered ephemerally (a press) or as a field error (a modal).
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
import { actionDeliveryKey, firstDeliveryBy, resolveActor } from "./actor.js";

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

/** An ephemeral answer to the presser alone (a failure to send it is logged, not thrown). */
export type Tell = (text: string) => Promise<unknown>;

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
  run: (s: Services, args: ActionArgs) => Promise<void>;
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
  return {
    kind: "press",
    id,
    patient: o.patient ?? false,
    async run(s, args) {
      await args.ack();
      const { body, client } = args;
      let actor: Actor | null;
      if (o.once === false) actor = await resolveActor(s, client, body.user.id);
      else {
        const delivery = await firstDeliveryBy(s, client, actionDeliveryKey(body as Parameters<typeof actionDeliveryKey>[0]), body.user.id);
        if (!delivery.first) return;
        actor = delivery.actor;
      }
      const tell: Tell = (text) =>
        args.respond({ response_type: "ephemeral", replace_original: false, text }).catch((e) => s.log.warn("ephemeral failed", { error: String(e) }));
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
    },
  };
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
      await handler({ s, actor: actor as never, lang, meta: parsed.data, view, body, client, ack, fail });
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

  /** Registers the two listeners on the app. An id nobody declared is left unacknowledged, as Bolt leaves it. */
  listen(app: App, s: Services): void {
    app.action({ type: "block_actions" }, async (args) => {
      const a = args as unknown as ActionArgs;
      const def = this.presses.get(a.body.actions[0]?.action_id ?? "");
      if (def) await def.run(s, a);
    });
    app.view({ type: "view_submission" }, async (args) => {
      const def = this.submits.get(args.view.callback_id);
      if (def) await def.run(s, args as ViewArgs);
    });
  }
}
