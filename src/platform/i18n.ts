// Message catalogues. Every user-facing string lives in a feature's catalogue,
// written once in Japanese (the default) and once in English, with the same shape.
export type Lang = "ja" | "en";
export const DEFAULT_LANG: Lang = "ja";
/** The language of the bot's posts in shared channels (approvals, incidents, compliance, duties). */
export const CHANNEL_LANG: Lang = "ja";

/** Declares a catalogue: the English one must have exactly the Japanese one's keys and types. */
export function catalogue<T extends object>(ja: T, en: T): (lang: Lang) => T {
  return (lang) => (lang === "en" ? en : ja);
}

/** Maps a Slack locale (e.g. "en-US", "ja-JP") to a language we speak. */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (!locale) return DEFAULT_LANG;
  return locale.toLowerCase().startsWith("en") ? "en" : "ja";
}

/** Formats a moment in the company's time zone, e.g. 2026/11/22 09:05. */
export function formatDateTime(d: Date, lang: Lang, timeZone = process.env.TZ || "Asia/Tokyo"): string {
  return dayFormat(lang, timeZone, { hour: "2-digit", minute: "2-digit", hour12: false }).format(d);
}

export function formatDate(d: Date, lang: Lang, timeZone = process.env.TZ || "Asia/Tokyo"): string {
  return dayFormat(lang, timeZone).format(d);
}

/** The date as the language writes it (en-GB or ja-JP: 22/11/2026, 2026/11/22), with `more` (the time). */
function dayFormat(lang: Lang, timeZone: string, more: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  // a formatter costs about 60 µs to build and nothing to reuse: the reminder runs format tens of thousands of days
  const key = `${lang}|${timeZone}|${JSON.stringify(more)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "ja-JP", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", ...more });
    formats.set(key, f);
  }
  return f;
}
const formats = new Map<string, Intl.DateTimeFormat>();
