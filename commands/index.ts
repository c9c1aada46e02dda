// Every /privacy subcommand, one module each. The manifest's usage hint lists the same.
import { adminCommand } from "./admin.js";
import { awayCommand } from "./away.js";
import { complaintCommand } from "./complaint.js";
import { digestCommand } from "./digest.js";
import { dsrCommand } from "./dsr.js";
import { dutiesCommand } from "./duties.js";
import { exportCommand } from "./export.js";
import { makeHelpCommand } from "./help.js";
import { incidentCommand } from "./incident.js";
import { langCommand } from "./lang.js";
import { mineCommand } from "./mine.js";
import { processorsCommand } from "./processors.js";
import { registerCommand } from "./register.js";
import { provisionCommand } from "./provision.js";
import { requestCommand } from "./request.js";
import { statementCommand } from "./statement.js";
import { statusCommand } from "./status.js";
import { trainingCommand } from "./training.js";
import type { PrivacyCommand } from "./types.js";

export const helpCommand: PrivacyCommand = makeHelpCommand();

export const COMMANDS: PrivacyCommand[] = [
  requestCommand,
  statusCommand,
  mineCommand,
  trainingCommand,
  langCommand,
  exportCommand,
  digestCommand,
  dutiesCommand,
  processorsCommand,
  registerCommand,
  provisionCommand,
  incidentCommand,
  dsrCommand,
  complaintCommand,
  statementCommand,
  awayCommand,
  adminCommand,
  helpCommand,
];

export function findCommand(name: string | undefined): PrivacyCommand | undefined {
  return COMMANDS.find((c) => c.name === (name ?? "").toLowerCase());
}
