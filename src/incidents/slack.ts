// Slack side of the incidents feature, assembled from its parts: the outbox hooks, the
// global shortcut, and every button and modal (the report, the status, the tasks, the
// assignments, the report items).
import type { App } from "@slack/bolt";
import type { Services } from "../platform/services.js";
import { link, type HandlerDef } from "../platform/slack/handlers.js";
import { incidentAssignHandlers } from "./assign/slack.js";
import { incidentDetailsHandlers } from "./details/slack.js";
import { IncidentActions } from "./ids.js";
import { registerIncidentOutbox } from "./report/flows.js";
import { incidentReportHandlers, registerReportShortcut } from "./report/slack.js";
import { incidentStatusHandlers } from "./status/slack.js";
import { registerTaskOutbox } from "./tasks/flows.js";
import { incidentTaskHandlers } from "./tasks/slack.js";

export function registerIncidentHandlers(app: App, s: Services): void {
  registerIncidentOutbox(s);
  registerTaskOutbox(s);
  registerReportShortcut(app, s);
}

/** Every button and modal of the incidents feature (the report, the assessment, and the sub-features'). */
export const incidentHandlers: readonly HandlerDef[] = [
  ...incidentReportHandlers,
  link(IncidentActions.openLink),
  ...incidentStatusHandlers,
  ...incidentTaskHandlers,
  ...incidentAssignHandlers,
  ...incidentDetailsHandlers,
];
