// Block Kit of the training feature: my courses, departments' completion, the CSV
// import modal, the reminder items. Pure functions from domain objects to blocks.
import type { KnownBlock, View } from "@slack/types";
import type { Lang } from "../platform/i18n.js";
import type { Course } from "../settings.js";
import { courseName, showDay, trainingMessages } from "./messages.js";
import { courseState, CSV_HEADER, type CsvProblem, type Day } from "./rules.js";
import type { DepartmentCourseSummary, Evaluation, PersonCourse } from "./store.js";
import { ImportBlock, TrainingViews } from "./ids.js";
import { clip } from "../platform/slack/text.js";

const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text: clip(text, 3000) } });

/** `/privacy training`: each required course with its state, days and what to do. */
export function myTrainingBlocks(
  rows: PersonCourse[],
  courses: Course[],
  today: Day,
  lang: Lang,
  evaluations: readonly Evaluation[] = [],
): { text: string; blocks: KnownBlock[] } {
  const m = trainingMessages(lang).mine;
  if (rows.length === 0) return { text: m.none, blocks: [section(`${m.title}\n${m.none}`)] };
  const blocks: KnownBlock[] = [section(m.title)];
  for (const c of courses) {
    const r = rows.find((x) => x.course === c.id);
    if (!r) continue;
    const state = courseState({ lastCompletedOn: r.last, due: r.due, today });
    const lines = [
      `*${courseName(c, lang)}* (\`${c.id}\`)  ${m.state[state]}`,
      r.last ? `${m.completed(showDay(r.last, lang))} · ${m.expires(showDay(r.due, lang))}` : `${m.never} · ${m.dueBy(showDay(r.due, lang))}`,
      ...evaluations.filter((e) => e.course === c.id).map((e) => m.evaluation(e.passed, e.score, showDay(e.on, lang))),
      ...(state === "valid" ? [] : [m.todo(c.id)]),
      ...(c.url && state !== "valid" ? [`<${c.url}|${m.open}>`] : []),
    ];
    blocks.push(section(lines.join("\n")));
  }
  return { text: m.title.replace(/\*/g, ""), blocks };
}

export interface DepartmentStatus {
  title: string;
  lines: string[];
}

/** Per department: each course's completion percent and the overdue people. */
export function departmentStatus(rows: DepartmentCourseSummary[], courses: Course[], lang: Lang): DepartmentStatus[] {
  const m = trainingMessages(lang).status;
  const byDept = new Map<string, DepartmentCourseSummary[]>();
  for (const r of rows) {
    const k = r.dept ?? "";
    byDept.set(k, [...(byDept.get(k) ?? []), r]);
  }
  const out: DepartmentStatus[] = [];
  for (const [dept, list] of byDept) {
    const lines: string[] = [];
    for (const c of courses) {
      const r = list.find((x) => x.course === c.id);
      if (!r || r.required === 0) continue;
      lines.push(`• ${m.course(courseName(c, lang), Math.floor((100 * r.complete) / r.required), r.complete, r.required)}`);
      if (r.overdue > 0) lines.push(m.overdue(r.overdueNames, r.overdue - r.overdueNames.length));
    }
    out.push({ title: list[0]?.deptName ?? (dept || m.noDept), lines });
  }
  return out;
}

/** `/privacy training status`: one section per department (at most 45; Slack allows 50 blocks). */
export function departmentStatusBlocks(rows: DepartmentCourseSummary[], courses: Course[], today: Day, lang: Lang): { text: string; blocks: KnownBlock[] } {
  const m = trainingMessages(lang).status;
  const title = m.title(showDay(today, lang));
  const depts = departmentStatus(rows, courses, lang);
  if (depts.length === 0) return { text: m.none, blocks: [section(`${title}\n${m.none}`)] };
  return { text: title.replace(/\*/g, ""), blocks: [section(title), ...depts.slice(0, 45).map((d) => section([`*${d.title}*`, ...d.lines].join("\n")))] };
}

export function importModal(lang: Lang): View {
  const m = trainingMessages(lang).import;
  return {
    type: "modal",
    callback_id: TrainingViews.import,
    title: { type: "plain_text", text: m.title },
    submit: { type: "plain_text", text: m.submit },
    close: { type: "plain_text", text: m.close },
    blocks: [
      section(m.intro(CSV_HEADER)),
      {
        type: "input",
        block_id: ImportBlock.block,
        label: { type: "plain_text", text: m.label },
        element: {
          type: "plain_text_input",
          action_id: ImportBlock.action,
          multiline: true,
          max_length: 3000,
          placeholder: { type: "plain_text", text: m.placeholder },
        },
      },
    ],
  };
}

/** The field error of a CSV with problems: every line named (the first 15 spelt out). */
export function importProblemsText(problems: CsvProblem[], courseIds: string[], lang: Lang): string {
  const m = trainingMessages(lang).import;
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const shown = sorted.slice(0, 15).map((p) => m.problem(p, courseIds));
  const rest = sorted.length - shown.length;
  return clip([m.problemsHead, ...shown, ...(rest > 0 ? [m.more(rest)] : [])].join("\n"), 2000);
}

export function importDoneModal(recorded: number, already: number, lang: Lang): View {
  const m = trainingMessages(lang).import;
  return {
    type: "modal",
    callback_id: `${TrainingViews.import}-done`,
    title: { type: "plain_text", text: m.doneTitle },
    close: { type: "plain_text", text: "OK" },
    blocks: [section(m.done(recorded, already))],
  };
}
