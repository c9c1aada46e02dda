// Slack handlers of the training feature: the admin's CSV import modal. Every line is
// checked first; a CSV with any bad line comes back as a field error naming the lines
// and nothing is stored (all or nothing); otherwise the modal says how many
// completions were recorded.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { isAdmin } from "../directory/roles.js";
import { DEFAULT_LANG } from "../platform/i18n.js";
import type { Services } from "../platform/services.js";
import { resolveActor } from "../platform/slack/actor.js";
import { defaultSettings } from "../settings.js";
import { importDoneModal, importProblemsText } from "./blocks.js";
import { importCompletions } from "./flows.js";
import { ImportBlock, TrainingViews } from "./ids.js";
import { trainingMessages } from "./messages.js";
import { checkPeople, dayIn, parseCompletionCsv } from "./rules.js";

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function registerTrainingHandlers(app: App, s: Services): void {
  app.view(TrainingViews.import, async ({ ack, body, view, client }: ViewArgs) => {
    const actor = await resolveActor(s, client, body.user.id);
    const lang = actor?.lang ?? DEFAULT_LANG;
    const m = trainingMessages(lang).import;
    const error = (text: string) => ack({ response_action: "errors", errors: { [ImportBlock.block]: text } });
    if (!actor || !isAdmin(actor)) return error(m.notAdmin);
    const csv = view.state.values[ImportBlock.block]?.[ImportBlock.action]?.value ?? "";
    const courseIds = (s.settings ?? defaultSettings()).training.courses.map((c) => c.id);
    const parsed = parseCompletionCsv(csv, courseIds, dayIn(s.clock.now(), s.timeZone));
    const ids = [...new Set(parsed.rows.map((r) => r.slackId))];
    const known = new Set(
      ids.length ? (await s.database.prisma.person.findMany({ where: { slackId: { in: ids } }, select: { slackId: true } })).map((p) => p.slackId) : [],
    );
    const problems = [...parsed.problems, ...checkPeople(parsed.rows, known)];
    if (problems.length > 0) return error(importProblemsText(problems, courseIds, lang));
    const r = await importCompletions(s, { actorId: actor.slackId, rows: parsed.rows, csv });
    if (!r.ok) return error(m.notAdmin);
    s.log.info("training completions imported", { by: actor.slackId, recorded: r.recorded, already: r.already });
    await ack({ response_action: "update", view: importDoneModal(r.recorded, r.already, lang) });
  });
}
