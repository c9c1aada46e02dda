// What every flow needs: the database, the clock, the outbox. Handed to features and
// commands explicitly (no globals), so tests build their own.
import type { Config } from "../config.js";
import type { Clock } from "./clock.js";
import type { Database } from "./db.js";
import type { Outbox } from "./outbox.js";
import type { Logger } from "./log.js";
import { BusinessCalendar } from "./schedule/calendar.js";
import type { Settings } from "../settings.js";

export interface Services {
  database: Database;
  clock: Clock;
  outbox: Outbox;
  log: Logger;
  timeZone: string;
  config?: Config;
  /** the company calendar (business days, quiet hours) and settings; set by the bot */
  calendar?: BusinessCalendar;
  settings?: Settings;
  /** a link to a message in the workspace (the team's URL once auth.test answered) */
  permalink?: (channel: string, ts: string) => string;
}

/** The company calendar: the bot's, or business days in the time zone with no closed days of the company's own. */
export function calendarOf(s: Pick<Services, "calendar" | "timeZone">): BusinessCalendar {
  return s.calendar ?? new BusinessCalendar({ timeZone: s.timeZone });
}

/** A link to a message: the workspace's own when known, else Slack's redirector. */
export function messageLink(s: Pick<Services, "permalink">, channel: string, ts: string): string {
  return s.permalink ? s.permalink(channel, ts) : permalinkAt(undefined, channel, ts);
}

/** The permalink of a message under a workspace's URL (auth.test's url), or Slack's redirector without one. */
export function permalinkAt(teamUrl: string | undefined, channel: string, ts: string): string {
  const base = teamUrl ?? "https://slack.com/";
  return `${base.endsWith("/") ? base : `${base}/`}archives/${channel}/p${ts.replace(".", "")}`;
}
