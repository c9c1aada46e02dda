// The App Home tab: my requests by status, approvals waiting for me.
import type { App } from "@slack/bolt";
import { resolveActor } from "../platform/slack/actor.js";
import type { Services } from "../platform/services.js";
import type { Db } from "../platform/db.js";
import type { Actor } from "../directory/actor.js";
import { waitingFor } from "./access.js";
import { requestsOf } from "./store.js";
import { homeView, unknownHomeView } from "./views.js";
import { langOfPerson } from "../directory/store.js";
import { noteUnknownUser } from "../directory/unknownUser.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { KnownBlock } from "@slack/types";
import { incidentsHomeSection } from "../incidents/homeSection.js";

/** A feature's own section of the Home tab, below the requests (like the digest's providers): blocks for this person, or none. */
export type HomeSectionProvider = (ctx: { db: Db; actor: Actor; services: Services }) => Promise<KnownBlock[]>;
const homeSections = (): HomeSectionProvider[] => [incidentsHomeSection];

export async function buildHome(db: Db, actor: Actor, s?: Services) {
  const [mine, waiting, extra] = await Promise.all([
    requestsOf(db, actor.slackId, 40),
    waitingFor(db, actor),
    s ? Promise.all(homeSections().map((section) => section({ db, actor, services: s }))) : [],
  ]);
  return homeView(mine, waiting, actor.lang, extra.flat());
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
