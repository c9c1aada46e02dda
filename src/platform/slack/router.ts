// One Bolt listener per kind of interaction, routing by id.
//
// Bolt runs every incoming request through every registered listener's middleware
// (a copy of its chain, a type check, a constraint check), one after the other on the
// event loop, before the one that matches acknowledges it. The bot registers about
// fifty listeners, so each press paid for fifty chains before its ack; a bare app pays
// for one. Here `app.action(id, handler)` and `app.view(id, handler)` with a string id
// (all the features use) go into a map, and one listener per kind looks the id up:
// the same handlers with the same arguments, found in one step. Anything else (a
// regular expression, constraints, a middleware chain) goes to Bolt as before.
import type { App } from "@slack/bolt";

type Handler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

function router(register: (dispatch: Handler) => void, idOf: (args: Record<string, unknown>) => string | undefined) {
  const handlers = new Map<string, Handler[]>();
  let registered = false;
  return (id: string, handler: Handler) => {
    if (!registered) {
      registered = true;
      register(async (args) => {
        const id = idOf(args);
        const list = id === undefined ? undefined : handlers.get(id);
        if (list) await Promise.all(list.map((h) => h(args)));
      });
    }
    const list = handlers.get(id) ?? [];
    list.push(handler);
    handlers.set(id, list);
  };
}

/** Routes block actions by action_id and view submissions by callback_id through one listener each. */
export function routeById(app: App): void {
  const action = app.action.bind(app) as (c: unknown, ...l: unknown[]) => void;
  const view = app.view.bind(app) as (c: unknown, ...l: unknown[]) => void;
  const addAction = router(
    (dispatch) => action({ type: "block_actions" }, dispatch),
    (args) => (args.payload as { action_id?: string } | undefined)?.action_id,
  );
  const addView = router(
    (dispatch) => view({ type: "view_submission" }, dispatch),
    (args) => (args.view as { callback_id?: string } | undefined)?.callback_id,
  );
  app.action = ((id: unknown, ...listeners: unknown[]) => {
    if (typeof id === "string" && listeners.length === 1) return addAction(id, listeners[0] as Handler);
    return action(id, ...listeners);
  }) as App["action"];
  app.view = ((id: unknown, ...listeners: unknown[]) => {
    if (typeof id === "string" && listeners.length === 1) return addView(id, listeners[0] as Handler);
    return view(id, ...listeners);
  }) as App["view"];
}
