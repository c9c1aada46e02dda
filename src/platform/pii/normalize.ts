// Free text as the detector reads it: the spellings people use to slip a number or an
// address past a filter brought back to one form. Pure; the result is for detection only
// and is never stored or shown.

const KANJI_DIGITS: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };

/**
 * A run of kanji numerals as digits: each numeral one digit (〇九〇 -> 090), and where 十 or
 * 百 stands in the run, its value (二十三 -> 23, 百五 -> 105); a run that is no number as
 * written is left as it was.
 */
function kanjiRun(run: string): string {
  if (!/[十百]/.test(run)) return [...run].map((c) => KANJI_DIGITS[c] ?? c).join("");
  const m = /^(?:([一二三四五六七八九])?百)?(?:([一二三四五六七八九])?十)?([〇一二三四五六七八九])?$/.exec(run);
  if (!m) return run;
  const hundreds = run.includes("百") ? Number(m[1] ? KANJI_DIGITS[m[1]] : 1) : 0;
  const tens = run.includes("十") ? Number(m[2] ? KANJI_DIGITS[m[2]] : 1) : 0;
  const ones = m[3] ? Number(KANJI_DIGITS[m[3]]) : 0;
  return String(hundreds * 100 + tens * 10 + ones);
}

/** NFKC (full-width letters and digits, half-width kana, ＠ ＋ （ ）), trimmed of zero-width characters. */
export function nfkc(text: string): string {
  return text.normalize("NFKC").replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "");
}

/** Kanji numerals as digits (see kanjiRun). */
export function kanjiNumerals(text: string): string {
  return text.replace(/[〇零一二三四五六七八九十百]+/g, kanjiRun);
}

/**
 * What may stand between the digit groups of one number: spaces, dots, hyphens and dashes,
 * the long-vowel mark ー, commas, 、・ and brackets (03(1234)5678), at most three in a row.
 */
const GROUP_SEPARATORS = /(?<=\d)[\s.\-‐‑‒–—―−ーｰ,、・()[\]]{1,3}(?=\d)/g;

/** The separators between digit groups made one hyphen: "090 1234.5678" -> "090-1234-5678". */
export function digitGroups(text: string): string {
  return text.replace(GROUP_SEPARATORS, "-");
}

/**
 * E-mail addresses spelled out brought back: "at", "(at)", "[at]", "アット(マーク)", "あっと"
 * for @ and "dot", "(dot)", "ドット", "どっと" for the dot, with the spaces around them.
 */
export function emailSpellings(text: string): string {
  return text
    .replace(/\s*[([{<]\s*(?:at|あっと|アット)\s*[)\]}>]\s*/gi, "@")
    .replace(/\s*[([{<]\s*(?:dot|ドット|どっと)\s*[)\]}>]\s*/gi, ".")
    .replace(/\s*(?:アットマーク|アット|あっとまーく|あっと)\s*/g, "@")
    .replace(/\s*(?:ドット|どっと)\s*/g, ".")
    .replace(/(?<=[A-Za-z0-9._%+-])\s+at\s+(?=[A-Za-z0-9-])/gi, "@")
    .replace(/(?<=[A-Za-z0-9-])\s+dot\s+(?=[A-Za-z0-9-])/gi, ".")
    .replace(/(?<=[A-Za-z0-9._%+-])\s*@\s*(?=[A-Za-z0-9-])/g, "@")
    .replace(/(?<=@[A-Za-z0-9.-]*[A-Za-z0-9-])\s*\.\s*(?=[A-Za-z0-9-])/g, ".");
}

export interface Normalized {
  /** NFKC only: names and addresses are read here (kanji numerals are part of names) */
  text: string;
  /** NFKC, kanji numerals as digits, e-mail spellings resolved, digit groups joined by one hyphen */
  numbers: string;
}

export function normalize(text: string): Normalized {
  const t = nfkc(text);
  return { text: t, numbers: digitGroups(emailSpellings(kanjiNumerals(t))) };
}
