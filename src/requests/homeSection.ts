// The requests' sections of the App Home tab (src/home/): the requests waiting for this
// person's decision or measures, then their own requests by status.
import type { HomeSection } from "../platform/home.js";
import { waitingFor } from "./access.js";
import { requestsOf } from "./store.js";
import { requestListBlocks } from "./views.js";

export const requestsHomeSection: HomeSection = async ({ db, actor }) => {
  const [mine, waiting] = await Promise.all([requestsOf(db, actor.slackId, 40), waitingFor(db, actor)]);
  return requestListBlocks(mine, waiting, actor.lang, "home").blocks;
};
