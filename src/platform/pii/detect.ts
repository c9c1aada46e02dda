// Which kinds of personal data a free text seems to hold: names with an honorific,
// addresses, phone numbers, e-mail addresses, payment card numbers (Luhn) and 個人番号
// (its check digit). Read after normalising (normalize.ts), so spaces, dots, kanji
// numerals and "at"/"dot" do not hide them. Only the kinds are reported, never the values:
// the answer may be logged, stored and shown. Pure; no Slack, no database.
import { luhnValid, myNumberValid } from "./checks.js";
import { normalize } from "./normalize.js";

export const PII_KINDS = ["name", "address", "phone", "email", "card", "my_number"] as const;
export type PiiKind = (typeof PII_KINDS)[number];

// ---- numbers ------------------------------------------------------------------------------

/** Numbers that name a company's line, not a person's: free dial, navi dial, toll. */
const BUSINESS_PREFIXES = /^0(?:120|800|570|990|180)/;

function isPhone(digits: string, international: boolean): boolean {
  if (international && /^81[1-9]\d{8,9}$/.test(digits)) return true;
  if (BUSINESS_PREFIXES.test(digits)) return false;
  // mobile and IP phones 050/070/080/090 (11 digits), fixed lines 0 + area code + number (10)
  return /^0[5789]0\d{8}$/.test(digits) || /^0[1-9]\d{8}$/.test(digits);
}

const sameDigit = (d: string) => /^(\d)\1*$/.test(d);

interface Span {
  /** the first and last group of the chain it takes */
  from: number;
  to: number;
  digits: string;
}

/** Every number formed by consecutive groups of a hyphen-joined chain ("090-1234-5678-03-1234-5678" holds two), longest first. */
function spans(chain: string): Span[] {
  // every start (a long run of short groups must not hide a number at its end); a span stops past 19 digits
  const groups = chain.split("-");
  const out: Span[] = [];
  for (let from = 0; from < groups.length; from++) {
    let digits = "";
    for (let to = from; to < groups.length; to++) {
      digits += groups[to];
      if (digits.length > 19) break;
      out.push({ from, to, digits });
    }
  }
  return out.sort((a, b) => b.digits.length - a.digits.length);
}

/**
 * The numbers of one chain, the most specific kind first (a phone number's shape, then a
 * card's Luhn, then the 個人番号's check digit); groups taken by one are not read again, so
 * the first twelve digits of a card are not also reported as a 個人番号.
 */
function numberKinds(numbers: string, found: Set<PiiKind>): void {
  for (const m of numbers.matchAll(/(\+?)(\d+(?:-\d+)*)/g)) {
    const international = m[1] === "+";
    const all = spans(m[2] ?? "");
    const taken = new Set<number>();
    const free = (sp: Span) => {
      for (let g = sp.from; g <= sp.to; g++) if (taken.has(g)) return false;
      return true;
    };
    const take = (kind: PiiKind, fits: (sp: Span) => boolean) => {
      for (const sp of all) {
        if (!free(sp) || !fits(sp)) continue;
        found.add(kind);
        for (let g = sp.from; g <= sp.to; g++) taken.add(g);
      }
    };
    take("phone", (sp) => isPhone(sp.digits, international && sp.from === 0));
    take("card", (sp) => sp.digits.length >= 13 && /^[2-6]/.test(sp.digits) && !sameDigit(sp.digits) && luhnValid(sp.digits));
    take("my_number", (sp) => sp.digits.length === 12 && !sameDigit(sp.digits) && myNumberValid(sp.digits));
  }
}

// ---- e-mail -------------------------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

// ---- names --------------------------------------------------------------------------------

/** A name, then an honorific: kanji (山田太郎, 山田 太郎) or katakana (ヤマダ タロウ). */
const JA_NAME =
  /([\p{sc=Han}々ヶ]{1,5}(?:[ \u3000][\p{sc=Han}々]{1,4})?|[\p{sc=Katakana}ー]{2,10}(?:[ \u3000・][\p{sc=Katakana}ー]{1,10})?)[ \u3000]*(?:(様|さま)(?![式子相々態])|(さん)|(殿)(?![堂下様中])|(氏)(?![名族]))/gu;

/**
 * The last character of a word that is a role, a group or an organisation, not a name (お客様,
 * 担当者様, 会員様, 店長さん, 先方様, 貴社殿, 市役所様, ヤマト運輸様), or the first half of a
 * word (仕様, 多様, 同氏, 御殿).
 */
const NOT_A_NAME_END = new Set([
  ..."者員長客方人様各皆社部課係局所会店家先側仕多模態異同一別文紋今有両彼某諸御宮神拝沈王奥上主達当貴弊宛位院庁省館団組輸商鉄便協",
]);

/** Katakana words that take an honorific without being a name. */
const NOT_A_NAME_KATAKANA =
  /^(?:ユーザー?|ゲスト|メンバー|オーナー|スタッフ|オペレーター|カスタマー|クライアント|パートナー|ベンダー|サポート|センター|チーム|グループ|ドライバー|エンジニア|マネージャー|リーダー|ホスト|ファン|サービス)$/;

const LATIN_NAME = /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\s+(?:san|sama)\b/;

function hasName(text: string): boolean {
  if (LATIN_NAME.test(text)) return true;
  for (const m of text.matchAll(JA_NAME)) {
    const name = (m[1] ?? "").replace(/[ \u3000・]/g, "");
    if (/^[\p{sc=Katakana}ー]+$/u.test(name)) {
      if (!NOT_A_NAME_KATAKANA.test(name) && name.length >= 2) return true;
      continue;
    }
    if (name.length < 2) continue;
    if (NOT_A_NAME_END.has(name.slice(-1))) continue;
    return true;
  }
  return false;
}

// ---- addresses ----------------------------------------------------------------------------

const PREFECTURE =
  "(?:北海道|東京都|大阪府|京都府|(?:青森|岩手|宮城|秋田|山形|福島|茨城|栃木|群馬|埼玉|千葉|神奈川|新潟|富山|石川|福井|山梨|長野|岐阜|静岡|愛知|三重|滋賀|兵庫|奈良|和歌山|鳥取|島根|岡山|広島|山口|徳島|香川|愛媛|高知|福岡|佐賀|長崎|熊本|大分|宮崎|鹿児島|沖縄)県)";
const NUM = "[0-9〇一二三四五六七八九十百]+";
const ADDRESS = [
  // a prefecture, then a city, ward, town, village or district
  new RegExp(`${PREFECTURE}[^\\n。]{0,12}?[市区町村郡]`, "u"),
  // 〇丁目, 〇番地, 〇番〇号
  new RegExp(`${NUM}丁目`, "u"),
  new RegExp(`${NUM}番地`, "u"),
  new RegExp(`${NUM}番${NUM}号`, "u"),
  // a postal code marked as one
  /(?:〒|郵便番号)\s*\d{3}-?\d{4}/u,
];

// ---- the detector -------------------------------------------------------------------------

/** The kinds of personal data found in `text`, in PII_KINDS order (empty: none seen). */
export function detectPii(text: string | null | undefined): PiiKind[] {
  if (!text) return [];
  const n = normalize(text);
  const found = new Set<PiiKind>();
  if (hasName(n.text)) found.add("name");
  if (ADDRESS.some((r) => r.test(n.text) || r.test(n.numbers))) found.add("address");
  if (EMAIL.test(n.numbers)) found.add("email");
  numberKinds(n.numbers, found);
  return PII_KINDS.filter((k) => found.has(k));
}

/** Whether `text` seems to hold any of `kinds` (all kinds when not given). */
export function holdsPii(text: string | null | undefined, kinds: readonly PiiKind[] = PII_KINDS): boolean {
  const found = detectPii(text);
  return found.some((k) => kinds.includes(k));
}
