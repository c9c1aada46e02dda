// /privacy training …: annual training (規程 第28条).
//   (nothing)                                   my courses: state, completed on, valid until, what to do
//   done <course> [YYYY-MM-DD] [evidence-url]   record my completion (date: today in the company's time zone)
//   status                                      managers: their departments; chief, deputy, compliance: all
//   import                                      admins: the e-learning system's CSV, pasted into a modal
import { isAdmin, managedDepartments, seesAllTraining } from "../src/directory/roles.js";
import { departmentStatusBlocks, importModal, myTrainingBlocks } from "../src/training/blocks.js";
import { recordCompletion } from "../src/training/flows.js";
import { courseName, showDay, trainingMessages } from "../src/training/messages.js";
import { dayIn, expiresOn, inAudience, looksLikeDay, parseDay, parseEvidence } from "../src/training/rules.js";
import { coursesOf, departmentSummary, evaluationsOf } from "../src/training/store.js";
import { defaultSettings } from "../src/settings.js";
import type { CommandContext, PrivacyCommand } from "./types.js";

const coursesOfSettings = (ctx: CommandContext) => (ctx.services.settings ?? defaultSettings()).training.courses;
const today = (ctx: CommandContext) => dayIn(ctx.services.clock.now(), ctx.services.timeZone);

async function mine(ctx: CommandContext): Promise<void> {
  const courses = coursesOfSettings(ctx);
  const d = today(ctx);
  const db = ctx.services.database.prisma;
  const rows = await coursesOf(db, courses, ctx.actor.slackId, d);
  await ctx.respond(myTrainingBlocks(rows, courses, d, ctx.actor.lang, await evaluationsOf(db, ctx.actor.slackId)));
}

async function done(ctx: CommandContext, words: string[]): Promise<void> {
  const lang = ctx.actor.lang;
  const m = trainingMessages(lang).done;
  const courses = coursesOfSettings(ctx);
  const ids = courses.map((c) => c.id);
  const [courseWord, ...rest] = words;
  if (!courseWord) return ctx.respond({ text: m.needCourse(ids) });
  const course = courses.find((c) => c.id === courseWord.toLowerCase());
  if (!course) return ctx.respond({ text: m.unknownCourse(courseWord, ids) });
  if (rest.length > 2) return ctx.respond({ text: m.tooMany });
  const d = today(ctx);
  let completedOn: string | null = null;
  let evidence: string | null = null;
  for (const w of rest) {
    const urlish = w.startsWith("<") || w.includes("://") || /^[a-z]+:/i.test(w);
    if (!urlish || looksLikeDay(w)) {
      if (completedOn) return ctx.respond({ text: m.tooMany });
      const day = parseDay(w);
      if (!day) return ctx.respond({ text: m.badDate(w) });
      if (day > d) return ctx.respond({ text: m.future(day) });
      completedOn = day;
    } else {
      if (evidence) return ctx.respond({ text: m.tooMany });
      evidence = parseEvidence(w);
      if (!evidence) return ctx.respond({ text: m.badEvidence(w) });
    }
  }
  const on = completedOn ?? d;
  const r = await recordCompletion(ctx.services, { personId: ctx.actor.slackId, courseId: course.id, completedOn: on, evidence });
  const name = courseName(course, lang);
  if (!r.created) return ctx.respond({ text: m.already(name, showDay(on, lang)) });
  const note = inAudience(course.audience, ctx.actor.roles) ? "" : `\n${m.notRequired}`;
  await ctx.respond({ text: `${m.recorded(name, showDay(on, lang), showDay(expiresOn(on, course), lang))}${note}` });
}

async function status(ctx: CommandContext): Promise<void> {
  const lang = ctx.actor.lang;
  const all = seesAllTraining(ctx.actor);
  const managed = managedDepartments(ctx.actor);
  if (!all && managed.length === 0) return ctx.respond({ text: trainingMessages(lang).status.notAllowed });
  const courses = coursesOfSettings(ctx);
  const d = today(ctx);
  const rows = await departmentSummary(ctx.services.database.prisma, courses, d, all ? null : managed);
  await ctx.respond(departmentStatusBlocks(rows, courses, d, lang));
}

async function openImport(ctx: CommandContext): Promise<void> {
  if (!isAdmin(ctx.actor)) return ctx.respond({ text: trainingMessages(ctx.actor.lang).import.notAdmin });
  await ctx.openModal(importModal(ctx.actor.lang));
}

export const trainingCommand: PrivacyCommand = {
  name: "training",
  usage: (lang) => trainingMessages(lang).usage,
  async run(ctx) {
    const [verb, ...rest] = ctx.args;
    switch (verb?.toLowerCase()) {
      case undefined:
      case "mine":
        return mine(ctx);
      case "done":
        return done(ctx, rest);
      case "status":
        return status(ctx);
      case "import":
        return openImport(ctx);
      default:
        return ctx.respond({ text: trainingMessages(ctx.actor.lang).usage.join("\n") });
    }
  },
};
