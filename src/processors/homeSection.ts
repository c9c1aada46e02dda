// The processors' section of the App Home tab (src/home/sections.ts): the periodic
// inspections (規程 第15条6項) this person is responsible for, due within 30 days or past,
// each with a button that opens the inspection modal.
import { addDays, dateDay, dayIn } from "../platform/day.js";
import { type HomeItem, type HomeSection, homeListBlocks } from "../platform/home.js";
import { dayDate } from "./rules.js";
import { ProcessorActions } from "./ids.js";
import { processorMessages } from "./messages.js";

/** inspections due within this many days are shown */
const AHEAD_DAYS = 30;

export const processorsHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const now = s.clock.now();
  const horizon = addDays(dayIn(now, s.timeZone), AHEAD_DAYS);
  const due = await db.processor.findMany({
    where: { responsibleId: actor.slackId, disposedOn: null, contractEndRecordedAt: null, nextInspectionDue: { lte: dayDate(horizon) } },
    orderBy: { nextInspectionDue: "asc" },
  });
  const m = processorMessages(actor.lang).home;
  const items = due.map(
    (p): HomeItem => ({
      text: m.item(p.name, p.requestCode),
      due: { day: dateDay(p.nextInspectionDue) },
      button: { text: m.inspect, actionId: ProcessorActions.inspect, value: p.id, style: "primary" },
    }),
  );
  return homeListBlocks({ lang: actor.lang, now, timeZone: s.timeZone }, { title: m.title, items, none: null, seeAll: m.seeAll });
};
