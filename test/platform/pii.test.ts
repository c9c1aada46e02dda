// The detector of personal data in free text (src/platform/pii): each kind is found however
// it is spelled (spaces, dots, kanji numerals, "at"/"dot", full-width), the check digits
// decide for cards and 個人番号, ordinary business text is not flagged, and the seal keeps
// lengths and keyed hashes, never the text.
import { describe, expect, it } from "vitest";
import { detectPii, luhnValid, myNumberCheckDigit, myNumberValid, normalize, textSeal, type PiiKind } from "../../src/platform/pii/index.js";

const kanji = (digits: string) => [...digits].map((c) => (/\d/.test(c) ? "〇一二三四五六七八九"[Number(c)] : c)).join("");
const fullWidth = (t: string) => t.replace(/[0-9A-Za-z@.-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe("check digits", () => {
  it("個人番号: computed from the first eleven digits (施行令・総務省令の算式)", () => {
    // worked by hand for 12345678901: P1..P11 (from the right) = 1,0,9,8,7,6,5,4,3,2,1; Q = 2,3,4,5,6,7,2,3,4,5,6
    // Σ = 2+0+36+40+42+42+10+12+12+10+6 = 212; 212 mod 11 = 3; 11 − 3 = 8
    expect(myNumberCheckDigit("12345678901")).toBe(8);
    // 98765432109: P = 9,0,1,2,3,4,5,6,7,8,9; Σ = 18+0+4+10+18+28+10+18+28+40+54 = 228; 228 mod 11 = 8; 11 − 8 = 3
    expect(myNumberCheckDigit("98765432109")).toBe(3);
    // 00000000001: Σ = 1×2 = 2; 11 − 2 = 9; 00000000000: r = 0 → 0
    expect(myNumberCheckDigit("00000000001")).toBe(9);
    expect(myNumberCheckDigit("00000000000")).toBe(0);
    for (const n of ["123456789018", "987654321093", "000000000019"]) expect(myNumberValid(n), n).toBe(true);
    for (const n of ["123456789012", "987654321090", "12345678901", "1234567890188", "12345678901a"]) expect(myNumberValid(n), n).toBe(false);
  });

  it("Luhn: test card numbers pass, one digit changed fails", () => {
    for (const n of ["4111111111111111", "5555555555554444", "3530111333300000", "378282246310005", "4242424242424242"]) expect(luhnValid(n), n).toBe(true);
    for (const n of ["4111111111111112", "5555555555554445", "3530111333300001", "4242424242424241"]) expect(luhnValid(n), n).toBe(false);
  });
});

describe("each kind is found after each evasion", () => {
  const cases: Record<PiiKind, string[]> = {
    phone: [
      "連絡先 090-1234-5678",
      "09012345678",
      "090 1234 5678",
      "090.1234.5678",
      "090ー1234ー5678",
      "〇九〇 一二三四 五六七八",
      "〇九〇一二三四五六七八",
      fullWidth("090-1234-5678"),
      "03(1234)5678",
      "03 1234 5678",
      "+81 90 1234 5678",
      "+81-3-1234-5678",
      "電話は 086, 123, 4567 まで",
      // a run of short groups in front hides nothing
      `${"1 ".repeat(40)}090 8765 4321`,
    ],
    email: [
      "taro.yamada@example.co.jp",
      "taro at example dot com",
      "taro (at) example (dot) com",
      "taro[at]example[dot]co[dot]jp",
      "taro アットマーク example.com",
      "taro アット example ドット com",
      "taro＠example．com",
      fullWidth("taro@example.com"),
      "taro @ example . com",
    ],
    card: [
      "4111111111111111",
      "4111 1111 1111 1111",
      "4111.1111.1111.1111",
      "4111-1111-1111-1111",
      `カード ${kanji("4111 1111 1111 1111")}`,
      fullWidth("5555-5555-5555-4444"),
      "3782 822463 10005",
    ],
    my_number: [
      "123456789018",
      "1234 5678 9018",
      "1234.5678.9018",
      "1234-5678-9018",
      kanji("1234 5678 9018"),
      fullWidth("987654321093"),
      "個人番号は 9876 5432 1093 です",
    ],
    name: ["山田太郎様", "山田 太郎 様", "山田　太郎さま", "田中さん", "鈴木氏", "佐藤殿", "ヤマダ タロウ様", "ﾔﾏﾀﾞ ﾀﾛｳ様", "Mr. Smith", "Tanaka san"],
    address: [
      "東京都千代田区丸の内",
      "岡山県岡山市北区",
      "丸の内一丁目2番3号",
      "丸の内１丁目",
      "大手町3番地",
      "〒100-0001",
      "〒１００－０００１",
      "郵便番号 1000001",
    ],
  };
  for (const [kind, texts] of Object.entries(cases) as [PiiKind, string[]][]) {
    it(`${kind}: ${texts.length} spellings`, () => {
      for (const t of texts) expect(detectPii(t), t).toContain(kind);
    });
  }

  it("several kinds in one text are all named, each once, never with the values", () => {
    const found = detectPii("山田太郎様（090-1234-5678、taro at example dot com）東京都港区芝公園4丁目2番8号、カード 4111 1111 1111 1111、番号 1234 5678 9018");
    expect(found).toEqual(["name", "address", "phone", "email", "card", "my_number"]);
  });
});

describe("check digits decide; ordinary business text is not flagged", () => {
  it("a card number with a wrong check digit is no card; twelve digits with a wrong check digit are no 個人番号", () => {
    expect(detectPii("4242 4242 4242 4241")).not.toContain("card");
    expect(detectPii("5555-5555-5555-4445")).not.toContain("card");
    expect(detectPii("1234 5678 9012")).toEqual([]);
    expect(detectPii("9876-5432-1090")).toEqual([]);
    expect(detectPii("000000000000")).toEqual([]);
  });

  it("dates, articles, amounts, codes, counts and company lines", () => {
    for (const t of [
      "2026年4月1日",
      "2026-04-01 から 2027-03-31 まで",
      "2026/04/01 10:30",
      "令和8年4月1日",
      "第16条第2項第3号",
      "規程 第4条、第5条・第8条",
      "金額 1,200,000円",
      "¥98,000,000",
      "約 12,000 件",
      "PRV-2026-0001",
      "INC-2026-0012 と DSR-2026-0003",
      "受講者 1200 名",
      "フリーダイヤル 0120-123-456",
      "お客様",
      "ご担当者様",
      "会員様へのお知らせ",
      "皆さん",
      "お客さん",
      "製品仕様書",
      "同様に",
      "氏名、メールアドレス、電話番号",
      "様式第1号",
      "東京都の条例",
      "オンライン講座の受講者管理と修了証の発行",
      "ユーザー様",
      "東都損害保険株式会社様",
      "ヤマト運輸様に回付",
      "区役所殿",
      "meet at 10 am",
      "バージョン 1.2.3",
    ])
      expect(detectPii(t), t).toEqual([]);
  });
});

describe("normalisation", () => {
  it("NFKC, kanji numerals (十 and 百 as values), separators between digit groups, e-mail spellings", () => {
    expect(normalize("０９０ー１２３４ー５６７８").numbers).toBe("090-1234-5678");
    expect(normalize("二十三").numbers).toBe("23");
    expect(normalize("百五").numbers).toBe("105");
    expect(normalize("三百").numbers).toBe("300");
    expect(normalize("〇九〇").numbers).toBe("090");
    expect(normalize("taro (at) example (dot) com").numbers).toBe("taro@example.com");
    expect(normalize("ﾔﾏﾀﾞ").text).toBe("ヤマダ");
  });
});

describe("the seal: length and keyed hash, never the text", () => {
  it("the same text under the same key gives the same hash; another key or text, another", () => {
    const a = textSeal("k".repeat(32));
    const b = textSeal("m".repeat(32));
    const text = "顧客連絡 090-1234-5678";
    const sealed = a(text)!;
    expect(sealed).toEqual({ len: [...text].length, hmac: expect.stringMatching(/^[0-9a-f]{32}$/), pii: ["phone"] });
    expect(a(text)!.hmac).toBe(sealed.hmac);
    expect(b(text)!.hmac).not.toBe(sealed.hmac);
    expect(a(`${text} `)!.hmac).not.toBe(sealed.hmac);
    expect(JSON.stringify(sealed)).not.toMatch(/090|1234|5678|顧客/);
    expect(a(null)).toBeNull();
    expect(a("ordinary")).toEqual({ len: 8, hmac: expect.any(String) });
  });
});
