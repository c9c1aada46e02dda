// Texts of reminder DMs, snoozes and escalations (Japanese, English).
import { catalogue } from "../platform/i18n.js";

const ja = {
  snooze1: "1営業日スヌーズ",
  snooze3: "3営業日スヌーズ",
  open: "開く",
  snoozed: (until: string) => `:alarm_clock: ${until} まで再通知しません。`,
  snoozeHelp: "各項目の「…」から、その項目の通知を1営業日または3営業日止められます。",
  more: (n: number) => `ほか ${n} 件は App Home で確認できます。`,
  snoozeUnknown: "このリマインダーは古いため、再通知の設定ができませんでした。",
  /** an item done since the reminder was sent (issue 16): what was done, when, by whom */
  done: (what: string, at: string, who: string) => `✔️ 対応済み：${what}（${at} ${who}）`,
};

const en: typeof ja = {
  snooze1: "Snooze 1 business day",
  snooze3: "Snooze 3 business days",
  open: "Open",
  snoozed: (until) => `:alarm_clock: No reminders about this through ${until}.`,
  snoozeHelp: "Use “…” on an item to snooze it for 1 or 3 business days.",
  more: (n) => `${n} more on the App Home tab.`,
  snoozeUnknown: "This reminder is too old to snooze.",
  done: (what, at, who) => `✔️ Done: ${what} (${at}, ${who})`,
};

export const reminderMessages = catalogue(ja, en);
