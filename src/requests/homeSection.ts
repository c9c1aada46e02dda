// The requests' sections of the App Home tab (src/home/): the requests waiting for this
// person's decision or measures (each with its company target and a button to its thread),
// then their own requests by status; and the Home's 「届出を作成」 button.
import type { HomeItem, HomeSection, HomeStarter } from "../platform/home.js";
import { homeListBlocks } from "../platform/home.js";
import { calendarOf, messageLink } from "../platform/services.js";
import { type WaitingItem, waitingFor } from "./access.js";
import { RequestActions } from "./ids.js";
import { requestMessages } from "./messages.js";
import { requestsOf } from "./store.js";
import { myRequestsBlocks, requestLine } from "./views.js";

export const requestsHomeSection: HomeSection = async ({ db, actor, services: s }) => {
  const [mine, waiting] = await Promise.all([requestsOf(db, actor.slackId, 40), waitingFor(db, actor)]);
  const m = requestMessages(actor.lang);
  const cal = calendarOf(s);
  const item = (w: WaitingItem): HomeItem => {
    const measures = w.status === "approved";
    // the company's targets, the ones the morning reminders use (settings: approvals, measures)
    const since = measures ? (w.approvedAt ?? w.stageSince ?? w.createdAt) : (w.stageSince ?? w.createdAt);
    const after = measures ? (s.settings?.measuresRemindAfter ?? 10) : (s.settings?.approvals(w.kind).remindAfter ?? 2);
    const url = w.channelId && w.messageTs ? messageLink(s, w.channelId, w.messageTs) : null;
    return {
      text: requestLine(w, actor.lang),
      due: { day: cal.addBusinessDays(cal.day(since), after) },
      ...(url ? { button: { text: measures ? m.home.measures : m.home.decide, url, actionId: RequestActions.openLink } } : {}),
    };
  };
  const list = homeListBlocks(
    { lang: actor.lang, now: s.clock.now(), timeZone: s.timeZone },
    { title: m.list.waiting, note: m.home.note, items: waiting.map(item), none: m.list.noneWaiting, seeAll: m.home.seeAll },
    8,
  );
  return [...list, ...myRequestsBlocks(mine, actor.lang)];
};

/** 「届出を作成」: the kind picker, as `/privacy request` opens it. */
export const requestsHomeStarter: HomeStarter = (actor) => ({
  text: requestMessages(actor.lang).home.start,
  actionId: RequestActions.startFromHome,
  style: "primary",
});
