// The training section of the App Home tab (src/home/sections.ts): the courses this person
// must take (規程 第28条) that are due within 30 days, past or never taken, each with its
// due day and a link to the course where the settings give one.
import { type HomeItem, type HomeSection, homeListBlocks } from "../platform/home.js";
import { TrainingActions } from "./ids.js";
import { courseName, trainingMessages } from "./messages.js";
import { addDays, dayIn } from "./rules.js";
import { coursesOf } from "./store.js";

const AHEAD_DAYS = 30;

export const trainingHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const courses = s.settings?.training.courses ?? [];
  const now = s.clock.now();
  const today = dayIn(now, s.timeZone);
  const mine = (await coursesOf(db, courses, actor.slackId, today)).filter((c) => c.due <= addDays(today, AHEAD_DAYS));
  const m = trainingMessages(actor.lang).home;
  const items = mine.flatMap((pc): HomeItem[] => {
    const course = courses.find((c) => c.id === pc.course);
    if (!course) return [];
    return [
      {
        text: m.item(courseName(course, actor.lang), course.id),
        due: { day: pc.due },
        ...(course.url ? { button: { text: m.open, url: course.url, actionId: TrainingActions.openCourse } } : {}),
      },
    ];
  });
  return homeListBlocks({ lang: actor.lang, now, timeZone: s.timeZone }, { title: m.title, items, none: null, seeAll: m.seeAll });
};
