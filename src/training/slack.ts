// Slack handlers of the training feature: the admin's CSV import modal. Every line is
// checked first; a CSV with any bad line comes back as a field error naming the lines
// and nothing is stored (all or nothing); otherwise the modal says how many
// completions were recorded.
import { z } from "zod";
import type { Actor } from "../directory/actor.js";
import { link, submit, type HandlerDef, type SubmitContext } from "../platform/slack/handlers.js";
import { readModal, type ModalValues } from "../platform/slack/modal.js";
import { defaultSettings } from "../settings.js";
import { importDoneModal, importProblemsText } from "./blocks.js";
import { importCompletions } from "./flows.js";
import { ImportBlock, TrainingActions, TrainingViews } from "./ids.js";
import { trainingMessages } from "./messages.js";
import { checkPeople, dayIn, parseCompletionCsv } from "./rules.js";
import { isAdmin } from "../directory/roles.js";

/** The modal's one field: the CSV as pasted (checked line by line by the rules). */
const importForm = {
  fields: { csv: { block: ImportBlock.block, read: "text" } },
  action: ImportBlock.action,
  schema: z.object({ csv: z.string().default("") }),
} as const;

export async function importTraining(c: SubmitContext<undefined, Actor | null>): Promise<void> {
  const { s, actor, lang } = c;
  const m = trainingMessages(lang).import;
  const error = (text: string) => c.fail(text);
  if (!actor || !isAdmin(actor)) return error(m.notAdmin);
  const form = readModal(c.view.state.values as ModalValues, { ...importForm, lang });
  if (!form.ok) return c.ack({ response_action: "errors", errors: form.errors });
  const csv = form.data.csv;
  const courseIds = (s.settings ?? defaultSettings()).training.courses.map((c) => c.id);
  const parsed = parseCompletionCsv(csv, courseIds, dayIn(s.clock.now(), s.timeZone));
  const ids = [...new Set(parsed.rows.filter((r) => !r.processor).map((r) => r.slackId))];
  const known = new Set(
    ids.length ? (await s.database.prisma.person.findMany({ where: { slackId: { in: ids } }, select: { slackId: true } })).map((p) => p.slackId) : [],
  );
  // processors' staff (第28条 "預託先等の関係者"): the processor must be one the company entrusted
  const codes = [...new Set(parsed.rows.flatMap((r) => (r.processor ? [r.processor] : [])))];
  const processors = new Set(
    codes.length
      ? (await s.database.prisma.processor.findMany({ where: { requestCode: { in: codes } }, select: { requestCode: true } })).map((p) => p.requestCode)
      : [],
  );
  const problems = [...parsed.problems, ...checkPeople(parsed.rows, known, processors)];
  if (problems.length > 0) return error(importProblemsText(problems, courseIds, lang));
  const r = await importCompletions(s, { actorId: actor.slackId, rows: parsed.rows, csv });
  if (!r.ok) return error(m.notAdmin);
  s.log.info("training completions imported", { by: actor.slackId, recorded: r.recorded, already: r.already });
  await c.ack({ response_action: "update", view: importDoneModal(r.recorded, r.already, lang) });
}

export const trainingHandlers: readonly HandlerDef[] = [
  submit(TrainingViews.import, { block: ImportBlock.block, anyone: true }, importTraining),
  link(TrainingActions.openCourse),
];
