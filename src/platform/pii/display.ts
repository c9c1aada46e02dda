// Free text shown where it cannot be taken back once sent (the compliance digest): a name
// typed by someone (a processor, a recipient) appears only when the detector sees no
// personal data in it; otherwise a placeholder says it was left out and why. The record
// itself, linked from the line, still holds the text.
import { catalogue, type Lang } from "../i18n.js";
import { detectPii } from "./detect.js";

const piiDisplayMessages = catalogue({ withheld: "（個人情報を含む可能性があるため省略）" }, { withheld: "(left out: may hold personal data)" });

/** `text` when it seems to hold no personal data, else the placeholder in `lang`. */
export function shownWithoutPii(text: string, lang: Lang): string {
  return detectPii(text).length === 0 ? text : piiDisplayMessages(lang).withheld;
}
