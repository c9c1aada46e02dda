// Texts of the training feature (規程 第28条), in Japanese and English.
import { catalogue, formatDate, type Lang } from "../platform/i18n.js";
import type { Course } from "../settings.js";
import type { CourseState, CsvProblem, Day } from "./rules.js";

/** A day as people read it (2026/11/30, 30/11/2026). */
export const showDay = (day: Day, lang: Lang) => formatDate(new Date(`${day}T00:00:00Z`), lang, "UTC");

export const courseName = (c: Pick<Course, "name" | "nameEn">, lang: Lang) => (lang === "en" ? c.nameEn : c.name);

const list = (xs: string[], sep: string) => xs.join(sep);

const ja = {
  home: {
    title: "*🎓 受講が必要な研修（規程第28条）*",
    item: (name: string, id: string) => `*${name}*\n受講後に \`/privacy training done ${id}\` で記録`,
    open: "研修を開く",
    seeAll: "`/privacy training`",
  },
  usage: [
    "`/privacy training` 自分の研修の受講状況（第28条）",
    "`/privacy training done <コース> [YYYY-MM-DD] [証跡URL]` 受講を記録（日付の省略は今日）",
    "`/privacy training status` 部署の受講状況（個人情報管理者・管理責任者・コンプライアンス担当）",
    "`/privacy training import` e-ラーニングの CSV を取り込む（管理者のみ）",
  ],
  done: {
    needCourse: (ids: string[]) => `コースを指定してください（例：/privacy training done ${ids[0] ?? "basic"} 2026-01-10）。コース：${ids.join(", ")}`,
    unknownCourse: (id: string, ids: string[]) => `コース「${id}」はありません。次のいずれかを指定してください：${ids.join(", ")}`,
    badDate: (t: string) => `「${t}」は存在しない日付です。YYYY-MM-DD の形で指定してください（例：2026-01-10）。`,
    future: (t: string) => `受講日 ${t} は未来の日付です。受講した日を指定してください。`,
    badEvidence: (t: string) => `「${t}」は証跡のリンクとして使えません。https:// で始まる URL を指定してください。`,
    tooMany: "指定が多すぎます。`/privacy training done <コース> [YYYY-MM-DD] [証跡URL]` の形で指定してください。",
    recorded: (course: string, on: string, until: string) => `:white_check_mark: ${course} の受講（${on}）を記録しました。有効期限は ${until} です。`,
    already: (course: string, on: string) => `${course} の ${on} の受講はすでに記録されています。`,
    notRequired: "（このコースはあなたの受講対象ではありませんが、記録しました。）",
  },
  mine: {
    title: "*研修の受講状況（規程 第28条）*",
    none: "受講が必要な研修はありません。",
    state: {
      valid: ":white_check_mark: 有効",
      expiring: ":hourglass_flowing_sand: まもなく期限",
      overdue: ":red_circle: 期限切れ",
      never: ":white_circle: 未受講",
    } as Record<CourseState, string>,
    completed: (d: string) => `受講日：${d}`,
    expires: (d: string) => `有効期限：${d}`,
    dueBy: (d: string) => `受講期限：${d}`,
    never: "受講記録なし",
    todo: (id: string) => `受講したら \`/privacy training done ${id} [受講日] [証跡URL]\` で記録してください。`,
    open: "受講ページ",
    evaluation: (passed: boolean, score: number | null, on: string) =>
      `評価（規程 第28条）：${passed ? "合格" : "不合格"}${score !== null ? `・${score}点` : ""}（${on}）${passed ? "" : "　不合格の受講は受講済みに数えません"}`,
  },
  status: {
    notAllowed: "部署の受講状況を見られるのは、個人情報管理者（自分の部署）と個人情報管理責任者（代理を含む）・コンプライアンス担当（全部署）です。",
    title: (today: string) => `*研修の受講状況（${today} 時点）*`,
    none: "対象の部署に受講が必要な人がいません。",
    noDept: "部署なし",
    course: (name: string, pct: number, complete: number, required: number) => `${name}：${pct}%（${complete}/${required}人）`,
    overdue: (names: string[], more: number) => `　期限切れ：${list(names, "、")}${more > 0 ? ` ほか${more}名` : ""}`,
  },
  import: {
    notAdmin: "CSV の取り込みは管理者（admin）だけができます。",
    title: "受講記録の取り込み",
    submit: "取り込む",
    close: "キャンセル",
    intro: (header: string) =>
      `e-ラーニングから出力した CSV を貼り付けてください。1行目は見出し \`${header}\`（evidence は省略可、順不同、他の列は無視）。受講日は YYYY-MM-DD。1回に 3000 文字までなので、多いときは分けて取り込んでください（同じ記録は二重になりません）。\n規程 第28条の評価は passed（合格/不合格）と score（0〜100）の列で記録できます（不合格は受講済みに数えません）。委託先の従業者は slackId を空にし、processor（委託の届出番号）と staffRef（委託先が付けた番号。氏名は不可）で記録します。`,
    label: "CSV",
    placeholder: "slackId,course,completedOn,evidence",
    problemsHead: "問題のある行があるため、何も取り込んでいません：",
    more: (n: number) => `ほか ${n} 件`,
    problem: (p: CsvProblem, courseIds: string[]): string => {
      const at = `${p.line}行目`;
      switch (p.kind) {
        case "empty":
          return "取り込む行がありません。";
        case "header":
          return `${at}：見出しに ${p.missing.join(", ")} がありません（例：slackId,course,completedOn,evidence）。`;
        case "quote":
          return `${at}："（引用符）が閉じていません。`;
        case "columns":
          return `${at}：列の数が ${p.got} です（見出しは ${p.expected} 列）。`;
        case "slackId":
          return `${at}：「${p.value}」は Slack のユーザーID ではありません（例：U0123ABCD）。`;
        case "unknownPerson":
          return `${at}：${p.value} は名簿にいません。`;
        case "course":
          return `${at}：コース「${p.value}」はありません（${courseIds.join(", ")}）。`;
        case "date":
          return `${at}：「${p.value}」は存在しない日付です（YYYY-MM-DD）。`;
        case "future":
          return `${at}：受講日 ${p.value} は未来の日付です。`;
        case "evidence":
          return `${at}：「${p.value}」は https:// の URL ではありません。`;
        case "passed":
          return `${at}：passed「${p.value}」は 合格/不合格（yes/no）ではありません。`;
        case "score":
          return `${at}：score「${p.value}」は 0〜100 の整数ではありません。`;
        case "staff":
          return `${at}：staffRef「${p.value}」は委託先が付けた番号（英数字と . _ -、40文字まで）ではありません。氏名は記録しません。`;
        case "unknownProcessor":
          return `${at}：委託先「${p.value}」は記録にありません（委託の届出の番号、例：PRV-2026-0003）。`;
      }
    },
    doneTitle: "取り込みました",
    done: (recorded: number, already: number) =>
      `:white_check_mark: ${recorded} 件の受講記録を取り込みました。${already > 0 ? `${already} 件はすでに記録済みでした。` : ""}`,
  },
  reminder: {
    intro: (n: number) => `:mortar_board: *研修の受講期限のお知らせ*（${n} 件）`,
    overdue: "期限切れ",
    soon7: "期限まで7日以内",
    soon30: "期限まで30日以内",
    item: (course: string, link: string, due: string, daysLeft: number, never: boolean) =>
      `*${course}*${link}\n${never ? "未受講・" : ""}期限 ${due}（${daysLeft < 0 ? `${-daysLeft}日超過` : daysLeft === 0 ? "今日まで" : `あと${daysLeft}日`}）`,
    open: "受講する",
    how: (id: string) => `受講後は \`/privacy training done ${id}\` で記録（e-ラーニングの記録は管理者が取り込みます）`,
  },
  digest: {
    title: "研修の受講率（規程 第28条）",
  },
  /** a reminder's item once the course is recorded as completed (reminders/tracked.ts) */
  reminderDone: "受講を記録",
};

const en: typeof ja = {
  home: {
    title: "*🎓 Training due (Rule Art.28)*",
    item: (name: string, id: string) => `*${name}*\nOnce done, record it with \`/privacy training done ${id}\``,
    open: "Open course",
    seeAll: "`/privacy training`",
  },
  usage: [
    "`/privacy training` my training courses (Art. 28)",
    "`/privacy training done <course> [YYYY-MM-DD] [evidence URL]` record a completion (date defaults to today)",
    "`/privacy training status` my departments' completion (privacy managers; chief, deputy and compliance see all)",
    "`/privacy training import` import the e-learning system's CSV (admins only)",
  ],
  done: {
    needCourse: (ids) => `Name the course (e.g. /privacy training done ${ids[0] ?? "basic"} 2026-01-10). Courses: ${ids.join(", ")}`,
    unknownCourse: (id, ids) => `There is no course "${id}". Use one of: ${ids.join(", ")}`,
    badDate: (t) => `"${t}" is not a date that exists. Use YYYY-MM-DD (e.g. 2026-01-10).`,
    future: (t) => `${t} is in the future. Give the day you completed the course.`,
    badEvidence: (t) => `"${t}" cannot be the evidence link. Give a URL starting with https://.`,
    tooMany: "Too many words. Use `/privacy training done <course> [YYYY-MM-DD] [evidence URL]`.",
    recorded: (course, on, until) => `:white_check_mark: Recorded ${course}, completed ${on}. Valid until ${until}.`,
    already: (course, on) => `${course} completed ${on} is already recorded.`,
    notRequired: "(You are not required to take this course, but it has been recorded.)",
  },
  mine: {
    title: "*My training (Art. 28)*",
    none: "No training course is required of you.",
    state: {
      valid: ":white_check_mark: Valid",
      expiring: ":hourglass_flowing_sand: Expiring soon",
      overdue: ":red_circle: Overdue",
      never: ":white_circle: Not taken",
    },
    completed: (d) => `Completed: ${d}`,
    expires: (d) => `Valid until: ${d}`,
    dueBy: (d) => `Due by: ${d}`,
    never: "No completion on record",
    todo: (id) => `Once done, record it with \`/privacy training done ${id} [date] [evidence URL]\`.`,
    open: "Course page",
    evaluation: (passed, score, on) =>
      `Evaluation (Rule Art. 28): ${passed ? "passed" : "failed"}${score !== null ? `, score ${score}` : ""} (${on})${passed ? "" : ". A failed course does not count as done"}`,
  },
  status: {
    notAllowed: "Department training status is for privacy managers (their departments) and the chief, deputy chief and compliance (all departments).",
    title: (today) => `*Training completion (as of ${today})*`,
    none: "Nobody in these departments has a required course.",
    noDept: "No department",
    course: (name, pct, complete, required) => `${name}: ${pct}% (${complete}/${required})`,
    overdue: (names, more) => `    Overdue: ${list(names, ", ")}${more > 0 ? ` and ${more} more` : ""}`,
  },
  import: {
    notAdmin: "Only admins can import the CSV.",
    title: "Import completions",
    submit: "Import",
    close: "Cancel",
    intro: (header) =>
      `Paste the CSV exported from the e-learning system. First line: the header \`${header}\` (evidence optional, any order, other columns ignored). Dates as YYYY-MM-DD. At most 3000 characters at a time: import a long file in parts (the same completion is never recorded twice).\nThe evaluation of Rule Art.28 goes in the columns passed (yes/no) and score (0-100); a failed evaluation does not count as done. A processor's staff member: leave slackId empty and give processor (the entrustment request's code) and staffRef (the processor's reference for them, never a name).`,
    label: "CSV",
    placeholder: "slackId,course,completedOn,evidence",
    problemsHead: "Nothing was imported, because of these lines:",
    more: (n) => `and ${n} more`,
    problem: (p, courseIds) => {
      const at = `Line ${p.line}`;
      switch (p.kind) {
        case "empty":
          return "There are no lines to import.";
        case "header":
          return `${at}: the header lacks ${p.missing.join(", ")} (e.g. slackId,course,completedOn,evidence).`;
        case "quote":
          return `${at}: a quote (") is not closed.`;
        case "columns":
          return `${at}: ${p.got} columns (the header has ${p.expected}).`;
        case "slackId":
          return `${at}: "${p.value}" is not a Slack user id (e.g. U0123ABCD).`;
        case "unknownPerson":
          return `${at}: ${p.value} is not in the directory.`;
        case "course":
          return `${at}: there is no course "${p.value}" (${courseIds.join(", ")}).`;
        case "date":
          return `${at}: "${p.value}" is not a date that exists (YYYY-MM-DD).`;
        case "future":
          return `${at}: ${p.value} is in the future.`;
        case "evidence":
          return `${at}: "${p.value}" is not an https:// URL.`;
        case "passed":
          return `${at}: passed "${p.value}" is not yes/no (pass/fail).`;
        case "score":
          return `${at}: score "${p.value}" is not a whole number from 0 to 100.`;
        case "staff":
          return `${at}: staffRef "${p.value}" is not a reference the processor gives (letters, digits, . _ -, at most 40). Names are not recorded.`;
        case "unknownProcessor":
          return `${at}: there is no processor "${p.value}" on record (the entrustment request's code, e.g. PRV-2026-0003).`;
      }
    },
    doneTitle: "Imported",
    done: (recorded, already) => `:white_check_mark: Imported ${recorded} completion(s).${already > 0 ? ` ${already} were already recorded.` : ""}`,
  },
  reminder: {
    intro: (n) => `:mortar_board: *Training due* (${n})`,
    overdue: "Overdue",
    soon7: "Due within 7 days",
    soon30: "Due within 30 days",
    item: (course, link, due, daysLeft, never) =>
      `*${course}*${link}\n${never ? "Not taken yet; " : ""}due ${due} (${daysLeft < 0 ? `${-daysLeft} day(s) overdue` : daysLeft === 0 ? "today" : `${daysLeft} day(s) left`})`,
    open: "Take it",
    how: (id) => `Once done, record it with \`/privacy training done ${id}\` (e-learning records are imported by an admin)`,
  },
  digest: {
    title: "Training completion (Art. 28)",
  },
  reminderDone: "completion recorded",
};

export const trainingMessages = catalogue(ja, en);
export type TrainingMessages = ReturnType<typeof trainingMessages>;
