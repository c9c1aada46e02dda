// /privacy help (and /privacy with no words): what this person may use, one line each in
// one format (`command` what it does), from the roles (src/directory/roles.ts). An ordinary
// employee sees no admin, audit or desk commands; the App Home tab's foot shows the same.
import type { Actor } from "../src/directory/actor.js";
import {
  isAdmin,
  isChiefOrDeputy,
  isManager,
  mayExportAudit,
  mayHandleDsr,
  mayTriageIncidents,
  seesAllDepartments,
  seesAllTraining,
} from "../src/directory/roles.js";
import type { Lang } from "../src/platform/i18n.js";
import { commandMessages } from "./messages.js";
import type { PrivacyCommand } from "./types.js";

type Line = keyof ReturnType<typeof commandMessages>["help"]["lines"];
type Person = Pick<Actor, "roles" | "departmentId">;

const everyone = () => true;

/** Each line of the help and who may use it, in the order shown. */
const LINES: [Line, (p: Person) => boolean][] = [
  ["request", everyone],
  ["mine", everyone],
  ["status", everyone],
  ["incident", everyone],
  ["incidentStatus", everyone],
  ["incidentReport", mayTriageIncidents],
  ["incidentDetails", mayTriageIncidents],
  ["training", everyone],
  ["trainingStatus", (p) => isManager(p) || seesAllTraining(p)],
  ["trainingImport", isAdmin],
  ["dsr", mayHandleDsr],
  ["complaint", mayHandleDsr],
  ["processors", (p) => isManager(p) || seesAllDepartments(p)],
  ["disposal", isChiefOrDeputy],
  ["register", everyone],
  ["provision", everyone],
  ["statement", everyone],
  ["away", (p) => isManager(p) || isChiefOrDeputy(p)],
  ["duties", seesAllDepartments],
  ["digest", seesAllDepartments],
  ["export", mayExportAudit],
  ["admin", isAdmin],
  ["lang", everyone],
];

/** The lines of the help this person may use. */
export function helpLines(person: Person, lang: Lang): string[] {
  const m = commandMessages(lang).help.lines;
  return LINES.filter(([, may]) => may(person)).map(([k]) => m[k]);
}

export function helpText(person: Person, lang: Lang): string {
  const m = commandMessages(lang).help;
  return [m.title, ...helpLines(person, lang), m.footer].join("\n");
}

export function makeHelpCommand(): PrivacyCommand {
  return {
    name: "help",
    usage: (lang) => commandMessages(lang).usage.help,
    async run(ctx) {
      await ctx.respond({ text: helpText(ctx.actor, ctx.actor.lang) });
    },
  };
}
