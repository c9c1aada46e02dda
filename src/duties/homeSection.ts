// The annual duties' section of the App Home tab (src/home/sections.ts): the open duties of
// the audit and plan calendar this person owns (the chief, the audit lead), due within 60
// days or past, each with its button 「完了を記録」; the register's review says how many
// entries are left to review.
import { holds } from "../directory/roles.js";
import { addDays, dayIn } from "../platform/day.js";
import { type HomeItem, type HomeSection, homeListBlocks } from "../platform/home.js";
import { DutyActions } from "./ids.js";
import { dutyMessages } from "./messages.js";
import { openDuties, registerReviewState } from "./store.js";
import type { RoleName } from "../directory/roles.js";

const AHEAD_DAYS = 60;

export const dutiesHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const now = s.clock.now();
  const horizon = addDays(dayIn(now, s.timeZone), AHEAD_DAYS);
  const mine = (await openDuties(db)).filter((d) => holds(actor, d.ownerRole as RoleName) && d.dueOn <= horizon);
  const m = dutyMessages(actor.lang);
  const register = mine.some((d) => d.kind === "register-review") ? await registerReviewState(db, dayIn(now, s.timeZone)) : null;
  const items = mine.map(
    (d): HomeItem => ({
      text:
        m.home.item(m.name[d.kind], m.fiscalYear(d.fiscalYear)) +
        (d.kind === "register-review" && register ? `\n${m.registerState(register.due, register.total)}` : ""),
      due: { day: d.dueOn },
      button: { text: m.closeButton, actionId: DutyActions.close, value: d.id, style: "primary" },
    }),
  );
  return homeListBlocks({ lang: actor.lang, now, timeZone: s.timeZone }, { title: m.home.title, items, none: null, seeAll: m.home.seeAll });
};
