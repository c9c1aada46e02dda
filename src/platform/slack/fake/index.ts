// A local Slack for tests (and later for people): the fake Web API, the signed-request
// sender that plays Slack's side towards the app, and the Block Kit limits both enforce.
export { LIMITS, type Surface, validateBlocks, validateView } from "./limits.js";
export * from "./sender.js";
export * from "./server.js";
