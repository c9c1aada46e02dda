// The contract of an App Home section. The Home tab is assembled from sections, one per
// feature (src/home/ lists them and publishes the tab), as the digest is from its
// providers: each feature exports its section next to its code (e.g.
// src/requests/homeSection.ts, src/incidents/homeSection.ts), and none of them knows the
// others. A section returns blocks for this person, or none when it has nothing for them.
import type { KnownBlock } from "@slack/types";
import type { Actor } from "../directory/actor.js";
import type { Db } from "./db.js";
import type { Services } from "./services.js";

export interface HomeContext {
  /** the database, or the outbox's transaction when the tab is rendered as it is sent */
  db: Db;
  actor: Actor;
  services: Services;
}

export type HomeSection = (ctx: HomeContext) => Promise<KnownBlock[]>;
