// The App Home tab: assembled from the sections each feature contributes (sections.ts),
// published when the person opens it, and rendered by the outbox when a change refreshes
// it (platform/slack/calls.ts homeRefresh), so that it is never stale.
import type { App } from "@slack/bolt";
import type { Actor } from "../directory/actor.js";
import { langOfPerson } from "../directory/store.js";
import { noteUnknownUser } from "../directory/unknownUser.js";
import type { Db } from "../platform/db.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor } from "../platform/slack/actor.js";
import { homeSections, homeStarters } from "./sections.js";
import { homeView, unknownHomeView } from "./views.js";

export async function buildHome(db: Db, actor: Actor, s: Services) {
  const sections = await Promise.all(homeSections().map((section) => section({ db, actor, services: s })));
  return homeView(sections.flat(), actor, homeStarters());
}

export function registerHome(app: App, s: Services): void {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const actor = await resolveActor(s, client, event.user);
    if (!actor) {
      // not in the directory: the tab says whom to ask (and the admins hear of it once)
      const { text } = await noteUnknownUser(s, event.user, DEFAULT_LANG);
      await client.views.publish({ user_id: event.user, view: unknownHomeView(text) });
      return;
    }
    await client.views.publish({ user_id: event.user, view: await buildHome(s.database.prisma, actor, s) });
  });
}

/** Lets the outbox render a person's Home tab when it is sent, so it is never stale. */
export function registerHomeOutbox(s: Services): void {
  s.outbox.registerRef("homeView", async (tx, ref) => {
    const p = await tx.person.findUnique({ where: { slackId: String(ref.user) } });
    if (!p) return undefined;
    return buildHome(tx as unknown as Db, { slackId: p.slackId, name: p.name, departmentId: p.departmentId, roles: p.roles, lang: langOfPerson(p) }, s);
  });
}
