// The rules' results in words: a reassessment with the lines of the incident's timeline,
// and the task checklist with each task's labels. The rules (rules.ts) stay free of text.
import type { Lang } from "../platform/i18n.js";
import { incidentMessages, reassessmentLines } from "./messages.js";
import { deadlineLabelFor } from "./trackMessages.js";
import type { TrackProfile } from "./tracks.js";
import {
  checklistFor,
  compareAssessments,
  DEFAULT_DEADLINE_OPTIONS,
  type Assessment,
  type DeadlineKey,
  type DeadlineOptions,
  type Reassessment,
  type TaskDefinition,
} from "./rules.js";

/** What a new assessment changes (rules.ts compareAssessments), and what changed and why, for the timeline, in `lang` (default Japanese). */
export function reassess(
  previous: Assessment,
  next: Assessment,
  discoveredAt: Date,
  opts: DeadlineOptions & { lang?: Lang; profile?: TrackProfile | null } = {},
): Reassessment & { lines: string[] } {
  const { lang = "ja", profile, ...deadlineOpts } = opts;
  const result = compareAssessments(previous, next, discoveredAt, deadlineOpts);
  const name = (k: DeadlineKey) => deadlineLabelFor(k, lang, profile);
  return { ...result, lines: reassessmentLines(result, lang, deadlineOpts.timeZone ?? DEFAULT_DEADLINE_OPTIONS.timeZone, name) };
}

/** The checklist for an assessment (rules.ts checklistFor), each task with its Japanese and English label. */
export function taskDefinitions(a: Assessment): (TaskDefinition & { label: { ja: string; en: string } })[] {
  const ja = incidentMessages("ja").tasks;
  const en = incidentMessages("en").tasks;
  return checklistFor(a).map((d) => ({ ...d, label: { ja: ja[d.key], en: en[d.key] } }));
}
