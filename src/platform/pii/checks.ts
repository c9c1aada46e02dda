// Check digits of the numbers the detector looks for: a payment card's (Luhn, ISO/IEC 7812-1)
// and the 個人番号's (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令
// 第8条 and the 総務省令 it names). A number whose check digit is right is far more likely
// to be the real thing than any run of digits, so ordinary long numbers pass.

/** Luhn: from the right, every second digit doubled (minus 9 when over 9); the sum is a multiple of 10. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * The 個人番号's check digit from its first eleven digits: P(n) is the n-th digit counted
 * from the right of those eleven, Q(n) = n + 1 for n = 1..6 and n - 5 for n = 7..11;
 * r = Σ P(n)×Q(n) mod 11; the check digit is 0 when r ≤ 1, else 11 − r.
 */
export function myNumberCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new Error("eleven digits expected");
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = Number(first11[11 - n]);
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

/** Twelve digits whose last is the 個人番号 check digit of the first eleven. */
export function myNumberValid(digits: string): boolean {
  return /^\d{12}$/.test(digits) && myNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}
